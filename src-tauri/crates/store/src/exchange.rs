//! The `package_export`, `scope_publication` and `scope_sharing` tables. Written against
//! [`Sql`]: the same statements on SQLite and PostgreSQL (dates sort alike under any
//! collation: one format, one length).

use crate::Result;
use crate::sql::{Row, Sql, SqlExt as _, params};

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

pub fn record_export(conn: &(impl Sql + ?Sized), e: &ExportRecord) -> Result<i64> {
    conn.insert_id(
        "INSERT INTO package_export (scope_id, level, path, sha256, generated_at) VALUES (?1, ?2, ?3, ?4, ?5)
         RETURNING id",
        params![e.scope_id, &e.level, &e.path, &e.sha256, &e.generated_at],
    )
}

pub fn exports(conn: &(impl Sql + ?Sized)) -> Result<Vec<ExportRecord>> {
    conn.query_map(
        "SELECT id, scope_id, level, path, sha256, generated_at FROM package_export ORDER BY id",
        params![],
        |r| {
            Ok(ExportRecord {
                id: r.get(0)?,
                scope_id: r.get(1)?,
                level: r.get(2)?,
                path: r.get(3)?,
                sha256: r.get(4)?,
                generated_at: r.get(5)?,
            })
        },
    )
}

/// The publication level of `scope` (`do-not-share` when never set).
pub fn publication(conn: &(impl Sql + ?Sized), scope: i64) -> Result<String> {
    Ok(conn
        .optional(
            "SELECT level FROM scope_publication WHERE scope_id = ?1",
            params![scope],
            |r| r.get(0),
        )?
        .unwrap_or_else(|| "do-not-share".to_owned()))
}

pub fn set_publication(conn: &(impl Sql + ?Sized), scope: i64, level: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO scope_publication (scope_id, level) VALUES (?1, ?2)
         ON CONFLICT (scope_id) DO UPDATE SET level = excluded.level",
        params![scope, level],
    )?;
    Ok(())
}

pub fn add_sharing(conn: &(impl Sql + ?Sized), s: &SharingRecord) -> Result<i64> {
    conn.insert_id(
        "INSERT INTO scope_sharing (scope_id, partner, participant_id, level, shared_on) VALUES (?1, ?2, ?3, ?4, ?5)
         RETURNING id",
        params![s.scope_id, &s.partner, &s.participant_id, &s.level, &s.shared_on],
    )
}

/// Sharing `id` (an index seek), if there is one.
pub fn sharing(conn: &(impl Sql + ?Sized), id: i64) -> Result<Option<SharingRecord>> {
    Ok(sharings_where(conn, "id = ?1", Some(id))?.pop())
}

/// Corrects sharing `s.id` (partner, Participant-ID, level, date; not its scope).
pub fn update_sharing(conn: &(impl Sql + ?Sized), s: &SharingRecord) -> Result<()> {
    conn.execute(
        "UPDATE scope_sharing SET partner = ?2, participant_id = ?3, level = ?4, shared_on = ?5 WHERE id = ?1",
        params![s.id, &s.partner, &s.participant_id, &s.level, &s.shared_on],
    )?;
    Ok(())
}

/// Deletes sharing `id`: a record entered by mistake (at ENX a sharing cannot be taken back).
pub fn remove_sharing(conn: &(impl Sql + ?Sized), id: i64) -> Result<()> {
    conn.execute("DELETE FROM scope_sharing WHERE id = ?1", params![id])?;
    Ok(())
}

pub fn sharings(conn: &(impl Sql + ?Sized), scope: Option<i64>) -> Result<Vec<SharingRecord>> {
    // The cast tells PostgreSQL the parameter's type where it first meets it (see `sql`).
    sharings_where(conn, "CAST(?1 AS BIGINT) IS NULL OR scope_id = ?1", scope)
}

fn sharings_where(
    conn: &(impl Sql + ?Sized),
    condition: &str,
    key: Option<i64>,
) -> Result<Vec<SharingRecord>> {
    let sql = format!(
        "SELECT id, scope_id, partner, participant_id, level, shared_on FROM scope_sharing
         WHERE {condition} ORDER BY shared_on, id"
    );
    conn.query_map(&sql, params![key], sharing_of)
}

fn sharing_of(r: &Row<'_>) -> Result<SharingRecord> {
    Ok(SharingRecord {
        id: r.get(0)?,
        scope_id: r.get(1)?,
        partner: r.get(2)?,
        participant_id: r.get(3)?,
        level: r.get(4)?,
        shared_on: r.get(5)?,
    })
}

#[cfg(test)]
mod tests;
