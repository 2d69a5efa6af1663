//! The evidence vault: every evidence version's content, stored once per SHA-256, in a folder
//! (`vault/<first two hex digits>/<sha256>`) or in the workspace's PostgreSQL database
//! (`postgres.rs`: chunk rows named by the hash). Callers read a blob with [`Vault::open`]
//! or [`Vault::copy_to`] and never need to know which.
//!
//! In a folder, a blob is written to a temporary file inside the vault, fsynced, and renamed to its final
//! name only when its hash is known, so a crash leaves either no blob or a complete one whose
//! name is its content's hash. Content is streamed in fixed-size chunks: a file of any size
//! needs the same small buffer.

use std::fs::{File, Metadata};
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use sha2::{Digest, Sha256};

use crate::create_private_dir;

mod postgres;

/// How much is read at a time: big enough for the hash to run at full speed.
const CHUNK: usize = 1 << 20;
/// Space the vault leaves free on its disk, so that the database can still commit.
const FREE_SPACE_RESERVE: u64 = 64 << 20;
/// Where blobs are written before they get their name.
const TEMP_DIR: &str = "tmp";

/// The tables of evidence content in PostgreSQL (`0010_evidence_content.sql`); SQLite keeps
/// content in the vault folder beside its database. They are not journalled (the version rows
/// naming a hash are) and not part of the schema both engines share; a copy between engines
/// moves content through the vault, not with the tables.
pub const CONTENT_TABLES: [&str; 3] = ["evidence_upload", "evidence_chunk", "evidence_content"];

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

/// The vault of a workspace: a folder, or its PostgreSQL database. Cheap to clone (the
/// database's vault shares its connection), so long work can run without the database.
#[derive(Debug, Clone)]
pub struct Vault {
    place: Place,
}

#[derive(Debug, Clone)]
enum Place {
    Folder(PathBuf),
    Postgres(Arc<postgres::PgVault>),
}

impl Vault {
    /// The vault in folder `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Vault {
        Vault {
            place: Place::Folder(dir.into()),
        }
    }

    /// The vault in the PostgreSQL workspace `config` names, on a connection of its own (its
    /// writes commit on their own, and a read streams while the workspace's connection
    /// queries). The schema must be migrated already.
    pub fn postgres(config: &crate::pg::PgConfig) -> crate::Result<Vault> {
        let client = crate::pg::connect(config)?;
        let shown = format!(
            "postgresql://{}:{}/{}",
            config.host, config.port, config.database
        );
        let vault = postgres::PgVault::new(client, Some(config.clone()), shown.into());
        Ok(Vault {
            place: Place::Postgres(Arc::new(vault)),
        })
    }

    /// The vault in the database `client` is connected to (with `search_path` set to the
    /// workspace's schema, as [`crate::pg::connect`] sets it); `shown` names it in messages.
    /// Unlike [`Vault::postgres`], it cannot connect again when the connection is lost.
    pub fn postgres_client(client: ::postgres::Client, shown: impl Into<PathBuf>) -> Vault {
        let vault = postgres::PgVault::new(client, None, shown.into());
        Vault {
            place: Place::Postgres(Arc::new(vault)),
        }
    }

    /// The vault's folder; `None` for a vault in PostgreSQL.
    pub fn dir(&self) -> Option<&Path> {
        match &self.place {
            Place::Folder(dir) => Some(dir),
            Place::Postgres(_) => None,
        }
    }

    /// Where the blob of `sha256` lives in a folder vault (whether or not it exists); `None`
    /// in PostgreSQL. Read content with [`Vault::open`]; this is for what needs a file.
    pub fn blob_path(&self, sha256: &str) -> Option<PathBuf> {
        self.dir().map(|dir| folder_blob_path(dir, sha256))
    }

    /// Where the blob of `sha256` lives, for messages: its file, or the database and hash.
    pub fn location_of(&self, sha256: &str) -> String {
        match &self.place {
            Place::Folder(dir) => folder_blob_path(dir, sha256).display().to_string(),
            Place::Postgres(pg) => format!("{} evidence_content {sha256}", pg.shown().display()),
        }
    }

    pub fn contains(&self, sha256: &str) -> bool {
        match &self.place {
            Place::Folder(dir) => folder_blob_path(dir, sha256).is_file(),
            Place::Postgres(pg) => pg.contains(sha256).unwrap_or_else(|e| {
                tracing::warn!(error = %e, "cannot look up evidence content");
                false
            }),
        }
    }

    /// A reader of the blob of `sha256` (one chunk in memory at a time); an error of kind
    /// `NotFound` when it is not stored.
    pub fn open(&self, sha256: &str) -> std::io::Result<Box<dyn Read + Send>> {
        match &self.place {
            Place::Folder(dir) => Ok(Box::new(File::open(folder_blob_path(dir, sha256))?)),
            Place::Postgres(pg) => Ok(Box::new(pg.open(sha256)?)),
        }
    }

    /// Writes the blob of `sha256` to `out`; returns how many bytes.
    pub fn copy_to(&self, sha256: &str, out: &mut dyn Write) -> std::io::Result<u64> {
        std::io::copy(&mut self.open(sha256)?, out)
    }

    /// Removes what a crashed write left behind (temporary files, staged chunks). Only call
    /// while holding the workspace lock, when no write of this process is under way.
    pub fn remove_leftovers(&self) {
        let dir = match &self.place {
            Place::Folder(dir) => dir,
            Place::Postgres(pg) => return pg.remove_leftovers(),
        };
        let Ok(entries) = std::fs::read_dir(dir.join(TEMP_DIR)) else {
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
    /// renamed to its hash (in PostgreSQL: staged chunks made a blob in one transaction);
    /// identical content is stored once.
    pub fn store_bytes(&self, bytes: &[u8], shown: &Path) -> Result<Blob, VaultError> {
        let blob = Blob {
            sha256: hex(&Sha256::digest(bytes)),
            size: bytes.len() as u64,
        };
        let dir = match &self.place {
            Place::Folder(dir) => dir,
            Place::Postgres(pg) => {
                if pg.contains(&blob.sha256).map_err(|e| self.write_error(e))? {
                    return Ok(blob);
                }
                return pg.upload(|sink| {
                    bytes.chunks(CHUNK).try_for_each(&mut *sink)?;
                    Ok(blob)
                });
            }
        };
        let target = folder_blob_path(dir, &blob.sha256);
        if target.is_file() {
            return Ok(blob);
        }
        let available = fs4::available_space(dir).map_err(|e| self.write_error(e))?;
        if blob.size.saturating_add(FREE_SPACE_RESERVE) > available {
            return Err(VaultError::NoSpace {
                path: shown.to_owned(),
                needed: blob.size,
                available: available.saturating_sub(FREE_SPACE_RESERVE),
            });
        }
        let temp_dir = dir.join(TEMP_DIR);
        create_private_dir(&temp_dir)
            .map_err(|e| self.write_error(std::io::Error::other(e.to_string())))?;
        let mut temp =
            tempfile::NamedTempFile::new_in(&temp_dir).map_err(|e| self.write_error(e))?;
        temp.write_all(bytes)
            .and_then(|()| temp.as_file().sync_all())
            .map_err(|e| self.full_or_write(e, shown, blob.size))?;
        let parent = target.parent().unwrap_or(dir).to_owned();
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
        let dir = match &self.place {
            Place::Folder(dir) => dir,
            Place::Postgres(pg) => {
                // The server's disk is its administrator's: a full one fails the write.
                let blob = pg.upload(|sink| stream(&mut file, source, before, cancel, sink))?;
                return Ok((blob, before));
            }
        };
        let available = fs4::available_space(dir).map_err(|e| self.write_error(e))?;
        if before.size.saturating_add(FREE_SPACE_RESERVE) > available {
            return Err(VaultError::NoSpace {
                path: source.to_owned(),
                needed: before.size,
                available: available.saturating_sub(FREE_SPACE_RESERVE),
            });
        }
        let temp_dir = dir.join(TEMP_DIR);
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
        let target = folder_blob_path(dir, &blob.sha256);
        if target.is_file() {
            // Already stored; the temporary copy goes away on drop.
            return Ok((blob, before));
        }
        let parent = target.parent().unwrap_or(dir).to_owned();
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

    /// Re-hashes the blob of `sha256`: `Ok(true)` when it is there, matches its name and (in
    /// PostgreSQL) has the size its row says.
    pub fn verify(&self, sha256: &str) -> std::io::Result<bool> {
        let mut reader = match self.open(sha256) {
            Ok(reader) => reader,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(e),
        };
        let mut hasher = Sha256::new();
        let mut buffer = vec![0; CHUNK];
        loop {
            match reader.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => hasher.update(&buffer[..n]),
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                // Fewer bytes than stored (rows gone): not intact.
                Err(e) if e.kind() == ErrorKind::UnexpectedEof => return Ok(false),
                Err(e) => return Err(e),
            }
        }
        Ok(hex(&hasher.finalize()) == sha256)
    }

    /// Where the vault is, for messages.
    fn shown(&self) -> PathBuf {
        match &self.place {
            Place::Folder(dir) => dir.clone(),
            Place::Postgres(pg) => pg.shown().to_owned(),
        }
    }

    fn write_error(&self, source: std::io::Error) -> VaultError {
        VaultError::Write {
            path: self.shown(),
            source,
        }
    }

    fn full_or_write(&self, e: std::io::Error, source: &Path, needed: u64) -> VaultError {
        if e.kind() == ErrorKind::StorageFull {
            VaultError::NoSpace {
                path: source.to_owned(),
                needed,
                available: self
                    .dir()
                    .map_or(0, |d| fs4::available_space(d).unwrap_or(0)),
            }
        } else {
            self.write_error(e)
        }
    }
}

/// The file of the blob of `sha256` in the vault folder `dir`.
fn folder_blob_path(dir: &Path, sha256: &str) -> PathBuf {
    let prefix = sha256.get(..2).unwrap_or("00");
    dir.join(prefix).join(sha256)
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
        #[cfg(test)]
        tests::chunk_written(cancel);
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
