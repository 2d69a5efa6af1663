//! `journal`, `check`, `backup` and `restore`: the journal and its chain, the workspace check,
//! and backups. None of them needs the workspace lock.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, Utc};
use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::{Error, Invalid, Location, Workspace};

use crate::args::JournalCommand;
use crate::output::Output;

/// Shows a page of the journal, or verifies its chain (`Ok(false)` if it is broken).
pub fn journal(
    ws: &Workspace,
    action: Option<&JournalCommand>,
    before: Option<i64>,
    (table, user): (Option<&str>, Option<&str>),
    limit: u32,
    out: &Output,
) -> Result<bool, Error> {
    match action {
        Some(JournalCommand::Verify) => {
            let report = ws.journal_verify()?;
            out.journal_report(&report);
            Ok(report.ok())
        }
        None => {
            out.journal_page(&ws.journal_page(before, table, user, limit)?);
            Ok(true)
        }
    }
}

/// Checks the whole workspace; `Ok(false)` if anything is wrong.
pub fn check(ws: &Workspace, out: &Output) -> Result<bool, Error> {
    let report = ws.check(&AtomicBool::new(false))?;
    out.check_report(&report);
    Ok(report.ok())
}

/// Writes a backup of the workspace (a folder or a PostgreSQL database) to `file`.
pub fn backup(
    location: &Location,
    file: &Path,
    now: DateTime<Utc>,
    out: &Output,
) -> Result<bool, Error> {
    let progress = out.progress();
    let report = csmsdesk_workspace::write_backup_at(
        location,
        file,
        now,
        &progress,
        &AtomicBool::new(false),
    )?;
    out.finish_progress();
    out.backup_report(&report);
    Ok(true)
}

/// Checks a backup file (`check`), or restores it as a new workspace in `target` (the
/// `--workspace` the user gave: restoring never picks a default folder).
pub fn restore(
    file: &Path,
    check: bool,
    target: Option<&PathBuf>,
    out: &Output,
) -> Result<bool, Error> {
    let progress = out.progress();
    let report = if check {
        csmsdesk_workspace::check_backup(file, &progress, &AtomicBool::new(false))?
    } else {
        let Some(target) = target else {
            return Err(Error::Invalid(vec![Invalid::new(
                "workspace",
                Message::new("cli.restore.needs_workspace"),
            )]));
        };
        let target = Location::parse(target.as_os_str())?;
        csmsdesk_workspace::restore_backup_at(file, &target, &progress, &AtomicBool::new(false))?
    };
    out.finish_progress();
    out.restore_report(&report);
    Ok(true)
}
