//! The ENX workbook of a full package: the user's own imported `.xlsx` filled in place when
//! the vault keeps it, else the generated ENX layout (catalogues imported before the
//! original was kept, from `.xls`/`.ods`, or the demo). Both hold the same auditee cells per
//! control question, every finding included (observations and room for improvement without
//! an action too), each cell within what a spreadsheet cell holds.

use std::collections::{BTreeMap, BTreeSet};

use csmsdesk_core::catalogue::{WorkingColumn, fill_places};
use csmsdesk_core::package::cell::{fit_lines, fit_text};
use csmsdesk_store::catalogue::CatalogueRecord;
use csmsdesk_store::evidence as evidence_table;
use sha2::{Digest as _, Sha256};

use crate::{Error, Result, Workspace};

/// Which workbook a package holds: the manifest's `workbook`.
pub(super) const FILLED_ORIGINAL: &str = "filled_original";
pub(super) const GENERATED: &str = "generated";

/// What the package writes into the working columns of one control question.
#[derive(Debug, Clone, Default)]
struct QuestionCells {
    values: BTreeMap<WorkingColumn, String>,
}

impl QuestionCells {
    fn set(&mut self, column: WorkingColumn, text: String) {
        if !text.trim().is_empty() {
            self.values.insert(column, text);
        }
    }

    fn get(&self, column: WorkingColumn) -> Option<String> {
        self.values.get(&column).cloned()
    }
}

/// The rows of the generated layout's findings sheet.
type FindingsRows = Vec<Vec<String>>;

/// The generated layout's sheet of findings and their corrective actions.
const FINDINGS_HEADERS: [&str; 9] = [
    "Audit",
    "Question",
    "Finding type",
    "Finding",
    "Corrective action",
    "Owner",
    "Department",
    "Due",
    "Status",
];

impl Workspace {
    /// The package's workbook and which kind it is ([`FILLED_ORIGINAL`] or [`GENERATED`]).
    #[allow(
        clippy::too_many_arguments,
        reason = "the parts of the package the workbook shows, computed once by the plan"
    )]
    pub(super) fn package_workbook(
        &self,
        readiness: &crate::Readiness,
        catalogue: &CatalogueRecord,
        frozen: Option<i64>,
        links: &[evidence_table::LinkRecord],
        items: &BTreeMap<i64, evidence_table::EvidenceRecord>,
        paths: &BTreeMap<i64, String>,
        notes: &BTreeMap<String, String>,
    ) -> Result<(Vec<u8>, &'static str)> {
        let (_, tree) = self.catalogue(Some(catalogue.id))?;
        let (cells, findings) =
            self.question_cells(readiness, &tree, frozen, links, items, paths, notes)?;
        if let Some(bytes) = self.filled_original(catalogue, &cells) {
            return Ok((bytes, FILLED_ORIGINAL));
        }
        let bytes = self.generated_workbook(readiness, catalogue, &tree, &cells, findings)?;
        Ok((bytes, GENERATED))
    }

    /// Per control question, the working columns' texts; and the rows of the findings sheet.
    #[allow(
        clippy::too_many_arguments,
        reason = "the parts of the package the workbook shows, computed once by the plan"
    )]
    fn question_cells(
        &self,
        readiness: &crate::Readiness,
        tree: &csmsdesk_core::catalogue::Catalogue,
        frozen: Option<i64>,
        links: &[evidence_table::LinkRecord],
        items: &BTreeMap<i64, evidence_table::EvidenceRecord>,
        paths: &BTreeMap<i64, String>,
        notes: &BTreeMap<String, String>,
    ) -> Result<(BTreeMap<String, QuestionCells>, FindingsRows)> {
        #[derive(Default)]
        struct Audited {
            findings: Vec<String>,
            measures: Vec<String>,
            departments: BTreeSet<String>,
            contacts: BTreeSet<String>,
            completion: Option<chrono::NaiveDate>,
        }
        let mut audited: BTreeMap<String, Audited> = BTreeMap::new();
        let mut findings_rows = Vec::new();
        for audit in self.package_audits(&readiness.scope, frozen)? {
            let view = self.audit_view(crate::AuditId(audit.id))?;
            for f in &view.findings {
                let entry = audited.entry(f.question_id.clone()).or_default();
                entry.findings.push(format!(
                    "{} · {}: {}",
                    audit.kind.as_str(),
                    f.kind.as_str(),
                    f.description
                ));
                let row = |action: Option<&csmsdesk_store::audit::ActionRecord>| {
                    let mut row = vec![
                        audit.kind.as_str().to_owned(),
                        f.question_id.clone(),
                        f.kind.as_str().to_owned(),
                        f.description.clone(),
                    ];
                    row.extend(match action {
                        Some(a) => [
                            a.description.clone(),
                            a.owner.clone(),
                            a.department.clone(),
                            a.due.to_string(),
                            a.status.as_str().to_owned(),
                        ],
                        None => Default::default(),
                    });
                    row.iter().map(|t| fit_text(t)).collect::<Vec<_>>()
                };
                let actions: Vec<_> = view
                    .actions
                    .iter()
                    .filter(|a| a.finding_id == f.id)
                    .collect();
                if actions.is_empty() {
                    // An observation or room for improvement needs no action; it is listed all
                    // the same.
                    findings_rows.push(row(None));
                }
                for a in actions {
                    findings_rows.push(row(Some(a)));
                    entry.measures.push(format!(
                        "{} ({}, {}, due {}, {})",
                        a.description,
                        a.owner,
                        a.department,
                        a.due,
                        a.status.as_str()
                    ));
                    if !a.department.is_empty() {
                        entry.departments.insert(a.department.clone());
                    }
                    if !a.owner.is_empty() {
                        entry.contacts.insert(a.owner.clone());
                    }
                    entry.completion = entry.completion.max(Some(a.due));
                }
            }
        }
        let mut cells = BTreeMap::new();
        for q in &readiness.questions {
            let mut c = QuestionCells::default();
            let result = if q.applicable {
                q.assessment
                    .result
                    .map(|r| r.workbook_spelling().to_owned())
            } else {
                Some("NA".to_owned())
            };
            c.set(WorkingColumn::Result, result.unwrap_or_default());
            // The self-assessment's text, then the justifications of NA and deviations.
            let implementation = [
                q.assessment.implementation.as_str(),
                notes.get(&q.id).map_or("", String::as_str),
            ]
            .iter()
            .filter(|t| !t.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("\n");
            c.set(WorkingColumn::Implementation, fit_text(&implementation));
            // The user's own references first, then each linked evidence item once.
            let mut reference: Vec<String> = q
                .assessment
                .reference_documentation
                .lines()
                .map(str::to_owned)
                .filter(|l| !l.trim().is_empty())
                .collect();
            // Every requirement of the question (an NA question's too), from the catalogue.
            let question_requirements: BTreeSet<&str> = tree
                .chapters
                .iter()
                .flat_map(|c| &c.questions)
                .filter(|question| question.id == q.id)
                .flat_map(|question| &question.requirements)
                .map(|r| r.id.as_str())
                .collect();
            let evidence: BTreeSet<String> = links
                .iter()
                .filter(|l| {
                    l.target_id == q.id || question_requirements.contains(l.target_id.as_str())
                })
                .filter_map(|l| {
                    let path = paths.get(&l.evidence_id)?;
                    Some(format!("{} ({path})", items.get(&l.evidence_id)?.title))
                })
                .collect();
            reference.extend(evidence);
            c.set(WorkingColumn::Reference, fit_lines(&reference));
            if q.assessment.result.is_some() || !q.assessment.implementation.is_empty() {
                let day = q.assessment.updated_at.get(..10).unwrap_or_default();
                c.set(WorkingColumn::AssessmentDate, day.to_owned());
            }
            if let Some(a) = audited.remove(&q.id) {
                c.set(WorkingColumn::Findings, fit_lines(&a.findings));
                c.set(WorkingColumn::Measures, fit_lines(&a.measures));
                let join = |set: BTreeSet<String>| set.into_iter().collect::<Vec<_>>();
                c.set(
                    WorkingColumn::Department,
                    fit_text(&join(a.departments).join(", ")),
                );
                c.set(
                    WorkingColumn::Contact,
                    fit_text(&join(a.contacts).join(", ")),
                );
                c.set(
                    WorkingColumn::CompletionDate,
                    a.completion.map(|d| d.to_string()).unwrap_or_default(),
                );
            }
            cells.insert(q.id.clone(), c);
        }
        Ok((cells, findings_rows))
    }

    /// The user's own workbook, kept in the vault, with `cells` filled in; `None` when the
    /// catalogue has no original (imported before it was kept, from `.xls`/`.ods`, or the
    /// demo) or the original cannot be filled (gone, damaged, no catalogue sheet): the
    /// package then holds the generated layout and says so.
    fn filled_original(
        &self,
        catalogue: &CatalogueRecord,
        cells: &BTreeMap<String, QuestionCells>,
    ) -> Option<Vec<u8>> {
        let sha256 = catalogue.original_sha256.as_deref()?;
        let path = self.vault().ok()?.blob_path(sha256);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) if crate::package::hex(&Sha256::digest(&bytes)) == sha256 => bytes,
            Ok(_) => {
                tracing::warn!(path = %path.display(), "the kept catalogue workbook is damaged; the package holds the generated layout");
                return None;
            }
            Err(e) => {
                tracing::warn!(path = %path.display(), error = %e, "the kept catalogue workbook cannot be read; the package holds the generated layout");
                return None;
            }
        };
        let grid = match csmsdesk_workbook::read_catalogue_sheets(&bytes) {
            Ok(sheets) => sheets.catalogue,
            Err(e) => {
                tracing::warn!(error = %e, "the kept catalogue workbook does not read");
                return None;
            }
        };
        let places = fill_places(&grid)?;
        let mut texts = Vec::new();
        for (question, row) in &places.questions {
            let Some(c) = cells.get(question) else {
                continue;
            };
            // Every working column, empty ones too: what the user's copy held there before
            // it was imported is cleared, the workspace's state is what the package says.
            for (column, col) in &places.columns {
                texts.push(csmsdesk_workbook::CellText {
                    row: u32::try_from(*row).ok()?,
                    col: u32::try_from(*col).ok()?,
                    text: c.get(*column).unwrap_or_default(),
                });
            }
        }
        match csmsdesk_workbook::fill_workbook(&bytes, &grid.name, &texts) {
            Ok(filled) => {
                if !filled.skipped_formulas.is_empty() {
                    tracing::warn!(cells = ?filled.skipped_formulas, "cells holding formulas were left as they are");
                }
                Some(filled.bytes)
            }
            Err(e) => {
                tracing::warn!(error = %e, "the kept catalogue workbook could not be filled");
                None
            }
        }
    }

    /// The scope's self-assessment in the generated ENX column layout, findings and actions
    /// on a sheet of their own.
    fn generated_workbook(
        &self,
        readiness: &crate::Readiness,
        catalogue: &CatalogueRecord,
        tree: &csmsdesk_core::catalogue::Catalogue,
        cells: &BTreeMap<String, QuestionCells>,
        findings_rows: Vec<Vec<String>>,
    ) -> Result<Vec<u8>> {
        use csmsdesk_workbook::{CatalogueLayout, LayoutRow, Table};
        let text = |t: &str| (!t.is_empty()).then(|| fit_text(t));
        let mut rows = Vec::new();
        for chapter in &tree.chapters {
            rows.push(LayoutRow {
                is_title: Some("1".into()),
                p5112: Some("na".into()),
                vcs: Some(chapter.id.clone()),
                question: text(&chapter.title),
                ..LayoutRow::default()
            });
            for question in &chapter.questions {
                let empty = QuestionCells::default();
                let c = cells.get(&question.id).unwrap_or(&empty);
                rows.push(LayoutRow {
                    is_title: Some("2".into()),
                    p5112: text(&question.id_5112),
                    vcs: Some(question.id.clone()),
                    result: c.get(WorkingColumn::Result),
                    implementation: c.get(WorkingColumn::Implementation),
                    reference_documentation: c.get(WorkingColumn::Reference),
                    findings_description: c.get(WorkingColumn::Findings),
                    measures: c.get(WorkingColumn::Measures),
                    assessed: c.get(WorkingColumn::AssessmentDate),
                    completion: c.get(WorkingColumn::CompletionDate),
                    department: c.get(WorkingColumn::Department),
                    contact: c.get(WorkingColumn::Contact),
                    question: text(&question.text),
                    objective: text(&question.objective),
                    ..LayoutRow::default()
                });
                for r in &question.requirements {
                    rows.push(LayoutRow {
                        p5112: text(&r.id_5112),
                        // The workbook's own ID: a repeated one (`3.1.i-2` here) is written as
                        // the workbook has it.
                        vcs: Some(workbook_id(&r.id).to_owned()),
                        must: text(&r.must),
                        must_ref: text(&r.must_references),
                        should: text(&r.should),
                        should_ref: text(&r.should_references),
                        further: text(&r.further_information),
                        evidence: text(&r.possible_evidence),
                        ..LayoutRow::default()
                    });
                }
            }
        }
        let layout = CatalogueLayout {
            cover: csmsdesk_workbook::Cover {
                title: fit_text(&format!(
                    "{} {} – {}",
                    catalogue.name, catalogue.version, readiness.scope.name
                )),
                notice: concat!("Written by CSMS Desk ", env!("CARGO_PKG_VERSION"), ".").to_owned(),
            },
            history: Vec::new(),
            rows,
            tables: vec![Table {
                name: "Findings".into(),
                headers: FINDINGS_HEADERS.iter().map(|h| (*h).to_owned()).collect(),
                rows: findings_rows,
            }],
        };
        csmsdesk_workbook::write_catalogue_layout(&layout).map_err(|source| Error::Workbook {
            file: "workbook.xlsx".into(),
            source,
        })
    }
}

/// A requirement ID as the workbook writes it: without the suffix we give a repeated ID.
fn workbook_id(id: &str) -> &str {
    match id.rsplit_once('-') {
        Some((base, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => base,
        _ => id,
    }
}

#[cfg(test)]
mod tests;
