//! The app's state: the open workspace, or why none is open.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::Utc;
use csmsdesk_core::i18n::Lang;
use csmsdesk_workspace::{Error, Location, Workspace, folders};

use crate::opening::{Opening, open_location};

/// The workspace the window works on.
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "one session per app, replaced whole: boxing would save nothing"
)]
pub enum Session {
    Open(Workspace),
    /// Opening failed; the UI shows why and offers another workspace.
    Unavailable {
        location: Option<Location>,
        error: Error,
    },
}

#[derive(Debug)]
pub struct AppState {
    session: Mutex<Session>,
    os_locale: Option<String>,
    /// The cancel flag of the long job under way, if any (see `jobs`).
    job: Mutex<Option<Arc<AtomicBool>>>,
}

impl AppState {
    /// Opens (or on first start creates) the chosen workspace: a folder, or a database named
    /// by a PostgreSQL URL (opened only: a server's workspace is created on purpose).
    pub fn start(choice: Result<PathBuf, Error>, os_locale: Option<String>) -> AppState {
        let location = choice.and_then(|dir| Ok(Location::parse(dir.as_os_str())?));
        let session = match location {
            Ok(location) => open_session(&location, Opening::OpenOrCreate, None).0,
            Err(error) => Session::Unavailable {
                location: None,
                error,
            },
        };
        AppState {
            session: Mutex::new(session),
            os_locale,
            job: Mutex::new(None),
        }
    }

    /// Closes the workspace (releasing its lock) as the app ends; nothing reads the state
    /// after this.
    pub fn close(&self) {
        let closed = Session::Unavailable {
            location: None,
            error: Error::Cancelled,
        };
        drop(std::mem::replace(&mut *self.session(), closed));
    }

    pub fn session(&self) -> MutexGuard<'_, Session> {
        // A panic while holding the lock cannot leave a half-written workspace (writes are
        // transactions), so the state behind a poisoned lock is still good to use.
        self.session
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The language of messages: the workspace's choice, else the OS's.
    pub fn lang(&self) -> Lang {
        off_runtime(|| lang_of(&self.session(), self.os_locale.as_deref()))
    }

    /// The slot of the long job under way.
    pub fn job(&self) -> MutexGuard<'_, Option<Arc<AtomicBool>>> {
        self.job
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn os_locale(&self) -> Option<&str> {
        self.os_locale.as_deref()
    }
}

/// Runs `f`, which may use the open workspace, from an async command. A workspace on
/// PostgreSQL talks to its server through the `postgres` crate, whose every call blocks on a
/// private runtime; tokio refuses that on one of its workers ("Cannot start a runtime from
/// within a runtime"), where Tauri runs async commands. `block_in_place` lets the worker
/// block (tokio moves its other tasks away) and leaves the runtime's context for the call.
/// Outside a runtime (the start, tests) it just runs `f`.
pub fn off_runtime<T>(f: impl FnOnce() -> T) -> T {
    tokio::task::block_in_place(f)
}

/// The language of `session`, for callers that already hold the session lock.
pub fn lang_of(session: &Session, os_locale: Option<&str>) -> Lang {
    match session {
        Session::Open(ws) => match ws.company_profile() {
            Ok(profile) => profile.language.resolve(os_locale),
            Err(_) => Lang::from_locale(os_locale),
        },
        Session::Unavailable { .. } => Lang::from_locale(os_locale),
    }
}

/// Opens the workspace at `location` as `how` says (with `password` from the prompt, if the
/// user typed one) and, on success, remembers it for the next start, without a password.
/// The flag says whether a password in the URL was left out of that memory.
pub fn open_session(
    location: &Location,
    how: Opening,
    password: Option<&csmsdesk_workspace::Secret>,
) -> (Session, bool) {
    match open_location(location, how, password, Utc::now()) {
        Ok(ws) => {
            ws.set_journal_source("app");
            let dropped = folders::remember_last_used(location);
            tracing::info!(%location, "workspace open");
            (Session::Open(ws), dropped)
        }
        Err(error) => {
            tracing::warn!(%location, error = %error, "workspace unavailable");
            let session = Session::Unavailable {
                location: Some(location.clone()),
                error,
            };
            (session, false)
        }
    }
}
