//! The files behind an evidence item, for the shells to hand to the OS: a readable copy of a
//! stored version (named as the file was, so the OS picks the right program) and the source
//! where it lives. The paths come from the item's and version's ids, never from the caller.

use std::path::{Path, PathBuf};

use csmsdesk_core::i18n::Message;
use csmsdesk_store::evidence as table;

use crate::{Error, EvidenceId, Invalid, Result, Workspace};

/// The name every folder of opened copies starts with, in the OS's temporary folder.
const COPY_PREFIX: &str = "csmsdesk-open-";
/// How long an opened copy is kept: a program may still be reading it, and a day later
/// nothing is; then the next copy removes it (the copies are customers' documents).
const COPY_KEPT: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

impl Workspace {
    /// A copy of version `version` of evidence `key` (`None`: the newest) in a new private
    /// temporary folder, under the version's file name and read-only: what "Open" hands to
    /// the OS's default program. The vault's own file is never handed out (its name is a hash
    /// and a program could change it).
    pub fn evidence_copy(&self, key: EvidenceId, version: Option<i64>) -> Result<PathBuf> {
        let record = self.evidence_record(key)?;
        let versions = table::versions(self.db.conn(), record.id)?;
        let wanted = version.unwrap_or(record.latest_version);
        let refuse = |message: Message| Error::Invalid(vec![Invalid::new("version", message)]);
        let Some(stored) = versions.iter().find(|v| v.version == wanted) else {
            return Err(refuse(
                Message::new("evidence.no_such_version")
                    .arg("id", record.id)
                    .arg("version", wanted)
                    .arg("latest", record.latest_version),
            ));
        };
        let blob = self.vault()?.blob_path(&stored.sha256);
        if !blob.is_file() {
            return Err(refuse(
                Message::new("evidence.vault_copy_missing")
                    .arg("id", record.id)
                    .arg("version", wanted),
            ));
        }
        let name = std::path::Path::new(&stored.file_name)
            .file_name()
            .map_or_else(|| "evidence".into(), |n| n.to_owned());
        let io = |path: &std::path::Path, source| Error::FileUnwritable {
            path: path.to_owned(),
            source,
        };
        let dir = tempfile::Builder::new()
            .prefix(COPY_PREFIX)
            .tempdir()
            .map_err(|e| io(&std::env::temp_dir(), e))?
            .keep();
        remove_old_copies(&dir);
        let copy = dir.join(name);
        std::fs::copy(&blob, &copy).map_err(|e| io(&copy, e))?;
        let mut permissions = std::fs::metadata(&copy)
            .map_err(|e| io(&copy, e))?
            .permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&copy, permissions).map_err(|e| io(&copy, e))?;
        Ok(copy)
    }

    /// Where the source of evidence `key` lives now; refused when the last scan found it
    /// missing or it is gone since.
    pub fn evidence_source(&self, key: EvidenceId) -> Result<PathBuf> {
        let record = self.evidence_record(key)?;
        if record.source_missing || !record.source_path.exists() {
            return Err(Error::Invalid(vec![Invalid::new(
                "id",
                Message::new("evidence.source_gone")
                    .arg("id", record.id)
                    .arg("path", record.source_path.display()),
            )]));
        }
        Ok(record.source_path)
    }
}

/// Removes the folders of copies made more than [`COPY_KEPT`] before `new` (a folder just
/// made: its time is now, so no clock is read), of this user only on Unix. Best effort: a copy
/// still open elsewhere or not ours stays.
fn remove_old_copies(new: &std::path::Path) {
    let (Some(parent), Ok(made)) = (new.parent(), std::fs::metadata(new)) else {
        return;
    };
    let Ok(now) = made.modified() else { return };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let ours = entry.file_name().to_string_lossy().starts_with(COPY_PREFIX) && path != new;
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        #[cfg(unix)]
        let ours = ours && {
            use std::os::unix::fs::MetadataExt as _;
            meta.uid() == made.uid()
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|time| now.duration_since(time).ok())
            .is_some_and(|age| age > COPY_KEPT);
        if ours
            && old
            && meta.is_dir()
            && let Err(e) = remove_copy(&path)
        {
            tracing::debug!(error = %e, path = %path.display(), "an old opened copy stays");
        }
    }
}

/// Removes the folder of an old copy. The copy is read-only, and Windows deletes no read-only
/// file: there its flag is taken off first (on Unix the folder's permissions decide).
fn remove_copy(dir: &Path) -> std::io::Result<()> {
    #[cfg(windows)]
    for entry in std::fs::read_dir(dir)?.flatten() {
        if let Ok(meta) = entry.metadata()
            && meta.permissions().readonly()
        {
            let mut permissions = meta.permissions();
            #[allow(
                clippy::permissions_set_readonly_false,
                reason = "Windows only, where it clears the read-only attribute and nothing else"
            )]
            permissions.set_readonly(false);
            std::fs::set_permissions(entry.path(), permissions)?;
        }
    }
    std::fs::remove_dir_all(dir)
}

#[cfg(test)]
mod tests;
