//! Reads of a page of items at once: the items and their links in one statement each, instead
//! of one per row (the vault's page shows a hundred).

use std::collections::HashMap;

use super::{EvidenceRecord, LINK_SELECT, LinkRecord, RawRecord, SELECT, finish, link_row, raw};
use crate::Result;

/// The links of the evidence items `ids`, by item, each item's by target: one statement for a
/// page of the vault instead of one per row. Items without links have no entry.
pub fn links_of_many(
    conn: &(impl crate::sql::Sql + ?Sized),
    ids: &[i64],
) -> Result<HashMap<i64, Vec<LinkRecord>>> {
    let conn = conn.sqlite()?;
    let mut by_item: HashMap<i64, Vec<LinkRecord>> = HashMap::new();
    let links: Vec<LinkRecord> = conn
        .prepare_cached(&format!(
            "{LINK_SELECT} WHERE evidence_id IN (SELECT value FROM json_each(?1))
             ORDER BY evidence_id, target_id, id"
        ))?
        .query_map([id_list(ids)], link_row)?
        .collect::<rusqlite::Result<_>>()?;
    for link in links {
        by_item.entry(link.evidence_id).or_default().push(link);
    }
    Ok(by_item)
}

/// `ids` as the JSON array `json_each` reads: one cached statement whatever their number.
fn id_list(ids: &[i64]) -> String {
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("[{}]", list.join(","))
}

/// The evidence items `ids`, in that order: one statement for a page of the vault instead of
/// one per row. An id without an item is left out.
pub fn get_many(
    conn: &(impl crate::sql::Sql + ?Sized),
    ids: &[i64],
) -> Result<Vec<EvidenceRecord>> {
    let conn = conn.sqlite()?;
    let rows: Vec<RawRecord> = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE e.id IN (SELECT value FROM json_each(?1))"
        ))?
        .query_map([id_list(ids)], raw)?
        .collect::<rusqlite::Result<_>>()?;
    let mut by_id: HashMap<i64, EvidenceRecord> = rows
        .into_iter()
        .map(|row| finish(row).map(|record| (record.id, record)))
        .collect::<Result<_>>()?;
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}
