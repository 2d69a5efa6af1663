//! Changes to many evidence items at once: one field set on every item of a list, every item
//! marked reviewed, every item removed. The caller runs them inside one `Db::write`, so a bulk
//! change is one transaction and one run of journal entries, whatever its size.

use crate::Result;
use crate::sql::{Sql, SqlExt as _, params};
use chrono::NaiveDate;
use csmsdesk_core::evidence::Classification;

/// The one field a bulk change sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkField {
    /// `None`: other documents, without a work product.
    WorkProduct(Option<String>),
    Owner(String),
    Classification(Classification),
    /// `None`: no review planned.
    ReviewDue(Option<NaiveDate>),
}

/// Sets `field` on every item of `ids`; returns how many rows changed value. An item that has
/// the value already is left alone, so the journal records only real changes.
pub fn set_field(tx: &(impl Sql + ?Sized), ids: &[i64], field: &BulkField) -> Result<usize> {
    let (column, value): (&str, Option<String>) = match field {
        BulkField::WorkProduct(wp) => ("work_product", wp.clone()),
        BulkField::Owner(owner) => ("owner", Some(owner.clone())),
        BulkField::Classification(c) => ("classification", Some(c.as_str().to_owned())),
        BulkField::ReviewDue(date) => ("review_due", date.map(|d| d.to_string())),
    };
    // `column` is one of four fixed names above, never text from outside. An owner is
    // written with its sort key (migration 0011); the others have none.
    let key = match field {
        BulkField::Owner(_) => ", owner_key = ?3",
        _ => "",
    };
    let owner_key = match field {
        BulkField::Owner(owner) => Some(super::sort_key(owner)),
        _ => None,
    };
    // `IS NOT` is SQLite's `IS DISTINCT FROM`; the cast tells PostgreSQL the type of ?2.
    let statement = tx.pick([
        "UPDATE evidence SET {column} = ?2{key} WHERE id = ?1 AND {column} IS NOT ?2",
        "UPDATE evidence SET {column} = ?2{key} WHERE id = ?1 AND {column} IS DISTINCT FROM CAST(?2 AS TEXT)",
    ]);
    let statement = statement.replace("{column}", column).replace("{key}", key);
    let mut changed = 0;
    for id in ids {
        changed += match &owner_key {
            Some(k) => tx.execute(&statement, params![*id, value.as_deref(), k.as_slice()])?,
            None => tx.execute(&statement, params![*id, value.as_deref()])?,
        };
    }
    Ok(usize::try_from(changed).unwrap_or(usize::MAX))
}

/// Marks the newest version of every item of `ids` as reviewed, and sets its next review
/// date when one is given; returns how many items were not reviewed yet or got a new date.
pub fn mark_reviewed(
    tx: &(impl Sql + ?Sized),
    ids: &[i64],
    next_review: Option<NaiveDate>,
) -> Result<usize> {
    let next = next_review.map(|d| d.to_string());
    // `IS NOT` is SQLite's `IS DISTINCT FROM`. `[sqlite, postgres]`.
    let statement = tx.pick([
        "UPDATE evidence SET reviewed_version = latest_version,
             review_due = coalesce(?2, review_due)
         WHERE id = ?1
           AND (reviewed_version IS NOT latest_version OR review_due IS NOT coalesce(?2, review_due))",
        "UPDATE evidence SET reviewed_version = latest_version,
             review_due = coalesce(CAST(?2 AS TEXT), review_due)
         WHERE id = ?1
           AND (reviewed_version IS DISTINCT FROM latest_version
                OR review_due IS DISTINCT FROM coalesce(CAST(?2 AS TEXT), review_due))",
    ]);
    let mut changed = 0;
    for id in ids {
        changed += tx.execute(statement, params![*id, next.as_deref()])?;
    }
    Ok(usize::try_from(changed).unwrap_or(usize::MAX))
}

/// Deletes every item of `ids` with its versions and links; returns how many were deleted.
/// Blobs stay in the vault (see `delete`).
pub fn delete(tx: &(impl Sql + ?Sized), ids: &[i64]) -> Result<usize> {
    let mut deleted = 0;
    for id in ids {
        deleted += tx.execute("DELETE FROM evidence WHERE id = ?1", params![*id])?;
    }
    Ok(usize::try_from(deleted).unwrap_or(usize::MAX))
}

#[cfg(test)]
mod tests;
