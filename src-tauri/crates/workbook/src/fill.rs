//! Filling the user's own catalogue workbook (`.xlsx`) in place: only the cells we are given
//! change, in the sheet that holds them; every other part of the file keeps its bytes.
//!
//! The OOXML parts are edited directly rather than through a spreadsheet library, because no
//! library we know round-trips every part of the ENX workbook (external links, threaded
//! comments, dynamic-array metadata, custom XML). Three parts change:
//! - the catalogue sheet's XML: each filled cell is rewritten as an inline string
//!   (`t="inlineStr"`), keeping its style (`s`), so `sharedStrings.xml` stays as it was; a
//!   cell missing from its row, or a missing row, is inserted in order. A cell holding a
//!   formula is never overwritten (the calculation chain names it).
//! - `xl/workbook.xml`: `fullCalcOnLoad="1"` on `calcPr`, so that Excel and LibreOffice
//!   recalculate the result sheets from the filled cells when the file is opened.
//!
//! Every other entry is copied with [`zip::ZipWriter::raw_copy_file`]: its compressed bytes,
//! method, time and attributes unchanged. The changed entries keep their original time and
//! compression method, so the same input gives the same bytes.

use std::collections::BTreeMap;
use std::io::{Cursor, Read as _, Write as _};

use crate::WorkbookError;

/// One cell to fill: 1-based row number, 0-based column index, its text. An empty text clears
/// a cell that holds a value (what the user's copy held there before it was imported is not
/// what the workspace says) and leaves an empty one as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellText {
    pub row: u32,
    pub col: u32,
    pub text: String,
}

/// What filling changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filled {
    pub bytes: Vec<u8>,
    /// The entries whose bytes changed (the sheet and `xl/workbook.xml`).
    pub changed_parts: Vec<String>,
    /// Cells left alone because they hold a formula (`A12`).
    pub skipped_formulas: Vec<String>,
}

const WORKBOOK_PART: &str = "xl/workbook.xml";
const WORKBOOK_RELS: &str = "xl/_rels/workbook.xml.rels";

fn damaged(what: impl std::fmt::Display) -> WorkbookError {
    WorkbookError::Damaged(what.to_string())
}

/// Fills `cells` into the sheet named `sheet` of the `.xlsx` in `xlsx`.
pub fn fill_workbook(
    xlsx: &[u8],
    sheet: &str,
    cells: &[CellText],
) -> Result<Filled, WorkbookError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).map_err(damaged)?;
    let read_part = |archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str| {
        let mut part = archive
            .by_name(name)
            .map_err(|e| damaged(format!("{name}: {e}")))?;
        // The reader measured the parts before the catalogue was imported; a part is bounded
        // by the same limit here.
        let mut bytes = Vec::new();
        part.by_ref()
            .take(crate::MAX_UNPACKED_BYTES)
            .read_to_end(&mut bytes)
            .map_err(damaged)?;
        String::from_utf8(bytes).map_err(|_| damaged(format!("{name} is not UTF-8")))
    };
    let workbook = read_part(&mut archive, WORKBOOK_PART)?;
    let rels = read_part(&mut archive, WORKBOOK_RELS)?;
    let sheet_part = sheet_part(&workbook, &rels, sheet)
        .ok_or_else(|| damaged(format!("no part for sheet {sheet}")))?;
    let sheet_xml = read_part(&mut archive, &sheet_part)?;
    let mut skipped_formulas = Vec::new();
    let new_sheet = fill_sheet(&sheet_xml, cells, &mut skipped_formulas)?;
    let new_workbook = full_calc_on_load(&workbook);
    let mut replaced: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    // The other sheets whose formulas read the filled sheet lose their cached results, so
    // that a program which does not honour `fullCalcOnLoad` (LibreOffice, by default)
    // computes them rather than showing the results of the empty catalogue.
    let quoted = format!("'{}'!", escape_text(&sheet.replace('\'', "''")));
    let plain = format!("{}!", escape_text(sheet));
    for (_, part) in sheet_parts(&workbook, &rels) {
        if part == sheet_part || archive.index_for_name(&part).is_none() {
            continue;
        }
        let xml = read_part(&mut archive, &part)?;
        if xml.contains(&quoted) || xml.contains(&plain) {
            let stripped = strip_cached_values(&xml);
            if stripped != xml {
                replaced.insert(part, stripped.into_bytes());
            }
        }
    }
    if new_sheet != sheet_xml {
        replaced.insert(sheet_part, new_sheet.into_bytes());
    }
    if new_workbook != workbook {
        replaced.insert(WORKBOOK_PART.to_owned(), new_workbook.into_bytes());
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(xlsx.len() + 4096)));
    for index in 0..archive.len() {
        let part = archive.by_index_raw(index).map_err(damaged)?;
        let name = part.name().map_err(damaged)?.into_owned();
        match replaced.get(&name) {
            None => out.raw_copy_file(part).map_err(damaged)?,
            Some(bytes) => {
                let method = part.compression();
                let mut options = zip::write::SimpleFileOptions::default()
                    .compression_method(method)
                    .last_modified_time(part.last_modified().unwrap_or_default());
                if method == zip::CompressionMethod::Deflated {
                    options = options.compression_level(Some(6));
                }
                if let Some(mode) = part.unix_mode() {
                    options = options.unix_permissions(mode);
                }
                drop(part);
                out.start_file(name, options).map_err(damaged)?;
                out.write_all(bytes).map_err(damaged)?;
            }
        }
    }
    Ok(Filled {
        bytes: out.finish().map_err(damaged)?.into_inner(),
        changed_parts: replaced.into_keys().collect(),
        skipped_formulas,
    })
}

/// The value of attribute `name` in the start tag `tag` (`<c r="A1" s="3">`).
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().last();
        let after = &rest[at + name.len()..];
        let after_trim = after.trim_start();
        if before.is_some_and(char::is_whitespace) && after_trim.starts_with('=') {
            let value = after_trim[1..].trim_start();
            let quote = value.chars().next()?;
            if quote == '"' || quote == '\'' {
                let end = value[1..].find(quote)?;
                return Some(&value[1..1 + end]);
            }
        }
        rest = after;
    }
    None
}

/// Every sheet's name and part (`xl/worksheets/sheet5.xml`), in the workbook's order.
fn sheet_parts(workbook: &str, rels: &str) -> Vec<(String, String)> {
    elements(workbook, "sheet")
        .filter_map(|tag| {
            let name = unescape(attribute(tag, "name")?);
            let id = attribute(tag, "r:id")?;
            let target = elements(rels, "Relationship")
                .find(|t| attribute(t, "Id") == Some(id))
                .and_then(|t| attribute(t, "Target"))?;
            let target = unescape(target);
            let part = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_owned(),
                None => format!("xl/{target}"),
            };
            Some((name, part))
        })
        .collect()
}

/// The part of the sheet named `sheet`.
fn sheet_part(workbook: &str, rels: &str, sheet: &str) -> Option<String> {
    sheet_parts(workbook, rels)
        .into_iter()
        .find(|(name, _)| name == sheet)
        .map(|(_, part)| part)
}

/// A sheet's XML without the cached results (`<v>`) of its formula cells.
fn strip_cached_values(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut at = 0;
    while let Some(offset) = xml[at..].find("<c") {
        let start = at + offset;
        let Some(tag_end) = xml[start..].find('>').map(|n| start + n) else {
            break;
        };
        if !starts_element(xml, start + 1, "c") || xml[start..tag_end].ends_with('/') {
            out.push_str(&xml[at..=tag_end]);
            at = tag_end + 1;
            continue;
        }
        let Some(end) = element_end(xml, start, tag_end, "</c>") else {
            break;
        };
        let cell = &xml[start..end];
        out.push_str(&xml[at..start]);
        match (cell.find("<f"), cell.find("<v>"), cell.find("</v>")) {
            (Some(_), Some(v), Some(v_end)) if v < v_end => {
                out.push_str(&cell[..v]);
                out.push_str(&cell[v_end + "</v>".len()..]);
            }
            _ => out.push_str(cell),
        }
        at = end;
    }
    out.push_str(&xml[at..]);
    out
}

/// The start tags of the elements named `name` in `xml`, in order.
fn elements<'x>(xml: &'x str, name: &'x str) -> impl Iterator<Item = &'x str> + 'x {
    let open = format!("<{name}");
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let start = at + xml[at..].find(&open)?;
            let after = start + open.len();
            let end = after + xml[after..].find('>')?;
            at = end + 1;
            if xml[after..]
                .chars()
                .next()
                .is_some_and(|c| c.is_whitespace() || c == '/' || c == '>')
            {
                return Some(&xml[start..=end]);
            }
        }
    })
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// `workbook.xml` with `fullCalcOnLoad="1"` on its `calcPr` (added when it has none).
fn full_calc_on_load(workbook: &str) -> String {
    if let Some(tag) = elements(workbook, "calcPr").next() {
        if attribute(tag, "fullCalcOnLoad").is_some_and(|v| v == "1" || v == "true") {
            return workbook.to_owned();
        }
        let start = workbook.find(tag).unwrap_or(0);
        let inner = tag.trim_end_matches('>').trim_end_matches('/');
        let closing = &tag[inner.len()..];
        let inner = if attribute(inner, "fullCalcOnLoad").is_some() {
            inner
                .replace("fullCalcOnLoad=\"0\"", "")
                .replace("fullCalcOnLoad=\"false\"", "")
        } else {
            inner.to_owned()
        };
        return format!(
            "{}{} fullCalcOnLoad=\"1\"{closing}{}",
            &workbook[..start],
            inner.trim_end(),
            &workbook[start + tag.len()..]
        );
    }
    // CT_Workbook's order: calcPr comes after definedNames, before these.
    let after = [
        "<oleSize",
        "<customWorkbookViews",
        "<pivotCaches",
        "<smartTagPr",
        "<smartTagTypes",
        "<webPublishing",
        "<fileRecoveryPr",
        "<webPublishObjects",
        "<extLst",
        "</workbook>",
    ];
    match after.iter().filter_map(|t| workbook.find(t)).min() {
        Some(at) => format!(
            "{}<calcPr fullCalcOnLoad=\"1\"/>{}",
            &workbook[..at],
            &workbook[at..]
        ),
        None => workbook.to_owned(),
    }
}

/// `A1`-style column letters to a 0-based index and the row number.
fn split_reference(reference: &str) -> Option<(u32, u32)> {
    let letters = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let mut col = 0u32;
    for b in reference[..letters].bytes() {
        col = col * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1);
    }
    let row = reference[letters..].parse().ok()?;
    Some((col - 1, row))
}

fn reference(col: u32, row: u32) -> String {
    format!("{}{row}", csmsdesk_core::grid::column_letters(col as usize))
}

/// Text as the content of an OOXML `<t>`: XML-escaped; characters XML 1.0 cannot hold written
/// as `_xHHHH_`, and a literal `_xHHHH_` protected so that readers do not decode it.
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' | '\n' => out.push(c),
            '\r' => {}
            '_' if chars.get(i + 1) == Some(&'x')
                && chars.len() > i + 6
                && chars[i + 2..i + 6].iter().all(char::is_ascii_hexdigit)
                && chars[i + 6] == '_' =>
            {
                out.push_str("_x005F_")
            }
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                out.push_str(&format!("_x{:04X}_", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// One inline-string cell at `col`/`row`, in style `style` (the cell's own, kept).
/// An empty `text` clears the cell (keeping its style), or writes nothing for a cell that
/// did not exist.
fn inline_cell(col: u32, row: u32, style: Option<&str>, text: &str) -> String {
    if text.is_empty() {
        return match style {
            Some(s) => format!("<c r=\"{}\" s=\"{s}\"/>", reference(col, row)),
            None => String::new(),
        };
    }
    let style = style.map(|s| format!(" s=\"{s}\"")).unwrap_or_default();
    format!(
        "<c r=\"{}\"{style} t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
        reference(col, row),
        escape_text(text)
    )
}

/// The end (exclusive) of the element starting at `start` whose start tag ends at `tag_end`
/// (the index of its `>`), closed by `close`.
fn element_end(xml: &str, start: usize, tag_end: usize, close: &str) -> Option<usize> {
    if xml[start..tag_end].ends_with('/') {
        return Some(tag_end + 1);
    }
    xml[tag_end..]
        .find(close)
        .map(|n| tag_end + n + close.len())
}

/// Whether `xml` at `at` starts the element `name` (not one whose name merely begins so).
fn starts_element(xml: &str, at: usize, name: &str) -> bool {
    xml[at..].starts_with(name)
        && xml[at + name.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_whitespace() || c == '>' || c == '/')
}

/// The sheet XML with `cells` filled in.
fn fill_sheet(
    xml: &str,
    cells: &[CellText],
    skipped: &mut Vec<String>,
) -> Result<String, WorkbookError> {
    let mut wanted: BTreeMap<u32, BTreeMap<u32, &str>> = BTreeMap::new();
    for cell in cells {
        wanted
            .entry(cell.row)
            .or_default()
            .insert(cell.col, cell.text.as_str());
    }
    if wanted.is_empty() {
        return Ok(xml.to_owned());
    }
    let (data_start, data_end, self_closed) = match xml.find("<sheetData") {
        Some(at) => {
            let tag_end = at + xml[at..].find('>').ok_or_else(|| damaged("sheetData"))?;
            if xml[at..tag_end].ends_with('/') {
                (at, tag_end + 1, true)
            } else {
                let end = tag_end
                    + xml[tag_end..]
                        .find("</sheetData>")
                        .ok_or_else(|| damaged("sheetData is not closed"))?;
                (tag_end + 1, end, false)
            }
        }
        None => return Err(damaged("the sheet has no sheetData")),
    };
    let data = if self_closed {
        ""
    } else {
        &xml[data_start..data_end]
    };
    let mut out = String::with_capacity(data.len() + cells.len() * 64);
    let mut at = 0;
    let mut implied_row = 0u32;
    while let Some(offset) = data[at..].find("<row") {
        let start = at + offset;
        if !starts_element(data, start + 1, "row") {
            out.push_str(&data[at..start + 4]);
            at = start + 4;
            continue;
        }
        let tag_end = start + data[start..].find('>').ok_or_else(|| damaged("row"))?;
        let end = element_end(data, start, tag_end, "</row>").ok_or_else(|| damaged("row"))?;
        let tag = &data[start..=tag_end];
        let number = attribute(tag, "r")
            .and_then(|r| r.parse().ok())
            .unwrap_or(implied_row + 1);
        implied_row = number;
        // Rows that come before this one and are wanted but missing.
        while let Some((&missing, _)) = wanted.range(..number).next() {
            let row_cells = wanted.remove(&missing).unwrap_or_default();
            out.push_str(&data[at..start]);
            at = start;
            out.push_str(&new_row(missing, &row_cells));
        }
        out.push_str(&data[at..start]);
        match wanted.remove(&number) {
            None => out.push_str(&data[start..end]),
            Some(row_cells) => out.push_str(&fill_row(
                &data[start..end],
                tag_end - start,
                number,
                &row_cells,
                skipped,
            )?),
        }
        at = end;
    }
    out.push_str(&data[at..]);
    // Rows after the last one.
    let rest: String = wanted
        .iter()
        .map(|(row, cells)| new_row(*row, cells))
        .collect();
    let mut rest_placed = out;
    rest_placed.push_str(&rest);
    Ok(if self_closed {
        format!(
            "{}<sheetData>{rest_placed}</sheetData>{}",
            &xml[..data_start],
            &xml[data_end..]
        )
    } else {
        format!("{}{rest_placed}{}", &xml[..data_start], &xml[data_end..])
    })
}

fn new_row(row: u32, cells: &BTreeMap<u32, &str>) -> String {
    if cells.values().all(|t| t.is_empty()) {
        return String::new();
    }
    let mut out = format!("<row r=\"{row}\">");
    for (col, text) in cells {
        out.push_str(&inline_cell(*col, row, None, text));
    }
    out.push_str("</row>");
    out
}

/// One `<row>` element (`row`, its start tag ending at `tag_end`) with `cells` filled.
fn fill_row(
    row: &str,
    tag_end: usize,
    number: u32,
    cells: &BTreeMap<u32, &str>,
    skipped: &mut Vec<String>,
) -> Result<String, WorkbookError> {
    let mut cells = cells.clone();
    if row[..tag_end].ends_with('/') {
        // `<row r="5"/>`: an empty row.
        let mut out = format!("{}>", row[..tag_end].trim_end_matches('/'));
        for (col, text) in &cells {
            out.push_str(&inline_cell(*col, number, None, text));
        }
        out.push_str("</row>");
        return Ok(out);
    }
    let close = row.len() - "</row>".len();
    let body = &row[tag_end + 1..close];
    let mut out = String::from(&row[..=tag_end]);
    let mut at = 0;
    let mut implied_col: Option<u32> = None;
    while let Some(offset) = body[at..].find("<c") {
        let start = at + offset;
        if !starts_element(body, start + 1, "c") {
            out.push_str(&body[at..start + 2]);
            at = start + 2;
            continue;
        }
        let cell_tag_end = start + body[start..].find('>').ok_or_else(|| damaged("c"))?;
        let end = element_end(body, start, cell_tag_end, "</c>").ok_or_else(|| damaged("c"))?;
        let tag = &body[start..=cell_tag_end];
        let col = attribute(tag, "r")
            .and_then(split_reference)
            .map(|(c, _)| c)
            .unwrap_or(implied_col.map_or(0, |c| c + 1));
        implied_col = Some(col);
        out.push_str(&body[at..start]);
        // Wanted cells missing before this one.
        let before: Vec<u32> = cells.range(..col).map(|(c, _)| *c).collect();
        for c in before {
            let text = cells.remove(&c).unwrap_or_default();
            out.push_str(&inline_cell(c, number, None, text));
        }
        match cells.remove(&col) {
            Some(text) if body[start..end].contains("<f") => {
                let _ = text;
                skipped.push(reference(col, number));
                out.push_str(&body[start..end]);
            }
            // Already empty: kept as it is.
            Some("") if !body[start..end].contains("<v") && !body[start..end].contains("<is") => {
                out.push_str(&body[start..end])
            }
            Some(text) => out.push_str(&inline_cell(col, number, attribute(tag, "s"), text)),
            None => out.push_str(&body[start..end]),
        }
        at = end;
    }
    out.push_str(&body[at..]);
    for (c, text) in &cells {
        out.push_str(&inline_cell(*c, number, None, text));
    }
    out.push_str("</row>");
    Ok(out)
}

#[cfg(test)]
mod tests;
