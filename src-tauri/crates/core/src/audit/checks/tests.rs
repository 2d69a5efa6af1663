use super::*;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn keys(check: &ActionCheck) -> Vec<(&'static str, &'static str)> {
    check.errors.iter().map(|(f, m)| (*f, m.key)).collect()
}

#[test]
fn an_action_without_an_owner_is_refused_on_the_owner_field() {
    let rules = LabelRules::default();
    let check = check_action(
        date("2026-05-31"),
        "  ",
        Some(date("2026-07-01")),
        false,
        &rules,
    );
    assert_eq!(keys(&check), [("owner", "audit.owner_missing")]);
}

#[test]
fn an_action_due_before_the_closing_meeting_is_refused_on_the_due_field() {
    let rules = LabelRules::default();
    let check = check_action(
        date("2026-05-31"),
        "Q",
        Some(date("2026-05-30")),
        false,
        &rules,
    );
    assert_eq!(keys(&check), [("due", "audit.due_before_closing")]);
    let on_the_day = check_action(
        date("2026-05-31"),
        "Q",
        Some(date("2026-05-31")),
        false,
        &rules,
    );
    assert_eq!(
        on_the_day,
        ActionCheck::default(),
        "the closing day itself is fine"
    );
}

#[test]
fn beyond_three_months_without_a_justification_is_a_warning_not_a_refusal() {
    let rules = LabelRules::default();
    let closing = date("2026-05-31");
    let check = check_action(closing, "Q", Some(date("2026-09-15")), false, &rules);
    assert!(check.errors.is_empty(), "{check:?}");
    assert_eq!(check.warnings[0].key, "audit.due_needs_justification");
    let justified = check_action(closing, "Q", Some(date("2026-09-15")), true, &rules);
    assert_eq!(
        justified,
        ActionCheck::default(),
        "a justification silences it"
    );
    let late = check_action(closing, "Q", Some(date("2026-12-15")), false, &rules);
    assert_eq!(
        keys(&late),
        [("justification", "audit.due_requires_justification")]
    );
    let too_late = check_action(closing, "Q", Some(date("2027-03-01")), true, &rules);
    assert_eq!(keys(&too_late), [("due", "audit.due_too_late")]);
}

#[test]
fn a_major_finding_on_a_conform_question_disagrees_and_names_the_result_needed() {
    let message = disagreement(
        "1.2",
        Some(QuestionResult::Conform),
        [
            FindingKind::Observation,
            FindingKind::Major,
            FindingKind::Minor,
        ],
    )
    .expect("a major finding needs a major result");
    assert_eq!(message.key, "audit.finding_result_disagree");
    let text = message.render(crate::i18n::Lang::English);
    assert!(
        text.contains("1.2") && text.contains("Major non-conformity"),
        "{text}"
    );
    assert!(
        disagreement("1.2", Some(QuestionResult::Minor), [FindingKind::Major]).is_some(),
        "a minor result is not enough for a major finding"
    );
}

#[test]
fn findings_agree_with_an_equal_or_more_severe_result_or_with_no_result_yet() {
    use FindingKind::*;
    assert_eq!(
        disagreement("1.2", Some(QuestionResult::Major), [Major, Minor]),
        None
    );
    assert_eq!(
        disagreement("1.2", Some(QuestionResult::Major), [Minor]),
        None
    );
    assert_eq!(
        disagreement(
            "1.2",
            Some(QuestionResult::Conform),
            [Observation, Improvement]
        ),
        None
    );
    assert_eq!(
        disagreement("1.2", None, [Major]),
        None,
        "no result yet: nothing to agree with"
    );
}
