//! The legacy `.xls` format (BIFF records in an OLE container), made safe for calamine.
//!
//! calamine trusts what it reads in an `.xls`: a sector chain that loops grows memory until
//! the process dies, and records are indexed unchecked and sheets allocated by the positions
//! their cells name, so a few damaged bytes abort the app (found with the `catalogue_reader`
//! fuzz target). Before calamine sees a file, it is therefore rebuilt here: the workbook
//! stream is read with the `cfb` crate (which checks the container's chains), the records a
//! catalogue does not need and calamine parses carelessly are made inert, the rest is checked
//! for what calamine would trip over, and calamine reads a fresh container holding that stream
//! only.

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
const FORMULA: u16 = 0x0006;
/// Records calamine reads a 16-bit value from without checking their length: FilePass,
/// CodePage, DateMode and BOF.
const READ_U16: [u16; 4] = [0x002F, 0x0042, 0x0022, BOF];
/// Cell records, whose first four bytes are the cell's row and column: Number, Label, RString,
/// BoolErr, RK, LabelSst and Formula.
const CELLS: [u16; 7] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, FORMULA];
/// Records calamine parses only for formulas and merged cells, which a catalogue does not
/// need, indexing their bytes unchecked: defined names (Lbl) and ExternSheet in the workbook
/// globals, MergeCells in a sheet. They are turned into [`INERT`] records.
const GLOBALS_TO_DEFUSE: [u16; 2] = [0x0018, 0x0017];
const SHEET_TO_DEFUSE: [u16; 1] = [0x00E5];
/// A record type calamine skips.
const INERT: u16 = 0x0000;

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
    defuse(&mut stream);
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

/// One record as calamine splits the stream: where its data starts, its type, its data.
/// (calamine also joins Continue records to the record before; they are records of their own
/// here, which splits the stream at the same places.)
struct Record<'a> {
    at: usize,
    kind: u16,
    data: &'a [u8],
}

/// The records from `from` on. Stops where a record is cut short.
fn records(stream: &[u8], from: usize) -> impl Iterator<Item = Record<'_>> {
    let mut at = from;
    std::iter::from_fn(move || {
        let kind = u16_at(stream, at)?;
        let len = usize::from(u16_at(stream, at + 2)?);
        let data = stream.get(at + 4..at + 4 + len)?;
        let record = Record {
            at: at + 4,
            kind,
            data,
        };
        at += 4 + len;
        Some(record)
    })
}

/// The records of the workbook globals: from the start to the first EOF.
fn globals(stream: &[u8]) -> impl Iterator<Item = Record<'_>> {
    records(stream, 0).take_while(|r| r.kind != EOF)
}

/// The positions of the sheets, as the BoundSheet8 records name them.
fn sheet_positions(stream: &[u8]) -> Result<Vec<usize>, WorkbookError> {
    globals(stream)
        .filter(|r| r.kind == BOUND_SHEET)
        .map(|r| {
            // calamine reads the position and two bytes of flags unchecked, then slices the
            // stream at the position.
            match u32_at(r.data, 0).filter(|_| r.data.len() >= 6) {
                Some(position) if position as usize <= stream.len() => Ok(position as usize),
                _ => Err(damaged("a sheet record points outside the workbook")),
            }
        })
        .collect()
}

/// A sheet's own records, from its position to its EOF: charts and other sheets nested in it
/// (between their own BOF and EOF) are skipped, as calamine skips them.
fn sheet(stream: &[u8], position: usize) -> impl Iterator<Item = Record<'_>> {
    let mut all = records(stream, position);
    let mut seen_bof = false;
    let mut depth = 0usize;
    std::iter::from_fn(move || {
        loop {
            let record = all.next()?;
            if depth > 0 {
                match record.kind {
                    BOF => depth += 1,
                    EOF => depth -= 1,
                    _ => {}
                }
                continue;
            }
            match record.kind {
                BOF if seen_bof => depth += 1,
                BOF => {
                    seen_bof = true;
                    return Some(record);
                }
                EOF => return None,
                _ => return Some(record),
            }
        }
    })
}

/// Makes inert what calamine would parse only for formulas, defined names and merged cells:
/// those records become [`INERT`], a formula keeps its row, column and cached value and
/// loses its expression (its length is set to 0). Lengths and positions do not change.
fn defuse(stream: &mut [u8]) {
    let mut inert: Vec<usize> = globals(stream)
        .filter(|r| GLOBALS_TO_DEFUSE.contains(&r.kind))
        .map(|r| r.at - 4)
        .collect();
    let mut empty_formulas = Vec::new();
    for position in sheet_positions(stream).unwrap_or_default() {
        for record in sheet(stream, position) {
            if SHEET_TO_DEFUSE.contains(&record.kind) {
                inert.push(record.at - 4);
            } else if record.kind == FORMULA && record.data.len() >= 22 {
                empty_formulas.push(record.at + 20);
            }
        }
    }
    for at in inert {
        stream[at..at + 2].copy_from_slice(&INERT.to_le_bytes());
    }
    for at in empty_formulas {
        stream[at..at + 2].fill(0);
    }
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([
        *data.get(at)?,
        *data.get(at.checked_add(1)?)?,
    ]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        data.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// Checks the records calamine reads while opening, after [`defuse`]: the workbook globals,
/// then each sheet from the position its BoundSheet8 record names. (Defusing changes bytes
/// another, overlapping reading of the stream could see differently, so everything is checked
/// afresh, including that nothing is left to defuse.) A sheet may span at most
/// [`super::MAX_SHEET_CELLS`], by its Dimensions record and by its cells.
fn check_records(stream: &[u8]) -> Result<(), WorkbookError> {
    for record in globals(stream) {
        if READ_U16.contains(&record.kind) && record.data.len() < 2 {
            return Err(damaged(format!("record {:#06x} is too short", record.kind)));
        }
        if GLOBALS_TO_DEFUSE.contains(&record.kind) {
            return Err(damaged("the workbook's records overlap"));
        }
    }
    for position in sheet_positions(stream)? {
        check_sheet(stream, position)?;
    }
    Ok(())
}

fn check_sheet(stream: &[u8], position: usize) -> Result<(), WorkbookError> {
    let mut rows = (u32::MAX, 0);
    let mut columns = (u32::MAX, 0);
    for Record { kind, data, .. } in sheet(stream, position) {
        match kind {
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
            kind if SHEET_TO_DEFUSE.contains(&kind) => {
                return Err(damaged("the workbook's records overlap"));
            }
            // calamine refuses a Formula record shorter than 20 bytes itself, then reads the
            // expression's length at 20.
            FORMULA if data.len() >= 20 && u16_at(data, 20) != Some(0) => {
                return Err(damaged("a formula record is cut short"));
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
