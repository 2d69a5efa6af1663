//! `rules`: showing and changing the assumed rules (applicability matrix, label expiry
//! warning, label and corrective-action periods, notification days) as one set, and
//! `vocabulary`: the lists and limits the app uses.

use csmsdesk_workspace::{Error, RulesInput, Workspace};

use crate::args::RulesCommand;
use crate::output::Output;

pub fn run(ws: &mut Workspace, action: &RulesCommand, out: &Output) -> Result<bool, Error> {
    let rules = match action {
        RulesCommand::Show => ws.rules()?,
        RulesCommand::Set {
            matrix,
            label_warning_days,
            rule,
            notify_days,
        } => {
            let applicability_matrix =
                match matrix {
                    Some(file) => Some(std::fs::read_to_string(file).map_err(|source| {
                        Error::FileUnreadable {
                            path: file.clone(),
                            source,
                        }
                    })?),
                    None => None,
                };
            let input = RulesInput {
                applicability_matrix,
                label_expiry_warning_days: label_warning_days.clone(),
                // `KEY=MONTHS`; without `=` the whole text is the key and the months are
                // missing.
                label_rules: rule
                    .iter()
                    .map(|setting| {
                        let (key, months) = setting.split_once('=').unwrap_or((setting, ""));
                        (key.to_owned(), months.to_owned())
                    })
                    .collect(),
                notify_days: notify_days.clone(),
            };
            ws.save_rules(&input)?
        }
    };
    out.rules(&rules);
    Ok(true)
}

pub fn vocabulary(ws: &Workspace, out: &Output) -> Result<bool, Error> {
    out.vocabulary(&ws.vocabulary()?);
    Ok(true)
}
