use super::*;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn there_are_42_distinct_work_products_from_clause_5_to_15() {
    let mut sorted = WORK_PRODUCTS.to_vec();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 42);
    assert_eq!(sorted.first(), Some(&"WP-05-01"));
    assert_eq!(sorted.last(), Some(&"WP-15-08"));
}

#[test]
fn work_products_are_found_however_they_are_typed() {
    assert_eq!(work_product("WP-09-02"), Some("WP-09-02"));
    assert_eq!(work_product("wp-9-2"), Some("WP-09-02"));
    assert_eq!(work_product(" wp 15 08 "), Some("WP-15-08"));
    assert_eq!(
        work_product("WP-15-09"),
        None,
        "clause 15 has eight work products"
    );
    assert_eq!(work_product("RQ-09-02"), None);
    assert_eq!(work_product("WP-09"), None);
}

#[test]
fn classifications_read_their_names_and_spellings() {
    assert_eq!(
        Classification::parse("Strictly confidential"),
        Some(Classification::StrictlyConfidential)
    );
    assert_eq!(
        Classification::parse("internal"),
        Some(Classification::Internal)
    );
    assert_eq!(Classification::parse("secret"), None);
}

#[test]
fn evidence_state_names_the_first_thing_to_act_on() {
    let today = date("2026-11-25");
    let facts = |source_missing, latest_reviewed, due: Option<&str>| EvidenceFacts {
        source_missing,
        latest_reviewed,
        review_due: due.map(date),
    };
    let cases = [
        (facts(false, true, None), EvidenceState::Current),
        (
            facts(false, true, Some("2026-11-26")),
            EvidenceState::Current,
        ),
        (
            facts(false, true, Some("2026-11-25")),
            EvidenceState::ReviewDue,
        ),
        (
            facts(false, false, Some("2026-01-01")),
            EvidenceState::Changed,
        ),
        (
            facts(true, false, Some("2026-01-01")),
            EvidenceState::Missing,
        ),
    ];
    for (facts, expected) in cases {
        assert_eq!(evidence_state(facts, today), expected, "{facts:?}");
    }
    assert!(EvidenceState::Current.is_current());
    assert!(!EvidenceState::ReviewDue.is_current());
}

#[test]
fn evidence_states_are_listed_most_urgent_first() {
    // The list the window offers and sorts by follows the precedence of `evidence_state`:
    // with every reason present the first state wins, and each reason taken away in turn
    // yields the next one.
    let today = date("2026-11-25");
    let steps = [
        EvidenceFacts {
            source_missing: true,
            latest_reviewed: false,
            review_due: Some(date("2026-01-01")),
        },
        EvidenceFacts {
            source_missing: false,
            latest_reviewed: false,
            review_due: Some(date("2026-01-01")),
        },
        EvidenceFacts {
            source_missing: false,
            latest_reviewed: true,
            review_due: Some(date("2026-01-01")),
        },
        EvidenceFacts {
            source_missing: false,
            latest_reviewed: true,
            review_due: None,
        },
    ];
    let states: Vec<EvidenceState> = steps.map(|f| evidence_state(f, today)).to_vec();
    assert_eq!(
        states,
        EvidenceState::ALL,
        "each state once, most urgent first"
    );
}

#[test]
fn every_evidence_column_reads_back_from_its_name() {
    for column in EvidenceColumn::ALL {
        assert_eq!(EvidenceColumn::parse(column.as_str()), Some(column));
    }
    assert_eq!(
        EvidenceColumn::parse("Review-Due"),
        Some(EvidenceColumn::ReviewDue),
        "the CLI's spelling with a hyphen"
    );
    assert_eq!(EvidenceColumn::parse("size"), None);
}

#[test]
fn a_next_review_date_must_lie_after_the_day_of_the_review() {
    let today = date("2026-11-25");
    assert!(
        !next_review_accepted(date("2026-11-24"), today),
        "a past date would make the item review-due at once"
    );
    assert!(
        !next_review_accepted(today, today),
        "a review is due from its date on, so today is due at once too"
    );
    assert!(next_review_accepted(date("2026-11-26"), today));
    // The rule and the state agree: an accepted date leaves a reviewed item current today.
    let facts = EvidenceFacts {
        source_missing: false,
        latest_reviewed: true,
        review_due: Some(date("2026-11-26")),
    };
    assert_eq!(evidence_state(facts, today), EvidenceState::Current);
}

#[test]
fn every_unknown_link_target_is_named_once_in_the_order_typed() {
    let targets: Vec<String> = ["99.9", "1.1", "1.1.z", "foo", "99.9"]
        .map(String::from)
        .to_vec();
    let unknown = unknown_targets(&targets, |id| id == "1.1");
    assert_eq!(unknown, ["99.9", "1.1.z", "foo"]);
    assert!(unknown_targets(&targets[1..2], |id| id == "1.1").is_empty());
}
