//! `Db` on PostgreSQL, against the test cluster (skipped without one, like every
//! `_on_postgresql` test), and the bridge for modules not yet ported on both engines.

use crate::pg::test_server::{TestDb, server};
use crate::sql::{Sql, SqlExt as _};
use crate::{Db, Error, params, settings};

fn new_workspace(test: &TestDb) -> Db {
    Db::create_pg(&test.config, "2026-11-25T10:00:00Z", "test").unwrap()
}

#[test]
fn a_new_workspace_has_its_version_meta_and_calendar_id_on_postgresql() {
    let Some(admin) = server() else { return };
    let test = TestDb::create(&admin);
    let db = new_workspace(&test);
    assert_eq!(db.schema_version().unwrap(), super::super::SCHEMA_VERSION);
    assert_eq!(
        db.meta("created_at").unwrap().as_deref(),
        Some("2026-11-25T10:00:00Z")
    );
    let id = db.calendar_id().unwrap();
    assert!(
        id.len() == 32
            && id
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()),
        "{id}"
    );
    assert_eq!(db.integrity_check().unwrap(), Vec::<String>::new());
    assert!(!db.is_read_only() && db.path().as_os_str().is_empty());
    // Reopened: the same workspace, its id kept.
    drop(db);
    let db = Db::open_pg(&test.config).unwrap();
    assert_eq!(db.calendar_id().unwrap(), id);
    // A backup's database file: the server's rows as one snapshot shows them, a workspace
    // file exactly as the migrations make it, its journal verifying.
    let mut db = db;
    db.write(|tx| settings::set(tx, "backed.up", "yes"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.sqlite");
    db.backup_to(&copy).unwrap();
    assert_eq!(
        crate::schema::check_file(&copy).unwrap(),
        crate::schema::Verdict::Ours {
            version: super::super::SCHEMA_VERSION
        }
    );
    let desk = Db::open(&copy).unwrap();
    assert_eq!(desk.calendar_id().unwrap(), id);
    assert_eq!(
        settings::get(desk.conn(), "backed.up").unwrap().as_deref(),
        Some("yes")
    );
    let (entries, _, problems) = crate::journal::verify(desk.conn()).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(entries as i64, crate::journal::count(db.conn()).unwrap());
    // The snapshot's transaction is over: the server workspace goes on.
    db.write(|tx| settings::set(tx, "after", "backup")).unwrap();
    // A backup never overwrites a file.
    assert!(db.backup_to(&copy).is_err());
}

#[test]
fn a_restore_goes_into_a_new_database_and_never_into_a_used_one_on_postgresql() {
    let Some(admin) = server() else { return };
    let test = TestDb::create(&admin);
    // A schema made but never used (a create that failed after migrating) is new.
    let db = Db::new_pg(&test.config).unwrap();
    drop(db);
    let mut db = Db::new_pg(&test.config).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let desk_file = dir.path().join("desk.sqlite");
    let mut desk = Db::create(&desk_file, "2026-11-25T10:00:00Z", "desk").unwrap();
    desk.write(|tx| settings::set(tx, "from", "desk")).unwrap();
    let desk_entries = crate::journal::count(desk.conn()).unwrap();
    drop(desk);
    db.write(|tx| crate::transfer::from_sqlite_file(&desk_file, tx, &mut |_, _| {}))
        .unwrap();
    assert_eq!(
        settings::get(db.conn(), "from").unwrap().as_deref(),
        Some("desk")
    );
    assert_eq!(crate::journal::count(db.conn()).unwrap(), desk_entries);
    drop(db);
    // Now it is used: neither a second restore nor a create may take it.
    assert!(matches!(
        Db::new_pg(&test.config),
        Err(Error::PgAlreadyAWorkspace { .. })
    ));
    assert!(matches!(
        Db::create_pg(&test.config, "2026-11-25T10:00:00Z", "again"),
        Err(Error::PgAlreadyAWorkspace { .. })
    ));
}

#[test]
fn a_database_without_a_workspace_or_with_one_already_is_refused_unchanged_on_postgresql() {
    let Some(admin) = server() else { return };
    let test = TestDb::create(&admin);
    let err = Db::open_pg(&test.config).unwrap_err();
    assert!(
        matches!(&err, Error::PgNoWorkspace { database } if *database == test.name),
        "{err}"
    );
    let mut client = test.connect();
    let schemas: i64 = client
        .query_one(
            "SELECT count(*) FROM pg_namespace WHERE nspname = 'csmsdesk'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(schemas, 0, "opening an empty database made nothing");
    client
        .batch_execute("CREATE TABLE public.invoices (id int)")
        .unwrap();
    let err = Db::open_pg(&test.config).unwrap_err();
    assert!(
        matches!(&err, Error::PgForeignDatabase { found, .. } if found == &["public.invoices"]),
        "{err}"
    );
    client.batch_execute("DROP TABLE public.invoices").unwrap();
    drop(new_workspace(&test));
    let err = Db::create_pg(&test.config, "now", "test").unwrap_err();
    assert!(matches!(err, Error::PgAlreadyAWorkspace { .. }), "{err}");
}

#[test]
fn a_write_commits_all_or_nothing_on_postgresql() {
    let Some(admin) = server() else { return };
    let test = TestDb::create(&admin);
    let mut db = new_workspace(&test);
    db.write(|tx| settings::set(tx, "a", "1")).unwrap();
    let err = db
        .write(|tx| {
            settings::set(tx, "a", "2")?;
            settings::set(tx, "b", "2")?;
            Err::<(), _>(Error::NoRow)
        })
        .unwrap_err();
    assert!(matches!(err, Error::NoRow));
    // A failed statement the use case went past: PostgreSQL aborted the transaction, so
    // the write is an error and nothing of it is kept (SQLite would have kept the rest).
    let err = db
        .write(|tx| {
            settings::set(tx, "c", "3")?;
            let _ = tx.execute("INSERT INTO no_such_table VALUES (1)", params![]);
            Ok(())
        })
        .unwrap_err();
    assert!(matches!(err, Error::PgAborted), "{err}");
    let conn = db.conn();
    assert_eq!(settings::get(conn, "a").unwrap().as_deref(), Some("1"));
    assert_eq!(settings::get(conn, "b").unwrap(), None);
    assert_eq!(settings::get(conn, "c").unwrap(), None);
    // The connection is usable again: no transaction was left open.
    db.write(|tx| settings::set(tx, "d", "4")).unwrap();
    assert_eq!(settings::get(db.conn(), "d").unwrap().as_deref(), Some("4"));
}

#[test]
fn the_journal_names_the_source_a_session_set_on_postgresql() {
    let Some(admin) = server() else { return };
    let test = TestDb::create(&admin);
    let mut db = new_workspace(&test);
    db.set_source("cli rules set");
    db.write(|tx| settings::set(tx, "k", "v")).unwrap();
    let source: String = db
        .conn()
        .query_row(
            "SELECT source FROM journal WHERE tbl = 'setting' ORDER BY seq DESC",
            params![],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(source, "cli rules set");
}

#[test]
fn a_read_only_session_refuses_writes_on_postgresql() {
    let Some(admin) = server() else { return };
    let test = TestDb::create(&admin);
    let mut db = new_workspace(&test);
    db.set_read_only().unwrap();
    let err = db.write(|tx| settings::set(tx, "k", "v")).unwrap_err();
    assert!(err.is_read_only(), "{err}");
    assert_eq!(settings::get(db.conn(), "k").unwrap(), None);
}

#[test]
fn the_integrity_check_reports_a_disabled_trigger_and_an_invalid_index_on_postgresql() {
    let Some(admin) = server() else { return };
    let test = TestDb::create(&admin);
    let db = new_workspace(&test);
    let mut client = test.connect();
    client
        .batch_execute("ALTER TABLE csmsdesk.setting DISABLE TRIGGER journal_setting")
        .unwrap();
    // What a failed CREATE INDEX CONCURRENTLY leaves (the test server's user may write the
    // catalogue).
    client
        .batch_execute(
            "UPDATE pg_index SET indisvalid = false
              WHERE indexrelid = 'csmsdesk.scope_name_key'::regclass",
        )
        .unwrap();
    let problems = db.integrity_check().unwrap();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with("index scope_name_key is invalid"),
        "{problems:?}"
    );
    assert!(
        problems[1].starts_with("trigger journal_setting on setting is disabled"),
        "{problems:?}"
    );
}

#[test]
fn the_bridge_names_the_module_not_yet_ported_on_postgresql() {
    let Some(admin) = server() else { return };
    let test = TestDb::create(&admin);
    let mut db = new_workspace(&test);
    // SQLite's own connection, asked for on PostgreSQL: an error naming the module and line
    // that asked (every store module is on the layer now; SQLite's internals still ask).
    let err = db.conn().sqlite().unwrap_err();
    assert!(
        matches!(&err, Error::PgNotYet { operation, at } if operation == "db" && at.starts_with("db/pg_tests.rs:")),
        "{err}"
    );
    // Through a transaction and through `&dyn Sql` alike.
    let err = db.write(|tx| tx.sqlite().map(|_| ())).unwrap_err();
    assert!(matches!(&err, Error::PgNotYet { .. }), "{err}");
    let conn: &dyn Sql = db.conn();
    assert!(matches!(conn.sqlite().unwrap_err(), Error::PgNotYet { .. }));
}

#[test]
fn the_bridge_hands_sqlite_its_connection() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::create(&dir.path().join("w.sqlite"), "now", "test").unwrap();
    assert_eq!(crate::journal::count(db.conn()).unwrap(), 3);
    assert!(db.conn().sqlite().is_ok());
    db.write(|tx| {
        assert!(tx.sqlite().is_ok());
        Ok(())
    })
    .unwrap();
}

/// A long read on `reader` sees one snapshot while `writer` commits beside it, and the next
/// read after it sees the change; a nested snapshot shares the outer one.
pub(super) fn a_snapshot_holds_while_another_connection_writes(reader: &Db, writer: &mut Db) {
    let count = |db: &Db| -> i64 {
        db.conn()
            .query_row("SELECT count(*) FROM setting", params![], |r| r.get(0))
            .unwrap()
    };
    let before = count(reader);
    let seen = reader
        .snapshot(|| -> crate::Result<_> {
            let first = count(reader);
            writer
                .write(|tx| settings::set(tx, "written.meanwhile", "yes"))
                .unwrap();
            let nested = reader.snapshot(|| Ok::<_, Error>(count(reader))).unwrap();
            Ok((first, nested, count(reader)))
        })
        .unwrap();
    assert_eq!(seen, (before, before, before), "one snapshot throughout");
    assert_eq!(count(reader), before + 1, "the change is seen after it");
    // A failed read ends its snapshot too.
    let err = reader.snapshot(|| -> crate::Result<()> { Err(Error::NoRow) });
    assert!(matches!(err, Err(Error::NoRow)));
    assert_eq!(count(reader), before + 1);
}

#[test]
fn a_snapshot_holds_while_another_connection_writes_on_postgresql() {
    let Some(admin) = server() else { return };
    let test = TestDb::create(&admin);
    let mut writer = new_workspace(&test);
    let reader = Db::open_pg(&test.config).unwrap();
    a_snapshot_holds_while_another_connection_writes(&reader, &mut writer);
}

#[test]
fn a_snapshot_holds_while_another_connection_writes_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite");
    let mut writer = Db::create(&path, "2026-11-25T10:00:00Z", "test").unwrap();
    let reader = Db::open(&path).unwrap();
    a_snapshot_holds_while_another_connection_writes(&reader, &mut writer);
}

#[test]
fn a_bulk_write_leaves_its_tables_analysed_and_a_small_one_does_not_on_postgresql() {
    let Some(admin) = server() else { return };
    let test = TestDb::create(&admin);
    let mut db = new_workspace(&test);
    let analysed = |db: &Db, table: &str| -> bool {
        db.conn()
            .query_row(
                "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables
                  WHERE schemaname = 'csmsdesk' AND relname = ?1",
                params![table],
                |r| r.get(0),
            )
            .unwrap()
    };
    db.write(|tx| settings::set(tx, "one", "row")).unwrap();
    assert!(
        !analysed(&db, "setting"),
        "a one-row write is left to autovacuum"
    );
    db.write(|tx| {
        for i in 0..super::BULK_ROWS {
            settings::set(tx, &format!("bulk.{i}"), "row")?;
        }
        Ok(())
    })
    .unwrap();
    assert!(
        analysed(&db, "setting"),
        "the planner knows the new rows at once"
    );
    assert!(!analysed(&db, "evidence_link"), "untouched tables are not");
}
