//! The submission package: a deterministic ZIP with `manifest.json`, `SHA256SUMS` (coreutils
//! format), a self-contained `index.html` and, in the full package, the evidence files and the
//! printable `report.pdf`; partner packages hold only what their sharing level allows. And
//! `verify` (in `verify.rs`), which re-hashes a package and holds it to what this writer makes.
//!
//! Same workspace state and same generation time give the same bytes: entries sorted, the
//! generation time as every entry's time, fixed permissions, a fixed compression level. The
//! package is written to a temporary file beside the target, fsynced and renamed, so a failed
//! or cancelled export never leaves a file at the target name.
//!
//! The types and writing are here; `plan` decides the contents, `workbook` fills the ENX
//! workbook and `index_html` builds the page.

use std::collections::BTreeMap;
use std::io::{Read, Write as _};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike as _, Timelike as _, Utc};
use csmsdesk_core::i18n::Message;
use csmsdesk_core::package::{Level, compresses};
use sha2::{Digest as _, Sha256};
use zip::write::SimpleFileOptions;

use crate::{Error, Invalid, Result};

mod index_html;
mod plan;
mod review;
mod verify;
mod workbook;

pub use review::{PackageOptions, PackageWarnings, Unreviewed, Versions};
pub use verify::{VerifyReport, verify_package, verify_package_reader};

/// The format of `manifest.json`; grows when its meaning changes.
pub const FORMAT_VERSION: u32 = 1;
/// The checksum file's name.
pub const SUMS: &str = "SHA256SUMS";

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageReport {
    pub path: PathBuf,
    pub sha256: String,
    /// Every entry, in the package's order.
    pub files: Vec<String>,
    pub level: Level,
    scope_id: i64,
    generated_at: String,
}

/// A package ready to be written: made with the workspace, written without it (so the app
/// stays usable while gigabytes of evidence are copied).
pub struct PackagePlan {
    out: PathBuf,
    dir: PathBuf,
    /// Where the evidence contents are read from.
    vault: csmsdesk_store::vault::Vault,
    entries: BTreeMap<String, Body>,
    generated_at: DateTime<Utc>,
    level: Level,
    scope_id: i64,
}

impl std::fmt::Debug for PackagePlan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PackagePlan")
            .field("out", &self.out)
            .field("entries", &self.entries.len())
            .field("level", &self.level)
            .finish()
    }
}

/// The journal's entry in a full package.
const JOURNAL: &str = "journal.jsonl";
/// The printable PDF report's entry in a full package.
const REPORT: &str = "report.pdf";

fn hex(bytes: &[u8]) -> String {
    csmsdesk_store::vault::hex(bytes)
}

/// An entry of the package before it is written: its name and where its bytes come from.
enum Body {
    Bytes(Vec<u8>),
    /// A vault content: its hash and size.
    Blob(String, u64),
}

/// A file being written at `path` failed (also used by the backup).
pub(crate) fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::FileUnwritable {
        path: path.to_owned(),
        source,
    }
}

pub(crate) fn zip_error(path: &Path, e: zip::result::ZipError) -> Error {
    io_error(path, std::io::Error::other(e.to_string()))
}

/// The options every entry we write starts from, spelled out so that the bytes are the same
/// whichever OS writes them. Left to itself the zip crate records the writing host ("version
/// made by": DOS on Windows, Unix elsewhere) and derives the external attributes from it, so
/// a package written on Windows differed from Linux's, and Info-ZIP's `unzip` applied its
/// DOS code-page conversion to a Windows-made entry's UTF-8 name (`Richtlinie-ä.txt` came out
/// garbled and `sha256sum -c` failed). Every entry is therefore a Unix regular file with
/// `mode`, at `time`. Names are UTF-8 (Rust strings) and the zip crate sets the language
/// encoding flag (bit 11) on every non-ASCII one, which is what tells an extractor so; the
/// package tests check both in the bytes.
pub(crate) fn entry_options(time: zip::DateTime, mode: u32) -> SimpleFileOptions {
    /// `S_IFREG`: the file type bits of a regular file in a Unix mode.
    const REGULAR_FILE: u32 = 0o100_000;
    SimpleFileOptions::default()
        .system(zip::System::Unix)
        .external_attributes((REGULAR_FILE | (mode & 0o777)) << 16)
        .last_modified_time(time)
}

/// `at` as a ZIP entry time (DOS time: whole seconds of even number, from 1980).
pub(crate) fn zip_time(at: DateTime<Utc>) -> zip::DateTime {
    zip::DateTime::from_date_and_time(
        u16::try_from(at.year()).unwrap_or(1980),
        at.month() as u8,
        at.day() as u8,
        at.hour() as u8,
        at.minute() as u8,
        at.second() as u8,
    )
    .unwrap_or_default()
}

impl PackagePlan {
    /// Writes the entries and their `SHA256SUMS` as a ZIP at the target, atomically: a
    /// temporary file beside it, fsynced and renamed. `progress` hears of each entry (bytes
    /// of evidence copied); when `cancel` is set, the temporary file is removed and nothing
    /// appears at the target.
    pub fn write(
        self,
        progress: &(dyn Fn(crate::Progress) + Sync),
        cancel: &std::sync::atomic::AtomicBool,
    ) -> Result<PackageReport> {
        let PackagePlan {
            out,
            dir,
            vault,
            entries,
            generated_at,
            level,
            scope_id,
        } = self;
        let mut report = write_package(
            &out,
            &dir,
            &vault,
            entries,
            generated_at,
            level,
            progress,
            cancel,
        )?;
        report.scope_id = scope_id;
        Ok(report)
    }
}

/// Writes `entries` and their `SHA256SUMS` as a ZIP at `out`, atomically.
#[allow(clippy::too_many_arguments)]
fn write_package(
    out: &Path,
    dir: &Path,
    vault: &csmsdesk_store::vault::Vault,
    entries: BTreeMap<String, Body>,
    generated_at: DateTime<Utc>,
    level: Level,
    progress: &(dyn Fn(crate::Progress) + Sync),
    cancel: &std::sync::atomic::AtomicBool,
) -> Result<PackageReport> {
    let cancelled = || cancel.load(std::sync::atomic::Ordering::Relaxed);
    let size_of = |body: &Body| match body {
        Body::Bytes(bytes) => bytes.len() as u64,
        Body::Blob(_, size) => *size,
    };
    let bytes_total: u64 = entries.values().map(size_of).sum();
    // Stored entries take their size; a margin covers headers and the checksum file.
    let needed = bytes_total + (1 << 20);
    if let Ok(available) = csmsdesk_store::vault::available_space(dir)
        && available < needed
    {
        return Err(Error::Invalid(vec![Invalid::new(
            "out",
            Message::new("package.no_space")
                .arg("needed_mib", needed.div_ceil(1 << 20))
                .arg("available_mib", available / (1 << 20))
                .arg("path", dir.display().to_string()),
        )]));
    }
    let mut bytes_done = 0u64;
    let time = zip_time(generated_at);
    let options = |name: &str, size: u64| {
        let method = if compresses(name) {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        entry_options(time, 0o644)
            .compression_method(method)
            .compression_level(compresses(name).then_some(6))
            // ZIP64 only where an entry needs it, so that small packages stay plain ZIP.
            .large_file(size >= u64::from(u32::MAX))
    };
    let temp = crate::partial::create(dir, "package").map_err(|e| io_error(out, e))?;
    let mut zip = zip::ZipWriter::new(temp);
    let mut sums = String::new();
    let mut files = Vec::new();
    for (index, (name, body)) in entries.iter().enumerate() {
        let size = size_of(body);
        zip.start_file(name.as_str(), options(name, size))
            .map_err(|e| zip_error(out, e))?;
        let mut hasher = Sha256::new();
        match body {
            Body::Bytes(bytes) => {
                hasher.update(bytes);
                zip.write_all(bytes).map_err(|e| io_error(out, e))?;
            }
            Body::Blob(sha256, _) => {
                let path = &PathBuf::from(vault.location_of(sha256));
                let mut file = vault.open(sha256).map_err(|e| io_error(path, e))?;
                let mut buffer = vec![0; 1 << 20];
                loop {
                    if cancelled() {
                        return Err(Error::Cancelled);
                    }
                    let n = file.read(&mut buffer).map_err(|e| io_error(path, e))?;
                    if n == 0 {
                        break;
                    }
                    hasher.update(&buffer[..n]);
                    zip.write_all(&buffer[..n]).map_err(|e| io_error(out, e))?;
                }
            }
        }
        sums.push_str(&format!("{}  {name}\n", hex(&hasher.finalize())));
        files.push(name.clone());
        bytes_done += size;
        progress(crate::Progress {
            files_done: index + 1,
            files_total: entries.len(),
            bytes_done,
            bytes_total,
        });
    }
    if cancelled() {
        return Err(Error::Cancelled);
    }
    zip.start_file(SUMS, options(SUMS, sums.len() as u64))
        .map_err(|e| zip_error(out, e))?;
    zip.write_all(sums.as_bytes())
        .map_err(|e| io_error(out, e))?;
    files.push(SUMS.to_owned());
    let temp = zip.finish().map_err(|e| zip_error(out, e))?;
    temp.as_file().sync_all().map_err(|e| io_error(out, e))?;
    temp.persist(out).map_err(|e| io_error(out, e.error))?;
    csmsdesk_store::vault::sync_dir(dir);
    let (blob, _) =
        csmsdesk_store::vault::hash_file(out, &std::sync::atomic::AtomicBool::new(false))
            .map_err(|e| io_error(out, std::io::Error::other(e.to_string())))?;
    Ok(PackageReport {
        path: out.to_owned(),
        sha256: blob.sha256,
        files,
        level,
        scope_id: 0,
        generated_at: generated_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    })
}

/// The generation time a user gives for a package (`--generated-at`): RFC 3339, in the years a
/// user may enter.
pub fn parse_generated_at(text: &str) -> Result<DateTime<Utc>> {
    let at = DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            Error::Invalid(vec![Invalid::new(
                "generated_at",
                Message::new("package.bad_time").arg("given", text.trim()),
            )])
        })?;
    csmsdesk_core::dates::check_date(at.date_naive()).map_err(|message| {
        Error::Invalid(vec![Invalid::new(
            "generated_at",
            message.arg("given", text.trim()),
        )])
    })?;
    Ok(at)
}

#[cfg(test)]
mod report_tests;
#[cfg(test)]
mod tests;
