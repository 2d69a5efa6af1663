//! The one error shape the UI receives from every command: `{ code, message, fields }`
//! (`wire::ErrorBody`, the body of the CLI's `--json` error too).

use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_workspace::{Error, ErrorCode, wire};
use serde::Serialize;

/// An error as the UI sees it. `code` is from a small closed set the UI branches on;
/// `message` is ready to show in the user's language; `fields` mark form fields inline.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct CommandError(wire::ErrorBody);

impl CommandError {
    pub fn from_workspace(error: &Error, lang: Lang) -> CommandError {
        if error.code() == ErrorCode::Internal {
            // The detail (SQLite text, OS error) goes to the log, never to the screen.
            tracing::error!(error = ?error, "command failed");
        } else {
            tracing::info!(error = %error, "command refused");
        }
        CommandError(wire::error(error, &error.message(), lang))
    }

    /// An error that the shell itself detects (bad IPC argument, dialog failure).
    /// Adds field errors (the password a server asks for).
    pub fn add_fields(&mut self, fields: impl IntoIterator<Item = wire::FieldError>) {
        self.0.fields.extend(fields);
    }

    pub fn new(code: ErrorCode, message: Message, lang: Lang) -> CommandError {
        CommandError(wire::shell_error(code, &message, lang))
    }
}
