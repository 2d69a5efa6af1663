//! A word of a text filter on PostgreSQL, matching exactly what SQLite's statement matches
//! (docs/POSTGRES.md, "Matching"):
//!
//! - A word that is ASCII once folded: SQLite's `LIKE` folds ASCII letters only; under the
//!   collation "C" PostgreSQL's `lower` does the same, so `strpos(lower(x COLLATE "C"), ?)`
//!   with the folded word is the same test (and `%`, `_` and `\` need no escape). A source
//!   path is the OS's bytes (BYTEA), read as Latin-1: every byte one character, ASCII bytes
//!   themselves, so an ASCII word is found where SQLite's `LIKE` finds it in the bytes.
//! - A word with other letters (`über`, `İ`, `ẞ`): SQLite asks `contains_folded`, core's
//!   [`FoldedPart`], which PostgreSQL does not have (its `lower` follows ICU or libc, not
//!   Rust's tables). The rows holding a character beyond ASCII are narrowed in SQL (no other
//!   row can hold such a word), core decides in Rust which of them hold the word, and the
//!   statement keeps the ids found: counting, paging and `matching_ids` then work on exactly
//!   those rows, as on SQLite.

use std::collections::BTreeSet;

use csmsdesk_core::order::FoldedPart;

use super::{Filter, Param, Word};
use crate::Result;
use crate::evidence::many::{ID_LIST, id_list};
use crate::sql::{Sql, params};

/// A source path as text whose characters are its bytes.
const PATH_TEXT: &str = "convert_from(e.source_path, 'LATIN1')";

impl Filter {
    /// The condition for one word on PostgreSQL (SQLite's is `Filter::word`).
    pub(super) fn word_on_postgres(
        &mut self,
        conn: &(impl Sql + ?Sized),
        word: &Word,
    ) -> Result<String> {
        let folded = word.text.to_lowercase();
        let mut parts = Vec::new();
        if folded.is_ascii() {
            let p = self.param(Param::Text(folded));
            let test = |column: &str| format!("strpos(lower({column} COLLATE \"C\"), {p}) > 0");
            parts.extend([
                test("e.title"),
                test(PATH_TEXT),
                test("e.owner"),
                test("e.work_product"),
            ]);
            parts.push(format!(
                "e.id IN (SELECT l.evidence_id FROM evidence_link l WHERE {})",
                test("l.target_id")
            ));
        } else {
            let ids = folded_matches(conn, &folded)?;
            let p = self.param(Param::Text(id_list(&ids)));
            parts.push(format!("e.id IN ({})", ID_LIST[1].replace("?1", &p)));
        }
        if !word.work_products.is_empty() {
            let named: Vec<String> = word
                .work_products
                .iter()
                .map(|wp| self.param(Param::Text((*wp).to_owned())))
                .collect();
            parts.push(format!("e.work_product IN ({})", named.join(", ")));
        }
        Ok(format!("({})", parts.join(" OR ")))
    }
}

/// The ids of the items whose title, source path, owner or a link target holds `folded` (a
/// folded word beyond ASCII), decided by core as SQLite's `contains_folded` decides: only
/// texts with a character beyond ASCII are read (work product IDs never have one).
fn folded_matches(conn: &(impl Sql + ?Sized), folded: &str) -> Result<Vec<i64>> {
    let part = FoldedPart::new(folded);
    let holds = |text: &str| !text.is_ascii() && part.is_in(text);
    let mut ids = BTreeSet::new();
    conn.each_row(
        "SELECT e.id, e.title, e.source_path, e.owner FROM evidence e
         WHERE octet_length(e.title) > length(e.title)
            OR octet_length(e.owner) > length(e.owner)
            OR octet_length(convert_from(e.source_path, 'LATIN1')) > octet_length(e.source_path)",
        params![],
        &mut |r| {
            let path: Vec<u8> = r.get(2)?;
            if holds(&r.get::<String>(1)?)
                || holds(&String::from_utf8_lossy(&path))
                || holds(&r.get::<String>(3)?)
            {
                ids.insert(r.get::<i64>(0)?);
            }
            Ok(true)
        },
    )?;
    conn.each_row(
        "SELECT l.evidence_id, l.target_id FROM evidence_link l
         WHERE octet_length(l.target_id) > length(l.target_id)",
        params![],
        &mut |r| {
            if holds(&r.get::<String>(1)?) {
                ids.insert(r.get::<i64>(0)?);
            }
            Ok(true)
        },
    )?;
    Ok(ids.into_iter().collect())
}
