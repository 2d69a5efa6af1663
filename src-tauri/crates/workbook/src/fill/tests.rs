use super::*;
use crate::fixtures::rich_catalogue;
use crate::read_catalogue_sheets;
use csmsdesk_core::grid::{Cell, Grid};

/// Each entry of a ZIP as stored: name, method, CRC and compressed bytes.
fn raw_entries(bytes: &[u8]) -> Vec<(String, zip::CompressionMethod, u32, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut part = archive.by_index_raw(i).unwrap();
            let mut data = Vec::new();
            part.read_to_end(&mut data).unwrap();
            (
                part.name().unwrap().into_owned(),
                part.compression(),
                part.crc32(),
                data,
            )
        })
        .collect()
}

/// The 1-based row of question `id` in the catalogue grid.
fn row_of(grid: &Grid, id: &str) -> u32 {
    let vcs = 3;
    (0..grid.rows.len())
        .find(|&r| grid.cell(r, vcs - grid.first_col) == &Cell::Text(id.into()))
        .map(|r| grid.row_number(r) as u32)
        .unwrap()
}

fn text_at(grid: &Grid, row: u32, col: u32) -> String {
    grid.cell(row as usize - grid.first_row, col as usize - grid.first_col)
        .as_text()
        .unwrap()
}

/// Asserts that the filled workbook differs from `original` only in `changed` entries, which
/// must exist in both; every other entry is byte for byte the same, stored the same way, in
/// the same order.
pub(crate) fn assert_only_changed(original: &[u8], filled: &[u8], changed: &[String]) {
    let before = raw_entries(original);
    let after = raw_entries(filled);
    assert_eq!(
        before.iter().map(|e| &e.0).collect::<Vec<_>>(),
        after.iter().map(|e| &e.0).collect::<Vec<_>>(),
        "the same entries in the same order"
    );
    let mut same = 0;
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b.1, a.1, "{}: same compression method", b.0);
        if changed.contains(&b.0) {
            assert_ne!(b.3, a.3, "{} was to change", b.0);
        } else {
            assert_eq!(b.2, a.2, "{}: same CRC", b.0);
            assert!(b.3 == a.3, "{}: the stored bytes are identical", b.0);
            same += 1;
        }
    }
    assert_eq!(same, before.len() - changed.len());
}

#[test]
fn only_the_filled_cells_change_and_every_other_part_keeps_its_bytes() {
    let original = rich_catalogue();
    let grid = read_catalogue_sheets(&original).unwrap().catalogue;
    let row = row_of(&grid, "1.1");
    let cells = vec![
        CellText {
            row,
            col: 4,
            text: "conform".into(),
        },
        CellText {
            row,
            col: 5,
            text: "Policy <signed> & published\nsecond line".into(),
        },
        CellText {
            row,
            col: 6,
            text: "Policy.pdf (evidence/1.1/Policy.pdf) _x0041_ \u{1}".into(),
        },
        CellText {
            row,
            col: 19,
            text: "Ann Example".into(),
        },
    ];
    let filled = fill_workbook(&original, "Vehicle CyberSecurity", &cells).unwrap();
    assert_eq!(
        filled.changed_parts,
        vec![
            "xl/worksheets/sheet2.xml".to_owned(),
            "xl/worksheets/sheet3.xml".to_owned()
        ],
        "the catalogue sheet, and the result sheet whose formulas read it (rust_xlsxwriter \
         sets fullCalcOnLoad already)"
    );
    assert!(filled.skipped_formulas.is_empty());
    assert_only_changed(&original, &filled.bytes, &filled.changed_parts);

    let after = read_catalogue_sheets(&filled.bytes).unwrap().catalogue;
    assert_eq!(text_at(&after, row, 4), "conform");
    assert_eq!(
        text_at(&after, row, 5),
        "Policy <signed> & published\nsecond line"
    );
    assert_eq!(
        text_at(&after, row, 6),
        "Policy.pdf (evidence/1.1/Policy.pdf) _x0041_ \u{1}",
        "a literal _xHHHH_ and a control character come back as they were"
    );
    assert_eq!(text_at(&after, row, 19), "Ann Example");
    // Every other cell of the sheet reads as before.
    for r in 0..grid.rows.len().max(after.rows.len()) {
        for c in 0..22 {
            let number = grid.row_number(r) as u32;
            if number == row && [4, 5, 6, 19].contains(&c) {
                continue;
            }
            assert_eq!(grid.cell(r, c), after.cell(r, c), "row {number} column {c}");
        }
    }
    // The style of a filled cell is the one it had.
    let sheet = String::from_utf8(part(&filled.bytes, "xl/worksheets/sheet2.xml")).unwrap();
    let before_sheet = String::from_utf8(part(&original, "xl/worksheets/sheet2.xml")).unwrap();
    let style = |xml: &str| {
        let at = xml.find(&format!("<c r=\"E{row}\"")).unwrap();
        attribute(&xml[at..at + xml[at..].find('>').unwrap() + 1], "s").map(str::to_owned)
    };
    assert!(style(&before_sheet).is_some());
    assert_eq!(style(&before_sheet), style(&sheet));
    let workbook = String::from_utf8(part(&filled.bytes, "xl/workbook.xml")).unwrap();
    assert!(workbook.contains("fullCalcOnLoad=\"1\""), "{workbook}");
}

fn part(bytes: &[u8], name: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = Vec::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_end(&mut out)
        .unwrap();
    out
}

#[test]
fn the_same_workbook_and_cells_give_the_same_bytes() {
    let original = rich_catalogue();
    let cells = [CellText {
        row: 5,
        col: 4,
        text: "NA".into(),
    }];
    let one = fill_workbook(&original, "Vehicle CyberSecurity", &cells).unwrap();
    let two = fill_workbook(&original, "Vehicle CyberSecurity", &cells).unwrap();
    assert!(one.bytes == two.bytes);
}

#[test]
fn missing_cells_and_rows_are_inserted_in_order_and_formulas_are_left_alone() {
    let original = rich_catalogue();
    let cells = [
        // A formula (Row_Format): left as it is.
        CellText {
            row: 5,
            col: 0,
            text: "overwritten?".into(),
        },
        // A cell the row lacks (column X) and rows the sheet lacks, before and after.
        CellText {
            row: 5,
            col: 23,
            text: "beyond V".into(),
        },
        CellText {
            row: 2,
            col: 1,
            text: "row two".into(),
        },
        CellText {
            row: 900,
            col: 2,
            text: "far below".into(),
        },
    ];
    let filled = fill_workbook(&original, "Vehicle CyberSecurity", &cells).unwrap();
    assert_eq!(filled.skipped_formulas, vec!["A5".to_owned()]);
    let sheet = String::from_utf8(part(&filled.bytes, "xl/worksheets/sheet2.xml")).unwrap();
    // Rows stay in ascending order, cells too.
    let rows: Vec<u32> = elements(&sheet, "row")
        .map(|t| attribute(t, "r").unwrap().parse().unwrap())
        .collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "{rows:?}");
    assert!(rows.contains(&2) && rows.contains(&900));
    let row5 = &sheet[sheet.find("<row r=\"5\"").unwrap()..];
    let row5 = &row5[..row5.find("</row>").unwrap()];
    let cols: Vec<u32> = elements(row5, "c")
        .map(|t| split_reference(attribute(t, "r").unwrap()).unwrap().0)
        .collect();
    assert!(cols.windows(2).all(|w| w[0] < w[1]), "{cols:?}");
    assert!(row5.contains("<f>"), "the formula stays");
    let book = read_catalogue_sheets(&filled.bytes).unwrap().catalogue;
    assert_eq!(text_at(&book, 900, 2), "far below");
    assert_eq!(text_at(&book, 5, 23), "beyond V");
}

#[test]
fn calc_pr_gets_full_calc_on_load_once() {
    let with = "<workbook><sheets/><calcPr calcId=\"191028\"/></workbook>";
    assert_eq!(
        full_calc_on_load(with),
        "<workbook><sheets/><calcPr calcId=\"191028\" fullCalcOnLoad=\"1\"/></workbook>"
    );
    assert_eq!(
        full_calc_on_load(&full_calc_on_load(with)),
        full_calc_on_load(with)
    );
    assert_eq!(
        full_calc_on_load("<workbook><sheets/><extLst/></workbook>"),
        "<workbook><sheets/><calcPr fullCalcOnLoad=\"1\"/><extLst/></workbook>"
    );
}

/// Python's openpyxl (installed by `cargo xtask test`): a reader we did not write.
pub(crate) fn openpyxl_values(
    path: &std::path::Path,
    sheet: &str,
    cells: &[String],
) -> Vec<String> {
    let script = r#"
import sys, openpyxl, json
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
print(json.dumps([ws[c].value if ws[c].value is not None else "" for c in sys.argv[3:]]))
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .arg(sheet)
        .args(cells)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// LibreOffice (headless) converts every sheet of `path` to CSV, recalculating as it opens
/// the file; the rows of sheet `sheet`. `None` when LibreOffice is not installed.
pub(crate) fn libreoffice_sheet(path: &std::path::Path, sheet: &str) -> Option<Vec<Vec<String>>> {
    if std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("SKIPPED the LibreOffice check: soffice is not installed");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--convert-to"])
        // Field separator ',', quote '"', UTF-8, every sheet to its own file (-1).
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
        .arg("--outdir")
        .arg(dir.path())
        .arg(path)
        .output()
        .expect("soffice runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stem = path.file_stem().unwrap().to_string_lossy();
    let csv = dir.path().join(format!("{stem}-{sheet}.csv"));
    let text = std::fs::read_to_string(&csv).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; LibreOffice said {} {}",
            csv.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    Some(parse_csv(&text))
}

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![vec![String::new()]];
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let row = rows.last_mut().unwrap();
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                row.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(String::new()),
            ('\n', false) => rows.push(vec![String::new()]),
            (c, _) => row.last_mut().unwrap().push(c),
        }
    }
    rows
}

#[test]
fn outside_readers_read_our_values_and_libreoffice_recalculates_the_result_sheet() {
    let original = rich_catalogue();
    let grid = read_catalogue_sheets(&original).unwrap().catalogue;
    let (q1, q2) = (row_of(&grid, "1.1"), row_of(&grid, "1.2"));
    let cells = vec![
        CellText {
            row: q1,
            col: 4,
            text: "conform".into(),
        },
        CellText {
            row: q1,
            col: 5,
            text: "Ümlaut & <tags>".into(),
        },
        CellText {
            row: q2,
            col: 4,
            text: "minor-non-conform".into(),
        },
    ];
    let filled = fill_workbook(&original, "Vehicle CyberSecurity", &cells).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("filled.xlsx");
    std::fs::write(&path, &filled.bytes).unwrap();
    assert_eq!(
        openpyxl_values(
            &path,
            "Vehicle CyberSecurity",
            &[format!("E{q1}"), format!("F{q1}"), format!("E{q2}")]
        ),
        vec!["conform", "Ümlaut & <tags>", "minor-non-conform"]
    );
    let Some(results) = libreoffice_sheet(&path, "Results (VCS)") else {
        return;
    };
    // D2 counts the conform results (written with no cached value of 1); B2, B3 repeat the
    // results of 1.1 and 1.2.
    assert_eq!(results[1][3], "1", "{results:?}");
    assert_eq!(results[1][1], "conform");
    assert_eq!(results[2][1], "minor-non-conform");
}

#[test]
fn the_real_enx_workbook_fills_in_place_and_its_result_sheets_recalculate() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../../shared/catalogues/ENX_VCSA_1_1_EN.xlsx");
    let Ok(original) = std::fs::read(&path) else {
        eprintln!("SKIPPED: the ENX workbook is not at {}", path.display());
        return;
    };
    let grid = read_catalogue_sheets(&original).unwrap().catalogue;
    // Every control question conform (9.2-9.4 too), one minor, with texts in the hidden
    // working columns.
    let mut cells = Vec::new();
    let mut minor_row = 0;
    for r in 0..grid.rows.len() {
        let id = grid
            .cell(r, 3 - grid.first_col)
            .as_text()
            .unwrap_or_default();
        if csmsdesk_core::grid::fold_header(&id).split('.').count() == 2
            && id
                .split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            let row = grid.row_number(r) as u32;
            let result = if id == "3.2" {
                "minor-non-conform"
            } else {
                "conform"
            };
            if id == "3.2" {
                minor_row = row;
            }
            cells.push(CellText {
                row,
                col: 4,
                text: result.into(),
            });
            cells.push(CellText {
                row,
                col: 5,
                text: format!("How {id} is done"),
            });
            cells.push(CellText {
                row,
                col: 6,
                text: format!("Doc {id}.pdf"),
            });
        }
    }
    assert_eq!(cells.len(), 24 * 3, "24 control questions");
    let filled = fill_workbook(&original, &grid.name, &cells).unwrap();
    assert!(filled.skipped_formulas.is_empty());
    assert_eq!(
        filled.changed_parts,
        vec![
            "xl/workbook.xml",
            "xl/worksheets/sheet5.xml",
            "xl/worksheets/sheet6.xml",
            "xl/worksheets/sheet7.xml",
        ],
        "the catalogue sheet, calcPr and the two result sheets"
    );
    assert_only_changed(&original, &filled.bytes, &filled.changed_parts);
    eprintln!(
        "ENX workbook: {} of {} entries changed, {} -> {} bytes",
        filled.changed_parts.len(),
        raw_entries(&original).len(),
        original.len(),
        filled.bytes.len()
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("filled.xlsx");
    std::fs::write(&out, &filled.bytes).unwrap();
    assert_eq!(
        openpyxl_values(
            &out,
            &grid.name,
            &[
                format!("E{minor_row}"),
                format!("F{minor_row}"),
                format!("G{minor_row}")
            ]
        ),
        vec!["minor-non-conform", "How 3.2 is done", "Doc 3.2.pdf"]
    );
    let Some(results) = libreoffice_sheet(&out, "Results (VCS)") else {
        return;
    };
    // The overall result (D2) computed by the workbook's own formula from our cells: one
    // minor, no major.
    let overall = &results[1][3];
    assert_eq!(overall, "CONDITIONAL-PASS", "{results:?}");
}

#[test]
fn an_empty_text_clears_a_filled_cell_and_leaves_an_empty_one_alone() {
    let original = rich_catalogue();
    let grid = read_catalogue_sheets(&original).unwrap().catalogue;
    let row = row_of(&grid, "1.1");
    // The user's copy had a result typed in before it was imported.
    let typed = fill_workbook(
        &original,
        "Vehicle CyberSecurity",
        &[CellText {
            row,
            col: 4,
            text: "conform".into(),
        }],
    )
    .unwrap();
    let cleared = fill_workbook(
        &typed.bytes,
        "Vehicle CyberSecurity",
        &[
            CellText {
                row,
                col: 4,
                text: String::new(),
            },
            CellText {
                row,
                col: 5,
                text: String::new(),
            },
            CellText {
                row: 950,
                col: 5,
                text: String::new(),
            },
        ],
    )
    .unwrap();
    let after = read_catalogue_sheets(&cleared.bytes).unwrap().catalogue;
    assert_eq!(text_at(&after, row, 4), "");
    let sheet = String::from_utf8(part(&cleared.bytes, "xl/worksheets/sheet2.xml")).unwrap();
    let before = String::from_utf8(part(&original, "xl/worksheets/sheet2.xml")).unwrap();
    assert_eq!(
        sheet, before,
        "back to the untouched sheet: style kept, no row 950 made"
    );
}
