//! Everyday work on evidence from the command line: `evidence set` (bulk changes).

use serde_json::Value;

use super::{cli_in, evidence_workspace, run, stderr};
use crate::common::cli;

/// A workspace with `tara-1..n.xlsx` and `policy.pdf` added; returns (workspace, ids by title).
fn vault(h: &std::path::Path, taras: usize) -> std::path::PathBuf {
    let ws = evidence_workspace(h);
    for n in 1..=taras {
        std::fs::write(h.join(format!("docs/tara-{n}.xlsx")), format!("tara {n}")).unwrap();
    }
    std::fs::write(h.join("docs/policy.pdf"), "policy").unwrap();
    cli_in(
        h,
        &ws,
        &["evidence", "add", h.join("docs").to_str().unwrap()],
        0,
    );
    ws
}

fn count(h: &std::path::Path, ws: &std::path::Path, flags: &[&str]) -> u64 {
    let page = cli_in(
        h,
        ws,
        &[&["--json", "evidence", "list", "--limit", "0"], flags].concat(),
        0,
    );
    page["total"].as_u64().unwrap()
}

#[test]
fn evidence_set_changes_every_item_a_filter_keeps_in_one_go() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = vault(h, 3);
    let done = cli_in(
        h,
        &ws,
        &[
            "--json",
            "evidence",
            "set",
            "--filter",
            "tara",
            "--work-product",
            "wp-9-2",
        ],
        0,
    );
    assert_eq!(done["selected"], 3);
    assert_eq!(done["changed"], 3);
    assert_eq!(count(h, &ws, &["--type", "WP-09-02"]), 3);
    assert_eq!(
        count(h, &ws, &["--type", "other"]),
        1,
        "policy.pdf kept no type"
    );
    // By ids, as text: the owner of two items.
    let text = cli_in(
        h,
        &ws,
        &["evidence", "set", "1", "#2", "--owner", "Quality"],
        0,
    );
    assert_eq!(
        text.as_str().unwrap().trim(),
        "2 items changed of 2 selected."
    );
    assert_eq!(count(h, &ws, &["--filter", "Quality"]), 2);
    // Reviewed, with a next date after --today.
    cli_in(
        h,
        &ws,
        &[
            "--today",
            "2026-12-01",
            "evidence",
            "set",
            "--all",
            "--reviewed",
            "--next-review",
            "2027-01-15",
        ],
        0,
    );
    assert_eq!(
        count(h, &ws, &["--today", "2027-01-20", "--state", "review-due"]),
        4
    );
    let linked = cli_in(
        h,
        &ws,
        &[
            "--json",
            "evidence",
            "set",
            "--of-type",
            "WP-09-02",
            "--link",
            "1.1",
        ],
        0,
    );
    assert_eq!(linked["changed"], 3);
    assert_eq!(count(h, &ws, &["--unlinked"]), 1);
}

#[test]
fn evidence_set_refuses_wrong_input_naming_every_problem_and_saves_nothing() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = vault(h, 2);
    let out = run(cli(h)
        .args([
            "--today",
            "2026-12-01",
            "evidence",
            "set",
            "--all",
            "--reviewed",
        ])
        .args(["--next-review", "2026-11-30", "--workspace"])
        .arg(&ws));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("review_due: The next review date 2026-11-30 is not after today"),
        "{}",
        stderr(&out)
    );
    let out = run(cli(h)
        .args([
            "evidence", "set", "1", "--link", "99.9", "--link", "1.1.z", "--link", "foo",
        ])
        .arg("--workspace")
        .arg(&ws));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("3 IDs are neither a control question nor a requirement of the catalogue: 99.9, 1.1.z, foo."),
        "every unknown ID is named: {}",
        stderr(&out)
    );
    // Two changes at once, or none, are usage errors.
    let out = run(cli(h)
        .args([
            "evidence",
            "set",
            "1",
            "--owner",
            "A",
            "--remove",
            "--workspace",
        ])
        .arg(&ws));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(count(h, &ws, &["--unlinked"]), 3, "nothing was linked");
}

#[test]
fn evidence_set_remove_names_the_count_and_removes_only_with_yes() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = vault(h, 3);
    let out = run(cli(h)
        .args([
            "evidence",
            "set",
            "--filter",
            "tara",
            "--remove",
            "--workspace",
        ])
        .arg(&ws));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("This would remove 3 evidence items with their links"),
        "{}",
        stderr(&out)
    );
    assert_eq!(count(h, &ws, &[]), 4, "nothing removed without --yes");
    let done = cli_in(
        h,
        &ws,
        &[
            "--json", "evidence", "set", "--filter", "tara", "--remove", "--yes",
        ],
        0,
    );
    assert_eq!(done["changed"], 3);
    assert_eq!(count(h, &ws, &[]), 1);
}

#[test]
fn search_finds_records_of_every_kind_and_prints_them_one_per_line() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = vault(h, 2);
    let found = cli_in(h, &ws, &["--json", "search", "tara", "--limit", "1"], 0);
    let kinds: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["requirement", "question", "evidence"],
        "one per kind, the catalogue's TARA too"
    );
    assert_eq!(found[2]["title"], "tara-1.xlsx");
    let text = cli_in(h, &ws, &["search", "ecu"], 0);
    assert!(
        text.as_str()
            .unwrap()
            .lines()
            .any(|l| l.starts_with("Scope") && l.ends_with("ECU")),
        "{text}"
    );
    let text = cli_in(h, &ws, &["search", "1.1.a"], 0);
    assert!(text.as_str().unwrap().starts_with("Requirement"), "{text}");
    let nothing = cli_in(h, &ws, &["search", "no-such-word"], 0);
    assert_eq!(
        nothing.as_str().unwrap().trim(),
        "Nothing found. Try fewer or shorter words."
    );
    let out = run(cli(h)
        .args(["search", "x", "--limit", "0", "--workspace"])
        .arg(&ws));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("limit: Ask for 1 to 50 results of each kind."),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_scan_lists_the_missing_item_and_relocate_points_it_at_the_moved_file() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = vault(h, 2);
    let id_of = |title: &str| {
        let found = cli_in(h, &ws, &["--json", "search", title], 0);
        found
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["kind"] == "evidence")
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let (one, two, policy) = (id_of("tara-1"), id_of("tara-2"), id_of("policy"));
    std::fs::create_dir_all(h.join("archive")).unwrap();
    std::fs::rename(h.join("docs/tara-2.xlsx"), h.join("archive/tara-2.xlsx")).unwrap();
    std::fs::write(h.join("docs/tara-1.xlsx"), "tara 1, second edition").unwrap();
    let scan = cli_in(h, &ws, &["evidence", "scan"], 0);
    let scan = scan.as_str().unwrap();
    assert!(
        scan.contains(&format!(
            "changed: #{one} tara-1.xlsx (a new version that needs review)"
        )),
        "{scan}"
    );
    assert!(
        scan.contains(&format!("missing: #{two} tara-2.xlsx (relocate it with: csmsdesk-cli evidence relocate {two} PATH)")),
        "{scan}"
    );
    let json = cli_in(h, &ws, &["--json", "evidence", "scan"], 0);
    assert_eq!(json["items"][0]["outcome"], "missing");
    assert_eq!(json["items"][0]["title"], "tara-2.xlsx");

    // Adding the moved file as new is refused with the item named and the command to run.
    let moved = h.join("archive/tara-2.xlsx");
    let out = run(cli(h)
        .args(["evidence", "add"])
        .arg(&moved)
        .arg("--workspace")
        .arg(&ws));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!(
            "has the content of evidence item {two} “tara-2.xlsx”, whose source is missing"
        )),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains(&format!("csmsdesk-cli evidence relocate {two}")),
        "{}",
        stderr(&out)
    );

    let relocated = cli_in(
        h,
        &ws,
        &[
            "--json",
            "evidence",
            "relocate",
            &two,
            moved.to_str().unwrap(),
        ],
        0,
    );
    assert_eq!(relocated["id"].to_string(), two);
    assert_eq!(relocated["new_version"], Value::Null);
    let item = cli_in(h, &ws, &["--json", "evidence", "show", &two], 0);
    assert_eq!(item["state"], "current", "{item}");
    // A file that is another item's source is refused, naming the field.
    let out = run(cli(h)
        .args(["evidence", "relocate", &two])
        .arg(h.join("docs/policy.pdf"))
        .arg("--workspace")
        .arg(&ws));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("path: "), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("is already the source of evidence item {policy}")),
        "{}",
        stderr(&out)
    );
    // --as-new keeps both.
    std::fs::copy(&moved, h.join("archive/copy.xlsx")).unwrap();
    cli_in(
        h,
        &ws,
        &[
            "evidence",
            "add",
            h.join("archive/copy.xlsx").to_str().unwrap(),
            "--as-new",
        ],
        0,
    );
}
