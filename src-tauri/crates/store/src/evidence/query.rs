//! Pages of evidence items: filtered, sorted and counted in SQL, so that a screen asks for the
//! hundred rows it shows and the number of the rest, never for every item.
//!
//! An item's state depends on the day (a review falls due) as well as its stored facts: the
//! SQL here decides it with the conditions of [`state_condition`], which a test holds to
//! core's `evidence_state` for every combination of facts.

use chrono::NaiveDate;
use csmsdesk_core::evidence::{Classification, EvidenceColumn, EvidenceState};
use csmsdesk_core::order::Direction;

use super::{EvidenceRecord, get_many};
use crate::sql::{Engine, Sql, SqlExt as _, Value, params};
use crate::{Error, Result};

mod matching;

/// One word of a text filter: an item matches when the word is part of its title, source
/// path (which ends in its file name), owner, work product ID or one of its link targets (case
/// ignored), or when its work product is one of `work_products` (those whose name, in the
/// reader's language, contains the word).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub work_products: Vec<&'static str>,
}

/// Which type an item must have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeFilter {
    /// This work product (`WP-09-02`).
    WorkProduct(&'static str),
    /// No work product: other documents.
    Other,
}

/// Which evidence items a list shows, and in which order. Every condition given must hold;
/// every word must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvidenceQuery {
    pub words: Vec<Word>,
    pub state: Option<EvidenceState>,
    pub work_product: Option<TypeFilter>,
    pub classification: Option<Classification>,
    /// `Some(false)`: only items linked to nothing; `Some(true)`: only linked ones.
    pub linked: Option<bool>,
    pub sort: EvidenceColumn,
    pub direction: Direction,
}

/// The condition under which an item of `evidence e` has `state` on `day` (a date literal).
/// The four are exclusive and together cover every item; each spells the freshness facts the
/// way the index `evidence_by_facts` (migration 0008) holds them.
///
/// SQLite compares the comparison's 0/1 with 0 and 1; PostgreSQL's is a `boolean`, which
/// compares with `false` and `true` (its index on the same expression serves both).
fn state_condition(engine: Engine, state: EvidenceState, day: &str) -> String {
    const PRESENT: &str = "e.source_missing = 0";
    const REVIEWED: &str = "(e.reviewed_version >= e.latest_version)";
    let (no, yes) = match engine {
        Engine::Sqlite => ("0", "1"),
        Engine::Postgres => ("false", "true"),
    };
    match state {
        EvidenceState::Missing => "e.source_missing = 1".to_owned(),
        EvidenceState::Changed => format!("{PRESENT} AND {REVIEWED} = {no}"),
        EvidenceState::ReviewDue => {
            format!("{PRESENT} AND {REVIEWED} = {yes} AND e.review_due <= '{day}'")
        }
        EvidenceState::Current => format!(
            "{PRESENT} AND {REVIEWED} = {yes} AND (e.review_due IS NULL OR e.review_due > '{day}')"
        ),
    }
}

/// An item's state on `day` as its rank in `EvidenceState::ALL` (most urgent first).
fn state_rank(engine: Engine, day: &str) -> String {
    let arms: String = EvidenceState::ALL
        .iter()
        .enumerate()
        .map(|(rank, state)| format!(" WHEN {} THEN {rank}", state_condition(engine, *state, day)))
        .collect();
    format!("(CASE{arms} END)")
}

/// An item's classification as its rank in `Classification::ALL` (most open first).
fn classification_rank() -> String {
    let arms: String = Classification::ALL
        .iter()
        .enumerate()
        .map(|(rank, c)| format!(" WHEN '{}' THEN {rank}", c.as_str()))
        .collect();
    format!("(CASE e.classification{arms} END)")
}

/// `text` as a LIKE pattern that finds it anywhere (with `\` as the escape character).
pub(crate) fn like_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// A parameter a filter holds until its statement runs.
#[derive(Debug, Clone)]
enum Param {
    Int(i64),
    Text(String),
}

/// A query's WHERE clause and the values of its numbered parameters.
struct Filter {
    engine: Engine,
    sql: String,
    params: Vec<Param>,
}

impl Filter {
    /// Adds `value` as the next parameter and returns its placeholder (`?3`).
    fn param(&mut self, value: Param) -> String {
        self.params.push(value);
        format!("?{}", self.params.len())
    }

    /// The parameters as the query layer binds them.
    fn values(&self) -> Vec<Value<'_>> {
        self.params
            .iter()
            .map(|p| match p {
                Param::Int(n) => Value::Int(*n),
                Param::Text(t) => Value::Text(t),
            })
            .collect()
    }

    fn new(conn: &(impl Sql + ?Sized), query: &EvidenceQuery, day: &str) -> Result<Filter> {
        let engine = conn.engine();
        let mut filter = Filter {
            engine,
            sql: String::new(),
            params: Vec::new(),
        };
        let mut clauses = Vec::new();
        for word in &query.words {
            clauses.push(match engine {
                Engine::Sqlite => filter.word(word),
                Engine::Postgres => filter.word_on_postgres(conn, word)?,
            });
        }
        if let Some(state) = query.state {
            clauses.push(state_condition(engine, state, day));
        }
        match &query.work_product {
            Some(TypeFilter::WorkProduct(wp)) => {
                let p = filter.param(Param::Text((*wp).to_owned()));
                clauses.push(format!("e.work_product = {p}"));
            }
            Some(TypeFilter::Other) => clauses.push("e.work_product IS NULL".to_owned()),
            None => {}
        }
        if let Some(classification) = query.classification {
            let p = filter.param(Param::Text(classification.as_str().to_owned()));
            clauses.push(format!("e.classification = {p}"));
        }
        if let Some(linked) = query.linked {
            let not = if linked { "" } else { "NOT " };
            clauses.push(format!(
                "{not}EXISTS (SELECT 1 FROM evidence_link l WHERE l.evidence_id = e.id)"
            ));
        }
        filter.sql = if clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", clauses.join(" AND "))
        };
        Ok(filter)
    }

    /// The condition for one word. A word that is ASCII once folded goes through SQLite's
    /// LIKE, which ignores the case of ASCII letters (and folds nothing else in the texts: a
    /// rare character whose lower case is ASCII, such as the Kelvin sign, stays itself). A
    /// word with other letters (`über`) goes through `contains_folded` (registered on every
    /// connection, see `db::register_text_functions`), which folds all of them, and only for
    /// texts with a character beyond ASCII (fewer characters than bytes): a text without one
    /// cannot hold such a word, and SQLite counts both without calling into Rust.
    fn word(&mut self, word: &Word) -> String {
        let folded = word.text.to_lowercase();
        let ascii = folded.is_ascii();
        let p = if ascii {
            self.param(Param::Text(like_pattern(&folded)))
        } else {
            self.param(Param::Text(folded))
        };
        let test = |column: &str| {
            if ascii {
                format!("{column} LIKE {p} ESCAPE '\\'")
            } else {
                format!(
                    "(length({column}) < octet_length({column}) AND contains_folded({column}, {p}))"
                )
            }
        };
        // The file name is not tested on its own: every version's file name is the last part
        // of the item's source path.
        let mut parts = vec![
            test("e.title"),
            test("CAST(e.source_path AS TEXT)"),
            test("e.owner"),
            test("e.work_product"),
        ];
        if !word.work_products.is_empty() {
            let named: Vec<String> = word
                .work_products
                .iter()
                .map(|wp| self.param(Param::Text((*wp).to_owned())))
                .collect();
            parts.push(format!("e.work_product IN ({})", named.join(", ")));
        }
        // Not correlated with `e`: SQLite reads the links once per query into a temporary
        // index of item ids, instead of seeking the links of every item not matched yet.
        parts.push(format!(
            "e.id IN (SELECT l.evidence_id FROM evidence_link l WHERE {})",
            test("l.target_id")
        ));
        format!("({})", parts.join(" OR "))
    }

    fn is_empty(&self) -> bool {
        self.sql.is_empty()
    }
}

/// The ORDER BY terms of `query`: its column in its direction, items without a value last,
/// ties by id.
///
/// Titles and owners by their stored keys (migration 0011: people's order on both engines);
/// work product IDs by their bytes (`COLLATE "C"` on PostgreSQL, whose database sorts by a
/// language).
fn order_by(engine: Engine, query: &EvidenceQuery, day: &str) -> String {
    let dir = match query.direction {
        Direction::Ascending => "ASC",
        Direction::Descending => "DESC",
    };
    let work_product = match engine {
        Engine::Sqlite => "e.work_product",
        Engine::Postgres => "e.work_product COLLATE \"C\"",
    };
    match query.sort {
        EvidenceColumn::Title => format!("e.title_key {dir}, e.id"),
        EvidenceColumn::Type => format!("e.work_product IS NULL, {work_product} {dir}, e.id"),
        EvidenceColumn::Owner => format!("e.owner = '', e.owner_key {dir}, e.id"),
        EvidenceColumn::Classification => format!("{} {dir}, e.id", classification_rank()),
        EvidenceColumn::ReviewDue => format!("e.review_due IS NULL, e.review_due {dir}, e.id"),
        EvidenceColumn::Version => format!("e.latest_version {dir}, e.id"),
        EvidenceColumn::State => format!("{} {dir}, e.id", state_rank(engine, day)),
        EvidenceColumn::Links => {
            format!("(SELECT count(*) FROM evidence_link l WHERE l.evidence_id = e.id) {dir}, e.id")
        }
    }
}

fn count_of(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

/// The items a query keeps, in its order, as far as a page asked for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub records: Vec<EvidenceRecord>,
    /// How many items the query keeps in all.
    pub total: u64,
}

/// The items `query` keeps on `day`, in its order: `limit` of them (all for `None`) after
/// skipping `offset`, and how many it keeps in all.
pub fn page(
    conn: &(impl Sql + ?Sized),
    query: &EvidenceQuery,
    day: NaiveDate,
    offset: u64,
    limit: Option<u64>,
) -> Result<Page> {
    let today = day.to_string();
    let mut filter = Filter::new(conn, query, &today)?;
    // No limit is the largest (PostgreSQL refuses SQLite's negative one).
    let limit = filter.param(Param::Int(
        limit.map_or(i64::MAX, |l| i64::try_from(l).unwrap_or(i64::MAX)),
    ));
    let offset = filter.param(Param::Int(i64::try_from(offset).unwrap_or(i64::MAX)));
    // A filtered list is counted in the same pass that finds its rows (a window over what the
    // filter keeps); an unfiltered one is counted by the table's count, so that its sort can
    // stop after the page (SQLite keeps only the first rows when nothing needs them all).
    let counted = if filter.is_empty() {
        "0"
    } else {
        "count(*) OVER ()"
    };
    let sql = format!(
        "SELECT e.id, {counted} FROM evidence e{} ORDER BY {} LIMIT {limit} OFFSET {offset}",
        filter.sql,
        order_by(filter.engine, query, &today)
    );
    let rows: Vec<(i64, i64)> =
        conn.query_map(&sql, &filter.values(), |r| Ok((r.get(0)?, r.get(1)?)))?;
    let total = match rows.first() {
        _ if filter.is_empty() => total(conn)?,
        Some((_, n)) => count_of(*n),
        // Past the end, or a count alone: the filter's count on its own.
        None => count(conn, query, day)?,
    };
    // The rows shown read whole in one statement: the page is small, and reading whole
    // records only for it keeps the sort over the narrow rows.
    let ids: Vec<i64> = rows.iter().map(|(id, _)| *id).collect();
    let records = get_many(conn, &ids)?;
    if records.len() != ids.len() {
        let missing = ids
            .iter()
            .find(|id| !records.iter().any(|r| r.id == **id))
            .copied()
            .unwrap_or_default();
        return Err(Error::Corrupt {
            column: "evidence.id",
            value: missing.to_string(),
        });
    }
    Ok(Page { records, total })
}

/// How many items `query` keeps on `day` (its sort is ignored).
pub fn count(conn: &(impl Sql + ?Sized), query: &EvidenceQuery, day: NaiveDate) -> Result<u64> {
    let day = day.to_string();
    let filter = Filter::new(conn, query, &day)?;
    let sql = format!("SELECT count(*) FROM evidence e{}", filter.sql);
    let n: i64 = conn.query_row(&sql, &filter.values(), |r| r.get(0))?;
    Ok(count_of(n))
}

/// The ids of every item `query` keeps on `day`, in id order (its sort is ignored): what a
/// bulk change "to all N matching the filter" works on, whatever page the screen shows.
pub fn matching_ids(
    conn: &(impl Sql + ?Sized),
    query: &EvidenceQuery,
    day: NaiveDate,
) -> Result<Vec<i64>> {
    let day = day.to_string();
    let filter = Filter::new(conn, query, &day)?;
    let sql = format!("SELECT e.id FROM evidence e{} ORDER BY e.id", filter.sql);
    conn.query_map(&sql, &filter.values(), |r| r.get(0))
}

/// How many evidence items there are.
pub fn total(conn: &(impl Sql + ?Sized)) -> Result<u64> {
    let n: i64 = conn.query_row("SELECT count(*) FROM evidence", params![], |r| r.get(0))?;
    Ok(count_of(n))
}

#[cfg(test)]
mod tests;
