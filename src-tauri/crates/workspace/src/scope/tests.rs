use super::*;
use crate::LocationId;
use crate::test_support::{location_id, object_id, scope_id, today};
use chrono::{DateTime, TimeZone as _, Utc};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 30, 0).unwrap()
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn label(l: &str, level: &str, expires: &str) -> LabelInput {
    LabelInput {
        label: l.into(),
        level: level.into(),
        expires: expires.into(),
    }
}

fn setup() -> (tempfile::TempDir, Workspace) {
    let root = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(&root.path().join("ws"), now()).unwrap();
    ws.import_demo_catalogue(now()).unwrap();
    ws.add_location(&LocationInput {
        name: "Plant Nord".into(),
        tisax_scope_id: "s1a2b3".into(),
        labels: vec![
            label("confidential", "AL2", "2028-01-31"),
            label("Proto parts", "3", "2024-01-31"),
        ],
        cs_activities: true,
        ..LocationInput::default()
    })
    .unwrap();
    (root, ws)
}

fn scope_input(name: &str, objectives: &[&str]) -> ScopeInput {
    ScopeInput {
        name: name.into(),
        locations: vec![LocationId(1)],
        objectives: objectives.iter().map(|o| o.to_string()).collect(),
        planned_audit_date: "2027-03-15".into(),
        ..ScopeInput::default()
    }
}

fn fields(err: &Error) -> Vec<String> {
    err.field_errors().into_iter().map(|f| f.field).collect()
}

#[test]
fn a_location_keeps_its_labels_even_expired_ones() {
    let (_root, ws) = setup();
    let locations = ws.locations().unwrap();
    assert_eq!(
        locations[0].tisax_scope_id.as_ref().unwrap().as_str(),
        "S1A2B3"
    );
    let labels: Vec<_> = locations[0]
        .labels
        .iter()
        .map(|l| (l.label.as_str(), l.level))
        .collect();
    assert_eq!(
        labels,
        [("Proto parts", 3), ("Confidential", 2)],
        "history matters: the expired label stays"
    );
}

#[test]
fn bad_location_input_names_every_field() {
    let (_root, mut ws) = setup();
    let err = ws
        .add_location(&LocationInput {
            name: "PLANT NORD".into(),
            tisax_scope_id: "12".into(),
            labels: vec![label("secret", "4", "31.12.2027")],
            ..LocationInput::default()
        })
        .unwrap_err();
    assert_eq!(
        fields(&err),
        ["name", "tisax_scope_id", "labels.0", "labels.0", "labels.0"]
    );
    assert_eq!(ws.locations().unwrap().len(), 1, "nothing half-saved");
}

#[test]
fn a_scope_without_location_or_objective_is_refused_with_both_reasons() {
    let (_root, mut ws) = setup();
    let mut input = scope_input("Empty", &[]);
    input.locations.clear();
    let err = ws.add_scope(&input, today()).unwrap_err();
    assert_eq!(fields(&err), ["locations", "objectives"]);
    assert!(ws.scopes().unwrap().is_empty());
}

#[test]
fn unknown_objective_duplicate_name_and_invalid_date_are_refused() {
    let (_root, mut ws) = setup();
    ws.add_scope(&scope_input("ECU", &["development"]), today())
        .unwrap();
    let mut input = scope_input("ecu", &["design"]);
    input.planned_audit_date = "15.03.2027".into();
    let err = ws.add_scope(&input, today()).unwrap_err();
    assert_eq!(fields(&err), ["name", "objectives", "planned_audit_date"]);
}

#[test]
fn the_scope_applies_the_matrix_to_the_current_catalogue() {
    let (_root, mut ws) = setup();
    let scope = ws
        .add_scope(&scope_input("ECU", &["development"]), today())
        .unwrap();
    assert!(
        scope.catalogue_id.is_some(),
        "the current catalogue is chosen"
    );
    let view = ws
        .scope_view(scope_id(&ws, "ECU"), None, date("2026-11-25"))
        .unwrap();
    assert_eq!(view.applicable_questions().len(), 14);
    let (questions, requirements) = ws
        .preview_applicability(None, &["development".into()])
        .unwrap();
    assert_eq!(
        (questions, view.applicable_requirements()),
        (14, requirements),
        "the wizard's count matches"
    );
    assert_eq!(
        ws.preview_applicability(None, &["production".into()])
            .unwrap()
            .0,
        11
    );
    assert_eq!(
        ws.preview_applicability(None, &["operations-maintenance".into()])
            .unwrap()
            .0,
        19
    );
}

#[test]
fn na_needs_a_justification_and_survives_a_change_of_objectives() {
    let (_root, mut ws) = setup();
    ws.add_scope(&scope_input("ECU", &["development"]), today())
        .unwrap();
    let err = ws
        .set_applicability(scope_id(&ws, "ECU"), "5.2", false, "  ")
        .unwrap_err();
    assert_eq!(fields(&err), ["reason"]);
    ws.set_applicability(
        scope_id(&ws, "ECU"),
        "5.2",
        false,
        "No software development at this site",
    )
    .unwrap();
    ws.set_scope_objectives(
        scope_id(&ws, "ECU"),
        &["development".into(), "production".into()],
    )
    .unwrap();
    let view = ws
        .scope_view(scope_id(&ws, "ECU"), None, date("2026-11-25"))
        .unwrap();
    let q = view
        .questions
        .iter()
        .find(|q| q.applicability.question_id == "5.2")
        .unwrap();
    assert!(!q.applicability.applicable && q.applicability.by_default);
    assert_eq!(
        view.applicable_questions().len(),
        14,
        "11 + 4 development-only - 1 NA"
    );
    ws.set_applicability(scope_id(&ws, "ECU"), "5.2", true, "")
        .unwrap();
    let view = ws
        .scope_view(scope_id(&ws, "ECU"), None, date("2026-11-25"))
        .unwrap();
    let q = view
        .questions
        .iter()
        .find(|q| q.applicability.question_id == "5.2")
        .unwrap();
    assert_eq!(q.applicability.overridden, None, "back to the default");
}

#[test]
fn a_deviation_is_only_for_should_requirements_and_needs_a_reason_to_stay() {
    let (_root, mut ws) = setup();
    ws.add_scope(&scope_input("ECU", &["development"]), today())
        .unwrap();
    let view = ws
        .scope_view(scope_id(&ws, "ECU"), None, date("2026-11-25"))
        .unwrap();
    let should = view
        .questions
        .iter()
        .flat_map(|q| &q.should_requirements)
        .next()
        .unwrap()
        .0
        .clone();
    ws.set_deviation(
        scope_id(&ws, "ECU"),
        &should,
        "Tier-2 supplier without own customer contact",
    )
    .unwrap();
    let view = ws
        .scope_view(scope_id(&ws, "ECU"), None, date("2026-11-25"))
        .unwrap();
    let recorded = view
        .questions
        .iter()
        .flat_map(|q| &q.should_requirements)
        .find(|(id, _)| *id == should)
        .unwrap();
    assert!(recorded.1.is_some());
    let err = ws
        .set_deviation(scope_id(&ws, "ECU"), "9.9.z", "x")
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "got {err:?}");
}

#[test]
fn the_check_uses_the_planned_audit_date() {
    let (_root, mut ws) = setup();
    ws.add_scope(&scope_input("ECU", &["development"]), today())
        .unwrap();
    let view = ws
        .scope_view(scope_id(&ws, "ECU"), None, date("2020-01-01"))
        .unwrap();
    assert_eq!(view.checked_on, date("2027-03-15"));
    assert!(
        view.problems.is_empty(),
        "a label valid until 2028 is fine: {:?}",
        view.problems
    );
    let late = ws
        .scope_view(
            scope_id(&ws, "ECU"),
            Some(date("2028-02-01")),
            date("2020-01-01"),
        )
        .unwrap();
    assert_eq!(
        late.problems.iter().map(|p| p.code()).collect::<Vec<_>>(),
        ["no_valid_tisax_label"]
    );
}

#[test]
fn sampling_suggests_the_square_root_and_records_checks() {
    let (_root, mut ws) = setup();
    ws.add_scope(&scope_input("ECU", &["development", "production"]), today())
        .unwrap();
    for name in ["Gateway", "Brake ECU", "Infotainment", "Camera", "Radar"] {
        ws.add_protection_object(&ProtectionObjectInput {
            scope: scope_id(&ws, "ECU"),
            name: name.into(),
            customer: "OEM A".into(),
            objectives: Some(vec!["development".into()]),
            locations: vec![location_id(&ws, "Plant Nord")],
            confidentiality: true,
            ..ProtectionObjectInput::default()
        })
        .unwrap();
    }
    let sampling = ws.sampling(scope_id(&ws, "ECU")).unwrap();
    let development = sampling
        .iter()
        .find(|s| s.objective == Objective::Development)
        .unwrap();
    assert_eq!(
        (development.population.len(), development.suggested),
        (5, 3)
    );
    let production = sampling
        .iter()
        .find(|s| s.objective == Objective::Production)
        .unwrap();
    assert_eq!((production.population.len(), production.suggested), (0, 0));
    let chosen: Vec<String> = ["Gateway", "Radar", "Camera"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    ws.choose_sample(scope_id(&ws, "ECU"), "development", &chosen)
        .unwrap();
    let err = ws
        .choose_sample(scope_id(&ws, "ECU"), "production", &["Gateway".into()])
        .unwrap_err();
    assert_eq!(fields(&err), ["sample"], "not in the production population");
    ws.set_sample_check(
        object_id(&ws, "ECU", "Gateway"),
        "5.1",
        "deviation",
        "TARA not updated after change",
    )
    .unwrap();
    let checks = ws.sample_checks(object_id(&ws, "ECU", "Gateway")).unwrap();
    assert_eq!(
        checks,
        [(
            "5.1".into(),
            "deviation",
            "TARA not updated after change".into()
        )]
    );
    assert!(
        ws.set_sample_check(object_id(&ws, "ECU", "Gateway"), "7.1", "open", "")
            .is_err(),
        "7.1 does not apply"
    );
}

#[test]
fn a_newer_catalogue_version_carries_the_scope_decisions_along() {
    let root = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(&root.path().join("ws"), now()).unwrap();
    let old = root.path().join("demo_1_0.xlsx");
    std::fs::write(&old, csmsdesk_workbook::fixtures::demo_version_1_0()).unwrap();
    ws.import_catalogue(&old, now()).unwrap();
    ws.add_location(&LocationInput {
        name: "Plant".into(),
        cs_activities: true,
        ..LocationInput::default()
    })
    .unwrap();
    let mut input = scope_input("Ops", &["operations-maintenance"]);
    input.locations = vec![location_id(&ws, "Plant")];
    ws.add_scope(&input, today()).unwrap();
    // In 1.0 numbering, 7.1 is what 1.1 calls 9.1.
    ws.set_applicability(
        scope_id(&ws, "Ops"),
        "7.1",
        false,
        "Handled by the group CSIRT",
    )
    .unwrap();
    let outcome = ws.import_demo_catalogue(now()).unwrap();
    assert_eq!(outcome.version_change.unwrap().scopes_moved, 1);
    let view = ws
        .scope_view(scope_id(&ws, "Ops"), None, date("2026-11-25"))
        .unwrap();
    assert_eq!(view.scope.catalogue_id, Some(outcome.catalogue.id));
    let q91 = view
        .questions
        .iter()
        .find(|q| q.applicability.question_id == "9.1")
        .unwrap();
    assert_eq!(
        q91.applicability.overridden,
        Some((false, "Handled by the group CSIRT".into()))
    );
}

#[test]
fn the_assumed_rules_are_editable_settings() {
    let (_root, mut ws) = setup();
    ws.add_scope(&scope_input("ECU", &["development"]), today())
        .unwrap();
    assert_eq!(
        ws.applicability_matrix_text().unwrap(),
        csmsdesk_core::scope::DEFAULT_MATRIX
    );
    // A supplier decides that 6.2 belongs to Development too.
    let matrix = format!(
        "{}development: question 6.2\n",
        csmsdesk_core::scope::DEFAULT_MATRIX
    );
    ws.set_applicability_matrix(&matrix).unwrap();
    assert_eq!(
        ws.scope_view(scope_id(&ws, "ECU"), None, date("2026-11-25"))
            .unwrap()
            .applicable_questions()
            .len(),
        15
    );
    let err = ws
        .set_applicability_matrix("all: chapter 1\ndesign: chapter 2")
        .unwrap_err();
    assert_eq!(fields(&err), ["applicability_matrix"]);
    assert_eq!(
        ws.applicability_matrix_text().unwrap(),
        matrix,
        "a refused matrix changes nothing"
    );

    // The 90-day warning becomes 30 days: a label 47 days after the audit no longer warns.
    ws.add_location(&LocationInput {
        name: "Plant Sued".into(),
        labels: vec![label("data", "2", "2027-05-01")],
        cs_activities: true,
        ..LocationInput::default()
    })
    .unwrap();
    let mut input = scope_input("Sued", &["production"]);
    input.locations = vec![location_id(&ws, "Plant Sued")];
    ws.add_scope(&input, today()).unwrap();
    assert_eq!(
        ws.scope_view(scope_id(&ws, "Sued"), None, date("2026-11-25"))
            .unwrap()
            .problems
            .len(),
        1
    );
    ws.set_label_expiry_warning_days("30").unwrap();
    assert!(
        ws.scope_view(scope_id(&ws, "Sued"), None, date("2026-11-25"))
            .unwrap()
            .problems
            .is_empty()
    );
    assert!(ws.set_label_expiry_warning_days("-3").is_err());
}

#[test]
fn a_renewed_label_joins_the_location_and_used_locations_cannot_be_deleted() {
    let (_root, mut ws) = setup();
    let renewed = ws
        .add_location_label(
            location_id(&ws, "Plant Nord"),
            &label("Confidential", "2", "2031-01-31"),
        )
        .unwrap();
    assert_eq!(renewed.labels.len(), 3, "the old labels stay as history");
    assert!(
        ws.add_location_label(
            location_id(&ws, "Plant Nord"),
            &label("nope", "3", "2031-01-31")
        )
        .is_err()
    );
    ws.add_scope(&scope_input("ECU", &["development"]), today())
        .unwrap();
    let err = ws
        .remove_location(location_id(&ws, "Plant Nord"))
        .unwrap_err();
    assert!(
        err.field_errors()[0]
            .message
            .render(csmsdesk_core::i18n::Lang::English)
            .contains("ECU"),
        "names the scope"
    );
    ws.remove_scope(scope_id(&ws, "ECU")).unwrap();
    ws.remove_location(location_id(&ws, "Plant Nord")).unwrap();
    assert!(ws.locations().unwrap().is_empty() && ws.scopes().unwrap().is_empty());
}

#[test]
fn scope_details_change_and_objects_keep_only_the_scope_locations() {
    let (_root, mut ws) = setup();
    ws.add_location(&LocationInput {
        name: "Plant Sued".into(),
        cs_activities: true,
        ..LocationInput::default()
    })
    .unwrap();
    let mut input = scope_input("ECU", &["development"]);
    input.locations.push(location_id(&ws, "Plant Sued"));
    ws.add_scope(&input, today()).unwrap();
    ws.add_protection_object(&ProtectionObjectInput {
        scope: scope_id(&ws, "ECU"),
        name: "Gateway".into(),
        locations: vec![
            location_id(&ws, "Plant Sued"),
            location_id(&ws, "Plant Nord"),
        ],
        ..ProtectionObjectInput::default()
    })
    .unwrap();
    let update = ScopeInput {
        name: "ECU".into(),
        objectives: vec!["development".into(), "production".into()],
        enx_scope_id: "s9z8y7".into(),
        locations: vec![location_id(&ws, "Plant Nord")],
        planned_audit_date: "2027-09-01".into(),
        audit_provider: "Example Audits".into(),
        ..ScopeInput::default()
    };
    let updated = ws
        .update_scope(scope_id(&ws, "ECU"), &update, today(), None)
        .unwrap();
    assert_eq!(updated.enx_scope_id.unwrap().as_str(), "S9Z8Y7");
    assert_eq!(updated.planned_audit_date, Some(date("2027-09-01")));
    assert_eq!(updated.location_ids.len(), 1);
    assert_eq!(
        ws.protection_objects(scope_id(&ws, "ECU")).unwrap()[0]
            .location_ids
            .len(),
        1
    );
    let err = ws
        .update_scope(scope_id(&ws, "ECU"), &ScopeInput::default(), today(), None)
        .unwrap_err();
    assert_eq!(
        fields(&err),
        ["name", "locations", "objectives"],
        "a scope keeps its name, at least one location and one objective"
    );
    ws.remove_protection_object(object_id(&ws, "ECU", "Gateway"))
        .unwrap();
    assert!(
        ws.protection_objects(scope_id(&ws, "ECU"))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn inputs_read_from_the_ui_fill_what_the_form_leaves_out_and_require_the_rest() {
    // The app's commands take these structs straight from IPC: the optional fields default
    // to empty, the ones every form sends are required.
    let location: LocationInput =
        serde_json::from_str(r#"{"name": "Plant Nord", "cs_activities": true}"#).unwrap();
    assert_eq!(location.name, "Plant Nord");
    assert!(location.address.is_empty() && location.labels.is_empty());
    assert!(serde_json::from_str::<LocationInput>(r#"{"name": "Plant Nord"}"#).is_err());
    let scope: ScopeInput =
        serde_json::from_str(r#"{"name": "ECU", "locations": [], "objectives": ["development"]}"#)
            .unwrap();
    assert_eq!(scope.catalogue_id, None, "the current catalogue");
    assert!(serde_json::from_str::<ScopeInput>(r#"{"name": "ECU"}"#).is_err());
    let object: ProtectionObjectInput =
        serde_json::from_str(r#"{"scope": 1, "name": "Gateway"}"#).unwrap();
    assert!(!object.confidentiality && object.objectives.is_none());
    assert_eq!(
        object.scope,
        crate::ScopeId(1),
        "ids travel as plain numbers"
    );
    assert!(
        serde_json::from_str::<ProtectionObjectInput>(r#"{"scope": "ECU", "name": "Gateway"}"#)
            .is_err(),
        "the app sends ids, never names"
    );
}
