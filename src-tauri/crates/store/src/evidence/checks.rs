//! Reads over all items for checks and reports: duplicate contents, items linked to nothing,
//! the blobs the vault must hold, and the readiness benchmark's anchor.

use crate::Result;
use crate::sql::{Sql, SqlExt as _, params};

/// Groups of evidence items whose newest versions have the same content (two or more each),
/// as (id, title), by content and id.
pub fn duplicate_groups(conn: &(impl Sql + ?Sized)) -> Result<Vec<Vec<(i64, String)>>> {
    // Hashes are lower-case hex: any collation sorts them as bytes.
    let rows: Vec<(String, i64, String)> = conn.query_map(
        "SELECT v.sha256, e.id, e.title FROM evidence e
             JOIN evidence_version v ON v.evidence_id = e.id AND v.version = e.latest_version
             WHERE v.sha256 IN (
                 SELECT v2.sha256 FROM evidence e2
                 JOIN evidence_version v2 ON v2.evidence_id = e2.id AND v2.version = e2.latest_version
                 GROUP BY v2.sha256 HAVING count(*) > 1)
             ORDER BY v.sha256, e.id",
        params![],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let mut groups: Vec<Vec<(i64, String)>> = Vec::new();
    let mut last: Option<String> = None;
    for (sha, id, title) in rows {
        if last.as_deref() == Some(sha.as_str()) {
            if let Some(group) = groups.last_mut() {
                group.push((id, title));
            }
        } else {
            groups.push(vec![(id, title)]);
            last = Some(sha);
        }
    }
    Ok(groups)
}

/// How many items are linked to nothing, and the first `limit` of them (all with `None`) as
/// (id, title), by id: one probe of the link index per item, no link read.
pub fn orphans(
    conn: &(impl Sql + ?Sized),
    limit: Option<usize>,
) -> Result<(usize, Vec<(i64, String)>)> {
    const ORPHAN: &str = "FROM evidence e
        WHERE NOT EXISTS (SELECT 1 FROM evidence_link l WHERE l.evidence_id = e.id)";
    let count: i64 = conn.query_row(&format!("SELECT count(*) {ORPHAN}"), params![], |r| {
        r.get(0)
    })?;
    // No limit is the largest (PostgreSQL refuses SQLite's negative one).
    let limit = limit.map_or(i64::MAX, |l| i64::try_from(l).unwrap_or(i64::MAX));
    let first = conn.query_map(
        &format!("SELECT e.id, e.title {ORPHAN} ORDER BY e.id LIMIT ?1"),
        params![limit],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok((usize::try_from(count).unwrap_or(0), first))
}

/// Every content the vault must hold, once: (SHA-256, size), by hash; the evidence versions'
/// and the catalogue workbooks kept as imported (so that backups, restores and `check` cover
/// them too).
pub fn blobs(conn: &(impl Sql + ?Sized)) -> Result<Vec<(String, u64)>> {
    // Hashes are lower-case hex: any collation sorts them as bytes.
    conn.query_map(
        "SELECT sha256, size FROM evidence_version
         UNION
         SELECT original_sha256, original_size FROM catalogue
          WHERE original_sha256 IS NOT NULL
         ORDER BY 1",
        params![],
        |r| Ok((r.get(0)?, r.get::<i64>(1)?.max(0) as u64)),
    )
}

/// How many distinct targets have at least one link, by one plain pass over every link row
/// (no index seek, no freshness facts). The evidence benchmark's anchor: what SQLite alone takes
/// to read all links once, against which readiness is measured.
pub fn linked_target_count(conn: &(impl Sql + ?Sized)) -> Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM (SELECT target_id, count(*) FROM evidence_link GROUP BY target_id) t",
        params![],
        |r| r.get(0),
    )
}
