//! Store's own connection ([`Conn`]) and transaction ([`Transaction`]), each over either
//! engine: what `Db::conn()` and `Db::write` hand out, so that `workspace` never names one.

use std::cell::Cell;

use super::{Engine, PgConn, Row, Sql, Value};
use crate::{Error, Result};

/// A workspace's connection: SQLite's or PostgreSQL's. Store's functions take it as
/// `&(impl Sql + ?Sized)`.
#[derive(Debug)]
pub struct Conn(pub(crate) ConnOf);

/// One workspace has one connection for its life: the size of the larger variant costs
/// nothing worth a box.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub(crate) enum ConnOf {
    Sqlite(rusqlite::Connection),
    Postgres(PgConn),
}

impl Conn {
    /// Runs `sql`, any number of statements without parameters, on either engine (tests set
    /// up rows with it; on PostgreSQL it is one simple query).
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match &self.0 {
            ConnOf::Sqlite(c) => Ok(c.execute_batch(sql)?),
            ConnOf::Postgres(pg) => Ok(pg.client().batch_execute(sql)?),
        }
    }
}

/// In store's own tests only: the SQLite connection, for the tests written against rusqlite
/// before the layer (`db.conn().query_row(…)`). A test on PostgreSQL must not use it.
#[cfg(test)]
impl std::ops::Deref for Conn {
    type Target = rusqlite::Connection;

    fn deref(&self) -> &rusqlite::Connection {
        match &self.0 {
            ConnOf::Sqlite(c) => c,
            ConnOf::Postgres(_) => panic!("a rusqlite call in a test on PostgreSQL"),
        }
    }
}

/// As [`Conn`]'s, in store's own tests only.
#[cfg(test)]
impl std::ops::Deref for Transaction<'_> {
    type Target = rusqlite::Connection;

    fn deref(&self) -> &rusqlite::Connection {
        match &self.0 {
            TxOf::Sqlite(tx) => tx,
            TxOf::Postgres(..) => panic!("a rusqlite call in a test on PostgreSQL"),
        }
    }
}

impl Sql for Conn {
    fn engine(&self) -> Engine {
        match &self.0 {
            ConnOf::Sqlite(_) => Engine::Sqlite,
            ConnOf::Postgres(_) => Engine::Postgres,
        }
    }

    fn execute(&self, sql: &str, params: &[Value<'_>]) -> Result<u64> {
        match &self.0 {
            ConnOf::Sqlite(c) => Sql::execute(c, sql, params),
            ConnOf::Postgres(pg) => Sql::execute(pg, sql, params),
        }
    }

    fn each_row(
        &self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&Row<'_>) -> Result<bool>,
    ) -> Result<()> {
        match &self.0 {
            ConnOf::Sqlite(c) => c.each_row(sql, params, each),
            ConnOf::Postgres(pg) => pg.each_row(sql, params, each),
        }
    }

    #[track_caller]
    fn sqlite(&self) -> Result<&rusqlite::Connection> {
        match &self.0 {
            ConnOf::Sqlite(c) => Ok(c),
            ConnOf::Postgres(_) => Err(not_yet(std::panic::Location::caller())),
        }
    }
}

/// The transaction [`Db::write`](crate::Db::write) hands out: what store's writing functions
/// take, so that the writes of one use case happen together or not at all. It is store's own
/// type so that no other crate names an engine; only `Db::write` opens, commits or (on an
/// error) rolls one back. It reads as the connection it runs on.
#[derive(Debug)]
pub struct Transaction<'db>(pub(crate) TxOf<'db>);

#[derive(Debug)]
pub(crate) enum TxOf<'db> {
    Sqlite(rusqlite::Transaction<'db>),
    /// `BEGIN` was sent on this connection; `Db::write` sends `COMMIT` or `ROLLBACK`. The
    /// flag is set when a statement failed: PostgreSQL then aborted the transaction.
    Postgres(&'db PgConn, &'db Cell<bool>),
}

impl Transaction<'_> {
    /// [`Conn::execute_batch`] inside the transaction.
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match &self.0 {
            TxOf::Sqlite(tx) => Ok(tx.execute_batch(sql)?),
            TxOf::Postgres(pg, failed) => {
                mark(failed, pg.client().batch_execute(sql).map_err(Error::from))
            }
        }
    }
}

impl Sql for Transaction<'_> {
    fn engine(&self) -> Engine {
        match &self.0 {
            TxOf::Sqlite(_) => Engine::Sqlite,
            TxOf::Postgres(..) => Engine::Postgres,
        }
    }

    fn execute(&self, sql: &str, params: &[Value<'_>]) -> Result<u64> {
        match &self.0 {
            TxOf::Sqlite(tx) => Sql::execute(&**tx, sql, params),
            TxOf::Postgres(pg, failed) => mark(failed, Sql::execute(*pg, sql, params)),
        }
    }

    fn each_row(
        &self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&Row<'_>) -> Result<bool>,
    ) -> Result<()> {
        match &self.0 {
            TxOf::Sqlite(tx) => (**tx).each_row(sql, params, each),
            TxOf::Postgres(pg, failed) => mark(failed, pg.each_row(sql, params, each)),
        }
    }

    #[track_caller]
    fn sqlite(&self) -> Result<&rusqlite::Connection> {
        match &self.0 {
            TxOf::Sqlite(tx) => Ok(tx),
            TxOf::Postgres(..) => Err(not_yet(std::panic::Location::caller())),
        }
    }
}

/// Notes a failed statement of a PostgreSQL transaction (see [`TxOf::Postgres`]).
fn mark<T>(failed: &Cell<bool>, result: Result<T>) -> Result<T> {
    if result.is_err() {
        failed.set(true);
    }
    result
}

/// The error of a store function not yet ported to the query layer, called on PostgreSQL:
/// names its module (`audit`, `evidence`) and where it is, never a panic.
pub(crate) fn not_yet(at: &std::panic::Location<'_>) -> Error {
    let file = at.file().replace('\\', "/");
    let inside = file.rsplit_once("/src/").map_or(file.as_str(), |(_, f)| f);
    let module = inside.split(['/', '.']).next().unwrap_or(inside).to_owned();
    Error::PgNotYet {
        operation: module,
        at: format!("{inside}:{}", at.line()),
    }
}
