use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::*;
use crate::location::{self, LocationRecord};
use crate::sql::PgConn;

/// A new SQLite workspace with rows in many tables, every change journalled: locations with
/// labels, a scope, settings (more than two batches of them), an evidence item whose source is
/// not UTF-8, with a version and a link.
fn desk_workspace(dir: &std::path::Path) -> crate::Db {
    let mut db = crate::Db::create(
        &dir.join("workspace.sqlite"),
        "2026-12-01T09:00:00Z",
        "anna",
    )
    .unwrap();
    db.set_source("test");
    db.write(|tx| {
        fill(tx);
        Ok(())
    })
    .unwrap();
    db
}

fn fill(conn: &dyn Sql) {
    for (i, name) in ["Plant Ä", "plant b", "Zentrale"].iter().enumerate() {
        let id = location::insert(
            conn,
            &LocationRecord {
                id: 0,
                name: (*name).to_owned(),
                address: format!("Street {i}, 'quoted' \"and\" ?1"),
                tisax_scope_id: None,
                cs_activities: i % 2 == 0,
                notes: "x".repeat(200),
                labels: Vec::new(),
                used_by: Vec::new(),
            },
        )
        .unwrap();
        location::add_label(
            conn,
            id,
            &csmsdesk_core::scope::TisaxLabel {
                label: "Info high".to_owned(),
                level: csmsdesk_core::scope::tisax_label_level("Info high").unwrap(),
                expires: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            },
        )
        .unwrap();
    }
    for i in 0..450 {
        crate::settings::set(conn, &format!("test.key_{i:03}"), &format!("value {i}")).unwrap();
    }
    let evidence = conn
        .insert_id(
            "INSERT INTO evidence (title, owner, source_path, source_size, source_mtime_ns, added_at)
             VALUES ('SBOM', 'Quality', ?1, 12, 1700000000000000000, '2026-12-01T09:00:00Z')
             RETURNING id",
            params![&b"/docs/\xffsbom.json"[..]],
        )
        .unwrap();
    // Written as store writes an item: with its sort keys.
    crate::evidence::fill_sort_keys(conn).unwrap();
    conn.execute(
        "INSERT INTO evidence_version (evidence_id, version, sha256, size, file_name, recorded_at)
         VALUES (?1, 1, ?2, 12, 'sbom.json', '2026-12-01T09:00:00Z')",
        params![evidence, "a".repeat(64).as_str()],
    )
    .unwrap();
}

/// Every row of every workspace table, sorted (engines may hand rows in another order).
fn dump(conn: &dyn Sql) -> BTreeMap<String, Vec<Vec<Cell>>> {
    let mut out = BTreeMap::new();
    for table in tables(conn).unwrap() {
        let (cols, _) = columns(conn, &table).unwrap();
        let list = cols
            .iter()
            .map(|c| quoted(c))
            .collect::<Vec<_>>()
            .join(", ");
        let mut rows: Vec<Vec<Cell>> = conn
            .query_map(
                &format!("SELECT {list} FROM {}", quoted(&table)),
                params![],
                |r| (0..cols.len()).map(|i| r.get::<Cell>(i)).collect(),
            )
            .unwrap();
        rows.sort();
        out.insert(table, rows);
    }
    out
}

/// A migrated SQLite database as a restore starts from: the schema, its triggers and the
/// journal's functions, no row.
fn empty_sqlite(path: &std::path::Path) -> Connection {
    let mut conn = Connection::open(path).unwrap();
    crate::journal::register_functions(&conn, Arc::new(Mutex::new("restore".to_owned()))).unwrap();
    crate::db::migrations().to_latest(&mut conn).unwrap();
    crate::journal::refresh_triggers(&conn).unwrap();
    conn
}

fn sqlite_schema(conn: &Connection) -> Vec<(String, String, Option<String>)> {
    conn.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn sqlite_journal_ok(conn: &Connection) -> usize {
    let (count, head, problems) = crate::journal::verify(conn).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert!(head.is_some());
    count
}

#[test]
fn a_desk_workspace_copies_row_for_row_with_its_journal_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk_workspace(dir.path());
    let source = dump(desk.conn());
    assert!(
        source["setting"].len() > 2 * BATCH_ROWS,
        "the copy crosses batches"
    );
    let journalled = sqlite_journal_ok(desk.conn());
    assert!(journalled > 450);

    let copy = empty_sqlite(&dir.path().join("copy.sqlite"));
    let schema_before = sqlite_schema(&copy);
    let mut heard = Vec::new();
    let copied = copy_workspace(desk.conn(), &copy, &mut |t, n| {
        heard.push((t.to_owned(), n))
    })
    .unwrap();
    assert_eq!(dump(&copy), source, "every row of every table, as it was");
    assert_eq!(
        sqlite_schema(&copy),
        schema_before,
        "the triggers are back, exactly as made"
    );
    assert_eq!(
        sqlite_journal_ok(&copy),
        journalled,
        "the copy journalled nothing of its own"
    );
    let settings = copied.iter().find(|c| c.table == "setting").unwrap();
    assert_eq!(settings.rows, 450);
    assert!(
        heard.contains(&("setting".to_owned(), 400)),
        "progress by batch: {heard:?}"
    );

    // The copy goes on as a workspace: a change is journalled after the copied chain.
    crate::settings::set(&copy, "after.copy", "yes").unwrap();
    assert_eq!(sqlite_journal_ok(&copy), journalled + 1);
}

#[test]
fn a_target_that_is_not_empty_is_refused_before_anything_is_written_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk_workspace(dir.path());
    let copy = empty_sqlite(&dir.path().join("copy.sqlite"));
    crate::settings::set(&copy, "already", "here").unwrap();
    let before = dump(&copy);
    let err = copy_workspace(desk.conn(), &copy, &mut |_, _| {}).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("not a new workspace") && text.contains("journal is not empty (1)"),
        "{text}"
    );
    assert_eq!(dump(&copy), before);

    let other = Connection::open_in_memory().unwrap();
    other
        .execute_batch("CREATE TABLE journal (seq INTEGER)")
        .unwrap();
    other
        .execute_batch("CREATE TABLE stranger (x INTEGER)")
        .unwrap();
    let err = copy_workspace(desk.conn(), &other, &mut |_, _| {}).unwrap_err();
    assert!(err.to_string().contains("stranger"), "{err}");
}

#[test]
fn a_desk_workspace_moves_to_postgresql_and_back_unchanged_on_postgresql() {
    use crate::pg::test_server::{TestDb, server};
    let Some(admin) = server() else { return };
    let dir = tempfile::tempdir().unwrap();
    let desk = desk_workspace(dir.path());
    let source = dump(desk.conn());
    let journalled = sqlite_journal_ok(desk.conn());

    let db = TestDb::create_linguistic(&admin);
    let server = PgConn::new(db.connect());
    crate::pg::migrate(&mut server.client()).unwrap();
    copy_workspace(desk.conn(), &server, &mut |_, _| {}).unwrap();
    assert_eq!(
        dump(&server),
        source,
        "every row on the server, as on the desk"
    );
    let (count, head, problems) = crate::pg::journal::verify(&mut *server.client()).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        count, journalled,
        "the chain arrived whole and nothing was journalled twice"
    );
    let head = head.unwrap();

    // The server goes on: new ids past the copied ones, the chain continued from its head.
    let before_ids: Vec<i64> = server
        .query_map("SELECT id FROM location", params![], |r| r.get(0))
        .unwrap();
    let id = location::insert(
        &server,
        &LocationRecord {
            id: 0,
            name: "New plant".to_owned(),
            address: String::new(),
            tisax_scope_id: None,
            cs_activities: false,
            notes: String::new(),
            labels: Vec::new(),
            used_by: Vec::new(),
        },
    )
    .unwrap();
    assert!(
        before_ids.iter().all(|&old| id > old),
        "{id} after {before_ids:?}"
    );
    let (count, new_head, problems) = crate::pg::journal::verify(&mut *server.client()).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(count, journalled + 1);
    assert_eq!(new_head.unwrap().seq, head.seq + 1);

    // And back to a desk, as a backup of the server writes it: a workspace file exactly as
    // the migrations make it, holding the rows the server holds, its chain verifying.
    let back = dir.path().join("back.sqlite");
    to_new_sqlite_file(&server, &back, &mut |_, _| {}).unwrap();
    assert_eq!(
        crate::schema::check_file(&back).unwrap(),
        crate::schema::Verdict::Ours {
            version: crate::db::SCHEMA_VERSION
        },
    );
    let mut reopened = crate::Db::open(&back).unwrap();
    assert_eq!(dump(reopened.conn()), dump(&server));
    assert_eq!(sqlite_journal_ok(reopened.conn()), journalled + 1);
    reopened
        .write(|tx| crate::settings::set(tx, "after.return", "yes"))
        .unwrap();
    assert_eq!(sqlite_journal_ok(reopened.conn()), journalled + 2);

    // A desk file into a new server database, as a restore reads its staged copy.
    let db2 = TestDb::create(&admin);
    let second = PgConn::new(db2.connect());
    crate::pg::migrate(&mut second.client()).unwrap();
    from_sqlite_file(&back, &second, &mut |_, _| {}).unwrap();
    assert_eq!(dump(&second), dump(reopened.conn()));
}

#[test]
fn a_backup_file_of_a_workspace_is_a_workspace_and_is_never_left_half_written_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk_workspace(dir.path());
    let file = dir.path().join("copy.sqlite");
    to_new_sqlite_file(desk.conn(), &file, &mut |_, _| {}).unwrap();
    assert!(
        !dir.path().join("copy.sqlite-wal").exists(),
        "one self-contained file"
    );
    assert_eq!(
        crate::schema::check_file(&file).unwrap(),
        crate::schema::Verdict::Ours {
            version: crate::db::SCHEMA_VERSION
        },
    );
    let copy = crate::Db::open(&file).unwrap();
    assert_eq!(dump(copy.conn()), dump(desk.conn()));
    drop(copy);
    // An existing file is never overwritten; a failed copy leaves no file behind.
    assert!(to_new_sqlite_file(desk.conn(), &file, &mut |_, _| {}).is_err());
    let foreign = Connection::open_in_memory().unwrap();
    foreign
        .execute_batch("CREATE TABLE stranger (x INTEGER)")
        .unwrap();
    let half = dir.path().join("half.sqlite");
    assert!(to_new_sqlite_file(&foreign, &half, &mut |_, _| {}).is_err());
    assert!(!half.exists());
}

#[test]
fn a_server_database_that_is_not_empty_is_refused_on_postgresql() {
    use crate::pg::test_server::{TestDb, server};
    let Some(admin) = server() else { return };
    let dir = tempfile::tempdir().unwrap();
    let desk = desk_workspace(dir.path());
    let db = TestDb::create(&admin);
    let server = PgConn::new(db.connect());
    crate::pg::migrate(&mut server.client()).unwrap();
    crate::settings::set(&server, "already", "here").unwrap();
    let err = copy_workspace(desk.conn(), &server, &mut |_, _| {}).unwrap_err();
    assert!(err.to_string().contains("not a new workspace"), "{err}");
    let rows: i64 = server
        .query_row("SELECT count(*) FROM location", params![], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0);
}
