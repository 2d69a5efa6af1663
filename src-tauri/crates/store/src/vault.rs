//! The evidence vault: every evidence version's content, stored once per SHA-256 under
//! `vault/<first two hex digits>/<sha256>`.
//!
//! A blob is written to a temporary file inside the vault, fsynced, and renamed to its final
//! name only when its hash is known, so a crash leaves either no blob or a complete one whose
//! name is its content's hash. Content is streamed in fixed-size chunks: a file of any size
//! needs the same small buffer.

use std::fs::{File, Metadata};
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use sha2::{Digest, Sha256};

use crate::create_private_dir;

/// How much is read at a time: big enough for the hash to run at full speed.
const CHUNK: usize = 1 << 20;
/// Space the vault leaves free on its disk, so that the database can still commit.
const FREE_SPACE_RESERVE: u64 = 64 << 20;
/// Where blobs are written before they get their name.
const TEMP_DIR: &str = "tmp";

/// A stored content: its hash (lower-case hex) and size.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Blob {
    pub sha256: String,
    pub size: u64,
}

/// A source file's size and modification time: when both are unchanged, a quick rescan
/// trusts that its content is too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub size: u64,
    /// Nanoseconds since the Unix epoch (0 where the OS does not tell).
    pub mtime_ns: i64,
}

impl Stamp {
    pub fn of(meta: &Metadata) -> Stamp {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        Stamp {
            size: meta.len(),
            mtime_ns,
        }
    }
}

/// Why one file could not be hashed or stored. Each is an outcome for that file alone.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// The source cannot be opened or read (gone, no permission, a device error).
    #[error("cannot read {path}: {source}")]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The source is a folder, device or socket rather than a regular file.
    #[error("{path} is not a regular file")]
    NotAFile { path: PathBuf },
    /// The source's size or modification time changed while it was read: what was read may
    /// mix old and new content, so nothing was kept.
    #[error("{path} changed while it was read")]
    ChangedWhileReading { path: PathBuf },
    /// The vault's disk has less free space than the file needs.
    #[error("{path} needs {needed} bytes; the vault has {available}")]
    NoSpace {
        path: PathBuf,
        needed: u64,
        available: u64,
    },
    /// The user cancelled.
    #[error("cancelled")]
    Cancelled,
    /// The vault itself cannot be written.
    #[error("cannot write the vault at {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The vault folder of a workspace. Cheap to clone, so long work can run without the
/// database.
#[derive(Debug, Clone)]
pub struct Vault {
    dir: PathBuf,
}

impl Vault {
    pub fn new(dir: impl Into<PathBuf>) -> Vault {
        Vault { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the blob of `sha256` lives (whether or not it exists).
    pub fn blob_path(&self, sha256: &str) -> PathBuf {
        let prefix = sha256.get(..2).unwrap_or("00");
        self.dir.join(prefix).join(sha256)
    }

    pub fn contains(&self, sha256: &str) -> bool {
        self.blob_path(sha256).is_file()
    }

    /// Removes temporary files a crashed write left behind. Only call while holding the
    /// workspace lock, when no write of this process is under way.
    pub fn remove_leftovers(&self) {
        let Ok(entries) = std::fs::read_dir(self.dir.join(TEMP_DIR)) else {
            return;
        };
        for entry in entries.flatten() {
            if let Err(e) = std::fs::remove_file(entry.path()) {
                tracing::warn!(path = %entry.path().display(), error = %e, "leftover vault file stays");
            }
        }
    }

    /// Stores `bytes` (a file already read into memory, such as an imported catalogue
    /// workbook) the way [`Vault::ingest`] stores a file: through a temporary file, fsynced,
    /// renamed to its hash; identical content is stored once.
    pub fn store_bytes(&self, bytes: &[u8], shown: &Path) -> Result<Blob, VaultError> {
        let blob = Blob {
            sha256: hex(&Sha256::digest(bytes)),
            size: bytes.len() as u64,
        };
        let target = self.blob_path(&blob.sha256);
        if target.is_file() {
            return Ok(blob);
        }
        let available = fs4::available_space(&self.dir).map_err(|e| self.write_error(e))?;
        if blob.size.saturating_add(FREE_SPACE_RESERVE) > available {
            return Err(VaultError::NoSpace {
                path: shown.to_owned(),
                needed: blob.size,
                available: available.saturating_sub(FREE_SPACE_RESERVE),
            });
        }
        let temp_dir = self.dir.join(TEMP_DIR);
        create_private_dir(&temp_dir)
            .map_err(|e| self.write_error(std::io::Error::other(e.to_string())))?;
        let mut temp =
            tempfile::NamedTempFile::new_in(&temp_dir).map_err(|e| self.write_error(e))?;
        temp.write_all(bytes)
            .and_then(|()| temp.as_file().sync_all())
            .map_err(|e| self.full_or_write(e, shown, blob.size))?;
        let parent = target.parent().unwrap_or(&self.dir).to_owned();
        std::fs::create_dir_all(&parent).map_err(|e| self.write_error(e))?;
        if let Err(e) = temp.persist(&target)
            && !target.is_file()
        {
            return Err(self.write_error(e.error));
        }
        sync_dir(&parent);
        Ok(blob)
    }

    /// Copies `source` into the vault while hashing it. Identical content is stored once.
    pub fn ingest(&self, source: &Path, cancel: &AtomicBool) -> Result<(Blob, Stamp), VaultError> {
        let (mut file, before) = open_regular(source)?;
        let available = fs4::available_space(&self.dir).map_err(|e| self.write_error(e))?;
        if before.size.saturating_add(FREE_SPACE_RESERVE) > available {
            return Err(VaultError::NoSpace {
                path: source.to_owned(),
                needed: before.size,
                available: available.saturating_sub(FREE_SPACE_RESERVE),
            });
        }
        let temp_dir = self.dir.join(TEMP_DIR);
        create_private_dir(&temp_dir).map_err(|e| match e {
            crate::Error::NotWritable { source, .. } | crate::Error::Io { source, .. } => {
                self.write_error(source)
            }
            other => self.write_error(std::io::Error::other(other.to_string())),
        })?;
        // Owner-only (0600) and removed on drop unless it is persisted below.
        let mut temp =
            tempfile::NamedTempFile::new_in(&temp_dir).map_err(|e| self.write_error(e))?;
        let blob = stream(&mut file, source, before, cancel, |chunk| {
            temp.write_all(chunk)
                .map_err(|e| self.full_or_write(e, source, before.size))
        })?;
        temp.as_file()
            .sync_all()
            .map_err(|e| self.full_or_write(e, source, before.size))?;
        let target = self.blob_path(&blob.sha256);
        if target.is_file() {
            // Already stored; the temporary copy goes away on drop.
            return Ok((blob, before));
        }
        let parent = target.parent().unwrap_or(&self.dir).to_owned();
        std::fs::create_dir_all(&parent).map_err(|e| self.write_error(e))?;
        if let Err(e) = temp.persist(&target) {
            // Another writer stored the same content meanwhile. Windows refuses a rename over
            // a file that someone holds open without sharing its deletion (a virus scanner,
            // an export reading it); the content is there either way, since a blob's name is
            // its hash.
            if !target.is_file() {
                return Err(self.write_error(e.error));
            }
            tracing::debug!(path = %target.display(), error = %e.error, "the same content was stored meanwhile");
        }
        sync_dir(&parent);
        Ok((blob, before))
    }

    /// Re-hashes the blob of `sha256`: `Ok(true)` when it is there and matches its name.
    pub fn verify(&self, sha256: &str) -> std::io::Result<bool> {
        let path = self.blob_path(sha256);
        match hash_file(&path, &AtomicBool::new(false)) {
            Ok((blob, _)) => Ok(blob.sha256 == sha256),
            Err(VaultError::Unreadable { source, .. }) if source.kind() == ErrorKind::NotFound => {
                Ok(false)
            }
            Err(VaultError::Unreadable { source, .. }) => Err(source),
            Err(other) => Err(std::io::Error::other(other.to_string())),
        }
    }

    fn write_error(&self, source: std::io::Error) -> VaultError {
        VaultError::Write {
            path: self.dir.clone(),
            source,
        }
    }

    fn full_or_write(&self, e: std::io::Error, source: &Path, needed: u64) -> VaultError {
        if e.kind() == ErrorKind::StorageFull {
            VaultError::NoSpace {
                path: source.to_owned(),
                needed,
                available: fs4::available_space(&self.dir).unwrap_or(0),
            }
        } else {
            self.write_error(e)
        }
    }
}

/// The space available to this user on the disk holding `dir` (where an export will go).
pub fn available_space(dir: &Path) -> std::io::Result<u64> {
    fs4::available_space(dir)
}

/// Hashes `path` without storing it, and says how the file looked while it was read.
pub fn hash_file(path: &Path, cancel: &AtomicBool) -> Result<(Blob, Stamp), VaultError> {
    let (mut file, before) = open_regular(path)?;
    let blob = stream(&mut file, path, before, cancel, |_| Ok(()))?;
    Ok((blob, before))
}

/// Reads `file` (the source at `path`, which looked like `before` when opened) to its end in
/// chunks, hashing each and handing it to `sink`; checks `cancel` between chunks. Fails if the
/// source changed while it was read.
fn stream(
    file: &mut File,
    path: &Path,
    before: Stamp,
    cancel: &AtomicBool,
    mut sink: impl FnMut(&[u8]) -> Result<(), VaultError>,
) -> Result<Blob, VaultError> {
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; CHUNK];
    let mut size = 0u64;
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(VaultError::Cancelled);
        }
        let n = read_some(file, &mut buffer, path)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
        sink(&buffer[..n])?;
        size += n as u64;
    }
    if source_stamp(path)? != before || size != before.size {
        return Err(VaultError::ChangedWhileReading {
            path: path.to_owned(),
        });
    }
    Ok(Blob {
        sha256: hex(&hasher.finalize()),
        size,
    })
}

/// The stamp of `path` as it is now.
pub fn source_stamp(path: &Path) -> Result<Stamp, VaultError> {
    std::fs::metadata(path)
        .map(|m| Stamp::of(&m))
        .map_err(|source| VaultError::Unreadable {
            path: path.to_owned(),
            source,
        })
}

fn open_regular(path: &Path) -> Result<(File, Stamp), VaultError> {
    let unreadable = |source| VaultError::Unreadable {
        path: path.to_owned(),
        source,
    };
    // Looked at before opening: Windows refuses to open a folder at all (as if access were
    // denied), and opening a named pipe on Unix waits for a writer.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(VaultError::NotAFile {
            path: path.to_owned(),
        });
    }
    let file = File::open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(VaultError::NotAFile {
            path: path.to_owned(),
        });
    }
    Ok((file, Stamp::of(&meta)))
}

fn read_some(file: &mut File, buffer: &mut [u8], path: &Path) -> Result<usize, VaultError> {
    loop {
        match file.read(buffer) {
            Ok(n) => return Ok(n),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(source) => {
                return Err(VaultError::Unreadable {
                    path: path.to_owned(),
                    source,
                });
            }
        }
    }
}

/// Makes a rename durable: on Unix the folder entry is only safe once the folder is synced.
/// Makes a rename in `dir` durable (Unix: fsync the folder); a failure is logged.
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Err(e) = File::open(dir).and_then(|d| d.sync_all()) {
        tracing::warn!(dir = %dir.display(), error = %e, "could not sync folder");
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Lower-case hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests;
