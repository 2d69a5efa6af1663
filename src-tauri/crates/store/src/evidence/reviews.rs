//! Evidence review dates as the deadlines list needs them: the four columns of each, the first
//! few in date order, and counts, so that a page of deadlines need not read every item.

use chrono::NaiveDate;
use rusqlite::types::Value;

use super::date;
use crate::{Error, Result};

/// A review date of an evidence item: what the deadlines list needs of it, and no more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewDate {
    pub id: i64,
    pub title: String,
    pub owner: String,
    pub review_due: NaiveDate,
}

/// Which review dates a list of deadlines keeps (core's `DeadlineFilter` as it applies to
/// them: they have no scope).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewFilter {
    /// Only items whose owner contains this (case ignored); an item without an owner has none.
    pub owner: Option<String>,
    /// Only reviews due on this day or before.
    pub due_by: Option<NaiveDate>,
}

/// The order review dates are read in: the deadlines list's order by one of its columns, as it
/// falls among the reviews (they share a kind and have no scope). Every order ends with the
/// date and the key `evidence-review-<id>` as text, as the list breaks ties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewOrder {
    /// By date.
    Date,
    /// By owner in people's order (the collation `natural_order`), those without one last in
    /// either direction.
    Owner,
    /// By the title followed by `suffix` in people's order: the order of the texts "Review
    /// evidence “<title>”" when every text starts alike and `suffix` is what follows the title.
    Text { suffix: String },
}

/// How many review dates a filter keeps, and of those how many are overdue or due soon.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReviewCounts {
    pub total: u64,
    /// Due before the day asked about.
    pub overdue: u64,
    /// Due from that day up to and including the day given as "soon".
    pub soon: u64,
}

/// The WHERE clause of `filter` and its parameters.
fn condition(filter: &ReviewFilter) -> (String, Vec<Value>) {
    let mut sql = String::from("review_due IS NOT NULL");
    let mut params = Vec::new();
    if let Some(owner) = &filter.owner {
        params.push(Value::Text(owner.clone()));
        sql.push_str(&format!(
            " AND owner <> '' AND contains_folded(owner, ?{})",
            params.len()
        ));
    }
    if let Some(day) = filter.due_by {
        params.push(Value::Text(day.to_string()));
        sql.push_str(&format!(" AND review_due <= ?{}", params.len()));
    }
    (sql, params)
}

/// The review dates `filter` keeps in `order`, or its reverse (`descending`; those without an
/// owner stay last by owner); the first `limit` of them, all for `None`.
pub fn review_dates(
    conn: &(impl crate::sql::Sql + ?Sized),
    filter: &ReviewFilter,
    order: &ReviewOrder,
    descending: bool,
    limit: Option<u64>,
) -> Result<Vec<ReviewDate>> {
    let conn = conn.sqlite()?;
    let (condition, mut params) = condition(filter);
    let dir = if descending { "DESC" } else { "ASC" };
    let by_date = format!("review_due {dir}, 'evidence-review-' || id {dir}");
    let order_by = match order {
        ReviewOrder::Date => by_date,
        ReviewOrder::Owner => {
            format!("owner = '', owner COLLATE natural_order {dir}, {by_date}")
        }
        ReviewOrder::Text { suffix } => {
            params.push(Value::Text(suffix.clone()));
            format!(
                "(title || ?{}) COLLATE natural_order {dir}, {by_date}",
                params.len()
            )
        }
    };
    params.push(Value::Integer(
        limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX)),
    ));
    let sql = format!(
        "SELECT id, title, owner, review_due FROM evidence WHERE {condition}
         ORDER BY {order_by} LIMIT ?{}",
        params.len()
    );
    let rows: Vec<(i64, String, String, String)> = conn
        .prepare_cached(&sql)?
        .query_map(rusqlite::params_from_iter(&params), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(id, title, owner, due)| {
            let review_due = date("evidence.review_due", Some(due))?.ok_or(Error::Corrupt {
                column: "evidence.review_due",
                value: String::new(),
            })?;
            Ok(ReviewDate {
                id,
                title,
                owner,
                review_due,
            })
        })
        .collect()
}

/// How many review dates `filter` keeps, how many of them are due before `today` and how many
/// from `today` to `soon_until`: one pass, no row read out.
pub fn review_counts(
    conn: &(impl crate::sql::Sql + ?Sized),
    filter: &ReviewFilter,
    today: NaiveDate,
    soon_until: NaiveDate,
) -> Result<ReviewCounts> {
    let conn = conn.sqlite()?;
    let (condition, mut params) = condition(filter);
    params.push(Value::Text(today.to_string()));
    let today_param = params.len();
    params.push(Value::Text(soon_until.to_string()));
    let soon_param = params.len();
    let sql = format!(
        "SELECT count(*), count(*) FILTER (WHERE review_due < ?{today_param}),
                count(*) FILTER (WHERE review_due >= ?{today_param} AND review_due <= ?{soon_param})
         FROM evidence WHERE {condition}"
    );
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(rusqlite::params_from_iter(&params), |r| {
            Ok(ReviewCounts {
                total: count(r.get(0)?),
                overdue: count(r.get(1)?),
                soon: count(r.get(2)?),
            })
        })?)
}

#[cfg(test)]
mod tests;
