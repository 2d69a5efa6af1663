use std::cell::RefCell;

use csmsdesk_workspace::PasswordSource;

use super::*;

fn config() -> PgConfig {
    let Location::Postgres(url) = Location::parse(std::ffi::OsStr::new(
        "postgresql://anna@db.example.com/acme",
    ))
    .unwrap() else {
        unreachable!()
    };
    PgConfig::resolve_with(&url, &|_| None).unwrap()
}

fn needed() -> Error {
    Error::Store(StoreError::PgPasswordNeeded {
        host: "db.example.com".to_owned(),
        port: 5432,
        user: "anna".to_owned(),
        database: "acme".to_owned(),
    })
}

fn refused() -> Error {
    Error::Store(StoreError::PgCredentials {
        host: "db.example.com".to_owned(),
        port: 5432,
        user: "anna".to_owned(),
        database: "acme".to_owned(),
        reason: "password authentication failed for user \"anna\"".to_owned(),
    })
}

/// A server that wants `right` as anna's password; records the passwords it was sent.
fn server<'a>(
    right: &'a str,
    sent: &'a RefCell<Vec<Option<String>>>,
) -> impl Fn(&PgConfig) -> Result<&'static str, Error> + 'a {
    move |config: &PgConfig| {
        let given = config.password().map(|p| p.expose().to_owned());
        sent.borrow_mut().push(given.clone());
        match given {
            None => Err(needed()),
            Some(p) if p == right => Ok("open"),
            Some(_) => Err(refused()),
        }
    }
}

#[test]
fn the_keychain_is_asked_only_after_the_server_wants_a_password() {
    let sent = RefCell::new(Vec::new());
    let asked = RefCell::new(0);
    let saved = |_: &PgConfig| {
        *asked.borrow_mut() += 1;
        Some(Secret::new("right"))
    };
    let opened = with_saved_password(config(), &saved, &server("right", &sent));
    assert_eq!(opened.unwrap(), "open");
    assert_eq!(*asked.borrow(), 1);
    assert_eq!(*sent.borrow(), [None, Some("right".to_owned())]);

    // A server that lets anna in without one: the keychain is never touched.
    let trusting = |_: &PgConfig| Ok::<_, Error>("open");
    let never = |_: &PgConfig| -> Option<Secret> { panic!("the keychain must not be read") };
    assert_eq!(
        with_saved_password(config(), &never, &trusting).unwrap(),
        "open"
    );
}

#[test]
fn without_a_saved_password_the_user_is_asked() {
    let sent = RefCell::new(Vec::new());
    let none = |_: &PgConfig| None;
    let error = with_saved_password(config(), &none, &server("right", &sent)).unwrap_err();
    assert_eq!(password_prompt(&error).unwrap().0, "anna");
    assert_eq!(
        sent.borrow().len(),
        1,
        "no second attempt without a password"
    );
}

#[test]
fn a_saved_password_the_server_refuses_makes_the_app_ask_again() {
    let sent = RefCell::new(Vec::new());
    let stale = |_: &PgConfig| Some(Secret::new("old"));
    let error = with_saved_password(config(), &stale, &server("right", &sent)).unwrap_err();
    assert!(
        password_prompt(&error).is_some(),
        "asked again, not stuck on the refusal: {error:?}"
    );
}

#[test]
fn a_password_the_user_typed_is_the_apps_and_other_failures_pass_through() {
    let typed = config().with_password(Secret::new("typed"));
    assert_eq!(typed.password_source(), Some(&PasswordSource::App));
    let unreachable = |_: &PgConfig| -> Result<(), Error> {
        Err(Error::Store(StoreError::PgUnreachable {
            host: "db.example.com".to_owned(),
            port: 5432,
            reason: "connection refused".to_owned(),
        }))
    };
    let never = |_: &PgConfig| -> Option<Secret> { panic!("not a password problem") };
    let error = with_saved_password(config(), &never, &unreachable).unwrap_err();
    assert!(password_prompt(&error).is_none());
    assert!(password_prompt(&refused()).is_none());
}
