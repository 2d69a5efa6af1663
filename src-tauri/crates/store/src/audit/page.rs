//! One page of the corrective actions across audits (or of one audit), filtered by the
//! database (owner, status, due date, scope) and ordered by due date, and one page of the
//! findings (type, text, scope), each with the count of all that match. The lists show a
//! page at a time, however many actions a workspace holds.
//!
//! Both engines give the same pages (offsets over a total order, ties broken by id). The
//! statements are pairs `[sqlite, postgres]`: SQLite's are those of before. PostgreSQL's
//! differ where SQLite's cannot run there: `contains_folded` is a Rust function registered in
//! SQLite only, so on PostgreSQL the owner or text is matched by core's `FoldedPart` over the
//! ids and texts the other filters pass (one narrow read), which gives the count and the
//! page's ids, and the page's rows are then read by id (its parameter takes those ids there);
//! `instr` is `strpos`; a parameter whose first use is `IS NULL` is cast so that PostgreSQL
//! knows its type; a negative limit ("all") is no limit; question ids sort by their bytes
//! (`COLLATE "C"`, SQLite's order of texts).

use chrono::NaiveDate;
use csmsdesk_core::audit::{ActionStatus, AuditKind, FindingKind};
use csmsdesk_core::order::FoldedPart;

use super::{
    ActionRecord, FindingRecord, RawAction, action_record, date, evidence_of, parsed, raw_action,
};
use crate::Result;
use crate::sql::{Engine, Sql, SqlExt as _, params};

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

const FROM: [&str; 2] = [
    "FROM corrective_action a
    JOIN finding f ON f.id = a.finding_id
    JOIN audit u ON u.id = f.audit_id
    JOIN scope s ON s.id = u.scope_id
    WHERE (?1 IS NULL OR u.id = ?1) AND (?2 IS NULL OR s.id = ?2)
      AND (?3 IS NULL OR contains_folded(a.owner, ?3))
      AND (?4 IS NULL OR instr(?4, ',' || a.status || ',') > 0)
      AND (?5 IS NULL OR a.due <= ?5)",
    // ?3 is not the owner here but the ids of the page (`1,5,9`) or NULL: the owner is
    // matched by `FoldedPart` over the ids and owners these filters pass.
    "FROM corrective_action a
    JOIN finding f ON f.id = a.finding_id
    JOIN audit u ON u.id = f.audit_id
    JOIN scope s ON s.id = u.scope_id
    WHERE (CAST(?1 AS BIGINT) IS NULL OR u.id = ?1) AND (CAST(?2 AS BIGINT) IS NULL OR s.id = ?2)
      AND (CAST(?3 AS TEXT) IS NULL OR a.id = ANY (CAST(string_to_array(?3, ',') AS BIGINT[])))
      AND (CAST(?4 AS TEXT) IS NULL OR strpos(?4, ',' || a.status || ',') > 0)
      AND (CAST(?5 AS TEXT) IS NULL OR a.due <= ?5)",
];

/// `LIMIT ?n OFFSET ?m` where a negative `?n` means every row: SQLite's rule; PostgreSQL
/// refuses a negative limit and takes NULL for none.
fn limit(conn: &(impl Sql + ?Sized), n: usize, m: usize) -> String {
    match conn.engine() {
        Engine::Sqlite => format!("LIMIT ?{n} OFFSET ?{m}"),
        Engine::Postgres => format!(
            "LIMIT CASE WHEN CAST(?{n} AS BIGINT) >= 0 THEN CAST(?{n} AS BIGINT) END OFFSET ?{m}"
        ),
    }
}

/// On PostgreSQL, where `contains_folded` is not: of the rows the other filters pass, in
/// the page's order, as (id, text), those whose text contains `part` as core's `FoldedPart`
/// decides; the ids of the page (from `offset`, at most `limit` of them, all when negative)
/// as the list the statements take (`1,5,9`), and how many matched in all.
fn fold_page(rows: Vec<(i64, String)>, part: &str, offset: i64, limit: i64) -> (String, i64) {
    let part = FoldedPart::new(part);
    let picked: Vec<i64> = rows
        .into_iter()
        .filter(|(_, text)| part.is_in(text))
        .map(|(id, _)| id)
        .collect();
    let total = i64::try_from(picked.len()).unwrap_or(i64::MAX);
    let skip = usize::try_from(offset.max(0)).unwrap_or(usize::MAX);
    let take = usize::try_from(limit).unwrap_or(usize::MAX);
    let page: Vec<String> = picked
        .iter()
        .skip(skip)
        .take(take)
        .map(i64::to_string)
        .collect();
    (page.join(","), total)
}

/// The page `query` asks for and how many actions match in all.
pub fn action_page(
    conn: &(impl Sql + ?Sized),
    query: &ActionQuery,
) -> Result<(Vec<ActionRow>, i64)> {
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
    let from = conn.pick(FROM);
    type Raw = (
        RawAction,
        (i64, String, Option<i64>, String, String),
        (String, String, i64, String),
    );
    let page = format!(
        "SELECT a.id, a.finding_id, a.description, a.owner, a.department, a.due,
                a.justification, a.status, f.audit_id, f.question_id,
                f.protection_object_id, f.kind, f.description, u.kind, u.closing_meeting,
                s.id, s.name
         {from} ORDER BY a.due, a.id {}",
        limit(conn, 6, 7)
    );
    let read = |owner: Option<&str>, limit: i64, offset: i64| -> Result<Vec<Raw>> {
        conn.query_map(
            &page,
            params![
                query.audit,
                query.scope,
                owner,
                statuses.as_ref(),
                due_by.as_ref(),
                limit,
                offset
            ],
            |r| {
                Ok((
                    raw_action(r, 0)?,
                    (r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?, r.get(12)?),
                    (r.get(13)?, r.get(14)?, r.get(15)?, r.get(16)?),
                ))
            },
        )
    };
    let (raws, total) = match (conn.engine(), owner) {
        (Engine::Postgres, Some(owner)) => {
            let owners = conn.query_map(
                &format!("SELECT a.id, a.owner {from} ORDER BY a.due, a.id"),
                params![
                    query.audit,
                    query.scope,
                    None::<&str>,
                    statuses.as_ref(),
                    due_by.as_ref()
                ],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let (page, total) = fold_page(owners, owner, query.offset, query.limit);
            let rows = if page.is_empty() {
                Vec::new()
            } else {
                read(Some(&page), -1, 0)?
            };
            (rows, total)
        }
        _ => {
            let total: i64 = conn.query_row(
                &format!("SELECT count(*) {from}"),
                params![
                    query.audit,
                    query.scope,
                    owner,
                    statuses.as_ref(),
                    due_by.as_ref()
                ],
                |r| r.get(0),
            )?;
            (read(owner, query.limit, query.offset.max(0))?, total)
        }
    };
    let ids: Vec<i64> = raws.iter().map(|raw| raw.0.0).collect();
    let rows = raws
        .into_iter()
        .zip(evidence_of(conn, &ids)?)
        .map(|((a, f, u), evidence)| {
            let finding_id = a.1;
            let (audit_id, question_id, protection_object_id, kind, finding_text) = f;
            let (audit_kind, closing, scope_id, scope_name) = u;
            Ok(ActionRow {
                action: action_record(a, evidence)?,
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

const FINDINGS_FROM: [&str; 2] = [
    "FROM finding f
    JOIN audit u ON u.id = f.audit_id
    JOIN scope s ON s.id = u.scope_id
    WHERE (?1 IS NULL OR u.id = ?1) AND (?2 IS NULL OR s.id = ?2)
      AND (?3 IS NULL OR instr(?3, ',' || f.kind || ',') > 0)
      AND (?4 IS NULL OR contains_folded(f.description, ?4))",
    // ?4 is not the text here but the ids of the page (`1,5,9`) or NULL: the text is
    // matched by `FoldedPart` over the ids and texts these filters pass.
    "FROM finding f
    JOIN audit u ON u.id = f.audit_id
    JOIN scope s ON s.id = u.scope_id
    WHERE (CAST(?1 AS BIGINT) IS NULL OR u.id = ?1) AND (CAST(?2 AS BIGINT) IS NULL OR s.id = ?2)
      AND (CAST(?3 AS TEXT) IS NULL OR strpos(?3, ',' || f.kind || ',') > 0)
      AND (CAST(?4 AS TEXT) IS NULL OR f.id = ANY (CAST(string_to_array(?4, ',') AS BIGINT[])))",
];

/// The findings' order: question ids by their bytes on both engines.
const FINDINGS_ORDER: [&str; 2] = [
    "ORDER BY u.closing_meeting, u.id, f.question_id, f.id",
    r#"ORDER BY u.closing_meeting, u.id, f.question_id COLLATE "C", f.id"#,
];

/// The page of findings `query` asks for (by audit, then question, then id) and how many
/// match in all.
pub fn finding_page(
    conn: &(impl Sql + ?Sized),
    query: &FindingQuery,
) -> Result<(Vec<FindingRow>, i64)> {
    let kinds = (!query.kinds.is_empty()).then(|| {
        let names: Vec<&str> = query.kinds.iter().map(|k| k.as_str()).collect();
        format!(",{},", names.join(","))
    });
    let text = query
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let from = conn.pick(FINDINGS_FROM);
    type Raw = (
        (i64, i64, String, Option<i64>, String, String),
        (String, i64, String, i64, i64),
    );
    let page = format!(
        "SELECT f.id, f.audit_id, f.question_id, f.protection_object_id, f.kind,
                f.description, u.kind, s.id, s.name,
                (SELECT count(*) FROM corrective_action a WHERE a.finding_id = f.id),
                (SELECT count(*) FROM corrective_action a WHERE a.finding_id = f.id
                    AND a.status IN ('open', 'in-progress'))
         {from} {}
         {}",
        conn.pick(FINDINGS_ORDER),
        limit(conn, 5, 6)
    );
    let read = |text: Option<&str>, limit: i64, offset: i64| -> Result<Vec<Raw>> {
        conn.query_map(
            &page,
            params![
                query.audit,
                query.scope,
                kinds.as_ref(),
                text,
                limit,
                offset
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
        )
    };
    let (raws, total) = match (conn.engine(), text) {
        (Engine::Postgres, Some(text)) => {
            let texts = conn.query_map(
                &format!(
                    "SELECT f.id, f.description {from} {}",
                    conn.pick(FINDINGS_ORDER)
                ),
                params![query.audit, query.scope, kinds.as_ref(), None::<&str>],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let (page, total) = fold_page(texts, text, query.offset, query.limit);
            let rows = if page.is_empty() {
                Vec::new()
            } else {
                read(Some(&page), -1, 0)?
            };
            (rows, total)
        }
        _ => {
            let total: i64 = conn.query_row(
                &format!("SELECT count(*) {from}"),
                params![query.audit, query.scope, kinds.as_ref(), text],
                |r| r.get(0),
            )?;
            (read(text, query.limit, query.offset.max(0))?, total)
        }
    };
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
