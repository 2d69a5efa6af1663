//! The catalogue screen: import (file, dropped file or demo), list, show and search.

use chrono::Utc;
use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::wire;
use tauri::{State, WebviewWindow};

use super::{absolute_path, invalid};
use crate::error::CommandError;
use crate::guard::with_workspace;
use crate::pickers;
use crate::state::AppState;

/// The longest search text we accept; longer is a paste accident.
const MAX_QUERY_LEN: usize = 200;

#[tauri::command]
pub async fn catalogue_list(
    state: State<'_, AppState>,
) -> Result<Vec<wire::CatalogueSummary>, CommandError> {
    with_workspace(&state, |ws| ws.catalogues())
        .map(|list| list.iter().map(wire::catalogue_record).collect())
}

/// Imports the workbook at `path` (typed, chosen in the dialog or dropped on the window).
/// `replace` is the user's confirmation after a `needs_confirmation` refusal (a workbook whose
/// version cannot be compared with the current catalogue's).
#[tauri::command]
pub async fn catalogue_import(
    state: State<'_, AppState>,
    path: String,
    replace: Option<bool>,
) -> Result<wire::Import, CommandError> {
    let path = absolute_path(&state, &path)?;
    let replace = replace.unwrap_or(false);
    with_workspace(&state, |ws| {
        ws.import_catalogue_replacing(&path, Utc::now(), replace)
    })
    .map(|o| wire::import_outcome(&o))
}

/// Imports the project's demo catalogue.
#[tauri::command]
pub async fn catalogue_import_demo(
    state: State<'_, AppState>,
) -> Result<wire::Import, CommandError> {
    with_workspace(&state, |ws| ws.import_demo_catalogue(Utc::now()))
        .map(|o| wire::import_outcome(&o))
}

/// The tree of catalogue `id`, or of the current catalogue.
#[tauri::command]
pub async fn catalogue_show(
    state: State<'_, AppState>,
    id: Option<i64>,
) -> Result<wire::CatalogueTree, CommandError> {
    with_workspace(&state, |ws| {
        let (record, tree) = ws.catalogue(id)?;
        let references = ws.catalogue_references(record.id)?;
        Ok(wire::catalogue_tree(&record, &tree, &references))
    })
}

#[tauri::command]
pub async fn catalogue_search(
    state: State<'_, AppState>,
    id: i64,
    query: String,
) -> Result<Vec<wire::Hit>, CommandError> {
    if query.chars().count() > MAX_QUERY_LEN {
        return Err(invalid(&state, Message::new("error.query_too_long")));
    }
    with_workspace(&state, |ws| ws.search_catalogue(id, &query))
        .map(|hits| wire::search_hits(&hits))
}

/// Shows the native file dialog for a catalogue workbook; `None` if the user cancelled.
#[tauri::command]
pub async fn catalogue_pick_file(
    state: State<'_, AppState>,
    window: WebviewWindow,
) -> Result<Option<String>, CommandError> {
    pickers::pick(&state, &window, |dialog| {
        dialog
            .add_filter("Spreadsheet", &["xlsx", "xlsm", "xls", "ods"])
            .pick_file()
    })
    .await
}
