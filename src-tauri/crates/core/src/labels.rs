//! VCS labels and the dates around an audit (docs/DOMAIN.md "The audit", "Labels"): which labels a
//! scope's audits earn, when they expire, when renewal should start, and how long corrective
//! actions may take. Every rule marked [assumed] in docs/DOMAIN.md is a field of [`LabelRules`]
//! with the documented default; everything is a pure function of the dates passed in.

use chrono::{Months, NaiveDate};

use crate::results::OverallResult;
use crate::scope::Objective;

/// The editable rules about labels and corrective actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelRules {
    /// How long a permanent label is valid, counted from the initial audit's closing meeting
    /// [assumed: 3 years].
    pub permanent_months: u32,
    /// When temporary labels expire after the initial closing meeting (from the ENX FAQ: 9).
    pub temporary_months: u32,
    /// How long before a permanent label expires renewal should start [assumed: 12].
    pub renewal_reminder_months: u32,
    /// Corrective action periods after the closing meeting [assumed]: up to this many months
    /// without a justification…
    pub action_free_months: u32,
    /// …up to this many only with one…
    pub action_justified_months: u32,
    /// …and never beyond this many.
    pub action_max_months: u32,
}

impl Default for LabelRules {
    fn default() -> Self {
        LabelRules {
            permanent_months: 36,
            temporary_months: 9,
            renewal_reminder_months: 12,
            action_free_months: 3,
            action_justified_months: 6,
            action_max_months: 9,
        }
    }
}

/// `date` plus `months`, clamped to the end of a shorter month (2026-05-31 + 9 months is
/// 2027-02-28; 2027-05-31 + 9 months is 2028-02-29).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// `date` minus `months`, clamped the same way.
pub fn sub_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}

/// Whether a label is temporary (a corrective action plan is under way) or permanent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LabelKind {
    Temporary,
    Permanent,
}

impl LabelKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LabelKind::Temporary => "temporary",
            LabelKind::Permanent => "permanent",
        }
    }
}

/// A VCS label of one objective.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub objective: Objective,
    pub kind: LabelKind,
    pub valid_from: NaiveDate,
    /// The label's last day is the day before.
    pub expires: NaiveDate,
}

impl Label {
    /// Days from `today` to the expiry (negative once expired).
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        (self.expires - today).num_days()
    }
}

/// What decides a scope's labels: its initial audit and what followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditHistory {
    /// The initial audit's closing meeting and overall result.
    pub initial_closing: NaiveDate,
    pub initial_result: OverallResult,
    /// The audit team failed the audit despite a conditional pass (systemic minors).
    pub failed_by_decision: bool,
    /// A corrective action plan audit report confirmed the plan.
    pub cap_confirmed: bool,
    /// The closing meeting of the follow-up audit that confirmed every non-conformity
    /// resolved, if one did.
    pub follow_up_closing: Option<NaiveDate>,
}

/// Where a scope stands with its labels, beyond the labels themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelOutcome {
    pub labels: Vec<Label>,
    /// The last day for the follow-up audit: the temporary labels' expiry, while they run.
    pub follow_up_due: Option<NaiveDate>,
    /// The date to start the renewal audit: the permanent labels' expiry minus the reminder.
    pub renewal_from: Option<NaiveDate>,
}

/// The labels a scope's audits earn for `objectives`:
/// - PASS: permanent labels from the initial closing meeting;
/// - CONDITIONAL-PASS with a confirmed corrective action plan: temporary labels until 9 months
///   after the initial closing meeting, replaced by permanent ones (still counted from the
///   initial closing meeting) when a follow-up audit confirms every non-conformity resolved
///   in time; a follow-up after that date is too late (a new initial audit is needed);
/// - FAIL, a failure decided despite a conditional pass, or an incomplete audit: none.
pub fn labels(
    history: &AuditHistory,
    objectives: &[Objective],
    rules: &LabelRules,
) -> LabelOutcome {
    let closing = history.initial_closing;
    let permanent = |kind| -> Vec<Label> {
        objectives
            .iter()
            .map(|&objective| Label {
                objective,
                kind,
                valid_from: closing,
                expires: match kind {
                    LabelKind::Permanent => add_months(closing, rules.permanent_months),
                    LabelKind::Temporary => add_months(closing, rules.temporary_months),
                },
            })
            .collect()
    };
    let none = LabelOutcome {
        labels: Vec::new(),
        follow_up_due: None,
        renewal_from: None,
    };
    let earned_permanent = |labels: Vec<Label>| LabelOutcome {
        renewal_from: labels
            .first()
            .map(|l| sub_months(l.expires, rules.renewal_reminder_months)),
        labels,
        follow_up_due: None,
    };
    match history.initial_result {
        OverallResult::Pass => earned_permanent(permanent(LabelKind::Permanent)),
        OverallResult::ConditionalPass if history.failed_by_decision => none,
        OverallResult::ConditionalPass => {
            let temporary_expiry = add_months(closing, rules.temporary_months);
            match history.follow_up_closing {
                Some(follow_up) if follow_up < temporary_expiry => {
                    earned_permanent(permanent(LabelKind::Permanent))
                }
                Some(_) => none,
                None if history.cap_confirmed => LabelOutcome {
                    labels: permanent(LabelKind::Temporary),
                    follow_up_due: Some(temporary_expiry),
                    renewal_from: None,
                },
                None => LabelOutcome {
                    follow_up_due: Some(temporary_expiry),
                    ..none
                },
            }
        }
        OverallResult::Fail | OverallResult::Incomplete => none,
    }
}

/// How a corrective action's due date fits the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueDateCheck {
    /// Within the period that needs no justification.
    Fine,
    /// Beyond it: a justification is expected (a warning while there is none).
    JustificationExpected { months: u32 },
    /// Beyond the justified period and no justification given: refused.
    JustificationRequired { months: u32 },
    /// Beyond the longest period: refused whatever the justification.
    TooLate { months: u32 },
}

/// Checks a corrective action's `due` date against the `closing` meeting of its audit.
pub fn check_due_date(
    closing: NaiveDate,
    due: NaiveDate,
    justified: bool,
    rules: &LabelRules,
) -> DueDateCheck {
    if due > add_months(closing, rules.action_max_months) {
        DueDateCheck::TooLate {
            months: rules.action_max_months,
        }
    } else if due > add_months(closing, rules.action_justified_months) && !justified {
        DueDateCheck::JustificationRequired {
            months: rules.action_justified_months,
        }
    } else if due > add_months(closing, rules.action_free_months) && !justified {
        DueDateCheck::JustificationExpected {
            months: rules.action_free_months,
        }
    } else {
        DueDateCheck::Fine
    }
}

#[cfg(test)]
mod tests;
