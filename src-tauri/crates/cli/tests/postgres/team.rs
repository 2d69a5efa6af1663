//! `team`: members and roles on a workspace in PostgreSQL, as processes (issue 20). What a
//! role may do is the server's grants: a viewer's change is refused with `read_only`.

use std::io::Write as _;
use std::process::Stdio;

use super::*;

/// The CLI as the member `user` with `password` (the test server's other settings).
fn as_member(home: &Path, user: &str, password: &str) -> Command {
    let mut cmd = pg_cli(home);
    cmd.env("PGUSER", user).env("PGPASSWORD", password);
    cmd
}

#[test]
fn an_admin_adds_members_whose_roles_the_server_enforces_on_postgresql() {
    let Some(admin) = server() else { return };
    let db = TestDb::create(&admin);
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let url = db.url();
    on(h, &url, &["init", "--company", "ACME GmbH"], 0);
    let reader = format!("{}_reader", db.name);
    // The password on standard input, never on the command line.
    let mut add = pg_cli(h)
        .args([
            "team",
            "add",
            &reader,
            "--role",
            "viewer",
            "--password-stdin",
        ])
        .arg("--workspace")
        .arg(&url)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    add.stdin.take().unwrap().write_all(b"s3cret pw\n").unwrap();
    let added = add.wait_with_output().unwrap();
    assert_eq!(added.status.code(), Some(0), "{}", text(&added));
    let members = on(h, &url, &["--json", "team", "list"], 0);
    assert_eq!(members[0]["owner"], true);
    assert_eq!(members[0]["role"], "admin");
    assert_eq!(members[1]["name"], reader.as_str());
    assert_eq!(members[1]["role"], "viewer");
    let listed = on(h, &url, &["team", "list"], 0);
    assert!(
        listed
            .as_str()
            .unwrap()
            .contains(&format!("{reader}\tviewer")),
        "{listed}"
    );

    // The viewer reads, and every change is refused with the code a read-only open gives;
    // nor may it add members.
    let reader_runs = |args: &[&str], code: i32| -> Value {
        let out = run(as_member(h, &reader, "s3cret pw")
            .args(args)
            .arg("--workspace")
            .arg(&url));
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", text(&out));
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
    };
    reader_runs(&["--json", "location", "list"], 0);
    for change in [
        &["--json", "location", "add", "Plant Süd"][..],
        &["--json", "team", "add", "another", "--role", "admin"],
    ] {
        assert_eq!(
            reader_runs(change, 1)["error"]["code"],
            "read_only",
            "{change:?}"
        );
    }

    // Given the editor role, the same member may change records.
    on(h, &url, &["team", "add", &reader, "--role", "editor"], 0);
    reader_runs(&["location", "add", "Plant Süd"], 0);
    // ... but not the rules, which are an admin's: refused, saying so, nothing changed.
    let refused = reader_runs(&["--json", "rules", "set", "--notify-days", "9"], 1);
    assert_eq!(refused["error"]["code"], "read_only", "{refused}");
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Only an admin"),
        "{refused}"
    );
    let rules = reader_runs(&["--json", "rules", "show"], 0);
    assert_ne!(rules["notify_days"], 9, "{rules}");

    // Removed: no longer listed; removing again names what is missing.
    on(h, &url, &["team", "remove", &reader], 0);
    let members = on(h, &url, &["--json", "team", "list"], 0);
    assert_eq!(members.as_array().unwrap().len(), 1, "{members}");
    let again = on(h, &url, &["--json", "team", "remove", &reader], 1);
    assert_eq!(again["error"]["code"], "invalid_input", "{again}");
    assert!(
        again["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no member"),
        "{again}"
    );

    // The statements for IT name this database's groups.
    let sql = on(h, &url, &["team", "statements"], 0);
    let sql = sql.as_str().unwrap();
    assert!(
        sql.contains(&format!(
            "GRANT \"{}_viewer\" TO \"{}_editor\";",
            db.name, db.name
        )),
        "{sql}"
    );
}

#[test]
fn a_workspace_folder_has_no_members_and_says_so() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let dir = h.join("ws");
    let run_in = |args: &[&str]| run(cli(h).args(args).arg("--workspace").arg(&dir));
    assert_eq!(
        run_in(&["init", "--company", "ACME GmbH"]).status.code(),
        Some(0)
    );
    let out = run_in(&["--json", "team", "list"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(stdout_json(&out)["error"]["code"], "invalid_input");
    assert!(text(&out).contains("PostgreSQL"), "{}", text(&out));
}
