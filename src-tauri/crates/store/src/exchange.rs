//! The `package_export`, `scope_publication` and `scope_sharing` tables.

use rusqlite::{Connection, params};

use crate::Result;

/// A package written, as the history keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRecord {
    pub id: i64,
    pub scope_id: Option<i64>,
    pub level: String,
    pub path: String,
    pub sha256: String,
    pub generated_at: String,
}

/// A participant a scope is shared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharingRecord {
    pub id: i64,
    pub scope_id: i64,
    pub partner: String,
    pub participant_id: String,
    pub level: String,
    pub shared_on: String,
}

pub fn record_export(conn: &Connection, e: &ExportRecord) -> Result<i64> {
    conn.execute(
        "INSERT INTO package_export (scope_id, level, path, sha256, generated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![e.scope_id, e.level, e.path, e.sha256, e.generated_at],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn exports(conn: &Connection) -> Result<Vec<ExportRecord>> {
    Ok(conn
        .prepare("SELECT id, scope_id, level, path, sha256, generated_at FROM package_export ORDER BY id")?
        .query_map([], |r| {
            Ok(ExportRecord {
                id: r.get(0)?,
                scope_id: r.get(1)?,
                level: r.get(2)?,
                path: r.get(3)?,
                sha256: r.get(4)?,
                generated_at: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// The publication level of `scope` (`do-not-share` when never set).
pub fn publication(conn: &Connection, scope: i64) -> Result<String> {
    Ok(conn
        .query_row(
            "SELECT level FROM scope_publication WHERE scope_id = ?1",
            [scope],
            |r| r.get(0),
        )
        .unwrap_or_else(|_| "do-not-share".to_owned()))
}

pub fn set_publication(conn: &Connection, scope: i64, level: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO scope_publication (scope_id, level) VALUES (?1, ?2)
         ON CONFLICT (scope_id) DO UPDATE SET level = excluded.level",
        params![scope, level],
    )?;
    Ok(())
}

pub fn add_sharing(conn: &Connection, s: &SharingRecord) -> Result<i64> {
    conn.execute(
        "INSERT INTO scope_sharing (scope_id, partner, participant_id, level, shared_on) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![s.scope_id, s.partner, s.participant_id, s.level, s.shared_on],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Sharing `id` (an index seek), if there is one.
pub fn sharing(conn: &Connection, id: i64) -> Result<Option<SharingRecord>> {
    Ok(sharings_where(conn, "id = ?1", Some(id))?.pop())
}

/// Corrects sharing `s.id` (partner, Participant-ID, level, date; not its scope).
pub fn update_sharing(conn: &Connection, s: &SharingRecord) -> Result<()> {
    conn.execute(
        "UPDATE scope_sharing SET partner = ?2, participant_id = ?3, level = ?4, shared_on = ?5 WHERE id = ?1",
        params![s.id, s.partner, s.participant_id, s.level, s.shared_on],
    )?;
    Ok(())
}

/// Deletes sharing `id`: a record entered by mistake (at ENX a sharing cannot be taken back).
pub fn remove_sharing(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM scope_sharing WHERE id = ?1", [id])?;
    Ok(())
}

pub fn sharings(conn: &Connection, scope: Option<i64>) -> Result<Vec<SharingRecord>> {
    sharings_where(conn, "?1 IS NULL OR scope_id = ?1", scope)
}

fn sharings_where(
    conn: &Connection,
    condition: &str,
    key: Option<i64>,
) -> Result<Vec<SharingRecord>> {
    Ok(conn
        .prepare(&format!(
            "SELECT id, scope_id, partner, participant_id, level, shared_on FROM scope_sharing
             WHERE {condition} ORDER BY shared_on, id"
        ))?
        .query_map([key], |r| {
            Ok(SharingRecord {
                id: r.get(0)?,
                scope_id: r.get(1)?,
                partner: r.get(2)?,
                participant_id: r.get(3)?,
                level: r.get(4)?,
                shared_on: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}
