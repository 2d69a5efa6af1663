use super::*;
use crate::Db;
use csmsdesk_core::catalogue::parse_catalogue;
use csmsdesk_workbook::{demo, read_catalogue_sheets};

fn db() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::create(
        &dir.path().join("workspace.sqlite"),
        "2026-11-25T10:00:00Z",
        "test",
    )
    .unwrap();
    (dir, db)
}

fn demo_catalogue() -> Catalogue {
    let sheets = read_catalogue_sheets(&demo::workbook().unwrap()).unwrap();
    parse_catalogue(&sheets.catalogue).unwrap()
}

fn store(db: &mut Db, catalogue: &Catalogue, sha: char) -> i64 {
    let sha256 = sha.to_string().repeat(64);
    let meta = NewCatalogue {
        name: "Demo",
        version: "1.1",
        source_file: "demo.xlsx",
        source_sha256: &sha256,
        imported_at: "2026-11-25T10:00:00Z",
        original: None,
    };
    db.write(|tx| insert(tx, &meta, catalogue)).unwrap()
}

#[test]
fn a_stored_catalogue_loads_back_as_the_same_tree() {
    let (_dir, mut db) = db();
    let catalogue = demo_catalogue();
    let id = store(&mut db, &catalogue, 'a');
    let loaded = load(db.conn(), id).unwrap().unwrap();
    assert_eq!(loaded.chapters.len(), catalogue.chapters.len());
    for (a, b) in loaded.chapters.iter().zip(&catalogue.chapters) {
        assert_eq!((a.id.as_str(), &a.title), (b.id.as_str(), &b.title));
        assert_eq!(a.questions, b.questions, "chapter {} round-trips", a.id);
    }
    assert_eq!(loaded.groups_5112, catalogue.groups_5112);
    let record = get(db.conn(), id).unwrap().unwrap();
    assert_eq!(
        record.counts,
        catalogue.counts(),
        "counts come from the stored rows"
    );
}

#[test]
fn references_are_stored_parsed_and_searchable() {
    let (_dir, mut db) = db();
    let id = store(&mut db, &demo_catalogue(), 'a');
    let refs = references(db.conn(), id).unwrap();
    assert!(
        refs.iter()
            .any(|(_, field, r)| field == "must" && r.tag == "RQ-05-01" && r.clause == Some(5))
    );
    let hits = search(db.conn(), id, "wp-09-02").unwrap();
    assert!(
        !hits.is_empty(),
        "a work product ID finds the requirements that cite it"
    );
    assert!(hits.iter().all(|h| h.requirement_id.is_some()));
}

#[test]
fn search_treats_wildcards_as_text() {
    let (_dir, mut db) = db();
    let id = store(&mut db, &demo_catalogue(), 'a');
    assert!(
        search(db.conn(), id, "%").unwrap().is_empty(),
        "% is not a wildcard"
    );
    assert!(
        search(db.conn(), id, "_").unwrap().is_empty(),
        "_ is not a wildcard"
    );
    let hits = search(db.conn(), id, "3.1.i").unwrap();
    let ids: Vec<_> = hits
        .iter()
        .filter_map(|h| h.requirement_id.as_deref())
        .collect();
    assert_eq!(
        ids,
        ["3.1.i", "3.1.i-2"],
        "an ID finds itself and its repeated twin"
    );
}

#[test]
fn the_same_source_cannot_be_stored_twice() {
    let (_dir, mut db) = db();
    let catalogue = demo_catalogue();
    store(&mut db, &catalogue, 'a');
    let meta = NewCatalogue {
        name: "Demo",
        version: "1.1",
        source_file: "copy.xlsx",
        source_sha256: &"a".repeat(64),
        imported_at: "2026-11-25T11:00:00Z",
        original: None,
    };
    assert!(
        db.write(|tx| insert(tx, &meta, &catalogue)).is_err(),
        "the SHA-256 is unique"
    );
}

#[test]
fn a_superseded_catalogue_names_its_successor() {
    let (_dir, mut db) = db();
    let catalogue = demo_catalogue();
    let old = store(&mut db, &catalogue, 'a');
    let new = store(&mut db, &catalogue, 'b');
    db.write(|tx| set_superseded(tx, old, new)).unwrap();
    let listed = list(db.conn()).unwrap();
    assert_eq!(
        listed.iter().map(|c| c.superseded_by).collect::<Vec<_>>(),
        [Some(new), None]
    );
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
