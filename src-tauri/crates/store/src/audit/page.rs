//! One page of the corrective actions across audits (or of one audit), filtered by the
//! database (owner, status, due date, scope) and ordered by due date, and one page of the
//! findings (type, text, scope), each with the count of all that match. The lists show a
//! page at a time, however many actions a workspace holds.

use chrono::NaiveDate;
use csmsdesk_core::audit::{ActionStatus, AuditKind, FindingKind};
use rusqlite::params;

use super::{ACTION_EVIDENCE, ActionRecord, FindingRecord, action_record, date, parsed};
use crate::Result;

/// Which corrective actions a page shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionQuery {
    pub audit: Option<i64>,
    pub scope: Option<i64>,
    /// Part of the owner's name, case and accents folded as the other lists fold them.
    pub owner: Option<String>,
    /// Any of these states; every state when empty.
    pub statuses: Vec<ActionStatus>,
    /// Due on or before this day.
    pub due_by: Option<NaiveDate>,
    pub offset: i64,
    /// Rows to return; a negative number for all.
    pub limit: i64,
}

/// A corrective action with its finding, audit and scope, as the lists show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRow {
    pub action: ActionRecord,
    pub finding: FindingRecord,
    pub audit_kind: AuditKind,
    pub audit_closing: NaiveDate,
    pub scope_id: i64,
    pub scope_name: String,
}

const FROM: &str = "FROM corrective_action a
    JOIN finding f ON f.id = a.finding_id
    JOIN audit u ON u.id = f.audit_id
    JOIN scope s ON s.id = u.scope_id
    WHERE (?1 IS NULL OR u.id = ?1) AND (?2 IS NULL OR s.id = ?2)
      AND (?3 IS NULL OR contains_folded(a.owner, ?3))
      AND (?4 IS NULL OR instr(?4, ',' || a.status || ',') > 0)
      AND (?5 IS NULL OR a.due <= ?5)";

/// The page `query` asks for and how many actions match in all.
pub fn action_page(
    conn: &(impl crate::sql::Sql + ?Sized),
    query: &ActionQuery,
) -> Result<(Vec<ActionRow>, i64)> {
    let conn = conn.sqlite()?;
    let statuses = (!query.statuses.is_empty()).then(|| {
        let names: Vec<&str> = query.statuses.iter().map(|s| s.as_str()).collect();
        format!(",{},", names.join(","))
    });
    let owner = query
        .owner
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty());
    let due_by = query.due_by.map(|d| d.to_string());
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) {FROM}"),
        params![query.audit, query.scope, owner, statuses, due_by],
        |r| r.get(0),
    )?;
    type Raw = (
        (i64, i64, String, String, String, String, String, String),
        (i64, String, Option<i64>, String, String),
        (String, String, i64, String),
    );
    let raws: Vec<Raw> = conn
        .prepare(&format!(
            "SELECT a.id, a.finding_id, a.description, a.owner, a.department, a.due,
                    a.justification, a.status, f.audit_id, f.question_id,
                    f.protection_object_id, f.kind, f.description, u.kind, u.closing_meeting,
                    s.id, s.name
             {FROM} ORDER BY a.due, a.id LIMIT ?6 OFFSET ?7"
        ))?
        .query_map(
            params![
                query.audit,
                query.scope,
                owner,
                statuses,
                due_by,
                query.limit,
                query.offset.max(0)
            ],
            |r| {
                Ok((
                    (
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                    ),
                    (r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?, r.get(12)?),
                    (r.get(13)?, r.get(14)?, r.get(15)?, r.get(16)?),
                ))
            },
        )?
        .collect::<rusqlite::Result<_>>()?;
    let mut evidence = conn.prepare_cached(ACTION_EVIDENCE)?;
    let rows = raws
        .into_iter()
        .map(|(a, f, u)| {
            let finding_id = a.1;
            let (audit_id, question_id, protection_object_id, kind, finding_text) = f;
            let (audit_kind, closing, scope_id, scope_name) = u;
            Ok(ActionRow {
                action: action_record(a, &mut evidence)?,
                finding: FindingRecord {
                    id: finding_id,
                    audit_id,
                    question_id,
                    protection_object_id,
                    kind: parsed("finding.kind", kind, FindingKind::parse)?,
                    description: finding_text,
                },
                audit_kind: parsed("audit.kind", audit_kind, AuditKind::parse)?,
                audit_closing: date("audit.closing_meeting", closing)?,
                scope_id,
                scope_name,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((rows, total))
}

/// Which findings a page shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindingQuery {
    pub audit: Option<i64>,
    pub scope: Option<i64>,
    /// Any of these types; every type when empty.
    pub kinds: Vec<FindingKind>,
    /// Part of the text, case and accents folded.
    pub text: Option<String>,
    pub offset: i64,
    /// Rows to return; a negative number for all.
    pub limit: i64,
}

/// A finding with its audit, scope and how many of its actions are open or in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingRow {
    pub finding: FindingRecord,
    pub audit_kind: AuditKind,
    pub scope_id: i64,
    pub scope_name: String,
    pub actions: i64,
    pub unfinished: i64,
}

const FINDINGS_FROM: &str = "FROM finding f
    JOIN audit u ON u.id = f.audit_id
    JOIN scope s ON s.id = u.scope_id
    WHERE (?1 IS NULL OR u.id = ?1) AND (?2 IS NULL OR s.id = ?2)
      AND (?3 IS NULL OR instr(?3, ',' || f.kind || ',') > 0)
      AND (?4 IS NULL OR contains_folded(f.description, ?4))";

/// The page of findings `query` asks for (by audit, then question, then id) and how many
/// match in all.
pub fn finding_page(
    conn: &(impl crate::sql::Sql + ?Sized),
    query: &FindingQuery,
) -> Result<(Vec<FindingRow>, i64)> {
    let conn = conn.sqlite()?;
    let kinds = (!query.kinds.is_empty()).then(|| {
        let names: Vec<&str> = query.kinds.iter().map(|k| k.as_str()).collect();
        format!(",{},", names.join(","))
    });
    let text = query
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) {FINDINGS_FROM}"),
        params![query.audit, query.scope, kinds, text],
        |r| r.get(0),
    )?;
    type Raw = (
        (i64, i64, String, Option<i64>, String, String),
        (String, i64, String, i64, i64),
    );
    let raws: Vec<Raw> = conn
        .prepare(&format!(
            "SELECT f.id, f.audit_id, f.question_id, f.protection_object_id, f.kind,
                    f.description, u.kind, s.id, s.name,
                    (SELECT count(*) FROM corrective_action a WHERE a.finding_id = f.id),
                    (SELECT count(*) FROM corrective_action a WHERE a.finding_id = f.id
                        AND a.status IN ('open', 'in-progress'))
             {FINDINGS_FROM} ORDER BY u.closing_meeting, u.id, f.question_id, f.id
             LIMIT ?5 OFFSET ?6"
        ))?
        .query_map(
            params![
                query.audit,
                query.scope,
                kinds,
                text,
                query.limit,
                query.offset.max(0)
            ],
            |r| {
                Ok((
                    (
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ),
                    (r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?),
                ))
            },
        )?
        .collect::<rusqlite::Result<_>>()?;
    let rows = raws
        .into_iter()
        .map(|(f, u)| {
            let (id, audit_id, question_id, protection_object_id, kind, description) = f;
            let (audit_kind, scope_id, scope_name, actions, unfinished) = u;
            Ok(FindingRow {
                finding: FindingRecord {
                    id,
                    audit_id,
                    question_id,
                    protection_object_id,
                    kind: parsed("finding.kind", kind, FindingKind::parse)?,
                    description,
                },
                audit_kind: parsed("audit.kind", audit_kind, AuditKind::parse)?,
                scope_id,
                scope_name,
                actions,
                unfinished,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((rows, total))
}
