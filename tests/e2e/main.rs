//! End-to-end tests: the real app in the real webview (WebKitGTK under Xvfb, driven through
//! tauri-driver). Every screen visited is saved under `target/e2e-screens/` for a person to
//! look at.
//!
//! Modules:
//! - `support`: the virtual desktop, the WebDriver session, screenshots and measurements.

mod support;

use support::{Desktop, SERIAL, app_rss_kib, messages, record_metric};

const SCREENS: [&str; 8] = [
    "dashboard",
    "catalogue",
    "scope",
    "evidence",
    "audits",
    "deadlines",
    "export",
    "settings",
];

#[tokio::test]
async fn a_fresh_start_shows_the_dashboard_and_every_screen_says_what_it_holds() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let app = desktop.launch(&[]).await;
    app.wait_for("[data-view='dashboard']").await;
    record_metric("startup_to_dashboard_ms", app.started.elapsed().as_millis());
    let en = messages("en");

    assert!(
        desktop
            .default_workspace()
            .join("workspace.sqlite")
            .is_file(),
        "the first start creates the default workspace in the per-user data folder"
    );
    assert_eq!(
        app.text("#dashboard-company").await,
        en["dashboard.not_set"],
        "no company yet"
    );
    for (index, screen) in SCREENS.iter().enumerate() {
        app.go(screen).await;
        let heading = app.text(&format!("[data-view='{screen}'] h1")).await;
        assert!(!heading.is_empty(), "{screen} has a heading");
        if !["dashboard", "settings"].contains(screen) {
            let body = app.text(&format!("[data-view='{screen}']")).await;
            assert!(
                body.contains(&en[&format!("screen.{screen}.holds")]),
                "{screen} says what it will hold: {body}"
            );
        }
        app.screenshot(&format!("{:02}-{screen}", index + 1)).await;
    }
    // Let the window settle, then measure what an idle app costs.
    app.go("dashboard").await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    record_metric("idle_rss_kib_app_and_webkit", app_rss_kib());
    app.quit(&desktop.default_workspace()).await;
}

#[tokio::test]
async fn the_company_profile_saved_in_settings_is_there_after_a_restart() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let app = desktop.launch(&[]).await;
    let en = messages("en");
    app.go("settings").await;
    app.fill("#company_name", "Muster Zulieferer GmbH").await;
    app.fill("#participant_id", " p1a2b3 ").await;
    app.fill("#enx_contact", "Jana Beispiel <csms@muster.example>")
        .await;
    app.click("[data-action='save-profile']").await;
    app.wait_for_text("#profile-status", &en["settings.saved"])
        .await;
    app.screenshot("settings-saved").await;
    app.quit(&desktop.default_workspace()).await;

    let app = desktop.launch(&[]).await;
    app.wait_for_text("#dashboard-company", "Muster Zulieferer GmbH")
        .await;
    app.go("settings").await;
    assert_eq!(
        app.value("#participant_id").await,
        "P1A2B3",
        "stored in normal form"
    );
    assert_eq!(
        app.value("#enx_contact").await,
        "Jana Beispiel <csms@muster.example>"
    );
    app.screenshot("settings-after-restart").await;
    app.quit(&desktop.default_workspace()).await;
}

#[tokio::test]
async fn an_invalid_participant_id_gets_an_inline_message_in_the_current_language() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let app = desktop.launch(&[]).await;
    let (en, de) = (messages("en"), messages("de"));
    app.go("settings").await;
    app.fill("#company_name", "ACME").await;
    app.fill("#participant_id", "12").await;
    app.click("[data-action='save-profile']").await;
    let expected = en["profile.error.participant_id_malformed"].replace("{given}", "12");
    app.wait_for_text("#participant_id-error", &expected).await;
    let invalid = app
        .wait_for("#participant_id")
        .await
        .attr("aria-invalid")
        .await
        .unwrap();
    assert_eq!(
        invalid.as_deref(),
        Some("true"),
        "the field is marked for assistive technology"
    );
    app.screenshot("settings-invalid-id-en").await;

    // Switch to German: the whole window redraws in German.
    app.fill("#participant_id", "").await;
    app.wait_for("#language")
        .await
        .select_by_value("de")
        .await
        .unwrap();
    app.click("[data-action='save-profile']").await;
    app.wait_for_text("[data-nav='settings']", &de["nav.settings"])
        .await;
    app.wait_for_text("#profile-status", &de["settings.saved"])
        .await;

    app.fill("#participant_id", "P-12").await;
    app.click("[data-action='save-profile']").await;
    let expected = de["profile.error.participant_id_malformed"].replace("{given}", "P-12");
    app.wait_for_text("#participant_id-error", &expected).await;
    app.wait_for_text("#profile-status", &de["error.invalid_profile"])
        .await;
    app.screenshot("settings-invalid-id-de").await;
    app.quit(&desktop.default_workspace()).await;
}

#[tokio::test]
async fn a_workspace_typed_as_a_path_is_created_and_opens_next_time() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let app = desktop.launch(&[]).await;
    let en = messages("en");
    let other = desktop.home.path().join("Projects/VCS 2027");
    let other_text = other.display().to_string();
    app.go("settings").await;
    app.fill("#workspace_folder", &other_text).await;
    app.click("[data-action='workspace-create']").await;
    let switched = en["settings.workspace_switched"].replace("{path}", &other_text);
    app.wait_for_text("#workspace-status", &switched).await;
    app.wait_for_text("#workspace-current", &other_text).await;
    assert!(
        other.join("workspace.sqlite").is_file(),
        "the new workspace exists on disk"
    );
    app.screenshot("settings-workspace-created").await;

    // Opening a folder without a workspace is refused with the reason, and the current one stays.
    let empty = desktop.home.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    app.fill("#workspace_folder", &empty.display().to_string())
        .await;
    app.click("[data-action='workspace-open']").await;
    let refused = en["error.workspace_missing"].replace("{path}", &empty.display().to_string());
    app.wait_for_text("#workspace-status", &refused).await;
    app.wait_for_text("#workspace-current", &other_text).await;
    app.quit(&other).await;

    let app = desktop.launch(&[]).await;
    app.go("settings").await;
    app.wait_for_text("#workspace-current", &other_text).await;
    app.quit(&other).await;
}

#[tokio::test]
async fn a_damaged_workspace_is_explained_and_left_untouched() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let broken = desktop.home.path().join("broken");
    std::fs::create_dir(&broken).unwrap();
    let db = broken.join("workspace.sqlite");
    let junk = b"not a database, but long enough to look like a file header".repeat(100);
    std::fs::write(&db, &junk).unwrap();
    let app = desktop
        .launch(&["--workspace", &broken.display().to_string()])
        .await;
    let en = messages("en");
    let expected = en["error.not_a_database"].replace("{path}", &db.display().to_string());
    app.wait_for_text("#workspace-error", &expected).await;
    app.screenshot("dashboard-workspace-damaged").await;
    app.client.close().await.unwrap();
    assert_eq!(
        std::fs::read(&db).unwrap(),
        junk,
        "nothing is repaired or overwritten"
    );
}
