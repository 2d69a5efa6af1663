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
