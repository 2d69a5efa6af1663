//! The workspace database: opening it safely, its migrations, and the workspace metadata.
//! A `Db` is a SQLite file or a PostgreSQL database (`db/pg.rs`, issue 19); store's functions
//! take its [`Conn`] or the [`Transaction`] of [`Db::write`], which run on either.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};
use rusqlite_migration::{M, Migrations};

use crate::sql::{Conn, ConnOf, SqlExt as _, Transaction, TxOf};
use crate::{Error, Result, io_error, journal, params, private_file_options};

mod pg;

/// The schema, as an append-only list of SQL files. Never edit one that has shipped: add a new
/// file instead. Each runs in one transaction when a workspace is opened.
const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("../migrations/0001_workspace.sql")),
    M::up(include_str!("../migrations/0002_catalogue.sql")),
    M::up(include_str!("../migrations/0003_scope.sql")),
    M::up(include_str!("../migrations/0004_evidence.sql")),
    M::up(include_str!("../migrations/0005_audit.sql")),
    M::up(include_str!("../migrations/0006_exchange.sql")),
    M::up(include_str!("../migrations/0007_journal.sql")),
    M::up(include_str!("../migrations/0008_list_indexes.sql")),
    M::up(include_str!("../migrations/0009_catalogue_original.sql")),
    M::up(include_str!("../migrations/0010_evidence_content.sql")),
    M::up(include_str!("../migrations/0011_sort_keys.sql")),
    M::up(include_str!(
        "../migrations/0012_journal_head_at_commit.sql"
    )),
    M::up(include_str!("../migrations/0013_members.sql")),
    M::up(include_str!("../migrations/0014_concurrent_edits.sql")),
];

/// The schema version this build writes: the number of migrations.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Gives the workspace its calendar id once: 128 random bits from SQLite, as hex. Calendar
/// event UIDs carry it, so that the deadlines of two workspaces never collide in one
/// calendar, and it never changes, so that a re-imported file updates its events.
const CALENDAR_ID_SQL: &str = "INSERT OR IGNORE INTO workspace_meta (key, value)
     VALUES ('calendar_id', lower(hex(randomblob(16))))";
/// [`CALENDAR_ID_SQL`] on PostgreSQL: a version 4 UUID's 32 hex digits (122 random bits; the
/// version and variant digits are fixed), `gen_random_uuid()` being built in since 13.
const CALENDAR_ID_PG: &str = "INSERT INTO workspace_meta (key, value)
     VALUES ('calendar_id', replace(gen_random_uuid()::text, '-', ''))
     ON CONFLICT (key) DO NOTHING";

/// How long a statement waits for another connection's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

/// An open workspace database, migrated to [`SCHEMA_VERSION`].
#[derive(Debug)]
pub struct Db {
    conn: Conn,
    /// The SQLite file; `None` on PostgreSQL.
    path: Option<PathBuf>,
    /// What the journal names as the source of the changes made through this connection.
    source: Arc<Mutex<String>>,
    read_only: bool,
    /// On PostgreSQL, what the connected member may do (`pg::team`); `None` on SQLite.
    member_role: Option<crate::pg::team::Role>,
    /// How many [`Db::snapshot`]s are open (nested ones share the outermost).
    snapshots: std::cell::Cell<u32>,
}

impl Db {
    /// Creates a new database file at `path` (readable by the owner only) and migrates it.
    /// Fails if the file exists.
    pub fn create(path: &Path, created_at: &str, created_by: &str) -> Result<Db> {
        private_file_options()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| io_error(path, e))?;
        let mut db = Db::open(path)?;
        db.write(|tx| created(tx, created_at, created_by))?;
        Ok(db)
    }

    /// Opens the existing database at `path` and brings its schema up to date. Refuses files
    /// that are not databases, databases of other programs and databases of newer builds,
    /// without changing them.
    pub fn open(path: &Path) -> Result<Db> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
        configure(&conn).map_err(|e| classify(path, e))?;
        register_text_functions(&conn)?;
        let source = Arc::new(Mutex::new("unknown".to_owned()));
        journal::register_functions(&conn, Arc::clone(&source))?;
        let found = checked_version(&conn, path)?;
        migrations().to_latest(&mut conn).map_err(|e| match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => classify(path, err),
            other => Error::Migration(other),
        })?;
        crate::evidence::fill_sort_keys(&conn)?;
        if found < SCHEMA_VERSION {
            // The schema changed: journal the new tables and columns too.
            let tx = conn.transaction()?;
            journal::refresh_triggers(&tx)?;
            tx.commit()?;
        }
        // A workspace made before calendar ids gets its own once (journalled as "open").
        let has_calendar_id: bool = conn.query_row(
            "SELECT count(*) > 0 FROM workspace_meta WHERE key = 'calendar_id'",
            [],
            |r| r.get(0),
        )?;
        if !has_calendar_id {
            *source.lock().unwrap_or_else(|p| p.into_inner()) = "open".to_owned();
            conn.execute_batch(CALENDAR_ID_SQL)?;
            *source.lock().unwrap_or_else(|p| p.into_inner()) = "unknown".to_owned();
        }
        Ok(Db {
            conn: Conn(ConnOf::Sqlite(conn)),
            path: Some(path.to_owned()),
            source,
            read_only: false,
            member_role: None,
            snapshots: Default::default(),
        })
    }

    /// Opens the database at `path` for reading only, without taking part in writing: what a
    /// second process gets while another one holds the workspace. Every write is refused by
    /// SQLite. A schema older than this build's is refused too (it needs a writable open to
    /// be brought up to date).
    pub fn open_read_only(path: &Path) -> Result<Db> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        register_text_functions(&conn)?;
        let source = Arc::new(Mutex::new("read-only".to_owned()));
        journal::register_functions(&conn, Arc::clone(&source))?;
        let found = checked_version(&conn, path)?;
        if found < SCHEMA_VERSION {
            return Err(Error::OlderSchema {
                path: path.to_owned(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(Db {
            conn: Conn(ConnOf::Sqlite(conn)),
            path: Some(path.to_owned()),
            source,
            read_only: true,
            member_role: None,
            snapshots: Default::default(),
        })
    }

    /// Names what makes the following changes in the journal (`app`, `cli evidence add`). On
    /// PostgreSQL a session setting the journal's triggers read (`pg::journal::set_source`);
    /// should the server refuse it, the entries name the client's `application_name` and the
    /// next statement reports the failure.
    pub fn set_source(&self, source: &str) {
        *self
            .source
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = source.to_owned();
        if let ConnOf::Postgres(pg) = &self.conn.0
            && let Err(e) = crate::pg::journal::set_source(&mut *pg.client(), source)
        {
            tracing::warn!(error = %e, "could not name the journal's source");
        }
    }

    /// Makes a PostgreSQL workspace's session read-only (`default_transaction_read_only`): the
    /// server refuses every following write ([`Error::is_read_only`]). A SQLite workspace is
    /// opened read-only with [`Db::open_read_only`] instead; asked here, it is refused.
    pub fn set_read_only(&mut self) -> Result<()> {
        match &self.conn.0 {
            ConnOf::Postgres(pg) => pg
                .client()
                .batch_execute("SET default_transaction_read_only = on")?,
            ConnOf::Sqlite(_) if self.read_only => {}
            ConnOf::Sqlite(_) => {
                return Err(Error::Refused {
                    column: "read_only",
                    value: "a SQLite workspace is opened read-only with Db::open_read_only".into(),
                });
            }
        }
        self.read_only = true;
        Ok(())
    }

    /// Whether this connection was opened with [`Db::open_read_only`], or is a viewer's.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// On PostgreSQL, what the connected member may do, by what the server grants
    /// (`pg::team::my_role`); `None` on SQLite, whose one user may do everything.
    pub fn member_role(&self) -> Option<crate::pg::team::Role> {
        self.member_role
    }

    /// On PostgreSQL, the server process of this connection (`pg_backend_pid()`): the sender
    /// of its changes' notifications, which this desk's live updates skip (`pg::live`).
    pub fn backend_pid(&self) -> Result<Option<i32>> {
        use crate::sql::Sql as _;
        let conn = self.conn();
        match conn.engine() {
            crate::sql::Engine::Sqlite => Ok(None),
            crate::sql::Engine::Postgres => {
                let pid: i64 =
                    conn.query_row("SELECT pg_backend_pid()::bigint", crate::params![], |r| {
                        r.get(0)
                    })?;
                Ok(i32::try_from(pid).ok())
            }
        }
    }

    /// The SQLite file; an empty path for a PostgreSQL workspace, which has none.
    pub fn path(&self) -> &Path {
        self.path.as_deref().unwrap_or(Path::new(""))
    }

    /// The connection, for store's reading (and single-statement writing) functions.
    pub fn conn(&self) -> &Conn {
        &self.conn
    }

    /// Runs `f`, a long read of many statements (a package's plan, a report, the check), on one
    /// snapshot of the database: what other connections commit meanwhile is not seen, and no
    /// change is seen half. SQLite: a read transaction (WAL keeps its snapshot while writers
    /// go on); PostgreSQL: a `REPEATABLE READ READ ONLY` transaction. A snapshot inside a
    /// snapshot shares it.
    pub fn snapshot<T, E: From<Error>>(
        &self,
        f: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let depth = self.snapshots.get();
        if depth > 0 {
            self.snapshots.set(depth + 1);
            let value = f();
            self.snapshots.set(depth);
            return value;
        }
        let begin = match &self.conn.0 {
            ConnOf::Sqlite(_) => "BEGIN",
            ConnOf::Postgres(_) => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        };
        self.conn.execute_batch(begin).map_err(E::from)?;
        self.snapshots.set(1);
        let value = f();
        self.snapshots.set(0);
        // Nothing was written: ending the read either way is the same.
        let end = self
            .conn
            .execute_batch(if value.is_ok() { "COMMIT" } else { "ROLLBACK" });
        let value = value?;
        end.map_err(E::from)?;
        Ok(value)
    }

    /// Runs `f` in one transaction: everything it writes is stored, or nothing is (on an
    /// error `f` returns, on either engine, the transaction is rolled back).
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        match &mut self.conn.0 {
            ConnOf::Sqlite(conn) => {
                let tx = Transaction(TxOf::Sqlite(conn.transaction()?));
                let value = f(&tx)?;
                if let TxOf::Sqlite(tx) = tx.0 {
                    tx.commit()?;
                }
                Ok(value)
            }
            ConnOf::Postgres(pg) => pg::write(pg, f),
        }
    }

    /// Copies the database as it is now into a new file at `dest` with SQLite's online backup
    /// API: a consistent snapshot even while another connection writes. The copy is a single
    /// self-contained file (rollback journal mode, no `-wal` beside it).
    /// On PostgreSQL the same kind of file, written from one snapshot (`transfer`).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let conn = match &self.conn.0 {
            ConnOf::Sqlite(conn) => conn,
            ConnOf::Postgres(pg) => return pg::backup_to(pg, dest),
        };
        let mut copy = Connection::open(dest).map_err(|e| classify(dest, e))?;
        {
            let backup = rusqlite::backup::Backup::new(conn, &mut copy)?;
            // Step by step rather than `run_to_completion`, which retries a busy or locked
            // database for ever: a copy that stays blocked for the busy timeout fails instead
            // (a destination locked by another handle kept the backup waiting under Wine).
            let started = std::time::Instant::now();
            loop {
                match backup.step(1024)? {
                    rusqlite::backup::StepResult::Done => break,
                    rusqlite::backup::StepResult::More => {}
                    // Busy or Locked (the enum is non-exhaustive: anything else waits alike).
                    _ => {
                        if started.elapsed() > BUSY_TIMEOUT {
                            return Err(Error::Sqlite(rusqlite::Error::SqliteFailure(
                                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                                Some(format!("the copy to {} stayed blocked", dest.display())),
                            )));
                        }
                        std::thread::sleep(Duration::from_millis(10));
                    }
                }
            }
        }
        let _: String =
            copy.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
        copy.close().map_err(|(_, e)| Error::Sqlite(e))?;
        Ok(())
    }

    /// SQLite's own check of the whole file: empty when it is sound, else each problem. On
    /// PostgreSQL a check of the catalogue (`db/pg.rs`: invalid indexes, disabled triggers).
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let conn = match &self.conn.0 {
            ConnOf::Sqlite(conn) => conn,
            ConnOf::Postgres(pg) => return pg::integrity_check(pg),
        };
        let rows: Vec<String> = conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows.into_iter().filter(|r| r != "ok").collect())
    }

    /// The schema version stored in the file (PostgreSQL: in `csmsdesk.schema_version`).
    pub fn schema_version(&self) -> Result<i64> {
        match &self.conn.0 {
            ConnOf::Sqlite(conn) => {
                Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
            }
            ConnOf::Postgres(pg) => crate::pg::schema_version(&mut *pg.client()),
        }
    }

    /// The workspace's calendar id (see [`CALENDAR_ID_SQL`]). A workspace of this schema
    /// version that was never opened for writing by this build has none: its id is then
    /// derived from when and by whom it was made, which is as stable.
    pub fn calendar_id(&self) -> Result<String> {
        if let Some(id) = self.meta("calendar_id")? {
            return Ok(id);
        }
        use sha2::Digest as _;
        let seed = format!(
            "{}\n{}",
            self.meta("created_at")?.unwrap_or_default(),
            self.meta("created_by")?.unwrap_or_default()
        );
        let digest = sha2::Sha256::digest(seed.as_bytes());
        Ok(digest[..16].iter().map(|b| format!("{b:02x}")).collect())
    }

    /// A value of the workspace metadata (`created_at`, `created_by`).
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        self.conn.optional(
            "SELECT value FROM workspace_meta WHERE key = ?1",
            params![key],
            |row| row.get(0),
        )
    }
}

/// What a new workspace records in the transaction that creates it: when, by what, and its
/// calendar id.
fn created(tx: &Transaction<'_>, created_at: &str, created_by: &str) -> Result<()> {
    use crate::sql::Sql as _;
    tx.execute(
        "INSERT INTO workspace_meta (key, value) VALUES ('created_at', ?1), ('created_by', ?2)",
        params![created_at, created_by],
    )?;
    tx.execute(tx.pick([CALENDAR_ID_SQL, CALENDAR_ID_PG]), params![])?;
    Ok(())
}

/// Per-connection settings that migrations cannot carry.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // A page cache of up to 64 MiB (SQLite's default is 2 MiB), filled only as pages are read:
    // the app's connection answers many list and count queries over the same tables, and a
    // workspace of 40,000 items is a file of 170 MB; with the default, every filter, count and
    // duplicate search read its pages from the OS again (`perf`: most of the time copying
    // them in the kernel).
    conn.pragma_update(None, "cache_size", -65536)?;
    // WAL lets the app read while the CLI writes and survives crashes without a hot journal.
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        tracing::warn!(mode, "SQLite refused WAL mode");
    }
    Ok(())
}

/// The order and the matching of texts that people read, for the queries of lists
/// (`evidence::page`): the collation `natural_order` (core's `natural_cmp`: case and accents
/// ignored, numbers by value) and `contains_folded(text, part)` (case ignored beyond ASCII,
/// where SQLite's LIKE stops). No schema object uses either, so another SQLite tool still
/// reads and checks the file without them.
fn register_text_functions(conn: &Connection) -> rusqlite::Result<()> {
    use csmsdesk_core::order::FoldedPart;
    use rusqlite::functions::FunctionFlags;
    use rusqlite::types::ValueRef;
    conn.create_collation("natural_order", csmsdesk_core::order::natural_cmp)?;
    conn.create_scalar_function(
        "contains_folded",
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            // A source path is a blob of the OS's bytes: read as text where it is one, and
            // borrowed, not copied, where it is valid UTF-8 (this runs once per row and column).
            fn text(value: ValueRef<'_>) -> Option<std::borrow::Cow<'_, str>> {
                match value {
                    ValueRef::Text(bytes) | ValueRef::Blob(bytes) => {
                        Some(String::from_utf8_lossy(bytes))
                    }
                    _ => None,
                }
            }
            // The part is the same for every row of a query: folded once, kept by SQLite.
            let part =
                ctx.get_or_create_aux(1, |value| -> rusqlite::Result<Option<FoldedPart>> {
                    Ok(text(value).map(|p| FoldedPart::new(&p)))
                })?;
            Ok(match (text(ctx.get_raw(0)), part.as_ref()) {
                (Some(text), Some(part)) => part.is_in(&text),
                _ => false,
            })
        },
    )
}

/// The schema version of the database in `path`, refused when it is not ours or too new.
fn checked_version(conn: &Connection, path: &Path) -> Result<i64> {
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|e| classify(path, e))?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            path: path.to_owned(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found == 0 && has_tables(conn)? {
        return Err(Error::ForeignDatabase {
            path: path.to_owned(),
        });
    }
    Ok(found)
}

fn has_tables(conn: &Connection) -> Result<bool> {
    let count: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        [],
        |row| row.get(0),
    )?;
    Ok(count > 0)
}

/// Turns SQLite's failures on opening into the errors a user can act on.
fn classify(path: &Path, err: rusqlite::Error) -> Error {
    let code = err.sqlite_error_code();
    match code {
        Some(ErrorCode::NotADatabase) => Error::NotADatabase {
            path: path.to_owned(),
        },
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            Error::NotWritable {
                path: path.to_owned(),
                source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, err.to_string()),
            }
        }
        _ => Error::Sqlite(err),
    }
}

#[cfg(test)]
mod tests;
