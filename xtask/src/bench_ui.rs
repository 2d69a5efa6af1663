//! `cargo xtask bench ui [--sizes N,N] [--reps N] [--timeout SECONDS] [--rss-cap-mib N]
//! [--catalogue FILE]`: the screens-at-scale benchmark of issue 15.
//!
//! Builds `csmsdesk-cli` and the app (debug, as the issue measures), then runs the bench
//! target `ui` (`tests/e2e/bench_ui.rs`), which builds (or reuses) the workspaces with the CLI under
//! `target/bench-ui/workspaces/`, opens the real app on each under Xvfb through tauri-driver
//! and prints, per screen, the time until its content is painted and the webview's memory.
//! The report is also saved as `target/bench-ui/report.txt`.
//!
//! `--catalogue FILE` builds the workspaces from a catalogue workbook on this machine (the
//! licensed ENX workbook, say) instead of the project's demo catalogue; the workbook is only
//! read, and the workspaces made from it stay in the target folder.

use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};

use super::{cargo, root, setup, step};

/// The target folder: `$CARGO_TARGET_DIR`, else `target/` of the repository.
fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root().join(dir),
        _ => root().join("target"),
    }
}

pub fn bench_ui(args: &[String]) -> Result<()> {
    let mut settings: Vec<(&str, String)> = Vec::new();
    let mut rest = args.iter();
    while let Some(option) = rest.next() {
        let name = match option.as_str() {
            "--sizes" => "CSMSDESK_BENCH_SIZES",
            "--reps" => "CSMSDESK_BENCH_REPS",
            "--timeout" => "CSMSDESK_BENCH_TIMEOUT_S",
            "--rss-cap-mib" => "CSMSDESK_BENCH_RSS_CAP_MIB",
            "--catalogue" => "CSMSDESK_BENCH_CATALOGUE",
            other => bail!(
                "unknown option {other:?} of bench ui; known: --sizes N,N --reps N \
                 --timeout SECONDS --rss-cap-mib N --catalogue FILE"
            ),
        };
        let value = rest
            .next()
            .with_context(|| format!("{option} needs a value"))?;
        let value = if name == "CSMSDESK_BENCH_CATALOGUE" {
            let path = std::fs::canonicalize(value)
                .with_context(|| format!("--catalogue {value}: no such workbook"))?;
            path.display().to_string()
        } else {
            value.clone()
        };
        settings.push((name, value));
    }

    setup::system_packages(true)?;
    setup::tauri_driver()?;
    let mut cli = cargo();
    cli.args(["build", "-p", "csmsdesk-cli"]);
    step("build csmsdesk-cli (debug) to build the workspaces", cli)?;
    let mut bench = cargo();
    // The dev profile: the debug app, as the issue measures (CARGO_BIN_EXE_csmsdesk).
    bench
        .args(["bench", "--bench", "ui", "--profile", "dev"])
        .env("TAURI_DRIVER", setup::tauri_driver_path())
        .env("CSMSDESK_CLI", target_dir().join("debug/csmsdesk-cli"));
    for (name, value) in settings {
        bench.env(name, value);
    }
    step(
        "screens at scale: the debug app on small and large workspaces",
        bench,
    )?;
    eprintln!(
        "report: {}",
        target_dir().join("bench-ui/report.txt").display()
    );
    Ok(())
}
