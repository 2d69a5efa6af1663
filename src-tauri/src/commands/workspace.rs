//! Which workspace is open: its state, opening or creating another (a folder or a database
//! on a PostgreSQL server), and the folder dialog.

use std::path::{Path, PathBuf};

use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_workspace::wire::{self, FieldError, WorkspaceState};
use csmsdesk_workspace::{Error, ErrorCode, Location};
use tauri::{State, WebviewWindow};

use crate::error::CommandError;
use crate::opening::{Opening, password_prompt};
use crate::pickers;
use crate::state::{AppState, Session, lang_of, open_session};

/// The longest path or URL we accept over IPC; longer ones are not real folders.
pub const MAX_PATH_LEN: usize = 4096;

/// What the UI needs to know about the open workspace, or why none is open.
pub(crate) fn workspace_state_of(
    session: &Session,
    lang: Lang,
) -> Result<WorkspaceState, CommandError> {
    Ok(match session {
        Session::Open(ws) => {
            let info = ws
                .info()
                .map_err(|e| CommandError::from_workspace(&e, lang))?;
            wire::workspace_open(&info, ws.is_read_only())
        }
        Session::Unavailable { location, error } => {
            let mut state = wire::workspace_unavailable(location.as_ref(), error, lang);
            if let Some(body) = &mut state.error {
                body.fields.extend(password_field(error, lang));
            }
            state
        }
    })
}

/// A refusal as the UI gets it; when the server asked for a password, with a field
/// `password` labelled with the user, host and database, which makes the UI ask for it.
pub(crate) fn refusal(error: &Error, lang: Lang) -> CommandError {
    let mut refused = CommandError::from_workspace(error, lang);
    refused.add_fields(password_field(error, lang));
    refused
}

fn password_field(error: &Error, lang: Lang) -> Option<FieldError> {
    let (user, host, port, database) = password_prompt(error)?;
    Some(FieldError {
        field: "password".to_owned(),
        message: Message::new("settings.workspace_password_for")
            .arg("user", user)
            .arg("host", host)
            .arg("port", port)
            .arg("database", database)
            .render(lang),
    })
}

/// The open workspace, or why it could not be opened.
#[tauri::command]
pub async fn workspace_state(state: State<'_, AppState>) -> Result<WorkspaceState, CommandError> {
    crate::state::off_runtime(|| {
        let session = state.session();
        workspace_state_of(&session, lang_of(&session, state.os_locale()))
    })
}

/// Opens the existing workspace at `path` (a folder or a PostgreSQL URL); the current one
/// stays open if that fails.
#[tauri::command]
pub async fn workspace_open(
    state: State<'_, AppState>,
    path: String,
) -> Result<WorkspaceState, CommandError> {
    let lang = state.lang();
    switch(&state, location_argument(&path, lang)?, Opening::Open, None)
}

/// Opens the workspace at `path` for looking only: what the window offers when another
/// process holds it. Every change is refused until it is opened normally.
#[tauri::command]
pub async fn workspace_open_read_only(
    state: State<'_, AppState>,
    path: String,
) -> Result<WorkspaceState, CommandError> {
    let lang = state.lang();
    switch(
        &state,
        location_argument(&path, lang)?,
        Opening::ReadOnly,
        None,
    )
}

/// Creates a new workspace in the missing or empty folder, or the empty database, `path`
/// names and switches to it.
#[tauri::command]
pub async fn workspace_create(
    state: State<'_, AppState>,
    path: String,
) -> Result<WorkspaceState, CommandError> {
    let lang = state.lang();
    switch(
        &state,
        location_argument(&path, lang)?,
        Opening::Create,
        None,
    )
}

/// Switches to `location`; the current workspace stays open if that fails.
pub(crate) fn switch(
    state: &AppState,
    location: Location,
    how: Opening,
    password: Option<&csmsdesk_workspace::Secret>,
) -> Result<WorkspaceState, CommandError> {
    crate::state::off_runtime(|| switched(state, location, how, password))
}

fn switched(
    state: &AppState,
    location: Location,
    how: Opening,
    password: Option<&csmsdesk_workspace::Secret>,
) -> Result<WorkspaceState, CommandError> {
    let mut session = state.session();
    let lang = lang_of(&session, state.os_locale());
    if let (Session::Open(current), Location::Folder(dir)) = (&*session, &location)
        && current.folder().is_some_and(|open| same_folder(open, dir))
    {
        // Opening the open workspace again would collide with our own lock.
        return workspace_state_of(&session, lang);
    }
    let (opened, password_dropped) = open_session(&location, how, password);
    match opened {
        Session::Open(ws) => *session = Session::Open(ws),
        Session::Unavailable { error, .. } => return Err(refusal(&error, lang)),
    }
    let lang = lang_of(&session, state.os_locale());
    let mut shown = workspace_state_of(&session, lang)?;
    if password_dropped {
        shown.notice = Some(Message::new("notice.url_password_not_remembered").render(lang));
    }
    Ok(shown)
}

/// Checks a workspace location sent by the UI: of sane length, without NUL; a PostgreSQL
/// URL that reads (else the message names the part that is wrong), or an absolute folder.
pub(crate) fn location_argument(text: &str, lang: Lang) -> Result<Location, CommandError> {
    let trimmed = text.trim();
    if csmsdesk_workspace::is_postgres_url(trimmed) {
        if trimmed.len() > MAX_PATH_LEN || trimmed.contains('\0') {
            return Err(CommandError::new(
                ErrorCode::InvalidInput,
                Message::new("error.url_invalid"),
                lang,
            ));
        }
        return Location::parse(std::ffi::OsStr::new(trimmed))
            .map_err(|e| CommandError::from_workspace(&Error::from(e), lang));
    }
    folder_argument(trimmed, lang).map(Location::Folder)
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
