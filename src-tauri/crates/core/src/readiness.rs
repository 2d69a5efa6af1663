//! Readiness: whether each applicable requirement of a scope is covered by evidence someone
//! can stand behind, and how that adds up per question, chapter, objective and scope.

use crate::evidence::EvidenceState;

/// Where one requirement stands. The order of the variants (and so `Ord`) is by urgency,
/// least urgent first: what [`Tally::worst`] picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RequirementState {
    /// At least one current, reviewed evidence item, or a justified deviation from a
    /// should-only requirement.
    Covered,
    /// It has evidence, but none of it is current (changed, review due, source missing).
    NeedsReview,
    /// No evidence at all.
    Missing,
}

impl RequirementState {
    /// Every state, most urgent first: the order in which lists offer them.
    pub const ALL: [RequirementState; 3] = [
        RequirementState::Missing,
        RequirementState::NeedsReview,
        RequirementState::Covered,
    ];

    /// `covered`, `needs-review`, `missing`.
    pub fn as_str(self) -> &'static str {
        match self {
            RequirementState::Covered => "covered",
            RequirementState::NeedsReview => "needs-review",
            RequirementState::Missing => "missing",
        }
    }
}

/// What decides one requirement's state.
#[derive(Debug, Clone, Copy)]
pub struct RequirementFacts<'a> {
    /// The requirement has a must text (a deviation never excuses it).
    pub has_must: bool,
    /// A justified deviation from its should text is recorded.
    pub deviation: bool,
    /// The states of the evidence linked to it (directly or through its question).
    pub evidence: &'a [EvidenceState],
}

/// A requirement is covered by current evidence, or by a justified deviation when it asks
/// only a *should*; evidence that is not current leaves it needing review.
pub fn requirement_state(facts: RequirementFacts<'_>) -> RequirementState {
    if facts.evidence.iter().any(|s| s.is_current()) || (facts.deviation && !facts.has_must) {
        RequirementState::Covered
    } else if facts.evidence.is_empty() {
        RequirementState::Missing
    } else {
        RequirementState::NeedsReview
    }
}

/// What a covered requirement stands on. Evidence linked to a whole control question
/// counts for each of its requirements; an auditor may still ask for the requirement's own,
/// so the screens and the CLI say when that is all there is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoveredBy {
    /// Current evidence linked to the requirement itself.
    OwnEvidence,
    /// A justified deviation from a should-only requirement.
    Deviation,
    /// Only current evidence linked to its whole question.
    Question,
}

impl CoveredBy {
    /// `own-evidence`, `deviation`, `question`.
    pub fn as_str(self) -> &'static str {
        match self {
            CoveredBy::OwnEvidence => "own-evidence",
            CoveredBy::Deviation => "deviation",
            CoveredBy::Question => "question",
        }
    }
}

/// What covers a requirement, if anything does: its own current evidence first, then a
/// justified deviation (should-only), then current evidence of its question.
pub fn covered_by(
    own_current: bool,
    question_current: bool,
    deviation: bool,
    has_must: bool,
) -> Option<CoveredBy> {
    if own_current {
        Some(CoveredBy::OwnEvidence)
    } else if deviation && !has_must {
        Some(CoveredBy::Deviation)
    } else if question_current {
        Some(CoveredBy::Question)
    } else {
        None
    }
}

/// What ranks one gap (a requirement that is missing or needs review) on the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    pub state: RequirementState,
    pub has_must: bool,
    /// How many requirements of its question are missing.
    pub question_missing: usize,
}

/// The gaps in the order the dashboard lists them, as indexes into `gaps` (covered ones are
/// left out): must before should, missing before needing review, then the question with
/// the most missing requirements first, then the given (catalogue) order.
pub fn rank_gaps(gaps: &[Gap]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..gaps.len())
        .filter(|&i| gaps[i].state != RequirementState::Covered)
        .collect();
    order.sort_by_key(|&i| {
        let gap = gaps[i];
        (
            !gap.has_must,
            gap.state != RequirementState::Missing,
            std::cmp::Reverse(gap.question_missing),
            i,
        )
    });
    order
}

/// Counts of requirement states, for a question, chapter, objective or scope.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub covered: usize,
    pub needs_review: usize,
    pub missing: usize,
}

impl Tally {
    pub fn add(&mut self, state: RequirementState) {
        match state {
            RequirementState::Covered => self.covered += 1,
            RequirementState::NeedsReview => self.needs_review += 1,
            RequirementState::Missing => self.missing += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.covered + self.needs_review + self.missing
    }

    /// The covered share, 0 to 1; nothing to cover counts as 0 (there is nothing to show yet).
    pub fn readiness(&self) -> f64 {
        match self.total() {
            0 => 0.0,
            total => self.covered as f64 / total as f64,
        }
    }

    /// The state of a question with these requirements: the worst one.
    pub fn worst(&self) -> RequirementState {
        if self.missing > 0 {
            RequirementState::Missing
        } else if self.needs_review > 0 {
            RequirementState::NeedsReview
        } else {
            RequirementState::Covered
        }
    }
}

impl FromIterator<RequirementState> for Tally {
    fn from_iter<I: IntoIterator<Item = RequirementState>>(states: I) -> Tally {
        let mut tally = Tally::default();
        for state in states {
            tally.add(state);
        }
        tally
    }
}

#[cfg(test)]
mod tests;
