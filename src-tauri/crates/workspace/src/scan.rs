//! Re-checking every evidence source: unchanged (size and modification time equal: nothing is
//! read), changed (new content becomes a new version that needs review) or missing (the vault
//! copy remains). Hashing runs in parallel across cores.
//!
//! A source path belongs to the computer that recorded it (issue 20, a workspace shared by
//! several desks): one this computer cannot reach (its folder is not here: another desk's
//! local disk, a share not mounted here) is "not reachable from this computer", never missing,
//! and nothing about it changes; the desk that recorded it scans it. A share mounted on both
//! (the same path, a UNC path) is checked from either.
//!
//! Like adding, a scan runs in three steps so that the app does not hold the workspace while
//! it reads files: [`Workspace::plan_scan`], [`ScanPlan::run`], [`Workspace::apply_scan`].

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Utc};
use csmsdesk_core::i18n::Message;
use csmsdesk_store::evidence as table;
use csmsdesk_store::vault::{Blob, Stamp, Vault, VaultError, hash_file, source_stamp};

use crate::evidence::{display_name, vault_message};
use crate::progress::{Cores, Progress, parallel_map};
use crate::workspace::timestamp;
use crate::{Result, Workspace};

/// One source to re-check.
#[derive(Debug, Clone)]
struct ScanItem {
    id: i64,
    title: String,
    path: PathBuf,
    stamp: Stamp,
    sha256: String,
    missing: bool,
    /// The computer that recorded the path (`None`: before desks were named).
    desk: Option<String>,
}

/// The sources a scan will re-check.
#[derive(Debug, Clone)]
pub struct ScanPlan {
    vault: Vault,
    deep: bool,
    items: Vec<ScanItem>,
}

/// What a scan found for one source.
#[derive(Debug)]
enum Found {
    /// Same content; the stamp as seen now.
    Unchanged(Stamp),
    /// New content, already in the vault.
    Changed(Blob, Stamp),
    Missing,
    /// Recorded on another computer, and its folder is not reachable from this one.
    Unreachable,
    Failed(Message),
    /// Cancelled before it was looked at.
    NotScanned,
}

/// What [`ScanPlan::run`] found; apply it to record it.
#[derive(Debug)]
pub struct ScanResults {
    items: Vec<(ScanItem, Found)>,
    cancelled: bool,
}

/// What a scan did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScanReport {
    pub unchanged: usize,
    /// Evidence ids with a new version.
    pub changed: Vec<i64>,
    /// Evidence ids whose source is gone.
    pub missing: Vec<i64>,
    /// Sources that could not be read, with why.
    /// Evidence ids recorded on another computer whose folder this one cannot reach.
    pub unreachable: Vec<i64>,
    pub failed: Vec<(i64, Message)>,
    /// Sources not looked at because the user cancelled.
    pub not_scanned: usize,
    pub cancelled: bool,
    /// The title of every item changed, missing or failed, by id: the report names them.
    pub titles: std::collections::BTreeMap<i64, String>,
}

impl ScanPlan {
    pub fn sources(&self) -> usize {
        self.items.len()
    }

    /// Re-checks every source. Quick: a source whose size and modification time are as stored
    /// is not read. Deep: every source is hashed.
    pub fn run(self, progress: &(dyn Fn(Progress) + Sync), cancel: &AtomicBool) -> ScanResults {
        let bytes_total = if self.deep {
            self.items.iter().map(|i| i.stamp.size).sum()
        } else {
            0
        };
        // A quick scan only compares sizes and times (and reads the few files that changed):
        // half the cores, so that the window stays quick while it runs in the background.
        let cores = if self.deep { Cores::All } else { Cores::Half };
        let found = parallel_map(&self.items, cores, bytes_total, progress, |item| {
            if cancel.load(Ordering::Relaxed) {
                return (Found::NotScanned, 0);
            }
            self.check(item, cancel)
        });
        ScanResults {
            cancelled: cancel.load(Ordering::Relaxed),
            items: self.items.into_iter().zip(found).collect(),
        }
    }

    fn check(&self, item: &ScanItem, cancel: &AtomicBool) -> (Found, u64) {
        let now = match source_stamp(&item.path) {
            Ok(stamp) => stamp,
            Err(VaultError::Unreadable { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                return (gone(item), 0);
            }
            Err(e) => return (Found::Failed(vault_message(&item.path, &e)), 0),
        };
        if !self.deep && now == item.stamp {
            return (Found::Unchanged(now), 0);
        }
        // Touched, or a deep scan: compare content before storing anything.
        let hashed = hash_file(&item.path, cancel);
        let (blob, stamp) = match hashed {
            Ok(ok) => ok,
            Err(VaultError::Cancelled) => return (Found::NotScanned, 0),
            Err(VaultError::Unreadable { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                return (gone(item), 0);
            }
            Err(e) => return (Found::Failed(vault_message(&item.path, &e)), 0),
        };
        if blob.sha256 == item.sha256 {
            return (Found::Unchanged(stamp), blob.size);
        }
        match self.vault.ingest(&item.path, cancel) {
            Ok((blob, stamp)) if blob.sha256 == item.sha256 => (Found::Unchanged(stamp), blob.size),
            Ok((blob, stamp)) => {
                let size = blob.size;
                (Found::Changed(blob, stamp), size)
            }
            Err(VaultError::Cancelled) => (Found::NotScanned, 0),
            Err(e) => (Found::Failed(vault_message(&item.path, &e)), 0),
        }
    }
}

/// What a source that is not there is: missing, unless another computer recorded it and its
/// folder is not reachable from this one.
fn gone(item: &ScanItem) -> Found {
    let reachable = item.path.parent().is_some_and(|folder| folder.is_dir());
    if reachable || table::recorded_here(item.desk.as_deref()) {
        Found::Missing
    } else {
        Found::Unreachable
    }
}

impl Workspace {
    /// Lists the sources a scan re-checks, in one go.
    pub fn plan_scan(&self, deep: bool) -> Result<ScanPlan> {
        let mut plan = self.begin_scan(deep);
        while self.extend_scan(&mut plan, u32::MAX)? {}
        Ok(plan)
    }

    /// A scan plan without sources yet: [`Workspace::extend_scan`] adds them a slice at a
    /// time, so that the app holds the workspace only briefly between slices while a screen
    /// asks for its rows (40,000 sources took 156 ms to list in the debug app).
    pub fn begin_scan(&self, deep: bool) -> ScanPlan {
        ScanPlan {
            vault: self.vault(),
            deep,
            items: Vec::new(),
        }
    }

    /// Adds the next `limit` sources (by id) to `plan`; `false` once none were left. Sources
    /// added meanwhile behind the last id are picked up by a later slice; removed ones are
    /// skipped when the results are applied.
    pub fn extend_scan(&self, plan: &mut ScanPlan, limit: u32) -> Result<bool> {
        let after = plan.items.last().map_or(0, |item| item.id);
        let found = table::sources_after(self.db.conn(), after, limit)?;
        let more = !found.is_empty();
        plan.items.extend(found.into_iter().map(|s| ScanItem {
            id: s.id,
            title: s.title,
            path: s.path,
            stamp: s.stamp,
            sha256: s.sha256,
            missing: s.missing,
            desk: s.desk,
        }));
        Ok(more)
    }

    /// Records what a scan found, in one transaction. Evidence removed meanwhile is skipped
    /// (and counted as unchanged when nothing about it changed either).
    pub fn apply_scan(&mut self, results: ScanResults, now: DateTime<Utc>) -> Result<ScanReport> {
        let at = timestamp(now);
        let mut report = ScanReport {
            cancelled: results.cancelled,
            ..ScanReport::default()
        };
        // Whether evidence was removed meanwhile matters only where something is written or
        // reported: an unchanged scan (the usual one) reads no list of ids.
        let quiet = |item: &ScanItem, found: &Found| match found {
            Found::Unchanged(stamp) => *stamp == item.stamp && !item.missing,
            Found::NotScanned => true,
            _ => false,
        };
        self.db.write(|tx| {
            let existing = if results.items.iter().all(|(item, found)| quiet(item, found)) {
                None
            } else {
                Some(table::ids(tx)?)
            };
            for (item, found) in results.items {
                if existing.as_ref().is_some_and(|ids| !ids.contains(&item.id)) {
                    continue;
                }
                if matches!(
                    found,
                    Found::Changed(..) | Found::Missing | Found::Unreachable | Found::Failed(_)
                ) {
                    report.titles.insert(item.id, item.title.clone());
                }
                match found {
                    Found::Unchanged(stamp) => {
                        if stamp != item.stamp || item.missing {
                            table::set_source_state(tx, item.id, Some(stamp))?;
                        }
                        report.unchanged += 1;
                    }
                    Found::Changed(blob, stamp) => {
                        table::add_version(
                            tx,
                            item.id,
                            &blob,
                            &display_name(&item.path),
                            stamp,
                            &at,
                        )?;
                        report.changed.push(item.id);
                    }
                    Found::Missing => {
                        if !item.missing {
                            table::set_source_state(tx, item.id, None)?;
                        }
                        report.missing.push(item.id);
                    }
                    // Nothing is known of it from here: its state stays as the last scan of a
                    // desk that reaches it left it.
                    Found::Unreachable => report.unreachable.push(item.id),
                    Found::Failed(message) => report.failed.push((item.id, message)),
                    Found::NotScanned => report.not_scanned += 1,
                }
            }
            Ok(())
        })?;
        tracing::info!(
            unchanged = report.unchanged,
            changed = report.changed.len(),
            missing = report.missing.len(),
            unreachable = report.unreachable.len(),
            "evidence scan"
        );
        Ok(report)
    }

    /// Re-checks every source in one go (what `csmsdesk-cli evidence scan` does).
    pub fn scan_evidence(
        &mut self,
        deep: bool,
        now: DateTime<Utc>,
        progress: &(dyn Fn(Progress) + Sync),
        cancel: &AtomicBool,
    ) -> Result<ScanReport> {
        let results = self.plan_scan(deep)?.run(progress, cancel);
        self.apply_scan(results, now)
    }
}

#[cfg(test)]
mod tests;
