use super::*;
use chrono::TimeZone as _;
use serde_json::json;

use crate::Workspace;

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc
        .with_ymd_and_hms(2026, 11, 25, 9, 30, 0)
        .unwrap()
}

#[test]
fn the_workspace_state_names_the_open_folder_with_its_schema_and_profile() {
    let root = tempfile::tempdir().unwrap();
    let ws = Workspace::create(root.path(), now()).unwrap();
    let state = serde_json::to_value(workspace_open(&ws.info().unwrap(), false)).unwrap();
    // The document the window reads on start and after every switch of workspace.
    assert_eq!(
        state,
        json!({
            "dir": root.path().display().to_string(),
            "server": false,
            "info": {
                "schema_version": csmsdesk_store::db::SCHEMA_VERSION,
                "created_at": "2026-11-25T09:30:00Z",
                "profile": {
                    "company_name": "",
                    "participant_id": "",
                    "enx_contact": "",
                    "language": "system",
                },
            },
            "read_only": false,
            "role": null,
            "me": ws.me(),
            "error": null,
            "notice": null,
        })
    );
}

#[test]
fn the_workspace_state_says_why_no_workspace_is_open() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("never-created");
    let err = Workspace::open(&dir, now()).unwrap_err();
    let state = serde_json::to_value(workspace_unavailable(
        Some(&crate::Location::Folder(dir.clone())),
        &err,
        Lang::English,
    ))
    .unwrap();
    assert_eq!(state["dir"], dir.display().to_string());
    assert_eq!(state["server"], false);
    assert_eq!(state["info"], serde_json::Value::Null);
    assert_eq!(state["read_only"], false);
    assert_eq!(
        state["error"]["code"],
        err.code().as_str(),
        "the error reads as every refused command's"
    );
    assert_eq!(
        state["error"]["message"],
        err.message().render(Lang::English)
    );
}

#[test]
fn an_unavailable_server_workspace_is_shown_without_its_password() {
    let location = crate::Location::parse(std::ffi::OsStr::new(
        "postgresql://anna:secret@db.example.com/acme",
    ))
    .unwrap();
    let err = crate::Error::Cancelled;
    let state =
        serde_json::to_value(workspace_unavailable(Some(&location), &err, Lang::English)).unwrap();
    assert_eq!(state["dir"], "postgresql://anna:***@db.example.com/acme");
    assert_eq!(state["server"], true);
}
