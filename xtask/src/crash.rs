//! `cargo xtask crash [--kills N] [--seed S]`: crash safety, shown by killing real work.
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

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};

/// The outside judge: integrity check and every evidence version's vault copy re-hashed,
/// without any CSMS Desk code. Prints `integrity versions bad...`.
const JUDGE: &str = r#"
import hashlib, os, sqlite3, sys
ws = sys.argv[1]
db = sqlite3.connect("file:" + os.path.join(ws, "workspace.sqlite") + "?mode=ro", uri=True)
integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
bad = []
rows = db.execute("SELECT DISTINCT sha256 FROM evidence_version").fetchall()
for (sha,) in rows:
    path = os.path.join(ws, "vault", sha[:2], sha)
    try:
        with open(path, "rb") as f:
            h = hashlib.sha256()
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        if h.hexdigest() != sha:
            bad.append("changed:" + sha)
    except FileNotFoundError:
        bad.append("missing:" + sha)
print(integrity.replace(" ", "_"), len(rows), *bad)
"#;

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

/// A small deterministic generator (xorshift64*), so a run can be repeated with `--seed`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

struct Lab {
    cli: PathBuf,
    root: PathBuf,
    /// The long-lived workspace: evidence, scans, exports and backups.
    ws: PathBuf,
    docs: PathBuf,
    out: PathBuf,
    files_made: usize,
}

#[derive(Debug, Default)]
struct Counts {
    kills: usize,
    mid_work: usize,
    finished_first: usize,
    checks: usize,
    partial_targets: usize,
    leftovers: usize,
    per_op: [usize; 6],
}

pub fn crash(args: &[String]) -> Result<()> {
    let mut kills = 200usize;
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--kills" => kills = rest.next().context("--kills needs a number")?.parse()?,
            "--seed" => seed = rest.next().context("--seed needs a number")?.parse()?,
            other => {
                bail!("unknown argument {other:?}; usage: cargo xtask crash [--kills N] [--seed S]")
            }
        }
    }
    let mut build = super::cargo();
    build.args(["build", "--quiet", "-p", "csmsdesk-cli"]);
    super::step("build csmsdesk-cli", build)?;
    let root = std::env::temp_dir().join(format!("csmsdesk-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root)?;
    let mut lab = Lab {
        cli: super::root().join("target/debug/csmsdesk-cli"),
        ws: root.join("ws"),
        docs: root.join("docs"),
        out: root.join("out"),
        root: root.clone(),
        files_made: 0,
    };
    eprintln!(
        "\n== crash: {kills} kills, seed {seed} (repeat with: cargo xtask crash --kills {kills} --seed {seed})"
    );
    lab.setup()?;
    let mut rng = Rng(seed);
    // How long each operation takes without a kill, measured once: the kill delays are drawn
    // from that range.
    let mut durations = [Duration::ZERO; 6];
    for (i, op) in OPS.iter().enumerate() {
        lab.prepare(*op, &mut rng)?;
        let started = Instant::now();
        let status = lab
            .command(*op, 0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()?;
        durations[i] = started.elapsed();
        let _ = std::fs::remove_file(lab.target(*op, 0));
        if !status.success() {
            bail!("{} failed without a kill ({status})", op.name());
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
        lab.prepare(op, &mut rng)?;
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
        "== crash: {} kills in {:.0} s ({} mid-work, {} after the work had ended); survived all: \
         {} checks passed, {} partial targets, {} abandoned partial files, each removed by the \
         next export, backup or restore",
        counts.kills,
        started.elapsed().as_secs_f64(),
        counts.mid_work,
        counts.finished_first,
        counts.checks,
        counts.partial_targets,
        counts.leftovers,
    );
    for (op, n) in OPS.iter().zip(counts.per_op) {
        eprintln!("   {:<22} {n} kills", op.name());
    }
    if counts.partial_targets > 0 {
        bail!("{} partial targets", counts.partial_targets);
    }
    let _ = std::fs::remove_dir_all(&root);
    Ok(())
}

impl Lab {
    fn cli(&self, ws: &Path) -> Command {
        let mut cmd = Command::new(&self.cli);
        cmd.arg("--workspace").arg(ws).env("CSMSDESK_LOG", "error");
        cmd
    }

    /// Runs the CLI to completion and fails with its stderr if it does not exit 0.
    fn ok(&self, ws: &Path, args: &[&str]) -> Result<String> {
        let out = self.cli(ws).args(args).output()?;
        if !out.status.success() {
            bail!(
                "csmsdesk-cli {args:?} failed ({}): {}{}",
                out.status,
                String::from_utf8_lossy(&out.stderr),
                String::from_utf8_lossy(&out.stdout)
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    fn setup(&mut self) -> Result<()> {
        std::fs::create_dir_all(&self.docs)?;
        std::fs::create_dir_all(&self.out)?;
        self.ok(&self.ws, &["init", "--company", "Crash Test GmbH"])?;
        self.ok(&self.ws, &["catalogue", "import", "--demo"])?;
        self.ok(&self.ws, &["location", "add", "Plant Nord"])?;
        self.ok(
            &self.ws,
            &[
                "scope",
                "add",
                "ECU",
                "--objective",
                "development",
                "--location",
                "Plant Nord",
            ],
        )?;
        // The package carries linked evidence: a few linked files, so exports stay quick
        // while the additions keep growing the vault.
        let linked = self.root.join("linked");
        std::fs::create_dir_all(&linked)?;
        for (name, target) in [
            ("policy.pdf", "1.1.a"),
            ("plan.docx", "1.1.b"),
            ("tara.xlsx", "1.1"),
        ] {
            std::fs::write(linked.join(name), format!("{name} content"))?;
            self.ok(
                &self.ws,
                &[
                    "evidence",
                    "add",
                    &linked.join(name).display().to_string(),
                    "--link",
                    target,
                ],
            )?;
        }
        let source = self.source_backup().display().to_string();
        self.ok(&self.ws, &["backup", "--out", &source])?;
        Ok(())
    }

    /// Makes the next run of `op` have work to do.
    fn prepare(&mut self, op: Op, rng: &mut Rng) -> Result<()> {
        match op {
            Op::CatalogueImport => {
                let scratch = self.root.join("scratch");
                let _ = std::fs::remove_dir_all(&scratch);
                self.ok(&scratch, &["init", "--company", "Scratch"])?;
            }
            Op::EvidenceAdd => {
                let batch = self.root.join("batch");
                let _ = std::fs::remove_dir_all(&batch);
                std::fs::create_dir_all(&batch)?;
                for _ in 0..BATCH {
                    self.files_made += 1;
                    let size = 64 * 1024 + rng.below(1024 * 1024) as usize;
                    let path = batch.join(format!("doc-{}.pdf", self.files_made));
                    std::fs::write(&path, pseudo_random_bytes(rng, size))?;
                }
            }
            Op::DeepScan => {
                // Change a few sources so that the scan records new versions.
                let sources = list_files(&self.docs);
                for _ in 0..3.min(sources.len()) {
                    let path = &sources[rng.below(sources.len() as u64) as usize];
                    let size = 64 * 1024 + rng.below(1024 * 1024) as usize;
                    std::fs::write(path, pseudo_random_bytes(rng, size))?;
                }
                // Keep the scan's work bounded: beyond a limit a source goes away (the scan
                // then flags it missing; its vault copy stays).
                if sources.len() > MAX_SOURCES {
                    std::fs::remove_file(&sources[rng.below(sources.len() as u64) as usize])?;
                }
            }
            Op::Export | Op::Backup | Op::Restore => {}
        }
        Ok(())
    }

    fn target(&self, op: Op, n: usize) -> PathBuf {
        match op {
            Op::Export => self.out.join(format!("package-{n}.zip")),
            Op::Restore => self.out.join(format!("restored-{n}")),
            _ => self.out.join(format!("backup-{n}.csmsbackup")),
        }
    }

    /// The backup every restore restores.
    fn source_backup(&self) -> PathBuf {
        self.root.join("source.csmsbackup")
    }

    fn command(&self, op: Op, n: usize) -> Command {
        match op {
            Op::CatalogueImport => {
                let mut cmd = self.cli(&self.root.join("scratch"));
                cmd.args(["catalogue", "import", "--demo"]);
                cmd
            }
            Op::EvidenceAdd => {
                // Added sources move into docs/, where later scans look at them.
                let batch = self.root.join("batch");
                let mut cmd = self.cli(&self.ws);
                cmd.args(["evidence", "add"]).arg(&batch);
                cmd
            }
            Op::DeepScan => {
                let mut cmd = self.cli(&self.ws);
                cmd.args(["evidence", "scan", "--deep"]);
                cmd
            }
            Op::Export => {
                let mut cmd = self.cli(&self.ws);
                cmd.args(["export", "--scope", "ECU", "--out"])
                    .arg(self.target(op, n));
                cmd
            }
            Op::Backup => {
                let mut cmd = self.cli(&self.ws);
                cmd.args(["backup", "--out"]).arg(self.target(op, n));
                cmd
            }
            Op::Restore => {
                let mut cmd = self.cli(&self.target(op, n));
                cmd.arg("restore").arg(self.source_backup());
                cmd
            }
        }
    }

    /// Every promise after a kill of `op` number `n`.
    fn judge(&mut self, op: Op, n: usize, counts: &mut Counts) -> Result<()> {
        let ws = if op == Op::CatalogueImport {
            self.root.join("scratch")
        } else {
            self.ws.clone()
        };
        // 1. The outside judge: SQLite's integrity check and every vault copy, by Python.
        let judged = Command::new("python3")
            .arg("-c")
            .arg(JUDGE)
            .arg(&ws)
            .output()?;
        let verdict = String::from_utf8_lossy(&judged.stdout).trim().to_owned();
        if !judged.status.success()
            || !verdict.starts_with("ok ")
            || verdict.split(' ').count() != 2
        {
            bail!(
                "the outside judge found damage: {verdict} {}",
                String::from_utf8_lossy(&judged.stderr)
            );
        }
        // 2. Our own check agrees, the journal's chain included.
        let check = self.cli(&ws).args(["--json", "check"]).output()?;
        if !check.status.success() {
            bail!(
                "csmsdesk-cli check: {}",
                String::from_utf8_lossy(&check.stdout)
            );
        }
        counts.checks += 1;
        // 3. The target is absent or whole.
        if op == Op::Restore {
            let target = self.target(op, n);
            if target.exists() {
                let whole = self.cli(&target).args(["--json", "check"]).output()?;
                if !whole.status.success() {
                    counts.partial_targets += 1;
                    bail!(
                        "{} is a partial workspace: {}",
                        target.display(),
                        String::from_utf8_lossy(&whole.stdout)
                    );
                }
                std::fs::remove_dir_all(&target)?;
            }
            counts.leftovers += hidden_entries(&self.out).len();
        }
        if matches!(op, Op::Export | Op::Backup) {
            let target = self.target(op, n);
            if target.exists() {
                let whole = match op {
                    Op::Export => self.cli(&ws).arg("verify").arg(&target).output()?,
                    _ => self
                        .cli(&ws)
                        .args(["restore", "--check"])
                        .arg(&target)
                        .output()?,
                };
                if !whole.status.success() {
                    counts.partial_targets += 1;
                    bail!(
                        "{} is a partial file: {}",
                        target.display(),
                        String::from_utf8_lossy(&whole.stdout)
                    );
                }
                std::fs::remove_file(&target)?;
            }
            // A killed writer leaves its hidden partial file beside the target.
            counts.leftovers += list_files(&self.out).len();
        }
        // 4. The next normal operation succeeds (it takes over the dead process's lock).
        match op {
            Op::CatalogueImport => {
                self.ok(&ws, &["catalogue", "import", "--demo"])?;
                let list = self.ok(&ws, &["--json", "catalogue", "list"])?;
                if list.matches("\"id\"").count() != 1 {
                    bail!("after the import there is not exactly one catalogue: {list}");
                }
            }
            Op::EvidenceAdd => {
                // Whatever the killed run did not add is added now; then the sources join docs/.
                let batch = self.root.join("batch");
                let added = self
                    .cli(&ws)
                    .args(["evidence", "add"])
                    .arg(&batch)
                    .output()?;
                if !added.status.success() {
                    bail!(
                        "adding the batch again failed: {}",
                        String::from_utf8_lossy(&added.stderr)
                    );
                }
                for file in list_files(&batch) {
                    let name = file.file_name().unwrap_or_default().to_owned();
                    std::fs::rename(&file, self.docs.join(name))?;
                }
                self.ok(&ws, &["evidence", "scan", "--deep"])?;
            }
            Op::DeepScan => {
                self.ok(&ws, &["evidence", "scan", "--deep"])?;
            }
            Op::Restore => {
                let target = self.target(op, n);
                self.ok(
                    &target,
                    &["restore", &self.source_backup().display().to_string()],
                )?;
                self.ok(&target, &["--json", "check"])?;
                std::fs::remove_dir_all(&target)?;
                // ... and the next restore into that folder removes the killed one's folder.
                let litter = hidden_entries(&self.out);
                if !litter.is_empty() {
                    bail!("partial folders outlived the next restore: {litter:?}");
                }
            }
            Op::Export | Op::Backup => {
                let target = self.target(op, n);
                let args: Vec<String> = match op {
                    Op::Export => vec![
                        "export".into(),
                        "--scope".into(),
                        "ECU".into(),
                        "--out".into(),
                    ],
                    _ => vec!["backup".into(), "--out".into()],
                };
                let mut cmd = self.cli(&ws);
                cmd.args(&args).arg(&target);
                let status = cmd.output()?;
                if !status.status.success() {
                    bail!(
                        "the next {} failed: {}",
                        op.name(),
                        String::from_utf8_lossy(&status.stderr)
                    );
                }
                std::fs::remove_file(&target)?;
                // ... and the next writer into that folder removes it.
                let litter = list_files(&self.out);
                if !litter.is_empty() {
                    bail!("partial files outlived the next {}: {litter:?}", op.name());
                }
            }
        }
        if op != Op::CatalogueImport {
            self.ok(&ws, &["--json", "status", "--scope", "ECU"])?;
        }
        Ok(())
    }
}

/// The hidden `.csmsdesk-*` files and folders in `dir`: what writers leave while they work.
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
