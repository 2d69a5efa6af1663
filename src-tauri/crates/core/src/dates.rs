//! Dates a user enters (meetings, due dates, label expiries, review dates, the `--today` of a
//! countdown): ISO 8601 days within a range that makes sense for a label cycle. A year 0 or
//! 9999 is a typo, and letting it in would push label expiries past what a calendar file or
//! a spreadsheet can hold.

use chrono::{Datelike as _, NaiveDate};

use crate::i18n::{Lang, Message};

/// The first year a user may enter.
pub const FIRST_YEAR: i32 = 1900;
/// The last year a user may enter. Derived dates (a permanent label three years after a
/// closing meeting) stay within four-digit years with room to spare.
pub const LAST_YEAR: i32 = 2200;

/// Parses `text` (trimmed) as `YYYY-MM-DD` between [`FIRST_YEAR`] and [`LAST_YEAR`]; the error
/// says what is wrong and how to write it.
pub fn parse_date(text: &str) -> Result<NaiveDate, Message> {
    let text = text.trim();
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Message::new("input.bad_date").arg("given", text))?;
    check_date(date).map_err(|m| m.arg("given", text))
}

/// Refuses a date outside [`FIRST_YEAR`]..=[`LAST_YEAR`]. The message lacks `given`; the
/// caller adds it.
pub fn check_date(date: NaiveDate) -> Result<NaiveDate, Message> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(Message::new("input.date_out_of_range")
            .arg("first", FIRST_YEAR)
            .arg("last", LAST_YEAR))
    }
}

/// The one way a date is shown to a person in `lang`: English `2027-08-18` (ISO 8601, which
/// no reader on either side of the Atlantic misreads), German `18.08.2027` (DIN 5008). The UI
/// has the same rule in `ui/js/lib/countdown.js` (`formatDate`). Files for machines (JSON,
/// CSV, ICS, the package) keep ISO days whatever the language.
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::English => date.format("%Y-%m-%d").to_string(),
        Lang::German => date.format("%d.%m.%Y").to_string(),
    }
}

/// `text` as a day when it is exactly an ISO day (`2027-08-18`), as `NaiveDate`'s `Display`
/// writes one; messages show such arguments in the reader's format.
pub fn iso_day(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shaped {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests;
