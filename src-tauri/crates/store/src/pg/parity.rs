//! Both engines end up with the same logical schema: the same tables and columns (names,
//! types in a common notion, nullability), and for every SQLite index a PostgreSQL index
//! over the same keys with the same uniqueness. Each difference is named.

use std::collections::BTreeMap;

use postgres::Client;
use rusqlite::Connection;

use super::test_server::{TestDb, server};
use super::{SCHEMA, migrate};

/// A column in the common notion: its type (`integer`, `text`, `bytes`, `real`) and
/// whether it may be NULL.
type Columns = BTreeMap<String, (String, bool)>;

/// An index: its table, whether it is unique, and its keys (a column's name, `lower(name)`
/// for a case-folded one, `expr` for any other expression).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Index {
    table: String,
    unique: bool,
    keys: Vec<String>,
}

/// Tables of the engine's own bookkeeping, not of the workspace.
const BOOKKEEPING: &[&str] = &["schema_version"];

/// Tables only PostgreSQL has: evidence content (`0010_evidence_content.sql`), which SQLite
/// keeps in the vault folder beside its database. Empty twins on SQLite would be a second
/// place content could be that nothing ever writes, and SQLite's journal would need the same
/// exception; a backup reads content through `Vault` on either engine.
const POSTGRES_ONLY: &[&str] = &crate::vault::CONTENT_TABLES;

fn sqlite_schema() -> (BTreeMap<String, Columns>, BTreeMap<String, Index>) {
    let mut conn = Connection::open_in_memory().unwrap();
    crate::db::migrations().to_latest(&mut conn).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut columns = BTreeMap::new();
    let mut indexes = BTreeMap::new();
    for table in tables {
        let mut stmt = conn
            .prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1)")
            .unwrap();
        let cols: Columns = stmt
            .query_map([&table], |r| {
                let (name, ty, notnull, pk): (String, String, bool, i64) =
                    (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
                let common = match ty.to_ascii_uppercase().as_str() {
                    "INTEGER" => "integer",
                    "TEXT" => "text",
                    "BLOB" => "bytes",
                    "REAL" => "real",
                    other => panic!("{table}.{name}: SQLite type {other} has no common notion"),
                };
                // A primary key's columns are never NULL (SQLite's rowid alias says 0 here).
                Ok((name, (common.to_owned(), !notnull && pk == 0)))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        columns.insert(table.clone(), cols);
        let list: Vec<(String, bool)> = conn
            .prepare("SELECT name, \"unique\" FROM pragma_index_list(?1)")
            .unwrap()
            .query_map([&table], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        for (name, unique) in list {
            let keys: Vec<String> = conn
                .prepare("SELECT cid, name, coll FROM pragma_index_xinfo(?1) WHERE key = 1 ORDER BY seqno")
                .unwrap()
                .query_map([&name], |r| {
                    let (cid, column, coll): (i64, Option<String>, Option<String>) =
                        (r.get(0)?, r.get(1)?, r.get(2)?);
                    Ok(match (cid, column, coll.as_deref()) {
                        (-2, _, _) | (_, None, _) => "expr".to_owned(),
                        (_, Some(c), Some(coll)) if coll.eq_ignore_ascii_case("NOCASE") => {
                            format!("lower({c})")
                        }
                        (_, Some(c), _) => c,
                    })
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            indexes.insert(
                name,
                Index {
                    table: table.clone(),
                    unique,
                    keys,
                },
            );
        }
    }
    (columns, indexes)
}

fn postgres_schema(client: &mut Client) -> (BTreeMap<String, Columns>, Vec<(String, Index)>) {
    let mut columns: BTreeMap<String, Columns> = BTreeMap::new();
    for row in client
        .query(
            "SELECT table_name::text, column_name::text, data_type::text, is_nullable = 'YES'
               FROM information_schema.columns
              WHERE table_schema = $1",
            &[&SCHEMA],
        )
        .unwrap()
    {
        let (table, column, ty, nullable): (String, String, String, bool) =
            (row.get(0), row.get(1), row.get(2), row.get(3));
        if BOOKKEEPING.contains(&table.as_str()) || POSTGRES_ONLY.contains(&table.as_str()) {
            continue;
        }
        let common = match ty.as_str() {
            "bigint" | "integer" | "smallint" => "integer",
            "text" => "text",
            "bytea" => "bytes",
            "double precision" | "real" => "real",
            other => panic!("{table}.{column}: PostgreSQL type {other} has no common notion"),
        };
        columns
            .entry(table)
            .or_default()
            .insert(column, (common.to_owned(), nullable));
    }
    let mut indexes = Vec::new();
    for row in client
        .query(
            "SELECT i.relname::text, t.relname::text, x.indisunique,
                    array(SELECT pg_get_indexdef(x.indexrelid, k, true)
                            FROM generate_series(1, x.indnkeyatts) k ORDER BY k)
               FROM pg_index x
               JOIN pg_class i ON i.oid = x.indexrelid
               JOIN pg_class t ON t.oid = x.indrelid
               JOIN pg_namespace n ON n.oid = t.relnamespace
              WHERE n.nspname = $1",
            &[&SCHEMA],
        )
        .unwrap()
    {
        let keys: Vec<String> = row.get(3);
        let keys = keys
            .into_iter()
            .map(|k| {
                // A key word as a column name comes back quoted ("position").
                let k = match k.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
                    Some(name) => name.to_owned(),
                    None => k,
                };
                let plain = |s: &str| s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                match k.strip_prefix("lower(").and_then(|s| s.strip_suffix(')')) {
                    Some(inner) if plain(inner) => format!("lower({inner})"),
                    _ if plain(&k) => k,
                    _ => "expr".to_owned(),
                }
            })
            .collect();
        indexes.push((
            row.get(0),
            Index {
                table: row.get(1),
                unique: row.get(2),
                keys,
            },
        ));
    }
    (columns, indexes)
}

#[test]
fn both_engines_have_the_same_tables_columns_and_indexes() {
    let Some(admin) = server() else { return };
    let db = TestDb::create(&admin);
    let mut client = db.connect();
    migrate(&mut client).unwrap();
    let (lite_columns, lite_indexes) = sqlite_schema();
    let (pg_columns, pg_indexes) = postgres_schema(&mut client);
    let mut differences = Vec::new();
    for table in POSTGRES_ONLY {
        let exists: bool = client
            .query_one(
                "SELECT to_regclass($1) IS NOT NULL",
                &[&format!("{SCHEMA}.{table}")],
            )
            .unwrap()
            .get(0);
        if !exists {
            differences.push(format!("table {table}, PostgreSQL's own, is missing there"));
        }
    }
    for table in lite_columns.keys().filter(|t| !pg_columns.contains_key(*t)) {
        differences.push(format!("table {table} is missing on PostgreSQL"));
    }
    for table in pg_columns.keys().filter(|t| !lite_columns.contains_key(*t)) {
        differences.push(format!("table {table} is missing on SQLite"));
    }
    for (table, lite) in &lite_columns {
        let Some(pg) = pg_columns.get(table) else {
            continue;
        };
        for (column, l) in lite {
            match pg.get(column) {
                None => differences.push(format!("{table}.{column} is missing on PostgreSQL")),
                Some(p) if p != l => differences.push(format!(
                    "{table}.{column}: SQLite {} {}, PostgreSQL {} {}",
                    l.0,
                    if l.1 { "NULL" } else { "NOT NULL" },
                    p.0,
                    if p.1 { "NULL" } else { "NOT NULL" }
                )),
                Some(_) => {}
            }
        }
        for column in pg.keys().filter(|c| !lite.contains_key(*c)) {
            differences.push(format!("{table}.{column} is missing on SQLite"));
        }
    }
    for (name, index) in &lite_indexes {
        if !pg_indexes.iter().any(|(_, p)| p == index) {
            let on_table: Vec<String> = pg_indexes
                .iter()
                .filter(|(_, p)| p.table == index.table)
                .map(|(n, p)| format!("{n} {}{:?}", if p.unique { "unique " } else { "" }, p.keys))
                .collect();
            differences.push(format!(
                "SQLite index {name} ({}{:?} on {}) has no PostgreSQL index over the same keys; \
                 PostgreSQL has: {}",
                if index.unique { "unique " } else { "" },
                index.keys,
                index.table,
                on_table.join(", ")
            ));
        }
    }
    assert!(
        lite_columns.len() > 30 && lite_indexes.len() > 10,
        "the SQLite schema was not read: {} tables, {} indexes",
        lite_columns.len(),
        lite_indexes.len()
    );
    assert!(
        differences.is_empty(),
        "the engines differ:\n{}",
        differences.join("\n")
    );
}
