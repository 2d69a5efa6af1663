//! Where workspaces live: the per-user default and the one the app used last.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use csmsdesk_store::pg::location::is_postgres_url;

use crate::{Error, Location, Result};

/// The environment variable that names the workspace for the app and the CLI.
pub const WORKSPACE_ENV: &str = "CSMSDESK_WORKSPACE";

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("org", "CSMS Desk", "csmsdesk")
}

/// The default workspace: `workspace` in the OS's per-user data folder
/// (`~/.local/share/csmsdesk/workspace` on Linux).
pub fn default_workspace_dir() -> Result<PathBuf> {
    project_dirs()
        .map(|d| d.data_dir().join("workspace"))
        .ok_or(Error::NoDefaultLocation)
}

/// The workspace a shell should use: the `--workspace` flag, else `CSMSDESK_WORKSPACE`,
/// else `fallback` (the default workspace for the CLI, the last used one for the app).
pub fn choose_workspace_dir(
    flag: Option<PathBuf>,
    env: Option<OsString>,
    fallback: impl FnOnce() -> Result<PathBuf>,
) -> Result<PathBuf> {
    match (flag, env.filter(|v| !v.is_empty())) {
        (Some(dir), _) => Ok(dir),
        (None, Some(dir)) => Ok(PathBuf::from(dir)),
        (None, None) => fallback(),
    }
}

fn last_used_file() -> Option<PathBuf> {
    config_file("last-workspace")
}

/// Replaces `file` (a small file of the config folder) with the one line `text`: written
/// beside it, then renamed over it, so that a crash leaves the old file or the new one.
pub(crate) fn write_line(file: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = file.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let temp = file.with_extension("tmp");
    std::fs::write(&temp, format!("{text}\n"))?;
    std::fs::rename(&temp, file)
}

/// A file of the per-user config folder (`~/.config/csmsdesk/NAME` on Linux).
pub(crate) fn config_file(name: &str) -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join(name))
}

/// The workspace the app used last, if it still exists (a URL is taken as it is: whether
/// its server answers is for opening to find out); else the default workspace.
pub fn last_used_or_default() -> Result<PathBuf> {
    match last_used_file().and_then(|file| read_last_used(&file)) {
        Some(location) => Ok(location),
        None => default_workspace_dir(),
    }
}

/// The remembered location in `file`: a folder that still exists or a PostgreSQL URL.
pub fn read_last_used(file: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(file).ok()?;
    let text = text.trim_end_matches('\n');
    if is_postgres_url(text) {
        return Some(PathBuf::from(text));
    }
    Some(PathBuf::from(text)).filter(|dir| dir.is_dir())
}

/// What the app remembers of `location`: the folder, or the URL without any password (one
/// typed into the URL is used for this session only, never written to a file). The flag
/// says whether a password was left out, so that the app can tell the user.
pub fn remembered_text(location: &Location) -> (String, bool) {
    match location {
        Location::Folder(dir) => (dir.display().to_string(), false),
        Location::Postgres(url) => {
            let mut bare = url.clone();
            let dropped = bare.password.take().is_some();
            (bare.to_string(), dropped)
        }
    }
}

/// Remembers `location` as the workspace to open next time, without a password; returns
/// whether one was left out. Failing to remember is logged, not fatal: the user can still
/// work, the app only forgets the choice.
pub fn remember_last_used(location: &Location) -> bool {
    let Some(file) = last_used_file() else {
        return remembered_text(location).1;
    };
    remember_in(&file, location)
}

/// [`remember_last_used`] into `file` (tests pass their own).
pub fn remember_in(file: &Path, location: &Location) -> bool {
    let (text, dropped) = remembered_text(location);
    if let Err(e) = write_line(file, &text) {
        tracing::warn!(error = %e, file = %file.display(), "could not remember the last workspace");
    }
    if dropped {
        tracing::info!("the password in the workspace URL is not remembered");
    }
    dropped
}

#[cfg(test)]
mod tests;
