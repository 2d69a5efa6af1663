//! Tests of the watchdog's bookkeeping and of the page it reloads.

use super::*;

#[test]
fn the_next_page_is_told_once_about_the_latest_death_with_the_count_so_far() {
    let watchdog = Watchdog::default();
    assert_eq!(watchdog.take(), None, "a first start replaced nothing");
    watchdog.record(Reason::Crashed);
    let second = watchdog.record(Reason::Memory);
    assert_eq!(
        second,
        Recovery {
            reason: Reason::Memory,
            restarts: 2
        }
    );
    assert_eq!(
        watchdog.take(),
        Some(second),
        "the page that replaced the dead one hears why, and how often it happened"
    );
    assert_eq!(
        watchdog.take(),
        None,
        "the notice is shown once: a later start of the page (a workspace switch) hears nothing"
    );
    assert_eq!(
        watchdog.record(Reason::Crashed).restarts,
        3,
        "the count runs for the app's whole life"
    );
}

#[test]
fn the_page_sent_to_the_ui_names_the_reason_and_the_count() {
    let recovery = Recovery {
        reason: Reason::Memory,
        restarts: 1,
    };
    assert_eq!(
        serde_json::to_value(recovery).unwrap(),
        serde_json::json!({ "reason": "memory", "restarts": 1 }),
        "ui/js/main.js reads these two fields"
    );
}

#[test]
fn the_start_page_is_the_apps_own_page_without_the_screen_that_was_open() {
    assert_eq!(
        start_page("tauri://localhost/#/audits?scope=1&audit=2").map(String::from),
        Some("tauri://localhost/".to_owned()),
        "the screen that was open may be what killed the web process: start at the dashboard"
    );
    assert_eq!(
        start_page("http://tauri.localhost/index.html#/evidence").map(String::from),
        Some("http://tauri.localhost/index.html".to_owned())
    );
    for other in ["https://example.com/#/x", "about:blank", "not a url"] {
        assert_eq!(
            start_page(other),
            None,
            "{other} is not one of the app's pages"
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn webkit_reasons_map_to_ours_and_an_ending_asked_for_is_left_alone() {
    use webkit2gtk::WebProcessTerminationReason as Webkit;
    assert_eq!(
        platform::reason_of(Webkit::Crashed),
        Some(Reason::Crashed),
        "a SIGKILL from outside is reported as a crash"
    );
    assert_eq!(
        platform::reason_of(Webkit::ExceededMemoryLimit),
        Some(Reason::Memory)
    );
    assert_eq!(platform::reason_of(Webkit::TerminatedByApi), None);
}
