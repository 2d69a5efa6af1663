//! `cargo xtask bench evidence`: the evidence figures of issue 5, each against an anchor run
//! side by side in the same process, rounds alternating after a warm-up.
//!
//! 1. Deep rescan of 1,024 files / 512 MiB (warm cache) against coreutils `sha256sum` on the
//!    same files (goal: at least 8x on 2 cores).
//! 2. Quick rescan of 10,000 unchanged files against GNU `find -printf` reading the same
//!    sizes and times (goal: at most 200 ms).
//! 3. Readiness of a scope in a workspace with 50,000 evidence items and 200,000 links,
//!    against SQLite alone reading every link once (goal: p95 at most 30 ms).
//! 4. Peak memory of `csmsdesk-cli evidence add` of a 4 GiB file against `sha256sum` of it
//!    (goal: at most 64 MiB), measured by GNU time.
//!
//! Sizes can be reduced for a quick look: `CSMSDESK_BENCH_BIG_MIB` (default 4096), and a run
//! can be narrowed to some parts: `CSMSDESK_BENCH_PARTS=readiness` (comma-separated among
//! `deep`, `quick`, `readiness`, `memory`; default all).
//!
//! Each figure is measured on every engine `CSMSDESK_BENCH_ENGINES` names (`sqlite`,
//! `postgres`; default `sqlite`), the same files and rows on each, one engine after the
//! other, each against its anchor measured beside it. `cargo xtask bench evidence` runs
//! SQLite and PostgreSQL (a `pg_virtualenv -t` cluster) in one run.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use chrono::Utc;
use csmsdesk_store::evidence::{self as table, EvidenceDetails, LinkRecord};
use csmsdesk_store::vault::{Blob, Stamp};
use csmsdesk_workspace::{EvidenceInput, LinkInput, ScopeId, Workspace};

mod support;
use support::{Engine, median, ms, open, open_db, workspace_with_scope_at};

/// The id of the scope named `name`.
fn scope_id(ws: &Workspace, name: &str) -> ScopeId {
    let names = ws.scope_names().expect("the scopes");
    names
        .into_iter()
        .find(|n| n.name == name)
        .expect("the scope")
        .id
}

fn percentile(mut samples: Vec<Duration>, p: f64) -> Duration {
    samples.sort();
    let index = ((samples.len() as f64 * p).ceil() as usize).clamp(1, samples.len()) - 1;
    samples[index]
}

fn line(what: &str, value: Duration, anchor: Option<Duration>) {
    match anchor {
        Some(anchor) => println!(
            "  {what:<62} {:>9.2} ms  ({:.1}x the anchor's speed)",
            ms(value),
            anchor.as_secs_f64() / value.as_secs_f64()
        ),
        None => println!("  {what:<62} {:>9.2} ms", ms(value)),
    }
}

/// A file of `size` bytes of varied content (so that nothing can short-cut it).
fn write_file(path: &Path, size: usize, seed: u64) {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut bytes = Vec::with_capacity(size);
    while bytes.len() < size {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        bytes.extend_from_slice(&state.to_le_bytes());
    }
    bytes.truncate(size);
    std::fs::write(path, bytes).expect("write a bench file");
}

fn no_progress(_: csmsdesk_workspace::Progress) {}

fn add_folder(ws: &mut Workspace, folder: &Path) {
    let report = ws
        .add_evidence(
            &[folder.to_owned()],
            &EvidenceInput::default(),
            &LinkInput::default(),
            Utc::now(),
            &no_progress,
            &AtomicBool::new(false),
        )
        .expect("added");
    assert!(
        report
            .outcomes
            .iter()
            .all(|o| matches!(o.result, csmsdesk_workspace::FileResult::Added { .. }))
    );
}

fn files_in(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("the folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    files.sort();
    files
}

fn time_command(cmd: &mut Command) -> Duration {
    let started = Instant::now();
    let status = cmd.status().expect("the anchor runs");
    assert!(status.success(), "{cmd:?} failed");
    started.elapsed()
}

fn deep_rescan(temp: &Path, engine: Engine) {
    const FILES: usize = 1024;
    const SIZE: usize = 512 * 1024;
    const ROUNDS: usize = 5;
    println!(
        "\n1. deep rescan: {FILES} files of {} KiB ({} MiB), warm cache [{}]",
        SIZE / 1024,
        (FILES * SIZE) >> 20,
        engine.name()
    );
    let folder = temp.join("deep");
    if !folder.is_dir() {
        std::fs::create_dir(&folder).expect("mkdir");
        for i in 0..FILES {
            write_file(&folder.join(format!("doc{i:04}.bin")), SIZE, i as u64);
        }
    }
    let mut ws = workspace_with_scope_at(&engine.location(&temp.join("ws-deep")));
    add_folder(&mut ws, &folder);
    let files = files_in(&folder);
    let sha256sum = || {
        time_command(
            Command::new("sha256sum")
                .args(&files)
                .stdout(std::process::Stdio::null()),
        )
    };
    let mut scan = || {
        let started = Instant::now();
        let report = ws
            .scan_evidence(true, Utc::now(), &no_progress, &AtomicBool::new(false))
            .expect("scanned");
        assert_eq!(report.unchanged, FILES);
        started.elapsed()
    };
    sha256sum();
    scan();
    let (mut anchor, mut ours) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        anchor.push(sha256sum());
        ours.push(scan());
    }
    let anchor = median(anchor);
    line(
        "anchor: sha256sum on the same files (one process)",
        anchor,
        None,
    );
    line(
        "ours: evidence scan --deep (parallel, SHA instructions)",
        median(ours),
        Some(anchor),
    );
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("  ({cores} cores; goal: at least 8x)");
}

fn quick_rescan(temp: &Path, engine: Engine) {
    const FILES: usize = 10_000;
    const ROUNDS: usize = 9;
    println!(
        "\n2. quick rescan: {FILES} unchanged files [{}]",
        engine.name()
    );
    let folder = temp.join("quick");
    if !folder.is_dir() {
        std::fs::create_dir(&folder).expect("mkdir");
        for i in 0..FILES {
            write_file(&folder.join(format!("note{i:05}.txt")), 256, i as u64);
        }
    }
    let mut ws = workspace_with_scope_at(&engine.location(&temp.join("ws-quick")));
    add_folder(&mut ws, &folder);
    let find = || {
        time_command(
            Command::new("find")
                .arg(&folder)
                .args(["-type", "f", "-printf", "%s %T@\n"])
                .stdout(std::process::Stdio::null()),
        )
    };
    let mut scan = || {
        let started = Instant::now();
        let report = ws
            .scan_evidence(false, Utc::now(), &no_progress, &AtomicBool::new(false))
            .expect("scanned");
        assert_eq!(report.unchanged, FILES);
        started.elapsed()
    };
    find();
    scan();
    let (mut anchor, mut ours) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        anchor.push(find());
        ours.push(scan());
    }
    let anchor = median(anchor);
    line(
        "anchor: find -printf size and time of every file",
        anchor,
        None,
    );
    line(
        "ours: evidence scan (stat, compare, no reading)",
        median(ours),
        Some(anchor),
    );
    println!("  (goal: at most 200 ms)");
}

fn readiness(temp: &Path, engine: Engine) {
    const ITEMS: i64 = 50_000;
    const LINKS: usize = 200_000;
    const ROUNDS: usize = 60;
    println!(
        "\n3. readiness query: {ITEMS} evidence items, {LINKS} links [{}]",
        engine.name()
    );
    let location = engine.location(&temp.join("ws-readiness"));
    let generating = Instant::now();
    let ws = workspace_with_scope_at(&location);
    let (catalogue, tree) = ws.catalogue(None).expect("the catalogue");
    drop(ws);
    let targets: Vec<String> = tree
        .chapters
        .iter()
        .flat_map(|c| &c.questions)
        .flat_map(|q| {
            std::iter::once(q.id.clone()).chain(q.requirements.iter().map(|r| r.id.clone()))
        })
        .collect();
    let mut db = open_db(&location);
    let at = "2026-11-25T10:00:00Z";
    db.write(|tx| {
        let mut link = 0usize;
        for i in 0..ITEMS {
            let details = EvidenceDetails {
                title: format!("Document {i}"),
                work_product: None,
                owner: String::new(),
                classification: csmsdesk_core::evidence::Classification::Internal,
                // Every seventh item's review is due, so that states vary.
                review_due: (i % 7 == 0)
                    .then(|| chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
            };
            let blob = Blob {
                sha256: format!("{i:064x}"),
                size: 1,
            };
            let stamp = Stamp {
                size: 1,
                mtime_ns: 0,
            };
            let id = table::insert(
                tx,
                &details,
                Path::new(&format!("/docs/{i}")),
                stamp,
                &blob,
                "f",
                at,
            )?;
            for k in 0..4 {
                let target = &targets[(i as usize * 4 + k) % targets.len()];
                table::add_link(
                    tx,
                    &LinkRecord {
                        id: 0,
                        evidence_id: id,
                        catalogue_id: catalogue.id,
                        target_id: target.clone(),
                        scope_id: None,
                        protection_object_id: None,
                        note: String::new(),
                    },
                )?;
                link += 1;
            }
        }
        assert_eq!(link, LINKS);
        Ok(())
    })
    .expect("generated");
    println!(
        "  (written in {:.1} s, one transaction)",
        generating.elapsed().as_secs_f64()
    );
    let anchor_query = || {
        let started = Instant::now();
        let rows = table::linked_target_count(db.conn()).expect("counted");
        assert!(rows > 0);
        started.elapsed()
    };
    let mut anchor = Vec::new();
    for _ in 0..ROUNDS {
        anchor.push(anchor_query());
    }
    drop(db);
    let ws = open(&location);
    let today = Utc::now().date_naive();
    let query = || {
        let started = Instant::now();
        let r = ws
            .readiness(scope_id(&ws, "ECU"), today)
            .expect("readiness");
        assert!(r.tally.total() > 0);
        started.elapsed()
    };
    query();
    let mut ours = Vec::new();
    for _ in 0..ROUNDS {
        ours.push(query());
    }
    let (anchor_median, anchor_p95) = (median(anchor.clone()), percentile(anchor, 0.95));
    line(
        "anchor: the database alone, every link read once (median)",
        anchor_median,
        None,
    );
    line("anchor: (p95)", anchor_p95, None);
    line(
        "ours: readiness of the scope (median)",
        median(ours.clone()),
        Some(anchor_median),
    );
    line(
        "ours: readiness of the scope (p95)",
        percentile(ours, 0.95),
        Some(anchor_p95),
    );
    println!("  (goal: p95 at most 30 ms)");
}

/// Peak resident memory (KiB) and wall time of `cmd` under GNU time.
fn peak_memory(cmd: &[&std::ffi::OsStr]) -> (u64, Duration) {
    let started = Instant::now();
    let out = Command::new("/usr/bin/time")
        .arg("-v")
        .args(cmd)
        .stdout(std::process::Stdio::null())
        .output()
        .expect("/usr/bin/time runs (Debian package `time`)");
    let elapsed = started.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stderr);
    let kib = text
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.trim().parse().ok())
        .expect("GNU time reports the peak");
    (kib, elapsed)
}

fn memory(temp: &Path, engine: Engine) {
    let mib: usize = std::env::var("CSMSDESK_BENCH_BIG_MIB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4096);
    println!(
        "\n4. peak memory while adding one file of {mib} MiB [{}]",
        engine.name()
    );
    let Some(cli) = std::env::var_os("CSMSDESK_BENCH_CLI").filter(|p| Path::new(p).is_file())
    else {
        println!(
            "  skipped: set CSMSDESK_BENCH_CLI to a release csmsdesk-cli (cargo xtask bench does)"
        );
        return;
    };
    let big = temp.join("big.bin");
    if !big.is_file() {
        use std::io::Write as _;
        let mut file = std::io::BufWriter::new(std::fs::File::create(&big).expect("create"));
        let mut chunk = vec![0u8; 1 << 20];
        for i in 0..mib {
            chunk[..8].copy_from_slice(&(i as u64).to_le_bytes());
            file.write_all(&chunk).expect("write");
        }
    }
    let location = engine.location(&temp.join("ws-memory"));
    drop(workspace_with_scope_at(&location));
    let ws = support::cli_arg(&location);
    let (anchor_kib, anchor_time) = peak_memory(&["sha256sum".as_ref(), big.as_os_str()]);
    let (ours_kib, ours_time) = peak_memory(&[
        cli.as_os_str(),
        "--workspace".as_ref(),
        ws.as_os_str(),
        "evidence".as_ref(),
        "add".as_ref(),
        big.as_os_str(),
    ]);
    println!(
        "  anchor: sha256sum                          peak {:>7.1} MiB  {:>8.0} ms",
        anchor_kib as f64 / 1024.0,
        ms(anchor_time)
    );
    println!(
        "  ours: csmsdesk-cli evidence add (hash+copy)  peak {:>7.1} MiB  {:>8.0} ms",
        ours_kib as f64 / 1024.0,
        ms(ours_time)
    );
    println!("  (goal: at most 64 MiB)");
}

fn main() {
    let temp = tempfile::tempdir().expect("a temporary folder");
    println!("evidence benchmarks in {}", temp.path().display());
    let engines = Engine::from_env();
    type Part = fn(&Path, Engine);
    let parts: [(&str, Part); 4] = [
        ("deep", deep_rescan),
        ("quick", quick_rescan),
        ("readiness", readiness),
        ("memory", memory),
    ];
    let chosen = std::env::var("CSMSDESK_BENCH_PARTS").unwrap_or_default();
    let chosen: Vec<&str> = chosen
        .split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    for word in &chosen {
        assert!(
            parts.iter().any(|(name, _)| name == word),
            "CSMSDESK_BENCH_PARTS: {word:?} is no part; say deep, quick, readiness or memory"
        );
    }
    for (name, part) in parts {
        if chosen.is_empty() || chosen.contains(&name) {
            for &engine in &engines {
                part(temp.path(), engine);
            }
        }
    }
    let _ = std::fs::remove_file(temp.path().join("big.bin"));
}
