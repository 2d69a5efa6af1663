//! `cargo xtask bench package`: the export figures of issue 18, each against an anchor run
//! side by side in the same process, rounds alternating after a warm-up.
//!
//! 1. The full package of a scope whose requirements link 2,000 evidence files of 1 GiB in
//!    all, half of them already compressed (`.pdf` of random bytes, which the package stores)
//!    and half text (`.txt`, which it deflates), against Info-ZIP's `zip -r -q` of the same
//!    files from their folder. The package does more than the anchor: it also writes the
//!    manifest, the index, the filled workbook, the journal and `SHA256SUMS` (a SHA-256 of
//!    every entry), fsyncs the file and hashes the finished package once more for its report.
//!
//! 2. The PDF report of a scope with 24 questions and 500 findings (each with a corrective
//!    action) of one audit, against its anchor: gathering the same report's data from the
//!    workspace alone (`report_model`), so the ratio tells what laying out and writing the
//!    pages cost beside reading what they show.
//!
//! Sizes can be reduced for a quick look: `CSMSDESK_BENCH_PACKAGE_MIB` (default 1024).
//!
//! The package is measured on every engine `CSMSDESK_BENCH_ENGINES` names (`sqlite`,
//! `postgres`; default `sqlite`), the same files on each, each against `zip` beside it;
//! `cargo xtask bench package` runs SQLite and PostgreSQL (a `pg_virtualenv -t` cluster).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use csmsdesk_core::i18n::Lang;
use csmsdesk_workspace::{
    ActionInput, AuditId, AuditInput, EvidenceInput, FindingId, LinkInput, ReportOptions, ScopeId,
    Workspace,
};

mod support;
use support::{Engine, median, ms, workspace_with_scope, workspace_with_scope_at};

const FILES: usize = 2_000;
const ROUNDS: usize = 3;

fn no_progress(_: csmsdesk_workspace::Progress) {}

/// A pseudo-random number generator, so that the files are the same in every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0
    }
}

/// Words for the text files: prose compresses about three to one, as office documents do.
const WORDS: &[&str] = &[
    "the",
    "supplier",
    "shall",
    "define",
    "a",
    "cybersecurity",
    "policy",
    "for",
    "each",
    "project",
    "and",
    "review",
    "risk",
    "assessment",
    "of",
    "vehicle",
    "component",
    "with",
    "threat",
    "analysis",
    "evidence",
    "control",
    "process",
    "release",
    "vulnerability",
    "monitoring",
    "incident",
    "response",
    "plan",
    "approved",
    "by",
    "management",
    "on",
    "interface",
    "firmware",
    "update",
    "key",
    "storage",
    "supplier",
    "agreement",
    "audit",
];

/// `size` bytes of text made of `WORDS` in a seeded order.
fn text(size: usize, rng: &mut Lcg) -> Vec<u8> {
    let mut out = Vec::with_capacity(size + 16);
    while out.len() < size {
        let word = WORDS[(rng.next() >> 33) as usize % WORDS.len()];
        out.extend_from_slice(word.as_bytes());
        out.push(if rng.next().is_multiple_of(13) {
            b'\n'
        } else {
            b' '
        });
    }
    out.truncate(size);
    out
}

/// `size` random bytes: nothing a compressor can shrink, as in a PDF or a photo.
fn random(size: usize, rng: &mut Lcg) -> Vec<u8> {
    let mut out = Vec::with_capacity(size + 8);
    while out.len() < size {
        out.extend_from_slice(&rng.next().to_le_bytes());
    }
    out.truncate(size);
    out
}

/// Writes the 2,000 files (sizes vary from half to one and a half times the mean) into
/// `folder`; returns their total size.
fn write_tree(folder: &Path, total: u64) -> u64 {
    std::fs::create_dir_all(folder).expect("the folder");
    let mean = (total / FILES as u64) as usize;
    let mut rng = Lcg(18);
    let mut written = 0u64;
    for i in 0..FILES {
        let size = mean / 2 + (rng.next() as usize % mean.max(1));
        let (name, bytes) = if i % 2 == 0 {
            (format!("report-{i:04}.pdf"), random(size, &mut rng))
        } else {
            (format!("procedure-{i:04}.txt"), text(size, &mut rng))
        };
        let mut file = std::fs::File::create(folder.join(name)).expect("a file");
        file.write_all(&bytes).expect("written");
        written += bytes.len() as u64;
    }
    written
}

/// The id of the scope named `name`.
fn scope_id(ws: &Workspace, name: &str) -> ScopeId {
    ws.scope_names()
        .expect("the scopes")
        .into_iter()
        .find(|n| n.name == name)
        .expect("the scope")
        .id
}

fn time_command(cmd: &mut Command) -> Duration {
    let started = Instant::now();
    let status = cmd.status().expect("the anchor runs");
    assert!(status.success(), "{cmd:?} failed");
    started.elapsed()
}

/// Part 2: the report of a scope whose audit has 500 findings, each with an action.
fn report(temp: &Path) {
    const FINDINGS: usize = 500;
    const REPORT_ROUNDS: usize = 7;
    println!(
        "\nreport: the PDF report of a scope with {FINDINGS} findings against gathering its data"
    );
    let mut ws = workspace_with_scope(&temp.join("ws-report"));
    let scope = scope_id(&ws, "ECU");
    let closing = Utc::now().date_naive() - chrono::Days::new(10);
    let audit = ws
        .add_audit(&AuditInput {
            scope,
            kind: "initial".into(),
            closing_meeting: closing.to_string(),
            ..AuditInput::default()
        })
        .expect("an audit")
        .id;
    let questions: Vec<String> = ws
        .audit_view(AuditId(audit))
        .expect("the audit")
        .questions
        .iter()
        .filter(|q| q.1)
        .map(|q| q.0.clone())
        .collect();
    for n in 0..FINDINGS {
        let question = &questions[n % questions.len()];
        let finding = ws
            .add_finding(
                AuditId(audit),
                question,
                "observation",
                &format!(
                    "Observation {n}: the review record of the release process lacks a signature"
                ),
                None,
            )
            .expect("a finding")
            .id;
        ws.add_action(&ActionInput {
            finding: FindingId(finding),
            description: format!("Action {n}: sign and file the review record"),
            owner: format!("Owner {}", n % 7),
            due: (closing + chrono::Days::new(60)).to_string(),
            ..ActionInput::default()
        })
        .expect("an action");
    }
    let options = ReportOptions {
        audit: Some(AuditId(audit)),
        lang: Lang::English,
        generated_at: Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap(),
    };
    let whole = || {
        let started = Instant::now();
        let (bytes, pages) = ws.report_pdf(scope, &options).expect("the report");
        (started.elapsed(), bytes.len(), pages)
    };
    let gather = || {
        let started = Instant::now();
        ws.report_model(scope, &options).expect("the report's data");
        started.elapsed()
    };
    whole();
    gather();
    let (mut ours, mut anchor, mut size) = (Vec::new(), Vec::new(), (0, 0));
    for _ in 0..REPORT_ROUNDS {
        let (took, bytes, pages) = whole();
        ours.push(took);
        size = (bytes, pages);
        anchor.push(gather());
    }
    let (ours, anchor) = (median(ours), median(anchor));
    println!(
        "  {} applicable questions, {FINDINGS} findings and actions: {} pages, {} KiB",
        questions.len(),
        size.1,
        size.0 / 1024
    );
    println!(
        "  csmsdesk report (gather, lay out, write)       {:>9.1} ms",
        ms(ours)
    );
    println!(
        "  gathering its data alone (anchor)              {:>9.1} ms",
        ms(anchor)
    );
    println!(
        "  ratio: {:.2}x the anchor's time (median of {REPORT_ROUNDS} rounds, alternating)",
        ours.as_secs_f64() / anchor.as_secs_f64()
    );
}

fn main() {
    let mib: u64 = std::env::var("CSMSDESK_BENCH_PACKAGE_MIB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1024);
    let temp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a temporary folder");
    report(temp.path());
    let folder = temp.path().join("docs");
    let total = write_tree(&folder, mib << 20);
    for engine in Engine::from_env() {
        export(temp.path(), &folder, total, engine);
    }
}

fn export(temp: &Path, folder: &Path, total: u64, engine: Engine) {
    println!(
        "\npackage [{}]: the full package of 2,000 linked files against `zip -r -q` of the same tree",
        engine.name()
    );
    let started = Instant::now();
    let mut ws = workspace_with_scope_at(&engine.location(&temp.join("ws")));
    let scope = scope_id(&ws, "ECU");
    let report = ws
        .add_evidence(
            &[folder.to_owned()],
            &EvidenceInput::default(),
            &LinkInput {
                targets: vec!["1.1.a".into()],
                scope: Some(scope),
                ..LinkInput::default()
            },
            Utc::now(),
            &no_progress,
            &AtomicBool::new(false),
        )
        .expect("the evidence is added");
    assert_eq!(report.added().count(), FILES, "every file is added");
    println!(
        "  set-up: {FILES} files, {} MiB, added and linked in {:.1} s",
        total >> 20,
        started.elapsed().as_secs_f64()
    );

    let generated_at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    let package_out: PathBuf = temp.join("package.zip");
    let zip_out: PathBuf = temp.join("anchor.zip");
    let mut package = || {
        let _ = std::fs::remove_file(&package_out);
        let started = Instant::now();
        let report = ws
            .export_package(scope, &package_out, "full", None, generated_at)
            .expect("the package is written");
        let took = started.elapsed();
        assert!(
            report.files.len() > FILES,
            "every linked file is in the package"
        );
        took
    };
    let zip = || {
        let _ = std::fs::remove_file(&zip_out);
        time_command(
            Command::new("zip")
                .current_dir(temp)
                .args(["-r", "-q", "anchor.zip", "docs"]),
        )
    };
    // Warm-up: both read the tree once (the vault's copies and the source folder).
    package();
    zip();
    let (mut ours, mut anchor) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        ours.push(package());
        anchor.push(zip());
    }
    let (ours, anchor) = (median(ours), median(anchor));
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len()) >> 20;
    println!(
        "  csmsdesk export (full package)                 {:>9.0} ms  {:>5} MiB",
        ms(ours),
        size(&package_out)
    );
    println!(
        "  zip -r -q (anchor)                             {:>9.0} ms  {:>5} MiB",
        ms(anchor),
        size(&zip_out)
    );
    println!(
        "  ratio: {:.2}x the anchor's speed (median of {ROUNDS} rounds, alternating)",
        anchor.as_secs_f64() / ours.as_secs_f64()
    );
}
