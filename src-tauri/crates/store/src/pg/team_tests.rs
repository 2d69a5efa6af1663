//! Members and roles against the test cluster: what each role may do is what PostgreSQL
//! grants, so a viewer's write is refused even on a connection of its own, as with `psql`.

use super::*;
use crate::pg::test_server::{TestDb, server};
use crate::pg::{PgConfig, Secret};
use crate::{Db, settings};

fn new_workspace(test: &TestDb) -> Db {
    Db::create_pg(&test.config, "2026-11-25T10:00:00Z", "test").unwrap()
}

/// `test`'s database as `user` with `password`.
fn as_member(test: &TestDb, user: &str, password: &str) -> PgConfig {
    let mut config = test.config.clone();
    config.user = user.to_owned();
    config.with_password(Secret::new(password))
}

fn entries_by(db: &Db, user: &str) -> usize {
    crate::journal::entries(db.conn())
        .unwrap()
        .iter()
        .filter(|e| e.user == user)
        .count()
}

#[test]
fn each_role_may_do_what_postgresql_grants_it_and_the_journal_names_the_member_on_postgresql() {
    let Some(admin) = server() else { return };
    let test = TestDb::create(&admin);
    let mut owner_db = new_workspace(&test);
    assert_eq!(owner_db.member_role(), Some(Role::Admin), "the creator");
    let (viewer, editor, boss) = (
        format!("{}_v", test.name),
        format!("{}_e", test.name),
        format!("{}_a", test.name),
    );
    {
        owner_db
            .add_member(&viewer, Role::Viewer, Some("view pw"))
            .unwrap();
        owner_db
            .add_member(&editor, Role::Editor, Some("edit pw"))
            .unwrap();
        owner_db
            .add_member(&boss, Role::Admin, Some("admin pw"))
            .unwrap();
        let members = owner_db.members().unwrap();
        assert!(
            members[0].owner && members[0].role == Role::Admin,
            "{members:?}"
        );
        let named: Vec<(&str, Role)> = members[1..]
            .iter()
            .map(|m| (m.name.as_str(), m.role))
            .collect();
        assert_eq!(
            named,
            [
                (boss.as_str(), Role::Admin),
                (editor.as_str(), Role::Editor),
                (viewer.as_str(), Role::Viewer)
            ]
        );
    }
    owner_db
        .write(|tx| settings::set(tx, "by", "owner"))
        .unwrap();

    // The viewer: opened read-only, and refused by the grants even past the session's flag.
    let viewer_db = Db::open_pg(&as_member(&test, &viewer, "view pw")).unwrap();
    assert_eq!(viewer_db.member_role(), Some(Role::Viewer));
    assert!(viewer_db.is_read_only());
    assert_eq!(
        settings::get(viewer_db.conn(), "by").unwrap().as_deref(),
        Some("owner"),
        "a viewer reads everything"
    );
    let mut raw = crate::pg::connect(&as_member(&test, &viewer, "view pw")).unwrap();
    let refused = raw
        .batch_execute("INSERT INTO setting (key, value) VALUES ('by', 'viewer')")
        .unwrap_err();
    assert_eq!(
        refused.code(),
        Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
        "{refused}"
    );

    // The editor: writes rows, journalled under its own name, and cannot touch the journal
    // or the rules (an admin's).
    let mut editor_db = Db::open_pg(&as_member(&test, &editor, "edit pw")).unwrap();
    assert_eq!(editor_db.member_role(), Some(Role::Editor));
    assert!(!editor_db.is_read_only());
    editor_db
        .write(|tx| {
            crate::sql::Sql::execute(
                tx,
                "INSERT INTO location (name) VALUES ('Plant of the editor')",
                crate::params![],
            )
        })
        .unwrap();
    assert_eq!(
        entries_by(&owner_db, &editor),
        1,
        "the entry names who connected"
    );
    let mut raw = crate::pg::connect(&as_member(&test, &editor, "edit pw")).unwrap();
    for forged in [
        "UPDATE setting SET value = 'editor' WHERE key = 'by'",
        "INSERT INTO journal (seq, at, \"user\", source, tbl, op, row_key) \
         VALUES (999, 'x', 'someone', 'psql', 'setting', 'insert', 'k')",
        "UPDATE journal_head SET seq = 1",
        "DELETE FROM schema_version",
    ] {
        let e = raw.batch_execute(forged).unwrap_err();
        assert_eq!(
            e.code(),
            Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
            "{forged}: {e}"
        );
    }
    let e = editor_db
        .add_member("someone_else", Role::Viewer, None)
        .unwrap_err();
    assert!(
        matches!(e, Error::PgNotAllowed { action: "add", .. }),
        "{e}"
    );
    // A table a later migration makes (as the owner) is the editor's to write, the viewer's
    // to read.
    owner_db
        .conn()
        .execute_batch("CREATE TABLE later_table (id BIGINT PRIMARY KEY)")
        .unwrap();
    raw.batch_execute("INSERT INTO later_table (id) VALUES (1)")
        .unwrap();
    let (_, _, problems) = crate::journal::verify(owner_db.conn()).unwrap();
    assert!(problems.is_empty(), "{problems:?}");

    // The admin member changes the rules, adds and removes members; the owner cannot be
    // removed.
    let mut admin_db = Db::open_pg(&as_member(&test, &boss, "admin pw")).unwrap();
    assert_eq!(admin_db.member_role(), Some(Role::Admin));
    admin_db
        .write(|tx| settings::set(tx, "by", "admin"))
        .unwrap();
    let late = format!("{}_late", test.name);
    admin_db
        .add_member(&late, Role::Editor, Some("late pw"))
        .unwrap();
    // Moved to another role: one group at a time.
    admin_db.add_member(&late, Role::Viewer, None).unwrap();
    let members = admin_db.members().unwrap();
    let found = members.iter().find(|m| m.name == late).unwrap();
    assert_eq!(found.role, Role::Viewer);
    assert!(admin_db.remove_member(&late).unwrap());
    assert!(!admin_db.remove_member(&late).unwrap(), "removed once");
    assert!(admin_db.members().unwrap().iter().all(|m| m.name != late));
    // Each member change is journalled, naming the admin who made it.
    let changes = crate::journal::page(
        owner_db.conn(),
        &crate::journal::PageQuery {
            before: None,
            table: Some("member_change"),
            user: Some(&boss),
            limit: 10,
        },
    )
    .unwrap();
    let said: Vec<String> = changes
        .iter()
        .rev()
        .map(|e| e.after.clone().unwrap_or_default())
        .collect();
    assert_eq!(said.len(), 3, "{said:?}");
    for (entry, change) in said.iter().zip(["added", "moved", "removed"]) {
        assert!(entry.contains(&late) && entry.contains(change), "{entry}");
    }
    let owner = members[0].name.clone();
    assert!(matches!(
        admin_db.remove_member(&owner).unwrap_err(),
        Error::PgSetting { .. }
    ));
    assert!(matches!(
        admin_db.add_member("fine_name", Role::Viewer, Some("")),
        Err(Error::PgSetting { .. })
    ));
    for bad in ["", "pg_monitor", "a\"b", &"x".repeat(64)] {
        assert!(
            matches!(
                admin_db.add_member(bad, Role::Viewer, None),
                Err(Error::PgSetting { .. })
            ),
            "{bad:?}"
        );
    }
}

#[test]
fn a_member_who_does_not_own_an_older_schema_is_told_who_may_update_it_on_postgresql() {
    let Some(admin) = server() else { return };
    let test = TestDb::create(&admin);
    let owner_db = new_workspace(&test);
    let editor = format!("{}_e", test.name);
    owner_db
        .add_member(&editor, Role::Editor, Some("pw"))
        .unwrap();
    drop(owner_db);
    // As if the workspace were one version older (its last migration is repeatable).
    let mut superuser = test.connect();
    superuser
        .batch_execute(&format!(
            "UPDATE {SCHEMA}.schema_version SET version = version - 1"
        ))
        .unwrap();
    let e = Db::open_pg(&as_member(&test, &editor, "pw")).unwrap_err();
    match &e {
        Error::PgOwnerMustUpdate {
            database,
            found,
            supported,
            ..
        } => {
            assert_eq!(database, &test.name);
            assert_eq!(*found + 1, *supported);
        }
        other => panic!("{other}"),
    }
    // Unchanged: the owner's next open updates it.
    let version: i64 = superuser
        .query_one(&format!("SELECT version FROM {SCHEMA}.schema_version"), &[])
        .unwrap()
        .get(0);
    assert_eq!(version, crate::pg::SCHEMA_VERSION - 1);
    let db = Db::open_pg(&test.config).unwrap();
    assert_eq!(db.schema_version().unwrap(), crate::pg::SCHEMA_VERSION);
}

#[test]
fn the_statements_for_it_departments_name_the_database_s_groups() {
    let sql = statements("acme_csms").unwrap().join(";\n");
    for needle in [
        "CREATE ROLE \"acme_csms_viewer\" NOLOGIN",
        "GRANT \"acme_csms_viewer\" TO \"acme_csms_editor\"",
        "GRANT \"acme_csms_editor\" TO \"acme_csms_admin\"",
        "GRANT CONNECT ON DATABASE \"acme_csms\" TO \"acme_csms_viewer\"",
        "GRANT SELECT ON ALL TABLES IN SCHEMA csmsdesk TO \"acme_csms_viewer\"",
        "REVOKE INSERT, UPDATE, DELETE ON csmsdesk.journal",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA csmsdesk GRANT INSERT, UPDATE, DELETE ON TABLES TO \"acme_csms_editor\"",
    ] {
        assert!(sql.contains(needle), "{needle} in\n{sql}");
    }
    assert!(matches!(
        statements(&"d".repeat(60)),
        Err(Error::PgSetting { .. })
    ));
    assert_eq!(Role::parse("editor"), Some(Role::Editor));
    assert_eq!(Role::parse("owner"), None);
}
