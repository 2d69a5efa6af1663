//! The evidence screen and the dashboard: adding files (dialog, path or drop), scanning with
//! progress and cancel (`jobs`), links, reviews, the picker's search, each requirement's
//! evidence, the self-assessment and readiness.
//!
//! Hashing runs on a blocking thread while the workspace stays free for other commands: the
//! use cases split long work into plan (with the workspace), run (without it) and commit.

use std::path::PathBuf;

use chrono::Utc;
use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::{
    EvidenceId, EvidenceInput, EvidencePageInput, LinkId, LinkInput, Record, ScopeId, wire,
};
use tauri::{State, WebviewWindow};

use super::{absolute_path, invalid, today};
use crate::error::CommandError;
use crate::guard::with_workspace;
use crate::jobs::{self, Job};
use crate::pickers;
use crate::state::AppState;

/// The most paths one add takes (a drop of a whole disk is a mistake).
const MAX_PATHS: usize = 10_000;

/// Checks the paths sent by the UI: at least one, not too many, each absolute and sane.
fn paths_argument(state: &AppState, paths: &[String]) -> Result<Vec<PathBuf>, CommandError> {
    if paths.is_empty() {
        return Err(invalid(state, Message::new("evidence.no_paths")));
    }
    if paths.len() > MAX_PATHS {
        return Err(invalid(
            state,
            Message::new("evidence.too_many_paths").arg("max", MAX_PATHS),
        ));
    }
    paths.iter().map(|p| absolute_path(state, p)).collect()
}

/// Adds files and folders (chosen, typed or dropped) as evidence, with progress events.
#[tauri::command]
pub async fn evidence_add(
    state: State<'_, AppState>,
    window: WebviewWindow,
    paths: Vec<String>,
    details: EvidenceInput,
    links: LinkInput,
) -> Result<wire::EvidenceAdded, CommandError> {
    let paths = paths_argument(&state, &paths)?;
    let plan = with_workspace(&state, |ws| ws.plan_evidence(&paths, &details, &links))?;
    let job = Job::start(&state)?;
    let ingested = job
        .run(window, jobs::Kind::Add, move |progress, cancel| {
            plan.ingest(progress, cancel)
        })
        .await?;
    let report = with_workspace(&state, |ws| ws.commit_evidence(ingested, Utc::now()))?;
    drop(job);
    Ok(wire::evidence_added(&report, state.lang()))
}

/// How many sources a scan lists while it holds the workspace (about 20 ms in the debug app).
const SCAN_SLICE: u32 = 5_000;

/// Re-checks every source (quick, or `deep`: re-hash all), with progress events, and records
/// today's readiness.
#[tauri::command]
pub async fn evidence_scan(
    state: State<'_, AppState>,
    window: WebviewWindow,
    deep: bool,
) -> Result<wire::ScanReport, CommandError> {
    // Listed a slice at a time: a screen's request waits for one slice at most, not for the
    // whole list (the quick scan runs in the background after the start).
    let mut plan = with_workspace(&state, |ws| Ok(ws.begin_scan(deep)))?;
    while with_workspace(&state, |ws| ws.extend_scan(&mut plan, SCAN_SLICE))? {}
    let job = Job::start(&state)?;
    let results = job
        .run(window, jobs::Kind::Scan, move |progress, cancel| {
            plan.run(progress, cancel)
        })
        .await?;
    let report = with_workspace(&state, |ws| {
        let report = ws.apply_scan(results, Utc::now())?;
        ws.record_readiness(today())?;
        Ok(report)
    })?;
    drop(job);
    Ok(wire::scan_report(&report, state.lang()))
}

#[tauri::command]
pub async fn evidence_list(
    state: State<'_, AppState>,
) -> Result<Vec<wire::Evidence>, CommandError> {
    with_workspace(&state, |ws| ws.evidence(today()))
        .map(|list| list.iter().map(wire::evidence).collect())
}

/// One page of the vault's list: the items `query` keeps, sorted and paged by the database,
/// with the counts of the filtered and of all items.
#[tauri::command]
pub async fn evidence_page(
    state: State<'_, AppState>,
    query: EvidencePageInput,
) -> Result<wire::EvidencePage, CommandError> {
    let lang = state.lang();
    with_workspace(&state, |ws| ws.evidence_page(&query, today(), lang))
        .map(|page| wire::evidence_page(&page))
}

#[tauri::command]
pub async fn evidence_show(
    state: State<'_, AppState>,
    id: EvidenceId,
) -> Result<wire::EvidenceItem, CommandError> {
    // The revision first: a save landing between the two reads is refused, never lost.
    with_workspace(&state, |ws| {
        Ok((
            ws.revision(Record::Evidence, id.0)?,
            ws.evidence_item(id, today())?,
        ))
    })
    .map(|(revision, (view, versions))| wire::EvidenceItem {
        revision: Some(revision),
        ..wire::evidence_item(&view, &versions)
    })
}

#[tauri::command]
pub async fn evidence_link(
    state: State<'_, AppState>,
    id: EvidenceId,
    links: LinkInput,
) -> Result<usize, CommandError> {
    with_workspace(&state, |ws| ws.link_evidence(id, &links))
}

#[tauri::command]
pub async fn evidence_unlink(state: State<'_, AppState>, link: LinkId) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.unlink_evidence(link))
}

#[tauri::command]
pub async fn evidence_update(
    state: State<'_, AppState>,
    id: EvidenceId,
    details: EvidenceInput,
    revision: Option<i64>,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.update_evidence(id, &details, revision)).map(|_| ())
}

#[tauri::command]
pub async fn evidence_review(
    state: State<'_, AppState>,
    id: EvidenceId,
    next_review: String,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.review_evidence(id, &next_review, today())).map(|_| ())
}

#[tauri::command]
pub async fn evidence_remove(
    state: State<'_, AppState>,
    id: EvidenceId,
) -> Result<(), CommandError> {
    with_workspace(&state, |ws| ws.remove_evidence(id))
}

/// Duplicate groups, and the orphans counted with the first `orphans_shown` (all if `None`).
#[tauri::command]
pub async fn evidence_findings(
    state: State<'_, AppState>,
    orphans_shown: Option<usize>,
) -> Result<wire::EvidenceFindings, CommandError> {
    with_workspace(&state, |ws| ws.evidence_findings(orphans_shown))
        .map(|f| wire::evidence_findings(&f))
}

/// The evidence items a picker offers for `text`: at most `limit`, best first.
#[tauri::command]
pub async fn evidence_search(
    state: State<'_, AppState>,
    text: String,
    limit: usize,
) -> Result<Vec<wire::EvidenceBrief>, CommandError> {
    with_workspace(&state, |ws| ws.search_evidence(&text, limit, today()))
        .map(|found| wire::evidence_briefs(&found))
}

/// Shows the native dialog for evidence files (several at once); empty if cancelled.
#[tauri::command]
pub async fn evidence_pick_files(
    state: State<'_, AppState>,
    window: WebviewWindow,
) -> Result<Vec<String>, CommandError> {
    pickers::pick_many(&state, &window, |dialog| dialog.pick_files()).await
}

/// Shows the native dialog for a folder of evidence; `None` if cancelled.
#[tauri::command]
pub async fn evidence_pick_folder(
    state: State<'_, AppState>,
    window: WebviewWindow,
) -> Result<Option<String>, CommandError> {
    pickers::pick(&state, &window, |dialog| dialog.pick_folder()).await
}

/// A scope's readiness with every question and requirement.
#[tauri::command]
pub async fn readiness_show(
    state: State<'_, AppState>,
    scope: ScopeId,
) -> Result<wire::Readiness, CommandError> {
    with_workspace(&state, |ws| ws.readiness(scope, today())).map(|r| wire::readiness(&r))
}

/// The evidence of every requirement of a scope that has any, or of `requirement` alone:
/// how many items, and the first `limit` by title (all when `None`).
#[tauri::command]
pub async fn requirement_evidence(
    state: State<'_, AppState>,
    scope: ScopeId,
    requirement: Option<String>,
    limit: Option<usize>,
) -> Result<Vec<wire::RequirementEvidence>, CommandError> {
    with_workspace(&state, |ws| {
        ws.requirement_evidence(scope, requirement.as_deref(), limit, today())
    })
    .map(|found| wire::requirement_evidence(&found))
}

/// What the dashboard shows for a scope (and records today's readiness).
#[tauri::command]
pub async fn dashboard_show(
    state: State<'_, AppState>,
    scope: ScopeId,
) -> Result<wire::Dashboard, CommandError> {
    let lang = state.lang();
    with_workspace(&state, |ws| ws.dashboard(scope, today())).map(|d| wire::dashboard(&d, lang))
}

/// Records the self-assessment of one control question.
#[tauri::command]
pub async fn assess_save(
    state: State<'_, AppState>,
    scope: ScopeId,
    question: String,
    result: String,
    implementation: String,
    reference_documentation: String,
) -> Result<wire::Assessment, CommandError> {
    with_workspace(&state, |ws| {
        ws.assess(
            scope,
            &question,
            &result,
            Some(&implementation),
            Some(&reference_documentation),
            Utc::now(),
        )
    })
    .map(|a| wire::assessment(&a))
}

/// Previews (or with `apply`, makes) the changes a filled ENX workbook brings to a scope's
/// self-assessment.
#[tauri::command]
pub async fn assess_import(
    state: State<'_, AppState>,
    scope: ScopeId,
    path: String,
    apply: bool,
) -> Result<wire::AssessmentImport, CommandError> {
    let path = absolute_path(&state, &path)?;
    let lang = state.lang();
    with_workspace(&state, |ws| {
        ws.import_assessment(scope, &path, apply, Utc::now())
    })
    .map(|i| wire::assessment_import(&i, lang))
}
