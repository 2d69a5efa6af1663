//! [`Sql`] for rusqlite's connection (store's `Conn` and `Transaction` run through it): cached
//! statements (`prepare_cached`), rows read in place, values converted by rusqlite.

use super::{Engine, Row, RowOf, Sql, Value};
use crate::Result;

impl Sql for rusqlite::Connection {
    fn engine(&self) -> Engine {
        Engine::Sqlite
    }

    fn execute(&self, sql: &str, params: &[Value<'_>]) -> Result<u64> {
        let mut stmt = self.prepare_cached(sql)?;
        Ok(stmt.execute(rusqlite::params_from_iter(params.iter().map(to_sqlite)))? as u64)
    }

    fn each_row(
        &self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&Row<'_>) -> Result<bool>,
    ) -> Result<()> {
        let mut stmt = self.prepare_cached(sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter().map(to_sqlite)))?;
        while let Some(row) = rows.next()? {
            if !each(&Row(RowOf::Sqlite(row)))? {
                break;
            }
        }
        Ok(())
    }

    fn sqlite(&self) -> Result<&rusqlite::Connection> {
        Ok(self)
    }
}

fn to_sqlite<'a>(value: &'a Value<'a>) -> rusqlite::types::ToSqlOutput<'a> {
    use rusqlite::types::{ToSqlOutput, ValueRef};
    ToSqlOutput::Borrowed(match *value {
        Value::Null => ValueRef::Null,
        Value::Int(v) => ValueRef::Integer(v),
        Value::Text(t) => ValueRef::Text(t.as_bytes()),
        Value::Bytes(b) => ValueRef::Blob(b),
    })
}
