//! JSON shapes of locations, scopes with their check, protection objects and sampling.

use csmsdesk_core::i18n::Lang;
use serde_json::{Value, json};

pub(super) fn labels(labels: &[csmsdesk_core::scope::TisaxLabel]) -> Vec<Value> {
    labels
        .iter()
        .map(|l| json!({ "label": l.label, "level": l.level, "expires": l.expires.to_string() }))
        .collect()
}

/// A location with its labels.
pub fn location(l: &crate::LocationRecord) -> Value {
    json!({
        "id": l.id,
        "name": l.name,
        "address": l.address,
        "tisax_scope_id": l.tisax_scope_id.as_ref().map(ToString::to_string),
        "cs_activities": l.cs_activities,
        "notes": l.notes,
        "labels": labels(&l.labels),
    })
}

/// A scope with its applicability table and prerequisite check, messages in `lang`
/// (`scope list` uses `name`, `objectives`, `locations`, `applicable_questions`).
pub fn scope_view(view: &crate::ScopeView, lang: Lang) -> Value {
    let s = &view.scope;
    json!({
        "id": s.id,
        "name": s.name,
        "enx_scope_id": s.enx_scope_id.as_ref().map(ToString::to_string),
        "catalogue_id": s.catalogue_id,
        "planned_audit_date": s.planned_audit_date.map(|d| d.to_string()),
        "audit_provider": s.audit_provider,
        "objectives": s.objectives.iter().map(|o| o.as_str()).collect::<Vec<_>>(),
        "locations": view.locations.iter().map(|l| l.name.clone()).collect::<Vec<_>>(),
        "applicable_questions": view.applicable_questions(),
        "applicable_requirements": view.applicable_requirements(),
        "questions": view.questions.iter().map(|q| json!({
            "id": q.applicability.question_id,
            "chapter": q.chapter_id,
            "text": q.text,
            "by_default": q.applicability.by_default,
            "applicable": q.applicability.applicable,
            "overridden": q.applicability.overridden.is_some(),
            "justification": q.applicability.overridden.as_ref().map(|(_, j)| j.clone()).unwrap_or_default(),
            "requirements": q.requirements,
            "should_requirements": q.should_requirements.iter().map(|(id, deviation)| json!({
                "id": id,
                "deviation": deviation,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "check": check(view, lang),
    })
}

/// The prerequisite check: `ok` unless an error-severity problem was found.
pub fn check(view: &crate::ScopeView, lang: Lang) -> Value {
    problems(&view.problems, view.checked_on, lang)
}

/// A prerequisite check's outcome: `ok`, `checked_on`, `problems`.
pub(super) fn problems(
    problems: &[csmsdesk_core::scope::Prerequisite],
    checked_on: chrono::NaiveDate,
    lang: Lang,
) -> Value {
    use csmsdesk_core::scope::Severity;
    json!({
        "ok": problems.iter().all(|p| p.severity() != Severity::Error),
        "checked_on": checked_on.to_string(),
        "problems": problems.iter().map(|p| json!({
            "code": p.code(),
            "severity": match p.severity() { Severity::Error => "error", Severity::Warning => "warning" },
            "message": p.message().render(lang),
        })).collect::<Vec<_>>(),
    })
}

/// A protection object.
pub fn protection_object(
    p: &crate::ProtectionObjectRecord,
    location_names: &[(i64, String)],
) -> Value {
    json!({
        "id": p.id,
        "name": p.name,
        "item": p.item,
        "customer": p.customer,
        "partner_participant_id": p.partner_participant_id.as_ref().map(ToString::to_string),
        "confidentiality": p.confidentiality,
        "integrity": p.integrity,
        "availability": p.availability,
        "lifecycle_phases": p.lifecycle_phases,
        "objectives": p.objectives.iter().map(|o| o.as_str()).collect::<Vec<_>>(),
        "locations": p.location_ids.iter()
            .filter_map(|id| location_names.iter().find(|(l, _)| l == id).map(|(_, n)| n.clone()))
            .collect::<Vec<_>>(),
    })
}

/// The sampling per objective.
pub fn sampling(rows: &[crate::Sampling]) -> Value {
    Value::Array(
        rows.iter()
            .map(|s| {
                json!({
                    "objective": s.objective.as_str(),
                    "population": s.population,
                    "suggested": s.suggested,
                    "chosen": s.chosen,
                })
            })
            .collect(),
    )
}
