//! The members of a workspace on PostgreSQL (issue 20), for the Settings' members panel:
//! listing them, and for admins adding, moving and removing them. What each role may do is
//! the server's grants; a new member's password is sent as a SCRAM verifier, never logged.

use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::{Role, wire};
use tauri::State;

use super::invalid;
use super::server::password_argument;
use crate::error::CommandError;
use crate::guard::with_workspace;
use crate::state::AppState;

/// The longest name PostgreSQL keeps for a role.
const MAX_NAME_LEN: usize = 63;

#[tauri::command]
pub async fn team_list(state: State<'_, AppState>) -> Result<Vec<wire::Member>, CommandError> {
    with_workspace(&state, |ws| ws.members()).map(|m| wire::members(&m))
}

/// Adds `name` with `role` (or moves a member to it); `password` for a database user the
/// server does not have yet (none: IT sets one, or the server trusts another way).
#[tauri::command]
pub async fn team_add(
    state: State<'_, AppState>,
    name: String,
    role: String,
    password: Option<String>,
) -> Result<Vec<wire::Member>, CommandError> {
    let name = name_argument(&state, name)?;
    let Some(role) = Role::parse(&role) else {
        return Err(invalid(&state, Message::new("error.member_role_invalid")));
    };
    let password = match password.filter(|p| !p.is_empty()) {
        Some(p) => Some(password_argument(p, state.lang())?),
        None => None,
    };
    with_workspace(&state, |ws| {
        ws.add_member(&name, role, password.as_ref().map(|p| p.expose()))?;
        ws.members()
    })
    .map(|m| wire::members(&m))
}

#[tauri::command]
pub async fn team_remove(
    state: State<'_, AppState>,
    name: String,
) -> Result<Vec<wire::Member>, CommandError> {
    let name = name_argument(&state, name)?;
    with_workspace(&state, |ws| {
        if !ws.remove_member(&name)? {
            return Err(csmsdesk_workspace::Error::NotFound {
                kind: "thing.member",
                name: name.clone(),
            });
        }
        ws.members()
    })
    .map(|m| wire::members(&m))
}

fn name_argument(state: &AppState, name: String) -> Result<String, CommandError> {
    let name = name.trim().to_owned();
    if name.is_empty() || name.len() > MAX_NAME_LEN || name.chars().any(char::is_control) {
        return Err(invalid(state, Message::new("error.member_name_invalid")));
    }
    Ok(name)
}
