//! Trust: the journal (History screen), the workspace check, backup and restore (Settings).
//! Checking, backing up and restoring run off the workspace lock through their own read-only
//! connection, with progress events and cancel like the other long jobs.

use chrono::Utc;
use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::{MAX_JOURNAL_PAGE, Workspace, wire};
use tauri::{State, WebviewWindow};

use super::{absolute_path, invalid};
use crate::error::CommandError;
use crate::guard::{with_workspace, workspace_location};
use crate::jobs::{self, Kind};
use crate::pickers;
use crate::state::AppState;

/// The longest table name the History filter sends.
const MAX_TABLE_LEN: usize = 64;

/// The longest person's name the History filter sends (a PostgreSQL role has at most 63
/// bytes; an operating system's user name fewer).
const MAX_USER_LEN: usize = 256;

/// One page of the journal, newest first: entries older than `before`, optionally of one
/// table and of one person; with the tables and the people the filters offer.
#[tauri::command]
pub async fn journal_page(
    state: State<'_, AppState>,
    before: Option<i64>,
    table: Option<String>,
    user: Option<String>,
    limit: Option<u32>,
) -> Result<wire::JournalPage, CommandError> {
    if before.is_some_and(|b| b < 1) {
        return Err(invalid(&state, Message::new("history.bad_before")));
    }
    let table = table.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
    if let Some(t) = &table
        && (t.len() > MAX_TABLE_LEN || !t.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
    {
        return Err(invalid(&state, Message::new("history.bad_table")));
    }
    let user = user.filter(|u| !u.is_empty());
    if let Some(u) = &user
        && (u.len() > MAX_USER_LEN || u.chars().any(char::is_control))
    {
        return Err(invalid(&state, Message::new("history.bad_user")));
    }
    let limit = limit.unwrap_or(100);
    if limit == 0 || limit > MAX_JOURNAL_PAGE {
        return Err(invalid(
            &state,
            Message::new("history.bad_limit").arg("max", MAX_JOURNAL_PAGE),
        ));
    }
    with_workspace(&state, |ws| {
        let entries = ws.journal_page(before, table.as_deref(), user.as_deref(), limit)?;
        Ok(wire::journal_page(
            &entries,
            ws.journal_tables()?,
            ws.journal_users()?,
        ))
    })
}

/// Re-computes the journal's chain and names each entry that was edited, deleted or inserted.
#[tauri::command]
pub async fn journal_verify(
    state: State<'_, AppState>,
) -> Result<wire::JournalReport, CommandError> {
    let lang = state.lang();
    with_workspace(&state, |ws| {
        Ok(wire::journal_report(&ws.journal_verify()?, lang))
    })
}

/// Checks the whole workspace (database, every vault copy re-hashed, journal) through its own
/// read-only connection; cancel with `job_cancel`.
#[tauri::command]
pub async fn workspace_check(
    state: State<'_, AppState>,
    window: WebviewWindow,
) -> Result<wire::CheckReport, CommandError> {
    let location = workspace_location(&state)?;
    let report = jobs::run(&state, window, Kind::Check, move |_, cancel| {
        Workspace::open_read_only_at(&location, Utc::now())?.check(cancel)
    })
    .await?;
    Ok(wire::check_report(&report, state.lang()))
}

/// Writes a backup of the open workspace to `path`, with progress events (job `backup`) and
/// cancel (`job_cancel`).
#[tauri::command]
pub async fn backup_write(
    state: State<'_, AppState>,
    window: WebviewWindow,
    path: String,
) -> Result<wire::BackupReport, CommandError> {
    let out = absolute_path(&state, &path)?;
    let location = workspace_location(&state)?;
    let report = jobs::run(&state, window, Kind::Backup, move |progress, cancel| {
        csmsdesk_workspace::write_backup_at(&location, &out, Utc::now(), progress, cancel)
    })
    .await?;
    Ok(wire::backup_report(&report))
}

/// Restores the backup `file` as a new workspace in the missing or empty folder `target`,
/// with progress events (job `restore`) and cancel. The open workspace stays open; the UI
/// offers to switch.
#[tauri::command]
pub async fn backup_restore(
    state: State<'_, AppState>,
    window: WebviewWindow,
    file: String,
    target: String,
) -> Result<wire::RestoreReport, CommandError> {
    let file = absolute_path(&state, &file)?;
    let target = super::workspace::folder_argument(&target, state.lang())?;
    let report = jobs::run(&state, window, Kind::Restore, move |progress, cancel| {
        csmsdesk_workspace::restore_backup(&file, &target, progress, cancel)
    })
    .await?;
    Ok(wire::restore_report(&report, state.lang()))
}

/// The save dialog for a backup file; `None` if cancelled.
#[tauri::command]
pub async fn backup_pick_out(
    state: State<'_, AppState>,
    window: WebviewWindow,
) -> Result<Option<String>, CommandError> {
    pickers::pick(&state, &window, |dialog| {
        dialog
            .add_filter("CSMS Desk backup", &["csmsbackup"])
            .set_file_name("workspace.csmsbackup")
            .save_file()
    })
    .await
}

/// The open dialog for a backup file to restore; `None` if cancelled.
#[tauri::command]
pub async fn backup_pick_file(
    state: State<'_, AppState>,
    window: WebviewWindow,
) -> Result<Option<String>, CommandError> {
    pickers::pick(&state, &window, |dialog| {
        dialog
            .add_filter("CSMS Desk backup", &["csmsbackup"])
            .pick_file()
    })
    .await
}
