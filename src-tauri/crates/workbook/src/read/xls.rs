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
//!
//! calamine also reads every sheet while opening the file and keeps them all, each cell with
//! its own copy of its text: a shared string (the SST record) is copied into every cell that
//! refers to it. So the sheets' rectangles and cells, the shared strings and every copy of
//! their text are counted first, for the workbook as a whole, against [`MAX_HELD_CELLS`],
//! [`MAX_SHARED_STRINGS`] and [`MAX_TEXT_BYTES`](super::MAX_TEXT_BYTES).

use std::io::{Cursor, Read as _, Write as _};

use super::{Budget, MAX_HELD_CELLS, MAX_SHARED_STRINGS, MAX_SHEETS, check_cells};
use crate::WorkbookError;

/// The names calamine looks for, in its order: BIFF8 (`Workbook`), then BIFF5 (`Book`).
const STREAMS: [&str; 2] = ["Workbook", "Book"];

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const BOUND_SHEET: u16 = 0x0085;
const DIMENSIONS: u16 = 0x0200;
const MUL_RK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;
const SST: u16 = 0x00FC;
const CONTINUE: u16 = 0x003C;
const LABEL: u16 = 0x0204;
const RSTRING: u16 = 0x00D6;
const LABEL_SST: u16 = 0x00FD;
/// The text of a formula whose value is text, which follows its Formula record.
const STRING: u16 = 0x0207;
/// What a text's UTF-8 may take per character stored: calamine hands two bytes per character
/// to the code page's decoder (adding a zero byte to a one-byte character), each of which
/// may decode to up to three bytes of UTF-8.
const UTF8_PER_CHAR: u64 = 6;
/// What calamine writes for a formula it cannot read (all of them, once defused) besides its
/// cell's place, at most.
const FORMULA_TEXT: u64 = 128;
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
/// afresh, including that nothing is left to defuse.) The sheets, shared strings, cells and
/// texts calamine would keep are counted (see the module's documentation); a sheet may also
/// span at most [`MAX_HELD_CELLS`] by its Dimensions record, for which calamine reserves room.
fn check_records(stream: &[u8]) -> Result<(), WorkbookError> {
    let mut budget = Budget::default();
    let mut strings = Vec::new();
    let mut all = globals(stream).peekable();
    while let Some(record) = all.next() {
        if READ_U16.contains(&record.kind) && record.data.len() < 2 {
            return Err(damaged(format!("record {:#06x} is too short", record.kind)));
        }
        if GLOBALS_TO_DEFUSE.contains(&record.kind) {
            return Err(damaged("the workbook's records overlap"));
        }
        if record.kind == SST {
            // calamine reads the Continue records that follow as part of it.
            let mut chunks = vec![record.data];
            while let Some(next) = all.next_if(|r| r.kind == CONTINUE) {
                chunks.push(next.data);
            }
            // Only the last SST is kept; each is made.
            strings = shared_strings(&chunks)?;
            for &len in &strings {
                budget.text(len, 1)?;
            }
        }
    }
    let positions = sheet_positions(stream)?;
    if positions.len() as u64 > MAX_SHEETS {
        return Err(WorkbookError::TooManyEntries {
            part: "Workbook".to_owned(),
            entry: "BoundSheet8",
            count: positions.len() as u64,
            max: MAX_SHEETS,
        });
    }
    let (mut kept_cells, mut held_cells) = (0, 0);
    for position in positions {
        check_sheet(
            stream,
            position,
            &strings,
            &mut budget,
            (&mut kept_cells, &mut held_cells),
        )?;
    }
    Ok(())
}

/// The UTF-8 length (at most) of each string of an SST record (its data, then that of the
/// Continue records that follow), read as calamine reads them (`parse_sst`), refusing more
/// than [`MAX_SHARED_STRINGS`] and, as damaged, what calamine would index past the end of.
fn shared_strings(chunks: &[&[u8]]) -> Result<Vec<u64>, WorkbookError> {
    let cut_short = || damaged("the shared strings are cut short");
    let mut chunks = chunks.iter().copied();
    let mut data = chunks.next().unwrap_or_default();
    // The total and unique counts, which calamine skips (and so does this).
    data = data.get(8..).ok_or_else(cut_short)?;
    let mut strings = Vec::new();
    loop {
        if data.is_empty() {
            match chunks.next() {
                Some(next) => data = next,
                None => return Ok(strings),
            }
        }
        if strings.len() as u64 >= MAX_SHARED_STRINGS {
            return Err(WorkbookError::TooManyEntries {
                part: "Workbook".to_owned(),
                entry: "SST",
                count: strings.len() as u64 + 1,
                max: MAX_SHARED_STRINGS,
            });
        }
        // An empty chunk is an empty string to calamine.
        if data.is_empty() {
            strings.push(0);
            continue;
        }
        // Characters, flags, then the counts of formatting runs and phonetic bytes the flags
        // announce, which calamine reads without checking that they are there.
        let (Some(chars), Some(&flags)) = (u16_at(data, 0), data.get(2)) else {
            return Err(cut_short());
        };
        data = &data[3..];
        let mut high_byte = flags & 0x1 != 0;
        let runs = if flags & 0x8 != 0 {
            let runs = u16_at(data, 0).ok_or_else(cut_short)?;
            data = &data[2..];
            usize::from(runs) * 4
        } else {
            0
        };
        let phonetic = if flags & 0x4 != 0 {
            let bytes = u32_at(data, 0).ok_or_else(cut_short)?;
            data = &data[4..];
            // calamine reads a signed length and widens it: a negative one runs past the end.
            i32::from_le_bytes(bytes.to_le_bytes()) as usize
        } else {
            0
        };
        // The characters, continued into the next chunk with a flags byte of their own.
        let mut left = usize::from(chars);
        while left > 0 {
            let width = if high_byte { 2 } else { 1 };
            let read = (data.len() / width).min(left);
            data = &data[read * width..];
            left -= read;
            if left > 0 {
                data = chunks.next().ok_or_else(cut_short)?;
                let (&flags, rest) = data.split_first().ok_or_else(cut_short)?;
                high_byte = flags & 0x1 != 0;
                data = rest;
            }
        }
        for skip in [runs, phonetic] {
            let mut left = skip;
            while left > 0 {
                if data.is_empty() {
                    data = chunks.next().ok_or_else(cut_short)?;
                }
                let read = left.min(data.len());
                data = &data[read..];
                left -= read;
            }
        }
        strings.push(u64::from(chars) * UTF8_PER_CHAR);
    }
}

/// The length (at most) of the text of a Label, RString or String record's `data` from `at`:
/// a count of characters (calamine reads two bytes of it), then a flags byte.
fn label_text(data: &[u8], at: usize) -> u64 {
    let chars = u16_at(data, at).map_or(0, u64::from);
    let stored = data.len().saturating_sub(at + 2) as u64;
    chars.min(stored) * UTF8_PER_CHAR
}

fn check_sheet(
    stream: &[u8],
    position: usize,
    strings: &[u64],
    budget: &mut Budget,
    (kept_cells, held_cells): (&mut u64, &mut u64),
) -> Result<(), WorkbookError> {
    let mut rows = (u32::MAX, 0);
    let mut columns = (u32::MAX, 0);
    // Each cell record is kept (in a list of its own) until the sheet is read.
    let mut keep = |cells: u64| {
        *kept_cells = kept_cells.saturating_add(cells);
        check_cells(*kept_cells, MAX_HELD_CELLS)
    };
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
                keep(u64::from(last - first) + 1)?;
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
            STRING => {
                keep(1)?;
                budget.text(label_text(data, 0), 1)?;
            }
            kind if CELLS.contains(&kind) => {
                keep(1)?;
                let text = match kind {
                    LABEL | RSTRING => label_text(data, 6),
                    LABEL_SST => u32_at(data, 6)
                        .and_then(|i| strings.get(i as usize).copied())
                        .unwrap_or(0),
                    // Its expression, as calamine writes it (or an error in its place), and
                    // a list of formulas of its own.
                    FORMULA => {
                        keep(1)?;
                        data.len() as u64 + FORMULA_TEXT
                    }
                    _ => 0,
                };
                budget.text(text, 1)?;
                if let (Some(row), Some(column)) = (u16_at(data, 0), u16_at(data, 2)) {
                    extend(&mut rows, u32::from(row), u32::from(row));
                    extend(&mut columns, u32::from(column), u32::from(column));
                }
            }
            _ => {}
        }
    }
    if rows.0 <= rows.1 {
        let (height, width) = (
            u64::from(rows.1 - rows.0) + 1,
            u64::from(columns.1 - columns.0) + 1,
        );
        // The sheet's values, and its formulas, each in a rectangle (the formulas' lies
        // within); all sheets are held together.
        *held_cells = held_cells.saturating_add(height.saturating_mul(width));
        check_cells(*held_cells, MAX_HELD_CELLS)?;
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
    check_cells(
        u64::from(end_row - first_row) * u64::from(end_column - first_column),
        MAX_HELD_CELLS,
    )
}
