//! Tauri commands, one file per feature. Each takes `State` and plain arguments, checks the
//! arguments, calls one `workspace` function and converts the result for transport.

pub mod audit;
pub mod audit_edit;
pub mod catalogue;
pub mod evidence;
pub mod evidence_work;
pub mod i18n;
pub mod jobs;
pub mod live;
pub mod package;
pub mod profile;
pub mod report;
pub mod scope;
pub mod server;
pub mod team;
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
        return Err(invalid(
            state,
            Message::new("error.file_path_not_absolute")
                .arg("given", path)
                .arg("example", full_path_example(path)),
        ));
    }
    Ok(PathBuf::from(path))
}

/// What a relative path `typed` would be as a full path in the user's own home folder, on
/// this OS (`/home/anna/typed`, `C:\Users\anna\typed`): the example a message gives, so
/// that it shows neither another user's folder nor another OS's form.
pub fn full_path_example(typed: &str) -> String {
    let home = std::env::home_dir()
        .filter(|home| home.is_absolute())
        .unwrap_or_else(|| PathBuf::from(if cfg!(windows) { "C:\\" } else { "/" }));
    home.join(typed.trim_start_matches(['/', '\\']))
        .display()
        .to_string()
}

#[cfg(test)]
include!("names.rs");

#[cfg(test)]
mod tests;
