use super::*;
use crate::fixtures::{demo_raw_rows, ods_repeat_bomb, ods_with_content, ods_with_tables};
use crate::read::{MAX_TEXT_BYTES, read_catalogue_sheets};
use csmsdesk_core::catalogue::parse_catalogue;
use csmsdesk_core::grid::Cell;

/// A sheet named like the catalogue sheet holding `rows` (the XML of its rows).
fn sheet(rows: &str) -> String {
    format!(r#"<table:table table:name="Vehicle CyberSecurity">{rows}</table:table>"#)
}

fn text_cell(text: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
    )
}

/// A row of the number 1 in `columns` cells, repeated `rows` times.
fn numbers(rows: u64, columns: u64) -> String {
    format!(
        r#"<table:table-row table:number-rows-repeated="{rows}"><table:table-cell table:number-columns-repeated="{columns}" office:value-type="float" office:value="1"/></table:table-row>"#
    )
}

#[test]
fn a_kilobyte_of_repeated_rows_and_cells_is_refused_before_calamine_expands_it() {
    // 6,000 rows of 16,384 cells of 1,000 characters: calamine ran out of memory.
    let bomb = ods_repeat_bomb();
    assert!(bomb.len() < 2048, "a small file: {} bytes", bomb.len());
    let result = read_catalogue_sheets(&bomb);
    assert!(
        matches!(result, Err(WorkbookError::TooMuchText { bytes, max })
            if bytes > 90 << 30 && max == MAX_TEXT_BYTES),
        "each copy of the text is counted: got {result:?}"
    );
}

#[test]
fn repeated_cells_without_text_are_counted_as_cells() {
    // 3,000 rows of 16,384 numbers: 49 million cells, 2.9 GB in calamine.
    let result = read_catalogue_sheets(&ods_with_tables(&sheet(&numbers(3000, 16_384))));
    assert!(
        matches!(result, Err(WorkbookError::TooManyCells { cells, max })
            if cells > max && max == MAX_HELD_CELLS),
        "got {result:?}"
    );
}

#[test]
fn the_held_cells_are_read_up_to_the_bound_and_refused_one_row_beyond() {
    // 32 rows of 16,384 cells are exactly the bound.
    let rows = MAX_HELD_CELLS / 16_384;
    let at_bound = ods_with_tables(&sheet(&numbers(rows, 16_384)));
    let grid = read_catalogue_sheets(&at_bound).unwrap().catalogue;
    assert_eq!((grid.rows.len(), grid.rows[0].len()), (32, 16_384));
    assert_eq!(grid.rows[31][16_383], Cell::Number(1.0));
    assert_eq!(
        measure(content(&sheet(&numbers(rows, 16_384))).as_bytes())
            .unwrap()
            .cells,
        MAX_HELD_CELLS
    );
    let beyond = ods_with_tables(&sheet(&numbers(rows + 1, 16_384)));
    let result = read_catalogue_sheets(&beyond);
    assert!(
        matches!(result, Err(WorkbookError::TooManyCells { cells, .. })
            if cells == MAX_HELD_CELLS + 16_384),
        "got {result:?}"
    );
}

#[test]
fn the_sheets_of_a_workbook_are_counted_together() {
    // calamine keeps every sheet: two sheets of 60 % of the bound each are too many.
    let rows = MAX_HELD_CELLS * 6 / 10 / 16_384;
    let table = |name: &str| {
        format!(
            r#"<table:table table:name="{name}">{}</table:table>"#,
            numbers(rows, 16_384)
        )
    };
    let one = ods_with_tables(&table("A"));
    assert!(matches!(
        read_catalogue_sheets(&one),
        Err(WorkbookError::NoCatalogueSheet { .. })
    ));
    let two = ods_with_tables(&(table("A") + &table("B")));
    let result = read_catalogue_sheets(&two);
    assert!(
        matches!(result, Err(WorkbookError::TooManyCells { .. })),
        "got {result:?}"
    );
}

#[test]
fn four_billion_spaces_in_one_cell_are_refused_before_they_are_written() {
    let cell = r#"<table:table-cell office:value-type="string"><text:p>a<text:s text:c="4000000000"/>b</text:p></table:table-cell>"#;
    let bytes = ods_with_tables(&sheet(&format!(
        "<table:table-row>{cell}</table:table-row>"
    )));
    let result = read_catalogue_sheets(&bytes);
    assert!(
        matches!(result, Err(WorkbookError::TooMuchText { bytes, .. }) if bytes > 4_000_000_000),
        "got {result:?}"
    );
}

#[test]
fn empty_cells_calamine_keeps_are_counted_though_no_row_is_used() {
    // An empty cell repeated to the end of the row, then another empty cell: calamine keeps
    // the first 16,384 (it holds empty cells back until another cell follows), in every row.
    let row = r#"<table:table-row><table:table-cell table:number-columns-repeated="16384"/><table:table-cell/></table:table-row>"#;
    let rows = row.repeat((MAX_HELD_CELLS / 16_384 + 1) as usize);
    let result = read_catalogue_sheets(&ods_with_tables(&sheet(&rows)));
    assert!(
        matches!(result, Err(WorkbookError::TooManyCells { .. })),
        "got {result:?}"
    );
}

#[test]
fn trailing_empty_repeated_rows_and_columns_as_libreoffice_writes_them_read() {
    // LibreOffice pads each row with empty cells to its last formatted column and ends the
    // sheet with a run of a million empty rows; calamine keeps none of them.
    let mut rows = String::from(
        r#"<table:table-column table:number-columns-repeated="1024"/><table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
    );
    for row in demo_raw_rows() {
        rows.push_str("<table:table-row>");
        for cell in &row {
            match cell {
                crate::fixtures::RawCell::Text(t) if !t.is_empty() => {
                    let paragraphs: String = t
                        .split('\n')
                        .map(|l| format!("<text:p>{}</text:p>", escape(l)))
                        .collect();
                    rows.push_str(&format!(
                        r#"<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>"#
                    ));
                }
                _ => rows.push_str(r#"<table:table-cell table:style-name="ce1"/>"#),
            }
        }
        rows.push_str(
            r#"<table:table-cell table:number-columns-repeated="1002"/></table:table-row>"#,
        );
    }
    rows.push_str(r#"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#);
    let bytes = ods_with_tables(&sheet(&rows));
    let sheets = read_catalogue_sheets(&bytes).unwrap();
    let grid = &sheets.catalogue;
    assert_eq!(
        grid.rows.len(),
        demo_raw_rows().len(),
        "the trailing rows are not read"
    );
    assert!(
        grid.rows.iter().all(|r| r.len() <= 22),
        "the trailing columns are not read"
    );
    assert_eq!(grid.first_row, 3, "the two empty rows before are skipped");
    let catalogue = parse_catalogue(grid).unwrap();
    assert_eq!(catalogue.counts().control_questions, 24);
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn a_repeated_used_row_is_read_as_often_as_it_is_repeated() {
    let rows = format!(
        r#"<table:table-row>{}{}</table:table-row><table:table-row table:number-rows-repeated="3">{}</table:table-row>"#,
        text_cell("VCS"),
        text_cell("Control question"),
        text_cell("x")
    );
    let grid = read_catalogue_sheets(&ods_with_tables(&sheet(&rows)))
        .unwrap()
        .catalogue;
    assert_eq!(grid.rows.len(), 4);
    assert!(
        grid.rows[1..]
            .iter()
            .all(|r| r[0] == Cell::Text("x".into()))
    );
}

#[test]
fn content_cut_short_inside_a_sheet_or_a_comment_is_damaged_not_read_forever() {
    // calamine reads on past the end of `content.xml` in these two places, forever.
    let head = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="A"><table:table-row>"#;
    for (cut, what) in [
        (
            format!("{head}{}</table:table-row>", text_cell("x")),
            "sheet",
        ),
        (
            format!(
                r#"{head}<table:table-cell office:value-type="string"><office:annotation><text:p>note</text:p>"#
            ),
            "comment",
        ),
    ] {
        let result = read_catalogue_sheets(&ods_with_content(&cut));
        assert!(
            matches!(&result, Err(WorkbookError::Damaged(message)) if message.contains(what)),
            "{what}: got {result:?}"
        );
    }
}

#[test]
fn the_measure_is_at_least_what_calamine_holds() {
    // The same property the `ods` fuzz target checks, on hand-made sheets: values, formulas,
    // text in attributes and content, repeats, held-back empty cells, two sheets.
    let tables = format!(
        r#"<table:table table:name="A"><table:table-row table:number-rows-repeated="2"><table:table-cell/><table:table-cell table:number-columns-repeated="3" office:value-type="string" office:string-value="abc"/><table:table-cell table:formula="of:=1+1" office:value-type="float" office:value="2"/></table:table-row><table:table-row table:number-rows-repeated="4"/><table:table-row><table:table-cell table:number-columns-repeated="2"/>{}</table:table-row></table:table><table:table table:name="B"><table:table-row>{}</table:table-row></table:table>"#,
        text_cell("one<text:s text:c=\"3\"/>two<text:tab/>&amp;"),
        text_cell("b")
    );
    crate::fuzzing::ods(content(&tables).as_bytes());
    let measured = measure(content(&tables).as_bytes()).unwrap();
    assert_eq!(
        measured.cells,
        7 * 4 + 1,
        "sheet A: 7 rows (2, 4 empty, 1) of columns B to E; sheet B: 1 cell"
    );
}

/// A `content.xml` holding `tables`.
fn content(tables: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    )
}

#[test]
fn more_sheets_than_are_read_are_refused() {
    let tables = r#"<table:table table:name="A"/>"#.repeat(MAX_SHEETS as usize + 1);
    let result = read_catalogue_sheets(&ods_with_tables(&tables));
    assert!(
        matches!(&result, Err(WorkbookError::TooManyEntries { entry: "table:table", part, .. })
            if part == CONTENT),
        "got {result:?}"
    );
}
