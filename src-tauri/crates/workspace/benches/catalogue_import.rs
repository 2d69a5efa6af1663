//! `cargo xtask bench catalogue`: importing the catalogue workbook, against Python openpyxl
//! loading and walking the same sheet, alternating in the same run.
//!
//! Input: `$CSMSDESK_BENCH_WORKBOOK`, else the real ENX workbook from `../shared/catalogues/`
//! when present, else the demo catalogue written to a temporary file. Prints medians of
//! each measurement and the ratio against the anchor.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::Utc;
use csmsdesk_core::catalogue::parse_catalogue;
use csmsdesk_workbook::read_catalogue_sheets;
use csmsdesk_workspace::Workspace;

const ROUNDS: usize = 15;

const OPENPYXL: &str = r#"
import sys, time
import openpyxl
t = time.perf_counter()
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
ws = wb["Vehicle CyberSecurity"] if "Vehicle CyberSecurity" in wb.sheetnames else wb.worksheets[0]
cells = sum(1 for row in ws.iter_rows(values_only=True) for v in row if v is not None)
load_walk = time.perf_counter() - t
print(f"{load_walk:.6f} {cells}")
"#;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn input(temp: &Path) -> PathBuf {
    if let Some(path) = std::env::var_os("CSMSDESK_BENCH_WORKBOOK") {
        return path.into();
    }
    let real = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../../shared/catalogues/ENX_VCSA_1_1_EN.xlsx");
    if real.is_file() {
        return real;
    }
    let demo = temp.join("csmsdesk-demo-catalogue.xlsx");
    std::fs::write(
        &demo,
        csmsdesk_workbook::demo::workbook().expect("the demo workbook"),
    )
    .expect("write demo");
    demo
}

/// openpyxl's own time for loading the workbook and walking the sheet (its module import and
/// the interpreter's start are not counted, to be fair to the anchor).
fn openpyxl(path: &Path) -> Duration {
    let out = Command::new("python3")
        .arg("-c")
        .arg(OPENPYXL)
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "openpyxl failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let seconds: f64 = text
        .split_whitespace()
        .next()
        .and_then(|s| s.parse().ok())
        .expect("a time");
    Duration::from_secs_f64(seconds)
}

fn main() {
    let temp = tempfile::tempdir().expect("a temporary folder");
    let path = input(temp.path());
    let bytes = std::fs::read(&path).expect("the workbook");
    println!(
        "catalogue import benchmark: {} ({} KiB), {ROUNDS} rounds after a warm-up",
        path.display(),
        bytes.len() / 1024
    );

    let read_parse = || {
        let started = Instant::now();
        let sheets = read_catalogue_sheets(&bytes).expect("readable");
        let catalogue = parse_catalogue(&sheets.catalogue).expect("a catalogue");
        assert_eq!(catalogue.counts().control_questions, 24);
        started.elapsed()
    };
    let mut round = 0;
    let mut full_import = || {
        round += 1;
        let dir = temp.path().join(format!("ws{round}"));
        let mut ws = Workspace::create(&dir, Utc::now()).expect("a workspace");
        let started = Instant::now();
        ws.import_catalogue(&path, Utc::now()).expect("imports");
        started.elapsed()
    };

    // Warm-up: page cache, Python's bytecode cache, SQLite's first open.
    read_parse();
    full_import();
    openpyxl(&path);

    let (mut ours_parse, mut ours_import, mut anchor) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        anchor.push(openpyxl(&path));
        ours_parse.push(read_parse());
        ours_import.push(full_import());
    }
    let (parse, import, anchor) = (median(ours_parse), median(ours_import), median(anchor));
    println!(
        "{:<58} {:>9.2} ms",
        "openpyxl: load (read-only) and walk the sheet",
        ms(anchor)
    );
    println!(
        "{:<58} {:>9.2} ms  ({:.1}x faster)",
        "ours: read and parse the workbook",
        ms(parse),
        anchor.as_secs_f64() / parse.as_secs_f64()
    );
    println!(
        "{:<58} {:>9.2} ms  ({:.1}x faster)",
        "ours: full import (read, parse, hash, store, commit)",
        ms(import),
        anchor.as_secs_f64() / import.as_secs_f64()
    );
}
