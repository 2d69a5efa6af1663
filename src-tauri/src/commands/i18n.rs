//! The message catalogue for the UI, in the language the user chose.

use csmsdesk_workspace::wire;
use tauri::State;

use crate::state::AppState;

/// Every text of the UI in the current language.
#[tauri::command]
pub fn app_messages(state: State<'_, AppState>) -> wire::Messages {
    wire::messages(state.lang())
}
