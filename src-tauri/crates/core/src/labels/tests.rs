use super::*;
use Objective::*;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn month_arithmetic_clamps_to_the_end_of_shorter_months() {
    for (from, months, expected) in [
        ("2026-05-31", 9, "2027-02-28"),
        ("2027-05-31", 9, "2028-02-29"),
        ("2028-02-29", 36, "2031-02-28"),
        ("2026-01-15", 9, "2026-10-15"),
        ("2026-08-31", 3, "2026-11-30"),
    ] {
        assert_eq!(
            add_months(date(from), months),
            date(expected),
            "{from} + {months}"
        );
    }
    assert_eq!(sub_months(date("2029-03-31"), 1), date("2029-02-28"));
}

fn history(result: OverallResult) -> AuditHistory {
    AuditHistory {
        initial_closing: date("2026-05-31"),
        initial_result: result,
        failed_by_decision: false,
        cap_confirmed: false,
        follow_up_closing: None,
    }
}

#[test]
fn labels_follow_the_overall_result_and_what_came_after() {
    let rules = LabelRules::default();
    let objectives = [Development, Production];
    let kinds = |h: &AuditHistory| -> Vec<(Objective, LabelKind, NaiveDate, NaiveDate)> {
        labels(h, &objectives, &rules)
            .labels
            .iter()
            .map(|l| (l.objective, l.kind, l.valid_from, l.expires))
            .collect()
    };
    let closing = date("2026-05-31");
    let permanent = |o| (o, LabelKind::Permanent, closing, date("2029-05-31"));
    let temporary = |o| (o, LabelKind::Temporary, closing, date("2027-02-28"));

    assert_eq!(
        kinds(&history(OverallResult::Pass)),
        [permanent(Development), permanent(Production)]
    );
    assert!(
        kinds(&history(OverallResult::Fail)).is_empty(),
        "no labels on FAIL"
    );
    assert!(kinds(&history(OverallResult::Incomplete)).is_empty());

    let mut conditional = history(OverallResult::ConditionalPass);
    assert!(
        kinds(&conditional).is_empty(),
        "no labels before the CAP audit confirms the plan"
    );
    conditional.cap_confirmed = true;
    assert_eq!(
        kinds(&conditional),
        [temporary(Development), temporary(Production)]
    );
    let outcome = labels(&conditional, &objectives, &rules);
    assert_eq!(outcome.follow_up_due, Some(date("2027-02-28")));

    conditional.follow_up_closing = Some(date("2027-01-20"));
    assert_eq!(
        kinds(&conditional),
        [permanent(Development), permanent(Production)],
        "the follow-up turns them permanent, still counted from the initial closing meeting"
    );
    conditional.follow_up_closing = Some(date("2027-02-28"));
    assert!(
        kinds(&conditional).is_empty(),
        "too late: the temporary labels ran out that day"
    );

    let mut decided = history(OverallResult::ConditionalPass);
    decided.cap_confirmed = true;
    decided.failed_by_decision = true;
    assert!(
        kinds(&decided).is_empty(),
        "failed despite a conditional pass"
    );
}

#[test]
fn renewal_starts_a_year_before_permanent_labels_expire() {
    let outcome = labels(
        &history(OverallResult::Pass),
        &[Development],
        &LabelRules::default(),
    );
    assert_eq!(outcome.renewal_from, Some(date("2028-05-31")));
    assert_eq!(outcome.labels[0].days_left(date("2029-05-30")), 1);
    assert_eq!(outcome.labels[0].days_left(date("2029-06-01")), -1);
}

#[test]
fn corrective_action_periods_follow_the_3_6_9_month_rules() {
    let rules = LabelRules::default();
    let closing = date("2026-05-31");
    let cases = [
        ("2026-08-31", false, DueDateCheck::Fine),
        (
            "2026-09-01",
            false,
            DueDateCheck::JustificationExpected { months: 3 },
        ),
        ("2026-09-01", true, DueDateCheck::Fine),
        (
            "2026-11-30",
            false,
            DueDateCheck::JustificationExpected { months: 3 },
        ),
        (
            "2026-12-01",
            false,
            DueDateCheck::JustificationRequired { months: 6 },
        ),
        ("2026-12-01", true, DueDateCheck::Fine),
        ("2027-02-28", true, DueDateCheck::Fine),
        ("2027-03-01", true, DueDateCheck::TooLate { months: 9 }),
    ];
    for (due, justified, expected) in cases {
        assert_eq!(
            check_due_date(closing, date(due), justified, &rules),
            expected,
            "{due} {justified}"
        );
    }
}
