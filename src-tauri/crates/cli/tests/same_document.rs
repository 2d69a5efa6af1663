//! The CLI's `--json` and the desktop app's IPC result of the same request are one document.
//!
//! Each test runs the CLI on a workspace, then computes what the app's command sends for the
//! same request: the same `workspace` call and the same `wire` function as the command's body
//! in `src-tauri/src/commands/` (the app package cannot be a dependency of the CLI's tests),
//! serialised with serde. Countdowns and checks are made for a fixed day on both sides.

use std::path::{Path, PathBuf};

use csmsdesk_core::deadlines::DeadlineFilter;
use csmsdesk_core::i18n::Lang;
use csmsdesk_workspace::{ScopeId, Workspace, wire};
use serde_json::Value;

mod common;
use common::cli;

/// The day both shells compute countdowns and checks for.
const TODAY: &str = "2026-12-01";

/// The CLI's `--json` output of `args` (with the day fixed) on `ws`.
fn cli_json(home: &Path, ws: &Path, args: &[&str]) -> Value {
    let out = cli(home)
        .args(["--json", "--today", TODAY])
        .args(args)
        .arg("--workspace")
        .arg(ws)
        .output()
        .expect("the CLI starts");
    assert!(
        out.status.code().is_some_and(|c| c == 0 || c == 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?} prints one JSON document ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

fn today() -> chrono::NaiveDate {
    TODAY.parse().unwrap()
}

/// The workspace as the app holds it, opened after the CLI has finished.
fn open(ws: &Path) -> Workspace {
    Workspace::open(ws, "2026-12-01T09:00:00Z".parse().unwrap()).expect("the workspace opens")
}

/// What the app sends: the wire value as serde writes it on the IPC channel, read back the
/// way the CLI's output is read (so a float goes through the same text and parser on both
/// sides).
/// The id of the scope named `name`, as the app holds it.
fn scope_id(ws: &Workspace, name: &str) -> ScopeId {
    let names = ws.scope_names().unwrap();
    names.into_iter().find(|n| n.name == name).unwrap().id
}

fn ipc(value: impl serde::Serialize) -> Value {
    let text = serde_json::to_string(&value).expect("a wire value serialises");
    serde_json::from_str(&text).expect("and reads back")
}

/// A workspace with the demo catalogue, a location whose TISAX label expires soon (the check
/// has a warning), scope ECU, two evidence files (one linked twice) and an initial audit with
/// every applicable question conform (so the scope has labels and deadlines).
fn workspace(home: &Path) -> PathBuf {
    let ws = home.join("ws");
    let run = |args: &[&str]| cli_json(home, &ws, args);
    run(&["init", "--company", "ACME"]);
    run(&["catalogue", "import", "--demo"]);
    run(&[
        "location",
        "add",
        "Plant Nord",
        "--tisax-label",
        "strictly-confidential:3:2027-02-01",
    ]);
    run(&[
        "scope",
        "add",
        "ECU",
        "--objective",
        "development",
        "--location",
        "Plant Nord",
        "--audit-date",
        "2027-01-15",
    ]);
    let docs = home.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("policy.pdf"), "policy").unwrap();
    std::fs::write(docs.join("tara.xlsx"), "tara").unwrap();
    let added = run(&["evidence", "add", docs.to_str().unwrap(), "--link", "1.1.a"]);
    let id = added["evidence"][0]["id"].as_i64().unwrap().to_string();
    run(&["evidence", "link", &id, "1.2", "--scope", "ECU"]);
    let audit = run(&[
        "audit",
        "add",
        "--scope",
        "ECU",
        "--type",
        "initial",
        "--closing-meeting",
        "2026-05-31",
    ]);
    let audit = audit["audit"]["id"].as_i64().unwrap().to_string();
    let status = run(&["status", "--scope", "ECU"]);
    for q in status["questions"].as_array().unwrap() {
        if q["applicable"] == true {
            run(&[
                "audit",
                "result",
                &audit,
                q["id"].as_str().unwrap(),
                "conform",
            ]);
        }
    }
    ws
}

#[test]
fn catalogue_list_is_the_same_document_over_the_cli_and_ipc() {
    let home = tempfile::tempdir().unwrap();
    let ws = workspace(home.path());
    let cli = cli_json(home.path(), &ws, &["catalogue", "list"]);
    // commands/catalogue.rs `catalogue_list`
    let app = ipc(open(&ws)
        .catalogues()
        .unwrap()
        .iter()
        .map(wire::catalogue_record)
        .collect::<Vec<_>>());
    assert_eq!(cli, app);
    assert_eq!(
        cli.as_array().unwrap().len(),
        1,
        "the demo catalogue: {cli}"
    );
}

#[test]
fn scope_list_is_the_same_document_over_the_cli_and_ipc() {
    let home = tempfile::tempdir().unwrap();
    let ws = workspace(home.path());
    let cli = cli_json(home.path(), &ws, &["scope", "list"]);
    // commands/scope.rs `scope_list`
    let ws = open(&ws);
    let views: Vec<_> = ws
        .scopes()
        .unwrap()
        .iter()
        .map(|s| ws.scope_view(ScopeId(s.id), None, today()).unwrap())
        .collect();
    let app = ipc(views
        .iter()
        .map(|v| wire::scope_view(v, Lang::English))
        .collect::<Vec<_>>());
    assert_eq!(cli, app);
    assert_eq!(cli[0]["name"], "ECU");
}

#[test]
fn scope_check_is_the_check_the_app_shows_with_the_scope() {
    let home = tempfile::tempdir().unwrap();
    let ws = workspace(home.path());
    let cli = cli_json(home.path(), &ws, &["scope", "check", "ECU"]);
    // commands/scope.rs `scope_show` sends the scope with its `check`.
    let opened = open(&ws);
    let view = opened
        .scope_view(scope_id(&opened, "ECU"), None, today())
        .unwrap();
    let app = ipc(wire::scope_view(&view, Lang::English));
    assert_eq!(cli, app["check"]);
    assert_eq!(
        cli["problems"][0]["code"], "tisax_label_expires_soon",
        "{cli}"
    );
}

#[test]
fn evidence_list_is_the_same_document_over_the_cli_and_ipc() {
    let home = tempfile::tempdir().unwrap();
    let ws = workspace(home.path());
    let cli = cli_json(home.path(), &ws, &["evidence", "list"]);
    // commands/evidence.rs `evidence_list`
    let list = open(&ws).evidence(today()).unwrap();
    let app = ipc(list.iter().map(wire::evidence).collect::<Vec<_>>());
    assert_eq!(cli, app);
    assert_eq!(cli.as_array().unwrap().len(), 2);
}

#[test]
fn an_evidence_search_is_the_same_document_over_the_cli_and_ipc() {
    let home = tempfile::tempdir().unwrap();
    let ws = workspace(home.path());
    let cli = cli_json(
        home.path(),
        &ws,
        &["evidence", "search", "", "--limit", "5"],
    );
    // commands/evidence.rs `evidence_search`
    let found = open(&ws).search_evidence("", 5, today()).unwrap();
    let app = ipc(wire::evidence_briefs(&found));
    assert_eq!(cli, app);
    assert_eq!(cli.as_array().unwrap().len(), 2, "both items, by title");
}

#[test]
fn the_one_search_is_the_same_document_over_the_cli_and_ipc() {
    let home = tempfile::tempdir().unwrap();
    let ws = workspace(home.path());
    let cli = cli_json(home.path(), &ws, &["search", "policy", "--limit", "3"]);
    // commands/evidence_work.rs `workspace_search`
    let found = open(&ws).search("policy", 3).unwrap();
    let app = ipc(wire::found(&found));
    assert_eq!(cli, app);
    assert!(
        cli.as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "evidence"),
        "{cli}"
    );
}

#[test]
fn a_bulk_change_is_the_same_document_over_the_cli_and_ipc() {
    let home = tempfile::tempdir().unwrap();
    let ws = workspace(home.path());
    let cli = cli_json(
        home.path(),
        &ws,
        &["evidence", "set", "--filter", "tara", "--owner", "Anna"],
    );
    // commands/evidence_work.rs `evidence_bulk`, the same change again: none changes now.
    let selection = csmsdesk_workspace::EvidenceSelection {
        ids: Vec::new(),
        filter: Some(csmsdesk_workspace::EvidencePageInput {
            filter: "tara".into(),
            ..Default::default()
        }),
    };
    let change = csmsdesk_workspace::BulkChange::Set {
        field: "owner".into(),
        value: "Anna".into(),
    };
    let outcome = open(&ws)
        .bulk_evidence(&selection, &change, today(), Lang::English)
        .unwrap();
    let app = ipc(wire::bulk_outcome(&outcome));
    assert_eq!(cli["selected"], app["selected"]);
    assert_eq!(cli["changed"], 1);
    assert_eq!(app["changed"], 0, "the CLI set it already");
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&cli), keys(&app), "the same document");
}

#[test]
fn status_is_the_readiness_the_app_shows() {
    let home = tempfile::tempdir().unwrap();
    let ws = workspace(home.path());
    let cli = cli_json(home.path(), &ws, &["status", "--scope", "ECU"]);
    // commands/evidence.rs `readiness_show` (and `package_preview`)
    let opened = open(&ws);
    let readiness = opened.readiness(scope_id(&opened, "ECU"), today()).unwrap();
    let app = ipc(wire::readiness(&readiness));
    assert_eq!(cli, app);
    assert!(
        cli["requirements"]["covered"].as_u64().unwrap() >= 2,
        "{cli}"
    );
}

#[test]
fn labels_are_the_labels_of_the_apps_countdown_cards() {
    let home = tempfile::tempdir().unwrap();
    let ws = workspace(home.path());
    let cli = cli_json(home.path(), &ws, &["labels"]);
    // commands/audit.rs `labels_show` sends one card per scope with its labels; the CLI
    // lists the same labels flat, each with its scope's name.
    let labels = open(&ws).labels(None).unwrap();
    let cards = ipc(wire::label_cards(&labels, today(), Lang::English));
    let flat: Vec<Value> = cards
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|card| {
            card["labels"].as_array().unwrap().iter().map(|label| {
                let mut label = label.clone();
                label["scope"] = card["scope"].clone();
                label
            })
        })
        .collect();
    assert_eq!(cli, Value::Array(flat));
    assert!(
        !cli.as_array().unwrap().is_empty(),
        "a passed audit gives labels: {cards}"
    );
}

#[test]
fn deadlines_are_the_same_document_over_the_cli_and_ipc() {
    let home = tempfile::tempdir().unwrap();
    let ws = workspace(home.path());
    let cli = cli_json(home.path(), &ws, &["deadlines"]);
    // commands/audit.rs `deadlines_list` with an empty filter
    let list = open(&ws)
        .deadlines(&DeadlineFilter::default(), today())
        .unwrap();
    let app = ipc(wire::deadlines(&list, today(), Lang::English));
    assert_eq!(cli, app);
    assert!(!cli.as_array().unwrap().is_empty(), "labels expire: {cli}");
}

#[test]
fn a_journal_page_has_the_same_entries_over_the_cli_and_ipc() {
    let home = tempfile::tempdir().unwrap();
    let ws = workspace(home.path());
    let cli = cli_json(home.path(), &ws, &["journal", "--limit", "100"]);
    // commands/trust.rs `journal_page` sends the entries, the tables and the people to filter
    // by.
    let dir = ws.clone();
    let ws = open(&ws);
    let entries = ws.journal_page(None, None, None, 100).unwrap();
    let users = ws.journal_users().unwrap();
    let app = ipc(wire::journal_page(
        &entries,
        ws.journal_tables().unwrap(),
        users.clone(),
    ));
    assert_eq!(cli, app["entries"]);
    assert_eq!(cli.as_array().unwrap().len(), 100, "a full page");
    // One person's entries: the same over both, and all theirs.
    let person = users.first().expect("someone made the changes").clone();
    let cli = cli_json(
        home.path(),
        &dir,
        &["journal", "--limit", "100", "--user", &person],
    );
    let mine = ws.journal_page(None, None, Some(&person), 100).unwrap();
    let app = ipc(wire::journal_page(&mine, Vec::new(), Vec::new()));
    assert_eq!(cli, app["entries"]);
    assert!(mine.iter().all(|e| e.user == person) && !mine.is_empty());
    let nobody = cli_json(home.path(), &dir, &["journal", "--user", "nobody at all"]);
    assert_eq!(nobody, serde_json::json!([]));
}

#[test]
fn a_refused_request_carries_the_same_error_over_the_cli_and_ipc() {
    let home = tempfile::tempdir().unwrap();
    let ws = workspace(home.path());
    let cli = cli_json(home.path(), &ws, &["location", "add", "Plant Nord"]);
    // commands/scope.rs `location_add` answers `CommandError::from_workspace`, which is
    // `wire::error` with the error's own message.
    let input = csmsdesk_workspace::LocationInput {
        name: "Plant Nord".into(),
        ..Default::default()
    };
    let err = open(&ws)
        .add_location(&input)
        .expect_err("the name is taken");
    let app = ipc(wire::error(&err, &err.message(), Lang::English));
    assert_eq!(cli["error"], app);
    assert_eq!(cli["error"]["fields"][0]["field"], "name", "{cli}");
}

#[test]
fn a_refused_deadline_filter_carries_the_same_error_over_the_cli_and_ipc() {
    let home = tempfile::tempdir().unwrap();
    let ws = workspace(home.path());
    let cli = cli_json(
        home.path(),
        &ws,
        &[
            "deadlines",
            "--kind",
            "audit",
            "--kind",
            "labels",
            "--within",
            "4000",
        ],
    );
    // commands/audit.rs `FilterDto::filter`: the same `deadline_filter`, with no scope and the
    // blank owner the window sends when none is chosen.
    let err = csmsdesk_workspace::deadline_filter(
        Some(4000),
        &["audit".to_owned(), "labels".to_owned()],
        None,
        Some(""),
    )
    .expect_err("unknown kinds and a look ahead beyond ten years");
    let app = ipc(wire::error(&err, &err.message(), Lang::English));
    assert_eq!(cli["error"], app);
    let fields: Vec<&str> = cli["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["kind", "kind", "within_days"],
        "every problem at once: {cli}"
    );
}

#[test]
fn an_evidence_page_is_the_same_document_over_the_cli_and_ipc() {
    let home = tempfile::tempdir().unwrap();
    let ws = workspace(home.path());
    let cli = cli_json(
        home.path(),
        &ws,
        &[
            "evidence", "list", "--filter", "pdf", "--sort", "links", "--desc", "--limit", "1",
        ],
    );
    // commands/evidence.rs `evidence_page` with the query the vault sends for those flags
    let input = csmsdesk_workspace::EvidencePageInput {
        filter: "pdf".into(),
        sort: "links".into(),
        direction: "desc".into(),
        limit: Some(1),
        ..Default::default()
    };
    let page = open(&ws)
        .evidence_page(&input, today(), Lang::English)
        .unwrap();
    let app = ipc(wire::evidence_page(&page));
    assert_eq!(cli, app);
    assert_eq!(
        (cli["total"].as_u64(), cli["unfiltered"].as_u64()),
        (Some(1), Some(2)),
        "{cli}"
    );
    assert_eq!(cli["items"][0]["title"], "policy.pdf");
}

#[test]
fn a_deadline_page_is_the_same_document_over_the_cli_and_ipc() {
    let home = tempfile::tempdir().unwrap();
    let ws = workspace(home.path());
    let cli = cli_json(
        home.path(),
        &ws,
        &[
            "deadlines",
            "--sort",
            "kind",
            "--limit",
            "2",
            "--offset",
            "1",
        ],
    );
    // commands/audit.rs `deadlines_page` with an empty filter
    let input = csmsdesk_workspace::DeadlinePageInput {
        sort: "kind".into(),
        offset: 1,
        limit: Some(2),
        ..Default::default()
    };
    let page = open(&ws)
        .deadlines_page(&DeadlineFilter::default(), &input, today(), Lang::English)
        .unwrap();
    let app = ipc(wire::deadline_page(&page, today(), Lang::English));
    assert_eq!(cli, app);
    assert!(cli["total"].as_u64().unwrap() >= 3, "{cli}");
    assert_eq!(cli["deadlines"].as_array().unwrap().len(), 2);
}
