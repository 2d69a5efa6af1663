//! The company profile shown and edited in Settings.

use csmsdesk_core::company::CompanyProfileInput;
pub use csmsdesk_workspace::wire::Profile;
use tauri::State;

use crate::error::CommandError;
use crate::guard::with_workspace;
use crate::state::AppState;

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
