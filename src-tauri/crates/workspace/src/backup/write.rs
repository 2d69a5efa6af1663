//! Writing a backup: the database through SQLite's online backup API, then every vault
//! content it refers to, then `SHA256SUMS`.

use std::io::{Read, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, SecondsFormat, Utc};
use csmsdesk_core::i18n::Message;
use csmsdesk_store::Db;
use csmsdesk_store::pg::Location;
use csmsdesk_store::vault::{hex, sync_dir};
use sha2::{Digest as _, Sha256};

use super::files::{blob_entry, damaged_source, target_folder};
use super::{BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupReport, MANIFEST, SUMS};
use crate::package::{entry_options, io_error, zip_error, zip_time};
use crate::workspace::DB_FILE;
use crate::{Error, Invalid, Progress, Result, Workspace};

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
    write_backup_at(
        &Location::Folder(dir.to_owned()),
        out,
        now,
        progress,
        cancel,
    )
}

/// [`write_backup`] of a workspace in a folder or on PostgreSQL. A server workspace's backup
/// is the same file: its database as one snapshot shows it, written as a desk workspace's
/// `workspace.sqlite` (`store::transfer`), and its evidence content read from the database;
/// so it restores into a folder or a server database alike.
pub fn write_backup_at(
    location: &Location,
    out: &Path,
    now: DateTime<Utc>,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<BackupReport> {
    if let Location::Folder(dir) = location {
        crate::outputs::refuse_inside_workspace(dir, out, "out")?;
    }
    let out_dir = target_folder(out)?;
    let source = Workspace::open_read_only_at(location, now)?;
    // The snapshot first: the contents it refers to are never removed from the vault.
    // In a partial folder, locked through the lock file beside it: a partial file is locked
    // itself, and on Windows that lock is mandatory, so SQLite's own connection could never
    // write the file (the backup waited for ever under Wine).
    let snapshot_dir =
        crate::partial::create_dir(&out_dir, "snapshot").map_err(|e| io_error(out, e))?;
    let snapshot = snapshot_dir.path().join(DB_FILE);
    source.db.backup_to(&snapshot)?;
    let vault = source.vault();
    drop(source);
    let copy = Db::open_read_only(&snapshot)?;
    let blobs = csmsdesk_store::evidence::blobs(copy.conn())?;
    let journal_entries = csmsdesk_store::journal::count(copy.conn())?.max(0) as usize;
    let schema_version = copy.schema_version()?;
    drop(copy);
    let db_size = std::fs::metadata(&snapshot)
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
    let manifest = crate::wire::BackupManifest {
        format: BACKUP_FORMAT,
        format_version: BACKUP_FORMAT_VERSION,
        created_at: created_at.clone(),
        created_by: concat!("CSMS Desk ", env!("CARGO_PKG_VERSION")),
        schema_version,
        database: DB_FILE,
        blobs: blobs.len(),
        bytes: bytes_total,
        journal_entries,
    };
    // Through `Value`, whose keys are sorted: the manifest's bytes stay what they were.
    let manifest = serde_json::to_value(&manifest).unwrap_or_default();
    let mut entries: Vec<(String, PathBuf, u64)> =
        vec![(DB_FILE.to_owned(), snapshot.clone(), db_size)];
    for (sha256, size) in &blobs {
        // The path only names the content in messages: it is read through the vault.
        entries.push((blob_entry(sha256), vault.location_of(sha256).into(), *size));
    }
    let time = zip_time(now);
    let options = |deflate: bool, size: u64| {
        entry_options(time, 0o600)
            .compression_method(if deflate {
                zip::CompressionMethod::Deflated
            } else {
                zip::CompressionMethod::Stored
            })
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
        let blob = name.strip_prefix("vault/").and_then(|n| n.get(3..));
        let mut file: Box<dyn Read> = match blob {
            Some(sha256) => vault.open(sha256).map(|r| r as Box<dyn Read>),
            None => std::fs::File::open(path).map(|f| Box::new(f) as Box<dyn Read>),
        }
        .map_err(|source| damaged_source(name, path, source))?;
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
