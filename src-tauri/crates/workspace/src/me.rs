//! "My work" (issue 20): the name this desk's user has as the owner of corrective actions,
//! evidence items and their reviews, so that deadlines, actions and reviews can be filtered
//! to "mine" and the desktop notification lists the user's items first.
//!
//! Owners are free text ("A. Schmidt", "Quality team"), so the user says once, on their desk,
//! which name is theirs (Settings; kept in the per-user config folder beside the last
//! workspace, for the app and the CLI of this desk). Until then it is `CSMSDESK_ME`, else the
//! member's database user on a server, else the OS user. An owner is "mine" when it contains
//! that name, case ignored: the owner filter's own rule.

use std::path::{Path, PathBuf};

use csmsdesk_core::i18n::Message;

use crate::{Error, Invalid, Location, Result, Workspace};

/// The environment variable that names the user as an owner (before any default).
pub const ME_ENV: &str = "CSMSDESK_ME";

/// The longest name kept.
pub const MAX_ME_LEN: usize = 200;

fn me_file() -> Option<PathBuf> {
    crate::folders::config_file("owner-name")
}

/// The name kept in `file`, if any.
pub fn read_me(file: &Path) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    let name = text.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// `name` checked as an owner name: trimmed, at most [`MAX_ME_LEN`] characters, no control
/// characters; empty means "back to the default".
pub fn checked_me(name: &str) -> Result<String> {
    let name = name.trim();
    if name.chars().count() > MAX_ME_LEN || name.chars().any(char::is_control) {
        return Err(Error::Invalid(vec![Invalid::new(
            "me",
            Message::new("input.me_invalid").arg("max", MAX_ME_LEN),
        )]));
    }
    Ok(name.to_owned())
}

/// Keeps `name` as this desk's user's owner name (empty: forgets it).
pub fn remember_me(name: &str) -> Result<()> {
    let name = checked_me(name)?;
    let Some(file) = me_file() else {
        return Ok(());
    };
    remember_me_in(&file, &name)
}

/// [`remember_me`] into `file` (tests pass their own).
pub fn remember_me_in(file: &Path, name: &str) -> Result<()> {
    let io = |source: std::io::Error| Error::FileUnwritable {
        path: file.to_owned(),
        source,
    };
    if name.is_empty() {
        return match std::fs::remove_file(file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(e)),
            _ => Ok(()),
        };
    }
    crate::folders::write_line(file, name).map_err(io)
}

/// Whether `owner` is `me`'s: it contains the name, case ignored (a blank name owns nothing).
pub fn is_mine(owner: &str, me: &str) -> bool {
    let me = me.trim().to_lowercase();
    !me.is_empty() && owner.to_lowercase().contains(&me)
}

impl Workspace {
    /// The name this desk's user has as an owner (see the module).
    pub fn me(&self) -> String {
        if let Some(name) = std::env::var(ME_ENV).ok().filter(|n| !n.trim().is_empty()) {
            return name.trim().to_owned();
        }
        if let Some(name) = me_file().and_then(|file| read_me(&file)) {
            return name;
        }
        match (self.place(), &self.pg_config) {
            (Location::Postgres(_), Some(config)) => config.user.clone(),
            _ => csmsdesk_store::journal::os_user(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_owner_is_mine_when_it_contains_my_name_case_ignored() {
        assert!(is_mine("Anna Schmidt", "anna"));
        assert!(is_mine("QA (A. SCHMIDT)", "a. schmidt"));
        assert!(!is_mine("Ben", "anna"));
        assert!(!is_mine("Anna", "  "), "a blank name owns nothing");
    }

    #[test]
    fn the_name_is_kept_per_desk_and_forgotten_when_emptied() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config/owner-name");
        assert_eq!(read_me(&file), None);
        remember_me_in(&file, "Anna Schmidt").unwrap();
        assert_eq!(read_me(&file).as_deref(), Some("Anna Schmidt"));
        remember_me_in(&file, "").unwrap();
        assert_eq!(read_me(&file), None);
        remember_me_in(&file, "").unwrap();
        assert!(checked_me("a\u{7}b").is_err());
        assert!(checked_me(&"x".repeat(MAX_ME_LEN + 1)).is_err());
        assert_eq!(checked_me("  Anna ").unwrap(), "Anna");
    }
}
