use super::*;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn deadline(
    kind: DeadlineKind,
    key: &str,
    due: &str,
    scope: Option<&str>,
    owner: Option<&str>,
) -> Deadline {
    Deadline {
        kind,
        key: key.into(),
        what: Message::new("countdown.today"),
        due: date(due),
        scope: scope.map(Into::into),
        owner: owner.map(Into::into),
    }
}

#[test]
fn deadlines_sort_overdue_first_then_by_date_and_filter_by_kind_scope_owner_and_window() {
    let today = date("2026-11-25");
    let mut list = vec![
        deadline(
            DeadlineKind::VcsLabel,
            "vcs/1",
            "2027-02-28",
            Some("ECU"),
            None,
        ),
        deadline(
            DeadlineKind::CorrectiveAction,
            "action/2",
            "2026-11-20",
            Some("ECU"),
            Some("Anna"),
        ),
        deadline(
            DeadlineKind::EvidenceReview,
            "review/3",
            "2026-12-01",
            None,
            Some("Ben"),
        ),
        deadline(
            DeadlineKind::TisaxLabel,
            "tisax/4",
            "2026-11-25",
            None,
            None,
        ),
    ];
    sort(&mut list);
    let keys: Vec<&str> = list.iter().map(|d| d.key.as_str()).collect();
    assert_eq!(keys, ["action/2", "tisax/4", "review/3", "vcs/1"]);
    assert!(list[0].overdue(today));
    assert_eq!(list[0].days_left(today), -5);
    assert!(!list[1].overdue(today), "due today is not overdue yet");

    let keep = |filter: DeadlineFilter| -> Vec<&str> {
        list.iter()
            .filter(|d| filter.keeps(d, today))
            .map(|d| d.key.as_str())
            .collect()
    };
    assert_eq!(
        keep(DeadlineFilter {
            within_days: Some(6),
            ..DeadlineFilter::default()
        }),
        ["action/2", "tisax/4", "review/3"]
    );
    assert_eq!(
        keep(DeadlineFilter {
            scope: Some("ecu".into()),
            ..DeadlineFilter::default()
        }),
        ["action/2", "vcs/1"]
    );
    assert_eq!(
        keep(DeadlineFilter {
            owner: Some("be".into()),
            ..DeadlineFilter::default()
        }),
        ["review/3"]
    );
    assert_eq!(
        keep(DeadlineFilter {
            kinds: vec![DeadlineKind::VcsLabel, DeadlineKind::TisaxLabel],
            ..DeadlineFilter::default()
        }),
        ["tisax/4", "vcs/1"]
    );
}

#[test]
fn countdowns_read_as_words() {
    assert_eq!(countdown(0).key, "countdown.today");
    assert_eq!(
        countdown(23),
        Message::new("countdown.in_days").arg("days", 23)
    );
    assert_eq!(
        countdown(-3),
        Message::new("countdown.days_ago").arg("days", 3)
    );
    for kind in DeadlineKind::ALL {
        assert_eq!(DeadlineKind::parse(kind.as_str()), Some(kind));
    }
}
