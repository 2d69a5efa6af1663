//! Backup and restore: one ZIP file holding a consistent copy of the database (SQLite's online
//! backup API, safe while the app has the workspace open) and every vault content the copy
//! refers to, with a `SHA256SUMS` that `sha256sum -c` checks after `unzip`.
//!
//! Layout: `backup.json` (what it is: format, version, when, counts), `workspace.sqlite`,
//! `vault/<2 hex>/<sha256>` (each named by its own hash, as in the workspace) and
//! `SHA256SUMS` last. A restore checks every byte before the new workspace appears: it is
//! unpacked into a hidden folder beside the target and renamed into place only when whole.
//! A backup is input from outside like any other file: its database must be exactly what our
//! migrations make (a database carries code: triggers and views), and it decides which vault
//! entries may be unpacked at all, and how large each may be.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Seek, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, SecondsFormat, Utc};
use csmsdesk_core::i18n::Message;
use csmsdesk_store::Db;
use csmsdesk_store::vault::{Vault, hex, sync_dir};
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};
use zip::unstable::read::ZipIterable;
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
    crate::outputs::refuse_inside_workspace(dir, out, "out")?;
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
    let staged = staging.finish().map_err(|e| io_error(target, e))?;
    // The folder's own entries (the database, `vault`) are durable before it is renamed.
    sync_dir(&staged);
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

/// Where an unpack reads from and writes to.
struct Place<'a> {
    /// The backup file, as the user named it: messages name it.
    file: &'a Path,
    /// The folder the user knows (the restore's target, or the temporary folder of a check):
    /// messages about writing name it, never the hidden staging folder inside it.
    shown: &'a Path,
    /// The hidden staging folder.
    into: &'a Path,
    /// Whether the vault contents are written (a restore) or only hashed (a check).
    restore: bool,
}

/// An entry of the backup's ZIP directory.
struct Entry {
    index: usize,
    name: String,
    /// The uncompressed size the directory declares; unpacking stops beyond it.
    size: u64,
}

/// The largest `backup.json` read: ours is a few hundred bytes.
const MAX_MANIFEST_BYTES: u64 = 1 << 20;
/// The longest line of `SHA256SUMS`: a hash, two spaces, `vault/xx/<hash>`, a line break.
const MAX_SUMS_LINE: u64 = 64 + 2 + 73 + 1;

/// Unpacks and checks the backup `reader` into the empty folder `place.into`, in an order that
/// lets the small database decide what else may be unpacked: the ZIP directory and
/// `SHA256SUMS` first, then the database (its schema and integrity), then every vault entry
/// against what the database refers to and its declared size, and only then the vault
/// contents, never more bytes than declared. Linear in the number of entries: every lookup
/// is a hash map, the buffer is reused, a folder is created once.
fn unpack(
    reader: impl Read + Seek,
    place: &Place<'_>,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<RestoreReport> {
    let name = place.file.display().to_string();
    let refuse = |problems: Vec<Message>| {
        Error::Invalid(
            problems
                .into_iter()
                .map(|m| Invalid::new("file", m))
                .collect(),
        )
    };
    let not_a_backup = || refuse(vec![Message::new("backup.not_a_backup").arg("path", &name)]);
    let mut reader = reader;
    let twice = names_given_twice(&mut reader).ok_or_else(not_a_backup)?;
    let mut archive = zip::ZipArchive::new(reader).map_err(|_| not_a_backup())?;

    // The directory: every name allowed and present once.
    let files_total = archive.len();
    let mut problems: Vec<Message> = twice
        .iter()
        .map(|n| Message::new("backup.duplicate_entry").arg("entry", n))
        .collect();
    let mut entries: HashMap<String, Entry> = HashMap::with_capacity(files_total);
    let mut order = Vec::with_capacity(files_total);
    let mut names = HashSet::with_capacity(files_total);
    for index in 0..files_total {
        let raw = archive.by_index_raw(index).map_err(|_| not_a_backup())?;
        let Ok(entry_name) = raw.name().map(|n| n.into_owned()) else {
            return Err(not_a_backup());
        };
        let size = raw.size();
        drop(raw);
        names.insert(entry_name.clone());
        if entry_name != SUMS && allowed_entry(&entry_name).is_none() {
            problems.push(Message::new("backup.unexpected_entry").arg("entry", &entry_name));
            continue;
        }
        order.push(entry_name.clone());
        entries.insert(
            entry_name.clone(),
            Entry {
                index,
                name: entry_name,
                size,
            },
        );
    }
    let mut small = |entry: &str, max: u64| -> Option<Vec<u8>> {
        let index = entries.get(entry)?.index;
        let e = archive.by_index(index).ok()?;
        let mut bytes = Vec::new();
        e.take(max + 1).read_to_end(&mut bytes).ok()?;
        (bytes.len() as u64 <= max).then_some(bytes)
    };
    let sums_max = MAX_SUMS_LINE * (files_total as u64 + 1);
    let (Some(manifest_bytes), Some(sums)) =
        (small(MANIFEST, MAX_MANIFEST_BYTES), small(SUMS, sums_max))
    else {
        return Err(not_a_backup());
    };
    let manifest: Value = serde_json::from_slice(&manifest_bytes).map_err(|_| not_a_backup())?;
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
    let listed: HashMap<String, String> = String::from_utf8_lossy(&sums)
        .lines()
        .filter_map(|l| l.split_once("  "))
        .map(|(hash, entry)| (entry.to_owned(), hash.to_owned()))
        .collect();
    for entry_name in order.iter().filter(|n| *n != SUMS) {
        if !listed.contains_key(entry_name) {
            problems.push(Message::new("verify.unlisted").arg("entry", entry_name));
        }
    }
    let mut missing: Vec<&String> = listed.keys().filter(|n| !names.contains(*n)).collect();
    missing.sort();
    for entry_name in missing {
        problems.push(Message::new("verify.missing").arg("entry", entry_name));
    }
    if let Some(hash) = listed.get(MANIFEST)
        && *hash != hex(&Sha256::digest(&manifest_bytes))
    {
        problems.push(Message::new("verify.mismatch").arg("entry", MANIFEST));
    }
    let Some(db_entry) = entries.get(DB_FILE) else {
        problems.push(Message::new("verify.missing").arg("entry", DB_FILE));
        return Err(refuse(problems));
    };
    if !problems.is_empty() {
        return Err(refuse(problems));
    }

    // The database: unpacked, then its schema and integrity checked before it is trusted.
    let vault_entries: Vec<&Entry> = order
        .iter()
        .filter(|n| n.starts_with("vault/"))
        .filter_map(|n| entries.get(n))
        .collect();
    // Sizes are the directory's word, so they are added without overflowing.
    let vault_bytes = vault_entries
        .iter()
        .fold(0u64, |sum, e| sum.saturating_add(e.size));
    let bytes_total = db_entry.size.saturating_add(vault_bytes);
    let mut buffer = vec![0; 1 << 20];
    let mut done = Done {
        files: 0,
        files_total,
        bytes: 0,
        bytes_total,
    };
    ensure_space(place, db_entry.size)?;
    let db_path = place.into.join(DB_FILE);
    let mut out = private_create(&db_path).map_err(|e| io_error(place.shown, e))?;
    let mut entry = archive
        .by_index(db_entry.index)
        .map_err(|_| not_a_backup())?;
    let mut hasher = Sha256::new();
    let mut header = Vec::with_capacity(100);
    if (&mut entry).take(100).read_to_end(&mut header).is_err() {
        return Err(refuse(vec![
            Message::new("verify.unreadable").arg("entry", DB_FILE),
        ]));
    }
    if let Err(problem) = database_header(&header, db_entry.size, &name) {
        return Err(refuse(vec![problem]));
    }
    hasher.update(&header);
    out.write_all(&header)
        .map_err(|e| io_error(place.shown, e))?;
    done.bytes += header.len() as u64;
    let copied = copy_bounded(
        &mut entry,
        Some(&mut out),
        &mut hasher,
        db_entry.size - header.len() as u64,
        &mut buffer,
        &mut done,
        progress,
        cancel,
    )
    .map_err(|e| e.error(place.shown))?;
    drop(entry);
    let copied = match copied {
        Copied::Whole(n) => Copied::Whole(n + header.len() as u64),
        other => other,
    };
    if let Some(problem) = copied.problem(DB_FILE, db_entry.size, &hasher, &listed) {
        return Err(refuse(vec![problem]));
    }
    if place.restore {
        out.sync_all().map_err(|e| io_error(place.shown, e))?;
    }
    drop(out);
    done.files += 1;
    let db = open_staged(&db_path, &name)?;
    // A database of our schema that SQLite still fails to read is damaged: said so, naming
    // the backup, with SQLite's detail in the log only.
    let damaged = |e: csmsdesk_store::Error| {
        tracing::warn!(error = %e, "the backup's database could not be read");
        refuse(vec![
            Message::new("backup.database_unreadable").arg("path", &name),
        ])
    };
    let integrity = db.integrity_check().map_err(damaged)?;
    if !integrity.is_empty() {
        return Err(refuse(vec![
            Message::new("backup.database_damaged").arg("detail", integrity.join("; ")),
        ]));
    }

    // The vault: only contents the database refers to, each of the size it records.
    let mut referenced: HashMap<String, u64> = HashMap::new();
    for (sha256, size) in csmsdesk_store::evidence::blobs(db.conn()).map_err(damaged)? {
        if let Some(other) = referenced.insert(sha256.clone(), size)
            && other != size
        {
            problems.push(Message::new("backup.sizes_differ").arg("sha256", &sha256));
        }
    }
    let mut present = HashSet::with_capacity(vault_entries.len());
    for entry in &vault_entries {
        let sha256 = entry_sha256(&entry.name);
        present.insert(sha256);
        match referenced.get(sha256) {
            None => {
                problems.push(Message::new("backup.unreferenced_entry").arg("entry", &entry.name))
            }
            Some(&recorded) if recorded != entry.size => problems.push(
                Message::new("backup.entry_size")
                    .arg("entry", &entry.name)
                    .arg("declared", entry.size)
                    .arg("recorded", recorded),
            ),
            Some(_) => {}
        }
    }
    let mut absent: Vec<&String> = referenced
        .keys()
        .filter(|sha256| !present.contains(sha256.as_str()))
        .collect();
    absent.sort();
    for sha256 in absent {
        problems.push(Message::new("verify.missing").arg("entry", blob_entry(sha256)));
    }
    if !problems.is_empty() {
        return Err(refuse(problems));
    }
    if place.restore {
        ensure_space(place, vault_bytes)?;
    }
    let vault_dir = place.into.join(VAULT_DIR);
    if place.restore {
        private_dir(&vault_dir).map_err(|e| io_error(place.shown, e))?;
    }
    let mut folders = HashSet::new();
    let mut written = Vec::with_capacity(if place.restore {
        vault_entries.len()
    } else {
        0
    });
    for vault_entry in &vault_entries {
        if cancel.load(Ordering::Relaxed) {
            return Err(Error::Cancelled);
        }
        let Ok(mut entry) = archive.by_index(vault_entry.index) else {
            problems.push(Message::new("verify.unreadable").arg("entry", &vault_entry.name));
            continue;
        };
        let mut out = if place.restore {
            let sha256 = entry_sha256(&vault_entry.name);
            let folder = vault_dir.join(&sha256[..2]);
            if folders.insert(sha256[..2].to_owned()) {
                private_dir(&folder).map_err(|e| io_error(place.shown, e))?;
            }
            let path = folder.join(sha256);
            let file = private_create(&path).map_err(|e| io_error(place.shown, e))?;
            written.push(path);
            Some(file)
        } else {
            None
        };
        let mut hasher = Sha256::new();
        let copied = copy_bounded(
            &mut entry,
            out.as_mut(),
            &mut hasher,
            vault_entry.size,
            &mut buffer,
            &mut done,
            progress,
            cancel,
        )
        .map_err(|e| e.error(place.shown))?;
        if let Some(problem) = copied.problem(&vault_entry.name, vault_entry.size, &hasher, &listed)
        {
            problems.push(problem);
        }
        done.files += 1;
    }
    if !problems.is_empty() {
        return Err(refuse(problems));
    }
    if place.restore {
        // Synced after all are written, not one by one: each sync right after its write
        // waits for a journal commit of its own (30,000 contents took 40 s that way).
        sync_files(&written, cancel).map_err(|e| e.error(place.shown))?;
        for prefix in &folders {
            sync_dir(&vault_dir.join(prefix));
        }
        sync_dir(&vault_dir);
    }
    let (entries, head, problems) = csmsdesk_store::journal::verify(db.conn()).map_err(damaged)?;
    let journal = JournalReport {
        entries,
        head,
        problems,
    };
    let schema_version = db.schema_version().map_err(damaged)?;
    drop(db);
    Ok(RestoreReport {
        dir: None,
        created_at: manifest["created_at"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        schema_version,
        blobs: vault_entries.len(),
        bytes: done.bytes,
        journal,
    })
}

/// The names the ZIP directory of `reader` holds more than once, in their order; none if the
/// directory cannot be read. `ZipArchive` keeps only one entry of such a name, so another tool
/// could unpack a copy other than the one checked here.
fn names_given_twice(reader: &mut (impl Read + Seek)) -> Option<Vec<String>> {
    let mut directory = ZipIterable::try_new(reader, zip::read::Config::default()).ok()?;
    let mut seen = HashSet::with_capacity(directory.len());
    let mut reported = HashSet::new();
    let mut twice = Vec::new();
    for entry in directory.files().ok()? {
        let name = String::from_utf8_lossy(entry.ok()?.name_raw()).into_owned();
        if !seen.insert(name.clone()) && reported.insert(name.clone()) {
            twice.push(name);
        }
    }
    Some(twice)
}

/// Refuses to unpack `bytes` more into `place.into` when its disk has less free (with 1 MiB
/// to spare). A disk that does not say how much is free is tried.
fn ensure_space(place: &Place<'_>, bytes: u64) -> Result<()> {
    let needed = bytes.saturating_add(1 << 20);
    match csmsdesk_store::vault::available_space(place.into) {
        Ok(available) if available < needed => Err(Error::Invalid(vec![Invalid::new(
            "file",
            Message::new("backup.restore_no_space")
                .arg("path", place.file.display().to_string())
                .arg("needed_mib", needed.div_ceil(1 << 20))
                .arg("available_mib", available / (1 << 20))
                .arg("folder", place.shown.display().to_string()),
        )])),
        _ => Ok(()),
    }
}

/// Opens the unpacked database once [`csmsdesk_store::schema::check_file`] has found it to be
/// ours, bringing an older one up to date. Every refusal names the backup, not the staging
/// folder the file sits in.
fn open_staged(db_path: &Path, backup: &str) -> Result<Db> {
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
fn database_header(header: &[u8], declared: u64, backup: &str) -> Result<(), Message> {
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

/// How far an unpack has come, for the progress callback.
struct Done {
    files: usize,
    files_total: usize,
    bytes: u64,
    bytes_total: u64,
}

/// How one entry's bytes came out.
enum Copied {
    /// All of them (this many), no more than declared.
    Whole(u64),
    /// The ZIP could not deliver them (damage, an unsupported method, encryption).
    Unreadable,
    /// More bytes than the directory declares: a bomb, stopped at the limit.
    TooLong,
}

impl Copied {
    /// The problem with entry `name` now that it is read, if any: unreadable, longer or
    /// shorter than `declared`, or a hash other than `SHA256SUMS` lists (or, for a vault
    /// content, than its name).
    fn problem(
        self,
        name: &str,
        declared: u64,
        hasher: &Sha256,
        listed: &HashMap<String, String>,
    ) -> Option<Message> {
        match self {
            Copied::Unreadable => Some(Message::new("verify.unreadable").arg("entry", name)),
            Copied::TooLong => Some(
                Message::new("backup.entry_too_long")
                    .arg("entry", name)
                    .arg("declared", declared),
            ),
            Copied::Whole(n) if n != declared => {
                Some(Message::new("verify.unreadable").arg("entry", name))
            }
            Copied::Whole(_) => {
                let digest = hex(&hasher.clone().finalize());
                let named = name
                    .strip_prefix("vault/")
                    .is_none_or(|_| entry_sha256(name) == digest);
                (listed.get(name) != Some(&digest) || !named)
                    .then(|| Message::new("verify.mismatch").arg("entry", name))
            }
        }
    }
}

/// Why a copy stopped before its entry ended, other than the entry itself.
enum Stop {
    Cancelled,
    /// Writing the unpacked file failed.
    Write(std::io::Error),
}

impl Stop {
    /// The error, naming `shown` (the folder the user knows) rather than the staging folder.
    fn error(self, shown: &Path) -> Error {
        match self {
            Stop::Cancelled => Error::Cancelled,
            Stop::Write(e) => io_error(shown, e),
        }
    }
}

/// Copies at most `limit` bytes of `entry` to `out` (when given) and `hasher`, reporting
/// progress; stops as soon as more would come out. A short entry is left to the hash check.
#[allow(clippy::too_many_arguments)]
fn copy_bounded(
    entry: &mut impl Read,
    mut out: Option<&mut std::fs::File>,
    hasher: &mut Sha256,
    limit: u64,
    buffer: &mut [u8],
    done: &mut Done,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> std::result::Result<Copied, Stop> {
    let mut copied = 0u64;
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(Stop::Cancelled);
        }
        let n = match entry.read(buffer) {
            Ok(0) => return Ok(Copied::Whole(copied)),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return Ok(Copied::Unreadable),
        };
        copied += n as u64;
        if copied > limit {
            return Ok(Copied::TooLong);
        }
        hasher.update(&buffer[..n]);
        if let Some(out) = out.as_mut() {
            out.write_all(&buffer[..n]).map_err(Stop::Write)?;
        }
        done.bytes += n as u64;
        progress(Progress {
            files_done: done.files,
            files_total: done.files_total,
            bytes_done: done.bytes,
            bytes_total: done.bytes_total,
        });
    }
}

/// How many files [`sync_files`] syncs at once: the disk and the file system's journal serve
/// many waiting syncs together, so more threads than cores help.
const SYNC_THREADS: usize = 16;

/// Syncs every file of `paths` to disk, [`SYNC_THREADS`] at a time; stops at the first
/// failure or a cancel.
fn sync_files(paths: &[PathBuf], cancel: &AtomicBool) -> std::result::Result<(), Stop> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failure = std::sync::Mutex::new(None);
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        for _ in 0..SYNC_THREADS.min(paths.len()) {
            scope.spawn(|| {
                while !stop.load(Ordering::Relaxed) {
                    if cancel.load(Ordering::Relaxed) {
                        stop.store(true, Ordering::Relaxed);
                        break;
                    }
                    let Some(path) = paths.get(next.fetch_add(1, Ordering::Relaxed)) else {
                        break;
                    };
                    if let Err(e) = std::fs::File::open(path).and_then(|f| f.sync_all()) {
                        stop.store(true, Ordering::Relaxed);
                        let mut first = failure.lock().unwrap_or_else(|p| p.into_inner());
                        first.get_or_insert(e);
                    }
                }
            });
        }
    });
    if let Some(e) = failure.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(Stop::Write(e));
    }
    if cancel.load(Ordering::Relaxed) {
        return Err(Stop::Cancelled);
    }
    Ok(())
}

/// The content hash a vault entry's name (`vault/xx/<sha256>`, checked by [`allowed_entry`])
/// ends in.
fn entry_sha256(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or_default()
}

/// Creates `path` and missing parents, private to the owner (0700 on Unix).
fn private_dir(path: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(path)
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
