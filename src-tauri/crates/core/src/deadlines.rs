//! Everything with a date, in one list: label expiries, corrective actions, the follow-up
//! audit, evidence reviews, planned audits and renewals; with the countdown to each.

use chrono::NaiveDate;

use std::cmp::Ordering;

use crate::i18n::{Lang, Message};
use crate::order::{Direction, contains_folded, natural_key};

/// What kind of date a deadline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DeadlineKind {
    /// A VCS label (temporary or permanent) expires.
    VcsLabel,
    /// The renewal audit of permanent labels should start.
    Renewal,
    /// A TISAX label of a location expires.
    TisaxLabel,
    /// A corrective action is due.
    CorrectiveAction,
    /// The latest date for the follow-up audit (when the temporary labels run out).
    FollowUpAudit,
    /// An evidence item's review is due.
    EvidenceReview,
    /// A scope's planned audit.
    PlannedAudit,
}

impl DeadlineKind {
    pub const ALL: [DeadlineKind; 7] = [
        DeadlineKind::VcsLabel,
        DeadlineKind::Renewal,
        DeadlineKind::TisaxLabel,
        DeadlineKind::CorrectiveAction,
        DeadlineKind::FollowUpAudit,
        DeadlineKind::EvidenceReview,
        DeadlineKind::PlannedAudit,
    ];

    /// The name in the CLI and JSON: `vcs-label`, `renewal`, `tisax-label`,
    /// `corrective-action`, `follow-up-audit`, `evidence-review`, `planned-audit`.
    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineKind::VcsLabel => "vcs-label",
            DeadlineKind::Renewal => "renewal",
            DeadlineKind::TisaxLabel => "tisax-label",
            DeadlineKind::CorrectiveAction => "corrective-action",
            DeadlineKind::FollowUpAudit => "follow-up-audit",
            DeadlineKind::EvidenceReview => "evidence-review",
            DeadlineKind::PlannedAudit => "planned-audit",
        }
    }

    pub fn parse(text: &str) -> Option<DeadlineKind> {
        DeadlineKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text.trim().to_ascii_lowercase())
    }

    /// The catalogue key of the kind's name ("Corrective action").
    pub fn message_key(self) -> &'static str {
        match self {
            DeadlineKind::VcsLabel => "deadline.kind.vcs-label",
            DeadlineKind::Renewal => "deadline.kind.renewal",
            DeadlineKind::TisaxLabel => "deadline.kind.tisax-label",
            DeadlineKind::CorrectiveAction => "deadline.kind.corrective-action",
            DeadlineKind::FollowUpAudit => "deadline.kind.follow-up-audit",
            DeadlineKind::EvidenceReview => "deadline.kind.evidence-review",
            DeadlineKind::PlannedAudit => "deadline.kind.planned-audit",
        }
    }
}

/// One dated thing to do or to watch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub kind: DeadlineKind,
    /// Stable across runs and exports (a calendar re-import updates instead of duplicating):
    /// built from the kind and the stored ids, never from texts or dates.
    pub key: String,
    /// What it is, in the user's language.
    pub what: Message,
    pub due: NaiveDate,
    pub scope: Option<String>,
    pub owner: Option<String>,
}

impl Deadline {
    /// Days from `today` to the due date; negative when overdue.
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        (self.due - today).num_days()
    }

    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.due < today
    }
}

/// Which deadlines a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeadlineFilter {
    pub kinds: Vec<DeadlineKind>,
    pub scope: Option<String>,
    pub owner: Option<String>,
    /// Only those due within this many days of today (overdue ones always count).
    pub within_days: Option<i64>,
}

impl DeadlineFilter {
    pub fn keeps(&self, d: &Deadline, today: NaiveDate) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&d.kind))
            && self.scope.as_ref().is_none_or(|s| {
                d.scope
                    .as_ref()
                    .is_some_and(|ds| ds.eq_ignore_ascii_case(s))
            })
            && self.owner.as_ref().is_none_or(|o| {
                d.owner
                    .as_ref()
                    .is_some_and(|owner| contains_folded(owner, o.trim()))
            })
            && self
                .within_days
                .is_none_or(|days| d.days_left(today) <= days)
    }
}

/// Sorts deadlines by due date (so overdue ones come first), then kind and key, so that the
/// order is the same every time.
pub fn sort(deadlines: &mut [Deadline]) {
    deadlines.sort_by(by_date);
}

/// The plain order: due date, then kind and key.
fn by_date(a: &Deadline, b: &Deadline) -> Ordering {
    (a.due, a.kind, &a.key).cmp(&(b.due, b.kind, &b.key))
}

/// The columns a list of deadlines can be sorted by (the deadlines screen's headers).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum DeadlineColumn {
    /// The due date.
    #[default]
    Due,
    /// The countdown to the due date: the same order as [`DeadlineColumn::Due`].
    Countdown,
    /// The kind's name in the reader's language.
    Kind,
    /// What is due, in the reader's language.
    What,
    Scope,
    Owner,
}

impl DeadlineColumn {
    pub const ALL: [DeadlineColumn; 6] = [
        DeadlineColumn::Due,
        DeadlineColumn::Countdown,
        DeadlineColumn::Kind,
        DeadlineColumn::What,
        DeadlineColumn::Scope,
        DeadlineColumn::Owner,
    ];

    /// `due`, `countdown`, `kind`, `what`, `scope`, `owner`.
    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineColumn::Due => "due",
            DeadlineColumn::Countdown => "countdown",
            DeadlineColumn::Kind => "kind",
            DeadlineColumn::What => "what",
            DeadlineColumn::Scope => "scope",
            DeadlineColumn::Owner => "owner",
        }
    }

    pub fn parse(text: &str) -> Option<DeadlineColumn> {
        let text = text.trim().to_ascii_lowercase();
        DeadlineColumn::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// Sorts deadlines by `column` in `direction`, the texts as read in `lang` in people's order
/// ([`crate::order::natural_cmp`]);
/// ties go by date, kind and key (reversed with the rest when descending). Deadlines without
/// a scope or owner come last by that column in either direction.
pub fn sort_by(
    deadlines: &mut Vec<Deadline>,
    column: DeadlineColumn,
    direction: Direction,
    lang: Lang,
) {
    let text = |d: &Deadline| match column {
        DeadlineColumn::Due | DeadlineColumn::Countdown => None,
        DeadlineColumn::Kind => Some(Message::new(d.kind.message_key()).render(lang)),
        DeadlineColumn::What => Some(d.what.render(lang)),
        DeadlineColumn::Scope => d.scope.clone(),
        DeadlineColumn::Owner => d.owner.clone(),
    };
    let empties_last = matches!(column, DeadlineColumn::Scope | DeadlineColumn::Owner);
    // Each text is rendered and folded into its key once, not in every comparison.
    let mut keyed: Vec<(Option<Vec<u32>>, Deadline)> = deadlines
        .drain(..)
        .map(|d| (text(&d).map(|t| natural_key(&t)), d))
        .collect();
    keyed.sort_by(|(ka, a), (kb, b)| {
        if empties_last && ka.is_some() != kb.is_some() {
            return if ka.is_some() {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        direction.apply(ka.cmp(kb).then_with(|| by_date(a, b)))
    });
    deadlines.extend(keyed.into_iter().map(|(_, d)| d));
}

/// A countdown in words, for the CLI ("in 23 days", "3 days ago", "today").
pub fn countdown(days_left: i64) -> Message {
    match days_left {
        0 => Message::new("countdown.today"),
        1 => Message::new("countdown.tomorrow"),
        -1 => Message::new("countdown.yesterday"),
        d if d > 0 => Message::new("countdown.in_days").arg("days", d),
        d => Message::new("countdown.days_ago").arg("days", -d),
    }
}

#[cfg(test)]
mod tests;
