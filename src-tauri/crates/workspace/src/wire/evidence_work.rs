//! The documents of everyday work on evidence: what a bulk change did.

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
