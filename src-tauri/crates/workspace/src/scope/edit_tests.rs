//! Correcting and deleting what the scope screen holds: locations with their labels,
//! scopes, protection objects, sharings; and what is refused before anything is saved.

use super::*;
use crate::test_support::*;

fn label(l: &str, level: &str, expires: &str) -> LabelInput {
    LabelInput {
        label: l.into(),
        level: level.into(),
        expires: expires.into(),
    }
}

fn keys(error: &Error) -> Vec<(String, &'static str)> {
    error
        .field_errors()
        .into_iter()
        .map(|f| (f.field, f.message.key))
        .collect()
}

/// The tables the journal has entries for since entry `after`, in order.
fn journalled_since(ws: &Workspace, after: usize) -> Vec<(String, String)> {
    ws.journal_entries().unwrap()[after..]
        .iter()
        .map(|e| (e.table.clone(), e.op.clone()))
        .collect()
}

#[test]
fn a_label_row_without_expiry_or_with_a_level_it_cannot_have_is_refused_naming_the_row() {
    let mut s = setup();
    let error =
        s.ws.add_location(&LocationInput {
            name: "Plant Süd".into(),
            labels: vec![
                label("data", "2", "2028-01-31"),
                label("confidential", "2", ""),
                label("strictly-confidential", "1", "2028-01-31"),
            ],
            cs_activities: true,
            ..LocationInput::default()
        })
        .unwrap_err();
    assert_eq!(
        keys(&error),
        [
            ("labels.1".to_owned(), "input.label_expiry_missing"),
            ("labels.2".to_owned(), "input.label_level_mismatch"),
        ],
        "the row without a date is refused, not dropped; Strictly confidential is AL3"
    );
    let text = error.field_errors()[0]
        .message
        .render(csmsdesk_core::i18n::Lang::English);
    assert!(text.contains("row 2"), "{text}");
    assert_eq!(s.ws.locations().unwrap().len(), 1, "nothing was saved");
    let added =
        s.ws.add_location(&LocationInput {
            name: "Plant Süd".into(),
            labels: vec![label("special-data", "", "2028-01-31")],
            cs_activities: true,
            ..LocationInput::default()
        })
        .unwrap();
    assert_eq!(
        added.labels[0].level, 3,
        "an empty level is the label's own"
    );
}

#[test]
fn a_location_is_corrected_in_every_field_and_its_labels_edited_or_removed() {
    let mut s = setup();
    let nord = location_id(&s.ws, "Plant Nord");
    s.ws.add_location_label(nord, &label("confidential", "2", "2027-05-31"))
        .unwrap();
    s.ws.add_location_label(nord, &label("data", "2", "2027-06-30"))
        .unwrap();
    let before = s.ws.journal_entries().unwrap().len();
    let changed =
        s.ws.update_location(
            nord,
            &LocationInput {
                name: "Plant North".into(),
                address: "1 Main St".into(),
                tisax_scope_id: "s1a2b3".into(),
                labels: vec![label("confidential", "2", "2027-07-31")],
                cs_activities: false,
                notes: "moved".into(),
            },
            None,
        )
        .unwrap();
    assert_eq!(changed.name, "Plant North");
    assert_eq!(
        changed.labels,
        [csmsdesk_core::scope::TisaxLabel {
            label: "Confidential".into(),
            level: 2,
            expires: date("2027-07-31"),
        }],
        "the date corrected, the Data label removed"
    );
    assert!(!changed.cs_activities);
    assert_eq!(changed.used_by, ["ECU"]);
    let journalled = journalled_since(&s.ws, before);
    assert!(
        journalled.contains(&("location".into(), "update".into()))
            && journalled.contains(&("location_label".into(), "delete".into())),
        "{journalled:?}"
    );

    let changed =
        s.ws.update_location_fields(
            nord,
            &LocationChanges {
                remove_labels: vec!["confidential".into()],
                add_labels: vec![label("proto-parts", "3", "2028-01-31")],
                ..LocationChanges::default()
            },
        )
        .unwrap();
    assert_eq!(changed.labels.len(), 1);
    assert_eq!(changed.labels[0].label, "Proto parts");
    assert_eq!(changed.name, "Plant North", "what is not named stays");
    let error =
        s.ws.update_location_fields(
            nord,
            &LocationChanges {
                remove_labels: vec!["data".into()],
                ..LocationChanges::default()
            },
        )
        .unwrap_err();
    assert_eq!(
        keys(&error),
        [("remove_label".to_owned(), "input.label_not_held")]
    );
}

#[test]
fn a_location_of_a_scope_is_not_deleted_and_the_refusal_names_the_scope() {
    let mut s = setup();
    let error =
        s.ws.remove_location(location_id(&s.ws, "Plant Nord"))
            .unwrap_err();
    let text = error.field_errors()[0]
        .message
        .render(csmsdesk_core::i18n::Lang::English);
    assert!(text.contains("ECU"), "{text}");
    assert_eq!(s.ws.locations().unwrap().len(), 1);
}

#[test]
fn a_scope_is_renamed_and_given_other_objectives_but_never_a_past_audit_date() {
    let mut s = setup();
    let input = |name: &str, date: &str| ScopeInput {
        name: name.into(),
        locations: vec![PLANT_NORD],
        objectives: vec!["development".into(), "production".into()],
        planned_audit_date: date.into(),
        ..ScopeInput::default()
    };
    let updated =
        s.ws.update_scope(ECU, &input("ECU gateway", "2027-03-15"), today(), None)
            .unwrap();
    assert_eq!(updated.name, "ECU gateway");
    assert_eq!(updated.objectives.len(), 2);

    let error =
        s.ws.update_scope(ECU, &input("ECU gateway", "1999-01-01"), today(), None)
            .unwrap_err();
    assert_eq!(
        keys(&error),
        [("planned_audit_date".to_owned(), "input.date_in_past")]
    );
    let error =
        s.ws.add_scope(&input("Other", "2026-11-24"), today())
            .unwrap_err();
    assert_eq!(
        keys(&error),
        [("planned_audit_date".to_owned(), "input.date_in_past")],
        "yesterday is past"
    );
    s.ws.add_scope(&input("Other", "2026-11-25"), today())
        .unwrap();
    let error =
        s.ws.update_scope(ECU, &input("other", "2027-03-15"), today(), None)
            .unwrap_err();
    assert_eq!(keys(&error), [("name".to_owned(), "input.name_taken")]);
    // Time passing does not make a scope unsaveable: its own date may be past.
    let later = date("2027-04-01");
    s.ws.update_scope_fields(
        ECU,
        &ScopeChanges {
            audit_provider: Some("Example Audits".into()),
            ..ScopeChanges::default()
        },
        later,
    )
    .unwrap();
    let view = s.ws.scope_view(ECU, None, later).unwrap();
    assert!(
        view.problems
            .iter()
            .any(|p| p.code() == "audit_date_in_past"),
        "the check says the planned date has passed: {:?}",
        view.problems
    );
}

#[test]
fn the_wizard_check_names_the_problems_add_would_without_saving() {
    let s = setup();
    let error =
        s.ws.validate_scope(&ScopeInput::default(), today())
            .unwrap_err();
    let fields: Vec<String> = keys(&error).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["name", "locations", "objectives"]);
    assert_eq!(s.ws.scopes().unwrap().len(), 1);
}

#[test]
fn a_protection_object_is_corrected_in_every_field_and_keeps_at_least_one_objective() {
    let mut s = setup();
    s.ws.set_scope_objectives(ECU, &["development".into(), "production".into()])
        .unwrap();
    let object =
        s.ws.add_protection_object(&ProtectionObjectInput {
            scope: ECU,
            name: "Gateway".into(),
            ..ProtectionObjectInput::default()
        })
        .unwrap();
    assert_eq!(object.objectives.len(), 2, "left out: all of the scope's");
    s.ws.choose_sample(ECU, "production", &["Gateway".into()])
        .unwrap();
    let id = ProtectionObjectId(object.id);
    let error =
        s.ws.update_protection_object(
            id,
            &ProtectionObjectInput {
                scope: ECU,
                name: "Gateway".into(),
                objectives: Some(Vec::new()),
                ..ProtectionObjectInput::default()
            },
            None,
        )
        .unwrap_err();
    assert_eq!(
        keys(&error),
        [("objectives".to_owned(), "input.po_no_objective")],
        "unchecking every objective is refused, not saved as all"
    );
    let changed =
        s.ws.update_protection_object(
            id,
            &ProtectionObjectInput {
                scope: ECU,
                name: "Central gateway".into(),
                item: "CGW".into(),
                customer: "OEM A".into(),
                partner_participant_id: "p1a2b3".into(),
                confidentiality: true,
                integrity: true,
                availability: false,
                lifecycle_phases: "development".into(),
                objectives: Some(vec!["development".into()]),
                locations: vec![PLANT_NORD],
            },
            None,
        )
        .unwrap();
    assert_eq!(changed.name, "Central gateway");
    assert_eq!(changed.partner_participant_id.unwrap().as_str(), "P1A2B3");
    assert_eq!(
        changed.objectives,
        [csmsdesk_core::scope::Objective::Development]
    );
    assert!(
        s.ws.sampling(ECU)
            .unwrap()
            .iter()
            .all(|row| row.chosen.is_empty()),
        "its sample for production went with the objective"
    );
    let changed =
        s.ws.update_protection_object_fields(
            id,
            &ProtectionObjectChanges {
                availability: Some(true),
                ..ProtectionObjectChanges::default()
            },
        )
        .unwrap();
    assert!(changed.availability && changed.confidentiality && changed.item == "CGW");
}

#[test]
fn a_sharing_is_corrected_or_removed_as_entered_by_mistake() {
    let mut s = setup();
    let (shared, _) =
        s.ws.add_sharing(ECU, "OEM A", "S1A2B3", "A", "2026-11-25")
            .unwrap();
    let id = crate::SharingId(shared.id);
    let (changed, warnings) =
        s.ws.update_sharing(id, "OEM B", "s9z8y7", "A+labels", "2026-11-20")
            .unwrap();
    assert!(warnings.is_empty());
    assert_eq!(
        (
            changed.partner.as_str(),
            changed.participant_id.as_str(),
            changed.level.as_str()
        ),
        ("OEM B", "S9Z8Y7", "A+labels")
    );
    let error = s.ws.update_sharing(id, "", "x", "full", "").unwrap_err();
    assert_eq!(error.field_errors().len(), 4, "every field named at once");
    assert_eq!(s.ws.sharing(id).unwrap(), changed, "nothing was saved");
    let before = s.ws.journal_entries().unwrap().len();
    s.ws.remove_sharing(id).unwrap();
    assert!(s.ws.sharings(Some(ECU)).unwrap().is_empty());
    assert_eq!(
        journalled_since(&s.ws, before),
        [("scope_sharing".to_owned(), "delete".to_owned())]
    );
    assert!(s.ws.remove_sharing(id).is_err(), "gone");
}

#[test]
fn an_na_decision_and_a_deviation_are_changed_and_withdrawn() {
    let mut s = setup();
    let question = |ws: &Workspace, id: &str| {
        ws.scope_view(ECU, None, today())
            .unwrap()
            .questions
            .into_iter()
            .find(|q| q.applicability.question_id == id)
            .unwrap()
    };
    s.ws.set_applicability(ECU, "1.3", false, "No projects here")
        .unwrap();
    s.ws.set_applicability(ECU, "1.3", false, "No projects at this site")
        .unwrap();
    let q = question(&s.ws, "1.3");
    assert!(!q.applicability.applicable);
    assert_eq!(
        q.applicability.overridden,
        Some((false, "No projects at this site".to_owned())),
        "the justification was changed"
    );
    // Back to what the matrix says, with the old reason still typed: the override goes.
    s.ws.set_applicability(ECU, "1.3", true, "No projects at this site")
        .unwrap();
    let q = question(&s.ws, "1.3");
    assert!(q.applicability.applicable);
    assert_eq!(q.applicability.overridden, None, "withdrawn");

    let should = question(&s.ws, "1.1").should_requirements[0].0.clone();
    s.ws.set_deviation(ECU, &should, "Supplier type B").unwrap();
    s.ws.set_deviation(ECU, &should, "Supplier type C").unwrap();
    assert_eq!(
        question(&s.ws, "1.1").should_requirements[0].1.as_deref(),
        Some("Supplier type C")
    );
    s.ws.set_deviation(ECU, &should, "  ").unwrap();
    assert_eq!(
        question(&s.ws, "1.1").should_requirements[0].1,
        None,
        "an empty reason withdraws it"
    );
}
