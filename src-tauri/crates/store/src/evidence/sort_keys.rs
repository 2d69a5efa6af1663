//! The stored sort keys of evidence titles and owners (migration 0010): core's
//! [`natural_key`] as bytes, so that both engines sort a list in people's order
//! ([`natural_cmp`](csmsdesk_core::order::natural_cmp): case and accents ignored, numbers by
//! value) by comparing bytes, with an index, and without a Rust collation (PostgreSQL has
//! none; SQLite's `natural_order` stays registered for other readers).
//!
//! Store writes a key wherever it writes the text (`insert`, `update_details`, the bulk
//! owner); [`fill_sort_keys`] gives rows that have none theirs when a workspace opens.

use csmsdesk_core::order::natural_key;

use crate::Result;
use crate::sql::{Sql, SqlExt as _, params};

/// The key of `text` as stored: each code of [`natural_key`] as four big-endian bytes.
/// Comparing two such byte strings (SQLite's BLOB and PostgreSQL's BYTEA compare bytes, a
/// prefix first) gives the order of the codes, which is `natural_cmp`'s order of the texts.
pub fn sort_key(text: &str) -> Vec<u8> {
    natural_key(text)
        .into_iter()
        .flat_map(u32::to_be_bytes)
        .collect()
}

/// Gives every evidence item without a title or owner key its keys (the rows of a workspace
/// made before migration 0010, or written by another program). A seek on the keys' index
/// when there are none, as on every open after the first. Runs before the journal's triggers
/// know the key columns (inside the migration), so keys derived from the texts are not
/// journalled as a change by the user.
pub fn fill_sort_keys(conn: &(impl Sql + ?Sized)) -> Result<()> {
    let rows: Vec<(i64, String, String)> = conn.query_map(
        "SELECT id, title, owner FROM evidence WHERE title_key IS NULL OR owner_key IS NULL",
        params![],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    for (id, title, owner) in rows {
        conn.execute(
            "UPDATE evidence SET title_key = ?2, owner_key = ?3 WHERE id = ?1",
            params![id, sort_key(&title).as_slice(), sort_key(&owner).as_slice()],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
