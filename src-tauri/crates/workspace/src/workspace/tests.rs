use super::*;
use chrono::TimeZone as _;
use csmsdesk_core::company::ProfileField;
use csmsdesk_core::i18n::Lang;
use csmsdesk_store::Error as StoreError;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 30, 0).unwrap()
}

fn profile_input(name: &str, id: &str) -> CompanyProfileInput {
    CompanyProfileInput {
        company_name: name.into(),
        participant_id: id.into(),
        enx_contact: "jane@example.com".into(),
        language: "en".into(),
    }
}

#[test]
fn a_new_workspace_is_a_private_folder_with_database_and_vault() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("acme");
    let ws = Workspace::create(&dir, now()).unwrap();
    assert!(dir.join(DB_FILE).is_file() && dir.join(VAULT_DIR).is_dir());
    // Windows has no modes: the folder inherits the profile's ACL (README, "Windows").
    #[cfg(unix)]
    for path in [dir.clone(), dir.join(VAULT_DIR)] {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode,
            0o700,
            "{} must be readable by its owner only",
            path.display()
        );
    }
    let info = ws.info().unwrap();
    assert_eq!(info.created_at.as_deref(), Some("2026-11-25T09:30:00Z"));
    assert_eq!(info.company, CompanyProfile::default());
}

#[test]
fn the_company_profile_survives_closing_and_reopening() {
    let root = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(root.path(), now()).unwrap();
    ws.save_company_profile(&profile_input("Muster GmbH", "p1a2b3"))
        .unwrap();
    drop(ws);
    let ws = Workspace::open(root.path(), now()).unwrap();
    let profile = ws.company_profile().unwrap();
    assert_eq!(profile.company_name, "Muster GmbH");
    assert_eq!(profile.participant_id.unwrap().as_str(), "P1A2B3");
}

#[test]
fn an_invalid_profile_is_refused_and_the_stored_one_kept() {
    let root = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(root.path(), now()).unwrap();
    ws.save_company_profile(&profile_input("Muster GmbH", ""))
        .unwrap();
    let err = ws
        .save_company_profile(&profile_input("Other AG", "12"))
        .unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::InvalidInput);
    assert_eq!(
        err.field_errors()[0].field,
        ProfileField::ParticipantId.as_str()
    );
    assert_eq!(
        ws.company_profile().unwrap().company_name,
        "Muster GmbH",
        "nothing half-written"
    );
}

#[test]
fn init_names_the_company_of_a_new_workspace() {
    let root = tempfile::tempdir().unwrap();
    let ws = Workspace::init(&root.path().join("ws"), " Muster GmbH ", now()).unwrap();
    assert_eq!(ws.company_profile().unwrap().company_name, "Muster GmbH");
}

#[test]
fn init_with_a_blank_company_name_creates_nothing() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("ws");
    let err = Workspace::init(&dir, "  ", now()).unwrap_err();
    assert_eq!(
        err.field_errors()[0].field,
        ProfileField::CompanyName.as_str()
    );
    assert!(!dir.exists(), "a refused init leaves no folder behind");
}

#[test]
fn opening_a_folder_without_a_workspace_names_the_folder() {
    let root = tempfile::tempdir().unwrap();
    let err = Workspace::open(root.path(), now()).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::WorkspaceMissing);
    let text = err.message().render(Lang::English);
    assert!(text.contains(&root.path().display().to_string()), "{text}");
    assert!(
        std::fs::read_dir(root.path()).unwrap().next().is_none(),
        "open creates nothing"
    );
}

#[test]
fn a_second_writer_is_told_who_holds_the_workspace() {
    let root = tempfile::tempdir().unwrap();
    let _first = Workspace::create(root.path(), now()).unwrap();
    let err = Workspace::open(root.path(), now()).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::WorkspaceInUse);
    let text = err.message().render(Lang::English);
    let pid = std::process::id().to_string();
    assert!(
        text.contains(&pid) && text.contains("2026-11-25T09:30:00Z"),
        "{text}"
    );
}

#[test]
fn a_new_workspace_is_not_made_in_a_folder_with_other_files() {
    let root = tempfile::tempdir().unwrap();
    std::fs::write(root.path().join("thesis.pdf"), b"%PDF").unwrap();
    let err = Workspace::create(root.path(), now()).unwrap_err();
    assert!(matches!(err, Error::FolderNotEmpty { .. }), "got {err:?}");
    let names: Vec<_> = std::fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["thesis.pdf"], "the user's folder is left as it was");
}

#[test]
fn creating_over_an_existing_workspace_is_refused() {
    let root = tempfile::tempdir().unwrap();
    drop(Workspace::create(root.path(), now()).unwrap());
    let err = Workspace::create(root.path(), now()).unwrap_err();
    assert!(
        matches!(err, Error::AlreadyAWorkspace { .. }),
        "got {err:?}"
    );
}

#[test]
fn a_damaged_database_is_reported_with_its_path_and_left_alone() {
    let root = tempfile::tempdir().unwrap();
    drop(Workspace::create(root.path(), now()).unwrap());
    let db = root.path().join(DB_FILE);
    std::fs::write(&db, vec![b'x'; 4096]).unwrap();
    let err = Workspace::open(root.path(), now()).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::WorkspaceUnusable);
    assert!(
        matches!(err, Error::Store(StoreError::NotADatabase { .. })),
        "got {err:?}"
    );
    assert!(
        err.message()
            .render(Lang::German)
            .contains(&db.display().to_string())
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        vec![b'x'; 4096],
        "nothing is repaired silently"
    );
}

/// Makes a folder unwritable for this process while alive: `chattr +i` for root (whom file
/// modes do not stop), mode 0500 for anyone else. Unix only, as the tests that use it.
#[cfg(unix)]
struct Unwritable<'a>(&'a Path, bool);

#[cfg(unix)]
impl<'a> Unwritable<'a> {
    fn new(dir: &'a Path) -> Self {
        let probe = dir.join(".probe");
        std::fs::write(&probe, b"").unwrap();
        let is_root = std::os::unix::fs::MetadataExt::uid(&std::fs::metadata(&probe).unwrap()) == 0;
        std::fs::remove_file(&probe).unwrap();
        if is_root {
            let status = std::process::Command::new("chattr")
                .arg("+i")
                .arg(dir)
                .status()
                .unwrap();
            assert!(
                status.success(),
                "chattr +i {} must work to test an unwritable folder",
                dir.display()
            );
        } else {
            std::fs::set_permissions(dir, std::os::unix::fs::PermissionsExt::from_mode(0o500))
                .unwrap();
        }
        Unwritable(dir, is_root)
    }
}

#[cfg(unix)]
impl Drop for Unwritable<'_> {
    fn drop(&mut self) {
        if self.1 {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(self.0)
                .status();
        } else {
            let _ = std::fs::set_permissions(
                self.0,
                std::os::unix::fs::PermissionsExt::from_mode(0o700),
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn a_workspace_cannot_be_made_in_a_folder_that_cannot_be_written() {
    let root = tempfile::tempdir().unwrap();
    let parent = root.path().join("read-only");
    std::fs::create_dir(&parent).unwrap();
    let _guard = Unwritable::new(&parent);
    let dir = parent.join("ws");
    let err = Workspace::create(&dir, now()).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::NotWritable, "got {err:?}");
    assert!(
        err.message()
            .render(Lang::English)
            .contains(&dir.display().to_string())
    );
}

#[cfg(unix)]
#[test]
fn a_workspace_in_a_folder_that_became_unwritable_is_refused_with_its_path() {
    let root = tempfile::tempdir().unwrap();
    drop(Workspace::create(root.path(), now()).unwrap());
    std::fs::remove_file(root.path().join(WorkspaceLock::FILE_NAME)).unwrap();
    let _guard = Unwritable::new(root.path());
    let err = Workspace::open(root.path(), now()).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::NotWritable, "got {err:?}");
    let text = err.message().render(Lang::German);
    assert!(text.contains(&root.path().display().to_string()), "{text}");
}

#[test]
fn open_or_create_makes_the_default_workspace_once_and_then_opens_it() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("default");
    let mut ws = Workspace::open_or_create(&dir, now()).unwrap();
    ws.save_company_profile(&profile_input("ACME", "")).unwrap();
    drop(ws);
    let ws = Workspace::open_or_create(&dir, now()).unwrap();
    assert_eq!(
        ws.company_profile().unwrap().company_name,
        "ACME",
        "the second call opens"
    );
}

#[test]
fn every_error_renders_a_complete_message_in_both_languages() {
    let path = PathBuf::from("/data/ws");
    let holder = csmsdesk_store::LockHolder {
        pid: 7,
        host: "h".into(),
        since: "s".into(),
    };
    let io = || std::io::Error::other("x");
    let errors = [
        Error::NotAWorkspace { path: path.clone() },
        Error::AlreadyAWorkspace { path: path.clone() },
        Error::FolderNotEmpty { path: path.clone() },
        Error::NoDefaultLocation,
        Error::InvalidProfile(vec![]),
        StoreError::InUse {
            path: path.clone(),
            holder: Some(holder),
        }
        .into(),
        StoreError::InUse {
            path: path.clone(),
            holder: None,
        }
        .into(),
        StoreError::NotADatabase { path: path.clone() }.into(),
        StoreError::ForeignDatabase { path: path.clone() }.into(),
        StoreError::NewerSchema {
            path: path.clone(),
            found: 9,
            supported: 1,
        }
        .into(),
        StoreError::NotWritable {
            path: path.clone(),
            source: io(),
        }
        .into(),
        StoreError::Io {
            path: path.clone(),
            source: io(),
        }
        .into(),
        StoreError::Corrupt {
            column: "language",
            value: "xx".into(),
        }
        .into(),
    ];
    for err in errors {
        for lang in Lang::ALL {
            let text = err.message().render(lang);
            assert!(
                !text.contains('{') && !text.starts_with("error."),
                "{err:?} in {lang:?}: {text}"
            );
        }
    }
}

/// Inside `pg_virtualenv` with `CSMSDESK_TEST_PG` set (as `cargo xtask test` runs it), else
/// skipped.
#[test]
fn a_workspace_on_postgresql_has_no_folder_lock_or_vault_and_says_where_it_is_on_postgresql() {
    if std::env::var("CSMSDESK_TEST_PG")
        .unwrap_or_default()
        .is_empty()
    {
        eprintln!("SKIPPED: no PostgreSQL (run inside pg_virtualenv with CSMSDESK_TEST_PG=1)");
        return;
    }
    let url = crate::test_support::test_database();
    let location = Location::Postgres(url.clone());
    let ws = Workspace::init_at(&location, "Muster GmbH", now()).unwrap();
    let info = ws.info().unwrap();
    assert!(info.on_postgres && info.dir.as_os_str().is_empty());
    assert_eq!(info.location, location.to_string());
    assert_eq!(info.company.company_name, "Muster GmbH");
    assert_eq!(ws.folder(), None);
    assert!(!ws.is_read_only());
    // Evidence content lives in the database: no folder, and what is stored reads back.
    let vault = ws.vault();
    assert_eq!(vault.dir(), None);
    let blob = vault
        .store_bytes(b"evidence in the database", Path::new("note.txt"))
        .unwrap();
    let mut back = Vec::new();
    vault.copy_to(&blob.sha256, &mut back).unwrap();
    assert_eq!(back, b"evidence in the database");
    // No lock: a second opening works beside the first, and a read-only one refuses writes.
    let mut second = Workspace::open_at(&location, now()).unwrap();
    second
        .save_company_profile(&profile_input("Muster AG", ""))
        .unwrap();
    assert_eq!(ws.company_profile().unwrap().company_name, "Muster AG");
    let mut looking = Workspace::open_read_only_at(&location, now()).unwrap();
    assert!(looking.is_read_only());
    let err = looking
        .save_company_profile(&profile_input("Other", ""))
        .unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::ReadOnly, "{err}");
    // Outputs may go to any folder: there is no workspace folder to protect.
    ws.refuse_output_inside(Path::new("/tmp/x.ics"), "ics")
        .unwrap();
    let err = Workspace::create_at(&location, now()).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::InvalidInput, "{err}");
}
