use super::*;
use crate::fixtures::{RawCell, demo_raw_rows, password_protected, raw_ods, raw_xlsx, zip_bomb};
use crate::{WorkbookError, demo};
use csmsdesk_core::catalogue::{
    CatalogueCounts, ProblemKind, parse_catalogue, version_from_history,
};
use std::path::Path;

fn demo_bytes() -> Vec<u8> {
    demo::workbook().unwrap()
}

#[test]
fn the_demo_catalogue_has_the_structure_of_vcsa_1_1() {
    let sheets = read_catalogue_sheets(&demo_bytes()).unwrap();
    let catalogue = parse_catalogue(&sheets.catalogue).unwrap();
    assert_eq!(
        catalogue.counts(),
        CatalogueCounts {
            chapters: 9,
            control_questions: 24,
            requirements: 76,
            must: 71,
            should: 32
        },
        "the demo covers the same cases as the real catalogue"
    );
    assert_eq!(
        catalogue.groups_5112.len(),
        7,
        "the ISO/PAS 5112 chapter rows"
    );
    assert_eq!(catalogue.notes.len(), 1, "3.1.i appears twice");
    assert_eq!(
        version_from_history(sheets.history.as_ref().unwrap()).as_deref(),
        Some("1.1")
    );
    assert!(
        catalogue.title.contains("demo"),
        "the demo says what it is: {}",
        catalogue.title
    );
}

#[test]
fn the_demo_workbook_is_the_same_bytes_every_time() {
    assert_eq!(demo_bytes(), demo_bytes());
}

#[test]
fn the_real_catalogue_reads_with_the_documented_counts_when_present() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../../shared/catalogues/ENX_VCSA_1_1_EN.xlsx");
    let Ok(bytes) = std::fs::read(&path) else {
        // The licensed workbook is not part of the project; the demo tests cover the cases.
        return;
    };
    let sheets = read_catalogue_sheets(&bytes).unwrap();
    let catalogue = parse_catalogue(&sheets.catalogue).unwrap();
    assert_eq!(
        catalogue.counts(),
        CatalogueCounts {
            chapters: 9,
            control_questions: 24,
            requirements: 76,
            must: 71,
            should: 32
        }
    );
    let ids: Vec<&str> = catalogue
        .chapters
        .iter()
        .flat_map(|c| &c.questions)
        .flat_map(|q| &q.requirements)
        .map(|r| r.id.as_str())
        .collect();
    assert!(
        ids.contains(&"3.1.i") && ids.contains(&"3.1.i-2"),
        "both 3.1.i rows are kept"
    );
    assert!(!ids.contains(&"1.3.d"), "IDs are not contiguous");
    let none_cells = catalogue
        .chapters
        .iter()
        .flat_map(|c| &c.questions)
        .flat_map(|q| &q.requirements)
        .filter(|r| r.should == "None" || r.should_references == "None")
        .count();
    assert_eq!(none_cells, 0, "the literal None is read as empty");
    assert_eq!(
        version_from_history(sheets.history.as_ref().unwrap()).as_deref(),
        Some("1.1")
    );
}

#[test]
fn an_opendocument_spreadsheet_reads_like_the_workbook() {
    let bytes = raw_ods(&[("Vehicle CyberSecurity", demo_raw_rows())]);
    let sheets = read_catalogue_sheets(&bytes).unwrap();
    let catalogue = parse_catalogue(&sheets.catalogue).unwrap();
    assert_eq!(
        catalogue.counts(),
        CatalogueCounts {
            chapters: 9,
            control_questions: 24,
            requirements: 76,
            must: 71,
            should: 32
        }
    );
    let from_xlsx =
        parse_catalogue(&read_catalogue_sheets(&demo_bytes()).unwrap().catalogue).unwrap();
    assert_eq!(
        catalogue.chapters, from_xlsx.chapters,
        "same texts, bullets and rows from either format"
    );
}

#[test]
fn text_and_pdf_files_are_not_spreadsheets() {
    for bytes in [&b"VCS;Control question\n1.1;x"[..], b"%PDF-1.7\n", b""] {
        assert!(matches!(
            read_catalogue_sheets(bytes),
            Err(WorkbookError::NotASpreadsheet)
        ));
    }
}

#[test]
fn a_truncated_workbook_is_reported_as_damaged() {
    let bytes = demo_bytes();
    let result = read_catalogue_sheets(&bytes[..bytes.len() / 2]);
    assert!(
        matches!(result, Err(WorkbookError::Damaged(_))),
        "got {result:?}"
    );
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let bomb = zip_bomb();
    assert!(
        bomb.len() < 1024 * 1024,
        "the bomb is small on disk: {} bytes",
        bomb.len()
    );
    let result = read_catalogue_sheets(&bomb);
    assert!(
        matches!(result, Err(WorkbookError::TooLarge { bytes }) if bytes > MAX_UNPACKED_BYTES),
        "got {result:?}"
    );
}

#[test]
fn a_password_protected_workbook_is_named_as_such() {
    let result = read_catalogue_sheets(&password_protected());
    assert!(
        matches!(result, Err(WorkbookError::PasswordProtected)),
        "got {result:?}"
    );
}

#[test]
fn a_workbook_without_the_catalogue_sheet_lists_its_sheets() {
    let bytes = raw_xlsx(&[(
        "Budget",
        vec![vec![RawCell::Text("Item".into()), RawCell::Number(3.0)]],
    )]);
    match read_catalogue_sheets(&bytes) {
        Err(WorkbookError::NoCatalogueSheet { sheets }) => assert_eq!(sheets, ["Budget"]),
        other => panic!("expected NoCatalogueSheet, got {other:?}"),
    }
}

#[test]
fn a_renamed_catalogue_sheet_is_found_by_its_headers() {
    let bytes = raw_xlsx(&[("Notes", vec![]), ("VCSA questions", demo_raw_rows())]);
    let sheets = read_catalogue_sheets(&bytes).unwrap();
    assert_eq!(sheets.catalogue.name, "VCSA questions");
    assert_eq!(
        parse_catalogue(&sheets.catalogue)
            .unwrap()
            .counts()
            .control_questions,
        24
    );
}

#[test]
fn an_error_value_is_located_to_its_row_and_column() {
    let mut rows = demo_raw_rows();
    rows[5][11] = RawCell::Error("#REF!");
    let sheets = read_catalogue_sheets(&raw_xlsx(&[("Vehicle CyberSecurity", rows)])).unwrap();
    let problem = parse_catalogue(&sheets.catalogue).unwrap_err();
    assert_eq!(
        problem.kind,
        ProblemKind::ErrorValue {
            value: "#REF!".into()
        }
    );
    assert_eq!(problem.row, Some(6));
    assert_eq!(
        problem.column,
        Some(("L".into(), "Reference (must)".into()))
    );
}

#[test]
fn a_one_megabyte_cell_is_refused_with_its_place() {
    let mut rows = demo_raw_rows();
    rows[7][10] = RawCell::Text("x".repeat(1024 * 1024));
    let sheets = read_catalogue_sheets(&raw_xlsx(&[("Vehicle CyberSecurity", rows)])).unwrap();
    let problem = parse_catalogue(&sheets.catalogue).unwrap_err();
    assert_eq!(
        problem.kind,
        ProblemKind::CellTooLong { chars: 1024 * 1024 }
    );
    assert_eq!(problem.row, Some(8));
}

#[test]
fn a_hundred_thousand_rows_are_refused() {
    let mut rows = demo_raw_rows();
    rows.extend((0..100_000).map(|i| vec![RawCell::Text(format!("filler {i}"))]));
    let sheets = read_catalogue_sheets(&raw_xlsx(&[("Vehicle CyberSecurity", rows)])).unwrap();
    assert!(matches!(
        parse_catalogue(&sheets.catalogue).unwrap_err().kind,
        ProblemKind::TooManyRows { .. }
    ));
}
