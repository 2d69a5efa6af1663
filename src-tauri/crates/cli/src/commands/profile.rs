//! `init` and `info`: creating a workspace and showing it with its company profile.

use chrono::{DateTime, Utc};
use csmsdesk_workspace::{Error, Location, Workspace};

use crate::output::Output;

/// Creates the workspace at `location` (a folder or a PostgreSQL URL) for `company` and
/// shows it.
pub fn init(
    location: &Location,
    company: &str,
    now: DateTime<Utc>,
    out: &mut Output,
    os_locale: Option<&str>,
) -> Result<bool, Error> {
    let ws = Workspace::init_at(location, company, now)?;
    let profile = ws.company_profile()?;
    out.set_lang(profile.language.resolve(os_locale));
    out.init(&location.to_string(), &profile);
    Ok(true)
}

/// Shows the workspace, its schema version and the company profile.
pub fn info(ws: &Workspace, out: &mut Output, os_locale: Option<&str>) -> Result<bool, Error> {
    let info = ws.info()?;
    out.set_lang(info.company.language.resolve(os_locale));
    out.info(&info);
    Ok(true)
}
