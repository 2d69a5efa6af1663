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

// The other reads and writes, reviews, briefs and targets' facts, on both engines.
mod reads;
