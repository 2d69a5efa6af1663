//! A server workspace's password in the OS keychain (issue 19): macOS Keychain, Windows
//! Credential Manager, the Secret Service on Linux, through the `keyring` crate.
//!
//! The app keeps a password only when the user ticks "remember" at the password prompt, one
//! entry per `user@host:port/database` under the service [`SERVICE`]. It is read only after
//! libpq's own sources (the URL, the service file, `PGPASSWORD`, the password file) gave none
//! and the server asked for one, so a desk whose server trusts it never touches the
//! keychain. A keychain that cannot be used (no Secret Service, as under Xvfb) is said
//! plainly and the password serves this session only. No password is ever logged.

use csmsdesk_workspace::PgConfig;
use csmsdesk_workspace::Secret;
use keyring::Entry;

/// The keychain service every entry of the app is filed under.
pub const SERVICE: &str = "CSMS Desk";

/// Why the keychain could not be used, in the platform's words (never a password).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable(pub String);

/// The entry's account: `user@host:port/database` of the resolved connection.
pub fn account(config: &PgConfig) -> String {
    format!(
        "{}@{}:{}/{}",
        config.user, config.host, config.port, config.database
    )
}

/// The keychain entry for `config`'s connection.
pub fn entry(config: &PgConfig) -> Result<Entry, Unavailable> {
    Entry::new(SERVICE, &account(config)).map_err(unavailable)
}

fn unavailable(error: keyring::Error) -> Unavailable {
    // keyring's messages name the platform's failure, never the secret.
    Unavailable(error.to_string())
}

/// The saved password, `None` when there is none.
pub fn read(entry: &Entry) -> Result<Option<Secret>, Unavailable> {
    match entry.get_password() {
        Ok(password) => Ok(Some(Secret::new(password))),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(error) => Err(unavailable(error)),
    }
}

/// Saves `password` (replacing one saved before).
pub fn save(entry: &Entry, password: &Secret) -> Result<(), Unavailable> {
    entry.set_password(password.expose()).map_err(unavailable)
}

/// Removes the saved password; `false` when there was none.
pub fn forget(entry: &Entry) -> Result<bool, Unavailable> {
    match entry.delete_credential() {
        Ok(()) => Ok(true),
        Err(keyring::Error::NoEntry) => Ok(false),
        Err(error) => Err(unavailable(error)),
    }
}

/// The password for `config` from the keychain, for an opening that found none in libpq's
/// sources: `None` when none is saved or the keychain cannot be read (logged, and the user
/// is asked instead).
pub fn saved_password(
    config: &PgConfig,
    entry: &dyn Fn(&PgConfig) -> Result<Entry, Unavailable>,
) -> Option<Secret> {
    match entry(config).and_then(|e| read(&e)) {
        Ok(found) => found,
        Err(Unavailable(reason)) => {
            tracing::warn!(account = %account(config), %reason, "the system keychain cannot be read");
            None
        }
    }
}

#[cfg(test)]
mod tests;
