//! The one error shape the UI receives from every command: `{ code, message, fields }`.

use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_workspace::{Error, ErrorCode};
use serde::Serialize;

/// An error as the UI sees it. `code` is from a small closed set the UI branches on;
/// `message` is ready to show in the user's language; `fields` mark form fields inline.
#[derive(Debug, Serialize)]
pub struct CommandError {
    code: &'static str,
    message: String,
    fields: Vec<FieldMessage>,
}

#[derive(Debug, Serialize)]
struct FieldMessage {
    field: String,
    message: String,
}

impl CommandError {
    pub fn from_workspace(error: &Error, lang: Lang) -> CommandError {
        if error.code() == ErrorCode::Internal {
            // The detail (SQLite text, OS error) goes to the log, never to the screen.
            tracing::error!(error = ?error, "command failed");
        } else {
            tracing::info!(error = %error, "command refused");
        }
        CommandError {
            code: error.code().as_str(),
            message: error.message().render(lang),
            fields: error
                .field_errors()
                .into_iter()
                .map(|f| FieldMessage {
                    field: f.field,
                    message: f.message.render(lang),
                })
                .collect(),
        }
    }

    /// An error that the shell itself detects (bad IPC argument, dialog failure).
    pub fn new(code: ErrorCode, message: Message, lang: Lang) -> CommandError {
        CommandError {
            code: code.as_str(),
            message: message.render(lang),
            fields: Vec::new(),
        }
    }
}
