//! The long-job runner: one long job at a time (adding or scanning evidence, exports, the
//! workspace check, backup, restore), run on a blocking thread, reporting progress as
//! `job-progress` events and stopped by `job_cancel` (`commands/jobs.rs`).
//!
//! A command starts a [`Job`] (which fails with `job.busy` while another runs), hands its
//! work to [`Job::run`] and drops the job when its result is recorded. [`run`] does all three
//! for work that needs nothing after it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::{ErrorCode, Progress};
use serde::Serialize;
use tauri::{Emitter as _, WebviewWindow};

use crate::commands::invalid;
use crate::error::CommandError;
use crate::state::AppState;

/// How often progress reaches the UI at most.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);
/// The event that carries the progress of every long job.
pub const PROGRESS_EVENT: &str = "job-progress";

/// Which long job runs: the UI shows progress only on the screen that started it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Add,
    Scan,
    Export,
    Check,
    Backup,
    Restore,
}

/// Progress as the UI's progress bars read it.
#[derive(Debug, Clone, Serialize)]
struct ProgressEvent {
    job: Kind,
    files_done: usize,
    files_total: usize,
    bytes_done: u64,
    bytes_total: u64,
}

/// A progress callback that emits at most every [`PROGRESS_EVERY`], and always the last step.
fn emitter(window: WebviewWindow, job: Kind) -> impl Fn(Progress) + Sync + Send {
    let last = std::sync::Mutex::new(None::<Instant>);
    move |p: Progress| {
        let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
        let due = last.is_none_or(|t| t.elapsed() >= PROGRESS_EVERY);
        if due || p.files_done == p.files_total {
            *last = Some(Instant::now());
            let event = ProgressEvent {
                job,
                files_done: p.files_done,
                files_total: p.files_total,
                bytes_done: p.bytes_done,
                bytes_total: p.bytes_total,
            };
            if let Err(e) = window.emit(PROGRESS_EVENT, event) {
                tracing::warn!(error = %e, "progress event lost");
            }
        }
    }
}

/// The one long job that may run; dropping it frees the slot.
pub struct Job<'a> {
    state: &'a AppState,
    cancel: Arc<AtomicBool>,
}

impl Job<'_> {
    /// Takes the slot, or fails while another long job runs.
    pub fn start(state: &AppState) -> Result<Job<'_>, CommandError> {
        let mut slot = state.job();
        if slot.is_some() {
            return Err(invalid(state, Message::new("job.busy")));
        }
        let cancel = Arc::new(AtomicBool::new(false));
        *slot = Some(cancel.clone());
        Ok(Job { state, cancel })
    }

    /// Runs `work` on a blocking thread with a progress callback that emits `job-progress`
    /// events of `kind` to `window`, and the cancel flag `job_cancel` sets.
    pub async fn run<T: Send + 'static>(
        &self,
        window: WebviewWindow,
        kind: Kind,
        work: impl FnOnce(&(dyn Fn(Progress) + Sync), &AtomicBool) -> T + Send + 'static,
    ) -> Result<T, CommandError> {
        let cancel = self.cancel.clone();
        let progress = emitter(window, kind);
        tauri::async_runtime::spawn_blocking(move || work(&progress, &cancel))
            .await
            .map_err(|e| join_failed(self.state, e))
    }
}

impl Drop for Job<'_> {
    fn drop(&mut self) {
        *self.state.job() = None;
    }
}

/// Runs `work` as the one long job and frees the slot when it ends: for work that reaches
/// the workspace through its own connection, so nothing is left to record afterwards.
pub async fn run<T: Send + 'static>(
    state: &AppState,
    window: WebviewWindow,
    kind: Kind,
    work: impl FnOnce(&(dyn Fn(Progress) + Sync), &AtomicBool) -> csmsdesk_workspace::Result<T>
    + Send
    + 'static,
) -> Result<T, CommandError> {
    let job = Job::start(state)?;
    let lang = state.lang();
    let result = job.run(window, kind, work).await?;
    drop(job);
    result.map_err(|e| CommandError::from_workspace(&e, lang))
}

/// Runs `work` on a blocking thread outside the job slot: short reads of a file that must not
/// hold the async runtime's threads (verifying a package).
pub async fn blocking<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce() -> csmsdesk_workspace::Result<T> + Send + 'static,
) -> Result<T, CommandError> {
    let lang = state.lang();
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| join_failed(state, e))?
        .map_err(|e| CommandError::from_workspace(&e, lang))
}

/// Asks the running long job to stop; whether one was running.
pub fn cancel(state: &AppState) -> bool {
    match &*state.job() {
        Some(cancel) => {
            cancel.store(true, Ordering::Relaxed);
            true
        }
        None => false,
    }
}

fn join_failed(state: &AppState, e: impl std::fmt::Display) -> CommandError {
    tracing::error!(error = %e, "background work failed");
    CommandError::new(
        ErrorCode::Internal,
        Message::new("error.internal"),
        state.lang(),
    )
}
