//! `cargo xtask crash [--postgres] [--kills N] [--seed S]`: crash safety, shown by killing real
//! work.
//!
//! Runs `csmsdesk-cli` catalogue imports, evidence additions, deep scans, package exports,
//! backups and restores in a loop and kills each with SIGKILL after a random delay (drawn from
//! zero to a little more than that operation's measured duration, so most kills land
//! mid-work). After every kill it checks, with outside judges where there are any:
//!
//! - Python's `sqlite3`: `PRAGMA integrity_check` is `ok`;
//! - Python's `hashlib`: every committed evidence version's vault copy exists and hashes to its
//!   name;
//! - `csmsdesk-cli check`: our own check (integrity, vault, the journal's chain) agrees;
//! - the export, backup or restore target is either absent or whole (`csmsdesk-cli verify`,
//!   `restore --check`, `check`): never a partial file or workspace;
//! - the next normal operation succeeds (the same operation again, without a kill).
//!
//! It prints the counts and fails on the first broken promise, keeping the folder to look at.
//!
//! `--postgres` runs the same loop on a workspace in PostgreSQL, in a throwaway cluster of its
//! own (`crash/server.rs` says what is judged there); `crash/folder.rs` is the folder's.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};

mod folder;
mod server;

use folder::Lab;

/// Files per evidence addition.
const BATCH: usize = 6;
/// Sources the deep scan reads at most (about 30 MiB).
const MAX_SOURCES: usize = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    CatalogueImport,
    EvidenceAdd,
    DeepScan,
    Export,
    Backup,
    Restore,
}

const OPS: [Op; 6] = [
    Op::CatalogueImport,
    Op::EvidenceAdd,
    Op::DeepScan,
    Op::Export,
    Op::Backup,
    Op::Restore,
];

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::CatalogueImport => "catalogue import",
            Op::EvidenceAdd => "evidence add",
            Op::DeepScan => "evidence scan --deep",
            Op::Export => "export",
            Op::Backup => "backup",
            Op::Restore => "restore",
        }
    }
}

/// A small deterministic generator (xorshift64*), so a run can be repeated with `--seed`
/// (the load run's too).
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

#[derive(Debug, Default)]
struct Counts {
    kills: usize,
    mid_work: usize,
    finished_first: usize,
    checks: usize,
    partial_targets: usize,
    leftovers: usize,
    /// Uploads a killed writer left in the database's vault (no content row names them).
    uploads: usize,
    per_op: [usize; 6],
}

/// What the loop needs of a place to crash in: a folder workspace ([`Lab`]) or one on
/// PostgreSQL ([`server::PgLab`]).
trait Bench {
    /// Makes the next run of `op` number `n` have work to do.
    fn prepare(&mut self, op: Op, n: usize, rng: &mut Rng) -> Result<()>;
    /// The CLI running `op` number `n`.
    fn command(&self, op: Op, n: usize) -> Command;
    /// Removes what the timing run (number 0) of `op` made.
    fn discard(&mut self, op: Op) -> Result<()>;
    /// Every promise after a kill of `op` number `n`.
    fn judge(&mut self, op: Op, n: usize, counts: &mut Counts) -> Result<()>;
}

/// The arguments: `--kills N`, `--seed S`, `--postgres`.
struct Args {
    kills: usize,
    seed: u64,
    postgres: bool,
}

fn parse(args: &[String]) -> Result<Args> {
    let mut parsed = Args {
        kills: 200,
        seed: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1,
        postgres: false,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--kills" => parsed.kills = rest.next().context("--kills needs a number")?.parse()?,
            "--seed" => parsed.seed = rest.next().context("--seed needs a number")?.parse()?,
            "--postgres" => parsed.postgres = true,
            other => bail!(
                "unknown argument {other:?}; usage: cargo xtask crash [--postgres] [--kills N] \
                 [--seed S]"
            ),
        }
    }
    Ok(parsed)
}

pub fn crash(args: &[String]) -> Result<()> {
    let Args {
        kills,
        seed,
        postgres,
    } = parse(args)?;
    if postgres && !server::in_cluster() {
        let mut build = super::cargo();
        build.args(["build", "--quiet", "-p", "csmsdesk-cli"]);
        super::step("build csmsdesk-cli", build)?;
        return server::in_own_cluster(kills, seed);
    }
    if !postgres {
        let mut build = super::cargo();
        build.args(["build", "--quiet", "-p", "csmsdesk-cli"]);
        super::step("build csmsdesk-cli", build)?;
    }
    let root = std::env::temp_dir().join(format!("csmsdesk-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root)?;
    let cli = super::root().join("target/debug/csmsdesk-cli");
    let engine = if postgres { "PostgreSQL" } else { "SQLite" };
    let again = if postgres { " --postgres" } else { "" };
    eprintln!(
        "\n== crash ({engine}): {kills} kills, seed {seed} (repeat with: cargo xtask crash{again} \
         --kills {kills} --seed {seed})"
    );
    if postgres {
        let mut lab = server::PgLab::new(cli, root.clone())?;
        run(&mut lab, kills, seed, &root, engine)?;
    } else {
        let mut lab = Lab {
            cli,
            ws: root.join("ws"),
            docs: root.join("docs"),
            out: root.join("out"),
            root: root.clone(),
            files_made: 0,
        };
        lab.setup()?;
        run(&mut lab, kills, seed, &root, engine)?;
    }
    let _ = std::fs::remove_dir_all(&root);
    Ok(())
}

/// The loop: `kills` runs of random operations, each killed after a random delay and judged.
fn run(lab: &mut impl Bench, kills: usize, seed: u64, root: &Path, engine: &str) -> Result<()> {
    let mut rng = Rng(seed);
    // How long each operation takes without a kill, measured once: the kill delays are drawn
    // from that range.
    let mut durations = [Duration::ZERO; 6];
    for (i, op) in OPS.iter().enumerate() {
        lab.prepare(*op, 0, &mut rng)?;
        let started = Instant::now();
        let out = lab.command(*op, 0).stdout(Stdio::null()).output()?;
        durations[i] = started.elapsed();
        lab.discard(*op)?;
        if !out.status.success() {
            bail!(
                "{} failed without a kill ({}): {}",
                op.name(),
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
        }
        eprintln!(
            "   {:<22} takes {:>6} ms",
            op.name(),
            durations[i].as_millis()
        );
    }
    let mut counts = Counts::default();
    let started = Instant::now();
    while counts.kills < kills {
        let index = rng.below(OPS.len() as u64) as usize;
        let op = OPS[index];
        let n = counts.kills + 1;
        lab.prepare(op, n, &mut rng)?;
        let window = durations[index].as_micros() as u64 * 12 / 10 + 1_000;
        let delay = Duration::from_micros(rng.below(window));
        let mut child = lab
            .command(op, n)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        std::thread::sleep(delay);
        let running = child.try_wait()?.is_none();
        child.kill().ok(); // SIGKILL on Unix
        child.wait()?;
        counts.kills += 1;
        counts.per_op[index] += 1;
        if running {
            counts.mid_work += 1;
        } else {
            counts.finished_first += 1;
        }
        lab.judge(op, n, &mut counts).with_context(|| {
            format!(
                "after kill {n} ({}, {} µs in); the workspace is kept in {}",
                op.name(),
                delay.as_micros(),
                root.display()
            )
        })?;
    }
    eprintln!(
        "== crash ({engine}): {} kills in {:.0} s ({} mid-work, {} after the work had ended); \
         survived all: {} checks passed, {} partial targets, {} abandoned partial files, each \
         removed by the next export, backup or restore",
        counts.kills,
        started.elapsed().as_secs_f64(),
        counts.mid_work,
        counts.finished_first,
        counts.checks,
        counts.partial_targets,
        counts.leftovers,
    );
    if engine == "PostgreSQL" {
        eprintln!(
            "   {} uploads of killed writers (no content row names them), each removed by the \
             next client",
            counts.uploads
        );
    }
    for (op, n) in OPS.iter().zip(counts.per_op) {
        eprintln!("   {:<22} {n} kills", op.name());
    }
    if counts.partial_targets > 0 {
        bail!("{} partial targets", counts.partial_targets);
    }
    Ok(())
}

/// The hidden `.csmsdesk-*` files and folders in `dir`: what writers leave while they work.
/// Runs the CLI command `cmd` with `args` to completion; fails with its output (naming `on`,
/// the workspace) unless it exits 0, else answers its standard output.
fn cli_ok(mut cmd: Command, args: &[&str], on: &str) -> Result<String> {
    let out = cmd.args(args).output()?;
    if !out.status.success() {
        bail!(
            "csmsdesk-cli {args:?} on {on} failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The workspace both loops start from, made through `ok` (the CLI on it): the demo catalogue,
/// a location, a scope, three small linked files in `root/linked` (so that the package carries
/// evidence while exports stay quick), and its backup at `backup`, the restores' source.
fn seed(root: &Path, backup: &Path, ok: &mut dyn FnMut(&[&str]) -> Result<String>) -> Result<()> {
    ok(&["init", "--company", "Crash Test GmbH"])?;
    ok(&["catalogue", "import", "--demo"])?;
    ok(&["location", "add", "Plant Nord"])?;
    ok(&[
        "scope",
        "add",
        "ECU",
        "--objective",
        "development",
        "--location",
        "Plant Nord",
    ])?;
    let linked = root.join("linked");
    std::fs::create_dir_all(&linked)?;
    for (name, target) in [
        ("policy.pdf", "1.1.a"),
        ("plan.docx", "1.1.b"),
        ("tara.xlsx", "1.1"),
    ] {
        let path = linked.join(name);
        std::fs::write(&path, format!("{name} content"))?;
        ok(&[
            "evidence",
            "add",
            &path.display().to_string(),
            "--link",
            target,
        ])?;
    }
    ok(&["backup", "--out", &backup.display().to_string()])?;
    Ok(())
}

fn hidden_entries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".csmsdesk-"))
        .map(|e| e.path())
        .collect()
}

fn list_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn pseudo_random_bytes(rng: &mut Rng, size: usize) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(size + 8);
    while bytes.len() < size {
        bytes.extend_from_slice(&rng.next().to_le_bytes());
    }
    bytes.truncate(size);
    bytes
}
