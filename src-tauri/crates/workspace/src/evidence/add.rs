//! Adding evidence in its three steps: finding the files and checking the form
//! ([`Workspace::plan_evidence`]), copying them into the vault ([`EvidencePlan::ingest`]) and
//! recording them ([`Workspace::commit_evidence`]).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, Utc};
use csmsdesk_core::evidence::{Classification, work_product};
use csmsdesk_core::i18n::Message;
use csmsdesk_store::evidence::{self as table, EvidenceDetails};
use csmsdesk_store::vault::VaultError;

use super::links::add_links;
use super::{
    AddReport, EvidenceInput, EvidenceInputChecked, EvidencePlan, FileOutcome, FileResult,
    IngestedFiles, LinkInput, display_name, vault_message,
};
use crate::input::{MAX_NAME_LEN, parse_date, required_name, text_problem};
use crate::progress::{Cores, Progress, parallel_map};
use crate::workspace::timestamp;
use crate::{Error, Invalid, Result, Workspace};

pub(super) fn failed(path: &Path, message: Message) -> FileOutcome {
    FileOutcome {
        path: path.to_owned(),
        result: FileResult::Failed(message),
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
                Ok(entry) if entry.file_type().is_file() => add(recorded_path(entry.path())),
                Ok(entry) if entry.file_type().is_dir() => {}
                Ok(entry) if entry.path_is_symlink() => {
                    let at = entry.path().display().to_string();
                    match std::fs::canonicalize(entry.path()) {
                        // A file inside the folder is taken.
                        Ok(target) if target.starts_with(&root) && target.is_file() => {
                            add(recorded_path(&target))
                        }
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

/// The path a file found for adding is recorded (and later shown and re-checked) under.
/// Unix: resolved, links followed. Windows: absolute but not resolved, as the user typed it:
/// `canonicalize` there answers in the `\\?\` verbatim form and turns a mapped drive
/// (`S:\CSMS\policy.pdf`) into its share, and the user must find the path they gave
/// (`S:\...`, `\\server\share\...`) in the list. Long paths need no verbatim prefix in
/// the record: std adds one itself where Windows wants it.
pub(super) fn recorded_path(path: &Path) -> PathBuf {
    #[cfg(windows)]
    let recorded = std::path::absolute(strip_verbatim(path));
    #[cfg(not(windows))]
    let recorded = std::fs::canonicalize(path);
    recorded.unwrap_or_else(|_| path.to_owned())
}

/// `path` without a `\\?\` prefix where the plain form means the same file: `\\?\C:\x`
/// → `C:\x`, `\\?\UNC\server\share\x` → `\\server\share\x`; other verbatim paths
/// (devices, volume GUIDs) stay as they are.
#[cfg_attr(not(windows), allow(dead_code))]
fn strip_verbatim(path: &Path) -> PathBuf {
    // A name that is no valid Unicode keeps its form.
    let Some(text) = path.to_str() else {
        return path.to_owned();
    };
    let plain = if let Some(rest) = text.strip_prefix(r"\\?\UNC\") {
        Some(format!(r"\\{rest}"))
    } else {
        text.strip_prefix(r"\\?\")
            .filter(|rest| {
                let b = rest.as_bytes();
                b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'\\'
            })
            .map(str::to_owned)
    };
    plain.map_or_else(|| path.to_owned(), PathBuf::from)
}

/// Why `path` cannot be read, in words for its kind of failure.
pub(super) fn unreadable_message(path: &Path, error: &std::io::Error) -> Message {
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
        let results = parallel_map(&self.files, Cores::All, total_bytes, progress, |path| {
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
    pub(super) fn check_details(
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
            as_new: input.as_new,
        }
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

    pub(super) fn already(&self, path: &Path, id: i64) -> Result<FileOutcome> {
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
                if !details.as_new
                    && let Some((id, title)) = table::missing_with_content(tx, &blob.sha256)?
                {
                    recorded.push(FileOutcome {
                        path,
                        result: FileResult::SameAsMissing { id, title },
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
}

#[cfg(test)]
mod tests;
