use super::*;
use crate::test_support::*;

fn failures(report: &AddReport) -> Vec<(String, &'static str)> {
    report
        .outcomes
        .iter()
        .filter_map(|o| match &o.result {
            FileResult::Failed(m) => Some((display_name(&o.path), m.key)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_folder_is_added_recursively_and_each_file_gets_its_own_outcome() {
    let mut s = setup();
    s.file("policy.pdf", "policy v1");
    s.file("sub/tara.xlsx", "tara");
    s.file("empty.txt", "");
    #[cfg(unix)]
    {
        // A symbolic link back to the folder it is in: walking it would never end.
        std::os::unix::fs::symlink(
            s.root.path().join("docs"),
            s.root.path().join("docs/sub/loop"),
        )
        .unwrap();
        use std::os::unix::ffi::OsStrExt as _;
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
        std::fs::write(s.root.path().join("docs").join(name), "latin-1 name").unwrap();
    }
    let docs = s.root.path().join("docs");
    let policy = docs.join("policy.pdf");
    // The folder and one of its files: that file must be added once.
    let report = s.add(&[&docs, &policy], &[]);
    let mut titles: Vec<&str> = report.added().map(|(_, title, _)| title).collect();
    titles.sort();
    let expected: &[&str] = if cfg!(unix) {
        &["caf\u{fffd}.txt", "empty.txt", "policy.pdf", "tara.xlsx"]
    } else {
        &["empty.txt", "policy.pdf", "tara.xlsx"]
    };
    assert_eq!(titles, expected);
    if cfg!(unix) {
        assert_eq!(
            failures(&report),
            [("loop".to_owned(), "evidence.symlink_loop")]
        );
    }
    let empty = report
        .added()
        .find(|(_, title, _)| *title == "empty.txt")
        .unwrap();
    assert_eq!(
        empty.2.size, 0,
        "a zero-byte file is evidence like any other"
    );
    assert!(s.ws.vault().contains(&empty.2.sha256));
}

#[test]
fn the_same_file_added_twice_is_one_evidence_item() {
    let mut s = setup();
    let policy = s.file("policy.pdf", "policy v1");
    let first = Setup::added_id(&s.add(&[&policy], &[]));
    let again = s.add(&[&policy], &[]);
    assert_eq!(again.added().count(), 0);
    assert!(matches!(
        &again.outcomes[0].result,
        FileResult::AlreadyEvidence { id, title } if *id == first && title == "policy.pdf"
    ));
    assert_eq!(s.ws.evidence(today()).unwrap().len(), 1);
}

#[test]
fn a_missing_file_in_a_batch_does_not_stop_the_others() {
    let mut s = setup();
    let policy = s.file("policy.pdf", "policy");
    let gone = s.root.path().join("docs/gone.pdf");
    let report = s.add(&[&gone, &policy], &["1.1.a"]);
    assert_eq!(report.added().count(), 1);
    assert_eq!(
        failures(&report),
        [("gone.pdf".to_owned(), "evidence.file_gone")]
    );
}

#[test]
fn bad_details_or_links_are_refused_before_any_file_is_read() {
    let mut s = setup();
    let policy = s.file("policy.pdf", "policy");
    let input = EvidenceInput {
        work_product: "WP-15-09".into(),
        classification: "secret".into(),
        review_due: "next week".into(),
        ..EvidenceInput::default()
    };
    let links = LinkInput {
        targets: vec!["1.1.z".into()],
        protection_object: Some(ProtectionObjectId(1)),
        ..LinkInput::default()
    };
    let error =
        s.ws.add_evidence(
            &[policy],
            &input,
            &links,
            now(),
            &no_progress,
            &not_cancelled(),
        )
        .unwrap_err();
    let mut fields: Vec<String> = error.field_errors().into_iter().map(|f| f.field).collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "classification",
            "protection_object",
            "review_due",
            "targets",
            "work_product"
        ]
    );
    assert!(s.ws.evidence(today()).unwrap().is_empty());
    // A folder's vault holds no file (a server's content is stored by hash: the vault twins).
    if let Some(dir) = s.ws.vault().dir() {
        assert!(
            std::fs::read_dir(dir).unwrap().next().is_none(),
            "nothing reached the vault"
        );
    }
}

#[test]
fn details_are_stored_as_typed_and_links_made_from_either_side() {
    let mut s = setup();
    let tara = s.file("tara.xlsx", "tara");
    let input = EvidenceInput {
        title: "TARA brake ECU".into(),
        work_product: "wp-9-2".into(),
        owner: "Security team".into(),
        classification: "Strictly confidential".into(),
        review_due: "2027-06-30".into(),
        as_new: false,
    };
    let report =
        s.ws.add_evidence(
            &[tara],
            &input,
            &LinkInput::default(),
            now(),
            &no_progress,
            &not_cancelled(),
        )
        .unwrap();
    let id = Setup::added_id(&report);
    let added =
        s.ws.link_evidence(
            EvidenceId(id),
            &LinkInput {
                targets: vec!["3.1".into(), "3.1.a".into(), "3.1".into()],
                scope: Some(ECU),
                note: "Sample TARA".into(),
                ..LinkInput::default()
            },
        )
        .unwrap();
    assert_eq!(added, 2, "a repeated target is linked once");
    let (view, versions) = s.ws.evidence_item(EvidenceId(id), today()).unwrap();
    assert_eq!(view.record.title, "TARA brake ECU");
    assert_eq!(view.record.work_product.as_deref(), Some("WP-09-02"));
    assert_eq!(
        view.record.classification,
        Classification::StrictlyConfidential
    );
    assert_eq!(view.state, EvidenceState::Current);
    let links: Vec<(&str, Option<&str>)> = view
        .links
        .iter()
        .map(|l| (l.link.target_id.as_str(), l.scope.as_deref()))
        .collect();
    assert_eq!(links, [("3.1", Some("ECU")), ("3.1.a", Some("ECU"))]);
    assert_eq!(versions.len(), 1);
    s.ws.unlink_evidence(LinkId(view.links[0].link.id)).unwrap();
    assert!(matches!(
        s.ws.unlink_evidence(LinkId(view.links[0].link.id)),
        Err(Error::NotFound { .. })
    ));
    s.ws.remove_evidence(EvidenceId(id)).unwrap();
    assert!(s.ws.evidence(today()).unwrap().is_empty());
    assert!(
        s.ws.vault().contains(&view.record.sha256),
        "the vault keeps content an old package may name"
    );
}

#[test]
fn a_link_follows_its_requirement_to_a_new_catalogue_version() {
    let root = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(&root.path().join("ws"), now()).unwrap();
    let old = root.path().join("demo_1_0.xlsx");
    std::fs::write(&old, csmsdesk_workbook::fixtures::demo_version_1_0()).unwrap();
    ws.import_catalogue(&old, now()).unwrap();
    let doc = root.path().join("monitoring.pdf");
    std::fs::write(&doc, "monitoring").unwrap();
    let report = ws
        .add_evidence(
            &[doc],
            &EvidenceInput::default(),
            &LinkInput {
                targets: vec!["7.1.a".into()],
                ..LinkInput::default()
            },
            now(),
            &no_progress,
            &not_cancelled(),
        )
        .unwrap();
    let id = Setup::added_id(&report);
    ws.import_demo_catalogue(now()).unwrap();
    let view = ws
        .evidence(today())
        .unwrap()
        .into_iter()
        .find(|v| v.record.id == id)
        .unwrap();
    let (current, _) = ws.catalogue(None).unwrap();
    assert_eq!(view.links.len(), 1);
    assert_eq!(
        view.links[0].link.target_id, "9.1.a",
        "VCSA 1.0's 7.1 is 1.1's 9.1"
    );
    assert_eq!(view.links[0].link.catalogue_id, current.id);
}

#[test]
fn a_file_that_disappears_before_it_is_read_is_reported_and_the_rest_added() {
    let mut s = setup();
    let policy = s.file("policy.pdf", "policy");
    let tara = s.file("tara.xlsx", "tara");
    let plan =
        s.ws.plan_evidence(
            &[policy.clone(), tara],
            &EvidenceInput::default(),
            &LinkInput::default(),
        )
        .unwrap();
    std::fs::remove_file(&policy).unwrap();
    let ingested = plan.ingest(&no_progress, &not_cancelled());
    let report = s.ws.commit_evidence(ingested, now()).unwrap();
    assert_eq!(report.added().count(), 1);
    assert_eq!(
        failures(&report),
        [("policy.pdf".to_owned(), "evidence.file_gone")]
    );
}

#[cfg(unix)]
#[test]
fn links_leading_out_of_an_added_folder_are_skipped_and_named() {
    let mut s = setup();
    let secret = s.root.path().join("secret.txt");
    std::fs::write(&secret, "outside the folder").unwrap();
    let inside = s.file("report.txt", "inside");
    let docs = s.root.path().join("docs");
    std::os::unix::fs::symlink(&secret, docs.join("shadow")).unwrap();
    std::os::unix::fs::symlink(&inside, docs.join("report-link.txt")).unwrap();
    std::os::unix::fs::symlink(s.root.path(), docs.join("up")).unwrap();
    let report = s.add(&[&docs], &[]);
    let titles: Vec<&str> = report.added().map(|(_, title, _)| title).collect();
    assert_eq!(
        titles,
        ["report.txt"],
        "the file inside is added once (the link to it is the same file)"
    );
    let mut skipped = failures(&report);
    skipped.sort();
    assert_eq!(
        skipped,
        [
            ("shadow".to_owned(), "evidence.link_outside"),
            ("up".to_owned(), "evidence.link_outside")
        ],
        "each link out of the folder is named, nothing from outside is stored"
    );
    let message = report
        .outcomes
        .iter()
        .find_map(|o| match &o.result {
            FileResult::Failed(m) if o.path.ends_with("shadow") => Some(m.clone()),
            _ => None,
        })
        .unwrap()
        .render(csmsdesk_core::i18n::Lang::English);
    assert!(
        message.contains("secret.txt") && message.contains("add"),
        "says where the link leads and how to add it on purpose: {message}"
    );
    // Named on purpose, the file outside is added.
    let direct = s.add(&[&docs.join("shadow")], &[]);
    assert_eq!(
        direct.added().count(),
        1,
        "a link given by name is followed"
    );
}

#[test]
fn one_item_read_by_id_is_the_same_view_the_list_shows() {
    let mut s = setup();
    let a = s.file("a.pdf", "first");
    let b = s.file("b.pdf", "second");
    s.add(&[&a], &["1.1.a", "1.2"]);
    s.add(&[&b], &["1.1.b"]);
    let list = s.ws.evidence(today()).unwrap();
    for view in &list {
        let (one, versions) =
            s.ws.evidence_item(EvidenceId(view.record.id), today())
                .unwrap();
        assert_eq!(&one, view, "item {} read alone", view.record.id);
        assert_eq!(versions.len(), 1);
    }
    assert_eq!(
        list[0].links.len(),
        2,
        "each item carries only its own links"
    );
}

/// Adds `name` (content `name`) with `title` and `owner`, linked to `targets`; returns its id.
fn described(s: &mut Setup, name: &str, title: &str, owner: &str, targets: &[&str]) -> EvidenceId {
    let path = s.file(name, name);
    let id = Setup::added_id(&s.add(&[&path], targets));
    let input = EvidenceInput {
        title: title.into(),
        work_product: "WP-09-02".into(),
        owner: owner.into(),
        ..EvidenceInput::default()
    };
    s.ws.update_evidence(EvidenceId(id), &input, None).unwrap();
    EvidenceId(id)
}

#[test]
fn a_search_finds_items_by_any_field_case_ignored_with_their_state() {
    let mut s = setup();
    let tara = described(&mut s, "tara-brake.xlsx", "TARA Bremse", "Jürgen", &[]);
    let policy = described(&mut s, "policy.pdf", "Übersicht Richtlinien", "Anna", &[]);
    // A new version nobody reviewed yet: the search shows the item as changed.
    std::fs::write(s.root.path().join("docs/policy.pdf"), "policy v2").unwrap();
    s.ws.scan_evidence(false, now(), &no_progress, &not_cancelled())
        .unwrap();
    let found = |text: &str| s.ws.search_evidence(text, 20, today()).unwrap();
    let hits = found("übersicht");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, policy);
    assert_eq!(
        hits[0].state,
        EvidenceState::Changed,
        "its newest version is unreviewed"
    );
    assert_eq!(hits[0].work_product.as_deref(), Some("WP-09-02"));
    assert_eq!(found("JÜRGEN")[0].id, tara, "by owner, case ignored");
    assert_eq!(found("brake.XLSX")[0].id, tara, "by the source's file name");
    assert_eq!(found("  ").len(), 2, "a blank text lists the first items");
    assert!(found("tara anna").is_empty(), "every word must occur");
}

#[test]
fn a_search_refuses_a_text_too_long_and_a_limit_outside_one_to_the_maximum() {
    let s = setup();
    for limit in [0, MAX_SEARCH_RESULTS + 1] {
        let error = s.ws.search_evidence("tara", limit, today()).unwrap_err();
        let fields: Vec<String> = error.field_errors().into_iter().map(|f| f.field).collect();
        assert_eq!(fields, ["limit"], "limit {limit}");
    }
    let long = "x".repeat(201);
    let error = s.ws.search_evidence(&long, 10, today()).unwrap_err();
    assert_eq!(error.field_errors()[0].message.key, "error.query_too_long");
    assert!(
        s.ws.search_evidence("tara", MAX_SEARCH_RESULTS, today())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn each_requirement_has_its_own_and_its_questions_evidence_first_by_title() {
    let mut s = setup();
    // Five items on 1.1.a, one on the whole question 1.1 (it counts for 1.1.a and 1.1.b),
    // one on 1.1.a for another scope only (it does not count for ECU).
    for (n, title) in ["echo", "Delta", "alpha", "Charlie", "bravo"]
        .iter()
        .enumerate()
    {
        described(&mut s, &format!("{n}.pdf"), title, "", &["1.1.a"]);
    }
    let question = described(&mut s, "q.pdf", "Zulu question", "", &["1.1"]);
    s.ws.add_scope(
        &crate::ScopeInput {
            name: "Plant".into(),
            locations: vec![PLANT_NORD],
            objectives: vec!["production".into()],
            ..crate::ScopeInput::default()
        },
        today(),
    )
    .unwrap();
    let other = described(&mut s, "other.pdf", "Aaa other scope", "", &[]);
    s.ws.link_evidence(
        other,
        &LinkInput {
            targets: vec!["1.1.a".into()],
            scope: Some(scope_id(&s.ws, "Plant")),
            ..LinkInput::default()
        },
    )
    .unwrap();

    let all =
        s.ws.requirement_evidence(ECU, None, Some(3), today())
            .unwrap();
    let a = all.iter().find(|r| r.requirement == "1.1.a").unwrap();
    assert_eq!(a.question, "1.1");
    assert_eq!(a.total, 6, "five of its own and the question's");
    let titles: Vec<&str> = a.items.iter().map(|b| b.title.as_str()).collect();
    assert_eq!(
        titles,
        ["alpha", "bravo", "Charlie"],
        "the first three by title, case ignored"
    );
    let b = all.iter().find(|r| r.requirement == "1.1.b").unwrap();
    assert_eq!(
        (b.total, b.items[0].id),
        (1, question),
        "the question's item counts for 1.1.b"
    );
    assert!(
        all.iter().all(|r| r.total > 0),
        "the whole scope lists only requirements with evidence"
    );

    // The same as readiness says: linked exactly where evidence counts.
    let readiness = s.ws.readiness(ECU, today()).unwrap();
    for status in &readiness.requirements {
        let total = all
            .iter()
            .find(|r| r.requirement == status.id)
            .map_or(0, |r| r.total);
        assert_eq!(status.linked, total > 0, "requirement {}", status.id);
    }

    let one =
        s.ws.requirement_evidence(ECU, Some("1.1.a"), None, today())
            .unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].items.len(), 6, "no limit: every item");
    let none =
        s.ws.requirement_evidence(ECU, Some("1.2.a"), Some(5), today())
            .unwrap();
    assert_eq!(
        (none[0].total, none[0].items.len()),
        (0, 0),
        "asked for, listed empty"
    );
    let plant =
        s.ws.requirement_evidence(scope_id(&s.ws, "Plant"), Some("1.1.a"), None, today())
            .unwrap();
    assert_eq!(
        plant[0].items[0].id, other,
        "the other scope sees its own link"
    );
    assert!(matches!(
        s.ws.requirement_evidence(ECU, Some("9.9.z"), None, today()),
        Err(Error::NotFound {
            kind: "thing.requirement",
            ..
        })
    ));
}
