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

/// The lock file inside a partial folder.
const DIR_LOCK: &str = ".writer.lock";

/// A partial folder, locked through [`DIR_LOCK`] until [`PartialDir::finish`] or drop.
#[derive(Debug)]
pub(crate) struct PartialDir {
    dir: tempfile::TempDir,
    lock: std::fs::File,
}

impl PartialDir {
    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Keeps the folder: removes the lock file (so it is not part of what was written) and
    /// returns the folder's path, for the caller to rename into place at once. A folder
    /// without its lock file is never taken for abandoned.
    pub(crate) fn finish(self) -> std::io::Result<std::path::PathBuf> {
        std::fs::remove_file(self.dir.path().join(DIR_LOCK))?;
        drop(self.lock);
        Ok(self.dir.keep())
    }
}

/// A new partial folder in `dir`, locked for this process until finished or dropped.
pub(crate) fn create_dir(dir: &Path, what: &str) -> std::io::Result<PartialDir> {
    remove_abandoned(dir);
    let folder = tempfile::Builder::new()
        .prefix(&format!("{PREFIX}{what}-"))
        .suffix(SUFFIX)
        .tempdir_in(dir)?;
    let lock = std::fs::File::create(folder.path().join(DIR_LOCK))?;
    lock.try_lock().map_err(std::io::Error::other)?;
    Ok(PartialDir { dir: folder, lock })
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
    for name in names.iter().filter(|n| n.ends_with(SUFFIX)) {
        let path = dir.join(name);
        // Only a folder whose writer holds no lock on its lock file is abandoned.
        let lock = || std::fs::File::open(path.join(DIR_LOCK));
        if path.is_dir()
            && lock().is_ok_and(|l| l.try_lock().is_ok())
            && std::fs::remove_dir_all(&path).is_ok()
        {
            tracing::info!(path = %path.display(), "removed a partial folder left by a writer that ended");
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
        // Folders: one being written stays, one whose writer died goes, and one being
        // finished (its lock file already gone) stays.
        let writing_dir = create_dir(dir.path(), "restore").unwrap();
        let dead = dir.path().join(".csmsdesk-restore-dead.partial");
        std::fs::create_dir(&dead).unwrap();
        std::fs::write(dead.join(DIR_LOCK), "").unwrap();
        std::fs::write(dead.join("workspace.sqlite"), "half").unwrap();
        assert_eq!(remove_abandoned(dir.path()), 1);
        assert!(!dead.exists() && writing_dir.path().exists());
        let finished = writing_dir.finish().unwrap();
        assert!(!finished.join(DIR_LOCK).exists());
        assert_eq!(remove_abandoned(dir.path()), 0);
        assert!(finished.exists());
        assert!(unrelated.exists(), "other programs' files stay");
    }
}
