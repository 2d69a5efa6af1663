//! Live updates of a workspace on PostgreSQL (issue 20): what other desks changed, and who
//! else has the workspace open.
//!
//! - Every transaction that journals a change notifies channel [`CHANNEL`] once, at its
//!   commit, with the number of its newest journal entry (migration 0014's
//!   `journal_head_at_commit`). PostgreSQL delivers it to every listening session after the
//!   commit, never for a rolled-back change; its sender's pid tells a desk its own changes.
//! - A desk's app listens on a connection of its own, named [`LISTENER_APP`]: the sessions of
//!   that name on the database are the windows that have the workspace open, by user
//!   (`pg_stat_activity`, whose user and application columns every role may read).
//! - [`listen`] runs until told to stop; a lost server is no error but an event, and it
//!   connects again every [`RETRY`].

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use postgres::fallible_iterator::FallibleIterator as _;

use super::PgConfig;
use crate::Result;

/// The channel a journalling transaction notifies at its commit.
pub const CHANNEL: &str = "csmsdesk_changes";

/// The application name of a desk's listening connection.
pub const LISTENER_APP: &str = "csmsdesk-live";

/// How long [`listen`] waits for a notification before it looks at the stop flag again, and
/// gathers the notifications that follow the first into one event.
const WAIT: Duration = Duration::from_millis(250);

/// How often the list of who has the workspace open is read again.
pub const PRESENCE_EVERY: Duration = Duration::from_secs(3);

/// How long to wait before connecting again after the server was lost.
pub const RETRY: Duration = Duration::from_secs(5);

/// Another desk's window on the workspace: its user, and how many windows that user has open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presence {
    pub user: String,
    pub windows: usize,
}

/// What [`listen`] reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Another session committed changes; `newest` is the newest journal entry's number.
    Changed { newest: i64 },
    /// The other windows that have the workspace open, by user (this window not among them),
    /// whenever the list differs from the last one reported.
    Present(Vec<Presence>),
    /// The server cannot be reached (`reason`): nothing live until [`Event::Back`].
    Lost { reason: String },
    /// Connected again after [`Event::Lost`]: what was missed meanwhile must be read again.
    Back,
}

/// Listens on the database `config` names until `stop` is set, reporting to `on`. Changes
/// committed by the session `own_pid` (the window's own workspace connection) are not
/// reported. Returns when stopped; never fails (a lost server is [`Event::Lost`]).
pub fn listen(
    config: &PgConfig,
    own_pid: Option<i32>,
    stop: &AtomicBool,
    on: &mut dyn FnMut(Event),
) {
    let mut config = config.clone();
    config.application_name = LISTENER_APP.to_owned();
    let mut lost = false;
    while !stop.load(Ordering::Relaxed) {
        match session(&config, own_pid, stop, on, &mut lost) {
            Ok(()) => return,
            Err(e) => {
                if !lost {
                    lost = true;
                    on(Event::Lost {
                        reason: e.to_string(),
                    });
                }
                tracing::warn!(error = %e, "live updates: the server was lost; connecting again");
                let until = Instant::now() + RETRY;
                while Instant::now() < until && !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(WAIT);
                }
            }
        }
    }
}

/// One connection's life: `Ok` when stopped, `Err` (why) when the server was lost.
fn session(
    config: &PgConfig,
    own_pid: Option<i32>,
    stop: &AtomicBool,
    on: &mut dyn FnMut(Event),
    lost: &mut bool,
) -> std::result::Result<(), String> {
    let mut client = super::connect(config).map_err(|e| e.to_string())?;
    client
        .batch_execute(&format!("LISTEN {CHANNEL}"))
        .map_err(|e| e.to_string())?;
    if std::mem::take(lost) {
        on(Event::Back);
    }
    let mut present: Option<Vec<Presence>> = None;
    let mut looked: Option<Instant> = None;
    while !stop.load(Ordering::Relaxed) {
        if looked.is_none_or(|at| at.elapsed() >= PRESENCE_EVERY) {
            looked = Some(Instant::now());
            let now = others(&mut client).map_err(|e| e.to_string())?;
            if present.as_ref() != Some(&now) {
                present = Some(now.clone());
                on(Event::Present(now));
            }
        }
        // The first notification within WAIT, then whatever came with it: one event.
        let mut newest: Option<i64> = None;
        let mut note = |n: postgres::Notification| {
            if Some(n.process_id()) != own_pid {
                let seq = n.payload().parse::<i64>().unwrap_or(0);
                newest = Some(newest.map_or(seq, |s| s.max(seq)));
            }
        };
        {
            let mut notifications = client.notifications();
            let first = notifications.timeout_iter(WAIT).next();
            if let Some(n) = first.map_err(|e| e.to_string())? {
                note(n);
                let mut pending = notifications.iter();
                while let Some(n) = pending.next().map_err(|e| e.to_string())? {
                    note(n);
                }
            }
        }
        if client.is_closed() {
            return Err("the connection was closed".to_owned());
        }
        if let Some(newest) = newest {
            on(Event::Changed { newest });
        }
    }
    Ok(())
}

/// The other windows on this database, by user: the listening sessions but this one.
fn others(client: &mut postgres::Client) -> Result<Vec<Presence>> {
    let rows = client.query(
        "SELECT usename::text, count(*) FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = $1
            AND pid <> pg_backend_pid() AND usename IS NOT NULL
          GROUP BY usename ORDER BY usename::text COLLATE \"C\"",
        &[&LISTENER_APP],
    )?;
    Ok(rows
        .iter()
        .map(|r| Presence {
            user: r.get(0),
            windows: usize::try_from(r.get::<_, i64>(1)).unwrap_or(0),
        })
        .collect())
}
