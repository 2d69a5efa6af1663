//! What a scan of the evidence sources reads: seven columns an item, not whole records; and
//! which computer ("desk") recorded a source path (issue 20): a path belongs to the computer
//! that recorded it, and another desk may not reach it.

use std::path::PathBuf;

use super::{path_from_bytes, size_of};
use crate::Result;
use crate::sql::{Sql, SqlExt as _, params};
use crate::vault::Stamp;

/// What a scan of the sources needs of one item: its source, the stamp recorded for it and
/// the hash of its current version.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: i64,
    pub title: String,
    pub path: PathBuf,
    pub stamp: Stamp,
    pub sha256: String,
    pub missing: bool,
    /// The computer that recorded the path; `None` for one recorded before desks were named.
    pub desk: Option<String>,
}

/// This computer's name, as a source's desk: the host name, else the OS user's name for it.
pub fn this_desk() -> String {
    whoami::fallible::hostname().unwrap_or_else(|_| "this computer".to_owned())
}

/// Records that item `id`'s source path was recorded on the computer `desk`: what adding it
/// there did. For the tests of a desk that scans another desk's items (workspace's scan).
pub fn set_desk(conn: &(impl Sql + ?Sized), id: i64, desk: &str) -> Result<()> {
    conn.execute(
        "UPDATE evidence SET source_desk = ?2 WHERE id = ?1",
        params![id, desk],
    )?;
    Ok(())
}

/// Whether a source recorded on `desk` was recorded on this computer (names compared without
/// case, as Windows treats them; no name: the one desk there was, taken as this one).
pub fn recorded_here(desk: Option<&str>) -> bool {
    desk.is_none_or(|d| d.eq_ignore_ascii_case(&this_desk()))
}

/// Every item's source, by id: the seven columns a scan reads, not whole records (at 20,000
/// items this is what keeps the start-up scan from holding the workspace for long).
pub fn sources(conn: &(impl Sql + ?Sized)) -> Result<Vec<Source>> {
    sources_after(conn, 0, u32::MAX)
}

/// The next `limit` sources by id after the id `after` (0 for the first): a long list read in
/// slices, so that a reader in between does not wait for all of it.
pub fn sources_after(conn: &(impl Sql + ?Sized), after: i64, limit: u32) -> Result<Vec<Source>> {
    conn.query_map(
        "SELECT e.id, e.title, e.source_path, e.source_size, e.source_mtime_ns, e.source_missing,
                v.sha256, e.source_desk
         FROM evidence e JOIN evidence_version v ON v.evidence_id = e.id AND v.version = e.latest_version
         WHERE e.id > ?1
         ORDER BY e.id
         LIMIT ?2",
        params![after, i64::from(limit)],
        |row| {
            Ok(Source {
                id: row.get(0)?,
                title: row.get(1)?,
                path: path_from_bytes(row.get(2)?),
                stamp: Stamp {
                    size: size_of(row.get(3)?),
                    mtime_ns: row.get(4)?,
                },
                missing: row.get(5)?,
                sha256: row.get(6)?,
                desk: row.get(7)?,
            })
        },
    )
}
