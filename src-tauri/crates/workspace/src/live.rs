//! Live updates of a workspace on PostgreSQL (issue 20): store's `pg::live` behind the
//! workspace. The app runs a [`LiveFeed`] on a thread of its own while the workspace is open
//! and passes its events to the window; a workspace folder has one desk and no feed.

use std::sync::atomic::AtomicBool;

pub use csmsdesk_store::pg::live::{Event as LiveEvent, Presence};

use csmsdesk_store::pg::PgConfig;

use crate::{Result, Workspace};

/// What a window listens to: the workspace's database, skipping its own connection's changes.
#[derive(Debug, Clone)]
pub struct LiveFeed {
    config: PgConfig,
    own_pid: Option<i32>,
}

impl LiveFeed {
    /// Reports to `on` until `stop` is set (a lost server is an event, not an error).
    pub fn run(&self, stop: &AtomicBool, on: &mut dyn FnMut(LiveEvent)) {
        csmsdesk_store::pg::live::listen(&self.config, self.own_pid, stop, on);
    }
}

impl Workspace {
    /// The feed of this workspace's changes by others and of who else has it open; `None`
    /// for a workspace folder.
    pub fn live_feed(&self) -> Result<Option<LiveFeed>> {
        let Some(config) = &self.pg_config else {
            return Ok(None);
        };
        Ok(Some(LiveFeed {
            config: config.clone(),
            own_pid: self.db.backend_pid()?,
        }))
    }
}
