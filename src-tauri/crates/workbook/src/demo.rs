//! The project's own demo catalogue: the ENX layout and ID structure, in our own words, and
//! marked on its cover as not being the ENX catalogue. It powers "Try with demo data" and
//! every test that must run without the licensed original.

use crate::{CatalogueLayout, WorkbookError, write_catalogue_layout};

/// The name the demo workbook is imported under.
pub const FILE_NAME: &str = "csmsdesk-demo-catalogue.xlsx";

const SOURCE: &str = include_str!("../demo/vcsa_demo.json");

/// The demo catalogue's rows, as written in `demo/vcsa_demo.json` (a unit test keeps the
/// embedded source valid).
pub fn layout() -> Result<CatalogueLayout, WorkbookError> {
    Ok(serde_json::from_str(SOURCE)?)
}

/// The demo catalogue as `.xlsx` bytes.
pub fn workbook() -> Result<Vec<u8>, WorkbookError> {
    write_catalogue_layout(&layout()?)
}
