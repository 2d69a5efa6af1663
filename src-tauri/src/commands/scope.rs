//! The scope screen: locations, scopes (wizard, applicability, deviations, prerequisite
//! check) and protection objects with sampling.

use std::collections::BTreeMap;

use csmsdesk_workspace::{
    LabelInput, LocationId, LocationInput, Named, ProtectionObjectId, ProtectionObjectInput,
    Record, RulesInput, ScopeId, ScopeInput, wire,
};
use serde_json::Value;
use tauri::State;

use super::today;
use crate::error::CommandError;
use crate::guard::with_workspace;
use crate::state::AppState;

#[tauri::command]
pub async fn location_list(
    state: State<'_, AppState>,
) -> Result<Vec<wire::Location>, CommandError> {
    // Revisions first: a save landing between the two reads is refused, never lost.
    with_workspace(&state, |ws| {
        Ok((ws.revisions(Record::Location)?, ws.locations()?))
    })
    .map(|(revisions, list)| {
        list.iter()
            .map(|l| wire::Location {
                revision: Some(revisions.get(l.id)),
                ..wire::location(l)
            })
            .collect()
    })
}

#[tauri::command]
pub async fn location_add(
    state: State<'_, AppState>,
    location: LocationInput,
) -> Result<wire::Location, CommandError> {
    with_workspace(&state, |ws| ws.add_location(&location)).map(|l| wire::location(&l))
}

/// Every scope with its applicability table and prerequisite check.
#[tauri::command]
pub async fn scope_list(state: State<'_, AppState>) -> Result<Vec<wire::Scope>, CommandError> {
    let lang = state.lang();
    with_workspace(&state, |ws| {
        let revisions = ws.revisions(Record::Scope)?;
        let views = ws
            .scope_names()?
            .iter()
            .map(|s| ws.scope_view(s.id, None, today()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok((revisions, views))
    })
    .map(|(revisions, views)| {
        views
            .iter()
            .map(|v| wire::Scope {
                revision: Some(revisions.get(v.scope.id)),
                ..wire::scope_view(v, lang)
            })
            .collect()
    })
}

/// Every scope's id and name, by name: what a scope picker needs (no views built).
#[tauri::command]
pub async fn scope_names(state: State<'_, AppState>) -> Result<Vec<Named<ScopeId>>, CommandError> {
    with_workspace(&state, |ws| ws.scope_names())
}

/// One scope, its check made for `on` (else the planned audit date, else today).
#[tauri::command]
pub async fn scope_show(
    state: State<'_, AppState>,
    scope: ScopeId,
    on: Option<String>,
) -> Result<wire::Scope, CommandError> {
    let lang = state.lang();
    let on = match on.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        None => None,
        Some(text) => Some(csmsdesk_core::dates::parse_date(text).map_err(|message| {
            CommandError::from_workspace(
                &csmsdesk_workspace::Error::Invalid(vec![csmsdesk_workspace::Invalid::new(
                    "on", message,
                )]),
                lang,
            )
        })?),
    };
    with_workspace(&state, |ws| {
        Ok((
            ws.revision(Record::Scope, scope.0)?,
            ws.scope_view(scope, on, today())?,
        ))
    })
    .map(|(revision, v)| wire::Scope {
        revision: Some(revision),
        ..wire::scope_view(&v, lang)
    })
}

#[tauri::command]
pub async fn scope_add(
    state: State<'_, AppState>,
    scope: ScopeInput,
) -> Result<wire::Scope, CommandError> {
    let lang = state.lang();
    with_workspace(&state, |ws| {
        let record = ws.add_scope(&scope, today())?;
        ws.scope_view(ScopeId(record.id), None, today())
    })
    .map(|v| wire::scope_view(&v, lang))
}

/// Checks the wizard's input so far without saving: the problems `scope_add` would name.
#[tauri::command]
pub async fn scope_validate(
    state: State<'_, AppState>,
    scope: ScopeInput,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.validate_scope(&scope, today()))
}

/// How many questions and requirements the objectives give (the wizard's live count).
#[tauri::command]
pub async fn scope_preview(
    state: State<'_, AppState>,
    catalogue_id: Option<i64>,
    objectives: Vec<String>,
) -> Result<wire::ApplicabilityCount, CommandError> {
    with_workspace(&state, |ws| {
        ws.preview_applicability(catalogue_id, &objectives)
    })
    .map(|(questions, requirements)| wire::ApplicabilityCount {
        questions,
        requirements,
    })
}

#[tauri::command]
pub async fn scope_set_objectives(
    state: State<'_, AppState>,
    scope: ScopeId,
    objectives: Vec<String>,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.set_scope_objectives(scope, &objectives)).map(|_| ())
}

#[tauri::command]
pub async fn scope_set_applicability(
    state: State<'_, AppState>,
    scope: ScopeId,
    question: String,
    applicable: bool,
    reason: String,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| {
        ws.set_applicability(scope, &question, applicable, &reason)
    })
}

#[tauri::command]
pub async fn scope_set_deviation(
    state: State<'_, AppState>,
    scope: ScopeId,
    requirement: String,
    reason: String,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.set_deviation(scope, &requirement, &reason))
}

#[tauri::command]
pub async fn po_list(
    state: State<'_, AppState>,
    scope: ScopeId,
) -> Result<Vec<wire::ProtectionObject>, CommandError> {
    with_workspace(&state, |ws| {
        let revisions = ws.revisions(Record::ProtectionObject)?;
        let names: Vec<(i64, String)> = ws
            .locations()?
            .into_iter()
            .map(|l| (l.id, l.name))
            .collect();
        Ok(ws
            .protection_objects(scope)?
            .iter()
            .map(|p| wire::ProtectionObject {
                revision: Some(revisions.get(p.id)),
                ..wire::protection_object(p, &names)
            })
            .collect())
    })
}

#[tauri::command]
pub async fn po_add(
    state: State<'_, AppState>,
    object: ProtectionObjectInput,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.add_protection_object(&object)).map(|_| ())
}

#[tauri::command]
pub async fn po_sampling(
    state: State<'_, AppState>,
    scope: ScopeId,
) -> Result<Vec<wire::Sampling>, CommandError> {
    with_workspace(&state, |ws| ws.sampling(scope)).map(|rows| wire::sampling(&rows))
}

#[tauri::command]
pub async fn po_choose_sample(
    state: State<'_, AppState>,
    scope: ScopeId,
    objective: String,
    objects: Vec<String>,
) -> Result<Vec<wire::Sampling>, CommandError> {
    with_workspace(&state, |ws| ws.choose_sample(scope, &objective, &objects))
        .map(|rows| wire::sampling(&rows))
}

/// The sample checks of one protection object: [{ question, status, note }].
#[tauri::command]
pub async fn po_checks(
    state: State<'_, AppState>,
    object: ProtectionObjectId,
) -> Result<Vec<wire::SampleCheck>, CommandError> {
    with_workspace(&state, |ws| ws.sample_checks(object)).map(wire::sample_checks)
}

#[tauri::command]
pub async fn po_set_check(
    state: State<'_, AppState>,
    object: ProtectionObjectId,
    question: String,
    status: String,
    note: String,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| {
        ws.set_sample_check(object, &question, &status, &note)
    })
}

/// The assumed rules in force: the applicability matrix, the label expiry warning, the label
/// and corrective-action months and the notification days.
#[tauri::command]
pub async fn rules_get(state: State<'_, AppState>) -> Result<wire::Rules, CommandError> {
    with_workspace(&state, |ws| ws.rules()).map(|r| wire::rules(&r))
}

/// Replaces the assumed rules, the label and corrective-action months (`label_rules`,
/// `labels.permanent_months` → months, optional) and the notification window in one checked
/// transaction: nothing changes unless all are valid.
#[tauri::command]
pub async fn rules_save(
    state: State<'_, AppState>,
    applicability_matrix: String,
    label_expiry_warning_days: String,
    notify_days: String,
    label_rules: Option<BTreeMap<String, String>>,
) -> Result<wire::Rules, CommandError> {
    let input = RulesInput {
        applicability_matrix: Some(applicability_matrix),
        label_expiry_warning_days: Some(label_expiry_warning_days),
        notify_days: Some(notify_days),
        label_rules: label_rules.unwrap_or_default().into_iter().collect(),
    };
    with_workspace(&state, |ws| ws.save_rules(&input)).map(|r| wire::rules(&r))
}

/// Core's lists, the limits of every rule and the rules in force: the window's vocabulary.
#[tauri::command]
pub async fn vocabulary(state: State<'_, AppState>) -> Result<Value, CommandError> {
    with_workspace(&state, |ws| ws.vocabulary())
}

/// Adds a (renewed) TISAX label to a location.
#[tauri::command]
pub async fn location_add_label(
    state: State<'_, AppState>,
    location: LocationId,
    label: LabelInput,
) -> Result<wire::Location, CommandError> {
    with_workspace(&state, |ws| ws.add_location_label(location, &label)).map(|l| wire::location(&l))
}

#[tauri::command]
pub async fn location_remove(
    state: State<'_, AppState>,
    location: LocationId,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.remove_location(location))
}

/// Changes every field of a scope but its catalogue (name, ENX Scope-ID, objectives,
/// locations, planned audit date, provider).
#[tauri::command]
pub async fn scope_update(
    state: State<'_, AppState>,
    scope: ScopeId,
    details: ScopeInput,
    revision: Option<i64>,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| {
        ws.update_scope(scope, &details, today(), revision)
    })
    .map(|_| ())
}

/// Replaces a location's details and its whole label list.
#[tauri::command]
pub async fn location_update(
    state: State<'_, AppState>,
    location: LocationId,
    details: LocationInput,
    revision: Option<i64>,
) -> Result<wire::Location, CommandError> {
    with_workspace(&state, |ws| {
        ws.update_location(location, &details, revision)
    })
    .map(|l| wire::location(&l))
}

/// Changes every field of a protection object (its scope stays).
#[tauri::command]
pub async fn po_update(
    state: State<'_, AppState>,
    object: ProtectionObjectId,
    details: ProtectionObjectInput,
    revision: Option<i64>,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| {
        ws.update_protection_object(object, &details, revision)
    })
    .map(|_| ())
}

#[tauri::command]
pub async fn scope_remove(state: State<'_, AppState>, scope: ScopeId) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.remove_scope(scope))
}

#[tauri::command]
pub async fn po_remove(
    state: State<'_, AppState>,
    object: ProtectionObjectId,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.remove_protection_object(object))
}
