//! The `scope_assessment` and `readiness_history` tables: the supplier's own result and texts
//! per control question, and each scope's readiness as it was day by day.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use csmsdesk_core::readiness::Tally;
use csmsdesk_core::results::QuestionResult;
use rusqlite::params;

use crate::{Error, Result};

/// The self-assessment of one control question.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AssessmentRecord {
    pub question_id: String,
    pub result: Option<QuestionResult>,
    pub implementation: String,
    pub reference_documentation: String,
    pub updated_at: String,
}

/// The self-assessment of scope `scope`, by question.
pub fn list(
    conn: &(impl crate::sql::Sql + ?Sized),
    scope: i64,
) -> Result<BTreeMap<String, AssessmentRecord>> {
    let conn = conn.sqlite()?;
    let rows: Vec<(String, Option<String>, String, String, String)> = conn
        .prepare(
            "SELECT question_id, result, implementation, reference_documentation, updated_at
             FROM scope_assessment WHERE scope_id = ?1",
        )?
        .query_map([scope], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(
            |(question_id, result, implementation, reference_documentation, updated_at)| {
                let result = result
                    .map(|r| {
                        QuestionResult::parse(&r).ok_or(Error::Corrupt {
                            column: "scope_assessment.result",
                            value: r,
                        })
                    })
                    .transpose()?;
                Ok((
                    question_id.clone(),
                    AssessmentRecord {
                        question_id,
                        result,
                        implementation,
                        reference_documentation,
                        updated_at,
                    },
                ))
            },
        )
        .collect()
}

/// Stores one question's self-assessment, replacing what was there.
pub fn save(
    tx: &(impl crate::sql::Sql + ?Sized),
    scope: i64,
    record: &AssessmentRecord,
) -> Result<()> {
    let tx = tx.sqlite()?;
    tx.execute(
        "INSERT INTO scope_assessment
             (scope_id, question_id, result, implementation, reference_documentation, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (scope_id, question_id) DO UPDATE SET result = excluded.result,
             implementation = excluded.implementation,
             reference_documentation = excluded.reference_documentation,
             updated_at = excluded.updated_at",
        params![
            scope,
            record.question_id,
            record.result.map(QuestionResult::as_str),
            record.implementation,
            record.reference_documentation,
            record.updated_at
        ],
    )?;
    Ok(())
}

/// Records scope `scope`'s readiness for `day`, replacing an earlier record of that day.
pub fn record_readiness(
    conn: &(impl crate::sql::Sql + ?Sized),
    scope: i64,
    day: NaiveDate,
    tally: Tally,
) -> Result<()> {
    let conn = conn.sqlite()?;
    let n = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
    conn.execute(
        "INSERT INTO readiness_history (scope_id, day, covered, needs_review, missing)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (scope_id, day) DO UPDATE SET covered = excluded.covered,
             needs_review = excluded.needs_review, missing = excluded.missing",
        params![
            scope,
            day.to_string(),
            n(tally.covered),
            n(tally.needs_review),
            n(tally.missing)
        ],
    )?;
    Ok(())
}

/// Scope `scope`'s recorded readiness, oldest day first.
pub fn readiness_history(
    conn: &(impl crate::sql::Sql + ?Sized),
    scope: i64,
) -> Result<Vec<(NaiveDate, Tally)>> {
    let conn = conn.sqlite()?;
    let rows: Vec<(String, i64, i64, i64)> = conn
        .prepare(
            "SELECT day, covered, needs_review, missing FROM readiness_history
             WHERE scope_id = ?1 ORDER BY day",
        )?
        .query_map([scope], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let n = |v: i64| usize::try_from(v).unwrap_or(0);
    rows.into_iter()
        .map(|(day, covered, needs_review, missing)| {
            let day = NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|_| Error::Corrupt {
                column: "readiness_history.day",
                value: day,
            })?;
            Ok((
                day,
                Tally {
                    covered: n(covered),
                    needs_review: n(needs_review),
                    missing: n(missing),
                },
            ))
        })
        .collect()
}
