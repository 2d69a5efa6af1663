//! Twin tests of evidence's other reads and writes: items, versions and links round trip,
//! review dates, briefs and the targets' facts.

use super::*;

/// Every other read and write of `evidence`, `evidence::many`, `bulk`, `sources`,
/// `relocate` and `checks`, with the orders SQLite gives.
fn items_versions_and_links_round_trip(conn: &dyn Sql) {
    let (old, new) = (catalogue(conn, 'a'), catalogue(conn, 'b'));
    let raw_path: &[u8] = if cfg!(unix) {
        b"/docs/caf\xe9.pdf"
    } else {
        b"/docs/cafe.pdf"
    };
    let a = add(
        conn,
        &Item {
            title: "Policy",
            owner: "Anna",
            work_product: Some("WP-05-01"),
            path: raw_path,
            content: 1,
        },
    );
    let b = simple(conn, "Plan", "", 2);
    let c = simple(conn, "Copy of policy", "", 1);
    // Found by its bytes, read back byte for byte.
    let path = path_from_bytes(raw_path.to_vec());
    assert_eq!(find_by_source(conn, &path).unwrap(), Some(a));
    assert_eq!(
        path_bytes(&get(conn, a).unwrap().unwrap().source_path),
        raw_path
    );
    assert_eq!(find_by_source(conn, Path::new("/nowhere")).unwrap(), None);
    // Versions.
    let v2 = Blob {
        sha256: "f".repeat(64),
        size: 20,
    };
    assert_eq!(
        add_version(conn, b, &v2, "plan-2.pdf", STAMP, AT).unwrap(),
        2
    );
    let record = get(conn, b).unwrap().unwrap();
    assert_eq!((record.latest_version, record.reviewed_version), (2, 1));
    assert_eq!(record.file_name, "plan-2.pdf");
    assert_eq!(versions(conn, b).unwrap().len(), 2);
    mark_reviewed(conn, b).unwrap();
    assert_eq!(get(conn, b).unwrap().unwrap().reviewed_version, 2);
    assert_eq!(all_version_hashes(conn).unwrap().len(), 4);
    assert_eq!(
        list(conn).unwrap().iter().map(|r| r.id).collect::<Vec<_>>(),
        [a, b, c]
    );
    assert_eq!(
        ids(conn).unwrap().into_iter().collect::<Vec<_>>(),
        [a, b, c]
    );
    // Links, by target as bytes ("B" < "_x" < "a"; a language puts "_x" first).
    for target in ["a", "_x", "B"] {
        assert!(add_link(conn, &link(a, old, target, None)).unwrap());
    }
    assert!(
        !add_link(conn, &link(a, old, "a", None)).unwrap(),
        "the same link twice"
    );
    let targets = |links: &[LinkRecord]| -> Vec<String> {
        links.iter().map(|l| l.target_id.clone()).collect()
    };
    assert_eq!(targets(&links_of(conn, a).unwrap()), ["B", "_x", "a"]);
    assert_eq!(targets(&links(conn).unwrap()), ["B", "_x", "a"]);
    assert_eq!(
        targets(&links_for_scope(conn, old, 1).unwrap()),
        ["B", "_x", "a"]
    );
    let many = links_of_many(conn, &[a, b]).unwrap();
    assert_eq!(targets(&many[&a]), ["B", "_x", "a"]);
    assert!(!many.contains_key(&b));
    let got: Vec<i64> = get_many(conn, &[c, a, 999])
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(got, [c, a]);
    let facts = target_evidence(conn, old, 1, day("2026-12-01"), &["a", "zz"]).unwrap();
    assert_eq!(
        facts,
        [
            TargetEvidence {
                current: true,
                linked: true
            },
            TargetEvidence::default()
        ]
    );
    assert_eq!(linked_target_count(conn).unwrap(), 3);
    move_links(conn, old, new, &|t: &str| format!("{t}.1")).unwrap();
    assert_eq!(targets(&links_of(conn, a).unwrap()), ["B.1", "_x.1", "a.1"]);
    assert!(
        links_of(conn, a)
            .unwrap()
            .iter()
            .all(|l| l.catalogue_id == new)
    );
    let first = links_of(conn, a).unwrap()[0].id;
    assert!(remove_link(conn, first).unwrap());
    // Checks.
    assert_eq!(
        duplicate_groups(conn).unwrap(),
        [vec![
            (a, "Policy".to_owned()),
            (c, "Copy of policy".to_owned())
        ]]
    );
    assert_eq!(
        orphans(conn, None).unwrap(),
        (2, vec![(b, "Plan".into()), (c, "Copy of policy".into())])
    );
    assert_eq!(orphans(conn, Some(1)).unwrap().1.len(), 1);
    assert_eq!(blobs(conn).unwrap().len(), 3);
    // A scan's reads and a moved source.
    assert_eq!(sources(conn).unwrap().len(), 3);
    set_source_state(conn, c, None).unwrap();
    assert_eq!(
        missing_with_content(conn, &format!("{:064x}", 1)).unwrap(),
        Some((c, "Copy of policy".to_owned()))
    );
    set_source(conn, c, Path::new("/moved/copy.pdf"), STAMP).unwrap();
    let moved = get(conn, c).unwrap().unwrap();
    assert_eq!(
        (moved.source_missing, moved.source_path),
        (false, PathBuf::from("/moved/copy.pdf"))
    );
    // Bulk changes count real changes only.
    let wp = BulkField::WorkProduct(Some("WP-05-01".into()));
    assert_eq!(bulk::set_field(conn, &[a, b, c], &wp).unwrap(), 2);
    let due = BulkField::ReviewDue(Some(day("2027-01-31")));
    assert_eq!(bulk::set_field(conn, &[a, b], &due).unwrap(), 2);
    assert_eq!(bulk::set_field(conn, &[a, b], &due).unwrap(), 0);
    add_version(conn, a, &v2, "policy-2.pdf", STAMP, AT).unwrap();
    assert_eq!(bulk::mark_reviewed(conn, &[a, b], None).unwrap(), 1);
    assert_eq!(
        bulk::mark_reviewed(conn, &[a, b], Some(day("2027-02-01"))).unwrap(),
        2
    );
    assert_eq!(bulk::delete(conn, &[b, c, 999]).unwrap(), 2);
    delete(conn, a).unwrap();
    assert_eq!(total(conn).unwrap(), 0);
}

#[test]
fn items_versions_and_links_round_trip_on_sqlite() {
    on_sqlite(items_versions_and_links_round_trip);
}

#[test]
fn items_versions_and_links_round_trip_on_postgresql() {
    on_postgresql(items_versions_and_links_round_trip);
}

fn review_dates_sort_and_filter_alike(conn: &dyn Sql) {
    let items = [
        ("Item 10", "Zoë", "2027-01-10"),
        ("item 9", "", "2027-01-10"),
        ("Änderung", "anna", "2026-11-30"),
        ("anderung", "Änne", "2027-02-01"),
        ("_policy", "bob 10", "2026-12-05"),
        ("Policy", "bob 9", "2026-12-05"),
        ("Kelvin", "\u{212A}im", "2027-03-01"),
    ];
    let mut rows = Vec::new();
    for (n, (title, owner, due)) in items.into_iter().enumerate() {
        let id = simple(conn, title, owner, n as u64);
        bulk::set_field(conn, &[id], &BulkField::ReviewDue(Some(day(due)))).unwrap();
        rows.push((id, title.to_owned(), owner.to_owned(), day(due)));
    }
    simple(conn, "no review", "anna", 50);
    let key = |id: i64| format!("evidence-review-{id}");
    let everything = ReviewFilter::default();
    let orders = [
        ReviewOrder::Date,
        ReviewOrder::Owner,
        ReviewOrder::Text {
            suffix: "”".into()
        },
    ];
    for order in &orders {
        for descending in [false, true] {
            let mut expected = rows.clone();
            expected.sort_by(|a, b| {
                let by_date = |o: std::cmp::Ordering| {
                    let o = o.then(a.3.cmp(&b.3)).then(key(a.0).cmp(&key(b.0)));
                    if descending { o.reverse() } else { o }
                };
                match order {
                    ReviewOrder::Date => by_date(std::cmp::Ordering::Equal),
                    ReviewOrder::Owner => (a.2.is_empty().cmp(&b.2.is_empty()))
                        .then_with(|| by_date(natural_cmp(&a.2, &b.2))),
                    ReviewOrder::Text { suffix } => by_date(natural_cmp(
                        &format!("{}{suffix}", a.1),
                        &format!("{}{suffix}", b.1),
                    )),
                }
            });
            let expected: Vec<i64> = expected.iter().map(|r| r.0).collect();
            let found: Vec<i64> = review_dates(conn, &everything, order, descending, None)
                .unwrap()
                .iter()
                .map(|r| r.id)
                .collect();
            assert_eq!(found, expected, "{order:?} descending {descending}");
            let first: Vec<i64> = review_dates(conn, &everything, order, descending, Some(2))
                .unwrap()
                .iter()
                .map(|r| r.id)
                .collect();
            assert_eq!(first, expected[..2], "{order:?} descending {descending}");
        }
    }
    // Owners match with every letter folded, the Kelvin sign too.
    for (owner, expected) in [("AN", 1), ("än", 1), ("k", 1), ("BOB", 2), ("", 6)] {
        let filter = ReviewFilter {
            owner: Some(owner.into()),
            due_by: None,
        };
        let found = review_dates(conn, &filter, &ReviewOrder::Date, false, None).unwrap();
        assert_eq!(found.len(), expected, "{owner:?}: {found:?}");
        let counts = review_counts(conn, &filter, day("2026-12-01"), day("2026-12-31")).unwrap();
        assert_eq!(counts.total, expected as u64, "{owner:?}");
    }
    let counts = review_counts(conn, &everything, day("2026-12-01"), day("2026-12-31")).unwrap();
    assert_eq!(
        counts,
        ReviewCounts {
            total: 7,
            overdue: 1,
            soon: 2
        }
    );
}

#[test]
fn review_dates_sort_and_filter_alike_on_sqlite() {
    on_sqlite(review_dates_sort_and_filter_alike);
}

#[test]
fn review_dates_sort_and_filter_alike_on_postgresql() {
    on_postgresql(review_dates_sort_and_filter_alike);
}

fn briefs_are_found_and_ordered_alike(conn: &dyn Sql) {
    let cat = catalogue(conn, 'a');
    let titles = ["[x", "_x", "fig", "éclair", "Apple"];
    let mut linked_ids = Vec::new();
    for (n, title) in titles.iter().enumerate() {
        let id = simple(conn, title, "", n as u64);
        let target = if n % 2 == 0 { "1.1.a" } else { "1.2" };
        add_link(conn, &link(id, cat, target, None)).unwrap();
        linked_ids.push((id, *title));
    }
    let by_name = |t: &str| linked_ids.iter().find(|(_, x)| *x == t).unwrap().0;
    // SQLite's NOCASE: ASCII letters folded, then the bytes.
    let expected: Vec<i64> = ["[x", "_x", "Apple", "fig", "éclair"]
        .iter()
        .map(|t| by_name(t))
        .collect();
    let (total, found) = linked(conn, cat, 1, &["1.1.a", "1.2"], None).unwrap();
    assert_eq!(total, 5);
    assert_eq!(found.iter().map(|b| b.id).collect::<Vec<_>>(), expected);
    let (total, found) = linked(conn, cat, 1, &["1.1.a", "1.2"], Some(2)).unwrap();
    assert_eq!((total, found.len()), (5, 2));
    assert_eq!(
        linked(conn, cat, 1, &["1.2"], Some(0)).unwrap(),
        (2, Vec::new())
    );
    // The search ranks a title starting with the word, then titles holding it, then the rest.
    let starts = simple(conn, "policy gamma", "", 10);
    let alpha = simple(conn, "alpha Policy", "", 11);
    let umlaut = simple(conn, "Überprüfung policy", "", 12);
    let owned = simple(conn, "plan", "Policy owner", 13);
    let path: &[u8] = if cfg!(unix) {
        b"/d/caf\xe9/policy.pdf"
    } else {
        b"/d/cafe/policy.pdf"
    };
    let by_path = add(
        conn,
        &Item {
            title: "memo",
            owner: "",
            work_product: None,
            path,
            content: 14,
        },
    );
    let ids = |words: &[&str], limit: usize| -> Vec<i64> {
        search(conn, words, limit)
            .unwrap()
            .iter()
            .map(|b| b.id)
            .collect()
    };
    // The rest by folded title: "memo" (its path) before "plan" (its owner).
    assert_eq!(ids(&["POLICY"], 9), [starts, alpha, umlaut, by_path, owned]);
    assert_eq!(ids(&["policy"], 2), [starts, alpha]);
    assert_eq!(ids(&["über"], 9), [umlaut]);
    assert_eq!(ids(&["caf", "policy"], 9), [by_path]);
    assert_eq!(ids(&["_"], 9), [by_name("_x")]);
    let briefs = briefs(conn, &[alpha, 999, starts]).unwrap();
    assert_eq!(
        briefs.iter().map(|b| b.id).collect::<Vec<_>>(),
        [alpha, starts]
    );
    assert!(briefs[0].latest_reviewed && !briefs[0].source_missing);
}

#[test]
fn briefs_are_found_and_ordered_alike_on_sqlite() {
    on_sqlite(briefs_are_found_and_ordered_alike);
}

#[test]
fn briefs_are_found_and_ordered_alike_on_postgresql() {
    on_postgresql(briefs_are_found_and_ordered_alike);
}

/// Readiness's facts per target (one statement for all on PostgreSQL): core's rule of current
/// evidence for every combination of facts, each target's own scope and every scope's links,
/// targets unlinked, repeated and in the order asked.
fn target_facts_follow_the_core_rule(conn: &dyn Sql) {
    use csmsdesk_core::evidence::{EvidenceFacts, evidence_state};
    let cat = catalogue(conn, 'a');
    for (id, name) in [(1_i64, "ECU"), (2, "Plant")] {
        conn.execute(
            "INSERT INTO scope (id, name) VALUES (?1, ?2)",
            params![id, name],
        )
        .unwrap();
    }
    let today = day("2026-11-25");
    let mut expected = Vec::new();
    let mut targets = Vec::new();
    let mut n = 0;
    for missing in [false, true] {
        for reviewed in [false, true] {
            for due in [
                None,
                Some("2026-11-24"),
                Some("2026-11-25"),
                Some("2026-11-26"),
            ] {
                n += 1;
                let target = format!("t{n}");
                let id = simple(conn, &target, "", n);
                update_details(
                    conn,
                    id,
                    &EvidenceDetails {
                        title: target.clone(),
                        work_product: None,
                        owner: String::new(),
                        classification: Classification::Internal,
                        review_due: due.map(day),
                    },
                )
                .unwrap();
                if !reviewed {
                    let blob = Blob {
                        sha256: format!("{:064x}", 1000 + n),
                        size: 10,
                    };
                    add_version(conn, id, &blob, "f", STAMP, AT).unwrap();
                }
                if missing {
                    set_source_state(conn, id, None).unwrap();
                }
                assert!(add_link(conn, &link(id, cat, &target, None)).unwrap());
                let record = get(conn, id).unwrap().unwrap();
                let facts = EvidenceFacts {
                    source_missing: record.source_missing,
                    latest_reviewed: record.reviewed_version >= record.latest_version,
                    review_due: record.review_due,
                };
                expected.push(TargetEvidence {
                    current: evidence_state(facts, today).is_current(),
                    linked: true,
                });
                targets.push(target);
            }
        }
    }
    assert_eq!(
        expected.iter().filter(|t| t.current).count(),
        2,
        "present, reviewed, not yet due"
    );
    // A current item linked for scope 2 only, one target never linked, a target twice.
    let other = simple(conn, "Other scope", "", 99);
    assert!(add_link(conn, &link(other, cat, "s2", Some(2))).unwrap());
    // A target JSON must escape (PostgreSQL passes the list as a JSON text).
    let odd = "q\"\\\u{1}ä";
    assert!(add_link(conn, &link(other, cat, odd, None)).unwrap());
    let mut asked: Vec<&str> = targets.iter().map(String::as_str).collect();
    asked.extend(["s2", "never", "t1", odd]);
    let none = TargetEvidence::default();
    let current = TargetEvidence {
        current: true,
        linked: true,
    };
    let mut wanted = expected.clone();
    wanted.extend([none, none, expected[0], current]);
    assert_eq!(
        target_evidence(conn, cat, 1, today, &asked).unwrap(),
        wanted
    );
    assert_eq!(
        target_evidence(conn, cat, 2, today, &["s2", "never"]).unwrap(),
        [current, none],
        "scope 2 sees its own link"
    );
    assert_eq!(
        target_evidence(conn, cat + 1, 1, today, &["t1"]).unwrap(),
        [none],
        "another catalogue's"
    );
    assert!(
        target_evidence(conn, cat, 1, today, &[])
            .unwrap()
            .is_empty()
    );
}

#[test]
fn target_facts_follow_the_core_rule_on_sqlite() {
    on_sqlite(target_facts_follow_the_core_rule);
}

#[test]
fn target_facts_follow_the_core_rule_on_postgresql() {
    on_postgresql(target_facts_follow_the_core_rule);
}
