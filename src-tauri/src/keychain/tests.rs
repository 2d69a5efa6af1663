use super::*;
use csmsdesk_workspace::Location;
use keyring::mock::MockCredential;

fn config(text: &str) -> PgConfig {
    let Location::Postgres(url) = Location::parse(std::ffi::OsStr::new(text)).unwrap() else {
        panic!("{text} is not a URL")
    };
    PgConfig::resolve_with(&url, &|_| None).unwrap()
}

/// An entry of keyring's mock store (kept in the entry itself, no global state).
fn mock_entry() -> Entry {
    let credential = keyring::mock::default_credential_builder()
        .build(None, SERVICE, "anna@db.example.com:5432/acme")
        .unwrap();
    Entry::new_with_credential(credential)
}

fn fail_next_call(entry: &Entry) {
    let mock: &MockCredential = entry.get_credential().downcast_ref().unwrap();
    mock.set_error(keyring::Error::NoStorageAccess(
        "org.freedesktop.secrets was not provided by any .service files".into(),
    ));
}

#[test]
fn one_entry_per_user_host_port_and_database() {
    assert_eq!(
        account(&config("postgresql://anna@db.example.com/acme")),
        "anna@db.example.com:5432/acme"
    );
    assert_eq!(
        account(&config("postgresql://anna@db.example.com:6543/acme")),
        "anna@db.example.com:6543/acme"
    );
    assert_ne!(
        account(&config("postgresql://anna@db.example.com/acme")),
        account(&config("postgresql://bert@db.example.com/acme"))
    );
    // The password never takes part in the account.
    assert_eq!(
        account(&config("postgresql://anna:secret@db.example.com/acme")),
        "anna@db.example.com:5432/acme"
    );
}

#[test]
fn a_saved_password_is_read_back_and_forgotten() {
    let entry = mock_entry();
    assert_eq!(read(&entry), Ok(None), "nothing saved yet");
    save(&entry, &Secret::new("s3cret äöü")).unwrap();
    assert_eq!(read(&entry), Ok(Some(Secret::new("s3cret äöü"))));
    save(&entry, &Secret::new("newer")).unwrap();
    assert_eq!(
        read(&entry),
        Ok(Some(Secret::new("newer"))),
        "a new one replaces it"
    );
    assert_eq!(forget(&entry), Ok(true));
    assert_eq!(read(&entry), Ok(None));
    assert_eq!(
        forget(&entry),
        Ok(false),
        "forgetting twice says none was saved"
    );
}

#[test]
fn a_keychain_that_cannot_be_used_is_said_plainly_and_shows_no_password() {
    let entry = mock_entry();
    fail_next_call(&entry);
    let Err(Unavailable(reason)) = save(&entry, &Secret::new("hunter2")) else {
        panic!("the failure must be reported")
    };
    assert!(reason.contains("org.freedesktop.secrets"), "{reason}");
    assert!(!reason.contains("hunter2"), "{reason}");
    fail_next_call(&entry);
    assert!(read(&entry).is_err());
    fail_next_call(&entry);
    assert!(forget(&entry).is_err());
}

#[test]
fn an_unreadable_keychain_means_no_saved_password_and_the_user_is_asked() {
    let config = config("postgresql://anna@db.example.com/acme");
    let broken = |_: &PgConfig| -> Result<Entry, Unavailable> {
        Err(Unavailable(
            "no Secret Service on the session bus".to_owned(),
        ))
    };
    assert_eq!(saved_password(&config, &broken), None);
    let saved = |_: &PgConfig| -> Result<Entry, Unavailable> {
        let entry = mock_entry();
        save(&entry, &Secret::new("from the keychain")).unwrap();
        Ok(entry)
    };
    assert_eq!(
        saved_password(&config, &saved),
        Some(Secret::new("from the keychain"))
    );
}
