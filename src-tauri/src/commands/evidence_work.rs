//! Everyday work on evidence: bulk changes, the one search (Ctrl+K), relocating a moved
//! source, and opening an item's file or showing where its source lives.
//!
//! Opening and revealing hand the OS a path the workspace resolved from the item's (and
//! version's) id; the page never sends a path for them. tauri-plugin-opener's functions are
//! called from Rust only: the plugin is not registered, so the page has none of its commands
//! (no generic open-url or open-path).

use chrono::Utc;
use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::{
    BulkChange, ErrorCode, EvidenceId, EvidenceSelection, MAX_PAGE_ROWS, wire,
};
use tauri::{State, WebviewWindow};

use super::{absolute_path, invalid, today};
use crate::error::CommandError;
use crate::guard::with_workspace;
use crate::pickers;
use crate::state::AppState;

/// The most ids one bulk change takes from the page (a page is at most `MAX_PAGE_ROWS`
/// rows; "all matching" sends the filter instead of ids).
const MAX_BULK_IDS: usize = 100 * MAX_PAGE_ROWS as usize;

/// Applies one change to every selected item (ids, or every item the vault's filter keeps)
/// in one transaction.
#[tauri::command]
pub async fn evidence_bulk(
    state: State<'_, AppState>,
    selection: EvidenceSelection,
    change: BulkChange,
) -> Result<wire::BulkOutcome, CommandError> {
    if selection.ids.len() > MAX_BULK_IDS {
        return Err(invalid(
            &state,
            Message::new("evidence.too_many_ids").arg("max", MAX_BULK_IDS),
        ));
    }
    let lang = state.lang();
    with_workspace(&state, |ws| {
        ws.bulk_evidence(&selection, &change, today(), lang)
    })
    .map(|outcome| wire::bulk_outcome(&outcome))
}

/// The one search: a few records of each kind whose texts hold every word.
#[tauri::command]
pub async fn workspace_search(
    state: State<'_, AppState>,
    text: String,
    limit: u32,
) -> Result<Vec<wire::Found>, CommandError> {
    with_workspace(&state, |ws| ws.search(&text, limit)).map(|found| wire::found(&found))
}

/// Points evidence `id` at the file `path` (moved or renamed), chosen in the dialog or typed.
#[tauri::command]
pub async fn evidence_relocate(
    state: State<'_, AppState>,
    id: EvidenceId,
    path: String,
) -> Result<wire::Relocated, CommandError> {
    let path = absolute_path(&state, &path)?;
    with_workspace(&state, |ws| ws.relocate_evidence(id, &path, Utc::now()))
        .map(|relocated| wire::relocated(&relocated))
}

/// Shows the native dialog for the file an item moved to; `None` if cancelled.
#[tauri::command]
pub async fn evidence_pick_relocate(
    state: State<'_, AppState>,
    window: WebviewWindow,
) -> Result<Option<String>, CommandError> {
    pickers::pick(&state, &window, |dialog| dialog.pick_file()).await
}

/// Opens version `version` (`None`: the newest) of evidence `id` with the OS's default
/// program, from a read-only copy under its file name.
#[tauri::command]
pub async fn evidence_open(
    state: State<'_, AppState>,
    id: EvidenceId,
    version: Option<i64>,
) -> Result<(), CommandError> {
    let copy = with_workspace(&state, |ws| ws.evidence_copy(id, version))?;
    tauri_plugin_opener::open_path(&copy, None::<&str>).map_err(|e| {
        tracing::warn!(error = %e, path = %copy.display(), "opening a file failed");
        CommandError::new(
            ErrorCode::Internal,
            Message::new("evidence.open_failed").arg("path", copy.display()),
            state.lang(),
        )
    })
}

/// Shows the source of evidence `id` in the OS's file manager; returns its path, which the
/// page shows too (a file manager may not be there to answer).
#[tauri::command]
pub async fn evidence_reveal(
    state: State<'_, AppState>,
    id: EvidenceId,
) -> Result<String, CommandError> {
    let source = with_workspace(&state, |ws| ws.evidence_source(id))?;
    if let Err(e) = tauri_plugin_opener::reveal_item_in_dir(&source) {
        // The path is still the answer: the page shows it for the user to find.
        tracing::warn!(error = %e, path = %source.display(), "showing a file in its folder failed");
    }
    Ok(source.display().to_string())
}
