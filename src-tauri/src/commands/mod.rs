//! Tauri commands, one file per feature. Each takes `State` and plain arguments, checks the
//! arguments, calls one `workspace` function and converts the result for transport.

pub mod audit;
pub mod audit_edit;
pub mod catalogue;
pub mod evidence;
pub mod i18n;
pub mod jobs;
pub mod package;
pub mod profile;
pub mod scope;
pub mod trust;
pub mod webview;
pub mod workspace;

use std::path::PathBuf;

use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::ErrorCode;

use crate::error::CommandError;
use crate::state::AppState;

/// Today in the user's time zone: the date checks and countdowns are made for.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// An input error the shell itself finds in an IPC argument.
pub fn invalid(state: &AppState, message: Message) -> CommandError {
    CommandError::new(ErrorCode::InvalidInput, message, state.lang())
}

/// Checks a file path sent by the UI: not empty, absolute, of sane length, without NUL.
pub fn absolute_path(state: &AppState, path: &str) -> Result<PathBuf, CommandError> {
    let path = path.trim();
    if path.is_empty() {
        return Err(invalid(state, Message::new("error.file_path_empty")));
    }
    if path.len() > workspace::MAX_PATH_LEN || path.contains('\0') {
        return Err(invalid(state, Message::new("error.file_path_invalid")));
    }
    if !std::path::Path::new(path).is_absolute() {
        return Err(invalid(state, Message::new("error.file_path_not_absolute")));
    }
    Ok(PathBuf::from(path))
}

#[cfg(test)]
include!("names.rs");
