//! Everyday work in the vault (issue 17): ticking rows (Shift+click ranges) and "select all
//! N matching the filter" over more items than a page holds, one bulk change and a bulk
//! removal confirmed by its count; the one search (Ctrl+K) jumping to a record; a moved
//! source found by a scan, offered for relocation when added again, and relocated; the
//! export screen's path messages; a provider workbook preview with nothing to take over.

use std::path::Path;

use fantoccini::key::Key;
use serde_json::json;

use crate::support::{App, Desktop, SERIAL};

/// `super::evidence_workspace` plus 250 files added as evidence: `report-NNN.txt`, every
/// tenth one `sbom-NNN.json` (225 reports, 25 SBOMs).
fn vault_workspace(ws: &Path, docs: &Path) {
    use csmsdesk_workspace::{EvidenceInput, LinkInput, Workspace};
    super::evidence_workspace(ws);
    std::fs::create_dir_all(docs).unwrap();
    for i in 0..250 {
        let name = if i % 10 == 0 {
            format!("sbom-{i:03}.json")
        } else {
            format!("report-{i:03}.txt")
        };
        std::fs::write(docs.join(name), format!("evidence {i}")).unwrap();
    }
    let mut workspace = Workspace::open(ws, chrono::Utc::now()).unwrap();
    workspace
        .add_evidence(
            &[docs.to_owned()],
            &EvidenceInput::default(),
            &LinkInput::default(),
            chrono::Utc::now(),
            &|_| {},
            &std::sync::atomic::AtomicBool::new(false),
        )
        .unwrap();
}

/// How many items of the closed workspace `ws` have work product `wp`, counted by the
/// workspace's own query (the app has let go of it).
fn count_of_type(ws: &Path, wp: &str) -> u64 {
    let workspace = csmsdesk_workspace::Workspace::open_read_only(ws).unwrap();
    let input = csmsdesk_workspace::EvidencePageInput {
        work_product: wp.into(),
        limit: Some(0),
        ..Default::default()
    };
    workspace
        .evidence_page(
            &input,
            chrono::Local::now().date_naive(),
            csmsdesk_core::i18n::Lang::English,
        )
        .unwrap()
        .total
}

/// Clicks the tick box of row `row` (1-based) of the vault's table, with Shift held when
/// `shift`: a click event as the browser sends it (WebDriver's key and pointer actions are
/// not needed to hold a modifier for one click).
async fn tick_row(app: &App, row: usize, shift: bool) {
    let script = "const box = document.querySelectorAll('#evidence-table tbody .evidence-tick')[arguments[0] - 1];\n\
                  box.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, shiftKey: arguments[1] }));";
    app.client
        .execute(script, vec![json!(row), json!(shift)])
        .await
        .unwrap();
}

/// Brings `css` to the middle of the window for the next screenshot.
async fn show(app: &App, css: &str) {
    app.client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })",
            vec![json!(css)],
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn a_bulk_change_reaches_every_item_the_filter_keeps_and_a_bulk_removal_asks_with_its_count()
{
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let ws = desktop.home.path().join("csms");
    vault_workspace(&ws, &desktop.home.path().join("docs"));
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.go("evidence").await;
    app.wait_for_text("#evidence-count", "250 of 250 items")
        .await;

    // 225 reports match, a page shows 100: "select all" means the 225, not the rows loaded.
    app.fill("#evidence-filter", "report").await;
    app.wait_for_text("#evidence-count", "225 of 250 items")
        .await;
    app.wait_for_text(
        "#evidence-select-all-matching",
        "Select all 225 items matching the filter",
    )
    .await;
    app.click("#evidence-select-all-matching").await;
    app.wait_for_text(
        "#evidence-bulk-count",
        "All 225 items the filter keeps are selected, on every page.",
    )
    .await;
    app.set_value("#evidence-bulk-action", "work_product").await;
    app.set_value("#evidence-bulk-value", "WP-09-02").await;
    show(&app, "#evidence-bulk").await;
    app.screenshot("vault-bulk-01-all-matching-selected").await;
    app.click("#evidence-bulk-apply").await;
    app.wait_for_text(
        "#evidence-bulk-status",
        "225 items changed of 225 selected.",
    )
    .await;
    app.wait_for_text(
        "#evidence-bulk-count",
        "No items selected: tick rows (Shift+click for a range), or select all the filter keeps.",
    )
    .await;
    // The type filter finds them all, on pages the vault never loaded.
    app.fill("#evidence-filter", "").await;
    app.set_value("#evidence-type-filter", "WP-09-02").await;
    app.wait_for_text("#evidence-count", "225 of 250 items")
        .await;
    show(&app, "#evidence-bulk").await;
    app.screenshot("vault-bulk-02-type-set-on-all").await;

    // Shift+click: rows 2 to 5 of the SBOMs, then removal, confirmed by its count.
    app.set_value("#evidence-type-filter", "").await;
    app.fill("#evidence-filter", "sbom").await;
    app.wait_for_text("#evidence-count", "25 of 250 items")
        .await;
    tick_row(&app, 2, false).await;
    tick_row(&app, 5, true).await;
    app.wait_for_text("#evidence-bulk-count", "4 items selected.")
        .await;
    let ticked: Vec<String> = app
        .client
        .execute(
            "return [...document.querySelectorAll('#evidence-table tbody tr')].filter((r) => r.querySelector('.evidence-tick').checked).map((r) => r.querySelector('.evidence-details').textContent)",
            vec![],
        )
        .await
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        ticked,
        [
            "sbom-010.json",
            "sbom-020.json",
            "sbom-030.json",
            "sbom-040.json"
        ]
    );
    app.set_value("#evidence-bulk-action", "remove").await;
    app.click("#evidence-bulk-apply").await;
    app.wait_for("#evidence-bulk-confirm[open]").await;
    let question = app.text("#evidence-bulk-confirm-text").await;
    assert!(
        question.starts_with("Remove 4 evidence items with their links?"),
        "{question}"
    );
    app.screenshot("vault-bulk-03-remove-confirm").await;
    // Cancelled first: nothing goes.
    app.click("#evidence-bulk-cancel").await;
    app.wait_for("#evidence-bulk-confirm:not([open])").await;
    app.wait_for_text("#evidence-count", "25 of 250 items")
        .await;
    app.click("#evidence-bulk-apply").await;
    app.click("#evidence-bulk-confirm-remove").await;
    app.wait_for_text("#evidence-bulk-status", "4 items removed.")
        .await;
    app.wait_for_text("#evidence-count", "21 of 246 items")
        .await;
    app.screenshot("vault-bulk-04-removed").await;

    // A wrong review date is refused on its field, before anything is saved.
    app.click("#evidence-tick-page").await;
    app.wait_for_text("#evidence-bulk-count", "21 items selected.")
        .await;
    app.set_value("#evidence-bulk-action", "review").await;
    app.set_value("#evidence-bulk-value", "2020-01-01").await;
    app.click("#evidence-bulk-apply").await;
    app.wait_for_containing(
        "#evidence-bulk-form [data-field='review_due'] .field-error",
        "is not after today",
    )
    .await;
    app.screenshot("vault-bulk-05-past-review-refused").await;

    // Links: every unknown ID is named on the field, not only the last; then real ones.
    app.set_value("#evidence-bulk-action", "link").await;
    app.fill("#evidence-bulk-value", "99.9, 1.1.z, foo").await;
    app.click("#evidence-bulk-apply").await;
    let said = app
        .wait_for_containing(
            "#evidence-bulk-form [data-field='targets'] .field-error",
            "3 IDs are",
        )
        .await;
    assert!(
        said.contains("99.9, 1.1.z, foo"),
        "every unknown ID: {said}"
    );
    app.screenshot("vault-bulk-06-unknown-targets").await;
    app.fill("#evidence-bulk-value", "1.1.a").await;
    app.click("#evidence-bulk-apply").await;
    app.wait_for_text("#evidence-bulk-status", "21 new links for 21 items.")
        .await;
    app.set_value("#evidence-linked-filter", "some").await;
    app.wait_for_text("#evidence-count", "21 of 246 items")
        .await;
    app.quit(&ws).await;
    assert_eq!(count_of_type(&ws, "WP-09-02"), 225, "saved: every report");
}

#[tokio::test]
async fn ctrl_k_finds_a_record_of_any_kind_and_enter_jumps_to_it() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let ws = desktop.home.path().join("csms");
    vault_workspace(&ws, &desktop.home.path().join("docs"));
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.wait_for("#search-open").await;
    let main = app.wait_for("#main").await;
    main.send_keys(&(Key::Control + "k")).await.unwrap();
    app.wait_for("#search-dialog[open]").await;
    app.fill("#search-input", "sbom-120").await;
    app.wait_for("#search-results li[data-kind='evidence'][aria-selected='true']")
        .await;
    app.screenshot("vault-search-01-evidence-found").await;
    let input = app.wait_for("#search-input").await;
    input.send_keys(&Key::Enter.to_string()).await.unwrap();
    app.wait_for_containing("#evidence-detail", "sbom-120.json")
        .await;
    assert!(
        app.client
            .find(fantoccini::Locator::Css("#search-dialog"))
            .await
            .is_err(),
        "the dialog closed"
    );
    app.screenshot("vault-search-02-jumped-to-item").await;

    // Again, by the header's button: a requirement, chosen with the arrow keys.
    app.click("#search-open").await;
    app.fill("#search-input", "1.1").await;
    app.wait_for("#search-results li[data-kind='question']")
        .await;
    let input = app.wait_for("#search-input").await;
    // The requirements come first; Up wraps to the last result, the question 1.1 or the
    // scope's: go down from the top instead until a question is chosen.
    let mut chosen = String::new();
    for _ in 0..12 {
        chosen = app
            .client
            .execute(
                "return document.querySelector('#search-results li[aria-selected=\"true\"]').dataset.kind",
                vec![],
            )
            .await
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned();
        if chosen == "question" {
            break;
        }
        input.send_keys(&Key::Down.to_string()).await.unwrap();
    }
    assert_eq!(chosen, "question");
    app.screenshot("vault-search-03-question-chosen").await;
    input.send_keys(&Key::Enter.to_string()).await.unwrap();
    app.wait_for("#mapping-questions").await;
    let hash: String = app
        .client
        .execute("return location.hash", vec![])
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(hash, "#/evidence?tab=requirements&req=1.1");
    app.screenshot("vault-search-04-jumped-to-question").await;

    // A scope, on the scope screen's tab.
    main.send_keys(&(Key::Control + "k")).await.ok();
    if app
        .client
        .find(fantoccini::Locator::Css("#search-dialog[open]"))
        .await
        .is_err()
    {
        app.click("#search-open").await;
    }
    app.fill("#search-input", "ECU development").await;
    // "ecu" is in "security" too: requirements come first, the scope last (Up wraps to it).
    app.wait_for("#search-results li[data-kind='scope']").await;
    let input = app.wait_for("#search-input").await;
    input.send_keys(&Key::Up.to_string()).await.unwrap();
    app.wait_for("#search-results li[data-kind='scope'][aria-selected='true']")
        .await;
    input.send_keys(&Key::Enter.to_string()).await.unwrap();
    app.wait_for("[data-view='scope'] #scope-tab-scopes[aria-selected='true']")
        .await;
    app.quit(&ws).await;
}

#[tokio::test]
async fn a_moved_source_is_named_by_the_scan_offered_for_relocation_and_relocated() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let ws = desktop.home.path().join("csms");
    let docs = desktop.home.path().join("docs");
    vault_workspace(&ws, &docs);
    let archive = desktop.home.path().join("archive");
    std::fs::create_dir_all(&archive).unwrap();
    std::fs::rename(docs.join("sbom-000.json"), archive.join("sbom-000.json")).unwrap();
    std::fs::rename(docs.join("sbom-010.json"), archive.join("renamed.json")).unwrap();
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.go("evidence").await;
    // The quick scan at start found them already: the vault lists them without asking.
    app.wait_for("#evidence-scan-items li.missing").await;
    // "Check sources" lists them again, in a list drawn anew.
    app.client
        .execute(
            "document.getElementById('evidence-scan-items').dataset.old = 'yes'",
            vec![],
        )
        .await
        .unwrap();
    app.click("#evidence-scan").await;
    app.wait_for("#evidence-scan-items:not([data-old]) li.missing")
        .await;
    let listed = app.text("#evidence-scan-items").await;
    assert!(
        listed.contains("Missing: sbom-000.json") && listed.contains("Missing: sbom-010.json"),
        "{listed}"
    );
    show(&app, "#evidence-scan-items").await;
    app.screenshot("vault-relocate-01-scan-names-missing").await;

    // Added again from its new place: not a duplicate, but the offer to relocate.
    app.click("#evidence-add-panel summary").await;
    app.fill(
        "#evidence-path",
        archive.join("sbom-000.json").to_str().unwrap(),
    )
    .await;
    app.click("#evidence-add").await;
    app.wait_for("#evidence-outcomes [data-relocate-item]")
        .await;
    app.wait_for_containing(
        "#evidence-status",
        "1 file has the content of an item whose source is missing",
    )
    .await;
    show(&app, "#evidence-outcomes").await;
    app.screenshot("vault-relocate-02-offer").await;
    app.click("#evidence-outcomes [data-relocate-item]").await;
    app.wait_for_text(
        "#evidence-status",
        "“sbom-000.json” now points to the file, with its versions and links.",
    )
    .await;

    // The other by its detail: the scan's link opens it, "Locate…" has a typed path too.
    app.client
        .execute(
            "[...document.querySelectorAll('#evidence-scan-items li.missing a')].find((a) => a.textContent === 'sbom-010.json').click()",
            vec![],
        )
        .await
        .unwrap();
    app.wait_for_containing("#evidence-detail", "sbom-010.json")
        .await;
    app.wait_for("#detail-relocate-panel[open]").await;
    app.fill(
        "#detail-relocate-path",
        archive.join("renamed.json").to_str().unwrap(),
    )
    .await;
    app.click("#detail-relocate").await;
    app.wait_for_text(
        "#detail-files-status",
        "The item now points to the file there (same content).",
    )
    .await;
    app.wait_for_containing("#evidence-detail", "renamed.json")
        .await;
    app.wait_for("#evidence-detail .badge.state-current").await;
    // "Show where the source lives": the path the workspace holds, whether or not a file
    // manager answers (none runs under Xvfb here).
    app.click("#detail-reveal").await;
    app.wait_for_text(
        "#detail-source-shown",
        &format!("The source is {}", archive.join("renamed.json").display()),
    )
    .await;
    show(&app, "#detail-files").await;
    app.screenshot("vault-relocate-03-relocated").await;
    app.quit(&ws).await;
    let workspace = csmsdesk_workspace::Workspace::open_read_only(&ws).unwrap();
    let missing = workspace
        .evidence_page(
            &csmsdesk_workspace::EvidencePageInput {
                state: "missing".into(),
                limit: Some(0),
                ..Default::default()
            },
            chrono::Local::now().date_naive(),
            csmsdesk_core::i18n::Lang::English,
        )
        .unwrap()
        .total;
    assert_eq!(missing, 0, "both found again; 250 items, no duplicate");
    assert_eq!(
        workspace
            .evidence(chrono::Local::now().date_naive())
            .unwrap()
            .len(),
        250
    );
}

#[tokio::test]
async fn an_export_path_message_shows_the_users_own_home_and_a_folder_is_named_once() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let ws = desktop.home.path().join("csms");
    super::evidence_workspace(&ws);
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.go("export").await;
    app.fill("#export-path", "exports/ecu.zip").await;
    app.click("#export-run").await;
    // The app runs with HOME set to the test's home folder: the example is that user's.
    let example = desktop.home.path().join("exports/ecu.zip");
    let said = app
        .wait_for_containing("#export-status", "is not a full path")
        .await;
    assert_eq!(
        said,
        format!(
            "“exports/ecu.zip” is not a full path. Type the full path of the file, starting at \
             the top, for example {}.",
            example.display()
        )
    );
    app.screenshot("export-path-01-relative").await;
    let folder = desktop.home.path().join("out");
    std::fs::create_dir_all(&folder).unwrap();
    app.fill("#export-path", folder.to_str().unwrap()).await;
    app.click("#export-run").await;
    let field = app
        .wait_for_containing(
            "#export-form [data-field='out'] .field-error",
            "is a folder",
        )
        .await;
    assert_eq!(
        field,
        format!(
            "{} is a folder. Name the package file itself, for example {}.",
            folder.display(),
            folder.join("csms-package.zip").display()
        )
    );
    let status = app.text("#export-status").await;
    assert!(
        !status.contains("is a folder"),
        "the field says it; the status does not repeat it: {status}"
    );
    app.screenshot("export-path-02-folder-once").await;
    app.quit(&ws).await;
}

#[tokio::test]
async fn a_provider_workbook_without_changes_previews_as_nothing_to_take_over_not_null() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let ws = desktop.home.path().join("csms");
    let prepared = super::evidence_workspace(&ws);
    let audit = {
        let mut workspace = csmsdesk_workspace::Workspace::open(&ws, chrono::Utc::now()).unwrap();
        workspace
            .add_audit(&csmsdesk_workspace::AuditInput {
                scope: prepared.scope,
                kind: "initial".into(),
                provider: "Example Audits GmbH".into(),
                lead_auditor: "A. Auditor".into(),
                opening_meeting: String::new(),
                closing_meeting: chrono::Local::now().date_naive().to_string(),
            })
            .unwrap()
            .id
    };
    // The blank demo workbook: no result, no finding, no measure in any row.
    let workbook = desktop.home.path().join("provider.xlsx");
    std::fs::write(&workbook, csmsdesk_workbook::demo::workbook().unwrap()).unwrap();
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.visit(&format!(
        "#/audits?scope={}&audit={audit}",
        prepared.scope.0
    ))
    .await;
    app.click("#audit-import summary").await;
    app.fill("#audit-workbook-path", workbook.to_str().unwrap())
        .await;
    app.click("#audit-import-preview").await;
    app.wait_for_text(
        "#audit-import-status",
        &crate::support::messages("en")["mapping.import_nothing"],
    )
    .await;
    let shown: String = app
        .client
        .execute(
            "return document.getElementById('audit-import-results').textContent",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned();
    assert!(!shown.contains("null"), "the preview shows {shown:?}");
    assert_eq!(shown, "", "nothing to take over: an empty preview");
    app.screenshot("audit-import-nothing").await;
    app.quit(&ws).await;
}
