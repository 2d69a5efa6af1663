//! The export screen: the submission or partner package (written off the workspace lock,
//! with progress and cancel), verifying a package, the export history, publication and
//! sharing.

use chrono::Utc;
use csmsdesk_workspace::{PackageOptions, ScopeId, SharingId, Versions, wire};
use tauri::{State, WebviewWindow};

use super::{absolute_path, today};
use crate::error::CommandError;
use crate::guard::with_workspace;
use crate::jobs::{self, Job};
use crate::pickers;
use crate::state::AppState;

/// Writes the package of `scope` at `level` to `path`, with progress events (job `export`)
/// and cancel (`job_cancel`); records it in the history. `versions`: `reviewed` (default) or
/// `newest` for evidence with unreviewed changes; `force`: the user confirmed a partner
/// package above the scope's publication and sharings (refused without).
#[allow(
    clippy::too_many_arguments,
    reason = "a Tauri command's arguments are the fields of its IPC call"
)]
#[tauri::command]
pub async fn package_export(
    state: State<'_, AppState>,
    window: WebviewWindow,
    scope: ScopeId,
    path: String,
    level: String,
    audit: Option<i64>,
    versions: Option<String>,
    force: Option<bool>,
) -> Result<wire::PackageWritten, CommandError> {
    let path = absolute_path(&state, &path)?;
    let lang = state.lang();
    let plan = with_workspace(&state, |ws| {
        let options = PackageOptions {
            level: level.clone(),
            frozen: audit,
            generated_at: Utc::now(),
            versions: Versions::parse(versions.as_deref().unwrap_or(""))?,
            lang,
            force: force.unwrap_or(false),
        };
        ws.plan_package_with(scope, &path, &options)
    })?;
    let job = Job::start(&state)?;
    let written = job
        .run(window, jobs::Kind::Export, move |progress, cancel| {
            plan.write(progress, cancel)
        })
        .await?
        .map_err(|e| CommandError::from_workspace(&e, lang))?;
    with_workspace(&state, |ws| ws.record_package(&written))?;
    drop(job);
    Ok(wire::package_written(&written))
}

/// Re-hashes a package against its SHA256SUMS.
#[tauri::command]
pub async fn package_verify(
    state: State<'_, AppState>,
    path: String,
) -> Result<wire::PackageVerified, CommandError> {
    let path = absolute_path(&state, &path)?;
    let lang = state.lang();
    let report = jobs::blocking(&state, move || csmsdesk_workspace::verify_package(&path)).await?;
    Ok(wire::package_verified(&report, lang))
}

/// The packages exported so far.
#[tauri::command]
pub async fn package_history(
    state: State<'_, AppState>,
) -> Result<Vec<wire::Export>, CommandError> {
    with_workspace(&state, |ws| ws.exports()).map(|list| wire::exports(&list))
}

/// The save dialog for a package; `None` if cancelled.
#[tauri::command]
pub async fn package_pick_out(
    state: State<'_, AppState>,
    window: WebviewWindow,
) -> Result<Option<String>, CommandError> {
    pickers::pick(&state, &window, |dialog| {
        dialog
            .add_filter("ZIP", &["zip"])
            .set_file_name("csmsdesk-package.zip")
            .save_file()
    })
    .await
}

/// The open dialog for a package to verify; `None` if cancelled.
#[tauri::command]
pub async fn package_pick_file(
    state: State<'_, AppState>,
    window: WebviewWindow,
) -> Result<Option<String>, CommandError> {
    pickers::pick(&state, &window, |dialog| {
        dialog.add_filter("ZIP", &["zip"]).pick_file()
    })
    .await
}

/// A scope's publication level and sharings.
#[tauri::command]
pub async fn share_show(
    state: State<'_, AppState>,
    scope: ScopeId,
) -> Result<wire::ShareState, CommandError> {
    with_workspace(&state, |ws| {
        Ok(wire::share_state(
            ws.publication(scope)?,
            &ws.sharings(Some(scope))?,
        ))
    })
}

#[tauri::command]
pub async fn share_publish(
    state: State<'_, AppState>,
    scope: ScopeId,
    level: String,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.set_publication(scope, &level)).map(|_| ())
}

/// Shares a scope with one participant; answers with the warnings (a level that adds
/// nothing to the publication).
#[tauri::command]
pub async fn share_add(
    state: State<'_, AppState>,
    scope: ScopeId,
    partner: String,
    participant_id: String,
    level: String,
    date: String,
) -> Result<wire::SharingAdded, CommandError> {
    let lang = state.lang();
    let date = if date.trim().is_empty() {
        today().to_string()
    } else {
        date
    };
    with_workspace(&state, |ws| {
        ws.add_sharing(scope, &partner, &participant_id, &level, &date)
    })
    .map(|(s, warnings)| wire::sharing_added(&s, &warnings, lang))
}

/// Corrects a sharing as it was recorded; answers with the warnings as `share_add` does.
#[tauri::command]
pub async fn share_update(
    state: State<'_, AppState>,
    sharing: SharingId,
    partner: String,
    participant_id: String,
    level: String,
    date: String,
) -> Result<wire::SharingAdded, CommandError> {
    let lang = state.lang();
    with_workspace(&state, |ws| {
        ws.update_sharing(sharing, &partner, &participant_id, &level, &date)
    })
    .map(|(s, warnings)| wire::sharing_added(&s, &warnings, lang))
}

/// Deletes the record of a sharing entered by mistake (at ENX a sharing is irrevocable).
#[tauri::command]
pub async fn share_remove(
    state: State<'_, AppState>,
    sharing: SharingId,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.remove_sharing(sharing))
}

/// What the export screen must ask before writing the package of `scope` at `level`: linked
/// evidence with unreviewed changes, and a partner level above the scope's publication and
/// sharings.
#[tauri::command]
pub async fn package_warnings(
    state: State<'_, AppState>,
    scope: ScopeId,
    level: String,
) -> Result<wire::PackageWarnings, CommandError> {
    let lang = state.lang();
    with_workspace(&state, |ws| ws.package_warnings(scope, &level))
        .map(|w| wire::package_warnings(&w, lang))
}

/// The scope's readiness figures for the export screen's summary.
#[tauri::command]
pub async fn package_preview(
    state: State<'_, AppState>,
    scope: ScopeId,
) -> Result<wire::Readiness, CommandError> {
    with_workspace(&state, |ws| ws.readiness(scope, today())).map(|r| wire::readiness(&r))
}
