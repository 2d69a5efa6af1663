//! The `scope` table and what hangs on a scope: locations, objectives, applicability
//! overrides and should-deviations.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use csmsdesk_core::ids::TisaxId;
use csmsdesk_core::scope::Objective;
use rusqlite::{Connection, params};

use crate::{Error, Result, Transaction};

/// A stored VCS scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeRecord {
    pub id: i64,
    pub name: String,
    pub enx_scope_id: Option<TisaxId>,
    pub catalogue_id: Option<i64>,
    pub planned_audit_date: Option<NaiveDate>,
    pub audit_provider: String,
    pub location_ids: Vec<i64>,
    pub objectives: Vec<Objective>,
}

/// Stores a new scope (its `id` is ignored) with its locations and objectives.
pub fn insert(tx: &Transaction<'_>, scope: &ScopeRecord) -> Result<i64> {
    tx.execute(
        "INSERT INTO scope (name, enx_scope_id, catalogue_id, planned_audit_date, audit_provider)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            scope.name,
            scope.enx_scope_id.as_ref().map(TisaxId::as_str),
            scope.catalogue_id,
            scope.planned_audit_date.map(|d| d.to_string()),
            scope.audit_provider
        ],
    )?;
    let id = tx.last_insert_rowid();
    for location in &scope.location_ids {
        tx.execute(
            "INSERT INTO scope_location (scope_id, location_id) VALUES (?1, ?2)",
            [id, *location],
        )?;
    }
    set_objectives(tx, id, &scope.objectives)?;
    Ok(id)
}

/// Replaces the details of scope `id` that the wizard set: name, ENX Scope-ID, planned audit
/// date, audit provider and locations (objectives: `set_objectives`).
pub fn update_details(tx: &Transaction<'_>, scope: &ScopeRecord) -> Result<()> {
    tx.execute(
        "UPDATE scope SET name = ?5, enx_scope_id = ?2, planned_audit_date = ?3, audit_provider = ?4 WHERE id = ?1",
        params![
            scope.id,
            scope.enx_scope_id.as_ref().map(TisaxId::as_str),
            scope.planned_audit_date.map(|d| d.to_string()),
            scope.audit_provider,
            scope.name
        ],
    )?;
    tx.execute("DELETE FROM scope_location WHERE scope_id = ?1", [scope.id])?;
    for location in &scope.location_ids {
        tx.execute(
            "INSERT INTO scope_location (scope_id, location_id) VALUES (?1, ?2)",
            [scope.id, *location],
        )?;
    }
    // A protection object keeps only the locations its scope still has.
    tx.execute(
        "DELETE FROM protection_object_location WHERE protection_object_id IN
             (SELECT id FROM protection_object WHERE scope_id = ?1)
         AND location_id NOT IN (SELECT location_id FROM scope_location WHERE scope_id = ?1)",
        [scope.id],
    )?;
    Ok(())
}

/// Deletes scope `id` with everything that hangs on it (decisions, protection objects,
/// samples, checks).
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM scope WHERE id = ?1", [id])?;
    Ok(())
}

/// Replaces the objectives of scope `id`.
pub fn set_objectives(tx: &Transaction<'_>, id: i64, objectives: &[Objective]) -> Result<()> {
    tx.execute("DELETE FROM scope_objective WHERE scope_id = ?1", [id])?;
    for objective in objectives {
        tx.execute(
            "INSERT INTO scope_objective (scope_id, objective) VALUES (?1, ?2)",
            params![id, objective.as_str()],
        )?;
    }
    Ok(())
}

pub fn name_taken(conn: &Connection, name: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM scope WHERE name = ?1)",
        [name],
        |r| r.get(0),
    )?)
}

/// Every scope, by name.
pub fn list(conn: &Connection) -> Result<Vec<ScopeRecord>> {
    select(conn, "ORDER BY name", None)
}

/// Scope `id` (an index seek), if there is one.
pub fn get(conn: &Connection, id: i64) -> Result<Option<ScopeRecord>> {
    Ok(select(conn, "WHERE id = ?1", Some(id))?.pop())
}

/// Every scope's id and name, by name: what a picker or a name look-up needs.
pub fn names(conn: &Connection) -> Result<Vec<(i64, String)>> {
    Ok(conn
        .prepare("SELECT id, name FROM scope ORDER BY name")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The scopes `rest` (a WHERE and/or ORDER BY clause, with `?1` bound to `id`) selects.
fn select(conn: &Connection, rest: &str, id: Option<i64>) -> Result<Vec<ScopeRecord>> {
    let sql = format!(
        "SELECT id, name, enx_scope_id, catalogue_id, planned_audit_date, audit_provider FROM scope {rest}"
    );
    let mut statement = conn.prepare(&sql)?;
    let params: Vec<i64> = id.into_iter().collect();
    let mut scopes: Vec<ScopeRecord> = statement
        .query_map(rusqlite::params_from_iter(params), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?
        .map(|row| {
            let (id, name, enx, catalogue_id, date, audit_provider) = row?;
            let enx_scope_id = enx
                .map(|s| {
                    TisaxId::parse(&s).map_err(|_| Error::Corrupt {
                        column: "scope.enx_scope_id",
                        value: s,
                    })
                })
                .transpose()?;
            let planned_audit_date = date
                .map(|d| {
                    NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|_| Error::Corrupt {
                        column: "scope.planned_audit_date",
                        value: d,
                    })
                })
                .transpose()?;
            Ok(ScopeRecord {
                id,
                name,
                enx_scope_id,
                catalogue_id,
                planned_audit_date,
                audit_provider,
                location_ids: Vec::new(),
                objectives: Vec::new(),
            })
        })
        .collect::<Result<_>>()?;
    let mut locations = conn.prepare(
        "SELECT location_id FROM scope_location WHERE scope_id = ?1 ORDER BY location_id",
    )?;
    let mut objectives =
        conn.prepare("SELECT objective FROM scope_objective WHERE scope_id = ?1")?;
    for scope in &mut scopes {
        scope.location_ids = locations
            .query_map([scope.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let names: Vec<String> = objectives
            .query_map([scope.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        scope.objectives = names
            .into_iter()
            .map(|n| {
                Objective::parse(&n).ok_or(Error::Corrupt {
                    column: "scope_objective.objective",
                    value: n,
                })
            })
            .collect::<Result<_>>()?;
        scope.objectives.sort();
    }
    Ok(scopes)
}

/// The user's applicability decisions: question → (applicable, justification).
pub fn overrides(conn: &Connection, scope: i64) -> Result<BTreeMap<String, (bool, String)>> {
    let mut stmt = conn.prepare(
        "SELECT question_id, applicable, justification FROM scope_question WHERE scope_id = ?1",
    )?;
    let rows = stmt
        .query_map([scope], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Records the user's decision for one question (`None` returns it to the matrix default).
pub fn set_override(
    conn: &Connection,
    scope: i64,
    question: &str,
    decision: Option<(bool, &str)>,
) -> Result<()> {
    match decision {
        Some((applicable, justification)) => conn.execute(
            "INSERT INTO scope_question (scope_id, question_id, applicable, justification) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (scope_id, question_id) DO UPDATE SET applicable = excluded.applicable,
                 justification = excluded.justification",
            params![scope, question, applicable, justification],
        )?,
        None => conn.execute("DELETE FROM scope_question WHERE scope_id = ?1 AND question_id = ?2", params![scope, question])?,
    };
    Ok(())
}

/// Recorded should-deviations: requirement → justification.
pub fn deviations(conn: &Connection, scope: i64) -> Result<BTreeMap<String, String>> {
    let mut stmt = conn
        .prepare("SELECT requirement_id, justification FROM scope_deviation WHERE scope_id = ?1")?;
    let rows = stmt
        .query_map([scope], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Records (or with `None` withdraws) a deviation from a should-requirement.
pub fn set_deviation(
    conn: &Connection,
    scope: i64,
    requirement: &str,
    justification: Option<&str>,
) -> Result<()> {
    match justification {
        Some(text) => conn.execute(
            "INSERT INTO scope_deviation (scope_id, requirement_id, justification) VALUES (?1, ?2, ?3)
             ON CONFLICT (scope_id, requirement_id) DO UPDATE SET justification = excluded.justification",
            params![scope, requirement, text],
        )?,
        None => conn.execute(
            "DELETE FROM scope_deviation WHERE scope_id = ?1 AND requirement_id = ?2",
            params![scope, requirement],
        )?,
    };
    Ok(())
}

/// Moves every scope on catalogue `old` to catalogue `new`, renaming the question and
/// requirement IDs its decisions, self-assessment and evidence links refer to with `map`
/// (a catalogue version change).
/// Returns the number of scopes moved.
pub fn move_to_catalogue(
    tx: &Transaction<'_>,
    old: i64,
    new: i64,
    map: &dyn Fn(&str) -> String,
) -> Result<usize> {
    let scopes: Vec<i64> = tx
        .prepare("SELECT id FROM scope WHERE catalogue_id = ?1")?
        .query_map([old], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for scope in &scopes {
        for (table, column) in [
            ("scope_question", "question_id"),
            ("scope_deviation", "requirement_id"),
            ("scope_assessment", "question_id"),
        ] {
            let ids: Vec<String> = tx
                .prepare(&format!("SELECT {column} FROM {table} WHERE scope_id = ?1"))?
                .query_map([scope], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            // Two passes through a temporary name, so that swapped IDs never collide.
            for id in &ids {
                tx.execute(
                    &format!("UPDATE {table} SET {column} = '~' || {column} WHERE scope_id = ?1 AND {column} = ?2"),
                    params![scope, id],
                )?;
            }
            for id in &ids {
                tx.execute(
                    &format!("UPDATE {table} SET {column} = ?3 WHERE scope_id = ?1 AND {column} = '~' || ?2"),
                    params![scope, id, map(id)],
                )?;
            }
        }
        crate::audit::rename_questions(tx, *scope, map)?;
        let checks: Vec<(i64, String)> = tx
            .prepare(
                "SELECT c.protection_object_id, c.question_id FROM sample_check c
                 JOIN protection_object p ON p.id = c.protection_object_id WHERE p.scope_id = ?1",
            )?
            .query_map([scope], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (po, question) in &checks {
            tx.execute(
                "UPDATE sample_check SET question_id = '~' || question_id WHERE protection_object_id = ?1 AND question_id = ?2",
                params![po, question],
            )?;
        }
        for (po, question) in &checks {
            tx.execute(
                "UPDATE sample_check SET question_id = ?3 WHERE protection_object_id = ?1 AND question_id = '~' || ?2",
                params![po, question, map(question)],
            )?;
        }
    }
    crate::evidence::move_links(tx, old, new, map)?;
    tx.execute(
        "UPDATE scope SET catalogue_id = ?2 WHERE catalogue_id = ?1",
        [old, new],
    )?;
    Ok(scopes.len())
}

#[cfg(test)]
mod tests;
