//! Files and folders being written beside their target (packages, backups, restored
//! workspaces): hidden, named `.csmsdesk-<what>-XXXXXX.partial`, and locked by their writer for
//! as long as it writes (a folder through the lock file it holds).
//!
//! A writer that is killed leaves its partial file behind, but its lock goes with it, so the
//! next writer into the same folder can tell an abandoned file (lockable) from one that
//! another process is still writing (locked) and removes only the abandoned ones.

use std::path::Path;

const PREFIX: &str = ".csmsdesk-";
const SUFFIX: &str = ".partial";

/// A new partial file in `dir`, locked for this process until it is persisted or dropped.
pub(crate) fn create(dir: &Path, what: &str) -> std::io::Result<tempfile::NamedTempFile> {
    remove_abandoned(dir);
    let file = tempfile::Builder::new()
        .prefix(&format!("{PREFIX}{what}-"))
        .suffix(SUFFIX)
        .tempfile_in(dir)?;
    file.as_file().try_lock().map_err(std::io::Error::other)?;
    Ok(file)
}

/// The lock file of partial folder `X.partial`: `X.partial.lock`, beside it (never inside, so
/// the folder can be renamed into place while its writer still holds the lock, on Windows
/// too).
const DIR_LOCK_SUFFIX: &str = ".lock";

/// A partial folder, locked through the lock file beside it until [`PartialDir::persist`] or
/// drop (which removes both).
#[derive(Debug)]
pub(crate) struct PartialDir {
    /// `None` once persisted.
    dir: Option<std::path::PathBuf>,
    lock: Option<std::fs::File>,
    lock_path: std::path::PathBuf,
}

impl PartialDir {
    pub(crate) fn path(&self) -> &Path {
        self.dir
            .as_deref()
            .expect("a partial folder not yet persisted")
    }

    /// Renames the folder to `target` (which must not exist) while its lock is still held,
    /// then removes the lock. Killed before the rename, the folder is a partial whose writer
    /// is gone, which the next writer removes; killed after it, the target is complete and
    /// only a stray lock file is left beside, which the next writer removes too. There is no
    /// moment at which a finished folder looks abandoned, or a half-written one finished.
    pub(crate) fn persist(mut self, target: &Path) -> std::io::Result<()> {
        let dir = self.dir.take().expect("persisted once");
        if let Err(e) = std::fs::rename(&dir, target) {
            self.dir = Some(dir);
            return Err(e);
        }
        Ok(())
    }
}

impl Drop for PartialDir {
    fn drop(&mut self) {
        if let Some(dir) = self.dir.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
        drop(self.lock.take());
        let _ = std::fs::remove_file(&self.lock_path);
    }
}

/// A new partial folder in `dir`, locked for this process until persisted or dropped. The
/// lock file is made and locked first, so no other writer ever sees the folder unlocked.
pub(crate) fn create_dir(dir: &Path, what: &str) -> std::io::Result<PartialDir> {
    remove_abandoned(dir);
    let lock_file = tempfile::Builder::new()
        .prefix(&format!("{PREFIX}{what}-"))
        .suffix(&format!("{SUFFIX}{DIR_LOCK_SUFFIX}"))
        .tempfile_in(dir)?;
    lock_file
        .as_file()
        .try_lock()
        .map_err(std::io::Error::other)?;
    let (lock, lock_path) = lock_file.keep().map_err(|e| e.error)?;
    let mut partial = PartialDir {
        dir: None,
        lock: Some(lock),
        lock_path,
    };
    let folder = partial
        .lock_path
        .to_string_lossy()
        .strip_suffix(DIR_LOCK_SUFFIX)
        .map(std::path::PathBuf::from)
        .expect("the lock file's name ends with its suffix");
    std::fs::create_dir(&folder)?;
    partial.dir = Some(folder);
    Ok(partial)
}

/// SQLite's files beside a database being written (the backup's snapshot is one).
const SIDECARS: [&str; 3] = ["-journal", "-wal", "-shm"];

/// Removes the partial files in `dir` whose writer is gone, with SQLite's files beside them;
/// returns how many files were removed.
pub(crate) fn remove_abandoned(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(PREFIX))
        .collect();
    let mut removed = 0;
    // A folder is abandoned when its lock file beside it is gone or lockable (its writer
    // ended); a lock file alone is left when its writer ended after persisting its folder.
    let lockable = |path: &Path| std::fs::File::open(path).is_ok_and(|l| l.try_lock().is_ok());
    for name in names.iter().filter(|n| n.ends_with(SUFFIX)) {
        let path = dir.join(name);
        let lock = dir.join(format!("{name}{DIR_LOCK_SUFFIX}"));
        if path.is_dir()
            && (!lock.exists() || lockable(&lock))
            && std::fs::remove_dir_all(&path).is_ok()
        {
            tracing::info!(path = %path.display(), "removed a partial folder left by a writer that ended");
            removed += 1;
            let _ = std::fs::remove_file(&lock);
        }
    }
    for name in names
        .iter()
        .filter(|n| n.ends_with(&format!("{SUFFIX}{DIR_LOCK_SUFFIX}")))
    {
        let lock = dir.join(name);
        let folder = lock.with_file_name(name.trim_end_matches(DIR_LOCK_SUFFIX));
        if !folder.exists() && lockable(&lock) && std::fs::remove_file(&lock).is_ok() {
            removed += 1;
        }
    }
    let mut remove = |name: &str| {
        let path = dir.join(name);
        if std::fs::remove_file(&path).is_ok() {
            tracing::info!(path = %path.display(), "removed a partial file left by a writer that ended");
            removed += 1;
        }
    };
    for name in names.iter().filter(|n| n.ends_with(SUFFIX)) {
        let path = dir.join(name);
        if path.is_dir() {
            continue;
        }
        let Ok(file) = std::fs::OpenOptions::new().read(true).open(&path) else {
            continue;
        };
        // Locked: another process is writing it right now.
        if file.try_lock().is_ok() {
            drop(file);
            remove(name);
        }
    }
    for name in &names {
        let main = SIDECARS
            .iter()
            .find_map(|s| name.strip_suffix(s))
            .filter(|main| main.ends_with(SUFFIX));
        if let Some(main) = main
            && !dir.join(main).exists()
        {
            remove(name);
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_partial_files_without_a_living_writer_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let writing = create(dir.path(), "package").unwrap();
        // A file left by a killed writer: the name, but no lock.
        let abandoned = dir.path().join(".csmsdesk-package-abc123.partial");
        std::fs::write(&abandoned, "half a package").unwrap();
        let journal = dir.path().join(".csmsdesk-snapshot-def456.partial-journal");
        std::fs::write(&journal, "SQLite's rollback journal of a killed snapshot").unwrap();
        let live_journal = dir.path().join(format!(
            "{}-journal",
            writing.path().file_name().unwrap().to_string_lossy()
        ));
        std::fs::write(&live_journal, "the journal of a snapshot being written").unwrap();
        let unrelated = dir.path().join("notes.partial");
        std::fs::write(&unrelated, "mine").unwrap();
        assert_eq!(remove_abandoned(dir.path()), 2);
        assert!(!abandoned.exists() && !journal.exists());
        assert!(live_journal.exists());
        assert!(writing.path().exists(), "a file being written stays");
        // Folders: one being written stays, and one whose writer died goes (its lock file
        // beside it lockable, or missing).
        let writing_dir = create_dir(dir.path(), "restore").unwrap();
        let lock_of = |folder: &Path| {
            let mut name = folder.file_name().unwrap().to_owned();
            name.push(DIR_LOCK_SUFFIX);
            folder.with_file_name(name)
        };
        assert!(
            lock_of(writing_dir.path()).exists(),
            "the lock is beside the folder"
        );
        let dead = dir.path().join(".csmsdesk-restore-dead.partial");
        std::fs::create_dir(&dead).unwrap();
        std::fs::write(lock_of(&dead), "").unwrap();
        std::fs::write(dead.join("workspace.sqlite"), "half").unwrap();
        let unlocked = dir.path().join(".csmsdesk-restore-nolock.partial");
        std::fs::create_dir(&unlocked).unwrap();
        assert_eq!(remove_abandoned(dir.path()), 2);
        assert!(!dead.exists() && !lock_of(&dead).exists() && !unlocked.exists());
        assert!(writing_dir.path().exists());
        // Persisted, the folder is the target, renamed while locked, and its lock is gone.
        let target = dir.path().join("restored");
        let lock = lock_of(writing_dir.path());
        writing_dir.persist(&target).unwrap();
        assert!(target.is_dir() && !lock.exists());
        // A writer killed after the rename leaves only its lock file, which goes next time.
        std::fs::write(dir.path().join(".csmsdesk-restore-late.partial.lock"), "").unwrap();
        assert_eq!(remove_abandoned(dir.path()), 1);
        assert!(target.exists());
        // Dropped without persisting, folder and lock are removed.
        let dropped = create_dir(dir.path(), "restore").unwrap();
        let (folder, lock) = (dropped.path().to_owned(), lock_of(dropped.path()));
        drop(dropped);
        assert!(!folder.exists() && !lock.exists());
        assert!(unrelated.exists(), "other programs' files stay");
    }
}
