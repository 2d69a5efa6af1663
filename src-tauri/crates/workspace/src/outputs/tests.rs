use super::*;
use crate::test_support::*;

fn refused_field(result: Result<()>) -> Option<String> {
    match result {
        Err(Error::Invalid(problems)) => {
            assert_eq!(problems[0].message.key, "error.output_in_workspace");
            Some(problems[0].field.clone())
        }
        Err(other) => panic!("refused for another reason: {other}"),
        Ok(()) => None,
    }
}

#[test]
fn outputs_onto_the_database_the_vault_or_the_lock_are_refused() {
    let s = setup_in_folder();
    let ws = s.ws.dir();
    for inside in [
        ws.join("workspace.sqlite"),
        ws.join("workspace.lock"),
        ws.join("vault").join("new.zip"),
        ws.join("package.zip"),
        ws.to_owned(),
    ] {
        assert_eq!(
            refused_field(s.ws.refuse_output_inside(&inside, "out")).as_deref(),
            Some("out"),
            "{} lies inside the workspace",
            inside.display()
        );
    }
}

#[test]
fn outputs_beside_the_workspace_are_allowed_even_with_a_similar_name() {
    let s = setup_in_folder();
    let beside = s.root.path().join("ws-exports");
    std::fs::create_dir(&beside).unwrap();
    assert_eq!(
        refused_field(s.ws.refuse_output_inside(&beside.join("p.zip"), "out")),
        None,
        "a sibling folder whose name starts like the workspace's is outside it"
    );
    assert_eq!(
        refused_field(s.ws.refuse_output_inside(&s.root.path().join("p.zip"), "out")),
        None
    );
}

#[cfg(unix)]
#[test]
fn links_into_the_workspace_are_resolved_before_deciding() {
    let s = setup_in_folder();
    let ws = s.ws.dir();
    // A link to the database, and a folder link whose inside is the workspace.
    let to_db = s.root.path().join("innocent.zip");
    std::os::unix::fs::symlink(ws.join("workspace.sqlite"), &to_db).unwrap();
    let to_ws = s.root.path().join("exports");
    std::os::unix::fs::symlink(ws, &to_ws).unwrap();
    assert!(refused_field(s.ws.refuse_output_inside(&to_db, "out")).is_some());
    assert!(refused_field(s.ws.refuse_output_inside(&to_ws.join("p.zip"), "out")).is_some());
    // A relative path with `..` that climbs back in.
    let climbing = ws.join("vault").join("..").join("workspace.sqlite");
    assert!(refused_field(s.ws.refuse_output_inside(&climbing, "out")).is_some());
}

#[test]
fn a_calendar_onto_the_database_is_refused_and_the_database_is_untouched() {
    let s = setup_in_folder();
    let db = s.ws.dir().join("workspace.sqlite");
    let before = std::fs::read(&db).unwrap();
    let filter = DeadlineFilter::default();
    let result =
        s.ws.write_calendar(&filter, today(), Lang::English, now(), &db);
    assert!(matches!(result, Err(Error::Invalid(_))), "{result:?}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let outside = s.root.path().join("deadlines.ics");
    s.ws.write_calendar(&filter, today(), Lang::English, now(), &outside)
        .unwrap();
    assert!(
        std::fs::read_to_string(outside)
            .unwrap()
            .starts_with("BEGIN:VCALENDAR")
    );
}
