use super::*;
use crate::commands::workspace::MAX_PATH_LEN;

const EN: Lang = Lang::English;

fn refused(result: Result<impl std::fmt::Debug, CommandError>) -> serde_json::Value {
    serde_json::to_value(result.expect_err("must be refused")).unwrap()
}

#[test]
fn a_postgresql_url_is_a_server_location_and_keeps_what_it_says() {
    for text in [
        "postgresql://anna@db.example.com:6543/acme?sslmode=verify-full",
        "  POSTGRES://anna@db.example.com:6543/acme?sslmode=verify-full ",
    ] {
        let Location::Postgres(url) = location_argument(text, EN).unwrap() else {
            panic!("{text} is a server's database")
        };
        assert_eq!(url.user.as_deref(), Some("anna"));
        assert_eq!(url.port, Some(6543));
        assert_eq!(url.param("sslmode"), Some("verify-full"));
    }
    assert!(matches!(
        location_argument("/home/anna/csms", EN).unwrap(),
        Location::Folder(_)
    ));
}

#[test]
fn a_url_that_cannot_be_read_is_refused_naming_the_part() {
    let port = refused(location_argument(
        "postgresql://db.example.com:99999/acme",
        EN,
    ));
    assert_eq!(port["code"], "invalid_input");
    assert!(port["message"].as_str().unwrap().contains("port"), "{port}");
    let param = refused(location_argument("postgresql://db/acme?sslmod=require", EN));
    assert!(
        param["message"].as_str().unwrap().contains("sslmod"),
        "{param}"
    );
    let nul = refused(location_argument("postgresql://db/ac\0me", EN));
    assert_eq!(nul["code"], "invalid_input");
    let long = format!("postgresql://db/{}", "a".repeat(MAX_PATH_LEN));
    assert_eq!(
        refused(location_argument(&long, EN))["code"],
        "invalid_input"
    );
    // A relative path is still refused as before.
    assert_eq!(
        refused(location_argument("csms", EN))["code"],
        "invalid_input"
    );
}

#[test]
fn a_password_goes_with_a_url_only() {
    assert!(server_url_argument("postgresql://db.example.com/acme", EN).is_ok());
    let folder = refused(server_url_argument("/home/anna/csms", EN));
    assert_eq!(folder["code"], "invalid_input");
}

#[test]
fn a_typed_password_is_checked_and_never_echoed() {
    assert_eq!(
        password_argument(" spaces count ".to_owned(), EN).unwrap(),
        Secret::new(" spaces count ")
    );
    assert_eq!(
        refused(password_argument(String::new(), EN))["code"],
        "invalid_input"
    );
    for bad in ["hunter2\0".to_owned(), "x".repeat(MAX_PASSWORD_LEN + 1)] {
        let body = refused(password_argument(bad.clone(), EN));
        assert!(!body.to_string().contains(&bad[..5]), "{body}");
    }
}
