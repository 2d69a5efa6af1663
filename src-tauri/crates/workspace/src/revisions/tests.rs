//! Concurrent edits (issue 20) on the engine `CSMSDESK_TEST_ENGINE` names: a save based on
//! an older revision is refused and changes nothing; changes of named fields never block
//! each other. Two desks on one PostgreSQL database: `store::revision`'s tests.

use csmsdesk_core::i18n::Lang;
use csmsdesk_store::Error as StoreError;

use crate::test_support::{PLANT_NORD, setup, today};
use crate::{Error, ErrorCode, EvidenceId, EvidenceInput, LocationChanges, LocationInput, Record};

/// The newest journal entry's number (a refused save adds none).
fn newest_entry(ws: &crate::Workspace) -> i64 {
    ws.journal_page(None, None, None, 1).unwrap()[0].seq
}

fn plant(address: &str) -> LocationInput {
    LocationInput {
        name: "Plant Nord".into(),
        address: address.into(),
        cs_activities: true,
        ..LocationInput::default()
    }
}

#[test]
fn a_save_based_on_an_older_revision_is_refused_naming_who_and_when_and_changes_nothing() {
    let mut s = setup();
    let ws = &mut s.ws;
    assert_eq!(ws.revision(Record::Location, PLANT_NORD.0).unwrap(), 0);
    // Desk A and desk B both opened the form at revision 0; A saves first.
    ws.update_location(PLANT_NORD, &plant("Desk A road 1"), Some(0))
        .unwrap();
    assert_eq!(ws.revision(Record::Location, PLANT_NORD.0).unwrap(), 1);
    let entries = newest_entry(ws);
    let refused = ws
        .update_location(PLANT_NORD, &plant("Desk B street 2"), Some(0))
        .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Changed);
    let Error::Store(StoreError::Changed { by, at, .. }) = &refused else {
        panic!("{refused:?}")
    };
    assert!(!by.is_empty() && at.ends_with('Z'), "{by} {at}");
    let text = refused.message().render(Lang::English);
    assert!(
        text.starts_with(&format!("{by} saved this record on ")) && text.contains("reload"),
        "{text}"
    );
    let german = refused.message().render(Lang::German);
    assert!(german.contains("Uhr gespeichert"), "{german}");
    // Nothing of B's save: the record, its revision and the journal are as A left them.
    assert_eq!(ws.location(PLANT_NORD).unwrap().address, "Desk A road 1");
    assert_eq!(ws.revision(Record::Location, PLANT_NORD.0).unwrap(), 1);
    assert_eq!(newest_entry(ws), entries);
    // B reloads (revision 1) and saves: taken.
    ws.update_location(PLANT_NORD, &plant("Desk B street 2"), Some(1))
        .unwrap();
    assert_eq!(ws.location(PLANT_NORD).unwrap().address, "Desk B street 2");
    // Revisions are per record: another kind with the same id is still at 0.
    assert_eq!(ws.revision(Record::Scope, PLANT_NORD.0).unwrap(), 0);
    let all = ws.revisions(Record::Location).unwrap();
    assert_eq!((all.get(PLANT_NORD.0), all.get(999)), (2, 0));
}

#[test]
fn changes_of_named_fields_keep_each_others_fields_and_refuse_an_older_form() {
    let mut s = setup();
    let ws = &mut s.ws;
    // Two separate changes of different fields: neither blocks or undoes the other.
    ws.update_location_fields(
        PLANT_NORD,
        &LocationChanges {
            address: Some("Ring 3".into()),
            ..LocationChanges::default()
        },
    )
    .unwrap();
    ws.update_location_fields(
        PLANT_NORD,
        &LocationChanges {
            notes: Some("Gate B".into()),
            ..LocationChanges::default()
        },
    )
    .unwrap();
    let now = ws.location(PLANT_NORD).unwrap();
    assert_eq!(
        (now.address.as_str(), now.notes.as_str()),
        ("Ring 3", "Gate B")
    );
    // A form opened before them would write the old address back: refused.
    let refused = ws
        .update_location(PLANT_NORD, &plant("old"), Some(0))
        .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Changed, "{refused:?}");
    assert_eq!(ws.location(PLANT_NORD).unwrap().address, "Ring 3");
}

#[test]
fn a_change_of_named_fields_reads_again_when_a_save_lands_between_its_read_and_its_write() {
    let mut s = setup();
    let ws = &mut s.ws;
    let mut tries = 0;
    let saved = ws
        .on_fresh(Record::Location, PLANT_NORD.0, |ws, revision| {
            tries += 1;
            let current = ws.location(PLANT_NORD)?;
            if tries == 1 {
                // Another desk saves the notes after this change read the record.
                ws.update_location_fields(
                    PLANT_NORD,
                    &LocationChanges {
                        notes: Some("from the other desk".into()),
                        ..LocationChanges::default()
                    },
                )?;
            }
            let input = LocationInput {
                address: "Ring 5".into(),
                notes: current.notes.clone(),
                ..plant("")
            };
            ws.update_location(PLANT_NORD, &input, Some(revision))
        })
        .unwrap();
    assert_eq!(tries, 2);
    assert_eq!(
        (saved.address.as_str(), saved.notes.as_str()),
        ("Ring 5", "from the other desk")
    );
}

#[test]
fn a_review_moves_the_items_revision_on_so_that_an_older_details_form_is_refused() {
    let mut s = setup();
    let path = s.file("policy.pdf", "policy");
    let report = s.add(&[&path], &[]);
    let id = EvidenceId(crate::test_support::Setup::added_id(&report));
    let ws = &mut s.ws;
    let form = ws.revision(Record::Evidence, id.0).unwrap();
    ws.review_evidence(id, "2099-01-31", today()).unwrap();
    let details = EvidenceInput {
        title: "Security policy".into(),
        ..EvidenceInput::default()
    };
    let refused = ws.update_evidence(id, &details, Some(form)).unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Changed, "{refused:?}");
    // The review's date stays; saved again on the new revision, the title is taken.
    let fresh = ws.revision(Record::Evidence, id.0).unwrap();
    assert_eq!(fresh, form + 1);
    ws.update_evidence(
        id,
        &EvidenceInput {
            review_due: "2099-01-31".into(),
            ..details
        },
        Some(fresh),
    )
    .unwrap();
    assert_eq!(ws.evidence_record(id).unwrap().title, "Security policy");
    assert_eq!(ws.revision(Record::Evidence, id.0).unwrap(), fresh + 1);
}

#[test]
fn a_bulk_change_of_the_vault_refuses_a_details_form_opened_before_it() {
    let mut s = setup();
    let path = s.file("plan.pdf", "plan");
    let id = EvidenceId(crate::test_support::Setup::added_id(&s.add(&[&path], &[])));
    let ws = &mut s.ws;
    let form = ws.revision(Record::Evidence, id.0).unwrap();
    ws.bulk_evidence(
        &crate::EvidenceSelection {
            ids: vec![id],
            filter: None,
        },
        &crate::BulkChange::Set {
            field: "owner".into(),
            value: "Ben".into(),
        },
        today(),
        Lang::English,
    )
    .unwrap();
    let details = EvidenceInput {
        owner: "Anna".into(),
        ..EvidenceInput::default()
    };
    let refused = ws.update_evidence(id, &details, Some(form)).unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Changed, "{refused:?}");
    assert_eq!(
        ws.evidence_record(id).unwrap().owner,
        "Ben",
        "the bulk change stays"
    );
}
