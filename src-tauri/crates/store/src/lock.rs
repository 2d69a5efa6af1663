//! The workspace lock: one writer at a time, and a clear answer about who holds it.
//!
//! The lock is an OS file lock (`flock` on Unix, `LockFileEx` on Windows) on `workspace.lock`,
//! so it vanishes with the process that held it, even after a crash or `kill -9`. The file's
//! text names the holder (process, host, start time) for the message a second writer gets.
//! A clean exit empties the file; text found in a file nobody locks therefore comes from a
//! crashed process, and the new holder takes over and logs it.

use std::fmt;
use std::fs::{File, TryLockError};
use std::io::{Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};

use crate::{Error, Result, io_error, private_file_options};

/// Who holds (or held) a workspace lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockHolder {
    pub pid: u32,
    pub host: String,
    /// When the holder took the lock, RFC 3339 in UTC.
    pub since: String,
}

impl LockHolder {
    fn to_text(&self) -> String {
        format!(
            "pid={}\nhost={}\nsince={}\n",
            self.pid, self.host, self.since
        )
    }

    fn from_text(text: &str) -> Option<LockHolder> {
        let field = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name)?.strip_prefix('=').map(str::to_owned))
        };
        Some(LockHolder {
            pid: field("pid")?.parse().ok()?,
            host: field("host")?,
            since: field("since")?,
        })
    }
}

impl fmt::Display for LockHolder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} on {} since {}", self.pid, self.host, self.since)
    }
}

/// A held workspace lock; dropping it releases the lock and empties the file.
#[derive(Debug)]
pub struct WorkspaceLock {
    file: File,
    path: PathBuf,
    /// The crashed holder whose lock was taken over, if any.
    taken_over: Option<LockHolder>,
}

impl WorkspaceLock {
    /// The lock file's name inside a workspace folder.
    pub const FILE_NAME: &'static str = "workspace.lock";

    /// Takes the lock of the workspace folder `dir` for this process, or says who has it.
    pub fn acquire(dir: &Path, since: &str) -> Result<WorkspaceLock> {
        let path = dir.join(Self::FILE_NAME);
        let mut options = private_file_options();
        options.read(true).write(true).create(true).truncate(false);
        // The lock never follows a link: a `workspace.lock` pointing at a file elsewhere would
        // have that file emptied and overwritten with the holder's name.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
        #[cfg(windows)]
        std::os::windows::fs::OpenOptionsExt::custom_flags(
            &mut options,
            FILE_FLAG_OPEN_REPARSE_POINT,
        );
        let not_plain = || Error::LockNotAFile { path: path.clone() };
        if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
            return Err(not_plain());
        }
        let mut file = options.open(&path).map_err(|e| {
            #[cfg(unix)]
            if e.raw_os_error() == Some(libc::ELOOP) {
                return not_plain();
            }
            io_error(&path, e)
        })?;
        // What was opened must be a plain file (on Windows the flag opens the link itself).
        if !file.metadata().is_ok_and(|m| m.is_file()) || is_link(&path) {
            return Err(not_plain());
        }
        let mut previous = String::new();
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                // The holder may be between taking the lock and writing its name (the text is
                // tiny, so a read shortly after is all but certain to see it). On Windows the
                // holder's lock covers the whole file and Windows refuses others a read of a
                // locked range (ERROR_LOCK_VIOLATION; Wine does not enforce that): then the
                // holder stays unnamed, and the workspace is still reported as in use.
                let holder = match file.read_to_string(&mut previous) {
                    Ok(_) => LockHolder::from_text(&previous),
                    Err(e) => {
                        tracing::debug!(error = %e, path = %path.display(), "the holder's name could not be read");
                        None
                    }
                };
                return Err(Error::InUse {
                    path: dir.to_owned(),
                    holder,
                });
            }
            Err(TryLockError::Error(e)) => return Err(io_error(&path, e)),
        }
        file.read_to_string(&mut previous)
            .map_err(|e| io_error(&path, e))?;
        let taken_over = LockHolder::from_text(&previous);
        if let Some(stale) = &taken_over {
            tracing::warn!(%stale, path = %path.display(), "took over the lock of a process that ended without releasing it");
        }
        let me = LockHolder {
            pid: std::process::id(),
            host: host_name(),
            since: since.to_owned(),
        };
        let write = |file: &mut File| -> std::io::Result<()> {
            file.set_len(0)?;
            file.seek(SeekFrom::Start(0))?;
            file.write_all(me.to_text().as_bytes())?;
            file.sync_data()
        };
        write(&mut file).map_err(|e| io_error(&path, e))?;
        Ok(WorkspaceLock {
            file,
            path,
            taken_over,
        })
    }

    /// The holder of a lock that a crashed process left behind and this one took over.
    pub fn taken_over(&self) -> Option<&LockHolder> {
        self.taken_over.as_ref()
    }
}

impl Drop for WorkspaceLock {
    fn drop(&mut self) {
        // An empty file tells the next holder that we ended cleanly.
        if let Err(e) = self.file.set_len(0) {
            tracing::warn!(error = %e, path = %self.path.display(), "could not empty the lock file");
        }
        let _ = self.file.unlock();
    }
}

/// Opens a reparse point (a link) itself instead of what it points to.
#[cfg(windows)]
const FILE_FLAG_OPEN_REPARSE_POINT: u32 = 0x0020_0000;

/// Whether `path` is a link (checked again after opening, for links made meanwhile).
fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

fn host_name() -> String {
    whoami::fallible::hostname().unwrap_or_else(|_| "unknown host".into())
}

#[cfg(test)]
mod tests;
