//! The message catalogue for the UI, in the language the user chose.

use std::collections::BTreeMap;

use csmsdesk_core::i18n::catalogue;
use serde::Serialize;
use tauri::State;

use crate::state::AppState;

#[derive(Debug, Serialize)]
pub struct Messages {
    /// `en` or `de`, for `<html lang>` and `Intl` formatting.
    lang: &'static str,
    messages: &'static BTreeMap<&'static str, String>,
}

/// Every text of the UI in the current language.
#[tauri::command]
pub fn app_messages(state: State<'_, AppState>) -> Messages {
    let lang = state.lang();
    Messages {
        lang: lang.tag(),
        messages: catalogue(lang),
    }
}
