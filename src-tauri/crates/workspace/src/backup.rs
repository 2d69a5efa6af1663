//! Backup and restore: one ZIP file holding a consistent copy of the database (SQLite's online
//! backup API, safe while the app has the workspace open) and every vault content the copy
//! refers to, with a `SHA256SUMS` that `sha256sum -c` checks after `unzip`.
//!
//! Layout: `backup.json` (what it is: format, version, when, counts), `workspace.sqlite`,
//! `vault/<2 hex>/<sha256>` (each named by its own hash, as in the workspace) and
//! `SHA256SUMS` last. A restore checks every byte before the new workspace appears: it is
//! unpacked into a hidden folder beside the target and renamed into place only when whole.

use std::collections::BTreeMap;
use std::io::{Read, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, SecondsFormat, Utc};
use csmsdesk_core::i18n::Message;
use csmsdesk_store::Db;
use csmsdesk_store::vault::{Vault, hex, sync_dir};
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};
use zip::write::SimpleFileOptions;

use crate::journal::JournalReport;
use crate::package::{io_error, zip_error, zip_time};
use crate::workspace::{DB_FILE, VAULT_DIR};
use crate::{Error, Invalid, Progress, Result, Workspace};

/// The `format` of `backup.json`.
pub const BACKUP_FORMAT: &str = "csmsdesk-backup";
/// The layout version this build writes and reads.
pub const BACKUP_FORMAT_VERSION: u64 = 1;
const MANIFEST: &str = "backup.json";
const SUMS: &str = "SHA256SUMS";

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    pub path: PathBuf,
    /// The SHA-256 of the backup file itself.
    pub sha256: String,
    pub bytes: u64,
    pub blobs: usize,
    pub journal_entries: usize,
    pub created_at: String,
}

/// What a restore (or a check of a backup file) found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreReport {
    /// The restored workspace; none when only checked.
    pub dir: Option<PathBuf>,
    pub created_at: String,
    pub schema_version: i64,
    pub blobs: usize,
    pub bytes: u64,
    /// The restored journal, verified.
    pub journal: JournalReport,
}

/// Writes a backup of the workspace in `dir` to `out`, atomically (a hidden temporary file
/// beside it, renamed when complete). Needs no lock: it reads through its own read-only
/// connection, so it works while this or another process holds the workspace.
pub fn write_backup(
    dir: &Path,
    out: &Path,
    now: DateTime<Utc>,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<BackupReport> {
    let out_dir = target_folder(out)?;
    let source = Workspace::open_read_only(dir)?;
    // The snapshot first: the contents it refers to are never removed from the vault.
    let snapshot = crate::partial::create(&out_dir, "snapshot").map_err(|e| io_error(out, e))?;
    source.db.backup_to(snapshot.path())?;
    drop(source);
    let copy = Db::open_read_only(snapshot.path())?;
    let blobs = csmsdesk_store::evidence::blobs(copy.conn())?;
    let journal_entries = csmsdesk_store::journal::count(copy.conn())?.max(0) as usize;
    let schema_version = copy.schema_version()?;
    drop(copy);
    let db_size = std::fs::metadata(snapshot.path())
        .map_err(|e| io_error(out, e))?
        .len();
    let blob_bytes: u64 = blobs.iter().map(|(_, size)| size).sum();
    let bytes_total = db_size + blob_bytes;
    let needed = bytes_total + (1 << 20);
    if let Ok(available) = csmsdesk_store::vault::available_space(&out_dir)
        && available < needed
    {
        return Err(Error::Invalid(vec![Invalid::new(
            "out",
            Message::new("backup.no_space")
                .arg("needed_mib", needed.div_ceil(1 << 20))
                .arg("available_mib", available / (1 << 20))
                .arg("path", out_dir.display().to_string()),
        )]));
    }
    let created_at = now.to_rfc3339_opts(SecondsFormat::Secs, true);
    let manifest = json!({
        "format": BACKUP_FORMAT,
        "format_version": BACKUP_FORMAT_VERSION,
        "created_at": created_at,
        "created_by": concat!("CSMS Desk ", env!("CARGO_PKG_VERSION")),
        "schema_version": schema_version,
        "database": DB_FILE,
        "blobs": blobs.len(),
        "bytes": bytes_total,
        "journal_entries": journal_entries,
    });
    let vault = Vault::new(dir.join(VAULT_DIR));
    let mut entries: Vec<(String, PathBuf, u64)> =
        vec![(DB_FILE.to_owned(), snapshot.path().to_owned(), db_size)];
    for (sha256, size) in &blobs {
        entries.push((blob_entry(sha256), vault.blob_path(sha256), *size));
    }
    let time = zip_time(now);
    let options = |deflate: bool, size: u64| {
        SimpleFileOptions::default()
            .compression_method(if deflate {
                zip::CompressionMethod::Deflated
            } else {
                zip::CompressionMethod::Stored
            })
            .last_modified_time(time)
            .unix_permissions(0o600)
            .large_file(size >= u64::from(u32::MAX))
    };
    let temp = crate::partial::create(&out_dir, "backup").map_err(|e| io_error(out, e))?;
    let mut zip = zip::ZipWriter::new(temp);
    let mut sums = String::new();
    let manifest_bytes = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    zip.start_file(MANIFEST, options(true, 0))
        .map_err(|e| zip_error(out, e))?;
    zip.write_all(&manifest_bytes)
        .map_err(|e| io_error(out, e))?;
    sums.push_str(&format!(
        "{}  {MANIFEST}\n",
        hex(&Sha256::digest(&manifest_bytes))
    ));
    let mut bytes_done = 0u64;
    for (index, (name, path, size)) in entries.iter().enumerate() {
        // The database compresses well; evidence is mostly compressed already.
        zip.start_file(name.as_str(), options(name == DB_FILE, *size))
            .map_err(|e| zip_error(out, e))?;
        let mut file =
            std::fs::File::open(path).map_err(|source| damaged_source(name, path, source))?;
        let mut hasher = Sha256::new();
        let mut buffer = vec![0; 1 << 20];
        loop {
            if cancel.load(Ordering::Relaxed) {
                return Err(Error::Cancelled);
            }
            let n = file
                .read(&mut buffer)
                .map_err(|source| damaged_source(name, path, source))?;
            if n == 0 {
                break;
            }
            hasher.update(&buffer[..n]);
            zip.write_all(&buffer[..n]).map_err(|e| io_error(out, e))?;
            bytes_done += n as u64;
            progress(Progress {
                files_done: index,
                files_total: entries.len(),
                bytes_done,
                bytes_total,
            });
        }
        let digest = hex(&hasher.finalize());
        if let Some(sha256) = name.strip_prefix("vault/").and_then(|n| n.get(3..))
            && digest != sha256
        {
            // Never write a backup that carries damage on: say which content and stop.
            return Err(Error::Invalid(vec![Invalid::new(
                "vault",
                Message::new("check.blob_damaged")
                    .arg("sha256", sha256)
                    .arg("path", path.display().to_string()),
            )]));
        }
        sums.push_str(&format!("{digest}  {name}\n"));
        progress(Progress {
            files_done: index + 1,
            files_total: entries.len(),
            bytes_done,
            bytes_total,
        });
    }
    zip.start_file(SUMS, options(true, 0))
        .map_err(|e| zip_error(out, e))?;
    zip.write_all(sums.as_bytes())
        .map_err(|e| io_error(out, e))?;
    let temp = zip.finish().map_err(|e| zip_error(out, e))?;
    temp.as_file().sync_all().map_err(|e| io_error(out, e))?;
    temp.persist(out).map_err(|e| io_error(out, e.error))?;
    sync_dir(&out_dir);
    let (blob, _) = csmsdesk_store::vault::hash_file(out, &AtomicBool::new(false))
        .map_err(|e| io_error(out, std::io::Error::other(e.to_string())))?;
    tracing::info!(out = %out.display(), blobs = blobs.len(), "backup written");
    Ok(BackupReport {
        path: out.to_owned(),
        sha256: blob.sha256,
        bytes: blob.size,
        blobs: blobs.len(),
        journal_entries,
        created_at,
    })
}

/// Checks every byte of the backup at `file` without restoring it.
pub fn check_backup(
    file: &Path,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<RestoreReport> {
    let parent = std::env::temp_dir();
    let staging = crate::partial::create_dir(&parent, "check").map_err(|e| io_error(&parent, e))?;
    unpack(file, staging.path(), progress, cancel)
}

/// Restores the backup at `file` as a new workspace in `target`, which must be missing or an
/// empty folder. Every entry is checked against `SHA256SUMS` (and each vault content against
/// its name) while it is unpacked into a hidden folder beside `target`; the database must pass
/// SQLite's integrity check. Only then is the folder renamed to `target`: on any failure or
/// cancel nothing is left behind. The restore itself adds no journal entry: the restored
/// workspace is the backed-up one, byte for byte.
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
    let staging =
        crate::partial::create_dir(&parent, "restore").map_err(|e| io_error(&parent, e))?;
    let mut report = unpack(file, staging.path(), progress, cancel)?;
    if cancel.load(Ordering::Relaxed) {
        return Err(Error::Cancelled);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let _ = std::fs::set_permissions(staging.path(), std::fs::Permissions::from_mode(0o700));
    }
    let staged = staging.finish().map_err(|e| io_error(target, e))?;
    if target_was_empty_dir {
        let _ = std::fs::remove_dir(target);
    }
    if let Err(e) = std::fs::rename(&staged, target) {
        let _ = std::fs::remove_dir_all(&staged);
        return Err(io_error(target, e));
    }
    sync_dir(&parent);
    tracing::info!(from = %file.display(), to = %target.display(), "workspace restored");
    report.dir = Some(target.to_owned());
    Ok(report)
}

/// Unpacks and checks the backup at `file` into the empty folder `into`.
fn unpack(
    file: &Path,
    into: &Path,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<RestoreReport> {
    let refuse = |problems: Vec<Message>| {
        Error::Invalid(
            problems
                .into_iter()
                .map(|m| Invalid::new("file", m))
                .collect(),
        )
    };
    let name = file.display().to_string();
    let not_a_backup = || refuse(vec![Message::new("backup.not_a_backup").arg("path", &name)]);
    let reader = crate::error::open_input(file)?;
    let mut archive = zip::ZipArchive::new(reader).map_err(|_| not_a_backup())?;
    let mut small = |entry: &str| -> Option<Vec<u8>> {
        let e = archive.by_name(entry).ok()?;
        let mut bytes = Vec::new();
        // Both small files are a few KiB; a larger one is not ours.
        e.take(16 << 20).read_to_end(&mut bytes).ok()?;
        Some(bytes)
    };
    let (Some(manifest), Some(sums)) = (small(MANIFEST), small(SUMS)) else {
        return Err(not_a_backup());
    };
    let manifest: Value = serde_json::from_slice(&manifest).map_err(|_| not_a_backup())?;
    if manifest["format"] != BACKUP_FORMAT {
        return Err(not_a_backup());
    }
    let version = manifest["format_version"].as_u64().unwrap_or(0);
    if version == 0 || version > BACKUP_FORMAT_VERSION {
        return Err(refuse(vec![
            Message::new("backup.newer_format")
                .arg("path", &name)
                .arg("found", version)
                .arg("supported", BACKUP_FORMAT_VERSION),
        ]));
    }
    let listed: BTreeMap<String, String> = String::from_utf8_lossy(&sums)
        .lines()
        .filter_map(|l| l.split_once("  "))
        .map(|(hash, entry)| (entry.to_owned(), hash.to_owned()))
        .collect();
    let bytes_total: u64 = (0..archive.len())
        .filter_map(|i| archive.by_index_raw(i).ok().map(|e| e.size()))
        .sum();
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    let mut bytes_done = 0u64;
    let mut blobs = 0usize;
    let files_total = archive.len();
    for index in 0..files_total {
        if cancel.load(Ordering::Relaxed) {
            return Err(Error::Cancelled);
        }
        let mut entry = archive.by_index(index).map_err(|_| not_a_backup())?;
        let Ok(entry_name) = entry.name().map(|n| n.into_owned()) else {
            return Err(not_a_backup());
        };
        if entry_name == SUMS {
            continue;
        }
        let Some(relative) = allowed_entry(&entry_name) else {
            problems.push(Message::new("backup.unexpected_entry").arg("entry", &entry_name));
            continue;
        };
        let Some(expected) = listed.get(&entry_name) else {
            problems.push(Message::new("verify.unlisted").arg("entry", &entry_name));
            continue;
        };
        seen.push(entry_name.clone());
        // `backup.json` is checked like every entry but is not part of the workspace.
        let path = into.join(&relative);
        let mut out: Box<dyn std::io::Write> = if entry_name == MANIFEST {
            Box::new(std::io::sink())
        } else {
            if let Some(dir) = path.parent() {
                csmsdesk_store::create_private_dir(dir)?;
            }
            Box::new(DurableFile(
                private_create(&path).map_err(|e| io_error(&path, e))?,
            ))
        };
        let mut hasher = Sha256::new();
        let mut buffer = vec![0; 1 << 20];
        let mut failed = false;
        loop {
            if cancel.load(Ordering::Relaxed) {
                return Err(Error::Cancelled);
            }
            let n = match entry.read(&mut buffer) {
                Ok(n) => n,
                Err(_) => {
                    failed = true;
                    break;
                }
            };
            if n == 0 {
                break;
            }
            hasher.update(&buffer[..n]);
            out.write_all(&buffer[..n])
                .map_err(|e| io_error(&path, e))?;
            bytes_done += n as u64;
            progress(Progress {
                files_done: index,
                files_total,
                bytes_done,
                bytes_total,
            });
        }
        out.flush().map_err(|e| io_error(&path, e))?;
        drop(out);
        let digest = hex(&hasher.finalize());
        if failed {
            problems.push(Message::new("verify.unreadable").arg("entry", &entry_name));
        } else if &digest != expected {
            problems.push(Message::new("verify.mismatch").arg("entry", &entry_name));
        } else if let Some(sha256) = entry_name.strip_prefix("vault/").and_then(|n| n.get(3..)) {
            if digest != sha256 {
                problems.push(Message::new("verify.mismatch").arg("entry", &entry_name));
            }
            blobs += 1;
        }
    }
    for entry in listed
        .keys()
        .filter(|n| *n != MANIFEST && !seen.contains(n))
    {
        problems.push(Message::new("verify.missing").arg("entry", entry));
    }
    if !problems.is_empty() {
        return Err(refuse(problems));
    }
    let db_path = into.join(DB_FILE);
    if !db_path.is_file() {
        return Err(refuse(vec![
            Message::new("verify.missing").arg("entry", DB_FILE),
        ]));
    }
    // A normal open: migrates a backup of an older build, refuses a newer one.
    let db = Db::open(&db_path)?;
    let integrity = db.integrity_check()?;
    if !integrity.is_empty() {
        return Err(refuse(vec![
            Message::new("backup.database_damaged").arg("detail", integrity.join("; ")),
        ]));
    }
    let vault = Vault::new(into.join(VAULT_DIR));
    let missing: Vec<String> = csmsdesk_store::evidence::blobs(db.conn())?
        .into_iter()
        .filter(|(sha256, _)| !vault.blob_path(sha256).is_file())
        .map(|(sha256, _)| sha256)
        .collect();
    if !missing.is_empty() {
        return Err(refuse(
            missing
                .iter()
                .map(|sha256| Message::new("verify.missing").arg("entry", blob_entry(sha256)))
                .collect(),
        ));
    }
    csmsdesk_store::create_private_dir(&into.join(VAULT_DIR))?;
    let (entries, head, problems) = csmsdesk_store::journal::verify(db.conn())?;
    let journal = JournalReport {
        entries,
        head,
        problems,
    };
    let schema_version = db.schema_version()?;
    drop(db);
    Ok(RestoreReport {
        dir: None,
        created_at: manifest["created_at"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        schema_version,
        blobs,
        bytes: bytes_done,
        journal,
    })
}

/// The relative path an entry of a backup unpacks to, or none for a name a backup never
/// holds (which also keeps every path inside the target: no `..`, no absolute names).
fn allowed_entry(name: &str) -> Option<PathBuf> {
    if name == MANIFEST || name == DB_FILE {
        return Some(PathBuf::from(name));
    }
    let rest = name.strip_prefix("vault/")?;
    let (prefix, sha256) = rest.split_once('/')?;
    let lower_hex = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    };
    (sha256.len() == 64 && lower_hex(sha256) && sha256.starts_with(prefix) && prefix.len() == 2)
        .then(|| Path::new(VAULT_DIR).join(prefix).join(sha256))
}

fn blob_entry(sha256: &str) -> String {
    format!("vault/{}/{sha256}", &sha256[..2])
}

/// The folder of `out`, which must exist.
fn target_folder(out: &Path) -> Result<PathBuf> {
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(Error::Invalid(vec![Invalid::new(
            "out",
            Message::new("backup.no_parent").arg("path", dir.display().to_string()),
        )]));
    }
    Ok(dir)
}

/// A file that is synced to disk on `flush`, so the unpacked workspace is durable before it
/// is renamed into place.
struct DurableFile(std::fs::File);

impl std::io::Write for DurableFile {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.sync_all()
    }
}

fn private_create(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

fn damaged_source(name: &str, path: &Path, source: std::io::Error) -> Error {
    if name == DB_FILE {
        io_error(path, source)
    } else {
        Error::Invalid(vec![Invalid::new(
            "vault",
            Message::new(if source.kind() == std::io::ErrorKind::NotFound {
                "check.blob_missing"
            } else {
                "check.blob_unreadable"
            })
            .arg("sha256", name.rsplit('/').next().unwrap_or_default())
            .arg("path", path.display().to_string())
            .arg("detail", source.kind()),
        )])
    }
}

#[cfg(test)]
mod tests;
