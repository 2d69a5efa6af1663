//! `csmsdesk-cli` as a process for correcting audits: `finding edit|remove`,
//! `action edit|remove|list`, `audit edit|remove|results`, with the app's checks.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod common;
use common::cli;

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the CLI starts")
}

/// Runs the CLI in `ws` with `args`, expecting exit code `code`; returns stdout as JSON when
/// it is JSON (else as a string) and stderr.
fn cli_in(home: &Path, ws: &Path, args: &[&str], code: i32) -> (Value, String) {
    let out = run(cli(home).args(args).arg("--workspace").arg(ws));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    let stdout = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&out.stdout).into()));
    (stdout, stderr)
}

/// A workspace with the demo catalogue, scope ECU (development), an initial audit closed on
/// 2026-05-31 and its id.
fn audit_workspace(h: &Path) -> (PathBuf, String) {
    let ws = h.join("ws");
    cli_in(h, &ws, &["init", "--company", "ACME"], 0);
    cli_in(h, &ws, &["catalogue", "import", "--demo"], 0);
    cli_in(h, &ws, &["location", "add", "Plant Nord"], 0);
    let scope = [
        "scope",
        "add",
        "ECU",
        "--objective",
        "development",
        "--location",
        "Plant Nord",
    ];
    cli_in(h, &ws, &scope, 0);
    let (audit, _) = cli_in(
        h,
        &ws,
        &[
            "--json",
            "audit",
            "add",
            "--scope",
            "ECU",
            "--type",
            "initial",
            "--closing-meeting",
            "2026-05-31",
        ],
        0,
    );
    (ws, audit["audit"]["id"].to_string())
}

fn add_finding(h: &Path, ws: &Path, audit: &str, kind: &str) -> String {
    let args = [
        "--json",
        "finding",
        "add",
        "--audit",
        audit,
        "--question",
        "1.1",
        "--type",
        kind,
        "--text",
        "Policy not reviewed",
    ];
    cli_in(h, ws, &args, 0).0["finding"]["id"].to_string()
}

fn add_action(h: &Path, ws: &Path, finding: &str, owner: &str, due: &str) -> (Value, String) {
    let args = [
        "--json",
        "action",
        "add",
        "--finding",
        finding,
        "--owner",
        owner,
        "--due",
        due,
        "--text",
        "Review the policy",
    ];
    cli_in(h, ws, &args, if owner.is_empty() { 1 } else { 0 })
}

#[test]
fn a_finding_is_changed_and_removed_only_with_its_actions_when_told() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let (ws, audit) = audit_workspace(h);
    let finding = add_finding(h, &ws, &audit, "minor");
    let (changed, _) = cli_in(
        h,
        &ws,
        &[
            "--json",
            "finding",
            "edit",
            &finding,
            "--type",
            "observation",
            "--text",
            "Late review",
        ],
        0,
    );
    assert_eq!(changed["finding"]["type"], "observation");
    assert_eq!(changed["finding"]["text"], "Late review");
    assert_eq!(changed["finding"]["question"], "1.1", "the question stays");
    let (_, stderr) = cli_in(
        h,
        &ws,
        &["finding", "edit", &finding, "--type", "severe"],
        1,
    );
    assert!(
        stderr.contains("type") && stderr.contains("severe"),
        "{stderr}"
    );

    add_action(h, &ws, &finding, "Anna", "2026-07-31");
    let (listed, _) = cli_in(
        h,
        &ws,
        &["--json", "finding", "list", "--type", "observation"],
        0,
    );
    assert_eq!(listed[0]["finding"]["text"], "Late review");
    assert_eq!(
        (
            listed[0]["actions"].as_i64(),
            listed[0]["unfinished"].as_i64()
        ),
        (Some(1), Some(1))
    );
    let (none, _) = cli_in(h, &ws, &["--json", "finding", "list", "--type", "major"], 0);
    assert_eq!(none, serde_json::json!([]));
    let (refused, stderr) = cli_in(h, &ws, &["--json", "finding", "remove", &finding], 1);
    assert_eq!(refused["error"]["code"], "needs_confirmation");
    assert!(
        stderr.contains("1 corrective action") && stderr.contains("--with-actions"),
        "says what would go and how to confirm: {stderr}"
    );
    let (shown, _) = cli_in(h, &ws, &["--json", "audit", "show", &audit], 0);
    assert_eq!(
        shown["findings"].as_array().unwrap().len(),
        1,
        "nothing removed"
    );
    cli_in(
        h,
        &ws,
        &["finding", "remove", &finding, "--with-actions"],
        0,
    );
    let (shown, _) = cli_in(h, &ws, &["--json", "audit", "show", &audit], 0);
    assert!(shown["findings"].as_array().unwrap().is_empty());
    assert!(shown["actions"].as_array().unwrap().is_empty());
    let (journal, _) = cli_in(h, &ws, &["--json", "journal"], 0);
    let text = journal.to_string();
    assert!(text.contains("\"delete\""), "the removal is journalled");
}

#[test]
fn an_action_is_refused_without_owner_or_before_the_closing_meeting_and_changed_and_removed() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let (ws, audit) = audit_workspace(h);
    let finding = add_finding(h, &ws, &audit, "minor");
    let (refused, _) = add_action(h, &ws, &finding, "", "2026-05-01");
    let fields: Vec<&str> = refused["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["owner", "due"]);
    let (added, _) = add_action(h, &ws, &finding, "Anna", "2026-07-31");
    let action = added["action"]["id"].to_string();
    let (edited, stderr) = cli_in(
        h,
        &ws,
        &[
            "action",
            "edit",
            &action,
            "--owner",
            "Ben",
            "--due",
            "2026-10-15",
            "--status",
            "in-progress",
        ],
        0,
    );
    assert!(edited.as_str().unwrap().contains("changed"), "{edited}");
    assert!(
        stderr.contains("justification"),
        "warned beyond 3 months: {stderr}"
    );
    let (list, _) = cli_in(h, &ws, &["--json", "action", "list", "--owner", "ben"], 0);
    assert_eq!(list[0]["owner"], "Ben");
    // "Mine": the desk's user as an owner ($CSMSDESK_ME here; the app's Settings keep it).
    let mine = |me: &str, args: &[&str]| -> Value {
        let out = run(cli(h)
            .env("CSMSDESK_ME", me)
            .args(args)
            .arg("--workspace")
            .arg(&ws));
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    assert_eq!(
        mine("ben", &["--json", "action", "list", "--mine"])[0]["owner"],
        "Ben"
    );
    assert_eq!(
        mine("anna", &["--json", "action", "list", "--mine"]),
        serde_json::json!([])
    );
    let due = mine("BEN", &["--json", "deadlines", "--mine"]);
    let kinds: Vec<&str> = due
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["corrective-action"], "{due}");
    assert_eq!(list[0]["status"], "in-progress");
    assert_eq!(list[0]["due"], "2026-10-15");
    let (bad, _) = cli_in(
        h,
        &ws,
        &["--json", "action", "edit", &action, "--owner", ""],
        1,
    );
    assert_eq!(bad["error"]["fields"][0]["field"], "owner");
    let (none, _) = cli_in(h, &ws, &["--json", "action", "list", "--status", "done"], 0);
    assert_eq!(none, serde_json::json!([]));
    cli_in(h, &ws, &["action", "remove", &action], 0);
    let (list, _) = cli_in(h, &ws, &["--json", "action", "list"], 0);
    assert_eq!(list, serde_json::json!([]));
    cli_in(h, &ws, &["action", "remove", &action], 1);
}

#[test]
fn many_results_are_saved_at_once_from_flags_or_a_file_and_must_agree_with_findings() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let (ws, audit) = audit_workspace(h);
    let (listed, _) = cli_in(h, &ws, &["--json", "scope", "list"], 0);
    let questions: Vec<String> = listed[0]["applicable_questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q.as_str().unwrap().to_owned())
        .collect();
    let mut csv = String::from("question,result,description\n");
    for q in &questions {
        csv.push_str(&format!("{q},conform,\"Seen, fine\"\n"));
    }
    let file = h.join("results.csv");
    std::fs::write(&file, &csv).unwrap();
    let (saved, _) = cli_in(
        h,
        &ws,
        &[
            "--json",
            "audit",
            "results",
            &audit,
            "--file",
            file.to_str().unwrap(),
            "--set",
            "1.2=minor",
        ],
        1,
    );
    assert_eq!(
        saved["error"]["fields"][0]["field"], "results.1.2.result",
        "1.2 twice: refused, nothing saved"
    );
    let (shown, _) = cli_in(h, &ws, &["--json", "audit", "show", &audit], 0);
    assert_eq!(shown["overall"], "INCOMPLETE");
    let (saved, _) = cli_in(
        h,
        &ws,
        &[
            "--json",
            "audit",
            "results",
            &audit,
            "--file",
            file.to_str().unwrap(),
        ],
        0,
    );
    assert_eq!(saved["saved"], questions.len());
    let (shown, _) = cli_in(h, &ws, &["--json", "audit", "show", &audit], 0);
    assert_eq!(shown["overall"], "PASS");
    assert_eq!(shown["questions"][0]["findings_description"], "Seen, fine");

    // A major finding on a conform question is refused, naming what to change.
    let args = [
        "finding",
        "add",
        "--audit",
        &audit,
        "--question",
        "1.1",
        "--type",
        "major",
        "--text",
        "No policy",
    ];
    let (_, stderr) = cli_in(h, &ws, &args, 1);
    assert!(
        stderr.contains("1.1") && stderr.contains("set the result"),
        "{stderr}"
    );
    cli_in(
        h,
        &ws,
        &["audit", "results", &audit, "--set", "1.1=major"],
        0,
    );
    cli_in(h, &ws, &args, 0);
    let (shown, _) = cli_in(h, &ws, &["--json", "audit", "show", &audit], 0);
    assert_eq!(shown["overall"], "FAIL");
    let (_, stderr) = cli_in(h, &ws, &["audit", "results", &audit, "--set", "1.1"], 1);
    assert!(stderr.contains("QUESTION=RESULT"), "{stderr}");
}

#[test]
fn an_audit_is_edited_and_removed_with_its_findings_only_when_told() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let (ws, audit) = audit_workspace(h);
    cli_in(
        h,
        &ws,
        &["audit", "edit", &audit, "--provider", "Example Audits"],
        0,
    );
    let (shown, _) = cli_in(h, &ws, &["--json", "audit", "show", &audit], 0);
    assert_eq!(shown["audit"]["provider"], "Example Audits");
    add_finding(h, &ws, &audit, "observation");
    let (_, stderr) = cli_in(h, &ws, &["audit", "remove", &audit], 1);
    assert!(
        stderr.contains("1 finding") && stderr.contains("--with-findings"),
        "{stderr}"
    );
    cli_in(h, &ws, &["audit", "remove", &audit, "--with-findings"], 0);
    let (list, _) = cli_in(h, &ws, &["--json", "audit", "list"], 0);
    assert_eq!(list, serde_json::json!([]));
}

/// The UIDs and reminder triggers of the events in `ics`, as Python's icalendar (which we
/// did not write) reads them.
fn calendar_events(ics: &Path) -> Vec<String> {
    let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for e in cal.walk('VEVENT'):
    alarms = [a for a in e.walk('VALARM')]
    print(e['UID'], alarms[0]['ACTION'], alarms[0].decoded('TRIGGER'), sep='|')
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(ics)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "icalendar refused the file: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn two_workspaces_give_their_deadlines_different_stable_uids_with_a_reminder() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let mut uids = Vec::new();
    for name in ["one", "two"] {
        let dir = h.join(name);
        std::fs::create_dir(&dir).unwrap();
        let (ws, audit) = audit_workspace(&dir);
        let finding = add_finding(&dir, &ws, &audit, "minor");
        add_action(&dir, &ws, &finding, "Anna", "2026-07-31");
        let ics = dir.join("deadlines.ics");
        let ics_arg = ics.to_str().unwrap();
        cli_in(
            &dir,
            &ws,
            &["deadlines", "--kind", "corrective-action", "--ics", ics_arg],
            0,
        );
        let events = calendar_events(&ics);
        assert_eq!(events.len(), 1, "{events:?}");
        let (uid, alarm) = events[0].split_once('|').unwrap();
        assert!(uid.starts_with("corrective-action-1@"), "{uid}");
        assert!(
            alarm.starts_with("DISPLAY|-"),
            "a reminder before the day: {alarm}"
        );
        cli_in(
            &dir,
            &ws,
            &["deadlines", "--kind", "corrective-action", "--ics", ics_arg],
            0,
        );
        assert_eq!(
            calendar_events(&ics),
            events,
            "exported again: the same UID"
        );
        uids.push(uid.to_owned());
    }
    assert_ne!(uids[0], uids[1], "action 1 of two workspaces: two events");
}

#[test]
fn the_self_assessment_of_many_questions_is_saved_at_once_from_flags_or_a_file() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let (ws, _) = audit_workspace(h);
    let file = h.join("assessment.csv");
    std::fs::write(
        &file,
        "question,result,implementation\n1.1,conform,\"Signed, published\"\n",
    )
    .unwrap();
    let args = [
        "--json",
        "assess",
        "--scope",
        "ECU",
        "--file",
        file.to_str().unwrap(),
        "--set",
        "1.2=minor",
    ];
    let (saved, _) = cli_in(h, &ws, &args, 0);
    assert_eq!(saved["saved"], 2);
    let (status, _) = cli_in(h, &ws, &["--json", "status", "--scope", "ECU"], 0);
    let text = status.to_string();
    assert!(
        text.contains("INCOMPLETE"),
        "the other questions have none yet: {text}"
    );
    let (refused, _) = cli_in(
        h,
        &ws,
        &[
            "--json",
            "assess",
            "--scope",
            "ECU",
            "--set",
            "1.3=conform",
            "--set",
            "1.4=great",
        ],
        1,
    );
    assert_eq!(
        refused["error"]["fields"][0]["field"],
        "assessments.1.4.result"
    );
}
