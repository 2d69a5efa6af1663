//! The crash loop on a folder workspace (SQLite and the vault's files).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Result, bail};

use super::{
    BATCH, Bench, Counts, MAX_SOURCES, Op, Rng, cli_ok, hidden_entries, list_files,
    pseudo_random_bytes, seed,
};

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

pub(super) struct Lab {
    pub(super) cli: PathBuf,
    pub(super) root: PathBuf,
    /// The long-lived workspace: evidence, scans, exports and backups.
    pub(super) ws: PathBuf,
    pub(super) docs: PathBuf,
    pub(super) out: PathBuf,
    pub(super) files_made: usize,
}

impl Bench for Lab {
    fn prepare(&mut self, op: Op, _n: usize, rng: &mut Rng) -> Result<()> {
        Lab::prepare(self, op, rng)
    }

    fn command(&self, op: Op, n: usize) -> Command {
        Lab::command(self, op, n)
    }

    fn discard(&mut self, op: Op) -> Result<()> {
        let _ = std::fs::remove_file(self.target(op, 0));
        Ok(())
    }

    fn judge(&mut self, op: Op, n: usize, counts: &mut Counts) -> Result<()> {
        Lab::judge(self, op, n, counts)
    }
}

impl Lab {
    fn cli(&self, ws: &Path) -> Command {
        let mut cmd = Command::new(&self.cli);
        cmd.arg("--workspace").arg(ws).env("CSMSDESK_LOG", "error");
        cmd
    }

    /// Runs the CLI to completion and fails with its stderr if it does not exit 0.
    fn ok(&self, ws: &Path, args: &[&str]) -> Result<String> {
        cli_ok(self.cli(ws), args, &ws.display().to_string())
    }

    pub(super) fn setup(&mut self) -> Result<()> {
        std::fs::create_dir_all(&self.docs)?;
        std::fs::create_dir_all(&self.out)?;
        let backup = self.source_backup();
        seed(&self.root, &backup, &mut |args| self.ok(&self.ws, args))?;
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
