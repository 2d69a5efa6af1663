//! The vault's behaviour on both engines: in a folder (a SQLite workspace's) and in
//! PostgreSQL (`…_on_postgresql`, against the test cluster; SKIPPED without one).

use std::cell::RefCell;

use ::postgres::Client;

use super::*;
use crate::pg::test_server::{TestDb, server};

/// A vault under test and a way to reach behind its back.
struct Twin {
    vault: Vault,
    /// Source files of the test.
    scratch: tempfile::TempDir,
    /// PostgreSQL: a second connection to the vault's database, and the database (dropped
    /// last).
    pg: Option<(RefCell<Client>, TestDb)>,
}

impl Twin {
    fn folder() -> Twin {
        let scratch = tempfile::tempdir().unwrap();
        let vault = Vault::new(scratch.path().join("vault"));
        std::fs::create_dir(vault.dir().unwrap()).unwrap();
        Twin {
            vault,
            scratch,
            pg: None,
        }
    }

    /// `None` (the test passes, SKIPPED printed) without a test cluster.
    fn postgres() -> Option<Twin> {
        let admin = server()?;
        let db = TestDb::create(&admin);
        let mut client = db.connect();
        crate::pg::migrate(&mut client).unwrap();
        let vault = Vault::postgres(&db.config).unwrap();
        Some(Twin {
            vault,
            scratch: tempfile::tempdir().unwrap(),
            pg: Some((RefCell::new(client), db)),
        })
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.scratch.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn count(&self, sql: &str) -> usize {
        let (client, _) = self.pg.as_ref().unwrap();
        let n: i64 = client.borrow_mut().query_one(sql, &[]).unwrap().get(0);
        n as usize
    }

    /// How many blobs are stored.
    fn blobs(&self) -> usize {
        match self.vault.dir() {
            Some(dir) => walk(dir)
                .iter()
                .filter(|p| !p.starts_with(dir.join(TEMP_DIR)))
                .count(),
            None => self.count("SELECT count(*) FROM evidence_content"),
        }
    }

    /// What is staged and named by no blob: temporary files, or uploads and chunks.
    fn staged(&self) -> usize {
        match self.vault.dir() {
            Some(dir) => walk(dir)
                .iter()
                .filter(|p| p.starts_with(dir.join(TEMP_DIR)))
                .count(),
            None => self.count(
                "SELECT (SELECT count(*) FROM evidence_upload u
                          WHERE NOT EXISTS (SELECT 1 FROM evidence_content c WHERE c.upload_id = u.id))
                      + (SELECT count(*) FROM evidence_chunk k
                          WHERE NOT EXISTS (SELECT 1 FROM evidence_content c WHERE c.upload_id = k.upload_id))",
            ),
        }
    }

    /// What a crashed write leaves: a partial temporary file, or an upload with a chunk.
    fn stage_partial(&self) {
        match self.vault.dir() {
            Some(dir) => {
                std::fs::create_dir_all(dir.join(TEMP_DIR)).unwrap();
                std::fs::write(dir.join(TEMP_DIR).join(".tmpXYZ"), "half").unwrap();
            }
            None => {
                let (client, _) = self.pg.as_ref().unwrap();
                client
                    .borrow_mut()
                    .batch_execute(
                        "WITH u AS (INSERT INTO evidence_upload DEFAULT VALUES RETURNING id)
                         INSERT INTO evidence_chunk (upload_id, n, data)
                         SELECT id, 0, '\\x68616c66'::bytea FROM u",
                    )
                    .unwrap();
            }
        }
    }

    /// Changes the stored content of `sha256` to "abd" behind the vault's back.
    fn damage(&self, sha256: &str) {
        match self.vault.blob_path(sha256) {
            Some(path) => std::fs::write(path, "abd").unwrap(),
            None => {
                let (client, _) = self.pg.as_ref().unwrap();
                let changed = client
                    .borrow_mut()
                    .execute(
                        "UPDATE evidence_chunk SET data = 'abd'::bytea
                          WHERE upload_id = (SELECT upload_id FROM evidence_content WHERE sha256 = $1)",
                        &[&sha256],
                    )
                    .unwrap();
                assert_eq!(changed, 1);
            }
        }
    }

    /// Removes the stored content of `sha256` behind the vault's back.
    fn remove(&self, sha256: &str) {
        match self.vault.blob_path(sha256) {
            Some(path) => std::fs::remove_file(path).unwrap(),
            None => {
                let (client, _) = self.pg.as_ref().unwrap();
                client
                    .borrow_mut()
                    .execute("DELETE FROM evidence_content WHERE sha256 = $1", &[&sha256])
                    .unwrap();
            }
        }
    }
}

fn read_back(vault: &Vault, sha256: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    vault.open(sha256).unwrap().read_to_end(&mut bytes).unwrap();
    bytes
}

/// Varied bytes (so that no chunk equals another).
fn varied(size: usize) -> Vec<u8> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    (0..size)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

fn stores_reads_back_and_stores_equal_content_once(t: Twin) {
    let no = AtomicBool::new(false);
    let (blob, stamp) = t.vault.ingest(&t.file("a.txt", b"abc"), &no).unwrap();
    assert_eq!(
        (blob.sha256.as_str(), blob.size, stamp.size),
        (ABC_SHA256, 3, 3)
    );
    assert!(t.vault.contains(ABC_SHA256));
    assert_eq!(read_back(&t.vault, ABC_SHA256), b"abc");
    let mut copied = Vec::new();
    assert_eq!(t.vault.copy_to(ABC_SHA256, &mut copied).unwrap(), 3);
    assert_eq!(copied, b"abc");
    assert!(t.vault.verify(ABC_SHA256).unwrap());
    // The same content again, from another file and from memory: one blob.
    let (again, _) = t.vault.ingest(&t.file("b.txt", b"abc"), &no).unwrap();
    assert_eq!(again, blob);
    assert_eq!(t.vault.store_bytes(b"abc", Path::new("mem")).unwrap(), blob);
    assert_eq!(t.blobs(), 1);
    // An empty file is a blob too.
    let (empty, _) = t.vault.ingest(&t.file("empty", b""), &no).unwrap();
    assert_eq!(
        (empty.sha256.as_str(), empty.size),
        (
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            0
        )
    );
    assert!(t.vault.contains(&empty.sha256));
    assert!(read_back(&t.vault, &empty.sha256).is_empty());
    assert!(t.vault.verify(&empty.sha256).unwrap());
    assert_eq!(t.blobs(), 2);
    assert_eq!(t.staged(), 0, "nothing staged stays behind");
    // What is not stored: not contained, not found, not intact.
    let other = hex(&Sha256::digest(b"other"));
    assert!(!t.vault.contains(&other));
    assert_eq!(
        t.vault.open(&other).err().map(|e| e.kind()),
        Some(ErrorKind::NotFound)
    );
    assert!(!t.vault.verify(&other).unwrap());
}

#[test]
fn stores_reads_back_and_stores_equal_content_once_on_sqlite() {
    stores_reads_back_and_stores_equal_content_once(Twin::folder());
}

#[test]
fn stores_reads_back_and_stores_equal_content_once_on_postgresql() {
    if let Some(t) = Twin::postgres() {
        stores_reads_back_and_stores_equal_content_once(t);
    }
}

fn large_content_crosses_many_chunks(t: Twin) {
    let bytes = varied(3 * CHUNK + 17);
    let expected = hex(&Sha256::digest(&bytes));
    let (blob, _) = t
        .vault
        .ingest(&t.file("big.bin", &bytes), &AtomicBool::new(false))
        .unwrap();
    assert_eq!(
        (blob.sha256.as_str(), blob.size),
        (expected.as_str(), bytes.len() as u64)
    );
    assert!(read_back(&t.vault, &expected) == bytes, "read back equal");
    assert!(t.vault.verify(&expected).unwrap());
    // From memory too, in chunks of the same size.
    let small = varied(CHUNK + 1);
    let stored = t.vault.store_bytes(&small, Path::new("mem")).unwrap();
    assert!(read_back(&t.vault, &stored.sha256) == small);
    if t.pg.is_some() {
        assert_eq!(t.count("SELECT count(*) FROM evidence_chunk"), 4 + 2);
        assert_eq!(
            t.count("SELECT max(length(data))::bigint FROM evidence_chunk"),
            CHUNK,
            "no row holds more than a chunk"
        );
        let held = format!(
            "SELECT count(*) FROM pg_locks
              WHERE locktype = 'advisory' AND classid::bigint = {}
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            postgres::UPLOAD_LOCK_CLASS
        );
        assert_eq!(t.count(&held), 0, "the uploads' locks are released");
        // Content is not journalled row by row (pg::journal::NOT_JOURNALLED).
        assert_eq!(
            t.count(
                "SELECT count(*) FROM journal
                  WHERE tbl IN ('evidence_upload', 'evidence_chunk', 'evidence_content')"
            ),
            0
        );
        assert_eq!(
            t.count(
                "SELECT count(*) FROM pg_trigger
                  WHERE NOT tgisinternal AND tgrelid IN ('evidence_upload'::regclass,
                        'evidence_chunk'::regclass, 'evidence_content'::regclass)"
            ),
            0,
            "no journal trigger on the content tables"
        );
    }
}

#[test]
fn large_content_crosses_many_chunks_on_sqlite() {
    large_content_crosses_many_chunks(Twin::folder());
}

#[test]
fn large_content_crosses_many_chunks_on_postgresql() {
    if let Some(t) = Twin::postgres() {
        large_content_crosses_many_chunks(t);
    }
}

fn a_cancel_mid_ingest_leaves_nothing(t: Twin) {
    let source = t.file("big.bin", &varied(4 * CHUNK));
    CANCEL_AFTER.with(|c| c.set(Some(2)));
    let error = t
        .vault
        .ingest(&source, &AtomicBool::new(false))
        .unwrap_err();
    assert!(matches!(error, VaultError::Cancelled), "{error:?}");
    assert_eq!((t.blobs(), t.staged()), (0, 0), "no blob, nothing staged");
    // A source that cannot be read stores nothing either.
    let error = t
        .vault
        .ingest(&t.scratch.path().join("gone"), &AtomicBool::new(false))
        .unwrap_err();
    assert!(matches!(error, VaultError::Unreadable { .. }));
    assert_eq!((t.blobs(), t.staged()), (0, 0));
}

#[test]
fn a_cancel_mid_ingest_leaves_nothing_on_sqlite() {
    a_cancel_mid_ingest_leaves_nothing(Twin::folder());
}

#[test]
fn a_cancel_mid_ingest_leaves_nothing_on_postgresql() {
    if let Some(t) = Twin::postgres() {
        a_cancel_mid_ingest_leaves_nothing(t);
    }
}

fn leftovers_of_a_crashed_write_are_removed(t: Twin) {
    t.vault
        .ingest(&t.file("a.txt", b"abc"), &AtomicBool::new(false))
        .unwrap();
    t.stage_partial();
    assert!(t.staged() > 0);
    t.vault.remove_leftovers();
    assert_eq!(t.staged(), 0);
    assert_eq!(t.blobs(), 1, "complete blobs stay");
    assert_eq!(read_back(&t.vault, ABC_SHA256), b"abc");
}

#[test]
fn leftovers_of_a_crashed_write_are_removed_on_sqlite() {
    leftovers_of_a_crashed_write_are_removed(Twin::folder());
}

#[test]
fn leftovers_of_a_crashed_write_are_removed_on_postgresql() {
    if let Some(t) = Twin::postgres() {
        leftovers_of_a_crashed_write_are_removed(t);
    }
}

fn content_changed_behind_the_vaults_back_fails_verification(t: Twin) {
    t.vault
        .ingest(&t.file("a.txt", b"abc"), &AtomicBool::new(false))
        .unwrap();
    t.damage(ABC_SHA256);
    assert!(!t.vault.verify(ABC_SHA256).unwrap());
    t.remove(ABC_SHA256);
    assert!(
        !t.vault.verify(ABC_SHA256).unwrap(),
        "a missing blob is not intact"
    );
    assert!(!t.vault.contains(ABC_SHA256));
}

#[test]
fn content_changed_behind_the_vaults_back_fails_verification_on_sqlite() {
    content_changed_behind_the_vaults_back_fails_verification(Twin::folder());
}

#[test]
fn content_changed_behind_the_vaults_back_fails_verification_on_postgresql() {
    if let Some(t) = Twin::postgres() {
        content_changed_behind_the_vaults_back_fails_verification(t);
    }
}

/// PostgreSQL only: a chunk gone from the middle is damage, not a shorter content; and an
/// upload another client is writing (its advisory lock held) is no leftover.
#[test]
fn a_missing_chunk_and_an_upload_under_way_on_postgresql() {
    const CLASS: i32 = postgres::UPLOAD_LOCK_CLASS;
    let Some(t) = Twin::postgres() else { return };
    let bytes = varied(2 * CHUNK + 5);
    let (blob, _) = t
        .vault
        .ingest(&t.file("big.bin", &bytes), &AtomicBool::new(false))
        .unwrap();
    let (client, _) = t.pg.as_ref().unwrap();
    client
        .borrow_mut()
        .execute("DELETE FROM evidence_chunk WHERE n = 1", &[])
        .unwrap();
    assert!(!t.vault.verify(&blob.sha256).unwrap());
    let mut read = Vec::new();
    let error = t.vault.open(&blob.sha256).unwrap().read_to_end(&mut read);
    assert_eq!(
        error.err().map(|e| e.kind()),
        Some(ErrorKind::UnexpectedEof)
    );

    t.stage_partial();
    let id: i64 = client
        .borrow_mut()
        .query_one("SELECT max(id) FROM evidence_upload", &[])
        .unwrap()
        .get(0);
    client
        .borrow_mut()
        .execute(
            &format!("SELECT pg_advisory_lock({CLASS}, ($1::bigint % 2147483647)::integer)"),
            &[&id],
        )
        .unwrap();
    t.vault.remove_leftovers();
    assert_eq!(t.staged(), 2, "the upload under way and its chunk stay");
    client
        .borrow_mut()
        .execute(
            &format!("SELECT pg_advisory_unlock({CLASS}, ($1::bigint % 2147483647)::integer)"),
            &[&id],
        )
        .unwrap();
    t.vault.remove_leftovers();
    assert_eq!(t.staged(), 0, "its writer gone, it is a leftover");
}

/// PostgreSQL only: a lost connection is a write error of a kind a message names (not the
/// server's text), never a panic; the next operation connects again.
#[test]
fn a_lost_connection_is_a_write_error_and_the_next_operation_connects_again_on_postgresql() {
    let Some(t) = Twin::postgres() else { return };
    let (client, _) = t.pg.as_ref().unwrap();
    let ended = client
        .borrow_mut()
        .query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid()",
            &[],
        )
        .unwrap()
        .len();
    assert_eq!(ended, 1, "the vault's own connection");
    let error = t
        .vault
        .ingest(&t.file("a.txt", b"abc"), &AtomicBool::new(false))
        .unwrap_err();
    let VaultError::Write { path, source } = error else {
        panic!("a write error: {error:?}");
    };
    assert!(
        path.to_string_lossy().starts_with("postgresql://"),
        "{path:?}"
    );
    assert!(
        matches!(
            source.kind(),
            ErrorKind::ConnectionAborted | ErrorKind::NotConnected
        ),
        "{:?}: {source}",
        source.kind()
    );
    // The next operation connects again.
    assert!(!t.vault.contains(ABC_SHA256));
    t.vault
        .ingest(&t.file("a.txt", b"abc"), &AtomicBool::new(false))
        .unwrap();
    assert!(t.vault.contains(ABC_SHA256));
    assert_eq!(t.staged(), 0);
}
