use super::*;

#[test]
fn a_relative_path_is_answered_with_the_users_own_full_path_on_this_os() {
    let home = std::env::home_dir().expect("a home folder where the tests run");
    let example = full_path_example("exports/ecu.zip");
    assert_eq!(example, home.join("exports/ecu.zip").display().to_string());
    assert!(
        !example.contains("/home/me") && !example.contains("C:\\Users\\me"),
        "no made-up user: {example}"
    );
    if cfg!(unix) {
        assert!(
            !example.contains('\\'),
            "no Windows form on Unix: {example}"
        );
    }
}
