//! The webview watchdog: when the web process that draws the window dies (a crash, the web
//! engine's memory limit, a kill from outside), the shell logs it, loads the start page again,
//! and keeps a note that the new page reads once at start (`webview_recovery`) to tell the user.
//!
//! Without it, a dead web process leaves a blank window that answers nothing until the app is
//! closed. The start page (the dashboard) is loaded rather than the screen that was open: if
//! that screen drove the web process into its memory limit, showing it again would do the same.
//!
//! Only WebKitGTK (Linux) is watched, through the webview's `web-process-terminated` signal.
//! WebView2 (Windows) reports the same as `ProcessFailed` on its `ICoreWebView2`, reachable
//! through `PlatformWebview::controller()`; it is not wired: every call into those COM
//! interfaces is `unsafe` (the workspace denies unsafe code), and WebView2 cannot run on the
//! machines this is built and tested on, so the code could not be proven.

use std::sync::Mutex;

use serde::Serialize;
use tauri::Url;

/// Why the previous page's web process ended, as the notice words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    not(target_os = "linux"),
    allow(dead_code, reason = "only the Linux watchdog records deaths")
)]
pub enum Reason {
    /// It crashed or was killed from outside.
    Crashed,
    /// The web engine stopped it at its memory limit.
    Memory,
}

/// What a page learns at start when it replaced one whose web process had died.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Recovery {
    pub reason: Reason,
    /// How many times the window's web process has died since the app started.
    pub restarts: u32,
}

/// The managed state: how many deaths so far, and the note the next page has not read yet.
#[derive(Debug, Default)]
pub struct Watchdog {
    state: Mutex<(u32, Option<Recovery>)>,
}

impl Watchdog {
    /// Records one death of the web process; returns what the next page will be told.
    #[cfg_attr(
        not(target_os = "linux"),
        allow(dead_code, reason = "only the Linux watchdog records deaths")
    )]
    pub fn record(&self, reason: Reason) -> Recovery {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.0 += 1;
        let recovery = Recovery {
            reason,
            restarts: state.0,
        };
        state.1 = Some(recovery);
        recovery
    }

    /// The note for the page that starts now, once: the page reads it at start, and a later
    /// read (after a workspace switch redraws the same page) finds nothing.
    pub fn take(&self) -> Option<Recovery> {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .1
            .take()
    }
}

/// The page to load after a death: the app's own page at `uri` without the part after `#`,
/// which names the screen that was open. `None` for anything but one of the app's pages.
#[cfg_attr(
    not(target_os = "linux"),
    allow(dead_code, reason = "only the Linux watchdog reloads the page")
)]
pub fn start_page(uri: &str) -> Option<Url> {
    let mut url = Url::parse(uri).ok()?;
    if !crate::navigation::allowed(&url) {
        return None;
    }
    url.set_fragment(None);
    Some(url)
}

/// Watches the main window's web process (see the module comment). Called once, in setup.
pub fn watch(app: &tauri::AppHandle) {
    use tauri::Manager as _;
    match app.get_webview_window("main") {
        Some(window) => platform::watch(app.clone(), &window),
        None => tracing::warn!("no main window: its web process is not watched"),
    }
}

#[cfg(target_os = "linux")]
mod platform {
    use tauri::{AppHandle, Manager as _, WebviewWindow};
    use webkit2gtk::{WebProcessTerminationReason, WebViewExt as _};

    use super::{Reason, Watchdog, start_page};

    /// Our reason for WebKit's; `None` when the process was ended on purpose through WebKit's
    /// API (which this app never asks for): nothing to recover from then.
    pub(super) fn reason_of(reason: WebProcessTerminationReason) -> Option<Reason> {
        match reason {
            WebProcessTerminationReason::ExceededMemoryLimit => Some(Reason::Memory),
            WebProcessTerminationReason::TerminatedByApi => None,
            // A crash, a kill from outside, and any reason newer than this code.
            _ => Some(Reason::Crashed),
        }
    }

    pub(super) fn watch(app: AppHandle, window: &WebviewWindow) {
        // The closure runs on the GTK main thread, where the webview lives; so does the signal.
        let connected = window.with_webview(move |platform| {
            platform
                .inner()
                .connect_web_process_terminated(move |view, reason| {
                    let Some(why) = reason_of(reason) else {
                        tracing::info!("the window's web process was ended on request");
                        return;
                    };
                    let recovery = app.state::<Watchdog>().record(why);
                    let page = view.uri().and_then(|uri| start_page(uri.as_str()));
                    tracing::error!(
                        reason = ?why,
                        restarts = recovery.restarts,
                        page = page.as_ref().map(|p| p.as_str()),
                        "the window's web process died; loading the start page again"
                    );
                    // A new web process starts with the load; the app's scripts and IPC come
                    // with it (they belong to the webview, not to the process).
                    match page {
                        Some(url) => view.load_uri(url.as_str()),
                        None => view.reload(),
                    }
                });
        });
        if let Err(e) = connected {
            tracing::warn!(error = %e, "the window's web process cannot be watched");
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod platform {
    /// Not watched on this platform (see the module comment).
    pub(super) fn watch(_app: tauri::AppHandle, _window: &tauri::WebviewWindow) {
        tracing::debug!("the window's web process is not watched on this platform");
    }
}

#[cfg(test)]
mod tests;
