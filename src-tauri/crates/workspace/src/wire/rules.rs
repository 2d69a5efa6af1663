//! The editable rules and the vocabulary the window uses instead of copies of core's lists.
//! The vocabulary is one document of lists read by the window only; it is built as a JSON
//! value (the one `json!` left outside tests) rather than mirrored field by field.

use serde_json::{Value, json};

use super::audit::label_rules;
use super::shell::Rules;

/// The rules in force (`rules show --json`, `rules_get`): the matrix, the label expiry
/// warning, the label and corrective-action months and the notification days.
pub fn rules(r: &crate::Rules) -> Rules {
    Rules {
        applicability_matrix: r.applicability_matrix.clone(),
        label_expiry_warning_days: r.label_expiry_warning_days,
        label_rules: Some(label_rules(&r.label_rules)),
        notify_days: r.notify_days,
    }
}

/// Core's lists, the limits of every editable rule and the rules in force (`vocabulary`):
/// the window holds no copy of any of them.
pub fn vocabulary(r: &crate::Rules) -> Value {
    use csmsdesk_core::audit::{ActionStatus, AuditKind, FindingKind, PHASES, PhaseState};
    use csmsdesk_core::deadlines::{DeadlineColumn, DeadlineKind};
    use csmsdesk_core::evidence::{Classification, EvidenceState, WORK_PRODUCTS};
    use csmsdesk_core::readiness::RequirementState;
    use csmsdesk_core::results::{OverallResult, QuestionResult};
    use csmsdesk_core::scope::{Objective, TISAX_LABEL_LEVELS, TISAX_LABELS};
    let mut months = r.label_rules;
    json!({
        "tisax_labels": TISAX_LABELS.as_slice(),
        // The level each label implies, in the same order: the form fills it in.
        "tisax_label_levels": TISAX_LABEL_LEVELS.as_slice(),
        "objectives": Objective::ALL.map(Objective::as_str),
        "work_products": WORK_PRODUCTS.as_slice(),
        "classifications": Classification::ALL.map(Classification::as_str),
        // Most urgent first: the order the evidence screens offer and sort them in.
        "evidence_states": EvidenceState::ALL.map(EvidenceState::as_str),
        "requirement_states": RequirementState::ALL.map(RequirementState::as_str),
        "audit_kinds": AuditKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
        "phases": PHASES.as_slice(),
        "phase_states": PhaseState::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        // An audit gives applicable questions a result; NA comes from the scope.
        "audit_results": QuestionResult::ALL
            .into_iter()
            .filter(|q| *q != QuestionResult::Na)
            .map(QuestionResult::as_str)
            .collect::<Vec<_>>(),
        "overall_results": OverallResult::ALL.map(OverallResult::as_str),
        "finding_types": FindingKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
        "action_statuses": ActionStatus::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "deadline_kinds": DeadlineKind::ALL.map(DeadlineKind::as_str),
        // The deadline table's columns, in order; each one sorts.
        "deadline_columns": DeadlineColumn::ALL.map(DeadlineColumn::as_str),
        "limits": {
            "label_expiry_warning_days": { "min": 0, "max": crate::MAX_WARNING_DAYS },
            "notify_days": { "min": 0, "max": crate::MAX_NOTIFY_DAYS },
            // The deadlines filter's look ahead.
            "within_days": { "min": 0, "max": crate::MAX_WITHIN_DAYS },
            "label_rules": crate::rules::RULE_KEYS.iter().map(|k| json!({
                "key": k.key,
                "min": 1,
                "max": k.max,
                "fixed": k.fixed,
                "months": *(k.field)(&mut months),
            })).collect::<Vec<_>>(),
        },
        "rules": serde_json::to_value(rules(r)).unwrap_or(Value::Null),
    })
}
