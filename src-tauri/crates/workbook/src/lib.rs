//! Spreadsheet files: reading a catalogue workbook into plain [`Grid`]s (calamine), and
//! writing workbooks in the ENX catalogue layout (rust_xlsxwriter), starting with the
//! project's own demo catalogue.
//!
//! Reading is defensive: the format is recognised by its content, not its name; zip-based
//! files are measured before they are unpacked (a zip bomb is refused unopened); password
//! protection is named as such.

pub mod demo;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
/// The bodies of the fuzz targets in `fuzz/`, public for them and the corpus replay test.
#[doc(hidden)]
pub mod fuzzing;
mod read;
mod write;

pub use read::{CatalogueSheets, MAX_UNPACKED_BYTES, read_catalogue_sheets};
pub use write::{CatalogueLayout, Cover, LayoutRow, Table, write_catalogue_layout};

use csmsdesk_core::i18n::Message;

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
