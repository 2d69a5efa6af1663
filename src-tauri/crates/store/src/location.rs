//! The `location` and `location_label` tables.

use chrono::NaiveDate;
use csmsdesk_core::ids::TisaxId;
use csmsdesk_core::scope::{TisaxLabel, tisax_label_level};
use rusqlite::{Connection, params};

use crate::{Error, Result, Transaction};

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

/// Stores a new location (without its id) and returns the id.
pub fn insert(tx: &Transaction<'_>, location: &LocationRecord) -> Result<i64> {
    tx.execute(
        "INSERT INTO location (name, address, tisax_scope_id, cs_activities, notes) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            location.name,
            location.address,
            location.tisax_scope_id.as_ref().map(TisaxId::as_str),
            location.cs_activities,
            location.notes
        ],
    )?;
    let id = tx.last_insert_rowid();
    for label in &location.labels {
        insert_label(tx, id, label)?;
    }
    Ok(id)
}

/// Replaces what location `location.id` holds: its details and its whole label list (a
/// label removed here was entered by mistake; a renewal adds one with `add_label`).
pub fn update(tx: &Transaction<'_>, location: &LocationRecord) -> Result<()> {
    tx.execute(
        "UPDATE location SET name = ?2, address = ?3, tisax_scope_id = ?4, cs_activities = ?5, notes = ?6
         WHERE id = ?1",
        params![
            location.id,
            location.name,
            location.address,
            location.tisax_scope_id.as_ref().map(TisaxId::as_str),
            location.cs_activities,
            location.notes
        ],
    )?;
    tx.execute(
        "DELETE FROM location_label WHERE location_id = ?1",
        [location.id],
    )?;
    for label in &location.labels {
        insert_label(tx, location.id, label)?;
    }
    Ok(())
}

/// Adds a TISAX label to location `id` (a renewed label; the old one stays as history).
pub fn add_label(conn: &Connection, id: i64, label: &TisaxLabel) -> Result<()> {
    insert_label(conn, id, label)
}

/// Stores one label of location `id`, refusing a level its label cannot have (core's
/// `tisax_label_level`).
fn insert_label(conn: &Connection, id: i64, label: &TisaxLabel) -> Result<()> {
    if tisax_label_level(&label.label) != Some(label.level) {
        return Err(Error::Refused {
            column: "location_label.level",
            value: format!("{} AL{}", label.label, label.level),
        });
    }
    conn.execute(
        "INSERT INTO location_label (location_id, label, level, expires) VALUES (?1, ?2, ?3, ?4)",
        params![id, label.label, label.level, label.expires.to_string()],
    )?;
    Ok(())
}

/// The names of the scopes that include location `id`.
pub fn used_by(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT s.name FROM scope s JOIN scope_location l ON l.scope_id = s.id WHERE l.location_id = ?1 ORDER BY s.name",
    )?;
    let names = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// Deletes location `id` with its labels; the caller checks first that no scope uses it.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM location WHERE id = ?1", [id])?;
    Ok(())
}

/// Whether a location of that name exists (names compare without case).
pub fn name_taken(conn: &Connection, name: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM location WHERE name = ?1)",
        [name],
        |r| r.get(0),
    )?)
}

/// Every location with its labels, by name.
pub fn list(conn: &Connection) -> Result<Vec<LocationRecord>> {
    select(conn, "ORDER BY name", None)
}

/// Location `id` with its labels (an index seek), if there is one.
pub fn get(conn: &Connection, id: i64) -> Result<Option<LocationRecord>> {
    Ok(select(conn, "WHERE id = ?1", Some(id))?.pop())
}

/// Every location's id and name, by name.
pub fn names(conn: &Connection) -> Result<Vec<(i64, String)>> {
    Ok(conn
        .prepare("SELECT id, name FROM location ORDER BY name")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The locations `rest` (a WHERE and/or ORDER BY clause, with `?1` bound to `id`) selects.
fn select(conn: &Connection, rest: &str, id: Option<i64>) -> Result<Vec<LocationRecord>> {
    let sql = format!(
        "SELECT id, name, address, tisax_scope_id, cs_activities, notes FROM location {rest}"
    );
    let mut statement = conn.prepare(&sql)?;
    let params: Vec<i64> = id.into_iter().collect();
    let mut locations: Vec<LocationRecord> = statement
        .query_map(rusqlite::params_from_iter(params), |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?
        .map(|row| {
            let (id, name, address, scope_id, cs_activities, notes) = row?;
            let tisax_scope_id = scope_id
                .map(|s| {
                    TisaxId::parse(&s).map_err(|_| Error::Corrupt {
                        column: "location.tisax_scope_id",
                        value: s,
                    })
                })
                .transpose()?;
            Ok(LocationRecord {
                id,
                name,
                address,
                tisax_scope_id,
                cs_activities,
                notes,
                labels: Vec::new(),
                used_by: Vec::new(),
            })
        })
        .collect::<Result<_>>()?;
    let mut labels = conn.prepare(
        "SELECT label, level, expires FROM location_label WHERE location_id = ?1 ORDER BY expires, label",
    )?;
    for location in &mut locations {
        location.labels = labels
            .query_map([location.id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?
            .map(|row| {
                let (label, level, expires) = row?;
                let expires = NaiveDate::parse_from_str(&expires, "%Y-%m-%d").map_err(|_| {
                    Error::Corrupt {
                        column: "location_label.expires",
                        value: expires,
                    }
                })?;
                Ok(TisaxLabel {
                    label,
                    level: level as u8,
                    expires,
                })
            })
            .collect::<Result<_>>()?;
        location.used_by = used_by(conn, location.id)?;
    }
    Ok(locations)
}
