//! `report`: the printable PDF report of a scope.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_workspace::{AuditId, Error, Invalid, ReportOptions, Workspace, parse_generated_at};

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

/// A report language as typed: `en` or `de` (case ignored).
pub fn parse_lang(text: &str) -> Result<Lang, Error> {
    Lang::ALL
        .into_iter()
        .find(|l| l.tag().eq_ignore_ascii_case(text.trim()))
        .ok_or_else(|| {
            Error::Invalid(vec![Invalid::new(
                "lang",
                Message::new("report_pdf.bad_lang").arg("given", text.trim()),
            )])
        })
}

/// Writes the report; `--generated-at` replaces `now`, `--lang` the workspace's language.
pub fn report(
    ws: &Workspace,
    args: &ReportArgs<'_>,
    out: &Output,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    let lang = args.lang.map(parse_lang).transpose()?.unwrap_or(out.lang());
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
