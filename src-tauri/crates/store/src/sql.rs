//! The query layer over both engines (issue 19): SQL written once with `?N` placeholders,
//! values bound as [`Value`]s, rows read in place through [`Row::get`] (from rusqlite's row or
//! `postgres::Row`, never copied into an intermediate form). A store module written against
//! [`Sql`] runs on SQLite and on PostgreSQL alike (docs/POSTGRES.md, "One store, two
//! engines"); `workspace` passes `Db::conn()` or its `Transaction` and never names an engine.
//!
//! - [`Sql`] is what an engine provides: `execute` (rows changed) and `each_row`; it is
//!   object safe, so a function may take `&dyn Sql`. [`SqlExt`] adds `query_map`,
//!   `query_row` and `optional` on top, for every `Sql`.
//! - SQLite: rusqlite's `prepare_cached`. PostgreSQL ([`PgConn`]): `?N` becomes `$N`
//!   ([`dollar_placeholders`]) and the prepared statement is cached per connection.
//! - A parameter whose first use does not tell PostgreSQL its type (`?1 IS NULL OR x = ?1`)
//!   is cast: `CAST(?1 AS BIGINT) IS NULL`, the same on SQLite.
//! - Order and case: SQLite compares a `COLLATE NOCASE` column without ASCII case and any
//!   other text by its bytes; PostgreSQL by the database's locale. Where a name column is
//!   `NOCASE` the PostgreSQL twin of `ORDER BY name` is `ORDER BY lower(name COLLATE "C")`
//!   (`lower` folds ASCII only under "C": the same order) and of `name = ?1` is
//!   `lower(name) = lower(?1)` (what the unique index on `lower(name)` holds: stricter beyond
//!   ASCII, docs/POSTGRES.md); other texts sort with `COLLATE "C"` (bytes) there, except
//!   ISO dates of one length, which sort alike under any collation.
//! - Inserts read their id with `RETURNING id` (SQLite ≥ 3.35 has it), never
//!   `last_insert_rowid()`. Where the engines must differ, a module holds the pair as a
//!   constant `[sqlite, postgres]`, says why, and takes its engine's with [`SqlExt::pick`].

mod cell;
mod conn;
mod postgres;
mod sqlite;
#[cfg(test)]
mod tests;
#[cfg(test)]
pub(crate) mod twin;

pub use cell::Cell;
pub use conn::{Conn, Transaction};
pub(crate) use conn::{ConnOf, TxOf};
pub use postgres::PgConn;

use crate::{Error, Result};

/// Which engine a connection is: for the few statements written twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A value bound to a placeholder. Flags are bound as `Int` 0/1 on both engines (the schema
/// stores them so: BIGINT on PostgreSQL).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value<'a> {
    Null,
    Int(i64),
    Text(&'a str),
    Bytes(&'a [u8]),
}

impl From<i64> for Value<'_> {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}

impl From<u8> for Value<'_> {
    fn from(v: u8) -> Self {
        Value::Int(v.into())
    }
}

impl From<bool> for Value<'_> {
    fn from(v: bool) -> Self {
        Value::Int(v.into())
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(v: &'a str) -> Self {
        Value::Text(v)
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(v: &'a String) -> Self {
        Value::Text(v)
    }
}

impl<'a> From<&'a [u8]> for Value<'a> {
    fn from(v: &'a [u8]) -> Self {
        Value::Bytes(v)
    }
}

impl<'a, T: Into<Value<'a>>> From<Option<T>> for Value<'a> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

impl<'a, T: Copy + Into<Value<'a>>> From<&Option<T>> for Value<'a> {
    fn from(v: &Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

/// The parameters of a statement, each converted with `Value::from`:
/// `params![id, name, flag]` is `&[Value::Int(id), Value::Text(name), Value::Int(1)]`.
#[macro_export]
macro_rules! params {
    () => { &[] as &[$crate::sql::Value<'_>] };
    ($($value:expr),+ $(,)?) => { &[$($crate::sql::Value::from($value)),+] as &[$crate::sql::Value<'_>] };
}
pub use crate::params;

/// A connection (or transaction) of either engine, as store's functions take it.
pub trait Sql {
    fn engine(&self) -> Engine;
    /// Runs a statement that returns no rows; the number of rows it changed.
    fn execute(&self, sql: &str, params: &[Value<'_>]) -> Result<u64>;
    /// Runs a query and hands its rows to `each` in order until it answers `false`.
    fn each_row(
        &self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&Row<'_>) -> Result<bool>,
    ) -> Result<()>;

    /// The SQLite connection under this one: the bridge for a store function not yet written
    /// against this layer, whose first line is `let conn = conn.sqlite()?;`. On PostgreSQL
    /// it is [`Error::PgNotYet`], naming the caller's module: never a panic.
    #[track_caller]
    fn sqlite(&self) -> Result<&rusqlite::Connection> {
        Err(conn::not_yet(std::panic::Location::caller()))
    }
}

/// What every [`Sql`] can do with `each_row`.
pub trait SqlExt: Sql {
    /// Every row, each made into a `T` by `f`.
    fn query_map<T>(
        &self,
        sql: &str,
        params: &[Value<'_>],
        mut f: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.each_row(sql, params, &mut |row| {
            out.push(f(row)?);
            Ok(true)
        })?;
        Ok(out)
    }

    /// The first row made into a `T`, or `None` when there is none.
    fn optional<T>(
        &self,
        sql: &str,
        params: &[Value<'_>],
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        let mut f = Some(f);
        let mut out = None;
        self.each_row(sql, params, &mut |row| {
            if let Some(f) = f.take() {
                out = Some(f(row)?);
            }
            Ok(false)
        })?;
        Ok(out)
    }

    /// The first row made into a `T`; [`Error::NoRow`] when there is none.
    fn query_row<T>(
        &self,
        sql: &str,
        params: &[Value<'_>],
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        self.optional(sql, params, f)?.ok_or(Error::NoRow)
    }

    /// The statement for this engine, where the two must differ: `[sqlite, postgres]`, each
    /// pair documented where it is written.
    fn pick<'a>(&self, [sqlite, postgres]: [&'a str; 2]) -> &'a str {
        match self.engine() {
            Engine::Sqlite => sqlite,
            Engine::Postgres => postgres,
        }
    }

    /// Runs an `INSERT … RETURNING id`: the new row's id.
    fn insert_id(&self, sql: &str, params: &[Value<'_>]) -> Result<i64> {
        self.query_row(sql, params, |row| row.get(0))
    }
}

impl<S: Sql + ?Sized> SqlExt for S {}

impl<S: Sql + ?Sized> Sql for &S {
    fn engine(&self) -> Engine {
        (**self).engine()
    }

    fn execute(&self, sql: &str, params: &[Value<'_>]) -> Result<u64> {
        (**self).execute(sql, params)
    }

    fn each_row(
        &self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&Row<'_>) -> Result<bool>,
    ) -> Result<()> {
        (**self).each_row(sql, params, each)
    }

    #[track_caller]
    fn sqlite(&self) -> Result<&rusqlite::Connection> {
        (**self).sqlite()
    }
}

/// One row of a result, read in place.
pub struct Row<'r>(RowOf<'r>);

impl std::fmt::Debug for Row<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Row")
    }
}

enum RowOf<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r ::postgres::Row),
}

impl Row<'_> {
    /// Column `index` (from 0) as a `T`; an error names the column when its type or a NULL
    /// does not fit.
    pub fn get<T: FromValue>(&self, index: usize) -> Result<T> {
        match self.0 {
            RowOf::Sqlite(row) => Ok(row.get::<_, T>(index)?),
            RowOf::Postgres(row) => Ok(row.try_get::<_, postgres::Read<T>>(index)?.0),
        }
    }
}

/// A type a column can be read as, on either engine: `i64`, `bool` (SQLite's integer 0/1,
/// PostgreSQL's BIGINT flag or a `boolean` a comparison returns), `String`, `Vec<u8>`, and
/// `Option` of each for a column that may be NULL. SQLite reads with rusqlite's own
/// conversion (`FromSql`), so a module ported to the layer reads exactly what it read before.
pub trait FromValue: rusqlite::types::FromSql + Sized {
    /// Whether a PostgreSQL column of type `ty` can be read as `Self`.
    fn pg_accepts(ty: &::postgres::types::Type) -> bool;
    /// The value of a PostgreSQL column in its binary form (`None` for NULL).
    fn from_pg(ty: &::postgres::types::Type, raw: Option<&[u8]>) -> postgres::DecodeResult<Self>;
}

/// SQLite's `?N` placeholders as PostgreSQL's `$N`, outside string literals, quoted names
/// and comments. `??` stands for one literal `?` (PostgreSQL's `jsonb` operators in SQL
/// written for PostgreSQL only; SQLite has no use for it); a `?` without a number is left
/// as it is (PostgreSQL then refuses it or reads an operator). Not understood: dollar-quoted
/// bodies and `E'…'` escapes, which the store's queries do not use.
pub fn dollar_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        match c {
            '\'' | '"' => {
                // Up to the closing quote; a doubled quote closes and reopens: the same.
                for d in chars.by_ref() {
                    out.push(d);
                    if d == c {
                        break;
                    }
                }
            }
            '-' if chars.peek() == Some(&'-') => {
                for d in chars.by_ref() {
                    out.push(d);
                    if d == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                out.push(chars.next().unwrap_or('*'));
                let mut last = ' ';
                for d in chars.by_ref() {
                    out.push(d);
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
            }
            '?' if chars.peek() == Some(&'?') => {
                chars.next();
            }
            '?' if chars.peek().is_some_and(char::is_ascii_digit) => {
                out.pop();
                out.push('$');
            }
            _ => {}
        }
    }
    out
}
