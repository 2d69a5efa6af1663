//! Reads of a page of items at once: the items and their links in one statement each, instead
//! of one per row (the vault's page shows a hundred).

use std::collections::HashMap;

use super::{EvidenceRecord, LINK_SELECT, LinkRecord, SELECT, finish, link_row, raw};
use crate::Result;
use crate::sql::{Sql, SqlExt as _, params};

/// The ids of a JSON array bound as one text: SQLite's `json_each`, PostgreSQL's
/// `jsonb_array_elements_text` (the parameter a text, cast; the values texts, cast back).
/// `[sqlite, postgres]`.
pub(crate) const ID_LIST: [&str; 2] = [
    "SELECT value FROM json_each(?1)",
    "SELECT CAST(value AS BIGINT) FROM jsonb_array_elements_text(CAST(CAST(?1 AS TEXT) AS jsonb))",
];

/// Link targets sort by their bytes (`COLLATE "C"` on PostgreSQL, as `BY_TARGET`).
const LINKS_BY_ITEM: [&str; 2] = [
    "ORDER BY evidence_id, target_id, id",
    "ORDER BY evidence_id, target_id COLLATE \"C\", id",
];

/// The links of the evidence items `ids`, by item, each item's by target: one statement for a
/// page of the vault instead of one per row. Items without links have no entry.
pub fn links_of_many(
    conn: &(impl Sql + ?Sized),
    ids: &[i64],
) -> Result<HashMap<i64, Vec<LinkRecord>>> {
    let mut by_item: HashMap<i64, Vec<LinkRecord>> = HashMap::new();
    let links = conn.query_map(
        &format!(
            "{LINK_SELECT} WHERE evidence_id IN ({})
             {}",
            conn.pick(ID_LIST),
            conn.pick(LINKS_BY_ITEM)
        ),
        params![id_list(ids).as_str()],
        link_row,
    )?;
    for link in links {
        by_item.entry(link.evidence_id).or_default().push(link);
    }
    Ok(by_item)
}

/// `ids` as the JSON array `json_each` reads: one cached statement whatever their number.
pub(crate) fn id_list(ids: &[i64]) -> String {
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("[{}]", list.join(","))
}

/// The evidence items `ids`, in that order: one statement for a page of the vault instead of
/// one per row. An id without an item is left out.
pub fn get_many(conn: &(impl Sql + ?Sized), ids: &[i64]) -> Result<Vec<EvidenceRecord>> {
    let rows = conn.query_map(
        &format!("{SELECT} WHERE e.id IN ({})", conn.pick(ID_LIST)),
        params![id_list(ids).as_str()],
        raw,
    )?;
    let mut by_id: HashMap<i64, EvidenceRecord> = rows
        .into_iter()
        .map(|row| finish(row).map(|record| (record.id, record)))
        .collect::<Result<_>>()?;
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}
