//! The JSON shapes both shells send out: `csmsdesk-cli --json` (a contract, docs/CLI.md) and the
//! desktop app's IPC. One builder per shape keeps the two identical.
//!
//! The shapes of the workspace as a whole (journal, check, backup) are here; the others sit by
//! subject in `catalogue`, `scope`, `evidence`, `readiness` and `audit`, re-exported here.

use csmsdesk_core::i18n::Lang;
use serde_json::{Value, json};

mod audit;
mod catalogue;
mod evidence;
mod readiness;
mod rules;
mod scope;

pub use audit::*;
pub use catalogue::*;
pub use evidence::*;
pub use readiness::*;
pub use rules::*;
pub use scope::*;

/// One journal entry, with its seal. `before` and `after` are the JSON objects the entry
/// holds (values shortened), or null.
pub fn journal_entry(e: &csmsdesk_core::journal::Entry) -> Value {
    let object = |text: &Option<String>| {
        text.as_deref().map(|t| {
            serde_json::from_str::<Value>(t).unwrap_or_else(|_| Value::String(t.to_owned()))
        })
    };
    json!({
        "seq": e.seq,
        "at": e.at,
        "user": e.user,
        "source": e.source,
        "table": e.table,
        "op": e.op,
        "key": serde_json::from_str::<Value>(&e.key).unwrap_or_else(|_| Value::String(e.key.clone())),
        "before": object(&e.before),
        "after": object(&e.after),
        "prev_hash": e.prev_hash,
        "hash": e.hash,
    })
}

/// What `journal verify` found: `ok`, the count, the head and each problem with its message.
pub fn journal_report(r: &crate::JournalReport, lang: Lang) -> Value {
    json!({
        "ok": r.ok(),
        "entries": r.entries,
        "head": r.head.as_ref().map(|h| json!({ "seq": h.seq, "hash": h.hash })),
        "problems": r.problems.iter().map(|p| {
            let seq = match p {
                csmsdesk_core::journal::Problem::Edited { seq }
                | csmsdesk_core::journal::Problem::Unsealed { seq }
                | csmsdesk_core::journal::Problem::Inserted { seq }
                | csmsdesk_core::journal::Problem::Replaced { seq }
                | csmsdesk_core::journal::Problem::HeadMismatch { seq } => *seq,
                csmsdesk_core::journal::Problem::Deleted { first, .. } => *first,
                csmsdesk_core::journal::Problem::TailDeleted { last, .. } => *last + 1,
            };
            json!({ "kind": problem_kind(p), "seq": seq, "message": crate::problem_message(p).render(lang) })
        }).collect::<Vec<_>>(),
    })
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

/// The workspace check: `ok`, SQLite's problems, the vault contents re-hashed and their
/// problems, and the journal.
pub fn check_report(r: &crate::CheckReport, lang: Lang) -> Value {
    json!({
        "ok": r.ok(),
        "integrity": if r.integrity.is_empty() { json!("ok") } else { json!(r.integrity) },
        "blobs_checked": r.blobs_checked,
        "blob_problems": r.blob_problems.iter().map(|m| m.render(lang)).collect::<Vec<_>>(),
        "journal": journal_report(&r.journal, lang),
    })
}

/// A written backup.
pub fn backup_report(r: &crate::BackupReport) -> Value {
    json!({
        "path": r.path,
        "sha256": r.sha256,
        "bytes": r.bytes,
        "blobs": r.blobs,
        "journal_entries": r.journal_entries,
        "created_at": r.created_at,
    })
}

/// A restored (or only checked) backup.
pub fn restore_report(r: &crate::RestoreReport, lang: Lang) -> Value {
    json!({
        "workspace": r.dir,
        "created_at": r.created_at,
        "schema_version": r.schema_version,
        "blobs": r.blobs,
        "bytes": r.bytes,
        "journal": journal_report(&r.journal, lang),
    })
}
