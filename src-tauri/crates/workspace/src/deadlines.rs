//! Every date to watch in one list, and the same list as an iCalendar file.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use csmsdesk_core::audit::ActionStatus;
use csmsdesk_core::deadlines::{Deadline, DeadlineFilter, DeadlineKind, sort};
use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_core::ics::{IcsEvent, calendar};
use csmsdesk_store::evidence as evidence_table;

use crate::{Result, Workspace};

fn objective_message(objective: csmsdesk_core::scope::Objective) -> Message {
    Message::new(match objective {
        csmsdesk_core::scope::Objective::Development => "scope.objective_development",
        csmsdesk_core::scope::Objective::Production => "scope.objective_production",
        csmsdesk_core::scope::Objective::OperationsMaintenance => {
            "scope.objective_operations-maintenance"
        }
    })
}

impl Workspace {
    /// Every deadline of the workspace that `filter` keeps on `today`, sorted by date (so
    /// overdue ones come first).
    pub fn deadlines(&self, filter: &DeadlineFilter, today: NaiveDate) -> Result<Vec<Deadline>> {
        let mut list = Vec::new();
        let scopes = self.scopes()?;
        let scope_name = |id: i64| scopes.iter().find(|s| s.id == id).map(|s| s.name.clone());
        for scope_labels in self.labels(None)? {
            let scope = &scope_labels.scope;
            for label in &scope_labels.outcome.labels {
                list.push(Deadline {
                    kind: DeadlineKind::VcsLabel,
                    key: format!(
                        "vcs-label-{}-{}-{}",
                        scope.id,
                        label.objective.as_str(),
                        label.kind.as_str()
                    ),
                    what: Message::new(match label.kind {
                        csmsdesk_core::labels::LabelKind::Temporary => {
                            "deadline.vcs_label_temporary"
                        }
                        csmsdesk_core::labels::LabelKind::Permanent => {
                            "deadline.vcs_label_permanent"
                        }
                    })
                    .arg_message("objective", objective_message(label.objective))
                    .arg("scope", &scope.name),
                    due: label.expires,
                    scope: Some(scope.name.clone()),
                    owner: None,
                });
            }
            if let Some(date) = scope_labels.outcome.renewal_from {
                list.push(Deadline {
                    kind: DeadlineKind::Renewal,
                    key: format!("renewal-{}", scope.id),
                    what: Message::new("deadline.renewal").arg("scope", &scope.name),
                    due: date,
                    scope: Some(scope.name.clone()),
                    owner: None,
                });
            }
            if let Some(date) = scope_labels.outcome.follow_up_due {
                list.push(Deadline {
                    kind: DeadlineKind::FollowUpAudit,
                    key: format!("follow-up-{}", scope.id),
                    what: Message::new("deadline.follow_up").arg("scope", &scope.name),
                    due: date,
                    scope: Some(scope.name.clone()),
                    owner: None,
                });
            }
            if let Some(date) = scope.planned_audit_date {
                list.push(Deadline {
                    kind: DeadlineKind::PlannedAudit,
                    key: format!("planned-audit-{}", scope.id),
                    what: Message::new("deadline.planned_audit").arg("scope", &scope.name),
                    due: date,
                    scope: Some(scope.name.clone()),
                    owner: None,
                });
            }
        }
        for location in self.locations()? {
            // The latest label of each name counts; earlier ones are history.
            let mut latest: BTreeMap<&str, NaiveDate> = BTreeMap::new();
            for label in &location.labels {
                let entry = latest.entry(label.label.as_str()).or_insert(label.expires);
                *entry = (*entry).max(label.expires);
            }
            for (label, expires) in latest {
                list.push(Deadline {
                    kind: DeadlineKind::TisaxLabel,
                    key: format!(
                        "tisax-label-{}-{}",
                        location.id,
                        label.to_lowercase().replace(' ', "-")
                    ),
                    what: Message::new("deadline.tisax_label")
                        .arg("label", label)
                        .arg("location", &location.name),
                    due: expires,
                    scope: None,
                    owner: None,
                });
            }
        }
        let audits: BTreeMap<i64, i64> = self
            .audits(None)?
            .into_iter()
            .map(|a| (a.id, a.scope_id))
            .collect();
        for (action, finding) in self.actions()? {
            if matches!(action.status, ActionStatus::Done | ActionStatus::Verified) {
                continue;
            }
            list.push(Deadline {
                kind: DeadlineKind::CorrectiveAction,
                key: format!("corrective-action-{}", action.id),
                what: Message::new("deadline.action")
                    .arg("question", &finding.question_id)
                    .arg("text", &action.description),
                due: action.due,
                scope: audits.get(&finding.audit_id).and_then(|s| scope_name(*s)),
                owner: (!action.owner.is_empty()).then(|| action.owner.clone()),
            });
        }
        for evidence in evidence_table::list(self.db.conn())? {
            if let Some(due) = evidence.review_due {
                list.push(Deadline {
                    kind: DeadlineKind::EvidenceReview,
                    key: format!("evidence-review-{}", evidence.id),
                    what: Message::new("deadline.evidence_review").arg("title", &evidence.title),
                    due,
                    scope: None,
                    owner: (!evidence.owner.is_empty()).then(|| evidence.owner.clone()),
                });
            }
        }
        list.retain(|d| filter.keeps(d, today));
        sort(&mut list);
        Ok(list)
    }

    /// The deadlines `filter` keeps as an iCalendar file in `lang`. UIDs come from the
    /// deadlines' stable keys, so importing a newer file updates events instead of adding
    /// them again; `now` is the file's time stamp.
    pub fn deadlines_calendar(
        &self,
        filter: &DeadlineFilter,
        today: NaiveDate,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<String> {
        let events: Vec<IcsEvent> = self
            .deadlines(filter, today)?
            .into_iter()
            .map(|d| {
                let mut description = vec![Message::new(kind_key(d.kind)).render(lang)];
                description.extend(d.scope.clone());
                description.extend(d.owner.clone());
                IcsEvent {
                    uid: d.key.clone(),
                    date: d.due,
                    summary: d.what.render(lang),
                    description: description.join("\n"),
                }
            })
            .collect();
        Ok(calendar(&events, &now.format("%Y%m%dT%H%M%SZ").to_string()))
    }
}

/// The catalogue key naming a deadline kind.
pub fn kind_key(kind: DeadlineKind) -> &'static str {
    match kind {
        DeadlineKind::VcsLabel => "deadline.kind.vcs-label",
        DeadlineKind::Renewal => "deadline.kind.renewal",
        DeadlineKind::TisaxLabel => "deadline.kind.tisax-label",
        DeadlineKind::CorrectiveAction => "deadline.kind.corrective-action",
        DeadlineKind::FollowUpAudit => "deadline.kind.follow-up-audit",
        DeadlineKind::EvidenceReview => "deadline.kind.evidence-review",
        DeadlineKind::PlannedAudit => "deadline.kind.planned-audit",
    }
}
