//! JSON shapes of catalogues: records, import outcomes, the tree and search hits.

use csmsdesk_core::catalogue::references::Reference;
use csmsdesk_core::catalogue::renumbering::IdChanges;
use csmsdesk_core::catalogue::{Catalogue, CatalogueNote};
use serde_json::{Value, json};

use crate::{CatalogueRecord, ImportOutcome, SearchHit};

/// A catalogue's identity and counts (`catalogue` in docs/CLI.md).
pub fn catalogue_record(c: &CatalogueRecord) -> Value {
    json!({
        "id": c.id,
        "name": c.name,
        "version": c.version,
        "source_file": c.source_file,
        "sha256": c.source_sha256,
        "imported_at": c.imported_at,
        "superseded_by": c.superseded_by,
        "chapters": c.counts.chapters,
        "control_questions": c.counts.control_questions,
        "requirements": c.counts.requirements,
        "must": c.counts.must,
        "should": c.counts.should,
    })
}

pub(super) fn note(n: &CatalogueNote) -> Value {
    match n {
        CatalogueNote::DuplicateRequirementRenamed { id, renamed, row } => {
            json!({ "kind": "duplicate_requirement_renamed", "id": id, "renamed": renamed, "row": row })
        }
    }
}

pub(super) fn id_changes(changes: &IdChanges) -> Value {
    json!({
        "moved": changes.moved.iter().map(|(from, to)| json!({ "from": from, "to": to })).collect::<Vec<_>>(),
        "added": changes.added,
        "removed": changes.removed,
    })
}

/// What an import did.
pub fn import_outcome(outcome: &ImportOutcome) -> Value {
    json!({
        "catalogue": catalogue_record(&outcome.catalogue),
        "already_imported": outcome.already_imported,
        "notes": outcome.notes.iter().map(note).collect::<Vec<_>>(),
        "version_change": outcome.version_change.as_ref().map(|change| json!({
            "from": catalogue_record(&change.from),
            "table_known": change.table_known,
            "scopes_moved": change.scopes_moved,
            "changes": id_changes(&change.changes),
        })),
    })
}

pub(super) fn reference(field: &str, r: &Reference) -> Value {
    json!({ "field": field, "tag": r.tag, "kind": r.kind.as_str(), "clause": r.clause })
}

/// A catalogue with its whole tree; `references` are (requirement, field, reference).
pub fn catalogue_tree(
    record: &CatalogueRecord,
    tree: &Catalogue,
    references: &[(String, String, Reference)],
) -> Value {
    let refs_of = |id: &str| -> Vec<Value> {
        references
            .iter()
            .filter(|(r, _, _)| r == id)
            .map(|(_, field, r)| reference(field, r))
            .collect()
    };
    json!({
        "catalogue": catalogue_record(record),
        "groups_5112": tree.groups_5112.iter().map(|g| json!({ "id": g.id, "title": g.title })).collect::<Vec<_>>(),
        "chapters": tree.chapters.iter().map(|c| json!({
            "id": c.id,
            "title": c.title,
            "questions": c.questions.iter().map(|q| json!({
                "id": q.id,
                "id_5112": q.id_5112,
                "text": q.text,
                "objective": q.objective,
                "requirements": q.requirements.iter().map(|r| json!({
                    "id": r.id,
                    "id_5112": r.id_5112,
                    "must": r.must,
                    "must_references": r.must_references,
                    "should": r.should,
                    "should_references": r.should_references,
                    "further_information": r.further_information,
                    "possible_evidence": r.possible_evidence,
                    "references": refs_of(&r.id),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// Search results: the matching question and requirement IDs.
pub fn search_hits(hits: &[SearchHit]) -> Value {
    Value::Array(
        hits.iter()
            .map(|h| json!({ "question": h.question_id, "requirement": h.requirement_id }))
            .collect(),
    )
}
