//! The workspace guard: every command reaches the open workspace through [`with_workspace`],
//! which holds the session lock for the call and turns "no workspace open" and the use case's
//! error into the one `CommandError` the UI reads.

use std::time::Instant;

use csmsdesk_workspace::Workspace;

use crate::error::CommandError;
use crate::state::{AppState, Session, lang_of};

/// Runs `f` on the open workspace, or fails with why none is open. With
/// `CSMSDESK_LOG=csmsdesk_app::guard=debug` each call logs where it was made, how long it
/// waited for the workspace (another command holding it) and how long it worked on it.
#[track_caller]
pub fn with_workspace<T>(
    state: &AppState,
    f: impl FnOnce(&mut Workspace) -> csmsdesk_workspace::Result<T>,
) -> Result<T, CommandError> {
    let caller = std::panic::Location::caller();
    crate::state::off_runtime(|| used(state, caller, f))
}

fn used<T>(
    state: &AppState,
    caller: &std::panic::Location<'_>,
    f: impl FnOnce(&mut Workspace) -> csmsdesk_workspace::Result<T>,
) -> Result<T, CommandError> {
    let asked = Instant::now();
    let mut session = state.session();
    let waited = asked.elapsed();
    let lang = lang_of(&session, state.os_locale());
    let answer = match &mut *session {
        Session::Open(ws) => f(ws).map_err(|e| CommandError::from_workspace(&e, lang)),
        Session::Unavailable { error, .. } => Err(CommandError::from_workspace(error, lang)),
    };
    tracing::debug!(
        at = %format_args!("{}:{}", caller.file(), caller.line()),
        waited_ms = waited.as_secs_f64() * 1e3,
        worked_ms = (asked.elapsed() - waited).as_secs_f64() * 1e3,
        "workspace used"
    );
    answer
}

/// Where the open workspace is (a server's URL with the session's password, in memory), for
/// the long jobs that reach it through their own connection and so need not hold the session.
#[track_caller]
pub fn workspace_location(state: &AppState) -> Result<csmsdesk_workspace::Location, CommandError> {
    with_workspace(state, |ws| Ok(ws.place().clone()))
}
