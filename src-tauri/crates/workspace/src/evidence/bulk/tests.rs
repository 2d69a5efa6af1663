use super::*;
use crate::EvidenceInput;
use crate::test_support::*;
use csmsdesk_core::i18n::Lang;
use csmsdesk_store::journal;

/// Adds `names` (one file each, content = name) and returns their ids in order.
fn items(s: &mut Setup, names: &[&str]) -> Vec<EvidenceId> {
    names
        .iter()
        .map(|name| {
            let path = s.file(name, name);
            EvidenceId(Setup::added_id(&s.add(&[&path], &[])))
        })
        .collect()
}

fn ids(list: &[EvidenceId]) -> EvidenceSelection {
    EvidenceSelection {
        ids: list.to_vec(),
        filter: None,
    }
}

fn filter(text: &str) -> EvidenceSelection {
    EvidenceSelection {
        ids: Vec::new(),
        filter: Some(EvidencePageInput {
            filter: text.into(),
            // A page's paging must not narrow a bulk change to the rows shown.
            limit: Some(1),
            ..EvidencePageInput::default()
        }),
    }
}

fn set(field: &str, value: &str) -> BulkChange {
    BulkChange::Set {
        field: field.into(),
        value: value.into(),
    }
}

fn fields(error: &Error) -> Vec<String> {
    error.field_errors().into_iter().map(|f| f.field).collect()
}

#[test]
fn a_work_product_is_set_on_every_item_the_filter_keeps_not_only_the_page() {
    let mut s = setup();
    items(
        &mut s,
        &["tara-a.xlsx", "tara-b.xlsx", "tara-c.xlsx", "policy.pdf"],
    );
    let before = journal::count(s.ws.db.conn()).unwrap();
    let outcome =
        s.ws.bulk_evidence(
            &filter("tara"),
            &set("work_product", "wp-9-2"),
            today(),
            Lang::English,
        )
        .unwrap();
    assert_eq!(
        outcome,
        BulkOutcome {
            selected: 3,
            changed: 3
        }
    );
    assert_eq!(journal::count(s.ws.db.conn()).unwrap() - before, 3);
    let views = s.ws.evidence(today()).unwrap();
    let typed: Vec<(&str, Option<&str>)> = views
        .iter()
        .map(|v| (v.record.title.as_str(), v.record.work_product.as_deref()))
        .collect();
    assert!(
        typed.contains(&("tara-c.xlsx", Some("WP-09-02"))),
        "{typed:?}"
    );
    assert!(typed.contains(&("policy.pdf", None)), "{typed:?}");
}

#[test]
fn owner_classification_and_review_date_are_set_on_the_ids_given() {
    let mut s = setup();
    let list = items(&mut s, &["a.pdf", "b.pdf", "c.pdf"]);
    for (field, value) in [
        ("owner", "Quality"),
        ("classification", "confidential"),
        ("review_due", "2027-03-01"),
    ] {
        let outcome =
            s.ws.bulk_evidence(&ids(&list[..2]), &set(field, value), today(), Lang::English)
                .unwrap();
        assert_eq!(outcome.changed, 2, "{field}");
    }
    let (a, _) = s.ws.evidence_item(list[0], today()).unwrap();
    assert_eq!(a.record.owner, "Quality");
    assert_eq!(a.record.classification.as_str(), "confidential");
    assert_eq!(a.record.review_due, Some(date("2027-03-01")));
    let (c, _) = s.ws.evidence_item(list[2], today()).unwrap();
    assert_eq!(c.record.owner, "", "an item not selected keeps its owner");
}

#[test]
fn bulk_review_link_and_remove_work_on_every_selected_item() {
    let mut s = setup();
    let list = items(&mut s, &["a.pdf", "b.pdf", "c.pdf"]);
    let review = BulkChange::Review {
        next_review: "2027-06-01".into(),
    };
    s.ws.bulk_evidence(&ids(&list), &review, today(), Lang::English)
        .unwrap();
    let (b, _) = s.ws.evidence_item(list[1], today()).unwrap();
    assert_eq!(b.record.review_due, Some(date("2027-06-01")));
    let link = BulkChange::Link(LinkInput {
        targets: vec!["1.1".into(), "1.1.a".into()],
        ..LinkInput::default()
    });
    let linked =
        s.ws.bulk_evidence(&ids(&list[..2]), &link, today(), Lang::English)
            .unwrap();
    assert_eq!(
        linked,
        BulkOutcome {
            selected: 2,
            changed: 4
        }
    );
    let removed =
        s.ws.bulk_evidence(&filter("pdf"), &BulkChange::Remove, today(), Lang::English)
            .unwrap();
    assert_eq!(removed.changed, 3);
    assert!(s.ws.evidence(today()).unwrap().is_empty());
}

#[test]
fn a_bad_change_or_selection_is_refused_whole_before_anything_is_saved() {
    let mut s = setup();
    let list = items(&mut s, &["a.pdf", "b.pdf"]);
    let before = journal::count(s.ws.db.conn()).unwrap();
    let cases: Vec<(EvidenceSelection, BulkChange, &str)> = vec![
        (ids(&list), set("work_product", "WP-99-99"), "work_product"),
        (ids(&list), set("classification", ""), "classification"),
        (ids(&list), set("title", "x"), "field"),
        (ids(&list), set("review_due", "soon"), "review_due"),
        (filter("nothing-matches"), set("owner", "x"), "selection"),
        (
            EvidenceSelection::default(),
            BulkChange::Remove,
            "selection",
        ),
        (
            EvidenceSelection {
                ids: list.clone(),
                filter: Some(EvidencePageInput::default()),
            },
            BulkChange::Remove,
            "selection",
        ),
        (
            ids(&list),
            BulkChange::Review {
                next_review: "2026-11-01".into(),
            },
            "review_due",
        ),
    ];
    for (selection, change, field) in cases {
        let error =
            s.ws.bulk_evidence(&selection, &change, today(), Lang::English)
                .unwrap_err();
        assert_eq!(fields(&error), [field], "{change:?}");
    }
    assert_eq!(
        journal::count(s.ws.db.conn()).unwrap(),
        before,
        "nothing was saved"
    );
    let missing =
        s.ws.bulk_evidence(
            &ids(&[EvidenceId(999)]),
            &BulkChange::Remove,
            today(),
            Lang::English,
        )
        .unwrap_err();
    assert!(matches!(missing, Error::NotFound { .. }), "{missing:?}");
}

#[test]
fn a_review_refuses_a_next_date_on_or_before_today_naming_the_field() {
    let mut s = setup();
    let list = items(&mut s, &["a.pdf"]);
    for past in ["2026-11-24", "2026-11-25"] {
        let error = s.ws.review_evidence(list[0], past, today()).unwrap_err();
        let problems = error.field_errors();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "review_due");
        assert_eq!(
            problems[0].message.key,
            "evidence.next_review_not_after_today"
        );
    }
    let (item, _) = s.ws.evidence_item(list[0], today()).unwrap();
    assert_eq!(item.record.review_due, None, "nothing was saved");
    s.ws.review_evidence(list[0], "2026-11-26", today())
        .unwrap();
    let (item, _) = s.ws.evidence_item(list[0], today()).unwrap();
    assert_eq!(item.state.as_str(), "current");
    let _ = EvidenceInput::default();
}

#[test]
fn linking_to_several_unknown_ids_names_every_one_of_them() {
    let mut s = setup();
    let list = items(&mut s, &["a.pdf"]);
    let input = LinkInput {
        targets: vec!["99.9".into(), "1.1.z".into(), "foo".into(), "1.1".into()],
        ..LinkInput::default()
    };
    let error = s.ws.link_evidence(list[0], &input).unwrap_err();
    let problems = error.field_errors();
    assert_eq!(
        problems.len(),
        1,
        "one message for the field, not one each that overwrite"
    );
    let text = problems[0].message.render(Lang::English);
    for id in ["99.9", "1.1.z", "foo"] {
        assert!(text.contains(id), "{text}");
    }
    assert!(text.starts_with("3 IDs are"), "{text}");
    assert_eq!(
        s.ws.evidence_item(list[0], today()).unwrap().0.links.len(),
        0
    );
}
