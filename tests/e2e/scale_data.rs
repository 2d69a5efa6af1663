//! Workspaces at scale, built with `csmsdesk-cli` as a user's script would: the shape of issue
//! 15 ("Screens at scale") at any number of evidence items.
//!
//! For `items` evidence files: three links each (so 20,000 items give 60,000 links), one
//! scope with every objective, an initial audit with a result for every applicable question
//! (conform or minor: a conditional pass), and findings and corrective actions in the issue's
//! proportion (300 findings and 600 actions at 20,000 items, at least 2 and 4). Each item has
//! a review date, so every item is also a deadline. The catalogue is the project's demo catalogue (the ENX layout and counts),
//! or a workbook the caller names (the licensed ENX workbook is never part of the project).
//!
//! Generating goes through the CLI's bulk paths: a folder of 100 files is added and linked
//! by one `evidence add` (`--link` three times), so 20,000 items take 200 processes; results,
//! findings and actions take one process each. Built workspaces are cached by size,
//! catalogue and schema version (`cached`), because the large one takes minutes.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;

/// Bump when what `generate` builds changes, so that cached workspaces are built again.
const GENERATOR_VERSION: u32 = 3;

/// Evidence files per folder, and so per `evidence add` process.
const FOLDER_SIZE: usize = 100;

/// The scope every item, audit and finding belongs to.
pub const SCOPE: &str = "Vehicle ECUs";

/// The file name stems, one per kind of document; `STEMS[i % STEMS.len()]` names item `i`.
/// "sbom" is what the benchmark and the test type into the vault's filter: one item in ten.
pub const STEMS: [&str; 10] = [
    "cs-policy",
    "tara",
    "test-report",
    "pentest",
    "sbom",
    "review-minutes",
    "training-record",
    "supplier-agreement",
    "incident-report",
    "vuln-analysis",
];

/// The work products given to the folders, in turn.
const WORK_PRODUCTS: [&str; 6] = [
    "WP-05-01", "WP-06-01", "WP-08-01", "WP-09-02", "WP-10-01", "WP-05-03",
];

/// How big a generated workspace is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub items: usize,
    pub links_per_item: usize,
    pub findings: usize,
    pub actions_per_finding: usize,
}

impl Scale {
    /// The proportions for `items` evidence items.
    pub fn of(items: usize) -> Scale {
        Scale {
            items,
            links_per_item: 3,
            findings: (items * 300 / 20_000).max(2),
            actions_per_finding: 2,
        }
    }

    pub fn links(&self) -> usize {
        self.items * self.links_per_item
    }

    pub fn actions(&self) -> usize {
        self.findings * self.actions_per_finding
    }

    /// How many items the vault filter `STEMS[4]` ("sbom") matches.
    pub fn items_matching_sbom(&self) -> usize {
        (0..self.items).filter(|i| i % STEMS.len() == 4).count()
    }
}

impl std::fmt::Display for Scale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} items, {} links, {} findings, {} actions",
            self.items,
            self.links(),
            self.findings,
            self.actions()
        )
    }
}

/// Where the catalogue comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Catalogue {
    /// The project's demo catalogue (`catalogue import --demo`): same layout and counts as
    /// the ENX VCSA 1.1 workbook, and part of the project, so CI can build it.
    Demo,
    /// A catalogue workbook on this machine (for example the licensed ENX workbook).
    Workbook(PathBuf),
}

impl Catalogue {
    /// A short name for cache folders: `demo`, or the workbook's file stem and size.
    fn tag(&self) -> String {
        match self {
            Catalogue::Demo => "demo".to_owned(),
            Catalogue::Workbook(path) => {
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let stem: String = stem
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                    .collect();
                let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
                format!("{stem}-{size}")
            }
        }
    }
}

/// A generated workspace: the workspace folder and the folder its evidence files came from
/// (the workspace refers to those by path, so both stay together).
#[derive(Debug, Clone)]
pub struct Generated {
    pub workspace: PathBuf,
    pub scale: Scale,
    /// How long building it took; `None` when it came from the cache.
    pub took: Option<Duration>,
}

/// The `csmsdesk-cli` to build with: `$CSMSDESK_CLI`, else the one beside the app binary
/// (`cargo test --workspace` and `cargo xtask test` build both; `cargo build -p csmsdesk-cli`
/// builds it alone).
pub fn cli_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("CSMSDESK_CLI") {
        return path.into();
    }
    let beside = Path::new(env!("CARGO_BIN_EXE_csmsdesk")).with_file_name("csmsdesk-cli");
    assert!(
        beside.is_file(),
        "{} is missing: build it with `cargo build -p csmsdesk-cli` (cargo xtask test and \
         cargo test --workspace do), or set CSMSDESK_CLI to a csmsdesk-cli binary",
        beside.display()
    );
    beside
}

/// The workspace for `scale` and `catalogue` under `cache_root`, built with `cli` when the
/// cache has none that this CLI's schema version wrote. Open a copy (`copy_workspace`), not
/// the cached one: the app changes what it opens.
pub fn cached(cli: &Path, cache_root: &Path, scale: Scale, catalogue: &Catalogue) -> Generated {
    let key = format!(
        "v{GENERATOR_VERSION}-{}-{}-items",
        catalogue.tag(),
        scale.items
    );
    let dir = cache_root.join(&key);
    // The end-to-end test and the benchmark may want the same workspace at the same time:
    // one builds it, the other waits and reuses it.
    std::fs::create_dir_all(cache_root).unwrap();
    let lock = std::fs::File::create(cache_root.join(format!("{key}.lock"))).unwrap();
    lock.lock().unwrap();
    // What earlier versions of this generator built is never used again (a large one holds
    // a quarter of a gigabyte).
    let current = format!("v{GENERATOR_VERSION}-");
    for entry in std::fs::read_dir(cache_root).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let versioned =
            name.starts_with('v') && name[1..].starts_with(|c: char| c.is_ascii_digit());
        if versioned && !name.starts_with(&current) && entry.path().is_dir() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    let complete = dir.join("complete");
    let workspace = dir.join("workspace");
    if complete.is_file() && schema_version(cli, &workspace) == current_schema_version(cli) {
        return Generated {
            workspace,
            scale,
            took: None,
        };
    }
    if dir.exists() {
        std::fs::remove_dir_all(&dir)
            .unwrap_or_else(|e| panic!("cannot clear the stale cache {}: {e}", dir.display()));
    }
    let started = Instant::now();
    generate(cli, &dir, scale, catalogue);
    std::fs::write(&complete, format!("{scale}\n")).unwrap();
    Generated {
        workspace,
        scale,
        took: Some(started.elapsed()),
    }
}

/// Copies a workspace folder (database and vault) to `to`, which must not exist yet.
pub fn copy_workspace(from: &Path, to: &Path) {
    let status = Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .status()
        .expect("cp runs");
    assert!(
        status.success(),
        "cp -a {} {} failed",
        from.display(),
        to.display()
    );
}

/// The schema version of the workspace in `dir`, or `None` if this CLI cannot read it.
fn schema_version(cli: &Path, dir: &Path) -> Option<i64> {
    let output = Command::new(cli)
        .arg("--workspace")
        .arg(dir)
        .args(["--read-only", "--json", "info"])
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    serde_json::from_slice::<Value>(&output.stdout)
        .ok()?
        .get("schema_version")?
        .as_i64()
}

/// The schema version this CLI writes: that of a throwaway workspace made with it.
fn current_schema_version(cli: &Path) -> Option<i64> {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("ws");
    Cli::new(cli, &dir).json(&["init", "--company", "probe"]);
    schema_version(cli, &dir)
}

/// `csmsdesk-cli --workspace DIR` runs, each checked.
struct Cli<'a> {
    binary: &'a Path,
    workspace: &'a Path,
    runs: usize,
}

impl<'a> Cli<'a> {
    fn new(binary: &'a Path, workspace: &'a Path) -> Cli<'a> {
        Cli {
            binary,
            workspace,
            runs: 0,
        }
    }

    /// Runs `args` with `--json`; fails with the CLI's own message unless it exits 0.
    fn json<S: AsRef<std::ffi::OsStr>>(&mut self, args: &[S]) -> Value {
        self.runs += 1;
        let output = Command::new(self.binary)
            .arg("--workspace")
            .arg(self.workspace)
            .arg("--json")
            .args(args)
            .env("LANG", "en_US.UTF-8")
            .env_remove("LANGUAGE")
            .env_remove("LC_ALL")
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", self.binary.display()));
        let shown: Vec<String> = args
            .iter()
            .map(|a| a.as_ref().to_string_lossy().into_owned())
            .collect();
        assert!(
            output.status.success(),
            "csmsdesk-cli {} failed ({}):\n{}{}",
            shown.join(" "),
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!(
                "csmsdesk-cli {} printed no JSON ({e}): {}",
                shown.join(" "),
                String::from_utf8_lossy(&output.stdout)
            )
        })
    }
}

/// The ids of every requirement of the current catalogue, in catalogue order.
fn requirement_ids(catalogue: &Value) -> Vec<String> {
    catalogue["chapters"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|c| c["questions"].as_array().into_iter().flatten())
        .flat_map(|q| q["requirements"].as_array().into_iter().flatten())
        .filter_map(|r| r["id"].as_str().map(str::to_owned))
        .collect()
}

/// Builds the workspace into `dir/workspace`, its evidence files into `dir/docs`.
pub fn generate(cli: &Path, dir: &Path, scale: Scale, catalogue: &Catalogue) {
    let workspace = dir.join("workspace");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let mut run = Cli::new(cli, &workspace);
    let today = chrono::Local::now().date_naive();
    let days = |n: i64| (today + chrono::TimeDelta::days(n)).to_string();

    run.json(&["init", "--company", "Scale Zulieferer GmbH"]);
    match catalogue {
        Catalogue::Demo => run.json(&["catalogue", "import", "--demo"]),
        Catalogue::Workbook(path) => {
            run.json(&["catalogue".as_ref(), "import".as_ref(), path.as_os_str()])
        }
    };
    run.json(&["location", "add", "Plant Nord"]);
    run.json(&[
        "scope",
        "add",
        SCOPE,
        "--objective",
        "development",
        "--objective",
        "production",
        "--objective",
        "operations-maintenance",
        "--location",
        "Plant Nord",
        "--audit-date",
        &days(120),
    ]);
    let requirements = requirement_ids(&run.json(&["catalogue", "show"]));
    assert!(
        requirements.len() >= scale.links_per_item,
        "the catalogue has {} requirements",
        requirements.len()
    );

    // Evidence: folders of FOLDER_SIZE files, each folder added and linked by one process.
    let mut evidence_ids = Vec::new();
    for (folder, first) in (0..scale.items).step_by(FOLDER_SIZE).enumerate() {
        let path = docs.join(format!("batch-{folder:04}"));
        std::fs::create_dir_all(&path).unwrap();
        for i in first..(first + FOLDER_SIZE).min(scale.items) {
            let stem = STEMS[i % STEMS.len()];
            // Unique content, so that no two items are duplicates of each other.
            let body = format!(
                "{stem} number {i} for the scope {SCOPE}, batch {folder}.\n{}\n",
                "Generated evidence text. ".repeat(8)
            );
            std::fs::write(path.join(format!("{stem}-{i:05}.txt")), body).unwrap();
        }
        let mut args: Vec<String> = vec![
            "evidence".into(),
            "add".into(),
            path.display().to_string(),
            "--type".into(),
            WORK_PRODUCTS[folder % WORK_PRODUCTS.len()].into(),
            "--owner".into(),
            format!("Owner {}", folder % 7),
            // Spread over the next year, a few already due.
            "--review-due".into(),
            days((folder as i64 * 37) % 400 - 20),
        ];
        for k in 0..scale.links_per_item {
            args.push("--link".into());
            args.push(requirements[(folder + k * 7) % requirements.len()].clone());
        }
        let added = run.json(&args);
        evidence_ids.extend(
            added["evidence"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| e["id"].as_i64()),
        );
    }
    assert_eq!(
        evidence_ids.len(),
        scale.items,
        "every file became an evidence item"
    );

    // The initial audit, closed 60 days ago, with a result for every applicable question.
    let closing = -60;
    let audit = run.json(&[
        "audit",
        "add",
        "--scope",
        SCOPE,
        "--type",
        "initial",
        "--opening-meeting",
        &days(closing - 2),
        "--closing-meeting",
        &days(closing),
        "--provider",
        "Example Audits GmbH",
        "--lead-auditor",
        "A. Auditor",
    ]);
    let audit_id = audit["audit"]["id"]
        .as_i64()
        .expect("audit add names the audit")
        .to_string();
    let shown = run.json(&["audit", "show", &audit_id]);
    let questions: Vec<String> = shown["questions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|q| q["applicable"].as_bool() == Some(true))
        .filter_map(|q| q["id"].as_str().map(str::to_owned))
        .collect();
    assert!(!questions.is_empty(), "the audit has applicable questions");
    // Minor non-conformities only: a conditional pass, so temporary labels, a CAP and their
    // deadlines exist as they would after most initial audits.
    let result_of = |n: usize| ["conform", "minor", "conform"][n % 3];
    for (n, question) in questions.iter().enumerate() {
        run.json(&["audit", "result", &audit_id, question, result_of(n)]);
    }

    // Findings over the questions, two corrective actions each with one evidence item. A
    // minor finding goes with a minor result (the app refuses one on a conform question);
    // the conform questions get observations and room for improvement.
    let kind_of = |n: usize| {
        if result_of(n % questions.len()) == "minor" {
            "minor"
        } else {
            ["observation", "improvement"][n % 2]
        }
    };
    for n in 0..scale.findings {
        let finding = run.json(&[
            "finding",
            "add",
            "--audit",
            &audit_id,
            "--question",
            &questions[n % questions.len()],
            "--type",
            kind_of(n),
            "--text",
            &format!("Finding {n}: the process is not applied everywhere"),
        ]);
        let finding_id = finding["finding"]["id"]
            .as_i64()
            .expect("finding add names the finding")
            .to_string();
        for a in 0..scale.actions_per_finding {
            let number = n * scale.actions_per_finding + a;
            // Due within the three free months after the closing meeting: about two thirds
            // are overdue today.
            let due = days(closing + 5 + (number as i64 * 13) % 85);
            let evidence = evidence_ids[(number * 31) % evidence_ids.len()].to_string();
            run.json(&[
                "action",
                "add",
                "--finding",
                &finding_id,
                "--owner",
                &format!("Owner {}", number % 5),
                "--due",
                &due,
                "--text",
                &format!("Corrective action {number}"),
                "--evidence",
                &evidence,
            ]);
        }
    }
    eprintln!(
        "generated {} ({scale}) with {} csmsdesk-cli runs",
        workspace.display(),
        run.runs
    );
}
