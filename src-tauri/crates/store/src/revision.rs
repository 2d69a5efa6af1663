//! Optimistic concurrency (issue 20): two people who edit the same record from their desks
//! never overwrite each other's change unseen.
//!
//! Each record a form edits whole has a revision, kept in `row_revision` (migration 0014): 0
//! until its first save, then one more per save, with the person (the journal's user) and
//! the time of that save. A form reads the revision with the record and sends it back with
//! the change; [`claim`] moves the record to its next revision inside the saving transaction
//! and refuses, with [`Error::Changed`] naming who saved in between and when, when the
//! record is no longer at the revision the form was based on.
//!
//! - Read the revision *before* the record ([`of`], [`of_all`]): a save landing between the
//!   two reads then makes the form's revision older than its data, and its save is refused
//!   (safe), never the other way round (a lost update).
//! - On PostgreSQL the upsert locks the revision's row until the transaction ends: a second
//!   desk saving the same record at the same moment waits, then sees the new revision and is
//!   refused. A SQLite workspace has one writer at a time.
//! - Different records, and changes that name single fields (the CLI's `edit`, a status),
//!   do not pass a revision ([`claim`] with `None`): they never block each other, and still
//!   move the revision on, so that a form opened before them is refused.

use std::collections::HashMap;

use crate::sql::{Sql, SqlExt as _, params};
use crate::{Error, Result};

#[cfg(test)]
mod tests;

/// The records whose forms save them whole, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Record {
    Location,
    Scope,
    ProtectionObject,
    Evidence,
    Audit,
    Finding,
    Action,
}

impl Record {
    /// The table the record's row lives in (its `tbl` in `row_revision` and the journal).
    pub fn table(self) -> &'static str {
        match self {
            Record::Location => "location",
            Record::Scope => "scope",
            Record::ProtectionObject => "protection_object",
            Record::Evidence => "evidence",
            Record::Audit => "audit",
            Record::Finding => "finding",
            Record::Action => "corrective_action",
        }
    }
}

/// Record `id`'s revision: 0 when it was never saved since it was added.
pub fn of(conn: &(impl Sql + ?Sized), record: Record, id: i64) -> Result<i64> {
    Ok(conn
        .optional(
            "SELECT revision FROM row_revision WHERE tbl = ?1 AND id = ?2",
            params![record.table(), id],
            |r| r.get(0),
        )?
        .unwrap_or(0))
}

/// The revisions of every saved record of a kind, by id (a record not named is at 0).
pub fn of_all(conn: &(impl Sql + ?Sized), record: Record) -> Result<HashMap<i64, i64>> {
    Ok(conn
        .query_map(
            "SELECT id, revision FROM row_revision WHERE tbl = ?1",
            params![record.table()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?
        .into_iter()
        .collect())
}

/// Moves record `id` to its next revision inside the write transaction `tx` and answers it.
/// With `based_on`, the record must still be at that revision: else nothing is changed and
/// the answer is [`Error::Changed`] with who saved the revision it is at, and when.
pub fn claim(
    tx: &(impl Sql + ?Sized),
    record: Record,
    id: i64,
    based_on: Option<i64>,
) -> Result<i64> {
    // Who and when, as the journal writes them on each engine.
    let sql = tx.pick([
        "INSERT INTO row_revision (tbl, id, revision, by_user, at)
         VALUES (?1, ?2, 1, journal_user(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         ON CONFLICT (tbl, id) DO UPDATE
            SET revision = row_revision.revision + 1, by_user = excluded.by_user, at = excluded.at
          WHERE CAST(?3 AS BIGINT) IS NULL OR row_revision.revision = ?3
         RETURNING revision",
        "INSERT INTO row_revision (tbl, id, revision, by_user, at)
         VALUES (?1, ?2, 1, session_user, journal_now())
         ON CONFLICT (tbl, id) DO UPDATE
            SET revision = row_revision.revision + 1, by_user = excluded.by_user, at = excluded.at
          WHERE CAST(?3 AS BIGINT) IS NULL OR row_revision.revision = ?3
         RETURNING revision",
    ]);
    let table = record.table();
    let moved: Option<i64> = tx.optional(sql, params![table, id, &based_on], |r| r.get(0))?;
    match (moved, based_on) {
        (Some(revision), None) => Ok(revision),
        (Some(revision), Some(base)) if revision == base + 1 => Ok(revision),
        _ => {
            // Refused: the row (locked by the upsert on PostgreSQL) says who is ahead.
            let (by, at) = tx.query_row(
                "SELECT by_user, at FROM row_revision WHERE tbl = ?1 AND id = ?2",
                params![table, id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            Err(Error::Changed {
                record: table,
                id,
                by,
                at,
            })
        }
    }
}

/// Moves every record of `ids` (distinct) to its next revision, unconditionally, in one
/// statement: a change of named fields of many records at once (the vault's bulk changes),
/// after which a form opened before it is refused.
pub fn claim_all(tx: &(impl Sql + ?Sized), record: Record, ids: &[i64]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    // The ids as a JSON array, read by each engine's JSON table function. SQLite asks for a
    // WHERE before ON CONFLICT after a SELECT (else it reads ON as a join's).
    let sql = tx.pick([
        "INSERT INTO row_revision (tbl, id, revision, by_user, at)
         SELECT ?1, value, 1, journal_user(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
           FROM json_each(?2) WHERE true
         ON CONFLICT (tbl, id) DO UPDATE
            SET revision = row_revision.revision + 1, by_user = excluded.by_user, at = excluded.at",
        "INSERT INTO row_revision (tbl, id, revision, by_user, at)
         SELECT ?1, CAST(value AS BIGINT), 1, session_user, journal_now()
           FROM jsonb_array_elements_text(CAST(CAST(?2 AS TEXT) AS jsonb)) AS t(value)
         ON CONFLICT (tbl, id) DO UPDATE
            SET revision = row_revision.revision + 1, by_user = excluded.by_user, at = excluded.at",
    ]);
    let list = format!(
        "[{}]",
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
    );
    tx.execute(sql, params![record.table(), list.as_str()])?;
    Ok(())
}
