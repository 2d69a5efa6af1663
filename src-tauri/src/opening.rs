//! Opening a workspace at a folder or on a PostgreSQL server, with the password from the
//! user's prompt or the OS keychain when libpq's own sources have none.

use chrono::{DateTime, Utc};
use csmsdesk_workspace::Secret;
use csmsdesk_workspace::StoreError;
use csmsdesk_workspace::{Error, Location, PgConfig, PgUrl, Workspace};

use crate::keychain;

/// What the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    Open,
    Create,
    /// The start: a folder is created on first use; a server's database only opened.
    OpenOrCreate,
    /// For looking only (another process holds the folder).
    ReadOnly,
}

/// Opens `location`. A folder keeps its single-writer lock rules. On a server, `password`
/// (typed at the prompt) is used when given; without it, when libpq's sources have no
/// password and the server asks for one, the keychain's saved password is tried before the
/// user is asked (`PgPasswordNeeded`).
pub fn open_location(
    location: &Location,
    how: Opening,
    password: Option<&Secret>,
    now: DateTime<Utc>,
) -> Result<Workspace, Error> {
    let url = match location {
        Location::Folder(dir) => {
            return match how {
                Opening::Open => Workspace::open(dir, now),
                Opening::Create => Workspace::create(dir, now),
                Opening::OpenOrCreate => Workspace::open_or_create(dir, now),
                Opening::ReadOnly => Workspace::open_read_only(dir),
            };
        }
        Location::Postgres(url) => url,
    };
    let config = PgConfig::resolve(url)?;
    let attempt = |config: &PgConfig| open_server(url, config, how, now);
    match password {
        Some(password) => attempt(&config.with_password(password.clone())),
        None => with_saved_password(
            config,
            &|c| keychain::saved_password(c, &keychain::entry),
            &attempt,
        ),
    }
}

/// Runs `attempt` with `config`; when the server asks for a password none of libpq's
/// sources had, runs it again with `saved`'s (the keychain's) if there is one. A saved
/// password the server refuses is reported as needing one, so that the user is asked.
pub fn with_saved_password<T>(
    config: PgConfig,
    saved: &dyn Fn(&PgConfig) -> Option<Secret>,
    attempt: &dyn Fn(&PgConfig) -> Result<T, Error>,
) -> Result<T, Error> {
    let first = attempt(&config);
    let Err(needed @ Error::Store(StoreError::PgPasswordNeeded { .. })) = first else {
        return first;
    };
    let Some(password) = saved(&config) else {
        return Err(needed);
    };
    match attempt(&config.with_password(password)) {
        Err(Error::Store(StoreError::PgCredentials { reason, .. })) => {
            tracing::warn!(%reason, "the password saved in the system keychain was refused");
            Err(needed)
        }
        other => other,
    }
}

fn open_server(
    url: &PgUrl,
    config: &PgConfig,
    how: Opening,
    now: DateTime<Utc>,
) -> Result<Workspace, Error> {
    // A password the app was given (typed, or from the keychain) rides in the workspace's
    // URL, in memory only (libpq's first source): `create_at`, `open_read_only_at` and the
    // long jobs' own connections (check, backup) resolve the URL again and find it there.
    // The URL is shown with `***` for it and remembered without it.
    let mut with_password = url.clone();
    if config.password_source() == Some(&csmsdesk_workspace::PasswordSource::App) {
        with_password.password = config.password().cloned();
    }
    let location = Location::Postgres(with_password.clone());
    match how {
        Opening::Open | Opening::OpenOrCreate => Workspace::open_pg(&with_password, config),
        Opening::Create => Workspace::create_at(&location, now),
        Opening::ReadOnly => Workspace::open_read_only_at(&location, now),
    }
}

/// The user, host, port and database the server asked a password for, when `error` is that
/// demand: what the prompt is labelled with.
pub fn password_prompt(error: &Error) -> Option<(String, String, u16, String)> {
    match error {
        Error::Store(StoreError::PgPasswordNeeded {
            host,
            port,
            user,
            database,
        }) => Some((user.clone(), host.clone(), *port, database.clone())),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
