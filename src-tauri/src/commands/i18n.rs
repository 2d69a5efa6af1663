//! The message catalogue for the UI, in the language the user chose.

use csmsdesk_workspace::wire;
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

/// Every text of the UI in the current language. Async like every command: reading the
/// language waits for the session lock, which a long command may hold, and that wait must not
/// freeze the GTK main thread.
#[tauri::command]
pub async fn app_messages(state: State<'_, AppState>) -> Result<wire::Messages, CommandError> {
    Ok(wire::messages(state.lang()))
}
