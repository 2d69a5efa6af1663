//! `deadlines`: every date to watch, filtered, optionally written as an iCalendar file.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use csmsdesk_workspace::{DeadlinePageInput, Error, Workspace, deadline_filter};

use crate::output::Output;

/// The flags of `deadlines`, as typed.
#[derive(Debug)]
pub struct DeadlineArgs<'a> {
    pub within: Option<i64>,
    pub ics: Option<&'a PathBuf>,
    pub kinds: &'a [String],
    pub scope: Option<&'a str>,
    pub owner: Option<&'a str>,
    pub sort: Option<&'a str>,
    pub desc: bool,
    pub limit: Option<u64>,
    pub offset: Option<u64>,
}

impl DeadlineArgs<'_> {
    /// The page asked for, if any flag of sorting or paging was given: without one, every
    /// deadline is printed by date as always.
    fn page(&self) -> Option<DeadlinePageInput> {
        let any = self.sort.is_some() || self.desc || self.limit.is_some() || self.offset.is_some();
        any.then(|| DeadlinePageInput {
            sort: self.sort.unwrap_or_default().to_owned(),
            direction: if self.desc { "desc" } else { "asc" }.to_owned(),
            offset: self.offset.unwrap_or(0),
            limit: self.limit,
        })
    }
}

pub fn run(
    ws: &Workspace,
    args: &DeadlineArgs<'_>,
    out: &Output,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<bool, Error> {
    let filter = deadline_filter(args.within, args.kinds, args.scope, args.owner)?;
    if let Some(input) = args.page() {
        let page = ws.deadlines_page(&filter, &input, today, out.lang())?;
        if let Some(file) = args.ics {
            ws.write_calendar(&filter, today, out.lang(), now, file)?;
        }
        out.deadline_page(&page, today);
        return Ok(true);
    }
    let list = ws.deadlines(&filter, today)?;
    if let Some(file) = args.ics {
        ws.write_calendar(&filter, today, out.lang(), now, file)?;
    }
    out.deadlines(&list, today);
    Ok(true)
}
