use super::files::{Copied, Done, blob_entry, copy_bounded};
use super::*;
use crate::test_support::{no_progress, not_cancelled, now, scope_id, setup};
use crate::workspace::DB_FILE;
use crate::{Error, ErrorCode, LocationInput, Workspace};
use chrono::{DateTime, Utc};
use csmsdesk_store::Db;
use csmsdesk_store::vault::hex;
use sha2::{Digest as _, Sha256};
use std::io::{Read, Write as _};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use zip::write::SimpleFileOptions;

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
        scope_id(&s.ws, "ECU"),
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
    ws.plan_package(scope_id(ws, "ECU"), out, "full", None, generated())
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
    let report =
        write_backup_at(s.ws.place(), &backup, now(), &no_progress, &not_cancelled()).unwrap();
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
    write_backup_at(s.ws.place(), &backup, now(), &no_progress, &not_cancelled()).unwrap();
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
    // A folder that holds a workspace (this one's, or the restore's own target).
    let taken = s.root.path().join("taken");
    restore_backup(&backup, &taken, &no_progress, &not_cancelled()).unwrap();
    let err = restore_backup(&backup, &taken, &no_progress, &not_cancelled()).unwrap_err();
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
    write_backup_at(s.ws.place(), &backup, now(), &no_progress, &not_cancelled()).unwrap();
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
    write_backup_at(s.ws.place(), &backup, now(), &no_progress, &not_cancelled()).unwrap();
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
    let err = write_backup_at(
        s.ws.place(),
        &backup,
        now(),
        &|_| cancel.store(true, Ordering::Relaxed),
        &cancel,
    )
    .unwrap_err();
    assert!(matches!(err, Error::Cancelled), "{err:?}");
    assert!(!backup.exists());
    write_backup_at(s.ws.place(), &backup, now(), &no_progress, &not_cancelled()).unwrap();
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
    write_backup_at(s.ws.place(), &backup, now(), &no_progress, &not_cancelled()).unwrap();
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

// ---- Hostile backups: each is refused before it becomes a workspace ---------------------------

/// The entries of the backup at `path`, in order, with their bytes.
fn entries_of(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut e = archive.by_index(i).unwrap();
            let name = e.name().unwrap().into_owned();
            let mut bytes = Vec::new();
            e.read_to_end(&mut bytes).unwrap();
            (name, bytes)
        })
        .collect()
}

/// Writes `entries` as the backup at `path` with a `SHA256SUMS` that matches them again, so
/// that only the restore's checks beyond the sums can notice what was changed.
fn write_resummed(path: &Path, entries: Vec<(String, Vec<u8>)>) {
    let mut sums = String::new();
    for (name, bytes) in entries.iter().filter(|(n, _)| n != SUMS) {
        sums.push_str(&format!("{}  {name}\n", hex(&Sha256::digest(bytes))));
    }
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), SimpleFileOptions::default())
            .unwrap();
        if name == SUMS {
            zip.write_all(sums.as_bytes()).unwrap();
        } else {
            zip.write_all(&bytes).unwrap();
        }
    }
    zip.finish().unwrap();
}

/// Runs `sql` on the database inside the backup at `path` (through a connection of ours, as
/// any SQLite tool could) and makes `SHA256SUMS` match again.
fn change_database(path: &Path, sql: &str) {
    let scratch = tempfile::tempdir().unwrap();
    let db_path = scratch.path().join("workspace.sqlite");
    let mut entries = entries_of(path);
    let db = entries.iter_mut().find(|(n, _)| n == DB_FILE).unwrap();
    std::fs::write(&db_path, &db.1).unwrap();
    let copy = Db::open(&db_path).unwrap();
    copy.conn().execute_batch(sql).unwrap();
    drop(copy);
    db.1 = std::fs::read(&db_path).unwrap();
    write_resummed(path, entries);
}

/// A fresh backup of the workspace of `s` in `name`.
fn backup_of(s: &crate::test_support::Setup, name: &str) -> PathBuf {
    let backup = s.root.path().join(name);
    write_backup_at(s.ws.place(), &backup, now(), &no_progress, &not_cancelled()).unwrap();
    backup
}

/// Checks and restores the backup at `backup`, expecting both to refuse with the message
/// `key` first, naming `needle`; nothing may appear at the target, and no message may name
/// the hidden staging folder. Returns the English text of the first message.
fn assert_refused(
    s: &crate::test_support::Setup,
    backup: &Path,
    key: &str,
    needle: &str,
) -> String {
    let target = s.root.path().join("restored");
    let checked = check_backup(backup, &no_progress, &not_cancelled()).unwrap_err();
    let restored = restore_backup(backup, &target, &no_progress, &not_cancelled()).unwrap_err();
    for err in [&checked, &restored] {
        assert_eq!(err.code(), ErrorCode::InvalidInput, "{err:?}");
        let fields = err.field_errors();
        assert_eq!(fields[0].message.key, key, "{fields:?}");
        let text = fields[0].message.render(csmsdesk_core::i18n::Lang::English);
        assert!(text.contains(needle), "{text}");
        for field in &fields {
            let text = field.message.render(csmsdesk_core::i18n::Lang::English);
            assert!(
                !text.contains(".partial") && !text.contains(".csmsdesk-"),
                "a message names the hidden staging folder: {text}"
            );
        }
    }
    assert!(!target.exists(), "a refused backup leaves no workspace");
    let hidden: Vec<_> = std::fs::read_dir(s.root.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
    restored.field_errors()[0]
        .message
        .render(csmsdesk_core::i18n::Lang::English)
}

#[test]
fn a_backup_whose_database_gained_a_trigger_is_refused_naming_the_trigger() {
    let s = with_evidence();
    // The next new location would empty every evidence link, unjournalled as far as any
    // check could tell.
    let backup = backup_of(&s, "wipe.csmsbackup");
    change_database(
        &backup,
        "CREATE TRIGGER wipe_links AFTER INSERT ON location BEGIN DELETE FROM evidence_link; END;",
    );
    let text = assert_refused(&s, &backup, "backup.schema_extra", "trigger 'wipe_links'");
    assert!(text.contains("wipe.csmsbackup"), "names the backup: {text}");
    // Journal entries silently dropped.
    let backup = backup_of(&s, "ignore.csmsbackup");
    change_database(
        &backup,
        "CREATE TRIGGER quiet BEFORE INSERT ON journal BEGIN SELECT RAISE(IGNORE); END;",
    );
    assert_refused(&s, &backup, "backup.schema_extra", "trigger 'quiet'");
}

#[test]
fn a_backup_whose_database_lost_or_rewrote_a_trigger_is_refused_naming_it() {
    let s = with_evidence();
    let backup = backup_of(&s, "dropped.csmsbackup");
    change_database(&backup, "DROP TRIGGER journal_evidence_link_delete;");
    assert_refused(
        &s,
        &backup,
        "backup.schema_missing",
        "trigger 'journal_evidence_link_delete'",
    );
    let backup = backup_of(&s, "rewritten.csmsbackup");
    change_database(
        &backup,
        "DROP TRIGGER journal_location_insert;
         CREATE TRIGGER journal_location_insert AFTER INSERT ON location BEGIN SELECT 1; END;",
    );
    assert_refused(
        &s,
        &backup,
        "backup.schema_changed",
        "trigger 'journal_location_insert'",
    );
}

#[test]
fn a_backup_with_a_changed_index_an_added_view_or_a_changed_header_is_refused() {
    let s = with_evidence();
    let backup = backup_of(&s, "index.csmsbackup");
    change_database(
        &backup,
        "DROP INDEX evidence_link_by_target;
         CREATE INDEX evidence_link_by_target ON evidence_link (note);",
    );
    assert_refused(
        &s,
        &backup,
        "backup.schema_changed",
        "index 'evidence_link_by_target'",
    );
    let backup = backup_of(&s, "view.csmsbackup");
    change_database(&backup, "CREATE VIEW links AS SELECT * FROM evidence_link;");
    assert_refused(&s, &backup, "backup.schema_extra", "view 'links'");
    let backup = backup_of(&s, "header.csmsbackup");
    change_database(&backup, "PRAGMA application_id = 1179403647;");
    assert_refused(&s, &backup, "backup.schema_setting", "application_id");
}

#[test]
fn a_backup_holding_another_programs_database_is_refused_and_never_migrated() {
    let s = with_evidence();
    let backup = backup_of(&s, "foreign.csmsbackup");
    let scratch = tempfile::tempdir().unwrap();
    let foreign = scratch.path().join("other.sqlite");
    // Our connections never create files: an empty file is an empty database to SQLite.
    std::fs::write(&foreign, b"").unwrap();
    // Made through a connection of ours only because this crate has no SQLite of its own.
    let helper = Db::create(&scratch.path().join("helper.sqlite"), "now", "test").unwrap();
    helper
        .conn()
        .execute_batch(&format!(
            "ATTACH DATABASE '{}' AS other;
             CREATE TABLE other.customers (id INTEGER PRIMARY KEY, name TEXT);
             INSERT INTO other.customers (name) VALUES ('ACME');
             PRAGMA other.user_version = 3;
             DETACH DATABASE other;",
            foreign.display()
        ))
        .unwrap();
    drop(helper);
    let mut entries = entries_of(&backup);
    entries.iter_mut().find(|(n, _)| n == DB_FILE).unwrap().1 = std::fs::read(&foreign).unwrap();
    // The other program's file is what it is: no vault entry refers to anything in it.
    entries.retain(|(n, _)| !n.starts_with("vault/"));
    write_resummed(&backup, entries);
    assert_refused(
        &s,
        &backup,
        "backup.foreign_database",
        "database of another program",
    );
}

#[test]
fn a_vault_entry_the_database_does_not_refer_to_is_refused_before_anything_is_unpacked() {
    let s = with_evidence();
    let backup = backup_of(&s, "extra.csmsbackup");
    let zeros = vec![0u8; 16 << 20];
    let sha256 = hex(&Sha256::digest(&zeros));
    let name = blob_entry(&sha256);
    let mut entries = entries_of(&backup);
    let db_size = entries.iter().find(|(n, _)| n == DB_FILE).unwrap().1.len() as u64;
    entries.insert(1, (name.clone(), zeros));
    write_resummed(&backup, entries);
    assert_refused(&s, &backup, "backup.unreferenced_entry", &name);
    // Nothing of the vault came out: the progress never went past the database.
    let most = std::sync::atomic::AtomicU64::new(0);
    let target = s.root.path().join("restored");
    restore_backup(
        &backup,
        &target,
        &|p| {
            most.fetch_max(p.bytes_done, Ordering::Relaxed);
        },
        &not_cancelled(),
    )
    .unwrap_err();
    assert!(most.into_inner() <= db_size);
}

#[test]
fn a_vault_entry_declaring_another_size_than_the_database_records_is_refused() {
    let s = with_evidence();
    let backup = backup_of(&s, "padded.csmsbackup");
    let mut entries = entries_of(&backup);
    let (name, bytes) = entries
        .iter_mut()
        .find(|(n, _)| n.starts_with("vault/"))
        .unwrap();
    let recorded = bytes.len();
    bytes.resize(16 << 20, 0);
    let name = name.clone();
    write_resummed(&backup, entries);
    let text = assert_refused(&s, &backup, "backup.entry_size", &name);
    assert!(
        text.contains(&(16u64 << 20).to_string()) && text.contains(&recorded.to_string()),
        "{text}"
    );
}

/// Sets the uncompressed size that the ZIP `bytes` declare for entry `name` (in its local
/// header and in the central directory) to `size`.
fn declare_size(bytes: &mut [u8], name: &str, size: u32) {
    let mut patched = 0;
    for at in 0..bytes.len().saturating_sub(46) {
        let (size_at, name_len_at, name_at) = match &bytes[at..at + 4] {
            b"PK\x03\x04" => (22, 26, 30),
            b"PK\x01\x02" => (24, 28, 46),
            _ => continue,
        };
        let len = u16::from_le_bytes([bytes[at + name_len_at], bytes[at + name_len_at + 1]]);
        let start = at + name_at;
        if bytes.get(start..start + usize::from(len)) == Some(name.as_bytes()) {
            bytes[at + size_at..at + size_at + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "{name} patched in both headers");
}

#[test]
fn an_entry_that_unpacks_to_more_than_it_declares_is_stopped_at_the_declared_size() {
    let s = with_evidence();
    let backup = backup_of(&s, "longer.csmsbackup");
    let mut entries = entries_of(&backup);
    let (name, bytes) = entries
        .iter_mut()
        .find(|(n, _)| n.starts_with("vault/"))
        .unwrap();
    let recorded = bytes.len() as u32;
    bytes.resize(64 << 20, 0);
    let name = name.clone();
    write_resummed(&backup, entries);
    // The directory claims the recorded size; the deflate stream holds 64 MiB.
    let mut zip_bytes = std::fs::read(&backup).unwrap();
    declare_size(&mut zip_bytes, &name, recorded);
    std::fs::write(&backup, zip_bytes).unwrap();
    let most = std::sync::atomic::AtomicU64::new(0);
    let err = check_backup(
        &backup,
        &|p| {
            most.fetch_max(p.bytes_done, Ordering::Relaxed);
        },
        &not_cancelled(),
    )
    .unwrap_err();
    // The ZIP reader stops at the declared size itself (reported as unreadable); our own
    // bound is tested below with a reader that has no such limit.
    let keys: Vec<&str> = err.field_errors().iter().map(|f| f.message.key).collect();
    assert!(
        keys == ["verify.unreadable"] || keys == ["backup.entry_too_long"],
        "{err:?}"
    );
    assert!(
        most.into_inner() < 4 << 20,
        "unpacking stopped within a buffer of the declared size"
    );
    assert_refused(&s, &backup, keys[0], &name);
}

#[test]
fn copying_an_entry_stops_as_soon_as_more_comes_out_than_declared() {
    let mut endless = std::io::repeat(0);
    let mut buffer = vec![0; 1 << 16];
    let mut done = Done {
        files: 0,
        files_total: 1,
        bytes: 0,
        bytes_total: 100,
    };
    let mut hasher = Sha256::new();
    let copied = copy_bounded(
        &mut endless,
        None,
        &mut hasher,
        100,
        &mut buffer,
        &mut done,
        &no_progress,
        &not_cancelled(),
    );
    assert!(matches!(copied, Ok(Copied::TooLong)));
    assert_eq!(
        done.bytes, 0,
        "the chunk that went past the limit is not counted"
    );
    let mut exact = std::io::Cursor::new(vec![1u8; 100]);
    let copied = copy_bounded(
        &mut exact,
        None,
        &mut hasher,
        100,
        &mut buffer,
        &mut done,
        &no_progress,
        &not_cancelled(),
    );
    assert!(matches!(copied, Ok(Copied::Whole(100))));
}

#[test]
fn a_database_entry_that_is_not_sqlite_is_refused_from_its_first_bytes() {
    let s = with_evidence();
    let backup = backup_of(&s, "zeros.csmsbackup");
    let mut entries = entries_of(&backup);
    entries.iter_mut().find(|(n, _)| n == DB_FILE).unwrap().1 = vec![0; 32 << 20];
    write_resummed(&backup, entries);
    let most = std::sync::atomic::AtomicU64::new(0);
    check_backup(
        &backup,
        &|p| {
            most.fetch_max(p.bytes_done, Ordering::Relaxed);
        },
        &not_cancelled(),
    )
    .unwrap_err();
    assert_eq!(most.into_inner(), 0, "nothing beyond the header was read");
    assert_refused(&s, &backup, "backup.not_a_database", "zeros.csmsbackup");
}

#[test]
fn checking_a_backup_writes_only_its_database() {
    let s = with_evidence();
    let backup = backup_of(&s, "b.csmsbackup");
    let parent = tempfile::tempdir().unwrap();
    let vault_files = std::sync::atomic::AtomicUsize::new(0);
    let reader = std::fs::File::open(&backup).unwrap();
    let report = check_backup_in(
        reader,
        &backup,
        parent.path(),
        &|_| {
            let found = walkdir::WalkDir::new(parent.path())
                .into_iter()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_file())
                .filter(|e| e.path().components().any(|c| c.as_os_str() == "vault"))
                .count();
            vault_files.fetch_max(found, Ordering::Relaxed);
        },
        &not_cancelled(),
    )
    .unwrap();
    assert_eq!(report.blobs, 2);
    assert!(report.journal.ok());
    assert_eq!(
        vault_files.into_inner(),
        0,
        "vault contents are only hashed"
    );
    assert_eq!(
        std::fs::read_dir(parent.path()).unwrap().count(),
        0,
        "the check's folder is removed"
    );
}

/// A restore whose hidden folder cannot be made (here: inside `/proc`, where not even root may
/// create one) names the target the user gave, not the hidden folder.
#[cfg(target_os = "linux")]
#[test]
fn a_write_failure_during_a_restore_names_the_target_not_the_staging_folder() {
    let s = with_evidence();
    let backup = backup_of(&s, "b.csmsbackup");
    let target = Path::new("/proc/restored-workspace");
    let err = restore_backup(&backup, target, &no_progress, &not_cancelled()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotWritable, "{err:?}");
    let text = err.message().render(csmsdesk_core::i18n::Lang::English);
    assert!(
        text.contains("/proc/restored-workspace") && !text.contains(".partial"),
        "{text}"
    );
}

#[test]
fn a_backup_holding_a_name_twice_is_refused_naming_it() {
    let s = with_evidence();
    let backup = backup_of(&s, "twice.csmsbackup");
    let mut entries = entries_of(&backup);
    // Another database first, where tools that take the first copy find it; the ZIP writer
    // refuses a name twice, so it goes in under a stand-in name patched afterwards.
    entries.insert(0, ("workspace.sqlitX".into(), b"another database".to_vec()));
    write_resummed(&backup, entries);
    let mut bytes = std::fs::read(&backup).unwrap();
    let mut at = 0;
    while let Some(found) = bytes[at..]
        .windows(16)
        .position(|w| w == b"workspace.sqlitX")
    {
        bytes[at + found + 15] = b'e';
        at += found + 16;
    }
    std::fs::write(&backup, bytes).unwrap();
    assert_refused(&s, &backup, "backup.duplicate_entry", "workspace.sqlite");
}
