use super::*;
use crate::Db;
use crate::sql::twin::{on_postgresql, on_sqlite};
use csmsdesk_core::catalogue::parse_catalogue;
use csmsdesk_workbook::{demo, read_catalogue_sheets};

fn demo_catalogue() -> Catalogue {
    let sheets = read_catalogue_sheets(&demo::workbook().unwrap()).unwrap();
    parse_catalogue(&sheets.catalogue).unwrap()
}

fn meta(sha256: &str) -> NewCatalogue<'_> {
    NewCatalogue {
        name: "Demo",
        version: "1.1",
        source_file: "demo.xlsx",
        source_sha256: sha256,
        imported_at: "2026-11-25T10:00:00Z",
        original: None,
    }
}

/// A small catalogue whose IDs differ in case, to tell SQLite's order of bytes from a
/// language's, and whose text has letters beyond ASCII.
fn mixed_case_catalogue() -> Catalogue {
    let requirement = |id: &str, row| Requirement {
        id: id.into(),
        id_5112: String::new(),
        must: format!("Prüfung {id}"),
        must_references: "[RQ-05-01] [WP-09-02]".into(),
        should: String::new(),
        should_references: String::new(),
        further_information: String::new(),
        possible_evidence: "[WP-09-02]".into(),
        row,
    };
    Catalogue {
        title: "Mixed".into(),
        chapters: vec![Chapter {
            id: "1".into(),
            title: "Ärger".into(),
            row: 1,
            questions: vec![ControlQuestion {
                id: "1.1".into(),
                id_5112: "G.1".into(),
                text: "Ärger mit dem Lieferanten?".into(),
                objective: "Objective".into(),
                row: 2,
                requirements: vec![requirement("1.1.a", 3), requirement("1.1.B", 4)],
            }],
        }],
        groups_5112: vec![Group5112 {
            id: "G".into(),
            title: "Group".into(),
        }],
        notes: Vec::new(),
    }
}

/// The same checks on either engine.
fn catalogue_checks(conn: &dyn Sql) {
    // The demo workbook's catalogue round-trips; counts come from the stored rows.
    let catalogue = demo_catalogue();
    let a = "a".repeat(64);
    let id = insert(conn, &meta(&a), &catalogue).unwrap();
    assert_eq!(id, 1, "the id comes back from the insert");
    let loaded = load(conn, id).unwrap().unwrap();
    assert_eq!(loaded.chapters.len(), catalogue.chapters.len());
    for (a, b) in loaded.chapters.iter().zip(&catalogue.chapters) {
        assert_eq!((a.id.as_str(), &a.title), (b.id.as_str(), &b.title));
        assert_eq!(a.questions, b.questions, "chapter {} round-trips", a.id);
    }
    assert_eq!(loaded.groups_5112, catalogue.groups_5112);
    let record = get(conn, id).unwrap().unwrap();
    assert_eq!(
        record.counts,
        catalogue.counts(),
        "counts come from the stored rows"
    );
    assert_eq!(find_by_sha256(conn, &a).unwrap(), Some(record));
    assert_eq!(find_by_sha256(conn, &"f".repeat(64)).unwrap(), None);
    assert_eq!(get(conn, 99).unwrap(), None);
    assert!(load(conn, 99).unwrap().is_none());

    // References are stored parsed; a work product ID finds the requirements citing it.
    let refs = references(conn, id).unwrap();
    assert!(
        refs.iter()
            .any(|(_, field, r)| field == "must" && r.tag == "RQ-05-01" && r.clause == Some(5))
    );
    let hits = search(conn, id, "wp-09-02").unwrap();
    assert!(
        !hits.is_empty(),
        "a work product ID finds the requirements that cite it"
    );
    assert!(hits.iter().all(|h| h.requirement_id.is_some()));

    // Wildcards are text.
    assert!(
        search(conn, id, "%").unwrap().is_empty(),
        "% is not a wildcard"
    );
    assert!(
        search(conn, id, "_").unwrap().is_empty(),
        "_ is not a wildcard"
    );
    let ids: Vec<_> = search(conn, id, "3.1.i")
        .unwrap()
        .into_iter()
        .filter_map(|h| h.requirement_id)
        .collect();
    assert_eq!(
        ids,
        ["3.1.i", "3.1.i-2"],
        "an ID finds itself and its repeated twin"
    );

    // The same source cannot be stored twice.
    assert!(
        insert(conn, &meta(&a), &catalogue).is_err(),
        "the SHA-256 is unique"
    );

    // A superseded catalogue names its successor; the list is by id.
    let b = "b".repeat(64);
    let mixed = insert(conn, &meta(&b), &mixed_case_catalogue()).unwrap();
    set_superseded(conn, id, mixed).unwrap();
    let listed = list(conn).unwrap();
    assert_eq!(
        listed
            .iter()
            .map(|c| (c.id, c.superseded_by))
            .collect::<Vec<_>>(),
        [(id, Some(mixed)), (mixed, None)]
    );
    set_original(conn, mixed, &"e".repeat(64), 99).unwrap();
    assert_eq!(
        get(conn, mixed).unwrap().unwrap().original_sha256,
        Some("e".repeat(64))
    );

    // IDs sort by their bytes ("B" before "a"), the question's own hit (no requirement)
    // first; the search ignores ASCII case only, as SQLite's LIKE.
    let tags: Vec<(String, String, String)> = references(conn, mixed)
        .unwrap()
        .into_iter()
        .map(|(req, field, r)| (req, field, r.tag))
        .collect();
    let tag =
        |req: &str, field: &str, tag: &str| (req.to_owned(), field.to_owned(), tag.to_owned());
    assert_eq!(
        tags,
        [
            tag("1.1.B", "evidence", "WP-09-02"),
            tag("1.1.B", "must", "RQ-05-01"),
            tag("1.1.B", "must", "WP-09-02"),
            tag("1.1.a", "evidence", "WP-09-02"),
            tag("1.1.a", "must", "RQ-05-01"),
            tag("1.1.a", "must", "WP-09-02"),
        ]
    );
    let hit = |requirement: Option<&str>| SearchHit {
        question_id: "1.1".into(),
        requirement_id: requirement.map(Into::into),
    };
    assert_eq!(
        search(conn, mixed, "1.1").unwrap(),
        [hit(None), hit(Some("1.1.B")), hit(Some("1.1.a"))]
    );
    assert_eq!(
        search(conn, mixed, "rq-05").unwrap(),
        [hit(Some("1.1.B")), hit(Some("1.1.a"))]
    );
    assert_eq!(
        search(conn, mixed, "PRÜFUNG").unwrap(),
        [],
        "no case beyond ASCII"
    );
    assert_eq!(search(conn, mixed, "prüfung").unwrap().len(), 2);
    assert_eq!(
        search(conn, mixed, "ärger").unwrap(),
        [],
        "no case beyond ASCII"
    );
    assert_eq!(search(conn, mixed, "Ärger").unwrap(), [hit(None)]);
}

#[test]
fn catalogues_on_sqlite() {
    on_sqlite(catalogue_checks);
}

#[test]
fn catalogues_on_postgresql() {
    on_postgresql(catalogue_checks);
}

#[test]
fn a_kept_original_is_recorded_listed_as_a_blob_and_older_catalogues_have_none() {
    // A workspace of schema 8 (before originals were kept) with one catalogue.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workspace.sqlite");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        crate::db::migrations().to_version(&mut conn, 8).unwrap();
        conn.execute(
            "INSERT INTO catalogue (name, version, source_file, source_sha256, imported_at)
             VALUES ('Old', '1.1', 'old.xlsx', ?1, '2026-01-01T00:00:00Z')",
            [&"c".repeat(64)],
        )
        .unwrap();
    }
    let mut db = Db::open(&path).unwrap();
    assert_eq!(list(db.conn()).unwrap()[0].original_sha256, None);
    let catalogue = demo_catalogue();
    let sha = "d".repeat(64);
    let meta = NewCatalogue {
        name: "Own",
        version: "1.1",
        source_file: "own.xlsx",
        source_sha256: &sha,
        imported_at: "2026-11-25T11:00:00Z",
        original: Some((&sha, 1234)),
    };
    let id = db.write(|tx| insert(tx, &meta, &catalogue)).unwrap();
    assert_eq!(
        get(db.conn(), id).unwrap().unwrap().original_sha256,
        Some(sha.clone())
    );
    // Backups, restores and `check` take the vault's contents from this list.
    assert_eq!(
        crate::evidence::blobs(db.conn()).unwrap(),
        vec![(sha, 1234)]
    );
    // The older catalogue's original can be kept later (importing the same file again).
    let old = list(db.conn()).unwrap()[0].id;
    db.write(|tx| set_original(tx, old, &"e".repeat(64), 99))
        .unwrap();
    assert_eq!(crate::evidence::blobs(db.conn()).unwrap().len(), 2);
}
