//! The members of a workspace on PostgreSQL and what each may do (issue 20): store's
//! `pg::team` behind the workspace. A viewer's workspace is read-only (every change is refused
//! with the `read_only` code, by the session and by the server's grants alike); a workspace
//! folder has no members.

pub use csmsdesk_store::pg::team::{Member, Role};

use crate::{Result, Workspace};

impl Workspace {
    /// What the connected member may do; `None` for a workspace folder.
    pub fn member_role(&self) -> Option<Role> {
        self.db.member_role()
    }

    /// The members: the database's owner first, then by name.
    pub fn members(&self) -> Result<Vec<Member>> {
        Ok(self.db.members()?)
    }

    /// Adds `name` as a member with `role` (making its login role, with `password`, when the
    /// server has none of that name), or gives a member another role. Admins only.
    pub fn add_member(&mut self, name: &str, role: Role, password: Option<&str>) -> Result<()> {
        Ok(self.db.add_member(name, role, password)?)
    }

    /// Removes `name` from the members; `false` when it was none. Admins only.
    pub fn remove_member(&mut self, name: &str) -> Result<bool> {
        Ok(self.db.remove_member(name)?)
    }

    /// The SQL that sets up this database's member roles, for IT departments.
    pub fn member_statements(&self) -> Result<Vec<String>> {
        Ok(self.db.member_statements()?)
    }
}
