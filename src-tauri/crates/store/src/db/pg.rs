//! A [`Db`] on PostgreSQL (issue 19): creating and opening a workspace's database, its
//! transactions (`BEGIN`/`COMMIT`, rolled back on an error), and a check of the catalogue.

use std::sync::{Arc, Mutex};

use super::{CALENDAR_ID_PG, Db, created};
use crate::pg::{PgConfig, connect, migrate, schema_version};
use crate::sql::{Conn, ConnOf, PgConn, Sql as _, SqlExt as _, Transaction, TxOf};
use crate::{Error, Result, params};

impl Db {
    /// Makes the database `config` names a new workspace: migrates it (the database must be
    /// empty, or hold only an empty schema `csmsdesk`) and records when, by what, and its
    /// calendar id in one transaction. A database that already holds a workspace, belongs to
    /// something else or cannot be reached is refused, unchanged.
    pub fn create_pg(config: &PgConfig, created_at: &str, created_by: &str) -> Result<Db> {
        let mut db = Db::new_pg(config)?;
        db.write(|tx| created(tx, created_at, created_by))?;
        Ok(db)
    }

    /// The database `config` names, migrated and never used: what a new workspace is made in
    /// (`create_pg`) and a backup restored into (`transfer::from_sqlite_file` in a `write`).
    /// A database whose workspace has any journal entry is refused unchanged
    /// ([`Error::PgAlreadyAWorkspace`]); one whose schema was made but never used (a create
    /// that failed after migrating) is taken, so the user can simply try again.
    pub fn new_pg(config: &PgConfig) -> Result<Db> {
        let mut client = connect(config)?;
        if schema_version(&mut client)? > 0 {
            migrate(&mut client)?;
            let used = client
                .query_one("SELECT EXISTS (SELECT 1 FROM journal)", &[])?
                .get::<_, bool>(0);
            if used {
                return Err(Error::PgAlreadyAWorkspace {
                    database: config.database.clone(),
                });
            }
        } else {
            migrate(&mut client)?;
        }
        let role = crate::pg::team::my_role(&mut client)?;
        let mut db = from_pg(PgConn::new(client));
        db.member_role = Some(role);
        Ok(db)
    }

    /// Opens the workspace in the database `config` names and brings its schema up to date.
    /// Refuses, unchanged, a database without a workspace (empty, or another program's) and
    /// one of a newer build; connection failures are store's `Pg*` errors.
    pub fn open_pg(config: &PgConfig) -> Result<Db> {
        let mut client = connect(config)?;
        if schema_version(&mut client)? == 0 {
            let found = crate::pg::migrate::foreign_objects(&mut client)?;
            let database = config.database.clone();
            return Err(if found.is_empty() {
                Error::PgNoWorkspace { database }
            } else {
                Error::PgForeignDatabase { database, found }
            });
        }
        migrate(&mut client)?;
        let role = crate::pg::team::my_role(&mut client)?;
        let pg = PgConn::new(client);
        // As on SQLite: a workspace without a calendar id gets one once, journalled as "open"
        // (by a member who may write: every workspace made by this build has one).
        let has_calendar_id = pg
            .optional(
                "SELECT value FROM workspace_meta WHERE key = 'calendar_id'",
                params![],
                |_| Ok(()),
            )?
            .is_some();
        if !has_calendar_id && role.may_write() {
            crate::pg::journal::set_source(&mut *pg.client(), "open")?;
            pg.execute(CALENDAR_ID_PG, params![])?;
            crate::pg::journal::set_source(&mut *pg.client(), "")?;
        }
        let mut db = from_pg(pg);
        db.member_role = Some(role);
        // A viewer's session refuses every write before the server's grants would.
        if !role.may_write() {
            db.set_read_only()?;
        }
        Ok(db)
    }
}

fn from_pg(pg: PgConn) -> Db {
    Db {
        conn: Conn(ConnOf::Postgres(pg)),
        path: None,
        source: Arc::new(Mutex::new("unknown".to_owned())),
        read_only: false,
        member_role: None,
        snapshots: Default::default(),
    }
}

/// [`Db::write`] on PostgreSQL: `BEGIN`, `f`, `COMMIT`; `ROLLBACK` when `f` fails (or
/// panics). A statement that failed inside `f` aborts the transaction on PostgreSQL (not on
/// SQLite): if `f` went on regardless, nothing is committed and the write is an error.
pub(super) fn write<T>(pg: &PgConn, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
    pg.client().batch_execute("BEGIN")?;
    let mut open = Open(Some(pg));
    let failed = std::cell::Cell::new(false);
    let value = f(&Transaction(TxOf::Postgres(pg, &failed)))?;
    if failed.get() {
        return Err(Error::PgAborted);
    }
    let bulk = bulk_written_tables(pg)?;
    open.0 = None;
    pg.client().batch_execute("COMMIT")?;
    analyze(pg, &bulk);
    Ok(value)
}

/// A transaction that inserted, updated or deleted at least this many rows of one table has
/// that table analysed right after its commit.
pub(super) const BULK_ROWS: i64 = 1000;

/// The workspace tables this transaction changed at least [`BULK_ROWS`] rows of (PostgreSQL
/// counts them per transaction in `pg_stat_xact_user_tables`).
fn bulk_written_tables(pg: &PgConn) -> Result<Vec<String>> {
    let rows = pg.client().query(
        "SELECT relname::text FROM pg_stat_xact_user_tables
          WHERE schemaname = $1 AND n_tup_ins + n_tup_upd + n_tup_del >= $2
          ORDER BY relname",
        &[&crate::pg::SCHEMA, &BULK_ROWS],
    )?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// Brings the planner's statistics of `tables` up to date, as PostgreSQL advises after a bulk
/// load. Autovacuum would do it too, but only up to a minute later, and until then the planner
/// takes a table of 200,000 new rows for an empty one: readiness went from 7 ms to 150 ms
/// (`cargo xtask bench evidence`, its readiness part). A failure is only logged: the data is
/// committed, and a user who may not analyse a table (not its owner) just waits for
/// autovacuum.
fn analyze(pg: &PgConn, tables: &[String]) {
    if tables.is_empty() {
        return;
    }
    let list: Vec<String> = tables
        .iter()
        .map(|t| format!("{}.\"{}\"", crate::pg::SCHEMA, t.replace('"', "\"\"")))
        .collect();
    let started = std::time::Instant::now();
    match pg
        .client()
        .batch_execute(&format!("ANALYZE {}", list.join(", ")))
    {
        Ok(()) => {
            tracing::debug!(?tables, elapsed = ?started.elapsed(), "analysed after a bulk write")
        }
        Err(e) => tracing::warn!(error = %e, ?tables, "could not analyse after a bulk write"),
    }
}

/// Rolls the transaction back when dropped still open: on an error and on a panic.
struct Open<'a>(Option<&'a PgConn>);

impl Drop for Open<'_> {
    fn drop(&mut self) {
        if let Some(pg) = self.0
            && let Some(mut client) = pg.try_client()
            && let Err(e) = client.batch_execute("ROLLBACK")
        {
            tracing::warn!(error = %e, "could not roll back a PostgreSQL transaction");
        }
    }
}

/// [`Db::backup_to`] on PostgreSQL: a new SQLite workspace file holding the database as one
/// snapshot shows it (a read-only transaction at `REPEATABLE READ`: writes of other clients
/// meanwhile are not in it, and none is half in it), through `transfer`.
pub(super) fn backup_to(pg: &PgConn, dest: &std::path::Path) -> Result<()> {
    pg.client()
        .batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")?;
    let open = Open(Some(pg));
    crate::transfer::to_new_sqlite_file(pg, dest, &mut |_, _| {})?;
    drop(open);
    Ok(())
}

/// PostgreSQL checks its own pages (with data checksums, when the cluster has them) and has
/// no `PRAGMA integrity_check`. What can be wrong in a workspace's schema without the server
/// noticing: an index left invalid (a failed `CREATE INDEX CONCURRENTLY` or `REINDEX`), which
/// queries then skip, and a trigger disabled by hand, which stops the journal or the
/// evidence links' facts. Each is a problem, as SQLite's check reports one.
pub(super) fn integrity_check(pg: &PgConn) -> Result<Vec<String>> {
    pg.query_map(
        "SELECT 'index ' || c.relname || ' is invalid: rebuild it with REINDEX INDEX csmsdesk.'
                || c.relname
           FROM pg_index i
           JOIN pg_class c ON c.oid = i.indexrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'csmsdesk' AND NOT (i.indisvalid AND i.indisready)
         UNION ALL
         SELECT 'trigger ' || t.tgname || ' on ' || c.relname
                || ' is disabled: enable it with ALTER TABLE csmsdesk.' || c.relname
                || ' ENABLE TRIGGER ' || t.tgname
           FROM pg_trigger t
           JOIN pg_class c ON c.oid = t.tgrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'csmsdesk' AND NOT t.tgisinternal AND t.tgenabled NOT IN ('O', 'A')
         ORDER BY 1",
        params![],
        |row| row.get(0),
    )
}

#[cfg(test)]
#[path = "pg_tests.rs"]
mod tests;
