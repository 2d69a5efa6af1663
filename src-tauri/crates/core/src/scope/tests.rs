use super::*;
use std::collections::BTreeMap;

/// The control questions of VCSA 1.1 (and of the demo catalogue): (chapter, question).
fn vcsa_questions() -> Vec<(String, String)> {
    [
        "1.1", "1.2", "1.3", "1.4", "2.1", "3.1", "3.2", "3.3", "4.1", "5.1", "5.2", "5.3", "6.1",
        "6.2", "7.1", "7.2", "7.3", "7.4", "7.5", "8.1", "9.1", "9.2", "9.3", "9.4",
    ]
    .iter()
    .map(|q| (q.split('.').next().unwrap().to_owned(), q.to_string()))
    .collect()
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn the_default_matrix_gives_the_documented_question_counts() {
    use Objective::*;
    let matrix = ApplicabilityMatrix::default();
    let cases: [(&[Objective], usize); 5] = [
        (&[Development], 14),
        (&[Production], 11),
        (&[OperationsMaintenance], 19),
        (&[Development, Production, OperationsMaintenance], 24),
        (&[], 0),
    ];
    for (objectives, expected) in cases {
        let applicable = applicability(&matrix, objectives, &vcsa_questions(), &BTreeMap::new())
            .iter()
            .filter(|q| q.applicable)
            .count();
        assert_eq!(applicable, expected, "{objectives:?}");
    }
}

#[test]
fn the_default_matrix_text_parses_and_a_bad_line_is_named() {
    assert!(ApplicabilityMatrix::parse(DEFAULT_MATRIX_TEXT).is_ok());
    let err = ApplicabilityMatrix::parse("all: chapter 1\ndesign: chapter 5\nproduction: part 6.2")
        .unwrap_err();
    assert_eq!(
        err,
        vec![2, 3],
        "an unknown objective and an unknown selector"
    );
}

use super::DEFAULT_MATRIX as DEFAULT_MATRIX_TEXT;

#[test]
fn overrides_survive_a_change_of_objectives_and_are_shown() {
    let matrix = ApplicabilityMatrix::default();
    let mut overrides = BTreeMap::new();
    overrides.insert(
        "1.3".to_owned(),
        (false, "No projects at this site".to_owned()),
    );
    overrides.insert("7.1".to_owned(), (true, String::new()));
    for objectives in [
        vec![Objective::Development],
        vec![Objective::Development, Objective::Production],
    ] {
        let result = applicability(&matrix, &objectives, &vcsa_questions(), &overrides);
        let q13 = result.iter().find(|q| q.question_id == "1.3").unwrap();
        assert!(
            q13.by_default && !q13.applicable,
            "NA by the user although the matrix applies it"
        );
        assert_eq!(
            q13.overridden,
            Some((false, "No projects at this site".into()))
        );
        let q71 = result.iter().find(|q| q.question_id == "7.1").unwrap();
        assert!(
            !q71.by_default && q71.applicable,
            "applicable by the user beyond the matrix"
        );
    }
}

fn location(labels: &[&str]) -> CheckedLocation {
    CheckedLocation {
        name: "Plant Nord".into(),
        cs_activities: true,
        labels: labels
            .iter()
            .map(|d| TisaxLabel {
                label: "Confidential".into(),
                level: 3,
                expires: date(d),
            })
            .collect(),
    }
}

fn facts(locations: Vec<CheckedLocation>) -> PrerequisiteFacts {
    PrerequisiteFacts {
        locations,
        objectives: 1,
        has_catalogue: true,
        expiry_warning_days: DEFAULT_EXPIRY_WARNING_DAYS,
        today: date("2026-12-01"),
    }
}

#[test]
fn a_label_is_judged_against_the_audit_date_with_a_90_day_warning() {
    let audit = date("2027-03-15");
    let cases = [
        (
            "2027-03-14",
            Some("no_valid_tisax_label"),
            "expired the day before",
        ),
        (
            "2027-03-15",
            Some("tisax_label_expires_soon"),
            "valid on its last day",
        ),
        (
            "2027-06-12",
            Some("tisax_label_expires_soon"),
            "89 days after",
        ),
        (
            "2027-06-13",
            Some("tisax_label_expires_soon"),
            "90 days after",
        ),
        ("2027-06-14", None, "91 days after"),
    ];
    for (expires, expected, why) in cases {
        let found = check_prerequisites(&facts(vec![location(&[expires])]), audit);
        assert_eq!(
            found.first().map(Prerequisite::code),
            expected,
            "{why}: {found:?}"
        );
    }
}

#[test]
fn the_latest_valid_label_counts_and_expired_ones_are_history() {
    let found = check_prerequisites(
        &facts(vec![location(&["2020-01-01", "2030-01-01"])]),
        date("2027-03-15"),
    );
    assert!(
        found.is_empty(),
        "an old expired label does not matter: {found:?}"
    );
}

#[test]
fn missing_parts_of_a_scope_are_errors() {
    let mut bare = facts(vec![]);
    bare.objectives = 0;
    bare.has_catalogue = false;
    let codes: Vec<_> = check_prerequisites(&bare, date("2027-01-01"))
        .iter()
        .map(Prerequisite::code)
        .collect();
    assert_eq!(codes, ["no_location", "no_objective", "no_catalogue"]);

    let mut idle = location(&["2030-01-01"]);
    idle.cs_activities = false;
    let found = check_prerequisites(&facts(vec![idle]), date("2027-01-01"));
    assert_eq!(
        found,
        [Prerequisite::NoCyberSecurityActivities {
            location: "Plant Nord".into()
        }]
    );
    assert_eq!(found[0].severity(), Severity::Error);
}

#[test]
fn the_sample_size_is_the_rounded_up_square_root() {
    for (population, sample) in [
        (0, 0),
        (1, 1),
        (2, 2),
        (4, 2),
        (5, 3),
        (9, 3),
        (10, 4),
        (100, 10),
        (101, 11),
    ] {
        assert_eq!(suggested_sample_size(population), sample, "{population}");
    }
}

#[test]
fn objectives_and_labels_read_their_names_and_slugs() {
    assert_eq!(
        Objective::parse("operations-maintenance"),
        Some(Objective::OperationsMaintenance)
    );
    assert_eq!(Objective::parse("Design"), None);
    assert_eq!(
        tisax_label("strictly-confidential"),
        Some("Strictly confidential")
    );
    assert_eq!(tisax_label("INFO HIGH"), Some("Info high"));
    assert_eq!(tisax_label("secret"), None);
}

#[test]
fn every_label_expiring_in_the_warning_window_is_named_not_only_the_last() {
    let mut nord = location(&["2027-04-01", "2027-05-01"]);
    nord.labels[1].label = "Proto parts".into();
    let found = check_prerequisites(&facts(vec![nord]), date("2027-03-15"));
    let Some(Prerequisite::TisaxLabelExpiresSoon {
        labels, days_after, ..
    }) = found.first()
    else {
        panic!("a warning was expected: {found:?}");
    };
    assert_eq!(
        labels,
        &[
            ("Confidential".to_owned(), date("2027-04-01")),
            ("Proto parts".to_owned(), date("2027-05-01")),
        ],
        "both labels expire within 90 days of the audit, so both are named"
    );
    assert_eq!(*days_after, 47, "counted to the last one");
    let text = found[0].message().render(crate::i18n::Lang::English);
    assert!(
        text.contains("Confidential (2027-04-01)") && text.contains("Proto parts (2027-05-01)"),
        "{text}"
    );
}

#[test]
fn each_tisax_label_implies_its_assessment_level() {
    let expected = [
        ("Info high", 2),
        ("Info very high", 3),
        ("Confidential", 2),
        ("Strictly confidential", 3),
        ("High availability", 2),
        ("Very high availability", 3),
        ("Proto parts", 3),
        ("Proto vehicles", 3),
        ("Test vehicles", 3),
        ("Proto events", 3),
        ("Data", 2),
        ("Special data", 3),
    ];
    for (label, level) in expected {
        assert_eq!(tisax_label_level(label), Some(level), "{label}");
    }
    assert_eq!(tisax_label_level("strictly-confidential"), Some(3));
    assert_eq!(tisax_label_level("secret"), None);
}

#[test]
fn an_audit_date_before_today_is_an_error_not_a_met_prerequisite() {
    let found = check_prerequisites(&facts(vec![location(&["2030-01-01"])]), date("1999-01-01"));
    assert_eq!(
        found.iter().map(Prerequisite::code).collect::<Vec<_>>(),
        ["audit_date_in_past"],
        "1999 is long gone: {found:?}"
    );
    assert_eq!(found[0].severity(), Severity::Error);
    let today = check_prerequisites(&facts(vec![location(&["2030-01-01"])]), date("2026-12-01"));
    assert!(today.is_empty(), "an audit today is still ahead: {today:?}");
}

#[test]
fn german_calls_a_scope_geltungsbereich_everywhere() {
    // "Scope" stays only in the IDs' names (ENX-Scope-ID) and for TISAX's own scope.
    let stray: Vec<&str> = include_str!("../../messages/de.ftl")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter(|line| {
            line.replace("Scope-ID", "")
                .replace("TISAX-Scope", "")
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word == "Scope" || word == "Scopes")
        })
        .collect();
    assert!(stray.is_empty(), "{stray:#?}");
}
