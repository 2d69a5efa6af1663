//! Evidence: adding files (one by one, or whole folders) to the vault, describing them,
//! linking them to requirements or control questions, reviewing and removing them.
//!
//! Adding runs in three steps so that the desktop app can hash gigabytes without holding the
//! workspace: [`Workspace::plan_evidence`] checks the form and finds the files (quick, needs
//! the database), [`EvidencePlan::ingest`] copies and hashes them into the vault (slow, needs
//! only the vault), and [`Workspace::commit_evidence`] records them in one transaction.
//!
//! The types, describing, reviewing and removing are here; `add` holds the three steps,
//! `items` finding and listing, `page` the vault's pages, `links` linking, `briefs` the light
//! views of pickers and chips (search, the evidence of each requirement of a scope).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use csmsdesk_core::evidence::{
    Classification, EvidenceFacts, EvidenceState, evidence_state, next_review_accepted,
};
use csmsdesk_core::i18n::Message;
use csmsdesk_store::evidence::{self as table, EvidenceDetails, EvidenceRecord, LinkRecord};
use csmsdesk_store::vault::{Blob, Stamp, Vault, VaultError};

use self::add::unreadable_message;
use crate::Record;
use crate::input::parse_date;
use crate::{Error, EvidenceId, ProtectionObjectId, Result, ScopeId, Workspace};
use csmsdesk_store::revision::claim;

mod add;
mod briefs;
mod bulk;
mod files;
mod items;
mod links;
mod page;
mod relocate;

pub use add::collect_files;
pub use briefs::{EvidenceBrief, MAX_SEARCH_RESULTS, RequirementEvidence};
pub use bulk::{BulkChange, BulkOutcome, EvidenceSelection};
pub use page::{EvidencePage, EvidencePageInput};
pub use relocate::Relocated;

/// An evidence item's description as typed (in the form or on the command line). Empty
/// strings mean "not set"; an empty title becomes the file name.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct EvidenceInput {
    pub title: String,
    /// `WP-09-02` (or `wp-9-2`), or empty for other documents.
    pub work_product: String,
    pub owner: String,
    /// `public`, `internal` (the default), `confidential`, `strictly-confidential`.
    pub classification: String,
    /// `YYYY-MM-DD` or empty.
    pub review_due: String,
    /// Adding only: add a file even when it has the content of an item whose source is
    /// missing (without it, such a file is not added and the item is named, so that it can
    /// be relocated instead of duplicated).
    pub as_new: bool,
}

/// Where new links go: requirement or question IDs, optionally for one scope and one of its
/// protection objects, with a note.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct LinkInput {
    pub targets: Vec<String>,
    /// The scope; `None` links for every scope (on the current catalogue).
    pub scope: Option<ScopeId>,
    /// One of the scope's protection objects (needs a scope).
    pub protection_object: Option<ProtectionObjectId>,
    pub note: String,
}

/// A checked link target: which catalogue, scope and object the links go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkPlace {
    catalogue_id: i64,
    targets: Vec<String>,
    scope_id: Option<i64>,
    protection_object_id: Option<i64>,
    note: String,
}

/// What adding files will do, checked before any file is read.
#[derive(Debug, Clone)]
pub struct EvidencePlan {
    vault: Vault,
    details: EvidenceInputChecked,
    links: Option<LinkPlace>,
    /// The files to read, canonical paths, in the order given.
    pub files: Vec<PathBuf>,
    /// Outcomes already known (not found, a symlink loop, already evidence).
    pub settled: Vec<FileOutcome>,
}

#[derive(Debug, Clone)]
struct EvidenceInputChecked {
    title: String,
    work_product: Option<String>,
    owner: String,
    classification: Classification,
    review_due: Option<NaiveDate>,
    as_new: bool,
}

/// One file read into the vault: its content and how the source looked, or why not.
type Ingested = std::result::Result<(Blob, Stamp), VaultError>;

/// The result of reading plan files into the vault; commit it to record them.
#[derive(Debug)]
pub struct IngestedFiles {
    plan: EvidencePlan,
    results: Vec<(PathBuf, Ingested)>,
    pub cancelled: bool,
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileOutcome {
    pub path: PathBuf,
    pub result: FileResult,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FileResult {
    Added {
        id: i64,
        title: String,
        blob: Blob,
    },
    /// The file is evidence already (added before, or twice in this batch).
    AlreadyEvidence {
        id: i64,
        title: String,
    },
    /// Not added: the file has the content of item `id`, whose source is missing, so it is
    /// most likely that item's source moved (relocate it, or add again with `as_new`).
    SameAsMissing {
        id: i64,
        title: String,
    },
    /// Skipped, with why and what to do.
    Failed(Message),
}

/// Everything an add did, file by file.
#[derive(Debug, Clone, PartialEq)]
pub struct AddReport {
    pub outcomes: Vec<FileOutcome>,
    /// The user cancelled: files not read yet were not added.
    pub cancelled: bool,
}

impl AddReport {
    pub fn added(&self) -> impl Iterator<Item = (i64, &str, &Blob)> {
        self.outcomes.iter().filter_map(|o| match &o.result {
            FileResult::Added { id, title, blob } => Some((*id, title.as_str(), blob)),
            _ => None,
        })
    }
}

/// One link as shown: with the names of its scope and protection object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkView {
    pub link: LinkRecord,
    pub scope: Option<String>,
    pub protection_object: Option<String>,
}

/// An evidence item as the evidence screen and `evidence list` show it.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceView {
    pub record: EvidenceRecord,
    pub state: EvidenceState,
    pub links: Vec<LinkView>,
}

/// The state of a stored evidence item on `today`.
pub(crate) fn state_of(record: &EvidenceRecord, today: NaiveDate) -> EvidenceState {
    evidence_state(
        EvidenceFacts {
            source_missing: record.source_missing,
            latest_reviewed: record.reviewed_version >= record.latest_version,
            review_due: record.review_due,
        },
        today,
    )
}

/// The file name of `path` for titles and package entries (lossy where it is not UTF-8).
pub(crate) fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The message for a file the vault could not take.
pub(crate) fn vault_message(path: &Path, error: &VaultError) -> Message {
    let p = path.display().to_string();
    match error {
        VaultError::Unreadable { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            Message::new("evidence.file_gone").arg("path", p)
        }
        VaultError::Unreadable { source, .. } => unreadable_message(path, source),
        VaultError::NotAFile { .. } => Message::new("evidence.not_a_file").arg("path", p),
        VaultError::ChangedWhileReading { .. } => {
            Message::new("evidence.changed_while_reading").arg("path", p)
        }
        VaultError::NoSpace {
            needed, available, ..
        } => Message::new("evidence.no_space")
            .arg("path", p)
            .arg("needed_mib", needed.div_ceil(1 << 20))
            .arg("available_mib", available / (1 << 20)),
        VaultError::Cancelled => Message::new("evidence.cancelled").arg("path", p),
        VaultError::Write {
            path: vault,
            source,
        } => Message::new("evidence.vault_not_writable")
            .arg("path", p)
            .arg("vault", vault.display().to_string())
            .arg_message("detail", crate::error::io_detail(source)),
    }
}

impl Workspace {
    /// Changes what describes evidence `key`. An empty title keeps the current one. With
    /// `based_on` (the revision the form read), refused when someone saved it since.
    pub fn update_evidence(
        &mut self,
        key: EvidenceId,
        input: &EvidenceInput,
        based_on: Option<i64>,
    ) -> Result<EvidenceRecord> {
        let record = self.evidence_record(key)?;
        let mut errors = Vec::new();
        let checked = self.check_details(input, &mut errors);
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let details = EvidenceDetails {
            title: if checked.title.is_empty() {
                record.title.clone()
            } else {
                checked.title
            },
            work_product: checked.work_product,
            owner: checked.owner,
            classification: checked.classification,
            review_due: checked.review_due,
        };
        self.db.write(|tx| {
            claim(tx, Record::Evidence, record.id, based_on)?;
            table::update_details(tx, record.id, &details)
        })?;
        self.evidence_record(key)
    }

    /// Marks the newest version of evidence `key` as reviewed on `today`, and sets its next
    /// review date when one is given (it must lie after today).
    pub fn review_evidence(
        &mut self,
        key: EvidenceId,
        next_review: &str,
        today: NaiveDate,
    ) -> Result<EvidenceRecord> {
        let mut errors = Vec::new();
        let next = next_review_date(next_review, today, &mut errors);
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let id = self.evidence_record(key)?.id;
        // The details are written back whole: from a read no other save overtook.
        self.on_fresh(Record::Evidence, id, |ws, revision| {
            ws.mark_reviewed(key, next, revision)
        })?;
        self.evidence_record(key)
    }

    /// Marks evidence `key` reviewed, with its next review date when given, based on its
    /// version `version`.
    fn mark_reviewed(
        &mut self,
        key: EvidenceId,
        next: Option<NaiveDate>,
        revision: i64,
    ) -> Result<()> {
        let record = self.evidence_record(key)?;
        self.db.write(|tx| {
            claim(tx, Record::Evidence, record.id, Some(revision))?;
            table::mark_reviewed(tx, record.id)?;
            if next.is_some() {
                let details = EvidenceDetails {
                    title: record.title.clone(),
                    work_product: record.work_product.clone(),
                    owner: record.owner.clone(),
                    classification: record.classification,
                    review_due: next,
                };
                table::update_details(tx, record.id, &details)?;
            }
            Ok(())
        })?;
        Ok(())
    }

    /// Removes evidence `key` with its links; its vault content stays.
    pub fn remove_evidence(&mut self, key: EvidenceId) -> Result<()> {
        let record = self.evidence_record(key)?;
        self.db.write(|tx| table::delete(tx, record.id))?;
        tracing::info!(evidence = record.id, "removed evidence");
        Ok(())
    }
}

/// The next review date typed for a review on `today`: a date, and after today (core's
/// `next_review_accepted`), or the problem in `errors`.
pub(crate) fn next_review_date(
    text: &str,
    today: NaiveDate,
    errors: &mut Vec<crate::Invalid>,
) -> Option<NaiveDate> {
    let next = parse_date("review_due", text, errors)?;
    if next_review_accepted(next, today) {
        Some(next)
    } else {
        errors.push(crate::Invalid::new(
            "review_due",
            Message::new("evidence.next_review_not_after_today")
                .arg("given", next.to_string())
                .arg("today", today.to_string()),
        ));
        None
    }
}

/// The ids of `ids`, checked to be evidence items of the workspace.
pub(crate) fn existing_evidence(ws: &Workspace, ids: &[EvidenceId]) -> Result<Vec<i64>> {
    for id in ids {
        ws.evidence_record(*id)?;
    }
    let mut ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

#[cfg(test)]
mod tests;
