//! The app's state: the open workspace, or why none is open.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::Utc;
use csmsdesk_core::i18n::Lang;
use csmsdesk_workspace::{Error, Workspace, folders};

/// The workspace the window works on.
#[derive(Debug)]
pub enum Session {
    Open(Workspace),
    /// Opening failed; the UI shows why and offers another workspace.
    Unavailable {
        dir: Option<PathBuf>,
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
    /// Opens (or on first start creates) the chosen workspace.
    pub fn start(choice: Result<PathBuf, Error>, os_locale: Option<String>) -> AppState {
        let session = match choice {
            Ok(dir) => open_session(&dir, Workspace::open_or_create),
            Err(error) => Session::Unavailable { dir: None, error },
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
            dir: None,
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
        lang_of(&self.session(), self.os_locale.as_deref())
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

/// Opens a workspace with `open` (open, create, or open-or-create) and, on success,
/// remembers it for the next start.
pub fn open_session(
    dir: &Path,
    open: impl FnOnce(&Path, chrono::DateTime<Utc>) -> Result<Workspace, Error>,
) -> Session {
    match open(dir, Utc::now()) {
        Ok(ws) => {
            ws.set_journal_source("app");
            folders::remember_last_used(dir);
            tracing::info!(dir = %dir.display(), "workspace open");
            Session::Open(ws)
        }
        Err(error) => {
            tracing::warn!(dir = %dir.display(), error = %error, "workspace unavailable");
            Session::Unavailable {
                dir: Some(dir.to_owned()),
                error,
            }
        }
    }
}
