//! Evidence review dates as the deadlines list needs them: the four columns of each, the first
//! few in date order, and counts, so that a page of deadlines need not read every item.

use chrono::NaiveDate;
use csmsdesk_core::order::{FoldedPart, natural_cmp};

use super::date;
use super::many::{ID_LIST, id_list};
use crate::sql::{Engine, Sql, SqlExt as _, Value};
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
    /// By owner in people's order (its stored key, migration 0011), those without one last
    /// in either direction.
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

/// A parameter held until its statement runs.
enum Param {
    Int(i64),
    Text(String),
}

fn values(params: &[Param]) -> Vec<Value<'_>> {
    params
        .iter()
        .map(|p| match p {
            Param::Int(n) => Value::Int(*n),
            Param::Text(t) => Value::Text(t),
        })
        .collect()
}

/// The WHERE clause of `filter` and its parameters. The owner is matched by core's
/// `FoldedPart`: SQLite's `contains_folded`; on PostgreSQL, which has neither, core decides
/// on the owners here and the statement keeps the ids found.
fn condition(conn: &(impl Sql + ?Sized), filter: &ReviewFilter) -> Result<(String, Vec<Param>)> {
    let mut sql = String::from("review_due IS NOT NULL");
    let mut params = Vec::new();
    if let Some(owner) = &filter.owner {
        match conn.engine() {
            Engine::Sqlite => {
                params.push(Param::Text(owner.clone()));
                sql.push_str(&format!(
                    " AND owner <> '' AND contains_folded(owner, ?{})",
                    params.len()
                ));
            }
            Engine::Postgres => {
                let part = FoldedPart::new(owner);
                let owned: Vec<(i64, String)> = conn.query_map(
                    "SELECT id, owner FROM evidence WHERE review_due IS NOT NULL AND owner <> ''",
                    &[],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                let ids: Vec<i64> = owned
                    .into_iter()
                    .filter(|(_, o)| part.is_in(o))
                    .map(|(id, _)| id)
                    .collect();
                params.push(Param::Text(id_list(&ids)));
                let p = format!("?{}", params.len());
                sql.push_str(&format!(" AND id IN ({})", ID_LIST[1].replace("?1", &p)));
            }
        }
    }
    if let Some(day) = filter.due_by {
        params.push(Param::Text(day.to_string()));
        sql.push_str(&format!(" AND review_due <= ?{}", params.len()));
    }
    Ok((sql, params))
}

/// The review dates `filter` keeps in `order`, or its reverse (`descending`; those without an
/// owner stay last by owner); the first `limit` of them, all for `None`.
///
/// By text on PostgreSQL (no `natural_order` collation, and no stored key for a title with
/// a suffix): every review date the filter keeps, sorted here as SQLite sorts them.
pub fn review_dates(
    conn: &(impl Sql + ?Sized),
    filter: &ReviewFilter,
    order: &ReviewOrder,
    descending: bool,
    limit: Option<u64>,
) -> Result<Vec<ReviewDate>> {
    let engine = conn.engine();
    let (condition, mut params) = condition(conn, filter)?;
    let dir = if descending { "DESC" } else { "ASC" };
    // The key as text sorts by its bytes (`COLLATE "C"` on PostgreSQL).
    let key = match engine {
        Engine::Sqlite => "'evidence-review-' || id",
        Engine::Postgres => "('evidence-review-' || id) COLLATE \"C\"",
    };
    let by_date = format!("review_due {dir}, {key} {dir}");
    let mut in_rust = None;
    let order_by = match order {
        ReviewOrder::Date => by_date,
        ReviewOrder::Owner => format!("owner = '', owner_key {dir}, {by_date}"),
        ReviewOrder::Text { suffix } if engine == Engine::Postgres => {
            in_rust = Some(suffix.as_str());
            by_date
        }
        ReviewOrder::Text { suffix } => {
            params.push(Param::Text(suffix.clone()));
            format!(
                "(title || ?{}) COLLATE natural_order {dir}, {by_date}",
                params.len()
            )
        }
    };
    // No limit is the largest (PostgreSQL refuses SQLite's negative one).
    let limit = limit.map_or(i64::MAX, |l| i64::try_from(l).unwrap_or(i64::MAX));
    params.push(Param::Int(if in_rust.is_some() { i64::MAX } else { limit }));
    let sql = format!(
        "SELECT id, title, owner, review_due FROM evidence WHERE {condition}
         ORDER BY {order_by} LIMIT ?{}",
        params.len()
    );
    let mut rows = conn
        .query_map(&sql, &values(&params), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .into_iter()
        .map(|(id, title, owner, due): (i64, String, String, String)| {
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
        .collect::<Result<Vec<_>>>()?;
    if let Some(suffix) = in_rust {
        rows = first_by_text(rows, suffix, descending, limit);
    }
    Ok(rows)
}

/// How many review dates `filter` keeps, how many of them are due before `today` and how many
/// from `today` to `soon_until`: one pass, no row read out.
pub fn review_counts(
    conn: &(impl Sql + ?Sized),
    filter: &ReviewFilter,
    today: NaiveDate,
    soon_until: NaiveDate,
) -> Result<ReviewCounts> {
    let (condition, mut params) = condition(conn, filter)?;
    params.push(Param::Text(today.to_string()));
    let today_param = params.len();
    params.push(Param::Text(soon_until.to_string()));
    let soon_param = params.len();
    let sql = format!(
        "SELECT count(*), count(*) FILTER (WHERE review_due < ?{today_param}),
                count(*) FILTER (WHERE review_due >= ?{today_param} AND review_due <= ?{soon_param})
         FROM evidence WHERE {condition}"
    );
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    conn.query_row(&sql, &values(&params), |r| {
        Ok(ReviewCounts {
            total: count(r.get(0)?),
            overdue: count(r.get(1)?),
            soon: count(r.get(2)?),
        })
    })
}

/// PostgreSQL's order by what is due (it has no `natural_order` collation): the first `limit`
/// of `rows` by their title followed by `suffix` in people's order, then by date and by the
/// deadline's key, as SQLite's statement orders them. Each text is made once, and only the
/// rows of the page are sorted (a selection finds them): 20,000 reviews sorted whole took
/// 111 ms (`cargo xtask bench pages`).
fn first_by_text(
    rows: Vec<ReviewDate>,
    suffix: &str,
    descending: bool,
    limit: i64,
) -> Vec<ReviewDate> {
    let mut keyed: Vec<(String, ReviewDate)> = rows
        .into_iter()
        .map(|row| (format!("{}{suffix}", row.title), row))
        .collect();
    let order = |(a_text, a): &(String, ReviewDate), (b_text, b): &(String, ReviewDate)| {
        let order = natural_cmp(a_text, b_text)
            .then(a.review_due.cmp(&b.review_due))
            .then_with(|| a.id.to_string().cmp(&b.id.to_string()));
        if descending { order.reverse() } else { order }
    };
    let take = usize::try_from(limit).unwrap_or(usize::MAX);
    if take == 0 {
        return Vec::new();
    }
    if keyed.len() > take {
        keyed.select_nth_unstable_by(take - 1, order);
        keyed.truncate(take);
    }
    keyed.sort_unstable_by(order);
    keyed.into_iter().map(|(_, row)| row).collect()
}

#[cfg(test)]
mod tests;
