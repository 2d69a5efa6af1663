//! The printable PDF report of a scope (Export screen, Dashboard shortcut): gathered with
//! the workspace, laid out and written without it, off the UI thread.

use chrono::Utc;
use csmsdesk_workspace::{AuditId, ReportOptions, ScopeId, report_lang};
use serde::Serialize;
use tauri::{State, WebviewWindow};

use super::absolute_path;
use crate::error::CommandError;
use crate::guard::with_workspace;
use crate::jobs;
use crate::pickers;
use crate::state::AppState;

/// What a written report is.
#[derive(Debug, Serialize)]
pub struct ReportWritten {
    pub report: String,
    pub pages: usize,
    pub bytes: usize,
}

/// Writes the report of `scope` to `path`: `audit` shows that audit's results instead of the
/// predicted result; `lang` `en` or `de` (blank: the app's language).
#[tauri::command]
pub async fn export_report(
    state: State<'_, AppState>,
    scope: ScopeId,
    path: String,
    audit: Option<AuditId>,
    lang: Option<String>,
) -> Result<ReportWritten, CommandError> {
    let path = absolute_path(&state, &path)?;
    // Before the workspace is held: the app's language is read under the same session lock.
    let app_lang = state.lang();
    let model = with_workspace(&state, |ws| {
        let options = ReportOptions {
            audit,
            lang: report_lang(lang.as_deref(), app_lang)?,
            generated_at: Utc::now(),
        };
        ws.check_report_out(&path)?;
        ws.report_model(scope, &options)
    })?;
    let written = jobs::blocking(&state, move || {
        csmsdesk_workspace::write_report_file(&model, &path)
    })
    .await?;
    Ok(ReportWritten {
        report: written.path.display().to_string(),
        pages: written.pages,
        bytes: written.bytes,
    })
}

/// The save dialog for a report; `None` if cancelled.
#[tauri::command]
pub async fn report_pick_out(
    state: State<'_, AppState>,
    window: WebviewWindow,
) -> Result<Option<String>, CommandError> {
    pickers::pick(&state, &window, |dialog| {
        dialog
            .add_filter("PDF", &["pdf"])
            .set_file_name("csmsdesk-report.pdf")
            .save_file()
    })
    .await
}
