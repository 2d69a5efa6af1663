//! Workbooks for tests: the demo in version 1.0 numbering, legacy `.xls` files, and
//! deliberately broken files that no spreadsheet program would write (error values, oversized
//! cells, zip bombs, encrypted containers, counts and repetitions that claim gigabytes,
//! document type declarations). Built in memory, so tests need no files of their own.

use std::io::{Cursor, Read as _, Write as _};

use csmsdesk_core::catalogue::renumbering::Renumbering;
use zip::write::SimpleFileOptions;

use crate::{CatalogueLayout, LayoutRow, demo};

mod rich;
pub use rich::rich_catalogue;

/// A cell of a hand-built sheet.
#[derive(Debug, Clone)]
pub enum RawCell {
    Text(String),
    Number(f64),
    /// An error value such as `#REF!`.
    Error(&'static str),
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn column_name(col: usize) -> String {
    csmsdesk_core::grid::column_letters(col)
}

/// A minimal `.xlsx` with inline strings, written by hand so that it can hold what
/// rust_xlsxwriter refuses to write (cells over 32,767 characters, error values).
pub fn raw_xlsx(sheets: &[(&str, Vec<Vec<RawCell>>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    let mut put = |name: &str, body: &str| {
        zip.start_file(name, options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    };
    let overrides: String = (1..=sheets.len())
        .map(|i| format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#))
        .collect();
    put(
        "[Content_Types].xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>"#
        ),
    );
    put(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    let sheet_list: String = sheets
        .iter()
        .enumerate()
        .map(|(i, (name, _))| {
            format!(
                r#"<sheet name="{}" sheetId="{}" r:id="rId{}"/>"#,
                escape(name),
                i + 1,
                i + 1
            )
        })
        .collect();
    put(
        "xl/workbook.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheet_list}</sheets></workbook>"#
        ),
    );
    let rels: String = (1..=sheets.len())
        .map(|i| format!(r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#))
        .collect();
    put(
        "xl/_rels/workbook.xml.rels",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
        ),
    );
    for (index, (_, rows)) in sheets.iter().enumerate() {
        let mut xml = String::from(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
        );
        for (r, row) in rows.iter().enumerate() {
            xml.push_str(&format!(r#"<row r="{}">"#, r + 1));
            for (c, cell) in row.iter().enumerate() {
                let at = format!("{}{}", column_name(c), r + 1);
                match cell {
                    RawCell::Text(t) if t.is_empty() => {}
                    RawCell::Text(t) => xml.push_str(&format!(
                        r#"<c r="{at}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                        escape(t)
                    )),
                    RawCell::Number(n) => xml.push_str(&format!(r#"<c r="{at}"><v>{n}</v></c>"#)),
                    RawCell::Error(e) => {
                        xml.push_str(&format!(r#"<c r="{at}" t="e"><v>{e}</v></c>"#))
                    }
                }
            }
            xml.push_str("</row>");
        }
        xml.push_str("</sheetData></worksheet>");
        put(&format!("xl/worksheets/sheet{}.xml", index + 1), &xml);
    }
    zip.finish().unwrap().into_inner()
}

/// A minimal OpenDocument spreadsheet (`.ods`) holding `sheets`, written by hand.
pub fn raw_ods(sheets: &[(&str, Vec<Vec<RawCell>>)]) -> Vec<u8> {
    let mut xml = String::new();
    for (name, rows) in sheets {
        xml.push_str(&format!(r#"<table:table table:name="{}">"#, escape(name)));
        for row in rows {
            xml.push_str("<table:table-row>");
            for cell in row {
                match cell {
                    RawCell::Text(t) if t.is_empty() => xml.push_str("<table:table-cell/>"),
                    RawCell::Text(t) => {
                        xml.push_str(r#"<table:table-cell office:value-type="string">"#);
                        for line in t.split('\n') {
                            xml.push_str(&format!("<text:p>{}</text:p>", escape(line)));
                        }
                        xml.push_str("</table:table-cell>");
                    }
                    RawCell::Number(n) => xml.push_str(&format!(
                        r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
                    )),
                    RawCell::Error(e) => xml.push_str(&format!(
                        r#"<table:table-cell><text:p>{}</text:p></table:table-cell>"#,
                        escape(e)
                    )),
                }
            }
            xml.push_str("</table:table-row>");
        }
        xml.push_str("</table:table>");
    }
    ods_with_tables(&xml)
}

/// An OpenDocument spreadsheet whose `office:spreadsheet` element holds `tables` (the XML of
/// its `table:table` elements, written by hand), for what [`raw_ods`] cannot write: repeated
/// rows and cells, spaces written as `text:s`, a `content.xml` cut short.
pub fn ods_with_tables(tables: &str) -> Vec<u8> {
    ods_with_content(&format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    ))
}

/// An OpenDocument spreadsheet whose `content.xml` is `content`, whatever it holds.
pub fn ods_with_content(content: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    // The mimetype entry comes first and uncompressed, as the format requires.
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    let options = SimpleFileOptions::default().compression_level(Some(9));
    zip.start_file("META-INF/manifest.xml", options).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    zip.start_file("content.xml", options).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// A legacy `.xls` (BIFF8 in an OLE container) holding `rows` as sheet `name`, with the
/// records calamine needs and no more: a Label or Number record per cell.
pub fn raw_xls(name: &str, rows: &[Vec<RawCell>]) -> Vec<u8> {
    let mut cells = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let mut data = Vec::new();
            data.extend_from_slice(&(r as u16).to_le_bytes());
            data.extend_from_slice(&(c as u16).to_le_bytes());
            data.extend_from_slice(&0u16.to_le_bytes()); // the cell's format
            match cell {
                RawCell::Text(text) if text.is_empty() => continue,
                RawCell::Text(text) => {
                    // An XLUnicodeString of Latin-1 bytes; other characters become `?`.
                    let latin1: Vec<u8> = text
                        .chars()
                        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
                        .collect();
                    data.extend_from_slice(&(latin1.len() as u16).to_le_bytes());
                    data.push(0);
                    data.extend_from_slice(&latin1);
                    cells.push((0x0204, data));
                }
                RawCell::Number(n) => {
                    data.extend_from_slice(&n.to_le_bytes());
                    cells.push((0x0203, data));
                }
                RawCell::Error(_) => continue,
            }
        }
    }
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0) as u16;
    let mut dimensions = Vec::new();
    dimensions.extend_from_slice(&0u32.to_le_bytes());
    dimensions.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    dimensions.extend_from_slice(&0u16.to_le_bytes());
    dimensions.extend_from_slice(&columns.to_le_bytes());
    dimensions.extend_from_slice(&0u16.to_le_bytes());
    cells.insert(0, (0x0200, dimensions));
    xls_with_records(name, &[], &cells)
}

/// A legacy `.xls` of one sheet `name` from raw BIFF8 records (type, data): the workbook
/// globals (BOF, `globals`, one BoundSheet8, EOF), then the sheet (BOF, `sheet`, EOF).
pub fn xls_with_records(
    name: &str,
    globals: &[(u16, Vec<u8>)],
    sheet: &[(u16, Vec<u8>)],
) -> Vec<u8> {
    fn record(stream: &mut Vec<u8>, kind: u16, data: &[u8]) {
        stream.extend_from_slice(&kind.to_le_bytes());
        stream.extend_from_slice(&(data.len() as u16).to_le_bytes());
        stream.extend_from_slice(data);
    }
    // BOF: BIFF8, then the substream type (0x0005 globals, 0x0010 worksheet).
    let bof = |kind: u16| -> Vec<u8> {
        let mut data = vec![0x00, 0x06];
        data.extend_from_slice(&kind.to_le_bytes());
        data.resize(16, 0);
        data
    };
    let name = name.as_bytes();
    let mut stream = Vec::new();
    record(&mut stream, 0x0809, &bof(0x0005));
    for (kind, data) in globals {
        record(&mut stream, *kind, data);
    }
    let mut sheet_record = vec![0; 4]; // the sheet's position, filled in below
    sheet_record.extend_from_slice(&[0, 0, name.len() as u8, 0]);
    sheet_record.extend_from_slice(name);
    let position_at = stream.len() + 4;
    record(&mut stream, 0x0085, &sheet_record);
    record(&mut stream, 0x000A, &[]);
    let position = stream.len() as u32;
    stream[position_at..position_at + 4].copy_from_slice(&position.to_le_bytes());
    record(&mut stream, 0x0809, &bof(0x0010));
    for (kind, data) in sheet {
        record(&mut stream, *kind, data);
    }
    record(&mut stream, 0x000A, &[]);
    // Version 3 (512-byte sectors), as Excel writes .xls.
    let mut file =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).unwrap();
    file.create_stream("/Workbook")
        .unwrap()
        .write_all(&stream)
        .unwrap();
    file.flush().unwrap();
    file.into_inner().into_inner()
}

/// The demo layout's catalogue sheet as raw rows (header row 3, data from row 4), to edit
/// before writing with [`raw_xlsx`].
pub fn demo_raw_rows() -> Vec<Vec<RawCell>> {
    let layout = demo::layout().unwrap();
    let text = |s: &Option<String>| RawCell::Text(s.clone().unwrap_or_default());
    let mut rows = vec![
        vec![
            RawCell::Text(String::new()),
            RawCell::Text(String::new()),
            RawCell::Text(layout.cover.title.clone()),
        ],
        vec![],
        crate::write::ENX_HEADERS
            .iter()
            .map(|h| RawCell::Text((*h).to_owned()))
            .collect(),
    ];
    for row in &layout.rows {
        let mut cells = vec![RawCell::Text(String::new()); 22];
        for (col, value) in row_cells(row) {
            cells[col] = text(value);
        }
        rows.push(cells);
    }
    rows
}

fn row_cells(row: &LayoutRow) -> [(usize, &Option<String>); 12] {
    [
        (0, &row.row_format),
        (1, &row.is_title),
        (2, &row.p5112),
        (3, &row.vcs),
        (8, &row.question),
        (9, &row.objective),
        (10, &row.must),
        (11, &row.must_ref),
        (12, &row.should),
        (13, &row.should_ref),
        (20, &row.further),
        (21, &row.evidence),
    ]
}

/// The demo catalogue as it would have looked in version 1.0: the same questions under their
/// old numbers (the 1.0 → 1.1 table applied backwards), in 1.0 order.
pub fn demo_version_1_0() -> Vec<u8> {
    let mut layout: CatalogueLayout = demo::layout().unwrap();
    let back = Renumbering::between("1.0", "1.1").unwrap().inverse();
    // Split into chapter rows, question blocks and the 5112 group rows at the end.
    let mut chapters: Vec<LayoutRow> = Vec::new();
    let mut blocks: Vec<(String, Vec<LayoutRow>)> = Vec::new();
    let mut tail: Vec<LayoutRow> = Vec::new();
    for mut row in layout.rows.drain(..) {
        let vcs = row.vcs.clone().unwrap_or_default();
        match row.is_title.as_deref() {
            Some("1") if vcs == "na" => tail.push(row),
            Some("1") => chapters.push(row),
            Some("2") => {
                let old = back.map(&vcs);
                row.vcs = Some(old.clone());
                blocks.push((old, vec![row]));
            }
            _ => {
                row.vcs = Some(back.map(&vcs));
                if let Some((_, block)) = blocks.last_mut() {
                    block.push(row);
                }
            }
        }
    }
    let key = |id: &str| {
        id.split('.')
            .map(|p| p.parse::<u32>().unwrap_or(0))
            .collect::<Vec<_>>()
    };
    blocks.sort_by_key(|(id, _)| key(id));
    let mut rows = Vec::new();
    let mut current = String::new();
    for (id, block) in blocks {
        let chapter = id.split('.').next().unwrap_or_default().to_owned();
        if chapter != current {
            if let Some(row) = chapters
                .iter()
                .find(|c| c.vcs.as_deref() == Some(chapter.as_str()))
            {
                rows.push(row.clone());
            }
            current = chapter;
        }
        rows.extend(block);
    }
    rows.extend(tail);
    layout.rows = rows;
    layout.history.retain(|h| h.version == "1.0");
    crate::write_catalogue_layout(&layout).unwrap()
}

/// An `.xlsx` whose directory says it unpacks to more than the reader accepts, made of real
/// compressed zeros (a zip bomb in miniature).
pub fn zip_bomb() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/workbook.xml", options).unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let zeros = vec![b' '; 1024 * 1024];
    for _ in 0..(crate::MAX_UNPACKED_BYTES / (1024 * 1024) + 8) {
        zip.write_all(&zeros).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// An OLE container holding an `EncryptedPackage` stream: how Office stores an `.xlsx`
/// protected with a password to open.
pub fn password_protected() -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    file.create_stream("/EncryptionInfo")
        .unwrap()
        .write_all(&[4, 0, 4, 0, 0x40, 0, 0, 0])
        .unwrap();
    file.create_stream("/EncryptedPackage")
        .unwrap()
        .write_all(&[0u8; 4096])
        .unwrap();
    file.flush().unwrap();
    file.into_inner().into_inner()
}

/// The zip-based workbook `bytes` with its entry `name` (which must exist) replaced by what
/// `edit` makes of its text; every other entry as it was.
pub fn with_part(bytes: &[u8], name: &str, edit: impl FnOnce(String) -> String) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut edit = Some(edit);
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let entry_name = entry.name().unwrap().into_owned();
        let mut body = Vec::new();
        entry.read_to_end(&mut body).unwrap();
        if entry_name == name {
            let edit = edit.take().expect("one entry of that name");
            body = edit(String::from_utf8(body).unwrap()).into_bytes();
        }
        let options = SimpleFileOptions::default()
            .compression_level(Some(9))
            .last_modified_time(zip::DateTime::default());
        out.start_file(entry_name, options).unwrap();
        out.write_all(&body).unwrap();
    }
    assert!(edit.is_none(), "the workbook has an entry {name}");
    out.finish().unwrap().into_inner()
}

/// The demo workbook, otherwise intact, whose `xl/sharedStrings.xml` claims to hold four
/// billion strings (`uniqueCount="4000000000"`, it holds about 700): calamine reserved room
/// for them (96 GB) before reading one, and the process aborted.
pub fn shared_strings_bomb() -> Vec<u8> {
    let demo = demo::workbook().unwrap();
    with_part(&demo, "xl/sharedStrings.xml", |xml| {
        let at = xml
            .find("uniqueCount=\"")
            .expect("the demo states its count")
            + 13;
        let end = at + xml[at..].find('"').unwrap();
        format!("{}4000000000{}", &xml[..at], &xml[end..])
    })
}

/// An `.ods` of about 1 KiB whose one sheet holds a header and a row of 16,384 cells of a
/// 1,000-character text, the row repeated 6,000 times: about 98 million cells and 98 GB of
/// text once calamine has expanded it (it ran out of memory; the same with a short text
/// took 2.9 GB).
pub fn ods_repeat_bomb() -> Vec<u8> {
    let text = "x".repeat(1000);
    ods_with_tables(&format!(
        r#"<table:table table:name="Vehicle CyberSecurity"><table:table-row><table:table-cell office:value-type="string"><text:p>VCS</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Control question</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="6000"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>{text}</text:p></table:table-cell></table:table-row></table:table>"#
    ))
}

/// The demo workbook, otherwise intact, whose `xl/sharedStrings.xml` declares a document
/// type with entities (nested, as in a "billion laughs" attack) and uses one in a string.
pub fn dtd_entity_xlsx() -> Vec<u8> {
    let demo = demo::workbook().unwrap();
    with_part(&demo, "xl/sharedStrings.xml", |xml| {
        let declaration =
            r#"<!DOCTYPE sst [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>"#;
        let at = xml.find("?>").expect("the part has an XML declaration") + 2;
        let xml = format!("{}{declaration}{}", &xml[..at], &xml[at..]);
        xml.replacen("<t>", "<t>&lol2;", 1)
    })
}

/// An `.xlsx` of about 50 KiB whose catalogue sheet has 10,000 cells that all refer to one
/// shared string of 100,000 characters: each cell gets its own copy (1 GB).
pub fn shared_string_fanout() -> Vec<u8> {
    let template = raw_xlsx(&[("Vehicle CyberSecurity", vec![])]);
    let cells: String = (1..=10_000)
        .map(|row| format!(r#"<row r="{row}"><c r="A{row}" t="s"><v>0</v></c></row>"#))
        .collect();
    let with_sheet = with_part(&template, "xl/worksheets/sheet1.xml", |_| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>"#
        )
    });
    let strings = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="10000" uniqueCount="1"><si><t>{}</t></si></sst>"#,
        "x".repeat(100_000)
    );
    let mut archive = zip::ZipArchive::new(Cursor::new(with_sheet)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        out.raw_copy_file(archive.by_index_raw(index).unwrap())
            .unwrap();
    }
    let options = SimpleFileOptions::default().compression_level(Some(9));
    out.start_file("xl/sharedStrings.xml", options).unwrap();
    out.write_all(strings.as_bytes()).unwrap();
    out.finish().unwrap().into_inner()
}

/// An `.xls` of about 150 KiB whose catalogue sheet has 10,000 cells (LabelSst records) that
/// all refer to one shared string of 8,000 characters: each cell gets its own copy.
pub fn xls_shared_string_fanout() -> Vec<u8> {
    // The SST: total and unique counts, then one string of Latin-1 characters.
    let mut sst = [10_000u32.to_le_bytes(), 1u32.to_le_bytes()].concat();
    sst.extend_from_slice(&8000u16.to_le_bytes());
    sst.push(0);
    sst.extend(std::iter::repeat_n(b'x', 8000));
    let cells: Vec<(u16, Vec<u8>)> = (0..10_000u16)
        .map(|row| {
            let mut data = [row.to_le_bytes(), [0, 0], [0, 0]].concat();
            data.extend_from_slice(&0u32.to_le_bytes());
            (0x00FD, data)
        })
        .collect();
    xls_with_records("Vehicle CyberSecurity", &[(0x00FC, sst)], &cells)
}
