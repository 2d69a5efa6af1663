//! A moved or renamed source: the item keeps its id, versions and links and is pointed at
//! the new file; new content there becomes a new version, as a rescan would make it.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, Utc};
use csmsdesk_core::i18n::Message;
use csmsdesk_store::evidence as table;

use super::add::recorded_path;
use super::{display_name, vault_message};
use crate::workspace::timestamp;
use crate::{Error, EvidenceId, Invalid, Result, Workspace};

/// What relocating did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relocated {
    pub id: i64,
    /// The source as recorded now.
    pub path: PathBuf,
    /// The new version's number when the file's content differs from the newest version
    /// (it then needs review); `None` when the content is the same.
    pub new_version: Option<i64>,
}

impl Workspace {
    /// Points evidence `key` at the file `path` (moved or renamed). The file is read into the
    /// vault first; a file that is the source of another item is refused, naming it.
    pub fn relocate_evidence(
        &mut self,
        key: EvidenceId,
        path: &Path,
        now: DateTime<Utc>,
    ) -> Result<Relocated> {
        let record = self.evidence_record(key)?;
        let refuse = |message: Message| Error::Invalid(vec![Invalid::new("path", message)]);
        let meta = std::fs::metadata(path);
        if meta.as_ref().is_ok_and(|m| !m.is_file()) {
            return Err(refuse(
                Message::new("evidence.relocate_not_a_file").arg("path", path.display()),
            ));
        }
        let path = recorded_path(path);
        if let Some(other) = table::find_by_source(self.db.conn(), &path)?
            && other != record.id
        {
            return Err(refuse(
                Message::new("evidence.relocate_taken")
                    .arg("path", path.display())
                    .arg("id", other),
            ));
        }
        let (blob, stamp) = self
            .vault()?
            .ingest(&path, &AtomicBool::new(false))
            .map_err(|e| refuse(vault_message(&path, &e)))?;
        let at = timestamp(now);
        let new_version = self.db.write(|tx| {
            table::set_source(tx, record.id, &path, stamp)?;
            if blob.sha256 == record.sha256 {
                Ok(None)
            } else {
                table::add_version(tx, record.id, &blob, &display_name(&path), stamp, &at).map(Some)
            }
        })?;
        tracing::info!(evidence = record.id, new_version, "relocated evidence");
        Ok(Relocated {
            id: record.id,
            path,
            new_version,
        })
    }
}

#[cfg(test)]
mod tests;
