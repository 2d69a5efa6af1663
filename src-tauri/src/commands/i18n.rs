//! The message catalogue for the UI, in the language the user chose.

use std::collections::BTreeMap;

use csmsdesk_core::i18n::catalogue;
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

#[derive(Debug, Serialize)]
pub struct Messages {
    /// `en` or `de`, for `<html lang>` and `Intl` formatting.
    lang: &'static str,
    messages: &'static BTreeMap<&'static str, String>,
}

/// Every text of the UI in the current language. Async like every command: reading the
/// language waits for the session lock, which a long command may hold, and that wait must not
/// freeze the GTK main thread.
#[tauri::command]
pub async fn app_messages(state: State<'_, AppState>) -> Result<Messages, CommandError> {
    let lang = state.lang();
    Ok(Messages {
        lang: lang.tag(),
        messages: catalogue(lang),
    })
}
