//! The documents of everyday work: what a bulk change did, where a relocated item points,
//! what the one search found.

use serde::Serialize;

/// What a bulk change did (`evidence set` in docs/CLI.md).
#[derive(Debug, Serialize)]
pub struct BulkOutcome {
    /// How many items were selected.
    pub selected: usize,
    /// How many changed: items whose value changed, new links, items removed.
    pub changed: usize,
}

pub fn bulk_outcome(outcome: &crate::BulkOutcome) -> BulkOutcome {
    BulkOutcome {
        selected: outcome.selected,
        changed: outcome.changed,
    }
}

/// Where `evidence relocate` pointed an item (`evidence relocate` in docs/CLI.md).
#[derive(Debug, Serialize)]
pub struct Relocated {
    pub id: i64,
    pub path: String,
    /// The new version when the file's content differs (it needs review), else null.
    pub new_version: Option<i64>,
}

pub fn relocated(relocated: &crate::Relocated) -> Relocated {
    Relocated {
        id: relocated.id,
        path: relocated.path.display().to_string(),
        new_version: relocated.new_version,
    }
}

/// One record a search found (`search` in docs/CLI.md).
#[derive(Debug, Serialize)]
pub struct Found {
    /// `requirement`, `question`, `evidence`, `finding`, `action`, `location` or `scope`.
    pub kind: &'static str,
    /// A catalogue ID (`1.1.a`) for requirements and questions, else the record's number.
    pub id: String,
    pub title: String,
    pub detail: String,
    /// The scope the record belongs to (a finding's or action's audit's scope), or null.
    pub scope: Option<i64>,
    /// The audit of a finding or an action, or null.
    pub audit: Option<i64>,
}

pub fn found(found: &[crate::Found]) -> Vec<Found> {
    found
        .iter()
        .map(|f| Found {
            kind: f.kind.as_str(),
            id: f.id.clone(),
            title: f.title.clone(),
            detail: f.detail.clone(),
            scope: f.scope_id,
            audit: f.audit_id,
        })
        .collect()
}
