//! Moving a workspace between a desk folder and a server database through a backup file
//! (issue 19): the journal and every evidence version move as they are, and a package exported
//! before the move is byte-identical to one exported after it.

use std::path::Path;

use chrono::{DateTime, Utc};
use csmsdesk_store::pg::Location;

use crate::test_support::*;
use crate::{Workspace, restore_backup_at, write_backup_at};

fn generated() -> DateTime<Utc> {
    chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 25, 10, 0, 0).unwrap()
}

/// The bytes of the full package of scope ECU, planned and written at `generated()` without
/// being recorded (recording an export is a change, so the next package would differ).
fn package(ws: &Workspace, out: &Path) -> Vec<u8> {
    ws.plan_package(ECU, out, "full", None, generated())
        .unwrap()
        .write(&no_progress, &not_cancelled())
        .unwrap();
    std::fs::read(out).unwrap()
}

fn server_available() -> bool {
    if std::env::var("CSMSDESK_TEST_PG")
        .unwrap_or_default()
        .is_empty()
    {
        eprintln!("SKIPPED: no PostgreSQL (run inside pg_virtualenv with CSMSDESK_TEST_PG=1)");
        return false;
    }
    true
}

#[test]
fn a_desk_workspace_moves_to_a_server_and_back_with_the_same_package_bytes_on_postgresql() {
    if !server_available() {
        return;
    }
    // A desk workspace with evidence in two versions, links, a self-assessment, a finding.
    let mut s = setup_in_folder();
    let a = s.file("policy.pdf", "the policy, first version");
    let b = s.file("sub/sbom.json", "{\"components\": []}");
    s.add(&[&a], &["1.1.a"]);
    s.add(&[&b], &["1.1.b", "1.1"]);
    std::fs::write(&a, "the policy, second version").unwrap();
    let scanned =
        s.ws.scan_evidence(true, now(), &no_progress, &not_cancelled())
            .unwrap();
    assert_eq!(scanned.changed.len(), 1, "a second version of the policy");
    s.ws.assess(
        ECU,
        "1.1",
        "conform",
        Some("Signed by the board"),
        None,
        now(),
    )
    .unwrap();
    let out = s.root.path();
    let before = package(&s.ws, &out.join("before.zip"));
    let journal_before = s.ws.journal_entries().unwrap();

    // Desk → backup → a new server database.
    let backup = out.join("desk.backup.zip");
    let folder = Location::Folder(s.ws.folder().unwrap().to_owned());
    write_backup_at(&folder, &backup, now(), &no_progress, &not_cancelled()).unwrap();
    let server = Location::Postgres(test_database());
    let report = restore_backup_at(&backup, &server, &no_progress, &not_cancelled()).unwrap();
    assert_eq!(report.server.as_deref(), Some(server.to_string().as_str()));
    let on_server = Workspace::open_at(&server, now()).unwrap();
    assert!(on_server.info().unwrap().on_postgres);
    assert_eq!(on_server.journal_entries().unwrap(), journal_before);
    let check = on_server.check(&not_cancelled()).unwrap();
    assert!(check.ok(), "{check:?}");
    let after = package(&on_server, &out.join("on-server.zip"));
    assert!(
        before == after,
        "the package from the server is byte for byte the desk's"
    );

    // Server → backup → a new desk folder: the same again.
    let second = out.join("server.backup.zip");
    write_backup_at(&server, &second, now(), &no_progress, &not_cancelled()).unwrap();
    let back = Location::Folder(out.join("back"));
    restore_backup_at(&second, &back, &no_progress, &not_cancelled()).unwrap();
    let desk = Workspace::open_at(&back, now()).unwrap();
    assert_eq!(desk.journal_entries().unwrap(), journal_before);
    assert!(desk.check(&not_cancelled()).unwrap().ok());
    let returned = package(&desk, &out.join("back.zip"));
    assert!(
        before == returned,
        "back on a desk, the package is still the same"
    );

    // A database that holds a workspace already is refused, unchanged.
    let err = restore_backup_at(&backup, &server, &no_progress, &not_cancelled()).unwrap_err();
    assert!(err.to_string().contains("already holds"), "{err}");
    assert_eq!(on_server.journal_entries().unwrap(), journal_before);
}
