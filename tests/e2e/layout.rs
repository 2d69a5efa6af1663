//! Layout at 1280x800, checked from the page: tables fit their container on Deadlines,
//! Evidence and Audits, the navigation stays in view on a long page, dates never wrap in a
//! cell; and dates are shown and typed in the app's language.

use std::path::Path;

use serde_json::Value;

use crate::support::{App, Desktop, SERIAL, messages};

/// `super::audit_workspace` plus forty evidence files with long names and a long owner,
/// each due for review on its own day: forty more deadlines, so the Deadlines page is long.
fn crowded_workspace(ws: &Path, docs: &Path) {
    use csmsdesk_workspace::{EvidenceInput, LinkInput, Workspace};
    super::audit_workspace(ws);
    let today = chrono::Local::now().date_naive();
    let mut workspace = Workspace::open(ws, chrono::Utc::now()).unwrap();
    for i in 0..40u64 {
        let dir = docs.join(format!("batch-{i:02}"));
        std::fs::create_dir_all(&dir).unwrap();
        let name = format!(
            "Cybersecurity-management-system-policy-and-procedures-for-the-development-site-{i:02}.pdf"
        );
        std::fs::write(dir.join(name), format!("evidence {i}")).unwrap();
        let details = EvidenceInput {
            owner: "Information Security Management Office (Plant Nord)".into(),
            review_due: (today + chrono::Days::new(10 + i)).to_string(),
            ..EvidenceInput::default()
        };
        let links = LinkInput {
            targets: vec!["1.1.a".into()],
            ..LinkInput::default()
        };
        workspace
            .add_evidence(
                &[dir],
                &details,
                &links,
                chrono::Utc::now(),
                &|_| {},
                &std::sync::atomic::AtomicBool::new(false),
            )
            .unwrap();
    }
}

/// Widths of every table shown in the main column, against its container and the window.
const TABLES_FIT: &str = r#"
const main = document.querySelector('#main');
const tables = [...main.querySelectorAll('table')].filter((t) => t.getClientRects().length);
return {
  tables: tables.map((t) => ({
    id: t.id || t.className,
    width: t.getBoundingClientRect().width,
    container: t.parentElement.clientWidth,
    right: t.getBoundingClientRect().right,
  })),
  viewport: window.innerWidth,
  page_overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  main_overflow: main.scrollWidth - main.clientWidth,
};
"#;

/// Asserts that no table on the current screen is wider than its container or the window.
async fn assert_tables_fit(app: &App, screen: &str) {
    let found = app.client.execute(TABLES_FIT, vec![]).await.unwrap();
    let tables = found["tables"].as_array().unwrap();
    assert!(!tables.is_empty(), "{screen} shows a table: {found}");
    let viewport = found["viewport"].as_f64().unwrap();
    assert_eq!(viewport, 1280.0, "the window is 1280 px wide: {found}");
    for table in tables {
        let (width, container) = (
            table["width"].as_f64().unwrap(),
            table["container"].as_f64().unwrap(),
        );
        assert!(
            width <= container + 0.5,
            "{screen}: table {} is {width} px wide in a {container} px container",
            table["id"]
        );
        assert!(
            table["right"].as_f64().unwrap() <= viewport,
            "{screen}: table {} ends off screen: {found}",
            table["id"]
        );
    }
    assert!(
        found["page_overflow"].as_f64().unwrap() <= 0.0
            && found["main_overflow"].as_f64().unwrap() <= 0.0,
        "{screen}: nothing scrolls sideways: {found}"
    );
}

/// Every table cell on screen that holds a date and nothing else (`2027-08-18`, `18.08.2027`):
/// its text and on how many lines its content lies (distinct tops of the boxes it makes).
const DATE_CELLS: &str = r#"
const date = /^(\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4})$/;
return [...document.querySelectorAll('#main table td')]
  .filter((td) => td.getClientRects().length && date.test(td.textContent.trim()))
  .map((td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    return { text: td.textContent.trim(), lines: tops.size };
  });
"#;

/// The dates of the tables on screen, after checking that none wraps.
async fn dates_on_one_line(app: &App, screen: &str) -> Vec<String> {
    let cells = app.client.execute(DATE_CELLS, vec![]).await.unwrap();
    let cells = cells.as_array().unwrap();
    assert!(!cells.is_empty(), "{screen} shows dates in its table");
    for cell in cells {
        assert_eq!(
            cell["lines"], 1,
            "{screen}: the date {} wraps: {cell}",
            cell["text"]
        );
    }
    cells
        .iter()
        .map(|c| c["text"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn at_1280_by_800_tables_fit_the_navigation_stays_and_dates_keep_to_one_line_and_language() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let ws = desktop.home.path().join("csms");
    crowded_workspace(&ws, &desktop.home.path().join("docs"));
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.client.set_window_rect(0, 0, 1280, 800).await.unwrap();
    // The window manager applies the size a moment later: wait for the page to see it.
    let started = std::time::Instant::now();
    let size = loop {
        let size: Value = app
            .client
            .execute("return [window.innerWidth, window.innerHeight]", vec![])
            .await
            .unwrap();
        if size[0] == 1280 || started.elapsed() > std::time::Duration::from_secs(10) {
            break size;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert_eq!(size[0], 1280, "the webview is 1280 px wide: {size}");

    // Deadlines: the widest table, and a long page.
    app.go("deadlines").await;
    app.wait_for("#deadlines-table tbody tr").await;
    assert_tables_fit(&app, "Deadlines").await;
    let dates = dates_on_one_line(&app, "Deadlines").await;
    assert!(
        dates
            .iter()
            .all(|d| d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-'),
        "English dates are ISO days: {dates:?}"
    );
    app.screenshot("layout-01-deadlines-1280").await;

    // Scrolled to the bottom, the navigation is still on screen, every link of it.
    let scrolled = app
        .client
        .execute(
            "window.scrollTo(0, document.documentElement.scrollHeight);\n\
             const links = [...document.querySelectorAll('#nav a')];\n\
             return { y: window.scrollY, height: window.innerHeight,\n\
               top: links[0].getBoundingClientRect().top,\n\
               bottom: links.at(-1).getBoundingClientRect().bottom };",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        scrolled["y"].as_f64().unwrap() > 400.0,
        "the page is long enough to scroll: {scrolled}"
    );
    assert!(
        scrolled["top"].as_f64().unwrap() >= 0.0
            && scrolled["bottom"].as_f64().unwrap() <= scrolled["height"].as_f64().unwrap(),
        "the navigation stays in view: {scrolled}"
    );
    app.screenshot("layout-02-deadlines-scrolled").await;
    app.client
        .execute("window.scrollTo(0, 0)", vec![])
        .await
        .unwrap();

    // Evidence: long file names and owners break inside their cells.
    app.go("evidence").await;
    app.wait_for("#evidence-table tbody tr").await;
    assert_tables_fit(&app, "Evidence").await;
    dates_on_one_line(&app, "Evidence").await;
    app.screenshot("layout-03-evidence-1280").await;

    // Audits: the list of audits with their meeting dates.
    app.go("audits").await;
    app.wait_for("#audits-table tr[data-audit-id]").await;
    assert_tables_fit(&app, "Audits").await;
    dates_on_one_line(&app, "Audits").await;
    app.screenshot("layout-04-audits-1280").await;

    // German: the dates of the tables read 18.08.2027, and a date field shows and takes the
    // German format whatever the OS locale, while the app still works in ISO days.
    app.go("settings").await;
    app.fill("#company_name", "Muster Zulieferer GmbH").await;
    app.set_value("#language", "de").await;
    app.click("[data-action='save-profile']").await;
    app.wait_for_text("[data-nav='deadlines']", &messages("de")["nav.deadlines"])
        .await;
    app.go("deadlines").await;
    app.wait_for("#deadlines-table tbody tr").await;
    assert_tables_fit(&app, "Fristen").await;
    let dates = dates_on_one_line(&app, "Fristen").await;
    assert!(
        dates
            .iter()
            .all(|d| d.len() == 10 && d.as_bytes()[2] == b'.' && d.as_bytes()[5] == b'.'),
        "German dates are DD.MM.YYYY: {dates:?}"
    );
    app.screenshot("layout-05-deadlines-de").await;

    app.go("audits").await;
    app.wait_for("#audits-table tr[data-audit-id]").await;
    app.click("#audit-add-panel summary").await;
    let field = app.wait_for("#audit-closing").await;
    assert_eq!(
        field.attr("placeholder").await.unwrap().as_deref(),
        Some("TT.MM.JJJJ"),
        "the placeholder names the German format"
    );
    assert_eq!(
        field.attr("type").await.unwrap().as_deref(),
        Some("text"),
        "not the webview's date input, whose format follows the OS"
    );
    app.fill("#audit-closing", "18.08.2027").await;
    let read: Value = app
        .client
        .execute(
            "const f = document.querySelector('#audit-closing');\n\
             return [f.value, new FormData(f.form).get('closing_meeting')];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        read[0], "2027-08-18",
        "the field reads the German date as an ISO day: {read}"
    );
    assert_eq!(
        read[1], "2027-08-18",
        "the form's FormData carries the ISO day too: {read}"
    );
    app.set_value("#audit-closing", "2027-03-15").await;
    assert_eq!(
        app.client
            .execute(
                "return HTMLInputElement.prototype.__lookupGetter__('value').call(document.querySelector('#audit-closing'))",
                vec![]
            )
            .await
            .unwrap(),
        "15.03.2027",
        "a day set by the code is shown in German"
    );
    app.screenshot("layout-06-audit-date-field-de").await;
    app.quit(&ws).await;
}
