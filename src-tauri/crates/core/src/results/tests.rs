use super::*;
use QuestionResult::*;

/// A named case: every question's (applicable, result) and the expected overall result.
type Case = (
    &'static str,
    Vec<(bool, Option<QuestionResult>)>,
    OverallResult,
);

#[test]
fn overall_result_follows_the_domain_rules_over_every_question() {
    let cases: [Case; 9] = [
        (
            "all conform",
            vec![(true, Some(Conform)); 3],
            OverallResult::Pass,
        ),
        (
            "na questions do not count",
            vec![(true, Some(Conform)), (false, None), (false, Some(Major))],
            OverallResult::Pass,
        ),
        (
            "one minor",
            vec![(true, Some(Conform)), (true, Some(Minor))],
            OverallResult::ConditionalPass,
        ),
        (
            "a major outweighs minors",
            vec![
                (true, Some(Minor)),
                (true, Some(Major)),
                (true, Some(Minor)),
            ],
            OverallResult::Fail,
        ),
        (
            "an open question keeps it incomplete",
            vec![(true, Some(Major)), (true, None)],
            OverallResult::Incomplete,
        ),
        (
            "a minor only on the last question (9.3 in the workbook's blind spot) counts",
            [
                vec![(true, Some(Conform)); 22],
                vec![(true, Some(Minor)), (true, Some(Conform))],
            ]
            .concat(),
            OverallResult::ConditionalPass,
        ),
        ("no questions at all", vec![], OverallResult::Incomplete),
        (
            "na recorded on an applicable question is not a finding",
            vec![(true, Some(Na)), (true, Some(Conform))],
            OverallResult::Pass,
        ),
        (
            "only not-applicable questions: nothing was assessed",
            vec![(false, None), (false, None)],
            OverallResult::Incomplete,
        ),
    ];
    for (name, questions, expected) in cases {
        assert_eq!(overall_result(questions), expected, "{name}");
    }
}

#[test]
fn results_read_the_workbook_spellings_and_our_own() {
    for (text, expected) in [
        ("conform", Some(Conform)),
        ("minor-non-conform", Some(Minor)),
        ("Major non-conform", Some(Major)),
        (" NA ", Some(Na)),
        ("n/a", Some(Na)),
        ("minor", Some(Minor)),
        ("passed", None),
        ("", None),
    ] {
        assert_eq!(QuestionResult::parse(text), expected, "{text:?}");
    }
    for result in QuestionResult::ALL {
        assert_eq!(
            QuestionResult::parse(result.workbook_spelling()),
            Some(result)
        );
        assert_eq!(QuestionResult::parse(result.as_str()), Some(result));
    }
}
