//! The `audit`, `audit_result`, `finding`, `corrective_action` and
//! `corrective_action_evidence` tables.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use csmsdesk_core::audit::{ActionStatus, AuditKind, FindingKind, PhaseState};
use csmsdesk_core::results::QuestionResult;
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use crate::{Error, Result};

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

fn raw_audit(r: &Row<'_>) -> rusqlite::Result<RawAudit> {
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
pub fn list(
    conn: &(impl crate::sql::Sql + ?Sized),
    scope: Option<i64>,
) -> Result<Vec<AuditRecord>> {
    let conn = conn.sqlite()?;
    let raws: Vec<RawAudit> = conn
        .prepare(&format!(
            "{AUDIT_SELECT} WHERE ?1 IS NULL OR scope_id = ?1 ORDER BY closing_meeting, id"
        ))?
        .query_map([scope], raw_audit)?
        .collect::<rusqlite::Result<_>>()?;
    raws.into_iter().map(audit_of).collect()
}

pub fn get(conn: &(impl crate::sql::Sql + ?Sized), id: i64) -> Result<Option<AuditRecord>> {
    let conn = conn.sqlite()?;
    conn.query_row(&format!("{AUDIT_SELECT} WHERE id = ?1"), [id], raw_audit)
        .optional()?
        .map(audit_of)
        .transpose()
}

fn audit_params(a: &AuditRecord) -> [Box<dyn rusqlite::ToSql + '_>; 11] {
    [
        Box::new(a.scope_id),
        Box::new(a.kind.as_str()),
        Box::new(&a.provider),
        Box::new(&a.lead_auditor),
        Box::new(a.opening_meeting.map(|d| d.to_string())),
        Box::new(a.closing_meeting.to_string()),
        Box::new(a.phases[0].as_str()),
        Box::new(a.phases[1].as_str()),
        Box::new(a.phases[2].as_str()),
        Box::new(a.decision),
        Box::new(&a.decision_reason),
    ]
}

/// Stores a new audit (its `id` is ignored).
pub fn insert(tx: &(impl crate::sql::Sql + ?Sized), audit: &AuditRecord) -> Result<i64> {
    let tx = tx.sqlite()?;
    let values = audit_params(audit);
    tx.execute(
        "INSERT INTO audit (scope_id, kind, provider, lead_auditor, opening_meeting, closing_meeting,
             phase_organisation, phase_sampling, phase_sample_check, decision, decision_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        rusqlite::params_from_iter(values.iter()),
    )?;
    Ok(tx.last_insert_rowid())
}

/// Replaces what describes audit `audit.id` (its scope and kind stay).
pub fn update(tx: &(impl crate::sql::Sql + ?Sized), audit: &AuditRecord) -> Result<()> {
    let tx = tx.sqlite()?;
    let values = audit_params(audit);
    tx.execute(
        "UPDATE audit SET provider = ?3, lead_auditor = ?4, opening_meeting = ?5, closing_meeting = ?6,
             phase_organisation = ?7, phase_sampling = ?8, phase_sample_check = ?9, decision = ?10,
             decision_reason = ?11
         WHERE id = ?12 AND scope_id = ?1 AND kind = ?2",
        rusqlite::params_from_iter(
            values
                .iter()
                .map(|v| v.as_ref() as &dyn rusqlite::ToSql)
                .chain(std::iter::once(&audit.id as &dyn rusqlite::ToSql)),
        ),
    )?;
    Ok(())
}

/// The results of audit `audit`, by question.
pub fn results(
    conn: &(impl crate::sql::Sql + ?Sized),
    audit: i64,
) -> Result<BTreeMap<String, ResultRecord>> {
    let conn = conn.sqlite()?;
    let rows: Vec<(String, String, String)> = conn
        .prepare("SELECT question_id, result, findings_description FROM audit_result WHERE audit_id = ?1")?
        .query_map([audit], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
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
    tx: &(impl crate::sql::Sql + ?Sized),
    audit: i64,
    question: &str,
    result: Option<&ResultRecord>,
) -> Result<()> {
    let tx = tx.sqlite()?;
    match result {
        Some(r) => tx.execute(
            "INSERT INTO audit_result (audit_id, question_id, result, findings_description)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (audit_id, question_id) DO UPDATE SET result = excluded.result,
                 findings_description = excluded.findings_description",
            params![audit, question, r.result.as_str(), r.findings_description],
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

fn finding_of(r: &Row<'_>) -> rusqlite::Result<(FindingRecord, String)> {
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
pub fn findings(
    conn: &(impl crate::sql::Sql + ?Sized),
    audit: Option<i64>,
) -> Result<Vec<FindingRecord>> {
    let conn = conn.sqlite()?;
    let rows: Vec<(FindingRecord, String)> = conn
        .prepare(&format!(
            "{FINDING_SELECT} WHERE ?1 IS NULL OR audit_id = ?1 ORDER BY id"
        ))?
        .query_map([audit], finding_of)?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter().map(finish_finding).collect()
}

pub fn get_finding(
    conn: &(impl crate::sql::Sql + ?Sized),
    id: i64,
) -> Result<Option<FindingRecord>> {
    let conn = conn.sqlite()?;
    conn.query_row(&format!("{FINDING_SELECT} WHERE id = ?1"), [id], finding_of)
        .optional()?
        .map(finish_finding)
        .transpose()
}

pub fn insert_finding(tx: &(impl crate::sql::Sql + ?Sized), f: &FindingRecord) -> Result<i64> {
    let tx = tx.sqlite()?;
    tx.execute(
        "INSERT INTO finding (audit_id, question_id, protection_object_id, kind, description)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            f.audit_id,
            f.question_id,
            f.protection_object_id,
            f.kind.as_str(),
            f.description
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Every corrective action (of one finding when given), with its evidence, by due date.
pub fn actions(
    conn: &(impl crate::sql::Sql + ?Sized),
    finding: Option<i64>,
) -> Result<Vec<ActionRecord>> {
    let conn = conn.sqlite()?;
    actions_where(conn, "?1 IS NULL OR finding_id = ?1", finding)
}

/// The corrective actions of the findings of audit `audit`, with their evidence, by due
/// date: what the audit screen shows, without reading the actions of other audits.
pub fn actions_of_audit(
    conn: &(impl crate::sql::Sql + ?Sized),
    audit: i64,
) -> Result<Vec<ActionRecord>> {
    let conn = conn.sqlite()?;
    actions_where(
        conn,
        "finding_id IN (SELECT id FROM finding WHERE audit_id = ?1)",
        Some(audit),
    )
}

/// A corrective action's columns as read (`id, finding_id, description, owner, department,
/// due, justification, status`), before its date and status are parsed.
pub(crate) type RawAction = (i64, i64, String, String, String, String, String, String);

/// The statement that reads an action's evidence, for [`action_record`].
pub(crate) const ACTION_EVIDENCE: &str =
    "SELECT evidence_id FROM corrective_action_evidence WHERE action_id = ?1 ORDER BY evidence_id";

/// The action of `raw`, its date and status parsed and its evidence read with `evidence`
/// (a prepared [`ACTION_EVIDENCE`]).
pub(crate) fn action_record(
    raw: RawAction,
    evidence: &mut rusqlite::CachedStatement<'_>,
) -> Result<ActionRecord> {
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
        evidence_ids: evidence
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?,
    })
}

/// The corrective actions that pass `condition` (SQL over `corrective_action` with one
/// parameter, `?1` = `value`), with their evidence, by due date.
pub(crate) fn actions_where(
    conn: &Connection,
    condition: &str,
    value: Option<i64>,
) -> Result<Vec<ActionRecord>> {
    let rows: Vec<RawAction> = conn
        .prepare(&format!(
            "SELECT id, finding_id, description, owner, department, due, justification, status
             FROM corrective_action WHERE {condition} ORDER BY due, id"
        ))?
        .query_map([value], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut evidence = conn.prepare_cached(ACTION_EVIDENCE)?;
    rows.into_iter()
        .map(|raw| action_record(raw, &mut evidence))
        .collect()
}

pub fn insert_action(tx: &(impl crate::sql::Sql + ?Sized), a: &ActionRecord) -> Result<i64> {
    let tx = tx.sqlite()?;
    tx.execute(
        "INSERT INTO corrective_action (finding_id, description, owner, department, due, justification, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            a.finding_id,
            a.description,
            a.owner,
            a.department,
            a.due.to_string(),
            a.justification,
            a.status.as_str()
        ],
    )?;
    let id = tx.last_insert_rowid();
    for evidence in &a.evidence_ids {
        link_action_evidence(tx, id, *evidence)?;
    }
    Ok(id)
}

pub fn set_action_status(
    tx: &(impl crate::sql::Sql + ?Sized),
    id: i64,
    status: ActionStatus,
) -> Result<bool> {
    let tx = tx.sqlite()?;
    Ok(tx.execute(
        "UPDATE corrective_action SET status = ?2 WHERE id = ?1",
        params![id, status.as_str()],
    )? == 1)
}

pub fn link_action_evidence(
    tx: &(impl crate::sql::Sql + ?Sized),
    action: i64,
    evidence: i64,
) -> Result<()> {
    let tx = tx.sqlite()?;
    tx.execute(
        "INSERT OR IGNORE INTO corrective_action_evidence (action_id, evidence_id) VALUES (?1, ?2)",
        [action, evidence],
    )?;
    Ok(())
}

/// Renames the question IDs of the audits of `scope` with `map` (a catalogue version change),
/// through a temporary name so that swapped IDs never collide.
pub fn rename_questions(
    tx: &(impl crate::sql::Sql + ?Sized),
    scope: i64,
    map: &dyn Fn(&str) -> String,
) -> Result<()> {
    let tx = tx.sqlite()?;
    for (table, key) in [("audit_result", "audit_id"), ("finding", "audit_id")] {
        let rows: Vec<String> = tx
            .prepare(&format!(
                "SELECT DISTINCT question_id FROM {table} WHERE {key} IN (SELECT id FROM audit WHERE scope_id = ?1)"
            ))?
            .query_map([scope], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        tx.execute(
            &format!(
                "UPDATE {table} SET question_id = '~' || question_id
                 WHERE {key} IN (SELECT id FROM audit WHERE scope_id = ?1)"
            ),
            [scope],
        )?;
        for question in &rows {
            tx.execute(
                &format!(
                    "UPDATE {table} SET question_id = ?2
                     WHERE {key} IN (SELECT id FROM audit WHERE scope_id = ?1) AND question_id = '~' || ?3"
                ),
                params![scope, map(question), question],
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
