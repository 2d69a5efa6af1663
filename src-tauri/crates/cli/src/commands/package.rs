//! `export`, `verify` and `share`: submission and partner packages, checking a package, and
//! the publication and sharing of scopes.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use csmsdesk_workspace::{
    Error, PackageOptions, SharingChanges, Versions, Workspace, parse_generated_at,
};

use crate::args::ShareCommand;
use crate::output::Output;
use crate::resolve;

/// The flags of `export`, as typed.
#[derive(Debug)]
pub struct ExportArgs<'a> {
    pub scope: &'a str,
    pub file: &'a PathBuf,
    pub level: &'a str,
    pub generated_at: Option<&'a str>,
    pub audit: Option<i64>,
    /// `reviewed` or `newest`.
    pub versions: &'a str,
    /// Write a partner package above the scope's publication and sharings.
    pub force: bool,
}

/// Writes the package; `--generated-at` replaces `now` as its generation time. Linked
/// evidence with unreviewed changes is named on stderr first; a partner package above the
/// scope's publication and sharings is refused without `--force`.
pub fn export(
    ws: &mut Workspace,
    args: &ExportArgs<'_>,
    out: &Output,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    let at = match args.generated_at {
        None => now,
        Some(text) => parse_generated_at(text)?,
    };
    // Relative paths are the user's, relative to where they typed the command.
    let cwd = std::env::current_dir().unwrap_or_default();
    let versions = Versions::parse(args.versions)?;
    let scope = resolve::scope(ws, args.scope)?;
    let options = PackageOptions {
        level: args.level.to_owned(),
        frozen: args.audit,
        generated_at: at,
        versions,
        lang: out.lang(),
        force: args.force,
    };
    let warnings = ws.package_warnings(scope, args.level)?;
    if warnings.above_shared.is_none() || args.force {
        out.unreviewed(&warnings.unreviewed, versions);
    }
    out.package(&ws.export_package_with(scope, &cwd.join(args.file), &options)?);
    Ok(true)
}

/// Re-hashes a package against its SHA256SUMS; `Ok(false)` if anything differs.
pub fn verify(file: &Path, out: &Output) -> Result<bool, Error> {
    let report = csmsdesk_workspace::verify_package(file)?;
    out.verify(&report);
    Ok(report.ok())
}

pub fn share(ws: &mut Workspace, action: &ShareCommand, out: &Output) -> Result<bool, Error> {
    match action {
        ShareCommand::Add {
            scope,
            partner,
            participant_id,
            level,
            date,
        } => {
            let scope = resolve::scope(ws, scope)?;
            let (record, warnings) = ws.add_sharing(scope, partner, participant_id, level, date)?;
            out.sharing_added(&record, &warnings);
        }
        ShareCommand::Edit {
            id,
            partner,
            participant_id,
            level,
            date,
        } => {
            let changes = SharingChanges {
                partner: partner.clone(),
                participant_id: participant_id.clone(),
                level: level.clone(),
                shared_on: date.clone(),
            };
            let (record, warnings) = ws.update_sharing_fields(resolve::sharing(id)?, &changes)?;
            out.sharing_added(&record, &warnings);
        }
        ShareCommand::Remove { id } => {
            ws.remove_sharing(resolve::sharing(id)?)?;
            out.done();
        }
        ShareCommand::List { scope } => {
            let scope = scope
                .as_deref()
                .map(|s| resolve::scope(ws, s))
                .transpose()?;
            out.sharings(&ws.sharings(scope)?)
        }
        ShareCommand::Publish { scope, level } => {
            ws.set_publication(resolve::scope(ws, scope)?, level)?;
            out.done();
        }
    }
    Ok(true)
}
