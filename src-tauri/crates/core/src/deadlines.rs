//! Everything with a date, in one list: label expiries, corrective actions, the follow-up
//! audit, evidence reviews, planned audits and renewals; with the countdown to each.

use chrono::NaiveDate;

use crate::i18n::Message;

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
                    .is_some_and(|owner| contains_folded(owner, o))
            })
            && self
                .within_days
                .is_none_or(|days| d.days_left(today) <= days)
    }
}

/// Whether `text` contains `part`, case ignored (a partly typed owner name still matches).
fn contains_folded(text: &str, part: &str) -> bool {
    text.to_lowercase().contains(&part.trim().to_lowercase())
}

/// Sorts deadlines by due date (so overdue ones come first), then kind and key, so that the
/// order is the same every time.
pub fn sort(deadlines: &mut [Deadline]) {
    deadlines.sort_by(|a, b| (a.due, a.kind, &a.key).cmp(&(b.due, b.kind, &b.key)));
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
