//! `cargo xtask bench bulk`: one bulk change of issue 17, setting the work product of 10,000
//! evidence items in one transaction (`bulk_evidence` on "every item the filter keeps", as the
//! vault's "select all matching" sends it), journal entries and their seals included.
//!
//! Anchor: the same 10,000 single-row UPDATEs in one transaction by SQLite through Python's
//! own `sqlite3` module, on a plain table without journal triggers: what the rows cost
//! without our journal. The time is measured inside Python, so its start-up is left out.
//! Rounds alternate after a warm-up (each round sets the other of two work products, so every
//! round changes every row); medians are printed with the ratio.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::Utc;
use csmsdesk_core::evidence::Classification;
use csmsdesk_core::i18n::Lang;
use csmsdesk_store::Db;
use csmsdesk_store::evidence::{self as table, EvidenceDetails};
use csmsdesk_store::vault::{Blob, Stamp};
use csmsdesk_workspace::{BulkChange, EvidencePageInput, EvidenceSelection, Workspace};

mod support;
use support::{median, ms, workspace_with_scope};

const ITEMS: i64 = 10_000;
const ROUNDS: usize = 7;

/// The anchor: 10,000 UPDATEs in one transaction on a plain table; prints seconds taken.
const ANCHOR: &str = r#"
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("CREATE TABLE IF NOT EXISTS evidence (id INTEGER PRIMARY KEY, work_product TEXT)")
if db.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0:
    db.executemany("INSERT INTO evidence VALUES (?, 'WP-05-01')", [(i,) for i in range(1, int(sys.argv[3]) + 1)])
ids = [r[0] for r in db.execute("SELECT id FROM evidence ORDER BY id")]
started = time.perf_counter()
db.execute("BEGIN")
for i in ids:
    db.execute("UPDATE evidence SET work_product = ? WHERE id = ? AND work_product IS NOT ?", (sys.argv[2], i, sys.argv[2]))
db.execute("COMMIT")
print(time.perf_counter() - started)
"#;

fn generate(dir: &Path) {
    drop(workspace_with_scope(dir));
    let mut db = Db::open(&dir.join("workspace.sqlite")).expect("the database");
    let at = Utc::now().to_rfc3339();
    db.write(|tx| {
        for i in 0..ITEMS {
            let details = EvidenceDetails {
                title: format!("document-{i:05}.pdf"),
                work_product: Some("WP-05-01".to_owned()),
                owner: String::new(),
                classification: Classification::Internal,
                review_due: None,
            };
            let blob = Blob {
                sha256: format!("{i:064x}"),
                size: 100,
            };
            let stamp = Stamp {
                size: 100,
                mtime_ns: 0,
            };
            let path = format!("/srv/docs/document-{i:05}.pdf");
            table::insert(
                tx,
                &details,
                Path::new(&path),
                stamp,
                &blob,
                &details.title,
                &at,
            )?;
        }
        Ok(())
    })
    .expect("the evidence");
}

fn anchor(db: &Path, value: &str) -> Duration {
    let out = Command::new("python3")
        .args(["-c", ANCHOR])
        .arg(db)
        .arg(value)
        .arg(ITEMS.to_string())
        .output()
        .expect("python3 runs (the anchor)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seconds: f64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("the anchor prints its seconds");
    Duration::from_secs_f64(seconds)
}

fn main() {
    let temp = tempfile::tempdir().expect("a temporary folder");
    let dir = temp.path().join("ws");
    let plain = temp.path().join("anchor.sqlite");
    let started = Instant::now();
    generate(&dir);
    println!(
        "bulk change: the work product of {ITEMS} evidence items in one transaction (ready in {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    let mut ws = Workspace::open(&dir, Utc::now()).expect("the workspace");
    let today = Utc::now().date_naive();
    let every = EvidenceSelection {
        ids: Vec::new(),
        filter: Some(EvidencePageInput {
            filter: "document".into(),
            ..EvidencePageInput::default()
        }),
    };
    let mut ours = |value: &str| {
        let change = BulkChange::Set {
            field: "work_product".into(),
            value: value.into(),
        };
        let started = Instant::now();
        let outcome = ws
            .bulk_evidence(&every, &change, today, Lang::English)
            .expect("the bulk change");
        let took = started.elapsed();
        assert_eq!(outcome.changed, ITEMS as usize, "every row changed");
        took
    };
    let values = ["WP-09-02", "WP-05-01"];
    // Warm-up: one round each.
    anchor(&plain, values[0]);
    ours(values[0]);
    let (mut anchor_samples, mut our_samples) = (Vec::new(), Vec::new());
    for round in 1..=ROUNDS {
        let value = values[round % 2];
        anchor_samples.push(anchor(&plain, value));
        our_samples.push(ours(value));
    }
    let (a, o) = (median(anchor_samples), median(our_samples));
    println!(
        "  {:<70} {:>9.1} ms",
        "anchor: SQLite (Python sqlite3), 10,000 UPDATEs in one transaction, no journal",
        ms(a)
    );
    println!(
        "  {:<70} {:>9.1} ms  ({:.1}x the anchor's time)",
        "ours: bulk_evidence, filter \"document\" (10,000 match), journal included",
        ms(o),
        o.as_secs_f64() / a.as_secs_f64()
    );
}
