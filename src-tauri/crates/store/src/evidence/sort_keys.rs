//! The stored sort keys of evidence titles and owners (migration 0011): core's
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

/// The key of `text` as stored: the codes of [`natural_key`], each in UTF-8's scheme
/// (extended past U+10FFFF to any `u32`, for the length of a very long number). Bytes in that
/// scheme compare as the codes do, one after another, a prefix first (SQLite's BLOB and
/// PostgreSQL's BYTEA compare bytes so), which is `natural_cmp`'s order of the texts; and a
/// key is as long as the text's UTF-8 (one byte a letter of ASCII), so rows stay narrow for
/// the scans of the filters.
pub fn sort_key(text: &str) -> Vec<u8> {
    encode(&natural_key(text))
}

/// `codes` in UTF-8's scheme, each code 1 to 7 bytes: a lead byte whose high bits say how
/// many follow (more for larger codes), then six bits a byte, the highest first.
fn encode(codes: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(codes.len());
    for &code in codes {
        let (lead, following): (u8, u32) = match code {
            0..=0x7F => {
                out.push(code as u8);
                continue;
            }
            0x80..=0x7FF => (0xC0, 1),
            0x800..=0xFFFF => (0xE0, 2),
            0x1_0000..=0x1F_FFFF => (0xF0, 3),
            0x20_0000..=0x3FF_FFFF => (0xF8, 4),
            0x400_0000..=0x7FFF_FFFF => (0xFC, 5),
            _ => (0xFE, 6),
        };
        out.push(lead | u8::try_from(code.checked_shr(6 * following).unwrap_or(0)).unwrap_or(0));
        for i in (0..following).rev() {
            out.push(0x80 | ((code >> (6 * i)) & 0x3F) as u8);
        }
    }
    out
}

/// Gives every evidence item without a title or owner key its keys (the rows of a workspace
/// made before migration 0011, or written by another program). A seek on the keys' index
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
