//! Live updates in the window (issue 20): while a workspace on PostgreSQL is open, a thread
//! of its own follows the workspace's [`LiveFeed`] (changes other desks commit, who else has
//! it open, a lost server) and passes each event to the window as `workspace-live`; the page
//! redraws what it shows and the header names the others. A workspace folder has no feed.
//!
//! The page asks for it with `live_follow` once a workspace is open (and again after a
//! switch): the answer is the state so far, so that a reloaded page misses nothing.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use csmsdesk_workspace::{LiveEvent, LiveFeed};
use serde::Serialize;
use tauri::{Emitter as _, WebviewWindow};

/// The event the window receives.
pub const LIVE_EVENT: &str = "workspace-live";

/// Another user's windows on the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Other {
    pub user: String,
    pub windows: usize,
}

/// What the header shows: whether the workspace is followed at all (on a server), who else
/// has it open, and why the server is out of reach while it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Status {
    pub on: bool,
    pub others: Vec<Other>,
    pub lost: Option<String>,
}

/// One event as the page receives it.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Payload<'a> {
    Changed { newest: i64 },
    Present { others: &'a [Other] },
    Lost { reason: &'a str },
    Back,
}

/// The feed followed now, if any.
#[derive(Debug, Default)]
pub struct Live {
    run: Mutex<Option<Run>>,
}

#[derive(Debug)]
struct Run {
    /// Where the followed workspace is (its location as shown): a switch starts anew.
    location: String,
    stop: Arc<AtomicBool>,
    status: Arc<Mutex<Status>>,
}

impl Live {
    fn run(&self) -> MutexGuard<'_, Option<Run>> {
        self.run.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Follows the workspace at `location` with `feed` (none: a folder), telling `window`;
    /// keeps following it when it already does. Answers what is known so far.
    pub fn follow(
        &self,
        location: String,
        feed: Option<LiveFeed>,
        window: WebviewWindow,
    ) -> Status {
        let mut run = self.run();
        if let Some(current) = run.as_ref()
            && current.location == location
        {
            return lock(&current.status).clone();
        }
        if let Some(old) = run.take() {
            old.stop.store(true, Ordering::Relaxed);
        }
        let Some(feed) = feed else {
            return Status::default();
        };
        let stop = Arc::new(AtomicBool::new(false));
        let status = Arc::new(Mutex::new(Status {
            on: true,
            ..Status::default()
        }));
        let (thread_stop, thread_status) = (stop.clone(), status.clone());
        let started = std::thread::Builder::new()
            .name("live-updates".into())
            .spawn(move || {
                feed.run(&thread_stop, &mut |event| {
                    tell(&window, &thread_status, &event);
                });
            });
        if let Err(e) = started {
            tracing::warn!(error = %e, "live updates could not start");
            return Status::default();
        }
        let shown = lock(&status).clone();
        *run = Some(Run {
            location,
            stop,
            status,
        });
        shown
    }

    /// Stops following (the app ends).
    pub fn stop(&self) {
        if let Some(old) = self.run().take() {
            old.stop.store(true, Ordering::Relaxed);
        }
    }
}

fn lock(status: &Mutex<Status>) -> MutexGuard<'_, Status> {
    status.lock().unwrap_or_else(|p| p.into_inner())
}

/// Keeps `status` up to date with `event` and passes it on to the window.
fn tell(window: &WebviewWindow, status: &Mutex<Status>, event: &LiveEvent) {
    let mut known = lock(status);
    let sent = match event {
        LiveEvent::Changed { newest } => {
            window.emit(LIVE_EVENT, Payload::Changed { newest: *newest })
        }
        LiveEvent::Present(list) => {
            known.others = list
                .iter()
                .map(|p| Other {
                    user: p.user.clone(),
                    windows: p.windows,
                })
                .collect();
            window.emit(
                LIVE_EVENT,
                Payload::Present {
                    others: &known.others,
                },
            )
        }
        LiveEvent::Lost { reason } => {
            known.lost = Some(reason.clone());
            window.emit(LIVE_EVENT, Payload::Lost { reason })
        }
        LiveEvent::Back => {
            known.lost = None;
            window.emit(LIVE_EVENT, Payload::Back)
        }
    };
    if let Err(e) = sent {
        tracing::debug!(error = %e, "a live update could not reach the window");
    }
}
