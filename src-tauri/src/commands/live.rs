//! Live updates (issue 20): the page follows the open workspace's changes by other desks and
//! who else has it open (`crate::live`).

use tauri::{State, WebviewWindow};

use crate::error::CommandError;
use crate::guard::with_workspace;
use crate::live::{Live, Status};
use crate::state::AppState;

/// Follows the open workspace (anew after a switch) and answers what is known so far; a
/// workspace folder answers `on: false`.
#[tauri::command]
pub async fn live_follow(
    state: State<'_, AppState>,
    live: State<'_, Live>,
    window: WebviewWindow,
) -> Result<Status, CommandError> {
    let (location, feed) =
        with_workspace(&state, |ws| Ok((ws.place().to_string(), ws.live_feed()?)))?;
    Ok(live.follow(location, feed, window))
}
