//! The evidence tables on both engines: each check is one function over `&dyn Sql`, run by a
//! `…_on_sqlite` test and its `…_on_postgresql` twin (`sql::twin`). The PostgreSQL database
//! of the twins sorts texts by a language, so a statement that forgets SQLite's order fails.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use csmsdesk_core::evidence::{Classification, EvidenceColumn};
use csmsdesk_core::order::{Direction, natural_cmp};

use super::bulk::{self, BulkField};
use super::*;
use crate::sql::twin::{on_postgresql, on_sqlite};
use crate::sql::{Sql, params};

const AT: &str = "2026-11-25T10:00:00Z";
const STAMP: Stamp = Stamp {
    size: 10,
    mtime_ns: 1_700_000_000_000_000_000,
};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn catalogue(conn: &dyn Sql, c: char) -> i64 {
    conn.insert_id(
        "INSERT INTO catalogue (name, version, source_file, source_sha256, imported_at)
         VALUES ('Demo', '1.0', 'demo.xlsx', ?1, ?2) RETURNING id",
        params![c.to_string().repeat(64).as_str(), AT],
    )
    .unwrap()
}

/// An item: title, owner, work product, source path (the OS's bytes), content.
struct Item<'a> {
    title: &'a str,
    owner: &'a str,
    work_product: Option<&'a str>,
    path: &'a [u8],
    content: u64,
}

fn add(conn: &dyn Sql, item: &Item<'_>) -> i64 {
    let details = EvidenceDetails {
        title: item.title.into(),
        work_product: item.work_product.map(Into::into),
        owner: item.owner.into(),
        classification: Classification::Internal,
        review_due: None,
    };
    let blob = Blob {
        sha256: format!("{:064x}", item.content),
        size: 10,
    };
    let path: PathBuf = path_from_bytes(item.path.to_vec());
    insert(conn, &details, &path, STAMP, &blob, "file.pdf", AT).unwrap()
}

fn simple(conn: &dyn Sql, title: &str, owner: &str, n: u64) -> i64 {
    let path = format!("/docs/{n}");
    add(
        conn,
        &Item {
            title,
            owner,
            work_product: None,
            path: path.as_bytes(),
            content: n,
        },
    )
}

fn link(evidence_id: i64, catalogue_id: i64, target: &str, scope_id: Option<i64>) -> LinkRecord {
    LinkRecord {
        id: 0,
        evidence_id,
        catalogue_id,
        target_id: target.into(),
        scope_id,
        protection_object_id: None,
        note: String::new(),
    }
}

fn sorted_by(sort: EvidenceColumn, direction: Direction) -> EvidenceQuery {
    EvidenceQuery {
        sort,
        direction,
        ..EvidenceQuery::default()
    }
}

fn page_ids(conn: &dyn Sql, query: &EvidenceQuery, offset: u64, limit: Option<u64>) -> Vec<i64> {
    page(conn, query, day("2026-12-01"), offset, limit)
        .unwrap()
        .records
        .iter()
        .map(|r| r.id)
        .collect()
}

/// Titles and owners where people's order and the bytes' (or a language's) order part.
const TEXTS: [&str; 16] = [
    "Item 10",
    "item 9",
    "Item 010",
    "Änderung 2",
    "anderung 10",
    "Zürich",
    "Zurich",
    "zebra",
    "ß",
    "ẞ",
    "ss",
    "_under",
    "%percent",
    "x123456789",
    "x99999999",
    "B",
];

fn sorts_titles_and_owners_in_peoples_order(conn: &dyn Sql) {
    let mut rows = Vec::new();
    for (i, title) in TEXTS.iter().enumerate() {
        let owner = if i % 5 == 0 {
            ""
        } else {
            TEXTS[(i * 7) % TEXTS.len()]
        };
        let id = simple(conn, title, owner, i as u64);
        rows.push((id, (*title).to_owned(), owner.to_owned()));
    }
    // A duplicate title and owner: the tie goes by id.
    let id = simple(conn, "item 9", "Zurich", 99);
    rows.push((id, "item 9".into(), "Zurich".into()));
    for direction in [Direction::Ascending, Direction::Descending] {
        let mut by_title = rows.clone();
        by_title.sort_by(|a, b| direction.apply(natural_cmp(&a.1, &b.1)).then(a.0.cmp(&b.0)));
        let expected: Vec<i64> = by_title.iter().map(|r| r.0).collect();
        let query = sorted_by(EvidenceColumn::Title, direction);
        assert_eq!(page_ids(conn, &query, 0, None), expected, "{direction:?}");
        assert_eq!(page_ids(conn, &query, 3, Some(4)), expected[3..7]);

        let mut by_owner = rows.clone();
        by_owner.sort_by(|a, b| {
            (a.2.is_empty().cmp(&b.2.is_empty()))
                .then(direction.apply(natural_cmp(&a.2, &b.2)))
                .then(a.0.cmp(&b.0))
        });
        let expected: Vec<i64> = by_owner.iter().map(|r| r.0).collect();
        let query = sorted_by(EvidenceColumn::Owner, direction);
        assert_eq!(page_ids(conn, &query, 0, None), expected, "{direction:?}");
    }
    // A changed title and a bulk owner carry their new keys.
    let first = rows[0].0;
    update_details(
        conn,
        first,
        &EvidenceDetails {
            title: "!first".into(),
            work_product: None,
            owner: "zzz".into(),
            classification: Classification::Internal,
            review_due: None,
        },
    )
    .unwrap();
    let query = sorted_by(EvidenceColumn::Title, Direction::Ascending);
    assert_eq!(page_ids(conn, &query, 0, Some(1)), [first]);
    bulk::set_field(conn, &[first], &BulkField::Owner("!Aaron".into())).unwrap();
    let query = sorted_by(EvidenceColumn::Owner, Direction::Ascending);
    assert_eq!(page_ids(conn, &query, 0, Some(1)), [first]);
}

#[test]
fn titles_and_owners_sort_in_peoples_order_on_sqlite() {
    on_sqlite(sorts_titles_and_owners_in_peoples_order);
}

#[test]
fn titles_and_owners_sort_in_peoples_order_on_postgresql() {
    on_postgresql(sorts_titles_and_owners_in_peoples_order);
}

fn word(text: &str, work_products: &[&'static str]) -> Word {
    Word {
        text: text.into(),
        work_products: work_products.to_vec(),
    }
}

/// The items every filter test reads, by name.
fn matching_items(conn: &dyn Sql) -> Vec<(&'static str, i64)> {
    let cat = catalogue(conn, 'a');
    let latin1_path: &[u8] = if cfg!(unix) {
        b"/d/caf\xe9/\xc3\x9cberblick.pdf"
    } else {
        "/d/café/Überblick.pdf".as_bytes()
    };
    let items: [(&'static str, &str, Option<&str>, &[u8]); 14] = [
        ("Straße 1", "", None, b"/d/1"),
        ("STRAẞE 2", "", None, b"/d/2"),
        ("strasse 3", "", None, b"/d/3"),
        ("Ärger 4", "", None, b"/d/4"),
        ("İstanbul 5", "", None, b"/d/5"),
        ("istanbul 6", "", None, b"/d/6"),
        ("Report 2024", "", None, b"/d/7"),
        ("50% done", "", None, b"/d/8"),
        ("file_name here", "", None, b"/d/9"),
        ("plain", "", None, latin1_path),
        ("linked", "", None, b"/d/11"),
        ("owned", "Zoë Müller", None, b"/d/12"),
        ("typed", "", Some("WP-05-01"), b"/d/13"),
        ("KELVIN \u{212A}", "", None, b"/d/14"),
    ];
    let mut ids = Vec::new();
    for (n, (title, owner, work_product, path)) in items.into_iter().enumerate() {
        let id = add(
            conn,
            &Item {
                title,
                owner,
                work_product,
                path,
                content: n as u64,
            },
        );
        ids.push((title, id));
    }
    let linked = ids[10].1;
    for target in ["Prüfung-1", "1.1.a"] {
        add_link(conn, &link(linked, cat, target, None)).unwrap();
    }
    ids
}

fn words_match_alike(conn: &dyn Sql) {
    let items = matching_items(conn);
    let id = |title: &str| items.iter().find(|(t, _)| *t == title).unwrap().1;
    let cases: [(&[Word], &[&str]); 20] = [
        (&[word("ß", &[])], &["Straße 1", "STRAẞE 2"]),
        (&[word("ẞ", &[])], &["Straße 1", "STRAẞE 2"]),
        (&[word("ss", &[])], &["strasse 3"]),
        (&[word("ä", &[])], &["Ärger 4"]),
        (&[word("ÄRGER", &[])], &["Ärger 4"]),
        (&[word("İst", &[])], &["İstanbul 5"]),
        (&[word("ist", &[])], &["istanbul 6"]),
        (&[word("2024", &[])], &["Report 2024"]),
        (&[word("%", &[])], &["50% done"]),
        (&[word("_", &[])], &["file_name here"]),
        (&[word("e_n", &[])], &["file_name here"]),
        (&[word("caf", &[])], &["plain"]),
        (&[word("überblick.PDF", &[])], &["plain"]),
        (&[word("prüfung", &[])], &["linked"]),
        (&[word("1.1.A", &[])], &["linked"]),
        (&[word("MÜLLER", &[])], &["owned"]),
        (&[word("straße", &[]), word("1", &[])], &["Straße 1"]),
        (&[word("zzz", &["WP-05-01"])], &["typed"]),
        (&[word("zzzü", &["WP-05-01"])], &["typed"]),
        // The Kelvin sign folds to an ASCII k in Rust; SQLite's LIKE keeps it itself.
        (&[word("kelvin k", &[])], &[]),
    ];
    let today = day("2026-12-01");
    for (words, titles) in cases {
        let query = EvidenceQuery {
            words: words.to_vec(),
            ..EvidenceQuery::default()
        };
        let mut expected: Vec<i64> = titles.iter().map(|t| id(t)).collect();
        expected.sort_unstable();
        assert_eq!(
            matching_ids(conn, &query, today).unwrap(),
            expected,
            "{words:?}"
        );
        assert_eq!(count(conn, &query, today).unwrap(), expected.len() as u64);
        let all = page(conn, &query, today, 0, None).unwrap();
        assert_eq!(all.total, expected.len() as u64, "{words:?}");
        let mut found: Vec<i64> = all.records.iter().map(|r| r.id).collect();
        found.sort_unstable();
        assert_eq!(found, expected, "{words:?}");
        // A page past the first, and one past the end, count the same.
        let second = page(conn, &query, today, 1, Some(1)).unwrap();
        assert_eq!(second.total, expected.len() as u64);
        assert_eq!(
            second.records.iter().map(|r| r.id).collect::<Vec<_>>(),
            all.records
                .iter()
                .skip(1)
                .take(1)
                .map(|r| r.id)
                .collect::<Vec<_>>()
        );
        let beyond = page(conn, &query, today, 100, Some(5)).unwrap();
        assert_eq!(
            (beyond.total, beyond.records.len()),
            (expected.len() as u64, 0)
        );
    }
    // Search (Ctrl+K) finds the same evidence by title and path, in title order.
    let hits = crate::search::search(conn, &["ß".to_owned()], None, 5).unwrap();
    let titles: Vec<&str> = hits.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(titles, ["Straße 1", "STRAẞE 2"]);
    let hits = crate::search::search(conn, &["ß".to_owned()], None, 1).unwrap();
    assert_eq!(hits.len(), 1);
    let hits = crate::search::search(conn, &["ÜBERBLICK".to_owned()], None, 5).unwrap();
    assert_eq!(hits.len(), 1);
    let shown = if cfg!(unix) {
        "/d/caf\u{FFFD}/Überblick.pdf"
    } else {
        "/d/café/Überblick.pdf"
    };
    assert_eq!(hits[0].detail, shown, "undecodable bytes shown as U+FFFD");
    for (text, expected) in [("%", 1), ("_", 1), ("ist", 1), ("İST", 1), ("ss", 1)] {
        let hits = crate::search::search(conn, &[text.to_owned()], None, 9).unwrap();
        assert_eq!(hits.len(), expected, "{text}: {hits:?}");
    }
}

#[test]
fn words_match_alike_on_sqlite() {
    on_sqlite(words_match_alike);
}

#[test]
fn words_match_alike_on_postgresql() {
    on_postgresql(words_match_alike);
}

fn search_sorts_locations_and_scopes_in_peoples_order(conn: &dyn Sql) {
    for (id, name) in [
        (1_i64, "Werk 10"),
        (2, "werk 9"),
        (3, "Werk 09"),
        (4, "Wérk 9a"),
        (5, "Werk B"),
    ] {
        conn.execute(
            "INSERT INTO location (id, name, address) VALUES (?1, ?2, '')",
            params![id, name],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO scope (id, name) VALUES (?1, ?2)",
            params![id, name],
        )
        .unwrap();
    }
    let ids = |text: &str, kind: crate::search::HitKind, limit: u32| -> Vec<String> {
        crate::search::search(conn, &[text.to_owned()], None, limit)
            .unwrap()
            .into_iter()
            .filter(|h| h.kind == kind)
            .map(|h| h.id)
            .collect()
    };
    for kind in [
        crate::search::HitKind::Location,
        crate::search::HitKind::Scope,
    ] {
        // "werk 9" and "Werk 09" are equal in people's order: by id.
        assert_eq!(ids("werk", kind, 9), ["2", "3", "1", "5"], "{kind:?}");
        assert_eq!(ids("werk", kind, 2), ["2", "3"], "{kind:?}");
        assert_eq!(ids("WÉRK", kind, 9), ["4"], "{kind:?}");
    }
}

#[test]
fn search_sorts_locations_and_scopes_in_peoples_order_on_sqlite() {
    on_sqlite(search_sorts_locations_and_scopes_in_peoples_order);
}

#[test]
fn search_sorts_locations_and_scopes_in_peoples_order_on_postgresql() {
    on_postgresql(search_sorts_locations_and_scopes_in_peoples_order);
}

fn rows_without_keys_get_them(conn: &dyn Sql) {
    let a = simple(conn, "Item 10", "Zoë", 1);
    let b = simple(conn, "item 9", "", 2);
    conn.execute(
        "UPDATE evidence SET title_key = NULL, owner_key = NULL",
        params![],
    )
    .unwrap();
    fill_sort_keys(conn).unwrap();
    let keys: Vec<(i64, Vec<u8>, Vec<u8>)> = conn
        .query_map(
            "SELECT id, title_key, owner_key FROM evidence ORDER BY id",
            params![],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        keys,
        [
            (a, sort_key("Item 10"), sort_key("Zoë")),
            (b, sort_key("item 9"), sort_key(""))
        ]
    );
    let query = sorted_by(EvidenceColumn::Title, Direction::Ascending);
    assert_eq!(page_ids(conn, &query, 0, None), [b, a]);
}

#[test]
fn rows_without_keys_get_them_on_sqlite() {
    on_sqlite(rows_without_keys_get_them);
}

#[test]
fn rows_without_keys_get_them_on_postgresql() {
    on_postgresql(rows_without_keys_get_them);
}

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
