//! Twin tests: the same checks on a new workspace of each engine. A module's test
//! `…_on_sqlite` calls [`on_sqlite`], its twin `…_on_postgresql` calls [`on_postgresql`]
//! (which the PostgreSQL run of `cargo xtask test` selects by that name).

use super::{PgConn, Sql};

/// Runs `check` on a new workspace database in a temporary folder (made by `Db::create`: its
/// migrations, journal triggers and functions).
pub(crate) fn on_sqlite(check: impl FnOnce(&dyn Sql)) {
    let dir = tempfile::tempdir().unwrap();
    let db = crate::Db::create(
        &dir.path().join("workspace.sqlite"),
        "2026-11-25T10:00:00Z",
        "test",
    )
    .unwrap();
    check(db.conn());
}

/// Runs `check` on a new database of the test cluster, migrated (journal triggers included),
/// whose texts sort by a language's rules (`TestDb::create_linguistic`: a query must say the
/// order SQLite gives); skipped, as every PostgreSQL test, when the tests were not pointed at
/// a server.
pub(crate) fn on_postgresql(check: impl FnOnce(&dyn Sql)) {
    use crate::pg::test_server::{TestDb, server};
    let Some(admin) = server() else { return };
    let db = TestDb::create_linguistic(&admin);
    let conn = PgConn::new(db.connect());
    crate::pg::migrate(&mut conn.client()).unwrap();
    check(&conn);
}
