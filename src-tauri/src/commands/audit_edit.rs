//! Correcting audits: results and the self-assessment many at a time, changing and removing
//! findings, corrective actions and audits, the live action check, and the actions pages.

use chrono::Utc;
use csmsdesk_workspace::{
    ActionId, ActionInput, ActionPageInput, AssessInput, AuditId, FindingId, FindingInput,
    FindingPageInput, ResultInput, ScopeId, wire,
};
use tauri::State;

use crate::error::CommandError;
use crate::guard::with_workspace;
use crate::state::AppState;

/// Saves the results of many questions in one transaction: all or none.
#[tauri::command]
pub async fn audit_set_results(
    state: State<'_, AppState>,
    id: AuditId,
    results: Vec<ResultInput>,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.set_audit_results(id, &results))
}

/// Removes an audit; one with findings only with `with_findings` (else `needs_confirmation`).
#[tauri::command]
pub async fn audit_remove(
    state: State<'_, AppState>,
    id: AuditId,
    with_findings: bool,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.remove_audit(id, with_findings))
}

#[tauri::command]
pub async fn finding_edit(
    state: State<'_, AppState>,
    id: FindingId,
    finding: FindingInput,
    revision: Option<i64>,
) -> Result<wire::Finding, CommandError> {
    with_workspace(&state, |ws| ws.edit_finding(id, &finding, revision)).map(|f| wire::finding(&f))
}

/// Removes a finding; one with corrective actions only with `with_actions`.
#[tauri::command]
pub async fn finding_remove(
    state: State<'_, AppState>,
    id: FindingId,
    with_actions: bool,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.remove_finding(id, with_actions)).map(|_| ())
}

/// Changes every field of a corrective action (and its status when given); answers with it
/// and the warnings of the due-date rules.
#[tauri::command]
pub async fn action_edit(
    state: State<'_, AppState>,
    id: ActionId,
    action: ActionInput,
    status: Option<String>,
    revision: Option<i64>,
) -> Result<wire::ActionSaved, CommandError> {
    let lang = state.lang();
    with_workspace(&state, |ws| {
        ws.edit_action(id, &action, status.as_deref(), revision)
    })
    .map(|(a, warnings)| wire::action_saved(&a, &warnings, lang))
}

#[tauri::command]
pub async fn action_remove(state: State<'_, AppState>, id: ActionId) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.remove_action(id))
}

/// What saving `action` would say (problems by field, warnings), saving nothing: the form
/// asks while the user types. `id` is the action being changed, if any.
#[tauri::command]
pub async fn action_check(
    state: State<'_, AppState>,
    action: ActionInput,
    id: Option<ActionId>,
) -> Result<wire::ActionCheck, CommandError> {
    let lang = state.lang();
    with_workspace(&state, |ws| ws.check_action(&action, id)).map(|v| wire::action_check(&v, lang))
}

/// One page of corrective actions (of one audit or all), filtered by the database.
#[tauri::command]
pub async fn action_page(
    state: State<'_, AppState>,
    query: ActionPageInput,
) -> Result<wire::ActionPage, CommandError> {
    with_workspace(&state, |ws| ws.action_page(&query)).map(|p| wire::action_page(&p))
}

/// Saves the self-assessment of many questions of `scope` in one transaction: all or none.
#[tauri::command]
pub async fn assess_save_many(
    state: State<'_, AppState>,
    scope: ScopeId,
    entries: Vec<AssessInput>,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.assess_many(scope, &entries, Utc::now())).map(|_| ())
}

/// One page of findings (of one audit or all), filtered by the database.
#[tauri::command]
pub async fn finding_page(
    state: State<'_, AppState>,
    query: FindingPageInput,
) -> Result<wire::FindingPage, CommandError> {
    with_workspace(&state, |ws| ws.finding_page(&query)).map(|p| wire::finding_page(&p))
}
