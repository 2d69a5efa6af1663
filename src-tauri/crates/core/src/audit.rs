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
