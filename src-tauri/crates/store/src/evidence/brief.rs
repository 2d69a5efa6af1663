//! Light rows of evidence items: what a picker, a search result or a chip shows (id, title,
//! work product and the facts its state is decided by), found by text, by id or by what they
//! are linked to, without the full record, its versions or its links.
//!
//! These answer screens that must stay quick with tens of thousands of items: a search reads
//! the table's light columns once and keeps only the best few rows; the evidence of a target
//! is an index seek, and only the first few rows by title leave SQLite.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension as _, Row};

use super::date;
use crate::Result;

/// An evidence item as a picker or a chip shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefRecord {
    pub id: i64,
    pub title: String,
    /// `WP-09-02`, or `None` for other documents.
    pub work_product: Option<String>,
    pub source_missing: bool,
    /// The newest version is the reviewed one.
    pub latest_reviewed: bool,
    pub review_due: Option<NaiveDate>,
}

/// Text as the search compares it: lower case, so that "Prüf", "PRÜF" and "prüf" are one.
/// (SQLite's `LIKE` folds ASCII letters only, which would miss "ÜBER" for "über".)
pub fn fold(text: &str) -> String {
    text.to_lowercase()
}

/// `BRIEF` reads these columns of `evidence e`, in this order, for [`brief_of`].
const BRIEF: &str = "e.id, e.title, e.work_product, e.source_missing,
    e.reviewed_version >= e.latest_version, e.review_due";

/// A brief from the six columns of [`BRIEF`] starting at column `at`.
fn brief_of(row: &Row<'_>, at: usize) -> Result<BriefRecord> {
    Ok(BriefRecord {
        id: row.get(at)?,
        title: row.get(at + 1)?,
        work_product: row.get(at + 2)?,
        source_missing: row.get(at + 3)?,
        latest_reviewed: row.get(at + 4)?,
        review_due: date("evidence.review_due", row.get(at + 5)?)?,
    })
}

/// A search result waiting for its place: ordered by how well it matches (`rank`: 0 the
/// title starts with the first word, 1 the title holds every word, 2 another field does),
/// then by folded title, then by id.
struct Ranked {
    key: (u8, String, i64),
    brief: BriefRecord,
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key)
    }
}

/// The evidence items in which every one of `words` occurs (in the title, the source path,
/// the work product or the owner; case ignored), at most `limit`, best first: the title
/// starting with the first word, then the title holding every word, then the rest; each
/// group by title, then id. No words: every item, by title.
///
/// One pass over the table's light columns (a substring cannot use an index); only the best
/// `limit` rows are kept while it runs, so its memory does not grow with the table.
pub fn search(
    conn: &(impl crate::sql::Sql + ?Sized),
    words: &[&str],
    limit: usize,
) -> Result<Vec<BriefRecord>> {
    let conn = conn.sqlite()?;
    if limit == 0 {
        return Ok(Vec::new());
    }
    let words: Vec<String> = words
        .iter()
        .map(|w| fold(w.trim()))
        .filter(|w| !w.is_empty())
        .collect();
    // SQLite's LIKE (ASCII case folding, in C) narrows the rows for every word written in
    // ASCII; the comparison below decides for every word. The two agree on ASCII words but
    // for the few letters whose lower case is ASCII without being so (the Kelvin sign).
    let patterns: Vec<String> = words
        .iter()
        .filter(|w| w.is_ascii())
        .map(|w| {
            let escaped = w
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            format!("%{escaped}%")
        })
        .collect();
    let conditions: Vec<String> = (1..=patterns.len())
        .map(|n| {
            format!(
                "(e.title LIKE ?{n} ESCAPE '\\' OR e.owner LIKE ?{n} ESCAPE '\\'
                  OR e.work_product LIKE ?{n} ESCAPE '\\'
                  OR CAST(e.source_path AS TEXT) LIKE ?{n} ESCAPE '\\')"
            )
        })
        .collect();
    let filter = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT {BRIEF}, e.owner, e.source_path FROM evidence e {filter}"
    ))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(&patterns))?;
    // A max-heap: the worst of the best `limit` so far is on top, to be dropped first.
    let mut best: BinaryHeap<Ranked> = BinaryHeap::with_capacity(limit + 1);
    while let Some(row) = rows.next()? {
        let title = fold(row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?);
        let in_title = words.iter().all(|w| title.contains(w.as_str()));
        let rank = match words.first() {
            Some(first) if in_title && title.starts_with(first.as_str()) => 0,
            _ if in_title => 1,
            _ => {
                let work_product = row
                    .get_ref(2)?
                    .as_str_or_null()
                    .map_err(rusqlite::Error::from)?;
                let owner = row.get_ref(6)?.as_str().map_err(rusqlite::Error::from)?;
                let path = row.get_ref(7)?.as_bytes().map_err(rusqlite::Error::from)?;
                let rest = fold(&format!(
                    "{}\n{owner}\n{}",
                    work_product.unwrap_or(""),
                    String::from_utf8_lossy(path)
                ));
                let found = |w: &String| title.contains(w.as_str()) || rest.contains(w.as_str());
                if !words.iter().all(found) {
                    continue;
                }
                2
            }
        };
        let key = (rank, title, row.get::<_, i64>(0)?);
        if best.len() == limit && best.peek().is_some_and(|worst| key >= worst.key) {
            continue;
        }
        best.push(Ranked {
            key,
            brief: brief_of(row, 0)?,
        });
        if best.len() > limit {
            best.pop();
        }
    }
    Ok(best
        .into_sorted_vec()
        .into_iter()
        .map(|r| r.brief)
        .collect())
}

/// The briefs of the items of `ids` that exist, in the order given (an index seek each).
pub fn briefs(conn: &(impl crate::sql::Sql + ?Sized), ids: &[i64]) -> Result<Vec<BriefRecord>> {
    let conn = conn.sqlite()?;
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {BRIEF} FROM evidence e WHERE e.id = ?1"))?;
    let mut found = Vec::with_capacity(ids.len());
    for id in ids {
        let row = stmt
            .query_row([id], |row| Ok(brief_of(row, 0)))
            .optional()?;
        if let Some(brief) = row {
            found.push(brief?);
        }
    }
    Ok(found)
}

/// The evidence linked to any of `targets` of catalogue `catalogue` that counts for scope
/// `scope` (its own links and those for every scope, whatever their protection object):
/// how many items, and the first `limit` of them by title (case ignored), then id; all of
/// them when `limit` is `None`. An index seek per target; only the rows asked for leave
/// SQLite.
pub fn linked(
    conn: &(impl crate::sql::Sql + ?Sized),
    catalogue: i64,
    scope: i64,
    targets: &[&str],
    limit: Option<usize>,
) -> Result<(usize, Vec<BriefRecord>)> {
    let conn = conn.sqlite()?;
    if targets.is_empty() {
        return Ok((0, Vec::new()));
    }
    let marks = vec!["?"; targets.len()].join(", ");
    let linked = format!(
        "SELECT evidence_id FROM evidence_link
         WHERE catalogue_id = ? AND target_id IN ({marks}) AND (scope_id IS NULL OR scope_id = ?)"
    );
    let mut values: Vec<&dyn rusqlite::ToSql> = vec![&catalogue];
    values.extend(targets.iter().map(|t| t as &dyn rusqlite::ToSql));
    values.push(&scope);
    let count = |n: i64| usize::try_from(n).unwrap_or(0);
    if limit == Some(0) {
        let total: i64 = conn.query_row(
            &format!("SELECT count(DISTINCT evidence_id) FROM ({linked})"),
            values.as_slice(),
            |r| r.get(0),
        )?;
        return Ok((count(total), Vec::new()));
    }
    // `count(*) OVER ()` is taken before the LIMIT: every item that counts. A negative
    // LIMIT is none.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {BRIEF}, count(*) OVER () FROM evidence e WHERE e.id IN ({linked})
         ORDER BY e.title COLLATE NOCASE, e.id LIMIT ?"
    ))?;
    let limit = limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
    values.push(&limit);
    let mut rows = stmt.query(values.as_slice())?;
    let mut total = 0;
    let mut found = Vec::new();
    while let Some(row) = rows.next()? {
        total = count(row.get(6)?);
        found.push(brief_of(row, 0)?);
    }
    Ok((total, found))
}

#[cfg(test)]
mod tests;
