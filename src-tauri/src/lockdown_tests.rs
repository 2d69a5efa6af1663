//! Tests that the shell stays locked down: what the page may call (the capability), what it may
//! load (the CSP and the rest of `tauri.conf.json`), and what the app is built with (plugins and
//! Tauri features). Each reads the real file, so a loosening edit fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use crate::commands::COMMAND_NAMES;

const CAPABILITY: &str = include_str!("../capabilities/main.json");
const TAURI_CONF: &str = include_str!("../../tauri.conf.json");
const ARCHITECTURE: &str = include_str!("../../ARCHITECTURE.md");
const CARGO_TOML: &str = include_str!("../../Cargo.toml");
const CARGO_LOCK: &str = include_str!("../../Cargo.lock");

/// The only permissions besides the commands: listening for events (files dropped on the
/// window, the progress of long jobs).
const EVENT_PERMISSIONS: [&str; 2] = ["core:event:allow-listen", "core:event:allow-unlisten"];

/// The one Tauri plugin the app registers; it is called from Rust only.
const NOTIFICATION_PLUGIN: &str = "tauri-plugin-notification";
/// A plugin crate whose functions (open a path with the default program, show a file in
/// its folder) the app calls from Rust with paths it resolved itself; never registered, so
/// the page has none of its commands.
const OPENER_PLUGIN: &str = "tauri-plugin-opener";

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("valid JSON")
}

/// A CSP as its directives in order: name (lower case) and source expressions.
fn directives(csp: &str) -> Vec<(String, Vec<String>)> {
    csp.split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut words = d.split_whitespace();
            let name = words.next().unwrap_or_default().to_ascii_lowercase();
            (name, words.map(str::to_owned).collect())
        })
        .collect()
}

/// The contents of the fenced blocks of a Markdown text.
fn fenced_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            match current.take() {
                Some(lines) => blocks.push(lines.join("\n")),
                None => current = Some(Vec::new()),
            }
        } else if let Some(lines) = current.as_mut() {
            lines.push(line);
        }
    }
    blocks
}

/// The package names declared in one `[section]` of a Cargo manifest (`name = …` and
/// `name.workspace = true` lines), with the rest of each line.
fn manifest_section<'a>(manifest: &'a str, section: &str) -> BTreeMap<&'a str, &'a str> {
    let header = format!("[{section}]");
    manifest
        .lines()
        .skip_while(|l| l.trim() != header)
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('['))
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (key, value) = l.split_once('=')?;
            let name = key.split('.').next().unwrap_or(key).trim();
            Some((name, value.trim()))
        })
        .collect()
}

#[test]
fn the_capability_grants_the_commands_by_name_and_two_event_permissions_and_nothing_else() {
    let capability = json(CAPABILITY);
    let listed: Vec<&str> = capability["permissions"]
        .as_array()
        .expect("permissions is a list")
        .iter()
        .map(|p| {
            p.as_str()
                .expect("every permission is a plain identifier, never an object with a scope")
        })
        .collect();
    let commands: BTreeSet<String> = COMMAND_NAMES
        .iter()
        .map(|n| format!("allow-{}", n.replace('_', "-")))
        .collect();
    for permission in &listed {
        assert!(
            commands.contains(*permission) || EVENT_PERMISSIONS.contains(permission),
            "{permission} is neither one of the app's commands nor an event permission: the page \
             gets no plugin (fs:, shell:, http:, notification:, opener:, dialog:, …) and no core \
             default, window, webview or app permission"
        );
    }
    let granted: BTreeSet<&str> = listed.iter().copied().collect();
    assert_eq!(granted.len(), listed.len(), "no permission is listed twice");
    let expected: BTreeSet<&str> = commands
        .iter()
        .map(String::as_str)
        .chain(EVENT_PERMISSIONS)
        .collect();
    assert_eq!(
        granted, expected,
        "every registered command is granted by name, plus the two event permissions"
    );

    // Where the grant applies: the main window only, never a remote URL or another webview.
    let keys: BTreeSet<&str> = capability
        .as_object()
        .expect("a capability is an object")
        .keys()
        .map(String::as_str)
        .collect();
    let allowed_keys = BTreeSet::from([
        "$schema",
        "identifier",
        "description",
        "windows",
        "permissions",
    ]);
    assert!(
        keys.is_subset(&allowed_keys),
        "the capability has only {allowed_keys:?}: {keys:?} (no `remote`, `webviews`, `local`, \
         `platforms`)"
    );
    assert!(
        capability.get("remote").is_none(),
        "no remote URL gets IPC access"
    );
    assert_eq!(
        capability["windows"],
        serde_json::json!(["main"]),
        "the grant applies to the main window only"
    );
}

#[test]
fn the_capability_file_is_the_only_one_and_the_config_adds_none() {
    // build.rs loads every file under src-tauri/capabilities/: a second file would grant more.
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/capabilities");
    let files: Vec<String> = std::fs::read_dir(&folder)
        .expect("the capabilities folder exists")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        files,
        ["main.json"],
        "one capability file in {}",
        folder.display()
    );
    let conf = json(TAURI_CONF);
    assert!(
        conf["app"]["security"].get("capabilities").is_none(),
        "tauri.conf.json declares no capability of its own"
    );
}

#[test]
fn the_csp_is_the_one_architecture_md_states_directive_by_directive() {
    let conf = json(TAURI_CONF);
    let configured = conf["app"]["security"]["csp"]
        .as_str()
        .expect("the CSP is one string, never null");
    let documented: Vec<String> = fenced_blocks(ARCHITECTURE)
        .into_iter()
        .filter(|b| b.trim_start().starts_with("default-src"))
        .collect();
    assert_eq!(
        documented.len(),
        1,
        "ARCHITECTURE.md states the CSP once, verbatim, in a fenced block"
    );
    let (configured, documented) = (directives(configured), directives(&documented[0]));
    let names = |d: &[(String, Vec<String>)]| d.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&configured),
        names(&documented),
        "the same directives in the same order"
    );
    for ((name, sources), (_, doc_sources)) in configured.iter().zip(&documented) {
        assert_eq!(sources, doc_sources, "{name} differs from ARCHITECTURE.md");
    }
}

#[test]
fn the_csp_allows_no_remote_origin_no_inline_script_and_no_eval() {
    let conf = json(TAURI_CONF);
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("the CSP is one string, never null");
    let list = directives(csp);
    let map: BTreeMap<&str, &[String]> = list
        .iter()
        .map(|(n, s)| (n.as_str(), s.as_slice()))
        .collect();
    assert_eq!(
        map.len(),
        list.len(),
        "no directive twice (a browser ignores the second): {csp}"
    );
    let sources = |name: &str| -> Vec<&str> {
        map.get(name)
            .unwrap_or_else(|| panic!("the CSP sets {name}: {csp}"))
            .iter()
            .map(String::as_str)
            .collect()
    };

    assert_eq!(
        sources("default-src"),
        ["'self'"],
        "everything unnamed falls back to the app"
    );
    assert_eq!(sources("object-src"), ["'none'"], "no plugins");
    let script = map
        .get("script-src")
        .map_or_else(|| sources("default-src"), |_| sources("script-src"));
    for word in [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "'wasm-unsafe-eval'",
        "'unsafe-hashes'",
    ] {
        assert!(!script.contains(&word), "script-src allows {word}: {csp}");
    }
    for source in sources("connect-src") {
        assert!(
            ["ipc:", "http://ipc.localhost"].contains(&source),
            "connect-src reaches only Tauri's IPC, not {source}: {csp}"
        );
    }
    for name in ["frame-ancestors", "base-uri", "form-action"] {
        if map.contains_key(name) {
            assert_eq!(sources(name), ["'none'"], "{name}");
        }
    }
    // Every source anywhere is the app itself, nothing, inline images, or the IPC channel.
    for (name, values) in &list {
        for source in values {
            let lower = source.to_ascii_lowercase();
            assert!(
                !lower.contains('*'),
                "{name} has a wildcard {source}: {csp}"
            );
            assert!(
                !lower.contains("unsafe"),
                "{name} has {source}: nothing is unsafe-anything: {csp}"
            );
            let allowed = matches!(
                (name.as_str(), lower.as_str()),
                (_, "'self'" | "'none'")
                    | ("img-src", "data:")
                    | ("connect-src", "ipc:" | "http://ipc.localhost")
            );
            assert!(
                allowed,
                "{name} allows {source}: no scheme (http:, https:, ws:, blob:) or host beyond \
                 the app and its IPC: {csp}"
            );
        }
    }
}

#[test]
fn the_config_serves_only_the_embedded_ui_and_lets_tauri_harden_the_csp() {
    let conf = json(TAURI_CONF);
    let security = &conf["app"]["security"];
    assert!(
        matches!(
            security.get("dangerousDisableAssetCspModification"),
            None | Some(Value::Bool(false))
        ),
        "Tauri adds hashes and nonces of its own scripts to the CSP; turning that off weakens it"
    );
    assert!(
        security.get("devCsp").is_none(),
        "no looser CSP for debug builds (the e2e suite tests the debug build)"
    );
    assert_ne!(
        security["assetProtocol"]["enable"], true,
        "the asset: protocol (files from disk into the page) stays off"
    );
    assert_eq!(
        security["freezePrototype"], true,
        "the prototype stays frozen"
    );
    // `withGlobalTauri` is not checked: the UI has no bundler and calls `window.__TAURI__`
    // (ui/js/api/), and the global reaches only what the capability grants, bounded above.

    assert!(
        conf["build"].get("devUrl").is_none(),
        "no dev server: the UI is always embedded"
    );
    let dist = conf["build"]["frontendDist"]
        .as_str()
        .expect("frontendDist names the UI folder");
    assert_eq!(dist, "ui", "the local UI folder, never a URL");
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(dist)
            .join("index.html")
            .is_file(),
        "frontendDist is a folder of this repository"
    );

    let windows = conf["app"]["windows"]
        .as_array()
        .expect("windows are listed");
    assert_eq!(windows.len(), 1, "one window");
    assert_eq!(windows[0]["label"], "main");
    assert!(
        windows[0].get("url").is_none(),
        "the window opens the embedded index.html, not a URL"
    );
}

#[test]
fn the_app_depends_on_no_tauri_plugin_but_notification_and_the_opener_functions() {
    let dependencies = manifest_section(CARGO_TOML, "dependencies");
    assert!(
        dependencies.contains_key("tauri"),
        "the parser found the [dependencies] section: {dependencies:?}"
    );
    let plugins: Vec<&str> = dependencies
        .keys()
        .copied()
        .filter(|name| name.starts_with("tauri-plugin"))
        .collect();
    assert_eq!(
        plugins,
        [NOTIFICATION_PLUGIN, OPENER_PLUGIN],
        "the two plugins, used from Rust only"
    );
    // Not through another crate either: `tauri-plugin` is the plugins' own build helper.
    let locked: Vec<&str> = CARGO_LOCK
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .filter(|name| name.starts_with("tauri-plugin-"))
        .collect();
    assert_eq!(
        locked,
        [NOTIFICATION_PLUGIN, OPENER_PLUGIN],
        "no other plugin in Cargo.lock"
    );
    let setup = include_str!("lib.rs");
    assert!(
        !setup.contains("tauri_plugin_opener::init")
            && !setup.contains("tauri_plugin_opener::Builder"),
        "the opener is never registered as a plugin: its open-url and open-path commands would \
         reach the page"
    );
}

#[test]
fn tauri_is_built_with_its_defaults_and_nothing_that_opens_the_page() {
    let dependencies = manifest_section(CARGO_TOML, "dependencies");
    let tauri = dependencies["tauri"];
    let features = tauri
        .split_once("features")
        .and_then(|(_, rest)| rest.split_once('['))
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(list, _)| list.trim())
        .unwrap_or_else(|| panic!("tauri's features are listed: {tauri}"));
    assert_eq!(features, "", "no Tauri feature is asked for: {tauri}");
    assert!(!tauri.contains("default-features"), "{tauri}");

    // What Cargo resolves, including features other crates turn on. Dev-dependencies are left
    // out: they do not ship. (A bundler may add `custom-protocol`, which serves the embedded UI.)
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let output = std::process::Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "--locked",
            "-e",
            "no-dev",
            "-p",
            "csmsdesk",
        ])
        .args([
            "-i",
            "tauri",
            "--depth",
            "0",
            "--format",
            "{p}|{f}",
            "--manifest-path",
        ])
        .arg(&manifest)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let (_, enabled) = stdout
        .lines()
        .next()
        .and_then(|l| l.split_once('|'))
        .unwrap_or_else(|| panic!("cargo tree names tauri's features: {stdout}"));
    let enabled: Vec<&str> = enabled.split(',').collect();
    for risky in ["devtools", "protocol-asset", "unstable", "test"] {
        assert!(
            !enabled.contains(&risky),
            "tauri/{risky} is enabled: {enabled:?}"
        );
    }
    // Tauri 2's default set; any change is a decision to review here.
    assert_eq!(
        enabled,
        [
            "common-controls-v6",
            "compression",
            "dbus",
            "default",
            "dynamic-acl",
            "tauri-runtime-wry",
            "webkit2gtk",
            "webview2-com",
            "wry",
            "x11",
        ],
        "tauri's enabled features"
    );
}

#[test]
fn every_command_is_async_so_none_runs_on_the_gtk_main_thread() {
    // A sync command runs on the main thread: while it waits for the session lock (held by a
    // long command) the window freezes, and a native dialog opened from one hangs the app.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src/commands");
    let mut commands = 0;
    for entry in std::fs::read_dir(&dir).expect("the commands folder") {
        let path = entry.expect("a commands file").path();
        let text = std::fs::read_to_string(&path).expect("a readable commands file");
        let mut lines = text.lines().map(str::trim);
        while let Some(line) = lines.next() {
            if line != "#[tauri::command]" {
                continue;
            }
            let signature = lines.next().unwrap_or_default();
            commands += 1;
            assert!(
                signature.starts_with("pub async fn "),
                "{}: `{signature}` must be async",
                path.display()
            );
        }
    }
    assert_eq!(commands, COMMAND_NAMES.len(), "every command was looked at");
}
