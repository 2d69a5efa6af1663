//! Project automation, run as `cargo xtask <task>` (alias in `.cargo/config.toml`).
//!
//! - `run [-- ARGS]`: installs missing system packages, builds, opens the app.
//! - `test`: installs what the tests need, then runs everything CI runs.
//! - `icons`: draws the app icon set into `icons/`.
//! - `bundle`: builds the release binary and the .deb/.rpm packages and prints their sizes.
//! - `bundle --windows`: cross-builds the release app and CLI for Windows and their NSIS
//!   installer (per user, no administrator rights), checks its file list, prints the sizes.
//! - `windows`: the Windows part of `test` alone (cross-builds, the CLI under Wine, the
//!   installer).
//! - `crash [--postgres] [--kills N] [--seed S]`: kills CLI imports, additions, scans, exports,
//!   backups and restores at random moments and checks the workspace survives each kill (200 by default;
//!   `test` runs 20; `--postgres` on a workspace in PostgreSQL in its own cluster, `test` 10).
//! - `load [--clients N] [--changes N] [--kills K] [--seed S]`: N desks (processes) making
//!   mixed changes to one workspace on PostgreSQL at once, K killed midway; checks no
//!   committed change is lost or overwritten unseen and prints latency and throughput
//!   (10 × 1,000, 3 killed by default; `test` runs 3 × 200, 1 killed, on the debug builds).
//! - `fuzz [TARGET] [--minutes N]`: runs the cargo-fuzz targets in `fuzz/` (each for 10
//!   minutes by default), minimises their corpus and fails on a crash.
//! - `bench [catalogue|evidence|pages|results|bulk]`: release-mode benchmarks, each against its anchor in
//!   the same run (all when none is named).
//! - `bench ui [--sizes N,N] [--reps N] [--timeout S] [--rss-cap-mib N] [--catalogue FILE]`:
//!   every screen of the debug app timed on a small and a large workspace (issue 15, screens
//!   at scale); not part of `bench` without a name, it takes many minutes.

mod bench_ui;
mod crash;
mod fuzz;
mod icons;
mod load;
mod setup;
mod windows;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context as _, Result, bail};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(&args[1..]),
        Some("test") => test(),
        Some("icons") => icons::generate(&root().join("icons")),
        Some("bundle") if args.get(1).map(String::as_str) == Some("--windows") => windows::bundle(),
        Some("bundle") => bundle(),
        Some("bench") if args.get(1).map(String::as_str) == Some("ui") => {
            bench_ui::bench_ui(&args[2..])
        }
        Some("windows") => windows::test(),
        Some("bench") => bench(args.get(1).map(String::as_str)),
        Some("crash") => crash::crash(&args[1..]),
        Some("fuzz") => fuzz::fuzz(&args[1..]),
        Some("load") => load::load(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <run [-- ARGS] | test | icons | bundle [--windows] | windows | bench [catalogue|evidence|pages|results|bulk|package|ui] | crash [--postgres] [--kills N] [--seed S] | load [--clients N] [--changes N] [--kills K] [--seed S] | fuzz [TARGET] [--minutes N]>"
            );
            std::process::exit(2);
        }
    };
    if let Err(e) = result {
        eprintln!("xtask: {e:#}");
        std::process::exit(1);
    }
}

/// The repository root (the parent of this crate).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_owned()
}

fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(root());
    cmd
}

/// Runs `cmd`, failing with its description if it does not exit 0.
fn step(what: &str, mut cmd: Command) -> Result<()> {
    eprintln!("\n== {what}");
    let started = Instant::now();
    let status = cmd
        .status()
        .with_context(|| format!("could not start: {what}"))?;
    eprintln!(
        "== {what}: {} in {:.1} s",
        if status.success() { "ok" } else { "FAILED" },
        started.elapsed().as_secs_f64()
    );
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}

fn run(args: &[String]) -> Result<()> {
    setup::system_packages(false)?;
    let mut build = cargo();
    build.args(["build", "--bin", "csmsdesk"]);
    step("build the app", build)?;
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        bail!(
            "there is no display: CSMS Desk is a desktop app and needs a graphical session, but \
             neither DISPLAY nor WAYLAND_DISPLAY is set. Run this from your desktop session, or \
             under a virtual display: xvfb-run -a cargo xtask run. Headless work goes through \
             csmsdesk-cli (cargo run -p csmsdesk-cli -- --help)."
        );
    }
    let args = args.strip_prefix(&["--".to_owned()]).unwrap_or(args);
    let mut app = cargo();
    app.args(["run", "--quiet", "--bin", "csmsdesk", "--"])
        .args(args);
    step("CSMS Desk", app)
}

fn test() -> Result<()> {
    let started = Instant::now();
    setup::system_packages(true)?;
    setup::rust_components()?;
    setup::tauri_driver()?;
    setup::icalendar()?;
    setup::jsonschema()?;
    let mut fmt = cargo();
    fmt.args(["fmt", "--all", "--check"]);
    step("cargo fmt --check", fmt)?;
    let mut clippy = cargo();
    clippy.args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]);
    step("cargo clippy", clippy)?;
    // Measurements are appended by the suite: start them afresh.
    let _ = std::fs::remove_file(root().join("target/e2e-screens/metrics.txt"));
    let mut tests = cargo();
    // The end-to-end suite (tests/e2e) starts its own virtual display and tauri-driver.
    tests
        .args(["test", "--workspace"])
        .env("TAURI_DRIVER", setup::tauri_driver_path());
    step(
        "cargo test --workspace (unit, storage, CLI and end-to-end)",
        tests,
    )?;
    postgres_tests()?;
    postgres_app_tests()?;
    // Crash safety, short: the full run (200 kills) is `cargo xtask crash`.
    crash::crash(&["--kills".to_owned(), "20".to_owned()])?;
    // ... and on a workspace in PostgreSQL, in a cluster of its own (35-40 s here).
    crash::crash(&[
        "--postgres".to_owned(),
        "--kills".to_owned(),
        "10".to_owned(),
    ])?;
    // Measured under load, short: the full run (10 desks × 1,000 changes) is `cargo xtask load`.
    load::load(&[
        "--clients".to_owned(),
        "3".to_owned(),
        "--changes".to_owned(),
        "200".to_owned(),
        "--kills".to_owned(),
        "1".to_owned(),
        "--debug".to_owned(),
    ])?;
    let ui_tests = ui_test_files()?;
    let mut node = Command::new("node");
    node.current_dir(root()).arg("--test").args(&ui_tests);
    step("node --test (ui/js/lib)", node)?;
    // Windows: cross-builds with -D warnings, the CLI under Wine, the installer's file list.
    windows::test()?;
    if let Ok(metrics) = std::fs::read_to_string(root().join("target/e2e-screens/metrics.txt")) {
        eprintln!(
            "\nmeasured in the end-to-end suite (target/e2e-screens/metrics.txt):\n{metrics}"
        );
    }
    eprintln!(
        "\nall checks passed in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The PostgreSQL tests against one throwaway cluster (Debian's `pg_virtualenv` sets
/// PGHOST, PGPORT, PGUSER and PGPASSWORD for it, and drops it afterwards): the store's, then
/// the workspace's and the CLI's (a workspace on PostgreSQL, the CLI run as a process on one)
/// in a second cargo command inside the same cluster. In the workspace run above they print
/// SKIPPED; here `CSMSDESK_TEST_PG=required` makes a missing server a failure. The test
/// binaries are already built: this costs the cluster's start (about 3 s) and the tests.
fn postgres_tests() -> Result<()> {
    if Command::new("sh")
        .args(["-c", "command -v pg_virtualenv"])
        .output()
        .map_or(true, |o| !o.status.success())
    {
        bail!(
            "pg_virtualenv is missing: the store's PostgreSQL tests need Debian's postgresql \
             and postgresql-common (cargo xtask test installs them as root on Debian)"
        );
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // Those of `pg::`, and elsewhere those named `…_on_postgresql` (a module's test on the
    // second engine, beside its SQLite twin); then the whole workspace suite with every
    // workspace it makes on the server (`CSMSDESK_TEST_ENGINE=postgres`: its tests of a
    // folder's own rules keep a folder), the CLI's process tests on a PostgreSQL workspace
    // and the hostile corpus's CLI cases on one. `set -e`: the first failure ends it.
    let script = "set -e\n\
         \"$0\" test -p csmsdesk-store --lib -- pg:: _on_postgresql\n\
         CSMSDESK_TEST_ENGINE=postgres \"$0\" test -p csmsdesk-workspace --lib\n\
         \"$0\" test -p csmsdesk-cli --test postgres\n\
         \"$0\" test -p csmsdesk-cli --test hostile -- _on_postgresql";
    let mut cmd = Command::new("pg_virtualenv");
    cmd.current_dir(root())
        // A cluster in a temporary folder even as root: as root pg_virtualenv otherwise makes
        // the one cluster `regress` and refuses to start while another run's exists.
        .arg("-t")
        // The workspace suite's tests run side by side, each workspace with two connections
        // (its database and its vault's): more than the default 100.
        .args(["-o", "max_connections=300"])
        .args(["sh", "-c", script, &cargo])
        .env("CSMSDESK_TEST_PG", "required");
    let what = "PostgreSQL tests (store, workspace, CLI) in a throwaway cluster (pg_virtualenv)";
    eprintln!("\n== {what}");
    let started = Instant::now();
    let output = cmd
        .stderr(std::process::Stdio::inherit())
        .output()
        .with_context(|| format!("could not start: {what}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    print!("{stdout}");
    // A filter that matched nothing passes too: the run must have found the tests.
    let passed: usize = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("test result: ok. "))
        .filter_map(|rest| rest.split(' ').next()?.parse::<usize>().ok())
        .sum();
    let ok = output.status.success() && passed >= MIN_POSTGRES_TESTS;
    eprintln!(
        "== {what}: {} ({passed} passed) in {:.1} s",
        if ok { "ok" } else { "FAILED" },
        started.elapsed().as_secs_f64()
    );
    if !output.status.success() {
        bail!("{what} failed ({})", output.status);
    }
    if passed < MIN_POSTGRES_TESTS {
        bail!("{what} ran {passed} tests; at least {MIN_POSTGRES_TESTS} exist");
    }
    Ok(())
}

/// The app on PostgreSQL (tests/e2e/postgres.rs): the real app under WebDriver, as the
/// end-to-end suite runs it (its own Xvfb, D-Bus session and tauri-driver), on a throwaway
/// cluster of its own. pg_virtualenv's `PGPASSWORD` (the superuser's) moves to
/// `CSMSDESK_TEST_PGPASSWORD`: libpq would send it for every user, and the test needs a user
/// the server asks a password of, which the app must then ask for.
fn postgres_app_tests() -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let script = "export CSMSDESK_TEST_PGPASSWORD=\"$PGPASSWORD\"\n\
         unset PGPASSWORD\n\
         exec \"$0\" test -p csmsdesk --test e2e -- postgres::";
    let mut cmd = Command::new("pg_virtualenv");
    cmd.current_dir(root())
        .arg("-t")
        .args(["sh", "-c", script, &cargo])
        .env("CSMSDESK_TEST_PG", "required")
        .env("TAURI_DRIVER", setup::tauri_driver_path());
    let what = "the app on PostgreSQL (end-to-end, password prompt) in a throwaway cluster";
    eprintln!("\n== {what}");
    let started = Instant::now();
    let output = cmd
        .stderr(std::process::Stdio::inherit())
        .output()
        .with_context(|| format!("could not start: {what}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    print!("{stdout}");
    let passed: usize = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("test result: ok. "))
        .filter_map(|rest| rest.split(' ').next()?.parse::<usize>().ok())
        .sum();
    eprintln!(
        "== {what}: {} ({passed} passed) in {:.1} s",
        if output.status.success() && passed >= 1 {
            "ok"
        } else {
            "FAILED"
        },
        started.elapsed().as_secs_f64()
    );
    if !output.status.success() {
        bail!("{what} failed ({})", output.status);
    }
    if passed < 1 {
        bail!("{what} ran no test: the filter postgres:: missed it");
    }
    Ok(())
}

/// How many PostgreSQL tests there are at least (as many as exist when this was written:
/// the store's, the workspace's, the CLI's): fewer passing means a filter or the build missed
/// them.
const MIN_POSTGRES_TESTS: usize = 298;

fn ui_test_files() -> Result<Vec<PathBuf>> {
    let dir = root().join("tests/ui");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.js"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no UI tests found in {}", dir.display());
    }
    Ok(files)
}

fn bench(which: Option<&str>) -> Result<()> {
    /// A workspace bench (`cargo bench -p csmsdesk-workspace --bench NAME`, then `then`'s
    /// cargo arguments if any) on SQLite and PostgreSQL in one run: inside one throwaway
    /// cluster (`pg_virtualenv -t`) with `CSMSDESK_BENCH_ENGINES=sqlite,postgres`, so that
    /// each figure is printed for both engines, the same data, the same run (issue 19).
    /// Without Debian's pg_virtualenv it says so and measures SQLite alone.
    fn on_both_engines(name: &str, then: &[&str]) -> Command {
        let bench = format!("\"$0\" bench -p csmsdesk-workspace --bench {name}");
        if Command::new("sh")
            .args(["-c", "command -v pg_virtualenv"])
            .output()
            .map_or(true, |o| !o.status.success())
        {
            eprintln!(
                "\n== {name}: PostgreSQL not measured, pg_virtualenv is missing (Debian's \
                 postgresql and postgresql-common; cargo xtask test installs them)"
            );
            let mut cmd = cargo();
            cmd.args(["bench", "-p", "csmsdesk-workspace", "--bench", name])
                .env("CSMSDESK_BENCH_ENGINES", "sqlite");
            return cmd;
        }
        let mut script = format!("set -e\n{bench}\n");
        if !then.is_empty() {
            script.push_str("\"$0\" ");
            script.push_str(&then.join(" "));
            script.push('\n');
        }
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut cmd = Command::new("pg_virtualenv");
        cmd.current_dir(root())
            // A cluster in a temporary folder even as root (see `postgres_tests`).
            .arg("-t")
            .args(["sh", "-c", &script, &cargo])
            .env("CSMSDESK_BENCH_ENGINES", "sqlite,postgres");
        cmd
    }

    match which {
        None => {
            bench(Some("catalogue"))?;
            bench(Some("evidence"))?;
            bench(Some("pages"))?;
            bench(Some("results"))?;
            bench(Some("bulk"))?;
            bench(Some("package"))
        }
        Some("catalogue") => {
            setup::openpyxl()?;
            let mut bench = cargo();
            bench.args([
                "bench",
                "-p",
                "csmsdesk-workspace",
                "--bench",
                "catalogue_import",
            ]);
            step("catalogue import against openpyxl", bench)
        }
        Some("evidence") => {
            setup::bench_packages()?;
            let mut cli = cargo();
            cli.args(["build", "--release", "-p", "csmsdesk-cli"]);
            step(
                "build csmsdesk-cli (release) for the memory measurement",
                cli,
            )?;
            // Then, in the same cluster, adding 1 GiB to the vault in a folder and in
            // PostgreSQL, the same file: time and peak memory of ingest and verify.
            let mut bench = on_both_engines(
                "evidence",
                &[
                    "run",
                    "--release",
                    "-p",
                    "csmsdesk-store",
                    "--example",
                    "vault_memory",
                    "--",
                    "both",
                    "1024",
                ],
            );
            bench.env(
                "CSMSDESK_BENCH_CLI",
                root().join("target/release/csmsdesk-cli"),
            );
            step(
                "evidence: scans against sha256sum and find, readiness, memory; SQLite and \
                 PostgreSQL; then the vault's 1 GiB, folder beside PostgreSQL",
                bench,
            )
        }
        Some("pages") => step(
            "pages: the vault's and the deadlines' pages against the full lists at 20,000 \
             items; SQLite and PostgreSQL",
            on_both_engines("pages", &[]),
        ),
        Some("results") => {
            let mut bench = cargo();
            bench.args(["bench", "-p", "csmsdesk-workspace", "--bench", "results"]);
            step(
                "results: 24 audit results in one transaction against 24 single saves",
                bench,
            )
        }
        Some("bulk") => {
            let mut bench = cargo();
            bench.args(["bench", "-p", "csmsdesk-workspace", "--bench", "bulk"]);
            step(
                "bulk: the work product of 10,000 evidence items in one transaction against SQLite alone",
                bench,
            )
        }
        Some("package") => {
            setup::debian_packages(&["zip"])?;
            step(
                "package: the full package of 2,000 files / 1 GiB against zip -r -q; SQLite and \
                 PostgreSQL",
                on_both_engines("package", &[]),
            )
        }
        Some(other) => {
            bail!(
                "unknown benchmark {other:?}; known: catalogue, evidence, pages, results, bulk, package, ui"
            )
        }
    }
}

fn bundle() -> Result<()> {
    setup::system_packages(false)?;
    let mut npx = Command::new("npx");
    npx.current_dir(root()).args([
        "--yes",
        "@tauri-apps/cli@^2",
        "build",
        "--bundles",
        "deb,rpm",
    ]);
    step("tauri build (release binary, .deb, .rpm)", npx)?;
    let release = root().join("target/release");
    let mut artefacts = vec![release.join("csmsdesk")];
    for kind in ["deb", "rpm"] {
        if let Ok(entries) = std::fs::read_dir(release.join("bundle").join(kind)) {
            artefacts.extend(
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.is_file()),
            );
        }
    }
    for path in artefacts {
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!("{:>8.2} MiB  {}", size as f64 / 1_048_576.0, path.display());
    }
    Ok(())
}
