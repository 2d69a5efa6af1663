//! Screens that are left stop their work (`ui/js/lib/lifetime.js`), and the webview's memory
//! stays flat when the screens are visited again and again.
//!
//! A slow screen is made by holding back the answers of one command in the page (a wrapper
//! around `window.__TAURI__.core.invoke`, the function `ui/js/api/ipc.js` calls), as a
//! workspace with tens of thousands of records would; the backend is the real one.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::{App, Desktop, SERIAL, record_metric, rss_kib, web_processes};

/// Holds back every answer to `command` by `delay_ms`, and records in `window.__calls` every
/// command the page sends and in `window.__late` each held-back answer as it is handed over.
async fn slow_down(app: &App, command: &str, delay_ms: u64) {
    let script = "const [slow, delay] = arguments;\n\
                  const real = window.__TAURI__.core.invoke;\n\
                  window.__calls = [];\n\
                  window.__late = [];\n\
                  const invoke = (command, args) => {\n\
                    window.__calls.push(command);\n\
                    const answer = real(command, args);\n\
                    if (command !== slow) return answer;\n\
                    const later = (settle) => (value) => setTimeout(() => {\n\
                      window.__late.push(command);\n\
                      settle(value);\n\
                    }, delay);\n\
                    return new Promise((resolve, reject) => answer.then(later(resolve), later(reject)));\n\
                  };\n\
                  window.__TAURI__ = { ...window.__TAURI__, core: { ...window.__TAURI__.core, invoke } };";
    app.client
        .execute(script, vec![json!(command), json!(delay_ms)])
        .await
        .unwrap();
}

/// The commands the page has sent since `slow_down`, in order.
async fn calls(app: &App) -> Vec<String> {
    strings(app, "return window.__calls;").await
}

async fn strings(app: &App, script: &str) -> Vec<String> {
    let value = app.client.execute(script, vec![]).await.unwrap();
    serde_json::from_value(value).unwrap_or_default()
}

/// Waits until `script` returns true.
async fn wait_until(app: &App, script: &str, what: &str) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        if app.client.execute(script, vec![]).await.unwrap() == Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what} did not happen within 30 s");
}

/// The app on `audit_workspace` (a scope, audits with results, a finding and an action),
/// showing the dashboard; and the workspace's folder.
async fn launch_with_audits(desktop: &Desktop) -> (App, PathBuf) {
    let ws = desktop.home.path().join("csms");
    crate::audit_workspace(&ws);
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.wait_for("[data-view='dashboard']").await;
    (app, ws)
}

#[tokio::test]
async fn leaving_a_slow_screen_mid_render_stops_it_and_leaves_the_next_screen_alone() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let (app, ws) = launch_with_audits(&desktop).await;
    // The audits of a large workspace answer late; the screen asks for them after the scopes
    // and draws the chosen audit's details (audit_show) once they are there.
    slow_down(&app, "audit_list", 1500).await;

    app.click("[data-nav='audits']").await;
    wait_until(
        &app,
        "return window.__calls.includes('audit_list');",
        "the audits screen asking for its audits",
    )
    .await;
    app.go("history").await;
    let left_at = calls(&app).await.len();
    app.wait_for("#history-table tbody tr").await;
    wait_until(
        &app,
        "return window.__late.includes('audit_list');",
        "the late answer arriving",
    )
    .await;
    // Room for an abandoned render to go on, had it been resumed.
    tokio::time::sleep(Duration::from_millis(700)).await;
    let after: Vec<String> = calls(&app).await.split_off(left_at);
    for command in ["audit_show", "po_list", "evidence_list"] {
        assert!(
            !after.iter().any(|c| c == command),
            "the audits screen that was left went on to {command} after its late answer: {after:?}"
        );
    }
    let shown = strings(
        &app,
        "return [...document.querySelectorAll('#main [data-view]')].map((e) => e.dataset.view);",
    )
    .await;
    assert_eq!(shown, ["history"], "only History is on the page");
    assert!(
        app.client
            .execute(
                "return document.querySelector('#audits-table, #audit-detail-host') === null;",
                vec![]
            )
            .await
            .unwrap()
            == Value::Bool(true),
        "nothing of the audits screen was written into the page"
    );
    assert!(
        !app.text("#history-table tbody tr").await.is_empty(),
        "History still shows its entries"
    );
    app.screenshot("lifetime-1-history-after-leaving-slow-audits")
        .await;

    // The same slow screen, waited for, draws everything: what the test looks for above would
    // have been seen.
    app.go("audits").await;
    app.wait_for("#audits-table").await;
    wait_until(
        &app,
        "return window.__calls.includes('audit_show');",
        "the audits screen drawing the chosen audit",
    )
    .await;
    app.wait_for("#audit-detail-host > *").await;
    app.screenshot("lifetime-2-slow-audits-waited-for").await;
    app.quit(&ws).await;
}

/// Visits every screen once and waits until each has drawn (no "Loading…" left).
async fn visit_every_screen(app: &App) {
    for screen in crate::SCREENS {
        app.go(screen).await;
        wait_until(
            app,
            "return document.querySelector('#main .loading') === null;",
            "the screen drawing",
        )
        .await;
    }
}

/// The resident memory of the app's web processes (KiB), after letting the page settle.
async fn web_rss_kib(desktop: &Desktop) -> u64 {
    tokio::time::sleep(Duration::from_secs(2)).await;
    web_processes(desktop.home.path())
        .into_iter()
        .map(rss_kib)
        .sum()
}

#[tokio::test]
async fn visiting_the_screens_again_and_again_keeps_the_webviews_memory_flat() {
    const ROUNDS: usize = 16;
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let (app, ws) = launch_with_audits(&desktop).await;
    // Warm-up: every screen's code, styles and caches are loaded once.
    visit_every_screen(&app).await;
    visit_every_screen(&app).await;
    let warm = web_rss_kib(&desktop).await;
    let mut figures = vec![warm];
    for round in 1..=ROUNDS {
        visit_every_screen(&app).await;
        if round % 4 == 0 {
            figures.push(web_rss_kib(&desktop).await);
        }
    }
    let last = *figures.last().unwrap();
    eprintln!(
        "web process RSS (KiB) after the warm-up, then every 4 of {ROUNDS} rounds of the 9 \
         screens: {figures:?}"
    );
    record_metric("web_rss_kib_after_warm_up", warm);
    record_metric(&format!("web_rss_kib_after_{ROUNDS}_more_rounds"), last);
    assert!(warm > 0, "the web process was found");
    assert!(
        last * 2 <= warm * 3,
        "the web process grew from {warm} KiB to {last} KiB (more than 50 %) over {ROUNDS} \
         rounds of every screen: {figures:?}"
    );
    app.screenshot("lifetime-3-after-the-rounds").await;
    app.quit(&ws).await;
}
