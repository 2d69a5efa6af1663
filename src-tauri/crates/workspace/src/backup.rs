//! Backup and restore: one ZIP file holding a consistent copy of the database (SQLite's online
//! backup API, safe while the app has the workspace open) and every vault content the copy
//! refers to, with a `SHA256SUMS` that `sha256sum -c` checks after `unzip`.
//!
//! Layout: `backup.json` (what it is: format, version, when, counts), `workspace.sqlite`,
//! `vault/<2 hex>/<sha256>` (each named by its own hash, as in the workspace) and
//! `SHA256SUMS` last. A restore checks every byte before the new workspace appears: it is
//! unpacked into a hidden folder beside the target and renamed into place only when whole.
//! A backup is input from outside like any other file: its database must be exactly what our
//! migrations make (a database carries code: triggers and views), and it decides which vault
//! entries may be unpacked at all, and how large each may be.
//!
//! `write` makes a backup, `restore` checks and restores one, `unpack` stages its entries and
//! `files` holds the file handling both share.

use std::path::PathBuf;

use crate::journal::JournalReport;

mod files;
mod restore;
mod server;
mod unpack;
mod write;

pub(crate) use restore::check_backup_in;
pub use restore::{check_backup, restore_backup, restore_backup_at};
pub use write::{write_backup, write_backup_at};

/// The `format` of `backup.json`.
pub const BACKUP_FORMAT: &str = "csmsdesk-backup";
/// The layout version this build writes and reads.
pub const BACKUP_FORMAT_VERSION: u64 = 1;
const MANIFEST: &str = "backup.json";
const SUMS: &str = "SHA256SUMS";

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    pub path: PathBuf,
    /// The SHA-256 of the backup file itself.
    pub sha256: String,
    pub bytes: u64,
    pub blobs: usize,
    pub journal_entries: usize,
    pub created_at: String,
}

/// What a restore (or a check of a backup file) found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreReport {
    /// The restored workspace's folder; none when only checked or restored into a server.
    pub dir: Option<PathBuf>,
    /// The PostgreSQL database restored into, as a user reads its URL (a password as `***`).
    pub server: Option<String>,
    pub created_at: String,
    pub schema_version: i64,
    pub blobs: usize,
    pub bytes: u64,
    /// The restored journal, verified.
    pub journal: JournalReport,
}

#[cfg(test)]
mod move_tests;
#[cfg(test)]
mod tests;
