//! What the page asks the shell about the webview itself: whether it replaced a page whose web
//! process had died (the watchdog, `crate::watchdog`).

use tauri::State;

use crate::error::CommandError;
use crate::watchdog::{Recovery, Watchdog};

/// Why and how often the window's web process died, when this page replaced a dead one; `null`
/// otherwise. The page asks once at start, and the answer is given once.
#[tauri::command]
pub async fn webview_recovery(
    watchdog: State<'_, Watchdog>,
) -> Result<Option<Recovery>, CommandError> {
    Ok(watchdog.take())
}
