//! The content of an `.ods`, measured for what calamine would make of it before it reads it.
//!
//! An OpenDocument sheet stores a run of equal rows or cells once, with a count:
//! `table:number-rows-repeated="1000000"`, `table:number-columns-repeated="16384"`. calamine
//! reads every sheet when it opens the file and expands the runs into a rectangle of cells,
//! each with its own copy of the text, keeping every sheet at once: a 1 KiB file of one
//! repeated row of one repeated cell took 2.9 GB, and with a longer text ran out of memory.
//! `<text:s text:c="4000000000"/>` (that many spaces) would take 4 GB in one cell. So
//! `content.xml` is read first here, event by event, the way calamine reads it (the same
//! quick-xml reader and settings, the same elements and attributes), and what calamine would
//! allocate is counted against [`MAX_HELD_CELLS`] and
//! [`MAX_TEXT_BYTES`](super::MAX_TEXT_BYTES) before it does:
//!
//! - the cells it keeps while reading a sheet: each row up to its last used cell, a repeated
//!   used cell as often as it is repeated (at most 16,384 in a row, as calamine caps them);
//! - the rectangle it expands a sheet into: from the first to the last used row, every row
//!   as often as it is repeated (at most 1,048,576 rows in a sheet), from the first to the
//!   last used column; the sheets together;
//! - every copy of every text and formula, in either.
//!
//! Runs of empty cells and rows after the last used one (LibreOffice ends a sheet with
//! `<table:table-row table:number-rows-repeated="1048000">` of an empty cell) cost calamine
//! nothing and count for nothing here.
//!
//! Where calamine would stop with an error, the count stops (calamine allocates nothing
//! after it); where it would read on, so does the count, also where the reading here is
//! unsure (a number that may not parse as calamine parses it), which can only refuse more.
//! Two places where calamine would loop forever on a file cut short (inside a sheet, inside
//! a cell's annotation) are refused as damaged.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;

use super::{Budget, MAX_HELD_CELLS, MAX_LIST_ENTRIES, MAX_SHEETS, check_cells};
use crate::WorkbookError;

/// The part calamine reads the sheets from.
pub(super) const CONTENT: &str = "content.xml";

/// calamine's own caps: the rows of a sheet, the cells of a row.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

/// Why the count stopped before the end of the part.
enum Stop {
    /// The file is refused.
    Refused(WorkbookError),
    /// calamine stops here with an error of its own, having allocated no more than counted.
    CalamineFails,
}

impl From<WorkbookError> for Stop {
    fn from(error: WorkbookError) -> Self {
        Stop::Refused(error)
    }
}

type Counted<T = ()> = Result<T, Stop>;

/// Refuses a `content.xml` (its unpacked bytes `xml`) that calamine would expand beyond the
/// bounds of this module's documentation.
pub(super) fn check_content(xml: &[u8]) -> Result<(), WorkbookError> {
    measure(xml).map(|_| ())
}

/// What calamine would hold for a `content.xml`, at most, once it has read it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Measure {
    /// The cells of the sheets' rectangles, together: calamine holds the values in one
    /// rectangle per sheet and the formulas in another, each at most this.
    pub(crate) cells: u64,
    /// The bytes of text of all cells and formulas, each copy counted with
    /// [`TEXT_OVERHEAD`](super::TEXT_OVERHEAD).
    pub(crate) text: u64,
}

/// Measures a `content.xml` as calamine would read it; refuses it as [`check_content`] does.
/// Where calamine would stop with an error, so does the measure, with what was counted so far.
pub(crate) fn measure(xml: &[u8]) -> Result<Measure, WorkbookError> {
    let mut reader = Reader::from_reader(xml);
    // calamine's settings (`ods.rs`, `parse_content`).
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut count = Count::default();
    match count.document(&mut reader) {
        Ok(()) | Err(Stop::CalamineFails) => Ok(Measure {
            cells: count.done_cells,
            text: count.budget.text_bytes(),
        }),
        Err(Stop::Refused(error)) => Err(error),
    }
}

type Xml<'a> = Reader<&'a [u8]>;

/// What calamine would allocate, counted so far.
#[derive(Default)]
struct Count {
    /// The cells and texts of the sheets' rectangles, and every text kept besides.
    budget: Budget,
    /// The cells of the finished sheets' rectangles.
    done_cells: u64,
    /// The cells calamine keeps while reading a sheet, and a row record for each row, all
    /// sheets together (bounded by [`MAX_HELD_CELLS`] as well).
    kept_cells: u64,
    sheets: u64,
    /// Table styles and named ranges, each a record calamine keeps.
    entries: u64,
}

/// A sheet's used rows and columns, as calamine finds them to build its rectangle.
#[derive(Default)]
struct Sheet {
    /// Rows so far, repetitions included, as calamine caps them.
    rows: u64,
    /// Whether a used row was seen, and the rows from the first used one to the last.
    used: bool,
    height: u64,
    /// Rows since the last used one.
    pending: u64,
    first_column: u64,
    last_column: u64,
}

/// A cell's value as calamine reads it (`get_datatype`).
struct CellValue {
    used: bool,
    /// Bytes of text (at most: entity references and line ends only shrink), and of formula.
    text: u64,
    formula: u64,
    /// Whether calamine read the cell's content (to its end tag) already.
    closed: bool,
}

impl Count {
    /// The top level of `content.xml` (calamine's `parse_content`).
    fn document(&mut self, xml: &mut Xml<'_>) -> Counted {
        let mut buf = Vec::new();
        let mut style_name: Option<u64> = None;
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e)) if e.name() == QName("style:style") => {
                    style_name = attribute(&e, "style:name")?.map(|v| v.len() as u64);
                }
                Ok(Event::Start(e))
                    if style_name.is_some() && e.name() == QName("style:table-properties") =>
                {
                    // A record of the style's name, for each of these.
                    self.entry("style:table-properties")?;
                    self.budget.text(style_name.unwrap_or(0), 1)?;
                }
                Ok(Event::Start(e)) if e.name() == QName("table:table") => {
                    if let Some(name) = attribute(&e, "table:name")? {
                        let name = name.len() as u64;
                        drop(e);
                        self.sheets += 1;
                        if self.sheets > MAX_SHEETS {
                            return Err(too_many("table:table", self.sheets, MAX_SHEETS).into());
                        }
                        // The name is kept twice (the sheet's record and its key).
                        self.budget.text(name, 2)?;
                        self.table(xml)?;
                    }
                }
                Ok(Event::Start(e)) if e.name() == QName("table:named-expressions") => {
                    drop(e);
                    self.named_expressions(xml)?;
                }
                Ok(Event::Eof) => return Ok(()),
                Err(_) => return Err(Stop::CalamineFails),
                Ok(_) => {}
            }
        }
    }

    fn entry(&mut self, entry: &'static str) -> Counted {
        self.entries += 1;
        if self.entries > MAX_LIST_ENTRIES {
            return Err(too_many(entry, self.entries, MAX_LIST_ENTRIES).into());
        }
        Ok(())
    }

    /// Named ranges and expressions (calamine's `read_named_expressions`): a record of a
    /// name and a formula each.
    fn named_expressions(&mut self, xml: &mut Xml<'_>) -> Counted {
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e))
                    if e.name() == QName("table:named-range")
                        || e.name() == QName("table:named-expression") =>
                {
                    self.entry("table:named-range")?;
                    let mut bytes = 0;
                    for attr in raw_attributes(&e) {
                        let (_, value) = attr.map_err(|()| Stop::CalamineFails)?;
                        bytes += value.len() as u64;
                    }
                    self.budget.text(bytes, 1)?;
                }
                Ok(Event::End(e))
                    if e.name() == QName("table:named-range")
                        || e.name() == QName("table:named-expression") => {}
                Ok(Event::End(e)) if e.name() == QName("table:named-expressions") => {
                    return Ok(());
                }
                // Anything else, the end of the part included, is an error to calamine.
                _ => return Err(Stop::CalamineFails),
            }
        }
    }

    /// A sheet (calamine's `read_table` and `get_range`).
    fn table(&mut self, xml: &mut Xml<'_>) -> Counted {
        let mut buf = Vec::new();
        let mut sheet = Sheet::default();
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e)) if e.name() == QName("table:table-row") => {
                    let repeats = match attribute(&e, "table:number-rows-repeated")? {
                        Some(v) => parse_count(&unescape(v)?)?,
                        None => 1,
                    };
                    drop(e);
                    let repeats = repeats.min(MAX_ROWS.saturating_sub(sheet.rows));
                    sheet.rows += repeats;
                    self.row(xml, &mut sheet, repeats)?;
                }
                Ok(Event::End(e)) if e.name() == QName("table:table") => {
                    self.done_cells = self.done_cells.saturating_add(sheet.cells());
                    return Ok(());
                }
                // calamine reads on past the end of the part, forever.
                Ok(Event::Eof) => {
                    return Err(damaged("content.xml ends inside a sheet").into());
                }
                Err(_) => return Err(Stop::CalamineFails),
                Ok(_) => {}
            }
        }
    }

    /// A row repeated `repeats` times (calamine's `read_row`).
    fn row(&mut self, xml: &mut Xml<'_>, sheet: &mut Sheet, repeats: u64) -> Counted {
        let mut buf = Vec::new();
        let mut cell_buf = Vec::new();
        // The cells calamine keeps for the row, and the empty ones it holds back until a used
        // one follows (trailing empty cells are never kept).
        let mut width: u64 = 0;
        let mut held_back: u64 = 0;
        let mut used: Option<(u64, u64)> = None;
        // A row record (its place in the sheet and its repetitions).
        self.keep(1)?;
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e))
                    if e.name() == QName("table:table-cell")
                        || e.name() == QName("table:covered-table-cell") =>
                {
                    let columns = match attribute(&e, "table:number-columns-repeated")? {
                        Some(v) => parse_count(v)?,
                        None => 1,
                    };
                    let value = self.value(xml, &e, &mut cell_buf)?;
                    // The empty cells held back are kept once any cell follows, empty or not.
                    let empty = held_back.min(MAX_COLUMNS.saturating_sub(width));
                    held_back = 0;
                    width += empty;
                    self.keep(empty)?;
                    let columns = columns.min(MAX_COLUMNS.saturating_sub(width));
                    if value.used {
                        if columns > 0 {
                            let first = used.map_or(width, |(first, _)| first);
                            width += columns;
                            used = Some((first, width - 1));
                            self.keep(columns)?;
                        }
                        // calamine made the text once, then copies it into each repetition
                        // of the cell, and into each of the row when it expands the sheet.
                        let copies = columns.max(1).saturating_mul(repeats.max(1));
                        self.budget.text(value.text, copies)?;
                        self.budget.text(value.formula, copies)?;
                    } else {
                        held_back = columns;
                    }
                    if !value.closed && xml.read_to_end_into(e.name(), &mut cell_buf).is_err() {
                        return Err(Stop::CalamineFails);
                    }
                }
                Ok(Event::End(e)) if e.name() == QName("table:table-row") => break,
                // Anything else, the end of the part included, is an error to calamine.
                _ => return Err(Stop::CalamineFails),
            }
        }
        match used {
            Some((first, last)) => {
                sheet.height = if sheet.used {
                    sheet.height + sheet.pending + repeats
                } else {
                    sheet.first_column = first;
                    repeats
                };
                sheet.used = true;
                sheet.pending = 0;
                sheet.first_column = sheet.first_column.min(first);
                sheet.last_column = sheet.last_column.max(last);
                check_cells(
                    self.done_cells.saturating_add(sheet.cells()),
                    MAX_HELD_CELLS,
                )?;
            }
            None if sheet.used => sheet.pending += repeats,
            None => {}
        }
        Ok(())
    }

    /// Counts `cells` more cells (or row records) that calamine keeps while reading.
    fn keep(&mut self, cells: u64) -> Counted {
        self.kept_cells = self.kept_cells.saturating_add(cells);
        Ok(check_cells(self.kept_cells, MAX_HELD_CELLS)?)
    }

    /// A cell's value and formula (calamine's `get_datatype`): from its attributes, or for a
    /// text cell from its content, which is read to the cell's end tag.
    fn value(
        &mut self,
        xml: &mut Xml<'_>,
        cell: &BytesStart<'_>,
        buf: &mut Vec<u8>,
    ) -> Counted<CellValue> {
        let mut is_string = false;
        let mut is_error = false;
        let mut value_set = false;
        // The value from an attribute: whether it is `office:string-value`, and its length.
        let mut value: Option<(bool, u64)> = None;
        let mut formula = 0;
        for attr in raw_attributes(cell) {
            let (key, raw) = attr.map_err(|()| Stop::CalamineFails)?;
            match key {
                "office:value"
                | "office:string-value"
                | "office:date-value"
                | "office:time-value"
                | "office:boolean-value"
                    if !value_set =>
                {
                    // Numbers and booleans are no text; a text attribute is as long as its
                    // raw value at most.
                    let is_text = key != "office:value" && key != "office:boolean-value";
                    value = Some((
                        key == "office:string-value",
                        is_text as u64 * raw.len() as u64,
                    ));
                    value_set = true;
                }
                "office:value-type" if !value_set => is_string = raw == "string",
                "calcext:value-type" => is_error = raw == "error",
                "table:formula" => formula = raw.len() as u64,
                _ => {}
            }
        }
        let empty_string = matches!(value, Some((true, 0)));
        if !((!value_set && is_string) || (is_error && empty_string)) {
            return Ok(CellValue {
                used: value.is_some() || formula > 0,
                text: value.map_or(0, |(_, len)| len),
                formula,
                closed: false,
            });
        }
        let mut text: u64 = 0;
        let mut first_paragraph = true;
        loop {
            buf.clear();
            match xml.read_event_into(buf) {
                Ok(Event::Text(t)) => text += t.len() as u64,
                // An entity or character reference: a character of at most 4 bytes.
                Ok(Event::GeneralRef(_)) => text += 4,
                Ok(Event::End(e))
                    if e.name() == QName("table:table-cell")
                        || e.name() == QName("table:covered-table-cell") =>
                {
                    return Ok(CellValue {
                        used: true,
                        text,
                        formula,
                        closed: true,
                    });
                }
                Ok(Event::Start(e)) if e.name() == QName("office:annotation") => loop {
                    buf.clear();
                    match xml.read_event_into(buf) {
                        Ok(Event::End(e)) if e.name() == QName("office:annotation") => break,
                        // calamine reads on past the end of the part, forever.
                        Ok(Event::Eof) => {
                            return Err(damaged("content.xml ends inside a comment").into());
                        }
                        Err(_) => return Err(Stop::CalamineFails),
                        Ok(_) => {}
                    }
                },
                Ok(Event::Start(e)) if e.name() == QName("text:p") => {
                    text += u64::from(!first_paragraph);
                    first_paragraph = false;
                }
                Ok(Event::Start(e)) if e.name() == QName("text:s") => {
                    // `text:c` spaces, which calamine writes one by one.
                    text = text.saturating_add(match attribute(&e, "text:c")? {
                        Some(v) => parse_count(&unescape(v)?)?,
                        None => 1,
                    });
                }
                Ok(Event::Start(e))
                    if e.name() == QName("text:tab") || e.name() == QName("text:line-break") =>
                {
                    text += 1;
                }
                Ok(Event::Eof) | Err(_) => return Err(Stop::CalamineFails),
                Ok(_) => {}
            }
            // The text is made before it is copied anywhere.
            if text > super::MAX_TEXT_BYTES {
                self.budget.text(text, 1)?;
            }
        }
    }
}

impl Sheet {
    /// The cells of the rectangle calamine would expand the sheet into so far.
    fn cells(&self) -> u64 {
        if !self.used {
            return 0;
        }
        self.height
            .saturating_mul(self.last_column + 1 - self.first_column)
    }
}

/// The attributes of a start tag as calamine splits them (its `RawAttrIter`): white space, a
/// key up to `=`, white space, a value in single or double quotes; `Err` where calamine
/// reports an error, after which it reads no more.
fn raw_attributes<'a>(
    tag: &'a BytesStart<'_>,
) -> impl Iterator<Item = Result<(&'a str, &'a str), ()>> + 'a {
    let raw = tag.attributes_raw();
    let bytes = raw.as_bytes();
    let mut pos = 0;
    let mut failed = false;
    std::iter::from_fn(move || {
        if failed {
            return None;
        }
        while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        if pos >= bytes.len() {
            return None;
        }
        let key_start = pos;
        let Some(eq) = bytes[pos..].iter().position(|&b| b == b'=') else {
            failed = true;
            return Some(Err(()));
        };
        pos += eq;
        let key = raw[key_start..pos].trim_ascii_end();
        pos += 1;
        while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        let Some(&quote) = bytes.get(pos).filter(|&&q| q == b'"' || q == b'\'') else {
            failed = true;
            return Some(Err(()));
        };
        pos += 1;
        let value_start = pos;
        pos += bytes[pos..]
            .iter()
            .position(|&b| b == quote)
            .unwrap_or(bytes.len() - pos);
        let value = &raw[value_start..pos];
        pos = (pos + 1).min(bytes.len());
        Some(Ok((key, value)))
    })
}

/// The raw value of the attribute `key`, as calamine's `raw_attr` finds it: the first of
/// that key, unless a malformed attribute comes first.
fn attribute<'a>(tag: &'a BytesStart<'_>, key: &str) -> Counted<Option<&'a str>> {
    for attr in raw_attributes(tag) {
        let (k, v) = attr.map_err(|()| Stop::CalamineFails)?;
        if k == key {
            return Ok(Some(v));
        }
    }
    Ok(None)
}

/// An attribute value with its references resolved, as calamine's `decode_attr` does.
fn unescape(raw: &str) -> Counted<std::borrow::Cow<'_, str>> {
    quick_xml::escape::unescape(raw).map_err(|_| Stop::CalamineFails)
}

/// A count as calamine parses it (`str::parse::<usize>`): anything else is an error to it.
fn parse_count(value: &str) -> Counted<u64> {
    value
        .parse::<usize>()
        .map(|n| n as u64)
        .map_err(|_| Stop::CalamineFails)
}

fn too_many(entry: &'static str, count: u64, max: u64) -> WorkbookError {
    WorkbookError::TooManyEntries {
        part: CONTENT.to_owned(),
        entry,
        count,
        max,
    }
}

fn damaged(what: &str) -> WorkbookError {
    WorkbookError::Damaged(what.to_owned())
}

#[cfg(test)]
mod tests;
