//! `cargo xtask bench results`: saving an audit's 24 results in one transaction
//! (`set_audit_results`, what the results table's one button does) against the anchor of 24
//! single saves (`set_audit_result` per question, what each row's own button did before).
//! Both run alternately on the same workspace after a warm-up, each round changing every
//! result (conform and minor in turn) so that every save writes; medians and the ratio are
//! printed. Every save of either kind is journalled and synced by SQLite as the app's are.

use std::time::{Duration, Instant};

use chrono::Utc;
use csmsdesk_workspace::{AuditId, AuditInput, ResultInput, Workspace};

mod support;
use support::{median, ms, workspace_with_scope};

const ROUNDS: usize = 21;
const WARM_UP: usize = 3;

fn main() {
    let temp = tempfile::tempdir().expect("a temporary folder");
    let dir = temp.path().join("ws");
    drop(workspace_with_scope(&dir));
    let mut ws = Workspace::open(&dir, Utc::now()).expect("the workspace");
    let scope = ws.scope_names().expect("the scopes")[0].id;
    let audit = AuditId(
        ws.add_audit(&AuditInput {
            scope,
            kind: "initial".into(),
            closing_meeting: "2026-05-31".into(),
            ..AuditInput::default()
        })
        .expect("an audit")
        .id,
    );
    let questions: Vec<String> = ws
        .audit_view(audit)
        .expect("the audit")
        .questions
        .into_iter()
        .filter(|q| q.1)
        .map(|q| q.0)
        .collect();
    let entries = |result: &str| -> Vec<ResultInput> {
        questions
            .iter()
            .map(|q| ResultInput {
                question: q.clone(),
                result: result.into(),
                findings_description: String::new(),
            })
            .collect()
    };
    let mut round = 0usize;
    let mut next_result = || {
        round += 1;
        if round.is_multiple_of(2) {
            "conform"
        } else {
            "minor"
        }
    };
    let mut singles = Vec::new();
    let mut bulk = Vec::new();
    for i in 0..WARM_UP + ROUNDS {
        let result = next_result();
        let started = Instant::now();
        for q in &questions {
            ws.set_audit_result(audit, q, result, "")
                .expect("a single save");
        }
        let single: Duration = started.elapsed();
        let all = entries(next_result());
        let started = Instant::now();
        ws.set_audit_results(audit, &all).expect("one save of all");
        let one: Duration = started.elapsed();
        if i >= WARM_UP {
            singles.push(single);
            bulk.push(one);
        }
    }
    let (anchor, ours) = (median(singles), median(bulk));
    println!(
        "audit results: {} applicable questions, {ROUNDS} rounds after {WARM_UP} warm-up rounds",
        questions.len()
    );
    println!(
        "  {:<52} {:>9.2} ms",
        format!("anchor: {} single saves", questions.len()),
        ms(anchor)
    );
    println!(
        "  {:<52} {:>9.2} ms  ({:.1}x the anchor's speed)",
        format!("ours: {} results in one transaction", questions.len()),
        ms(ours),
        anchor.as_secs_f64() / ours.as_secs_f64()
    );
}
