//! Unpacking a backup's entries into a staging folder, each checked against its hash, the
//! database and the space left.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Seek, Write as _};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use csmsdesk_core::i18n::Message;
use csmsdesk_store::vault::{hex, sync_dir};
use serde_json::Value;
use sha2::{Digest as _, Sha256};
use zip::unstable::read::ZipIterable;

use super::files::{
    Copied, Done, allowed_entry, blob_entry, copy_bounded, entry_sha256, private_create,
    private_dir, sync_files,
};
use super::restore::{database_header, open_staged};
use super::{BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MANIFEST, RestoreReport, SUMS};
use crate::journal::JournalReport;
use crate::package::io_error;
use crate::workspace::{DB_FILE, VAULT_DIR};
use crate::{Error, Invalid, Progress, Result};

/// Where an unpack reads from and writes to.
pub(super) struct Place<'a> {
    /// The backup file, as the user named it: messages name it.
    pub(super) file: &'a Path,
    /// The folder the user knows (the restore's target, or the temporary folder of a check):
    /// messages about writing name it, never the hidden staging folder inside it.
    pub(super) shown: &'a Path,
    /// The hidden staging folder.
    pub(super) into: &'a Path,
    /// Whether the vault contents are written (a restore) or only hashed (a check).
    pub(super) restore: bool,
}

/// An entry of the backup's ZIP directory.
pub(super) struct Entry {
    index: usize,
    name: String,
    /// The uncompressed size the directory declares; unpacking stops beyond it.
    size: u64,
}

/// The largest `backup.json` read: ours is a few hundred bytes.
pub(super) const MAX_MANIFEST_BYTES: u64 = 1 << 20;

/// The longest line of `SHA256SUMS`: a hash, two spaces, `vault/xx/<hash>`, a line break.
pub(super) const MAX_SUMS_LINE: u64 = 64 + 2 + 73 + 1;

/// Unpacks and checks the backup `reader` into the empty folder `place.into`, in an order that
/// lets the small database decide what else may be unpacked: the ZIP directory and
/// `SHA256SUMS` first, then the database (its schema and integrity), then every vault entry
/// against what the database refers to and its declared size, and only then the vault
/// contents, never more bytes than declared. Linear in the number of entries: every lookup
/// is a hash map, the buffer is reused, a folder is created once.
pub(super) fn unpack(
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
        server: None,
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
pub(super) fn names_given_twice(reader: &mut (impl Read + Seek)) -> Option<Vec<String>> {
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
pub(super) fn ensure_space(place: &Place<'_>, bytes: u64) -> Result<()> {
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
