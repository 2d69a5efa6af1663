use std::path::Path;

use chrono::NaiveDate;
use csmsdesk_core::evidence::Classification;

use super::*;
use crate::Db;
use crate::evidence::{EvidenceDetails, LinkRecord, add_link, add_version, insert};
use crate::vault::{Blob, Stamp};

const AT: &str = "2026-11-25T10:00:00Z";

/// A database through the real migrations, with one catalogue (id 1) and scopes 1 and 2.
fn db() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::create(&dir.path().join("workspace.sqlite"), AT, "test").unwrap();
    db.conn()
        .execute_batch(
            "INSERT INTO catalogue (id, name, version, source_file, source_sha256, imported_at)
                 VALUES (1, 'Demo', '1.0', 'demo.xlsx', printf('%064d', 0), '2026-11-25');
             INSERT INTO scope (id, name) VALUES (1, 'ECU'), (2, 'Plant');",
        )
        .unwrap();
    (dir, db)
}

/// Adds an item with `title`, `owner` and a work product, whose source is `path`.
fn add(db: &mut Db, title: &str, owner: &str, path: &[u8]) -> i64 {
    #[cfg(unix)]
    let source = {
        use std::os::unix::ffi::OsStrExt as _;
        Path::new(std::ffi::OsStr::from_bytes(path)).to_path_buf()
    };
    #[cfg(not(unix))]
    let source = Path::new(&*String::from_utf8_lossy(path)).to_path_buf();
    let details = EvidenceDetails {
        title: title.into(),
        work_product: Some("WP-09-02".into()),
        owner: owner.into(),
        classification: Classification::Internal,
        review_due: NaiveDate::from_ymd_opt(2027, 1, 31),
    };
    let blob = Blob {
        sha256: format!("{:064x}", path.len()),
        size: 1,
    };
    let stamp = Stamp {
        size: 1,
        mtime_ns: 0,
    };
    db.write(|tx| insert(tx, &details, &source, stamp, &blob, "f", AT))
        .unwrap()
}

fn titles(found: &[BriefRecord]) -> Vec<&str> {
    found.iter().map(|b| b.title.as_str()).collect()
}

#[test]
fn search_ignores_case_also_of_umlauts_and_finds_words_in_any_field() {
    let (_dir, mut db) = db();
    add(
        &mut db,
        "ÜBERSICHT der Prüfungen",
        "Anna",
        b"/docs/overview.pdf",
    );
    add(
        &mut db,
        "TARA brake",
        "Bernd Müller",
        b"/docs/tara/brake.xlsx",
    );
    add(&mut db, "Policy", "Anna", b"/docs/policies/cs-policy.pdf");
    let found = |text: &str| {
        let words: Vec<&str> = text.split_whitespace().collect();
        titles(&search(db.conn(), &words, 20).unwrap())
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        found("übersicht"),
        ["ÜBERSICHT der Prüfungen"],
        "Ü folds to ü"
    );
    assert_eq!(found("PRÜFUNG"), ["ÜBERSICHT der Prüfungen"]);
    assert_eq!(found("müller"), ["TARA brake"], "the owner is searched");
    assert_eq!(
        found("cs-policy.PDF"),
        ["Policy"],
        "the source path is searched"
    );
    assert_eq!(found("wp-09-02").len(), 3, "the work product is searched");
    assert_eq!(
        found("anna policies"),
        ["Policy"],
        "every word must occur, each in any field"
    );
    assert!(found("nothing-like-this").is_empty());
    assert_eq!(
        found(""),
        ["Policy", "TARA brake", "ÜBERSICHT der Prüfungen"],
        "no words: every item, by title"
    );
}

#[test]
fn search_puts_titles_that_start_with_the_text_first_and_keeps_only_the_best() {
    let (_dir, mut db) = db();
    add(&mut db, "Minutes of the TARA review", "", b"/a");
    add(&mut db, "Summary", "", b"/tara/b");
    add(&mut db, "TARA brake", "", b"/c");
    add(&mut db, "tara airbag", "", b"/d");
    let all = search(db.conn(), &["tara"], 10).unwrap();
    assert_eq!(
        titles(&all),
        [
            "tara airbag",
            "TARA brake",
            "Minutes of the TARA review",
            "Summary"
        ],
        "title starts with it, then title holds it, then another field; by title within"
    );
    let two = search(db.conn(), &["tara"], 2).unwrap();
    assert_eq!(titles(&two), ["tara airbag", "TARA brake"], "the best two");
    assert!(search(db.conn(), &["tara"], 0).unwrap().is_empty());
}

#[test]
fn search_takes_percent_and_underscore_as_themselves() {
    let (_dir, mut db) = db();
    add(&mut db, "Coverage 100% reached", "", b"/a");
    add(&mut db, "Coverage 1000 lines", "", b"/b");
    add(&mut db, "test_plan", "", b"/c");
    add(&mut db, "test plan", "", b"/d");
    let found = |word: &str| {
        titles(&search(db.conn(), &[word], 10).unwrap())
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(found("100%"), ["Coverage 100% reached"]);
    assert_eq!(found("t_p"), ["test_plan"], "_ is no wildcard");
}

#[test]
fn a_source_path_that_is_not_utf8_is_searched_by_its_readable_part() {
    let (_dir, mut db) = db();
    add(&mut db, "Scan", "", b"/docs/bericht-\xff.pdf");
    let found = search(db.conn(), &["bericht"], 5).unwrap();
    assert_eq!(titles(&found), ["Scan"]);
}

#[test]
fn briefs_carry_the_facts_of_the_state_in_the_order_asked() {
    let (_dir, mut db) = db();
    let a = add(&mut db, "A", "", b"/a");
    let b = add(&mut db, "B", "", b"/b");
    let blob = Blob {
        sha256: "e".repeat(64),
        size: 2,
    };
    let stamp = Stamp {
        size: 2,
        mtime_ns: 1,
    };
    db.write(|tx| add_version(tx, b, &blob, "b", stamp, AT).map(|_| ()))
        .unwrap();
    let found = briefs(db.conn(), &[b, 999, a]).unwrap();
    assert_eq!(
        titles(&found),
        ["B", "A"],
        "as asked, an unknown id left out"
    );
    assert!(!found[0].latest_reviewed, "B has an unreviewed new version");
    assert!(found[1].latest_reviewed);
    assert_eq!(found[1].work_product.as_deref(), Some("WP-09-02"));
    assert_eq!(found[1].review_due, NaiveDate::from_ymd_opt(2027, 1, 31));
}

#[test]
fn linked_counts_each_item_once_for_the_scope_and_lists_the_first_by_title() {
    let (_dir, mut db) = db();
    let c = add(&mut db, "charlie", "", b"/c");
    let a = add(&mut db, "Alpha", "", b"/a");
    let b = add(&mut db, "bravo", "", b"/b");
    let link = |evidence_id, target: &str, scope_id, po| LinkRecord {
        id: 0,
        evidence_id,
        catalogue_id: 1,
        target_id: target.into(),
        scope_id,
        protection_object_id: po,
        note: String::new(),
    };
    db.conn()
        .execute_batch("INSERT INTO protection_object (id, scope_id, name) VALUES (1, 1, 'Radar')")
        .unwrap();
    db.write(|tx| {
        add_link(tx, &link(a, "1.1.a", None, None))?;
        // The same item and target again, for one scope's object, and on the question too:
        // still one item.
        add_link(tx, &link(a, "1.1.a", Some(1), Some(1)))?;
        add_link(tx, &link(a, "1.1", Some(1), None))?;
        add_link(tx, &link(c, "1.1", None, None))?;
        add_link(tx, &link(b, "1.1.a", Some(2), None))?;
        Ok(())
    })
    .unwrap();
    let (total, first) = linked(db.conn(), 1, 1, &["1.1.a", "1.1"], Some(5)).unwrap();
    assert_eq!(
        total, 2,
        "scope 2's link does not count for scope 1; a is one item"
    );
    assert_eq!(
        titles(&first),
        ["Alpha", "charlie"],
        "by title, case ignored"
    );
    let (total, first) = linked(db.conn(), 1, 2, &["1.1.a", "1.1"], Some(1)).unwrap();
    assert_eq!(
        (total, titles(&first)),
        (3, vec!["Alpha"]),
        "all three count, one shown"
    );
    let (total, first) = linked(db.conn(), 1, 2, &["1.1.a"], None).unwrap();
    assert_eq!(
        (total, titles(&first)),
        (2, vec!["Alpha", "bravo"]),
        "no limit: all"
    );
    assert_eq!(
        linked(db.conn(), 1, 2, &["1.1.a", "1.1"], Some(0)).unwrap(),
        (3, Vec::new()),
        "a limit of 0 counts only"
    );
    assert_eq!(
        linked(db.conn(), 1, 1, &["9.9"], Some(5)).unwrap(),
        (0, Vec::new())
    );
    assert_eq!(linked(db.conn(), 1, 1, &[], None).unwrap(), (0, Vec::new()));
}
