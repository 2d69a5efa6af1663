use super::*;
use crate::test_support::{no_progress, not_cancelled, now, setup};
use crate::{ErrorCode, LocationInput};

fn generated() -> DateTime<Utc> {
    chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 25, 10, 0, 0).unwrap()
}

/// The demo workspace with two evidence files linked and a self-assessment.
fn with_evidence() -> crate::test_support::Setup {
    let mut s = setup();
    let a = s.file("Policy.pdf", "the policy");
    let b = s.file("plan/Response plan.docx", "the response plan");
    s.add(&[&a], &["1.1.a"]);
    s.add(&[&b], &["1.1"]);
    s.ws.assess(
        "ECU",
        "1.1",
        "conform",
        Some("Signed by the board"),
        None,
        now(),
    )
    .unwrap();
    s
}

fn full_package(ws: &Workspace, out: &Path) -> Vec<u8> {
    ws.plan_package("ECU", out, "full", None, generated())
        .unwrap()
        .write(&no_progress, &not_cancelled())
        .unwrap();
    std::fs::read(out).unwrap()
}

#[test]
fn a_restored_workspace_exports_a_byte_identical_package() {
    let s = with_evidence();
    let backup = s.root.path().join("ws.csmsbackup");
    // Taken while the workspace is open (and locked) in this process, as in the app.
    let report = write_backup(s.ws.dir(), &backup, now(), &no_progress, &not_cancelled()).unwrap();
    assert_eq!(report.blobs, 2);
    assert!(report.journal_entries > 0);
    assert_eq!(report.sha256.len(), 64);
    let original = full_package(&s.ws, &s.root.path().join("original.zip"));

    let target = s.root.path().join("restored");
    let restored = restore_backup(&backup, &target, &no_progress, &not_cancelled()).unwrap();
    assert_eq!(restored.dir.as_deref(), Some(target.as_path()));
    assert_eq!(restored.blobs, 2);
    assert!(restored.journal.ok(), "{:?}", restored.journal);
    let mut files: Vec<String> = std::fs::read_dir(&target)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        ["vault", "workspace.sqlite"],
        "a workspace, nothing else"
    );
    let ws = Workspace::open(&target, now()).unwrap();
    let again = full_package(&ws, &s.root.path().join("again.zip"));
    assert!(
        original == again,
        "the package of the restored workspace differs from the original's"
    );
    assert!(ws.check(&not_cancelled()).unwrap().ok());
    assert_eq!(
        ws.journal_verify().unwrap().head,
        s.ws.journal_verify().unwrap().head
    );
    // Nothing is left beside the target.
    let leftovers: Vec<_> = std::fs::read_dir(s.root.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn restore_refuses_a_folder_that_is_not_empty_and_changes_nothing_there() {
    let s = with_evidence();
    let backup = s.root.path().join("b.csmsbackup");
    write_backup(s.ws.dir(), &backup, now(), &no_progress, &not_cancelled()).unwrap();
    let busy = s.root.path().join("busy");
    std::fs::create_dir(&busy).unwrap();
    std::fs::write(busy.join("notes.txt"), "mine").unwrap();
    let err = restore_backup(&backup, &busy, &no_progress, &not_cancelled()).unwrap_err();
    assert!(matches!(err, Error::FolderNotEmpty { .. }), "{err:?}");
    assert_eq!(
        std::fs::read_to_string(busy.join("notes.txt")).unwrap(),
        "mine"
    );
    assert_eq!(std::fs::read_dir(&busy).unwrap().count(), 1);
    let err = restore_backup(&backup, s.ws.dir(), &no_progress, &not_cancelled()).unwrap_err();
    assert!(matches!(err, Error::AlreadyAWorkspace { .. }), "{err:?}");
    // An empty folder is fine.
    let empty = s.root.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    restore_backup(&backup, &empty, &no_progress, &not_cancelled()).unwrap();
    assert!(empty.join(crate::workspace::DB_FILE).is_file());
}

/// Rewrites the backup at `path` with `change` applied to the bytes of entry `name`.
fn tamper(path: &Path, name: &str, change: impl Fn(&mut Vec<u8>)) {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut entries = Vec::new();
    for i in 0..archive.len() {
        let mut e = archive.by_index(i).unwrap();
        let entry_name = e.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        e.read_to_end(&mut bytes).unwrap();
        if entry_name == name {
            change(&mut bytes);
        }
        entries.push((entry_name, bytes));
    }
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (entry_name, bytes) in entries {
        zip.start_file(entry_name, SimpleFileOptions::default())
            .unwrap();
        zip.write_all(&bytes).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn a_changed_or_foreign_backup_is_refused_naming_the_entry_and_nothing_appears() {
    let s = with_evidence();
    let backup = s.root.path().join("b.csmsbackup");
    write_backup(s.ws.dir(), &backup, now(), &no_progress, &not_cancelled()).unwrap();
    let names: Vec<String> = zip::ZipArchive::new(std::fs::File::open(&backup).unwrap())
        .unwrap()
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .collect();
    let blob = names
        .iter()
        .find(|n| n.starts_with("vault/"))
        .unwrap()
        .clone();
    tamper(&backup, &blob, |bytes| bytes[0] ^= 1);
    let target = s.root.path().join("restored");
    let err = restore_backup(&backup, &target, &no_progress, &not_cancelled()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    let fields = err.field_errors();
    assert_eq!(fields.len(), 1, "{fields:?}");
    assert_eq!(fields[0].message.key, "verify.mismatch");
    assert!(format!("{:?}", fields[0].message).contains(&blob));
    assert!(!target.exists());
    assert!(check_backup(&backup, &no_progress, &not_cancelled()).is_err());

    // A path that escapes the target is never unpacked.
    write_backup(s.ws.dir(), &backup, now(), &no_progress, &not_cancelled()).unwrap();
    tamper(&backup, "SHA256SUMS", |bytes| {
        bytes.extend_from_slice(b"00  ../escape\n");
    });
    let mut archive = zip::ZipWriter::new_append(
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&backup)
            .unwrap(),
    )
    .unwrap();
    archive
        .start_file("../escape", SimpleFileOptions::default())
        .unwrap();
    archive.write_all(b"x").unwrap();
    archive.finish().unwrap();
    let err = restore_backup(&backup, &target, &no_progress, &not_cancelled()).unwrap_err();
    assert!(
        err.field_errors()
            .iter()
            .any(|f| f.message.key == "backup.unexpected_entry"),
        "{err:?}"
    );
    assert!(!s.root.path().join("escape").exists() && !target.exists());

    // A package or any other file is not a backup.
    std::fs::write(&backup, b"PK\x03\x04 not really").unwrap();
    let err = restore_backup(&backup, &target, &no_progress, &not_cancelled()).unwrap_err();
    assert_eq!(err.field_errors()[0].message.key, "backup.not_a_backup");
}

#[test]
fn a_cancelled_backup_or_restore_leaves_nothing() {
    let s = with_evidence();
    let backup = s.root.path().join("b.csmsbackup");
    let cancel = AtomicBool::new(false);
    let err = write_backup(
        s.ws.dir(),
        &backup,
        now(),
        &|_| cancel.store(true, Ordering::Relaxed),
        &cancel,
    )
    .unwrap_err();
    assert!(matches!(err, Error::Cancelled), "{err:?}");
    assert!(!backup.exists());
    write_backup(s.ws.dir(), &backup, now(), &no_progress, &not_cancelled()).unwrap();
    let cancel = AtomicBool::new(false);
    let target = s.root.path().join("restored");
    let err = restore_backup(
        &backup,
        &target,
        &|_| cancel.store(true, Ordering::Relaxed),
        &cancel,
    )
    .unwrap_err();
    assert!(matches!(err, Error::Cancelled), "{err:?}");
    assert!(!target.exists());
    let hidden: Vec<_> = std::fs::read_dir(s.root.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
}

#[test]
fn a_backup_taken_while_another_connection_writes_is_consistent() {
    let mut s = with_evidence();
    let backup = s.root.path().join("b.csmsbackup");
    // Changes keep coming in between the progress callbacks of the backup.
    write_backup(s.ws.dir(), &backup, now(), &no_progress, &not_cancelled()).unwrap();
    s.ws.add_location(&LocationInput {
        name: "Plant Süd".into(),
        ..LocationInput::default()
    })
    .unwrap();
    let checked = check_backup(&backup, &no_progress, &not_cancelled()).unwrap();
    assert!(checked.journal.ok());
    assert_eq!(checked.dir, None);
    // The backup holds the state before the new location.
    let target = s.root.path().join("restored");
    restore_backup(&backup, &target, &no_progress, &not_cancelled()).unwrap();
    let ws = Workspace::open(&target, now()).unwrap();
    assert_eq!(ws.locations().unwrap().len(), 1);
}
