//! `rules`: showing and changing the assumed rules (applicability matrix, label expiry
//! warning, label and corrective-action periods, notification days).

use csmsdesk_workspace::{Error, Workspace};

use crate::args::RulesCommand;
use crate::output::Output;

pub fn run(ws: &mut Workspace, action: &RulesCommand, out: &Output) -> Result<bool, Error> {
    if let RulesCommand::Set {
        matrix,
        label_warning_days,
        rule,
        notify_days,
    } = action
    {
        if let Some(days) = notify_days {
            ws.set_notify_days(days)?;
        }
        for setting in rule {
            // `KEY=MONTHS`; without `=` the whole text is the key and the months are missing.
            let (key, months) = setting.split_once('=').unwrap_or((setting, ""));
            ws.set_label_rule(key, months)?;
        }
        if let Some(file) = matrix {
            let text = std::fs::read_to_string(file).map_err(|source| Error::FileUnreadable {
                path: file.clone(),
                source,
            })?;
            ws.set_applicability_matrix(&text)?;
        }
        if let Some(days) = label_warning_days {
            ws.set_label_expiry_warning_days(days)?;
        }
    }
    out.rules(
        &ws.applicability_matrix_text()?,
        ws.label_expiry_warning_days()?,
        &ws.label_rules()?,
        ws.notify_days()?,
    );
    Ok(true)
}
