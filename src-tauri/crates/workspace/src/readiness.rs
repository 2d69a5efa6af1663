//! Readiness of a scope (which applicable requirements are covered, need review or miss
//! evidence), the self-assessment per control question with its predicted overall result,
//! the daily readiness record, and what the dashboard shows.

use crate::ScopeId;
use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use csmsdesk_core::catalogue::CATALOGUE_SHEET;
use csmsdesk_core::evidence::EvidenceState;
use csmsdesk_core::i18n::Message;
use csmsdesk_core::readiness::{
    CoveredBy, Gap, RequirementFacts, RequirementState, Tally, covered_by, rank_gaps,
    requirement_state,
};
use csmsdesk_core::results::{OverallResult, QuestionResult, overall_result};
use csmsdesk_core::scope::{Objective, Prerequisite};
use csmsdesk_store::assessment::{self as table, AssessmentRecord};
use csmsdesk_store::evidence::{self as evidence_table, TargetEvidence};

use crate::catalogue::read_filled_workbook;
use crate::workspace::timestamp;
use crate::{Result, ScopeRecord, Workspace};

/// How many gaps the dashboard lists.
pub const TOP_GAPS: usize = 10;

/// One applicable requirement of a scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequirementStatus {
    pub id: String,
    pub question_id: String,
    pub chapter_id: String,
    pub has_must: bool,
    pub deviation: bool,
    pub state: RequirementState,
    /// Some evidence is linked to it (directly or through its question), and some of that
    /// is current.
    pub linked: bool,
    pub current: bool,
    /// What covers it, when it is covered: only its question's evidence is worth saying.
    pub covered_by: Option<CoveredBy>,
}

/// One control question of a scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionStatus {
    pub id: String,
    pub chapter_id: String,
    pub text: String,
    pub applicable: bool,
    /// The worst state of its requirements; `None` when not applicable.
    pub state: Option<RequirementState>,
    pub tally: Tally,
    pub assessment: AssessmentRecord,
}

/// A chapter's readiness.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChapterStatus {
    pub id: String,
    pub title: String,
    pub tally: Tally,
}

/// A scope's readiness on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct Readiness {
    pub scope: ScopeRecord,
    pub on: NaiveDate,
    pub tally: Tally,
    pub questions: Vec<QuestionStatus>,
    /// The applicable requirements, in catalogue order.
    pub requirements: Vec<RequirementStatus>,
    /// Chapters with at least one applicable question.
    pub chapters: Vec<ChapterStatus>,
    pub objectives: Vec<(Objective, Tally)>,
    /// The overall result the self-assessment adds up to.
    pub predicted: OverallResult,
}

/// What the dashboard shows for one scope.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub readiness: Readiness,
    pub problems: Vec<Prerequisite>,
    pub checked_on: NaiveDate,
    pub history: Vec<(NaiveDate, Tally)>,
    /// The heaviest gaps first (core's `rank_gaps`: must before should, missing before
    /// needing review, the question with most missing first); at most [`TOP_GAPS`].
    pub top_gaps: Vec<RequirementStatus>,
}

/// What the vault holds that deserves a look, across scopes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceFindings {
    /// Items whose newest content is the same, as (id, title) groups.
    pub duplicates: Vec<Vec<(i64, String)>>,
    /// Items linked to nothing (the first ones, when a limit was asked for).
    pub orphans: Vec<(i64, String)>,
    /// How many items are linked to nothing in all.
    pub orphan_count: usize,
}

/// One value a filled-workbook import changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentChange {
    pub question_id: String,
    /// `result`, `implementation` or `reference_documentation`.
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

/// What importing a filled workbook into a scope does (or did).
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentImport {
    pub file: String,
    pub changes: Vec<AssessmentChange>,
    /// Rows left alone, with why (spreadsheet row, question, message).
    pub skipped: Vec<(usize, String, Message)>,
    pub applied: bool,
}

/// Why a result does not fit a question's applicability, if it does not.
fn result_problem(question: &str, applicable: bool, result: QuestionResult) -> Option<Message> {
    match (applicable, result) {
        (true, QuestionResult::Na) => {
            Some(Message::new("assess.na_needs_applicability").arg("question", question))
        }
        (false, r) if r != QuestionResult::Na => {
            Some(Message::new("assess.not_applicable").arg("question", question))
        }
        _ => None,
    }
}

impl Workspace {
    /// The readiness of `scope` on `today`.
    pub fn readiness(&self, scope: ScopeId, today: NaiveDate) -> Result<Readiness> {
        let record = self.scope(scope)?;
        self.readiness_of(record, today)
    }

    fn readiness_of(&self, record: ScopeRecord, today: NaiveDate) -> Result<Readiness> {
        let questions = self.scope_questions(&record)?;
        let assessments = table::list(self.db.conn(), record.id)?;
        let Some(catalogue_id) = record.catalogue_id else {
            return Ok(Readiness {
                scope: record,
                on: today,
                tally: Tally::default(),
                questions: Vec::new(),
                requirements: Vec::new(),
                chapters: Vec::new(),
                objectives: Vec::new(),
                predicted: OverallResult::Incomplete,
            });
        };
        let (_, tree) = self.catalogue(Some(catalogue_id))?;
        let matrix = self.matrix()?;
        // Per target (every question and requirement): is any linked evidence current, is
        // any linked at all. The rule that decides "current" is core's `evidence_state`; the
        // store answers it for the facts core calls current (a test keeps the two in step).
        let targets: Vec<&str> = tree
            .chapters
            .iter()
            .flat_map(|c| &c.questions)
            .flat_map(|q| {
                std::iter::once(q.id.as_str()).chain(q.requirements.iter().map(|r| r.id.as_str()))
            })
            .collect();
        let found = evidence_table::target_evidence(
            self.db.conn(),
            catalogue_id,
            record.id,
            today,
            &targets,
        )?;
        let by_target: BTreeMap<&str, TargetEvidence> = targets.into_iter().zip(found).collect();
        let none = TargetEvidence::default();
        let mut statuses = Vec::new();
        let mut requirements = Vec::new();
        let mut chapters = Vec::new();
        let mut objectives: Vec<(Objective, Tally)> = record
            .objectives
            .iter()
            .map(|o| (*o, Tally::default()))
            .collect();
        let mut tally = Tally::default();
        let mut scope_questions = questions.iter();
        for chapter in &tree.chapters {
            let mut chapter_tally = Tally::default();
            let mut any_applicable = false;
            for question in &chapter.questions {
                let Some(sq) = scope_questions.next() else {
                    break;
                };
                let applicable = sq.applicability.applicable;
                let deviations: BTreeMap<&str, bool> = sq
                    .should_requirements
                    .iter()
                    .map(|(id, deviation)| (id.as_str(), deviation.is_some()))
                    .collect();
                let question_evidence = by_target.get(question.id.as_str()).unwrap_or(&none);
                // A question without requirement rows is its own single requirement.
                let rows: Vec<(&str, bool)> = if question.requirements.is_empty() {
                    vec![(question.id.as_str(), true)]
                } else {
                    question
                        .requirements
                        .iter()
                        .map(|r| (r.id.as_str(), !r.must.is_empty()))
                        .collect()
                };
                let mut question_tally = Tally::default();
                if applicable {
                    any_applicable = true;
                    for (id, has_must) in rows {
                        let own = if id == question.id {
                            &none
                        } else {
                            by_target.get(id).unwrap_or(&none)
                        };
                        let states = evidence_states(own, question_evidence);
                        let deviation = deviations.get(id).copied().unwrap_or(false);
                        let state = requirement_state(RequirementFacts {
                            has_must,
                            deviation,
                            evidence: &states,
                        });
                        question_tally.add(state);
                        requirements.push(RequirementStatus {
                            id: id.to_owned(),
                            question_id: question.id.clone(),
                            chapter_id: chapter.id.clone(),
                            has_must,
                            deviation,
                            state,
                            linked: own.linked || question_evidence.linked,
                            current: own.current || question_evidence.current,
                            covered_by: covered_by(
                                own.current,
                                question_evidence.current,
                                deviation,
                                has_must,
                            ),
                        });
                    }
                    for (objective, objective_tally) in &mut objectives {
                        if matrix.applies(&[*objective], &chapter.id, &question.id) {
                            add_tally(objective_tally, question_tally);
                        }
                    }
                    add_tally(&mut chapter_tally, question_tally);
                }
                statuses.push(QuestionStatus {
                    id: question.id.clone(),
                    chapter_id: chapter.id.clone(),
                    text: question.text.clone(),
                    applicable,
                    state: applicable.then(|| question_tally.worst()),
                    tally: question_tally,
                    assessment: assessments.get(&question.id).cloned().unwrap_or_else(|| {
                        AssessmentRecord {
                            question_id: question.id.clone(),
                            ..AssessmentRecord::default()
                        }
                    }),
                });
            }
            if any_applicable {
                add_tally(&mut tally, chapter_tally);
                chapters.push(ChapterStatus {
                    id: chapter.id.clone(),
                    title: chapter.title.clone(),
                    tally: chapter_tally,
                });
            }
        }
        let predicted =
            overall_result(statuses.iter().map(|q| (q.applicable, q.assessment.result)));
        Ok(Readiness {
            scope: record,
            on: today,
            tally,
            questions: statuses,
            requirements,
            chapters,
            objectives,
            predicted,
        })
    }

    /// What the dashboard shows for `scope` on `today`; records today's readiness for the
    /// trend first.
    pub fn dashboard(&mut self, scope: ScopeId, today: NaiveDate) -> Result<Dashboard> {
        let view = self.scope_view(scope, None, today)?;
        let readiness = self.readiness_of(view.scope.clone(), today)?;
        // A read-only look at the workspace leaves the trend to the process that holds it.
        if !self.is_read_only() {
            table::record_readiness(self.db.conn(), readiness.scope.id, today, readiness.tally)?;
        }
        let history = table::readiness_history(self.db.conn(), readiness.scope.id)?;
        let missing_per_question = readiness
            .questions
            .iter()
            .map(|q| (q.id.as_str(), q.tally.missing));
        let missing_per_question: BTreeMap<&str, usize> = missing_per_question.collect();
        let gaps: Vec<Gap> = readiness
            .requirements
            .iter()
            .map(|r| Gap {
                state: r.state,
                has_must: r.has_must,
                question_missing: missing_per_question
                    .get(r.question_id.as_str())
                    .copied()
                    .unwrap_or(0),
            })
            .collect();
        let mut top_gaps: Vec<RequirementStatus> = rank_gaps(&gaps)
            .into_iter()
            .map(|i| readiness.requirements[i].clone())
            .collect();
        top_gaps.truncate(TOP_GAPS);
        Ok(Dashboard {
            readiness,
            problems: view.problems,
            checked_on: view.checked_on,
            history,
            top_gaps,
        })
    }

    /// Records every scope's readiness for `today` (the trend's data point; once a day is
    /// enough, later calls replace that day's value).
    pub fn record_readiness(&mut self, today: NaiveDate) -> Result<()> {
        if self.is_read_only() {
            return Ok(());
        }
        for scope in self.scopes()? {
            let id = scope.id;
            let readiness = self.readiness_of(scope, today)?;
            table::record_readiness(self.db.conn(), id, today, readiness.tally)?;
        }
        Ok(())
    }

    /// Duplicate and orphaned evidence items, each found by one query (no item or link list
    /// is read): every duplicate group, and the orphans counted with the first
    /// `orphans_shown` of them (all with `None`).
    pub fn evidence_findings(&self, orphans_shown: Option<usize>) -> Result<EvidenceFindings> {
        let (orphan_count, orphans) = evidence_table::orphans(self.db.conn(), orphans_shown)?;
        Ok(EvidenceFindings {
            duplicates: evidence_table::duplicate_groups(self.db.conn())?,
            orphans,
            orphan_count,
        })
    }

    /// What importing the filled workbook at `path` into `scope` would change; with `apply`,
    /// also changes it (in one transaction). Non-empty cells replace our values; empty cells
    /// never erase anything. Rows that do not fit the scope are skipped, each with why.
    pub fn import_assessment(
        &mut self,
        scope: ScopeId,
        path: &Path,
        apply: bool,
        now: DateTime<Utc>,
    ) -> Result<AssessmentImport> {
        let record = self.scope(scope)?;
        let (file, filled) = read_filled_workbook(path)?;
        let questions = self.scope_questions(&record)?;
        let mut current = table::list(self.db.conn(), record.id)?;
        let mut changes = Vec::new();
        let mut skipped = Vec::new();
        let mut updated = Vec::new();
        for row in filled {
            let Some(sq) = questions
                .iter()
                .find(|q| q.applicability.question_id == row.question_id)
            else {
                let message = Message::new("assess.unknown_question")
                    .arg("question", &row.question_id)
                    .arg("sheet", CATALOGUE_SHEET);
                skipped.push((row.row, row.question_id.clone(), message));
                continue;
            };
            let mut saved = current
                .remove(&row.question_id)
                .unwrap_or_else(|| AssessmentRecord {
                    question_id: row.question_id.clone(),
                    ..AssessmentRecord::default()
                });
            let mut changed = false;
            if let Some(Some(result)) = row.result {
                if let Some(problem) =
                    result_problem(&row.question_id, sq.applicability.applicable, result)
                {
                    skipped.push((row.row, row.question_id.clone(), problem));
                    continue;
                }
                if saved.result != Some(result) {
                    changes.push(AssessmentChange {
                        question_id: row.question_id.clone(),
                        field: "result",
                        before: saved
                            .result
                            .map(|r| r.as_str().to_owned())
                            .unwrap_or_default(),
                        after: result.as_str().to_owned(),
                    });
                    saved.result = Some(result);
                    changed = true;
                }
            }
            for (field, value, target) in [
                (
                    "implementation",
                    &row.implementation,
                    &mut saved.implementation,
                ),
                (
                    "reference_documentation",
                    &row.reference_documentation,
                    &mut saved.reference_documentation,
                ),
            ] {
                if let Some(value) = value.as_ref().filter(|v| !v.is_empty() && *v != target) {
                    changes.push(AssessmentChange {
                        question_id: row.question_id.clone(),
                        field,
                        before: target.clone(),
                        after: value.clone(),
                    });
                    *target = value.clone();
                    changed = true;
                }
            }
            if changed {
                saved.updated_at = timestamp(now);
                updated.push(saved);
            }
        }
        if apply {
            self.db.write(|tx| {
                for saved in &updated {
                    table::save(tx, record.id, saved)?;
                }
                Ok(())
            })?;
            tracing::info!(
                scope = record.id,
                changes = changes.len(),
                "imported self-assessment"
            );
        }
        Ok(AssessmentImport {
            file,
            changes,
            skipped,
            applied: apply,
        })
    }
}

/// The evidence states the requirement rule needs: one current item stands for all current
/// ones; linked evidence that is not current stands as stale (which kind does not change the
/// requirement's state).
fn evidence_states(own: &TargetEvidence, question: &TargetEvidence) -> Vec<EvidenceState> {
    let mut states = Vec::new();
    if own.current || question.current {
        states.push(EvidenceState::Current);
    }
    if own.linked || question.linked {
        states.push(EvidenceState::Changed);
    }
    states
}

fn add_tally(total: &mut Tally, part: Tally) {
    total.covered += part.covered;
    total.needs_review += part.needs_review;
    total.missing += part.missing;
}

mod assess;
#[cfg(test)]
mod assess_tests;
pub use assess::AssessInput;

#[cfg(test)]
mod tests;
