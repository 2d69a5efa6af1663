//! Checking and restoring a backup: unpacked beside the target, the staged database held to
//! what our migrations make, renamed into place only when whole.

use std::io::{Read, Seek};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use csmsdesk_core::i18n::Message;
use csmsdesk_store::Db;
use csmsdesk_store::vault::sync_dir;

use super::RestoreReport;
use super::unpack::{Place, unpack};
use crate::package::io_error;
use crate::workspace::DB_FILE;
use crate::{Error, Invalid, Progress, Result};

/// Checks every byte of the backup at `file` without restoring it. Only the database is
/// unpacked (into a hidden folder in the temporary folder, removed afterwards); the vault
/// contents are hashed as they are read and never written anywhere.
pub fn check_backup(
    file: &Path,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<RestoreReport> {
    let reader = crate::error::open_input(file)?;
    check_backup_in(reader, file, &std::env::temp_dir(), progress, cancel)
}

/// [`check_backup`] of the backup `reader` (named `file` in messages), its database unpacked
/// into a hidden folder in `parent`.
pub(crate) fn check_backup_in(
    reader: impl Read + Seek,
    file: &Path,
    parent: &Path,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<RestoreReport> {
    let staging = crate::partial::create_dir(parent, "check").map_err(|e| io_error(parent, e))?;
    let place = Place {
        file,
        shown: parent,
        into: staging.path(),
        restore: false,
    };
    unpack(reader, &place, progress, cancel)
}

/// Restores the backup at `file` as a new workspace in `target`, which must be missing or an
/// empty folder. The database is unpacked first and must be a CSMS Desk database exactly as
/// the migrations of its version make it (no added trigger, view or index), passing SQLite's
/// integrity check; then every vault content must be one the database refers to, of the size
/// it records, before any is unpacked. Every entry is checked against `SHA256SUMS` (and each
/// vault content against its name) while it is unpacked into a hidden folder beside `target`.
/// Only then is the folder renamed to `target`: on any failure or cancel nothing is left
/// behind. The restore itself adds no journal entry: the restored workspace is the backed-up
/// one, byte for byte.
pub fn restore_backup(
    file: &Path,
    target: &Path,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<RestoreReport> {
    let target_was_empty_dir = match std::fs::read_dir(target) {
        Ok(mut entries) => {
            if target.join(DB_FILE).exists() {
                return Err(Error::AlreadyAWorkspace {
                    path: target.to_owned(),
                });
            }
            if entries.next().is_some() {
                return Err(Error::FolderNotEmpty {
                    path: target.to_owned(),
                });
            }
            true
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(_) => {
            return Err(Error::FolderNotEmpty {
                path: target.to_owned(),
            });
        }
    };
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        return Err(Error::Invalid(vec![Invalid::new(
            "workspace",
            Message::new("backup.no_parent").arg("path", parent.display().to_string()),
        )]));
    }
    let reader = crate::error::open_input(file)?;
    let staging =
        crate::partial::create_dir(&parent, "restore").map_err(|e| io_error(target, e))?;
    let place = Place {
        file,
        shown: target,
        into: staging.path(),
        restore: true,
    };
    let mut report = unpack(reader, &place, progress, cancel)?;
    if cancel.load(Ordering::Relaxed) {
        return Err(Error::Cancelled);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let _ = std::fs::set_permissions(staging.path(), std::fs::Permissions::from_mode(0o700));
    }
    // The folder's own entries (the database, `vault`) are durable before it is renamed.
    sync_dir(staging.path());
    if target_was_empty_dir {
        let _ = std::fs::remove_dir(target);
    }
    staging.persist(target).map_err(|e| io_error(target, e))?;
    sync_dir(&parent);
    tracing::info!(from = %file.display(), to = %target.display(), "workspace restored");
    report.dir = Some(target.to_owned());
    Ok(report)
}

/// [`restore_backup`] into a folder, or into a new PostgreSQL database
/// (`server::restore_into_server`): a backup of either kind of workspace restores into
/// either. `RestoreReport::dir` is the folder; none for a server.
pub fn restore_backup_at(
    file: &Path,
    location: &csmsdesk_store::pg::Location,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<RestoreReport> {
    match location {
        csmsdesk_store::pg::Location::Folder(dir) => restore_backup(file, dir, progress, cancel),
        csmsdesk_store::pg::Location::Postgres(url) => {
            super::server::restore_into_server(file, url, progress, cancel)
        }
    }
}

/// Opens the unpacked database once [`csmsdesk_store::schema::check_file`] has found it to be
/// ours, bringing an older one up to date. Every refusal names the backup, not the staging
/// folder the file sits in.
pub(super) fn open_staged(db_path: &Path, backup: &str) -> Result<Db> {
    use csmsdesk_store::schema::{Change, Verdict};
    let refuse = |message: Message| Error::Invalid(vec![Invalid::new("file", message)]);
    let verdict = csmsdesk_store::schema::check_file(db_path).map_err(|e| {
        tracing::warn!(error = %e, "the backup's database could not be read");
        refuse(Message::new("backup.database_unreadable").arg("path", backup))
    })?;
    match verdict {
        Verdict::Ours { .. } => {}
        Verdict::NotADatabase => {
            return Err(refuse(
                Message::new("backup.not_a_database").arg("path", backup),
            ));
        }
        Verdict::Damaged => {
            return Err(refuse(
                Message::new("backup.database_unreadable").arg("path", backup),
            ));
        }
        Verdict::Foreign => {
            return Err(refuse(
                Message::new("backup.foreign_database").arg("path", backup),
            ));
        }
        Verdict::Newer { found } => {
            return Err(refuse(
                Message::new("backup.newer_schema")
                    .arg("path", backup)
                    .arg("found", found)
                    .arg("supported", csmsdesk_store::db::SCHEMA_VERSION),
            ));
        }
        Verdict::Setting {
            name,
            found,
            expected,
        } => {
            return Err(refuse(
                Message::new("backup.schema_setting")
                    .arg("path", backup)
                    .arg("setting", name)
                    .arg("found", found)
                    .arg("expected", expected),
            ));
        }
        Verdict::Differs(difference) => {
            let message = match difference.change {
                Change::Extra => Message::new("backup.schema_extra"),
                Change::Missing => Message::new("backup.schema_missing"),
                Change::Changed => Message::new("backup.schema_changed"),
            };
            let message = match difference.kind.as_str() {
                "table" => message.arg_message("kind", Message::new("backup.object_table")),
                "index" => message.arg_message("kind", Message::new("backup.object_index")),
                "trigger" => message.arg_message("kind", Message::new("backup.object_trigger")),
                "view" => message.arg_message("kind", Message::new("backup.object_view")),
                other => message.arg("kind", other),
            };
            return Err(refuse(
                message.arg("name", difference.name).arg("path", backup),
            ));
        }
    }
    // Ours: a normal open migrates an older schema. A failure now is damage SQLite found
    // while migrating; its detail goes to the log, not to the user.
    Db::open(db_path).map_err(|e| {
        tracing::warn!(error = %e, "the backup's database could not be opened");
        refuse(Message::new("backup.database_unreadable").arg("path", backup))
    })
}

/// Checks the first bytes of the backup's database before more is written: SQLite's magic
/// text, and the size its header records (where the header's own count is valid) against the
/// size the ZIP declares, so that a database entry of gigabytes of zeros is refused at once.
pub(super) fn database_header(header: &[u8], declared: u64, backup: &str) -> Result<(), Message> {
    let not_a_database = || Message::new("backup.not_a_database").arg("path", backup);
    // A SQLite database has at least one page of 512 bytes.
    if declared < 512 || header.len() < 100 || !header.starts_with(b"SQLite format 3\0") {
        return Err(not_a_database());
    }
    let be32 = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        _ => return Err(not_a_database()),
    };
    let pages = u64::from(be32(28));
    // SQLite trusts the count only while the change counter matches the one stored with it.
    if pages > 0 && be32(24) == be32(92) && pages * page_size != declared {
        return Err(Message::new("backup.entry_size")
            .arg("entry", DB_FILE)
            .arg("declared", declared)
            .arg("recorded", pages * page_size));
    }
    Ok(())
}
