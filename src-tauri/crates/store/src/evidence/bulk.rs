//! Changes to many evidence items at once: one field set on every item of a list, every item
//! marked reviewed, every item removed. The caller runs them inside one `Db::write`, so a bulk
//! change is one transaction and one run of journal entries, whatever its size.

use chrono::NaiveDate;
use csmsdesk_core::evidence::Classification;
use rusqlite::params;

use crate::{Result, Transaction};

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
pub fn set_field(tx: &Transaction<'_>, ids: &[i64], field: &BulkField) -> Result<usize> {
    let (column, value): (&str, Option<String>) = match field {
        BulkField::WorkProduct(wp) => ("work_product", wp.clone()),
        BulkField::Owner(owner) => ("owner", Some(owner.clone())),
        BulkField::Classification(c) => ("classification", Some(c.as_str().to_owned())),
        BulkField::ReviewDue(date) => ("review_due", date.map(|d| d.to_string())),
    };
    // `column` is one of four fixed names above, never text from outside. An owner is
    // written with its sort key (migration 0010); the others have none.
    let key = match field {
        BulkField::Owner(_) => ", owner_key = ?3",
        _ => "",
    };
    let owner_key = match field {
        BulkField::Owner(owner) => Some(super::sort_key(owner)),
        _ => None,
    };
    let mut statement = tx.prepare_cached(&format!(
        "UPDATE evidence SET {column} = ?2{key} WHERE id = ?1 AND {column} IS NOT ?2"
    ))?;
    let mut changed = 0;
    for id in ids {
        changed += match &owner_key {
            Some(k) => statement.execute(params![id, value, k])?,
            None => statement.execute(params![id, value])?,
        };
    }
    Ok(changed)
}

/// Marks the newest version of every item of `ids` as reviewed, and sets its next review
/// date when one is given; returns how many items were not reviewed yet or got a new date.
pub fn mark_reviewed(
    tx: &Transaction<'_>,
    ids: &[i64],
    next_review: Option<NaiveDate>,
) -> Result<usize> {
    let next = next_review.map(|d| d.to_string());
    let mut statement = tx.prepare_cached(
        "UPDATE evidence SET reviewed_version = latest_version,
             review_due = coalesce(?2, review_due)
         WHERE id = ?1
           AND (reviewed_version IS NOT latest_version OR review_due IS NOT coalesce(?2, review_due))",
    )?;
    let mut changed = 0;
    for id in ids {
        changed += statement.execute(params![id, next])?;
    }
    Ok(changed)
}

/// Deletes every item of `ids` with its versions and links; returns how many were deleted.
/// Blobs stay in the vault (see `delete`).
pub fn delete(tx: &Transaction<'_>, ids: &[i64]) -> Result<usize> {
    let mut statement = tx.prepare_cached("DELETE FROM evidence WHERE id = ?1")?;
    let mut deleted = 0;
    for id in ids {
        deleted += statement.execute([id])?;
    }
    Ok(deleted)
}

#[cfg(test)]
mod tests;
