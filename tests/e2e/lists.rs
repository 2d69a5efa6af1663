//! The lists at scale: the vault and the deadlines ask the backend for one page at a time, so
//! only the rows shown exist in the page, and a filter, a sort or a page is a new question.

use std::path::Path;

use crate::support::{App, Desktop, SERIAL, messages};

/// `super::evidence_workspace` plus `count` evidence files in two folders: `report-NNN.txt`,
/// every tenth one `sbom-NNN.json`. The first hundred were due for review yesterday, owned by
/// Anna; the rest are due next year, owned by Bernd.
fn many_items_workspace(ws: &Path, docs: &Path, count: usize) {
    use csmsdesk_workspace::{EvidenceInput, LinkInput, Workspace};
    super::evidence_workspace(ws);
    let today = chrono::Local::now().date_naive();
    let mut workspace = Workspace::open(ws, chrono::Utc::now()).unwrap();
    for (folder, range, due, owner) in [
        ("due", 0..100, today - chrono::Days::new(1), "Anna"),
        ("later", 100..count, today + chrono::Days::new(365), "Bernd"),
    ] {
        let dir = docs.join(folder);
        std::fs::create_dir_all(&dir).unwrap();
        for i in range {
            let name = if i % 10 == 0 {
                format!("sbom-{i:03}.json")
            } else {
                format!("report-{i:03}.txt")
            };
            std::fs::write(dir.join(name), format!("evidence {i}")).unwrap();
        }
        let details = EvidenceInput {
            owner: owner.into(),
            review_due: due.to_string(),
            ..EvidenceInput::default()
        };
        let links = LinkInput {
            targets: vec!["1.1.a".into()],
            ..LinkInput::default()
        };
        let report = workspace
            .add_evidence(
                &[dir],
                &details,
                &links,
                chrono::Utc::now(),
                &|_| {},
                &std::sync::atomic::AtomicBool::new(false),
            )
            .unwrap();
        assert!(
            report
                .outcomes
                .iter()
                .all(|o| matches!(o.result, csmsdesk_workspace::FileResult::Added { .. }))
        );
    }
}

/// How many rows the table `css` has in the page (not only on screen), once it is complete:
/// a long page shows a screenful first and appends the rest after that frame is painted, so
/// the count is read until it has held still for 300 ms.
async fn rows(app: &App, css: &str) -> u64 {
    let count = || async {
        app.client
            .execute(
                "return document.querySelectorAll(arguments[0]).length",
                vec![serde_json::json!(format!("{css} tbody tr"))],
            )
            .await
            .unwrap()
            .as_u64()
            .unwrap()
    };
    let mut last = count().await;
    let mut same = 0;
    while same < 10 {
        tokio::time::sleep(std::time::Duration::from_millis(30)).await;
        let now = count().await;
        same = if now == last { same + 1 } else { 0 };
        last = now;
    }
    last
}

/// The pager's words for rows `first` to `last` of `total`, in English.
fn range(first: u32, last: u32, total: u32) -> String {
    messages("en")["pager.range"]
        .replace("{first}", &first.to_string())
        .replace("{last}", &last.to_string())
        .replace("{total}", &total.to_string())
}

#[tokio::test]
async fn the_vault_and_the_deadlines_page_a_few_hundred_items_and_filter_and_sort_in_the_backend() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let ws = desktop.home.path().join("csms");
    many_items_workspace(&ws, &desktop.home.path().join("docs"), 300);
    let en = messages("en");
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;

    // The dashboard counts and cuts in the backend: the evidence step is done, five deadlines.
    app.wait_for("#step-evidence.done").await;
    app.wait_for("#dashboard-deadlines:not([hidden]) li").await;
    assert_eq!(
        app.client
            .execute(
                "return document.querySelectorAll('#dashboard-deadlines li').length",
                vec![]
            )
            .await
            .unwrap(),
        5
    );

    // The vault: the first hundred of three hundred, by title in people's order.
    app.go("evidence").await;
    app.wait_for_text("#evidence-pager-range", &range(1, 100, 300))
        .await;
    assert_eq!(
        rows(&app, "#evidence-table").await,
        100,
        "only the page's rows exist"
    );
    let first = app.text("#evidence-table tbody tr").await;
    assert!(first.contains("report-001.txt"), "{first}");
    app.click("#evidence-pager-next").await;
    app.wait_for_text("#evidence-pager-range", &range(101, 200, 300))
        .await;
    app.screenshot("lists-01-vault-second-page").await;

    // Typing a filter asks once the typing pauses, from the first page.
    app.fill("#evidence-filter", "sbom").await;
    let count = en["vault.count"]
        .replace("{shown}", "30")
        .replace("{total}", "300");
    app.wait_for_text("#evidence-count", &count).await;
    assert_eq!(rows(&app, "#evidence-table").await, 30);
    assert!(
        app.client
            .find(fantoccini::Locator::Css("#evidence-pager[hidden]"))
            .await
            .is_ok(),
        "one page holds them all: no pager"
    );
    // Sorting by title again turns it round, in the backend.
    app.click("#evidence-table [data-sort='title']").await;
    app.wait_for_containing("#evidence-table tbody tr", "sbom-290.json")
        .await;
    // And the state: the ten whose review was due yesterday.
    app.set_value("#evidence-state-filter", "review-due").await;
    let due = en["vault.count"]
        .replace("{shown}", "10")
        .replace("{total}", "300");
    app.wait_for_text("#evidence-count", &due).await;
    app.wait_for_containing("#evidence-table tbody tr", "sbom-090.json")
        .await;
    app.screenshot("lists-02-vault-filtered-sorted").await;
    // An item opens below the table by its id.
    app.click("#evidence-table tbody tr .evidence-details")
        .await;
    app.wait_for_containing("#evidence-detail", "sbom-090.json")
        .await;

    // The deadlines: a page of the three hundred reviews, the counts over all of them.
    app.go("deadlines").await;
    app.wait_for_text("#deadlines-pager-range", &range(1, 100, 300))
        .await;
    assert_eq!(rows(&app, "#deadlines-table").await, 100);
    let summary = app.text("#deadlines-summary").await;
    assert!(
        summary.starts_with("300 deadlines: 100 overdue"),
        "{summary}"
    );
    app.click("#deadlines-table [data-sort='owner']").await;
    app.wait_for("#deadlines-table th[aria-sort='ascending'] [data-sort='owner']")
        .await;
    app.click("#deadlines-pager-next").await;
    app.wait_for_text("#deadlines-pager-range", &range(101, 200, 300))
        .await;
    let row = app.text("#deadlines-table tbody tr").await;
    assert!(
        row.contains("Bernd"),
        "by owner: Anna's hundred, then Bernd's: {row}"
    );
    app.screenshot("lists-03-deadlines-second-page").await;
    app.quit(&ws).await;
}
