//! `team`: the members of a workspace on PostgreSQL and their roles (issue 20).

use std::io::BufRead as _;

use csmsdesk_workspace::{Error, Role, Workspace};

use crate::args::TeamCommand;
use crate::output::Output;

pub fn run(ws: &mut Workspace, action: &TeamCommand, out: &Output) -> Result<bool, Error> {
    match action {
        TeamCommand::List => out.members(&ws.members()?),
        TeamCommand::Add {
            name,
            role,
            password_stdin,
        } => {
            // clap admits only the three names.
            let role = Role::parse(role).unwrap_or(Role::Viewer);
            let password = if *password_stdin {
                let mut line = String::new();
                std::io::stdin()
                    .lock()
                    .read_line(&mut line)
                    .map_err(|source| Error::FileUnreadable {
                        path: "-".into(),
                        source,
                    })?;
                Some(line.trim_end_matches(['\r', '\n']).to_owned())
            } else {
                None
            };
            ws.add_member(name, role, password.as_deref())?;
            out.done();
        }
        TeamCommand::Remove { name } => {
            if !ws.remove_member(name)? {
                return Err(Error::NotFound {
                    kind: "thing.member",
                    name: name.clone(),
                });
            }
            out.done();
        }
        TeamCommand::Statements => {
            for statement in ws.member_statements()? {
                out_line!("{statement};");
            }
        }
    }
    Ok(true)
}
