//! What the CLI's process tests share.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// Where `cargo xtask test` names the Windows build of the CLI and Wine, to run a suite
/// against `csmsdesk-cli.exe` instead of the Linux binary (see `windows.rs`).
pub const WINDOWS_CLI_ENV: &str = "CSMSDESK_TEST_WINDOWS_CLI";
pub const WINE_ENV: &str = "CSMSDESK_TEST_WINE";

/// The variables Wine itself needs, passed through the cleared environment.
const WINE_VARIABLES: [&str; 4] = ["WINEPREFIX", "WINEDEBUG", "WINEDLLOVERRIDES", "WINESERVER"];

/// The Windows CLI and the Wine that runs it, when `cargo xtask test` names them.
pub fn windows_cli() -> Option<(std::ffi::OsString, std::ffi::OsString)> {
    Some((
        std::env::var_os(WINE_ENV)?,
        std::env::var_os(WINDOWS_CLI_ENV)?,
    ))
}

/// The CLI with a private home, English messages and no workspace variable, so tests neither
/// see nor touch the developer's own workspace. Under `cargo xtask test`'s Windows step it is
/// `csmsdesk-cli.exe` run by Wine (in Wine's own prefix: Windows takes its folders from there,
/// not from `HOME`).
pub fn cli(home: &Path) -> Command {
    let cmd = match windows_cli() {
        Some((wine, exe)) => {
            let mut cmd = Command::new(wine);
            cmd.arg(exe);
            cmd
        }
        None => Command::new(env!("CARGO_BIN_EXE_csmsdesk-cli")),
    };
    with_test_env(cmd, home)
}

/// `cmd` with the environment [`cli`] gives the CLI.
pub fn with_test_env(mut cmd: Command, home: &Path) -> Command {
    cmd.env_clear()
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("LANG", "en_US.UTF-8")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    for name in WINE_VARIABLES {
        if let Some(value) = std::env::var_os(name) {
            cmd.env(name, value);
        }
    }
    if windows_cli().is_some() {
        // Wine turns the arguments into UTF-16 by the Unix locale's character set; without
        // a UTF-8 locale (en_US.UTF-8 need not be installed, C.UTF-8 always is) it takes
        // ASCII and `ä` arrives as `C$`. Windows itself hands programs UTF-16 arguments.
        cmd.env("LC_ALL", "C.UTF-8");
    }
    cmd
}

/// The one JSON document on stdout (`--json`).
#[allow(dead_code, reason = "each test binary uses the part it needs")]
pub fn stdout_json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is one JSON document ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// Every text of the JSON document `value`, one per line, for finding a message or a path
/// anywhere in it.
#[allow(dead_code, reason = "each test binary uses the part it needs")]
pub fn texts(value: &Value) -> String {
    match value {
        Value::String(s) => format!("{s}\n"),
        Value::Array(items) => items.iter().map(texts).collect(),
        Value::Object(map) => map.values().map(texts).collect(),
        _ => String::new(),
    }
}

/// `csmsdesk-cli ARGS --workspace WS`, run to its end.
#[allow(dead_code, reason = "each test binary uses the part it needs")]
pub fn run_in(home: &Path, ws: &Path, args: &[&str]) -> Output {
    cli(home)
        .args(args)
        .arg("--workspace")
        .arg(ws)
        .output()
        .expect("the CLI starts")
}

/// `run_in`, which must succeed (its stderr in the failure message).
#[allow(dead_code, reason = "each test binary uses the part it needs")]
pub fn ok_in(home: &Path, ws: &Path, args: &[&str]) -> Output {
    let out = run_in(home, ws, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The `PG*` variables of the test server (not the developer's own files).
#[allow(dead_code)] // the PostgreSQL suites only
pub fn server_env() -> Vec<(String, String)> {
    std::env::vars()
        .filter(|(k, _)| k.starts_with("PG"))
        .filter(|(k, _)| {
            !matches!(
                k.as_str(),
                "PGPASSFILE" | "PGSERVICEFILE" | "PGSERVICE" | "PGSYSCONFDIR"
            )
        })
        .collect()
}
