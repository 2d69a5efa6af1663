//! Spreadsheet files: reading a catalogue workbook into plain [`Grid`]s (calamine), and
//! writing workbooks in the ENX catalogue layout (rust_xlsxwriter), starting with the
//! project's own demo catalogue.
//!
//! Reading is defensive: the format is recognised by its content, not its name; zip-based
//! files are measured before they are unpacked (a zip bomb is refused unopened); what
//! calamine would allocate for a file (its cells, repeated or far apart, its texts, shared or
//! repeated, every count the file states) is measured before calamine reads it; document
//! type declarations are refused; password protection is named as such.

pub mod demo;
mod fill;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
/// The bodies of the fuzz targets in `fuzz/`, public for them and the corpus replay test.
#[doc(hidden)]
pub mod fuzzing;
mod read;
mod write;

pub use fill::{CellText, Filled, fill_workbook};
pub use read::{CatalogueSheets, MAX_UNPACKED_BYTES, read_catalogue_sheets};
pub use write::{CatalogueLayout, Cover, LayoutRow, Table, write_catalogue_layout};

use csmsdesk_core::i18n::Message;

/// Whether `bytes` are an Office Open XML workbook (`.xlsx`, `.xlsm`): a ZIP holding
/// `xl/workbook.xml`. Only such a file can be filled in place ([`fill_workbook`]).
pub fn is_office_open_xml(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .is_ok_and(|a| a.index_for_name("xl/workbook.xml").is_some())
}

/// Why a file cannot be read as a workbook.
#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    /// The content is not a spreadsheet format we read (.xlsx, .xlsm, .xls, .ods).
    #[error("not a spreadsheet")]
    NotASpreadsheet,
    /// The workbook is encrypted with a password.
    #[error("password protected")]
    PasswordProtected,
    /// The file is cut short or its parts are damaged.
    #[error("damaged: {0}")]
    Damaged(String),
    /// Unpacked, the file would be far larger than any catalogue (a zip bomb, or the wrong file).
    #[error("unpacks to {bytes} bytes")]
    TooLarge { bytes: u64 },
    /// Its sheets span more cells than are read: the rectangle from the first to the last used
    /// cell, empty cells included, with each repetition of a repeated row or column counted
    /// (an .ods stores a run of equal rows or cells once, however long).
    #[error("spans {cells} cells, more than {max}")]
    TooManyCells { cells: u64, max: u64 },
    /// Its cells hold more text than is read, once each shared or repeated text is counted
    /// as often as it would be copied into the cells.
    #[error("holds {bytes} bytes of cell text, more than {max}")]
    TooMuchText { bytes: u64, max: u64 },
    /// A part declares or holds more entries of one kind (shared texts, sheets,
    /// relationships, ...) than are read. A count written in a file is a claim, checked before
    /// anything is allocated for it.
    #[error("{part}: {count} `{entry}` entries, more than {max}")]
    TooManyEntries {
        part: String,
        entry: &'static str,
        count: u64,
        max: u64,
    },
    /// An XML part holds a document type or entity declaration (`<!DOCTYPE`, `<!ENTITY`),
    /// which spreadsheet programs do not write and which is refused whatever it declares.
    #[error("{part}: a document type or entity declaration")]
    Declaration { part: String },
    /// No sheet is named like the catalogue sheet or has its headers.
    #[error("no catalogue sheet among {sheets:?}")]
    NoCatalogueSheet { sheets: Vec<String> },
    /// A layout source (the demo's JSON) does not describe a workbook.
    #[error("invalid layout source: {0}")]
    InvalidLayout(#[from] serde_json::Error),
    /// Writing a workbook failed.
    #[error("writing the workbook failed: {0}")]
    Write(#[from] rust_xlsxwriter::XlsxError),
}

impl WorkbookError {
    /// The message for the user, naming `file`.
    pub fn message(&self, file: &str) -> Message {
        let base = match self {
            WorkbookError::NotASpreadsheet => Message::new("workbook.not_a_spreadsheet"),
            WorkbookError::PasswordProtected => Message::new("workbook.password_protected"),
            WorkbookError::Damaged(_) => Message::new("workbook.damaged"),
            WorkbookError::TooLarge { bytes } => Message::new("workbook.too_large")
                .arg("mib", bytes / (1024 * 1024))
                .arg("max_mib", MAX_UNPACKED_BYTES / (1024 * 1024)),
            WorkbookError::TooManyCells { cells, max } => Message::new("workbook.too_many_cells")
                .arg("cells", cells)
                .arg("max", max),
            WorkbookError::TooMuchText { bytes, max } => Message::new("workbook.too_much_text")
                .arg("mib", bytes / (1024 * 1024))
                .arg("max_mib", max / (1024 * 1024)),
            WorkbookError::TooManyEntries {
                part,
                entry,
                count,
                max,
            } => Message::new("workbook.too_many_entries")
                .arg("part", part)
                .arg("entry", entry)
                .arg("count", count)
                .arg("max", max),
            WorkbookError::Declaration { part } => {
                Message::new("workbook.declaration").arg("part", part)
            }
            WorkbookError::NoCatalogueSheet { sheets } => {
                Message::new("workbook.no_catalogue_sheet")
                    .arg("sheets", sheets.join(", "))
                    .arg("sheet", csmsdesk_core::catalogue::CATALOGUE_SHEET)
            }
            WorkbookError::InvalidLayout(_) | WorkbookError::Write(_) => {
                Message::new("error.internal")
            }
        };
        base.arg("file", file)
    }
}
