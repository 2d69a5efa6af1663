//! Protection objects of a scope, the chosen samples and the sample checks. Written against
//! [`Sql`]: the same on SQLite and PostgreSQL, but for the name's case rule and the order of
//! texts (two statements each, below).

use csmsdesk_core::ids::TisaxId;
use csmsdesk_core::scope::Objective;

use crate::sql::{Sql, SqlExt as _, params};
use crate::{Error, Result};

// Names compare and sort without ASCII case (SQLite's `COLLATE NOCASE` column; PostgreSQL's
// unique index on `lower(name)` and NOCASE's order under "C": see `sql`); question ids sort
// by their bytes.
const NAME_TAKEN: [&str; 2] = [
    "SELECT EXISTS (SELECT 1 FROM protection_object WHERE scope_id = ?1 AND name = ?2)",
    "SELECT EXISTS (SELECT 1 FROM protection_object WHERE scope_id = ?1 AND lower(name) = lower(?2))",
];
const BY_NAME: [&str; 2] = [
    "WHERE scope_id = ?1 ORDER BY name",
    r#"WHERE scope_id = ?1 ORDER BY lower(name COLLATE "C")"#,
];
const CHECKS: [&str; 2] = [
    "SELECT question_id, status, note FROM sample_check WHERE protection_object_id = ?1 ORDER BY question_id",
    r#"SELECT question_id, status, note FROM sample_check WHERE protection_object_id = ?1 ORDER BY question_id COLLATE "C""#,
];

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

pub fn insert(tx: &(impl Sql + ?Sized), po: &ProtectionObjectRecord) -> Result<i64> {
    let id = tx.insert_id(
        "INSERT INTO protection_object (scope_id, name, item, customer, partner_participant_id, confidentiality,
             integrity, availability, lifecycle_phases)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         RETURNING id",
        params![
            po.scope_id,
            &po.name,
            &po.item,
            &po.customer,
            po.partner_participant_id.as_ref().map(TisaxId::as_str),
            po.confidentiality,
            po.integrity,
            po.availability,
            &po.lifecycle_phases
        ],
    )?;
    for objective in &po.objectives {
        tx.execute(
            "INSERT INTO protection_object_objective (protection_object_id, objective) VALUES (?1, ?2)",
            params![id, objective.as_str()],
        )?;
    }
    for location in &po.location_ids {
        tx.execute(
            "INSERT INTO protection_object_location (protection_object_id, location_id) VALUES (?1, ?2)",
            params![id, *location],
        )?;
    }
    Ok(id)
}

/// Replaces every field of protection object `po.id` (not its scope), its objectives and its
/// locations; it leaves the samples of objectives it no longer has.
pub fn update(tx: &(impl Sql + ?Sized), po: &ProtectionObjectRecord) -> Result<()> {
    tx.execute(
        "UPDATE protection_object SET name = ?2, item = ?3, customer = ?4, partner_participant_id = ?5,
             confidentiality = ?6, integrity = ?7, availability = ?8, lifecycle_phases = ?9
         WHERE id = ?1",
        params![
            po.id,
            &po.name,
            &po.item,
            &po.customer,
            po.partner_participant_id.as_ref().map(TisaxId::as_str),
            po.confidentiality,
            po.integrity,
            po.availability,
            &po.lifecycle_phases
        ],
    )?;
    tx.execute(
        "DELETE FROM protection_object_objective WHERE protection_object_id = ?1",
        params![po.id],
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
        params![po.id],
    )?;
    tx.execute(
        "DELETE FROM protection_object_location WHERE protection_object_id = ?1",
        params![po.id],
    )?;
    for location in &po.location_ids {
        tx.execute(
            "INSERT INTO protection_object_location (protection_object_id, location_id) VALUES (?1, ?2)",
            params![po.id, *location],
        )?;
    }
    Ok(())
}

/// Deletes protection object `id` with its sample entries and checks.
pub fn delete(conn: &(impl Sql + ?Sized), id: i64) -> Result<()> {
    conn.execute("DELETE FROM protection_object WHERE id = ?1", params![id])?;
    Ok(())
}

pub fn name_taken(conn: &(impl Sql + ?Sized), scope: i64, name: &str) -> Result<bool> {
    conn.query_row(conn.pick(NAME_TAKEN), params![scope, name], |r| r.get(0))
}

/// The protection objects of scope `scope`, by name.
pub fn list(conn: &(impl Sql + ?Sized), scope: i64) -> Result<Vec<ProtectionObjectRecord>> {
    select(conn, conn.pick(BY_NAME), scope)
}

/// Protection object `id` (an index seek), if there is one.
pub fn get(conn: &(impl Sql + ?Sized), id: i64) -> Result<Option<ProtectionObjectRecord>> {
    Ok(select(conn, "WHERE id = ?1", id)?.pop())
}

/// The protection objects `rest` (a WHERE clause on `?1`, maybe with an ORDER BY) selects.
fn select(conn: &(impl Sql + ?Sized), rest: &str, key: i64) -> Result<Vec<ProtectionObjectRecord>> {
    let sql = format!(
        "SELECT id, name, item, customer, partner_participant_id, confidentiality, integrity, availability,
                lifecycle_phases, scope_id
         FROM protection_object {rest}"
    );
    let mut objects = conn.query_map(&sql, params![key], |r| {
        let partner_participant_id = r
            .get::<Option<String>>(4)?
            .map(|p| {
                TisaxId::parse(&p).map_err(|_| Error::Corrupt {
                    column: "protection_object.partner_participant_id",
                    value: p,
                })
            })
            .transpose()?;
        Ok(ProtectionObjectRecord {
            id: r.get(0)?,
            scope_id: r.get(9)?,
            name: r.get(1)?,
            item: r.get(2)?,
            customer: r.get(3)?,
            partner_participant_id,
            confidentiality: r.get(5)?,
            integrity: r.get(6)?,
            availability: r.get(7)?,
            lifecycle_phases: r.get(8)?,
            objectives: Vec::new(),
            location_ids: Vec::new(),
        })
    })?;
    for po in &mut objects {
        let names: Vec<String> = conn.query_map(
            "SELECT objective FROM protection_object_objective WHERE protection_object_id = ?1",
            params![po.id],
            |r| r.get(0),
        )?;
        po.objectives = names.iter().filter_map(|n| Objective::parse(n)).collect();
        po.objectives.sort();
        // In the order of the primary key, which SQLite's plan gave without being asked.
        po.location_ids = conn.query_map(
            "SELECT location_id FROM protection_object_location WHERE protection_object_id = ?1
             ORDER BY location_id",
            params![po.id],
            |r| r.get(0),
        )?;
    }
    Ok(objects)
}

/// The chosen sample of scope `scope` for `objective`: protection object ids.
pub fn sample(conn: &(impl Sql + ?Sized), scope: i64, objective: Objective) -> Result<Vec<i64>> {
    conn.query_map(
        "SELECT protection_object_id FROM sample WHERE scope_id = ?1 AND objective = ?2 ORDER BY protection_object_id",
        params![scope, objective.as_str()],
        |r| r.get(0),
    )
}

/// Replaces the sample of scope `scope` for `objective`.
pub fn set_sample(
    tx: &(impl Sql + ?Sized),
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
            params![scope, objective.as_str(), *po],
        )?;
    }
    Ok(())
}

/// Records the sample check of protection object `po` against `question`.
pub fn set_check(
    conn: &(impl Sql + ?Sized),
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
pub fn checks(conn: &(impl Sql + ?Sized), po: i64) -> Result<Vec<(String, CheckStatus, String)>> {
    conn.query_map(conn.pick(CHECKS), params![po], |r| {
        let status: String = r.get(1)?;
        let status = CheckStatus::parse(&status).ok_or(Error::Corrupt {
            column: "sample_check.status",
            value: status,
        })?;
        Ok((r.get(0)?, status, r.get(2)?))
    })
}

#[cfg(test)]
mod tests;
