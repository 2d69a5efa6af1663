//! The `location` and `location_label` tables. Written against [`Sql`]: the same on SQLite
//! and PostgreSQL, but for the name's case rule (two statements each, below).

use chrono::NaiveDate;
use csmsdesk_core::ids::TisaxId;
use csmsdesk_core::scope::{TisaxLabel, tisax_label_level};

use crate::sql::{Sql, SqlExt as _, params};
use crate::{Error, Result};

/// A stored location with its TISAX labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocationRecord {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub tisax_scope_id: Option<TisaxId>,
    pub cs_activities: bool,
    pub notes: String,
    pub labels: Vec<TisaxLabel>,
    /// The names of the scopes that include it (read, never written through this record).
    pub used_by: Vec<String>,
}

// Names compare and sort without ASCII case: SQLite's `COLLATE NOCASE` columns; PostgreSQL
// compares as its unique index on `lower(name)` does and sorts by `lower(name COLLATE "C")`
// (the same order as NOCASE; see `sql`).
const NAME_TAKEN: [&str; 2] = [
    "SELECT EXISTS (SELECT 1 FROM location WHERE name = ?1)",
    "SELECT EXISTS (SELECT 1 FROM location WHERE lower(name) = lower(?1))",
];
const BY_NAME: [&str; 2] = ["ORDER BY name", r#"ORDER BY lower(name COLLATE "C")"#];
const NAMES: [&str; 2] = [
    "SELECT id, name FROM location ORDER BY name",
    r#"SELECT id, name FROM location ORDER BY lower(name COLLATE "C")"#,
];
const USED_BY: [&str; 2] = [
    "SELECT s.name FROM scope s JOIN scope_location l ON l.scope_id = s.id WHERE l.location_id = ?1 ORDER BY s.name",
    r#"SELECT s.name FROM scope s JOIN scope_location l ON l.scope_id = s.id WHERE l.location_id = ?1 ORDER BY lower(s.name COLLATE "C")"#,
];
/// A label's text sorts by its bytes (SQLite's BINARY; "C" on PostgreSQL).
const LABELS: [&str; 2] = [
    "SELECT label, level, expires FROM location_label WHERE location_id = ?1 ORDER BY expires, label",
    r#"SELECT label, level, expires FROM location_label WHERE location_id = ?1 ORDER BY expires, label COLLATE "C""#,
];

/// Stores a new location (without its id) and returns the id.
pub fn insert(tx: &(impl Sql + ?Sized), location: &LocationRecord) -> Result<i64> {
    let id = tx.insert_id(
        "INSERT INTO location (name, address, tisax_scope_id, cs_activities, notes) VALUES (?1, ?2, ?3, ?4, ?5)
         RETURNING id",
        params![
            &location.name,
            &location.address,
            location.tisax_scope_id.as_ref().map(TisaxId::as_str),
            location.cs_activities,
            &location.notes
        ],
    )?;
    for label in &location.labels {
        insert_label(tx, id, label)?;
    }
    Ok(id)
}

/// Replaces what location `location.id` holds: its details and its whole label list (a
/// label removed here was entered by mistake; a renewal adds one with `add_label`).
pub fn update(tx: &(impl Sql + ?Sized), location: &LocationRecord) -> Result<()> {
    tx.execute(
        "UPDATE location SET name = ?2, address = ?3, tisax_scope_id = ?4, cs_activities = ?5, notes = ?6
         WHERE id = ?1",
        params![
            location.id,
            &location.name,
            &location.address,
            location.tisax_scope_id.as_ref().map(TisaxId::as_str),
            location.cs_activities,
            &location.notes
        ],
    )?;
    tx.execute(
        "DELETE FROM location_label WHERE location_id = ?1",
        params![location.id],
    )?;
    for label in &location.labels {
        insert_label(tx, location.id, label)?;
    }
    Ok(())
}

/// Adds a TISAX label to location `id` (a renewed label; the old one stays as history).
pub fn add_label(conn: &(impl Sql + ?Sized), id: i64, label: &TisaxLabel) -> Result<()> {
    insert_label(conn, id, label)
}

/// Stores one label of location `id`, refusing a level its label cannot have (core's
/// `tisax_label_level`).
fn insert_label(conn: &(impl Sql + ?Sized), id: i64, label: &TisaxLabel) -> Result<()> {
    if tisax_label_level(&label.label) != Some(label.level) {
        return Err(Error::Refused {
            column: "location_label.level",
            value: format!("{} AL{}", label.label, label.level),
        });
    }
    conn.execute(
        "INSERT INTO location_label (location_id, label, level, expires) VALUES (?1, ?2, ?3, ?4)",
        params![id, &label.label, label.level, &label.expires.to_string()],
    )?;
    Ok(())
}

/// The names of the scopes that include location `id`.
pub fn used_by(conn: &(impl Sql + ?Sized), id: i64) -> Result<Vec<String>> {
    conn.query_map(conn.pick(USED_BY), params![id], |r| r.get(0))
}

/// Deletes location `id` with its labels; the caller checks first that no scope uses it.
pub fn delete(conn: &(impl Sql + ?Sized), id: i64) -> Result<()> {
    conn.execute("DELETE FROM location WHERE id = ?1", params![id])?;
    Ok(())
}

/// Whether a location of that name exists (names compare without case).
pub fn name_taken(conn: &(impl Sql + ?Sized), name: &str) -> Result<bool> {
    conn.query_row(conn.pick(NAME_TAKEN), params![name], |r| r.get(0))
}

/// Every location with its labels, by name.
pub fn list(conn: &(impl Sql + ?Sized)) -> Result<Vec<LocationRecord>> {
    select(conn, conn.pick(BY_NAME), None)
}

/// Location `id` with its labels (an index seek), if there is one.
pub fn get(conn: &(impl Sql + ?Sized), id: i64) -> Result<Option<LocationRecord>> {
    Ok(select(conn, "WHERE id = ?1", Some(id))?.pop())
}

/// Every location's id and name, by name.
pub fn names(conn: &(impl Sql + ?Sized)) -> Result<Vec<(i64, String)>> {
    conn.query_map(conn.pick(NAMES), params![], |r| Ok((r.get(0)?, r.get(1)?)))
}

/// The locations `rest` (a WHERE and/or ORDER BY clause, with `?1` bound to `id`) selects.
fn select(conn: &(impl Sql + ?Sized), rest: &str, id: Option<i64>) -> Result<Vec<LocationRecord>> {
    let sql = format!(
        "SELECT id, name, address, tisax_scope_id, cs_activities, notes FROM location {rest}"
    );
    let key = id.map(crate::sql::Value::Int);
    let mut locations = conn.query_map(&sql, key.as_slice(), |r| {
        let tisax_scope_id = r
            .get::<Option<String>>(3)?
            .map(|s| {
                TisaxId::parse(&s).map_err(|_| Error::Corrupt {
                    column: "location.tisax_scope_id",
                    value: s,
                })
            })
            .transpose()?;
        Ok(LocationRecord {
            id: r.get(0)?,
            name: r.get(1)?,
            address: r.get(2)?,
            tisax_scope_id,
            cs_activities: r.get(4)?,
            notes: r.get(5)?,
            labels: Vec::new(),
            used_by: Vec::new(),
        })
    })?;
    for location in &mut locations {
        location.labels = conn.query_map(conn.pick(LABELS), params![location.id], |r| {
            let expires: String = r.get(2)?;
            let expires =
                NaiveDate::parse_from_str(&expires, "%Y-%m-%d").map_err(|_| Error::Corrupt {
                    column: "location_label.expires",
                    value: expires,
                })?;
            Ok(TisaxLabel {
                label: r.get(0)?,
                level: r.get::<i64>(1)? as u8,
                expires,
            })
        })?;
        location.used_by = used_by(conn, location.id)?;
    }
    Ok(locations)
}

#[cfg(test)]
mod tests;
