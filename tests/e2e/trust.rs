//! Trust seen from outside: the History screen lists the journal the CLI and the app wrote and
//! verifies it; Settings writes a backup that `unzip -t` and `sha256sum -c` accept, restores it
//! into a new folder and opens it; a workspace the app holds refuses a second writer by name,
//! lets a reader look, and a held workspace opens read-only in the window with a banner;
//! closing the window ends the app cleanly (its lock file emptied).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::Value;

use crate::support::{App, Desktop, SERIAL, messages, rendered};

/// The CLI built beside the app (`cargo build -p csmsdesk-cli`; `cargo test --workspace`
/// builds it for its own tests).
fn cli_path() -> PathBuf {
    let path = Path::new(env!("CARGO_BIN_EXE_csmsdesk")).with_file_name("csmsdesk-cli");
    assert!(
        path.is_file(),
        "{} is missing: build it with `cargo build -p csmsdesk-cli` (cargo xtask test does)",
        path.display()
    );
    path
}

/// Runs `csmsdesk-cli --workspace <ws> <args>`.
fn cli(ws: &Path, args: &[&str]) -> Output {
    Command::new(cli_path())
        .arg("--workspace")
        .arg(ws)
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .output()
        .unwrap()
}

/// Runs the CLI and insists that it succeeds.
fn cli_ok(ws: &Path, args: &[&str]) -> String {
    let out = cli(ws, args);
    assert!(
        out.status.success(),
        "csmsdesk-cli {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A workspace made by the CLI, as a user's scripts would: the company, the demo catalogue
/// (a few hundred journal entries), one evidence file and one location.
fn cli_workspace(desktop: &Desktop) -> PathBuf {
    let ws = desktop.home.path().join("csms");
    cli_ok(&ws, &["init", "--company", "Muster GmbH"]);
    cli_ok(&ws, &["catalogue", "import", "--demo"]);
    let policy = desktop.home.path().join("policy.pdf");
    std::fs::write(&policy, "CS policy, signed by the board").unwrap();
    cli_ok(&ws, &["evidence", "add", policy.to_str().unwrap()]);
    cli_ok(&ws, &["location", "add", "Plant Nord"]);
    ws
}

/// The number of elements matching `css`.
async fn count(app: &App, css: &str) -> usize {
    app.client.find_all(Locator::Css(css)).await.unwrap().len()
}

/// Waits until exactly `expected` elements match `css`.
async fn wait_for_count(app: &App, css: &str, expected: usize) {
    let started = Instant::now();
    let mut last = 0;
    while started.elapsed() < Duration::from_secs(30) {
        last = count(app, css).await;
        if last == expected {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{css} matches {last} elements, expected {expected}");
}

/// Scrolls the element matching `css` to the middle of the window and saves a screenshot.
async fn screenshot_of(app: &App, css: &str, name: &str) {
    app.wait_for(css).await;
    let script = "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });";
    app.client
        .execute(script, vec![serde_json::json!(css)])
        .await
        .unwrap();
    app.screenshot(name).await;
}

/// The journal as the CLI sees it while the app holds the workspace (read-only, no lock).
fn journal_head(ws: &Path) -> (u64, u64, String) {
    let report: Value =
        serde_json::from_str(&cli_ok(ws, &["--read-only", "--json", "journal", "verify"])).unwrap();
    assert_eq!(report["ok"], true, "the journal is intact: {report}");
    (
        report["entries"].as_u64().unwrap(),
        report["head"]["seq"].as_u64().unwrap(),
        report["head"]["hash"].as_str().unwrap().to_owned(),
    )
}

#[tokio::test]
async fn history_lists_every_change_pages_back_filters_and_verifies_the_journal() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let ws = cli_workspace(&desktop);
    let (en, de) = (messages("en"), messages("de"));
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;

    // One change in the window, on top of what the CLI did.
    app.go("settings").await;
    app.fill("#company_name", "Muster Zulieferer GmbH").await;
    app.click("[data-action='save-profile']").await;
    app.wait_for_text("#profile-status", &en["settings.saved"])
        .await;

    app.go("history").await;
    let rows = "#history-table tbody tr";
    wait_for_count(&app, rows, 100).await;
    let newest = app.wait_for(&format!("{rows}:first-child")).await;
    assert_eq!(
        newest.attr("data-table").await.unwrap().as_deref(),
        Some("company_profile"),
        "the newest entry is the window's own change"
    );
    let text = newest.text().await.unwrap();
    for part in [
        en["history.table.company_profile"].as_str(),
        en["history.op_update"].as_str(),
        "app",
        "Muster GmbH",
        "Muster Zulieferer GmbH",
    ] {
        assert!(text.contains(part), "the newest row names {part:?}: {text}");
    }
    let location = app.text(&format!("{rows}[data-table='location']")).await;
    assert!(
        location.contains("cli location add") && location.contains("Plant Nord"),
        "the CLI's change names its command and the new row: {location}"
    );

    // Verify: the same head the CLI computes, independently of the window.
    let (entries, seq, hash) = journal_head(&ws);
    app.click("#history-verify").await;
    let ok = rendered(
        "en",
        "history.verify_ok",
        &[
            ("entries", &entries.to_string()),
            ("seq", &seq.to_string()),
            ("hash", &format!("{}…", &hash[..16])),
        ],
    );
    app.wait_for_text("#history-verify-result .status.ok", &ok)
        .await;
    app.screenshot("history-en").await;

    // Paging back: a hundred more each time, until none are left.
    app.click("#history-more").await;
    wait_for_count(&app, rows, 200).await;
    let older = app.text(&format!("{rows}:nth-child(101) td.seq")).await;
    assert_eq!(
        older.parse::<u64>().unwrap(),
        seq - 100,
        "the second page starts just below the first"
    );

    // The filter: only the location's entry.
    app.set_value("#history-filter", "location").await;
    wait_for_count(&app, rows, 1).await;
    app.wait_for_text(
        "#history-count",
        &rendered("en", "history.shown_all", &[("count", "1")]),
    )
    .await;
    let hidden = app
        .wait_for("#history-more")
        .await
        .attr("hidden")
        .await
        .unwrap();
    assert!(hidden.is_some(), "one short page has nothing older");
    // The person filter offers everyone who made a change; the location's entry is theirs.
    let person = app.text("#history-user option:nth-child(2)").await;
    assert!(!person.trim().is_empty(), "someone made the changes");
    app.set_value("#history-user", person.trim()).await;
    wait_for_count(&app, rows, 1).await;
    app.set_value("#history-user", "").await;

    // German: the same screen in the other language.
    app.go("settings").await;
    app.set_value("#language", "de").await;
    app.click("[data-action='save-profile']").await;
    app.wait_for_text("[data-nav='history']", &de["nav.history"])
        .await;
    app.go("history").await;
    app.set_value("#history-filter", "").await;
    wait_for_count(&app, rows, 100).await;
    app.click("#history-verify").await;
    app.wait_for("#history-verify-result .status.ok").await;
    let newest = app.text(&format!("{rows}:first-child")).await;
    assert!(
        newest.contains(&de["history.table.company_profile"]),
        "tables are named in German: {newest}"
    );
    app.screenshot("history-de").await;
    app.quit(&ws).await;
}

#[tokio::test]
async fn a_backup_written_in_settings_passes_unzip_and_sha256sum_and_restores_into_a_new_workspace()
{
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let ws = cli_workspace(&desktop);
    let en = messages("en");
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.go("settings").await;

    // Back up while the app has the workspace open.
    let backups = desktop.home.path().join("backups");
    std::fs::create_dir(&backups).unwrap();
    let file = backups.join("csms.csmsbackup");
    app.fill("#backup-path", file.to_str().unwrap()).await;
    app.click("#backup-start").await;
    app.wait_for_text("#backup-status", &en["backup_ui.done"])
        .await;
    app.wait_for_text("#backup-file", file.to_str().unwrap())
        .await;
    let shown = app.text("#backup-sha256").await;
    screenshot_of(&app, "#backup-result", "settings-backup").await;

    let test = Command::new("unzip").arg("-t").arg(&file).output().unwrap();
    assert!(
        test.status.success(),
        "unzip -t accepts the backup: {}",
        String::from_utf8_lossy(&test.stdout)
    );
    let sum = Command::new("sha256sum").arg(&file).output().unwrap();
    let sum = String::from_utf8(sum.stdout).unwrap();
    assert_eq!(
        sum.split_whitespace().next(),
        Some(shown.trim()),
        "the SHA-256 shown is the file's"
    );
    let unpacked = desktop.home.path().join("unpacked");
    let unzip = Command::new("unzip")
        .arg("-q")
        .arg(&file)
        .arg("-d")
        .arg(&unpacked)
        .status()
        .unwrap();
    assert!(unzip.success(), "the backup unpacks");
    let check = Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(&unpacked)
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&check.stdout).into_owned();
    assert!(
        check.status.success(),
        "sha256sum -c accepts every entry: {listing}"
    );
    assert!(
        listing.contains("workspace.sqlite: OK") && listing.contains("vault/"),
        "the database and the vault are in it: {listing}"
    );

    // Restore into a new folder, then switch to it.
    let restored = desktop.home.path().join("restored");
    app.fill("#restore-file", file.to_str().unwrap()).await;
    app.fill("#restore-target", restored.to_str().unwrap())
        .await;
    app.click("#restore-start").await;
    app.wait_for_text("#restore-status", &en["backup_ui.restore_done"])
        .await;
    app.wait_for_text("#restore-workspace", restored.to_str().unwrap())
        .await;
    app.wait_for("#restore-journal.ok").await;
    screenshot_of(&app, "#restore-result", "settings-restore").await;
    assert!(
        restored.join("workspace.sqlite").is_file(),
        "the new workspace is on disk"
    );

    app.click("#restore-open").await;
    app.wait_for_text("#workspace-current", restored.to_str().unwrap())
        .await;
    app.wait_for_text(
        "#workspace-status",
        &en["settings.workspace_switched"].replace("{path}", restored.to_str().unwrap()),
    )
    .await;
    // The restored workspace is whole: the check finds database, vault and journal intact.
    app.click("#check-start").await;
    app.wait_for_text("#check-overall", &en["backup_ui.check_ok"])
        .await;
    assert_eq!(count(&app, "#check-result .check-lines > li.ok").await, 3);
    screenshot_of(&app, "#check-result", "settings-check").await;
    app.quit(&restored).await;
    let profile: Value = serde_json::from_str(&cli_ok(&restored, &["--json", "info"])).unwrap();
    assert!(
        profile.to_string().contains("Muster GmbH"),
        "the restored workspace holds the company: {profile}"
    );
}

#[tokio::test]
async fn a_workspace_the_app_holds_refuses_a_second_writer_by_name_and_opens_read_only_elsewhere() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let ws = desktop.home.path().join("csms");
    cli_ok(&ws, &["init", "--company", "Muster GmbH"]);
    let en = messages("en");

    // The app holds the workspace: a writer is told who, a reader may look.
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    let lock = std::fs::read_to_string(ws.join("workspace.lock")).unwrap();
    let pid = lock
        .lines()
        .find_map(|l| l.strip_prefix("pid="))
        .expect("the lock file names its holder")
        .to_owned();
    let refused = cli(&ws, &["location", "add", "X"]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&refused.stdout),
        String::from_utf8_lossy(&refused.stderr)
    );
    assert!(
        !refused.status.success(),
        "a second writer is refused: {said}"
    );
    assert!(
        said.contains(&format!("process {pid}")),
        "the refusal names the app's process {pid}: {said}"
    );
    let scopes: Value =
        serde_json::from_str(&cli_ok(&ws, &["--read-only", "--json", "scope", "list"])).unwrap();
    assert!(scopes.is_array(), "a reader gets the scopes: {scopes}");
    app.quit(&ws).await;

    // Another process holds it: the window explains and offers to look read-only.
    let held = csmsdesk_workspace::Workspace::open(&ws, chrono::Utc::now()).unwrap();
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.wait_for_containing(
        "#workspace-error",
        &format!("process {}", std::process::id()),
    )
    .await;
    app.screenshot("dashboard-workspace-in-use").await;
    app.click("#open-read-only").await;
    app.wait_for_containing("#read-only-banner", &en["read_only.banner"])
        .await;
    let role = app
        .wait_for("#read-only-banner")
        .await
        .attr("role")
        .await
        .unwrap();
    assert_eq!(role.as_deref(), Some("status"));
    app.go("settings").await;
    app.wait_for("#read-only-banner").await;
    // No editing controls: the profile shows its values, disabled, without a save button.
    let disabled = app
        .client
        .execute(
            "const name = document.getElementById('company_name');
             const save = document.querySelector('[data-action=save-profile]');
             return name.disabled && name.value === 'Muster GmbH' && save.offsetParent === null",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        disabled,
        serde_json::Value::Bool(true),
        "the profile is read-only"
    );
    app.screenshot("settings-read-only").await;
    app.go("history").await;
    app.wait_for("#read-only-banner").await;
    app.wait_for("#history-table tbody tr").await;
    drop(held);
    app.quit(&ws).await;
    let info = cli_ok(&ws, &["--json", "info"]);
    assert!(
        !info.contains("Someone Else"),
        "nothing was written through the read-only window: {info}"
    );

    // The app dies holding the workspace (SIGKILL, no clean-up): its OS lock dies with it, and
    // the next writer recognises the lock text of a crashed holder, takes over and says so.
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    let lock = std::fs::read_to_string(ws.join("workspace.lock")).unwrap();
    let pid: i32 = lock
        .lines()
        .find_map(|l| l.strip_prefix("pid="))
        .expect("the lock file names its holder")
        .parse()
        .unwrap();
    let killed = Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    // The OS frees the lock once every thread of the process has ended.
    for _ in 0..200 {
        let free = Command::new("flock")
            .arg("-n")
            .arg(ws.join("workspace.lock"))
            .arg("true")
            .status()
            .unwrap();
        if free.success() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    drop(app);
    let taken = cli(&ws, &["location", "add", "Plant Süd"]);
    let said = String::from_utf8_lossy(&taken.stderr);
    assert!(
        taken.status.success(),
        "after the crash the workspace is writable again: {said}"
    );
    assert!(
        said.contains("took over the lock") && said.contains(&pid.to_string()),
        "the take-over of the crashed app's lock is said: {said}"
    );
    let check: Value = serde_json::from_str(&cli_ok(&ws, &["--json", "check"])).unwrap();
    assert_eq!(check["ok"], true, "{check}");
}

/// Asks the X window `id` to close as a window manager's close button does (a
/// `WM_DELETE_WINDOW` client message), through libX11 with Python's ctypes: xdotool 3.2021
/// has no such command, and Xvfb runs no window manager.
const CLOSE_WINDOW: &str = r#"
import ctypes, sys
x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
x.XFlush.argtypes = [ctypes.c_void_p]
class Message(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong),
                ("message_type", ctypes.c_ulong), ("format", ctypes.c_int), ("l", ctypes.c_long * 5)]
class Event(ctypes.Union):
    _fields_ = [("xclient", Message), ("pad", ctypes.c_long * 24)]
d = x.XOpenDisplay(None)
e = Event()
e.xclient.type = 33
e.xclient.window = int(sys.argv[1])
e.xclient.message_type = x.XInternAtom(d, b"WM_PROTOCOLS", 0)
e.xclient.format = 32
e.xclient.l[0] = x.XInternAtom(d, b"WM_DELETE_WINDOW", 0)
sys.exit(0 if x.XSendEvent(d, e.xclient.window, 0, 0, ctypes.byref(e)) and x.XFlush(d) else 1)
"#;

#[tokio::test]
async fn closing_the_window_ends_the_app_cleanly_so_the_next_writer_finds_no_crashed_holder() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let ws = desktop.home.path().join("csms");
    cli_ok(&ws, &["init", "--company", "Muster GmbH"]);
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    let lock = std::fs::read_to_string(ws.join("workspace.lock")).unwrap();
    let pid = lock
        .lines()
        .find_map(|l| l.strip_prefix("pid="))
        .expect("the lock file names its holder")
        .to_owned();
    // The app's own display and its key (xvfb-run picked both for this test).
    let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap();
    let variable = |name: &str| {
        environ.split(|b| *b == 0).find_map(|v| {
            v.strip_prefix(name.as_bytes())?
                .strip_prefix(b"=")
                .map(|d| String::from_utf8_lossy(d).into_owned())
        })
    };
    let display = variable("DISPLAY").expect("the app runs on an X display");
    let xauthority = variable("XAUTHORITY").unwrap_or_default();
    let windows = Command::new("xdotool")
        .env("DISPLAY", &display)
        .env("XAUTHORITY", &xauthority)
        // By title: without a window manager, nothing sets _NET_WM_PID for `--pid`.
        .args(["search", "--name", "CSMS Desk"])
        .output()
        .expect("xdotool runs (cargo xtask test installs it)");
    let ids = String::from_utf8_lossy(&windows.stdout).into_owned();
    assert!(!ids.trim().is_empty(), "the app's windows are found");
    for id in ids.split_whitespace() {
        let _ = Command::new("python3")
            .env("DISPLAY", &display)
            .env("XAUTHORITY", &xauthority)
            .args(["-c", CLOSE_WINDOW, id])
            .status();
    }
    let started = Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists() && started.elapsed() < Duration::from_secs(30)
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        !Path::new(&format!("/proc/{pid}")).exists(),
        "the app ends when its window is closed"
    );
    drop(app);
    let text = std::fs::read_to_string(ws.join("workspace.lock")).unwrap();
    assert!(
        text.is_empty(),
        "a closed window is a normal exit: the app closed its workspace and emptied the lock \
         file before the event loop ended the process: {text:?}"
    );
    let next = cli(&ws, &["location", "add", "Plant Nord"]);
    let said = String::from_utf8_lossy(&next.stderr);
    assert!(next.status.success(), "{said}");
    assert!(!said.contains("took over"), "no crashed holder: {said}");
}
