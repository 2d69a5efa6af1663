//! Correcting an audit through its screen: the results of every question typed into one
//! table with the keyboard and saved at once (the labels panel follows at once; a result that
//! contradicts a finding is refused, naming the row); a corrective action changed with the
//! form's live check telling what is wrong or late before the save; a finding changed; an
//! action removed; a finding with an action removed after a confirm step that names it; a CAP
//! audit showing its plan instead of results.

use fantoccini::Locator;

use crate::support::{App, Desktop, SERIAL, messages};

/// The ids of what `corrections_workspace` made.
struct Made {
    scope: i64,
    initial: i64,
    cap: i64,
    /// The minor finding on 1.1 with two actions, and the observation on 1.2.
    minor: i64,
    observation: i64,
    actions: [i64; 2],
    applicable: usize,
}

/// `evidence_workspace` plus an initial audit closed ten days ago with a minor finding on 1.1
/// (two corrective actions, owner Anna) and an observation on 1.2, and a CAP audit today.
fn corrections_workspace(dir: &std::path::Path) -> Made {
    use csmsdesk_workspace::{ActionInput, AuditId, AuditInput, FindingId, Workspace};
    let prepared = crate::evidence_workspace(dir);
    let today = chrono::Local::now().date_naive();
    let closing = today - chrono::Days::new(10);
    let mut ws = Workspace::open(dir, chrono::Utc::now()).unwrap();
    let audit = |kind: &str, date: chrono::NaiveDate| AuditInput {
        scope: prepared.scope,
        kind: kind.into(),
        closing_meeting: date.to_string(),
        ..AuditInput::default()
    };
    let initial = ws.add_audit(&audit("initial", closing)).unwrap().id;
    let minor = ws
        .add_finding(
            AuditId(initial),
            "1.1",
            "minor",
            "No annual policy review",
            None,
        )
        .unwrap()
        .id;
    let observation = ws
        .add_finding(
            AuditId(initial),
            "1.2",
            "observation",
            "Roles unclear",
            None,
        )
        .unwrap()
        .id;
    let mut actions = [0; 2];
    for (slot, text) in actions
        .iter_mut()
        .zip(["Review the policy", "Publish the policy"])
    {
        *slot = ws
            .add_action(&ActionInput {
                finding: FindingId(minor),
                description: text.into(),
                owner: "Anna".into(),
                due: (today + chrono::Days::new(20)).to_string(),
                ..ActionInput::default()
            })
            .unwrap()
            .0
            .id;
    }
    let cap = ws.add_audit(&audit("cap", today)).unwrap().id;
    let applicable = ws
        .audit_view(AuditId(initial))
        .unwrap()
        .questions
        .iter()
        .filter(|q| q.1)
        .count();
    Made {
        scope: prepared.scope.0,
        initial,
        cap,
        minor,
        observation,
        actions,
        applicable,
    }
}

/// Sends `keys` to the element `css` as a user typing on it.
async fn type_keys(app: &App, css: &str, keys: &str) {
    app.wait_for(css).await.send_keys(keys).await.unwrap();
}

/// Scrolls `css` to the middle of the window, so that the next screenshot shows it.
async fn into_view(app: &App, css: &str) {
    app.wait_for(css).await;
    app.client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap();
}

/// The id of the element that has the focus.
async fn focused(app: &App) -> String {
    let id = app
        .client
        .execute(
            "return document.activeElement && document.activeElement.id",
            vec![],
        )
        .await
        .unwrap();
    id.as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn the_results_table_is_filled_by_keyboard_and_saved_at_once() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let en = messages("en");
    let ws = desktop.home.path().join("csms");
    let made = corrections_workspace(&ws);
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.wait_for("[data-view='dashboard']").await;
    app.visit(&format!(
        "#/audits?scope={}&audit={}",
        made.scope, made.initial
    ))
    .await;
    app.wait_for("#audit-results select.audit-result").await;
    app.wait_for_containing("#audit-next-step", "without a result")
        .await;

    // 1.1 (its minor finding) gets m, every other question c; the arrow moves down a row.
    let first = "#audit-results tbody tr:first-child select.audit-result";
    app.click(first).await;
    type_keys(&app, first, "m").await;
    for row in 2..=made.applicable {
        let previous = format!("#audit-results tbody tr:nth-child({}) select", row - 1);
        type_keys(&app, &previous, &fantoccini::key::Key::Down).await;
        let current = format!("#audit-results tbody tr:nth-child({row}) select");
        let id = app
            .wait_for(&current)
            .await
            .attr("id")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(focused(&app).await, id, "the arrow moved to row {row}");
        type_keys(&app, &current, "c").await;
    }
    assert_eq!(app.value(first).await, "minor", "m is minor");
    app.wait_for_containing(
        "#audit-results-changed",
        &format!("{} results changed", made.applicable),
    )
    .await;
    into_view(&app, "#audit-results-save").await;
    app.screenshot("audits-edit-01-results-typed").await;
    app.click("#audit-results-save").await;
    app.wait_for_containing(
        "#audit-results-status",
        &format!("{} results saved", made.applicable),
    )
    .await;
    // Every panel tells what is saved: the overall result, and the labels' next step.
    app.wait_for_text("#audit-overall", &en["predicted.conditional_pass"])
        .await;
    let next = app.text("#audit-next-step").await;
    assert!(!next.contains("without a result"), "{next}");
    into_view(&app, "#audit-labels").await;
    app.screenshot("audits-edit-02-results-saved").await;

    // A conform result on 1.1, which has a minor finding: refused, the row says why.
    type_keys(&app, first, "c").await;
    app.click("#audit-results-save").await;
    let problem = app.wait_for_containing("#audit-q-1\\.1-error", "1.1").await;
    assert!(problem.contains("Minor non-conformity"), "{problem}");
    app.wait_for_text("#audit-overall", &en["predicted.conditional_pass"])
        .await;
    into_view(&app, "#audit-q-1\\.1-error").await;
    app.screenshot("audits-edit-03-result-refused").await;

    // The CAP audit shows the plan it confirms, not results.
    app.visit(&format!("#/audits?scope={}&audit={}", made.scope, made.cap))
        .await;
    app.wait_for("#cap-plan #cap-plan-actions tr[data-action-id]")
        .await;
    assert!(
        app.client
            .find_all(Locator::Css("#audit-results"))
            .await
            .unwrap()
            .is_empty(),
        "no results table for a CAP audit"
    );
    app.wait_for_text("#audit-overall", &en["audits_ui.plan_unconfirmed"])
        .await;
    into_view(&app, "#cap-plan").await;
    app.screenshot("audits-edit-04-cap-plan").await;

    // The CAP audit removed: asked once more, then the list holds the initial audit alone.
    app.click("#audit-remove-panel summary").await;
    app.click("#audit-remove").await;
    app.wait_for_containing("#audit-remove", "results?").await;
    app.click("#audit-remove").await;
    wait_gone(
        &app,
        &format!("#audits-table tr[data-audit-id='{}']", made.cap),
    )
    .await;
    app.wait_for(&format!(
        "#audits-table tr[data-audit-id='{}']",
        made.initial
    ))
    .await;
    app.quit(&ws).await;
}

#[tokio::test]
async fn findings_and_actions_are_changed_and_removed_through_the_screen() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let ws = desktop.home.path().join("csms");
    let made = corrections_workspace(&ws);
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.wait_for("[data-view='dashboard']").await;
    app.visit(&format!(
        "#/audits?scope={}&audit={}",
        made.scope, made.initial
    ))
    .await;
    let action = format!("li[data-action-id='{}']", made.actions[0]);
    app.wait_for(&action).await;

    // The form checks while typing: no owner is refused, a late date warned, before a save.
    app.click(&format!("{action} .action-edit-panel summary"))
        .await;
    let owner = format!("#action-edit-owner-{}", made.actions[0]);
    app.fill(&owner, "").await;
    app.wait_for_containing(&format!("#{}-error", &owner[1..]), "owner")
        .await;
    let late = chrono::Local::now().date_naive() + chrono::Days::new(100);
    app.set_value(
        &format!("#action-edit-due-{}", made.actions[0]),
        &late.to_string(),
    )
    .await;
    app.wait_for_containing(&format!("{action} .action-warnings"), "justification")
        .await;
    into_view(&app, &format!("{action} .action-warnings")).await;
    app.screenshot("audits-edit-05-action-live-check").await;
    app.fill(&owner, "Ben").await;
    app.fill(
        &format!("#action-edit-justification-{}", made.actions[0]),
        "Supplier tooling changes first",
    )
    .await;
    app.click(&format!("{action} .action-save")).await;
    app.wait_for_containing(&format!("{action} .action-meta"), "Ben")
        .await;
    // The audit's actions table above shows the change too.
    app.wait_for_containing(
        &format!("#audit-actions tr[data-action-id='{}']", made.actions[0]),
        "Ben",
    )
    .await;
    into_view(&app, &action).await;
    app.screenshot("audits-edit-06-action-changed").await;

    // Every audit's actions, filtered by owner in the backend; a status changed in place.
    app.click("#all-actions-panel summary").await;
    app.wait_for("#all-actions tr[data-action-id]").await;
    app.fill("#all-actions-owner", "ben").await;
    let only_ben = format!(
        "#all-actions[data-total='1'] tr[data-action-id='{}']",
        made.actions[0]
    );
    app.wait_for(&only_ben).await;
    app.set_value(&format!("{only_ben} select.action-status"), "in-progress")
        .await;
    app.wait_for(&format!("{only_ben}[data-status='in-progress']"))
        .await;
    app.wait_for(&format!("{action}[data-status='in-progress']"))
        .await;
    into_view(&app, "#all-actions-panel").await;
    app.screenshot("audits-edit-06a-all-actions-filtered").await;

    // The observation's text changes.
    let observation = format!("li[data-finding-id='{}']", made.observation);
    app.click(&format!("{observation} .finding-edit-panel summary"))
        .await;
    app.fill(
        &format!("#finding-edit-text-{}", made.observation),
        "Roles and deputies unclear",
    )
    .await;
    app.click(&format!("{observation} .finding-save")).await;
    app.wait_for_containing(&format!("{observation} .finding-text"), "deputies")
        .await;

    // Every audit's findings, filtered by type in the backend, with their unfinished actions.
    app.click("#all-findings-panel summary").await;
    app.wait_for("#all-findings tr[data-finding-id]").await;
    app.set_value("#all-findings-type", "observation").await;
    let row = app
        .wait_for_containing(
            &format!(
                "#all-findings[data-total='1'] tr[data-finding-id='{}']",
                made.observation
            ),
            "deputies",
        )
        .await;
    assert!(row.contains("0 of 0"), "no actions: {row}");
    app.set_value("#all-findings-type", "major,minor").await;
    let row = app
        .wait_for_containing(
            &format!(
                "#all-findings[data-total='1'] tr[data-finding-id='{}']",
                made.minor
            ),
            "of 2 unfinished",
        )
        .await;
    assert!(
        row.contains("2 of 2"),
        "both actions still open or in progress: {row}"
    );
    into_view(&app, "#all-findings-panel").await;
    app.screenshot("audits-edit-06b-all-findings").await;

    // Adding an action: the warning beyond three months shows while the date is typed.
    app.click(&format!("{observation} .action-add-panel summary"))
        .await;
    app.fill(&format!("#action-owner-{}", made.observation), "Anna")
        .await;
    app.set_value(
        &format!("#action-due-{}", made.observation),
        &late.to_string(),
    )
    .await;
    app.wait_for_containing(
        &format!("#action-live-warnings-{}", made.observation),
        "justification",
    )
    .await;
    app.set_value(&format!("#action-due-{}", made.observation), "2000-01-01")
        .await;
    app.wait_for_containing(
        &format!("#action-due-{}-error", made.observation),
        "closing meeting",
    )
    .await;
    into_view(&app, &format!("#action-due-{}", made.observation)).await;
    app.screenshot("audits-edit-07a-new-action-checked-live")
        .await;

    // One action removed (asked once more), then the finding with the other: the confirm
    // step names it.
    let second = format!("li[data-action-id='{}']", made.actions[1]);
    app.click(&format!("{second} .action-remove")).await;
    app.click(&format!("{second} .action-remove")).await;
    wait_gone(&app, &second).await;
    let minor = format!("li[data-finding-id='{}']", made.minor);
    app.click(&format!("{minor} .finding-remove")).await;
    let asked = app
        .wait_for_containing(&format!("{minor} .finding-remove"), "1 corrective action")
        .await;
    assert!(asked.contains("Remove it"), "{asked}");
    into_view(&app, &format!("{minor} .finding-remove")).await;
    app.screenshot("audits-edit-07-finding-remove-asks").await;
    app.click(&format!("{minor} .finding-remove")).await;
    wait_gone(&app, &minor).await;
    wait_gone(&app, &action).await;
    into_view(&app, "#audit-findings").await;
    app.screenshot("audits-edit-08-finding-removed").await;
    app.quit(&ws).await;

    // The workspace holds what the screen showed, and the journal the removals.
    let ws = csmsdesk_workspace::Workspace::open(&ws, chrono::Utc::now()).unwrap();
    let view = ws
        .audit_view(csmsdesk_workspace::AuditId(made.initial))
        .unwrap();
    assert_eq!(view.findings.len(), 1);
    let statuses: Vec<&str> = ws
        .journal_entries()
        .unwrap()
        .iter()
        .filter(|e| e.table == "corrective_action" && e.op == "update")
        .filter_map(|e| e.after.as_deref())
        .filter(|after| after.contains("in-progress"))
        .map(|_| "in-progress")
        .collect();
    assert!(
        !statuses.is_empty(),
        "the status change in the table is journalled"
    );
    assert_eq!(view.findings[0].description, "Roles and deputies unclear");
    assert!(view.actions.is_empty());
    let deletes = ws
        .journal_entries()
        .unwrap()
        .iter()
        .filter(|e| e.op == "delete" && (e.table == "finding" || e.table == "corrective_action"))
        .count();
    assert_eq!(deletes, 3, "one finding and two actions");
}

#[tokio::test]
async fn the_self_assessment_of_every_question_is_typed_into_one_table_and_saved_at_once() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let en = messages("en");
    let ws = desktop.home.path().join("csms");
    let made = corrections_workspace(&ws);
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.wait_for("[data-view='dashboard']").await;
    app.visit(&format!("#/evidence?tab=requirements&scope={}", made.scope))
        .await;
    app.click("#assess-table-panel summary").await;
    let first = "#assess-table tbody tr:first-child select";
    app.click(first).await;
    type_keys(&app, first, "M").await;
    for row in 2..=made.applicable {
        let previous = format!("#assess-table tbody tr:nth-child({}) select", row - 1);
        type_keys(&app, &previous, &fantoccini::key::Key::Down).await;
        type_keys(
            &app,
            &format!("#assess-table tbody tr:nth-child({row}) select"),
            "c",
        )
        .await;
    }
    app.fill(
        "#assess-table tbody tr:first-child textarea",
        "Board-signed policy",
    )
    .await;
    into_view(&app, "#assess-table-save").await;
    app.screenshot("audits-edit-09-self-assessment-typed").await;
    app.click("#assess-table-save").await;
    app.wait_for_containing(
        "#mapping-status",
        &format!("{} results saved", made.applicable),
    )
    .await;
    // The whole tab shows what is saved: the predicted result and the question's own form.
    app.wait_for_containing("#mapping-summary .predicted-result", &en["predicted.fail"])
        .await;
    assert_eq!(app.value("#assess-result-1\\.1").await, "major");
    assert_eq!(
        app.value("#assess-implementation-1\\.1").await,
        "Board-signed policy"
    );
    into_view(&app, "#mapping-summary").await;
    app.screenshot("audits-edit-10-self-assessment-saved").await;
    app.quit(&ws).await;
}

/// Waits until nothing matches `css`. Counted in the page, so that a screen drawn again
/// meanwhile cannot leave WebDriver holding elements that are gone (a stale reference).
async fn wait_gone(app: &App, css: &str) {
    for _ in 0..200 {
        let left = app
            .client
            .execute(
                "return document.querySelectorAll(arguments[0]).length",
                vec![serde_json::json!(css)],
            )
            .await
            .unwrap();
        if left.as_u64() == Some(0) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("{css} is still there");
}

#[tokio::test]
async fn an_audit_with_many_findings_shows_fifty_and_the_next_ones_on_request() {
    use csmsdesk_workspace::{AuditId, Workspace};
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let ws = desktop.home.path().join("csms");
    let made = corrections_workspace(&ws);
    // 53 more observations: 55 findings in all.
    let mut workspace = Workspace::open(&ws, chrono::Utc::now()).unwrap();
    for n in 0..53 {
        workspace
            .add_finding(
                AuditId(made.initial),
                "1.2",
                "observation",
                &format!("Observation number {n}"),
                None,
            )
            .unwrap();
    }
    drop(workspace);
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.wait_for("[data-view='dashboard']").await;
    app.visit(&format!(
        "#/audits?scope={}&audit={}",
        made.scope, made.initial
    ))
    .await;
    app.wait_for_containing(
        "#findings-more",
        "Show the next 5 findings (50 of 55 shown)",
    )
    .await;
    let shown = |app: &App| {
        let client = app.client.clone();
        async move {
            client
                .execute(
                    "return document.querySelectorAll('#findings > li.finding').length",
                    vec![],
                )
                .await
                .unwrap()
                .as_u64()
                .unwrap()
        }
    };
    assert_eq!(shown(&app).await, 50, "only the first fifty are built");
    into_view(&app, "#findings-more").await;
    app.screenshot("audits-edit-06-more-findings").await;
    app.click("#findings-more").await;
    assert_eq!(shown(&app).await, 55);
    assert!(
        app.client
            .find(Locator::Css("#findings-more"))
            .await
            .is_err(),
        "all shown: the button is gone"
    );
    let focused_finding = app
        .client
        .execute(
            "return document.activeElement.closest('li.finding')?.dataset.findingId ?? ''",
            vec![],
        )
        .await
        .unwrap();
    let fifty_first = app
        .client
        .execute(
            "return document.querySelectorAll('#findings > li.finding')[50].dataset.findingId",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        focused_finding, fifty_first,
        "the focus moves to the first finding added"
    );
}
