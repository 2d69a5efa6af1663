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
