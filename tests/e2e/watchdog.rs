//! The webview watchdog (`src-tauri/src/watchdog.rs`): when WebKit's web process dies, the app
//! loads its start page again and the page says what happened.
//!
//! The web process is killed from outside (SIGKILL, found through `/proc`), as the kernel's
//! out-of-memory killer would; the app's own process and the WebDriver session live on.

use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::Locator;

use crate::support::{App, Desktop, SERIAL, messages, rendered, web_processes};

/// Kills every web process of the app and returns their ids.
fn kill_web_processes(desktop: &Desktop) -> Vec<u32> {
    let pids = web_processes(desktop.home.path());
    assert!(!pids.is_empty(), "the app has a WebKit web process");
    for pid in &pids {
        let killed = Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()
            .unwrap();
        assert!(killed.success(), "kill -KILL {pid}");
    }
    pids
}

/// Kills the web processes, waits until a new one draws the window, and drives it through a
/// new WebDriver session (WebKitWebDriver ends the old one with the page). Returns the new
/// session and the ids of the processes killed. The old session is kept: closing it would
/// make tauri-driver end the app.
async fn kill_and_reattach(desktop: &Desktop) -> (App, Vec<u32>) {
    let killed = kill_web_processes(desktop);
    let started = Instant::now();
    while web_processes(desktop.home.path())
        .iter()
        .all(|pid| killed.contains(pid))
    {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no new web process within 30 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let app = desktop.reattach().await;
    app.wait_for("body[data-ready='true']").await;
    (app, killed)
}

#[tokio::test]
async fn a_killed_web_process_is_replaced_and_the_page_says_the_view_was_restarted() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let en = messages("en");
    let app = desktop.launch(&[]).await;
    app.wait_for("[data-view='dashboard']").await;
    assert!(
        app.client
            .find(Locator::Css("#recovery-notice"))
            .await
            .is_err(),
        "a normal start shows no notice"
    );
    app.go("audits").await;

    let (app, killed) = kill_and_reattach(&desktop).await;
    let notice = app.text("#recovery-notice").await;
    let reason = en["webview.reason_crashed"].as_str();
    let expected = en["webview.restarted"].replace("{reason}", reason);
    assert!(
        notice.contains(&en["webview.restarted_title"]) && notice.contains(&expected),
        "the notice says the view had stopped and was restarted: {notice}"
    );
    app.wait_for("body[data-ready='true'] [data-view='dashboard']")
        .await;
    let hash = app
        .client
        .execute("return location.hash;", vec![])
        .await
        .unwrap();
    assert_eq!(
        hash, "",
        "the start page is loaded, not the screen that was open when the process died"
    );
    let now = web_processes(desktop.home.path());
    assert!(
        !now.is_empty() && now.iter().all(|pid| !killed.contains(pid)),
        "a new web process draws the window: killed {killed:?}, now {now:?}"
    );
    app.screenshot("watchdog-1-restarted-with-notice").await;

    // The app works as before, and the notice stays until dismissed.
    app.go("history").await;
    app.wait_for("#recovery-notice").await;
    app.click("#recovery-dismiss").await;
    app.go("settings").await;
    assert!(
        app.client
            .find(Locator::Css("#recovery-notice"))
            .await
            .is_err(),
        "a dismissed notice stays away"
    );

    // A second death: the notice counts.
    let (app, _) = kill_and_reattach(&desktop).await;
    let notice = app.text("#recovery-notice").await;
    let count = rendered("en", "webview.restarts", &[("count", "2")]);
    assert!(
        notice.contains(&count),
        "the notice says how often it happened: {notice}"
    );
    app.screenshot("watchdog-2-restarted-twice").await;
    // No `quit`: a session made by `reattach` cannot close the app's window. The desktop's
    // process group, the app with it, is stopped when `desktop` is dropped.
}
