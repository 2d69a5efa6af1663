//! Reading a catalogue workbook from bytes.
//!
//! calamine trusts what a file says about itself, and allocates for it: a count in an
//! attribute, a run of repeated rows, a text shared by a million cells. Nothing here lets it
//! read a file before the file has been measured for what calamine would make of it, so that
//! no workbook of any size or content takes more than a bounded amount of memory: under 200
//! MiB at the very worst (a file at every bound at once, its 32 MiB included), where the ENX
//! catalogue takes a few MiB. The measures are kept where calamine reads each format:
//! [`xlsx`], [`ods`], [`xls`]; the bounds are below.

use std::borrow::Cow;
use std::io::{Cursor, Read as _};

use calamine::{Data, DataRef, Reader as _, Sheets, Xls, Xlsx, open_workbook_from_rs};
use csmsdesk_core::catalogue::{CATALOGUE_SHEET, HISTORY_SHEET};
use csmsdesk_core::grid::{Cell, Grid, fold_header};

use crate::WorkbookError;

pub(crate) mod ods;
mod xls;
mod xlsx;

/// The most a zip-based workbook may unpack to. The ENX catalogue unpacks to about 1 MiB.
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;
/// The most entries a zip-based workbook may hold.
const MAX_ENTRIES: usize = 10_000;
/// The most cells a sheet may span, and the sheets a read keeps (the catalogue sheet and
/// the history sheet) together, with [`ROW_CELLS`] more for each row: the rectangle from the
/// first to the last used row and column, empty cells included. The ENX catalogue spans
/// about 220 × 40; the catalogue rules refuse more than 10,000 rows (of any width) after the
/// sheet is read. A cell of a [`Grid`] takes 32 bytes, so the sheets kept take at most 128
/// MiB. calamine allocates a sheet's whole rectangle at once, so without this bound a 1.5 KiB
/// workbook with one cell in A1 and one in XFD1048576 asks for 512 GiB and aborts the
/// program (found with the `catalogue_reader` fuzz target).
pub(crate) const MAX_CELLS: u64 = 4 * 1024 * 1024;
/// What a row of a [`Grid`] takes besides its cells, in cells: its list (24 bytes) and the
/// allocator's header.
const ROW_CELLS: u64 = 2;
/// The most cells calamine may hold for an .xls or .ods: it reads every sheet of those when
/// it opens the file and keeps them all, each cell as a value and a formula (56 bytes), and
/// hands out a copy of a sheet (32 bytes) to be made into a [`Grid`] (32 bytes), so a cell
/// takes up to 120 bytes on its way. Counted over the whole workbook, before calamine reads
/// it (see [`xls`] and [`ods`]).
pub(crate) const MAX_HELD_CELLS: u64 = 512 * 1024;
/// The most cell text a read may fill in: each text counted as often as it is copied into
/// cells (a shared string once per cell that refers to it, a repeated cell once per
/// repetition), plus [`TEXT_OVERHEAD`] per copy; for an .xls or .ods, everything calamine
/// holds. The ENX catalogue holds about 0.3 MiB.
pub(crate) const MAX_TEXT_BYTES: u64 = 16 * 1024 * 1024;
/// The most the parts of an .xlsx that calamine keeps in memory while it is open (its shared
/// strings, workbook and relationships) may unpack to. About 0.15 MiB in the ENX catalogue.
pub(crate) const MAX_KEPT_PART_BYTES: u64 = 4 * 1024 * 1024;
/// What a text costs besides its bytes: the allocator's header and rounding.
pub(crate) const TEXT_OVERHEAD: u64 = 32;
/// The most shared strings (distinct texts) an .xlsx or .xls may declare or hold. The ENX
/// catalogue has about 1,000; each costs at least 24 bytes whatever its length.
pub(crate) const MAX_SHARED_STRINGS: u64 = 256 * 1024;
/// The most sheets a workbook may have: calamine keeps a record for each, and reading
/// searches them one by one for the catalogue headers.
pub(crate) const MAX_SHEETS: u64 = 1024;
/// The most entries of any other kind calamine keeps a record of while a workbook is open
/// (relationships, defined names, table styles).
pub(crate) const MAX_LIST_ENTRIES: u64 = 64 * 1024;
/// How many rows of a sheet are searched for the catalogue headers.
const HEADER_PROBE_ROWS: usize = 30;

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The sheets of a catalogue workbook the rules need.
#[derive(Debug, Clone)]
pub struct CatalogueSheets {
    pub catalogue: Grid,
    /// `History of Changes`, when the workbook has it (the source of the version).
    pub history: Option<Grid>,
}

/// A workbook over its bytes, or over a rebuilt container (see [`xlsx`] and [`xls`]).
type Book<'a> = Sheets<Cursor<Cow<'a, [u8]>>>;

/// Reads the catalogue sheet (by name, else the first sheet with the catalogue headers) and
/// the history sheet from the bytes of a workbook.
pub fn read_catalogue_sheets(bytes: &[u8]) -> Result<CatalogueSheets, WorkbookError> {
    let mut book = open(bytes)?;
    let names = book.sheet_names();
    // What the sheets kept so far take; a sheet looked at and left is not counted.
    let mut kept = Budget::default();
    let catalogue = match names.iter().find(|n| n.trim() == CATALOGUE_SHEET) {
        Some(name) => grid(&mut book, name, &mut kept)?,
        None => {
            let mut found = None;
            for name in &names {
                let mut trial = kept.clone();
                if let Ok(grid) = grid(&mut book, name, &mut trial)
                    && has_catalogue_headers(&grid)
                {
                    kept = trial;
                    found = Some(grid);
                    break;
                }
            }
            found.ok_or_else(|| WorkbookError::NoCatalogueSheet {
                sheets: names.clone(),
            })?
        }
    };
    let history = match names.iter().find(|n| n.trim() == HISTORY_SHEET) {
        Some(name) => Some(grid(&mut book, name, &mut kept)?),
        None => None,
    };
    Ok(CatalogueSheets { catalogue, history })
}

fn has_catalogue_headers(grid: &Grid) -> bool {
    grid.rows.iter().take(HEADER_PROBE_ROWS).any(|row| {
        let folded: Vec<String> = row
            .iter()
            .filter_map(Cell::as_text)
            .map(|t| fold_header(&t))
            .collect();
        folded.iter().any(|h| h == "vcs") && folded.iter().any(|h| h == "control question")
    })
}

fn open(bytes: &[u8]) -> Result<Book<'_>, WorkbookError> {
    let damaged = |e: &dyn std::fmt::Display| WorkbookError::Damaged(e.to_string());
    if bytes.starts_with(ZIP_MAGIC) {
        check_unpacked_size(bytes)?;
        let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
        let has = |name: &str| archive.index_for_name(name).is_some();
        if has("xl/workbook.xml") {
            let mut census = xlsx::Census::default();
            check_parts(bytes, |name, part| census.check_part(name, part))?;
            let container = xlsx::container_for_calamine(bytes)?;
            open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(container))
                .map(Sheets::Xlsx)
                .map_err(|e| match e {
                    calamine::XlsxError::Password => WorkbookError::PasswordProtected,
                    other => damaged(&other),
                })
        } else if has("content.xml") {
            check_parts(bytes, |name, part| match name {
                ods::CONTENT => ods::check_content(part),
                _ => Ok(()),
            })?;
            open_workbook_from_rs::<calamine::Ods<_>, _>(Cursor::new(Cow::Borrowed(bytes)))
                .map(Sheets::Ods)
                .map_err(|e| match e {
                    calamine::OdsError::Password => WorkbookError::PasswordProtected,
                    other => damaged(&other),
                })
        } else {
            Err(WorkbookError::NotASpreadsheet)
        }
    } else if bytes.starts_with(CFB_MAGIC) {
        // An OLE container: a legacy .xls, or an .xlsx encrypted with a password (Office
        // wraps those in OLE). Both are recognised, and an .xls rebuilt, before calamine
        // reads anything (see `xls`).
        let rebuilt = xls::rebuild(bytes)?;
        open_workbook_from_rs::<Xls<_>, _>(Cursor::new(Cow::Owned(rebuilt)))
            .map(Sheets::Xls)
            .map_err(|e| match e {
                calamine::XlsError::Password => WorkbookError::PasswordProtected,
                other => damaged(&other),
            })
    } else {
        Err(WorkbookError::NotASpreadsheet)
    }
}

/// Refuses a zip whose entries would unpack to more than [`MAX_UNPACKED_BYTES`], reading only
/// its directory, before anything is unpacked.
fn check_unpacked_size(bytes: &[u8]) -> Result<(), WorkbookError> {
    let damaged = |e: zip::result::ZipError| WorkbookError::Damaged(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    if archive.len() > MAX_ENTRIES {
        return Err(WorkbookError::TooLarge { bytes: u64::MAX });
    }
    // The central directory holds each entry's unpacked size, also for entries written with
    // a data descriptor (as spreadsheet programs do).
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let size = archive.by_index_raw(index).map_err(damaged)?.size();
        total = total.saturating_add(size);
        if total > MAX_UNPACKED_BYTES {
            return Err(WorkbookError::TooLarge { bytes: total });
        }
    }
    Ok(())
}

/// Unpacks each entry of a zip-based workbook in turn (measured by [`check_unpacked_size`]
/// before) and refuses a declaration in its XML parts ([`check_declarations`]), then hands
/// its name and bytes to `check`. An entry that cannot be unpacked is handed over as far as
/// it unpacks: calamine refuses it when it reads it, after what came before the damage.
fn check_parts(
    bytes: &[u8],
    mut check: impl FnMut(&str, &[u8]) -> Result<(), WorkbookError>,
) -> Result<(), WorkbookError> {
    let damaged = |e: zip::result::ZipError| WorkbookError::Damaged(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut part = Vec::new();
    for index in 0..archive.len() {
        part.clear();
        let Ok(mut entry) = archive.by_index(index) else {
            continue;
        };
        // The name as stored: its ASCII ending, and the names calamine asks for, read the same
        // however the rest is encoded.
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        // The declared size is bounded (the directory was measured); the reader stops there.
        part.reserve(entry.size().min(MAX_UNPACKED_BYTES) as usize);
        let _ = entry.read_to_end(&mut part);
        drop(entry);
        check_declarations(&name, &part)?;
        check(&name, &part)?;
    }
    Ok(())
}

/// Refuses a document type or entity declaration (`<!DOCTYPE`, `<!ENTITY`, in any case, as
/// quick-xml reads them) in an XML part: spreadsheet programs do not write them, and whatever
/// such a declaration says, the file is refused by name rather than reported as damaged
/// (calamine trips over the entities it would define). Only parts named `.xml` or `.rels`
/// are looked at (the parts calamine reads are named so): an embedded SVG image may carry a
/// DTD of its own. One inside a comment is refused too, which can only refuse more.
fn check_declarations(name: &str, part: &[u8]) -> Result<(), WorkbookError> {
    if !is_xml_part(name) {
        return Ok(());
    }
    let declares = |at: usize| {
        let rest = &part[at..];
        [&b"<!doctype"[..], b"<!entity"]
            .iter()
            .any(|word| rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word))
    };
    let mut at = 0;
    while let Some(open) = part[at..].iter().position(|&b| b == b'<') {
        at += open;
        if declares(at) {
            return Err(WorkbookError::Declaration {
                part: name.to_owned(),
            });
        }
        at += 1;
    }
    Ok(())
}

/// The sheet `name` as a grid, counted against `budget` before it is made.
fn grid(book: &mut Book<'_>, name: &str, budget: &mut Budget) -> Result<Grid, WorkbookError> {
    if let Sheets::Xlsx(xlsx) = book {
        return xlsx_grid(xlsx, name, budget);
    }
    // calamine read every sheet of an .xls or .ods when it opened the file, measured before
    // (see `xls` and `ods`); this is its copy of one, which is consumed as it is converted.
    let mut range = book
        .worksheet_range(name)
        .map_err(|e| WorkbookError::Damaged(e.to_string()))?;
    let (height, width) = range.get_size();
    check_sheet_cells(height as u64, width as u64)?;
    budget.cells(height as u64 * (width as u64 + ROW_CELLS))?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let rows = (0..height)
        .map(|r| {
            range[r]
                .iter_mut()
                .map(|data| cell(std::mem::take(data)))
                .collect()
        })
        .collect();
    Ok(Grid {
        name: name.to_owned(),
        first_row: first_row as usize + 1,
        first_col: first_col as usize,
        rows,
    })
}

/// An .xlsx sheet read cell by cell, twice: first to measure it (its rectangle and the text
/// of its used cells, a shared string counted once per cell that refers to it) against
/// `budget`, then to fill the grid. Nothing the size of the sheet is allocated before it is
/// measured, and nothing but the grid after. Otherwise the same as calamine's
/// `worksheet_range`: empty cells are skipped, and a chart sheet is empty.
fn xlsx_grid(
    xlsx: &mut Xlsx<Cursor<Cow<'_, [u8]>>>,
    name: &str,
    budget: &mut Budget,
) -> Result<Grid, WorkbookError> {
    let damaged = |e: calamine::XlsxError| WorkbookError::Damaged(e.to_string());
    let empty = || Grid {
        name: name.to_owned(),
        first_row: 1,
        ..Grid::default()
    };
    let mut reader = match xlsx.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(empty()),
        Err(e) => return Err(damaged(e)),
    };
    let mut span: Option<((u32, u32), (u32, u32))> = None;
    while let Some(found) = reader.next_cell().map_err(damaged)? {
        let value = found.get_value();
        if matches!(value, DataRef::Empty) {
            continue;
        }
        budget.text(text_len(value), 1)?;
        let (row, col) = found.get_position();
        let ((first_row, first_col), (last_row, last_col)) =
            span.unwrap_or(((row, col), (row, col)));
        span = Some((
            (first_row.min(row), first_col.min(col)),
            (last_row.max(row), last_col.max(col)),
        ));
    }
    drop(reader);
    let Some(((first_row, first_col), (last_row, last_col))) = span else {
        return Ok(empty());
    };
    let height = u64::from(last_row - first_row) + 1;
    let width = u64::from(last_col - first_col) + 1;
    check_sheet_cells(height, width)?;
    budget.cells(height * (width + ROW_CELLS))?;
    let mut rows = vec![vec![Cell::Empty; width as usize]; height as usize];
    let mut reader = xlsx.worksheet_cells_reader(name).map_err(damaged)?;
    while let Some(found) = reader.next_cell().map_err(damaged)? {
        let value = found.get_value();
        if matches!(value, DataRef::Empty) {
            continue;
        }
        // The same cells as the first time; one outside is left out rather than trusted.
        let (row, col) = found.get_position();
        let place = rows
            .get_mut(row.wrapping_sub(first_row) as usize)
            .and_then(|r| r.get_mut(col.wrapping_sub(first_col) as usize));
        if let Some(place) = place {
            *place = cell_ref(value);
        }
    }
    Ok(Grid {
        name: name.to_owned(),
        first_row: first_row as usize + 1,
        first_col: first_col as usize,
        rows,
    })
}

/// Refuses a sheet of `height` rows and `width` columns that spans more than [`MAX_CELLS`].
fn check_sheet_cells(height: u64, width: u64) -> Result<(), WorkbookError> {
    check_cells(height.saturating_mul(width), MAX_CELLS)
}

/// Refuses more than `max` cells.
pub(crate) fn check_cells(cells: u64, max: u64) -> Result<(), WorkbookError> {
    if cells > max {
        return Err(WorkbookError::TooManyCells { cells, max });
    }
    Ok(())
}

/// Whether the entry `name` of a zip-based workbook is an XML part by its name (`.xml`,
/// `.rels`, in any case): the only entries calamine is given of an .xlsx (see
/// [`xlsx::container_for_calamine`]), and the ones looked at before.
fn is_xml_part(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".xml") || lower.ends_with(".rels")
}

/// Cells and cell text, counted against [`MAX_CELLS`] and [`MAX_TEXT_BYTES`] while a file is
/// measured, before they are allocated.
#[derive(Debug, Default, Clone)]
pub(crate) struct Budget {
    cells: u64,
    text: u64,
}

impl Budget {
    /// Counts `cells` more cells.
    pub(crate) fn cells(&mut self, cells: u64) -> Result<(), WorkbookError> {
        self.cells = self.cells.saturating_add(cells);
        check_cells(self.cells, MAX_CELLS)
    }

    /// The bytes of text counted so far.
    pub(crate) fn text_bytes(&self) -> u64 {
        self.text
    }

    /// Counts `copies` copies of a text of `len` bytes, each with [`TEXT_OVERHEAD`]; an empty
    /// text costs nothing (an empty `String` allocates nothing).
    pub(crate) fn text(&mut self, len: u64, copies: u64) -> Result<(), WorkbookError> {
        if len == 0 {
            return Ok(());
        }
        let cost = len.saturating_add(TEXT_OVERHEAD).saturating_mul(copies);
        self.text = self.text.saturating_add(cost);
        if self.text > MAX_TEXT_BYTES {
            return Err(WorkbookError::TooMuchText {
                bytes: self.text,
                max: MAX_TEXT_BYTES,
            });
        }
        Ok(())
    }
}

/// The bytes of text a cell value holds on the heap.
fn text_len(value: &DataRef<'_>) -> u64 {
    match value {
        DataRef::SharedString(s) => s.len() as u64,
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.len() as u64,
        DataRef::Error(_) => 16,
        DataRef::Int(_)
        | DataRef::Float(_)
        | DataRef::Bool(_)
        | DataRef::DateTime(_)
        | DataRef::Empty => 0,
    }
}

fn cell_ref(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            Cell::Text(s.clone())
        }
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(d) => Cell::Number(d.as_f64()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
        DataRef::Empty => Cell::Empty,
    }
}

fn cell(data: Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s),
        Data::Float(f) => Cell::Number(f),
        Data::Int(i) => Cell::Number(i as f64),
        Data::Bool(b) => Cell::Bool(b),
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

#[cfg(test)]
mod tests;
