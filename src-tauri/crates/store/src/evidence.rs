//! The `evidence`, `evidence_version` and `evidence_link` tables: evidence items, every
//! content they have had, and what they are evidence for. `brief` holds the light rows
//! pickers and chips show (search by text, by id, by link target).

use std::path::{Path, PathBuf};

use crate::sql::{Row, Sql, SqlExt as _, params};
use crate::vault::{Blob, Stamp};
use crate::{Error, Result};
use chrono::NaiveDate;
use csmsdesk_core::evidence::Classification;

mod brief;
pub mod bulk;
mod checks;
mod many;
mod query;
mod relocate;
mod reviews;
mod sort_keys;
mod sources;
mod targets;

pub use brief::{BriefRecord, briefs, fold, linked, search};
pub use checks::{blobs, duplicate_groups, linked_target_count, orphans};
pub use many::{get_many, links_of_many};
pub(crate) use query::like_pattern as query_like_pattern;
pub use query::{EvidenceQuery, Page, TypeFilter, Word, count, matching_ids, page, total};
pub use relocate::{missing_with_content, set_source};
pub use reviews::{
    ReviewCounts, ReviewDate, ReviewFilter, ReviewOrder, review_counts, review_dates,
};
pub use sort_keys::{fill_sort_keys, sort_key};
pub use sources::{Source, recorded_here, set_desk, sources, sources_after, this_desk};
pub use targets::{TargetEvidence, target_evidence};

/// A stored evidence item with its newest version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceRecord {
    pub id: i64,
    pub title: String,
    /// `WP-09-02`, or `None` for other documents.
    pub work_product: Option<String>,
    pub owner: String,
    pub classification: Classification,
    pub review_due: Option<NaiveDate>,
    pub source_path: PathBuf,
    pub stamp: Stamp,
    pub source_missing: bool,
    pub latest_version: i64,
    pub reviewed_version: i64,
    pub added_at: String,
    /// The newest version's content and file name.
    pub sha256: String,
    pub size: u64,
    pub file_name: String,
}

/// What describes an evidence item, as the user sets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceDetails {
    pub title: String,
    pub work_product: Option<String>,
    pub owner: String,
    pub classification: Classification,
    pub review_due: Option<NaiveDate>,
}

/// One stored version of an evidence item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionRecord {
    pub version: i64,
    pub sha256: String,
    pub size: u64,
    pub file_name: String,
    pub recorded_at: String,
}

/// A link of an evidence item to a requirement or a whole control question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRecord {
    pub id: i64,
    pub evidence_id: i64,
    pub catalogue_id: i64,
    /// `1.1.a` (a requirement) or `1.1` (a whole control question).
    pub target_id: String,
    /// `None`: the link holds for every scope.
    pub scope_id: Option<i64>,
    /// `None`: organisation-wide; else for one protection object.
    pub protection_object_id: Option<i64>,
    pub note: String,
}

/// A path as bytes, so that names which are not valid UTF-8 (Unix: the name's own bytes) or
/// not valid UTF-16 (Windows: WTF-8, see [`wtf8`]) survive the database.
pub fn path_bytes(path: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        path.as_os_str().as_bytes().to_vec()
    }
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStrExt as _;
        wtf8::from_wide(path.as_os_str().encode_wide())
    }
    #[cfg(not(any(unix, windows)))]
    {
        path.to_string_lossy().as_bytes().to_vec()
    }
}

fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt as _;
        PathBuf::from(std::ffi::OsString::from_vec(bytes))
    }
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStringExt as _;
        PathBuf::from(std::ffi::OsString::from_wide(&wtf8::to_wide(&bytes)))
    }
    #[cfg(not(any(unix, windows)))]
    {
        PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
    }
}

fn size_of(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

pub(crate) fn date(column: &'static str, text: Option<String>) -> Result<Option<NaiveDate>> {
    text.map(|t| {
        NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|_| Error::Corrupt { column, value: t })
    })
    .transpose()
}

const SELECT: &str = "SELECT e.id, e.title, e.work_product, e.owner, e.classification, e.review_due,
        e.source_path, e.source_size, e.source_mtime_ns, e.source_missing, e.latest_version,
        e.reviewed_version, e.added_at, v.sha256, v.size, v.file_name
    FROM evidence e JOIN evidence_version v ON v.evidence_id = e.id AND v.version = e.latest_version";

type RawRecord = (EvidenceRecord, String, Option<String>);

fn raw(row: &Row<'_>) -> Result<RawRecord> {
    Ok((
        EvidenceRecord {
            id: row.get(0)?,
            title: row.get(1)?,
            work_product: row.get(2)?,
            owner: row.get(3)?,
            classification: Classification::Internal,
            review_due: None,
            source_path: path_from_bytes(row.get(6)?),
            stamp: Stamp {
                size: size_of(row.get(7)?),
                mtime_ns: row.get(8)?,
            },
            source_missing: row.get(9)?,
            latest_version: row.get(10)?,
            reviewed_version: row.get(11)?,
            added_at: row.get(12)?,
            sha256: row.get(13)?,
            size: size_of(row.get(14)?),
            file_name: row.get(15)?,
        },
        row.get(4)?,
        row.get(5)?,
    ))
}

fn finish((mut record, classification, review_due): RawRecord) -> Result<EvidenceRecord> {
    record.classification = Classification::parse(&classification).ok_or(Error::Corrupt {
        column: "evidence.classification",
        value: classification,
    })?;
    record.review_due = date("evidence.review_due", review_due)?;
    Ok(record)
}

/// Every evidence item, by id.
pub fn list(conn: &(impl Sql + ?Sized)) -> Result<Vec<EvidenceRecord>> {
    let rows = conn.query_map(&format!("{SELECT} ORDER BY e.id"), params![], raw)?;
    rows.into_iter().map(finish).collect()
}

/// Evidence item `id`. Its statement is cached on the connection: a page of the vault asks
/// for a hundred items in a row.
pub fn get(conn: &(impl Sql + ?Sized), id: i64) -> Result<Option<EvidenceRecord>> {
    conn.optional(&format!("{SELECT} WHERE e.id = ?1"), params![id], raw)?
        .map(finish)
        .transpose()
}

/// The evidence item whose source is `path`, if any.
pub fn find_by_source(conn: &(impl Sql + ?Sized), path: &Path) -> Result<Option<i64>> {
    conn.optional(
        "SELECT id FROM evidence WHERE source_path = ?1",
        params![path_bytes(path).as_slice()],
        |r| r.get(0),
    )
}

/// Stores a new evidence item with its first version, counted as reviewed.
pub fn insert(
    tx: &(impl Sql + ?Sized),
    details: &EvidenceDetails,
    source: &Path,
    stamp: Stamp,
    blob: &Blob,
    file_name: &str,
    at: &str,
) -> Result<i64> {
    let due = details.review_due.map(|d| d.to_string());
    let id = tx.insert_id(
        "INSERT INTO evidence (title, work_product, owner, classification, review_due, source_path,
             source_size, source_mtime_ns, added_at, title_key, owner_key, source_desk)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id",
        params![
            &details.title,
            details.work_product.as_deref(),
            &details.owner,
            details.classification.as_str(),
            due.as_deref(),
            path_bytes(source).as_slice(),
            i64::try_from(stamp.size).unwrap_or(i64::MAX),
            stamp.mtime_ns,
            at,
            sort_key(&details.title).as_slice(),
            sort_key(&details.owner).as_slice(),
            sources::this_desk().as_str()
        ],
    )?;
    insert_version(tx, id, 1, blob, file_name, at)?;
    Ok(id)
}

fn insert_version(
    tx: &(impl Sql + ?Sized),
    id: i64,
    version: i64,
    blob: &Blob,
    file_name: &str,
    at: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO evidence_version (evidence_id, version, sha256, size, file_name, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            version,
            &blob.sha256,
            i64::try_from(blob.size).unwrap_or(i64::MAX),
            file_name,
            at
        ],
    )?;
    Ok(())
}

/// Records new content of evidence `id` as its next version, not yet reviewed. Returns the
/// version number.
pub fn add_version(
    tx: &(impl Sql + ?Sized),
    id: i64,
    blob: &Blob,
    file_name: &str,
    stamp: Stamp,
    at: &str,
) -> Result<i64> {
    let version: i64 = tx.query_row(
        "SELECT latest_version + 1 FROM evidence WHERE id = ?1",
        params![id],
        |r| r.get(0),
    )?;
    insert_version(tx, id, version, blob, file_name, at)?;
    tx.execute(
        "UPDATE evidence SET latest_version = ?2, source_size = ?3, source_mtime_ns = ?4,
             source_missing = 0 WHERE id = ?1",
        params![
            id,
            version,
            i64::try_from(stamp.size).unwrap_or(i64::MAX),
            stamp.mtime_ns
        ],
    )?;
    Ok(version)
}

/// Stores what a scan saw of an unchanged or vanished source.
pub fn set_source_state(tx: &(impl Sql + ?Sized), id: i64, stamp: Option<Stamp>) -> Result<()> {
    match stamp {
        Some(stamp) => tx.execute(
            "UPDATE evidence SET source_size = ?2, source_mtime_ns = ?3, source_missing = 0 WHERE id = ?1",
            params![
                id,
                i64::try_from(stamp.size).unwrap_or(i64::MAX),
                stamp.mtime_ns
            ],
        )?,
        None => tx.execute(
            "UPDATE evidence SET source_missing = 1 WHERE id = ?1",
            params![id],
        )?,
    };
    Ok(())
}

/// Marks the newest version of evidence `id` as reviewed.
pub fn mark_reviewed(tx: &(impl Sql + ?Sized), id: i64) -> Result<()> {
    tx.execute(
        "UPDATE evidence SET reviewed_version = latest_version WHERE id = ?1",
        params![id],
    )?;
    Ok(())
}

pub fn update_details(tx: &(impl Sql + ?Sized), id: i64, details: &EvidenceDetails) -> Result<()> {
    let due = details.review_due.map(|d| d.to_string());
    tx.execute(
        "UPDATE evidence SET title = ?2, work_product = ?3, owner = ?4, classification = ?5,
             review_due = ?6, title_key = ?7, owner_key = ?8 WHERE id = ?1",
        params![
            id,
            &details.title,
            details.work_product.as_deref(),
            &details.owner,
            details.classification.as_str(),
            due.as_deref(),
            sort_key(&details.title).as_slice(),
            sort_key(&details.owner).as_slice()
        ],
    )?;
    Ok(())
}

/// Deletes evidence `id` with its versions and links. Blobs stay in the vault: another item
/// may share them, and an exported package may name them.
pub fn delete(tx: &(impl Sql + ?Sized), id: i64) -> Result<()> {
    tx.execute("DELETE FROM evidence WHERE id = ?1", params![id])?;
    Ok(())
}

/// Every version of evidence `id`, oldest first.
pub fn versions(conn: &(impl Sql + ?Sized), id: i64) -> Result<Vec<VersionRecord>> {
    conn.query_map(
        "SELECT version, sha256, size, file_name, recorded_at FROM evidence_version
         WHERE evidence_id = ?1 ORDER BY version",
        params![id],
        |r| {
            Ok(VersionRecord {
                version: r.get(0)?,
                sha256: r.get(1)?,
                size: size_of(r.get(2)?),
                file_name: r.get(3)?,
                recorded_at: r.get(4)?,
            })
        },
    )
}

/// The hash of every stored version (for checking the vault).
pub fn all_version_hashes(conn: &(impl Sql + ?Sized)) -> Result<Vec<(i64, i64, String)>> {
    conn.query_map(
        "SELECT evidence_id, version, sha256 FROM evidence_version ORDER BY evidence_id, version",
        params![],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
}

/// Stores a link unless the same one exists. Returns whether it was new.
pub fn add_link(tx: &(impl Sql + ?Sized), link: &LinkRecord) -> Result<bool> {
    let changed = tx.execute(
        "INSERT INTO evidence_link
             (evidence_id, catalogue_id, target_id, scope_id, protection_object_id, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
        params![
            link.evidence_id,
            link.catalogue_id,
            &link.target_id,
            link.scope_id,
            link.protection_object_id,
            &link.note
        ],
    )?;
    Ok(changed == 1)
}

pub fn remove_link(tx: &(impl Sql + ?Sized), id: i64) -> Result<bool> {
    Ok(tx.execute("DELETE FROM evidence_link WHERE id = ?1", params![id])? == 1)
}

fn link_row(r: &Row<'_>) -> Result<LinkRecord> {
    Ok(LinkRecord {
        id: r.get(0)?,
        evidence_id: r.get(1)?,
        catalogue_id: r.get(2)?,
        target_id: r.get(3)?,
        scope_id: r.get(4)?,
        protection_object_id: r.get(5)?,
        note: r.get(6)?,
    })
}

const LINK_SELECT: &str = "SELECT id, evidence_id, catalogue_id, target_id, scope_id, protection_object_id, note FROM evidence_link";

/// Link targets (`1.1.a`) sort by their bytes, as SQLite compares texts: `COLLATE "C"` on
/// PostgreSQL, whose database sorts by a language. `[sqlite, postgres]`.
const BY_TARGET: [&str; 2] = ["target_id", "target_id COLLATE \"C\""];

/// Every link, by evidence and target.
pub fn links(conn: &(impl Sql + ?Sized)) -> Result<Vec<LinkRecord>> {
    let target = conn.pick(BY_TARGET);
    conn.query_map(
        &format!("{LINK_SELECT} ORDER BY evidence_id, {target}, id"),
        params![],
        link_row,
    )
}

/// The links of one evidence item, by target (an index seek on `evidence_link_by_evidence`).
pub fn links_of(conn: &(impl Sql + ?Sized), evidence: i64) -> Result<Vec<LinkRecord>> {
    let target = conn.pick(BY_TARGET);
    conn.query_map(
        &format!("{LINK_SELECT} WHERE evidence_id = ?1 ORDER BY {target}, id"),
        params![evidence],
        link_row,
    )
}

/// The links that count for `scope` in catalogue `catalogue`: its own and those for every
/// scope.
pub fn links_for_scope(
    conn: &(impl Sql + ?Sized),
    catalogue: i64,
    scope: i64,
) -> Result<Vec<LinkRecord>> {
    let target = conn.pick(BY_TARGET);
    conn.query_map(
        &format!(
            "{LINK_SELECT} WHERE catalogue_id = ?1 AND (scope_id IS NULL OR scope_id = ?2)
             ORDER BY {target}, evidence_id"
        ),
        params![catalogue, scope],
        link_row,
    )
}

/// Every evidence id, for checking a batch of results against what still exists.
pub fn ids(conn: &(impl Sql + ?Sized)) -> Result<std::collections::BTreeSet<i64>> {
    let ids: Vec<i64> = conn.query_map("SELECT id FROM evidence", params![], |r| r.get(0))?;
    Ok(ids.into_iter().collect())
}

/// Moves the links of catalogue `old` to catalogue `new`, renaming their targets with `map`.
pub fn move_links(
    tx: &(impl Sql + ?Sized),
    old: i64,
    new: i64,
    map: &dyn Fn(&str) -> String,
) -> Result<()> {
    let targets: Vec<String> = tx.query_map(
        "SELECT DISTINCT target_id FROM evidence_link WHERE catalogue_id = ?1",
        params![old],
        |r| r.get(0),
    )?;
    // Through a temporary name, so that swapped IDs never collide.
    tx.execute(
        "UPDATE evidence_link SET target_id = '~' || target_id WHERE catalogue_id = ?1",
        params![old],
    )?;
    for target in &targets {
        // The cast tells PostgreSQL the type of ?4, which `'~' || ?4` does not.
        tx.execute(
            "UPDATE evidence_link SET target_id = ?3, catalogue_id = ?2
             WHERE catalogue_id = ?1 AND target_id = '~' || CAST(?4 AS TEXT)",
            params![old, new, &map(target), target],
        )?;
    }
    Ok(())
}

#[cfg_attr(not(windows), allow(dead_code))]
mod wtf8;

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod twins;
