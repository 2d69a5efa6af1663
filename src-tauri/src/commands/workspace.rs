//! Which workspace is open: its state, opening or creating another, and the folder dialog.

use std::path::{Path, PathBuf};

use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_workspace::wire::{self, WorkspaceState};
use csmsdesk_workspace::{ErrorCode, Workspace};
use tauri::{State, WebviewWindow};

use crate::error::CommandError;
use crate::pickers;
use crate::state::{AppState, Session, lang_of, open_session};

/// The longest path we accept over IPC; longer ones are not real folders.
pub const MAX_PATH_LEN: usize = 4096;

/// What the UI needs to know about the open workspace, or why none is open.
fn workspace_state_of(session: &Session, lang: Lang) -> Result<WorkspaceState, CommandError> {
    Ok(match session {
        Session::Open(ws) => {
            let info = ws
                .info()
                .map_err(|e| CommandError::from_workspace(&e, lang))?;
            wire::workspace_open(&info, ws.is_read_only())
        }
        Session::Unavailable { dir, error } => {
            wire::workspace_unavailable(dir.as_deref(), error, lang)
        }
    })
}

/// The open workspace, or why it could not be opened.
#[tauri::command]
pub async fn workspace_state(state: State<'_, AppState>) -> Result<WorkspaceState, CommandError> {
    let session = state.session();
    workspace_state_of(&session, lang_of(&session, state.os_locale()))
}

/// Opens the existing workspace in `path`; the current one stays open if that fails.
#[tauri::command]
pub async fn workspace_open(
    state: State<'_, AppState>,
    path: String,
) -> Result<WorkspaceState, CommandError> {
    switch(&state, &path, Workspace::open)
}

/// Opens the workspace in `path` for looking only: what the window offers when another
/// process holds it. Every change is refused until it is opened normally.
#[tauri::command]
pub async fn workspace_open_read_only(
    state: State<'_, AppState>,
    path: String,
) -> Result<WorkspaceState, CommandError> {
    switch(&state, &path, |dir, _| Workspace::open_read_only(dir))
}

/// Creates a new workspace in the missing or empty folder `path` and switches to it.
#[tauri::command]
pub async fn workspace_create(
    state: State<'_, AppState>,
    path: String,
) -> Result<WorkspaceState, CommandError> {
    switch(&state, &path, Workspace::create)
}

fn switch(
    state: &AppState,
    path: &str,
    open: fn(&Path, chrono::DateTime<chrono::Utc>) -> csmsdesk_workspace::Result<Workspace>,
) -> Result<WorkspaceState, CommandError> {
    let mut session = state.session();
    let lang = lang_of(&session, state.os_locale());
    let dir = folder_argument(path, lang)?;
    if let Session::Open(current) = &*session
        && same_folder(current.dir(), &dir)
    {
        // Opening the open workspace again would collide with our own lock.
        return workspace_state_of(&session, lang);
    }
    match open_session(&dir, open) {
        Session::Open(ws) => *session = Session::Open(ws),
        Session::Unavailable { error, .. } => {
            return Err(CommandError::from_workspace(&error, lang));
        }
    }
    let lang = lang_of(&session, state.os_locale());
    workspace_state_of(&session, lang)
}

/// Checks a folder path sent by the UI: absolute, of sane length, without NUL.
pub(crate) fn folder_argument(path: &str, lang: Lang) -> Result<PathBuf, CommandError> {
    let trimmed = path.trim();
    let problem = if trimmed.is_empty() {
        Some("error.path_empty")
    } else if trimmed.len() > MAX_PATH_LEN || trimmed.contains('\0') {
        Some("error.path_invalid")
    } else if !Path::new(trimmed).is_absolute() {
        Some("error.path_not_absolute")
    } else {
        None
    };
    match problem {
        None => Ok(PathBuf::from(trimmed)),
        Some(key) => Err(CommandError::new(
            ErrorCode::InvalidInput,
            Message::new(key),
            lang,
        )),
    }
}

fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Shows the native folder dialog; `None` if the user cancelled.
#[tauri::command]
pub async fn workspace_pick_folder(
    state: State<'_, AppState>,
    window: WebviewWindow,
) -> Result<Option<String>, CommandError> {
    pickers::pick(&state, &window, |dialog| dialog.pick_folder()).await
}
