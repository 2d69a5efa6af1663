//! Every date to watch in one list, and the same list as an iCalendar file; `page` has one
//! page of it for the deadlines screen.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use csmsdesk_core::audit::ActionStatus;
use csmsdesk_core::deadlines::{Deadline, DeadlineFilter, DeadlineKind, sort};
use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_core::ics::{CalendarHead, IcsEvent, calendar};
use csmsdesk_store::evidence::{self as evidence_table, ReviewDate, ReviewFilter, ReviewOrder};

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
        let mut list = self.deadlines_but_reviews(filter, today)?;
        if let Some(reviews) = review_filter(filter, today) {
            let order = ReviewOrder::Date;
            let rows = evidence_table::review_dates(self.db.conn(), &reviews, &order, false, None)?;
            list.extend(
                rows.into_iter()
                    .map(review_deadline)
                    .filter(|d| filter.keeps(d, today)),
            );
        }
        sort(&mut list);
        Ok(list)
    }

    /// The deadlines `filter` keeps on `today` of every kind but evidence reviews: a few per
    /// scope, location and corrective action, however many evidence items there are.
    fn deadlines_but_reviews(
        &self,
        filter: &DeadlineFilter,
        today: NaiveDate,
    ) -> Result<Vec<Deadline>> {
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
            // A planned audit that was held is no deadline any more.
            let closings: Vec<NaiveDate> = self
                .audits(Some(crate::ScopeId(scope.id)))?
                .iter()
                .map(|a| a.closing_meeting)
                .collect();
            if let Some(date) = scope
                .planned_audit_date
                .filter(|d| !csmsdesk_core::audit::planned_audit_held(*d, closings))
            {
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
        list.retain(|d| filter.keeps(d, today));
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
        // The reminder goes off as many days ahead as the desktop notification looks (a week
        // when notifications are off).
        let notify = self.rules()?.notify_days;
        let reminder_days = u32::try_from(notify).ok().filter(|d| *d > 0).unwrap_or(7);
        let head = CalendarHead {
            stamp: &now.format("%Y%m%dT%H%M%SZ").to_string(),
            workspace: &self.db.calendar_id()?,
            reminder_days,
        };
        Ok(calendar(&events, &head))
    }
}

/// The evidence reviews `filter` can keep, as store selects them; `None` when it keeps none
/// (another kind asked for, or a scope: reviews have none). Evidence reviews are most of the
/// list (one per item with a review date), so they are read as four columns each, selected,
/// ordered and counted by the database.
fn review_filter(filter: &DeadlineFilter, today: NaiveDate) -> Option<ReviewFilter> {
    let wanted = filter.kinds.is_empty() || filter.kinds.contains(&DeadlineKind::EvidenceReview);
    (wanted && filter.scope.is_none()).then(|| ReviewFilter {
        owner: filter.owner.as_ref().map(|o| o.trim().to_owned()),
        due_by: filter
            .within_days
            .and_then(|days| u64::try_from(days).ok())
            .and_then(|days| today.checked_add_days(chrono::Days::new(days))),
    })
}

/// The deadline of one evidence item's review.
fn review_deadline(review: ReviewDate) -> Deadline {
    Deadline {
        kind: DeadlineKind::EvidenceReview,
        key: format!("evidence-review-{}", review.id),
        what: Message::new("deadline.evidence_review").arg("title", &review.title),
        due: review.review_due,
        scope: None,
        owner: (!review.owner.is_empty()).then_some(review.owner),
    }
}

/// Default of how many days ahead the app's desktop notification looks.
pub const DEFAULT_NOTIFY_DAYS: i64 = 14;
pub(crate) const NOTIFY_DAYS: &str = "deadlines.notify_days";

/// What the desktop notification says about `deadlines` (already filtered to those that
/// matter): a title and up to three lines; `None` when there is nothing to say.
pub fn digest(
    deadlines: &[Deadline],
    today: NaiveDate,
    days: i64,
    lang: Lang,
    me: &str,
) -> Option<(String, String)> {
    if deadlines.is_empty() {
        return None;
    }
    // The user's own first (owner matched to `me`), each part in its order.
    let mine = |d: &&Deadline| {
        d.owner
            .as_deref()
            .is_some_and(|o| crate::me::is_mine(o, me))
    };
    let (own, others): (Vec<&Deadline>, Vec<&Deadline>) = deadlines.iter().partition(mine);
    let yours = own.len();
    let deadlines: Vec<&Deadline> = own.into_iter().chain(others).collect();
    let overdue = deadlines.iter().filter(|d| d.overdue(today)).count();
    let title = Message::new("notify.title")
        .arg("count", deadlines.len())
        .arg("days", days)
        .arg("overdue", overdue)
        .render(lang);
    let mut lines: Vec<String> = deadlines
        .iter()
        .take(3)
        .map(|d| {
            format!(
                "{} ({})",
                d.what.render(lang),
                csmsdesk_core::deadlines::countdown(d.days_left(today)).render(lang)
            )
        })
        .collect();
    if deadlines.len() > 3 {
        lines.push(
            Message::new("notify.more")
                .arg("count", deadlines.len() - 3)
                .render(lang),
        );
    }
    if yours > 0 {
        lines.insert(
            0,
            Message::new("notify.yours")
                .arg("count", yours)
                .arg("me", me)
                .render(lang),
        );
    }
    Some((title, lines.join("\n")))
}

impl Workspace {
    /// How many days ahead the desktop notification looks.
    pub fn notify_days(&self) -> Result<i64> {
        Ok(self.rules()?.notify_days)
    }

    /// Sets how many days ahead the desktop notification looks (0 to 365; 0 turns it off).
    pub fn set_notify_days(&mut self, days: &str) -> Result<i64> {
        let input = crate::RulesInput {
            notify_days: Some(days.to_owned()),
            ..crate::RulesInput::default()
        };
        Ok(self.save_rules(&input)?.notify_days)
    }

    /// The notification due on `today`: deadlines within the configured days (and overdue
    /// ones), summarised, the user's own ([`Workspace::me`]) first; `None` when there are
    /// none or notifications are off.
    pub fn deadline_digest(
        &self,
        today: NaiveDate,
        lang: Lang,
    ) -> Result<Option<(String, String)>> {
        let days = self.notify_days()?;
        if days == 0 {
            return Ok(None);
        }
        let filter = DeadlineFilter {
            within_days: Some(days),
            ..DeadlineFilter::default()
        };
        Ok(digest(
            &self.deadlines(&filter, today)?,
            today,
            days,
            lang,
            &self.me(),
        ))
    }
}

/// The catalogue key naming a deadline kind.
pub fn kind_key(kind: DeadlineKind) -> &'static str {
    kind.message_key()
}

/// The furthest ahead a deadline filter may look, in days: ten years (no limit at all shows
/// every deadline).
pub const MAX_WITHIN_DAYS: i64 = 3650;

/// The deadline filter a user gave, checked the same way for both shells: every unknown kind
/// is named (all of them, not only the first), a look ahead outside 0 to [`MAX_WITHIN_DAYS`]
/// days is refused; scope and owner are trimmed, and a blank one filters nothing.
pub fn deadline_filter(
    within_days: Option<i64>,
    kinds: &[String],
    scope: Option<&str>,
    owner: Option<&str>,
) -> Result<DeadlineFilter> {
    let mut errors = Vec::new();
    let kinds = kinds
        .iter()
        .filter_map(|k| {
            DeadlineKind::parse(k).or_else(|| {
                errors.push(crate::Invalid::new(
                    "kind",
                    Message::new("deadline.bad_kind").arg("given", k.trim()),
                ));
                None
            })
        })
        .collect();
    if let Some(days) = within_days.filter(|d| !(0..=MAX_WITHIN_DAYS).contains(d)) {
        errors.push(crate::Invalid::new(
            "within_days",
            Message::new("input.bad_days")
                .arg("given", days)
                .arg("max", MAX_WITHIN_DAYS),
        ));
    }
    if !errors.is_empty() {
        return Err(crate::Error::Invalid(errors));
    }
    let text = |t: Option<&str>| {
        t.map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    Ok(DeadlineFilter {
        kinds,
        scope: text(scope),
        owner: text(owner),
        within_days,
    })
}

mod page;

pub use page::{DeadlinePage, DeadlinePageInput};

#[cfg(test)]
mod tests;
