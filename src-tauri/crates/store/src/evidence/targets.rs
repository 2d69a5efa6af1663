//! What readiness asks of the links: for each requirement or question, whether any linked
//! evidence is current and whether any is linked at all.

use chrono::NaiveDate;

use crate::Result;
use crate::sql::{Sql, SqlExt as _, params};

/// What readiness needs to know about the evidence of one target (a requirement or question).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TargetEvidence {
    /// Some linked item has the facts of current evidence: its source is there, its newest
    /// version is reviewed, and its review date is after the day asked about.
    pub current: bool,
    /// Some item is linked at all.
    pub linked: bool,
}

/// For each of `targets` of `catalogue`, what the evidence linked to it for `scope` (its own
/// links and those for every scope) is like on `day`. Each answer is two index seeks on the
/// link table, whatever the number of links: on SQLite a statement each (no round trip), on
/// PostgreSQL all in one statement (`TARGETS_PG`), since each statement is a round trip and
/// readiness asks for every question and requirement of a catalogue.
pub fn target_evidence(
    conn: &(impl Sql + ?Sized),
    catalogue: i64,
    scope: i64,
    day: NaiveDate,
    targets: &[&str],
) -> Result<Vec<TargetEvidence>> {
    if conn.engine() == crate::sql::Engine::Postgres {
        return target_evidence_pg(conn, catalogue, scope, day, targets);
    }
    const CURRENT: &str = "SELECT EXISTS (SELECT 1 FROM evidence_link
             WHERE catalogue_id = ?1 AND target_id = ?2 AND source_missing = 0
               AND latest_reviewed = 1 AND (scope_id IS NULL OR scope_id = ?3)
               AND (review_due IS NULL OR review_due > ?4))";
    const LINKED: &str = "SELECT EXISTS (SELECT 1 FROM evidence_link
             WHERE catalogue_id = ?1 AND target_id = ?2 AND (scope_id IS NULL OR scope_id = ?3))";
    let day = day.to_string();
    targets
        .iter()
        .map(|target| {
            let is_current: bool =
                conn.query_row(CURRENT, params![catalogue, *target, scope, &day], |r| {
                    r.get(0)
                })?;
            let is_linked = is_current
                || conn.query_row(LINKED, params![catalogue, *target, scope], |r| r.get(0))?;
            Ok(TargetEvidence {
                current: is_current,
                linked: is_linked,
            })
        })
        .collect()
}

/// [`target_evidence`]'s two seeks per target in one statement: the targets a JSON array
/// bound as one text, answered in their order (`WITH ORDINALITY`). Each seek is a `LATERAL`
/// subquery with `LIMIT 1`, so it stays an index probe per target whatever the planner knows:
/// written as `EXISTS`, a table without statistics yet (right after a bulk write, before
/// autovacuum analyses it) was answered by hashing every link of the catalogue, 150 ms at
/// 200,000 links instead of 7.
const TARGETS_PG: &str = "SELECT current.hit IS NOT NULL, linked.hit IS NOT NULL
     FROM jsonb_array_elements_text(CAST(CAST(?2 AS TEXT) AS jsonb)) WITH ORDINALITY
          AS t(target, n)
     LEFT JOIN LATERAL (SELECT 1 AS hit FROM evidence_link l
               WHERE l.catalogue_id = ?1 AND l.target_id = t.target AND l.source_missing = 0
                 AND l.latest_reviewed = 1 AND (l.scope_id IS NULL OR l.scope_id = ?3)
                 AND (l.review_due IS NULL OR l.review_due > ?4)
               LIMIT 1) current ON true
     LEFT JOIN LATERAL (SELECT 1 AS hit FROM evidence_link l
               WHERE l.catalogue_id = ?1 AND l.target_id = t.target
                 AND (l.scope_id IS NULL OR l.scope_id = ?3)
               LIMIT 1) linked ON true
     ORDER BY t.n";

fn target_evidence_pg(
    conn: &(impl Sql + ?Sized),
    catalogue: i64,
    scope: i64,
    day: NaiveDate,
    targets: &[&str],
) -> Result<Vec<TargetEvidence>> {
    let list = json_texts(targets);
    let found = conn.query_map(
        TARGETS_PG,
        params![catalogue, list.as_str(), scope, day.to_string().as_str()],
        |r| {
            Ok(TargetEvidence {
                current: r.get(0)?,
                linked: r.get(1)?,
            })
        },
    )?;
    debug_assert_eq!(found.len(), targets.len());
    Ok(found)
}

/// `texts` as a JSON array of strings.
fn json_texts(texts: &[&str]) -> String {
    let mut out = String::from("[");
    for (i, text) in texts.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
                c => out.push(c),
            }
        }
        out.push('"');
    }
    out.push(']');
    out
}
