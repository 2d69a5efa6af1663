//! The parts of an `.xlsx`, checked for what calamine would trip over or allocate for before
//! it reads them, and the container calamine is given.
//!
//! calamine turns a cell reference (`XFD1048576`) into numbers in 32 bits without checking
//! for overflow, so a reference of ten digits or seven letters panics wherever overflow is
//! checked (debug builds, tests; found by the `catalogue_reader` fuzz target) and silently
//! wraps elsewhere. No real reference is that long: Excel stops at `XFD1048576`.
//!
//! When it opens a workbook, calamine keeps its shared strings, its sheets' names, its
//! defined names and its relationships in memory, a record for each, and reserves room for
//! as many shared strings as the `uniqueCount` attribute of `sharedStrings.xml` claims
//! (`uniqueCount="4000000000"` asked for 96 GB, and the process aborted). These are counted,
//! and the parts that hold them measured, before it opens the file. It would also read the
//! styles, copying a font's name and a number format into each of the (up to millions of)
//! cell formats that refer to them; cell values do not depend on styles (a date is read as
//! its serial number either way), so calamine is given the workbook without them
//! ([`container_for_calamine`]).

use std::borrow::Cow;
use std::io::Cursor;

use super::{MAX_KEPT_PART_BYTES, MAX_LIST_ENTRIES, MAX_SHARED_STRINGS, MAX_SHEETS};
use crate::WorkbookError;

/// Letters and digits of the longest reference Excel writes, `XFD1048576`.
const MAX_LETTERS: usize = 3;
const MAX_DIGITS: usize = 7;

/// The elements whose reference attributes calamine parses while reading cells: a row's `r`,
/// a cell's `r`, the sheet's `dimension ref`.
const ELEMENTS: [&[u8]; 3] = [b"row", b"c", b"dimension"];
const ATTRIBUTES: [&str; 2] = ["r", "ref"];

/// The elements calamine keeps a record of while the workbook is open, with the most of each
/// a workbook may hold: shared strings (`si`, in `sharedStrings.xml`), sheets and defined
/// names (`workbook.xml`), relationships (`.rels` parts).
const KEPT: [(&str, u64); 4] = [
    ("si", MAX_SHARED_STRINGS),
    ("sheet", MAX_SHEETS),
    ("definedName", MAX_LIST_ENTRIES),
    ("Relationship", MAX_LIST_ENTRIES),
];
/// The root elements of the parts calamine keeps (some of) in memory while the workbook is
/// open: a part with one of these, or with an element of [`KEPT`], counts whole against
/// [`MAX_KEPT_PART_BYTES`].
const KEPT_PARTS: [&[u8]; 3] = [b"sst", b"workbook", b"Relationships"];

/// What the parts of an .xlsx hold, counted over all of them as they are checked.
#[derive(Debug, Default)]
pub(super) struct Census {
    /// How many elements of each of [`KEPT`].
    kept: [u64; KEPT.len()],
    /// The unpacked bytes of the parts calamine keeps in memory.
    kept_bytes: u64,
}

impl Census {
    /// Checks the part `name` (its unpacked bytes `xml`), every XML part of the workbook (a
    /// part's name comes from the workbook's relationships, which calamine follows; it is
    /// given no others); what a damaged part yields before its damage is looked at too.
    /// Refuses a cell reference longer than Excel's, a shared-string count claimed beyond
    /// [`MAX_SHARED_STRINGS`], more elements of a kind than [`KEPT`] allows, and kept parts
    /// of more than [`MAX_KEPT_PART_BYTES`] in all.
    pub(super) fn check_part(&mut self, name: &str, xml: &[u8]) -> Result<(), WorkbookError> {
        // calamine is given no other parts; an image could hold anything.
        if !super::is_xml_part(name) {
            return Ok(());
        }
        let mut kept_part = false;
        // Every `<` followed by a name is looked at, also in comments and text calamine would
        // not read, which can only refuse more. A tag whose attributes are read is passed
        // whole (as quick-xml passes it), so that each byte is looked at once or twice.
        let mut at = 0;
        while let Some(open) = xml[at..].iter().position(|&b| b == b'<') {
            let start = at + open + 1;
            let name_end = xml[start..]
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
                .map_or(xml.len(), |n| start + n);
            let tag = &xml[start..name_end];
            let local = tag.rsplit(|&b| b == b':').next().unwrap_or(tag);
            at = name_end;
            if ELEMENTS.contains(&local) || local == b"sst" {
                let end = tag_end(xml, name_end);
                let attributes = &xml[name_end..end];
                at = end;
                if local == b"sst" {
                    kept_part = true;
                    check_unique_count(name, attributes)?;
                } else if let Some(reference) = long_reference(attributes) {
                    return Err(WorkbookError::Damaged(format!(
                        "cell reference {:?} is beyond the last cell of a sheet",
                        String::from_utf8_lossy(reference)
                    )));
                }
            } else if let Some(kind) = KEPT.iter().position(|(kept, _)| kept.as_bytes() == local) {
                kept_part = true;
                let (entry, max) = KEPT[kind];
                self.kept[kind] += 1;
                if self.kept[kind] > max {
                    return Err(too_many(name, entry, self.kept[kind], max));
                }
            } else if KEPT_PARTS.contains(&local) {
                kept_part = true;
            }
        }
        if kept_part {
            self.kept_bytes = self.kept_bytes.saturating_add(xml.len() as u64);
            if self.kept_bytes > MAX_KEPT_PART_BYTES {
                return Err(WorkbookError::TooMuchText {
                    bytes: self.kept_bytes,
                    max: MAX_KEPT_PART_BYTES,
                });
            }
        }
        Ok(())
    }
}

fn too_many(part: &str, entry: &'static str, count: u64, max: u64) -> WorkbookError {
    WorkbookError::TooManyEntries {
        part: part.to_owned(),
        entry,
        count,
        max,
    }
}

/// Refuses a `uniqueCount` (among the `raw` attributes of an `sst` start tag) over
/// [`MAX_SHARED_STRINGS`]: calamine reserves room for that many strings (24 bytes each)
/// before it reads one. Read as calamine reads it: digits only, leading zeros skipped;
/// anything else it ignores. (The `count` beside it, of references, calamine does not use.)
fn check_unique_count(part: &str, raw: &[u8]) -> Result<(), WorkbookError> {
    for (key, value) in attributes(raw) {
        if key != b"uniqueCount" || value.is_empty() || !value.iter().all(u8::is_ascii_digit) {
            continue;
        }
        let claimed = value.iter().fold(0u64, |n, &d| {
            n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
        });
        if claimed > MAX_SHARED_STRINGS {
            return Err(too_many(part, "uniqueCount", claimed, MAX_SHARED_STRINGS));
        }
    }
    Ok(())
}

/// The container calamine reads: `bytes` without the entries it need not read for cell
/// values, copied without unpacking them. Dropped are the styles and the theme (see the
/// module's documentation) and every entry not named `.xml` or `.rels` (images, printer
/// settings, macros: calamine reads only XML parts for values). `bytes` itself when nothing
/// is dropped.
pub(super) fn container_for_calamine(bytes: &[u8]) -> Result<Cow<'_, [u8]>, WorkbookError> {
    let damaged = |e: zip::result::ZipError| WorkbookError::Damaged(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut kept = Vec::with_capacity(archive.len());
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(damaged)?;
        kept.push(needed_by_calamine(&String::from_utf8_lossy(
            entry.name_raw(),
        )));
    }
    if kept.iter().all(|k| *k) {
        return Ok(Cow::Borrowed(bytes));
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    for (index, _) in kept.iter().enumerate().filter(|(_, k)| **k) {
        let entry = archive.by_index_raw(index).map_err(damaged)?;
        out.raw_copy_file(entry).map_err(damaged)?;
    }
    let out = out.finish().map_err(damaged)?;
    Ok(Cow::Owned(out.into_inner()))
}

/// Whether calamine needs the entry `name` to read cell values. It looks names up ignoring
/// case, with `\` read as `/`, and reads the styles as `<folder>styles.xml` and the theme as
/// `<folder>theme/theme1.xml` beside the workbook part.
fn needed_by_calamine(name: &str) -> bool {
    let name = name.replace('\\', "/").to_ascii_lowercase();
    let file = name.rsplit('/').next().unwrap_or_default();
    super::is_xml_part(&name) && file != "styles.xml" && !name.ends_with("theme/theme1.xml")
}

/// The first reference attribute value among the `raw` attributes of a start tag with a run of
/// letters or digits longer than Excel's. The attributes are split as calamine splits them.
fn long_reference(raw: &[u8]) -> Option<&[u8]> {
    attributes(raw)
        .filter(|(key, _)| ATTRIBUTES.iter().any(|a| a.as_bytes() == *key))
        .map(|(_, value)| value)
        .find(|value| too_long(value))
}

/// Where the tag whose attributes start at `from` ends: its `>` outside quotes.
fn tag_end(xml: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &b) in xml.iter().enumerate().skip(from) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i,
            None => {}
        }
    }
    xml.len()
}

/// `key="value"` pairs as calamine's attribute reader splits them: white space, a key up to
/// `=`, white space, a value in single or double quotes. Stops where it would report an error.
pub(super) fn attributes(raw: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        while raw.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        let key_start = pos;
        pos += raw[pos..].iter().position(|&b| b == b'=')?;
        let key = raw[key_start..pos].trim_ascii_end();
        pos += 1;
        while raw.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        let quote = *raw.get(pos).filter(|&&q| q == b'"' || q == b'\'')?;
        pos += 1;
        let value_start = pos;
        pos += raw[pos..]
            .iter()
            .position(|&b| b == quote)
            .unwrap_or(raw.len() - pos);
        let value = &raw[value_start..pos];
        pos = (pos + 1).min(raw.len());
        Some((key, value))
    })
}

/// Whether `value` has more letters or digits in a row than `XFD1048576`.
fn too_long(value: &[u8]) -> bool {
    let runs = |is: fn(&u8) -> bool, max: usize| value.split(|b| !is(b)).any(|run| run.len() > max);
    runs(u8::is_ascii_alphabetic, MAX_LETTERS) || runs(u8::is_ascii_digit, MAX_DIGITS)
}
