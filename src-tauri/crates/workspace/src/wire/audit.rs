//! Wire shapes of audits, findings, corrective actions, labels, deadlines and label rules.

use csmsdesk_core::i18n::{Lang, Message};
use serde::Serialize;

/// An audit's own fields.
#[derive(Debug, Serialize)]
pub struct Audit {
    pub id: i64,
    pub scope_id: i64,
    pub kind: &'static str,
    pub provider: String,
    pub lead_auditor: String,
    pub opening_meeting: Option<String>,
    pub closing_meeting: String,
    pub phases: Phases,
    pub decision: bool,
    pub decision_reason: String,
    /// The revision the record is at (optimistic concurrency): a form sends it back with its
    /// change. Absent where the answer does not serve a form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<i64>,
}

/// The state of the initial audit's three phases.
#[derive(Debug, Serialize)]
pub struct Phases {
    pub organisation: &'static str,
    pub sampling: &'static str,
    #[serde(rename = "sample-check")]
    pub sample_check: &'static str,
}

pub fn audit(a: &csmsdesk_store::audit::AuditRecord) -> Audit {
    Audit {
        id: a.id,
        scope_id: a.scope_id,
        kind: a.kind.as_str(),
        provider: a.provider.clone(),
        lead_auditor: a.lead_auditor.clone(),
        opening_meeting: a.opening_meeting.map(|d| d.to_string()),
        closing_meeting: a.closing_meeting.to_string(),
        phases: Phases {
            organisation: a.phases[0].as_str(),
            sampling: a.phases[1].as_str(),
            sample_check: a.phases[2].as_str(),
        },
        decision: a.decision,
        decision_reason: a.decision_reason.clone(),
        revision: None,
    }
}

/// An audit finding.
#[derive(Debug, Serialize)]
pub struct Finding {
    pub id: i64,
    pub audit_id: i64,
    pub question: String,
    pub protection_object_id: Option<i64>,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub text: String,
    /// The revision the record is at (optimistic concurrency): a form sends it back with its
    /// change. Absent where the answer does not serve a form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<i64>,
}

pub fn finding(f: &csmsdesk_store::audit::FindingRecord) -> Finding {
    Finding {
        id: f.id,
        audit_id: f.audit_id,
        question: f.question_id.clone(),
        protection_object_id: f.protection_object_id,
        kind: f.kind.as_str(),
        text: f.description.clone(),
        revision: None,
    }
}

/// A corrective action.
#[derive(Debug, Serialize)]
pub struct Action {
    pub id: i64,
    pub finding_id: i64,
    pub text: String,
    pub owner: String,
    pub department: String,
    pub due: String,
    pub justification: String,
    pub status: &'static str,
    pub evidence: Vec<i64>,
    /// The revision the record is at (optimistic concurrency): a form sends it back with its
    /// change. Absent where the answer does not serve a form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<i64>,
}

pub fn action(a: &csmsdesk_store::audit::ActionRecord) -> Action {
    Action {
        id: a.id,
        finding_id: a.finding_id,
        text: a.description.clone(),
        owner: a.owner.clone(),
        department: a.department.clone(),
        due: a.due.to_string(),
        justification: a.justification.clone(),
        status: a.status.as_str(),
        evidence: a.evidence_ids.clone(),
        revision: None,
    }
}

/// A corrective action with its finding's audit and question (`actions` in docs/CLI.md).
#[derive(Debug, Serialize)]
pub struct ActionOfFinding {
    #[serde(flatten)]
    pub action: Action,
    pub audit_id: i64,
    pub question: String,
}

pub fn action_of_finding(
    a: &csmsdesk_store::audit::ActionRecord,
    f: &csmsdesk_store::audit::FindingRecord,
) -> ActionOfFinding {
    ActionOfFinding {
        action: action(a),
        audit_id: f.audit_id,
        question: f.question_id.clone(),
    }
}

/// A saved corrective action and the warnings about its due date.
#[derive(Debug, Serialize)]
pub struct ActionSaved {
    pub action: Action,
    pub warnings: Vec<String>,
}

pub fn action_saved(
    a: &csmsdesk_store::audit::ActionRecord,
    warnings: &[Message],
    lang: Lang,
) -> ActionSaved {
    ActionSaved {
        action: action(a),
        warnings: warnings.iter().map(|w| w.render(lang)).collect(),
    }
}

/// An audit as the audits table lists it: its fields, its scope's name and its overall
/// result (the app's `audit_list`; the findings and actions come with `audit_show`).
#[derive(Debug, Serialize)]
pub struct AuditSummary {
    pub audit: Audit,
    pub id: i64,
    pub scope: String,
    pub overall: &'static str,
}

pub fn audit_summary(
    a: &csmsdesk_store::audit::AuditRecord,
    scope: &str,
    overall: csmsdesk_core::results::OverallResult,
) -> AuditSummary {
    AuditSummary {
        audit: audit(a),
        id: a.id,
        scope: scope.to_owned(),
        overall: overall.as_str(),
    }
}

/// An audit with its results, overall result, findings and actions (`audit show`: `overall`).
#[derive(Debug, Serialize)]
pub struct AuditView {
    pub audit: Audit,
    pub id: i64,
    pub scope: String,
    pub overall: &'static str,
    pub questions: Vec<AuditQuestion>,
    pub findings: Vec<Finding>,
    pub actions: Vec<Action>,
    /// The title of every evidence item the actions name, by id.
    pub evidence: Vec<EvidenceTitle>,
    /// The last due dates of a corrective action under the rules in force.
    pub due_limits: DueLimits,
    /// A CAP audit's plan: the id of the initial audit whose corrective actions it confirms.
    pub plan_of: Option<i64>,
    /// Questions whose findings and result disagree, each saying which to change.
    pub disagreements: Vec<String>,
}

/// An evidence item's id and title.
#[derive(Debug, Serialize)]
pub struct EvidenceTitle {
    pub id: i64,
    pub title: String,
}

/// The last due dates of an audit's corrective actions (`free`, `justified`, `max`).
#[derive(Debug, Serialize)]
pub struct DueLimits {
    pub free: String,
    pub justified: String,
    pub max: String,
}

/// One question's result in an audit.
#[derive(Debug, Serialize)]
pub struct AuditQuestion {
    pub id: String,
    pub applicable: bool,
    pub result: Option<&'static str>,
    pub findings_description: String,
}

pub fn audit_view(v: &crate::AuditView, lang: Lang) -> AuditView {
    AuditView {
        audit: audit(&v.audit),
        id: v.audit.id,
        scope: v.scope.clone(),
        overall: v.overall.as_str(),
        questions: v
            .questions
            .iter()
            .map(|(id, applicable, r)| AuditQuestion {
                id: id.clone(),
                applicable: *applicable,
                result: r.as_ref().map(|r| r.result.as_str()),
                findings_description: r
                    .as_ref()
                    .map(|r| r.findings_description.clone())
                    .unwrap_or_default(),
            })
            .collect(),
        findings: v.findings.iter().map(finding).collect(),
        actions: v.actions.iter().map(action).collect(),
        evidence: v
            .evidence
            .iter()
            .map(|e| EvidenceTitle {
                id: e.id.0,
                title: e.name.clone(),
            })
            .collect(),
        due_limits: DueLimits {
            free: v.due_limits.free.to_string(),
            justified: v.due_limits.justified.to_string(),
            max: v.due_limits.max.to_string(),
        },
        plan_of: v.plan_of.map(|a| a.0),
        disagreements: v.disagreements.iter().map(|m| m.render(lang)).collect(),
    }
}

/// One VCS label with its countdown.
#[derive(Debug, Serialize)]
pub struct Label {
    pub objective: &'static str,
    pub kind: &'static str,
    pub valid_from: String,
    pub expires: String,
    pub days_left: i64,
}

/// A label with its scope's name (`labels` in docs/CLI.md: `scope`, `objective`, `kind`,
/// `valid_from`, `expires`, `days_left`).
#[derive(Debug, Serialize)]
pub struct ScopeLabel {
    pub scope: String,
    #[serde(flatten)]
    pub label: Label,
}

/// The labels of scopes as a flat list.
pub fn vcs_labels(list: &[crate::ScopeLabels], today: chrono::NaiveDate) -> Vec<ScopeLabel> {
    list.iter()
        .flat_map(|s| {
            s.outcome.labels.iter().map(move |l| ScopeLabel {
                scope: s.scope.name.clone(),
                label: label(l, today),
            })
        })
        .collect()
}

/// One VCS label with its countdown on `today`.
pub(super) fn label(l: &csmsdesk_core::labels::Label, today: chrono::NaiveDate) -> Label {
    Label {
        objective: l.objective.as_str(),
        kind: l.kind.as_str(),
        valid_from: l.valid_from.to_string(),
        expires: l.expires.to_string(),
        days_left: l.days_left(today),
    }
}

/// Per scope: its labels, what must happen next and the dates that matter (the dashboard's
/// countdown cards).
#[derive(Debug, Serialize)]
pub struct LabelCard {
    pub scope: String,
    pub labels: Vec<Label>,
    pub follow_up_due: Option<String>,
    pub renewal_from: Option<String>,
    pub next_step: String,
}

pub fn label_cards(
    list: &[crate::ScopeLabels],
    today: chrono::NaiveDate,
    lang: Lang,
) -> Vec<LabelCard> {
    list.iter()
        .map(|s| LabelCard {
            scope: s.scope.name.clone(),
            labels: s.outcome.labels.iter().map(|l| label(l, today)).collect(),
            follow_up_due: s.outcome.follow_up_due.map(|d| d.to_string()),
            renewal_from: s.outcome.renewal_from.map(|d| d.to_string()),
            next_step: s.next_step.render(lang),
        })
        .collect()
}

/// A deadline (`deadlines` in docs/CLI.md: `kind`, `what`, `due`, `days_left`, `scope`).
#[derive(Debug, Serialize)]
pub struct Deadline {
    pub kind: &'static str,
    pub kind_name: String,
    pub key: String,
    pub what: String,
    pub due: String,
    pub days_left: i64,
    pub overdue: bool,
    pub countdown: String,
    pub scope: Option<String>,
    pub owner: Option<String>,
}

pub fn deadlines(
    list: &[csmsdesk_core::deadlines::Deadline],
    today: chrono::NaiveDate,
    lang: Lang,
) -> Vec<Deadline> {
    list.iter()
        .map(|d| Deadline {
            kind: d.kind.as_str(),
            kind_name: Message::new(crate::kind_key(d.kind)).render(lang),
            key: d.key.clone(),
            what: d.what.render(lang),
            due: d.due.to_string(),
            days_left: d.days_left(today),
            overdue: d.overdue(today),
            countdown: csmsdesk_core::deadlines::countdown(d.days_left(today)).render(lang),
            scope: d.scope.clone(),
            owner: d.owner.clone(),
        })
        .collect()
}

/// One page of deadlines with the counts of all that the filter keeps (the app's
/// `deadlines_page`; `deadlines` with a sort or paging flag in docs/CLI.md).
#[derive(Debug, Serialize)]
pub struct DeadlinePage {
    pub deadlines: Vec<Deadline>,
    pub total: u64,
    pub overdue: u64,
    /// Not overdue, but due within `soon_days` (the label expiry warning).
    pub soon: u64,
    pub soon_days: i64,
    pub offset: u64,
    pub limit: Option<u64>,
    pub sort: &'static str,
    pub direction: &'static str,
}

pub fn deadline_page(
    page: &crate::DeadlinePage,
    today: chrono::NaiveDate,
    lang: Lang,
) -> DeadlinePage {
    DeadlinePage {
        deadlines: deadlines(&page.deadlines, today, lang),
        total: page.total,
        overdue: page.overdue,
        soon: page.soon,
        soon_days: page.soon_days,
        offset: page.offset,
        limit: page.limit,
        sort: page.sort.as_str(),
        direction: page.direction.as_str(),
    }
}

/// What a provider's filled workbook brings (or brought) to an audit.
#[derive(Debug, Serialize)]
pub struct ProviderImport {
    pub file: String,
    pub applied: bool,
    pub results: Vec<ProviderResult>,
    pub measures: Vec<Measure>,
    pub skipped: Vec<super::SkippedRow>,
}

/// A question's result before and after a provider import.
#[derive(Debug, Serialize)]
pub struct ProviderResult {
    pub question: String,
    pub before: Option<&'static str>,
    pub after: &'static str,
    pub findings_description: String,
}

/// A measure the provider recorded for a question.
#[derive(Debug, Serialize)]
pub struct Measure {
    pub question: String,
    pub text: String,
}

pub fn provider_import(i: &crate::ProviderImport, lang: Lang) -> ProviderImport {
    ProviderImport {
        file: i.file.clone(),
        applied: i.applied,
        results: i
            .results
            .iter()
            .map(|(q, before, after, text)| ProviderResult {
                question: q.clone(),
                before: before.map(|r| r.as_str()),
                after: after.as_str(),
                findings_description: text.clone(),
            })
            .collect(),
        measures: i
            .measures
            .iter()
            .map(|(q, text)| Measure {
                question: q.clone(),
                text: text.clone(),
            })
            .collect(),
        skipped: super::readiness::skipped(&i.skipped, lang),
    }
}

/// The editable label and corrective-action rules, in months, keyed by setting name.
#[derive(Debug, Serialize)]
pub struct LabelRules {
    #[serde(rename = "labels.permanent_months")]
    pub permanent_months: u32,
    #[serde(rename = "labels.temporary_months")]
    pub temporary_months: u32,
    #[serde(rename = "labels.renewal_reminder_months")]
    pub renewal_reminder_months: u32,
    #[serde(rename = "actions.free_months")]
    pub action_free_months: u32,
    #[serde(rename = "actions.justified_months")]
    pub action_justified_months: u32,
    #[serde(rename = "actions.max_months")]
    pub action_max_months: u32,
}

pub fn label_rules(r: &csmsdesk_core::labels::LabelRules) -> LabelRules {
    LabelRules {
        permanent_months: r.permanent_months,
        temporary_months: r.temporary_months,
        renewal_reminder_months: r.renewal_reminder_months,
        action_free_months: r.action_free_months,
        action_justified_months: r.action_justified_months,
        action_max_months: r.action_max_months,
    }
}
