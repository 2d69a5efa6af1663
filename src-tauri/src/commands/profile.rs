//! The company profile shown and edited in Settings.

use csmsdesk_core::company::CompanyProfileInput;
pub use csmsdesk_workspace::wire::Profile;
use tauri::State;

use crate::error::CommandError;
use crate::state::{AppState, Session, lang_of};

/// Runs `f` on the open workspace, or fails with why none is open.
pub fn with_workspace<T>(
    state: &AppState,
    f: impl FnOnce(&mut csmsdesk_workspace::Workspace) -> csmsdesk_workspace::Result<T>,
) -> Result<T, CommandError> {
    let mut session = state.session();
    let lang = lang_of(&session, state.os_locale());
    match &mut *session {
        Session::Open(ws) => f(ws).map_err(|e| CommandError::from_workspace(&e, lang)),
        Session::Unavailable { error, .. } => Err(CommandError::from_workspace(error, lang)),
    }
}

#[tauri::command]
pub async fn profile_get(state: State<'_, AppState>) -> Result<Profile, CommandError> {
    with_workspace(&state, |ws| ws.company_profile()).map(|p| Profile::from(&p))
}

/// Validates and stores the profile; field problems come back in `fields`, in the language
/// the user had before saving.
#[tauri::command]
pub async fn profile_save(
    state: State<'_, AppState>,
    profile: Profile,
) -> Result<Profile, CommandError> {
    let input = CompanyProfileInput {
        company_name: profile.company_name,
        participant_id: profile.participant_id,
        enx_contact: profile.enx_contact,
        language: profile.language,
    };
    with_workspace(&state, |ws| ws.save_company_profile(&input)).map(|p| Profile::from(&p))
}
