//! Changing and removing findings, corrective actions and audits. Every change goes through
//! the journal's triggers like any other; what cascades (a finding's actions, an audit's
//! results and findings) is journalled row by row as SQLite deletes it.

use rusqlite::params;

use super::{ActionRecord, FindingRecord, link_action_evidence};
use crate::Result;

/// Replaces what describes finding `f.id` (its audit stays); false if there is none.
pub fn update_finding(tx: &(impl crate::sql::Sql + ?Sized), f: &FindingRecord) -> Result<bool> {
    let tx = tx.sqlite()?;
    Ok(tx.execute(
        "UPDATE finding SET question_id = ?2, protection_object_id = ?3, kind = ?4, description = ?5
         WHERE id = ?1",
        params![
            f.id,
            f.question_id,
            f.protection_object_id,
            f.kind.as_str(),
            f.description
        ],
    )? == 1)
}

/// Removes finding `id` and (by the schema's cascade) its corrective actions; false if there
/// is none.
pub fn delete_finding(tx: &(impl crate::sql::Sql + ?Sized), id: i64) -> Result<bool> {
    let tx = tx.sqlite()?;
    Ok(tx.execute("DELETE FROM finding WHERE id = ?1", [id])? == 1)
}

/// How many corrective actions finding `id` has.
pub fn action_count(conn: &(impl crate::sql::Sql + ?Sized), finding: i64) -> Result<i64> {
    let conn = conn.sqlite()?;
    Ok(conn.query_row(
        "SELECT count(*) FROM corrective_action WHERE finding_id = ?1",
        [finding],
        |r| r.get(0),
    )?)
}

/// How many findings and corrective actions audit `id` has.
pub fn audit_counts(conn: &(impl crate::sql::Sql + ?Sized), audit: i64) -> Result<(i64, i64)> {
    let conn = conn.sqlite()?;
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM finding WHERE audit_id = ?1),
                (SELECT count(*) FROM corrective_action
                  WHERE finding_id IN (SELECT id FROM finding WHERE audit_id = ?1))",
        [audit],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// Replaces every field of corrective action `a.id` and its evidence; its finding stays.
/// False if there is none.
pub fn update_action(tx: &(impl crate::sql::Sql + ?Sized), a: &ActionRecord) -> Result<bool> {
    let tx = tx.sqlite()?;
    let changed = tx.execute(
        "UPDATE corrective_action SET description = ?2, owner = ?3, department = ?4, due = ?5,
             justification = ?6, status = ?7
         WHERE id = ?1",
        params![
            a.id,
            a.description,
            a.owner,
            a.department,
            a.due.to_string(),
            a.justification,
            a.status.as_str()
        ],
    )? == 1;
    if changed {
        // Only the evidence that changed is written, so that the journal shows what changed.
        let current: Vec<i64> = tx
            .prepare("SELECT evidence_id FROM corrective_action_evidence WHERE action_id = ?1")?
            .query_map([a.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for gone in current.iter().filter(|e| !a.evidence_ids.contains(e)) {
            tx.execute(
                "DELETE FROM corrective_action_evidence WHERE action_id = ?1 AND evidence_id = ?2",
                [a.id, *gone],
            )?;
        }
        for evidence in a.evidence_ids.iter().filter(|e| !current.contains(e)) {
            link_action_evidence(tx, a.id, *evidence)?;
        }
    }
    Ok(changed)
}

/// Removes corrective action `id` (and its evidence links); false if there is none.
pub fn delete_action(tx: &(impl crate::sql::Sql + ?Sized), id: i64) -> Result<bool> {
    let tx = tx.sqlite()?;
    Ok(tx.execute("DELETE FROM corrective_action WHERE id = ?1", [id])? == 1)
}

/// Removes audit `id` with its results, findings and their actions (the schema cascades);
/// false if there is none.
pub fn delete_audit(tx: &(impl crate::sql::Sql + ?Sized), id: i64) -> Result<bool> {
    let tx = tx.sqlite()?;
    Ok(tx.execute("DELETE FROM audit WHERE id = ?1", [id])? == 1)
}

/// Corrective action `id` with its evidence.
pub fn get_action(conn: &(impl crate::sql::Sql + ?Sized), id: i64) -> Result<Option<ActionRecord>> {
    let conn = conn.sqlite()?;
    Ok(super::actions_where(conn, "id = ?1", Some(id))?
        .into_iter()
        .next())
}
