//! File handling of backups: bounded copies, syncing in parallel, entry names and private
//! files and folders.

use std::collections::HashMap;
use std::io::{Read, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use csmsdesk_core::i18n::Message;
use csmsdesk_store::vault::hex;
use sha2::{Digest as _, Sha256};

use super::MANIFEST;
use crate::package::io_error;
use crate::workspace::{DB_FILE, VAULT_DIR};
use crate::{Error, Invalid, Progress, Result};

/// How far an unpack has come, for the progress callback.
pub(super) struct Done {
    pub(super) files: usize,
    pub(super) files_total: usize,
    pub(super) bytes: u64,
    pub(super) bytes_total: u64,
}

/// How one entry's bytes came out.
pub(super) enum Copied {
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
    pub(super) fn problem(
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
pub(super) enum Stop {
    Cancelled,
    /// Writing the unpacked file failed.
    Write(std::io::Error),
}

impl Stop {
    /// The error, naming `shown` (the folder the user knows) rather than the staging folder.
    pub(super) fn error(self, shown: &Path) -> Error {
        match self {
            Stop::Cancelled => Error::Cancelled,
            Stop::Write(e) => io_error(shown, e),
        }
    }
}

/// Copies at most `limit` bytes of `entry` to `out` (when given) and `hasher`, reporting
/// progress; stops as soon as more would come out. A short entry is left to the hash check.
#[allow(clippy::too_many_arguments)]
pub(super) fn copy_bounded(
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
pub(super) const SYNC_THREADS: usize = 16;

/// Syncs every file of `paths` to disk, [`SYNC_THREADS`] at a time; stops at the first
/// failure or a cancel.
pub(super) fn sync_files(paths: &[PathBuf], cancel: &AtomicBool) -> std::result::Result<(), Stop> {
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
                    // Opened for writing: Windows flushes only a handle that may write
                    // (a read-only one is refused, "access denied"); Unix does not mind.
                    let synced = std::fs::OpenOptions::new()
                        .write(true)
                        .open(path)
                        .and_then(|f| f.sync_all());
                    if let Err(e) = synced {
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
pub(super) fn entry_sha256(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or_default()
}

/// Creates `path` and missing parents, private to the owner (0700 on Unix).
pub(super) fn private_dir(path: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(path)
}

/// The relative path an entry of a backup unpacks to, or none for a name a backup never
/// holds (which also keeps every path inside the target: no `..`, no absolute names).
pub(super) fn allowed_entry(name: &str) -> Option<PathBuf> {
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

pub(super) fn blob_entry(sha256: &str) -> String {
    format!("vault/{}/{sha256}", &sha256[..2])
}

/// The folder of `out`, which must exist.
pub(super) fn target_folder(out: &Path) -> Result<PathBuf> {
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

pub(super) fn private_create(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

pub(super) fn damaged_source(name: &str, path: &Path, source: std::io::Error) -> Error {
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
