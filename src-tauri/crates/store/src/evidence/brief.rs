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

use super::date;
use crate::Result;
use crate::sql::{Engine, Row, Sql, SqlExt as _, Value};

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
    conn: &(impl Sql + ?Sized),
    words: &[&str],
    limit: usize,
) -> Result<Vec<BriefRecord>> {
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
    // PostgreSQL narrows as that LIKE does: `strpos` in the text folded under "C" (ASCII
    // letters only), the source path's bytes read as Latin-1 (ASCII bytes as themselves).
    let engine = conn.engine();
    let patterns: Vec<String> = words
        .iter()
        .filter(|w| w.is_ascii())
        .map(|w| match engine {
            Engine::Postgres => w.clone(),
            Engine::Sqlite => {
                let escaped = w
                    .replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_");
                format!("%{escaped}%")
            }
        })
        .collect();
    let conditions: Vec<String> = (1..=patterns.len())
        .map(|n| match engine {
            Engine::Sqlite => format!(
                "(e.title LIKE ?{n} ESCAPE '\\' OR e.owner LIKE ?{n} ESCAPE '\\'
                  OR e.work_product LIKE ?{n} ESCAPE '\\'
                  OR CAST(e.source_path AS TEXT) LIKE ?{n} ESCAPE '\\')"
            ),
            Engine::Postgres => {
                let test = |x: &str| format!("strpos(lower({x} COLLATE \"C\"), ?{n}) > 0");
                format!(
                    "({} OR {} OR {} OR {})",
                    test("e.title"),
                    test("e.owner"),
                    test("e.work_product"),
                    test("convert_from(e.source_path, 'LATIN1')")
                )
            }
        })
        .collect();
    let filter = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let params: Vec<Value<'_>> = patterns.iter().map(|p| Value::Text(p)).collect();
    // A max-heap: the worst of the best `limit` so far is on top, to be dropped first.
    let mut best: BinaryHeap<Ranked> = BinaryHeap::with_capacity(limit + 1);
    let sql = format!("SELECT {BRIEF}, e.owner, e.source_path FROM evidence e {filter}");
    conn.each_row(&sql, &params, &mut |row| {
        let title = fold(&row.get::<String>(1)?);
        let in_title = words.iter().all(|w| title.contains(w.as_str()));
        let rank = match words.first() {
            Some(first) if in_title && title.starts_with(first.as_str()) => 0,
            _ if in_title => 1,
            _ => {
                let work_product: Option<String> = row.get(2)?;
                let owner: String = row.get(6)?;
                let path: Vec<u8> = row.get(7)?;
                let rest = fold(&format!(
                    "{}\n{owner}\n{}",
                    work_product.as_deref().unwrap_or(""),
                    String::from_utf8_lossy(&path)
                ));
                let found = |w: &String| title.contains(w.as_str()) || rest.contains(w.as_str());
                if !words.iter().all(found) {
                    return Ok(true);
                }
                2
            }
        };
        let key = (rank, title, row.get::<i64>(0)?);
        if best.len() == limit && best.peek().is_some_and(|worst| key >= worst.key) {
            return Ok(true);
        }
        best.push(Ranked {
            key,
            brief: brief_of(row, 0)?,
        });
        if best.len() > limit {
            best.pop();
        }
        Ok(true)
    })?;
    Ok(best
        .into_sorted_vec()
        .into_iter()
        .map(|r| r.brief)
        .collect())
}

/// The briefs of the items of `ids` that exist, in the order given (an index seek each).
pub fn briefs(conn: &(impl Sql + ?Sized), ids: &[i64]) -> Result<Vec<BriefRecord>> {
    let sql = format!("SELECT {BRIEF} FROM evidence e WHERE e.id = ?1");
    let mut found = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(brief) = conn.optional(&sql, &[Value::Int(*id)], |row| brief_of(row, 0))? {
            found.push(brief);
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
    conn: &(impl Sql + ?Sized),
    catalogue: i64,
    scope: i64,
    targets: &[&str],
    limit: Option<usize>,
) -> Result<(usize, Vec<BriefRecord>)> {
    if targets.is_empty() {
        return Ok((0, Vec::new()));
    }
    // Numbered placeholders: ?1 the catalogue, then the targets, then the scope.
    let marks: Vec<String> = (0..targets.len()).map(|i| format!("?{}", i + 2)).collect();
    let scope_mark = targets.len() + 2;
    let linked = format!(
        "SELECT evidence_id FROM evidence_link
         WHERE catalogue_id = ?1 AND target_id IN ({}) AND (scope_id IS NULL OR scope_id = ?{scope_mark})",
        marks.join(", ")
    );
    let mut values: Vec<Value<'_>> = vec![Value::Int(catalogue)];
    values.extend(targets.iter().map(|t| Value::Text(t)));
    values.push(Value::Int(scope));
    let count = |n: i64| usize::try_from(n).unwrap_or(0);
    if limit == Some(0) {
        let total: i64 = conn.query_row(
            &format!("SELECT count(DISTINCT evidence_id) FROM ({linked}) t"),
            &values,
            |r| r.get(0),
        )?;
        return Ok((count(total), Vec::new()));
    }
    // `count(*) OVER ()` is taken before the LIMIT: every item that counts. No limit is the
    // largest (PostgreSQL refuses SQLite's negative one). SQLite's NOCASE order is
    // PostgreSQL's `lower` under "C" (ASCII letters folded, then bytes).
    let by_title = conn.pick(["e.title COLLATE NOCASE", "lower(e.title COLLATE \"C\")"]);
    let sql = format!(
        "SELECT {BRIEF}, count(*) OVER () FROM evidence e WHERE e.id IN ({linked})
         ORDER BY {by_title}, e.id LIMIT ?{}",
        scope_mark + 1
    );
    let limit = limit.map_or(i64::MAX, |l| i64::try_from(l).unwrap_or(i64::MAX));
    values.push(Value::Int(limit));
    let mut total = 0;
    let mut found = Vec::new();
    conn.each_row(&sql, &values, &mut |row| {
        total = count(row.get(6)?);
        found.push(brief_of(row, 0)?);
        Ok(true)
    })?;
    Ok((total, found))
}

#[cfg(test)]
mod tests;
