//! Where the files a user asks for (packages, backups, calendars) may be written: anywhere but
//! inside the workspace folder, whose database, vault and lock an output would destroy.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use csmsdesk_core::deadlines::DeadlineFilter;
use csmsdesk_core::i18n::{Lang, Message};

use crate::error::{Error, Invalid, Result};
use crate::workspace::Workspace;

/// Refuses `out` when it is the workspace folder `workspace` or lies inside it, after
/// resolving links (a link to the database is the database). `field` names the form field or
/// flag the path came from.
pub fn refuse_inside_workspace(workspace: &Path, out: &Path, field: &str) -> Result<()> {
    // A workspace that cannot be resolved does not exist yet: nothing to protect.
    let Ok(workspace) = std::fs::canonicalize(workspace) else {
        return Ok(());
    };
    if resolved(out).starts_with(&workspace) {
        return Err(Error::Invalid(vec![Invalid::new(
            field,
            Message::new("error.output_in_workspace")
                .arg("path", out.display().to_string())
                .arg("workspace", workspace.display().to_string()),
        )]));
    }
    Ok(())
}

/// `path` with every link resolved: the whole path where it exists (its last part may be a
/// link), else its resolved folder and its name.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(whole) = std::fs::canonicalize(path) {
        return whole;
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match (std::fs::canonicalize(parent), path.file_name()) {
        (Ok(parent), Some(name)) => parent.join(name),
        _ => path.to_owned(),
    }
}

impl Workspace {
    /// Refuses `out` inside this workspace's folder (see [`refuse_inside_workspace`]).
    /// A workspace on PostgreSQL has no folder to protect: any folder the user picks will do.
    pub fn refuse_output_inside(&self, out: &Path, field: &str) -> Result<()> {
        match self.folder() {
            Some(dir) => refuse_inside_workspace(dir, out, field),
            None => Ok(()),
        }
    }

    /// Writes the deadlines `filter` keeps as an iCalendar file at `out` (see
    /// [`Workspace::deadlines_calendar`]): never inside the workspace, and atomically (a hidden
    /// file beside the target, renamed when complete).
    pub fn write_calendar(
        &self,
        filter: &DeadlineFilter,
        today: NaiveDate,
        lang: Lang,
        now: DateTime<Utc>,
        out: &Path,
    ) -> Result<PathBuf> {
        self.refuse_output_inside(out, "ics")?;
        let text = self.deadlines_calendar(filter, today, lang, now)?;
        let unwritable = |source| Error::FileUnwritable {
            path: out.to_owned(),
            source,
        };
        let dir = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut file = crate::partial::create(dir, "calendar").map_err(unwritable)?;
        file.write_all(text.as_bytes()).map_err(unwritable)?;
        file.as_file().sync_all().map_err(unwritable)?;
        file.persist(out).map_err(|e| unwritable(e.error))?;
        Ok(out.to_owned())
    }
}

#[cfg(test)]
mod tests;
