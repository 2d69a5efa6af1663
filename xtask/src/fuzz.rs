//! `cargo xtask fuzz [TARGET] [--minutes N]`: runs the cargo-fuzz targets in `fuzz/`.
//!
//! Each target (every one when none is named) runs for N minutes (10 by default) over its
//! saved corpus `fuzz/corpus/<target>/`. What it finds goes to `fuzz/artifacts/<target>/new/`
//! first; the smallest set of those inputs (of at most 6 KiB) that adds coverage is then
//! merged into the corpus (libFuzzer's `-set_cover_merge=1`; `cargo fuzz cmin` runs a merge
//! too), so that what is committed, and replayed by `cargo test`, stays small. Unlike `cmin`,
//! the merge keeps every file already there: the named seeds and the inputs of crashes fixed
//! before, which must stay even where they add no coverage.
//!
//! Prints per target the time, the executions and whether a crash was found; fails when one
//! was (the input is in `fuzz/artifacts/<target>/`: fix the bug, then add the input to the
//! corpus).
//!
//! cargo-fuzz needs nightly compiler flags; on a stable toolchain `RUSTC_BOOTSTRAP=1` allows
//! them. AddressSanitizer is used when it builds, else the targets are built without one.

use std::io::{BufRead as _, BufReader, Write as _};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context as _, Result, bail};

use crate::{cargo, root, step};

/// The targets, in `fuzz/fuzz_targets/`.
const TARGETS: &[&str] = &[
    "catalogue_reader",
    "reference_tags",
    "package_verify",
    "backup_restore",
    "ods",
];
/// The largest new input worth committing: libFuzzer keeps many inputs of tens of KiB that a
/// small one covers as well, and the corpus is replayed by every `cargo test`.
const MAX_NEW_INPUT_BYTES: u64 = 6 * 1024;

/// What one run found.
struct Run {
    target: &'static str,
    seconds: f64,
    executions: Option<u64>,
    /// The saved input of a crash, panic, timeout or out-of-memory, if one was found.
    crash: Option<String>,
}

pub fn fuzz(args: &[String]) -> Result<()> {
    let (targets, minutes) = parse_args(args)?;
    cargo_fuzz()?;
    let sanitizer = sanitizer()?;
    let mut runs = Vec::new();
    for target in targets {
        let new = root().join("fuzz/artifacts").join(target).join("new");
        // Inputs of an earlier run that were not merged are not kept.
        let _ = std::fs::remove_dir_all(&new);
        std::fs::create_dir_all(&new).with_context(|| format!("creating {}", new.display()))?;
        let new = new.to_string_lossy().into_owned();
        let run = run(target, minutes, sanitizer, &new)?;
        if run.crash.is_none() {
            drop_large_inputs(&new)?;
            let corpus = format!("fuzz/corpus/{target}");
            let args = [target, &corpus, &new, "--", "-set_cover_merge=1"];
            let merge = fuzz_command("run", sanitizer, &args);
            step(&format!("merge what {target} found into {corpus}"), merge)?;
        }
        runs.push(run);
    }
    eprintln!();
    for run in &runs {
        let executions = run
            .executions
            .map_or_else(|| "? executions".to_owned(), |n| format!("{n} executions"));
        let outcome = match &run.crash {
            Some(input) => format!("CRASH, input saved as {input}"),
            None => "no crash".to_owned(),
        };
        println!(
            "{:<17} {:>6.1} min  {executions:>18}  {outcome}",
            run.target,
            run.seconds / 60.0
        );
    }
    let crashed: Vec<&str> = runs
        .iter()
        .filter(|r| r.crash.is_some())
        .map(|r| r.target)
        .collect();
    if !crashed.is_empty() {
        bail!(
            "crash found by {} (fix it, add the input to fuzz/corpus/<target>/; fuzz/README.md)",
            crashed.join(", ")
        );
    }
    Ok(())
}

/// Removes the inputs over [`MAX_NEW_INPUT_BYTES`] from the folder `new`.
fn drop_large_inputs(new: &str) -> Result<()> {
    for entry in std::fs::read_dir(new).with_context(|| format!("reading {new}"))? {
        let entry = entry?;
        if entry.metadata()?.len() > MAX_NEW_INPUT_BYTES {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

fn parse_args(args: &[String]) -> Result<(Vec<&'static str>, u64)> {
    let mut targets = Vec::new();
    let mut minutes = 10;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--minutes" {
            let value = args.next().context("--minutes needs a number")?;
            minutes =
                value.parse().ok().filter(|m| *m > 0).with_context(|| {
                    format!("--minutes {value:?}: expected a whole number over 0")
                })?;
        } else if let Some(target) = TARGETS.iter().find(|t| *t == arg) {
            targets.push(*target);
        } else {
            bail!("unknown fuzz target {arg:?}; known: {}", TARGETS.join(", "));
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    Ok((targets, minutes))
}

/// Installs cargo-fuzz when `cargo fuzz` is missing.
fn cargo_fuzz() -> Result<()> {
    let mut version = cargo();
    version
        .args(["fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if version.status().is_ok_and(|s| s.success()) {
        return Ok(());
    }
    let mut install = cargo();
    install.args(["install", "cargo-fuzz", "--locked"]);
    step("install cargo-fuzz", install)
}

/// `address` when the targets build with AddressSanitizer, else `none` (the targets still find
/// panics, timeouts and excessive memory use, only memory errors in C code go unseen).
fn sanitizer() -> Result<&'static str> {
    for sanitizer in ["address", "none"] {
        let build = fuzz_command("build", sanitizer, &[]);
        if step(
            &format!("build the fuzz targets (sanitizer: {sanitizer})"),
            build,
        )
        .is_ok()
        {
            return Ok(sanitizer);
        }
    }
    bail!("the fuzz targets do not build (see the errors above)")
}

/// `cargo fuzz <subcommand> --sanitizer <sanitizer> <args>` at the root, allowed nightly flags
/// on a stable toolchain, at the lowest priority so that a long run leaves the machine usable.
fn fuzz_command(subcommand: &str, sanitizer: &str, args: &[&str]) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = if cfg!(unix) {
        let mut nice = Command::new("nice");
        nice.args(["-n", "19"]).arg(cargo);
        nice
    } else {
        Command::new(cargo)
    };
    cmd.current_dir(root())
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["fuzz", subcommand, "--sanitizer", sanitizer])
        .args(args);
    cmd
}

/// Runs `target` for `minutes` in one process (one core), echoing libFuzzer's output; new
/// inputs go to the folder `new`, the corpus is read.
fn run(target: &'static str, minutes: u64, sanitizer: &str, new: &str) -> Result<Run> {
    let corpus = format!("fuzz/corpus/{target}");
    let max_total_time = format!("-max_total_time={}", minutes * 60);
    let args = [
        target,
        new,
        &corpus,
        "--",
        &max_total_time,
        // An input that takes 10 s, or 2 GiB, is a bug: libFuzzer saves it like a crash.
        "-timeout=10",
        "-rss_limit_mb=2048",
        "-print_final_stats=1",
    ];
    let mut cmd = fuzz_command("run", sanitizer, &args);
    cmd.stderr(Stdio::piped());
    eprintln!("\n== fuzz {target} for {minutes} min");
    let started = Instant::now();
    let mut child = cmd.spawn().context("could not start cargo fuzz")?;
    let stderr = child.stderr.take().expect("stderr is piped");
    let mut executions = None;
    let mut crash = None;
    let mut echo = std::io::stderr().lock();
    for line in BufReader::new(stderr).lines() {
        let line = line.context("reading cargo fuzz's output")?;
        writeln!(echo, "{line}")?;
        if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
            executions = n.trim().parse().ok();
        }
        // "Test unit written to fuzz/artifacts/<target>/crash-<sha1>" (also timeout-, oom-).
        if let Some(path) = line.split("Test unit written to ").nth(1) {
            crash = Some(path.trim().to_owned());
        }
    }
    drop(echo);
    let status = child.wait()?;
    if !status.success() && crash.is_none() {
        bail!("cargo fuzz run {target} failed ({status}) without saving an input");
    }
    Ok(Run {
        target,
        seconds: started.elapsed().as_secs_f64(),
        executions,
        crash,
    })
}
