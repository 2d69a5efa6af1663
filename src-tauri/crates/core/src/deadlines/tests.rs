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

/// Four deadlines whose texts, scopes and owners order differently from their dates.
fn mixed() -> Vec<Deadline> {
    let mut list = vec![
        deadline(
            DeadlineKind::VcsLabel,
            "b",
            "2027-03-01",
            Some("ECU 10"),
            None,
        ),
        deadline(
            DeadlineKind::CorrectiveAction,
            "a",
            "2026-09-01",
            Some("ECU 9"),
            Some("anna"),
        ),
        deadline(
            DeadlineKind::TisaxLabel,
            "c",
            "2027-01-31",
            None,
            Some("Ben"),
        ),
        deadline(
            DeadlineKind::FollowUpAudit,
            "e",
            "2027-03-01",
            Some("Body"),
            None,
        ),
    ];
    list[0].what = Message::new("deadline.renewal").arg("scope", "Label");
    list[1].what = Message::new("deadline.renewal").arg("scope", "review");
    list[2].what = Message::new("deadline.renewal").arg("scope", "Tisax");
    list[3].what = Message::new("deadline.renewal").arg("scope", "follow");
    list
}

fn keys_by(column: DeadlineColumn, direction: Direction, lang: Lang) -> Vec<String> {
    let mut list = mixed();
    sort_by(&mut list, column, direction, lang);
    list.into_iter().map(|d| d.key).collect()
}

#[test]
fn by_due_date_and_countdown_the_plain_order_and_its_reverse() {
    for column in [DeadlineColumn::Due, DeadlineColumn::Countdown] {
        assert_eq!(
            keys_by(column, Direction::Ascending, Lang::English),
            ["a", "c", "b", "e"],
            "overdue first, a tie on the date by kind (VCS label before follow-up audit)"
        );
        assert_eq!(
            keys_by(column, Direction::Descending, Lang::English),
            ["e", "b", "c", "a"]
        );
    }
}

#[test]
fn by_kind_and_by_what_in_the_words_of_the_language() {
    // English: Corrective action, Follow-up audit, TISAX label, VCS label.
    assert_eq!(
        keys_by(DeadlineColumn::Kind, Direction::Ascending, Lang::English),
        ["a", "e", "c", "b"]
    );
    assert_eq!(
        keys_by(DeadlineColumn::Kind, Direction::Ascending, Lang::German),
        ["e", "a", "c", "b"],
        "German: Follow-up-Audit, Korrekturmaßnahme, TISAX-Label, VCS-Label"
    );
    assert_eq!(
        keys_by(DeadlineColumn::What, Direction::Descending, Lang::English),
        ["c", "a", "b", "e"],
        "what is due, case ignored: Tisax, review, Label, follow"
    );
}

#[test]
fn by_scope_or_owner_those_without_one_come_last_either_way() {
    assert_eq!(
        keys_by(DeadlineColumn::Scope, Direction::Ascending, Lang::English),
        ["e", "a", "b", "c"],
        "Body, ECU 9, ECU 10 (numbers by value), then none"
    );
    assert_eq!(
        keys_by(DeadlineColumn::Scope, Direction::Descending, Lang::English),
        ["b", "a", "e", "c"]
    );
    assert_eq!(
        keys_by(DeadlineColumn::Owner, Direction::Ascending, Lang::English),
        ["a", "c", "b", "e"],
        "anna, Ben (case ignored), then the two without an owner by date"
    );
    assert_eq!(
        keys_by(DeadlineColumn::Owner, Direction::Descending, Lang::English),
        ["c", "a", "e", "b"]
    );
}

#[test]
fn every_column_reads_back_from_its_name() {
    for column in DeadlineColumn::ALL {
        assert_eq!(DeadlineColumn::parse(column.as_str()), Some(column));
    }
    assert_eq!(
        DeadlineColumn::parse(" Owner "),
        Some(DeadlineColumn::Owner)
    );
    assert_eq!(DeadlineColumn::parse("size"), None);
}
