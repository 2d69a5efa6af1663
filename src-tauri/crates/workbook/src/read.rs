//! Reading a catalogue workbook from bytes.

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{Data, DataRef, Reader as _, Sheets, Xls, Xlsx, open_workbook_from_rs};
use csmsdesk_core::catalogue::{CATALOGUE_SHEET, HISTORY_SHEET};
use csmsdesk_core::grid::{Cell, Grid, fold_header};

use crate::WorkbookError;

mod xls;
mod xlsx;

/// The most a zip-based workbook may unpack to. The ENX catalogue unpacks to about 1 MiB.
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;
/// The most entries a zip-based workbook may hold.
const MAX_ENTRIES: usize = 10_000;
/// The most cells a sheet may span: its rectangle from the first to the last used row and
/// column, empty cells included. The ENX catalogue spans about 200 × 25; the catalogue rules
/// refuse more than 10,000 rows anyway. calamine allocates a sheet's whole rectangle at once,
/// so without this bound a 1.5 KiB workbook with one cell in A1 and one in XFD1048576 asks
/// for 512 GiB and aborts the program (found with the `catalogue_reader` fuzz target).
pub(crate) const MAX_SHEET_CELLS: u64 = 4 * 1024 * 1024;
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

/// A workbook over its bytes, or over the rebuilt container of an `.xls` (see [`xls`]).
type Book<'a> = Sheets<Cursor<Cow<'a, [u8]>>>;

/// Reads the catalogue sheet (by name, else the first sheet with the catalogue headers) and
/// the history sheet from the bytes of a workbook.
pub fn read_catalogue_sheets(bytes: &[u8]) -> Result<CatalogueSheets, WorkbookError> {
    let mut book = open(bytes)?;
    let names = book.sheet_names();
    let catalogue = match names.iter().find(|n| n.trim() == CATALOGUE_SHEET) {
        Some(name) => grid(&mut book, name)?,
        None => names
            .iter()
            .filter_map(|name| grid(&mut book, name).ok())
            .find(has_catalogue_headers)
            .ok_or_else(|| WorkbookError::NoCatalogueSheet {
                sheets: names.clone(),
            })?,
    };
    let history = match names.iter().find(|n| n.trim() == HISTORY_SHEET) {
        Some(name) => Some(grid(&mut book, name)?),
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
            xlsx::check_references(bytes)?;
            open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(Cow::Borrowed(bytes)))
                .map(Sheets::Xlsx)
                .map_err(|e| match e {
                    calamine::XlsxError::Password => WorkbookError::PasswordProtected,
                    other => damaged(&other),
                })
        } else if has("content.xml") {
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

fn grid(book: &mut Book<'_>, name: &str) -> Result<Grid, WorkbookError> {
    if let Sheets::Xlsx(xlsx) = book {
        return xlsx_grid(xlsx, name);
    }
    let range = book
        .worksheet_range(name)
        .map_err(|e| WorkbookError::Damaged(e.to_string()))?;
    // An .xls was measured before calamine opened it (see `xls`); an .ods sheet calamine
    // bounds itself, far above this, and is measured here before it is copied.
    let (height, width) = range.get_size();
    check_sheet_cells(height as u64, width as u64)?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .map(|row| row.iter().map(cell).collect())
        .collect();
    Ok(Grid {
        name: name.to_owned(),
        first_row: first_row as usize + 1,
        first_col: first_col as usize,
        rows,
    })
}

/// An .xlsx sheet read cell by cell, so that its rectangle is measured (against
/// [`MAX_SHEET_CELLS`]) before anything the size of the rectangle is allocated. Otherwise the
/// same as calamine's `worksheet_range`: empty cells are skipped, and a chart sheet is empty.
fn xlsx_grid(xlsx: &mut Xlsx<Cursor<Cow<'_, [u8]>>>, name: &str) -> Result<Grid, WorkbookError> {
    let damaged = |e: calamine::XlsxError| WorkbookError::Damaged(e.to_string());
    let mut reader = match xlsx.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        Err(calamine::XlsxError::NotAWorksheet(_)) => {
            return Ok(Grid {
                name: name.to_owned(),
                first_row: 1,
                ..Grid::default()
            });
        }
        Err(e) => return Err(damaged(e)),
    };
    // Only the cells the file holds: their number is bounded by its unpacked size.
    let mut cells = Vec::new();
    while let Some(found) = reader.next_cell().map_err(damaged)? {
        if !matches!(found.get_value(), DataRef::Empty) {
            cells.push((found.get_position(), Data::from(found.get_value().clone())));
        }
    }
    let Some(&((row, col), _)) = cells.first() else {
        return Ok(Grid {
            name: name.to_owned(),
            first_row: 1,
            ..Grid::default()
        });
    };
    let (mut first_row, mut last_row, mut first_col, mut last_col) = (row, row, col, col);
    for ((row, col), _) in &cells {
        (first_row, last_row) = (first_row.min(*row), last_row.max(*row));
        (first_col, last_col) = (first_col.min(*col), last_col.max(*col));
    }
    let height = u64::from(last_row - first_row) + 1;
    let width = u64::from(last_col - first_col) + 1;
    check_sheet_cells(height, width)?;
    let mut rows = vec![vec![Cell::Empty; width as usize]; height as usize];
    for ((r, c), data) in &cells {
        rows[(r - first_row) as usize][(c - first_col) as usize] = cell(data);
    }
    Ok(Grid {
        name: name.to_owned(),
        first_row: first_row as usize + 1,
        first_col: first_col as usize,
        rows,
    })
}

/// Refuses a sheet of `height` rows and `width` columns that spans more than
/// [`MAX_SHEET_CELLS`], naming the memory its cells would take.
fn check_sheet_cells(height: u64, width: u64) -> Result<(), WorkbookError> {
    let cells = height.saturating_mul(width);
    if cells > MAX_SHEET_CELLS {
        let cell_bytes = std::mem::size_of::<Data>() as u64;
        return Err(WorkbookError::TooLarge {
            bytes: cells.saturating_mul(cell_bytes),
        });
    }
    Ok(())
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

#[cfg(test)]
mod tests;
