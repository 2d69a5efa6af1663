//! `csmsdesk-cli` as a process: arguments in, text or JSON and an exit code out (CLI.md).

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// The CLI with a private home, English messages and no workspace variable, so tests neither
/// see nor touch the developer's own workspace.
fn cli(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_csmsdesk-cli"));
    cmd.env_clear()
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("LANG", "en_US.UTF-8")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    cmd
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the CLI starts")
}

fn stdout_json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is one JSON document ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn init_creates_a_workspace_and_info_reads_it_back() {
    let home = tempfile::tempdir().unwrap();
    let ws = home.path().join("acme");
    let out = run(cli(home.path())
        .args([
            "--json",
            "init",
            "--company",
            "ACME Components GmbH",
            "--workspace",
        ])
        .arg(&ws));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let created = stdout_json(&out);
    assert_eq!(created["workspace"], ws.display().to_string());
    assert_eq!(created["company"], "ACME Components GmbH");

    let out = run(cli(home.path())
        .args(["info", "--json", "--workspace"])
        .arg(&ws));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let info = stdout_json(&out);
    assert_eq!(info["company"], "ACME Components GmbH");
    assert_eq!(
        info["schema_version"],
        csmsdesk_store::db::SCHEMA_VERSION,
        "migrated to the latest"
    );
    assert_eq!(info["workspace"], ws.display().to_string());
}

#[test]
fn the_workspace_variable_is_used_when_no_flag_is_given() {
    let home = tempfile::tempdir().unwrap();
    let ws = home.path().join("from-env");
    let out =
        run(cli(home.path())
            .env("CSMSDESK_WORKSPACE", &ws)
            .args(["init", "--company", "ACME"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        ws.join("workspace.sqlite").is_file(),
        "the variable named the folder"
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        text.contains("ACME") && text.contains(&ws.display().to_string()),
        "human text: {text}"
    );
}

#[test]
fn without_flag_or_variable_the_default_workspace_is_the_per_user_data_folder() {
    let home = tempfile::tempdir().unwrap();
    let out = run(cli(home.path()).args(["--json", "init", "--company", "ACME"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let expected = home.path().join("data/csmsdesk/workspace");
    assert_eq!(
        stdout_json(&out)["workspace"],
        expected.display().to_string()
    );
}

#[test]
fn info_on_a_folder_without_a_workspace_fails_and_says_what_to_do() {
    let home = tempfile::tempdir().unwrap();
    let out = run(cli(home.path())
        .args(["info", "--workspace"])
        .arg(home.path()));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&home.path().display().to_string()) && err.contains("init"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "nothing on stdout without --json");
}

#[test]
fn json_errors_carry_a_code_for_scripts() {
    let home = tempfile::tempdir().unwrap();
    let out = run(cli(home.path())
        .args(["info", "--json", "--workspace"])
        .arg(home.path().join("none")));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout_json(&out)["error"]["code"], "workspace_missing");
}

#[test]
fn a_blank_company_name_is_refused_and_creates_nothing() {
    let home = tempfile::tempdir().unwrap();
    let ws = home.path().join("ws");
    let out = run(cli(home.path())
        .args(["init", "--company", "  ", "--workspace"])
        .arg(&ws));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("company_name"),
        "names the field: {}",
        stderr(&out)
    );
    assert!(!ws.exists(), "all or nothing");
}

#[test]
fn usage_errors_exit_with_2() {
    let home = tempfile::tempdir().unwrap();
    for args in [
        &["frobnicate"][..],
        &["init"][..],
        &["info", "--today", "25.11.2026"][..],
    ] {
        let out = run(cli(home.path()).args(args));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "never a panic");
    }
}

#[test]
fn a_damaged_database_is_reported_with_its_path_and_not_touched() {
    let home = tempfile::tempdir().unwrap();
    let ws = home.path().join("ws");
    assert!(
        run(cli(home.path())
            .args(["init", "--company", "ACME", "--workspace"])
            .arg(&ws))
        .status
        .success()
    );
    let db = ws.join("workspace.sqlite");
    let junk = vec![0x5a_u8; 8192];
    std::fs::write(&db, &junk).unwrap();
    let out = run(cli(home.path()).args(["info", "--workspace"]).arg(&ws));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&db.display().to_string()),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        junk,
        "nothing is repaired silently"
    );
}

#[test]
fn a_workspace_held_by_another_process_is_refused_with_the_holder_named() {
    let home = tempfile::tempdir().unwrap();
    let ws = home.path().join("ws");
    assert!(
        run(cli(home.path())
            .args(["init", "--company", "ACME", "--workspace"])
            .arg(&ws))
        .status
        .success()
    );
    // Another process takes the lock the way the app does: it writes its name and holds an
    // OS lock on the file. util-linux `flock -o` holds it in its own process while `sleep`
    // runs (without -o the sleeping child would inherit the lock and outlive the kill).
    let lock = ws.join("workspace.lock");
    std::fs::write(
        &lock,
        "pid=31337\nhost=quality-laptop\nsince=2026-11-25T07:00:00Z\n",
    )
    .unwrap();
    let mut holder = Command::new("flock")
        .arg("-o")
        .arg(&lock)
        .args(["sleep", "30"])
        .spawn()
        .expect("flock runs");
    // Wait until the holder has the lock (flock -n fails while it is held).
    for _ in 0..100 {
        let probe = Command::new("flock")
            .args(["-n"])
            .arg(&lock)
            .arg("true")
            .status()
            .unwrap();
        if !probe.success() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = run(cli(home.path()).args(["info", "--workspace"]).arg(&ws));
    holder.kill().unwrap();
    holder.wait().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("31337")
            && err.contains("quality-laptop")
            && err.contains("2026-11-25T07:00:00Z"),
        "the message names who holds the workspace: {err}"
    );
    let after = run(cli(home.path()).args(["info", "--workspace"]).arg(&ws));
    assert_eq!(
        after.status.code(),
        Some(0),
        "once the holder is gone the lock is taken over: {}",
        stderr(&after)
    );
}

#[test]
fn messages_follow_a_german_os_language() {
    let home = tempfile::tempdir().unwrap();
    let out = run(cli(home.path())
        .env("LANG", "de_DE.UTF-8")
        .args(["info", "--workspace"])
        .arg(home.path()));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("keinen CSMS-Desk-Arbeitsbereich"),
        "{}",
        stderr(&out)
    );
}

fn init_workspace(home: &Path) -> std::path::PathBuf {
    let ws = home.join("ws");
    let out = run(cli(home)
        .args(["init", "--company", "ACME", "--workspace"])
        .arg(&ws));
    assert!(out.status.success(), "{}", stderr(&out));
    ws
}

#[test]
fn catalogue_import_reports_the_counts_scripts_rely_on() {
    let home = tempfile::tempdir().unwrap();
    let ws = init_workspace(home.path());
    let out = run(cli(home.path())
        .args(["catalogue", "import", "--demo", "--json", "--workspace"])
        .arg(&ws));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let c = &stdout_json(&out)["catalogue"];
    for (key, expected) in [
        ("chapters", 9),
        ("control_questions", 24),
        ("requirements", 76),
        ("must", 71),
        ("should", 32),
    ] {
        assert_eq!(c[key], expected, "{key}");
    }
    assert_eq!(c["version"], "1.1");
    assert_eq!(c["sha256"].as_str().unwrap().len(), 64);

    let again = run(cli(home.path())
        .args(["catalogue", "import", "--demo", "--workspace"])
        .arg(&ws));
    assert_eq!(again.status.code(), Some(0));
    let text = String::from_utf8_lossy(&again.stdout);
    assert!(
        text.contains("Nothing changed"),
        "a second import is a no-op that says so: {text}"
    );
}

#[test]
fn the_real_catalogue_imports_with_its_documented_counts_when_present() {
    let real = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../../shared/catalogues/ENX_VCSA_1_1_EN.xlsx");
    if !real.is_file() {
        return; // the licensed workbook is never part of the project; the demo covers its cases
    }
    let home = tempfile::tempdir().unwrap();
    let ws = init_workspace(home.path());
    let out = run(cli(home.path())
        .args(["catalogue", "import", "--json", "--workspace"])
        .arg(&ws)
        .arg(&real));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let c = &stdout_json(&out)["catalogue"];
    let counts: Vec<_> = [
        "chapters",
        "control_questions",
        "requirements",
        "must",
        "should",
    ]
    .iter()
    .map(|k| c[k].as_i64().unwrap())
    .collect();
    assert_eq!(counts, [9, 24, 76, 71, 32]);
}

#[test]
fn catalogue_list_and_show_describe_the_tree() {
    let home = tempfile::tempdir().unwrap();
    let ws = init_workspace(home.path());
    assert!(
        run(cli(home.path())
            .args(["catalogue", "import", "--demo", "--workspace"])
            .arg(&ws))
        .status
        .success()
    );
    let list = stdout_json(&run(cli(home.path())
        .args(["catalogue", "list", "--json", "--workspace"])
        .arg(&ws)));
    assert_eq!(list.as_array().unwrap().len(), 1);
    let show = stdout_json(&run(cli(home.path())
        .args(["catalogue", "show", "--json", "--workspace"])
        .arg(&ws)));
    let chapters = show["chapters"].as_array().unwrap();
    assert_eq!(chapters.len(), 9);
    let first = &chapters[0]["questions"][0]["requirements"][0];
    assert_eq!(first["id"], "1.1.a");
    assert!(
        first["references"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["tag"] == "RQ-05-01" && r["kind"] == "RQ")
    );
    let hits = stdout_json(&run(cli(home.path())
        .args([
            "catalogue",
            "show",
            "--search",
            "WP-09-02",
            "--json",
            "--workspace",
        ])
        .arg(&ws)));
    assert!(
        !hits.as_array().unwrap().is_empty(),
        "references are searchable"
    );
}

#[test]
fn a_file_that_is_not_a_catalogue_fails_with_exit_1_and_stores_nothing() {
    let home = tempfile::tempdir().unwrap();
    let ws = init_workspace(home.path());
    let bad = home.path().join("minutes.xlsx");
    std::fs::write(&bad, b"Minutes of the kick-off meeting").unwrap();
    let out = run(cli(home.path())
        .args(["catalogue", "import", "--workspace"])
        .arg(&ws)
        .arg(&bad));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("minutes.xlsx"), "{}", stderr(&out));
    let list = stdout_json(&run(cli(home.path())
        .args(["catalogue", "list", "--json", "--workspace"])
        .arg(&ws)));
    assert_eq!(list, serde_json::json!([]), "nothing stored");
}

#[test]
fn catalogue_import_needs_a_file_or_demo() {
    let home = tempfile::tempdir().unwrap();
    let out = run(cli(home.path()).args(["catalogue", "import"]));
    assert_eq!(out.status.code(), Some(2));
}

/// Runs the CLI in `ws` with `args`, expecting exit code `code`; returns stdout as JSON when
/// it is JSON, else as a string value.
fn cli_in(home: &Path, ws: &Path, args: &[&str], code: i32) -> Value {
    let out = run(cli(home).args(args).arg("--workspace").arg(ws));
    assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&out.stdout).into()))
}

#[test]
fn a_scope_is_set_up_and_checked_from_the_command_line() {
    let home = tempfile::tempdir().unwrap();
    let ws = init_workspace(home.path());
    let h = home.path();
    cli_in(h, &ws, &["catalogue", "import", "--demo"], 0);
    let loc = cli_in(
        h,
        &ws,
        &[
            "location",
            "add",
            "Plant Nord",
            "--tisax-label",
            "confidential:3:2027-05-01",
            "--json",
        ],
        0,
    );
    assert_eq!(loc["location"]["name"], "Plant Nord");
    let scope = cli_in(
        h,
        &ws,
        &[
            "scope",
            "add",
            "ECU",
            "--objective",
            "development",
            "--location",
            "Plant Nord",
            "--audit-date",
            "2027-03-15",
            "--json",
        ],
        0,
    );
    assert_eq!(scope["scope"]["name"], "ECU");
    let list = cli_in(h, &ws, &["scope", "list", "--json"], 0);
    assert_eq!(
        list[0]["applicable_questions"].as_array().unwrap().len(),
        14
    );
    assert_eq!(list[0]["objectives"], serde_json::json!(["development"]));
    assert_eq!(list[0]["locations"], serde_json::json!(["Plant Nord"]));

    // On the planned date the label is valid but expires within 90 days: a warning, exit 0.
    let check = cli_in(h, &ws, &["scope", "check", "ECU", "--json"], 0);
    assert_eq!(check["ok"], true);
    assert_eq!(check["problems"][0]["code"], "tisax_label_expires_soon");
    // After the label's expiry the check fails with exit 1.
    let check = cli_in(
        h,
        &ws,
        &["scope", "check", "ECU", "--on", "2027-06-01", "--json"],
        1,
    );
    assert_eq!(check["ok"], false);
    assert_eq!(check["problems"][0]["code"], "no_valid_tisax_label");

    cli_in(h, &ws, &["scope", "applicability", "ECU", "5.2", "--na"], 1);
    cli_in(
        h,
        &ws,
        &[
            "scope",
            "applicability",
            "ECU",
            "5.2",
            "--na",
            "--reason",
            "No software here",
        ],
        0,
    );
    let list = cli_in(h, &ws, &["scope", "list", "--json"], 0);
    assert_eq!(
        list[0]["applicable_questions"].as_array().unwrap().len(),
        13,
        "5.2 is NA now"
    );
}

#[test]
fn bad_scope_input_fails_with_exit_1_and_names_each_problem() {
    let home = tempfile::tempdir().unwrap();
    let ws = init_workspace(home.path());
    let out = run(cli(home.path())
        .args([
            "scope",
            "add",
            "X",
            "--objective",
            "design",
            "--audit-date",
            "31.12.2027",
            "--workspace",
        ])
        .arg(&ws));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for field in ["locations:", "objectives:", "planned_audit_date:"] {
        assert!(err.contains(field), "{field} is named: {err}");
    }
    let list = stdout_json(&run(cli(home.path())
        .args(["scope", "list", "--json", "--workspace"])
        .arg(&ws)));
    assert_eq!(list, serde_json::json!([]), "nothing half-saved");
}

#[test]
fn protection_objects_are_sampled_by_the_square_root_heuristic() {
    let home = tempfile::tempdir().unwrap();
    let ws = init_workspace(home.path());
    let h = home.path();
    cli_in(h, &ws, &["catalogue", "import", "--demo"], 0);
    cli_in(
        h,
        &ws,
        &[
            "location",
            "add",
            "Plant",
            "--tisax-label",
            "data:2:2030-01-01",
        ],
        0,
    );
    cli_in(
        h,
        &ws,
        &[
            "scope",
            "add",
            "ECU",
            "--objective",
            "development",
            "--location",
            "Plant",
        ],
        0,
    );
    for name in ["Gateway", "Radar", "Camera", "Brake", "Seat"] {
        cli_in(
            h,
            &ws,
            &[
                "po",
                "add",
                name,
                "--scope",
                "ECU",
                "--customer",
                "OEM A",
                "--confidentiality",
            ],
            0,
        );
    }
    let sampling = cli_in(h, &ws, &["po", "sample", "--scope", "ECU", "--json"], 0);
    assert_eq!(sampling[0]["suggested"], 3);
    let chosen = cli_in(
        h,
        &ws,
        &[
            "po",
            "sample",
            "--scope",
            "ECU",
            "--objective",
            "development",
            "--choose",
            "Radar",
            "--choose",
            "Seat",
            "--json",
        ],
        0,
    );
    assert_eq!(chosen[0]["chosen"], serde_json::json!(["Radar", "Seat"]));
    cli_in(
        h,
        &ws,
        &[
            "po",
            "check",
            "--scope",
            "ECU",
            "Radar",
            "5.1",
            "consistent",
        ],
        0,
    );
}

#[test]
fn the_assumed_rules_can_be_read_and_changed() {
    let home = tempfile::tempdir().unwrap();
    let ws = init_workspace(home.path());
    let h = home.path();
    let rules = cli_in(h, &ws, &["rules", "show", "--json"], 0);
    assert_eq!(rules["label_expiry_warning_days"], 90);
    assert!(
        rules["applicability_matrix"]
            .as_str()
            .unwrap()
            .contains("development: chapter 5, question 6.1")
    );
    let bad = h.join("matrix.txt");
    std::fs::write(&bad, "all: chapter 1\ndesign: chapter 5\n").unwrap();
    let out = run(cli(h)
        .args(["rules", "set", "--matrix"])
        .arg(&bad)
        .arg("--workspace")
        .arg(&ws));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("[2]"),
        "the bad line is named: {}",
        stderr(&out)
    );
    let rules = cli_in(
        h,
        &ws,
        &["rules", "set", "--label-warning-days", "30", "--json"],
        0,
    );
    assert_eq!(rules["label_expiry_warning_days"], 30);
}

#[test]
fn scope_data_can_be_changed_and_removed() {
    let home = tempfile::tempdir().unwrap();
    let ws = init_workspace(home.path());
    let h = home.path();
    cli_in(
        h,
        &ws,
        &[
            "location",
            "add",
            "Plant",
            "--tisax-label",
            "data:2:2026-01-31",
        ],
        0,
    );
    cli_in(
        h,
        &ws,
        &["location", "label", "Plant", "data:2:2029-01-31"],
        0,
    );
    let locations = cli_in(h, &ws, &["location", "list", "--json"], 0);
    assert_eq!(
        locations[0]["labels"].as_array().unwrap().len(),
        2,
        "renewed; the expired label stays"
    );
    cli_in(
        h,
        &ws,
        &[
            "scope",
            "add",
            "ECU",
            "--objective",
            "production",
            "--location",
            "Plant",
        ],
        0,
    );
    cli_in(
        h,
        &ws,
        &[
            "scope",
            "set",
            "ECU",
            "--audit-date",
            "2027-10-01",
            "--provider",
            "Example Audits",
        ],
        0,
    );
    let list = cli_in(h, &ws, &["scope", "list", "--json"], 0);
    assert_eq!(list[0]["planned_audit_date"], "2027-10-01");
    assert_eq!(
        list[0]["locations"],
        serde_json::json!(["Plant"]),
        "locations kept when not given"
    );
    cli_in(h, &ws, &["location", "remove", "Plant"], 1);
    cli_in(h, &ws, &["po", "add", "Gateway", "--scope", "ECU"], 0);
    cli_in(h, &ws, &["po", "remove", "Gateway", "--scope", "ECU"], 0);
    cli_in(h, &ws, &["scope", "remove", "ECU"], 0);
    cli_in(h, &ws, &["location", "remove", "Plant"], 0);
    assert_eq!(
        cli_in(h, &ws, &["location", "list", "--json"], 0),
        serde_json::json!([])
    );
}
