//! Wire shapes of readiness, the dashboard, evidence findings and the self-assessment.

use csmsdesk_core::i18n::Lang;
use csmsdesk_core::readiness::CoveredBy;
use serde::Serialize;

use super::scope::{Check, problems};

/// Requirements counted by state.
#[derive(Debug, Serialize)]
pub struct Tally {
    pub covered: usize,
    pub needs_review: usize,
    pub missing: usize,
    pub total: usize,
    pub readiness: f64,
}

pub(super) fn tally(t: &csmsdesk_core::readiness::Tally) -> Tally {
    Tally {
        covered: t.covered,
        needs_review: t.needs_review,
        missing: t.missing,
        total: t.total(),
        readiness: t.readiness(),
    }
}

/// A scope's readiness (`status` in docs/CLI.md: `readiness`, `requirements`, `predicted_result`,
/// `questions`).
#[derive(Debug, Serialize)]
pub struct Readiness {
    pub scope: String,
    pub on: String,
    pub readiness: f64,
    pub requirements: Tally,
    /// Of the covered requirements, how many only through evidence linked to their whole
    /// question (an auditor may ask for the requirement's own).
    pub covered_through_question: usize,
    pub predicted_result: &'static str,
    pub questions: Vec<QuestionReadiness>,
    pub requirement_states: Vec<RequirementState>,
    pub chapters: Vec<ChapterReadiness>,
    pub objectives: Vec<ObjectiveReadiness>,
}

#[derive(Debug, Serialize)]
pub struct QuestionReadiness {
    pub id: String,
    pub chapter: String,
    pub text: String,
    pub applicable: bool,
    pub state: &'static str,
    pub requirements: Tally,
    pub result: Option<&'static str>,
    pub implementation: String,
    pub reference_documentation: String,
}

#[derive(Debug, Serialize)]
pub struct ChapterReadiness {
    pub id: String,
    pub title: String,
    pub requirements: Tally,
}

#[derive(Debug, Serialize)]
pub struct ObjectiveReadiness {
    pub objective: &'static str,
    pub requirements: Tally,
}

pub fn readiness(r: &crate::Readiness) -> Readiness {
    Readiness {
        scope: r.scope.name.clone(),
        on: r.on.to_string(),
        readiness: r.tally.readiness(),
        requirements: tally(&r.tally),
        covered_through_question: r
            .requirements
            .iter()
            .filter(|q| q.covered_by == Some(CoveredBy::Question))
            .count(),
        predicted_result: r.predicted.as_str(),
        questions: r
            .questions
            .iter()
            .map(|q| QuestionReadiness {
                id: q.id.clone(),
                chapter: q.chapter_id.clone(),
                text: q.text.clone(),
                applicable: q.applicable,
                state: q.state.map_or("na", |s| s.as_str()),
                requirements: tally(&q.tally),
                result: q.assessment.result.map(|r| r.as_str()),
                implementation: q.assessment.implementation.clone(),
                reference_documentation: q.assessment.reference_documentation.clone(),
            })
            .collect(),
        requirement_states: r.requirements.iter().map(requirement).collect(),
        chapters: r
            .chapters
            .iter()
            .map(|c| ChapterReadiness {
                id: c.id.clone(),
                title: c.title.clone(),
                requirements: tally(&c.tally),
            })
            .collect(),
        objectives: r
            .objectives
            .iter()
            .map(|(o, t)| ObjectiveReadiness {
                objective: o.as_str(),
                requirements: tally(t),
            })
            .collect(),
    }
}

/// One requirement's state in a scope.
#[derive(Debug, Serialize)]
pub struct RequirementState {
    pub id: String,
    pub question: String,
    pub chapter: String,
    pub state: &'static str,
    pub must: bool,
    pub deviation: bool,
    pub linked: bool,
    pub current: bool,
    /// `own-evidence`, `deviation`, `question` (covered only through evidence linked to its
    /// whole question), or null when not covered.
    pub covered_by: Option<&'static str>,
}

pub(super) fn requirement(r: &crate::RequirementStatus) -> RequirementState {
    RequirementState {
        id: r.id.clone(),
        question: r.question_id.clone(),
        chapter: r.chapter_id.clone(),
        state: r.state.as_str(),
        must: r.has_must,
        deviation: r.deviation,
        linked: r.linked,
        current: r.current,
        covered_by: r.covered_by.map(CoveredBy::as_str),
    }
}

/// What the dashboard shows for one scope.
#[derive(Debug, Serialize)]
pub struct Dashboard {
    pub readiness: Readiness,
    pub check: Check,
    pub history: Vec<HistoryDay>,
    pub top_gaps: Vec<RequirementState>,
}

/// The readiness recorded on one day.
#[derive(Debug, Serialize)]
pub struct HistoryDay {
    pub day: String,
    pub requirements: Tally,
}

pub fn dashboard(d: &crate::Dashboard, lang: Lang) -> Dashboard {
    Dashboard {
        readiness: readiness(&d.readiness),
        check: problems(&d.problems, d.checked_on, lang),
        history: d
            .history
            .iter()
            .map(|(day, t)| HistoryDay {
                day: day.to_string(),
                requirements: tally(t),
            })
            .collect(),
        top_gaps: d.top_gaps.iter().map(requirement).collect(),
    }
}

/// Duplicate and orphaned evidence.
#[derive(Debug, Serialize)]
pub struct EvidenceFindings {
    pub duplicates: Vec<Vec<ItemTitle>>,
    pub orphans: Vec<ItemTitle>,
    /// How many orphans there are in all (`orphans` may be the first few).
    pub orphan_count: usize,
}

/// An evidence item by ID and title.
#[derive(Debug, Serialize)]
pub struct ItemTitle {
    pub id: i64,
    pub title: String,
}

pub fn evidence_findings(f: &crate::EvidenceFindings) -> EvidenceFindings {
    let item = |(id, title): &(i64, String)| ItemTitle {
        id: *id,
        title: title.clone(),
    };
    EvidenceFindings {
        duplicates: f
            .duplicates
            .iter()
            .map(|g| g.iter().map(item).collect())
            .collect(),
        orphans: f.orphans.iter().map(item).collect(),
        orphan_count: f.orphan_count,
    }
}

/// What a filled-workbook import changes (or changed).
#[derive(Debug, Serialize)]
pub struct AssessmentImport {
    pub file: String,
    pub applied: bool,
    pub changes: Vec<AssessmentChange>,
    pub skipped: Vec<SkippedRow>,
}

#[derive(Debug, Serialize)]
pub struct AssessmentChange {
    pub question: String,
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

/// A workbook row an import passed over, and why.
#[derive(Debug, Serialize)]
pub struct SkippedRow {
    pub row: usize,
    pub question: String,
    pub message: String,
}

pub(super) fn skipped(
    rows: &[(usize, String, csmsdesk_core::i18n::Message)],
    lang: Lang,
) -> Vec<SkippedRow> {
    rows.iter()
        .map(|(row, question, message)| SkippedRow {
            row: *row,
            question: question.clone(),
            message: message.render(lang),
        })
        .collect()
}

pub fn assessment_import(i: &crate::AssessmentImport, lang: Lang) -> AssessmentImport {
    AssessmentImport {
        file: i.file.clone(),
        applied: i.applied,
        changes: i
            .changes
            .iter()
            .map(|c| AssessmentChange {
                question: c.question_id.clone(),
                field: c.field,
                before: c.before.clone(),
                after: c.after.clone(),
            })
            .collect(),
        skipped: skipped(&i.skipped, lang),
    }
}

/// One question's stored self-assessment.
#[derive(Debug, Serialize)]
pub struct Assessment {
    pub question: String,
    pub result: Option<&'static str>,
    pub implementation: String,
    pub reference_documentation: String,
    pub updated_at: String,
}

pub fn assessment(a: &csmsdesk_store::assessment::AssessmentRecord) -> Assessment {
    Assessment {
        question: a.question_id.clone(),
        result: a.result.map(|r| r.as_str()),
        implementation: a.implementation.clone(),
        reference_documentation: a.reference_documentation.clone(),
        updated_at: a.updated_at.clone(),
    }
}
