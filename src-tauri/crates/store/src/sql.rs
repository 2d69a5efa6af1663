//! The thin query layer over both engines (issue 19, the next step's start): SQL written
//! once with `?N` placeholders, values of four kinds, rows read back as those kinds. A store
//! module written against [`Sql`] runs on SQLite and on PostgreSQL alike; so far `settings`
//! is (docs/POSTGRES.md, "Next").

use std::cell::RefCell;

use crate::Result;

/// A value bound to a placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value<'a> {
    Null,
    Int(i64),
    Text(&'a str),
    Bytes(&'a [u8]),
}

/// A value read from a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owned {
    Null,
    Int(i64),
    Text(String),
    Bytes(Vec<u8>),
}

impl Owned {
    pub fn into_text(self) -> Option<String> {
        match self {
            Owned::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// A connection (or transaction) of either engine, as store's functions take it.
pub trait Sql {
    /// Runs a statement that returns no rows; the number of rows it changed.
    fn execute(&self, sql: &str, params: &[Value<'_>]) -> Result<u64>;
    /// Runs a query; every row, each as its columns' values.
    fn query(&self, sql: &str, params: &[Value<'_>]) -> Result<Vec<Vec<Owned>>>;
}

impl Sql for rusqlite::Connection {
    fn execute(&self, sql: &str, params: &[Value<'_>]) -> Result<u64> {
        let mut stmt = self.prepare_cached(sql)?;
        Ok(stmt.execute(rusqlite::params_from_iter(params.iter().map(to_sqlite)))? as u64)
    }

    fn query(&self, sql: &str, params: &[Value<'_>]) -> Result<Vec<Vec<Owned>>> {
        use rusqlite::types::ValueRef;
        let mut stmt = self.prepare_cached(sql)?;
        let columns = stmt.column_count();
        let rows = stmt.query_map(
            rusqlite::params_from_iter(params.iter().map(to_sqlite)),
            |row| {
                (0..columns)
                    .map(|i| {
                        Ok(match row.get_ref(i)? {
                            ValueRef::Null => Owned::Null,
                            ValueRef::Integer(v) => Owned::Int(v),
                            ValueRef::Real(v) => Owned::Text(v.to_string()),
                            ValueRef::Text(t) => {
                                Owned::Text(String::from_utf8_lossy(t).into_owned())
                            }
                            ValueRef::Blob(b) => Owned::Bytes(b.to_vec()),
                        })
                    })
                    .collect::<rusqlite::Result<Vec<_>>>()
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Sql for crate::Transaction<'_> {
    fn execute(&self, sql: &str, params: &[Value<'_>]) -> Result<u64> {
        Sql::execute(&**self, sql, params)
    }

    fn query(&self, sql: &str, params: &[Value<'_>]) -> Result<Vec<Vec<Owned>>> {
        Sql::query(&**self, sql, params)
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

/// A PostgreSQL connection as [`Sql`]: its calls need `&mut`, store's take `&`.
pub struct PgConn(pub RefCell<postgres::Client>);

impl std::fmt::Debug for PgConn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PgConn")
    }
}

impl PgConn {
    pub fn new(client: postgres::Client) -> PgConn {
        PgConn(RefCell::new(client))
    }
}

impl Sql for PgConn {
    fn execute(&self, sql: &str, params: &[Value<'_>]) -> Result<u64> {
        let mut client = self.0.borrow_mut();
        let stmt = client.prepare(&dollar_placeholders(sql))?;
        let params = pg_params(params);
        Ok(client.execute(&stmt, &pg_refs(&params))?)
    }

    fn query(&self, sql: &str, params: &[Value<'_>]) -> Result<Vec<Vec<Owned>>> {
        use postgres::types::Type;
        let mut client = self.0.borrow_mut();
        let stmt = client.prepare(&dollar_placeholders(sql))?;
        let params = pg_params(params);
        let rows = client.query(&stmt, &pg_refs(&params))?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut values = Vec::with_capacity(row.len());
            for (i, column) in row.columns().iter().enumerate() {
                let ty = column.type_();
                let value = if *ty == Type::INT8 {
                    row.try_get::<_, Option<i64>>(i)?.map(Owned::Int)
                } else if *ty == Type::INT4 {
                    row.try_get::<_, Option<i32>>(i)?
                        .map(|v| Owned::Int(v.into()))
                } else if *ty == Type::BOOL {
                    // SQLite answers a comparison with 0 or 1: so does this layer.
                    row.try_get::<_, Option<bool>>(i)?
                        .map(|v| Owned::Int(v.into()))
                } else if *ty == Type::BYTEA {
                    row.try_get::<_, Option<Vec<u8>>>(i)?.map(Owned::Bytes)
                } else {
                    row.try_get::<_, Option<String>>(i)?.map(Owned::Text)
                };
                values.push(value.unwrap_or(Owned::Null));
            }
            out.push(values);
        }
        Ok(out)
    }
}

type PgParam = Box<dyn postgres::types::ToSql + Sync>;

fn pg_params(params: &[Value<'_>]) -> Vec<PgParam> {
    params
        .iter()
        .map(|value| -> PgParam {
            match *value {
                Value::Null => Box::new(Option::<String>::None),
                Value::Int(v) => Box::new(v),
                Value::Text(t) => Box::new(t.to_owned()),
                Value::Bytes(b) => Box::new(b.to_vec()),
            }
        })
        .collect()
}

fn pg_refs(params: &[PgParam]) -> Vec<&(dyn postgres::types::ToSql + Sync)> {
    params.iter().map(|p| p.as_ref()).collect()
}

/// SQLite's `?N` placeholders as PostgreSQL's `$N`, outside string literals and quoted names.
pub fn dollar_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quote: Option<char> = None;
    for c in sql.chars() {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '?') => {
                out.push('$');
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_dollars_outside_literals_and_quoted_names() {
        assert_eq!(
            dollar_placeholders("SELECT '?1', \"a?b\" FROM t WHERE k = ?1 AND v = ?12"),
            "SELECT '?1', \"a?b\" FROM t WHERE k = $1 AND v = $12"
        );
        // An escaped quote inside a literal ('') closes and reopens it: still inside.
        assert_eq!(
            dollar_placeholders("SELECT 'it''s ?1' WHERE x = ?2"),
            "SELECT 'it''s ?1' WHERE x = $2"
        );
    }
}
