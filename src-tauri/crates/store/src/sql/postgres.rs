//! [`Sql`] for a PostgreSQL connection ([`PgConn`]): `?N` rewritten to `$N`, statements
//! prepared once per connection and cached, values bound in PostgreSQL's binary form and
//! rows read in place from `postgres::Row`.

use std::cell::{RefCell, RefMut};
use std::collections::HashMap;
use std::error::Error as StdError;

use postgres::types::{FromSql, IsNull, ToSql, Type, WasNull, to_sql_checked};
use postgres::{Client, Statement};

use super::{Engine, FromValue, Row, RowOf, Sql, Value, dollar_placeholders};
use crate::Result;

/// What decoding a PostgreSQL value gives.
pub type DecodeResult<T> = std::result::Result<T, Box<dyn StdError + Sync + Send>>;

/// How many prepared statements a connection keeps (rusqlite keeps 16 by default; the store's
/// statements are a few hundred fixed texts). When full, the cache starts again empty.
const STATEMENT_CACHE: usize = 256;

/// A PostgreSQL connection as [`Sql`]. Its calls need `&mut`, store's take `&`: the client
/// is in a `RefCell`, borrowed for one statement at a time (the rows of a query are fetched
/// before they are read, so a closure reading them may run another query).
pub struct PgConn {
    client: RefCell<Client>,
    /// Prepared statements by the SQL as written (before `?N` → `$N`, which is a function of
    /// it): what rusqlite's `prepare_cached` does, without rewriting the text on each call.
    statements: RefCell<HashMap<String, Statement>>,
}

impl std::fmt::Debug for PgConn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PgConn")
    }
}

impl PgConn {
    pub fn new(client: Client) -> PgConn {
        PgConn {
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
        }
    }

    /// The client itself, for what the layer does not cover (migrations, the journal's
    /// verify). Prepared statements stay valid across it.
    pub fn client(&self) -> RefMut<'_, Client> {
        self.client.borrow_mut()
    }

    /// The client unless it is borrowed now (a rollback while a panic unwinds).
    pub(crate) fn try_client(&self) -> Option<RefMut<'_, Client>> {
        self.client.try_borrow_mut().ok()
    }

    /// How many statements are prepared and kept (for the tests of the cache).
    pub fn cached_statements(&self) -> usize {
        self.statements.borrow().len()
    }

    fn statement(&self, client: &mut Client, sql: &str) -> Result<Statement> {
        if let Some(stmt) = self.statements.borrow().get(sql) {
            return Ok(stmt.clone());
        }
        let stmt = client.prepare(&dollar_placeholders(sql))?;
        let mut statements = self.statements.borrow_mut();
        if statements.len() >= STATEMENT_CACHE {
            statements.clear();
        }
        statements.insert(sql.to_owned(), stmt.clone());
        Ok(stmt)
    }
}

fn refs<'a>(params: &'a [Value<'a>]) -> Vec<&'a (dyn ToSql + Sync)> {
    params.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

impl Sql for PgConn {
    fn engine(&self) -> Engine {
        Engine::Postgres
    }

    fn execute(&self, sql: &str, params: &[Value<'_>]) -> Result<u64> {
        let mut client = self.client.borrow_mut();
        let stmt = self.statement(&mut client, sql)?;
        Ok(client.execute(&stmt, &refs(params))?)
    }

    fn each_row(
        &self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&Row<'_>) -> Result<bool>,
    ) -> Result<()> {
        let rows = {
            let mut client = self.client.borrow_mut();
            let stmt = self.statement(&mut client, sql)?;
            client.query(&stmt, &refs(params))?
        };
        for row in &rows {
            if !each(&Row(RowOf::Postgres(row)))? {
                break;
            }
        }
        Ok(())
    }
}

/// A transaction of the client as [`Sql`], for what runs inside `pg::migrate`'s own
/// transaction (`evidence::fill_sort_keys`): each statement prepared anew, nothing cached.
impl Sql for RefCell<&mut postgres::Transaction<'_>> {
    fn engine(&self) -> Engine {
        Engine::Postgres
    }

    fn execute(&self, sql: &str, params: &[Value<'_>]) -> Result<u64> {
        let sql = dollar_placeholders(sql);
        Ok(self.borrow_mut().execute(sql.as_str(), &refs(params))?)
    }

    fn each_row(
        &self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&Row<'_>) -> Result<bool>,
    ) -> Result<()> {
        let sql = dollar_placeholders(sql);
        let rows = self.borrow_mut().query(sql.as_str(), &refs(params))?;
        for row in &rows {
            if !each(&Row(RowOf::Postgres(row)))? {
                break;
            }
        }
        Ok(())
    }
}

/// A value in PostgreSQL's binary form for the parameter's type, which the server inferred
/// from the statement: an integer for BIGINT (and INTEGER, SMALLINT, or a boolean from 0 and
/// 1), a text for any text type, bytes for BYTEA, NULL for anything.
impl ToSql for Value<'_> {
    fn to_sql(&self, ty: &Type, out: &mut bytes::BytesMut) -> DecodeResult<IsNull> {
        match *self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(v) => match *ty {
                Type::INT8 => v.to_sql(ty, out),
                Type::INT4 => i32::try_from(v)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(v)?.to_sql(ty, out),
                Type::BOOL if v == 0 || v == 1 => (v == 1).to_sql(ty, out),
                _ => Err(
                    format!("the integer {v} cannot be bound to a parameter of type {ty}").into(),
                ),
            },
            Value::Text(t) if <&str as ToSql>::accepts(ty) => t.to_sql(ty, out),
            Value::Bytes(b) if *ty == Type::BYTEA => b.to_sql(ty, out),
            Value::Text(_) | Value::Bytes(_) => {
                Err(format!("{self:?} cannot be bound to a parameter of type {ty}").into())
            }
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// A column read as `T` through [`FromValue`].
pub(super) struct Read<T>(pub T);

impl<'a, T: FromValue> FromSql<'a> for Read<T> {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> DecodeResult<Self> {
        T::from_pg(ty, Some(raw)).map(Read)
    }

    fn from_sql_null(ty: &Type) -> DecodeResult<Self> {
        T::from_pg(ty, None).map(Read)
    }

    fn accepts(ty: &Type) -> bool {
        T::pg_accepts(ty)
    }
}

fn present(raw: Option<&[u8]>) -> DecodeResult<&[u8]> {
    raw.ok_or_else(|| Box::new(WasNull) as Box<dyn StdError + Sync + Send>)
}

impl FromValue for i64 {
    fn pg_accepts(ty: &Type) -> bool {
        matches!(*ty, Type::INT8 | Type::INT4 | Type::INT2 | Type::BOOL)
    }

    fn from_pg(ty: &Type, raw: Option<&[u8]>) -> DecodeResult<Self> {
        let raw = present(raw)?;
        Ok(match *ty {
            Type::INT4 => i32::from_sql(ty, raw)?.into(),
            Type::INT2 => i16::from_sql(ty, raw)?.into(),
            // SQLite answers a comparison with 0 or 1: so does this layer.
            Type::BOOL => bool::from_sql(ty, raw)?.into(),
            _ => i64::from_sql(ty, raw)?,
        })
    }
}

impl FromValue for bool {
    fn pg_accepts(ty: &Type) -> bool {
        <i64 as FromValue>::pg_accepts(ty)
    }

    /// As rusqlite reads a bool from SQLite's integer: anything but 0 is true.
    fn from_pg(ty: &Type, raw: Option<&[u8]>) -> DecodeResult<Self> {
        Ok(i64::from_pg(ty, raw)? != 0)
    }
}

impl FromValue for String {
    fn pg_accepts(ty: &Type) -> bool {
        <String as FromSql>::accepts(ty)
    }

    fn from_pg(ty: &Type, raw: Option<&[u8]>) -> DecodeResult<Self> {
        String::from_sql(ty, present(raw)?)
    }
}

impl FromValue for Vec<u8> {
    fn pg_accepts(ty: &Type) -> bool {
        *ty == Type::BYTEA
    }

    fn from_pg(ty: &Type, raw: Option<&[u8]>) -> DecodeResult<Self> {
        Vec::<u8>::from_sql(ty, present(raw)?)
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn pg_accepts(ty: &Type) -> bool {
        T::pg_accepts(ty)
    }

    fn from_pg(ty: &Type, raw: Option<&[u8]>) -> DecodeResult<Self> {
        raw.map(|raw| T::from_pg(ty, Some(raw))).transpose()
    }
}
