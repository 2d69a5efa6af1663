use super::*;
use crate::Db;

/// A new workspace database in `dir`, closed again; returns its path.
fn new_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("workspace.sqlite");
    drop(Db::create(&path, "2026-11-25T10:00:00Z", "test").unwrap());
    path
}

/// Runs `sql` on the file at `path` through a plain connection, as another SQLite tool would.
fn tamper(path: &Path, sql: &str) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(sql).unwrap();
}

fn difference(change: Change, kind: &str, name: &str) -> Verdict {
    Verdict::Differs(Difference {
        change,
        kind: kind.into(),
        name: name.into(),
    })
}

#[test]
fn a_new_workspace_database_is_ours_at_the_latest_version_and_is_not_changed_by_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    let before = std::fs::read(&path).unwrap();
    assert_eq!(
        check_file(&path).unwrap(),
        Verdict::Ours {
            version: SCHEMA_VERSION
        }
    );
    assert!(
        std::fs::read(&path).unwrap() == before,
        "checking a file must not write to it"
    );
}

#[test]
fn a_database_of_an_older_version_is_ours_before_and_after_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workspace.sqlite");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 3).unwrap();
    }
    assert_eq!(check_file(&path).unwrap(), Verdict::Ours { version: 3 });
    // Opening migrates it and makes the journal triggers: the same as a new database has.
    drop(Db::open(&path).unwrap());
    assert_eq!(
        check_file(&path).unwrap(),
        Verdict::Ours {
            version: SCHEMA_VERSION
        }
    );
}

#[test]
fn an_added_trigger_is_named_as_one_csms_desk_does_not_make() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    tamper(
        &path,
        "CREATE TRIGGER wipe_links AFTER INSERT ON location BEGIN DELETE FROM evidence_link; END;",
    );
    assert_eq!(
        check_file(&path).unwrap(),
        difference(Change::Extra, "trigger", "wipe_links")
    );
}

#[test]
fn a_dropped_or_rewritten_journal_trigger_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    tamper(&path, "DROP TRIGGER journal_evidence_link_delete;");
    assert_eq!(
        check_file(&path).unwrap(),
        difference(Change::Missing, "trigger", "journal_evidence_link_delete")
    );

    std::fs::remove_file(&path).unwrap();
    let path = new_file(dir.path());
    // Same name, same table, another body: entries are sealed without a hash.
    tamper(
        &path,
        "DROP TRIGGER journal_seal;
         CREATE TRIGGER journal_seal AFTER INSERT ON journal BEGIN SELECT 1; END;",
    );
    assert_eq!(
        check_file(&path).unwrap(),
        difference(Change::Changed, "trigger", "journal_seal")
    );
}

#[test]
fn a_changed_index_and_an_added_view_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    tamper(
        &path,
        "DROP INDEX evidence_version_by_sha256;
         CREATE INDEX evidence_version_by_sha256 ON evidence_version (size);",
    );
    assert_eq!(
        check_file(&path).unwrap(),
        difference(Change::Changed, "index", "evidence_version_by_sha256")
    );

    std::fs::remove_file(&path).unwrap();
    let path = new_file(dir.path());
    tamper(&path, "CREATE VIEW everything AS SELECT * FROM evidence;");
    assert_eq!(
        check_file(&path).unwrap(),
        difference(Change::Extra, "view", "everything")
    );
}

#[test]
fn another_programs_database_is_foreign_whatever_version_it_claims() {
    let dir = tempfile::tempdir().unwrap();
    for version in [0, 3, SCHEMA_VERSION, 99, -1] {
        let path = dir.path().join(format!("other-{version}.sqlite"));
        tamper(
            &path,
            &format!(
                "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);
                 PRAGMA user_version = {version};"
            ),
        );
        assert_eq!(
            check_file(&path).unwrap(),
            Verdict::Foreign,
            "user_version {version}"
        );
    }
}

#[test]
fn a_database_of_a_newer_build_is_named_newer_and_one_claiming_no_version_is_foreign() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    tamper(&path, "PRAGMA user_version = 99;");
    assert_eq!(check_file(&path).unwrap(), Verdict::Newer { found: 99 });
    tamper(&path, "PRAGMA user_version = 0;");
    assert_eq!(check_file(&path).unwrap(), Verdict::Foreign);
}

#[test]
fn a_changed_header_setting_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    tamper(&path, "PRAGMA application_id = 1234;");
    assert_eq!(
        check_file(&path).unwrap(),
        Verdict::Setting {
            name: "application_id",
            found: "1234".into(),
            expected: "0".into()
        }
    );
}

#[test]
fn a_file_that_is_not_a_database_or_an_empty_one_is_not_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("garbage");
    std::fs::write(&garbage, vec![7u8; 8192]).unwrap();
    assert_eq!(check_file(&garbage).unwrap(), Verdict::NotADatabase);
    let empty = dir.path().join("empty");
    std::fs::write(&empty, b"").unwrap();
    assert_eq!(check_file(&empty).unwrap(), Verdict::NotADatabase);
}

#[test]
fn normalising_sql_ignores_layout_and_comments_but_not_literals() {
    assert_eq!(
        normalise_sql("CREATE TABLE t (\n    a TEXT, -- why\n    b /* note */ INT\n)"),
        normalise_sql("CREATE TABLE t ( a TEXT, b INT )"),
    );
    assert_ne!(
        normalise_sql("CHECK (x IN ('a  b'))"),
        normalise_sql("CHECK (x IN ('a b'))"),
        "whitespace inside a literal is part of it"
    );
    assert_ne!(
        normalise_sql("SELECT '--' || x"),
        normalise_sql("SELECT '"),
        "a comment marker inside a literal is text"
    );
    assert_eq!(normalise_sql("  a\t\tb  "), "a b");
}

#[test]
fn checking_a_file_in_wal_mode_leaves_nothing_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    // Characters that a URI would misread; `?` cannot be in a Windows name at all.
    let name = if cfg!(windows) {
        "a #%ä.sqlite"
    } else {
        "a ?#%ä.sqlite"
    };
    let path = dir.path().join(name);
    drop(Db::create(&path, "2026-11-25T10:00:00Z", "test").unwrap());
    let mode: String = Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(
        check_file(&path).unwrap(),
        Verdict::Ours {
            version: SCHEMA_VERSION
        },
        "a name with URI characters is read as it is"
    );
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(files.len(), 1, "no -wal or -shm appears: {files:?}");
}
