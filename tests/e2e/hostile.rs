//! The hostile-input corpus (`tests/hostile/corpus.rs`), IPC side: every `Via::Ipc` case is
//! sent straight to the app's command through the real webview's IPC (`invoke`), as a
//! compromised or buggy page could. Each must come back as its expected error, and the
//! workspace's dump (Python's sqlite3 `iterdump` plus the vault's files) must not change.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::support::{Desktop, SERIAL};

include!("../hostile/corpus.rs");
include!("../hostile/dump.rs");

/// Sends `command` with `args` through the page's IPC; `Ok` with the answer or `Err` with the
/// rejection (our `{code, message, fields}`, or Tauri's own text for arguments it cannot
/// deserialize).
async fn invoke(app: &crate::support::App, command: &str, args: Value) -> Result<Value, Value> {
    let script = "const [command, args, done] = arguments;\n\
                  window.__TAURI_INTERNALS__.invoke(command, args)\n\
                    .then((ok) => done({ ok }), (err) => done({ err }));";
    let answer = app
        .client
        .execute_async(script, vec![json!(command), args])
        .await
        .unwrap();
    match answer.get("err") {
        Some(err) => Err(err.clone()),
        None => Ok(answer["ok"].clone()),
    }
}

fn input_path(input: &Input, dir: &Path) -> PathBuf {
    match input {
        Input::None => dir.join("unused"),
        Input::Bytes(name, bytes) => {
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            path
        }
        other => panic!("IPC cases use plain inputs, not {other:?}"),
    }
}

#[tokio::test]
async fn every_hostile_ipc_argument_is_refused_clearly_and_changes_nothing() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let ws = desktop.home.path().join("csms");
    crate::evidence_workspace(&ws);
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    // The dashboard records today's readiness when it first draws: let it.
    app.wait_for("[data-readiness-scope='ECU development']")
        .await;
    let before = dump(&ws);
    let cases: Vec<&Case> = CASES
        .iter()
        .filter(|c| matches!(c.via, Via::Ipc(..)))
        .collect();
    assert!(cases.len() >= 10, "{} IPC cases", cases.len());
    let mut failures = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let Via::Ipc(command, args) = case.via else {
            unreachable!()
        };
        let dir = desktop.home.path().join(format!("ipc-case-{n}"));
        std::fs::create_dir_all(&dir).unwrap();
        let file = input_path(&case.input, &dir);
        let out = dir.join("out");
        std::fs::create_dir_all(&out).unwrap();
        let args = args
            .replace("{file}", file.to_str().unwrap())
            .replace("{dir}", out.to_str().unwrap())
            .replace("{ws}", ws.to_str().unwrap());
        let args: Value = serde_json::from_str(&args)
            .unwrap_or_else(|e| panic!("{}: the case's arguments are not JSON: {e}", case.name));
        let answer = invoke(&app, command, args).await;
        let mut problems = Vec::new();
        match &answer {
            Ok(value) => problems.push(format!("accepted: {value}")),
            Err(Value::String(text)) => {
                if case.expect.code != "usage" {
                    problems.push(format!(
                        "Tauri refused the arguments ({text}), expected {}",
                        case.expect.code
                    ));
                } else if !text.contains(case.expect.message) {
                    problems.push(format!("{text:?} does not name {:?}", case.expect.message));
                }
            }
            Err(error) => {
                if error["code"] != case.expect.code {
                    problems.push(format!(
                        "code {}, expected {}",
                        error["code"], case.expect.code
                    ));
                }
                let all = format!("{} {}", error["message"], error["fields"]);
                if !all.contains(case.expect.message) {
                    problems.push(format!("{all} does not contain {:?}", case.expect.message));
                }
            }
        }
        if dump(&ws) != before {
            problems.push("the workspace changed".into());
        }
        if std::fs::read_dir(&out).unwrap().next().is_some() {
            problems.push("files appeared at the target".into());
        }
        if !problems.is_empty() {
            failures.push(format!("{}: {}", case.name, problems.join("; ")));
        }
    }
    // The window still works after all of it.
    app.go("history").await;
    app.screenshot("hostile-after-ipc").await;
    assert!(
        failures.is_empty(),
        "{} of {} IPC cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    app.quit(&ws).await;
}
