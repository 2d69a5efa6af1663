use std::path::Path;

use rusqlite::Connection;

use super::*;
use crate::Db;
use crate::evidence::{
    EvidenceDetails, LinkRecord, add_link, add_version, insert, set_source_state,
};
use crate::vault::{Blob, Stamp};
use csmsdesk_core::evidence::{EvidenceFacts, evidence_state};

const AT: &str = "2026-11-25T10:00:00Z";
const STAMP: Stamp = Stamp {
    size: 10,
    mtime_ns: 1_700_000_000_000_000_000,
};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A new database through the real migrations, with one catalogue row to link to.
fn db() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::create(&dir.path().join("workspace.sqlite"), AT, "test").unwrap();
    db.conn()
        .execute_batch(&format!(
            "INSERT INTO catalogue (id, name, version, source_file, source_sha256, imported_at)
             VALUES (1, 'Demo', '1.0', 'demo.xlsx', '{}', '{AT}')",
            "a".repeat(64)
        ))
        .unwrap();
    (dir, db)
}

/// What an item in a test is like; the defaults make a current, unlinked internal document.
#[derive(Clone)]
struct Item {
    title: &'static str,
    path: &'static str,
    file_name: &'static str,
    work_product: Option<&'static str>,
    owner: &'static str,
    classification: Classification,
    review_due: Option<&'static str>,
    links: &'static [&'static str],
    changed: bool,
    missing: bool,
}

const ITEM: Item = Item {
    title: "",
    path: "",
    file_name: "file.pdf",
    work_product: None,
    owner: "",
    classification: Classification::Internal,
    review_due: None,
    links: &[],
    changed: false,
    missing: false,
};

fn add(db: &mut Db, item: &Item) -> i64 {
    let n = db
        .conn()
        .query_row("SELECT count(*) FROM evidence", params![], |r| {
            r.get::<i64>(0)
        })
        .unwrap();
    let path = if item.path.is_empty() {
        format!("/docs/{n}")
    } else {
        item.path.to_owned()
    };
    db.write(|tx| {
        let details = EvidenceDetails {
            title: item.title.into(),
            work_product: item.work_product.map(Into::into),
            owner: item.owner.into(),
            classification: item.classification,
            review_due: item.review_due.map(day),
        };
        let blob = |c: i64| Blob {
            sha256: format!("{:064x}", n * 2 + c),
            size: 1,
        };
        let id = insert(
            tx,
            &details,
            Path::new(&path),
            STAMP,
            &blob(0),
            item.file_name,
            AT,
        )?;
        if item.changed {
            add_version(tx, id, &blob(1), item.file_name, STAMP, AT)?;
        }
        if item.missing {
            set_source_state(tx, id, None)?;
        }
        for target in item.links {
            add_link(
                tx,
                &LinkRecord {
                    id: 0,
                    evidence_id: id,
                    catalogue_id: 1,
                    target_id: (*target).into(),
                    scope_id: None,
                    protection_object_id: None,
                    note: String::new(),
                },
            )?;
        }
        Ok(id)
    })
    .unwrap()
}

fn word(text: &str) -> Word {
    Word {
        text: text.into(),
        work_products: Vec::new(),
    }
}

fn words(texts: &[&str]) -> EvidenceQuery {
    EvidenceQuery {
        words: texts.iter().map(|t| word(t)).collect(),
        ..EvidenceQuery::default()
    }
}

const TODAY: &str = "2026-11-25";

/// The titles of every item `query` keeps, in its order.
fn titles(db: &Db, query: &EvidenceQuery) -> Vec<String> {
    page(db.conn(), query, day(TODAY), 0, None)
        .unwrap()
        .records
        .into_iter()
        .map(|r| r.title)
        .collect()
}

#[test]
fn the_state_sql_agrees_with_the_core_rule_for_every_combination_of_facts() {
    let (_dir, mut db) = db();
    let today = day(TODAY);
    let mut cases = Vec::new();
    for missing in [false, true] {
        for changed in [false, true] {
            for due in [None, Some("2026-11-24"), Some(TODAY), Some("2026-11-26")] {
                let id = add(
                    &mut db,
                    &Item {
                        title: "t",
                        review_due: due,
                        changed,
                        missing,
                        ..ITEM
                    },
                );
                let facts = EvidenceFacts {
                    source_missing: missing,
                    latest_reviewed: !changed,
                    review_due: due.map(day),
                };
                cases.push((id, evidence_state(facts, today)));
            }
        }
    }
    for (id, expected) in &cases {
        assert_eq!(
            state_in_sql(&db, *id, today),
            *expected,
            "the sort's rank of item {id}"
        );
    }
    for state in EvidenceState::ALL {
        let query = EvidenceQuery {
            state: Some(state),
            ..EvidenceQuery::default()
        };
        let found: Vec<i64> = page(db.conn(), &query, today, 0, None)
            .unwrap()
            .records
            .into_iter()
            .map(|r| r.id)
            .collect();
        let expected: Vec<i64> = cases
            .iter()
            .filter(|(_, s)| *s == state)
            .map(|(id, _)| *id)
            .collect();
        assert_eq!(
            found, expected,
            "the filter for {state:?} (every title is the same: by id)"
        );
        assert_eq!(
            count(db.conn(), &query, today).unwrap(),
            expected.len() as u64
        );
    }
}

/// The state the page query's sort gives item `id` on `day`.
fn state_in_sql(db: &Db, id: i64, day: NaiveDate) -> EvidenceState {
    let rank: i64 = db
        .conn()
        .query_row(
            &format!(
                "SELECT {} FROM evidence e WHERE e.id = ?1",
                state_rank(Engine::Sqlite, &day.to_string())
            ),
            params![id],
            |r| r.get(0),
        )
        .unwrap();
    EvidenceState::ALL[usize::try_from(rank).unwrap()]
}

#[test]
fn every_word_must_match_somewhere_in_the_item_case_ignored() {
    let (_dir, mut db) = db();
    add(
        &mut db,
        &Item {
            title: "CS policy",
            path: "/docs/policies/cs-policy.pdf",
            work_product: Some("WP-05-01"),
            owner: "Anna Schmidt",
            links: &["1.1.a"],
            ..ITEM
        },
    );
    add(
        &mut db,
        &Item {
            title: "TARA brake ECU",
            path: "/docs/tara/brake-v2.xlsx",
            file_name: "brake-v2.xlsx",
            work_product: Some("WP-09-02"),
            owner: "Bernd",
            links: &["3.2.b", "3.2"],
            ..ITEM
        },
    );
    add(
        &mut db,
        &Item {
            title: "Übersicht der Schutzziele",
            path: "/docs/ziele.txt",
            owner: "Jörg",
            ..ITEM
        },
    );
    add(
        &mut db,
        &Item {
            title: "100% coverage_report",
            ..ITEM
        },
    );
    let found = |texts: &[&str]| titles(&db, &words(texts));
    assert_eq!(found(&["POLICY"]), ["CS policy"], "ASCII case ignored");
    assert_eq!(found(&["policies"]), ["CS policy"], "the source path");
    assert_eq!(
        found(&["v2"]),
        ["TARA brake ECU"],
        "the file name, the end of the source path"
    );
    assert_eq!(found(&["schmidt"]), ["CS policy"], "the owner");
    assert_eq!(found(&["wp-09"]), ["TARA brake ECU"], "the work product ID");
    assert_eq!(found(&["3.2"]), ["TARA brake ECU"], "a link target");
    assert_eq!(found(&["bernd", "brake"]), ["TARA brake ECU"]);
    assert!(
        found(&["bernd", "policy"]).is_empty(),
        "every word must match"
    );
    assert_eq!(
        found(&["übersicht"]),
        ["Übersicht der Schutzziele"],
        "case ignored beyond ASCII too"
    );
    assert_eq!(found(&["JÖRG"]), ["Übersicht der Schutzziele"]);
    assert_eq!(
        found(&["100%"]),
        ["100% coverage_report"],
        "% is a character, not a wildcard"
    );
    assert_eq!(found(&["e_r"]), ["100% coverage_report"], "so is _");
    assert!(found(&["x%y"]).is_empty());
    let named = EvidenceQuery {
        words: vec![Word {
            text: "threat".into(),
            work_products: vec!["WP-09-02"],
        }],
        ..EvidenceQuery::default()
    };
    assert_eq!(
        titles(&db, &named),
        ["TARA brake ECU"],
        "a work product whose name contains the word"
    );
}

#[test]
fn state_type_classification_and_links_filter_together() {
    let (_dir, mut db) = db();
    let item = |title, wp, classification, links: &'static [&'static str], changed| Item {
        title,
        work_product: wp,
        classification,
        links,
        changed,
        ..ITEM
    };
    add(
        &mut db,
        &item(
            "a",
            Some("WP-05-01"),
            Classification::Public,
            &["1.1"],
            false,
        ),
    );
    add(
        &mut db,
        &item(
            "b",
            Some("WP-05-01"),
            Classification::Confidential,
            &[],
            true,
        ),
    );
    add(
        &mut db,
        &item("c", None, Classification::Confidential, &["1.2"], true),
    );
    add(
        &mut db,
        &item("d", None, Classification::Internal, &[], false),
    );
    let query = |f: fn(&mut EvidenceQuery)| {
        let mut q = EvidenceQuery::default();
        f(&mut q);
        titles(&db, &q)
    };
    assert_eq!(
        query(|q| q.work_product = Some(TypeFilter::WorkProduct("WP-05-01"))),
        ["a", "b"]
    );
    assert_eq!(
        query(|q| q.work_product = Some(TypeFilter::Other)),
        ["c", "d"]
    );
    assert_eq!(
        query(|q| q.classification = Some(Classification::Confidential)),
        ["b", "c"]
    );
    assert_eq!(query(|q| q.linked = Some(false)), ["b", "d"], "orphans");
    assert_eq!(query(|q| q.linked = Some(true)), ["a", "c"]);
    assert_eq!(
        query(|q| {
            q.state = Some(EvidenceState::Changed);
            q.work_product = Some(TypeFilter::Other);
        }),
        ["c"]
    );
    assert!(
        query(|q| {
            q.state = Some(EvidenceState::Current);
            q.classification = Some(Classification::Confidential);
        })
        .is_empty()
    );
}

/// Five items whose columns order differently, for the sort tests.
fn sortable() -> (tempfile::TempDir, Db) {
    let (dir, mut db) = db();
    let items = [
        Item {
            title: "Item 10",
            work_product: Some("WP-09-02"),
            owner: "bernd",
            classification: Classification::Confidential,
            review_due: Some("2027-01-01"),
            links: &["1.1", "1.2", "1.3"],
            ..ITEM
        },
        Item {
            title: "item 9",
            work_product: None,
            owner: "",
            classification: Classification::Public,
            review_due: None,
            links: &[],
            missing: true,
            ..ITEM
        },
        Item {
            title: "Änderung",
            work_product: Some("WP-05-01"),
            owner: "Anna",
            classification: Classification::StrictlyConfidential,
            review_due: Some("2026-01-01"),
            links: &["1.1"],
            changed: true,
            ..ITEM
        },
        Item {
            title: "Zulieferer",
            work_product: Some("WP-05-01"),
            owner: "anna",
            classification: Classification::Internal,
            review_due: Some("2026-06-01"),
            links: &["2.1", "2.2"],
            ..ITEM
        },
        Item {
            title: "Bremse",
            work_product: None,
            owner: "Carla",
            classification: Classification::Internal,
            review_due: None,
            links: &["1.1"],
            changed: true,
            ..ITEM
        },
    ];
    for item in &items {
        add(&mut db, item);
    }
    (dir, db)
}

fn sorted(db: &Db, sort: EvidenceColumn, direction: Direction) -> Vec<String> {
    titles(
        db,
        &EvidenceQuery {
            sort,
            direction,
            ..EvidenceQuery::default()
        },
    )
}

#[test]
fn every_column_sorts_both_ways_with_empty_values_last_and_ties_by_id() {
    use Direction::{Ascending as Asc, Descending as Desc};
    use EvidenceColumn as C;
    let (_dir, db) = sortable();
    let expect = |column, direction, expected: [&str; 5]| {
        assert_eq!(
            sorted(&db, column, direction),
            expected,
            "{column:?} {direction:?}"
        );
    };
    expect(
        C::Title,
        Asc,
        ["Änderung", "Bremse", "item 9", "Item 10", "Zulieferer"],
    );
    expect(
        C::Title,
        Desc,
        ["Zulieferer", "Item 10", "item 9", "Bremse", "Änderung"],
    );
    // WP-05-01 twice (by id), WP-09-02, then the two without a type (by id) either way.
    expect(
        C::Type,
        Asc,
        ["Änderung", "Zulieferer", "Item 10", "item 9", "Bremse"],
    );
    expect(
        C::Type,
        Desc,
        ["Item 10", "Änderung", "Zulieferer", "item 9", "Bremse"],
    );
    // Anna and anna tie (case ignored) and go by id; no owner last.
    expect(
        C::Owner,
        Asc,
        ["Änderung", "Zulieferer", "Item 10", "Bremse", "item 9"],
    );
    expect(
        C::Owner,
        Desc,
        ["Bremse", "Item 10", "Änderung", "Zulieferer", "item 9"],
    );
    // Most open first: public, internal (two, by id), confidential, strictly confidential.
    expect(
        C::Classification,
        Asc,
        ["item 9", "Zulieferer", "Bremse", "Item 10", "Änderung"],
    );
    expect(
        C::Classification,
        Desc,
        ["Änderung", "Item 10", "Zulieferer", "Bremse", "item 9"],
    );
    expect(
        C::ReviewDue,
        Asc,
        ["Änderung", "Zulieferer", "Item 10", "item 9", "Bremse"],
    );
    expect(
        C::ReviewDue,
        Desc,
        ["Item 10", "Zulieferer", "Änderung", "item 9", "Bremse"],
    );
    expect(
        C::Version,
        Asc,
        ["Item 10", "item 9", "Zulieferer", "Änderung", "Bremse"],
    );
    expect(
        C::Version,
        Desc,
        ["Änderung", "Bremse", "Item 10", "item 9", "Zulieferer"],
    );
    // On 2026-11-25: missing, changed (two, by id), review due, current.
    expect(
        C::State,
        Asc,
        ["item 9", "Änderung", "Bremse", "Zulieferer", "Item 10"],
    );
    expect(
        C::State,
        Desc,
        ["Item 10", "Zulieferer", "Änderung", "Bremse", "item 9"],
    );
    expect(
        C::Links,
        Asc,
        ["item 9", "Änderung", "Bremse", "Zulieferer", "Item 10"],
    );
    expect(
        C::Links,
        Desc,
        ["Item 10", "Zulieferer", "Änderung", "Bremse", "item 9"],
    );
}

#[test]
fn pages_split_the_sorted_list_and_the_count_ignores_paging() {
    let (_dir, mut db) = db();
    for title in ["a 1", "a 2", "a 3", "a 4", "a 5", "a 6", "a 7", "b"] {
        add(&mut db, &Item { title, ..ITEM });
    }
    let query = words(&["a"]);
    let today = day(TODAY);
    let page_of = |offset, limit| -> Vec<String> {
        page(db.conn(), &query, today, offset, limit)
            .unwrap()
            .records
            .into_iter()
            .map(|r| r.title)
            .collect()
    };
    assert_eq!(page_of(0, Some(3)), ["a 1", "a 2", "a 3"]);
    assert_eq!(page_of(3, Some(3)), ["a 4", "a 5", "a 6"]);
    assert_eq!(page_of(6, Some(3)), ["a 7"], "the last page is short");
    assert!(page_of(7, Some(3)).is_empty(), "past the end: nothing");
    assert!(page_of(100, None).is_empty());
    assert!(page_of(0, Some(0)).is_empty(), "a count alone");
    assert_eq!(page_of(5, None).len(), 2, "no limit: the rest");
    let all: Vec<String> = (0..3).flat_map(|p| page_of(p * 3, Some(3))).collect();
    assert_eq!(
        all,
        page_of(0, None),
        "the pages together are the whole list"
    );
    assert_eq!(count(db.conn(), &query, today).unwrap(), 7);
    assert_eq!(
        total(db.conn()).unwrap(),
        8,
        "every item, whatever the filter"
    );
    for (offset, limit) in [
        (0, Some(3)),
        (6, Some(3)),
        (7, Some(3)),
        (0, Some(0)),
        (5, None),
    ] {
        assert_eq!(
            page(db.conn(), &query, today, offset, limit).unwrap().total,
            7,
            "every page counts all the filter keeps, an empty one too ({offset}, {limit:?})"
        );
    }
    let unfiltered = page(db.conn(), &EvidenceQuery::default(), today, 2, Some(2)).unwrap();
    assert_eq!(unfiltered.total, 8);
    let record = &page(db.conn(), &query, today, 0, Some(1)).unwrap().records[0];
    assert_eq!(
        (record.file_name.as_str(), record.latest_version),
        ("file.pdf", 1),
        "a page row is the whole record"
    );
}

/// The plan SQLite makes for the page query of `query`, one line per step.
fn plan(db: &Db, query: &EvidenceQuery) -> String {
    let today = TODAY.to_owned();
    let mut filter = Filter::new(db.conn(), query, &today).unwrap();
    filter.param(Param::Int(100));
    filter.param(Param::Int(0));
    let sql = format!(
        "EXPLAIN QUERY PLAN SELECT e.id, count(*) OVER () FROM evidence e{} ORDER BY {} LIMIT ?{} OFFSET ?{}",
        filter.sql,
        order_by(Engine::Sqlite, query, &today),
        filter.params.len() - 1,
        filter.params.len()
    );
    let rows: Vec<String> = db
        .conn()
        .query_map(&sql, &filter.values(), |r| r.get(3))
        .unwrap();
    rows.join("\n")
}

#[test]
fn the_rare_states_are_a_seek_on_the_facts_index_of_migration_8() {
    let (_dir, mut db) = db();
    add(&mut db, &Item { title: "a", ..ITEM });
    for state in [
        EvidenceState::Missing,
        EvidenceState::Changed,
        EvidenceState::ReviewDue,
    ] {
        let query = EvidenceQuery {
            state: Some(state),
            ..EvidenceQuery::default()
        };
        let plan = plan(&db, &query);
        assert!(
            plan.contains("USING") && plan.contains("INDEX evidence_by_facts"),
            "{state:?} is looked up by its facts, not found by a pass over every item: {plan}"
        );
    }
}

#[test]
fn a_workspace_of_schema_7_gains_the_index_when_it_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workspace.sqlite");
    {
        let mut conn = Connection::open(&path).unwrap();
        crate::db::migrations().to_version(&mut conn, 7).unwrap();
    }
    let has_index = |conn: &Connection| -> bool {
        conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'evidence_by_facts'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert!(!has_index(&Connection::open(&path).unwrap()));
    let db = Db::open(&path).unwrap();
    assert_eq!(db.schema_version().unwrap(), crate::db::SCHEMA_VERSION);
    assert!(has_index(db.conn()), "migration 0008 made it");
}
