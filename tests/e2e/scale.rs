//! Every screen works on a workspace of issue 15's shape at a tenth of its size: 2,000
//! evidence items with 6,000 links, one scope with every objective, an initial audit with
//! every result, 30 findings and 60 corrective actions, built with `csmsdesk-cli`
//! (`scale_data.rs`, cached under `target/bench-ui/workspaces/`).
//!
//! It asserts nothing about time (these machines are shared and noisy); the times are
//! recorded in `target/e2e-screens/metrics.txt` as `scale_2000_*_ms`. The timed comparison
//! with 20,000 items is `cargo xtask bench ui`.

use std::time::Duration;

use crate::scale_data::{self, Catalogue, Scale};
use crate::scale_screens::{
    self, DASHBOARD, LATER_SCREENS, Measured, NEUTRAL, Outcome, Patience, Screen, VAULT,
};
use crate::support::{App, Desktop, SERIAL, record_metric};

/// How long one screen may take before the test fails. Generous on purpose: the test proves
/// the screens work, the benchmark says how fast.
const PATIENCE: Patience = Patience {
    timeout: Duration::from_secs(120),
    rss_cap_kib: None,
};

const ITEMS: usize = 2_000;

/// Fails with what did not show (the selectors of `content` still missing, and a
/// screenshot `scale-failed`); returns how long it took.
async fn shown(app: &App, measured: Measured, what: &str, content: &[&str]) -> Duration {
    match measured.outcome {
        Outcome::Shown(took) => took,
        other => {
            let missing = app
                .client
                .execute(
                    "return arguments[0].filter((s) => !document.querySelector(s));",
                    vec![serde_json::json!(content)],
                )
                .await
                .map(|v| v.to_string())
                .unwrap_or_else(|e| format!("(the page did not answer: {e})"));
            app.screenshot("scale-failed").await;
            panic!("{what} did not show its content: {other}; missing: {missing}")
        }
    }
}

/// Opens `screen` from the neutral screen, saves what it shows and records the time.
async fn visit(app: &App, screen: &Screen, number: usize) {
    shown(
        app,
        scale_screens::open(app, &NEUTRAL, &PATIENCE).await,
        NEUTRAL.name,
        NEUTRAL.content,
    )
    .await;
    let took = shown(
        app,
        scale_screens::open(app, screen, &PATIENCE).await,
        screen.name,
        screen.content,
    )
    .await;
    record_metric(
        &format!("scale_{ITEMS}_{}_ms", screen.key),
        took.as_millis(),
    );
    app.screenshot(&format!("scale-{number:02}-{}", screen.key))
        .await;
}

async fn count(app: &App, css: &str) -> usize {
    app.client
        .find_all(fantoccini::Locator::Css(css))
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn every_screen_shows_its_content_on_a_workspace_of_two_thousand_evidence_items() {
    let _one_at_a_time = SERIAL.lock().await;
    let scale = Scale::of(ITEMS);
    let cache = crate::support::screens_dir()
        .parent()
        .unwrap()
        .join("bench-ui/workspaces");
    let generated = scale_data::cached(&scale_data::cli_binary(), &cache, scale, &Catalogue::Demo);
    if let Some(took) = generated.took {
        record_metric(&format!("scale_{ITEMS}_generate_ms"), took.as_millis());
    }
    let desktop = Desktop::start();
    let ws = desktop.home.path().join("csms");
    scale_data::copy_workspace(&generated.workspace, &ws);
    let app = desktop
        .launch_within(&["--workspace", ws.to_str().unwrap()], PATIENCE.timeout)
        .await;
    scale_screens::allow_long_scripts(&app, &PATIENCE)
        .await
        .unwrap();

    let took = shown(
        &app,
        scale_screens::dashboard_after_start(
            &app,
            crate::support::app_started(desktop.home.path()).unwrap_or(app.started),
            &PATIENCE,
        )
        .await,
        "the dashboard after the start",
        scale_screens::DASHBOARD_CONTENT,
    )
    .await;
    record_metric(
        &format!("scale_{ITEMS}_start_to_dashboard_ms"),
        took.as_millis(),
    );
    let covered: usize = app
        .text("[data-view='dashboard'] .count-covered")
        .await
        .trim()
        .parse()
        .unwrap();
    assert!(
        covered > 0,
        "three links per item cover requirements: {covered} covered"
    );
    visit(&app, &DASHBOARD, 1).await;

    visit(&app, &VAULT, 2).await;
    let counted = app.text("#evidence-count").await;
    assert!(
        counted.contains(&ITEMS.to_string()) || counted.contains("2,000"),
        "the vault counts every item: {counted}"
    );

    let took = shown(
        &app,
        scale_screens::type_vault_filter(&app, &PATIENCE).await,
        "the vault filtered by 'sbom'",
        VAULT.content,
    )
    .await;
    record_metric(&format!("scale_{ITEMS}_vault_filter_ms"), took.as_millis());
    let counted = app.text("#evidence-count").await;
    assert_eq!(
        counted.split_whitespace().next(),
        Some(scale.items_matching_sbom().to_string().as_str()),
        "one item in ten is an SBOM: {counted}"
    );
    app.screenshot("scale-03-vault-filtered").await;
    shown(
        &app,
        scale_screens::clear_vault_filter(&app, &PATIENCE).await,
        "the vault without its filter",
        VAULT.content,
    )
    .await;

    let took = shown(
        &app,
        scale_screens::sort_vault_by_title(&app, &PATIENCE).await,
        "the vault sorted by title the other way",
        VAULT.content,
    )
    .await;
    record_metric(&format!("scale_{ITEMS}_vault_sort_ms"), took.as_millis());
    app.screenshot("scale-04-vault-sorted").await;

    for (n, screen) in LATER_SCREENS.iter().enumerate() {
        visit(&app, screen, n + 5).await;
        match screen.key {
            "requirements" => assert!(
                count(
                    &app,
                    "#mapping-questions [data-requirement][data-state='covered']"
                )
                .await
                    > 0,
                "linked requirements show as covered"
            ),
            "audits" => {
                assert_eq!(
                    count(&app, "#audit-detail .finding[data-finding-id]").await,
                    scale.findings,
                    "the audit shows every finding"
                );
                assert_eq!(
                    count(&app, "#audit-detail .action[data-action-id]").await,
                    scale.actions(),
                    "and every corrective action"
                );
            }
            "deadlines" => assert!(
                !app.text("#deadlines-summary").await.trim().is_empty(),
                "the deadlines are summed up"
            ),
            _ => {}
        }
    }
    app.quit(&ws).await;
}
