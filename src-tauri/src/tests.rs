//! Tests of the shell's wiring: the capability, the handler list and the CSP stay in step.

use super::*;
use std::collections::BTreeSet;

const CAPABILITY: &str = include_str!("../capabilities/main.json");
const LIB_RS: &str = include_str!("lib.rs");
const TAURI_CONF: &str = include_str!("../../tauri.conf.json");

fn command_names() -> BTreeSet<String> {
    commands::COMMAND_NAMES
        .iter()
        .map(|s| s.to_string())
        .collect()
}

#[test]
fn the_capability_grants_exactly_the_registered_commands() {
    let capability: serde_json::Value = serde_json::from_str(CAPABILITY).unwrap();
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .expect("permissions is a list")
        .iter()
        .map(|p| {
            p.as_str()
                .expect("permissions are plain identifiers")
                .to_owned()
        })
        .collect();
    // Besides the commands, the page may only listen for events (files dropped on the window).
    let core = ["core:event:allow-listen", "core:event:allow-unlisten"];
    let expected: BTreeSet<String> = commands::COMMAND_NAMES
        .iter()
        .map(|n| format!("allow-{}", n.replace('_', "-")))
        .chain(core.iter().map(|p| p.to_string()))
        .collect();
    assert_eq!(
        granted, expected,
        "each command is granted by name, and nothing else is"
    );
    assert_eq!(
        capability["windows"],
        serde_json::json!(["main"]),
        "only the main window"
    );
}

#[test]
fn the_handler_registers_exactly_the_named_commands() {
    let start = LIB_RS
        .find("generate_handler![")
        .expect("lib.rs registers commands");
    let block = &LIB_RS[start..start + LIB_RS[start..].find(']').expect("closing bracket")];
    let registered: BTreeSet<String> = block
        .split(',')
        .filter_map(|path| path.rsplit("::").next())
        .map(|name| {
            name.trim()
                .trim_start_matches("generate_handler![")
                .trim()
                .to_owned()
        })
        .filter(|name| !name.is_empty())
        .collect();
    assert_eq!(
        registered,
        command_names(),
        "COMMAND_NAMES and generate_handler! agree"
    );
}

#[test]
fn the_content_security_policy_is_the_strict_one() {
    let conf: serde_json::Value = serde_json::from_str(TAURI_CONF).unwrap();
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP is set, never null");
    for directive in [
        "default-src 'self'",
        "script-src 'self'",
        "connect-src ipc: http://ipc.localhost",
        "object-src 'none'",
    ] {
        assert!(csp.contains(directive), "CSP lacks {directive}: {csp}");
    }
    let beyond_ipc = csp.replace("http://ipc.localhost", "");
    assert!(
        !beyond_ipc.contains("unsafe") && !beyond_ipc.contains("http"),
        "no remote origin: {csp}"
    );
    assert_eq!(
        conf["build"]["frontendDist"], "ui",
        "only the local UI folder is served"
    );
}

#[test]
fn the_workspace_argument_is_read_in_both_spellings() {
    let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        workspace_argument(args(&["--workspace", "/w"])),
        Some(PathBuf::from("/w"))
    );
    assert_eq!(
        workspace_argument(args(&["-x", "--workspace=/w"])),
        Some(PathBuf::from("/w"))
    );
    assert_eq!(
        workspace_argument(args(&["--workspace"])),
        None,
        "a missing value is ignored"
    );
    assert_eq!(workspace_argument(args(&[])), None);
}
