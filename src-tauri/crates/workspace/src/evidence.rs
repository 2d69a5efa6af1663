//! Evidence: adding files (one by one, or whole folders) to the vault, describing them,
//! linking them to requirements or control questions, reviewing and removing them.
//!
//! Adding runs in three steps so that the desktop app can hash gigabytes without holding the
//! workspace: [`Workspace::plan_evidence`] checks the form and finds the files (quick, needs
//! the database), [`EvidencePlan::ingest`] copies and hashes them into the vault (slow, needs
//! only the vault), and [`Workspace::commit_evidence`] records them in one transaction.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, NaiveDate, Utc};
use csmsdesk_core::evidence::{
    Classification, EvidenceFacts, EvidenceState, evidence_state, work_product,
};
use csmsdesk_core::i18n::Message;
use csmsdesk_store::evidence::{self as table, EvidenceDetails, EvidenceRecord, LinkRecord};
use csmsdesk_store::vault::{Blob, Stamp, Vault, VaultError};

use crate::input::{MAX_NAME_LEN, MAX_TEXT_LEN, parse_date, required_name, text_problem};
use crate::progress::{Progress, parallel_map};
use crate::scope::find_object;
use crate::workspace::{VAULT_DIR, timestamp};
use crate::{Error, Invalid, Result, Workspace};

/// An evidence item's description as typed (in the form or on the command line). Empty
/// strings mean "not set"; an empty title becomes the file name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvidenceInput {
    pub title: String,
    /// `WP-09-02` (or `wp-9-2`), or empty for other documents.
    pub work_product: String,
    pub owner: String,
    /// `public`, `internal` (the default), `confidential`, `strictly-confidential`.
    pub classification: String,
    /// `YYYY-MM-DD` or empty.
    pub review_due: String,
}

/// Where new links go: requirement or question IDs, optionally for one scope and one of its
/// protection objects, with a note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkInput {
    pub targets: Vec<String>,
    /// Scope name or id; empty links for every scope (on the current catalogue).
    pub scope: String,
    /// Protection object name (needs a scope).
    pub protection_object: String,
    pub note: String,
}

/// A checked link target: which catalogue, scope and object the links go to.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LinkPlace {
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

fn failed(path: &Path, message: Message) -> FileOutcome {
    FileOutcome {
        path: path.to_owned(),
        result: FileResult::Failed(message),
    }
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

/// Every regular file below `paths` (folders recursively), each once, with the problems met
/// on the way. A path given is taken even when it is a link: the user named it. Inside a
/// folder, a link is followed only when it points to a file inside that same folder; a link
/// leading out of it (to `/etc/shadow`, a home folder, another share) is skipped and named, so
/// nothing from outside the folder becomes evidence unasked.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileOutcome>) {
    let mut files = Vec::new();
    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    for path in paths {
        // Links are resolved against the folder as it really is on disk.
        let root = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        let mut add = |file: PathBuf| {
            if seen.insert(file.clone()) {
                files.push(file);
            }
        };
        for entry in walkdir::WalkDir::new(path)
            .follow_links(false)
            .sort_by_file_name()
        {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    add(std::fs::canonicalize(entry.path())
                        .unwrap_or_else(|_| entry.path().to_owned()));
                }
                Ok(entry) if entry.file_type().is_dir() => {}
                Ok(entry) if entry.path_is_symlink() => {
                    let at = entry.path().display().to_string();
                    match std::fs::canonicalize(entry.path()) {
                        // A file inside the folder is taken.
                        Ok(target) if target.starts_with(&root) && target.is_file() => add(target),
                        // A folder inside that holds the link is a loop back: named, skipped.
                        Ok(target)
                            if target.starts_with(&root)
                                && entry
                                    .path()
                                    .parent()
                                    .and_then(|p| std::fs::canonicalize(p).ok())
                                    .is_some_and(|p| p.starts_with(&target)) =>
                        {
                            problems.push(failed(
                                entry.path(),
                                Message::new("evidence.symlink_loop")
                                    .arg("path", at)
                                    .arg("target", target.display().to_string()),
                            ));
                        }
                        // Another folder inside is walked where it really is.
                        Ok(target) if target.starts_with(&root) => {}
                        Ok(target) => problems.push(failed(
                            entry.path(),
                            Message::new("evidence.link_outside")
                                .arg("path", at)
                                .arg("target", target.display().to_string())
                                .arg("folder", path.display().to_string()),
                        )),
                        Err(error) => problems.push(failed(
                            entry.path(),
                            unreadable_message(entry.path(), &error),
                        )),
                    }
                }
                Ok(entry) => problems.push(failed(
                    entry.path(),
                    Message::new("evidence.not_a_file")
                        .arg("path", entry.path().display().to_string()),
                )),
                Err(error) => {
                    let at = error.path().unwrap_or(path).to_owned();
                    let message = if let Some(ancestor) = error.loop_ancestor() {
                        Message::new("evidence.symlink_loop")
                            .arg("path", at.display().to_string())
                            .arg("target", ancestor.display().to_string())
                    } else {
                        let other = std::io::Error::other("walk");
                        unreadable_message(&at, error.io_error().unwrap_or(&other))
                    };
                    problems.push(failed(&at, message));
                }
            }
        }
    }
    (files, problems)
}

/// Why `path` cannot be read, in words for its kind of failure.
fn unreadable_message(path: &Path, error: &std::io::Error) -> Message {
    let p = path.display().to_string();
    match error.kind() {
        std::io::ErrorKind::NotFound => Message::new("evidence.file_gone").arg("path", p),
        _ => Message::new("evidence.file_unreadable")
            .arg("path", p)
            .arg_message("detail", crate::error::io_detail(error)),
    }
}

impl EvidencePlan {
    /// Copies and hashes the plan's files into the vault, in parallel across cores. Calls
    /// `progress` after each file; stops early when `cancel` is set (files read so far are
    /// kept).
    pub fn ingest(
        self,
        progress: &(dyn Fn(Progress) + Sync),
        cancel: &AtomicBool,
    ) -> IngestedFiles {
        let total_bytes = self
            .files
            .iter()
            .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
            .sum();
        let vault = self.vault.clone();
        let results = parallel_map(&self.files, total_bytes, progress, |path| {
            let result = vault.ingest(path, cancel);
            let bytes = result.as_ref().map_or(0, |(blob, _)| blob.size);
            (result, bytes)
        });
        let cancelled = cancel.load(std::sync::atomic::Ordering::Relaxed);
        IngestedFiles {
            results: self.files.iter().cloned().zip(results).collect(),
            plan: self,
            cancelled,
        }
    }
}

impl Workspace {
    /// The workspace's evidence vault.
    pub fn vault(&self) -> Vault {
        Vault::new(self.dir().join(VAULT_DIR))
    }

    fn check_details(
        &self,
        input: &EvidenceInput,
        errors: &mut Vec<Invalid>,
    ) -> EvidenceInputChecked {
        let title = input.title.trim().to_owned();
        if !title.is_empty() {
            required_name("title", &title, errors);
        }
        let work_product = match input.work_product.trim() {
            "" => None,
            "other" => None,
            text => match work_product(text) {
                Some(wp) => Some(wp.to_owned()),
                None => {
                    errors.push(Invalid::new(
                        "work_product",
                        Message::new("evidence.bad_work_product").arg("given", text),
                    ));
                    None
                }
            },
        };
        text_problem("owner", input.owner.trim(), MAX_NAME_LEN, errors);
        let classification = match input.classification.trim() {
            "" => Classification::Internal,
            text => Classification::parse(text).unwrap_or_else(|| {
                errors.push(Invalid::new(
                    "classification",
                    Message::new("evidence.bad_classification").arg("given", text),
                ));
                Classification::Internal
            }),
        };
        let review_due = parse_date("review_due", &input.review_due, errors);
        EvidenceInputChecked {
            title,
            work_product,
            owner: input.owner.trim().to_owned(),
            classification,
            review_due,
        }
    }

    /// Checks where links go: each target a question or requirement of the scope's catalogue
    /// (or the current one), the protection object one of the scope's.
    fn check_links(
        &self,
        input: &LinkInput,
        errors: &mut Vec<Invalid>,
    ) -> Result<Option<LinkPlace>> {
        let targets: Vec<String> = input
            .targets
            .iter()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        if targets.is_empty() {
            return Ok(None);
        }
        let scope = match input.scope.trim() {
            "" => None,
            key => Some(self.find_scope(key)?),
        };
        let protection_object_id = match (input.protection_object.trim(), &scope) {
            ("", _) => None,
            (name, Some(scope)) => {
                let objects = self.protection_objects(&scope.name)?;
                Some(find_object(&objects, name)?.id)
            }
            (_, None) => {
                errors.push(Invalid::new(
                    "protection_object",
                    Message::new("evidence.object_needs_scope"),
                ));
                None
            }
        };
        let catalogue_id = match &scope {
            Some(s) => s.catalogue_id.ok_or(Error::NoCatalogue)?,
            None => self.catalogue(None)?.0.id,
        };
        let (_, tree) = self.catalogue(Some(catalogue_id))?;
        let known: BTreeSet<&str> = tree
            .chapters
            .iter()
            .flat_map(|c| &c.questions)
            .flat_map(|q| {
                std::iter::once(q.id.as_str()).chain(q.requirements.iter().map(|r| r.id.as_str()))
            })
            .collect();
        for target in &targets {
            if !known.contains(target.as_str()) {
                errors.push(Invalid::new(
                    "targets",
                    Message::new("evidence.unknown_target").arg("id", target),
                ));
            }
        }
        text_problem("note", input.note.trim(), MAX_TEXT_LEN, errors);
        Ok(Some(LinkPlace {
            catalogue_id,
            targets,
            scope_id: scope.map(|s| s.id),
            protection_object_id,
            note: input.note.trim().to_owned(),
        }))
    }

    /// Checks the form and the links, and finds the files below `paths`: nothing is read or
    /// stored yet. Files that are evidence already are settled here.
    pub fn plan_evidence(
        &self,
        paths: &[PathBuf],
        input: &EvidenceInput,
        links: &LinkInput,
    ) -> Result<EvidencePlan> {
        let mut errors = Vec::new();
        if paths.is_empty() {
            errors.push(Invalid::new("paths", Message::new("evidence.no_paths")));
        }
        let details = self.check_details(input, &mut errors);
        let links = self.check_links(links, &mut errors)?;
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let (found, mut settled) = collect_files(paths);
        let mut files = Vec::new();
        for file in found {
            match table::find_by_source(self.db.conn(), &file)? {
                Some(id) => settled.push(self.already(&file, id)?),
                None => files.push(file),
            }
        }
        Ok(EvidencePlan {
            vault: self.vault(),
            details,
            links,
            files,
            settled,
        })
    }

    fn already(&self, path: &Path, id: i64) -> Result<FileOutcome> {
        let title = table::get(self.db.conn(), id)?
            .map(|r| r.title)
            .unwrap_or_default();
        Ok(FileOutcome {
            path: path.to_owned(),
            result: FileResult::AlreadyEvidence { id, title },
        })
    }

    /// Records the files read into the vault as evidence items (with their links), all in
    /// one transaction. A file that became evidence meanwhile is reported as such.
    pub fn commit_evidence(
        &mut self,
        ingested: IngestedFiles,
        now: DateTime<Utc>,
    ) -> Result<AddReport> {
        let IngestedFiles {
            plan,
            results,
            cancelled,
        } = ingested;
        let at = timestamp(now);
        let mut outcomes = plan.settled.clone();
        let details = &plan.details;
        let links = &plan.links;
        let recorded = self.db.write(|tx| {
            let mut recorded = Vec::new();
            for (path, result) in results {
                let (blob, stamp) = match result {
                    Ok(ok) => ok,
                    Err(VaultError::Cancelled) => continue,
                    Err(e) => {
                        recorded.push(failed(&path, vault_message(&path, &e)));
                        continue;
                    }
                };
                if let Some(id) = table::find_by_source(tx, &path)? {
                    recorded.push(FileOutcome {
                        path: path.clone(),
                        result: FileResult::AlreadyEvidence {
                            id,
                            title: String::new(),
                        },
                    });
                    continue;
                }
                let file_name = display_name(&path);
                let title = if details.title.is_empty() {
                    file_name.clone()
                } else {
                    details.title.clone()
                };
                let record = EvidenceDetails {
                    title: title.clone(),
                    work_product: details.work_product.clone(),
                    owner: details.owner.clone(),
                    classification: details.classification,
                    review_due: details.review_due,
                };
                let id = table::insert(tx, &record, &path, stamp, &blob, &file_name, &at)?;
                if let Some(place) = links {
                    add_links(tx, id, place)?;
                }
                recorded.push(FileOutcome {
                    path,
                    result: FileResult::Added { id, title, blob },
                });
            }
            Ok(recorded)
        })?;
        outcomes.extend(recorded);
        tracing::info!(files = outcomes.len(), "evidence added");
        Ok(AddReport {
            outcomes,
            cancelled,
        })
    }

    /// Adds the files below `paths` as evidence: plan, ingest and commit in one go (what
    /// `csmsdesk-cli evidence add` does).
    pub fn add_evidence(
        &mut self,
        paths: &[PathBuf],
        input: &EvidenceInput,
        links: &LinkInput,
        now: DateTime<Utc>,
        progress: &(dyn Fn(Progress) + Sync),
        cancel: &AtomicBool,
    ) -> Result<AddReport> {
        let plan = self.plan_evidence(paths, input, links)?;
        let ingested = plan.ingest(progress, cancel);
        self.commit_evidence(ingested, now)
    }

    fn evidence_record(&self, key: &str) -> Result<EvidenceRecord> {
        let not_found = || Error::NotFound {
            kind: "thing.evidence",
            name: key.trim().to_owned(),
        };
        let id: i64 = key
            .trim()
            .trim_start_matches('#')
            .parse()
            .map_err(|_| not_found())?;
        table::get(self.db.conn(), id)?.ok_or_else(not_found)
    }

    /// Every evidence item with its state on `today` and its links.
    pub fn evidence(&self, today: NaiveDate) -> Result<Vec<EvidenceView>> {
        let records = table::list(self.db.conn())?;
        let mut links = table::links(self.db.conn())?.into_iter().peekable();
        let scopes = self.scopes()?;
        let scope_name = |id: Option<i64>| {
            id.and_then(|id| scopes.iter().find(|s| s.id == id))
                .map(|s| s.name.clone())
        };
        let mut objects = std::collections::BTreeMap::new();
        for scope in &scopes {
            for object in self.protection_objects(&scope.name)? {
                objects.insert(object.id, object.name);
            }
        }
        Ok(records
            .into_iter()
            .map(|record| {
                let mut own = Vec::new();
                while let Some(link) = links.next_if(|l| l.evidence_id <= record.id) {
                    if link.evidence_id == record.id {
                        own.push(LinkView {
                            scope: scope_name(link.scope_id),
                            protection_object: link
                                .protection_object_id
                                .and_then(|id| objects.get(&id).cloned()),
                            link,
                        });
                    }
                }
                EvidenceView {
                    state: state_of(&record, today),
                    record,
                    links: own,
                }
            })
            .collect())
    }

    /// One evidence item with its versions.
    pub fn evidence_item(
        &self,
        key: &str,
        today: NaiveDate,
    ) -> Result<(EvidenceView, Vec<table::VersionRecord>)> {
        let record = self.evidence_record(key)?;
        let view = self
            .evidence(today)?
            .into_iter()
            .find(|v| v.record.id == record.id)
            .ok_or_else(|| Error::NotFound {
                kind: "thing.evidence",
                name: key.to_owned(),
            })?;
        let versions = table::versions(self.db.conn(), record.id)?;
        Ok((view, versions))
    }

    /// Links evidence `key` to requirements or questions. Returns how many links are new.
    pub fn link_evidence(&mut self, key: &str, input: &LinkInput) -> Result<usize> {
        let record = self.evidence_record(key)?;
        let mut errors = Vec::new();
        let place = self.check_links(input, &mut errors)?;
        let Some(place) = place else {
            errors.push(Invalid::new("targets", Message::new("evidence.no_targets")));
            return Err(Error::Invalid(errors));
        };
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let added = self.db.write(|tx| add_links(tx, record.id, &place))?;
        tracing::info!(evidence = record.id, added, "linked evidence");
        Ok(added)
    }

    /// Removes link `id`.
    pub fn unlink_evidence(&mut self, link: i64) -> Result<()> {
        if !self.db.write(|tx| table::remove_link(tx, link))? {
            return Err(Error::NotFound {
                kind: "thing.link",
                name: link.to_string(),
            });
        }
        Ok(())
    }

    /// Changes what describes evidence `key`. An empty title keeps the current one.
    pub fn update_evidence(&mut self, key: &str, input: &EvidenceInput) -> Result<EvidenceRecord> {
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
        self.db
            .write(|tx| table::update_details(tx, record.id, &details))?;
        self.evidence_record(key)
    }

    /// Marks the newest version of evidence `key` as reviewed, and sets its next review date
    /// when one is given.
    pub fn review_evidence(&mut self, key: &str, next_review: &str) -> Result<EvidenceRecord> {
        let record = self.evidence_record(key)?;
        let mut errors = Vec::new();
        let next = parse_date("review_due", next_review, &mut errors);
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        self.db.write(|tx| {
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
        self.evidence_record(key)
    }

    /// Removes evidence `key` with its links; its vault content stays.
    pub fn remove_evidence(&mut self, key: &str) -> Result<()> {
        let record = self.evidence_record(key)?;
        self.db.write(|tx| table::delete(tx, record.id))?;
        tracing::info!(evidence = record.id, "removed evidence");
        Ok(())
    }
}

/// The ids of `ids`, checked to be evidence items of the workspace.
pub(crate) fn existing_evidence(ws: &Workspace, ids: &[i64]) -> Result<Vec<i64>> {
    let known = table::ids(ws.db.conn())?;
    for id in ids {
        if !known.contains(id) {
            return Err(Error::NotFound {
                kind: "thing.evidence",
                name: id.to_string(),
            });
        }
    }
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

fn add_links(
    tx: &csmsdesk_store::Transaction<'_>,
    evidence_id: i64,
    place: &LinkPlace,
) -> csmsdesk_store::Result<usize> {
    let mut added = 0;
    for target in &place.targets {
        let link = LinkRecord {
            id: 0,
            evidence_id,
            catalogue_id: place.catalogue_id,
            target_id: target.clone(),
            scope_id: place.scope_id,
            protection_object_id: place.protection_object_id,
            note: place.note.clone(),
        };
        if table::add_link(tx, &link)? {
            added += 1;
        }
    }
    Ok(added)
}

#[cfg(test)]
mod tests;
