//! The audit's vocabulary: kinds of audit, the initial audit's phases, finding types and
//! corrective action states. `checks` holds the rules a corrective action and a finding must
//! keep before they are saved.

pub mod checks;

/// Which audit of a scope's cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AuditKind {
    Initial,
    /// Corrective action plan audit.
    Cap,
    FollowUp,
}

/// The initial audit's phases, in order.
pub const PHASES: [&str; 3] = ["organisation", "sampling", "sample-check"];

/// The state of one phase of the initial audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhaseState {
    Open,
    InProgress,
    Done,
}

/// A finding's type, as audit reports name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingKind {
    Major,
    Minor,
    Observation,
    Improvement,
}

/// Where a corrective action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActionStatus {
    Open,
    InProgress,
    Done,
    /// Confirmed by the follow-up audit.
    Verified,
}

/// How long before a planned audit date an audit may close and still be that audit (held
/// early): a renewal is planned years after the audit before it, never this close.
pub const PLANNED_AUDIT_EARLY_DAYS: u64 = 90;

/// Whether the audit planned for `planned` was held: an audit of the scope closed on or after
/// `planned` less [`PLANNED_AUDIT_EARLY_DAYS`]. Then the planned date is no deadline any more.
pub fn planned_audit_held(
    planned: chrono::NaiveDate,
    closings: impl IntoIterator<Item = chrono::NaiveDate>,
) -> bool {
    let earliest = planned
        .checked_sub_days(chrono::Days::new(PLANNED_AUDIT_EARLY_DAYS))
        .unwrap_or(planned);
    closings.into_iter().any(|closing| closing >= earliest)
}

/// Names in the CLI, JSON and storage, and their parsing; one table per enum.
macro_rules! named {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }

            pub fn parse(text: &str) -> Option<$ty> {
                let wanted = text.trim().to_ascii_lowercase().replace('_', "-");
                $ty::ALL.iter().copied().find(|v| v.as_str() == wanted)
            }
        }
    };
}

named!(AuditKind { Initial => "initial", Cap => "cap", FollowUp => "follow-up" });
named!(PhaseState { Open => "open", InProgress => "in-progress", Done => "done" });
named!(FindingKind {
    Major => "major",
    Minor => "minor",
    Observation => "observation",
    Improvement => "improvement",
});
named!(ActionStatus {
    Open => "open",
    InProgress => "in-progress",
    Done => "done",
    Verified => "verified",
});

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> chrono::NaiveDate {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_planned_audit_is_held_by_an_audit_closing_after_it_or_shortly_before() {
        let planned = day("2026-05-20");
        assert!(
            planned_audit_held(planned, [day("2026-05-31")]),
            "held late"
        );
        assert!(
            planned_audit_held(planned, [day("2026-03-01")]),
            "held early"
        );
        assert!(
            !planned_audit_held(planned, [day("2025-05-31")]),
            "an earlier audit"
        );
        assert!(!planned_audit_held(planned, []), "no audit yet");
    }

    #[test]
    fn names_round_trip_and_unknown_names_are_refused() {
        for kind in AuditKind::ALL {
            assert_eq!(AuditKind::parse(kind.as_str()), Some(*kind));
        }
        assert_eq!(AuditKind::parse("Follow_Up"), Some(AuditKind::FollowUp));
        assert_eq!(
            FindingKind::parse("improvement"),
            Some(FindingKind::Improvement)
        );
        assert_eq!(
            ActionStatus::parse("in-progress"),
            Some(ActionStatus::InProgress)
        );
        assert_eq!(PhaseState::parse("done"), Some(PhaseState::Done));
        assert_eq!(AuditKind::parse("surveillance"), None);
    }
}
