//! Writing a workbook in the ENX catalogue layout: the `Vehicle CyberSecurity` sheet with the
//! 22 columns in ENX order, a cover page and the change history.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};
use serde::Deserialize;

use crate::WorkbookError;

/// The columns of the ENX catalogue sheet, A to V, in order.
pub const ENX_HEADERS: [&str; 22] = [
    "Row_Format",
    "Is_Title?",
    "ISO/PAS 5112",
    "VCS",
    "Findings/result",
    "Implementation description",
    "Reference documentation",
    "Description of Findings",
    "Control question",
    "Objective",
    "Requirements (must)",
    "Reference (must)",
    "Requirements (should)",
    "Reference (should)",
    "Usual person responsible for process implementation",
    "Measures/recommendations (CAPA)",
    "Date of assessment",
    "Date of completion",
    "Responsible department",
    "Contact",
    "Further information",
    "Possible evidence (not mandatory)",
];

/// Columns the ENX workbook hides (helpers and the auditee's and auditor's working columns).
const HIDDEN: [u16; 8] = [0, 5, 6, 7, 14, 15, 16, 19];

/// A whole workbook in the catalogue layout.
#[derive(Debug, Clone, Deserialize)]
pub struct CatalogueLayout {
    pub cover: Cover,
    pub history: Vec<HistoryEntry>,
    pub rows: Vec<LayoutRow>,
    /// More sheets after the catalogue (a filled workbook's findings and actions).
    #[serde(default)]
    pub tables: Vec<Table>,
}

/// A plain sheet: a name, a header row and text rows.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Table {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Cover {
    pub title: String,
    pub notice: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct HistoryEntry {
    pub version: String,
    pub date: String,
    pub change: String,
}

/// One row of the catalogue sheet; `None` is an empty cell.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LayoutRow {
    pub row_format: Option<String>,
    pub is_title: Option<String>,
    pub p5112: Option<String>,
    pub vcs: Option<String>,
    pub question: Option<String>,
    pub objective: Option<String>,
    pub must: Option<String>,
    pub must_ref: Option<String>,
    pub should: Option<String>,
    pub should_ref: Option<String>,
    pub further: Option<String>,
    pub evidence: Option<String>,
    /// The supplier's and auditor's working columns, filled in a submission.
    pub result: Option<String>,
    pub implementation: Option<String>,
    pub reference_documentation: Option<String>,
    pub findings_description: Option<String>,
    pub measures: Option<String>,
    pub completion: Option<String>,
    pub department: Option<String>,
    /// `Date of assessment` and `Contact`.
    pub assessed: Option<String>,
    pub contact: Option<String>,
}

impl LayoutRow {
    /// The row's cells as (column index, text).
    fn cells(&self) -> [(u16, &Option<String>); 21] {
        [
            (16, &self.assessed),
            (19, &self.contact),
            (4, &self.result),
            (5, &self.implementation),
            (6, &self.reference_documentation),
            (7, &self.findings_description),
            (15, &self.measures),
            (17, &self.completion),
            (18, &self.department),
            (0, &self.row_format),
            (1, &self.is_title),
            (2, &self.p5112),
            (3, &self.vcs),
            (8, &self.question),
            (9, &self.objective),
            (10, &self.must),
            (11, &self.must_ref),
            (12, &self.should),
            (13, &self.should_ref),
            (20, &self.further),
            (21, &self.evidence),
        ]
    }
}

/// The workbook as `.xlsx` bytes. The same layout gives the same bytes (fixed document dates).
pub fn write_catalogue_layout(layout: &CatalogueLayout) -> Result<Vec<u8>, WorkbookError> {
    let mut book = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2026, 1, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(&layout.cover.title)
            .set_creation_datetime(&fixed),
    );
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(16);

    let cover = book.add_worksheet().set_name("Coverpage")?;
    cover.set_column_width(1, 100)?;
    cover.write_string_with_format(1, 1, &layout.cover.title, &title)?;
    cover.write_string_with_format(3, 1, &layout.cover.notice, &wrap)?;

    let sheet = book
        .add_worksheet()
        .set_name(csmsdesk_core::catalogue::CATALOGUE_SHEET)?;
    sheet.write_string_with_format(0, 2, &layout.cover.title, &title)?;
    sheet.write_string(1, 2, "Questionnaire")?;
    for (col, header) in ENX_HEADERS.iter().enumerate() {
        sheet.write_string_with_format(2, col as u16, *header, &bold)?;
    }
    for col in 0..ENX_HEADERS.len() as u16 {
        let width = match col {
            8 | 9 | 10 | 12 | 20 | 21 => 48.0,
            11 | 13 => 22.0,
            _ => 12.0,
        };
        sheet.set_column_width(col, width)?;
    }
    // The working columns ENX hides stay hidden unless a row fills them (a submission).
    for col in HIDDEN {
        let filled = layout.rows.iter().any(|row| {
            row.cells()
                .iter()
                .any(|(c, text)| *c == col && text.is_some())
        });
        if !filled {
            sheet.set_column_hidden(col)?;
        }
    }
    for (index, row) in layout.rows.iter().enumerate() {
        let r = 3 + index as u32;
        for (col, text) in row.cells() {
            if let Some(text) = text {
                sheet.write_string_with_format(r, col, text, &wrap)?;
            }
        }
    }
    sheet.set_freeze_panes(3, 0)?;

    let history = book
        .add_worksheet()
        .set_name(csmsdesk_core::catalogue::HISTORY_SHEET)?;
    history.write_string_with_format(0, 2, "Change history", &bold)?;
    history.set_column_width(1, 14)?;
    history.set_column_width(2, 80)?;
    for (index, entry) in layout.history.iter().enumerate() {
        let r = 1 + index as u32;
        history.write_string(r, 1, &entry.version)?;
        history.write_string_with_format(r, 2, &entry.change, &wrap)?;
        history.write_string(r, 3, &entry.date)?;
    }
    for table in &layout.tables {
        let sheet = book.add_worksheet().set_name(&table.name)?;
        for (col, header) in table.headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, header, &bold)?;
            sheet.set_column_width(col as u16, 28)?;
        }
        for (index, row) in table.rows.iter().enumerate() {
            for (col, text) in row.iter().enumerate() {
                sheet.write_string_with_format(1 + index as u32, col as u16, text, &wrap)?;
            }
        }
    }
    unix_made(&book.save_to_buffer()?)
}

/// The workbook `xlsx` (a ZIP) with every part recorded as made by Unix, whichever system
/// writes it. rust_xlsxwriter leaves the host to the zip crate, which records DOS on Windows,
/// so the filled workbook, and with it a whole package, differed between Windows and Linux.
/// Each part is rewritten with the same content and time, as a 0644 file; the workbook is
/// small.
fn unix_made(xlsx: &[u8]) -> Result<Vec<u8>, WorkbookError> {
    use std::io::{Read as _, Write as _};
    let zip_error = |e| WorkbookError::Write(rust_xlsxwriter::XlsxError::ZipError(e));
    let io_error = |e| WorkbookError::Write(rust_xlsxwriter::XlsxError::IoError(e));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).map_err(zip_error)?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(xlsx.len())));
    let mut content = Vec::new();
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).map_err(zip_error)?;
        let options = zip::write::SimpleFileOptions::default()
            .system(zip::System::Unix)
            .compression_method(part.compression())
            .last_modified_time(part.last_modified().unwrap_or_default())
            // Fixed: a part made by DOS reads back with a mode derived from its attributes.
            .unix_permissions(0o644);
        let name = part.name().map_err(zip_error)?.into_owned();
        content.clear();
        part.read_to_end(&mut content).map_err(io_error)?;
        out.start_file(name, options).map_err(zip_error)?;
        out.write_all(&content).map_err(io_error)?;
    }
    Ok(out.finish().map_err(zip_error)?.into_inner())
}
