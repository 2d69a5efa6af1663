//! The members of a workspace on PostgreSQL (issue 20): three group roles per database and
//! what each may do, granted by PostgreSQL itself, so that a viewer cannot write even with
//! `psql`.
//!
//! - `<database>_viewer`: connects, reads every table.
//! - `<database>_editor`: a viewer who also inserts, updates and deletes rows.
//! - `<database>_admin`: an editor whose login role may also create roles (`CREATEROLE`), so
//!   that it can add and remove members. The database's owner is an admin too.
//!
//! A member is a login role that is a member of one of the groups. The journal's triggers
//! run as the schema's owner (`SECURITY DEFINER`, migration 0013), so no member may write the
//! journal itself, and its entries still name the member who connected (`session_user`).
//! [`statements`] gives an IT department the same statements to run by hand.

use postgres::GenericClient;

use super::SCHEMA;
use crate::{Error, Result};

/// What a member may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Viewer,
    Editor,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Viewer, Role::Editor, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// Whether this role may change the workspace's records.
    pub fn may_write(self) -> bool {
        self != Role::Viewer
    }
}

/// One member: a login role and what it may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub role: Role,
    /// The database's owner (an admin by ownership, not by a group).
    pub owner: bool,
}

/// The longest name PostgreSQL keeps for a role.
const NAME_MAX: usize = 63;

/// The group role of `role` in `database`.
pub fn group(database: &str, role: Role) -> Result<String> {
    let name = format!("{database}_{}", role.as_str());
    if name.len() > NAME_MAX {
        return Err(Error::PgSetting {
            setting: "database".into(),
            problem: format!(
                "the name {database:?} is too long for its member roles ({name:?} is over \
                 {NAME_MAX} bytes): use a database name of at most {} bytes",
                NAME_MAX - "_viewer".len()
            ),
        });
    }
    Ok(name)
}

/// `name` as a quoted identifier.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `text` as a quoted literal.
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The statements that make the three groups of `database` and grant them their rights, in
/// order: what [`set_up`] runs, and what an IT department may run itself as the owner of the
/// database and its schema `csmsdesk` (`csmsdesk-cli team statements`).
pub fn statements(database: &str) -> Result<Vec<String>> {
    let [viewer, editor, admin] = Role::ALL.map(|role| group(database, role));
    let (viewer, editor, admin) = (viewer?, editor?, admin?);
    let mut out = Vec::new();
    for name in [&viewer, &editor, &admin] {
        out.push(format!(
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {}) THEN \
             CREATE ROLE {} NOLOGIN; END IF; END $$",
            literal(name),
            ident(name)
        ));
    }
    let (viewer, editor, admin) = (ident(&viewer), ident(&editor), ident(&admin));
    let db = ident(database);
    // An editor holds a viewer's rights, an admin an editor's.
    out.push(format!("GRANT {viewer} TO {editor}"));
    out.push(format!("GRANT {editor} TO {admin}"));
    out.push(format!("GRANT CONNECT ON DATABASE {db} TO {viewer}"));
    out.push(format!("GRANT USAGE ON SCHEMA {SCHEMA} TO {viewer}"));
    out.push(format!(
        "GRANT SELECT ON ALL TABLES IN SCHEMA {SCHEMA} TO {viewer}"
    ));
    out.push(format!(
        "GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {SCHEMA} TO {editor}"
    ));
    // The journal is written by its triggers, as the owner: no member writes it directly.
    out.push(format!(
        "REVOKE INSERT, UPDATE, DELETE ON {SCHEMA}.journal, {SCHEMA}.journal_head, \
         {SCHEMA}.schema_version FROM {editor}"
    ));
    // The rules (`setting`) are an admin's: an editor reads them.
    out.push(format!(
        "REVOKE INSERT, UPDATE, DELETE ON {SCHEMA}.setting FROM {editor}"
    ));
    out.push(format!(
        "GRANT INSERT, UPDATE, DELETE ON {SCHEMA}.setting TO {admin}"
    ));
    out.push(format!(
        "GRANT USAGE ON ALL SEQUENCES IN SCHEMA {SCHEMA} TO {editor}"
    ));
    // Tables a later migration makes (the owner runs migrations) get the same rights.
    for grant in [
        format!("GRANT SELECT ON TABLES TO {viewer}"),
        format!("GRANT INSERT, UPDATE, DELETE ON TABLES TO {editor}"),
        format!("GRANT USAGE ON SEQUENCES TO {editor}"),
    ] {
        out.push(format!(
            "ALTER DEFAULT PRIVILEGES IN SCHEMA {SCHEMA} {grant}"
        ));
    }
    Ok(out)
}

/// Makes the three groups of the connected database and grants their rights, on the tables
/// there are and (default privileges) on those later migrations make. Run by the database's
/// owner, who needs `CREATEROLE` to make the groups; a role without it is told so.
pub fn set_up(client: &mut impl GenericClient) -> Result<()> {
    let database = current_database(client)?;
    let mut tx = client.transaction()?;
    for statement in statements(&database)? {
        tx.batch_execute(&statement)
            .map_err(|e| not_allowed(e, "set_up"))?;
    }
    tx.commit()?;
    Ok(())
}

/// Adds the login role `name` as a member with `role`, making it (with `password`) when it
/// does not exist yet; an existing one (made by IT) just joins. Moves a member who had
/// another role. The groups are set up first when they are missing.
pub fn add(
    client: &mut impl GenericClient,
    name: &str,
    role: Role,
    password: Option<&str>,
) -> Result<()> {
    check_name(name)?;
    if password.is_some_and(|p| p.is_empty() || p.contains('\0')) {
        return Err(Error::PgSetting {
            setting: "password".into(),
            problem: format!(
                "the password for {name:?} is empty or holds a NUL character: give one, or \
                 none at all for a user whose password IT sets"
            ),
        });
    }
    let database = current_database(client)?;
    if !groups_exist(client, &database)? {
        set_up(client)?;
    }
    let was_member = list(client)?.iter().any(|m| m.name == name);
    let mut tx = client.transaction()?;
    let exists = tx
        .query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&name])?
        .is_some();
    let what = "add";
    if !exists {
        // The verifier, never the password: a server that logs statements keeps no secret.
        let password = password
            .map(|p| {
                let verifier = postgres_protocol::password::scram_sha_256(p.as_bytes());
                format!(" PASSWORD {}", literal(&verifier))
            })
            .unwrap_or_default();
        tx.batch_execute(&format!("CREATE ROLE {} LOGIN{password}", ident(name)))
            .map_err(|e| not_allowed(e, what))?;
    }
    for other in Role::ALL {
        tx.batch_execute(&format!(
            "REVOKE {} FROM {}",
            ident(&group(&database, other)?),
            ident(name)
        ))
        .map_err(|e| not_allowed(e, what))?;
    }
    // An admin may pass on every group (PostgreSQL 16 and later ask a role that grants one to
    // hold it WITH ADMIN OPTION, even with CREATEROLE).
    let grant = if role == Role::Admin {
        let groups: Vec<String> = Role::ALL
            .iter()
            .map(|r| group(&database, *r).map(|g| ident(&g)))
            .collect::<Result<_>>()?;
        format!(
            "GRANT {} TO {} WITH ADMIN OPTION",
            groups.join(", "),
            ident(name)
        )
    } else {
        format!(
            "GRANT {} TO {}",
            ident(&group(&database, role)?),
            ident(name)
        )
    };
    tx.batch_execute(&grant).map_err(|e| not_allowed(e, what))?;
    let createrole = if role == Role::Admin {
        "CREATEROLE"
    } else {
        "NOCREATEROLE"
    };
    tx.batch_execute(&format!("ALTER ROLE {} {createrole}", ident(name)))
        .map_err(|e| not_allowed(e, what))?;
    let change = if was_member { "moved" } else { "added" };
    record_change(&mut tx, name, Some(role), change)?;
    tx.commit()?;
    Ok(())
}

/// Removes `name` from the workspace's members (its login role stays: it may be used
/// elsewhere on the server). The database's owner cannot be removed.
pub fn remove(client: &mut impl GenericClient, name: &str) -> Result<bool> {
    let database = current_database(client)?;
    let members = list(client)?;
    let Some(member) = members.iter().find(|m| m.name == name) else {
        return Ok(false);
    };
    if member.owner {
        return Err(Error::PgSetting {
            setting: "member".into(),
            problem: format!(
                "{name} owns the database {database} and stays its admin: give the database \
                 another owner first (ALTER DATABASE … OWNER TO …)"
            ),
        });
    }
    let mut tx = client.transaction()?;
    for role in Role::ALL {
        tx.batch_execute(&format!(
            "REVOKE {} FROM {}",
            ident(&group(&database, role)?),
            ident(name)
        ))
        .map_err(|e| not_allowed(e, "remove"))?;
    }
    record_change(&mut tx, name, None, "removed")?;
    tx.commit()?;
    Ok(true)
}

/// Writes a member change where the journal sees it (its entry names who made it).
fn record_change(
    tx: &mut postgres::Transaction<'_>,
    member: &str,
    role: Option<Role>,
    change: &str,
) -> Result<()> {
    tx.execute(
        &format!("INSERT INTO {SCHEMA}.member_change (member, role, change) VALUES ($1, $2, $3)"),
        &[&member, &role.map(Role::as_str), &change],
    )
    .map_err(|e| not_allowed(e, "add"))?;
    Ok(())
}

/// The members: the database's owner first, then every login role in a group, by name.
pub fn list(client: &mut impl GenericClient) -> Result<Vec<Member>> {
    let database = current_database(client)?;
    let owner: String = client
        .query_one(
            "SELECT pg_get_userbyid(datdba)::text FROM pg_database WHERE datname = current_database()",
            &[],
        )?
        .get(0);
    let mut members = vec![Member {
        name: owner.clone(),
        role: Role::Admin,
        owner: true,
    }];
    let groups: Vec<String> = Role::ALL
        .iter()
        .map(|r| group(&database, *r))
        .collect::<Result<_>>()?;
    let rows = client.query(
        "SELECT m.rolname::text, g.rolname::text
           FROM pg_auth_members a
           JOIN pg_roles g ON g.oid = a.roleid
           JOIN pg_roles m ON m.oid = a.member
          WHERE g.rolname = ANY($1) AND m.rolcanlogin
          ORDER BY m.rolname",
        &[&groups],
    )?;
    for row in rows {
        let name: String = row.get(0);
        let group_name: String = row.get(1);
        let Some(role) = Role::ALL
            .into_iter()
            .zip(&groups)
            .find(|(_, g)| **g == group_name)
            .map(|(r, _)| r)
        else {
            continue;
        };
        if name == owner {
            continue;
        }
        match members.iter_mut().find(|m| m.name == name) {
            // In two groups (granted by hand): the larger role counts.
            Some(found) => found.role = found.role.max(role),
            None => members.push(Member {
                name,
                role,
                owner: false,
            }),
        }
    }
    Ok(members)
}

/// What the connected user may do in this workspace: by what PostgreSQL grants, not by a
/// name (a superuser or the owner is an admin; a user who may not insert is a viewer).
pub fn my_role(client: &mut impl GenericClient) -> Result<Role> {
    let database = current_database(client)?;
    let admin = group(&database, Role::Admin)?;
    let row = client.query_one(
        &format!(
            "SELECT
                 (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
                 OR pg_has_role(current_user, (SELECT datdba FROM pg_database
                                               WHERE datname = current_database()), 'MEMBER')
                 -- CASE, not AND: pg_has_role fails for a role that does not exist (a
                 -- workspace whose groups were never set up).
                 OR CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)
                         THEN pg_has_role(current_user, $1::text, 'MEMBER') ELSE false END,
                 has_table_privilege('{SCHEMA}.evidence', 'INSERT')"
        ),
        &[&admin],
    )?;
    let (is_admin, may_insert): (bool, bool) = (row.get(0), row.get(1));
    Ok(if is_admin {
        Role::Admin
    } else if may_insert {
        Role::Editor
    } else {
        Role::Viewer
    })
}

fn current_database(client: &mut impl GenericClient) -> Result<String> {
    Ok(client
        .query_one("SELECT current_database()::text", &[])?
        .get(0))
}

fn groups_exist(client: &mut impl GenericClient, database: &str) -> Result<bool> {
    let groups: Vec<String> = Role::ALL
        .iter()
        .map(|r| group(database, *r))
        .collect::<Result<_>>()?;
    let found: i64 = client
        .query_one(
            "SELECT count(*) FROM pg_roles WHERE rolname = ANY($1)",
            &[&groups],
        )?
        .get(0);
    Ok(found == 3)
}

/// A member's name: what PostgreSQL keeps of a role's name, and nothing a reader could take
/// for another (no quotes, no control characters).
fn check_name(name: &str) -> Result<()> {
    let problem = if name.is_empty() {
        Some("it is empty")
    } else if name.len() > NAME_MAX {
        Some("it is longer than 63 bytes")
    } else if name.starts_with("pg_") {
        Some("names beginning with pg_ are PostgreSQL's own")
    } else if name.chars().any(|c| c.is_control() || c == '"') {
        Some("it holds a quote or a control character")
    } else {
        None
    };
    match problem {
        Some(problem) => Err(Error::PgSetting {
            setting: "member".into(),
            problem: format!("{name:?} cannot be a member's name: {problem}"),
        }),
        None => Ok(()),
    }
}

/// A refusal by the server (`42501`, insufficient privilege) as [`Error::PgNotAllowed`] for
/// `action`; anything else as it is.
fn not_allowed(e: postgres::Error, action: &'static str) -> Error {
    if e.code() == Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE) {
        return Error::PgNotAllowed {
            action,
            reason: e
                .as_db_error()
                .map(|d| d.message().to_owned())
                .unwrap_or_default(),
        };
    }
    Error::Postgres(e)
}

impl crate::Db {
    /// The workspace's members ([`list`]); a workspace folder has none.
    pub fn members(&self) -> Result<Vec<Member>> {
        list(&mut *self.pg_client()?)
    }

    /// Adds `name` as a member with `role` ([`add`]).
    pub fn add_member(&self, name: &str, role: Role, password: Option<&str>) -> Result<()> {
        add(&mut *self.pg_client()?, name, role, password)
    }

    /// The statements that set up this database's member roles ([`statements`]), for an IT
    /// department that runs them itself.
    pub fn member_statements(&self) -> Result<Vec<String>> {
        let database = current_database(&mut *self.pg_client()?)?;
        statements(&database)
    }

    /// Removes `name` from the members ([`remove`]); `false` when it was none.
    pub fn remove_member(&self, name: &str) -> Result<bool> {
        remove(&mut *self.pg_client()?, name)
    }

    fn pg_client(&self) -> Result<std::cell::RefMut<'_, postgres::Client>> {
        match &self.conn().0 {
            crate::sql::ConnOf::Postgres(pg) => Ok(pg.client()),
            crate::sql::ConnOf::Sqlite(_) => Err(Error::MembersOnServerOnly),
        }
    }
}

#[cfg(test)]
#[path = "team_tests.rs"]
mod tests;
