//! The CSMS Desk desktop app: a Tauri shell over the `workspace` use cases.
//!
//! `run` sets up logging, opens the workspace (the `--workspace` argument, else
//! `CSMSDESK_WORKSPACE`, else the one used last, else the default), and starts the window
//! with its watchdog (`watchdog`: a dead web process is logged and its page loaded again).
//! Commands live in `commands/`, one file per feature, and stay thin.

mod commands;
mod error;
mod guard;
mod jobs;
mod keychain;
mod live;
mod navigation;
mod notify;
mod opening;
mod pickers;
mod state;
mod watchdog;
mod webview_memory;

use std::path::PathBuf;

use csmsdesk_workspace::folders;

use crate::state::AppState;

/// The value of `--workspace DIR` or `--workspace=DIR` among the process arguments.
fn workspace_argument(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--workspace" {
            return args.next().map(PathBuf::from);
        }
        if let Some(value) = arg.strip_prefix("--workspace=") {
            return Some(PathBuf::from(value));
        }
    }
    None
}

/// Builds and runs the app until its window closes.
pub fn run() {
    webview_memory::before_start();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CSMSDESK_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let choice = folders::choose_workspace_dir(
        workspace_argument(std::env::args().skip(1)),
        std::env::var_os(folders::WORKSPACE_ENV),
        folders::last_used_or_default,
    );
    let state = AppState::start(choice, sys_locale());
    let built = tauri::Builder::default()
        .manage(state)
        .manage(watchdog::Watchdog::default())
        .manage(live::Live::default())
        .plugin(navigation::guard())
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            notify::start(app.handle().clone());
            watchdog::watch(app.handle());
            webview_memory::tune(app.handle());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::i18n::app_messages,
            commands::webview::webview_recovery,
            commands::workspace::workspace_state,
            commands::workspace::workspace_open,
            commands::workspace::workspace_create,
            commands::workspace::workspace_pick_folder,
            commands::server::workspace_open_with_password,
            commands::server::workspace_forget_password,
            commands::team::team_list,
            commands::team::team_add,
            commands::team::team_remove,
            commands::live::live_follow,
            commands::profile::profile_get,
            commands::profile::profile_save,
            commands::profile::me_set,
            commands::catalogue::catalogue_list,
            commands::catalogue::catalogue_import,
            commands::catalogue::catalogue_import_demo,
            commands::catalogue::catalogue_show,
            commands::catalogue::catalogue_search,
            commands::catalogue::catalogue_pick_file,
            commands::scope::location_list,
            commands::scope::location_add,
            commands::scope::scope_list,
            commands::scope::scope_names,
            commands::scope::scope_show,
            commands::scope::scope_add,
            commands::scope::scope_preview,
            commands::scope::scope_set_objectives,
            commands::scope::scope_set_applicability,
            commands::scope::scope_set_deviation,
            commands::scope::po_list,
            commands::scope::po_add,
            commands::scope::po_sampling,
            commands::scope::po_choose_sample,
            commands::scope::po_checks,
            commands::scope::po_set_check,
            commands::scope::rules_get,
            commands::scope::rules_save,
            commands::scope::vocabulary,
            commands::scope::location_add_label,
            commands::scope::location_remove,
            commands::scope::location_update,
            commands::scope::po_update,
            commands::scope::scope_validate,
            commands::scope::scope_update,
            commands::scope::scope_remove,
            commands::scope::po_remove,
            commands::evidence::evidence_add,
            commands::evidence::evidence_scan,
            commands::jobs::job_cancel,
            commands::workspace::workspace_open_read_only,
            commands::trust::journal_page,
            commands::trust::journal_verify,
            commands::trust::workspace_check,
            commands::trust::backup_write,
            commands::trust::backup_restore,
            commands::trust::backup_pick_out,
            commands::trust::backup_pick_file,
            commands::evidence::evidence_list,
            commands::evidence::evidence_page,
            commands::evidence::evidence_show,
            commands::evidence::evidence_link,
            commands::evidence::evidence_unlink,
            commands::evidence::evidence_update,
            commands::evidence::evidence_review,
            commands::evidence::evidence_remove,
            commands::evidence::evidence_findings,
            commands::evidence::evidence_search,
            commands::evidence::evidence_pick_files,
            commands::evidence::evidence_pick_folder,
            commands::evidence_work::evidence_bulk,
            commands::evidence_work::workspace_search,
            commands::evidence_work::evidence_relocate,
            commands::evidence_work::evidence_pick_relocate,
            commands::evidence_work::evidence_open,
            commands::evidence_work::evidence_reveal,
            commands::evidence::readiness_show,
            commands::evidence::requirement_evidence,
            commands::evidence::dashboard_show,
            commands::evidence::assess_save,
            commands::evidence::assess_import,
            commands::audit::audit_list,
            commands::audit::audit_add,
            commands::audit::audit_show,
            commands::audit::audit_update,
            commands::audit::audit_set_result,
            commands::audit::audit_import,
            commands::audit::finding_add,
            commands::audit::action_add,
            commands::audit::action_set_status,
            commands::audit_edit::audit_set_results,
            commands::audit_edit::audit_remove,
            commands::audit_edit::finding_edit,
            commands::audit_edit::finding_remove,
            commands::audit_edit::action_edit,
            commands::audit_edit::action_remove,
            commands::audit_edit::action_check,
            commands::audit_edit::action_page,
            commands::audit_edit::assess_save_many,
            commands::audit_edit::finding_page,
            commands::audit::labels_show,
            commands::audit::labels_renew,
            commands::audit::deadlines_list,
            commands::audit::deadlines_page,
            commands::audit::deadlines_export_ics,
            commands::audit::deadlines_pick_ics,
            commands::audit::label_rules_get,
            commands::audit::label_rules_save,
            commands::package::package_export,
            commands::package::package_verify,
            commands::package::package_history,
            commands::package::package_pick_out,
            commands::package::package_pick_file,
            commands::report::export_report,
            commands::report::report_pick_out,
            commands::package::share_show,
            commands::package::share_publish,
            commands::package::share_add,
            commands::package::share_update,
            commands::package::share_remove,
            commands::package::package_preview,
            commands::package::package_warnings,
        ])
        .build(tauri::generate_context!());
    match built {
        // The event loop ends the process without running destructors, on every OS: the
        // workspace is closed first, so that its lock file is emptied and the next start does
        // not take it for the lock of a crashed process.
        Ok(app) => app.run(|handle, event| {
            if let tauri::RunEvent::Exit = event {
                tauri::Manager::state::<live::Live>(handle).stop();
                tauri::Manager::state::<AppState>(handle).close();
            }
        }),
        Err(e) => {
            tracing::error!(error = %e, "CSMS Desk could not start");
            eprintln!("CSMS Desk could not start: {e}");
            std::process::exit(1);
        }
    }
}

fn sys_locale() -> Option<String> {
    sys_locale::get_locale()
}

#[cfg(test)]
mod lockdown_tests;
#[cfg(test)]
mod tests;
