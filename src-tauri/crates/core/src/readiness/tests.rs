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

#[test]
fn a_requirement_covered_only_through_its_question_says_so() {
    assert_eq!(
        covered_by(true, true, false, true),
        Some(CoveredBy::OwnEvidence)
    );
    assert_eq!(
        covered_by(false, true, false, true),
        Some(CoveredBy::Question),
        "only the question's evidence is current"
    );
    assert_eq!(
        covered_by(false, true, true, false),
        Some(CoveredBy::Deviation),
        "a justified deviation from a should-only requirement stands on its own"
    );
    assert_eq!(
        covered_by(false, true, true, true),
        Some(CoveredBy::Question),
        "a deviation never excuses a must"
    );
    assert_eq!(covered_by(false, false, false, true), None);
}

#[test]
fn gaps_rank_must_before_should_missing_before_review_and_fuller_questions_first() {
    use RequirementState::*;
    let gap = |state, has_must, question_missing| Gap {
        state,
        has_must,
        question_missing,
    };
    let gaps = [
        gap(Missing, false, 5),     // 0: a should, however many are missing
        gap(NeedsReview, true, 1),  // 1: a must needing review
        gap(Covered, true, 0),      // 2: no gap
        gap(Missing, true, 1),      // 3: a must missing, question with one missing
        gap(Missing, true, 3),      // 4: a must missing, question with three missing
        gap(Missing, true, 3),      // 5: same weight as 4: catalogue order
        gap(NeedsReview, false, 0), // 6: a should needing review: last
    ];
    assert_eq!(rank_gaps(&gaps), [4, 5, 3, 1, 0, 6]);
    assert!(rank_gaps(&[gap(Covered, true, 0)]).is_empty());
}
