//! Stopping the long job under way (adding or scanning evidence, an export, the check, a
//! backup or a restore); the runner itself is `crate::jobs`.

use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

/// Asks the running long job to stop; what is done so far is kept (or, for outputs, removed
/// whole). Answers whether one was running.
#[tauri::command]
pub async fn job_cancel(state: State<'_, AppState>) -> Result<bool, CommandError> {
    Ok(crate::jobs::cancel(&state))
}
