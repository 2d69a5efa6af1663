use super::*;

fn never() -> Result<PathBuf> {
    panic!("the fallback must not be consulted when a flag or variable names the workspace")
}

#[test]
fn the_flag_wins_over_the_environment() {
    let dir = choose_workspace_dir(Some("/a".into()), Some("/b".into()), never).unwrap();
    assert_eq!(dir, PathBuf::from("/a"));
}

#[test]
fn the_environment_wins_over_the_fallback() {
    let dir = choose_workspace_dir(None, Some("/b".into()), never).unwrap();
    assert_eq!(dir, PathBuf::from("/b"));
}

#[test]
fn an_empty_variable_counts_as_unset() {
    let dir = choose_workspace_dir(None, Some("".into()), || Ok("/default".into())).unwrap();
    assert_eq!(dir, PathBuf::from("/default"));
}

fn url(text: &str) -> Location {
    Location::parse(std::ffi::OsStr::new(text)).unwrap()
}

#[test]
fn a_url_is_remembered_without_its_password_and_the_caller_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config/last-workspace");
    let typed = url("postgresql://anna:s3cret%40x@db.example.com:6543/acme?sslmode=verify-full");
    assert!(remember_in(&file, &typed));
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(!written.contains("s3cret"), "{written}");
    assert!(!written.contains("***"), "{written}");
    assert_eq!(
        written,
        "postgresql://anna@db.example.com:6543/acme?sslmode=verify-full\n"
    );
    // Read back, it is the same server, user and database, with no password.
    let back = read_last_used(&file).unwrap();
    let Location::Postgres(again) = url(back.to_str().unwrap()) else {
        panic!("{back:?} is not a URL")
    };
    assert_eq!(again.user.as_deref(), Some("anna"));
    assert_eq!(again.host.as_deref(), Some("db.example.com"));
    assert_eq!(again.database.as_deref(), Some("acme"));
    assert_eq!(again.password, None);
}

#[test]
fn a_password_given_as_a_url_parameter_is_left_out_too() {
    let (text, dropped) =
        remembered_text(&url("postgres:///acme?password=hunter2&sslmode=disable"));
    assert!(dropped);
    assert!(
        !text.contains("hunter2") && !text.contains("password"),
        "{text}"
    );
}

#[test]
fn a_url_without_a_password_and_a_folder_are_remembered_as_they_are() {
    assert_eq!(
        remembered_text(&url("postgresql://db.example.com/acme")),
        ("postgresql://db.example.com/acme".to_owned(), false)
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("last-workspace");
    assert!(!remember_in(
        &file,
        &Location::Folder(dir.path().to_owned())
    ));
    assert_eq!(read_last_used(&file), Some(dir.path().to_owned()));
}

#[test]
fn a_remembered_folder_that_is_gone_is_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("last-workspace");
    remember_in(&file, &Location::Folder(dir.path().join("gone")));
    assert_eq!(read_last_used(&file), None);
}
