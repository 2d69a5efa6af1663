//! Whether a database file from elsewhere (a backup) is a CSMS Desk database exactly as our
//! migrations make it: every table, index, trigger and view, and the header settings.
//!
//! A database carries code. Its triggers run inside every later change and its views inside
//! every read, so a file whose bytes pass `SHA256SUMS` may still hold a trigger that empties a
//! table at the next change, or lack the journal's triggers so that changes go unrecorded. Such
//! a file must never become a workspace. The reference is built, not stored: a fresh database
//! in memory taken through the real migrations up to the file's own `user_version`, with the
//! journal triggers that `journal::refresh_triggers` makes after them, as [`Db::open`] does.
//! Their SQL is therefore as fixed as a shipped migration: a later build that writes them
//! differently must still reproduce the old text for backups of older versions.
//!
//! [`Db::open`]: crate::Db::open

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::db::{SCHEMA_VERSION, migrations};
use crate::{Error, Result, journal};

/// One object of a schema, as `sqlite_schema` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SchemaObject {
    /// `table`, `index`, `trigger` or `view`.
    kind: String,
    name: String,
    /// The table an index or trigger belongs to (a table's or view's own name).
    table: String,
    /// The SQL that made it, in [`normalise_sql`]'s form; none for SQLite's own indexes.
    sql: Option<String>,
}

/// How one object differs from what the migrations make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The file has an object the migrations do not make (an added trigger).
    Extra,
    /// The file lacks an object the migrations make (a dropped journal trigger).
    Missing,
    /// The file has the object, made by other SQL or on another table.
    Changed,
}

/// The first object in which a database differs from what the migrations make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub change: Change,
    /// `table`, `index`, `trigger` or `view`.
    pub kind: String,
    pub name: String,
}

/// What [`check_file`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// A CSMS Desk database of schema `version`, exactly as the migrations of that version
    /// make it.
    Ours { version: i64 },
    /// Not a SQLite database (or an empty one: every CSMS Desk database has tables).
    NotADatabase,
    /// A SQLite database whose schema SQLite cannot read: the file is damaged.
    Damaged,
    /// A SQLite database of another program: none of our tables, or no version of ours.
    Foreign,
    /// A database of a newer CSMS Desk, whose schema this build cannot know.
    Newer { found: i64 },
    /// A setting kept in the file's header (`application_id`, `encoding`, `auto_vacuum`)
    /// differs from what a new workspace has.
    Setting {
        name: &'static str,
        found: String,
        expected: String,
    },
    /// The first object that differs.
    Differs(Difference),
}

/// The settings kept in a database file's header that change what it is or how it is taken:
/// another `application_id` claims the file for another program, UTF-16 stores every text
/// differently, auto-vacuum changes how deletions are written. Page-level ones (page size,
/// suggested cache size, file format number, journal mode) are left alone: they change no
/// result, and opening sets the journal mode anyway.
const SETTINGS: [&str; 3] = ["application_id", "encoding", "auto_vacuum"];

/// Checks the database file at `path` without changing it: its version must be one this build
/// knows, its header settings those of a new workspace, and its schema, object by object, what
/// the migrations of its version make.
///
/// The file is opened `immutable`: SQLite takes no lock and makes no `-wal` or `-shm` beside
/// it, whatever journal mode its header names, so it must be a copy nobody else writes.
pub fn check_file(path: &Path) -> Result<Verdict> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let found = Connection::open_with_flags(immutable_uri(path), flags).and_then(|conn| {
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let objects = objects(&conn)?;
        let settings = settings(&conn)?;
        Ok((version, objects, settings))
    });
    let (version, objects, settings) = match found {
        Ok(found) => found,
        Err(e) => {
            return match e.sqlite_error_code() {
                Some(ErrorCode::NotADatabase) => Ok(Verdict::NotADatabase),
                Some(ErrorCode::DatabaseCorrupt) => Ok(Verdict::Damaged),
                _ => Err(Error::Sqlite(e)),
            };
        }
    };
    if objects.is_empty() {
        return Ok(Verdict::NotADatabase);
    }
    // Tables of ours decide whether it is ours at all; a newer build keeps most of them.
    let reference = expected(version.clamp(1, SCHEMA_VERSION))?;
    let ours = |o: &SchemaObject| {
        o.kind == "table"
            && reference
                .objects
                .iter()
                .any(|r| r.kind == "table" && r.name == o.name && !r.name.starts_with("sqlite_"))
    };
    if version < 1 || !objects.iter().any(ours) {
        return Ok(Verdict::Foreign);
    }
    if version > SCHEMA_VERSION {
        return Ok(Verdict::Newer { found: version });
    }
    for ((name, found), (_, expected)) in settings.into_iter().zip(reference.settings) {
        if found != expected {
            return Ok(Verdict::Setting {
                name,
                found,
                expected,
            });
        }
    }
    Ok(match compare(&objects, &reference.objects) {
        Some(difference) => Verdict::Differs(difference),
        None => Verdict::Ours { version },
    })
}

/// The URI that opens `path` read-only and immutable, every byte but the plainest escaped.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for &byte in path.as_os_str().as_encoded_bytes() {
        if byte.is_ascii_alphanumeric() || b"/._-".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// What the migrations make for one version.
struct Reference {
    objects: Vec<SchemaObject>,
    settings: Vec<(&'static str, String)>,
}

/// The schema and settings of a new database taken through the migrations up to `version`,
/// with the journal triggers made after them (from the version that has the journal on).
fn expected(version: i64) -> Result<Reference> {
    let mut conn = Connection::open_in_memory()?;
    // A migration that fills a table fires the journal's triggers, which call these.
    journal::register_functions(&conn, Arc::new(Mutex::new("schema check".to_owned())))?;
    let target = usize::try_from(version).unwrap_or(0);
    migrations()
        .to_version(&mut conn, target)
        .map_err(Error::Migration)?;
    let has_journal: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'journal'",
        [],
        |r| r.get(0),
    )?;
    if has_journal {
        journal::refresh_triggers(&conn)?;
    }
    Ok(Reference {
        objects: objects(&conn)?,
        settings: settings(&conn)?,
    })
}

/// Every object of the schema of `conn`, in the order SQLite lists them.
fn objects(conn: &Connection) -> rusqlite::Result<Vec<SchemaObject>> {
    conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid")?
        .query_map([], |r| {
            Ok(SchemaObject {
                kind: r.get(0)?,
                name: r.get(1)?,
                table: r.get(2)?,
                sql: r.get::<_, Option<String>>(3)?.map(|s| normalise_sql(&s)),
            })
        })?
        .collect()
}

fn settings(conn: &Connection) -> rusqlite::Result<Vec<(&'static str, String)>> {
    SETTINGS
        .iter()
        .map(|name| {
            let value: rusqlite::types::Value =
                conn.pragma_query_value(None, name, |r| r.get(0))?;
            let text = match value {
                rusqlite::types::Value::Integer(n) => n.to_string(),
                rusqlite::types::Value::Text(t) => t,
                other => format!("{other:?}"),
            };
            Ok((*name, text))
        })
        .collect()
}

/// The first difference between the objects `found` and those `expected`: an extra or changed
/// object in the order of `found`, else a missing one in the order of `expected`.
fn compare(found: &[SchemaObject], expected: &[SchemaObject]) -> Option<Difference> {
    let key = |o: &SchemaObject| (o.kind.clone(), o.name.clone());
    let wanted: std::collections::HashMap<_, _> = expected.iter().map(|o| (key(o), o)).collect();
    let difference = |change, o: &SchemaObject| Difference {
        change,
        kind: o.kind.clone(),
        name: o.name.clone(),
    };
    for object in found {
        match wanted.get(&key(object)) {
            None => return Some(difference(Change::Extra, object)),
            Some(w) if w.table != object.table || w.sql != object.sql => {
                return Some(difference(Change::Changed, object));
            }
            Some(_) => {}
        }
    }
    let have: std::collections::HashSet<_> = found.iter().map(key).collect();
    expected
        .iter()
        .find(|o| !have.contains(&key(o)))
        .map(|o| difference(Change::Missing, o))
}

/// `sql` without comments and with each run of whitespace outside quotes as one space (none at
/// the ends), so that layout is never a difference while every token and literal is.
fn normalise_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        let close = match c {
            '\'' => Some('\''),
            '"' => Some('"'),
            '`' => Some('`'),
            '[' => Some(']'),
            _ => None,
        };
        if let Some(close) = close {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
            // A doubled quote inside is an escaped one: closing and reopening gives the same
            // text, so it needs no special case.
            for inner in chars.by_ref() {
                out.push(inner);
                if inner == close {
                    break;
                }
            }
            continue;
        }
        if c == '-' && chars.peek() == Some(&'-') {
            for inner in chars.by_ref() {
                if inner == '\n' {
                    break;
                }
            }
            space = true;
            continue;
        }
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut last = ' ';
            for inner in chars.by_ref() {
                if last == '*' && inner == '/' {
                    break;
                }
                last = inner;
            }
            space = true;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests;
