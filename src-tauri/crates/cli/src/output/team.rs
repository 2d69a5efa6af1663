//! Printing the members of a workspace on PostgreSQL.

use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::Member;
use serde_json::json;

use super::Output;

impl Output {
    /// One line per member (name, role, and whether it owns the database), or a JSON list of
    /// `{name, role, owner}`.
    pub fn members(&self, members: &[Member]) {
        if self.json {
            let list: Vec<_> = members
                .iter()
                .map(|m| json!({ "name": m.name, "role": m.role.as_str(), "owner": m.owner }))
                .collect();
            return Self::print_json(&list);
        }
        for member in members {
            let role = Message::new(match member.role.as_str() {
                "viewer" => "team.role.viewer",
                "editor" => "team.role.editor",
                _ => "team.role.admin",
            })
            .render(self.lang);
            let owner = if member.owner {
                format!(" ({})", Message::new("team.owner").render(self.lang))
            } else {
                String::new()
            };
            out_line!("{}\t{role}{owner}", member.name);
        }
    }
}
