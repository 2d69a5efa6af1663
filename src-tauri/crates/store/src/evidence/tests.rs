use super::*;
use crate::Db;
use crate::catalogue::{self, NewCatalogue};
use csmsdesk_core::catalogue::parse_catalogue;
use csmsdesk_workbook::{demo, read_catalogue_sheets};

const AT: &str = "2026-11-25T10:00:00Z";

/// A database with the demo catalogue stored twice (as two versions, ids returned).
pub(crate) fn db() -> (tempfile::TempDir, Db, i64, i64) {
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
                        original: None,
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

pub(crate) fn add(db: &mut Db, title: &str, path: &str, content: char) -> i64 {
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

#[test]
fn target_evidence_agrees_with_the_core_rule_for_every_combination_of_facts() {
    use csmsdesk_core::evidence::{EvidenceFacts, evidence_state};
    let (_dir, mut db, catalogue, _) = db();
    let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let dues = [
        None,
        Some("2026-11-24"),
        Some("2026-11-25"),
        Some("2026-11-26"),
    ];
    let mut expected = Vec::new();
    let mut targets = Vec::new();
    let mut n = 0;
    for missing in [false, true] {
        for reviewed in [false, true] {
            for due in dues {
                n += 1;
                let target = format!("t{n}");
                let id = add(&mut db, &target, &format!("/{n}"), 'c');
                db.write(|tx| {
                    let mut d = details(&target);
                    d.review_due = due.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
                    update_details(tx, id, &d)?;
                    if !reviewed {
                        add_version(tx, id, &blob('d'), "f", STAMP, AT)?;
                    }
                    if missing {
                        set_source_state(tx, id, None)?;
                    }
                    // Linked after some facts changed and before others: the triggers must
                    // copy the facts on insert and follow later changes.
                    add_link(tx, &link(id, catalogue, &target, None))?;
                    Ok(())
                })
                .unwrap();
                let record = get(db.conn(), id).unwrap().unwrap();
                let facts = EvidenceFacts {
                    source_missing: record.source_missing,
                    latest_reviewed: record.reviewed_version >= record.latest_version,
                    review_due: record.review_due,
                };
                expected.push(evidence_state(facts, day).is_current());
                targets.push(target);
            }
        }
    }
    let refs: Vec<&str> = targets.iter().map(String::as_str).collect();
    let found = target_evidence(db.conn(), catalogue, 1, day, &refs).unwrap();
    let current: Vec<bool> = found.iter().map(|t| t.current).collect();
    assert_eq!(current, expected);
    assert_eq!(
        expected.iter().filter(|c| **c).count(),
        2,
        "present, reviewed, not yet due"
    );
    assert!(found.iter().all(|t| t.linked));
}

#[test]
fn target_evidence_counts_links_for_the_scope_and_for_every_scope_only() {
    let (_dir, mut db, catalogue, _) = db();
    let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let id = add(&mut db, "Policy", "/a", 'c');
    db.conn()
        .execute_batch("INSERT INTO scope (id, name) VALUES (1, 'ECU'), (2, 'Plant')")
        .unwrap();
    db.write(|tx| {
        add_link(tx, &link(id, catalogue, "1.1.a", Some(1)))?;
        add_link(tx, &link(id, catalogue, "1.2", None))?;
        assert!(
            !add_link(tx, &link(id, catalogue, "1.2", None))?,
            "a link is stored once"
        );
        Ok(())
    })
    .unwrap();
    assert_eq!(
        linked_target_count(db.conn()).unwrap(),
        2,
        "two targets are linked, whatever the scope (the benchmark's anchor counts them)"
    );
    let found = target_evidence(db.conn(), catalogue, 2, day, &["1.1.a", "1.2", "1.3"]).unwrap();
    let summary: Vec<(bool, bool)> = found.iter().map(|t| (t.current, t.linked)).collect();
    assert_eq!(summary, [(false, false), (true, true), (false, false)]);
    // An item that changed afterwards is no longer current where it is linked.
    db.write(|tx| add_version(tx, id, &blob('e'), "a", STAMP, AT).map(|_| ()))
        .unwrap();
    let found = target_evidence(db.conn(), catalogue, 1, day, &["1.1.a"]).unwrap();
    assert_eq!((found[0].current, found[0].linked), (false, true));
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
    let other = add(&mut db, "Other", "/c", 'd');
    assert_eq!(
        duplicate_groups(db.conn()).unwrap(),
        vec![vec![
            (a, "Policy".to_owned()),
            (b, "Policy copy".to_owned())
        ]]
    );
    db.write(|tx| add_link(tx, &link(a, 1, "1.1", None)).map(|_| ()))
        .unwrap();
    let (count, all) = orphans(db.conn(), None).unwrap();
    let all: Vec<i64> = all.into_iter().map(|(id, _)| id).collect();
    assert_eq!((count, all), (2, vec![b, other]), "linked to nothing");
    let (count, first) = orphans(db.conn(), Some(1)).unwrap();
    assert_eq!(
        (count, first.len(), first[0].0),
        (2, 1, b),
        "counted all, sent the first"
    );
}

#[test]
fn a_source_path_survives_the_database_byte_for_byte_even_when_it_is_no_valid_text() {
    #[cfg(unix)]
    let odd: PathBuf = {
        use std::os::unix::ffi::OsStrExt as _;
        std::ffi::OsStr::from_bytes(b"/srv/ablage/Pr\xfcfung.txt").into()
    };
    // An NTFS name may hold a lone surrogate, which no UTF-8 text can.
    #[cfg(windows)]
    let odd: PathBuf = {
        use std::os::windows::ffi::OsStringExt as _;
        let mut units: Vec<u16> = r"C:\Ablage\Pr".encode_utf16().collect();
        units.extend([0xD800, 0x66]);
        std::ffi::OsString::from_wide(&units).into()
    };
    assert!(odd.to_str().is_none(), "the name is no valid text");
    assert_eq!(path_from_bytes(path_bytes(&odd)), odd);
    let plain = Path::new("/srv/ablage/Prüfung.txt");
    assert_eq!(
        path_bytes(plain),
        "/srv/ablage/Prüfung.txt".as_bytes(),
        "a valid name is its UTF-8 on every system"
    );
}

#[test]
fn a_page_of_items_and_their_links_reads_in_the_order_asked_whatever_their_number() {
    let (_dir, mut db, catalogue, _) = db();
    let a = add(&mut db, "Alpha", "/a", 'a');
    let b = add(&mut db, "Beta", "/b", 'b');
    let c = add(&mut db, "Gamma", "/c", 'c');
    db.write(|tx| {
        for (item, target) in [(c, "9.1.a"), (a, "7.1.a"), (c, "1.1.a")] {
            add_link(
                tx,
                &LinkRecord {
                    id: 0,
                    evidence_id: item,
                    catalogue_id: catalogue,
                    target_id: target.into(),
                    scope_id: None,
                    protection_object_id: None,
                    note: String::new(),
                },
            )?;
        }
        Ok(())
    })
    .unwrap();
    // The page's order, not the ids'; an id without an item is left out.
    let titles: Vec<String> = get_many(db.conn(), &[c, 999, a, b])
        .unwrap()
        .into_iter()
        .map(|r| r.title)
        .collect();
    assert_eq!(titles, ["Gamma", "Alpha", "Beta"]);
    assert_eq!(get_many(db.conn(), &[]).unwrap(), []);
    // Each item's links as links_of reads them, one at a time; none for an item without.
    let many = links_of_many(db.conn(), &[a, b, c]).unwrap();
    for item in [a, c] {
        assert_eq!(many[&item], links_of(db.conn(), item).unwrap());
    }
    assert!(!many.contains_key(&b));
    assert_eq!(
        many[&c]
            .iter()
            .map(|l| l.target_id.as_str())
            .collect::<Vec<_>>(),
        ["1.1.a", "9.1.a"],
        "by target"
    );
}
