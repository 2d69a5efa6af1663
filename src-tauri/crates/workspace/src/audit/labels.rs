//! The labels each scope has earned, what must happen next for them, and their renewal.

use crate::ScopeId;
use csmsdesk_core::audit::AuditKind;
use csmsdesk_core::i18n::Message;
use csmsdesk_core::labels::{AuditHistory, LabelOutcome, labels};
use csmsdesk_core::results::OverallResult;
use csmsdesk_store::audit::{self as table};

use super::ScopeLabels;
use crate::{Error, Invalid, Result, ScopeRecord, Workspace};

impl Workspace {
    /// The labels of `scope` (of every scope when `None`) as its audits have earned them.
    pub fn labels(&self, scope: Option<ScopeId>) -> Result<Vec<ScopeLabels>> {
        let rules = self.label_rules()?;
        let scopes = match scope {
            Some(key) => vec![self.scope(key)?],
            None => self.scopes()?,
        };
        scopes
            .into_iter()
            .map(|scope| {
                let audits = table::list(self.db.conn(), Some(scope.id))?;
                let Some(initial) = audits.iter().rev().find(|a| a.kind == AuditKind::Initial)
                else {
                    return Ok(ScopeLabels {
                        next_step: match scope.planned_audit_date {
                            Some(date) => Message::new("labels.next_planned").arg("date", date),
                            None => Message::new("labels.next_plan_audit"),
                        },
                        scope,
                        outcome: LabelOutcome {
                            labels: Vec::new(),
                            follow_up_due: None,
                            renewal_from: None,
                        },
                    });
                };
                // The overall result alone: the initial audit's findings and actions (hundreds
                // of them) decide no label.
                let (_, initial_result) = self.audit_results(initial.id, &scope)?;
                let later = |kind| {
                    audits.iter().filter(move |a| {
                        a.kind == kind && a.closing_meeting >= initial.closing_meeting
                    })
                };
                let history = AuditHistory {
                    initial_closing: initial.closing_meeting,
                    initial_result,
                    failed_by_decision: initial.decision,
                    cap_confirmed: later(AuditKind::Cap).any(|a| a.decision),
                    follow_up_closing: later(AuditKind::FollowUp)
                        .filter(|a| a.decision)
                        .map(|a| a.closing_meeting)
                        .min(),
                };
                let outcome = labels(&history, &scope.objectives, &rules);
                let next_step = next_step(&history, &outcome);
                Ok(ScopeLabels {
                    scope,
                    outcome,
                    next_step,
                })
            })
            .collect()
    }

    /// Renewing labels: refused while they are temporary (a follow-up audit turns them into
    /// permanent labels instead); for permanent labels, plans the renewal audit on `date` (not
    /// before `today`).
    pub fn renew_labels(
        &mut self,
        scope: ScopeId,
        date: &str,
        today: chrono::NaiveDate,
    ) -> Result<ScopeRecord> {
        let mut current = self.labels(Some(scope))?;
        let current = current.remove(0);
        let temporary = current
            .outcome
            .labels
            .iter()
            .find(|l| l.kind == csmsdesk_core::labels::LabelKind::Temporary);
        if let Some(label) = temporary {
            return Err(Error::Invalid(vec![Invalid::new(
                "scope",
                Message::new("labels.temporary_not_renewable")
                    .arg("date", label.expires)
                    .arg("scope", &current.scope.name),
            )]));
        }
        if date.trim().is_empty() {
            return Err(Error::Invalid(vec![Invalid::new(
                "planned_audit_date",
                Message::new("labels.renewal_needs_date"),
            )]));
        }
        let changes = crate::ScopeChanges {
            planned_audit_date: Some(date.to_owned()),
            ..crate::ScopeChanges::default()
        };
        self.update_scope_fields(scope, &changes, today)
    }
}

/// What must happen next for a scope's labels.
pub(super) fn next_step(history: &AuditHistory, outcome: &LabelOutcome) -> Message {
    match (history.initial_result, outcome.labels.first()) {
        (_, Some(label)) if label.kind == csmsdesk_core::labels::LabelKind::Temporary => {
            Message::new("labels.next_follow_up").arg("date", label.expires)
        }
        (_, Some(_)) => match outcome.renewal_from {
            Some(date) => Message::new("labels.next_renewal").arg("date", date),
            None => Message::new("labels.next_none"),
        },
        (OverallResult::ConditionalPass, None) if history.failed_by_decision => {
            Message::new("labels.none_failed")
        }
        (OverallResult::ConditionalPass, None) => {
            match (history.follow_up_closing, outcome.follow_up_due) {
                (None, Some(date)) => Message::new("labels.next_cap").arg("date", date),
                _ => Message::new("labels.none_late"),
            }
        }
        (OverallResult::Fail, None) => Message::new("labels.none_failed"),
        (OverallResult::Incomplete, None) => Message::new("labels.next_results"),
        (OverallResult::Pass, None) => Message::new("labels.next_none"),
    }
}
