//! Importing, listing, showing and searching catalogues, and carrying a workspace across
//! catalogue versions.

use std::io::Read as _;
use std::path::Path;

use chrono::{DateTime, Utc};
use csmsdesk_core::catalogue::renumbering::{IdChanges, Renumbering, id_changes};
use csmsdesk_core::catalogue::{
    Catalogue, CatalogueNote, UNKNOWN_VERSION, compare_known_versions, compare_versions,
    parse_catalogue, version_from_file_name, version_from_history,
};
use csmsdesk_store::catalogue::{self as table, CatalogueRecord, NewCatalogue, SearchHit};
use csmsdesk_workbook::{demo, read_catalogue_sheets};
use sha2::{Digest as _, Sha256};

use crate::workspace::timestamp;
use crate::{Error, Result, Workspace};

/// The largest workbook we read. The ENX catalogue is about 0.4 MiB.
pub const MAX_WORKBOOK_BYTES: u64 = 32 * 1024 * 1024;

/// What an import did.
#[derive(Debug, Clone)]
pub struct ImportOutcome {
    pub catalogue: CatalogueRecord,
    /// The same file (by SHA-256) was imported before; nothing changed.
    pub already_imported: bool,
    /// What the reader repaired (a duplicate ID kept under a suffix).
    pub notes: Vec<CatalogueNote>,
    /// Set when the import is a newer version of a catalogue already in the workspace.
    pub version_change: Option<VersionChange>,
}

/// A newer version replacing an older one of the same catalogue.
#[derive(Debug, Clone)]
pub struct VersionChange {
    pub from: CatalogueRecord,
    /// Whether a renumbering table leads from the old version to the new one; without one,
    /// IDs are compared as they are.
    pub table_known: bool,
    pub changes: IdChanges,
    /// How many scopes moved to the new version, their decisions renamed with the IDs.
    pub scopes_moved: usize,
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn all_ids(catalogue: &Catalogue) -> Vec<String> {
    catalogue
        .chapters
        .iter()
        .flat_map(|c| &c.questions)
        .flat_map(|q| {
            std::iter::once(q.id.clone()).chain(q.requirements.iter().map(|r| r.id.clone()))
        })
        .collect()
}

/// Reads a workbook file of at most [`MAX_WORKBOOK_BYTES`]: its bytes and its file name.
pub(crate) fn read_workbook_file(path: &Path) -> Result<(Vec<u8>, String)> {
    let unreadable = |source| Error::FileUnreadable {
        path: path.to_owned(),
        source,
    };
    let file = crate::error::open_input(path)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > MAX_WORKBOOK_BYTES {
        return Err(Error::FileTooLarge {
            path: path.to_owned(),
            bytes: size,
            max: MAX_WORKBOOK_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // `take` bounds the read even if the file grows while we read it.
    file.take(MAX_WORKBOOK_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok((bytes, name))
}

/// Reads what someone filled into a copy of the catalogue workbook at `path`: its file name
/// and the filled columns of every control question row.
pub(crate) fn read_filled_workbook(
    path: &Path,
) -> Result<(String, Vec<csmsdesk_core::catalogue::FilledQuestion>)> {
    let (bytes, file) = read_workbook_file(path)?;
    let sheets = read_catalogue_sheets(&bytes).map_err(|source| Error::Workbook {
        file: file.clone(),
        source,
    })?;
    let filled =
        csmsdesk_core::catalogue::parse_filled_questions(&sheets.catalogue).map_err(|problem| {
            Error::CatalogueSheet {
                file: file.clone(),
                problem,
            }
        })?;
    Ok((file, filled))
}

impl Workspace {
    /// Imports the catalogue workbook at `path`. A file imported before (same SHA-256) is a
    /// no-op that says so; a failed import stores nothing. A workbook whose version cannot be
    /// read, or that meets a current catalogue of unknown version, is refused with
    /// [`Error::VersionUnknown`] (saying what it would replace and move) until the user
    /// confirms through [`Workspace::import_catalogue_replacing`].
    pub fn import_catalogue(&mut self, path: &Path, now: DateTime<Utc>) -> Result<ImportOutcome> {
        let (bytes, name) = read_workbook_file(path)?;
        self.import_catalogue_bytes(&bytes, &name, now, false, true)
    }

    /// [`Workspace::import_catalogue`], with the user's answer to [`Error::VersionUnknown`]:
    /// `replace_unknown` lets a catalogue whose version cannot be compared replace the current
    /// one of the same name, moving its scopes.
    pub fn import_catalogue_replacing(
        &mut self,
        path: &Path,
        now: DateTime<Utc>,
        replace_unknown: bool,
    ) -> Result<ImportOutcome> {
        let (bytes, name) = read_workbook_file(path)?;
        self.import_catalogue_bytes(&bytes, &name, now, replace_unknown, true)
    }

    /// Imports the project's demo catalogue ("Try with demo data").
    pub fn import_demo_catalogue(&mut self, now: DateTime<Utc>) -> Result<ImportOutcome> {
        let bytes = demo::workbook().map_err(|source| Error::Workbook {
            file: demo::FILE_NAME.into(),
            source,
        })?;
        // The demo is ours, not a user's licensed copy: its package keeps the generated layout.
        self.import_catalogue_bytes(&bytes, demo::FILE_NAME, now, false, false)
    }

    /// Keeps the user's own `.xlsx` in the vault (content-addressed like evidence), so that
    /// the package can fill that very workbook: its SHA-256 and size, or `None` for a format
    /// that cannot be filled in place (`.xls`, `.ods`) or when `keep` is off (the demo).
    fn keep_original(&self, bytes: &[u8], file: &str, keep: bool) -> Result<Option<(String, u64)>> {
        // A workspace on PostgreSQL has no vault yet (its content in the database is to come):
        // the catalogue is imported, and its package keeps the generated layout until then.
        if !keep || !csmsdesk_workbook::is_office_open_xml(bytes) || self.folder().is_none() {
            return Ok(None);
        }
        let blob = self
            .vault()
            .store_bytes(bytes, Path::new(file))
            .map_err(|e| {
                Error::Invalid(vec![crate::Invalid::new(
                    "file",
                    crate::evidence::vault_message(Path::new(file), &e),
                )])
            })?;
        Ok(Some((blob.sha256, blob.size)))
    }

    fn import_catalogue_bytes(
        &mut self,
        bytes: &[u8],
        file: &str,
        now: DateTime<Utc>,
        replace_unknown: bool,
        keep: bool,
    ) -> Result<ImportOutcome> {
        let sha256 = sha256_hex(bytes);
        if let Some(mut existing) = table::find_by_sha256(self.db.conn(), &sha256)? {
            // Imported before the original was kept: importing the same file again keeps it
            // now (a change, journalled like any other).
            if existing.original_sha256.is_none()
                && let Some((original, size)) = self.keep_original(bytes, file, keep)?
            {
                self.db
                    .write(|tx| table::set_original(tx, existing.id, &original, size))?;
                existing.original_sha256 = Some(original);
            }
            return Ok(ImportOutcome {
                catalogue: existing,
                already_imported: true,
                notes: Vec::new(),
                version_change: None,
            });
        }
        let sheets = read_catalogue_sheets(bytes).map_err(|source| Error::Workbook {
            file: file.to_owned(),
            source,
        })?;
        let catalogue =
            parse_catalogue(&sheets.catalogue).map_err(|problem| Error::CatalogueSheet {
                file: file.to_owned(),
                problem,
            })?;
        let version = sheets
            .history
            .as_ref()
            .and_then(version_from_history)
            .or_else(|| version_from_file_name(file))
            .unwrap_or_else(|| UNKNOWN_VERSION.to_owned());
        let name = if catalogue.title.is_empty() {
            file.to_owned()
        } else {
            catalogue.title.clone()
        };

        // The newest catalogue of the same name decides whether this is a newer version.
        let previous = table::list(self.db.conn())?
            .into_iter()
            .filter(|c| c.name == name && c.superseded_by.is_none())
            .max_by(|a, b| compare_versions(&a.version, &b.version));
        // Versions compare only when both are known; otherwise the user decides.
        let order = previous
            .as_ref()
            .map(|old| compare_known_versions(&version, &old.version));
        if let (Some(old), Some(None), false) = (&previous, order, replace_unknown) {
            let scopes = self
                .scopes()?
                .iter()
                .filter(|s| s.catalogue_id == Some(old.id))
                .count();
            return Err(Error::VersionUnknown {
                file: file.to_owned(),
                version,
                current: old.version.clone(),
                scopes,
            });
        }
        let newer = matches!(order, Some(Some(std::cmp::Ordering::Greater)) | Some(None));
        let mut version_change = match &previous {
            Some(old) if newer => {
                let old_tree = table::load(self.db.conn(), old.id)?
                    .ok_or(Error::UnknownCatalogue { id: old.id })?;
                let table = Renumbering::between(&old.version, &version);
                let changes = id_changes(
                    &all_ids(&old_tree),
                    &all_ids(&catalogue),
                    table.as_ref().unwrap_or(&Renumbering::default()),
                );
                Some(VersionChange {
                    from: old.clone(),
                    table_known: table.is_some(),
                    changes,
                    scopes_moved: 0,
                })
            }
            _ => None,
        };

        // Stored before the database refers to it; a blob left by a failed import is the same
        // content a retry stores.
        let original = self.keep_original(bytes, file, keep)?;
        let meta = NewCatalogue {
            name: &name,
            version: &version,
            source_file: file,
            source_sha256: &sha256,
            imported_at: &timestamp(now),
            original: original.as_ref().map(|(sha, size)| (sha.as_str(), *size)),
        };
        let id = self.db.write(|tx| {
            let id = table::insert(tx, &meta, &catalogue)?;
            match &previous {
                Some(old) if version_change.is_some() => {
                    table::set_superseded(tx, old.id, id)?;
                    // Everything that refers to the old version's IDs moves with the renumbering.
                    let renumbering =
                        Renumbering::between(&old.version, &version).unwrap_or_default();
                    let moved = csmsdesk_store::scope::move_to_catalogue(tx, old.id, id, &|i| {
                        renumbering.map(i)
                    })?;
                    if let Some(change) = version_change.as_mut() {
                        change.scopes_moved = moved;
                    }
                }
                // An older version imported after a newer one joins the history directly.
                Some(newer) if order == Some(Some(std::cmp::Ordering::Less)) => {
                    table::set_superseded(tx, id, newer.id)?
                }
                _ => {}
            }
            Ok(id)
        })?;
        let record = table::get(self.db.conn(), id)?.ok_or(Error::UnknownCatalogue { id })?;
        tracing::info!(id, name, version, file, "imported catalogue");
        Ok(ImportOutcome {
            catalogue: record,
            already_imported: false,
            notes: catalogue.notes,
            version_change,
        })
    }

    /// Every catalogue in the workspace, oldest import first.
    pub fn catalogues(&self) -> Result<Vec<CatalogueRecord>> {
        Ok(table::list(self.db.conn())?)
    }

    /// The catalogue `id`, or the current one (the newest import not superseded).
    pub fn catalogue(&self, id: Option<i64>) -> Result<(CatalogueRecord, Catalogue)> {
        let id = match id {
            Some(id) => id,
            None => self.current_catalogue_id()?.ok_or(Error::NoCatalogue)?,
        };
        let record = table::get(self.db.conn(), id)?.ok_or(Error::UnknownCatalogue { id })?;
        let tree = table::load(self.db.conn(), id)?.ok_or(Error::UnknownCatalogue { id })?;
        Ok((record, tree))
    }

    pub(crate) fn current_catalogue_id(&self) -> Result<Option<i64>> {
        Ok(table::list(self.db.conn())?
            .into_iter()
            .rev()
            .find(|c| c.superseded_by.is_none())
            .map(|c| c.id))
    }

    /// Questions and requirements of catalogue `id` whose ID, text or references contain
    /// `query`.
    pub fn search_catalogue(&self, id: i64, query: &str) -> Result<Vec<SearchHit>> {
        if table::get(self.db.conn(), id)?.is_none() {
            return Err(Error::UnknownCatalogue { id });
        }
        Ok(table::search(self.db.conn(), id, query.trim())?)
    }

    /// The parsed references of catalogue `id`: (requirement, field, reference).
    pub fn catalogue_references(
        &self,
        id: i64,
    ) -> Result<
        Vec<(
            String,
            String,
            csmsdesk_core::catalogue::references::Reference,
        )>,
    > {
        Ok(table::references(self.db.conn(), id)?)
    }
}

#[cfg(test)]
mod tests;
