//! The audit lifecycle: audits of a scope and their results, findings and corrective actions,
//! the labels they earn, the provider's filled workbook, and the label rules.
//!
//! The input and view types and the provider's workbook import are here; `audits` (audits and
//! the audit view), `results` (results per question, many in one transaction), `findings`
//! (findings and corrective actions, their checks, changing and removing them), `lists` (a
//! page of actions across audits), `labels` and `rules` (the label rules) hold the rest.

use std::path::Path;

use chrono::NaiveDate;

use csmsdesk_core::audit::{ActionStatus, FindingKind};
use csmsdesk_core::i18n::Message;
use csmsdesk_core::labels::{LabelOutcome, add_months};
use csmsdesk_core::results::{OverallResult, QuestionResult};
use csmsdesk_store::audit::{
    self as table, ActionRecord, AuditRecord, FindingRecord, ResultRecord,
};

use crate::catalogue::read_filled_workbook;
use crate::{AuditId, EvidenceId, FindingId, Named, Result, ScopeId, ScopeRecord, Workspace};

mod audits;
mod findings;
mod labels;
mod lists;
mod results;
mod rules;

pub use findings::{ActionVerdict, FindingInput};
pub use lists::{ActionPage, ActionPageInput, FindingPage, FindingPageInput};
pub use results::ResultInput;

/// An audit as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct AuditInput {
    pub scope: ScopeId,
    /// `initial`, `cap`, `follow-up`.
    pub kind: String,
    pub provider: String,
    pub lead_auditor: String,
    /// `YYYY-MM-DD` or empty.
    pub opening_meeting: String,
    pub closing_meeting: String,
}

/// A corrective action as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct ActionInput {
    /// The scope the user works in, when they name one: the finding must belong to it.
    pub scope: Option<ScopeId>,
    pub finding: FindingId,
    pub description: String,
    pub owner: String,
    pub department: String,
    pub due: String,
    pub justification: String,
    pub evidence: Vec<EvidenceId>,
}

/// An audit with what the audit screen and `audit show` need.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditView {
    pub audit: AuditRecord,
    pub scope: String,
    /// Every control question of the scope's catalogue: (id, applicable, result).
    pub questions: Vec<(String, bool, Option<ResultRecord>)>,
    pub overall: OverallResult,
    pub findings: Vec<FindingRecord>,
    pub actions: Vec<ActionRecord>,
    /// The id and title of every evidence item the actions name, by id (so that a screen
    /// can name them without the list of every item).
    pub evidence: Vec<Named<EvidenceId>>,
    /// The last due dates of a corrective action under the rules in force: without a
    /// justification, with one, and at all (core's `check_due_date` decides with them).
    pub due_limits: DueLimits,
    /// A CAP audit's plan: the initial audit whose findings' corrective actions it confirms
    /// (the latest initial audit of the scope closed on or before it). `None` for the others.
    pub plan_of: Option<AuditId>,
    /// Questions whose findings and recorded result disagree (recorded before the rule, or
    /// by the provider's workbook), each saying which to change.
    pub disagreements: Vec<Message>,
}

/// The last due dates of this audit's corrective actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueLimits {
    pub free: NaiveDate,
    pub justified: NaiveDate,
    pub max: NaiveDate,
}

/// A label with its scope, for lists and countdown cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeLabels {
    pub scope: ScopeRecord,
    pub outcome: LabelOutcome,
    /// What must happen before the labels run out (or why there are none).
    pub next_step: Message,
}

/// What a provider's filled workbook brings to an audit.
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderImport {
    pub file: String,
    /// (question, result before, result after, findings description).
    pub results: Vec<(String, Option<QuestionResult>, QuestionResult, String)>,
    /// Proposed actions (question, text) that become open corrective actions.
    pub measures: Vec<(String, String)>,
    pub skipped: Vec<(usize, String, Message)>,
    pub applied: bool,
}

impl Workspace {
    /// What the provider's filled workbook at `path` brings to audit `id` (results,
    /// descriptions of findings, proposed measures); with `apply`, takes it over in one
    /// transaction: results, and a finding with an open corrective action per measure.
    pub fn import_provider_workbook(
        &mut self,
        id: AuditId,
        path: &Path,
        apply: bool,
    ) -> Result<ProviderImport> {
        let view = self.audit_view(id)?;
        let (file, filled) = read_filled_workbook(path)?;
        let mut import = ProviderImport {
            file,
            results: Vec::new(),
            measures: Vec::new(),
            skipped: Vec::new(),
            applied: apply,
        };
        for row in filled {
            let Some((_, applicable, before)) = view
                .questions
                .iter()
                .find(|(q, _, _)| *q == row.question_id)
            else {
                import.skipped.push((
                    row.row,
                    row.question_id.clone(),
                    Message::new("assess.unknown_question")
                        .arg("question", &row.question_id)
                        .arg("sheet", ""),
                ));
                continue;
            };
            let description = row.findings_description.clone().unwrap_or_default();
            if let Some(Some(result)) = row.result {
                if !applicable || result == QuestionResult::Na {
                    if *applicable || result != QuestionResult::Na {
                        import.skipped.push((
                            row.row,
                            row.question_id.clone(),
                            Message::new("audit.result_not_applicable")
                                .arg("question", &row.question_id)
                                .arg("scope", &view.scope),
                        ));
                    }
                    continue;
                }
                let before_result = before.as_ref().map(|b| b.result);
                let before_text = before
                    .as_ref()
                    .map(|b| b.findings_description.clone())
                    .unwrap_or_default();
                if before_result != Some(result)
                    || (!description.is_empty() && description != before_text)
                {
                    import.results.push((
                        row.question_id.clone(),
                        before_result,
                        result,
                        description.clone(),
                    ));
                }
            }
            let finding_ids: Vec<i64> = view
                .findings
                .iter()
                .filter(|f| f.question_id == row.question_id)
                .map(|f| f.id)
                .collect();
            let known = |measure: &String| {
                view.actions
                    .iter()
                    .any(|a| finding_ids.contains(&a.finding_id) && &a.description == measure)
            };
            // A measure taken over before (the same workbook imported again) is not repeated.
            if let Some(measure) = row.measures.filter(|m| !m.is_empty() && !known(m)) {
                import.measures.push((row.question_id.clone(), measure));
            }
        }
        if apply {
            let rules = self.label_rules()?;
            let due = add_months(view.audit.closing_meeting, rules.action_free_months);
            let changes = (import.results.clone(), import.measures.clone());
            self.db.write(|tx| {
                for (question, _, result, description) in &changes.0 {
                    let record = ResultRecord {
                        result: *result,
                        findings_description: description.clone(),
                    };
                    table::set_result(tx, id.0, question, Some(&record))?;
                }
                for (question, measure) in &changes.1 {
                    let result = changes.0.iter().find(|c| &c.0 == question).map(|c| c.2);
                    let kind = match result {
                        Some(QuestionResult::Major) => FindingKind::Major,
                        Some(QuestionResult::Minor) => FindingKind::Minor,
                        _ => FindingKind::Observation,
                    };
                    let text = changes
                        .0
                        .iter()
                        .find(|c| &c.0 == question)
                        .map(|c| c.3.clone())
                        .filter(|t| !t.is_empty())
                        .unwrap_or_else(|| measure.clone());
                    let finding = table::insert_finding(
                        tx,
                        &FindingRecord {
                            id: 0,
                            audit_id: id.0,
                            question_id: question.clone(),
                            protection_object_id: None,
                            kind,
                            description: text,
                        },
                    )?;
                    table::insert_action(
                        tx,
                        &ActionRecord {
                            id: 0,
                            finding_id: finding,
                            description: measure.clone(),
                            owner: String::new(),
                            department: String::new(),
                            due,
                            justification: String::new(),
                            status: ActionStatus::Open,
                            evidence_ids: Vec::new(),
                        },
                    )?;
                }
                Ok(())
            })?;
        }
        Ok(import)
    }

    /// Changes only the fields given in `changes` of audit `id`; the others keep their
    /// current value. `changes.phases` is a comma-separated list whose entries replace the
    /// phases in order (`done,in-progress` leaves the third as it is).
    pub fn update_audit_fields(
        &mut self,
        id: AuditId,
        changes: &AuditChanges,
    ) -> Result<AuditRecord> {
        self.on_fresh(crate::revisions::Record::Audit, id.0, |ws, revision| {
            ws.update_audit_changed(id, changes, revision)
        })
    }

    /// Audit `id` saved as `changes` leave it, based on its revision `revision`.
    fn update_audit_changed(
        &mut self,
        id: AuditId,
        changes: &AuditChanges,
        revision: i64,
    ) -> Result<AuditRecord> {
        let a = self.audit_record(id)?;
        let input = AuditInput {
            scope: ScopeId(a.scope_id),
            kind: a.kind.as_str().to_owned(),
            provider: changes
                .provider
                .clone()
                .unwrap_or_else(|| a.provider.clone()),
            lead_auditor: changes
                .lead_auditor
                .clone()
                .unwrap_or_else(|| a.lead_auditor.clone()),
            opening_meeting: changes
                .opening_meeting
                .clone()
                .unwrap_or_else(|| a.opening_meeting.map(|d| d.to_string()).unwrap_or_default()),
            closing_meeting: changes
                .closing_meeting
                .clone()
                .unwrap_or_else(|| a.closing_meeting.to_string()),
        };
        let mut states: [String; 3] = a.phases.map(|p| p.as_str().to_owned());
        if let Some(text) = &changes.phases {
            for (slot, state) in states.iter_mut().zip(text.split(',')) {
                *slot = state.trim().to_owned();
            }
        }
        let reason = changes
            .decision_reason
            .clone()
            .unwrap_or_else(|| a.decision_reason.clone());
        self.update_audit(
            id,
            &input,
            &states,
            changes.decision.unwrap_or(a.decision),
            &reason,
            Some(revision),
        )
    }
}

/// Some of an audit's fields to change (`None` keeps the current value), as
/// `csmsdesk-cli audit set` takes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditChanges {
    /// `YYYY-MM-DD`.
    pub closing_meeting: Option<String>,
    /// `YYYY-MM-DD`, or empty to clear it.
    pub opening_meeting: Option<String>,
    pub provider: Option<String>,
    pub lead_auditor: Option<String>,
    /// The initial audit's phase states, comma-separated (`done,done,in-progress`).
    pub phases: Option<String>,
    pub decision: Option<bool>,
    pub decision_reason: Option<String>,
}

#[cfg(test)]
mod edit_tests;
#[cfg(test)]
mod tests;
