//! Correcting and deleting what the scope screen and the export screen hold, as a user does:
//! a location with its labels, a protection object, a scope, a sharing; the wizard refusing
//! at each step; and the refusals that name the field before anything is saved.

use fantoccini::Locator;

use crate::support::{Desktop, SERIAL, messages};

/// A workspace made through the use cases: the demo catalogue, "Plant Nord" with two labels
/// expiring soon after the planned audit, scope "ECU" on it (development and production),
/// protection object "Gateway" and one sharing.
fn prepared(dir: &std::path::Path) {
    use csmsdesk_workspace::{
        LabelInput, LocationId, LocationInput, ProtectionObjectInput, ScopeId, ScopeInput,
        Workspace,
    };
    let now = chrono::Utc::now();
    let today = now.date_naive();
    let mut ws = Workspace::create(dir, now).unwrap();
    ws.import_demo_catalogue(now).unwrap();
    let label = |label: &str, level: &str, days: u64| LabelInput {
        label: label.into(),
        level: level.into(),
        expires: (today + chrono::Days::new(days)).to_string(),
    };
    let nord = ws
        .add_location(&LocationInput {
            name: "Plant Nord".into(),
            cs_activities: true,
            labels: vec![label("confidential", "2", 130), label("data", "2", 140)],
            ..LocationInput::default()
        })
        .unwrap();
    ws.add_location(&LocationInput {
        name: "Plant Süd".into(),
        cs_activities: true,
        ..LocationInput::default()
    })
    .unwrap();
    let scope = ws
        .add_scope(
            &ScopeInput {
                name: "ECU".into(),
                locations: vec![LocationId(nord.id)],
                objectives: vec!["development".into(), "production".into()],
                planned_audit_date: (today + chrono::Days::new(100)).to_string(),
                ..ScopeInput::default()
            },
            today,
        )
        .unwrap();
    ws.add_protection_object(&ProtectionObjectInput {
        scope: ScopeId(scope.id),
        name: "Gateway".into(),
        customer: "OEM A".into(),
        ..ProtectionObjectInput::default()
    })
    .unwrap();
    ws.add_sharing(
        ScopeId(scope.id),
        "OEM A",
        "S1A2B3",
        "A",
        &today.to_string(),
    )
    .unwrap();
}

/// How many elements `css` matches now, counted in the page (WebDriver's element handles
/// can go stale while a form is drawn again).
async fn count(app: &crate::support::App, css: &str) -> usize {
    app.client
        .execute(
            "return document.querySelectorAll(arguments[0]).length",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap()
        .as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(0)
}

#[tokio::test]
async fn a_location_its_labels_a_protection_object_a_scope_and_a_sharing_are_corrected_and_deleted()
{
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let en = messages("en");
    let ws = desktop.home.path().join("csms");
    prepared(&ws);
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;

    // The prerequisite warning names both labels that expire in the window, not one.
    app.go("scope").await;
    let warning = app
        .text("#prerequisites [data-code='tisax_label_expires_soon']")
        .await;
    assert!(
        warning.contains("Confidential") && warning.contains("Data"),
        "both labels are named: {warning}"
    );
    app.screenshot("scope-edit-01-warning-names-every-label")
        .await;

    // A location: renamed, a label's level refused, a label removed; nothing half-saved.
    app.click("[data-tab='locations']").await;
    let nord = "[data-location='Plant Nord']";
    assert_eq!(
        count(&app, &format!("{nord} [data-remove-location]")).await,
        0,
        "a location a scope uses offers no delete"
    );
    let in_use = app.text("[data-location-in-use='Plant Nord']").await;
    assert!(in_use.contains("ECU"), "it names the scope: {in_use}");
    app.click(&format!("{nord} [data-action='location-edit']"))
        .await;
    let form = "[data-edit-location='Plant Nord']";
    app.fill(&format!("{form} [data-field='name'] input"), "Plant North")
        .await;
    // The first label row: Confidential, set to AL3 by hand (it is always AL2).
    app.set_value(&format!("{form} .label-row .label-level"), "3")
        .await;
    // A new row without a date.
    app.click(&format!("{form} [data-action='add-label-row']"))
        .await;
    app.click(&format!("{form} [data-action='location-save']"))
        .await;
    let error = app
        .wait_for_containing(
            &format!("{form} [data-field='labels'] .field-error"),
            "row 1",
        )
        .await;
    assert!(
        error.contains("AL2") && error.contains("row 3"),
        "the wrong level and the missing date are named by row: {error}"
    );
    app.screenshot("scope-edit-02-location-label-refused").await;
    // The level follows the label when the label is chosen again; the empty row goes.
    app.set_value(&format!("{form} .label-row .label-name"), "Confidential")
        .await;
    assert_eq!(
        app.value(&format!("{form} .label-row .label-level")).await,
        "2"
    );
    let rows = format!("{form} .label-row");
    app.click(&format!(
        "{form} .label-row:nth-child(3) [data-remove-label-row]"
    ))
    .await;
    // And the Data label is removed: it was entered by mistake.
    app.click(&format!(
        "{form} .label-row:nth-child(2) [data-remove-label-row]"
    ))
    .await;
    assert_eq!(count(&app, &rows).await, 1);
    app.click(&format!("{form} [data-action='location-save']"))
        .await;
    let row = app
        .wait_for_containing("[data-location='Plant North']", "Confidential")
        .await;
    assert!(!row.contains("Data (AL2)"), "the Data label is gone: {row}");
    app.screenshot("scope-edit-03-location-corrected").await;
    // A location nobody uses is deleted after a second press.
    app.click("[data-remove-location='Plant Süd']").await;
    app.wait_for_text(
        "[data-remove-location='Plant Süd']",
        &en["scope.really_delete"],
    )
    .await;
    app.click("[data-remove-location='Plant Süd']").await;
    for _ in 0..100 {
        if count(&app, "[data-location='Plant Süd']").await == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(count(&app, "[data-location='Plant Süd']").await, 0);

    // A protection object: unchecking every objective is refused, then every field changes.
    app.click("[data-tab='objects']").await;
    let gateway = "[data-object='Gateway']";
    app.click(&format!("{gateway} [data-action='po-edit']"))
        .await;
    let form = "[data-edit-object='Gateway']";
    for objective in ["development", "production"] {
        app.click(&format!(
            "{form} [data-field='objectives'] input[value='{objective}']"
        ))
        .await;
    }
    app.click(&format!("{form} [data-action='po-save']")).await;
    app.wait_for_text(
        &format!("{form} [data-field='objectives'] .field-error"),
        &en["input.po_no_objective"],
    )
    .await;
    app.screenshot("scope-edit-04-object-needs-an-objective")
        .await;
    app.click(&format!(
        "{form} [data-field='objectives'] input[value='production']"
    ))
    .await;
    app.fill(
        &format!("{form} [data-field='name'] input"),
        "Central gateway",
    )
    .await;
    app.fill(&format!("{form} [data-field='item'] input"), "CGW")
        .await;
    app.click(&format!(
        "{form} [data-field='cia'] input[value='integrity']"
    ))
    .await;
    app.click(&format!("{form} [data-action='po-save']")).await;
    let row = app
        .wait_for_containing("[data-object='Central gateway']", "CGW")
        .await;
    assert!(
        row.contains(&en["scope.objective_production"]) && row.contains(&en["scope.integrity"]),
        "{row}"
    );
    app.screenshot("scope-edit-05-object-corrected").await;

    // A scope: renamed; a past planned date refused; the check date follows the scope.
    app.click("[data-tab='scopes']").await;
    app.click("[data-action='scope-edit']").await;
    app.fill("#edit_scope_name", "ECU gateway").await;
    app.set_value("#edit_audit_date", "1999-01-01").await;
    app.click("[data-action='scope-update']").await;
    let refused = app
        .wait_for_containing(
            "#scope-edit [data-field='planned_audit_date'] .field-error",
            "1999-01-01",
        )
        .await;
    assert!(refused.contains("before today"), "{refused}");
    app.screenshot("scope-edit-06-past-date-refused").await;
    let planned = (chrono::Utc::now().date_naive() + chrono::Days::new(100)).to_string();
    app.set_value("#edit_audit_date", &planned).await;
    app.click("[data-action='scope-update']").await;
    app.wait_for("[data-scope-detail='ECU gateway']").await;
    app.set_value("#check_on", "1999-01-01").await;
    app.wait_for("#prerequisites [data-code='audit_date_in_past']")
        .await;
    app.screenshot("scope-edit-07-check-in-the-past").await;

    // A sharing: corrected, then its record deleted with the warning that ENX keeps it.
    app.go("export").await;
    let sharing = app.wait_for("#sharings-table tbody tr").await;
    let text = sharing.text().await.unwrap();
    assert!(text.contains("OEM A"), "{text}");
    app.click("#sharings-table [data-action='sharing-edit']")
        .await;
    app.fill(
        "#sharings-table [data-edit-sharing] input[name='partner']",
        "OEM B",
    )
    .await;
    app.click("#sharings-table [data-action='sharing-save']")
        .await;
    app.wait_for_containing("#sharings-table tbody", "OEM B")
        .await;
    app.click("#sharings-table [data-remove-sharing]").await;
    let armed = app.text("#sharings-table [data-remove-sharing]").await;
    assert!(
        armed.contains("mistake") && armed.contains("ENX"),
        "the button says what deleting means before it deletes: {armed}"
    );
    app.screenshot("scope-edit-08-sharing-remove-asks").await;
    app.click("#sharings-table [data-remove-sharing]").await;
    app.wait_for("#sharings-empty").await;

    // Deleting the scope names what goes with it.
    app.go("scope").await;
    app.click("[data-action='scope-edit']").await;
    app.click("[data-action='scope-remove']").await;
    let armed = app.text("[data-action='scope-remove']").await;
    assert!(armed.contains("ECU gateway"), "{armed}");
    app.click("[data-action='scope-remove']").await;
    app.wait_for("#scopes-empty").await;
    app.screenshot("scope-edit-09-scope-deleted").await;
    app.quit(&ws).await;
}

#[tokio::test]
async fn the_wizard_refuses_each_step_before_next_and_the_check_date_follows_the_scope() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let en = messages("en");
    let ws = desktop.home.path().join("csms");
    prepared(&ws);
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.go("scope").await;
    app.wait_for("[data-scope-detail='ECU']").await;
    app.click("[data-action='wizard-open']").await;

    // Step 1: no name.
    app.click("[data-action='wizard-next']").await;
    app.wait_for_text(
        "#scope-wizard [data-field='name'] .field-error",
        &en["input.name_missing"],
    )
    .await;
    app.screenshot("scope-wizard-01-no-name").await;
    app.fill("#scope_name", "ECU").await;
    app.click("[data-action='wizard-next']").await;
    let taken = app
        .wait_for_containing("#scope-wizard [data-field='name'] .field-error", "ECU")
        .await;
    assert!(!taken.is_empty());
    app.fill("#scope_name", "Body").await;
    app.click("[data-action='wizard-next']").await;

    // Step 2: no location.
    app.wait_for("#scope-wizard input[name='locations']").await;
    app.click("[data-action='wizard-next']").await;
    app.wait_for_text(
        "#scope-wizard [data-field='locations'] .field-error",
        &en["input.no_location"],
    )
    .await;
    app.screenshot("scope-wizard-02-no-location").await;
    app.click("#scope-wizard input[name='locations']").await;
    app.click("[data-action='wizard-next']").await;

    // Step 3: no objective.
    app.wait_for("#scope-wizard input[name='objectives']").await;
    app.click("[data-action='wizard-next']").await;
    app.wait_for_text(
        "#scope-wizard [data-field='objectives'] .field-error",
        &en["input.no_objective"],
    )
    .await;
    app.screenshot("scope-wizard-03-no-objective").await;
    app.click("#scope-wizard input[name='objectives'][value='production']")
        .await;
    app.click("[data-action='wizard-next']").await;

    // Step 4: a past date is refused at Create.
    app.set_value("#scope_audit_date", "1999-01-01").await;
    app.click("[data-action='wizard-create']").await;
    let refused = app
        .wait_for_containing(
            "#scope-wizard [data-field='planned_audit_date'] .field-error",
            "1999-01-01",
        )
        .await;
    assert!(refused.contains("before today"), "{refused}");
    app.screenshot("scope-wizard-04-past-date").await;
    // 90 days ahead: Plant Nord's labels are still valid then (they expire after 130 and
    // 140 days), so the check below changes only when it is drawn for 2040.
    let planned = (chrono::Utc::now().date_naive() + chrono::Days::new(90)).to_string();
    app.set_value("#scope_audit_date", &planned).await;
    app.click("[data-action='wizard-create']").await;
    app.wait_for("[data-scope-detail='Body']").await;

    // An NA decision is withdrawn by choosing "applies" again, even with its reason still
    // typed; a deviation by emptying its reason.
    app.set_value("select[data-question='1.1']", "na").await;
    app.fill("[data-reason='1.1']", "Not done at this site")
        .await;
    app.click("[data-save-question='1.1']").await;
    app.wait_for("[data-row='1.1'].na").await;
    app.set_value("select[data-question='1.1']", "yes").await;
    app.click("[data-save-question='1.1']").await;
    for _ in 0..100 {
        if count(&app, "[data-row='1.1'].na").await == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let row = app.text("[data-row='1.1']").await;
    assert!(
        !row.contains(&en["scope.overridden"]),
        "back to the matrix, no override left: {row}"
    );
    app.click("[data-row='1.1'] details.deviations summary")
        .await;
    let save = app.wait_for("[data-row='1.1'] [data-save-deviation]").await;
    let requirement = save.attr("data-save-deviation").await.unwrap().unwrap();
    let reason = format!("[data-row='1.1'] textarea[aria-label$='{requirement}']");
    app.fill(&reason, "Supplier type B").await;
    save.click().await.unwrap();
    let summary = "[data-row='1.1'] details.deviations summary";
    app.wait_for_containing(summary, "(1)").await;
    app.click(summary).await;
    app.fill(&reason, "").await;
    app.click(&format!(
        "[data-row='1.1'] [data-save-deviation='{requirement}']"
    ))
    .await;
    app.wait_for_containing(summary, "(0)").await;
    app.screenshot("scope-wizard-05-na-and-deviation-withdrawn")
        .await;

    // "Check for an audit on" set for one scope does not stick to the next one chosen.
    app.set_value("#check_on", "2040-01-01").await;
    // Drawn again for that day: Plant Nord's labels have expired by then.
    app.wait_for("#prerequisites [data-code='no_valid_tisax_label']")
        .await;
    app.click("#scope-list [data-scope='ECU']").await;
    app.wait_for("[data-scope-detail='ECU']").await;
    let ecu_planned = (chrono::Utc::now().date_naive() + chrono::Days::new(100)).to_string();
    assert_eq!(
        app.value("#check_on").await,
        ecu_planned,
        "the chosen scope is checked for its own planned date"
    );
    app.screenshot("scope-wizard-06-check-date-follows-scope")
        .await;
    app.quit(&ws).await;
}

#[tokio::test]
async fn the_dashboard_ranks_gaps_by_weight_and_names_what_stands_only_on_a_question() {
    use csmsdesk_workspace::{EvidenceInput, LinkInput, Workspace};
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let en = messages("en");
    let ws = desktop.home.path().join("csms");
    prepared(&ws);
    let manual = desktop.home.path().join("manual.pdf");
    std::fs::write(&manual, "CSMS manual").unwrap();
    let now = chrono::Utc::now();
    let mut workspace = Workspace::open(&ws, now).unwrap();
    workspace
        .add_evidence(
            &[manual],
            &EvidenceInput::default(),
            &LinkInput {
                // The whole question, not one of its requirements.
                targets: vec!["1.1".into()],
                ..LinkInput::default()
            },
            now,
            &|_| {},
            &std::sync::atomic::AtomicBool::new(false),
        )
        .unwrap();
    drop(workspace);
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;

    let panel = "[data-readiness-scope='ECU']";
    app.wait_for_text(
        &format!("{panel} .gaps-ranking"),
        &en["readiness.gaps_ranking"],
    )
    .await;
    let through = app.text(&format!("{panel} .through-question-count")).await;
    assert!(
        through.contains("whole control question"),
        "the dashboard says how many stand only on their question: {through}"
    );
    // Every gap listed is a must before any should.
    let badges = app
        .client
        .find_all(Locator::Css(&format!(
            "{panel} .top-gaps li .badge.must, {panel} .top-gaps li .badge.should"
        )))
        .await
        .unwrap();
    let mut kinds = Vec::new();
    for badge in badges {
        kinds.push(
            badge
                .attr("class")
                .await
                .unwrap()
                .unwrap_or_default()
                .contains("must"),
        );
    }
    assert!(!kinds.is_empty());
    assert!(
        kinds.windows(2).all(|w| w[0] >= w[1]),
        "must before should: {kinds:?}"
    );
    app.client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView()",
            vec![serde_json::json!(format!("{panel} .readiness-counts"))],
        )
        .await
        .unwrap();
    app.screenshot("scope-edit-10-dashboard-question-coverage")
        .await;
    app.client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView()",
            vec![serde_json::json!(format!("{panel} .gaps-box"))],
        )
        .await
        .unwrap();
    app.screenshot("scope-edit-10b-dashboard-gaps-ranked").await;

    // The requirements tab marks the same requirements.
    app.click(&format!("{panel} .readiness-title a")).await;
    let badge = app
        .text("[data-requirement='1.1.a'] .badge.through-question")
        .await;
    assert_eq!(badge, en["readiness.through_question"]);
    app.screenshot("scope-edit-11-requirement-through-question")
        .await;
    app.quit(&ws).await;
}
