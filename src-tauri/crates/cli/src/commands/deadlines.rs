//! `deadlines`: every date to watch, filtered, optionally written as an iCalendar file.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use csmsdesk_workspace::{Error, Workspace, deadline_filter};

use crate::output::Output;

/// The flags of `deadlines`, as typed.
#[derive(Debug)]
pub struct DeadlineArgs<'a> {
    pub within: Option<i64>,
    pub ics: Option<&'a PathBuf>,
    pub kinds: &'a [String],
    pub scope: Option<&'a str>,
    pub owner: Option<&'a str>,
}

pub fn run(
    ws: &Workspace,
    args: &DeadlineArgs<'_>,
    out: &Output,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<bool, Error> {
    let filter = deadline_filter(args.within, args.kinds, args.scope, args.owner)?;
    let list = ws.deadlines(&filter, today)?;
    if let Some(file) = args.ics {
        ws.write_calendar(&filter, today, out.lang(), now, file)?;
    }
    out.deadlines(&list, today);
    Ok(true)
}
