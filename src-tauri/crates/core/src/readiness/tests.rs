use super::*;
use EvidenceState::*;

#[test]
fn a_requirement_is_covered_by_one_current_evidence_item() {
    let cases: [(&str, bool, bool, &[EvidenceState], RequirementState); 8] = [
        ("no evidence", true, false, &[], RequirementState::Missing),
        (
            "one current",
            true,
            false,
            &[Current],
            RequirementState::Covered,
        ),
        (
            "current beside changed",
            true,
            false,
            &[Changed, Current],
            RequirementState::Covered,
        ),
        (
            "only changed",
            true,
            false,
            &[Changed],
            RequirementState::NeedsReview,
        ),
        (
            "only stale kinds",
            true,
            false,
            &[ReviewDue, Missing],
            RequirementState::NeedsReview,
        ),
        (
            "a deviation covers a should-only requirement",
            false,
            true,
            &[],
            RequirementState::Covered,
        ),
        (
            "a deviation never excuses a must",
            true,
            true,
            &[],
            RequirementState::Missing,
        ),
        (
            "a deviation covers a should-only requirement whose evidence is stale",
            false,
            true,
            &[Changed],
            RequirementState::Covered,
        ),
    ];
    for (name, has_must, deviation, evidence, expected) in cases {
        let state = requirement_state(RequirementFacts {
            has_must,
            deviation,
            evidence,
        });
        assert_eq!(state, expected, "{name}");
    }
}

#[test]
fn a_tally_gives_readiness_and_the_worst_state() {
    use RequirementState::*;
    let tally: Tally = [Covered, Covered, NeedsReview, Missing]
        .into_iter()
        .collect();
    assert_eq!(tally.total(), 4);
    assert!((tally.readiness() - 0.5).abs() < 1e-9);
    assert_eq!(tally.worst(), Missing);
    let reviewed: Tally = [Covered, NeedsReview].into_iter().collect();
    assert_eq!(reviewed.worst(), NeedsReview);
    assert_eq!(
        Tally::default().readiness(),
        0.0,
        "nothing to cover shows as 0"
    );
    assert_eq!(Tally::default().worst(), Covered);
}

#[test]
fn requirement_states_are_listed_most_urgent_first() {
    // The list the window offers must agree with what a tally calls the worst state.
    assert!(
        RequirementState::ALL.windows(2).all(|w| w[0] > w[1]),
        "{:?} descends in urgency",
        RequirementState::ALL
    );
    let tally: Tally = RequirementState::ALL.into_iter().collect();
    assert_eq!(tally.worst(), RequirementState::ALL[0]);
}
