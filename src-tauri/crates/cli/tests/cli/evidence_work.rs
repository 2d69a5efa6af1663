//! Everyday work on evidence from the command line: `evidence set` (bulk changes).

use super::{cli_in, evidence_workspace, run, stderr};
use crate::common::cli;

/// A workspace with `tara-1..n.xlsx` and `policy.pdf` added; returns (workspace, ids by title).
fn vault(h: &std::path::Path, taras: usize) -> std::path::PathBuf {
    let ws = evidence_workspace(h);
    for n in 1..=taras {
        std::fs::write(h.join(format!("docs/tara-{n}.xlsx")), format!("tara {n}")).unwrap();
    }
    std::fs::write(h.join("docs/policy.pdf"), "policy").unwrap();
    cli_in(h, &ws, &["evidence", "add", h.join("docs").to_str().unwrap()], 0);
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
        &["--json", "evidence", "set", "--filter", "tara", "--work-product", "wp-9-2"],
        0,
    );
    assert_eq!(done["selected"], 3);
    assert_eq!(done["changed"], 3);
    assert_eq!(count(h, &ws, &["--type", "WP-09-02"]), 3);
    assert_eq!(count(h, &ws, &["--type", "other"]), 1, "policy.pdf kept no type");
    // By ids, as text: the owner of two items.
    let text = cli_in(h, &ws, &["evidence", "set", "1", "#2", "--owner", "Quality"], 0);
    assert_eq!(text.as_str().unwrap().trim(), "2 items changed of 2 selected.");
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
        &["--json", "evidence", "set", "--of-type", "WP-09-02", "--link", "1.1"],
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
        .args(["--today", "2026-12-01", "evidence", "set", "--all", "--reviewed"])
        .args(["--next-review", "2026-11-30", "--workspace"])
        .arg(&ws));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("review_due: The next review date 2026-11-30 is not after today"),
        "{}",
        stderr(&out)
    );
    let out = run(cli(h)
        .args(["evidence", "set", "1", "--link", "99.9", "--link", "1.1.z", "--link", "foo"])
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
        .args(["evidence", "set", "1", "--owner", "A", "--remove", "--workspace"])
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
        .args(["evidence", "set", "--filter", "tara", "--remove", "--workspace"])
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
        &["--json", "evidence", "set", "--filter", "tara", "--remove", "--yes"],
        0,
    );
    assert_eq!(done["changed"], 3);
    assert_eq!(count(h, &ws, &[]), 1);
}
