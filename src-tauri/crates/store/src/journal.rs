//! The workspace journal (migration 0007): every change to every table, chained by SHA-256.
//!
//! SQL triggers write the entries, so no code path can change the workspace without leaving
//! one: each table gets an AFTER INSERT, UPDATE and DELETE trigger, generated here from the
//! schema after every migration (a new table or column is covered without further work). The
//! triggers call three functions that only our connections have: `journal_user()` (the OS
//! user), `journal_source()` (what is writing: `app`, `cli evidence add`, ...) and
//! `journal_hash(...)` (`core::journal::entry_hash`, used by the sealing trigger).
//!
//! Reading the journal (`entries`, `page`, `head`, `count`, `verify`) is written against
//! [`Sql`] and serves both engines. Writing it is each engine's own: `register_functions`,
//! `refresh_triggers`, `journalled_tables` and whatever reads `sqlite_schema` are SQLite's
//! internals; PostgreSQL's counterparts are in `pg::journal` (triggers made from its
//! catalogue, `set_source`).

use std::sync::{Arc, Mutex};

use csmsdesk_core::journal::{Entry, EntryFields, Head, Problem, Verifier, entry_hash};
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

use crate::Result;
use crate::sql::{Engine, Row, Sql, SqlExt as _, params};

/// Tables that are not journalled: the journal itself, SQLite's bookkeeping and the records'
/// versions (`revision.rs`: a save's change is journalled in the record's own table).
const NOT_JOURNALLED: [&str; 4] = ["journal", "journal_head", "sqlite_sequence", "row_revision"];

/// Text values longer than this are cut in an entry's before/after (the entry shows what
/// changed; the workspace holds the whole value).
const SHORT_TEXT: usize = 80;

/// The OS user this process runs as, as the journal records it.
pub fn os_user() -> String {
    whoami::fallible::username().unwrap_or_else(|_| "unknown".into())
}

/// Gives `conn` the functions the journal triggers call. `source` is read at each change.
/// SQLite only (PostgreSQL's triggers use `session_user` and `pg::journal::set_source`).
pub(crate) fn register_functions(
    conn: &Connection,
    source: Arc<Mutex<String>>,
) -> rusqlite::Result<()> {
    let user = os_user();
    conn.create_scalar_function("journal_user", 0, FunctionFlags::SQLITE_UTF8, move |_| {
        Ok(user.clone())
    })?;
    conn.create_scalar_function("journal_source", 0, FunctionFlags::SQLITE_UTF8, move |_| {
        Ok(source
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone())
    })?;
    conn.create_scalar_function(
        "journal_hash",
        9,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let text = |i: usize| ctx.get::<Option<String>>(i);
            let prev = text(0)?.unwrap_or_default();
            let (at, user, source, table, op, key) = (
                text(1)?.unwrap_or_default(),
                text(2)?.unwrap_or_default(),
                text(3)?.unwrap_or_default(),
                text(4)?.unwrap_or_default(),
                text(5)?.unwrap_or_default(),
                text(6)?.unwrap_or_default(),
            );
            let (before, after) = (text(7)?, text(8)?);
            Ok(entry_hash(
                &prev,
                &EntryFields {
                    at: &at,
                    user: &user,
                    source: &source,
                    table: &table,
                    op: &op,
                    key: &key,
                    before: before.as_deref(),
                    after: after.as_deref(),
                },
            ))
        },
    )
}

/// Replaces the journal triggers of every table with ones made from the current schema. Runs
/// inside the migration's transaction. SQLite only (it reads `sqlite_schema`; PostgreSQL's:
/// `pg::journal::refresh_triggers`).
pub(crate) fn refresh_triggers(conn: &Connection) -> rusqlite::Result<()> {
    let old: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'journal\\_%' \
             ESCAPE '\\' AND tbl_name NOT IN ('journal', 'journal_head')",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for name in old {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\";"))?;
    }
    for table in table_names(conn)? {
        let columns: Vec<(String, i64)> = conn
            .prepare("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?
            .query_map([&table], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        conn.execute_batch(&triggers_sql(&table, &columns))?;
    }
    Ok(())
}

/// The tables whose changes are journalled, by name: on SQLite every table but
/// `NOT_JOURNALLED`, on PostgreSQL those with the journal's trigger (`pg::journal`).
pub fn journalled_tables(conn: &(impl Sql + ?Sized)) -> Result<Vec<String>> {
    match conn.engine() {
        Engine::Sqlite => Ok(table_names(conn.sqlite()?)?),
        Engine::Postgres => conn.query_map(
            "SELECT c.relname::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
             WHERE c.relnamespace = current_schema()::regnamespace
               AND t.tgname = 'journal_' || c.relname
             ORDER BY c.relname COLLATE \"C\"",
            params![],
            |r| r.get(0),
        ),
    }
}

fn table_names(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(tables
        .into_iter()
        .filter(|t| !NOT_JOURNALLED.contains(&t.as_str()))
        .collect())
}

/// The three triggers of `table`, whose `columns` are (name, position in the primary key).
fn triggers_sql(table: &str, columns: &[(String, i64)]) -> String {
    let short = |row: &str, col: &str| {
        let x = format!("{row}.\"{col}\"");
        format!(
            "CASE typeof({x}) WHEN 'text' THEN CASE WHEN length({x}) > {SHORT_TEXT} \
             THEN substr({x}, 1, {cut}) || '…' ELSE {x} END \
             WHEN 'blob' THEN '<' || length({x}) || ' bytes>' ELSE {x} END",
            cut = SHORT_TEXT - 1
        )
    };
    let mut pk: Vec<&(String, i64)> = columns.iter().filter(|(_, pk)| *pk > 0).collect();
    pk.sort_by_key(|(_, pk)| *pk);
    let key = |row: &str| {
        if pk.is_empty() {
            format!("json_array({row}.rowid)")
        } else {
            let parts: Vec<String> = pk.iter().map(|(c, _)| format!("{row}.\"{c}\"")).collect();
            format!("json_array({})", parts.join(", "))
        }
    };
    let whole = |row: &str| {
        let parts: Vec<String> = columns
            .iter()
            .map(|(c, _)| format!("'{c}', {}", short(row, c)))
            .collect();
        format!("json_object({})", parts.join(", "))
    };
    let changed = |row: &str| {
        let parts: Vec<String> = columns
            .iter()
            .map(|(c, _)| {
                format!(
                    "SELECT '{c}' AS k, {} AS v WHERE OLD.\"{c}\" IS NOT NEW.\"{c}\"",
                    short(row, c)
                )
            })
            .collect();
        format!(
            "(SELECT json_group_object(k, v) FROM ({}))",
            parts.join(" UNION ALL ")
        )
    };
    let any_change: Vec<String> = columns
        .iter()
        .map(|(c, _)| format!("OLD.\"{c}\" IS NOT NEW.\"{c}\""))
        .collect();
    let insert = |op: &str, key: String, before: String, after: String| {
        format!(
            "INSERT INTO journal (at, user, source, tbl, op, row_key, before, after) VALUES \
             (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), journal_user(), journal_source(), \
             '{table}', '{op}', {key}, {before}, {after});"
        )
    };
    format!(
        "CREATE TRIGGER \"journal_{table}_insert\" AFTER INSERT ON \"{table}\" BEGIN {} END;\n\
         CREATE TRIGGER \"journal_{table}_update\" AFTER UPDATE ON \"{table}\" WHEN {} BEGIN {} END;\n\
         CREATE TRIGGER \"journal_{table}_delete\" AFTER DELETE ON \"{table}\" BEGIN {} END;\n",
        insert("insert", key("NEW"), "NULL".into(), whole("NEW")),
        any_change.join(" OR "),
        insert("update", key("NEW"), changed("OLD"), changed("NEW")),
        insert("delete", key("OLD"), whole("OLD"), "NULL".into()),
    )
}

// `"user"` quoted: a key word on PostgreSQL (the current role there, unquoted), the same
// column on SQLite.
const ENTRY_COLUMNS: &str =
    r#"seq, at, "user", source, tbl, op, row_key, before, after, prev_hash, hash"#;

fn entry(row: &Row<'_>) -> Result<Entry> {
    Ok(Entry {
        seq: row.get(0)?,
        at: row.get(1)?,
        user: row.get(2)?,
        source: row.get(3)?,
        table: row.get(4)?,
        op: row.get(5)?,
        key: row.get(6)?,
        before: row.get(7)?,
        after: row.get(8)?,
        prev_hash: row.get(9)?,
        hash: row.get(10)?,
    })
}

/// Every entry, oldest first, for verification and export.
pub fn entries(conn: &(impl Sql + ?Sized)) -> Result<Vec<Entry>> {
    conn.query_map(
        &format!("SELECT {ENTRY_COLUMNS} FROM journal ORDER BY seq"),
        params![],
        entry,
    )
}

/// How many entries `verify` reads at a time on PostgreSQL, whose rows of one statement are
/// all fetched before they are read.
const VERIFY_CHUNK: i64 = 2_000;

/// Checks the whole journal row by row against its head (memory stays bounded however long
/// the journal is): how many entries, the head, and every problem. The same verdicts on both
/// engines: SQLite streams the rows of one statement; PostgreSQL reads them by number in
/// chunks and, when the head it then reads is newer than the entries read (others appended
/// meanwhile), reads on up to it, so that a concurrent append is no problem and an entry
/// beyond the head still is.
pub fn verify(conn: &(impl Sql + ?Sized)) -> Result<(usize, Option<Head>, Vec<Problem>)> {
    let mut verifier = Verifier::new();
    let head = match conn.engine() {
        Engine::Sqlite => {
            conn.each_row(
                &format!("SELECT {ENTRY_COLUMNS} FROM journal ORDER BY seq"),
                params![],
                &mut |row| {
                    verifier.push(&entry(row)?);
                    Ok(true)
                },
            )?;
            head(conn)?
        }
        Engine::Postgres => {
            let mut last = i64::MIN;
            read_after(conn, &mut last, &mut verifier)?;
            loop {
                let head = head(conn)?;
                if head.as_ref().is_some_and(|h| h.seq > last)
                    && read_after(conn, &mut last, &mut verifier)? > 0
                {
                    continue;
                }
                break head;
            }
        }
    };
    let entries = verifier.entries();
    let problems = verifier.finish(head.as_ref());
    Ok((entries, head, problems))
}

/// Pushes the entries numbered after `last` to `verifier`, [`VERIFY_CHUNK`] at a time, and
/// moves `last` on: how many there were.
fn read_after(
    conn: &(impl Sql + ?Sized),
    last: &mut i64,
    verifier: &mut Verifier,
) -> Result<usize> {
    let sql = format!("SELECT {ENTRY_COLUMNS} FROM journal WHERE seq > ?1 ORDER BY seq LIMIT ?2");
    let mut read = 0;
    loop {
        let mut n = 0;
        conn.each_row(&sql, params![*last, VERIFY_CHUNK], &mut |row| {
            let entry = entry(row)?;
            *last = entry.seq;
            verifier.push(&entry);
            n += 1;
            Ok(true)
        })?;
        read += n;
        if n < VERIFY_CHUNK as usize {
            return Ok(read);
        }
    }
}

/// What the History screen asks for: entries older than `before` (newest first), optionally of
/// one table.
#[derive(Debug, Clone, Default)]
pub struct PageQuery<'a> {
    pub before: Option<i64>,
    pub table: Option<&'a str>,
    /// Only the entries of this person (the journal's `user`).
    pub user: Option<&'a str>,
    pub limit: u32,
}

/// One page of entries, newest first (by number: the next page is `before` the last one's).
pub fn page(conn: &(impl Sql + ?Sized), query: &PageQuery<'_>) -> Result<Vec<Entry>> {
    conn.query_map(
        &format!(
            "SELECT {ENTRY_COLUMNS} FROM journal \
             WHERE (CAST(?1 AS BIGINT) IS NULL OR seq < ?1) AND (CAST(?2 AS TEXT) IS NULL OR tbl = ?2) \
               AND (CAST(?4 AS TEXT) IS NULL OR \"user\" = ?4) \
             ORDER BY seq DESC LIMIT ?3"
        ),
        params![
            query.before,
            query.table,
            i64::from(query.limit),
            query.user
        ],
        entry,
    )
}

/// Everyone who made a change, by name: the History screen's filter. One index seek per person
/// (`journal_by_user`), not a read of every entry.
pub fn users(conn: &(impl Sql + ?Sized)) -> Result<Vec<String>> {
    conn.query_map(
        "WITH RECURSIVE person (name) AS (
             SELECT min(\"user\") FROM journal
             UNION ALL
             SELECT (SELECT min(\"user\") FROM journal WHERE \"user\" > person.name)
               FROM person WHERE person.name IS NOT NULL
         )
         SELECT name FROM person WHERE name IS NOT NULL",
        params![],
        |r| r.get(0),
    )
    .map(|mut names: Vec<String>| {
        // By bytes on both engines (PostgreSQL's steps follow the database's collation).
        names.sort();
        names
    })
}

/// The head: the newest entry's number and hash as recorded apart from the entries.
pub fn head(conn: &(impl Sql + ?Sized)) -> Result<Option<Head>> {
    conn.optional(
        "SELECT seq, hash FROM journal_head WHERE id = 1",
        params![],
        |r| {
            Ok(Head {
                seq: r.get(0)?,
                hash: r.get(1)?,
            })
        },
    )
}

/// How many entries the journal holds.
pub fn count(conn: &(impl Sql + ?Sized)) -> Result<i64> {
    conn.query_row("SELECT count(*) FROM journal", params![], |r| r.get(0))
}

#[cfg(test)]
mod tests;
