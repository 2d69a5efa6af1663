use super::*;
use csmsdesk_core::i18n::Lang;

fn problems(err: crate::Error) -> Vec<(String, String)> {
    err.field_errors()
        .into_iter()
        .map(|f| (f.field, f.message.render(Lang::English)))
        .collect()
}

#[test]
fn a_deadline_filter_names_every_unknown_kind_and_an_out_of_range_look_ahead() {
    let kinds = [
        "renewal".to_owned(),
        "audit".to_owned(),
        "labels".to_owned(),
    ];
    let err = deadline_filter(Some(MAX_WITHIN_DAYS + 1), &kinds, None, None).unwrap_err();
    let found = problems(err);
    let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        ["kind", "kind", "within_days"],
        "every problem at once, not only the first: {found:?}"
    );
    assert!(found[1].1.contains("“labels”"), "{found:?}");
    assert!(
        found[2].1.contains("3651") && found[2].1.contains("3650"),
        "{found:?}"
    );
    assert!(
        deadline_filter(Some(-1), &[], None, None).is_err(),
        "a negative look ahead is refused, not read as no limit"
    );
}

#[test]
fn a_deadline_filter_keeps_a_look_ahead_in_range_and_drops_blank_texts() {
    let filter = deadline_filter(
        Some(MAX_WITHIN_DAYS),
        &["corrective-action".to_owned()],
        Some("  "),
        Some(" Anna "),
    )
    .unwrap();
    assert_eq!(filter.within_days, Some(MAX_WITHIN_DAYS));
    assert_eq!(filter.kinds, [DeadlineKind::CorrectiveAction]);
    assert_eq!(filter.scope, None, "a blank scope filters nothing");
    assert_eq!(filter.owner.as_deref(), Some("Anna"));
    assert_eq!(
        deadline_filter(Some(0), &[], None, None)
            .unwrap()
            .within_days,
        Some(0),
        "zero days: due today or overdue"
    );
}

/// Four evidence reviews (two overdue on `today()`, one due in 10 days, one in a year; two
/// with an owner) and a TISAX label of a location expiring in 60 days.
fn dated() -> crate::test_support::Setup {
    use crate::test_support::*;
    use crate::{EvidenceId, EvidenceInput, LabelInput, LocationInput};
    let mut s = setup();
    let reviews = [
        ("a.pdf", "2026-11-01", "Zoe"),
        ("b.pdf", "2026-12-05", ""),
        ("c.pdf", "2027-11-25", "anna"),
        ("d.pdf", "2026-11-20", ""),
    ];
    for (name, due, owner) in reviews {
        let path = s.file(name, name);
        let id = Setup::added_id(&s.add(&[&path], &[]));
        s.ws.update_evidence(
            EvidenceId(id),
            &EvidenceInput {
                owner: owner.into(),
                review_due: due.into(),
                ..EvidenceInput::default()
            },
            None,
        )
        .unwrap();
    }
    s.ws.add_location(&LocationInput {
        name: "Plant Süd".into(),
        labels: vec![LabelInput {
            label: "confidential".into(),
            level: "2".into(),
            expires: "2027-01-24".into(),
        }],
        ..LocationInput::default()
    })
    .unwrap();
    s
}

fn page_keys(page: &DeadlinePage) -> Vec<String> {
    page.deadlines.iter().map(|d| d.key.clone()).collect()
}

#[test]
fn a_deadline_page_holds_its_rows_and_the_counts_of_everything_the_filter_keeps() {
    let s = dated();
    let today = crate::test_support::today();
    let all = s.ws.deadlines(&DeadlineFilter::default(), today).unwrap();
    assert_eq!(all.len(), 5);
    let input = DeadlinePageInput {
        limit: Some(2),
        ..DeadlinePageInput::default()
    };
    let first =
        s.ws.deadlines_page(&DeadlineFilter::default(), &input, today, Lang::English)
            .unwrap();
    assert_eq!(
        page_keys(&first),
        ["evidence-review-1", "evidence-review-4"],
        "overdue first, by date"
    );
    assert_eq!(
        (first.total, first.overdue, first.soon, first.soon_days),
        (5, 2, 2, 90),
        "counted over all five: the review in 10 days and the label in 60 are due soon"
    );
    let rest =
        s.ws.deadlines_page(
            &DeadlineFilter::default(),
            &DeadlinePageInput {
                offset: 2,
                ..DeadlinePageInput::default()
            },
            today,
            Lang::English,
        )
        .unwrap();
    let together: Vec<String> = page_keys(&first)
        .into_iter()
        .chain(page_keys(&rest))
        .collect();
    let plain: Vec<String> = all.iter().map(|d| d.key.clone()).collect();
    assert_eq!(together, plain, "the pages together are the whole list");
    let reviews = deadline_filter(None, &["evidence-review".to_owned()], None, None).unwrap();
    let page =
        s.ws.deadlines_page(
            &reviews,
            &DeadlinePageInput::default(),
            today,
            Lang::English,
        )
        .unwrap();
    assert_eq!((page.total, page.overdue, page.soon), (4, 2, 1));
}

#[test]
fn a_deadline_page_sorts_by_any_column_with_those_without_an_owner_last() {
    let s = dated();
    let today = crate::test_support::today();
    let sorted = |sort: &str, direction: &str| {
        let input = DeadlinePageInput {
            sort: sort.into(),
            direction: direction.into(),
            ..DeadlinePageInput::default()
        };
        page_keys(
            &s.ws
                .deadlines_page(&DeadlineFilter::default(), &input, today, Lang::English)
                .unwrap(),
        )
    };
    assert_eq!(
        sorted("owner", "asc"),
        [
            "evidence-review-3",
            "evidence-review-1",
            "evidence-review-4",
            "evidence-review-2",
            "tisax-label-2-confidential"
        ],
        "anna, Zoe, then the three without an owner by date"
    );
    assert_eq!(
        sorted("owner", "desc")[..2],
        ["evidence-review-1", "evidence-review-3"]
    );
    assert_eq!(
        sorted("due", "desc")[0],
        "evidence-review-3",
        "the furthest first"
    );
    assert_eq!(sorted("kind", "desc")[0], "tisax-label-2-confidential");
}

#[test]
fn every_problem_of_a_deadline_page_request_is_named_at_once() {
    let s = dated();
    let input = DeadlinePageInput {
        sort: "size".into(),
        direction: "up".into(),
        limit: Some(crate::MAX_PAGE_ROWS + 1),
        ..DeadlinePageInput::default()
    };
    let err =
        s.ws.deadlines_page(
            &DeadlineFilter::default(),
            &input,
            crate::test_support::today(),
            Lang::English,
        )
        .unwrap_err();
    let fields: Vec<String> = problems(err).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["sort", "direction", "limit"]);
}

#[test]
fn a_page_read_from_the_first_reviews_is_the_slice_of_the_whole_sorted_list_by_every_column() {
    use crate::test_support::*;
    use crate::{EvidenceId, EvidenceInput};
    let mut s = dated();
    // Eleven more reviews on two days, so that ties on the date go by the key as text
    // (evidence-review-10 before evidence-review-9) across the pages.
    for n in 0..11 {
        let path = s.file(&format!("more-{n}.pdf"), &format!("more {n}"));
        let id = Setup::added_id(&s.add(&[&path], &[]));
        let due = if n % 2 == 0 {
            "2026-11-20"
        } else {
            "2027-01-24"
        };
        s.ws.update_evidence(
            EvidenceId(id),
            &EvidenceInput {
                owner: if n % 3 == 0 {
                    "Anna".into()
                } else {
                    String::new()
                },
                review_due: due.into(),
                ..EvidenceInput::default()
            },
            None,
        )
        .unwrap();
    }
    let today = crate::test_support::today();
    let filters = [
        DeadlineFilter::default(),
        deadline_filter(None, &["evidence-review".to_owned()], None, Some("ANNA")).unwrap(),
        deadline_filter(Some(30), &[], None, None).unwrap(),
        deadline_filter(None, &["tisax-label".to_owned()], None, None).unwrap(),
    ];
    let columns = csmsdesk_core::deadlines::DeadlineColumn::ALL;
    for (filter, column, lang) in filters.iter().flat_map(|f| {
        columns
            .into_iter()
            .flat_map(move |c| [Lang::English, Lang::German].map(|l| (f, c, l)))
    }) {
        for direction in ["asc", "desc"] {
            let mut whole = s.ws.deadlines(filter, today).unwrap();
            let dir = csmsdesk_core::order::Direction::parse(direction).unwrap();
            csmsdesk_core::deadlines::sort_by(&mut whole, column, dir, lang);
            let keys: Vec<String> = whole.iter().map(|d| d.key.clone()).collect();
            for offset in 0..=keys.len() as u64 {
                for limit in [1, 3, 7] {
                    let input = DeadlinePageInput {
                        sort: column.as_str().into(),
                        direction: direction.into(),
                        offset,
                        limit: Some(limit),
                    };
                    let page = s.ws.deadlines_page(filter, &input, today, lang).unwrap();
                    let expected: Vec<String> = keys
                        .iter()
                        .skip(offset as usize)
                        .take(limit as usize)
                        .cloned()
                        .collect();
                    assert_eq!(
                        page_keys(&page),
                        expected,
                        "{filter:?} by {column:?} {direction} in {lang:?}, rows {offset}+{limit}"
                    );
                    let all = s
                        .ws
                        .deadlines_page(filter, &DeadlinePageInput::default(), today, Lang::English)
                        .unwrap();
                    assert_eq!(
                        (page.total, page.overdue, page.soon),
                        (all.total, all.overdue, all.soon),
                        "the database's counts are those of the whole list: {filter:?}"
                    );
                    assert_eq!(page.total, keys.len() as u64);
                }
            }
        }
    }
}

/// The desktop notification of a desk lists its user's own deadlines first (issue 20): an
/// owner that contains the user's name, case ignored.
#[test]
fn the_notification_lists_the_desks_users_own_deadlines_first() {
    let s = dated();
    let today = crate::test_support::today();
    let all = s.ws.deadlines(&DeadlineFilter::default(), today).unwrap();
    let listed = |me: &str| digest(&all, today, 14, Lang::English, me).unwrap().1;
    let first_line = |me: &str| listed(me).lines().next().unwrap_or_default().to_owned();
    assert_eq!(first_line("zoe"), "1 of them is yours (zoe), listed first");
    let zoes = listed("zoe");
    assert!(zoes.lines().nth(1).unwrap().contains("a.pdf"), "{zoes}");
    let annas = listed("ANNA");
    assert!(
        annas.lines().nth(1).unwrap().contains("c.pdf"),
        "the year-ahead one leads: {annas}"
    );
    assert!(
        !listed("carla").contains("yours"),
        "nobody's own: no line for it"
    );
}
