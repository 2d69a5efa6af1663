//! The audits, deadlines and labels screens: audits with their results, findings and
//! corrective actions; the provider's workbook; labels with countdowns; every deadline, also
//! as an iCalendar file.

use chrono::Utc;
use csmsdesk_core::deadlines::DeadlineFilter;
use csmsdesk_workspace::{
    ActionId, ActionInput, AuditId, AuditInput, DeadlinePageInput, ProtectionObjectId, Record,
    ScopeId, Workspace, deadline_filter, wire,
};
use serde::Deserialize;
use tauri::{State, WebviewWindow};

use super::{absolute_path, today};
use crate::error::CommandError;
use crate::guard::with_workspace;
use crate::pickers;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FilterDto {
    kinds: Vec<String>,
    scope: Option<ScopeId>,
    owner: String,
    within_days: Option<i64>,
}

impl FilterDto {
    /// The filter, checked by the same use-case function as the CLI's `deadlines` flags; the
    /// scope comes as an id, core's filter compares its name.
    fn filter(&self, ws: &Workspace) -> csmsdesk_workspace::Result<DeadlineFilter> {
        let scope = self.scope.map(|id| ws.scope(id)).transpose()?;
        deadline_filter(
            self.within_days,
            &self.kinds,
            scope.as_ref().map(|s| s.name.as_str()),
            Some(&self.owner),
        )
    }
}

/// The audits table: each audit of a scope (or of every scope) with its overall result.
#[tauri::command]
pub async fn audit_list(
    state: State<'_, AppState>,
    scope: Option<ScopeId>,
) -> Result<Vec<wire::AuditSummary>, CommandError> {
    with_workspace(&state, |ws| ws.audit_summaries(scope)).map(|list| {
        list.iter()
            .map(|(audit, scope, overall)| wire::audit_summary(audit, scope, *overall))
            .collect()
    })
}

#[tauri::command]
pub async fn audit_add(
    state: State<'_, AppState>,
    audit: AuditInput,
) -> Result<wire::Audit, CommandError> {
    with_workspace(&state, |ws| ws.add_audit(&audit)).map(|a| wire::audit(&a))
}

#[tauri::command]
pub async fn audit_show(
    state: State<'_, AppState>,
    id: AuditId,
) -> Result<wire::AuditView, CommandError> {
    let lang = state.lang();
    // Revisions first: a save landing between the reads is refused, never lost.
    with_workspace(&state, |ws| {
        let revisions = (
            ws.revision(Record::Audit, id.0)?,
            ws.revisions(Record::Finding)?,
            ws.revisions(Record::Action)?,
        );
        Ok((revisions, ws.audit_view(id)?))
    })
    .map(|((audit, findings, actions), v)| {
        let mut view = wire::audit_view(&v, lang);
        view.audit.revision = Some(audit);
        for f in &mut view.findings {
            f.revision = Some(findings.get(f.id));
        }
        for a in &mut view.actions {
            a.revision = Some(actions.get(a.id));
        }
        view
    })
}

/// Changes an audit's dates, people, phases (organisation, sampling, sample check) and the
/// decision (initial: failed despite a conditional pass; CAP: plan confirmed; follow-up:
/// everything resolved).
#[tauri::command]
pub async fn audit_update(
    state: State<'_, AppState>,
    id: AuditId,
    audit: AuditInput,
    phases: [String; 3],
    decision: bool,
    decision_reason: String,
    revision: Option<i64>,
) -> Result<wire::Audit, CommandError> {
    with_workspace(&state, |ws| {
        ws.update_audit(id, &audit, &phases, decision, &decision_reason, revision)
    })
    .map(|a| wire::audit(&a))
}

#[tauri::command]
pub async fn audit_set_result(
    state: State<'_, AppState>,
    id: AuditId,
    question: String,
    result: String,
    findings_description: String,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| {
        ws.set_audit_result(id, &question, &result, &findings_description)
    })
}

/// Previews (or with `apply`, takes over) the provider's filled workbook.
#[tauri::command]
pub async fn audit_import(
    state: State<'_, AppState>,
    id: AuditId,
    path: String,
    apply: bool,
) -> Result<wire::ProviderImport, CommandError> {
    let path = absolute_path(&state, &path)?;
    let lang = state.lang();
    with_workspace(&state, |ws| ws.import_provider_workbook(id, &path, apply))
        .map(|i| wire::provider_import(&i, lang))
}

#[tauri::command]
pub async fn finding_add(
    state: State<'_, AppState>,
    audit: AuditId,
    question: String,
    kind: String,
    text: String,
    protection_object: Option<ProtectionObjectId>,
) -> Result<wire::Finding, CommandError> {
    with_workspace(&state, |ws| {
        ws.add_finding(audit, &question, &kind, &text, protection_object)
    })
    .map(|f| wire::finding(&f))
}

/// Adds a corrective action; answers with it and the warnings of the due-date rules.
#[tauri::command]
pub async fn action_add(
    state: State<'_, AppState>,
    action: ActionInput,
) -> Result<wire::ActionSaved, CommandError> {
    let lang = state.lang();
    with_workspace(&state, |ws| ws.add_action(&action))
        .map(|(a, warnings)| wire::action_saved(&a, &warnings, lang))
}

#[tauri::command]
pub async fn action_set_status(
    state: State<'_, AppState>,
    id: ActionId,
    status: String,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.set_action_status(id, &status))
}

/// Per scope: its labels with countdowns and what must happen next.
#[tauri::command]
pub async fn labels_show(state: State<'_, AppState>) -> Result<Vec<wire::LabelCard>, CommandError> {
    let lang = state.lang();
    with_workspace(&state, |ws| ws.labels(None)).map(|l| wire::label_cards(&l, today(), lang))
}

/// Plans the renewal audit of permanent labels; refused for temporary labels.
#[tauri::command]
pub async fn labels_renew(
    state: State<'_, AppState>,
    scope: ScopeId,
    date: String,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.renew_labels(scope, &date, today())).map(|_| ())
}

#[tauri::command]
pub async fn deadlines_list(
    state: State<'_, AppState>,
    filter: FilterDto,
) -> Result<Vec<wire::Deadline>, CommandError> {
    let lang = state.lang();
    with_workspace(&state, |ws| ws.deadlines(&filter.filter(ws)?, today()))
        .map(|list| wire::deadlines(&list, today(), lang))
}

/// One page of the deadlines `filter` keeps, sorted by `page.sort`, with the counts of all of
/// them (the list is built and sorted in the backend; only the page is sent).
#[tauri::command]
pub async fn deadlines_page(
    state: State<'_, AppState>,
    filter: FilterDto,
    page: DeadlinePageInput,
) -> Result<wire::DeadlinePage, CommandError> {
    let lang = state.lang();
    with_workspace(&state, |ws| {
        ws.deadlines_page(&filter.filter(ws)?, &page, today(), lang)
    })
    .map(|page| wire::deadline_page(&page, today(), lang))
}

/// Writes the deadlines `filter` keeps as an iCalendar file at `path`.
#[tauri::command]
pub async fn deadlines_export_ics(
    state: State<'_, AppState>,
    filter: FilterDto,
    path: String,
) -> Result<String, CommandError> {
    let path = absolute_path(&state, &path)?;
    let lang = state.lang();
    let written = with_workspace(&state, |ws| {
        ws.write_calendar(&filter.filter(ws)?, today(), lang, Utc::now(), &path)
    })?;
    Ok(written.display().to_string())
}

/// The native save dialog for the calendar file; `None` if cancelled.
#[tauri::command]
pub async fn deadlines_pick_ics(
    state: State<'_, AppState>,
    window: WebviewWindow,
) -> Result<Option<String>, CommandError> {
    pickers::pick(&state, &window, |dialog| {
        dialog
            .add_filter("iCalendar", &["ics"])
            .set_file_name("csmsdesk-deadlines.ics")
            .save_file()
    })
    .await
}

/// The label and corrective-action rules (months).
#[tauri::command]
pub async fn label_rules_get(state: State<'_, AppState>) -> Result<wire::LabelRules, CommandError> {
    with_workspace(&state, |ws| ws.label_rules()).map(|r| wire::label_rules(&r))
}

/// Changes one label or corrective-action rule.
#[tauri::command]
pub async fn label_rules_save(
    state: State<'_, AppState>,
    key: String,
    months: String,
) -> Result<wire::LabelRules, CommandError> {
    with_workspace(&state, |ws| ws.set_label_rule(&key, &months)).map(|r| wire::label_rules(&r))
}
