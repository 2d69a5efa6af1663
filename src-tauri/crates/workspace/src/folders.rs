//! Where workspaces live: the per-user default and the one the app used last.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use crate::{Error, Result};

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
    project_dirs().map(|d| d.config_dir().join("last-workspace"))
}

/// The workspace the app used last, if it still exists; else the default workspace.
pub fn last_used_or_default() -> Result<PathBuf> {
    let remembered = last_used_file()
        .and_then(|file| std::fs::read_to_string(file).ok())
        .map(|text| PathBuf::from(text.trim_end_matches('\n')))
        .filter(|dir| dir.is_dir());
    match remembered {
        Some(dir) => Ok(dir),
        None => default_workspace_dir(),
    }
}

/// Remembers `dir` as the workspace to open next time. Failing to remember is logged, not
/// fatal: the user can still work, the app only forgets the choice.
pub fn remember_last_used(dir: &Path) {
    let Some(file) = last_used_file() else { return };
    let write = || -> std::io::Result<()> {
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let temp = file.with_extension("tmp");
        std::fs::write(&temp, format!("{}\n", dir.display()))?;
        std::fs::rename(&temp, &file)
    };
    if let Err(e) = write() {
        tracing::warn!(error = %e, file = %file.display(), "could not remember the last workspace");
    }
}

#[cfg(test)]
mod tests;
