//! The legacy `.xls` format (BIFF records in an OLE container), made safe for calamine.
//!
//! calamine trusts what it reads in an `.xls`: a sector chain that loops grows memory until
//! the process dies, and the records index their bytes and allocate sheets by the positions
//! they name without checks, so a few damaged bytes abort the app (found by the
//! `catalogue_reader` fuzz target). Before calamine sees a file, it is therefore rebuilt here:
//! the workbook stream is read with the `cfb` crate (which checks the container's chains) and
//! its records are checked for what calamine would trip over; calamine then reads a fresh
//! container holding that stream only.

use std::io::{Cursor, Read as _, Write as _};

use super::check_sheet_cells;
use crate::WorkbookError;

/// The names calamine looks for, in its order: BIFF8 (`Workbook`), then BIFF5 (`Book`).
const STREAMS: [&str; 2] = ["Workbook", "Book"];

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const BOUND_SHEET: u16 = 0x0085;
const DIMENSIONS: u16 = 0x0200;
const MUL_RK: u16 = 0x00BD;
/// Records calamine reads a 16-bit value from without checking their length: FilePass,
/// CodePage, DateMode and BOF.
const READ_U16: [u16; 4] = [0x002F, 0x0042, 0x0022, BOF];
/// Cell records, whose first four bytes are the cell's row and column: Number, Label, RString,
/// BoolErr, RK, LabelSst and Formula.
const CELLS: [u16; 7] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006];

fn damaged(what: impl std::fmt::Display) -> WorkbookError {
    WorkbookError::Damaged(what.to_string())
}

/// The `.xls` in `bytes` as a fresh OLE container holding only its checked workbook stream.
/// An `.xlsx` protected with a password (Office wraps those in OLE too) is named as such.
pub(super) fn rebuild(bytes: &[u8]) -> Result<Vec<u8>, WorkbookError> {
    let mut container = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(damaged)?;
    let entries: Vec<(String, std::path::PathBuf)> = container
        .walk()
        .filter(|e| e.is_stream())
        .map(|e| (e.name().to_owned(), e.path().to_owned()))
        .collect();
    let named = |wanted: &str| {
        entries
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(wanted))
    };
    if named("EncryptedPackage").is_some() {
        return Err(WorkbookError::PasswordProtected);
    }
    let Some((name, path)) = STREAMS.iter().find_map(|s| named(s)) else {
        return Err(damaged("no Workbook stream"));
    };
    let mut stream = Vec::new();
    // A stream cannot hold more than the file; `take` bounds the read whatever it declares.
    container
        .open_stream(path)
        .map_err(damaged)?
        .take(bytes.len() as u64 + 1)
        .read_to_end(&mut stream)
        .map_err(damaged)?;
    if stream.len() > bytes.len() {
        return Err(damaged("the workbook stream is longer than the file"));
    }
    check_records(&stream)?;
    let mut rebuilt =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new()))
            .map_err(damaged)?;
    rebuilt
        .create_stream(format!("/{name}"))
        .and_then(|mut s| s.write_all(&stream))
        .map_err(damaged)?;
    rebuilt.flush().map_err(damaged)?;
    Ok(rebuilt.into_inner().into_inner())
}

/// The records from `stream`'s start as calamine splits them: type, length, data. (It also
/// joins Continue records to the record before; they are records of their own here, which
/// splits the stream at the same places.) Stops where a record is cut short.
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let kind = u16::from_le_bytes([*rest.first()?, *rest.get(1)?]);
        let len = usize::from(u16::from_le_bytes([*rest.get(2)?, *rest.get(3)?]));
        let data = rest.get(4..4 + len)?;
        rest = &rest[4 + len..];
        Some((kind, data))
    })
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*data.get(at)?, *data.get(at + 1)?]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// Checks the records calamine reads while opening: the workbook globals, then each sheet from
/// the position its BoundSheet8 record names. A sheet may span at most
/// [`super::MAX_SHEET_CELLS`], by its Dimensions record and by its cells.
fn check_records(stream: &[u8]) -> Result<(), WorkbookError> {
    let mut sheets = Vec::new();
    for (kind, data) in records(stream) {
        if READ_U16.contains(&kind) && data.len() < 2 {
            return Err(damaged(format!("record {kind:#06x} is too short")));
        }
        match kind {
            BOUND_SHEET => {
                // calamine reads the position and two bytes of flags unchecked, then slices
                // the stream at the position.
                let position = u32_at(data, 0).filter(|_| data.len() >= 6);
                match position.map(|p| p as usize) {
                    Some(position) if position <= stream.len() => sheets.push(position),
                    _ => return Err(damaged("a sheet record points outside the workbook")),
                }
            }
            EOF => break,
            _ => {}
        }
    }
    for position in sheets {
        check_sheet(&stream[position..])?;
    }
    Ok(())
}

/// One sheet's records, up to its EOF; charts and other sheets nested in it are skipped, as
/// calamine skips them.
fn check_sheet(sheet: &[u8]) -> Result<(), WorkbookError> {
    let mut rows = (u32::MAX, 0);
    let mut columns = (u32::MAX, 0);
    let mut seen_bof = false;
    let mut depth = 0usize;
    for (kind, data) in records(sheet) {
        if depth > 0 {
            match kind {
                BOF => depth += 1,
                EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        match kind {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            EOF => break,
            DIMENSIONS => check_dimensions(data)?,
            // calamine refuses a MulRk record shorter than 6 bytes itself.
            MUL_RK if data.len() >= 6 => {
                let (Some(row), Some(first), Some(last)) = (
                    u16_at(data, 0),
                    u16_at(data, 2),
                    u16_at(data, data.len() - 2),
                ) else {
                    continue;
                };
                // calamine counts `last - first + 1` in 16 bits.
                if last < first || last - first == u16::MAX {
                    return Err(damaged("a MulRk record's columns run backwards"));
                }
                extend(&mut rows, u32::from(row), u32::from(row));
                extend(&mut columns, u32::from(first), u32::from(last));
            }
            kind if CELLS.contains(&kind) => {
                if let (Some(row), Some(column)) = (u16_at(data, 0), u16_at(data, 2)) {
                    extend(&mut rows, u32::from(row), u32::from(row));
                    extend(&mut columns, u32::from(column), u32::from(column));
                }
            }
            _ => {}
        }
    }
    if rows.0 <= rows.1 {
        check_sheet_cells(
            u64::from(rows.1 - rows.0) + 1,
            u64::from(columns.1 - columns.0) + 1,
        )?;
    }
    Ok(())
}

fn extend(range: &mut (u32, u32), low: u32, high: u32) {
    range.0 = range.0.min(low);
    range.1 = range.1.max(high);
}

/// A Dimensions record read as calamine reads it, which reserves room for its rectangle.
fn check_dimensions(data: &[u8]) -> Result<(), WorkbookError> {
    let fields = match data.len() {
        10 => (
            u16_at(data, 0).map(u32::from),
            u16_at(data, 2).map(u32::from),
            u16_at(data, 4),
            u16_at(data, 6),
        ),
        14 | 16 => (
            u32_at(data, 0),
            u32_at(data, 4),
            u16_at(data, 8),
            u16_at(data, 10),
        ),
        _ => return Ok(()), // calamine refuses other lengths itself
    };
    let (Some(first_row), Some(end_row), Some(first_column), Some(end_column)) = fields else {
        return Ok(());
    };
    // The ends are exclusive. calamine takes a first column past the end, or past 255, as 0,
    // and a zero end as a one-cell sheet.
    let first_column = if first_column > 0xFF || end_column < first_column {
        0
    } else {
        first_column
    };
    if end_row == 0 || end_column == 0 {
        return Ok(());
    }
    // calamine counts `end - 1 - first + 1` rows and columns, which fails below zero.
    if first_row >= end_row || first_column >= end_column {
        return Err(damaged("the sheet's dimensions run backwards"));
    }
    check_sheet_cells(
        u64::from(end_row - first_row),
        u64::from(end_column - first_column),
    )
}
