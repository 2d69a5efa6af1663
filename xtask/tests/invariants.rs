//! The architecture invariants that a test keeps: which package may use SQLite, which may use
//! Tauri, which may read the clock or the environment, and which way dependencies point.
//!
//! It lives in `xtask` because it is a check of the whole repository, not of one crate, and
//! `xtask` builds in seconds (the app package's own tests need all of Tauri). `cargo xtask test`
//! runs it with the rest of `cargo test --workspace`.
//!
//! Two sources of truth are read: `cargo metadata` (the dependency edges each package declares,
//! of every kind) and the source text of every `.rs` file in the repository, each attributed to
//! the package whose manifest is nearest above it (`fuzz/` is a cargo workspace of its own and
//! is read the same way). Every exception is listed in [`EXCEPTIONS`] with its reason and the
//! exact number of hits it covers, so a new hit in an excepted file fails too, and an exception
//! that no longer matches anything fails until it is removed.
//!
//! Known and accepted at the level of types, not flagged by any rule: `Db::conn()` returns
//! `&rusqlite::Connection`, and the `csmsdesk_store::Transaction` that `Db::write` passes (store's
//! own type, wrapping rusqlite's) reads as one, because every reading table function takes a
//! connection. Other crates may hold these handles and pass them back into `store`; what the
//! rules below refuse is calling SQL on them (a method called on `.conn()`, or rusqlite's query
//! methods) or naming rusqlite.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The repository root (the parent of this crate).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_owned()
}

/// A package as `cargo metadata --no-deps` describes it.
#[derive(Debug)]
struct Package {
    name: String,
    dir: PathBuf,
    /// `(dependency package name, kind)`, kind being `normal`, `dev` or `build`.
    dependencies: Vec<(String, String)>,
}

fn packages(manifest: &Path) -> Vec<Package> {
    let output = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .arg("--manifest-path")
        .arg(manifest)
        .output()
        .expect("cargo metadata starts");
    assert!(
        output.status.success(),
        "cargo metadata of {} failed: {}",
        manifest.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("cargo metadata is JSON");
    metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| Package {
            name: p["name"].as_str().expect("name").to_owned(),
            dir: Path::new(p["manifest_path"].as_str().expect("manifest_path"))
                .parent()
                .expect("a manifest is in a folder")
                .to_owned(),
            dependencies: p["dependencies"]
                .as_array()
                .expect("dependencies")
                .iter()
                .map(|d| {
                    (
                        d["name"].as_str().expect("dependency name").to_owned(),
                        d["kind"].as_str().unwrap_or("normal").to_owned(),
                    )
                })
                .collect(),
        })
        .collect()
}

/// Every package: the app's cargo workspace and the fuzz targets' own.
fn all_packages() -> Vec<Package> {
    let root = root();
    let mut all = packages(&root.join("Cargo.toml"));
    all.extend(packages(&root.join("fuzz/Cargo.toml")));
    all
}

const STORE: &str = "csmsdesk-store";
const APP: &str = "csmsdesk";
const CORE: &str = "csmsdesk-core";
const REPORT: &str = "csmsdesk-report";

fn is_sqlite_crate(name: &str) -> bool {
    matches!(name, "rusqlite" | "rusqlite_migration" | "libsqlite3-sys")
        // PostgreSQL workspaces (issue 19): the same rule, SQL stays in store.
        || matches!(name, "postgres" | "tokio-postgres" | "tokio-postgres-rustls")
}

fn is_tauri_crate(name: &str) -> bool {
    name == "tauri" || name.starts_with("tauri-")
}

/// One rule of the source scan: text that may appear only in `allowed` packages.
#[derive(Debug)]
struct Rule {
    name: &'static str,
    /// Packages where the text is allowed; `None` means every package but the ones in
    /// `forbidden_in`.
    allowed: Option<&'static [&'static str]>,
    forbidden_in: &'static [&'static str],
    needles: &'static [&'static str],
}

impl Rule {
    fn applies_to(&self, package: &str) -> bool {
        match self.allowed {
            Some(allowed) => !allowed.contains(&package),
            None => self.forbidden_in.contains(&package),
        }
    }
}

const RULES: &[Rule] = &[
    Rule {
        name: "rusqlite",
        allowed: Some(&[STORE]),
        forbidden_in: &[],
        needles: &[
            "rusqlite::",
            "use rusqlite",
            "extern crate rusqlite",
            // rusqlite's own query methods: raw SQL, whatever the receiver is called.
            ".execute_batch(",
            ".query_row(",
            ".query_map(",
            ".prepare_cached(",
            ".pragma_update(",
        ],
    },
    Rule {
        name: "postgres",
        allowed: Some(&[STORE]),
        forbidden_in: &[],
        needles: &[
            "postgres::",
            "use postgres",
            "tokio_postgres",
            // The postgres client's query methods (its `query` and `execute` share rusqlite's
            // and other names, so the distinctive ones).
            ".batch_execute(",
            ".query_one(",
            ".query_opt(",
        ],
    },
    Rule {
        name: "tauri",
        allowed: Some(&[APP]),
        forbidden_in: &[],
        needles: &["tauri::", "use tauri", "tauri_build::", "tauri_plugin_"],
    },
    Rule {
        name: "clock or environment in core",
        allowed: None,
        // The report crate too: a report is a function of its model (same bytes for the same
        // state and generation time).
        forbidden_in: &[CORE, REPORT],
        needles: &[
            "SystemTime::now",
            "Instant::now",
            "Utc::now",
            "Local::now",
            "env::var",
            "env::args",
            "env::current_dir",
            "env::home_dir",
            "env::temp_dir",
            "env::current_exe",
        ],
    },
];

/// A hit of the source scan that is allowed on purpose.
#[derive(Debug)]
struct Exception {
    rule: &'static str,
    /// Path from the repository root, with `/`.
    file: &'static str,
    /// How many hits of `rule` the file has; any other number fails.
    hits: usize,
    reason: &'static str,
}

const EXCEPTIONS: &[Exception] = &[
    Exception {
        rule: "rusqlite",
        file: "src-tauri/crates/workspace/src/backup/tests.rs",
        hits: 2,
        reason: "the restore tests forge hostile databases inside backups (extra triggers, \
                 another program's tables) as any SQLite tool could; that takes arbitrary SQL, \
                 run through store's connection because this crate has no SQLite of its own.",
    },
    Exception {
        rule: "rusqlite",
        file: "src-tauri/crates/cli/tests/hostile.rs",
        hits: 2,
        reason: "the hostile-input corpus forges databases inside backups, as above; a \
                 dev-dependency on csmsdesk-store (not rusqlite) provides the connection.",
    },
    Exception {
        rule: "rusqlite",
        file: "fuzz/examples/seeds.rs",
        hits: 2,
        reason: "the seed generator writes the same forged backups into fuzz/corpus/, as above.",
    },
    Exception {
        rule: "postgres",
        file: "src-tauri/crates/cli/tests/postgres.rs",
        hits: 3,
        reason: "the CLI's process tests make and drop a throwaway database of their own on the \
                 test cluster, as `createdb` and `dropdb` would, through store's connection.",
    },
    Exception {
        rule: "postgres",
        file: "src-tauri/crates/workspace/src/test_support.rs",
        hits: 1,
        reason: "the workspace tests make a throwaway database per test on the test cluster \
                 (CSMSDESK_TEST_ENGINE=postgres), through store's connection.",
    },
    Exception {
        rule: "postgres",
        file: "src-tauri/crates/workspace/benches/support/mod.rs",
        hits: 1,
        reason: "the benchmarks make their PostgreSQL workspace's throwaway database on the \
                 pg_virtualenv cluster, as the tests do, through store's connection.",
    },
    Exception {
        rule: "postgres",
        file: "xtask/src/main.rs",
        hits: 2,
        reason: "not the client: the end-to-end test module `postgres` named in a test filter.",
    },
];

/// Folders that hold no source of ours.
fn skipped(dir: &Path) -> bool {
    matches!(
        dir.file_name().and_then(|n| n.to_str()),
        Some("target" | ".git" | "node_modules" | "gen" | "corpus" | "artifacts")
    )
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            if !skipped(&path) {
                rust_files(&path, found);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// `(line number, line)` of every hit of `needle` outside `//` comment lines. A method called
/// directly on `.conn()` / `.conn_mut()` (after any whitespace) is a hit of `.conn().`.
fn hits(text: &str, needles: &[&str]) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        if needles.iter().any(|n| code.contains(n)) {
            found.push((i + 1, code.to_owned()));
        }
    }
    found
}

/// `(line number, line)` of every method called on store's raw connection: `.conn()` or
/// `.conn_mut()` followed (across whitespace and line breaks) by `.`.
fn methods_on_connection(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for handle in [".conn()", ".conn_mut()"] {
        for (at, _) in text.match_indices(handle) {
            let rest = &text[at + handle.len()..];
            let after = rest.trim_start();
            if after.starts_with('.') && !after.starts_with("..") {
                // The line of the method, so that a call split over lines counts once with
                // the method's own needle.
                let method_at = at + handle.len() + (rest.len() - after.len());
                let line = text[..method_at].matches('\n').count() + 1;
                let code = text
                    .lines()
                    .nth(line - 1)
                    .unwrap_or("")
                    .trim_start()
                    .to_owned();
                if !code.starts_with("//") {
                    found.push((line, code));
                }
            }
        }
    }
    found
}

#[test]
fn rusqlite_is_used_only_by_store_and_tauri_only_by_the_app() {
    let root = root();
    let packages = all_packages();
    let names: Vec<&str> = packages.iter().map(|p| p.name.as_str()).collect();
    for needed in [STORE, APP, CORE, "csmsdesk-workspace", "csmsdesk-cli"] {
        assert!(
            names.contains(&needed),
            "cargo metadata lists {needed} (found {names:?}); rename the constants here with it"
        );
    }

    // The declared edges, of every kind: a dev-dependency on rusqlite would let a test write
    // SQL the store never sees.
    let mut problems = Vec::new();
    for package in &packages {
        for (dependency, kind) in &package.dependencies {
            if is_sqlite_crate(dependency) && package.name != STORE {
                problems.push(format!(
                    "{} has a {kind} dependency on {dependency}: only {STORE} may use SQLite or PostgreSQL",
                    package.name
                ));
            }
            if is_tauri_crate(dependency) && package.name != APP {
                problems.push(format!(
                    "{} has a {kind} dependency on {dependency}: only the app ({APP}) may use \
                     Tauri",
                    package.name
                ));
            }
        }
    }

    // The source text, each file under the package whose folder is nearest above it.
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut counted: BTreeMap<(&str, String), Vec<(usize, String)>> = BTreeMap::new();
    // This file names every needle it looks for.
    let this_file = root.join("xtask/tests/invariants.rs");
    for file in files.iter().filter(|f| **f != this_file) {
        let owner = packages
            .iter()
            .filter(|p| file.starts_with(&p.dir))
            .max_by_key(|p| p.dir.components().count())
            .unwrap_or_else(|| panic!("{} belongs to no package", file.display()));
        let text = std::fs::read_to_string(file).expect("source is UTF-8");
        let relative = file
            .strip_prefix(&root)
            .expect("under the root")
            .to_string_lossy()
            .replace('\\', "/");
        for rule in RULES.iter().filter(|r| r.applies_to(&owner.name)) {
            let mut found = hits(&text, rule.needles);
            if rule.name == "rusqlite" {
                found.extend(methods_on_connection(&text));
                found.sort();
                found.dedup();
            }
            if !found.is_empty() {
                counted.insert((rule.name, relative.clone()), found);
            }
        }
    }

    for ((rule, file), found) in &counted {
        let excepted = EXCEPTIONS
            .iter()
            .find(|e| e.rule == *rule && e.file == file);
        match excepted {
            Some(e) if e.hits == found.len() => {}
            Some(e) => problems.push(format!(
                "{file}: {} hits of the {rule} rule where the exception allows {} ({}):\n{}",
                found.len(),
                e.hits,
                e.reason,
                listed(found)
            )),
            None => problems.push(format!(
                "{file}: the {rule} rule is broken here:\n{}",
                listed(found)
            )),
        }
    }
    for e in EXCEPTIONS {
        if !counted.contains_key(&(e.rule, e.file.to_owned())) {
            problems.push(format!(
                "the exception for {} ({} rule) matches nothing any more: remove it",
                e.file, e.rule
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "architecture invariants broken (see ARCHITECTURE.md):\n{}",
        problems.join("\n")
    );
}

fn listed(found: &[(usize, String)]) -> String {
    found
        .iter()
        .map(|(line, code)| format!("  {line}: {code}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn dependencies_point_from_the_shells_to_core_and_never_back() {
    // Normal dependencies only: a test may build its fixtures with a crate further up (store's
    // tests read the demo catalogue through `workbook`).
    let allowed: &[(&str, &[&str])] = &[
        (CORE, &[]),
        (STORE, &[CORE]),
        ("csmsdesk-workbook", &[CORE]),
        (REPORT, &[CORE]),
        (
            "csmsdesk-workspace",
            &[CORE, STORE, "csmsdesk-workbook", REPORT],
        ),
        ("csmsdesk-cli", &[CORE, "csmsdesk-workspace"]),
        (APP, &[CORE, "csmsdesk-workspace"]),
    ];
    let mut problems = Vec::new();
    for package in all_packages() {
        let Some((_, may)) = allowed.iter().find(|(name, _)| *name == package.name) else {
            continue;
        };
        for (dependency, kind) in &package.dependencies {
            if kind == "normal"
                && dependency.starts_with("csmsdesk")
                && !may.contains(&&**dependency)
            {
                problems.push(format!(
                    "{} depends on {dependency}; it may depend only on {may:?}",
                    package.name
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
