//! JSON shapes of audits, findings, corrective actions, labels, deadlines and label rules.

use csmsdesk_core::i18n::Lang;
use serde_json::{Value, json};

/// An audit's own fields.
pub fn audit(a: &csmsdesk_store::audit::AuditRecord) -> Value {
    json!({
        "id": a.id,
        "scope_id": a.scope_id,
        "kind": a.kind.as_str(),
        "provider": a.provider,
        "lead_auditor": a.lead_auditor,
        "opening_meeting": a.opening_meeting.map(|d| d.to_string()),
        "closing_meeting": a.closing_meeting.to_string(),
        "phases": {
            "organisation": a.phases[0].as_str(),
            "sampling": a.phases[1].as_str(),
            "sample-check": a.phases[2].as_str(),
        },
        "decision": a.decision,
        "decision_reason": a.decision_reason,
    })
}

pub fn finding(f: &csmsdesk_store::audit::FindingRecord) -> Value {
    json!({
        "id": f.id,
        "audit_id": f.audit_id,
        "question": f.question_id,
        "protection_object_id": f.protection_object_id,
        "type": f.kind.as_str(),
        "text": f.description,
    })
}

pub fn action(a: &csmsdesk_store::audit::ActionRecord) -> Value {
    json!({
        "id": a.id,
        "finding_id": a.finding_id,
        "text": a.description,
        "owner": a.owner,
        "department": a.department,
        "due": a.due.to_string(),
        "justification": a.justification,
        "status": a.status.as_str(),
        "evidence": a.evidence_ids,
    })
}

/// An audit with its results, overall result, findings and actions (`audit show`: `overall`).
pub fn audit_view(v: &crate::AuditView) -> Value {
    json!({
        "audit": audit(&v.audit),
        "id": v.audit.id,
        "scope": v.scope,
        "overall": v.overall.as_str(),
        "questions": v.questions.iter().map(|(id, applicable, r)| json!({
            "id": id,
            "applicable": applicable,
            "result": r.as_ref().map(|r| r.result.as_str()),
            "findings_description": r.as_ref().map(|r| r.findings_description.as_str()).unwrap_or_default(),
        })).collect::<Vec<_>>(),
        "findings": v.findings.iter().map(finding).collect::<Vec<_>>(),
        "actions": v.actions.iter().map(action).collect::<Vec<_>>(),
        "due_limits": {
            "free": v.due_limits.free.to_string(),
            "justified": v.due_limits.justified.to_string(),
            "max": v.due_limits.max.to_string(),
        },
    })
}

/// The labels of scopes as a flat list (`labels` in docs/CLI.md: `scope`, `objective`, `kind`,
/// `valid_from`, `expires`, `days_left`).
pub fn vcs_labels(list: &[crate::ScopeLabels], today: chrono::NaiveDate) -> Value {
    Value::Array(
        list.iter()
            .flat_map(|s| {
                s.outcome.labels.iter().map(move |l| {
                    let mut value = label(l, today);
                    value["scope"] = json!(s.scope.name);
                    value
                })
            })
            .collect(),
    )
}

/// One VCS label with its countdown on `today`.
pub(super) fn label(l: &csmsdesk_core::labels::Label, today: chrono::NaiveDate) -> Value {
    json!({
        "objective": l.objective.as_str(),
        "kind": l.kind.as_str(),
        "valid_from": l.valid_from.to_string(),
        "expires": l.expires.to_string(),
        "days_left": l.days_left(today),
    })
}

/// Per scope: its labels, what must happen next and the dates that matter (the dashboard's
/// countdown cards).
pub fn label_cards(list: &[crate::ScopeLabels], today: chrono::NaiveDate, lang: Lang) -> Value {
    Value::Array(
        list.iter()
            .map(|s| {
                json!({
                    "scope": s.scope.name,
                    "labels": s.outcome.labels.iter().map(|l| label(l, today)).collect::<Vec<_>>(),
                    "follow_up_due": s.outcome.follow_up_due.map(|d| d.to_string()),
                    "renewal_from": s.outcome.renewal_from.map(|d| d.to_string()),
                    "next_step": s.next_step.render(lang),
                })
            })
            .collect(),
    )
}

/// Deadlines (`deadlines` in docs/CLI.md: `kind`, `what`, `due`, `days_left`, `scope`).
pub fn deadlines(
    list: &[csmsdesk_core::deadlines::Deadline],
    today: chrono::NaiveDate,
    lang: Lang,
) -> Value {
    Value::Array(
        list.iter()
            .map(|d| json!({
                "kind": d.kind.as_str(),
                "kind_name": csmsdesk_core::i18n::Message::new(crate::kind_key(d.kind)).render(lang),
                "key": d.key,
                "what": d.what.render(lang),
                "due": d.due.to_string(),
                "days_left": d.days_left(today),
                "overdue": d.overdue(today),
                "countdown": csmsdesk_core::deadlines::countdown(d.days_left(today)).render(lang),
                "scope": d.scope,
                "owner": d.owner,
            }))
            .collect(),
    )
}

/// What a provider's filled workbook brings (or brought) to an audit.
pub fn provider_import(i: &crate::ProviderImport, lang: Lang) -> Value {
    json!({
        "file": i.file,
        "applied": i.applied,
        "results": i.results.iter().map(|(q, before, after, text)| json!({
            "question": q, "before": before.map(|r| r.as_str()), "after": after.as_str(),
            "findings_description": text,
        })).collect::<Vec<_>>(),
        "measures": i.measures.iter().map(|(q, text)| json!({ "question": q, "text": text })).collect::<Vec<_>>(),
        "skipped": i.skipped.iter().map(|(row, question, message)| json!({
            "row": row, "question": question, "message": message.render(lang),
        })).collect::<Vec<_>>(),
    })
}

/// The editable label and corrective-action rules, in months.
pub fn label_rules(r: &csmsdesk_core::labels::LabelRules) -> Value {
    json!({
        "labels.permanent_months": r.permanent_months,
        "labels.temporary_months": r.temporary_months,
        "labels.renewal_reminder_months": r.renewal_reminder_months,
        "actions.free_months": r.action_free_months,
        "actions.justified_months": r.action_justified_months,
        "actions.max_months": r.action_max_months,
    })
}
