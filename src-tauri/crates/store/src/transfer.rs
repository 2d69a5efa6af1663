//! Copying a whole workspace database from one engine to the other, row for row: what a backup
//! of a PostgreSQL workspace writes into its `workspace.sqlite`, and what a restore of a backup
//! into a PostgreSQL database reads from it (issue 19, "Moving between desk and server").
//!
//! Every table of the schema is copied in the order the migrations made them (a table is made
//! after the tables it refers to), each in batches ordered by its primary key, with the values
//! as stored ([`Cell`]): ids stay what they were, so links, journal entries and the packages
//! made from them stay the same. The journal is copied as it is, entries and head, and not
//! journalled again: the target's triggers are off while the rows arrive (SQLite: dropped and
//! made again from their own SQL, so the schema stays exactly what the migrations made;
//! PostgreSQL: `ALTER TABLE … DISABLE TRIGGER USER`, which the owner of the tables may do),
//! so the chain verifies on the target with the same verdicts. PostgreSQL's identities then
//! move past the largest id copied, so the next row gets a new one.
//!
//! The caller chooses the transactions: the source is read inside one snapshot (a read
//! transaction), the target written inside one transaction, so a failed copy leaves nothing.
//! The target must be a new database of the same schema: migrated, never changed (its journal
//! is empty; the rows the migrations made give way to the source's); anything else is refused
//! before a row is written.

use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::sql::{Cell, Engine, Sql, SqlExt as _, Value, params};
use crate::{Error, Result, io_error, private_file_options};

/// Tables of an engine's own bookkeeping, not of the workspace: never copied.
const BOOKKEEPING: &[&str] = &["schema_version"];

/// Whether `table` is copied: not bookkeeping, and not evidence content, which moves through
/// the vault (`vault::CONTENT_TABLES`, PostgreSQL's only).
fn copied(table: &str) -> bool {
    !BOOKKEEPING.contains(&table) && !crate::vault::CONTENT_TABLES.contains(&table)
}

/// Rows read and written per statement. A batch's statement binds `rows × columns`
/// parameters: PostgreSQL takes at most 65,535, SQLite (since 3.32) 32,766.
const BATCH_ROWS: usize = 200;

/// How many rows of a table were copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    pub table: String,
    pub rows: u64,
}

/// The workspace's tables in the order they were made, without the engine's bookkeeping and
/// PostgreSQL's evidence content.
pub fn tables(conn: &(impl Sql + ?Sized)) -> Result<Vec<String>> {
    let sql = conn.pick([
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         ORDER BY rowid",
        "SELECT c.relname::text FROM pg_class c
         WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
         ORDER BY c.oid",
    ]);
    let all: Vec<String> = conn.query_map(sql, params![], |r| r.get(0))?;
    Ok(all.into_iter().filter(|t| copied(t)).collect())
}

/// A table's columns in their order, and which of them make its primary key.
fn columns(conn: &(impl Sql + ?Sized), table: &str) -> Result<(Vec<String>, Vec<String>)> {
    let sql = conn.pick([
        "SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid",
        "SELECT a.attname::text,
                coalesce((SELECT array_position(i.indkey::int2[], a.attnum)
                            FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary), 0)::bigint
         FROM pg_attribute a
         WHERE a.attrelid = (current_schema() || '.' || quote_ident(?1))::regclass
           AND a.attnum > 0 AND NOT a.attisdropped
         ORDER BY a.attnum",
    ]);
    let rows: Vec<(String, i64)> =
        conn.query_map(sql, params![table], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let mut key: Vec<(i64, String)> = rows
        .iter()
        .filter(|(_, pk)| *pk > 0)
        .map(|(name, pk)| (*pk, name.clone()))
        .collect();
    key.sort();
    let names = rows.into_iter().map(|(name, _)| name).collect();
    Ok((names, key.into_iter().map(|(_, name)| name).collect()))
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Copies every workspace table of `from` into `to` (see the module's documentation);
/// `progress` hears each table's name and rows copied so far.
pub fn copy_workspace(
    from: &(impl Sql + ?Sized),
    to: &(impl Sql + ?Sized),
    progress: &mut dyn FnMut(&str, u64),
) -> Result<Vec<Copied>> {
    let source_tables = tables(from)?;
    let target_tables = tables(to)?;
    let mut missing: Vec<&String> = source_tables
        .iter()
        .filter(|t| !target_tables.contains(t))
        .collect();
    missing.extend(target_tables.iter().filter(|t| !source_tables.contains(t)));
    if !missing.is_empty() {
        return Err(Error::TransferMismatch(format!(
            "the two databases do not have the same tables (differing: {})",
            join(missing)
        )));
    }
    let mut layouts = Vec::new();
    for table in &source_tables {
        let (cols, key) = columns(from, table)?;
        let (target_cols, _) = columns(to, table)?;
        if cols != target_cols {
            return Err(Error::TransferMismatch(format!(
                "table {table} has the columns {} here and {} there",
                cols.join(", "),
                target_cols.join(", ")
            )));
        }
        layouts.push((table.clone(), cols, key));
    }
    // A target that was ever changed has journal entries: the migrations write no entry.
    let entries: i64 = to.query_row("SELECT count(*) FROM journal", params![], |r| r.get(0))?;
    if entries > 0 {
        return Err(Error::TransferMismatch(format!(
            "the target is not a new workspace: its journal is not empty ({entries})"
        )));
    }
    let triggers = Triggers::off(to, &source_tables)?;
    // The rows the migrations made (the one company profile) give way to the source's.
    for table in source_tables.iter().rev() {
        to.execute(&format!("DELETE FROM {}", quoted(table)), params![])?;
    }
    let mut copied = Vec::new();
    for (table, cols, key) in &layouts {
        let rows = copy_table(from, to, table, cols, key, progress)?;
        copied.push(Copied {
            table: table.clone(),
            rows,
        });
    }
    triggers.on(to)?;
    if to.engine() == Engine::Postgres {
        move_identities_past_ids(to)?;
    }
    Ok(copied)
}

fn join(names: Vec<&String>) -> String {
    names
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn copy_table(
    from: &(impl Sql + ?Sized),
    to: &(impl Sql + ?Sized),
    table: &str,
    cols: &[String],
    key: &[String],
    progress: &mut dyn FnMut(&str, u64),
) -> Result<u64> {
    let list = cols
        .iter()
        .map(|c| quoted(c))
        .collect::<Vec<_>>()
        .join(", ");
    // A table without a key is ordered by all its columns: any total order does, since the
    // batches are read inside one snapshot.
    let order = if key.is_empty() { cols } else { key };
    let order = order
        .iter()
        .map(|c| quoted(c))
        .collect::<Vec<_>>()
        .join(", ");
    let select = format!(
        "SELECT {list} FROM {} ORDER BY {order} LIMIT ?1 OFFSET ?2",
        quoted(table)
    );
    let width = cols.len();
    let mut done: u64 = 0;
    loop {
        let offset = i64::try_from(done).unwrap_or(i64::MAX);
        let limit = i64::try_from(BATCH_ROWS).unwrap_or(i64::MAX);
        let batch: Vec<Vec<Cell>> = from.query_map(&select, params![limit, offset], |r| {
            (0..width).map(|i| r.get::<Cell>(i)).collect()
        })?;
        if batch.is_empty() {
            break;
        }
        let values: Vec<Value<'_>> = batch.iter().flatten().map(Cell::value).collect();
        to.execute(&insert_statement(table, &list, width, batch.len()), &values)?;
        done += batch.len() as u64;
        progress(table, done);
        if batch.len() < BATCH_ROWS {
            break;
        }
    }
    Ok(done)
}

/// `INSERT INTO t (a, b) VALUES (?1, ?2), (?3, ?4)…` for `rows` rows of `width` columns.
fn insert_statement(table: &str, list: &str, width: usize, rows: usize) -> String {
    let tuples: Vec<String> = (0..rows)
        .map(|r| {
            let marks: Vec<String> = (1..=width).map(|c| format!("?{}", r * width + c)).collect();
            format!("({})", marks.join(", "))
        })
        .collect();
    format!(
        "INSERT INTO {} ({list}) VALUES {}",
        quoted(table),
        tuples.join(", ")
    )
}

/// The target's triggers, off while the rows arrive.
enum Triggers {
    /// SQLite's, dropped: their names and SQL in the order they were made.
    Sqlite(Vec<(String, String)>),
    /// PostgreSQL's, disabled table by table.
    Postgres(Vec<String>),
}

impl Triggers {
    fn off(to: &(impl Sql + ?Sized), tables: &[String]) -> Result<Triggers> {
        match to.engine() {
            Engine::Sqlite => {
                let all: Vec<(String, String)> = to.query_map(
                    "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY rowid",
                    params![],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                for (name, _) in &all {
                    to.execute(&format!("DROP TRIGGER {}", quoted(name)), params![])?;
                }
                Ok(Triggers::Sqlite(all))
            }
            Engine::Postgres => {
                for table in tables {
                    to.execute(
                        &format!("ALTER TABLE {} DISABLE TRIGGER USER", quoted(table)),
                        params![],
                    )?;
                }
                Ok(Triggers::Postgres(tables.to_vec()))
            }
        }
    }

    fn on(self, to: &(impl Sql + ?Sized)) -> Result<()> {
        match self {
            Triggers::Sqlite(all) => {
                for (_, sql) in all {
                    to.execute(&sql, params![])?;
                }
            }
            Triggers::Postgres(tables) => {
                for table in tables {
                    to.execute(
                        &format!("ALTER TABLE {} ENABLE TRIGGER USER", quoted(&table)),
                        params![],
                    )?;
                }
            }
        }
        Ok(())
    }
}

/// Moves every identity column's sequence past the largest value copied into it.
fn move_identities_past_ids(to: &(impl Sql + ?Sized)) -> Result<()> {
    let identities: Vec<(String, String)> = to.query_map(
        "SELECT table_name::text, column_name::text FROM information_schema.columns
         WHERE table_schema = current_schema() AND is_identity = 'YES'
         ORDER BY table_name, column_name",
        params![],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    for (table, column) in identities {
        // `setval(…, n, false)`: the next value is n, one past the largest id (1 when empty).
        to.execute(
            &format!(
                "SELECT setval(pg_get_serial_sequence(?1, ?2),
                               coalesce((SELECT max({col}) FROM {tbl}), 0) + 1, false)",
                col = quoted(&column),
                tbl = quoted(&table),
            ),
            params![
                format!("{}.{}", crate::pg::SCHEMA, quoted(&table)).as_str(),
                column.as_str()
            ],
        )?;
    }
    Ok(())
}

/// Writes a new SQLite workspace file at `path` (readable by the owner only; it must not
/// exist) holding a copy of `from`: what a backup of a PostgreSQL workspace carries as its
/// `workspace.sqlite`. Read `from` inside one snapshot. The file is made by this build's
/// migrations and left as `Db::backup_to` leaves its copy: one self-contained file (rollback
/// journal, no `-wal` beside it).
pub fn to_new_sqlite_file(
    from: &(impl Sql + ?Sized),
    path: &Path,
    progress: &mut dyn FnMut(&str, u64),
) -> Result<Vec<Copied>> {
    private_file_options()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| io_error(path, e))?;
    let written = (|| {
        let mut conn = rusqlite::Connection::open(path)?;
        let source = Arc::new(Mutex::new("restore".to_owned()));
        crate::journal::register_functions(&conn, source)?;
        crate::db::migrations()
            .to_latest(&mut conn)
            .map_err(Error::Migration)?;
        let tx = conn.transaction()?;
        crate::journal::refresh_triggers(&tx)?;
        let copied = copy_workspace(from, &*tx, progress)?;
        tx.commit()?;
        let _: String =
            conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
        conn.close().map_err(|(_, e)| Error::Sqlite(e))?;
        Ok(copied)
    })();
    if written.is_err() {
        // Half a copy is no workspace: it goes.
        let _ = std::fs::remove_file(path);
    }
    written
}

/// Copies the SQLite workspace file at `path` (checked beforehand: a restore's staged
/// `workspace.sqlite`) into `to`, a new workspace of the other engine; `to` is best a
/// transaction, so that a failure leaves it new.
pub fn from_sqlite_file(
    path: &Path,
    to: &(impl Sql + ?Sized),
    progress: &mut dyn FnMut(&str, u64),
) -> Result<Vec<Copied>> {
    use rusqlite::OpenFlags;
    let conn = rusqlite::Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // One snapshot, though nobody else has the staged file.
    conn.execute_batch("BEGIN")?;
    let copied = copy_workspace(&conn, to, progress)?;
    conn.execute_batch("COMMIT")?;
    Ok(copied)
}

#[cfg(test)]
mod tests;
