//! The `audit`, `audit_result`, `finding`, `corrective_action` and
//! `corrective_action_evidence` tables. Written against [`Sql`]: the same statements on
//! SQLite and PostgreSQL (an all-or-one filter casts its parameter, `CAST(?1 AS BIGINT) IS
//! NULL`, so that PostgreSQL knows its type); the pages (`page`) differ where SQLite's order
//! or its `contains_folded` does.

use std::collections::BTreeMap;

use crate::sql::{Engine, Row, Sql, SqlExt as _, params};
use crate::{Error, Result};
use chrono::NaiveDate;
use csmsdesk_core::audit::{ActionStatus, AuditKind, FindingKind, PhaseState};
use csmsdesk_core::results::QuestionResult;

/// A stored audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    pub id: i64,
    pub scope_id: i64,
    pub kind: AuditKind,
    pub provider: String,
    pub lead_auditor: String,
    pub opening_meeting: Option<NaiveDate>,
    pub closing_meeting: NaiveDate,
    /// Organisation check, sampling, sample check (initial audits).
    pub phases: [PhaseState; 3],
    /// Initial: failed despite a conditional pass. CAP: plan confirmed. Follow-up: every
    /// non-conformity confirmed resolved.
    pub decision: bool,
    pub decision_reason: String,
}

/// A result of one control question in an audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultRecord {
    pub result: QuestionResult,
    pub findings_description: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingRecord {
    pub id: i64,
    pub audit_id: i64,
    pub question_id: String,
    pub protection_object_id: Option<i64>,
    pub kind: FindingKind,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRecord {
    pub id: i64,
    pub finding_id: i64,
    pub description: String,
    pub owner: String,
    pub department: String,
    pub due: NaiveDate,
    pub justification: String,
    pub status: ActionStatus,
    pub evidence_ids: Vec<i64>,
}

pub(crate) fn corrupt(column: &'static str, value: String) -> Error {
    Error::Corrupt { column, value }
}

pub(crate) fn date(column: &'static str, text: String) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| corrupt(column, text))
}

pub(crate) fn parsed<T>(
    column: &'static str,
    text: String,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T> {
    parse(&text).ok_or_else(|| corrupt(column, text))
}

const AUDIT_SELECT: &str = "SELECT id, scope_id, kind, provider, lead_auditor, opening_meeting, closing_meeting,
        phase_organisation, phase_sampling, phase_sample_check, decision, decision_reason FROM audit";

type RawAudit = (
    i64,
    i64,
    String,
    String,
    String,
    Option<String>,
    String,
    [String; 3],
    bool,
    String,
);

fn raw_audit(r: &Row<'_>) -> Result<RawAudit> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        [r.get(7)?, r.get(8)?, r.get(9)?],
        r.get(10)?,
        r.get(11)?,
    ))
}

fn audit_of(raw: RawAudit) -> Result<AuditRecord> {
    let (id, scope_id, kind, provider, lead_auditor, opening, closing, phases, decision, reason) =
        raw;
    let [a, b, c] = phases;
    let phase = |text| parsed("audit.phase", text, PhaseState::parse);
    Ok(AuditRecord {
        id,
        scope_id,
        kind: parsed("audit.kind", kind, AuditKind::parse)?,
        provider,
        lead_auditor,
        opening_meeting: opening
            .map(|t| date("audit.opening_meeting", t))
            .transpose()?,
        closing_meeting: date("audit.closing_meeting", closing)?,
        phases: [phase(a)?, phase(b)?, phase(c)?],
        decision,
        decision_reason: reason,
    })
}

/// The audits of `scope` (every scope when `None`), by closing meeting.
pub fn list(conn: &(impl Sql + ?Sized), scope: Option<i64>) -> Result<Vec<AuditRecord>> {
    let raws = conn.query_map(
        &format!(
            "{AUDIT_SELECT} WHERE CAST(?1 AS BIGINT) IS NULL OR scope_id = ?1 ORDER BY closing_meeting, id"
        ),
        params![scope],
        raw_audit,
    )?;
    raws.into_iter().map(audit_of).collect()
}

pub fn get(conn: &(impl Sql + ?Sized), id: i64) -> Result<Option<AuditRecord>> {
    conn.optional(
        &format!("{AUDIT_SELECT} WHERE id = ?1"),
        params![id],
        raw_audit,
    )?
    .map(audit_of)
    .transpose()
}

/// Runs `sql` with an audit's columns as `?1` to `?11` (`scope_id` to `decision_reason`) and
/// `id` as `?12`.
fn with_audit<T>(
    audit: &AuditRecord,
    run: impl FnOnce(&[crate::sql::Value<'_>]) -> Result<T>,
) -> Result<T> {
    let a = audit;
    let opening = a.opening_meeting.map(|d| d.to_string());
    let closing = a.closing_meeting.to_string();
    run(params![
        a.scope_id,
        a.kind.as_str(),
        &a.provider,
        &a.lead_auditor,
        opening.as_deref(),
        closing.as_str(),
        a.phases[0].as_str(),
        a.phases[1].as_str(),
        a.phases[2].as_str(),
        a.decision,
        &a.decision_reason,
        a.id
    ])
}

/// Stores a new audit (its `id` is ignored).
pub fn insert(tx: &(impl Sql + ?Sized), audit: &AuditRecord) -> Result<i64> {
    with_audit(audit, |values| {
        tx.insert_id(
            "INSERT INTO audit (scope_id, kind, provider, lead_auditor, opening_meeting, closing_meeting,
                 phase_organisation, phase_sampling, phase_sample_check, decision, decision_reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             RETURNING id",
            &values[..11],
        )
    })
}

/// Replaces what describes audit `audit.id` (its scope and kind stay).
pub fn update(tx: &(impl Sql + ?Sized), audit: &AuditRecord) -> Result<()> {
    with_audit(audit, |values| {
        tx.execute(
            "UPDATE audit SET provider = ?3, lead_auditor = ?4, opening_meeting = ?5, closing_meeting = ?6,
                 phase_organisation = ?7, phase_sampling = ?8, phase_sample_check = ?9, decision = ?10,
                 decision_reason = ?11
             WHERE id = ?12 AND scope_id = ?1 AND kind = ?2",
            values,
        )
    })?;
    Ok(())
}

/// The results of audit `audit`, by question.
pub fn results(conn: &(impl Sql + ?Sized), audit: i64) -> Result<BTreeMap<String, ResultRecord>> {
    let rows: Vec<(String, String, String)> = conn.query_map(
        "SELECT question_id, result, findings_description FROM audit_result WHERE audit_id = ?1",
        params![audit],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    rows.into_iter()
        .map(|(question, result, text)| {
            Ok((
                question,
                ResultRecord {
                    result: parsed("audit_result.result", result, QuestionResult::parse)?,
                    findings_description: text,
                },
            ))
        })
        .collect()
}

/// Stores (or with `None` removes) the result of one question.
pub fn set_result(
    tx: &(impl Sql + ?Sized),
    audit: i64,
    question: &str,
    result: Option<&ResultRecord>,
) -> Result<()> {
    match result {
        Some(r) => tx.execute(
            "INSERT INTO audit_result (audit_id, question_id, result, findings_description)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (audit_id, question_id) DO UPDATE SET result = excluded.result,
                 findings_description = excluded.findings_description",
            params![audit, question, r.result.as_str(), &r.findings_description],
        )?,
        None => tx.execute(
            "DELETE FROM audit_result WHERE audit_id = ?1 AND question_id = ?2",
            params![audit, question],
        )?,
    };
    Ok(())
}

const FINDING_SELECT: &str =
    "SELECT id, audit_id, question_id, protection_object_id, kind, description FROM finding";

fn finding_of(r: &Row<'_>) -> Result<(FindingRecord, String)> {
    Ok((
        FindingRecord {
            id: r.get(0)?,
            audit_id: r.get(1)?,
            question_id: r.get(2)?,
            protection_object_id: r.get(3)?,
            kind: FindingKind::Major,
            description: r.get(5)?,
        },
        r.get(4)?,
    ))
}

fn finish_finding((mut f, kind): (FindingRecord, String)) -> Result<FindingRecord> {
    f.kind = parsed("finding.kind", kind, FindingKind::parse)?;
    Ok(f)
}

/// The findings of audit `audit` (of every audit when `None`).
pub fn findings(conn: &(impl Sql + ?Sized), audit: Option<i64>) -> Result<Vec<FindingRecord>> {
    let rows = conn.query_map(
        &format!("{FINDING_SELECT} WHERE CAST(?1 AS BIGINT) IS NULL OR audit_id = ?1 ORDER BY id"),
        params![audit],
        finding_of,
    )?;
    rows.into_iter().map(finish_finding).collect()
}

pub fn get_finding(conn: &(impl Sql + ?Sized), id: i64) -> Result<Option<FindingRecord>> {
    conn.optional(
        &format!("{FINDING_SELECT} WHERE id = ?1"),
        params![id],
        finding_of,
    )?
    .map(finish_finding)
    .transpose()
}

pub fn insert_finding(tx: &(impl Sql + ?Sized), f: &FindingRecord) -> Result<i64> {
    tx.insert_id(
        "INSERT INTO finding (audit_id, question_id, protection_object_id, kind, description)
         VALUES (?1, ?2, ?3, ?4, ?5)
         RETURNING id",
        params![
            f.audit_id,
            &f.question_id,
            f.protection_object_id,
            f.kind.as_str(),
            &f.description
        ],
    )
}

/// Every corrective action (of one finding when given), with its evidence, by due date.
pub fn actions(conn: &(impl Sql + ?Sized), finding: Option<i64>) -> Result<Vec<ActionRecord>> {
    actions_where(
        conn,
        "CAST(?1 AS BIGINT) IS NULL OR finding_id = ?1",
        finding,
    )
}

/// The corrective actions of the findings of audit `audit`, with their evidence, by due
/// date: what the audit screen shows, without reading the actions of other audits.
pub fn actions_of_audit(conn: &(impl Sql + ?Sized), audit: i64) -> Result<Vec<ActionRecord>> {
    actions_where(
        conn,
        "finding_id IN (SELECT id FROM finding WHERE audit_id = ?1)",
        Some(audit),
    )
}

/// A corrective action's columns as read (`id, finding_id, description, owner, department,
/// due, justification, status`), before its date and status are parsed.
pub(crate) type RawAction = (i64, i64, String, String, String, String, String, String);

/// The statement that reads an action's evidence (SQLite: one action at a time, an index
/// seek in the process each).
const ACTION_EVIDENCE: &str =
    "SELECT evidence_id FROM corrective_action_evidence WHERE action_id = ?1 ORDER BY evidence_id";

/// The evidence of the actions `?1` lists (`1,5,9`), in one statement: on PostgreSQL each
/// statement is a round trip to the server, so a page of 50 actions does not make 50.
const ACTIONS_EVIDENCE_PG: &str = "SELECT action_id, evidence_id FROM corrective_action_evidence
     WHERE action_id = ANY (CAST(string_to_array(?1, ',') AS BIGINT[]))
     ORDER BY action_id, evidence_id";

/// A corrective action's columns read from `r`, from column `at` on.
pub(crate) fn raw_action(r: &Row<'_>, at: usize) -> Result<RawAction> {
    Ok((
        r.get(at)?,
        r.get(at + 1)?,
        r.get(at + 2)?,
        r.get(at + 3)?,
        r.get(at + 4)?,
        r.get(at + 5)?,
        r.get(at + 6)?,
        r.get(at + 7)?,
    ))
}

/// The evidence of each action of `ids`, in their order, by evidence id.
pub(crate) fn evidence_of(conn: &(impl Sql + ?Sized), ids: &[i64]) -> Result<Vec<Vec<i64>>> {
    match conn.engine() {
        Engine::Sqlite => ids
            .iter()
            .map(|id| conn.query_map(ACTION_EVIDENCE, params![*id], |r| r.get(0)))
            .collect(),
        Engine::Postgres => {
            let mut of: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
            if !ids.is_empty() {
                let list: Vec<String> = ids.iter().map(i64::to_string).collect();
                conn.each_row(ACTIONS_EVIDENCE_PG, params![&list.join(",")], &mut |r| {
                    of.entry(r.get(0)?).or_default().push(r.get(1)?);
                    Ok(true)
                })?;
            }
            Ok(ids
                .iter()
                .map(|id| of.remove(id).unwrap_or_default())
                .collect())
        }
    }
}

/// The action of `raw` with its evidence, its date and status parsed.
pub(crate) fn action_record(raw: RawAction, evidence_ids: Vec<i64>) -> Result<ActionRecord> {
    let (id, finding_id, description, owner, department, due, justification, status) = raw;
    Ok(ActionRecord {
        id,
        finding_id,
        description,
        owner,
        department,
        due: date("corrective_action.due", due)?,
        justification,
        status: parsed("corrective_action.status", status, ActionStatus::parse)?,
        evidence_ids,
    })
}

/// The corrective actions that pass `condition` (SQL over `corrective_action` with one
/// parameter, `?1` = `value`), with their evidence, by due date.
pub(crate) fn actions_where(
    conn: &(impl Sql + ?Sized),
    condition: &str,
    value: Option<i64>,
) -> Result<Vec<ActionRecord>> {
    let rows = conn.query_map(
        &format!(
            "SELECT id, finding_id, description, owner, department, due, justification, status
             FROM corrective_action WHERE {condition} ORDER BY due, id"
        ),
        params![value],
        |r| raw_action(r, 0),
    )?;
    let ids: Vec<i64> = rows.iter().map(|raw| raw.0).collect();
    rows.into_iter()
        .zip(evidence_of(conn, &ids)?)
        .map(|(raw, evidence)| action_record(raw, evidence))
        .collect()
}

pub fn insert_action(tx: &(impl Sql + ?Sized), a: &ActionRecord) -> Result<i64> {
    let due = a.due.to_string();
    let id = tx.insert_id(
        "INSERT INTO corrective_action (finding_id, description, owner, department, due, justification, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         RETURNING id",
        params![
            a.finding_id,
            &a.description,
            &a.owner,
            &a.department,
            due.as_str(),
            &a.justification,
            a.status.as_str()
        ],
    )?;
    for evidence in &a.evidence_ids {
        link_action_evidence(tx, id, *evidence)?;
    }
    Ok(id)
}

pub fn set_action_status(tx: &(impl Sql + ?Sized), id: i64, status: ActionStatus) -> Result<bool> {
    Ok(tx.execute(
        "UPDATE corrective_action SET status = ?2 WHERE id = ?1",
        params![id, status.as_str()],
    )? == 1)
}

pub fn link_action_evidence(tx: &(impl Sql + ?Sized), action: i64, evidence: i64) -> Result<()> {
    // The pair is the primary key: a link made twice is one (SQLite's `INSERT OR IGNORE`
    // before, which ignored nothing else here either).
    tx.execute(
        "INSERT INTO corrective_action_evidence (action_id, evidence_id) VALUES (?1, ?2)
         ON CONFLICT DO NOTHING",
        params![action, evidence],
    )?;
    Ok(())
}

/// Renames the question IDs of the audits of `scope` with `map` (a catalogue version change),
/// through a temporary name so that swapped IDs never collide.
pub fn rename_questions(
    tx: &(impl Sql + ?Sized),
    scope: i64,
    map: &dyn Fn(&str) -> String,
) -> Result<()> {
    for (table, key) in [("audit_result", "audit_id"), ("finding", "audit_id")] {
        let rows: Vec<String> = tx.query_map(
            &format!(
                "SELECT DISTINCT question_id FROM {table} WHERE {key} IN (SELECT id FROM audit WHERE scope_id = ?1)"
            ),
            params![scope],
            |r| r.get(0),
        )?;
        tx.execute(
            &format!(
                "UPDATE {table} SET question_id = '~' || question_id
                 WHERE {key} IN (SELECT id FROM audit WHERE scope_id = ?1)"
            ),
            params![scope],
        )?;
        for question in &rows {
            tx.execute(
                &format!(
                    "UPDATE {table} SET question_id = ?2
                     WHERE {key} IN (SELECT id FROM audit WHERE scope_id = ?1) AND question_id = '~' || ?3"
                ),
                params![scope, &map(question), question],
            )?;
        }
    }
    Ok(())
}

mod edit;
#[cfg(test)]
mod edit_tests;
mod page;
pub use edit::*;
pub use page::*;

#[cfg(test)]
mod tests;
