//! Correcting and deleting locations, scopes, protection objects and sharings from the
//! command line, and the refusals that name the field and the fix.

use super::*;

/// A workspace with the demo catalogue, location "Plant Nord" with two labels, scope "ECU"
/// on it and protection object "Gateway"; `--today` is 2026-12-01 everywhere.
fn prepared(home: &Path) -> std::path::PathBuf {
    let ws = init_workspace(home);
    let steps: [&[&str]; 4] = [
        &["catalogue", "import", "--demo"],
        &[
            "location",
            "add",
            "Plant Nord",
            "--tisax-label",
            "confidential:2:2027-05-01",
            "--tisax-label",
            "data:2:2027-06-01",
        ],
        &[
            "scope",
            "add",
            "ECU",
            "--objective",
            "development",
            "--objective",
            "production",
            "--location",
            "Plant Nord",
            "--audit-date",
            "2027-03-15",
        ],
        &[
            "po",
            "add",
            "Gateway",
            "--scope",
            "ECU",
            "--confidentiality",
        ],
    ];
    for args in steps {
        edit(home, &ws, args, 0);
    }
    ws
}

/// `cli_in` with `--today 2026-12-01`.
fn edit(home: &Path, ws: &Path, args: &[&str], code: i32) -> Value {
    let mut all = args.to_vec();
    all.extend(["--today", "2026-12-01"]);
    cli_in(home, ws, &all, code)
}

fn failing(home: &Path, ws: &Path, args: &[&str]) -> String {
    let out = run(cli(home)
        .args(args)
        .args(["--today", "2026-12-01", "--workspace"])
        .arg(ws));
    assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
    assert!(out.stdout.is_empty(), "nothing on stdout for a refusal");
    stderr(&out)
}

fn location_json(home: &Path, ws: &Path) -> Value {
    edit(home, ws, &["location", "list", "--json"], 0)[0].clone()
}

#[test]
fn location_edit_renames_changes_details_and_removes_or_adds_labels() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = prepared(h);
    edit(
        h,
        &ws,
        &[
            "location",
            "edit",
            "Plant Nord",
            "--name",
            "Plant North",
            "--address",
            "1 Main St",
            "--cs-activities",
            "false",
            "--remove-label",
            "data",
            "--add-label",
            "proto-parts::2028-01-31",
        ],
        0,
    );
    let location = location_json(h, &ws);
    assert_eq!(location["name"], "Plant North");
    assert_eq!(location["address"], "1 Main St");
    assert_eq!(location["cs_activities"], false);
    let labels: Vec<(String, u64)> = location["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["label"].as_str().unwrap().to_owned(),
                l["level"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        labels,
        [
            ("Confidential".to_owned(), 2),
            ("Proto parts".to_owned(), 3)
        ],
        "Data removed; Proto parts took its own level AL3"
    );
    assert_eq!(location["used_by"], serde_json::json!(["ECU"]));
    let entries = edit(h, &ws, &["journal", "verify", "--json"], 0);
    assert_eq!(entries["ok"], true, "the edit is journalled and sealed");
}

#[test]
fn location_edit_refuses_a_wrong_level_or_an_unknown_label_and_saves_nothing() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = prepared(h);
    let before = location_json(h, &ws);
    let message = failing(
        h,
        &ws,
        &[
            "location",
            "edit",
            "Plant Nord",
            "--add-label",
            "strictly-confidential:1:2028-01-31",
        ],
    );
    assert!(
        message.contains("AL3") && message.contains("row 3"),
        "names the row and the level the label implies: {message}"
    );
    let message = failing(
        h,
        &ws,
        &[
            "location",
            "edit",
            "Plant Nord",
            "--remove-label",
            "special-data",
        ],
    );
    assert!(message.contains("special-data"), "{message}");
    let message = failing(
        h,
        &ws,
        &["location", "add", "Plant Süd", "--tisax-label", "data:2:"],
    );
    assert!(
        message.contains("row 1") && message.contains("expiry"),
        "a label without expiry is refused, not dropped: {message}"
    );
    assert_eq!(location_json(h, &ws), before, "nothing changed");
}

#[test]
fn location_remove_refuses_while_a_scope_uses_it_and_says_how() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = prepared(h);
    let message = failing(h, &ws, &["location", "remove", "Plant Nord"]);
    assert!(
        message.contains("ECU") && message.contains("Remove it from those scopes first"),
        "{message}"
    );
    edit(
        h,
        &ws,
        &[
            "location",
            "add",
            "Plant Süd",
            "--tisax-label",
            "data::2028-01-31",
        ],
        0,
    );
    edit(
        h,
        &ws,
        &["scope", "edit", "ECU", "--location", "Plant Süd"],
        0,
    );
    edit(h, &ws, &["location", "remove", "Plant Nord"], 0);
    let list = edit(h, &ws, &["location", "list", "--json"], 0);
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn scope_edit_changes_every_field_and_refuses_a_past_date() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = prepared(h);
    edit(
        h,
        &ws,
        &[
            "scope",
            "edit",
            "ECU",
            "--name",
            "ECU gateway",
            "--objective",
            "operations-maintenance",
            "--enx-scope-id",
            "s9z8y7",
            "--provider",
            "Example Audits",
            "--audit-date",
            "2027-04-01",
        ],
        0,
    );
    let list = edit(h, &ws, &["scope", "list", "--json"], 0);
    assert_eq!(list[0]["name"], "ECU gateway");
    assert_eq!(
        list[0]["objectives"],
        serde_json::json!(["operations-maintenance"])
    );
    let message = failing(
        h,
        &ws,
        &["scope", "edit", "ECU gateway", "--audit-date", "1999-01-01"],
    );
    assert!(
        message.contains("1999-01-01") && message.contains("before today"),
        "{message}"
    );
    let message = failing(
        h,
        &ws,
        &[
            "scope",
            "add",
            "Late",
            "--objective",
            "development",
            "--location",
            "Plant Nord",
            "--audit-date",
            "2026-11-30",
        ],
    );
    assert!(message.contains("before today"), "{message}");
    // The old name `scope set` still works.
    edit(
        h,
        &ws,
        &["scope", "set", "ECU gateway", "--provider", "Other"],
        0,
    );
    let check = edit(
        h,
        &ws,
        &[
            "scope",
            "check",
            "ECU gateway",
            "--on",
            "1999-01-01",
            "--json",
        ],
        1,
    );
    assert_eq!(check["problems"][0]["code"], "audit_date_in_past");
    edit(h, &ws, &["scope", "remove", "ECU gateway"], 0);
    assert_eq!(
        edit(h, &ws, &["scope", "list", "--json"], 0),
        serde_json::json!([])
    );
}

#[test]
fn po_edit_changes_every_field_and_refuses_an_objective_outside_the_scope() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = prepared(h);
    edit(
        h,
        &ws,
        &[
            "po",
            "edit",
            "Gateway",
            "--scope",
            "ECU",
            "--name",
            "Central gateway",
            "--item",
            "CGW",
            "--customer",
            "OEM A",
            "--partner",
            "p1a2b3",
            "--confidentiality",
            "false",
            "--integrity",
            "true",
            "--phases",
            "development",
            "--objective",
            "production",
            "--location",
            "Plant Nord",
        ],
        0,
    );
    let list = edit(h, &ws, &["po", "list", "--scope", "ECU", "--json"], 0);
    let object = &list[0];
    assert_eq!(object["name"], "Central gateway");
    assert_eq!(object["item"], "CGW");
    assert_eq!(object["partner_participant_id"], "P1A2B3");
    assert_eq!(object["confidentiality"], false);
    assert_eq!(object["integrity"], true);
    assert_eq!(object["objectives"], serde_json::json!(["production"]));
    let message = failing(
        h,
        &ws,
        &[
            "po",
            "edit",
            "Central gateway",
            "--scope",
            "ECU",
            "--objective",
            "operations-maintenance",
        ],
    );
    assert!(message.contains("operations-maintenance"), "{message}");
    edit(
        h,
        &ws,
        &["po", "remove", "Central gateway", "--scope", "ECU"],
        0,
    );
    let list = edit(h, &ws, &["po", "list", "--scope", "ECU", "--json"], 0);
    assert_eq!(list, serde_json::json!([]));
}

#[test]
fn share_edit_corrects_a_sharing_and_share_remove_deletes_a_mistaken_one() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = prepared(h);
    let added = edit(
        h,
        &ws,
        &[
            "share",
            "add",
            "--scope",
            "ECU",
            "--partner",
            "OEM A",
            "--participant-id",
            "S1A2B3",
            "--level",
            "A",
            "--date",
            "2026-11-30",
            "--json",
        ],
        0,
    );
    let id = format!("#{}", added["sharing"]["id"]);
    edit(
        h,
        &ws,
        &[
            "share",
            "edit",
            &id,
            "--partner",
            "OEM B",
            "--level",
            "A+labels",
        ],
        0,
    );
    let list = edit(h, &ws, &["share", "list", "--json"], 0);
    assert_eq!(list[0]["partner"], "OEM B");
    assert_eq!(list[0]["level"], "A+labels");
    assert_eq!(
        list[0]["participant_id"], "S1A2B3",
        "what was not given stays"
    );
    let message = failing(h, &ws, &["share", "edit", &id, "--level", "full"]);
    assert!(message.contains("full"), "{message}");
    let help = run(cli(h).args(["share", "remove", "--help"]));
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    assert!(
        help.contains("cannot be taken back") && help.contains("mistake"),
        "the help says what removing means: {help}"
    );
    edit(h, &ws, &["share", "remove", &id], 0);
    assert_eq!(
        edit(h, &ws, &["share", "list", "--json"], 0),
        serde_json::json!([])
    );
    let message = failing(h, &ws, &["share", "remove", &id]);
    assert!(message.contains(&id), "{message}");
}

#[test]
fn status_names_requirements_covered_only_through_their_question() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = prepared(h);
    let file = h.join("manual.txt");
    std::fs::write(&file, "manual").unwrap();
    edit(
        h,
        &ws,
        &["evidence", "add", file.to_str().unwrap(), "--link", "1.1"],
        0,
    );
    let status = edit(h, &ws, &["status", "--scope", "ECU", "--json"], 0);
    assert!(
        status["covered_through_question"].as_u64().unwrap() > 0,
        "{status}"
    );
    let by = status["requirement_states"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "1.1.a")
        .unwrap()["covered_by"]
        .clone();
    assert_eq!(by, "question");
    let text = edit(h, &ws, &["status", "--scope", "ECU"], 0);
    assert!(
        text.as_str()
            .unwrap()
            .contains("only on evidence linked to its whole control question"),
        "{text}"
    );
}
