use super::*;
use crate::test_support::*;
use crate::{EvidenceId, EvidenceInput, LinkInput};

/// Three items: a policy (WP-05-01, Anna, linked to 1.1.a for scope ECU), a changed TARA
/// (WP-09-02, linked to 3.2 for every scope) and an unlinked note.
fn three(s: &mut Setup) -> [EvidenceId; 3] {
    let files = [
        s.file("policy.pdf", "policy"),
        s.file("tara.xlsx", "tara"),
        s.file("note.txt", "note"),
    ];
    let report = s.add(&[&files[0], &files[1], &files[2]], &[]);
    let mut ids: Vec<i64> = report.added().map(|(id, _, _)| id).collect();
    ids.sort_unstable();
    let ids = [EvidenceId(ids[0]), EvidenceId(ids[1]), EvidenceId(ids[2])];
    let describe = |wp: &str, owner: &str| EvidenceInput {
        work_product: wp.into(),
        owner: owner.into(),
        classification: "confidential".into(),
        ..EvidenceInput::default()
    };
    s.ws.update_evidence(ids[0], &describe("WP-05-01", "Anna"), None)
        .unwrap();
    s.ws.update_evidence(ids[1], &describe("WP-09-02", "Bernd"), None)
        .unwrap();
    let link = |targets: &[&str], scope| LinkInput {
        targets: targets.iter().map(|t| t.to_string()).collect(),
        scope,
        ..LinkInput::default()
    };
    s.ws.link_evidence(ids[0], &link(&["1.1.a"], Some(ECU)))
        .unwrap();
    s.ws.link_evidence(ids[1], &link(&["3.2"], None)).unwrap();
    s.file("tara.xlsx", "tara, second edition");
    s.ws.scan_evidence(true, now(), &no_progress, &not_cancelled())
        .unwrap();
    ids
}

fn titles(page: &EvidencePage) -> Vec<&str> {
    page.items.iter().map(|v| v.record.title.as_str()).collect()
}

#[test]
fn a_page_holds_the_same_views_as_the_full_list_with_the_counts_around_it() {
    let mut s = setup();
    three(&mut s);
    let all = s.ws.evidence(today()).unwrap();
    let page =
        s.ws.evidence_page(&EvidencePageInput::default(), today(), Lang::English)
            .unwrap();
    assert_eq!(titles(&page), ["note.txt", "policy.pdf", "tara.xlsx"]);
    for view in &page.items {
        let full = all.iter().find(|v| v.record.id == view.record.id).unwrap();
        assert_eq!(
            view, full,
            "state, links and their scope names as the full list has them"
        );
    }
    assert_eq!(page.items[1].links[0].scope.as_deref(), Some("ECU"));
    assert_eq!((page.total, page.unfiltered), (3, 3));

    let second =
        s.ws.evidence_page(
            &EvidencePageInput {
                sort: "state".into(),
                offset: 1,
                limit: Some(1),
                ..EvidencePageInput::default()
            },
            today(),
            Lang::English,
        )
        .unwrap();
    assert_eq!(
        titles(&second),
        ["policy.pdf"],
        "by state the changed TARA comes first, then the current ones by id (added in order)"
    );
    assert_eq!((second.total, second.limit), (3, Some(1)));
}

#[test]
fn the_filter_finds_work_products_by_their_name_in_the_readers_language() {
    let mut s = setup();
    three(&mut s);
    let find = |filter: &str, lang| {
        let page =
            s.ws.evidence_page(
                &EvidencePageInput {
                    filter: filter.into(),
                    ..EvidencePageInput::default()
                },
                today(),
                lang,
            )
            .unwrap();
        (titles(&page).join(","), page.total, page.unfiltered)
    };
    assert_eq!(find("policy rules", Lang::English).0, "policy.pdf");
    assert_eq!(
        find("richtlinie", Lang::German),
        ("policy.pdf".to_owned(), 1, 3),
        "the German name of WP-05-01"
    );
    assert_eq!(find("richtlinie", Lang::English).1, 0, "not in English");
    assert_eq!(find("3.2 bernd", Lang::English).0, "tara.xlsx");
}

#[test]
fn state_type_classification_and_links_narrow_the_page() {
    let mut s = setup();
    three(&mut s);
    let find = |input: EvidencePageInput| {
        let page = s.ws.evidence_page(&input, today(), Lang::English).unwrap();
        titles(&page).join(",")
    };
    let input = EvidencePageInput::default;
    assert_eq!(
        find(EvidencePageInput {
            state: "changed".into(),
            ..input()
        }),
        "tara.xlsx"
    );
    assert_eq!(
        find(EvidencePageInput {
            work_product: "wp-5-1".into(),
            ..input()
        }),
        "policy.pdf",
        "a work product however it is typed"
    );
    assert_eq!(
        find(EvidencePageInput {
            work_product: "other".into(),
            ..input()
        }),
        "note.txt"
    );
    assert_eq!(
        find(EvidencePageInput {
            classification: "confidential".into(),
            direction: "desc".into(),
            ..input()
        }),
        "tara.xlsx,policy.pdf"
    );
    assert_eq!(
        find(EvidencePageInput {
            linked: Some(false),
            ..input()
        }),
        "note.txt"
    );
}

#[test]
fn every_problem_of_a_page_request_is_named_at_once() {
    let s = setup();
    let err =
        s.ws.evidence_page(
            &EvidencePageInput {
                state: "stale".into(),
                work_product: "WP-99-01".into(),
                classification: "secret".into(),
                sort: "size".into(),
                direction: "sideways".into(),
                limit: Some(crate::MAX_PAGE_ROWS + 1),
                ..EvidencePageInput::default()
            },
            today(),
            Lang::English,
        )
        .unwrap_err();
    let fields: Vec<String> = err.field_errors().into_iter().map(|f| f.field).collect();
    assert_eq!(
        fields,
        [
            "state",
            "work_product",
            "classification",
            "sort",
            "direction",
            "limit"
        ]
    );
    let sort = err
        .field_errors()
        .into_iter()
        .find(|f| f.field == "sort")
        .unwrap()
        .message
        .render(Lang::English);
    assert!(
        sort.contains("“size”") && sort.contains("review_due"),
        "names what was given and every column: {sort}"
    );
    let empty =
        s.ws.evidence_page(
            &EvidencePageInput {
                limit: Some(0),
                ..EvidencePageInput::default()
            },
            today(),
            Lang::English,
        )
        .unwrap();
    assert!(empty.items.is_empty() && empty.total == 0, "a count alone");
}
