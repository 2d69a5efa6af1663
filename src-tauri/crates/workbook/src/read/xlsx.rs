//! The parts of an `.xlsx`, checked for what calamine would trip over before it reads them.
//!
//! calamine turns a cell reference (`XFD1048576`) into numbers in 32 bits without checking
//! for overflow, so a reference of ten digits or seven letters panics wherever overflow is
//! checked (debug builds, tests; found by the `catalogue_reader` fuzz target) and silently
//! wraps elsewhere. No real reference is that long: Excel stops at `XFD1048576`.

use std::io::{Cursor, Read as _};

use crate::WorkbookError;

/// Letters and digits of the longest reference Excel writes, `XFD1048576`.
const MAX_LETTERS: usize = 3;
const MAX_DIGITS: usize = 7;

/// The elements whose reference attributes calamine parses while reading cells: a row's `r`,
/// a cell's `r`, the sheet's `dimension ref`.
const ELEMENTS: [&[u8]; 3] = [b"row", b"c", b"dimension"];
const ATTRIBUTES: [&str; 2] = ["r", "ref"];

/// Refuses a workbook with a cell reference longer than Excel's in any part. Every part is
/// looked at (a sheet's part name comes from the workbook's relationships, which calamine
/// follows), including what a damaged part yields before its damage.
pub(super) fn check_references(bytes: &[u8]) -> Result<(), WorkbookError> {
    let damaged = |e: zip::result::ZipError| WorkbookError::Damaged(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut part = Vec::new();
    for index in 0..archive.len() {
        part.clear();
        // The sizes were checked against `MAX_UNPACKED_BYTES` before; a part that cannot be
        // unpacked is refused by calamine, after reading what came before the damage.
        if let Ok(mut entry) = archive.by_index(index) {
            let _ = entry.read_to_end(&mut part);
        }
        if let Some(reference) = long_reference(&part) {
            return Err(WorkbookError::Damaged(format!(
                "cell reference {:?} is beyond the last cell of a sheet",
                String::from_utf8_lossy(reference)
            )));
        }
    }
    Ok(())
}

/// The first reference attribute value in `xml` with a run of letters or digits longer than
/// Excel's, in a start tag of one of [`ELEMENTS`] (namespace prefix allowed). The attributes
/// are split as calamine splits them; tags inside comments are looked at too, which can only
/// refuse more.
fn long_reference(xml: &[u8]) -> Option<&[u8]> {
    let mut at = 0;
    while let Some(open) = xml[at..].iter().position(|&b| b == b'<') {
        let start = at + open + 1;
        let name_end = xml[start..]
            .iter()
            .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
            .map_or(xml.len(), |n| start + n);
        let name = &xml[start..name_end];
        let local = name.rsplit(|&b| b == b':').next().unwrap_or(name);
        at = name_end;
        if !ELEMENTS.contains(&local) {
            continue;
        }
        let tag_end = tag_end(xml, name_end);
        if let Some(value) = attributes(&xml[name_end..tag_end])
            .filter(|(key, _)| ATTRIBUTES.iter().any(|a| a.as_bytes() == *key))
            .map(|(_, value)| value)
            .find(|value| too_long(value))
        {
            return Some(value);
        }
        at = tag_end;
    }
    None
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
fn attributes(raw: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
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
