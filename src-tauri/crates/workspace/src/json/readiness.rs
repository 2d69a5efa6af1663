//! JSON shapes of readiness, the dashboard, evidence findings and the self-assessment.

use csmsdesk_core::i18n::Lang;
use serde_json::{Value, json};

use super::scope::problems;

pub(super) fn tally(t: &csmsdesk_core::readiness::Tally) -> Value {
    json!({
        "covered": t.covered,
        "needs_review": t.needs_review,
        "missing": t.missing,
        "total": t.total(),
        "readiness": t.readiness(),
    })
}

/// A scope's readiness (`status` in docs/CLI.md: `readiness`, `requirements`, `predicted_result`,
/// `questions`).
pub fn readiness(r: &crate::Readiness) -> Value {
    json!({
        "scope": r.scope.name,
        "on": r.on.to_string(),
        "readiness": r.tally.readiness(),
        "requirements": tally(&r.tally),
        "predicted_result": r.predicted.as_str(),
        "questions": r.questions.iter().map(|q| json!({
            "id": q.id,
            "chapter": q.chapter_id,
            "text": q.text,
            "applicable": q.applicable,
            "state": q.state.map_or("na", |s| s.as_str()),
            "requirements": tally(&q.tally),
            "result": q.assessment.result.map(|r| r.as_str()),
            "implementation": q.assessment.implementation,
            "reference_documentation": q.assessment.reference_documentation,
        })).collect::<Vec<_>>(),
        "requirement_states": r.requirements.iter().map(requirement).collect::<Vec<_>>(),
        "chapters": r.chapters.iter().map(|c| json!({
            "id": c.id, "title": c.title, "requirements": tally(&c.tally),
        })).collect::<Vec<_>>(),
        "objectives": r.objectives.iter().map(|(o, t)| json!({
            "objective": o.as_str(), "requirements": tally(t),
        })).collect::<Vec<_>>(),
    })
}

pub(super) fn requirement(r: &crate::RequirementStatus) -> Value {
    json!({
        "id": r.id,
        "question": r.question_id,
        "chapter": r.chapter_id,
        "state": r.state.as_str(),
        "must": r.has_must,
        "deviation": r.deviation,
        "linked": r.linked,
        "current": r.current,
    })
}

/// What the dashboard shows for one scope.
pub fn dashboard(d: &crate::Dashboard, lang: Lang) -> Value {
    json!({
        "readiness": readiness(&d.readiness),
        "check": problems(&d.problems, d.checked_on, lang),
        "history": d.history.iter().map(|(day, t)| json!({
            "day": day.to_string(), "requirements": tally(t),
        })).collect::<Vec<_>>(),
        "top_gaps": d.top_gaps.iter().map(requirement).collect::<Vec<_>>(),
    })
}

/// Duplicate and orphaned evidence.
pub fn evidence_findings(f: &crate::EvidenceFindings) -> Value {
    let item = |(id, title): &(i64, String)| json!({ "id": id, "title": title });
    json!({
        "duplicates": f.duplicates.iter().map(|g| g.iter().map(item).collect::<Vec<_>>()).collect::<Vec<_>>(),
        "orphans": f.orphans.iter().map(item).collect::<Vec<_>>(),
    })
}

/// What a filled-workbook import changes (or changed).
pub fn assessment_import(i: &crate::AssessmentImport, lang: Lang) -> Value {
    json!({
        "file": i.file,
        "applied": i.applied,
        "changes": i.changes.iter().map(|c| json!({
            "question": c.question_id, "field": c.field, "before": c.before, "after": c.after,
        })).collect::<Vec<_>>(),
        "skipped": i.skipped.iter().map(|(row, question, message)| json!({
            "row": row, "question": question, "message": message.render(lang),
        })).collect::<Vec<_>>(),
    })
}

/// One question's stored self-assessment.
pub fn assessment(a: &csmsdesk_store::assessment::AssessmentRecord) -> Value {
    json!({
        "question": a.question_id,
        "result": a.result.map(|r| r.as_str()),
        "implementation": a.implementation,
        "reference_documentation": a.reference_documentation,
        "updated_at": a.updated_at,
    })
}
