use super::*;
use crate::fixtures::{
    RawCell, demo_raw_rows, dtd_entity_xlsx, ods_with_content, password_protected, raw_ods,
    raw_xls, raw_xlsx, shared_string_fanout, shared_strings_bomb, with_part,
    xls_shared_string_fanout, xls_with_records, zip_bomb,
};
use crate::{WorkbookError, demo};
use csmsdesk_core::catalogue::{
    CatalogueCounts, ProblemKind, parse_catalogue, version_from_history,
};
use csmsdesk_core::i18n::Lang;
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

/// What the real VCSA 1.1 workbook and the demo have in common: the counts, the quirks the
/// parser must survive (3.1.i twice, gaps in the IDs, the literal "None"), the version.
fn assert_structure_of_vcsa_1_1(bytes: &[u8], what: &str) {
    let sheets = read_catalogue_sheets(bytes).unwrap();
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
        "{what}: the documented counts"
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
        "{what}: both 3.1.i rows are kept"
    );
    assert!(!ids.contains(&"1.3.d"), "{what}: IDs are not contiguous");
    let none_cells = catalogue
        .chapters
        .iter()
        .flat_map(|c| &c.questions)
        .flat_map(|q| &q.requirements)
        .filter(|r| r.should == "None" || r.should_references == "None")
        .count();
    assert_eq!(none_cells, 0, "{what}: the literal None is read as empty");
    assert_eq!(
        version_from_history(sheets.history.as_ref().unwrap()).as_deref(),
        Some("1.1"),
        "{what}: the version comes from the history sheet"
    );
}

#[test]
fn the_demo_catalogue_keeps_the_quirks_the_real_one_is_checked_for() {
    assert_structure_of_vcsa_1_1(&demo_bytes(), "the demo catalogue");
}

#[test]
fn the_real_catalogue_reads_with_the_documented_counts_when_present() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../../shared/catalogues/ENX_VCSA_1_1_EN.xlsx");
    let Ok(bytes) = std::fs::read(&path) else {
        // The licensed workbook is not part of the project; the demo test above makes the same
        // assertions. Say so, so that a run without the workbook is not mistaken for one with it.
        eprintln!(
            "skipped: {} not found (the licensed ENX workbook is never committed; \
             the_demo_catalogue_keeps_the_quirks_the_real_one_is_checked_for covers the same \
             assertions)",
            path.display()
        );
        return;
    };
    assert_structure_of_vcsa_1_1(&bytes, "the real VCSA 1.1 workbook");
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

/// An .xlsx whose catalogue sheet's `sheetData` is `sheet_data`: `raw_xlsx` with its sheet
/// replaced, for what it cannot write (cells far apart, references out of range).
fn xlsx_with_sheet_data(sheet_data: &str) -> Vec<u8> {
    use std::io::{Cursor, Read as _, Write as _};
    let template = raw_xlsx(&[("Vehicle CyberSecurity", vec![])]);
    let mut archive = zip::ZipArchive::new(Cursor::new(template)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut body = Vec::new();
        entry.read_to_end(&mut body).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            body = format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>"#
            )
            .into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&body).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// An .xlsx whose catalogue sheet holds the text `cells` at their references (`A1`,
/// `XFD1048576`), one row element each.
fn xlsx_with_cells_at(cells: &[(&str, &str)]) -> Vec<u8> {
    let cells: String = cells
        .iter()
        .map(|(at, text)| {
            let row = at.trim_start_matches(|c: char| c.is_ascii_uppercase());
            format!(r#"<row r="{row}"><c r="{at}" t="inlineStr"><is><t>{text}</t></is></c></row>"#)
        })
        .collect();
    xlsx_with_sheet_data(&cells)
}

#[test]
fn a_sheet_spanning_billions_of_cells_is_refused_before_they_are_allocated() {
    // Found with the `catalogue_reader` fuzz target: two cells, 1.5 KiB, and calamine asked
    // for 512 GiB to hold the rectangle between them (the process aborted).
    let bytes = xlsx_with_cells_at(&[("A1", "VCS"), ("XFD1048576", "x")]);
    assert!(bytes.len() < 4096, "a small file: {} bytes", bytes.len());
    let result = read_catalogue_sheets(&bytes);
    assert!(
        matches!(result, Err(WorkbookError::TooManyCells { cells, .. }) if cells == 16_384 << 20),
        "the whole sheet, 16,384 columns by 1,048,576 rows: got {result:?}"
    );
}

#[test]
fn a_sheet_read_cell_by_cell_keeps_its_position_and_gaps() {
    let bytes = xlsx_with_cells_at(&[("C2", "VCS"), ("E4", "Control question")]);
    let grid = read_catalogue_sheets(&bytes).unwrap().catalogue;
    assert_eq!((grid.first_row, grid.first_col), (2, 2), "starts at C2");
    assert_eq!(grid.rows.len(), 3, "rows 2 to 4");
    assert!(grid.rows.iter().all(|r| r.len() == 3), "columns C to E");
    assert_eq!(grid.rows[0][0], Cell::Text("VCS".into()));
    assert_eq!(grid.rows[1][1], Cell::Empty, "a gap stays empty");
    assert_eq!(grid.rows[2][2], Cell::Text("Control question".into()));
}

#[test]
fn a_legacy_xls_reads_like_the_workbook() {
    let rows = demo_raw_rows();
    let sheets = read_catalogue_sheets(&raw_xls("Vehicle CyberSecurity", &rows)).unwrap();
    let from_xlsx =
        parse_catalogue(&read_catalogue_sheets(&demo_bytes()).unwrap().catalogue).unwrap();
    assert_eq!(
        parse_catalogue(&sheets.catalogue).unwrap().counts(),
        from_xlsx.counts(),
        "the rebuilt container reads as the original"
    );
}

/// The `.xls` of `rows` with the four bytes before the Label record text `marker` (its row
/// and column) set to `row` and `column`.
fn xls_with_cell_moved(rows: &[Vec<RawCell>], marker: &str, row: u16, column: u16) -> Vec<u8> {
    let mut bytes = raw_xls("Vehicle CyberSecurity", rows);
    // A Label record: row, column, format, then the text's length, a flag byte and the text.
    let mut text = (marker.len() as u16).to_le_bytes().to_vec();
    text.push(0);
    text.extend_from_slice(marker.as_bytes());
    let at = bytes
        .windows(text.len())
        .position(|w| w == text)
        .expect("the marker's record is in the file");
    bytes[at - 6..at - 4].copy_from_slice(&row.to_le_bytes());
    bytes[at - 4..at - 2].copy_from_slice(&column.to_le_bytes());
    bytes
}

#[test]
fn an_xls_cell_at_the_far_corner_is_refused_before_calamine_allocates_the_sheet() {
    // Found with the `catalogue_reader` fuzz target: calamine reads every sheet of an .xls
    // while opening it, allocating its rectangle, here 65,536 × 65,536 cells (128 GiB), and
    // the process aborted.
    let rows = vec![
        vec![text("VCS"), text("Control question")],
        vec![text("far")],
    ];
    let bytes = xls_with_cell_moved(&rows, "far", u16::MAX, u16::MAX);
    let result = read_catalogue_sheets(&bytes);
    assert!(
        matches!(result, Err(WorkbookError::TooManyCells { cells, .. }) if cells == 1 << 32),
        "65,536 rows by 65,536 columns: got {result:?}"
    );
    let near = xls_with_cell_moved(&rows, "far", 20, 3);
    let grid = read_catalogue_sheets(&near).unwrap().catalogue;
    assert_eq!(
        (grid.rows.len(), grid.rows[0].len()),
        (21, 4),
        "a near cell is read"
    );
}

#[test]
fn an_xls_whose_directory_chain_loops_is_damaged_not_read_forever() {
    // Found by the `catalogue_reader` fuzz target: calamine follows a sector chain that loops
    // back on itself, growing memory until the process is killed.
    let mut bytes = raw_xls("Vehicle CyberSecurity", &[vec![text("VCS")]]);
    let u32_at = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap());
    // The header names the first directory sector (0x30) and the first FAT sector (0x4C);
    // the directory's FAT entry is made to point at itself.
    let directory = u32_at(&bytes, 0x30) as usize;
    let fat = u32_at(&bytes, 0x4C) as usize;
    let entry = 512 + fat * 512 + 4 * directory;
    bytes[entry..entry + 4].copy_from_slice(&(directory as u32).to_le_bytes());
    let result = read_catalogue_sheets(&bytes);
    assert!(
        matches!(result, Err(WorkbookError::Damaged(_))),
        "got {result:?}"
    );
}

/// A Label record: the text `text` at `row` and `column`.
fn label(row: u16, column: u16, text: &str) -> (u16, Vec<u8>) {
    let mut data = [row.to_le_bytes(), column.to_le_bytes(), [0, 0]].concat();
    data.extend_from_slice(&(text.len() as u16).to_le_bytes());
    data.push(0);
    data.extend_from_slice(text.as_bytes());
    (0x0204, data)
}

#[test]
fn xls_records_calamine_parses_carelessly_and_a_catalogue_does_not_need_are_ignored() {
    // Found by the `catalogue_reader` fuzz target: a defined name (Lbl) record of no bytes made
    // calamine index past its end, and the process aborted. Formulas' expressions and merged
    // cells are read as carelessly; none of them are needed for a catalogue's values.
    let cells = vec![label(0, 0, "VCS"), label(0, 1, "Control question")];
    // A Formula at B2 whose cached value is 7 and whose expression claims 100 bytes.
    let mut formula = [1u16.to_le_bytes(), 1u16.to_le_bytes(), [0, 0]].concat();
    formula.extend_from_slice(&7.0f64.to_le_bytes());
    formula.extend_from_slice(&[0; 6]);
    formula.extend_from_slice(&100u16.to_le_bytes());
    // MergeCells claiming 1,000 ranges in two bytes.
    let merge_cells = 1000u16.to_le_bytes().to_vec();
    let sheet = [
        cells.clone(),
        vec![(0x0006, formula), (0x00E5, merge_cells)],
    ]
    .concat();
    let globals = vec![(0x0018, vec![]), (0x0017, vec![])];
    let bytes = xls_with_records("Vehicle CyberSecurity", &globals, &sheet);
    let grid = read_catalogue_sheets(&bytes).unwrap().catalogue;
    assert_eq!(
        grid.rows[1][1],
        Cell::Number(7.0),
        "the formula's cached value"
    );
}

#[test]
fn xls_records_calamine_would_trip_over_are_damaged() {
    let valid = raw_xls("Vehicle CyberSecurity", &[vec![text("VCS")]]);
    read_catalogue_sheets(&valid).unwrap();
    let cells = vec![label(0, 0, "VCS")];
    let damaged = |globals: Vec<(u16, Vec<u8>)>, sheet: Vec<(u16, Vec<u8>)>| {
        let bytes = xls_with_records("Vehicle CyberSecurity", &globals, &sheet);
        let result = read_catalogue_sheets(&bytes);
        assert!(
            matches!(result, Err(WorkbookError::Damaged(_))),
            "{globals:?} {sheet:?}: got {result:?}"
        );
    };
    // A CodePage record without its code page.
    damaged(vec![(0x0042, vec![])], cells.clone());
    // Dimensions whose first row is past the last, and whose first column is the last.
    let dimensions = |rows: [u32; 2], columns: [u16; 2]| {
        let mut data = [rows[0].to_le_bytes(), rows[1].to_le_bytes()].concat();
        data.extend_from_slice(
            &[columns[0].to_le_bytes(), columns[1].to_le_bytes(), [0, 0]].concat(),
        );
        (0x0200, data)
    };
    damaged(vec![], vec![dimensions([5, 1], [0, 1])]);
    damaged(vec![], vec![dimensions([0, 1], [3, 3])]);
    // A MulRk record whose last column comes before its first.
    let mul_rk = [
        0u16.to_le_bytes(),
        5u16.to_le_bytes(),
        [0; 2],
        4u16.to_le_bytes(),
    ]
    .concat();
    damaged(vec![], vec![(0x00BD, mul_rk)]);
    // A Formula record too short for its expression's length.
    damaged(vec![], vec![(0x0006, vec![0; 21])]);
    // The sheet record (BoundSheet8) with a position past the end of the stream.
    let mut past_the_end = valid.clone();
    let name = b"Vehicle CyberSecurity";
    let at = past_the_end
        .windows(name.len())
        .position(|w| w == name)
        .unwrap();
    past_the_end[at - 8..at - 4].copy_from_slice(&u32::MAX.to_le_bytes());
    let result = read_catalogue_sheets(&past_the_end);
    assert!(
        matches!(result, Err(WorkbookError::Damaged(_))),
        "got {result:?}"
    );
}

fn text(s: &str) -> RawCell {
    RawCell::Text(s.to_owned())
}

#[test]
fn a_cell_reference_longer_than_excel_allows_is_damaged_not_a_panic() {
    // Found by the `catalogue_reader` fuzz target: calamine computed the row of a reference
    // of eleven digits in 32 bits and panicked on the overflow (debug builds).
    for sheet_data in [
        r#"<row r="1"><c r="A12345678901" t="inlineStr"><is><t>x</t></is></c></row>"#,
        r#"<row r="99999999999"><c t="inlineStr"><is><t>x</t></is></c></row>"#,
        r#"<x:row r="1"><x:c t = "inlineStr"  r = 'AAAAAAAA1'><is><t>x</t></is></x:c></x:row>"#,
    ] {
        let result = read_catalogue_sheets(&xlsx_with_sheet_data(sheet_data));
        assert!(
            matches!(&result, Err(WorkbookError::Damaged(what)) if what.contains("reference")),
            "{sheet_data}: got {result:?}"
        );
    }
    // The last cell of a sheet is a reference like any other, and text is not a reference.
    let sheet_data = r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>r="ABCDEFGHIJKL"</t></is></c></row>"#;
    let grid = read_catalogue_sheets(&xlsx_with_sheet_data(sheet_data))
        .unwrap()
        .catalogue;
    assert_eq!((grid.first_row, grid.first_col), (1_048_576, 16_383));
}

/// The workbook `bytes` with an entry `name` of `body` added.
fn with_entry(bytes: &[u8], name: &str, body: &[u8]) -> Vec<u8> {
    use std::io::{Cursor, Write as _};
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        out.raw_copy_file(archive.by_index_raw(index).unwrap())
            .unwrap();
    }
    out.start_file(name, zip::write::SimpleFileOptions::default())
        .unwrap();
    out.write_all(body).unwrap();
    out.finish().unwrap().into_inner()
}

/// `xml` with the value of its first attribute `name` replaced by `value`.
fn with_attribute(xml: &str, name: &str, value: &str) -> String {
    let at = xml.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    let end = at + xml[at..].find('"').unwrap();
    format!("{}{value}{}", &xml[..at], &xml[end..])
}

fn demo_counts(bytes: &[u8]) -> CatalogueCounts {
    parse_catalogue(&read_catalogue_sheets(bytes).unwrap().catalogue)
        .unwrap()
        .counts()
}

#[test]
fn a_claim_of_four_billion_shared_strings_is_refused_before_anything_is_reserved() {
    // `uniqueCount="4000000000"` in an otherwise intact workbook: calamine reserved room for
    // that many strings (96 GB) before reading one, and the process aborted.
    let bomb = shared_strings_bomb();
    assert!(bomb.len() < 64 * 1024, "a small file: {} bytes", bomb.len());
    match read_catalogue_sheets(&bomb) {
        Err(WorkbookError::TooManyEntries {
            part,
            entry,
            count,
            max,
        }) => {
            assert_eq!(
                (part.as_str(), entry, count, max),
                (
                    "xl/sharedStrings.xml",
                    "uniqueCount",
                    4_000_000_000,
                    MAX_SHARED_STRINGS
                ),
                "the claim is named with the part that makes it"
            );
        }
        other => panic!("expected TooManyEntries, got {other:?}"),
    }
}

#[test]
fn a_shared_string_count_within_the_bound_reads_whatever_the_part_holds() {
    // A count is a claim: one that overstates the strings but stays within the bound costs no
    // more than its reservation, so it is not held against the file.
    let overstated = with_part(&demo_bytes(), "xl/sharedStrings.xml", |xml| {
        with_attribute(&xml, "uniqueCount", &MAX_SHARED_STRINGS.to_string())
    });
    assert_eq!(demo_counts(&overstated), demo_counts(&demo_bytes()));
}

#[test]
fn more_shared_strings_than_are_read_are_refused() {
    let strings = "<si><t/></si>".repeat(MAX_SHARED_STRINGS as usize + 1);
    let bytes = with_part(&demo_bytes(), "xl/sharedStrings.xml", |xml| {
        let at = xml.find("<si>").unwrap();
        format!("{}{strings}{}", &xml[..at], &xml[at..])
    });
    let result = read_catalogue_sheets(&bytes);
    assert!(
        matches!(
            &result,
            Err(WorkbookError::TooManyEntries { entry: "si", .. })
        ),
        "got {result:?}"
    );
}

#[test]
fn a_shared_string_is_counted_once_for_every_cell_that_refers_to_it() {
    // 10,000 cells of one string of 100,000 characters: each cell gets its own copy (1 GB).
    let result = read_catalogue_sheets(&shared_string_fanout());
    assert!(
        matches!(result, Err(WorkbookError::TooMuchText { bytes, max })
            if bytes > max && max == MAX_TEXT_BYTES),
        "got {result:?}"
    );
}

#[test]
fn an_xls_shared_string_is_counted_once_for_every_cell_that_refers_to_it() {
    let result = read_catalogue_sheets(&xls_shared_string_fanout());
    assert!(
        matches!(result, Err(WorkbookError::TooMuchText { bytes, max }) if bytes > max),
        "got {result:?}"
    );
}

#[test]
fn an_xls_within_its_bounds_reads_its_shared_strings() {
    // The same structure as the fan-out, a hundred cells: read, each cell with its text.
    let mut sst = [100u32.to_le_bytes(), 1u32.to_le_bytes()].concat();
    sst.extend_from_slice(&3u16.to_le_bytes());
    sst.push(0);
    sst.extend_from_slice(b"VCS");
    let cells: Vec<(u16, Vec<u8>)> = (0..100u16)
        .map(|row| {
            let mut data = [row.to_le_bytes(), [0, 0], [0, 0]].concat();
            data.extend_from_slice(&0u32.to_le_bytes());
            (0x00FD, data)
        })
        .collect();
    let bytes = xls_with_records("Vehicle CyberSecurity", &[(0x00FC, sst)], &cells);
    let grid = read_catalogue_sheets(&bytes).unwrap().catalogue;
    assert_eq!(grid.rows.len(), 100);
    assert!(grid.rows.iter().all(|r| r == &[Cell::Text("VCS".into())]));
}

#[test]
fn xls_shared_strings_cut_short_are_damaged_not_a_panic() {
    // Found while measuring them: calamine reads the count of a string's formatting runs, and
    // the flags byte of its continuation, without checking that they are there (a panic).
    let sst = |string: &[u8]| {
        let mut data = [1u32.to_le_bytes(), 1u32.to_le_bytes()].concat();
        data.extend_from_slice(string);
        (0x00FC, data)
    };
    // Three characters with formatting runs, and the file ends before their count.
    let runs_missing = vec![sst(&[3, 0, 0x08])];
    // Ten characters, three here, the rest in a Continue record that is empty.
    let empty_continue = vec![
        sst(&[10, 0, 0, b'a', b'b', b'c']),
        (0x003C, vec![]),
        (0x003C, vec![0, b'd']),
    ];
    for globals in [runs_missing, empty_continue] {
        let bytes = xls_with_records("Vehicle CyberSecurity", &globals, &[label(0, 0, "VCS")]);
        let result = read_catalogue_sheets(&bytes);
        assert!(
            matches!(result, Err(WorkbookError::Damaged(_))),
            "{globals:?}: got {result:?}"
        );
    }
}

#[test]
fn styles_are_not_read_so_their_copies_cost_nothing() {
    // calamine copies a font's name into every cell format that uses it: 20,000 formats of a
    // font named with 100,000 characters would take 2 GB. Values do not depend on styles.
    let name = "f".repeat(100_000);
    let formats = r#"<xf fontId="0" numFmtId="164"/>"#.repeat(20_000);
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="{name}"/></numFmts><fonts count="1"><font><name val="{name}"/></font></fonts><cellXfs count="20000">{formats}</cellXfs></styleSheet>"#
    );
    let bytes = with_part(&demo_bytes(), "xl/styles.xml", |_| styles);
    assert_eq!(demo_counts(&bytes), demo_counts(&demo_bytes()));
}

#[test]
fn the_parts_calamine_needs_not_are_left_out_and_the_rest_reads_the_same() {
    let demo = demo_bytes();
    let with_image = with_entry(&demo, "xl/media/image1.png", &[0x89, b'P', b'N', b'G']);
    let container = xlsx::container_for_calamine(&with_image).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&container[..])).unwrap();
    let names: Vec<String> = archive
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.ends_with("styles.xml") || n.ends_with(".png")),
        "{names:?}"
    );
    assert!(archive.by_name("xl/sharedStrings.xml").is_ok());
    let sheets = read_catalogue_sheets(&with_image).unwrap();
    let from_demo = read_catalogue_sheets(&demo).unwrap();
    assert_eq!(sheets.catalogue.rows, from_demo.catalogue.rows);
}

#[test]
fn a_document_type_or_entity_declaration_is_refused_by_name() {
    let bytes = dtd_entity_xlsx();
    let error = read_catalogue_sheets(&bytes).unwrap_err();
    assert!(
        matches!(&error, WorkbookError::Declaration { part } if part == "xl/sharedStrings.xml"),
        "got {error:?}"
    );
    let text = error.message("catalogue.xlsx").render(Lang::English);
    for expected in [
        "catalogue.xlsx contains constructs CSMS Desk refuses",
        "xl/sharedStrings.xml",
        "save it again as .xlsx",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    assert!(!text.contains("damaged"), "not called damaged: {text}");
    // In any case, in any XML part, in an .ods too.
    let lower = with_part(&demo_bytes(), "xl/workbook.xml", |xml| {
        xml.replacen("?>", "?><!doctype workbook>", 1)
    });
    let ods = ods_with_content(r#"<?xml version="1.0"?><!ENTITY x "y"><office:document-content/>"#);
    for (bytes, part) in [(lower, "xl/workbook.xml"), (ods, "content.xml")] {
        let result = read_catalogue_sheets(&bytes);
        assert!(
            matches!(&result, Err(WorkbookError::Declaration { part: p }) if p == part),
            "{part}: got {result:?}"
        );
    }
}

#[test]
fn a_document_type_in_an_embedded_image_is_not_looked_at() {
    // SVG images often declare their document type; calamine does not read images.
    let svg = br#"<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg/>"#;
    let bytes = with_entry(&demo_bytes(), "xl/media/image1.svg", svg);
    assert_eq!(demo_counts(&bytes), demo_counts(&demo_bytes()));
}

#[test]
fn every_new_refusal_names_the_file_in_both_languages() {
    let errors = [
        WorkbookError::TooManyCells {
            cells: 98_304_000,
            max: MAX_HELD_CELLS,
        },
        WorkbookError::TooMuchText {
            bytes: 97 << 30,
            max: MAX_TEXT_BYTES,
        },
        WorkbookError::TooManyEntries {
            part: "xl/sharedStrings.xml".into(),
            entry: "uniqueCount",
            count: 4_000_000_000,
            max: MAX_SHARED_STRINGS,
        },
        WorkbookError::Declaration {
            part: "content.xml".into(),
        },
    ];
    for error in errors {
        for lang in Lang::ALL {
            let text = error.message("catalogue.ods").render(lang);
            assert!(
                text.starts_with("catalogue.ods ") && !text.contains('{'),
                "{lang:?}: {text}"
            );
        }
    }
}
