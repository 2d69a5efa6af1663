//! iCalendar (RFC 5545) text for deadlines: all-day events with stable UIDs, so that a
//! calendar importing the file again updates its events instead of duplicating them, and a
//! display reminder (VALARM) some days before each.

use chrono::{Datelike as _, NaiveDate};

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsEvent {
    /// Unique and stable for the same deadline (e.g. `corrective-action-12`).
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
}

/// The longest content line in octets, before folding (RFC 5545, 3.1).
const LINE_OCTETS: usize = 75;

/// Escapes a TEXT value (RFC 5545, 3.3.11). Control characters other than the tab are not
/// allowed in a content line (3.1, `CONTROL`): a line break is escaped, the rest (VT, FF,
/// ESC, DEL, C1) are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a UTF-8 character, and ends it with
/// CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let octets = c.len_utf8();
        if width + octets > LINE_OCTETS {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += octets;
    }
    out.push_str("\r\n");
}

/// What a calendar file says about all of its events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarHead<'a> {
    /// The generation time as `YYYYMMDDTHHMMSSZ` (passed in: the same input gives the same
    /// file).
    pub stamp: &'a str,
    /// The workspace's own id: UIDs become `<uid>@<workspace>.csmsdesk`, so that the same
    /// deadline key in two workspaces (`corrective-action-1`) makes two events in one
    /// calendar, not one that the second file overwrites.
    pub workspace: &'a str,
    /// Days before each event that its reminder goes off; 0 for a reminder on the day.
    pub reminder_days: u32,
}

/// A calendar of `events` under `head`.
pub fn calendar(events: &[IcsEvent], head: &CalendarHead<'_>) -> String {
    let stamp = head.stamp;
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//CSMS Desk//Deadlines//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(line, &mut out);
    }
    // A DATE value has four digits for the year (3.3.4); the dates a user may enter keep every
    // deadline far inside that, and a date outside it is left out rather than written wrong.
    for event in events
        .iter()
        .filter(|e| (1..=9998).contains(&e.date.year()))
    {
        let next_day = event.date.succ_opt().unwrap_or(event.date);
        for line in [
            "BEGIN:VEVENT".to_owned(),
            format!(
                "UID:{}@{}.csmsdesk",
                escape(&event.uid),
                escape(head.workspace)
            ),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", event.date.format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", next_day.format("%Y%m%d")),
            format!("SUMMARY:{}", escape(&event.summary)),
            format!("DESCRIPTION:{}", escape(&event.description)),
            "TRANSP:TRANSPARENT".to_owned(),
            "BEGIN:VALARM".to_owned(),
            "ACTION:DISPLAY".to_owned(),
            format!("DESCRIPTION:{}", escape(&event.summary)),
            format!("TRIGGER;RELATED=START:-P{}D", head.reminder_days),
            "END:VALARM".to_owned(),
            "END:VEVENT".to_owned(),
        ] {
            fold(&line, &mut out);
        }
    }
    fold("END:VCALENDAR", &mut out);
    out
}

#[cfg(test)]
mod tests;
