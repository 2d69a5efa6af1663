//! Protection objects of a scope, the chosen samples and the sample checks.

use csmsdesk_core::ids::TisaxId;
use csmsdesk_core::scope::Objective;
use rusqlite::{Connection, params};

use crate::{Error, Result, Transaction};

/// A stored protection object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtectionObjectRecord {
    pub id: i64,
    pub scope_id: i64,
    pub name: String,
    /// The item or component.
    pub item: String,
    /// The customer (OEM) it belongs to.
    pub customer: String,
    pub partner_participant_id: Option<TisaxId>,
    pub confidentiality: bool,
    pub integrity: bool,
    pub availability: bool,
    /// Lifecycle phases, comma-separated as entered.
    pub lifecycle_phases: String,
    pub objectives: Vec<Objective>,
    pub location_ids: Vec<i64>,
}

/// The state of one sample check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckStatus {
    Open,
    Consistent,
    Deviation,
}

impl CheckStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckStatus::Open => "open",
            CheckStatus::Consistent => "consistent",
            CheckStatus::Deviation => "deviation",
        }
    }

    pub fn parse(name: &str) -> Option<CheckStatus> {
        [
            CheckStatus::Open,
            CheckStatus::Consistent,
            CheckStatus::Deviation,
        ]
        .into_iter()
        .find(|s| s.as_str() == name)
    }
}

pub fn insert(tx: &Transaction<'_>, po: &ProtectionObjectRecord) -> Result<i64> {
    tx.execute(
        "INSERT INTO protection_object (scope_id, name, item, customer, partner_participant_id, confidentiality,
             integrity, availability, lifecycle_phases)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            po.scope_id,
            po.name,
            po.item,
            po.customer,
            po.partner_participant_id.as_ref().map(TisaxId::as_str),
            po.confidentiality,
            po.integrity,
            po.availability,
            po.lifecycle_phases
        ],
    )?;
    let id = tx.last_insert_rowid();
    for objective in &po.objectives {
        tx.execute(
            "INSERT INTO protection_object_objective (protection_object_id, objective) VALUES (?1, ?2)",
            params![id, objective.as_str()],
        )?;
    }
    for location in &po.location_ids {
        tx.execute(
            "INSERT INTO protection_object_location (protection_object_id, location_id) VALUES (?1, ?2)",
            [id, *location],
        )?;
    }
    Ok(id)
}

/// Replaces every field of protection object `po.id` (not its scope), its objectives and its
/// locations; it leaves the samples of objectives it no longer has.
pub fn update(tx: &Transaction<'_>, po: &ProtectionObjectRecord) -> Result<()> {
    tx.execute(
        "UPDATE protection_object SET name = ?2, item = ?3, customer = ?4, partner_participant_id = ?5,
             confidentiality = ?6, integrity = ?7, availability = ?8, lifecycle_phases = ?9
         WHERE id = ?1",
        params![
            po.id,
            po.name,
            po.item,
            po.customer,
            po.partner_participant_id.as_ref().map(TisaxId::as_str),
            po.confidentiality,
            po.integrity,
            po.availability,
            po.lifecycle_phases
        ],
    )?;
    tx.execute(
        "DELETE FROM protection_object_objective WHERE protection_object_id = ?1",
        [po.id],
    )?;
    for objective in &po.objectives {
        tx.execute(
            "INSERT INTO protection_object_objective (protection_object_id, objective) VALUES (?1, ?2)",
            params![po.id, objective.as_str()],
        )?;
    }
    tx.execute(
        "DELETE FROM sample WHERE protection_object_id = ?1
         AND objective NOT IN (SELECT objective FROM protection_object_objective WHERE protection_object_id = ?1)",
        [po.id],
    )?;
    tx.execute(
        "DELETE FROM protection_object_location WHERE protection_object_id = ?1",
        [po.id],
    )?;
    for location in &po.location_ids {
        tx.execute(
            "INSERT INTO protection_object_location (protection_object_id, location_id) VALUES (?1, ?2)",
            [po.id, *location],
        )?;
    }
    Ok(())
}

/// Deletes protection object `id` with its sample entries and checks.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM protection_object WHERE id = ?1", [id])?;
    Ok(())
}

pub fn name_taken(conn: &Connection, scope: i64, name: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM protection_object WHERE scope_id = ?1 AND name = ?2)",
        params![scope, name],
        |r| r.get(0),
    )?)
}

/// The protection objects of scope `scope`, by name.
pub fn list(conn: &Connection, scope: i64) -> Result<Vec<ProtectionObjectRecord>> {
    select(conn, "WHERE scope_id = ?1 ORDER BY name", scope)
}

/// Protection object `id` (an index seek), if there is one.
pub fn get(conn: &Connection, id: i64) -> Result<Option<ProtectionObjectRecord>> {
    Ok(select(conn, "WHERE id = ?1", id)?.pop())
}

/// The protection objects `rest` (a WHERE clause on `?1`, maybe with an ORDER BY) selects.
fn select(conn: &Connection, rest: &str, key: i64) -> Result<Vec<ProtectionObjectRecord>> {
    let sql = format!(
        "SELECT id, name, item, customer, partner_participant_id, confidentiality, integrity, availability,
                lifecycle_phases, scope_id
         FROM protection_object {rest}"
    );
    let mut objects: Vec<ProtectionObjectRecord> = conn
        .prepare(&sql)?
        .query_map([key], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, bool>(5)?,
                r.get::<_, bool>(6)?,
                r.get::<_, bool>(7)?,
                r.get::<_, String>(8)?,
                r.get::<_, i64>(9)?,
            ))
        })?
        .map(|row| {
            let (
                id,
                name,
                item,
                customer,
                partner,
                confidentiality,
                integrity,
                availability,
                lifecycle_phases,
                scope_id,
            ) = row?;
            let partner_participant_id = partner
                .map(|p| {
                    TisaxId::parse(&p).map_err(|_| Error::Corrupt {
                        column: "protection_object.partner_participant_id",
                        value: p,
                    })
                })
                .transpose()?;
            Ok(ProtectionObjectRecord {
                id,
                scope_id,
                name,
                item,
                customer,
                partner_participant_id,
                confidentiality,
                integrity,
                availability,
                lifecycle_phases,
                objectives: Vec::new(),
                location_ids: Vec::new(),
            })
        })
        .collect::<Result<_>>()?;
    let mut objectives = conn.prepare(
        "SELECT objective FROM protection_object_objective WHERE protection_object_id = ?1",
    )?;
    let mut locations = conn.prepare(
        "SELECT location_id FROM protection_object_location WHERE protection_object_id = ?1",
    )?;
    for po in &mut objects {
        let names: Vec<String> = objectives
            .query_map([po.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        po.objectives = names.iter().filter_map(|n| Objective::parse(n)).collect();
        po.objectives.sort();
        po.location_ids = locations
            .query_map([po.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(objects)
}

/// The chosen sample of scope `scope` for `objective`: protection object ids.
pub fn sample(conn: &Connection, scope: i64, objective: Objective) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare(
        "SELECT protection_object_id FROM sample WHERE scope_id = ?1 AND objective = ?2 ORDER BY protection_object_id",
    )?;
    let ids = stmt
        .query_map(params![scope, objective.as_str()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Replaces the sample of scope `scope` for `objective`.
pub fn set_sample(
    tx: &Transaction<'_>,
    scope: i64,
    objective: Objective,
    objects: &[i64],
) -> Result<()> {
    tx.execute(
        "DELETE FROM sample WHERE scope_id = ?1 AND objective = ?2",
        params![scope, objective.as_str()],
    )?;
    for po in objects {
        tx.execute(
            "INSERT INTO sample (scope_id, objective, protection_object_id) VALUES (?1, ?2, ?3)",
            params![scope, objective.as_str(), po],
        )?;
    }
    Ok(())
}

/// Records the sample check of protection object `po` against `question`.
pub fn set_check(
    conn: &Connection,
    po: i64,
    question: &str,
    status: CheckStatus,
    note: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO sample_check (protection_object_id, question_id, status, note) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (protection_object_id, question_id) DO UPDATE SET status = excluded.status, note = excluded.note",
        params![po, question, status.as_str(), note],
    )?;
    Ok(())
}

/// The recorded sample checks of protection object `po`: (question, status, note).
pub fn checks(conn: &Connection, po: i64) -> Result<Vec<(String, CheckStatus, String)>> {
    let mut stmt =
        conn.prepare("SELECT question_id, status, note FROM sample_check WHERE protection_object_id = ?1 ORDER BY question_id")?;
    let rows = stmt
        .query_map([po], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .map(|row| {
            let (question, status, note) = row?;
            let status = CheckStatus::parse(&status).ok_or(Error::Corrupt {
                column: "sample_check.status",
                value: status,
            })?;
            Ok((question, status, note))
        })
        .collect::<Result<_>>()?;
    Ok(rows)
}
