use super::*;
use crate::Db;
use crate::catalogue::{self, NewCatalogue};
use csmsdesk_core::catalogue::parse_catalogue;
use csmsdesk_workbook::{demo, read_catalogue_sheets};

const AT: &str = "2026-11-25T10:00:00Z";

/// A database with the demo catalogue stored twice (as two versions, ids returned).
fn db() -> (tempfile::TempDir, Db, i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::create(&dir.path().join("workspace.sqlite"), AT, "test").unwrap();
    let sheets = read_catalogue_sheets(&demo::workbook().unwrap()).unwrap();
    let tree = parse_catalogue(&sheets.catalogue).unwrap();
    let ids = db
        .write(|tx| {
            ['a', 'b']
                .into_iter()
                .map(|c| {
                    let sha = c.to_string().repeat(64);
                    let meta = NewCatalogue {
                        name: "Demo",
                        version: if c == 'a' { "1.0" } else { "1.1" },
                        source_file: "demo.xlsx",
                        source_sha256: &sha,
                        imported_at: AT,
                    };
                    catalogue::insert(tx, &meta, &tree)
                })
                .collect::<Result<Vec<i64>>>()
        })
        .unwrap();
    (dir, db, ids[0], ids[1])
}

fn details(title: &str) -> EvidenceDetails {
    EvidenceDetails {
        title: title.into(),
        work_product: Some("WP-05-01".into()),
        owner: "CSMS owner".into(),
        classification: Classification::Confidential,
        review_due: NaiveDate::from_ymd_opt(2027, 1, 31),
    }
}

fn blob(c: char) -> Blob {
    Blob {
        sha256: c.to_string().repeat(64),
        size: 10,
    }
}

const STAMP: Stamp = Stamp {
    size: 10,
    mtime_ns: 1_700_000_000_000_000_000,
};

fn add(db: &mut Db, title: &str, path: &str, content: char) -> i64 {
    db.write(|tx| {
        insert(
            tx,
            &details(title),
            Path::new(path),
            STAMP,
            &blob(content),
            "policy.pdf",
            AT,
        )
    })
    .unwrap()
}

#[test]
fn an_evidence_item_round_trips_with_its_first_version_reviewed() {
    let (_dir, mut db, _, _) = db();
    let id = add(&mut db, "CS policy", "/docs/policy.pdf", 'c');
    let record = get(db.conn(), id).unwrap().unwrap();
    assert_eq!(record.title, "CS policy");
    assert_eq!(record.classification, Classification::Confidential);
    assert_eq!(record.review_due, NaiveDate::from_ymd_opt(2027, 1, 31));
    assert_eq!(record.source_path, PathBuf::from("/docs/policy.pdf"));
    assert_eq!(record.stamp, STAMP);
    assert_eq!((record.latest_version, record.reviewed_version), (1, 1));
    assert_eq!(record.sha256, "c".repeat(64));
    assert_eq!(
        find_by_source(db.conn(), Path::new("/docs/policy.pdf")).unwrap(),
        Some(id)
    );
}

#[test]
fn a_new_version_needs_review_until_it_is_reviewed_and_old_versions_stay() {
    let (_dir, mut db, _, _) = db();
    let id = add(&mut db, "CS policy", "/docs/policy.pdf", 'c');
    let version = db
        .write(|tx| add_version(tx, id, &blob('d'), "policy.pdf", STAMP, AT))
        .unwrap();
    assert_eq!(version, 2);
    let record = get(db.conn(), id).unwrap().unwrap();
    assert_eq!((record.latest_version, record.reviewed_version), (2, 1));
    assert_eq!(
        record.sha256,
        "d".repeat(64),
        "the record shows the newest content"
    );
    db.write(|tx| mark_reviewed(tx, id)).unwrap();
    assert_eq!(get(db.conn(), id).unwrap().unwrap().reviewed_version, 2);
    let hashes: Vec<String> = versions(db.conn(), id)
        .unwrap()
        .into_iter()
        .map(|v| v.sha256)
        .collect();
    assert_eq!(hashes, ["c".repeat(64), "d".repeat(64)]);
}

#[cfg(unix)]
#[test]
fn a_source_name_that_is_not_utf8_survives_the_database() {
    use std::os::unix::ffi::OsStrExt as _;
    let (_dir, mut db, _, _) = db();
    let path = Path::new(std::ffi::OsStr::from_bytes(b"/docs/caf\xe9.pdf"));
    let id = db
        .write(|tx| {
            insert(
                tx,
                &details("Café"),
                path,
                STAMP,
                &blob('c'),
                "caf\u{fffd}.pdf",
                AT,
            )
        })
        .unwrap();
    assert_eq!(get(db.conn(), id).unwrap().unwrap().source_path, path);
}

#[test]
fn the_same_source_cannot_be_two_evidence_items() {
    let (_dir, mut db, _, _) = db();
    add(&mut db, "CS policy", "/docs/policy.pdf", 'c');
    let again = db.write(|tx| {
        insert(
            tx,
            &details("Again"),
            Path::new("/docs/policy.pdf"),
            STAMP,
            &blob('c'),
            "p",
            AT,
        )
    });
    assert!(again.is_err(), "the unique source index refuses it");
    assert_eq!(
        list(db.conn()).unwrap().len(),
        1,
        "and nothing half-written stays"
    );
}

#[test]
fn target_facts_group_linked_evidence_by_freshness_for_a_scope() {
    let (_dir, mut db, catalogue, _) = db();
    let fresh = add(&mut db, "Fresh", "/a", 'c');
    let changed = add(&mut db, "Changed", "/b", 'd');
    db.write(|tx| add_version(tx, changed, &blob('e'), "b", STAMP, AT))
        .unwrap();
    let link = |evidence_id, target: &str, scope_id| LinkRecord {
        id: 0,
        evidence_id,
        catalogue_id: catalogue,
        target_id: target.into(),
        scope_id,
        protection_object_id: None,
        note: String::new(),
    };
    db.write(|tx| {
        assert!(add_link(tx, &link(fresh, "1.1.a", None))?);
        assert!(
            !add_link(tx, &link(fresh, "1.1.a", None))?,
            "a link is stored once"
        );
        add_link(tx, &link(changed, "1.1.a", None))?;
        add_link(tx, &link(changed, "1.2", None))?;
        Ok(())
    })
    .unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut facts = target_facts(db.conn(), catalogue, 1, day).unwrap();
    facts.sort_by(|a, b| (&a.target_id, a.latest_reviewed).cmp(&(&b.target_id, b.latest_reviewed)));
    let summary: Vec<(&str, bool, u64)> = facts
        .iter()
        .map(|f| (f.target_id.as_str(), f.latest_reviewed, f.count))
        .collect();
    assert_eq!(
        summary,
        [("1.1.a", false, 1), ("1.1.a", true, 1), ("1.2", false, 1)]
    );
    let later = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
    assert!(
        target_facts(db.conn(), catalogue, 1, later)
            .unwrap()
            .iter()
            .all(|f| f.review_passed),
        "both reviews were due on 2027-01-31"
    );
}

#[test]
fn links_move_to_a_new_catalogue_under_their_new_ids() {
    let (_dir, mut db, old, new) = db();
    let id = add(&mut db, "Policy", "/a", 'c');
    db.write(|tx| {
        for target in ["7.1.a", "9.1.a"] {
            add_link(
                tx,
                &LinkRecord {
                    id: 0,
                    evidence_id: id,
                    catalogue_id: old,
                    target_id: target.into(),
                    scope_id: None,
                    protection_object_id: None,
                    note: String::new(),
                },
            )?;
        }
        // 7.x and 9.x swap places, as chapters 7 and 9 did between VCSA 1.0 and 1.1.
        move_links(tx, old, new, &|id: &str| {
            id.replacen("7.", "#.", 1)
                .replacen("9.", "7.", 1)
                .replacen("#.", "9.", 1)
        })
    })
    .unwrap();
    let moved: Vec<(i64, String)> = links(db.conn())
        .unwrap()
        .into_iter()
        .map(|l| (l.catalogue_id, l.target_id))
        .collect();
    assert_eq!(
        moved,
        [(new, "7.1.a".to_owned()), (new, "9.1.a".to_owned())]
    );
}

#[test]
fn duplicates_are_items_whose_newest_content_is_the_same() {
    let (_dir, mut db, _, _) = db();
    let a = add(&mut db, "Policy", "/a", 'c');
    let b = add(&mut db, "Policy copy", "/b", 'c');
    add(&mut db, "Other", "/c", 'd');
    assert_eq!(duplicate_groups(db.conn()).unwrap(), vec![vec![a, b]]);
}
