//! The workspace guard: every command reaches the open workspace through [`with_workspace`],
//! which holds the session lock for the call and turns "no workspace open" and the use case's
//! error into the one `CommandError` the UI reads.

use std::path::PathBuf;

use csmsdesk_workspace::Workspace;

use crate::error::CommandError;
use crate::state::{AppState, Session, lang_of};

/// Runs `f` on the open workspace, or fails with why none is open.
pub fn with_workspace<T>(
    state: &AppState,
    f: impl FnOnce(&mut Workspace) -> csmsdesk_workspace::Result<T>,
) -> Result<T, CommandError> {
    let mut session = state.session();
    let lang = lang_of(&session, state.os_locale());
    match &mut *session {
        Session::Open(ws) => f(ws).map_err(|e| CommandError::from_workspace(&e, lang)),
        Session::Unavailable { error, .. } => Err(CommandError::from_workspace(error, lang)),
    }
}

/// The open workspace's folder, for the long jobs that reach it through their own connection
/// and so need not hold the session.
pub fn workspace_dir(state: &AppState) -> Result<PathBuf, CommandError> {
    with_workspace(state, |ws| Ok(ws.dir().to_owned()))
}
