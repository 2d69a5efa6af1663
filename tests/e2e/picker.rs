//! The evidence picker in the real window: search as you type, keyboard choice and chips. On
//! the requirements tab it links chosen items to one requirement (the row then shows them,
//! its first chips capped with "and N more"); under an audit finding it attaches evidence to
//! a new corrective action (the form is built when its panel opens). What the screens show
//! is checked again in the workspace once the app has let go of it.

use fantoccini::Locator;
use fantoccini::key::Key;

use crate::support::{App, Desktop, SERIAL, messages};

/// `evidence_workspace` plus 40 evidence files (seven "policy" items linked to 1.1.a, one
/// "pentest report", the rest "tara" worksheets), an initial audit that closed today and one
/// finding on 1.1. Returns the scope's id.
fn picker_workspace(dir: &std::path::Path) -> i64 {
    use csmsdesk_workspace::{AuditId, AuditInput, EvidenceInput, LinkInput, Workspace};
    let prepared = crate::evidence_workspace(dir);
    let now = chrono::Utc::now();
    let mut ws = Workspace::open(dir, now).unwrap();
    let docs = dir.parent().unwrap().join("picker-docs");
    std::fs::create_dir_all(&docs).unwrap();
    let mut add = |name: &str, targets: &[&str]| {
        let path = docs.join(name);
        std::fs::write(&path, name).unwrap();
        ws.add_evidence(
            &[path],
            &EvidenceInput::default(),
            &LinkInput {
                targets: targets.iter().map(|t| t.to_string()).collect(),
                ..LinkInput::default()
            },
            now,
            &|_| {},
            &std::sync::atomic::AtomicBool::new(false),
        )
        .unwrap();
    };
    for n in 1..=7 {
        add(&format!("policy-{n}.pdf"), &["1.1.a"]);
    }
    add("pentest report.pdf", &[]);
    for n in 1..=32 {
        add(&format!("tara-{n:02}.xlsx"), &[]);
    }
    let audit = ws
        .add_audit(&AuditInput {
            scope: prepared.scope,
            kind: "initial".into(),
            closing_meeting: chrono::Local::now().date_naive().to_string(),
            ..AuditInput::default()
        })
        .unwrap();
    ws.add_finding(
        AuditId(audit.id),
        "1.1",
        "minor",
        "The policy was not reviewed",
        None,
    )
    .unwrap();
    prepared.scope.0
}

/// Types `text` into the picker `#{id}-input` and waits until its list offers `option`.
async fn search(app: &App, id: &str, text: &str, option: &str) {
    app.fill(&format!("#{id}-input"), text).await;
    app.wait_for_containing(&format!("#{id}-list [role='option']"), option)
        .await;
}

/// Presses `key` in the element matching `css`.
async fn press(app: &App, css: &str, key: Key) {
    app.wait_for(css).await.send_keys(&key).await.unwrap();
}

#[tokio::test]
async fn the_picker_links_evidence_to_a_requirement_and_attaches_it_to_a_corrective_action() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let en = messages("en");
    let ws = desktop.home.path().join("csms");
    let scope = picker_workspace(&ws);
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.wait_for("[data-view='dashboard']").await;

    // The requirements tab: 1.1.a shows its first five of seven items and "and 2 more".
    app.visit(&format!("#/evidence?tab=requirements&scope={scope}"))
        .await;
    let more = en["mapping.more_evidence"].replace("{count}", "2");
    app.wait_for_text("[data-requirement='1.1.a'] .more-evidence", &more)
        .await;
    let chips = Locator::Css("[data-requirement='1.1.a'] .evidence-chip");
    assert_eq!(app.client.find_all(chips).await.unwrap().len(), 5);
    app.click("[data-requirement='1.1.a'] .more-evidence").await;
    app.wait_for("[data-requirement='1.1.a'] .evidence-chip[data-evidence-id='7']")
        .await;
    assert_eq!(
        app.client.find_all(chips).await.unwrap().len(),
        7,
        "all seven, and no \"more\" left"
    );

    // 1.1.b has none; its picker opens on demand, finds by a word of the file name (case
    // ignored), and Enter chooses the active match without submitting anything.
    app.wait_for("[data-requirement='1.1.b'] .no-evidence")
        .await;
    app.click("[data-requirement='1.1.b'] .link-evidence-open")
        .await;
    let picker = "link-picker-1_1_b";
    search(&app, picker, "PENTEST", "pentest report.pdf").await;
    let expanded = app
        .wait_for(&format!("#{picker}-input"))
        .await
        .attr("aria-expanded")
        .await
        .unwrap();
    assert_eq!(
        expanded.as_deref(),
        Some("true"),
        "the combobox says its list is open"
    );
    press(&app, &format!("#{picker}-input"), Key::Enter).await;
    app.wait_for_containing(&format!("#{picker}-chips"), "pentest report.pdf")
        .await;
    // A second item, chosen with the arrow keys among many matches (the first match of
    // "tara-1" is tara-10, which no shorter text puts first).
    search(&app, picker, "tara-1", "tara-10.xlsx").await;
    press(&app, &format!("#{picker}-input"), Key::Down).await;
    press(&app, &format!("#{picker}-input"), Key::Enter).await;
    app.wait_for_containing(&format!("#{picker}-chips"), "tara-11.xlsx")
        .await;
    app.screenshot("picker-01-requirement-choosing").await;
    app.click("[data-requirement='1.1.b'] .link-evidence").await;
    app.wait_for("[data-requirement='1.1.b'] .state-covered")
        .await;
    let row = app
        .wait_for_containing("[data-requirement='1.1.b'] .evidence-chips", "tara-11.xlsx")
        .await;
    assert!(row.contains("pentest report.pdf"), "{row}");
    app.screenshot("picker-02-requirement-linked").await;

    // The audit's finding: the action form is built when its panel opens; the picker
    // attaches a worksheet to the new corrective action.
    app.visit(&format!("#/audits?scope={scope}")).await;
    app.wait_for("li.finding").await;
    let forms = Locator::Css("li.finding form.action-form");
    assert!(
        app.client.find_all(forms).await.unwrap().is_empty(),
        "no form is built for a folded panel"
    );
    app.click("li.finding .action-add-panel summary").await;
    app.fill("li.finding .action-text", "Review the policy every year")
        .await;
    app.fill("li.finding .action-owner", "Anna").await;
    let due = chrono::Local::now().date_naive() + chrono::Days::new(30);
    app.set_value("li.finding .action-due", &due.to_string())
        .await;
    let input = app.wait_for("li.finding input.action-evidence").await;
    let id = input.attr("id").await.unwrap().unwrap();
    let id = id.trim_end_matches("-input");
    search(&app, id, "tara-17", "tara-17.xlsx").await;
    press(&app, &format!("#{id}-input"), Key::Enter).await;
    app.wait_for_containing(&format!("#{id}-chips"), "tara-17.xlsx")
        .await;
    app.screenshot("picker-03-action-choosing").await;
    app.click("li.finding .action-add").await;
    let action = app
        .wait_for_containing(
            "li.finding li[data-action-id] .action-evidence-list",
            "tara-17.xlsx",
        )
        .await;
    assert!(action.contains("tara-17.xlsx"), "{action}");
    app.screenshot("picker-04-action-added").await;
    app.quit(&ws).await;

    // What the screens showed is what the workspace holds.
    let held = csmsdesk_workspace::Workspace::open_read_only(&ws).unwrap();
    let today = chrono::Local::now().date_naive();
    let linked = held
        .requirement_evidence(
            csmsdesk_workspace::ScopeId(scope),
            Some("1.1.b"),
            None,
            today,
        )
        .unwrap();
    let titles: Vec<&str> = linked[0].items.iter().map(|b| b.title.as_str()).collect();
    assert_eq!(titles, ["pentest report.pdf", "tara-11.xlsx"]);
    let audit = held.audits(None).unwrap()[0].id;
    let view = held.audit_view(csmsdesk_workspace::AuditId(audit)).unwrap();
    let names: Vec<&str> = view.evidence.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["tara-17.xlsx"], "the action holds the chosen item");
}
