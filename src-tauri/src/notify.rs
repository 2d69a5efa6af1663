//! Desktop notifications about deadlines: one at start and one each new day, for deadlines
//! within the configured number of days (overdue ones too). Sent from Rust; the page has no
//! notification permission.

use std::time::Duration;

use chrono::NaiveDate;
use tauri::{AppHandle, Manager as _};
use tauri_plugin_notification::NotificationExt as _;

use crate::guard::with_workspace;
use crate::state::AppState;

/// How often the day is checked.
const CHECK_EVERY: Duration = Duration::from_secs(600);
/// Time for the window to appear before the first notification.
const FIRST_AFTER: Duration = Duration::from_secs(3);

/// Starts the thread that notifies once a day.
pub fn start(app: AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("deadline-notifications".into())
        .spawn(move || {
            std::thread::sleep(FIRST_AFTER);
            let mut notified: Option<NaiveDate> = None;
            loop {
                let today = chrono::Local::now().date_naive();
                if notified != Some(today) {
                    notified = Some(today);
                    notify(&app, today);
                }
                std::thread::sleep(CHECK_EVERY);
            }
        });
    if let Err(e) = spawned {
        tracing::warn!(error = %e, "no deadline notifications: the thread did not start");
    }
}

fn notify(app: &AppHandle, today: NaiveDate) {
    let state = app.state::<AppState>();
    let lang = state.lang();
    match with_workspace(&state, |ws| ws.deadline_digest(today, lang)) {
        Ok(Some((title, body))) => {
            if let Err(e) = app.notification().builder().title(title).body(body).show() {
                tracing::warn!(error = %e, "deadline notification not shown");
            }
        }
        Ok(None) => {}
        // No workspace open: the window says why; nothing to notify about.
        Err(_) => {}
    }
}
