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

/// Keeps `name` as this desk's user's name as an owner (empty: back to the default, the
/// member or OS user) and answers the name now in force ("mine" filters by it).
#[tauri::command]
pub async fn me_set(state: State<'_, AppState>, name: String) -> Result<String, CommandError> {
    if name.len() > 4 * csmsdesk_workspace::me::MAX_ME_LEN {
        return Err(super::invalid(
            &state,
            csmsdesk_core::i18n::Message::new("input.me_invalid")
                .arg("max", csmsdesk_workspace::me::MAX_ME_LEN),
        ));
    }
    with_workspace(&state, |ws| {
        csmsdesk_workspace::me::remember_me(&name)?;
        Ok(ws.me())
    })
}
