//! The company profile shown and edited in Settings.

use csmsdesk_core::company::{CompanyProfile, CompanyProfileInput};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::error::CommandError;
use crate::guard::with_workspace;
use crate::state::AppState;

/// The profile as the UI shows and sends it: plain strings, empty when not set.
#[derive(Debug, Serialize, Deserialize)]
pub struct Profile {
    company_name: String,
    participant_id: String,
    enx_contact: String,
    language: String,
}

impl From<&CompanyProfile> for Profile {
    fn from(p: &CompanyProfile) -> Self {
        Profile {
            company_name: p.company_name.clone(),
            participant_id: p
                .participant_id
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            enx_contact: p.enx_contact.clone(),
            language: p.language.as_str().to_owned(),
        }
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
