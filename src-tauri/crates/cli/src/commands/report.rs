//! `report`: the printable PDF report of a scope.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use csmsdesk_workspace::{
    AuditId, Error, ReportOptions, Workspace, parse_generated_at, report_lang,
};

use crate::output::Output;
use crate::resolve;

/// The flags of `report`, as typed.
#[derive(Debug)]
pub struct ReportArgs<'a> {
    pub scope: &'a str,
    pub file: &'a PathBuf,
    pub audit: Option<i64>,
    pub lang: Option<&'a str>,
    pub generated_at: Option<&'a str>,
}

/// Writes the report; `--generated-at` replaces `now`, `--lang` the workspace's language.
pub fn report(
    ws: &Workspace,
    args: &ReportArgs<'_>,
    out: &Output,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    let lang = report_lang(args.lang, out.lang())?;
    let generated_at = match args.generated_at {
        None => now,
        Some(text) => parse_generated_at(text)?,
    };
    let scope = resolve::scope(ws, args.scope)?;
    // Relative paths are the user's, relative to where they typed the command.
    let cwd = std::env::current_dir().unwrap_or_default();
    let options = ReportOptions {
        audit: args.audit.map(AuditId),
        lang,
        generated_at,
    };
    let written = ws.write_report(scope, &options, &cwd.join(args.file))?;
    out.report_written(&written);
    Ok(true)
}
