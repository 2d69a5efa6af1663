//! A server workspace's password: the retry with what the user typed at the prompt (saved in
//! the OS keychain if they ask), and forgetting a saved one. The password never goes back to
//! the UI and is never logged.

use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_workspace::Secret;
use csmsdesk_workspace::wire::WorkspaceState;
use csmsdesk_workspace::{ErrorCode, Location, PgConfig, PgUrl};
use tauri::State;

use super::workspace::{location_argument, switch};
use crate::error::CommandError;
use crate::keychain::{self, Unavailable};
use crate::opening::Opening;
use crate::state::{AppState, Session};

/// The longest password we send (libpq has no limit; a longer one is a paste gone wrong).
pub const MAX_PASSWORD_LEN: usize = 1000;

/// Opens (or, with `create`, creates) the workspace at the PostgreSQL URL `location` with the
/// `password` the user typed; with `remember`, saves it in the OS keychain once the server
/// accepted it. A wrong password is the server's refusal, and nothing changes.
#[tauri::command]
pub async fn workspace_open_with_password(
    state: State<'_, AppState>,
    location: String,
    password: String,
    remember: bool,
    create: bool,
) -> Result<WorkspaceState, CommandError> {
    let lang = state.lang();
    let url = server_url_argument(&location, lang)?;
    let password = password_argument(password, lang)?;
    let how = if create {
        Opening::Create
    } else {
        Opening::Open
    };
    let mut shown = switch(
        &state,
        Location::Postgres(url.clone()),
        how,
        Some(&password),
    )?;
    if remember {
        let lang = state.lang();
        let saved = PgConfig::resolve(&url)
            .map_err(|e| Unavailable(e.to_string()))
            .and_then(|config| {
                let entry = keychain::entry(&config)?;
                keychain::save(&entry, &password).map(|()| keychain::account(&config))
            });
        let notice = match saved {
            Ok(account) => Message::new("notice.password_saved").arg("account", account),
            Err(Unavailable(reason)) => {
                tracing::warn!(%reason, "the system keychain cannot keep the password");
                Message::new("notice.keychain_unavailable").arg("reason", reason)
            }
        };
        let mut text = notice.render(lang);
        if let Some(before) = shown.notice.take() {
            text = format!("{before} {text}");
        }
        shown.notice = Some(text);
    }
    Ok(shown)
}

/// Removes the password saved in the OS keychain for the open (or last tried) server
/// workspace. Says which account it was, or that none was saved.
#[tauri::command]
pub async fn workspace_forget_password(state: State<'_, AppState>) -> Result<String, CommandError> {
    let lang = state.lang();
    let url = {
        let session = state.session();
        match &*session {
            Session::Open(ws) => match ws.place() {
                Location::Postgres(url) => Some(url.clone()),
                Location::Folder(_) => None,
            },
            Session::Unavailable {
                location: Some(Location::Postgres(url)),
                ..
            } => Some(url.clone()),
            Session::Unavailable { .. } => None,
        }
    };
    let Some(url) = url else {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            Message::new("error.not_on_a_server"),
            lang,
        ));
    };
    let config =
        PgConfig::resolve(&url).map_err(|e| CommandError::from_workspace(&e.into(), lang))?;
    let account = keychain::account(&config);
    let forgotten = keychain::entry(&config).and_then(|entry| keychain::forget(&entry));
    let message = match forgotten {
        Ok(true) => Message::new("settings.workspace_password_forgotten"),
        Ok(false) => Message::new("settings.workspace_password_none_saved"),
        Err(Unavailable(reason)) => {
            return Err(CommandError::new(
                ErrorCode::NotWritable,
                Message::new("error.keychain_unavailable").arg("reason", reason),
                lang,
            ));
        }
    };
    Ok(message.arg("account", account).render(lang))
}

/// Checks the location of a password retry: a PostgreSQL URL (a folder has no password).
pub(crate) fn server_url_argument(text: &str, lang: Lang) -> Result<PgUrl, CommandError> {
    match location_argument(text, lang)? {
        Location::Postgres(url) => Ok(url),
        Location::Folder(_) => Err(CommandError::new(
            ErrorCode::InvalidInput,
            Message::new("error.not_a_server_url"),
            lang,
        )),
    }
}

/// Checks a typed password: not empty, of sane length, without NUL (which no server takes).
/// It is kept as typed: spaces may be part of it.
pub(crate) fn password_argument(password: String, lang: Lang) -> Result<Secret, CommandError> {
    let problem = if password.is_empty() {
        Some("error.password_empty")
    } else if password.len() > MAX_PASSWORD_LEN || password.contains('\0') {
        Some("error.password_invalid")
    } else {
        None
    };
    match problem {
        None => Ok(Secret::new(password)),
        Some(key) => Err(CommandError::new(
            ErrorCode::InvalidInput,
            Message::new(key),
            lang,
        )),
    }
}

#[cfg(test)]
#[path = "server_tests.rs"]
mod tests;
