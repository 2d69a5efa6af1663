//! `cargo xtask bench pages`: the screens' lists at the size of issue 15 ("Screens at
//! scale"): 20,000 evidence items with 60,000 links, and 600 corrective actions. Each page the
//! app now asks for is measured against the full list it replaces (what `evidence_list` and
//! `deadlines_list` answered), as the app's command does it: use case, wire type and the JSON
//! the IPC channel carries. Rounds alternate after a warm-up; medians are printed with the
//! ratio to the anchor, and the size of each answer.
//!
//! The items are written through store in one transaction (the CLI's `evidence add` takes
//! minutes for 20,000 files); audits, findings and actions go through the use cases.
//! `cargo test --bench pages` runs the same in a debug build, as the app's end-to-end tests
//! run it.
//!
//! Every engine `CSMSDESK_BENCH_ENGINES` names (`sqlite`, `postgres`; default `sqlite`) gets
//! the same workspace and the same figures, one after the other; `cargo xtask bench pages`
//! runs SQLite and PostgreSQL (a `pg_virtualenv -t` cluster) in one run.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, TimeDelta, Utc};
use csmsdesk_core::deadlines::DeadlineFilter;
use csmsdesk_core::evidence::{Classification, WORK_PRODUCTS};
use csmsdesk_core::i18n::Lang;
use csmsdesk_store::evidence::{self as table, EvidenceDetails, LinkRecord};
use csmsdesk_store::vault::{Blob, Stamp};
use csmsdesk_workspace::{
    ActionInput, AuditId, AuditInput, DeadlinePageInput, EvidencePageInput, FindingId, ScopeId,
    wire,
};

mod support;
use csmsdesk_store::pg::Location;
use support::{Engine, median, ms, open, open_db, workspace_with_scope_at};

const ITEMS: i64 = 20_000;
const LINKS_PER_ITEM: usize = 3;
const FINDINGS: usize = 300;
const ACTIONS_PER_FINDING: usize = 2;
const ROUNDS: usize = 15;

/// The file name stems; "sbom" (one item in ten) is what the filter figures type.
const STEMS: [&str; 10] = [
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

/// Builds the workspace at `location`; returns its scope.
fn generate(location: &Location, today: NaiveDate) -> ScopeId {
    let now = Utc::now();
    let ws = workspace_with_scope_at(location);
    let scope = ws.scope_names().expect("the scopes")[0].id;
    let (catalogue, tree) = ws.catalogue(None).expect("the catalogue");
    let requirements: Vec<String> = tree
        .chapters
        .iter()
        .flat_map(|c| &c.questions)
        .flat_map(|q| q.requirements.iter().map(|r| r.id.clone()))
        .collect();
    drop(ws);

    let mut db = open_db(location);
    let at = now.to_rfc3339();
    db.write(|tx| {
        for i in 0..ITEMS {
            let n = usize::try_from(i).unwrap_or(0);
            let folder = n / 100;
            let stem = STEMS[n % STEMS.len()];
            let details = EvidenceDetails {
                title: format!("{stem}-{i:05}.txt"),
                work_product: Some(WORK_PRODUCTS[folder % 6].to_owned()),
                owner: format!("Owner {}", folder % 7),
                classification: Classification::ALL[n % 4],
                // Spread over the next year, a few already due.
                review_due: today.checked_add_signed(TimeDelta::days(
                    i64::try_from((folder * 37) % 400).unwrap_or(0) - 20,
                )),
            };
            let blob = Blob {
                sha256: format!("{i:064x}"),
                size: 300,
            };
            let stamp = Stamp {
                size: 300,
                mtime_ns: 0,
            };
            let path = format!("/srv/docs/batch-{folder:04}/{stem}-{i:05}.txt");
            let id = table::insert(
                tx,
                &details,
                Path::new(&path),
                stamp,
                &blob,
                &details.title,
                &at,
            )?;
            for k in 0..LINKS_PER_ITEM {
                table::add_link(
                    tx,
                    &LinkRecord {
                        id: 0,
                        evidence_id: id,
                        catalogue_id: catalogue.id,
                        target_id: requirements[(folder + k * 7) % requirements.len()].clone(),
                        scope_id: None,
                        protection_object_id: None,
                        note: String::new(),
                    },
                )?;
            }
        }
        Ok(())
    })
    .expect("the evidence");
    drop(db);

    let mut ws = open(location);
    let closing = today - Days::new(60);
    let audit = ws
        .add_audit(&AuditInput {
            scope,
            kind: "initial".into(),
            provider: "Example Audits GmbH".into(),
            lead_auditor: "A. Auditor".into(),
            opening_meeting: String::new(),
            closing_meeting: closing.to_string(),
        })
        .expect("the audit");
    let questions: Vec<String> = ws
        .audit_view(AuditId(audit.id))
        .expect("the audit view")
        .questions
        .into_iter()
        .filter(|q| q.1)
        .map(|q| q.0)
        .collect();
    for n in 0..FINDINGS {
        let finding = ws
            .add_finding(
                AuditId(audit.id),
                &questions[n % questions.len()],
                "minor",
                &format!("Finding {n}: the process is not applied everywhere"),
                None,
            )
            .expect("a finding");
        for a in 0..ACTIONS_PER_FINDING {
            let number = n * ACTIONS_PER_FINDING + a;
            ws.add_action(&ActionInput {
                finding: FindingId(finding.id),
                description: format!("Corrective action {number}"),
                owner: format!("Owner {}", number % 5),
                due: (closing + Days::new(5 + (number as u64 * 13) % 85)).to_string(),
                ..ActionInput::default()
            })
            .expect("an action");
        }
    }
    scope
}

/// Runs `anchor` and `run` of each of `cases` alternately and prints their medians, the
/// ratio to the anchor and the bytes each answer takes as JSON.
fn compare<I>(
    title: &str,
    anchor: (&str, &dyn Fn() -> String),
    cases: &[(&str, I)],
    run: &dyn Fn(&I) -> String,
) {
    println!("\n{title}");
    let time = |f: &dyn Fn() -> String| {
        let started = Instant::now();
        let bytes = f().len();
        (started.elapsed(), bytes)
    };
    let _ = anchor.1();
    for (_, input) in cases {
        let _ = run(input);
    }
    let mut anchor_samples = Vec::new();
    let mut our_samples: Vec<Vec<Duration>> = vec![Vec::new(); cases.len()];
    let mut sizes = vec![0; cases.len() + 1];
    for _ in 0..ROUNDS {
        let (d, bytes) = time(anchor.1);
        anchor_samples.push(d);
        sizes[0] = bytes;
        for (i, (_, input)) in cases.iter().enumerate() {
            let (d, bytes) = time(&|| run(input));
            our_samples[i].push(d);
            sizes[i + 1] = bytes;
        }
    }
    let anchor_median = median(anchor_samples);
    println!(
        "  {:<58} {:>9.2} ms  {:>11} bytes",
        format!("anchor: {}", anchor.0),
        ms(anchor_median),
        sizes[0]
    );
    for (i, (what, _)) in cases.iter().enumerate() {
        let ours = median(our_samples[i].clone());
        println!(
            "  {:<58} {:>9.2} ms  {:>11} bytes  ({:.0}x the anchor's speed)",
            format!("ours: {what}"),
            ms(ours),
            sizes[i + 1],
            anchor_median.as_secs_f64() / ours.as_secs_f64()
        );
    }
}

fn main() {
    let temp = tempfile::tempdir().expect("a temporary folder");
    for engine in Engine::from_env() {
        measure(temp.path(), engine);
    }
}

fn measure(temp: &Path, engine: Engine) {
    let today = Utc::now().date_naive();
    let started = Instant::now();
    let location = match engine {
        Engine::Sqlite => {
            // Building takes minutes in a debug build: `CSMSDESK_BENCH_PAGES_WORKSPACE`
            // names a folder to build it in once and measure it again later.
            let kept =
                std::env::var_os("CSMSDESK_BENCH_PAGES_WORKSPACE").map(std::path::PathBuf::from);
            let dir = kept.unwrap_or_else(|| temp.join("ws"));
            let complete = dir.join(".bench-complete");
            if complete.is_file() {
                println!("measuring the workspace built before in {}", dir.display());
            } else {
                if dir.exists() {
                    std::fs::remove_dir_all(&dir).expect("a stale workspace removed");
                }
                generate(&Location::Folder(dir.clone()), today);
                std::fs::write(&complete, "").expect("the marker");
            }
            Location::Folder(dir)
        }
        Engine::Postgres => {
            let location = engine.location(temp);
            generate(&location, today);
            location
        }
    };
    println!(
        "\npages at scale [{}]: {ITEMS} evidence items, {} links, {} corrective actions (ready in {:.1} s)",
        engine.name(),
        ITEMS as usize * LINKS_PER_ITEM,
        FINDINGS * ACTIONS_PER_FINDING,
        started.elapsed().as_secs_f64()
    );
    let ws = open(&location);
    let lang = Lang::English;
    let json = |value: &dyn erased::Json| value.text();
    let evidence =
        |filter: &str, sort: &str, direction: &str, offset: u64, limit: u64| EvidencePageInput {
            filter: filter.into(),
            sort: sort.into(),
            direction: direction.into(),
            offset,
            limit: Some(limit),
            ..EvidencePageInput::default()
        };
    let review_due = EvidencePageInput {
        state: "review-due".into(),
        ..evidence("", "review_due", "", 0, 100)
    };
    let pages = [
        (
            "first page, by title (100 rows)",
            evidence("", "", "", 0, 100),
        ),
        (
            "filter \"sbom\" (2,000 match), by title",
            evidence("sbom", "", "", 0, 100),
        ),
        (
            "filter \"sbom\", by state",
            evidence("sbom", "state", "", 0, 100),
        ),
        (
            "by links, descending, rows 10,001-10,100",
            evidence("", "links", "desc", 10_000, 100),
        ),
        ("state review-due, by review date", review_due),
        (
            "filter \"Überprüfung\" (not ASCII: folded in Rust)",
            evidence("Überprüfung", "", "", 0, 100),
        ),
        (
            "the dashboard's count (limit 0)",
            evidence("", "", "", 0, 0),
        ),
    ];
    let page = |input: &EvidencePageInput| {
        let page = ws.evidence_page(input, today, lang).expect("a page");
        json(&wire::evidence_page(&page))
    };
    let full_list = || {
        let list = ws.evidence(today).expect("the list");
        json(&list.iter().map(wire::evidence).collect::<Vec<_>>())
    };
    compare(
        "1. the evidence vault",
        ("evidence_list, every item with its links", &full_list),
        &pages,
        &page,
    );

    let all = DeadlineFilter::default();
    let deadlines = |sort: &str, direction: &str, limit: u64| DeadlinePageInput {
        sort: sort.into(),
        direction: direction.into(),
        offset: 0,
        limit: Some(limit),
    };
    let pages = [
        ("first page, by date (100 rows)", deadlines("", "", 100)),
        (
            "by what, descending (texts rendered to sort)",
            deadlines("what", "desc", 100),
        ),
        ("the dashboard's next five", deadlines("", "", 5)),
    ];
    let page = |input: &DeadlinePageInput| {
        let page = ws.deadlines_page(&all, input, today, lang).expect("a page");
        json(&wire::deadline_page(&page, today, lang))
    };
    let full = || {
        let list = ws.deadlines(&all, today).expect("the deadlines");
        json(&wire::deadlines(&list, today, lang))
    };
    compare(
        "2. deadlines",
        ("deadlines_list, every deadline", &full),
        &pages,
        &page,
    );
    println!("\n  (goal: first content within 300 ms, filter and sort within 100 ms)");
}

/// JSON text of a wire value, as the IPC channel would carry it.
mod erased {
    pub trait Json {
        fn text(&self) -> String;
    }

    impl<T: serde::Serialize> Json for T {
        fn text(&self) -> String {
            serde_json::to_string(self).expect("a wire value serialises")
        }
    }
}
