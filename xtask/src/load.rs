//! `cargo xtask load [--clients N] [--changes N] [--kills K] [--seed S] [--debug]`: a workspace
//! on PostgreSQL measured under load (issue 20), and shown to lose no change. `--debug` runs
//! the debug builds `cargo test` made (what `cargo xtask test` does: the figures are then the
//! debug build's; the release build takes minutes on a small machine).
//!
//! Starts N desks at once (the release example `load_client` of csmsdesk-workspace, each its
//! own process), each making its changes one at a time to one database: links, audit results,
//! findings, corrective actions, and edits of the same few shared records (three locations,
//! three findings), which every desk edits as a form does (revision, record, save based on the
//! revision). K of them, drawn at random, are killed with SIGKILL at a random moment midway
//! (between a quarter and three quarters of their changes logged). Each desk logs every change
//! it committed and every save that was refused. Afterwards (`load/judge.rs`):
//!
//! - every change a desk logged as committed is in the workspace, and no refused save's value
//!   is anywhere (not in the tables, not in the journal's history of the record);
//! - per shared record, the committed saves' revisions are distinct and are the record's
//!   history: revision k's value in the journal is the value of the save that logged k, the
//!   record is at the revision of its last save, with its value (no lost update);
//! - a killed desk may have committed its last change without logging it: at most one such
//!   change per killed desk, none for the others (each is named);
//! - `csmsdesk-cli journal verify` and `check` are clean;
//!
//! then prints per operation the committed count, refused saves, p50 and p95 latency, and the
//! throughput (committed changes per second over the whole run) and wall time.
//!
//! Like `cargo xtask crash --postgres` it re-runs itself inside a throwaway cluster of its own
//! (`pg_virtualenv -t`); `load/setup.rs` makes the workspace the desks expect.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};

mod judge;
mod setup;

/// Set in the re-run inside the cluster.
const IN_CLUSTER: &str = "CSMSDESK_LOAD_CLUSTER";
/// The workspace's database.
const DB: &str = "load_ws";

/// The arguments, with their defaults (10 desks, 1,000 changes each, 3 killed).
#[derive(Debug, Clone, Copy)]
struct Args {
    clients: usize,
    changes: usize,
    kills: usize,
    seed: u64,
    /// The debug builds instead of the release ones.
    debug: bool,
}

impl Args {
    /// The cargo profile's folder under `target/`.
    fn profile(self) -> &'static str {
        if self.debug { "debug" } else { "release" }
    }
}

fn parse(args: &[String]) -> Result<Args> {
    let mut parsed = Args {
        clients: 10,
        changes: 1000,
        kills: 3,
        seed: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1,
        debug: false,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |name: &str| -> Result<u64> {
            let text = rest
                .next()
                .with_context(|| format!("{name} needs a number"))?;
            text.parse()
                .with_context(|| format!("{name} needs a number, not {text:?}"))
        };
        match arg.as_str() {
            "--clients" => parsed.clients = value("--clients")? as usize,
            "--changes" => parsed.changes = value("--changes")? as usize,
            "--kills" => parsed.kills = value("--kills")? as usize,
            "--seed" => parsed.seed = value("--seed")?,
            "--debug" => parsed.debug = true,
            other => bail!(
                "unknown argument {other:?}; usage: cargo xtask load [--clients N] [--changes N] \
                 [--kills K] [--seed S] [--debug]"
            ),
        }
    }
    if parsed.clients == 0 || parsed.changes == 0 {
        bail!("--clients and --changes must be at least 1");
    }
    if parsed.kills > parsed.clients {
        bail!(
            "--kills {} is more than --clients {}: a desk is killed at most once",
            parsed.kills,
            parsed.clients
        );
    }
    Ok(parsed)
}

pub fn load(args: &[String]) -> Result<()> {
    let args = parse(args)?;
    if std::env::var_os(IN_CLUSTER).is_none() {
        let release = if args.debug { None } else { Some("--release") };
        let mut cli = super::cargo();
        cli.args(["build", "--quiet", "-p", "csmsdesk-cli"])
            .args(release);
        super::step(&format!("build csmsdesk-cli ({})", args.profile()), cli)?;
        let mut client = super::cargo();
        client.args(["build", "--quiet", "-p", "csmsdesk-workspace"]);
        client.args(["--example", "load_client"]).args(release);
        super::step(
            &format!("build the load client ({})", args.profile()),
            client,
        )?;
        return in_own_cluster(args);
    }
    run(args)
}

/// Runs this program again as `load` inside a throwaway cluster of its own.
fn in_own_cluster(args: Args) -> Result<()> {
    if Command::new("sh")
        .args(["-c", "command -v pg_virtualenv"])
        .output()
        .map_or(true, |o| !o.status.success())
    {
        bail!(
            "pg_virtualenv is missing: the load run needs Debian's postgresql and \
             postgresql-common (cargo xtask test installs them as root on Debian)"
        );
    }
    // Through cargo, as `cargo xtask` runs it (see crash/server.rs for why).
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new("pg_virtualenv")
        .current_dir(super::root())
        .arg("-t")
        .arg(cargo)
        .args(["run", "--quiet", "--package", "xtask", "--", "load"])
        .args(["--clients", &args.clients.to_string()])
        .args(["--changes", &args.changes.to_string()])
        .args(["--kills", &args.kills.to_string()])
        .args(["--seed", &args.seed.to_string()])
        .args(args.debug.then_some("--debug"))
        .env(IN_CLUSTER, "1")
        .status()
        .context("could not start pg_virtualenv")?;
    if !status.success() {
        bail!("the load run failed ({status})");
    }
    Ok(())
}

/// One desk's process and what became of it.
struct Desk {
    number: usize,
    child: Child,
    log: PathBuf,
    errors: PathBuf,
    /// Killed once its log has this many lines (`None`: left to finish).
    kill_at: Option<usize>,
    killed: bool,
    finished: Option<std::process::ExitStatus>,
}

/// What the run measured, for the judge and the figures.
pub(super) struct Run {
    pub(super) wall: Duration,
    /// The desks killed, by number.
    pub(super) killed: Vec<usize>,
}

fn run(args: Args) -> Result<()> {
    let Args {
        clients,
        changes,
        kills,
        seed,
        ..
    } = args;
    eprintln!(
        "\n== load: {clients} desks × {changes} changes, {kills} killed, seed {seed} (repeat \
         with: cargo xtask load --clients {clients} --changes {changes} --kills {kills} --seed \
         {seed})"
    );
    let root = std::env::temp_dir().join(format!("csmsdesk-load-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("logs"))?;
    let target = super::root().join("target").join(args.profile());
    let cli = target.join("csmsdesk-cli");
    let client = target.join("examples/load_client");
    let started = Instant::now();
    setup::workspace(&cli, &root, clients)?;
    eprintln!(
        "   workspace set up in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let run = drive(&client, &root, args)
        .with_context(|| format!("the desks' logs are kept in {}", root.display()))?;
    settle()?;
    let verdict = judge::judge(&cli, &root.join("logs"), clients, &run)
        .with_context(|| format!("the desks' logs are kept in {}", root.display()))?;
    judge::print(&verdict, &run, args.clients, args.changes);
    let _ = std::fs::remove_dir_all(&root);
    Ok(())
}

/// Starts every desk at once, kills the chosen ones midway, waits for the others.
fn drive(client: &Path, root: &Path, args: Args) -> Result<Run> {
    // The crash loop's generator: a run's kills are repeated with its seed.
    let mut rng = crate::crash::Rng(args.seed);
    let mut order: Vec<usize> = (1..=args.clients).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let doomed = &order[..args.kills];
    let url = format!("postgresql:///{DB}");
    let started = Instant::now();
    let mut desks = Vec::new();
    for number in 1..=args.clients {
        let log = root.join("logs").join(format!("client-{number}.log"));
        let errors = root.join("logs").join(format!("client-{number}.err"));
        let stderr = std::fs::File::create(&errors)?;
        let child = Command::new(client)
            .args([&url, &number.to_string(), &args.changes.to_string()])
            .args([&args.seed.to_string()])
            .arg(&log)
            .env("CSMSDESK_LOG", "error")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .with_context(|| format!("could not start {}", client.display()))?;
        let kill_at = doomed
            .contains(&number)
            .then(|| args.changes / 4 + rng.below(args.changes as u64 / 2 + 1) as usize);
        desks.push(Desk {
            number,
            child,
            log,
            errors,
            kill_at,
            killed: false,
            finished: None,
        });
    }
    while desks.iter().any(|d| d.finished.is_none()) {
        for desk in desks.iter_mut().filter(|d| d.finished.is_none()) {
            desk.finished = desk.child.try_wait()?;
            if desk.finished.is_none() && desk.kill_at.is_some_and(|at| lines(&desk.log) >= at) {
                desk.child.kill().ok(); // SIGKILL on Unix
                desk.finished = Some(desk.child.wait()?);
                desk.killed = true;
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let wall = started.elapsed();
    for desk in &desks {
        let status = desk.finished.context("a desk without an exit status")?;
        if !desk.killed && !status.success() {
            bail!(
                "load client {} failed ({status}): {}",
                desk.number,
                std::fs::read_to_string(&desk.errors)
                    .unwrap_or_default()
                    .trim()
            );
        }
    }
    let killed: Vec<usize> = desks
        .iter()
        .filter(|d| d.killed)
        .map(|d| d.number)
        .collect();
    for desk in desks.iter().filter(|d| d.killed) {
        eprintln!(
            "   killed desk {} after {} log lines",
            desk.number,
            lines(&desk.log)
        );
    }
    Ok(Run { wall, killed })
}

/// How many lines the log at `path` has (0 while it is not there).
fn lines(path: &Path) -> usize {
    std::fs::read(path).map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
}

/// `psql` on the workspace's database (or the cluster's `postgres`): its rows, one a line,
/// fields tab-separated.
fn psql(db: &str, sql: &str) -> Result<String> {
    let out = Command::new("psql")
        .args(["-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1"])
        .args(["-d", db, "-c", sql])
        .output()
        .context("could not start psql")?;
    if !out.status.success() {
        bail!(
            "psql on {db}: {sql}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim_end().to_owned())
}

/// Waits (up to 10 s) until the server has ended the killed desks' sessions: one busy with a
/// statement notices its client gone only when the statement ends.
fn settle() -> Result<()> {
    let others = format!(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = '{DB}' AND pid <> pg_backend_pid()"
    );
    for _ in 0..100 {
        if psql("postgres", &others)? == "0" {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    bail!("a killed desk's session on {DB} still runs after 10 s")
}
