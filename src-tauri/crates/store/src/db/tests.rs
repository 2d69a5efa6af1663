use super::*;

fn new_db(dir: &Path) -> Db {
    Db::create(
        &dir.join("workspace.sqlite"),
        "2026-11-25T10:00:00Z",
        "test",
    )
    .unwrap()
}

#[test]
fn the_migration_list_is_valid() {
    migrations()
        .validate()
        .expect("every migration applies to an empty database");
}

#[test]
fn a_new_database_is_at_the_latest_schema_version_and_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    assert_eq!(db.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(
        db.meta("created_at").unwrap().as_deref(),
        Some("2026-11-25T10:00:00Z")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(db.path()).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode, 0o600,
            "workspace data is confidential: only the owner may read it"
        );
    }
}

#[test]
fn connections_enforce_foreign_keys_and_use_wal() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let fk: i64 = db
        .conn()
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    let mode: String = db
        .conn()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!((fk, mode.as_str()), (1, "wal"));
}

#[test]
fn reopening_keeps_the_data_and_the_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path()).path().to_owned();
    let db = Db::open(&path).unwrap();
    assert_eq!(db.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(db.meta("created_by").unwrap().as_deref(), Some("test"));
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workspace.sqlite");
    let junk =
        b"this is a text file, not a database, and it is long enough to have a header".repeat(20);
    std::fs::write(&path, &junk).unwrap();
    let err = Db::open(&path).unwrap_err();
    assert!(matches!(err, Error::NotADatabase { .. }), "got {err:?}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        junk,
        "nothing is repaired or overwritten"
    );
}

#[test]
fn a_database_from_a_newer_build_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path()).path().to_owned();
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = Db::open(&path).unwrap_err();
    assert!(
        matches!(
            err,
            Error::NewerSchema {
                found: 99,
                supported: SCHEMA_VERSION,
                ..
            }
        ),
        "got {err:?}"
    );
    let version: i64 = Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 99, "the newer file is not downgraded");
}

#[test]
fn another_programs_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workspace.sqlite");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE contacts (name TEXT);")
        .unwrap();
    let err = Db::open(&path).unwrap_err();
    assert!(matches!(err, Error::ForeignDatabase { .. }), "got {err:?}");
}
