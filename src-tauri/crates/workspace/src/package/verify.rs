//! `verify`: a package is intact only if it is what our writer makes. Every entry is re-hashed
//! against `SHA256SUMS`, and every entry and every line of `SHA256SUMS` is held to the writer's
//! rules: a safe relative name (`core::package::is_safe_path`, the rules that make the names),
//! a plain file (no folder, link or device entry), each name once (case ignored, as on Windows
//! and macOS), bytes of its own (no entry overlapping another), and exactly the listed set.
//!
//! The central directory is read with `ZipIterable`, which keeps every entry: `ZipArchive`
//! keys entries by name, so of two `index.html` it shows one, and an unpacking tool that takes
//! the other shows what was never checked. The work is linear in the number of entries: one
//! pass over the directory, hash maps for every lookup, and a reader that seeks inside its
//! buffer.

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use csmsdesk_core::i18n::Message;
use csmsdesk_core::package::{is_safe_path, shown_name};
use serde_json::Value;
use sha2::{Digest as _, Sha256};
use zip::ZipReadOptions;
use zip::read::{Config, OwnedZipFileEntry};
use zip::unstable::read::ZipIterable;

use super::{SUMS, hex};
use crate::Result;

/// The most `SHA256SUMS` or `manifest.json` may unpack to when a package is verified. Those
/// two are read whole (every other entry is hashed as it streams), so a package that declares
/// them gigabytes large, and holds as much in compressed zeros, must not be: a manifest grows
/// by well under 1 KiB per evidence file.
pub(super) const MAX_METADATA_BYTES: u64 = 256 * 1024 * 1024;

/// The file type bits of a Unix mode, and the types among them (`S_IFMT` and friends).
const TYPE_BITS: u32 = 0o170_000;
const REGULAR: u32 = 0o100_000;
const FOLDER: u32 = 0o040_000;
const LINK: u32 = 0o120_000;

/// The general purpose flag saying that a name is UTF-8 (APPNOTE 4.4.4, bit 11).
const UTF8_NAME: u16 = 1 << 11;

/// The fixed part of a local file header, in bytes: no entry's data starts closer to its
/// header than this.
const LOCAL_HEADER: u64 = 30;

/// What `verify` found: nothing wrong, or each problem (entry name and what).
#[derive(Debug, Clone, PartialEq)]
pub struct VerifyReport {
    pub entries: usize,
    pub problems: Vec<Message>,
}

impl VerifyReport {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Re-hashes every entry of the package at `path` against its `SHA256SUMS` and checks that
/// every entry is listed and the manifest's evidence matches its files.
pub fn verify_package(path: &Path) -> Result<VerifyReport> {
    let file = crate::error::open_input(path)?;
    verify_package_reader(file, &path.display().to_string())
}

/// What an entry is, from its name and the Unix mode the archive gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    File,
    Folder,
    Link,
    /// A device, pipe or socket.
    Special,
}

impl Kind {
    fn of(entry: &OwnedZipFileEntry) -> Kind {
        // A name ending in a slash or backslash is a folder to every unpacking tool.
        if entry.is_dir() {
            return Kind::Folder;
        }
        // No mode (written on another system, or by a tool that sets none) is a plain file.
        match entry.unix_mode().map(|mode| mode & TYPE_BITS) {
            None | Some(0) | Some(REGULAR) => Kind::File,
            Some(FOLDER) => Kind::Folder,
            Some(LINK) => Kind::Link,
            Some(_) => Kind::Special,
        }
    }
}

/// [`verify_package`] over any seekable bytes (a file, or a `Cursor` in the fuzz target);
/// `name` is how messages name the package.
///
/// The work is bounded by the bytes themselves, never by the sizes the archive declares: the
/// entries are hashed through one 1 MiB buffer, the zip reader stops an entry that unpacks to
/// more than its declared size, entries that share bytes (the way a few KiB are made to unpack
/// to gigabytes many times over) are refused unread, and the two entries read whole are
/// bounded by [`MAX_METADATA_BYTES`].
pub fn verify_package_reader<R: Read + Seek>(reader: R, name: &str) -> Result<VerifyReport> {
    // Entry names are `name` below; the package is `package`.
    let package = name;
    let not_ours = |key: &'static str| VerifyReport {
        entries: 0,
        problems: vec![Message::new(key).arg("path", package)],
    };
    let mut reader = Positioned::new(reader);
    let Some(entries) = central_directory(&mut reader) else {
        return Ok(not_ours("verify.not_a_zip"));
    };
    let names: Vec<String> = entries
        .iter()
        .map(|e| match e.name() {
            Ok(name) => name.into_owned(),
            Err(_) => String::from_utf8_lossy(e.name_raw()).into_owned(),
        })
        .collect();
    // Of a name given twice, the last copy, as `ZipArchive` reads it (the name is reported).
    let index: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let mut read = |name: &str| -> Option<Vec<u8>> {
        let entry = entries[*index.get(name)?].as_ref();
        let file = entry.with_reader(&mut reader, ZipReadOptions::new()).ok()?;
        let mut bytes = Vec::new();
        file.take(MAX_METADATA_BYTES + 1)
            .read_to_end(&mut bytes)
            .ok()?;
        (bytes.len() as u64 <= MAX_METADATA_BYTES).then_some(bytes)
    };
    let (Some(sums), Some(manifest)) = (read(SUMS), read("manifest.json")) else {
        return Ok(not_ours("verify.not_ours"));
    };
    let mut problems = Vec::new();
    let Sums {
        listed,
        order,
        problems: sums_problems,
    } = Sums::parse(&sums);
    let overlapping = overlapping(&entries);
    let mut folded: HashSet<String> = HashSet::with_capacity(names.len());
    let mut buffer = vec![0; 1 << 20];
    for (i, (entry, name)) in entries.iter().zip(&names).enumerate() {
        let shown = shown_name(name);
        let problem = |key: &'static str| Message::new(key).arg("entry", &shown);
        if !is_safe_path(name) || !name_as_written(entry) {
            problems.push(problem("verify.unsafe_name"));
        }
        match Kind::of(entry) {
            Kind::File => {}
            Kind::Folder => problems.push(problem("verify.folder")),
            Kind::Link => problems.push(problem("verify.link")),
            Kind::Special => problems.push(problem("verify.special")),
        }
        if !folded.insert(name.to_lowercase()) {
            problems.push(problem("verify.duplicate"));
        }
        if overlapping.contains(&i) {
            problems.push(problem("verify.overlap"));
            continue;
        }
        if name == SUMS {
            continue;
        }
        let Some(expected) = listed.get(name.as_str()) else {
            problems.push(problem("verify.unlisted"));
            continue;
        };
        // An entry listed in the directory whose own header is damaged is a problem of the
        // package like any other, not a failure to verify (it was reported as "could not write
        // the package"; found by the `package_verify` fuzz target).
        let Ok(mut file) = entry
            .as_ref()
            .with_reader(&mut reader, ZipReadOptions::new())
        else {
            problems.push(problem("verify.unreadable"));
            continue;
        };
        // A name some tools read from this field and others from the header: never ours.
        if file
            .extra_data_fields()
            .any(|f| matches!(f, zip::ExtraField::UnicodePath(_)))
        {
            problems.push(problem("verify.unsafe_name"));
        }
        let mut hasher = Sha256::new();
        loop {
            match file.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => hasher.update(&buffer[..n]),
                Err(_) => {
                    problems.push(problem("verify.unreadable"));
                    break;
                }
            }
        }
        if hex(&hasher.finalize()) != *expected {
            problems.push(problem("verify.mismatch"));
        }
    }
    for listed_name in order {
        if !index.contains_key(listed_name) {
            problems.push(Message::new("verify.missing").arg("entry", shown_name(listed_name)));
        }
    }
    problems.extend(sums_problems);
    let manifest: Value = serde_json::from_slice(&manifest).unwrap_or(Value::Null);
    if manifest["format"] != "csmsdesk-package" {
        problems.push(Message::new("verify.not_ours").arg("path", package));
    }
    for e in manifest["evidence"].as_array().into_iter().flatten() {
        let entry = e["path"].as_str().unwrap_or_default();
        if listed.get(entry).copied() != e["sha256"].as_str() {
            problems.push(Message::new("verify.manifest_mismatch").arg("entry", shown_name(entry)));
        }
    }
    Ok(VerifyReport {
        entries: entries.len(),
        problems,
    })
}

/// Every entry of the central directory, in its order, duplicates kept; `None` if there is no
/// readable directory.
fn central_directory<R: Read + Seek>(reader: &mut R) -> Option<Vec<OwnedZipFileEntry>> {
    let mut archive = ZipIterable::try_new(reader, Config::default()).ok()?;
    let files = archive.files().ok()?;
    let mut entries = Vec::with_capacity(files.len());
    for entry in files {
        entries.push(entry.ok()?.into());
    }
    Some(entries)
}

/// Whether the entry's name is stored the way our writer stores it: UTF-8, flagged as such
/// when it is not plain ASCII (without the flag, tools read the bytes in different code pages
/// and show different names).
fn name_as_written(entry: &OwnedZipFileEntry) -> bool {
    entry.name_raw().is_ascii() || entry.flags().as_u16() & UTF8_NAME != 0
}

/// The indexes of the entries whose bytes overlap another's: each entry's header and data
/// must end before the next entry (by position) begins, as they do when a writer writes them
/// one after the other. Two directory entries pointing at one local entry overlap too.
fn overlapping(entries: &[OwnedZipFileEntry]) -> HashSet<usize> {
    let mut by_start: Vec<usize> = (0..entries.len()).collect();
    by_start.sort_by_key(|&i| entries[i].header_start());
    let mut found = HashSet::new();
    for pair in by_start.windows(2) {
        let (a, b) = (&entries[pair[0]], &entries[pair[1]]);
        let end = a
            .header_start()
            .saturating_add(LOCAL_HEADER)
            .saturating_add(a.compressed_size());
        if end > b.header_start() {
            found.insert(pair[0]);
            found.insert(pair[1]);
        }
    }
    found
}

/// `SHA256SUMS`, read the way our writer writes it: one `<64 lowercase hex digits>  <name>\n`
/// per entry (coreutils' text mode), never a line for itself.
struct Sums<'a> {
    /// Name → hash, of the lines that are a hash and a name.
    listed: HashMap<&'a str, &'a str>,
    /// The names of `listed`, in the file's order.
    order: Vec<&'a str>,
    /// Lines that are not a hash and a name, names we never write, names listed twice.
    problems: Vec<Message>,
}

impl Sums<'_> {
    fn parse(sums: &[u8]) -> Sums<'_> {
        let mut parsed = Sums {
            listed: HashMap::new(),
            order: Vec::new(),
            problems: Vec::new(),
        };
        let lines: Vec<&[u8]> = sums.split(|b| *b == b'\n').collect();
        let last = lines.len() - 1;
        for (at, line) in lines.into_iter().enumerate() {
            // The newline that ends the last line leaves an empty piece behind it.
            if at == last && line.is_empty() {
                break;
            }
            let Some((hash, name)) = std::str::from_utf8(line)
                .ok()
                .and_then(|l| l.split_once("  "))
                .filter(|(hash, name)| {
                    hash.len() == 64
                        && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
                        && *name != SUMS
                })
            else {
                let problem = Message::new("verify.sums_bad_line").arg("line", at + 1);
                parsed.problems.push(problem);
                continue;
            };
            let problem = |key: &'static str| Message::new(key).arg("entry", shown_name(name));
            if !is_safe_path(name) {
                parsed.problems.push(problem("verify.sums_unsafe_name"));
            }
            if parsed.listed.insert(name, hash).is_some() {
                parsed.problems.push(problem("verify.sums_duplicate"));
            } else {
                parsed.order.push(name);
            }
        }
        parsed
    }
}

/// A buffered reader that knows where it is, so that a seek to a position inside its buffer
/// moves within the buffer instead of dropping it. The zip reader seeks before every directory
/// entry and every entry's header; with a plain `BufReader` each of those seeks threw away the
/// buffer and read it again.
struct Positioned<R> {
    inner: BufReader<R>,
    /// The position in the underlying bytes; `None` after an error, until a seek says again.
    at: Option<u64>,
}

impl<R: Read + Seek> Positioned<R> {
    fn new(mut reader: R) -> Positioned<R> {
        let at = reader.stream_position().ok();
        Positioned {
            inner: BufReader::new(reader),
            at,
        }
    }
}

impl<R: Read> Read for Positioned<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let result = self.inner.read(buf);
        self.at = match &result {
            Ok(n) => self.at.and_then(|at| at.checked_add(*n as u64)),
            Err(_) => None,
        };
        result
    }
}

impl<R: Seek> Seek for Positioned<R> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        if let (SeekFrom::Start(target), Some(at)) = (to, self.at)
            && let (Ok(target_i), Ok(at_i)) = (i64::try_from(target), i64::try_from(at))
        {
            // Both are at most i64::MAX, so the difference fits.
            let moved = self.inner.seek_relative(target_i - at_i);
            self.at = moved.as_ref().ok().map(|()| target);
            return moved.map(|()| target);
        }
        let result = self.inner.seek(to);
        self.at = result.as_ref().ok().copied();
        result
    }
}

#[cfg(test)]
mod tests;
