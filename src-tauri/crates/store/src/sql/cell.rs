//! A value of any column, read as it is stored: what copying a table from one engine to the
//! other (`transfer`) carries without knowing the table. The schema has no REAL column and
//! every SQLite table is STRICT, so four kinds cover every value on both engines.

use ::postgres::types::{FromSql as _, Type};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};

use super::postgres::DecodeResult;
use super::{FromValue, Value};

/// One stored value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cell {
    Null,
    Int(i64),
    Text(String),
    Bytes(Vec<u8>),
}

impl Cell {
    /// The value to bind it as.
    pub fn value(&self) -> Value<'_> {
        match self {
            Cell::Null => Value::Null,
            Cell::Int(v) => Value::Int(*v),
            Cell::Text(t) => Value::Text(t),
            Cell::Bytes(b) => Value::Bytes(b),
        }
    }
}

impl FromSql for Cell {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        Ok(match value {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(v) => Cell::Int(v),
            ValueRef::Text(t) => Cell::Text(
                String::from_utf8(t.to_vec()).map_err(|e| FromSqlError::Other(Box::new(e)))?,
            ),
            ValueRef::Blob(b) => Cell::Bytes(b.to_vec()),
            ValueRef::Real(_) => return Err(FromSqlError::InvalidType),
        })
    }
}

impl FromValue for Cell {
    fn pg_accepts(ty: &Type) -> bool {
        matches!(
            *ty,
            Type::INT8
                | Type::INT4
                | Type::INT2
                | Type::BOOL
                | Type::TEXT
                | Type::VARCHAR
                | Type::BYTEA
        )
    }

    fn from_pg(ty: &Type, raw: Option<&[u8]>) -> DecodeResult<Self> {
        let Some(raw) = raw else {
            return Ok(Cell::Null);
        };
        Ok(match *ty {
            Type::INT8 => Cell::Int(i64::from_sql(ty, raw)?),
            Type::INT4 => Cell::Int(i32::from_sql(ty, raw)?.into()),
            Type::INT2 => Cell::Int(i16::from_sql(ty, raw)?.into()),
            Type::BOOL => Cell::Int(bool::from_sql(ty, raw)?.into()),
            Type::BYTEA => Cell::Bytes(raw.to_vec()),
            _ => Cell::Text(String::from_sql(ty, raw)?),
        })
    }
}
