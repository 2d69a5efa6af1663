//! The `scope` table and what hangs on a scope: locations, objectives, applicability
//! overrides and should-deviations. Written against [`Sql`]: the same on SQLite and
//! PostgreSQL, but for the name's case rule (two statements each, below); moving scopes to a
//! new catalogue version still needs SQLite's transaction: its own statements and
//! `audit::rename_questions` run through the layer, `evidence::move_links` not yet.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use csmsdesk_core::ids::TisaxId;
use csmsdesk_core::scope::Objective;

use crate::sql::{Sql, SqlExt as _, params};
use crate::{Error, Result};

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

// Names compare and sort without ASCII case: SQLite's `COLLATE NOCASE` column; PostgreSQL
// compares as its unique index on `lower(name)` does and sorts by `lower(name COLLATE "C")`
// (NOCASE's order; see `sql`).
const NAME_TAKEN: [&str; 2] = [
    "SELECT EXISTS (SELECT 1 FROM scope WHERE name = ?1)",
    "SELECT EXISTS (SELECT 1 FROM scope WHERE lower(name) = lower(?1))",
];
const BY_NAME: [&str; 2] = ["ORDER BY name", r#"ORDER BY lower(name COLLATE "C")"#];
const NAMES: [&str; 2] = [
    "SELECT id, name FROM scope ORDER BY name",
    r#"SELECT id, name FROM scope ORDER BY lower(name COLLATE "C")"#,
];

/// Stores a new scope (its `id` is ignored) with its locations and objectives.
pub fn insert(tx: &(impl Sql + ?Sized), scope: &ScopeRecord) -> Result<i64> {
    let date = scope.planned_audit_date.map(|d| d.to_string());
    let id = tx.insert_id(
        "INSERT INTO scope (name, enx_scope_id, catalogue_id, planned_audit_date, audit_provider)
         VALUES (?1, ?2, ?3, ?4, ?5)
         RETURNING id",
        params![
            &scope.name,
            scope.enx_scope_id.as_ref().map(TisaxId::as_str),
            scope.catalogue_id,
            date.as_deref(),
            &scope.audit_provider
        ],
    )?;
    for location in &scope.location_ids {
        tx.execute(
            "INSERT INTO scope_location (scope_id, location_id) VALUES (?1, ?2)",
            params![id, *location],
        )?;
    }
    set_objectives(tx, id, &scope.objectives)?;
    Ok(id)
}

/// Replaces the details of scope `id` that the wizard set: name, ENX Scope-ID, planned audit
/// date, audit provider and locations (objectives: `set_objectives`).
pub fn update_details(tx: &(impl Sql + ?Sized), scope: &ScopeRecord) -> Result<()> {
    let date = scope.planned_audit_date.map(|d| d.to_string());
    tx.execute(
        "UPDATE scope SET name = ?5, enx_scope_id = ?2, planned_audit_date = ?3, audit_provider = ?4 WHERE id = ?1",
        params![
            scope.id,
            scope.enx_scope_id.as_ref().map(TisaxId::as_str),
            date.as_deref(),
            &scope.audit_provider,
            &scope.name
        ],
    )?;
    tx.execute(
        "DELETE FROM scope_location WHERE scope_id = ?1",
        params![scope.id],
    )?;
    for location in &scope.location_ids {
        tx.execute(
            "INSERT INTO scope_location (scope_id, location_id) VALUES (?1, ?2)",
            params![scope.id, *location],
        )?;
    }
    // A protection object keeps only the locations its scope still has.
    tx.execute(
        "DELETE FROM protection_object_location WHERE protection_object_id IN
             (SELECT id FROM protection_object WHERE scope_id = ?1)
         AND location_id NOT IN (SELECT location_id FROM scope_location WHERE scope_id = ?1)",
        params![scope.id],
    )?;
    Ok(())
}

/// Deletes scope `id` with everything that hangs on it (decisions, protection objects,
/// samples, checks).
pub fn delete(conn: &(impl Sql + ?Sized), id: i64) -> Result<()> {
    conn.execute("DELETE FROM scope WHERE id = ?1", params![id])?;
    Ok(())
}

/// Replaces the objectives of scope `id`.
pub fn set_objectives(tx: &(impl Sql + ?Sized), id: i64, objectives: &[Objective]) -> Result<()> {
    tx.execute(
        "DELETE FROM scope_objective WHERE scope_id = ?1",
        params![id],
    )?;
    for objective in objectives {
        tx.execute(
            "INSERT INTO scope_objective (scope_id, objective) VALUES (?1, ?2)",
            params![id, objective.as_str()],
        )?;
    }
    Ok(())
}

pub fn name_taken(conn: &(impl Sql + ?Sized), name: &str) -> Result<bool> {
    conn.query_row(conn.pick(NAME_TAKEN), params![name], |r| r.get(0))
}

/// Every scope, by name.
pub fn list(conn: &(impl Sql + ?Sized)) -> Result<Vec<ScopeRecord>> {
    select(conn, conn.pick(BY_NAME), None)
}

/// Scope `id` (an index seek), if there is one.
pub fn get(conn: &(impl Sql + ?Sized), id: i64) -> Result<Option<ScopeRecord>> {
    Ok(select(conn, "WHERE id = ?1", Some(id))?.pop())
}

/// Every scope's id and name, by name: what a picker or a name look-up needs.
pub fn names(conn: &(impl Sql + ?Sized)) -> Result<Vec<(i64, String)>> {
    conn.query_map(conn.pick(NAMES), params![], |r| Ok((r.get(0)?, r.get(1)?)))
}

/// The scopes `rest` (a WHERE and/or ORDER BY clause, with `?1` bound to `id`) selects.
fn select(conn: &(impl Sql + ?Sized), rest: &str, id: Option<i64>) -> Result<Vec<ScopeRecord>> {
    let sql = format!(
        "SELECT id, name, enx_scope_id, catalogue_id, planned_audit_date, audit_provider FROM scope {rest}"
    );
    let key = id.map(crate::sql::Value::Int);
    let mut scopes = conn.query_map(&sql, key.as_slice(), |r| {
        let enx_scope_id = r
            .get::<Option<String>>(2)?
            .map(|s| {
                TisaxId::parse(&s).map_err(|_| Error::Corrupt {
                    column: "scope.enx_scope_id",
                    value: s,
                })
            })
            .transpose()?;
        let planned_audit_date = r
            .get::<Option<String>>(4)?
            .map(|d| {
                NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|_| Error::Corrupt {
                    column: "scope.planned_audit_date",
                    value: d,
                })
            })
            .transpose()?;
        Ok(ScopeRecord {
            id: r.get(0)?,
            name: r.get(1)?,
            enx_scope_id,
            catalogue_id: r.get(3)?,
            planned_audit_date,
            audit_provider: r.get(5)?,
            location_ids: Vec::new(),
            objectives: Vec::new(),
        })
    })?;
    for scope in &mut scopes {
        scope.location_ids = conn.query_map(
            "SELECT location_id FROM scope_location WHERE scope_id = ?1 ORDER BY location_id",
            params![scope.id],
            |r| r.get(0),
        )?;
        scope.objectives = conn.query_map(
            "SELECT objective FROM scope_objective WHERE scope_id = ?1",
            params![scope.id],
            |r| {
                let name: String = r.get(0)?;
                Objective::parse(&name).ok_or(Error::Corrupt {
                    column: "scope_objective.objective",
                    value: name,
                })
            },
        )?;
        scope.objectives.sort();
    }
    Ok(scopes)
}

/// The user's applicability decisions: question → (applicable, justification).
pub fn overrides(
    conn: &(impl Sql + ?Sized),
    scope: i64,
) -> Result<BTreeMap<String, (bool, String)>> {
    Ok(conn
        .query_map(
            "SELECT question_id, applicable, justification FROM scope_question WHERE scope_id = ?1",
            params![scope],
            |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))),
        )?
        .into_iter()
        .collect())
}

/// Records the user's decision for one question (`None` returns it to the matrix default).
pub fn set_override(
    conn: &(impl Sql + ?Sized),
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
        None => conn.execute(
            "DELETE FROM scope_question WHERE scope_id = ?1 AND question_id = ?2",
            params![scope, question],
        )?,
    };
    Ok(())
}

/// Recorded should-deviations: requirement → justification.
pub fn deviations(conn: &(impl Sql + ?Sized), scope: i64) -> Result<BTreeMap<String, String>> {
    Ok(conn
        .query_map(
            "SELECT requirement_id, justification FROM scope_deviation WHERE scope_id = ?1",
            params![scope],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?
        .into_iter()
        .collect())
}

/// Records (or with `None` withdraws) a deviation from a should-requirement.
pub fn set_deviation(
    conn: &(impl Sql + ?Sized),
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
    tx: &(impl Sql + ?Sized),
    old: i64,
    new: i64,
    map: &dyn Fn(&str) -> String,
) -> Result<usize> {
    let scopes: Vec<i64> = tx.query_map(
        "SELECT id FROM scope WHERE catalogue_id = ?1",
        params![old],
        |r| r.get(0),
    )?;
    for scope in &scopes {
        for (table, column) in [
            ("scope_question", "question_id"),
            ("scope_deviation", "requirement_id"),
            ("scope_assessment", "question_id"),
        ] {
            let ids: Vec<String> = tx.query_map(
                &format!("SELECT {column} FROM {table} WHERE scope_id = ?1"),
                params![*scope],
                |r| r.get(0),
            )?;
            // Two passes through a temporary name, so that swapped IDs never collide.
            for id in &ids {
                tx.execute(
                    &format!("UPDATE {table} SET {column} = '~' || {column} WHERE scope_id = ?1 AND {column} = ?2"),
                    params![*scope, id],
                )?;
            }
            for id in &ids {
                tx.execute(
                    &format!("UPDATE {table} SET {column} = ?3 WHERE scope_id = ?1 AND {column} = '~' || ?2"),
                    params![*scope, id, &map(id)],
                )?;
            }
        }
        crate::audit::rename_questions(tx, *scope, map)?;
        let checks: Vec<(i64, String)> = tx.query_map(
            "SELECT c.protection_object_id, c.question_id FROM sample_check c
             JOIN protection_object p ON p.id = c.protection_object_id WHERE p.scope_id = ?1",
            params![*scope],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        for (po, question) in &checks {
            tx.execute(
                "UPDATE sample_check SET question_id = '~' || question_id WHERE protection_object_id = ?1 AND question_id = ?2",
                params![*po, question],
            )?;
        }
        for (po, question) in &checks {
            tx.execute(
                "UPDATE sample_check SET question_id = ?3 WHERE protection_object_id = ?1 AND question_id = '~' || ?2",
                params![*po, question, &map(question)],
            )?;
        }
    }
    crate::evidence::move_links(tx, old, new, map)?;
    tx.execute(
        "UPDATE scope SET catalogue_id = ?2 WHERE catalogue_id = ?1",
        params![old, new],
    )?;
    Ok(scopes.len())
}

#[cfg(test)]
mod tests;
