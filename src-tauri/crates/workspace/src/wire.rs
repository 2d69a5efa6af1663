//! The wire: every JSON document that leaves the program, as `#[derive(Serialize)]` types.
//! Both shells send these: `csmsdesk-cli --json` (a contract, docs/CLI.md) and the desktop
//! app's IPC results. One type per shape keeps the two identical; a shell calls
//! `wire::x(&value, lang)` and serialises what it gets.
//!
//! Field order follows the documents as the UI reads them. The CLI prints through
//! `serde_json::Value` (keys sorted, as before); the package manifest does the same.
//! `Option` fields are sent as `null`, never left out.
//!
//! The shapes of the workspace as a whole (journal, check, backup) are here; the others sit by
//! subject in `catalogue`, `scope`, `evidence`, `readiness`, `audit`, `package`, `manifest`
//! (the package's and the backup's `manifest.json`) and `shell` (small documents only the
//! shells build), re-exported here.

use csmsdesk_core::i18n::Lang;
use serde::Serialize;
use serde_json::Value;

mod audit;
mod audit_edit;
mod catalogue;
mod evidence;
mod evidence_work;
mod manifest;
mod package;
mod readiness;
mod rules;
mod scope;
mod shell;

pub use audit::*;
pub use audit_edit::*;
pub use catalogue::*;
pub use evidence::*;
pub use evidence_work::*;
pub use manifest::*;
pub use package::*;
pub use readiness::*;
pub use rules::*;
pub use scope::*;
pub use shell::*;

/// One journal entry, with its seal. `before` and `after` are the JSON objects the entry
/// holds (values shortened), or null.
#[derive(Debug, Clone, Serialize)]
pub struct JournalEntry {
    pub seq: i64,
    pub at: String,
    pub user: String,
    pub source: String,
    pub table: String,
    pub op: String,
    pub key: Value,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub prev_hash: Option<String>,
    pub hash: Option<String>,
}

/// Text the journal stored as JSON, parsed; text that is not JSON stays a string.
fn stored_json(text: &str) -> Value {
    serde_json::from_str::<Value>(text).unwrap_or_else(|_| Value::String(text.to_owned()))
}

pub fn journal_entry(e: &csmsdesk_core::journal::Entry) -> JournalEntry {
    JournalEntry {
        seq: e.seq,
        at: e.at.clone(),
        user: e.user.clone(),
        source: e.source.clone(),
        table: e.table.clone(),
        op: e.op.clone(),
        key: stored_json(&e.key),
        before: e.before.as_deref().map(stored_json),
        after: e.after.as_deref().map(stored_json),
        prev_hash: e.prev_hash.clone(),
        hash: e.hash.clone(),
    }
}

/// A page of the journal for the history screen: the entries, every journalled table and
/// everyone who made a change (the filters' choices). `journal` in the CLI prints the
/// `entries` alone.
#[derive(Debug, Serialize)]
pub struct JournalPage {
    pub entries: Vec<JournalEntry>,
    pub tables: Vec<String>,
    pub users: Vec<String>,
}

pub fn journal_page(
    entries: &[csmsdesk_core::journal::Entry],
    tables: Vec<String>,
    users: Vec<String>,
) -> JournalPage {
    JournalPage {
        entries: entries.iter().map(journal_entry).collect(),
        tables,
        users,
    }
}

/// The journal's newest entry.
#[derive(Debug, Serialize)]
pub struct JournalHead {
    pub seq: i64,
    pub hash: String,
}

pub(super) fn journal_head(h: &csmsdesk_core::journal::Head) -> JournalHead {
    JournalHead {
        seq: h.seq,
        hash: h.hash.clone(),
    }
}

/// What `journal verify` found: `ok`, the count, the head and each problem with its message.
#[derive(Debug, Serialize)]
pub struct JournalReport {
    pub ok: bool,
    pub entries: usize,
    pub head: Option<JournalHead>,
    pub problems: Vec<JournalProblem>,
}

/// One thing `journal verify` found wrong.
#[derive(Debug, Serialize)]
pub struct JournalProblem {
    pub kind: &'static str,
    pub seq: i64,
    pub message: String,
}

pub fn journal_report(r: &crate::JournalReport, lang: Lang) -> JournalReport {
    use csmsdesk_core::journal::Problem;
    JournalReport {
        ok: r.ok(),
        entries: r.entries,
        head: r.head.as_ref().map(journal_head),
        problems: r
            .problems
            .iter()
            .map(|p| {
                let seq = match p {
                    Problem::Edited { seq }
                    | Problem::Unsealed { seq }
                    | Problem::Inserted { seq }
                    | Problem::Replaced { seq }
                    | Problem::HeadMismatch { seq } => *seq,
                    Problem::Deleted { first, .. } => *first,
                    Problem::TailDeleted { last, .. } => *last + 1,
                };
                JournalProblem {
                    kind: problem_kind(p),
                    seq,
                    message: crate::problem_message(p).render(lang),
                }
            })
            .collect(),
    }
}

fn problem_kind(p: &csmsdesk_core::journal::Problem) -> &'static str {
    use csmsdesk_core::journal::Problem;
    match p {
        Problem::Edited { .. } => "edited",
        Problem::Unsealed { .. } => "unsealed",
        Problem::Deleted { .. } => "deleted",
        Problem::Inserted { .. } => "inserted",
        Problem::Replaced { .. } => "replaced",
        Problem::TailDeleted { .. } => "tail_deleted",
        Problem::HeadMismatch { .. } => "head_mismatch",
    }
}

/// SQLite's integrity check: the word `ok`, or the problems it listed.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Integrity {
    Ok(&'static str),
    Problems(Vec<String>),
}

/// The workspace check: `ok`, SQLite's problems, the vault contents re-hashed and their
/// problems, and the journal.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub ok: bool,
    pub integrity: Integrity,
    pub blobs_checked: usize,
    pub blob_problems: Vec<String>,
    pub journal: JournalReport,
}

pub fn check_report(r: &crate::CheckReport, lang: Lang) -> CheckReport {
    CheckReport {
        ok: r.ok(),
        integrity: if r.integrity.is_empty() {
            Integrity::Ok("ok")
        } else {
            Integrity::Problems(r.integrity.clone())
        },
        blobs_checked: r.blobs_checked,
        blob_problems: r.blob_problems.iter().map(|m| m.render(lang)).collect(),
        journal: journal_report(&r.journal, lang),
    }
}

/// A written backup.
#[derive(Debug, Serialize)]
pub struct BackupReport {
    pub path: std::path::PathBuf,
    pub sha256: String,
    pub bytes: u64,
    pub blobs: usize,
    pub journal_entries: usize,
    pub created_at: String,
}

pub fn backup_report(r: &crate::BackupReport) -> BackupReport {
    BackupReport {
        path: r.path.clone(),
        sha256: r.sha256.clone(),
        bytes: r.bytes,
        blobs: r.blobs,
        journal_entries: r.journal_entries,
        created_at: r.created_at.clone(),
    }
}

/// A restored (or only checked) backup.
#[derive(Debug, Serialize)]
pub struct RestoreReport {
    /// The restored workspace: its folder, or the server database's URL (password `***`).
    pub workspace: Option<String>,
    pub created_at: String,
    pub schema_version: i64,
    pub blobs: usize,
    pub bytes: u64,
    pub journal: JournalReport,
}

pub fn restore_report(r: &crate::RestoreReport, lang: Lang) -> RestoreReport {
    RestoreReport {
        workspace: r
            .dir
            .as_ref()
            .map(|d| d.display().to_string())
            .or_else(|| r.server.clone()),
        created_at: r.created_at.clone(),
        schema_version: r.schema_version,
        blobs: r.blobs,
        bytes: r.bytes,
        journal: journal_report(&r.journal, lang),
    }
}
