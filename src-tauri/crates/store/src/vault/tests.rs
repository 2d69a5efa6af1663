use super::*;

mod twins;

fn setup() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::new(dir.path().join("vault"));
    std::fs::create_dir(vault.dir().unwrap()).unwrap();
    (dir, vault)
}

thread_local! {
    /// Chunks to go before a test's ingest on this thread is cancelled, as a user would
    /// between two chunks.
    static CANCEL_AFTER: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Called by `stream` after each chunk (tests only): raises `cancel` when the test asked.
pub(super) fn chunk_written(cancel: &AtomicBool) {
    CANCEL_AFTER.with(|left| match left.get() {
        Some(0 | 1) => {
            left.set(None);
            cancel.store(true, Ordering::Relaxed);
        }
        Some(n) => left.set(Some(n - 1)),
        None => {}
    });
}

const ABC_SHA256: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

#[test]
fn a_blob_is_named_by_the_sha256_of_its_content() {
    let (dir, vault) = setup();
    let source = dir.path().join("abc.txt");
    std::fs::write(&source, "abc").unwrap();
    let (blob, stamp) = vault.ingest(&source, &AtomicBool::new(false)).unwrap();
    assert_eq!(blob.sha256, ABC_SHA256, "the known SHA-256 of 'abc'");
    assert_eq!(blob.size, 3);
    assert_eq!(stamp.size, 3);
    let stored = vault.blob_path(ABC_SHA256).unwrap();
    assert_eq!(std::fs::read(&stored).unwrap(), b"abc");
    assert!(stored.starts_with(vault.dir().unwrap().join("ba")));
    assert!(vault.verify(ABC_SHA256).unwrap());
    assert_eq!(
        std::fs::read_dir(vault.dir().unwrap().join(TEMP_DIR))
            .unwrap()
            .count(),
        0,
        "no temporary file stays behind"
    );
}

#[test]
fn identical_content_is_stored_once() {
    let (dir, vault) = setup();
    for name in ["a.txt", "b.txt"] {
        std::fs::write(dir.path().join(name), "abc").unwrap();
        vault
            .ingest(&dir.path().join(name), &AtomicBool::new(false))
            .unwrap();
    }
    let blobs = std::fs::read_dir(vault.dir().unwrap().join("ba"))
        .unwrap()
        .count();
    assert_eq!(blobs, 1);
}

#[test]
fn an_empty_file_is_a_blob_too() {
    let (dir, vault) = setup();
    std::fs::write(dir.path().join("empty"), "").unwrap();
    let (blob, _) = vault
        .ingest(&dir.path().join("empty"), &AtomicBool::new(false))
        .unwrap();
    assert_eq!(
        blob.sha256,
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(blob.size, 0);
}

#[test]
fn a_cancelled_or_failed_ingest_leaves_no_blob_and_no_temporary_file() {
    let (dir, vault) = setup();
    let source = dir.path().join("big.bin");
    std::fs::write(&source, vec![7u8; 3 * CHUNK]).unwrap();
    let error = vault.ingest(&source, &AtomicBool::new(true)).unwrap_err();
    assert!(matches!(error, VaultError::Cancelled));
    let missing = vault.ingest(&dir.path().join("gone"), &AtomicBool::new(false));
    assert!(matches!(missing, Err(VaultError::Unreadable { .. })));
    let folder = vault.ingest(dir.path(), &AtomicBool::new(false));
    assert!(matches!(folder, Err(VaultError::NotAFile { .. })));
    let leftovers: Vec<_> = walk(vault.dir().unwrap());
    assert!(leftovers.is_empty(), "nothing but folders: {leftovers:?}");
}

#[test]
fn a_damaged_blob_fails_verification() {
    let (dir, vault) = setup();
    let source = dir.path().join("abc.txt");
    std::fs::write(&source, "abc").unwrap();
    vault.ingest(&source, &AtomicBool::new(false)).unwrap();
    std::fs::write(vault.blob_path(ABC_SHA256).unwrap(), "abd").unwrap();
    assert!(!vault.verify(ABC_SHA256).unwrap());
    std::fs::remove_file(vault.blob_path(ABC_SHA256).unwrap()).unwrap();
    assert!(
        !vault.verify(ABC_SHA256).unwrap(),
        "a missing blob is not intact"
    );
}

#[test]
fn leftovers_of_a_crashed_write_are_removed() {
    let (_dir, vault) = setup();
    std::fs::create_dir_all(vault.dir().unwrap().join(TEMP_DIR)).unwrap();
    std::fs::write(vault.dir().unwrap().join(TEMP_DIR).join(".tmpXYZ"), "half").unwrap();
    vault.remove_leftovers();
    assert!(walk(vault.dir().unwrap()).is_empty());
}

#[test]
fn hashing_alone_stores_nothing() {
    let (dir, vault) = setup();
    let source = dir.path().join("abc.txt");
    std::fs::write(&source, "abc").unwrap();
    let (blob, _) = hash_file(&source, &AtomicBool::new(false)).unwrap();
    assert_eq!(blob.sha256, ABC_SHA256);
    assert!(!vault.contains(ABC_SHA256));
}

/// Every file below `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
