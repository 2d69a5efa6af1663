//! Wire shapes of catalogues: records, import outcomes, the tree and search hits.

use csmsdesk_core::catalogue::references::Reference;
use csmsdesk_core::catalogue::renumbering::IdChanges;
use csmsdesk_core::catalogue::{Catalogue, CatalogueNote};
use serde::Serialize;

use crate::{CatalogueRecord, ImportOutcome, SearchHit};

/// A catalogue's identity and counts (`catalogue` in docs/CLI.md).
#[derive(Debug, Serialize)]
pub struct CatalogueSummary {
    pub id: i64,
    pub name: String,
    pub version: String,
    pub source_file: String,
    pub sha256: String,
    pub imported_at: String,
    pub superseded_by: Option<i64>,
    pub chapters: usize,
    pub control_questions: usize,
    pub requirements: usize,
    pub must: usize,
    pub should: usize,
}

pub fn catalogue_record(c: &CatalogueRecord) -> CatalogueSummary {
    CatalogueSummary {
        id: c.id,
        name: c.name.clone(),
        version: c.version.clone(),
        source_file: c.source_file.clone(),
        sha256: c.source_sha256.clone(),
        imported_at: c.imported_at.clone(),
        superseded_by: c.superseded_by,
        chapters: c.counts.chapters,
        control_questions: c.counts.control_questions,
        requirements: c.counts.requirements,
        must: c.counts.must,
        should: c.counts.should,
    }
}

/// Something the import noticed in the workbook and survived.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Note {
    DuplicateRequirementRenamed {
        id: String,
        renamed: String,
        row: usize,
    },
}

pub(super) fn note(n: &CatalogueNote) -> Note {
    match n {
        CatalogueNote::DuplicateRequirementRenamed { id, renamed, row } => {
            Note::DuplicateRequirementRenamed {
                id: id.clone(),
                renamed: renamed.clone(),
                row: *row,
            }
        }
    }
}

/// How IDs moved between two catalogue versions.
#[derive(Debug, Serialize)]
pub struct IdMoves {
    pub moved: Vec<IdMove>,
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct IdMove {
    pub from: String,
    pub to: String,
}

pub(super) fn id_changes(changes: &IdChanges) -> IdMoves {
    IdMoves {
        moved: changes
            .moved
            .iter()
            .map(|(from, to)| IdMove {
                from: from.clone(),
                to: to.clone(),
            })
            .collect(),
        added: changes.added.clone(),
        removed: changes.removed.clone(),
    }
}

/// What an import did.
#[derive(Debug, Serialize)]
pub struct Import {
    pub catalogue: CatalogueSummary,
    pub already_imported: bool,
    pub notes: Vec<Note>,
    pub version_change: Option<VersionChange>,
}

/// The catalogue an import replaced, and what moved.
#[derive(Debug, Serialize)]
pub struct VersionChange {
    pub from: CatalogueSummary,
    pub table_known: bool,
    pub scopes_moved: usize,
    pub changes: IdMoves,
}

pub fn import_outcome(outcome: &ImportOutcome) -> Import {
    Import {
        catalogue: catalogue_record(&outcome.catalogue),
        already_imported: outcome.already_imported,
        notes: outcome.notes.iter().map(note).collect(),
        version_change: outcome.version_change.as_ref().map(|change| VersionChange {
            from: catalogue_record(&change.from),
            table_known: change.table_known,
            scopes_moved: change.scopes_moved,
            changes: id_changes(&change.changes),
        }),
    }
}

/// A 21434 reference a requirement cites.
#[derive(Debug, Serialize)]
pub struct CatalogueReference {
    pub field: String,
    pub tag: String,
    pub kind: &'static str,
    pub clause: Option<u8>,
}

pub(super) fn reference(field: &str, r: &Reference) -> CatalogueReference {
    CatalogueReference {
        field: field.to_owned(),
        tag: r.tag.clone(),
        kind: r.kind.as_str(),
        clause: r.clause,
    }
}

/// A catalogue with its whole tree.
#[derive(Debug, Serialize)]
pub struct CatalogueTree {
    pub catalogue: CatalogueSummary,
    pub groups_5112: Vec<Group5112>,
    pub chapters: Vec<Chapter>,
}

#[derive(Debug, Serialize)]
pub struct Group5112 {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Serialize)]
pub struct Chapter {
    pub id: String,
    pub title: String,
    pub questions: Vec<Question>,
}

#[derive(Debug, Serialize)]
pub struct Question {
    pub id: String,
    pub id_5112: String,
    pub text: String,
    pub objective: String,
    pub requirements: Vec<Requirement>,
}

#[derive(Debug, Serialize)]
pub struct Requirement {
    pub id: String,
    pub id_5112: String,
    pub must: String,
    pub must_references: String,
    pub should: String,
    pub should_references: String,
    pub further_information: String,
    pub possible_evidence: String,
    pub references: Vec<CatalogueReference>,
}

/// The tree; `references` are (requirement, field, reference).
pub fn catalogue_tree(
    record: &CatalogueRecord,
    tree: &Catalogue,
    references: &[(String, String, Reference)],
) -> CatalogueTree {
    let refs_of = |id: &str| -> Vec<CatalogueReference> {
        references
            .iter()
            .filter(|(r, _, _)| r == id)
            .map(|(_, field, r)| reference(field, r))
            .collect()
    };
    CatalogueTree {
        catalogue: catalogue_record(record),
        groups_5112: tree
            .groups_5112
            .iter()
            .map(|g| Group5112 {
                id: g.id.clone(),
                title: g.title.clone(),
            })
            .collect(),
        chapters: tree
            .chapters
            .iter()
            .map(|c| Chapter {
                id: c.id.clone(),
                title: c.title.clone(),
                questions: c
                    .questions
                    .iter()
                    .map(|q| Question {
                        id: q.id.clone(),
                        id_5112: q.id_5112.clone(),
                        text: q.text.clone(),
                        objective: q.objective.clone(),
                        requirements: q
                            .requirements
                            .iter()
                            .map(|r| Requirement {
                                id: r.id.clone(),
                                id_5112: r.id_5112.clone(),
                                must: r.must.clone(),
                                must_references: r.must_references.clone(),
                                should: r.should.clone(),
                                should_references: r.should_references.clone(),
                                further_information: r.further_information.clone(),
                                possible_evidence: r.possible_evidence.clone(),
                                references: refs_of(&r.id),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// A search hit: the matching question and requirement IDs.
#[derive(Debug, Serialize)]
pub struct Hit {
    pub question: String,
    pub requirement: Option<String>,
}

pub fn search_hits(hits: &[SearchHit]) -> Vec<Hit> {
    hits.iter()
        .map(|h| Hit {
            question: h.question_id.clone(),
            requirement: h.requirement_id.clone(),
        })
        .collect()
}
