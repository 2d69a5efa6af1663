//! `cargo xtask crash --postgres`: the crash loop on a workspace in PostgreSQL (issue 19).
//!
//! Re-runs itself inside its own throwaway cluster (`pg_virtualenv -t`, which sets `PGHOST`,
//! `PGPORT`, `PGUSER` and `PGPASSWORD` and drops the cluster afterwards) and kills the CLI
//! working on `postgresql:///crash_ws`: the same operations as on a folder, a catalogue import
//! into a new database, a restore into a new database each. After every kill:
//!
//! - `psql`, the outside judge: the server's own `sha256()` over each content's chunks in
//!   order equals its name and their lengths its size, every `evidence_version.sha256` has its
//!   `evidence_content` row (no row without its chunks, no version without its content);
//! - `csmsdesk-cli check` and `journal verify` are clean;
//! - an export or a backup is absent or whole, a killed restore's database is still new (its
//!   journal empty) or whole (checked, verified, judged, its journal as long as the backup's);
//! - the next normal run of the same operation succeeds, and uploads a killed writer left (no
//!   content row names them) are gone once the next client has opened the workspace.

use std::path::PathBuf;
use std::process::{Command, Output};

use anyhow::{Context as _, Result, bail};

use super::{BATCH, Bench, Counts, MAX_SOURCES, Op, Rng, cli_ok, hidden_entries, list_files, seed};

/// Set in the re-run inside the cluster.
const IN_CLUSTER: &str = "CSMSDESK_CRASH_CLUSTER";
/// The long-lived workspace's database.
const WS: &str = "crash_ws";
/// The database each catalogue import runs on (made anew before each).
const SCRATCH: &str = "crash_scratch";

/// The outside judge, in the server's own SQL: `versions contents missing bad uploads`, where
/// `missing` counts version hashes without their content row, `bad` content rows whose
/// chunks (in order) do not hash to the name or add up to the size, `uploads` staged uploads
/// no content row names (a killed writer's, harmless).
const JUDGE: &str = "SET search_path = csmsdesk; SELECT \
    (SELECT count(DISTINCT sha256) FROM evidence_version), \
    (SELECT count(*) FROM evidence_content), \
    (SELECT count(DISTINCT v.sha256) FROM evidence_version v \
        LEFT JOIN evidence_content c ON c.sha256 = v.sha256 WHERE c.sha256 IS NULL), \
    (SELECT count(*) FROM evidence_content c, LATERAL (SELECT \
        sha256(coalesce(string_agg(k.data, ''::bytea ORDER BY k.n), ''::bytea)) AS h, \
        coalesce(sum(length(k.data)), 0) AS len, count(*) AS chunks, max(k.n) AS last \
        FROM evidence_chunk k WHERE k.upload_id = c.upload_id) t \
        WHERE encode(t.h, 'hex') <> c.sha256 OR t.len <> c.size \
        OR (t.chunks > 0 AND t.last <> t.chunks - 1)), \
    (SELECT count(*) FROM evidence_upload u \
        WHERE NOT EXISTS (SELECT 1 FROM evidence_content c WHERE c.upload_id = u.id))";

pub(super) fn in_cluster() -> bool {
    std::env::var_os(IN_CLUSTER).is_some()
}

/// Runs this program again as `crash --postgres` inside a throwaway cluster of its own.
pub(super) fn in_own_cluster(kills: usize, seed: u64) -> Result<()> {
    if Command::new("sh")
        .args(["-c", "command -v pg_virtualenv"])
        .output()
        .map_or(true, |o| !o.status.success())
    {
        bail!(
            "pg_virtualenv is missing: the crash loop on PostgreSQL needs Debian's postgresql \
             and postgresql-common (cargo xtask test installs them as root on Debian)"
        );
    }
    // Through cargo, as `cargo xtask` runs it, not this process's own file: `cargo xtask test`
    // builds the workspace's tests before this, which may link xtask's binary anew (other
    // features), leaving this process's file deleted.
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new("pg_virtualenv")
        .current_dir(super::super::root())
        .arg("-t")
        .arg(cargo)
        .args(["run", "--quiet", "--package", "xtask", "--"])
        .args(["crash", "--postgres", "--kills", &kills.to_string()])
        .args(["--seed", &seed.to_string()])
        .env(IN_CLUSTER, "1")
        .status()
        .context("could not start pg_virtualenv")?;
    if !status.success() {
        bail!("the crash loop on PostgreSQL failed ({status})");
    }
    Ok(())
}

fn url(db: &str) -> String {
    format!("postgresql:///{db}")
}

fn restored(n: usize) -> String {
    format!("crash_restored_{n}")
}

pub(super) struct PgLab {
    cli: PathBuf,
    root: PathBuf,
    docs: PathBuf,
    out: PathBuf,
    /// The CLI's temporary folder (`TMPDIR`), where a restore stages the backup.
    tmp: PathBuf,
    files_made: usize,
    /// The journal's length in a whole restore (measured by the run that is not killed).
    restored_journal: Option<i64>,
}

impl PgLab {
    /// The long-lived workspace made in the cluster, with the backup every restore restores.
    pub(super) fn new(cli: PathBuf, root: PathBuf) -> Result<PgLab> {
        let lab = PgLab {
            cli,
            docs: root.join("docs"),
            out: root.join("out"),
            tmp: root.join("tmp"),
            root,
            files_made: 0,
            restored_journal: None,
        };
        for dir in [&lab.docs, &lab.out, &lab.tmp] {
            std::fs::create_dir_all(dir)?;
        }
        lab.new_database(WS)?;
        let backup = lab.source_backup();
        seed(&lab.root, &backup, &mut |args| lab.ok(WS, args))?;
        Ok(lab)
    }

    fn cli(&self, db: &str) -> Command {
        let mut cmd = Command::new(&self.cli);
        cmd.arg("--workspace")
            .arg(url(db))
            .env("CSMSDESK_LOG", "error")
            .env("TMPDIR", &self.tmp);
        cmd
    }

    /// Runs the CLI to completion and fails with its output if it does not exit 0.
    fn ok(&self, db: &str, args: &[&str]) -> Result<String> {
        cli_ok(self.cli(db), args, db)
    }

    /// `psql` on `db` (the cluster's maintenance database for `postgres`).
    fn psql(&self, db: &str, sql: &str) -> Result<Output> {
        Ok(Command::new("psql")
            .args(["-X", "-q", "-A", "-t", "-F", " ", "-v", "ON_ERROR_STOP=1"])
            .args(["-d", db, "-c", sql])
            .output()?)
    }

    fn sql(&self, db: &str, sql: &str) -> Result<String> {
        let out = self.psql(db, sql)?;
        if !out.status.success() {
            bail!(
                "psql on {db}: {sql}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }

    /// Drops `db` (ending a killed client's session the server may not have noticed yet) and
    /// makes it again, empty.
    fn new_database(&self, db: &str) -> Result<()> {
        self.sql(
            "postgres",
            &format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"),
        )?;
        self.sql("postgres", &format!("CREATE DATABASE {db}"))?;
        Ok(())
    }

    /// Waits (up to 10 s) until the server has ended the killed client's sessions on `db`:
    /// a session busy with a statement notices its client gone only when that statement
    /// ends, and holds its locks (an upload's among them) until then.
    fn settle(&self, db: &str) -> Result<()> {
        let others = format!(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = '{db}' \
             AND pid <> pg_backend_pid()"
        );
        for _ in 0..100 {
            if self.sql("postgres", &others)? == "0" {
                return Ok(());
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        bail!("a killed client's session on {db} still runs after 10 s")
    }

    fn drop_database(&self, db: &str) -> Result<()> {
        self.sql(
            "postgres",
            &format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"),
        )?;
        Ok(())
    }

    fn source_backup(&self) -> PathBuf {
        self.root.join("source.csmsbackup")
    }

    fn target(&self, op: Op, n: usize) -> PathBuf {
        match op {
            Op::Export => self.out.join(format!("package-{n}.zip")),
            _ => self.out.join(format!("backup-{n}.csmsbackup")),
        }
    }

    /// The outside judge on `db`: fails on any damage, returns the uploads no content row
    /// names.
    fn judge_content(&self, db: &str) -> Result<i64> {
        let verdict = self.sql(db, JUDGE)?;
        let numbers: Vec<i64> = verdict
            .split(' ')
            .map(str::parse)
            .collect::<Result<_, _>>()
            .with_context(|| format!("the judge said {verdict:?}"))?;
        let [_versions, _contents, missing, bad, uploads] = numbers[..] else {
            bail!("the judge said {verdict:?}");
        };
        if missing > 0 || bad > 0 {
            bail!(
                "the outside judge (psql) found damage in {db}: {missing} versions without \
                 their content, {bad} contents whose chunks do not make them ({verdict})"
            );
        }
        Ok(uploads)
    }

    /// `check` and `journal verify` clean on `db`.
    fn check(&self, db: &str) -> Result<()> {
        for args in [&["--json", "check"][..], &["journal", "verify"][..]] {
            let out = self.cli(db).args(args).output()?;
            if !out.status.success() {
                bail!(
                    "csmsdesk-cli {args:?} on {db}: {}{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        }
        Ok(())
    }

    /// The journal's length in `db`, `None` while the schema is not made yet.
    fn journal_len(&self, db: &str) -> Result<Option<i64>> {
        let made = self.sql(db, "SELECT to_regclass('csmsdesk.journal') IS NOT NULL")?;
        if made != "t" {
            return Ok(None);
        }
        Ok(Some(
            self.sql(db, "SELECT count(*) FROM csmsdesk.journal")?
                .parse()?,
        ))
    }

    fn judge_restore(&mut self, n: usize, counts: &mut Counts) -> Result<()> {
        let db = restored(n);
        let journal = self.journal_len(&db)?;
        let rows = journal.unwrap_or(0);
        if journal == Some(0) {
            // New: no row a restore writes (they come in one transaction with the journal),
            // and whatever content it had stored already whole.
            let written = self.sql(
                &db,
                "SELECT (SELECT count(*) FROM csmsdesk.location) \
                 + (SELECT count(*) FROM csmsdesk.scope) \
                 + (SELECT count(*) FROM csmsdesk.evidence) \
                 + (SELECT count(*) FROM csmsdesk.evidence_version)",
            )?;
            if written != "0" {
                counts.partial_targets += 1;
                bail!("{db} has {written} rows of a restore but no journal");
            }
            self.judge_content(&db)?;
        }
        if rows > 0 {
            let verdict = self
                .check(&db)
                .and_then(|()| self.judge_content(&db).map(drop));
            if verdict.is_err() || Some(rows) != self.restored_journal {
                counts.partial_targets += 1;
                bail!(
                    "{db} is a partial workspace ({rows} journal entries, a whole restore has \
                     {:?}): {verdict:?}",
                    self.restored_journal
                );
            }
            // The next restore needs a new database.
            self.new_database(&db)?;
        }
        counts.leftovers += hidden_entries(&self.tmp).len();
        // The next restore, into the killed one's database when it is still new.
        let source = self.source_backup().display().to_string();
        self.ok(&db, &["restore", &source])?;
        self.check(&db)?;
        self.judge_content(&db)?;
        if self.journal_len(&db)? != self.restored_journal {
            bail!("the restore after the kill into {db} is not whole");
        }
        self.drop_database(&db)?;
        let litter = hidden_entries(&self.tmp);
        if !litter.is_empty() {
            bail!("staging folders outlived the next restore: {litter:?}");
        }
        Ok(())
    }
}

impl Bench for PgLab {
    fn prepare(&mut self, op: Op, n: usize, rng: &mut Rng) -> Result<()> {
        match op {
            Op::CatalogueImport => {
                self.new_database(SCRATCH)?;
                self.ok(SCRATCH, &["init", "--company", "Scratch"])?;
            }
            Op::EvidenceAdd => {
                let batch = self.root.join("batch");
                let _ = std::fs::remove_dir_all(&batch);
                std::fs::create_dir_all(&batch)?;
                for _ in 0..BATCH {
                    self.files_made += 1;
                    let size = 64 * 1024 + rng.below(1024 * 1024) as usize;
                    let path = batch.join(format!("doc-{}.pdf", self.files_made));
                    std::fs::write(&path, super::pseudo_random_bytes(rng, size))?;
                }
            }
            Op::DeepScan => {
                let sources = list_files(&self.docs);
                for _ in 0..3.min(sources.len()) {
                    let path = &sources[rng.below(sources.len() as u64) as usize];
                    let size = 64 * 1024 + rng.below(1024 * 1024) as usize;
                    std::fs::write(path, super::pseudo_random_bytes(rng, size))?;
                }
                if sources.len() > MAX_SOURCES {
                    std::fs::remove_file(&sources[rng.below(sources.len() as u64) as usize])?;
                }
            }
            Op::Restore => self.new_database(&restored(n))?,
            Op::Export | Op::Backup => {}
        }
        Ok(())
    }

    fn command(&self, op: Op, n: usize) -> Command {
        let mut cmd = self.cli(match op {
            Op::CatalogueImport => SCRATCH,
            Op::Restore => return self.restore_command(n),
            _ => WS,
        });
        match op {
            Op::CatalogueImport => cmd.args(["catalogue", "import", "--demo"]),
            Op::EvidenceAdd => cmd.args(["evidence", "add"]).arg(self.root.join("batch")),
            Op::DeepScan => cmd.args(["evidence", "scan", "--deep"]),
            Op::Export => cmd
                .args(["export", "--scope", "ECU", "--out"])
                .arg(self.target(op, n)),
            _ => cmd.args(["backup", "--out"]).arg(self.target(op, n)),
        };
        cmd
    }

    fn discard(&mut self, op: Op) -> Result<()> {
        match op {
            Op::Restore => {
                let db = restored(0);
                self.check(&db)?;
                self.judge_content(&db)?;
                self.restored_journal = self.journal_len(&db)?;
                self.drop_database(&db)
            }
            Op::Export | Op::Backup => Ok(std::fs::remove_file(self.target(op, 0))?),
            _ => Ok(()),
        }
    }

    fn judge(&mut self, op: Op, n: usize, counts: &mut Counts) -> Result<()> {
        let db = if op == Op::CatalogueImport {
            SCRATCH
        } else {
            WS
        };
        let killed_on = if op == Op::Restore {
            restored(n)
        } else {
            db.to_owned()
        };
        self.settle(&killed_on)?;
        // 1. The outside judge (the server's SQL), then our check and the journal's chain.
        let abandoned = self.judge_content(db)?;
        self.check(db)?;
        counts.checks += 1;
        // 2. The target is absent or whole; 3. the next normal run succeeds.
        match op {
            Op::Restore => self.judge_restore(n, counts)?,
            Op::Export | Op::Backup => {
                let target = self.target(op, n);
                if target.exists() {
                    let whole = match op {
                        Op::Export => self.cli(db).arg("verify").arg(&target).output()?,
                        _ => self
                            .cli(db)
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
                counts.leftovers += list_files(&self.out).len();
                let status = self.command(op, n).output()?;
                if !status.status.success() {
                    bail!(
                        "the next {} failed: {}",
                        op.name(),
                        String::from_utf8_lossy(&status.stderr)
                    );
                }
                std::fs::remove_file(&target)?;
                let litter = list_files(&self.out);
                if !litter.is_empty() {
                    bail!("partial files outlived the next {}: {litter:?}", op.name());
                }
            }
            Op::CatalogueImport => {
                self.ok(db, &["catalogue", "import", "--demo"])?;
                let list = self.ok(db, &["--json", "catalogue", "list"])?;
                if list.matches("\"id\"").count() != 1 {
                    bail!("after the import there is not exactly one catalogue: {list}");
                }
            }
            Op::EvidenceAdd => {
                counts.uploads += abandoned as usize;
                // Whatever the killed run did not add is added now; then the sources join docs/.
                let batch = self.root.join("batch");
                self.ok(db, &["evidence", "add", &batch.display().to_string()])?;
                for file in list_files(&batch) {
                    let name = file.file_name().unwrap_or_default().to_owned();
                    std::fs::rename(&file, self.docs.join(name))?;
                }
                self.ok(db, &["evidence", "scan", "--deep"])?;
            }
            Op::DeepScan => {
                counts.uploads += abandoned as usize;
                self.ok(db, &["evidence", "scan", "--deep"])?;
            }
        }
        if op != Op::CatalogueImport {
            self.ok(db, &["--json", "status", "--scope", "ECU"])?;
        }
        // A killed writer's uploads are gone once the next client has opened the workspace.
        let left = self.judge_content(db)?;
        if left > 0 {
            bail!("{left} uploads of a killed writer outlived the next client on {db}");
        }
        Ok(())
    }
}

impl PgLab {
    fn restore_command(&self, n: usize) -> Command {
        let mut cmd = self.cli(&restored(n));
        cmd.arg("restore").arg(self.source_backup());
        cmd
    }
}
