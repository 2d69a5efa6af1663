//! A moved or renamed source: the item found by the content it last had, and its source
//! path changed in place (its versions and links stay).

use std::path::Path;

use super::path_bytes;
use crate::Result;
use crate::sql::{Sql, SqlExt as _, params};
use crate::vault::Stamp;

/// The first item (by id) whose source is missing and whose newest version has the content
/// `sha256`, with its title: the item a file with that content was most likely moved from.
pub fn missing_with_content(
    conn: &(impl Sql + ?Sized),
    sha256: &str,
) -> Result<Option<(i64, String)>> {
    conn.optional(
        "SELECT e.id, e.title FROM evidence_version v
           JOIN evidence e ON e.id = v.evidence_id AND e.latest_version = v.version
          WHERE v.sha256 = ?1 AND e.source_missing = 1
          ORDER BY e.id LIMIT 1",
        params![sha256],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// Points item `id` at the source `path` as seen now (`stamp`): present again.
pub fn set_source(tx: &(impl Sql + ?Sized), id: i64, path: &Path, stamp: Stamp) -> Result<()> {
    tx.execute(
        "UPDATE evidence SET source_path = ?2, source_size = ?3, source_mtime_ns = ?4,
             source_missing = 0, source_desk = ?5 WHERE id = ?1",
        params![
            id,
            path_bytes(path).as_slice(),
            i64::try_from(stamp.size).unwrap_or(i64::MAX),
            stamp.mtime_ns,
            super::sources::this_desk().as_str()
        ],
    )?;
    Ok(())
}
