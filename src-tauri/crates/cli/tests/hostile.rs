//! The hostile-input corpus (`tests/hostile/corpus.rs`), CLI side: every `Via::Cli` case runs
//! `csmsdesk-cli` as a process against one prepared workspace. Each must end with its
//! expected exit code, error code and message, never panic or hang, and leave the workspace's
//! dump (Python's sqlite3 `iterdump` and the vault's files) exactly as it was.

use std::ffi::OsStr;
use std::io::{Cursor, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use csmsdesk_workbook::fixtures::{
    RawCell, demo_raw_rows, dtd_entity_xlsx, ods_repeat_bomb, password_protected, raw_xlsx,
    shared_string_fanout, shared_strings_bomb, xls_shared_string_fanout, zip_bomb,
};
use serde_json::Value;
use zip::write::SimpleFileOptions;

include!("../../../../tests/hostile/corpus.rs");
include!("../../../../tests/hostile/dump.rs");

mod common;
use common::{cli, server_env, texts};

/// A case that runs longer than this hangs (a named pipe waits forever): a failure.
const TIMEOUT: Duration = Duration::from_secs(30);

/// The CLI for the workspace `ws`: a folder, or a database of the test cluster
/// (`postgresql:///db`), reached with the cluster's `PG*` variables (the CLI's cleared
/// environment has none).
fn cli_on(home: &Path, ws: &OsStr) -> Command {
    let mut cmd = cli(home);
    if ws.to_string_lossy().starts_with("postgresql:") {
        for (key, value) in server_env() {
            cmd.env(key, value);
        }
    }
    cmd
}

/// Runs the CLI to completion and panics with its output unless it exits 0.
fn ok(home: &Path, ws: impl AsRef<OsStr>, args: &[&str]) -> String {
    let ws = ws.as_ref();
    let out = cli_on(home, ws)
        .args(args)
        .arg("--workspace")
        .arg(ws)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A workspace with the demo catalogue, a location, scope ECU and one linked item.
fn prepared(home: &Path, name: &str) -> PathBuf {
    let ws = home.join(name);
    fill(home, ws.as_os_str(), name);
    ws
}

/// Makes the workspace `ws` (a folder or a URL) what [`prepared`] describes.
fn fill(home: &Path, ws: &OsStr, name: &str) {
    ok(home, ws, &["init", "--company", "ACME"]);
    ok(home, ws, &["catalogue", "import", "--demo"]);
    ok(home, ws, &["location", "add", "Plant Nord"]);
    ok(
        home,
        ws,
        &[
            "scope",
            "add",
            "ECU",
            "--objective",
            "development",
            "--location",
            "Plant Nord",
        ],
    );
    let doc = home.join(format!("{name}-policy.pdf"));
    std::fs::write(&doc, "the policy").unwrap();
    ok(
        home,
        ws,
        &["evidence", "add", doc.to_str().unwrap(), "--link", "1.1.a"],
    );
    // Audit 1, for the provider-workbook cases.
    ok(
        home,
        ws,
        &[
            "audit",
            "add",
            "--scope",
            "ECU",
            "--type",
            "initial",
            "--closing-meeting",
            "2026-11-20",
        ],
    );
}

/// Rewrites the ZIP `bytes` entry by entry through `edit` (name, content) → kept entries.
fn rewrite_zip(bytes: &[u8], edit: impl Fn(String, Vec<u8>) -> Vec<(String, Vec<u8>)>) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        for (name, content) in edit(name, content) {
            out.start_file(name, SimpleFileOptions::default()).unwrap();
            out.write_all(&content).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

/// An entry [`relisted`] writes: a file, or a symbolic link to a target.
enum Written {
    File(String, Vec<u8>),
    Link(String, String),
}

impl Written {
    fn name(&self) -> &str {
        match self {
            Written::File(name, _) | Written::Link(name, _) => name,
        }
    }

    /// What SHA256SUMS hashes: a file's bytes, a link's target (its content in the ZIP).
    fn content(&self) -> &[u8] {
        match self {
            Written::File(_, content) => content,
            Written::Link(_, target) => target.as_bytes(),
        }
    }
}

/// The package `bytes` with its entries (SHA256SUMS left out) changed by `edit`, written as
/// they are (names unchecked, a name may come twice, links as links), with a SHA256SUMS
/// recomputed for them: one line per name, the last copy's hash. So the sums hold, and only
/// the rules on names, kinds and duplicates can find what `edit` did.
fn relisted(bytes: &[u8], edit: impl Fn(&mut Vec<Written>)) -> Vec<u8> {
    use sha2::Digest as _;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut entries = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        if name != "SHA256SUMS" {
            entries.push(Written::File(name, content));
        }
    }
    edit(&mut entries);
    let sums: std::collections::BTreeMap<&str, String> = entries
        .iter()
        .map(|e| {
            let hash = csmsdesk_store::vault::hex(&sha2::Sha256::digest(e.content()));
            (e.name(), hash)
        })
        .collect();
    let sums: String = sums
        .iter()
        .map(|(name, hash)| format!("{hash}  {name}\n"))
        .collect();
    entries.push(Written::File("SHA256SUMS".into(), sums.into_bytes()));
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut written = std::collections::HashSet::new();
    let mut renames = Vec::new();
    for (n, entry) in entries.iter().enumerate() {
        let mut name = entry.name().to_owned();
        // The zip writer refuses a name twice: a repeat goes in under a stand-in of the same
        // length, renamed in the bytes below (in its local header and its directory entry).
        if !written.insert(name.clone()) {
            let stand_in = format!("{n:~>width$}", width = name.len());
            renames.push((stand_in.clone(), name));
            name = stand_in;
        }
        let options = SimpleFileOptions::default();
        match entry {
            Written::File(_, content) => {
                out.start_file(name, options).unwrap();
                out.write_all(content).unwrap();
            }
            Written::Link(_, target) => out.add_symlink(name, target, options).unwrap(),
        }
    }
    let mut bytes = out.finish().unwrap().into_inner();
    for (from, to) in renames {
        let (from, to) = (from.as_bytes(), to.as_bytes());
        let mut at = 0;
        while let Some(found) = bytes[at..].windows(from.len()).position(|w| w == from) {
            bytes[at + found..at + found + to.len()].copy_from_slice(to);
            at += found + to.len();
        }
    }
    bytes
}

/// The files the corpus names, built once from a separate workspace (making a package or a
/// backup is itself a change, which the workspace under test must not see).
struct Fixtures {
    package: Vec<u8>,
    backup: Vec<u8>,
}

impl Fixtures {
    fn new(home: &Path) -> Fixtures {
        let factory = prepared(home, "factory");
        let package = home.join("factory.zip");
        ok(
            home,
            &factory,
            &[
                "export",
                "--scope",
                "ECU",
                "--out",
                package.to_str().unwrap(),
            ],
        );
        let backup = home.join("factory.csmsbackup");
        ok(
            home,
            &factory,
            &["backup", "--out", backup.to_str().unwrap()],
        );
        Fixtures {
            package: std::fs::read(package).unwrap(),
            backup: std::fs::read(backup).unwrap(),
        }
    }

    fn bytes(&self, name: &str) -> Vec<u8> {
        let with_rows = |edit: &dyn Fn(&mut Vec<Vec<RawCell>>)| {
            let mut rows = demo_raw_rows();
            edit(&mut rows);
            raw_xlsx(&[("Vehicle CyberSecurity", rows)])
        };
        match name {
            "demo_truncated" => {
                let whole = csmsdesk_workbook::demo::workbook().unwrap();
                whole[..whole.len() / 2].to_vec()
            }
            "zip_bomb" => zip_bomb(),
            "shared_strings_bomb" => shared_strings_bomb(),
            "shared_string_fanout" => shared_string_fanout(),
            "xls_shared_string_fanout" => xls_shared_string_fanout(),
            "ods_repeat_bomb" => ods_repeat_bomb(),
            "dtd_entity_xlsx" => dtd_entity_xlsx(),
            "password_protected" => password_protected(),
            "other_sheet" => raw_xlsx(&[("Budget", vec![vec![RawCell::Text("x".into())]])]),
            "error_cell" => with_rows(&|rows| rows[6][10] = RawCell::Error("#VALUE!")),
            "no_chapter" => with_rows(&|rows| drop(rows.remove(3))),
            "huge_cell" => with_rows(&|rows| rows[5][10] = RawCell::Text("y".repeat(1 << 20))),
            // The demo catalogue without its history sheet: its version cannot be read.
            "no_history" => with_rows(&|_| {}),
            "plain_zip" => rewrite_zip(&self.package, |name, content| {
                if name == "index.html" {
                    vec![("readme.txt".into(), content)]
                } else {
                    vec![]
                }
            }),
            "package" => self.package.clone(),
            "package_changed" => rewrite_zip(&self.package, |name, mut content| {
                if name == "index.html" {
                    content.extend_from_slice(b"<!-- edited -->");
                }
                vec![(name, content)]
            }),
            "package_added" => rewrite_zip(&self.package, |name, content| {
                let mut kept = vec![(name.clone(), content)];
                if name == "manifest.json" {
                    kept.push(("extra.txt".into(), b"smuggled".to_vec()));
                }
                kept
            }),
            "package_removed" => rewrite_zip(&self.package, |name, content| {
                if name == "index.html" {
                    vec![]
                } else {
                    vec![(name, content)]
                }
            }),
            "package_truncated" => self.package[..self.package.len() / 2].to_vec(),
            "package_slip" => rewrite_zip(&self.package, |name, content| {
                let mut kept = vec![(name.clone(), content)];
                if name == "manifest.json" {
                    kept.push(("../escape.txt".into(), b"out of the folder".to_vec()));
                }
                kept
            }),
            "package_parent_listed" => relisted(&self.package, |entries| {
                entries.push(Written::File("../../x".into(), b"outside".to_vec()));
            }),
            "package_absolute_listed" => relisted(&self.package, |entries| {
                entries.push(Written::File("/etc/x".into(), b"absolute".to_vec()));
            }),
            "package_drive_listed" => relisted(&self.package, |entries| {
                entries.push(Written::File("C:\\x".into(), b"a drive".to_vec()));
            }),
            "package_bidi_listed" => relisted(&self.package, |entries| {
                let name = "evidence/1.1/invoice\u{202E}fdp.exe";
                entries.push(Written::File(name.into(), b"MZ".to_vec()));
            }),
            "package_symlink_listed" => relisted(&self.package, |entries| {
                let link = Written::Link("evidence/1.1/shortcut.pdf".into(), "/etc/passwd".into());
                entries.push(link);
            }),
            "package_duplicate_index" => relisted(&self.package, |entries| {
                // The evil copy first, where tools that take the first entry find it.
                let at = entries
                    .iter()
                    .position(|e| e.name() == "index.html")
                    .unwrap();
                let evil = b"<!doctype html><p>Everything is fine.</p>".to_vec();
                entries.insert(at, Written::File("index.html".into(), evil));
            }),
            "package_sums_outside" => rewrite_zip(&self.package, |name, mut content| {
                if name == "SHA256SUMS" {
                    let line = format!("{}  ../../x\n", "0".repeat(64));
                    content.extend_from_slice(line.as_bytes());
                }
                vec![(name, content)]
            }),
            "backup" => self.backup.clone(),
            "backup_changed" => rewrite_zip(&self.backup, |name, mut content| {
                if name.starts_with("vault/") {
                    content[0] ^= 1;
                }
                vec![(name, content)]
            }),
            "backup_extra_trigger" => backup_with_database(
                &self.backup,
                "CREATE TRIGGER wipe_links AFTER INSERT ON location \
                 BEGIN DELETE FROM evidence_link; END;",
            ),
            "backup_quiet_journal" => backup_with_database(
                &self.backup,
                "CREATE TRIGGER quiet_journal BEFORE INSERT ON journal \
                 BEGIN SELECT RAISE(IGNORE); END;",
            ),
            "backup_dropped_trigger" => {
                backup_with_database(&self.backup, "DROP TRIGGER journal_evidence_link_delete;")
            }
            "backup_foreign_database" => relisted(&self.backup, |entries| {
                entries.retain(|e| !e.name().starts_with("vault/"));
                for entry in entries.iter_mut() {
                    if let Written::File(name, content) = entry
                        && name == "workspace.sqlite"
                    {
                        *content = foreign_database();
                    }
                }
            }),
            "backup_unreferenced" => relisted(&self.backup, |entries| {
                use sha2::Digest as _;
                // 16 MiB of zeros (16 KiB in the ZIP), named by its own hash.
                let zeros = vec![0u8; 16 << 20];
                let hash = csmsdesk_store::vault::hex(&sha2::Sha256::digest(&zeros));
                let name = format!("vault/{}/{hash}", &hash[..2]);
                entries.push(Written::File(name, zeros));
            }),
            "backup_padded" => relisted(&self.backup, |entries| {
                for entry in entries.iter_mut() {
                    if let Written::File(name, content) = entry
                        && name.starts_with("vault/")
                    {
                        content.resize(16 << 20, 0);
                    }
                }
            }),
            other => panic!("the corpus names an unknown fixture {other}"),
        }
    }
}

/// Makes the case's input in the empty folder `dir` and returns its path; `ws` is the
/// workspace under test.
fn make_input(input: &Input, dir: &Path, ws: Option<&Path>, fixtures: &Fixtures) -> PathBuf {
    match input {
        Input::None => dir.join("unused"),
        Input::Bytes(name, bytes) => {
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            path
        }
        Input::Fixture(name, fixture) => {
            let path = dir.join(name);
            std::fs::write(&path, fixtures.bytes(fixture)).unwrap();
            path
        }
        Input::Folder => {
            let path = dir.join("a-folder.xlsx");
            std::fs::create_dir(&path).unwrap();
            path
        }
        Input::Fifo => {
            let path = dir.join("pipe.xlsx");
            let made = Command::new("mkfifo").arg(&path).status().unwrap();
            assert!(made.success());
            path
        }
        Input::Missing => dir.join("not-there.xlsx"),
        Input::LinkLoop => {
            let path = dir.join("loop");
            std::fs::create_dir(&path).unwrap();
            std::os::unix::fs::symlink(&path, path.join("again")).unwrap();
            path
        }
        Input::LinkIntoWorkspace(name, inside) => {
            let path = dir.join(name);
            let ws = ws.expect("a link into the workspace needs a folder: FOLDER_ONLY names it");
            std::os::unix::fs::symlink(ws.join(inside), &path).unwrap();
            path
        }
        Input::FolderLinkingOut => {
            let secret = dir.join("secret.txt");
            std::fs::write(&secret, "a file outside the folder added").unwrap();
            let path = dir.join("to-add");
            std::fs::create_dir(&path).unwrap();
            std::os::unix::fs::symlink(&secret, path.join("shadow")).unwrap();
            path
        }
    }
}

/// The inputs this corpus cannot give the Windows build under Wine (`cargo xtask test` runs
/// the corpus there too): Windows has no named pipes in its file system (Wine refuses the
/// Unix one cleanly, with another message), and Wine shows a Unix link inside a folder as the
/// file it points to, while a Windows link is a reparse point that Wine cannot make.
fn windows_cannot_have(input: &Input) -> bool {
    matches!(input, Input::Fifo | Input::FolderLinkingOut)
}

/// Runs the CLI with a deadline; `None` if it had to be killed.
fn run_with_timeout(mut cmd: Command) -> Option<std::process::Output> {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > TIMEOUT {
            child.kill().unwrap();
            child.wait().unwrap();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Some(child.wait_with_output().unwrap())
}

#[test]
fn every_hostile_cli_input_is_refused_clearly_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let fixtures = Fixtures::new(h);
    let ws = prepared(h, "ws");
    let on_windows = common::windows_cli().is_some();
    let cases: Vec<&Case> = CASES
        .iter()
        .filter(|c| matches!(c.via, Via::Cli(_)))
        .filter(|c| {
            let skip = on_windows && windows_cannot_have(&c.input);
            if skip {
                println!("not on Windows: {}", c.name);
            }
            !skip
        })
        .collect();
    assert!(CASES.len() >= 40, "the corpus holds {} cases", CASES.len());
    assert!(cases.len() >= 30, "{} CLI cases", cases.len());
    run_corpus(h, &fixtures, ws.as_os_str(), Some(&ws), &cases, &|| {
        dump(&ws)
    });
}

/// The same cases against a workspace in a database of the test cluster (`pg_virtualenv`,
/// `CSMSDESK_TEST_PG`), judged by a dump made with `psql`: the same exit codes, error codes
/// and messages, and no row of any table changed. The cases `FOLDER_ONLY` names are skipped,
/// each with its reason printed.
#[test]
fn every_hostile_cli_input_is_refused_clearly_and_changes_nothing_on_postgresql() {
    let wanted = std::env::var("CSMSDESK_TEST_PG").unwrap_or_default();
    if wanted.is_empty() {
        eprintln!(
            "SKIPPED: no PostgreSQL (run inside pg_virtualenv with CSMSDESK_TEST_PG=1, or cargo xtask test)"
        );
        return;
    }
    assert!(
        std::env::var_os("PGHOST").is_some() && std::env::var_os("PGPORT").is_some(),
        "CSMSDESK_TEST_PG={wanted}, but PGHOST and PGPORT are not set: run inside pg_virtualenv"
    );
    for (name, _) in FOLDER_ONLY {
        assert!(
            CASES
                .iter()
                .any(|c| c.name == *name && matches!(c.via, Via::Cli(_))),
            "FOLDER_ONLY names {name:?}, which is no CLI case of the corpus"
        );
    }
    let db = ServerDb::create();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let fixtures = Fixtures::new(h);
    let url = format!("postgresql:///{}", db.0);
    fill(h, OsStr::new(&url), "server");
    let cases: Vec<&Case> = CASES
        .iter()
        .filter(|c| matches!(c.via, Via::Cli(_)))
        .filter(
            |c| match FOLDER_ONLY.iter().find(|(name, _)| *name == c.name) {
                Some((_, why)) => {
                    println!("not on a server: {}: {why}", c.name);
                    false
                }
                None => true,
            },
        )
        .collect();
    assert!(cases.len() >= 30, "{} CLI cases", cases.len());
    let before = dump_pg(&db.0);
    assert!(
        before.contains("evidence_chunk") && before.contains("journal\t"),
        "the dump holds the content and the journal: {before}"
    );
    run_corpus(h, &fixtures, OsStr::new(&url), None, &cases, &|| {
        dump_pg(&db.0)
    });
    // The judge sees a change: one location more is another dump.
    ok(h, &url, &["location", "add", "Plant Süd"]);
    assert_ne!(dump_pg(&db.0), before, "the dump missed a new location");
}

/// A database of the test cluster for one test, dropped at its end.
struct ServerDb(String);

impl ServerDb {
    fn create() -> ServerDb {
        let name = format!("csmsdesk_hostile_{}", std::process::id());
        psql("postgres", &format!("DROP DATABASE IF EXISTS {name}"));
        psql("postgres", &format!("CREATE DATABASE {name}"));
        ServerDb(name)
    }
}

impl Drop for ServerDb {
    fn drop(&mut self) {
        let _ = Command::new("psql")
            .args(["-X", "-q", "-d", "postgres", "-c"])
            .arg(format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.0))
            .output();
    }
}

/// Runs every case in `cases` against the workspace `ws` (`folder` when it is one), with
/// `dump` as the judge of "nothing changed".
fn run_corpus(
    h: &Path,
    fixtures: &Fixtures,
    ws: &OsStr,
    folder: Option<&Path>,
    cases: &[&Case],
    dump: &dyn Fn() -> String,
) {
    let before = dump();
    let mut failures = Vec::new();
    let mut peaks: Vec<(u64, &str)> = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let Via::Cli(args) = case.via else {
            unreachable!()
        };
        let dir = h.join(format!("case-{n}"));
        let out_dir = dir.join("out");
        std::fs::create_dir_all(&out_dir).unwrap();
        let input = make_input(&case.input, &dir, folder, fixtures);
        let args: Vec<String> = args
            .iter()
            .map(|a| {
                a.replace("{file}", input.to_str().unwrap())
                    .replace("{out}", out_dir.join("out.zip").to_str().unwrap())
                    .replace("{dir}", out_dir.to_str().unwrap())
                    .replace("{ws}", &ws.to_string_lossy())
            })
            .collect();
        // GNU time reports the case's peak memory (maximum resident set size, KiB) in a file
        // of its own, leaving the CLI's stdout and stderr untouched.
        let peak_file = dir.join("peak-kib");
        let mut cmd = Command::new("/usr/bin/time");
        cmd.arg("-f").arg("%M").arg("-o").arg(&peak_file);
        // The CLI's own environment (cleared, with a home of its own), as `cli` sets it.
        cmd.env_clear();
        let inner = cli_on(h, ws);
        cmd.arg(inner.get_program());
        cmd.args(inner.get_args());
        for (key, value) in inner.get_envs() {
            match value {
                Some(value) => cmd.env(key, value),
                None => cmd.env_remove(key),
            };
        }
        cmd.arg("--json").args(&args).arg("--workspace").arg(ws);
        let Some(out) = run_with_timeout(cmd) else {
            failures.push(format!("{}: still running after {TIMEOUT:?}", case.name));
            continue;
        };
        let peak_mib = std::fs::read_to_string(&peak_file)
            .ok()
            .and_then(|t| t.lines().last()?.trim().parse::<u64>().ok())
            .map(|kib| kib / 1024);
        match peak_mib {
            Some(mib) => peaks.push((mib, case.name)),
            None => failures.push(format!("{}: GNU time gave no peak memory", case.name)),
        }
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let mut problems = Vec::new();
        if let Some(mib) = peak_mib.filter(|&mib| mib > MAX_PEAK_MIB) {
            problems.push(format!(
                "peak memory {mib} MiB, more than {MAX_PEAK_MIB} MiB"
            ));
        }
        if stderr.contains("panicked") {
            problems.push(format!("panicked: {stderr}"));
        }
        if out.status.code() != Some(case.expect.exit) {
            problems.push(format!(
                "exit {:?}, expected {}",
                out.status.code(),
                case.expect.exit
            ));
        }
        let json: Option<Value> = serde_json::from_str(&stdout).ok();
        let found_code = match &json {
            Some(v) if v["error"].is_object() => {
                v["error"]["code"].as_str().unwrap_or("").to_owned()
            }
            Some(_) => "report".to_owned(),
            None if out.status.code() == Some(2) => "usage".to_owned(),
            None => format!("no JSON: {stdout}"),
        };
        if found_code != case.expect.code {
            problems.push(format!("code {found_code}, expected {}", case.expect.code));
        }
        let mut all = stderr.clone();
        if let Some(v) = &json {
            all.push_str(&texts(v));
        }
        if !all.contains(case.expect.message) {
            problems.push(format!(
                "message without {:?}: {}",
                case.expect.message,
                all.trim()
            ));
        }
        let after = dump();
        if after != before {
            problems.push("the workspace changed".into());
        }
        let written: Vec<_> = std::fs::read_dir(&out_dir).unwrap().flatten().collect();
        if !written.is_empty() {
            problems.push(format!("files appeared at the target: {written:?}"));
        }
        if !problems.is_empty() {
            failures.push(format!("{}: {}", case.name, problems.join("; ")));
        }
    }
    // The measured figures, largest first, for the closing notes of hostile-input work.
    peaks.sort_by(|a, b| b.cmp(a));
    for (mib, name) in peaks.iter().take(8) {
        println!("peak memory {mib:>4} MiB  {name}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The backup `bytes` with `sql` run on its database (through a connection of ours, as any
/// SQLite tool could) and SHA256SUMS recomputed.
fn backup_with_database(bytes: &[u8], sql: &str) -> Vec<u8> {
    relisted(bytes, |entries| {
        for entry in entries.iter_mut() {
            if let Written::File(name, content) = entry
                && name == "workspace.sqlite"
            {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("workspace.sqlite");
                std::fs::write(&path, &*content).unwrap();
                let db = csmsdesk_store::Db::open(&path).unwrap();
                db.conn().execute_batch(sql).unwrap();
                drop(db);
                *content = std::fs::read(&path).unwrap();
            }
        }
    })
}

/// Another program's SQLite database that claims `user_version` 3, a version of ours.
fn foreign_database() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    // Our connections never create a file: an empty file is an empty database to SQLite.
    std::fs::write(&path, b"").unwrap();
    let helper =
        csmsdesk_store::Db::create(&dir.path().join("helper.sqlite"), "now", "test").unwrap();
    helper
        .conn()
        .execute_batch(&format!(
            "ATTACH DATABASE '{}' AS other;
             CREATE TABLE other.invoices (id INTEGER PRIMARY KEY, amount REAL);
             INSERT INTO other.invoices (amount) VALUES (12.5);
             PRAGMA other.user_version = 3;
             DETACH DATABASE other;",
            path.display()
        ))
        .unwrap();
    drop(helper);
    std::fs::read(&path).unwrap()
}
