use super::*;
use crate::Db;
use crate::location::{self, LocationRecord};

fn db_with_scope() -> (tempfile::TempDir, Db, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::create(
        &dir.path().join("workspace.sqlite"),
        "2026-11-25T10:00:00Z",
        "test",
    )
    .unwrap();
    let location = LocationRecord {
        id: 0,
        name: "Plant Nord".into(),
        address: String::new(),
        tisax_scope_id: None,
        cs_activities: true,
        notes: String::new(),
        labels: vec![],
        used_by: vec![],
    };
    let location_id = db.write(|tx| location::insert(tx, &location)).unwrap();
    let scope = ScopeRecord {
        id: 0,
        name: "ECU development".into(),
        enx_scope_id: None,
        catalogue_id: None,
        planned_audit_date: NaiveDate::from_ymd_opt(2027, 3, 15),
        audit_provider: "Example Audits GmbH".into(),
        location_ids: vec![location_id],
        objectives: vec![Objective::Production, Objective::Development],
    };
    let id = db.write(|tx| insert(tx, &scope)).unwrap();
    (dir, db, id)
}

#[test]
fn a_scope_round_trips_with_its_locations_and_objectives() {
    let (_dir, db, id) = db_with_scope();
    let scopes = list(db.conn()).unwrap();
    assert_eq!(scopes.len(), 1);
    assert_eq!(scopes[0].id, id);
    assert_eq!(
        scopes[0].objectives,
        [Objective::Development, Objective::Production]
    );
    assert_eq!(
        scopes[0].planned_audit_date,
        NaiveDate::from_ymd_opt(2027, 3, 15)
    );
    assert!(
        name_taken(db.conn(), "ecu DEVELOPMENT").unwrap(),
        "names are unique without case"
    );
}

#[test]
fn the_schema_refuses_an_na_without_justification() {
    let (_dir, db, id) = db_with_scope();
    assert!(set_override(db.conn(), id, "1.1", Some((false, "  "))).is_err());
    set_override(db.conn(), id, "1.1", Some((false, "Not done here"))).unwrap();
    set_override(db.conn(), id, "1.2", Some((true, ""))).unwrap();
    assert_eq!(overrides(db.conn(), id).unwrap().len(), 2);
    set_override(db.conn(), id, "1.2", None).unwrap();
    assert_eq!(
        overrides(db.conn(), id).unwrap().len(),
        1,
        "back to the matrix default"
    );
}

#[test]
fn moving_to_a_new_catalogue_version_renames_decisions_even_when_ids_swap() {
    let (_dir, mut db, id) = db_with_scope();
    let conn = db.conn();
    conn.execute_batch(
        "INSERT INTO catalogue (id, name, version, source_file, source_sha256, imported_at)
         VALUES (1, 'C', '1.0', 'a', printf('%064d', 1), 't'), (2, 'C', '1.1', 'b', printf('%064d', 2), 't');
         UPDATE scope SET catalogue_id = 1;",
    )
    .unwrap();
    set_override(conn, id, "7.1", Some((false, "A"))).unwrap();
    set_override(conn, id, "9.1", Some((false, "B"))).unwrap();
    set_deviation(conn, id, "7.1.b", Some("Supplier type")).unwrap();
    let swap = |old: &str| match old {
        "7.1" => "9.1".to_owned(),
        "9.1" => "7.1".to_owned(),
        other => other.replacen("7.1.", "9.1.", 1),
    };
    assert_eq!(
        db.write(|tx| move_to_catalogue(tx, 1, 2, &swap)).unwrap(),
        1
    );
    let moved = overrides(db.conn(), id).unwrap();
    assert_eq!(moved["9.1"].1, "A", "7.1's decision now sits on 9.1");
    assert_eq!(moved["7.1"].1, "B", "and 9.1's on 7.1, without a collision");
    assert!(deviations(db.conn(), id).unwrap().contains_key("9.1.b"));
    assert_eq!(list(db.conn()).unwrap()[0].catalogue_id, Some(2));
}

#[test]
fn the_store_refuses_a_tisax_label_with_a_level_it_cannot_have() {
    let (_dir, mut db, _) = db_with_scope();
    let id = location::names(db.conn()).unwrap()[0].0;
    let label = |level| csmsdesk_core::scope::TisaxLabel {
        label: "Strictly confidential".into(),
        level,
        expires: NaiveDate::from_ymd_opt(2027, 5, 31).unwrap(),
    };
    let refused = location::add_label(db.conn(), id, &label(1)).unwrap_err();
    assert!(
        matches!(refused, Error::Refused { .. }),
        "Strictly confidential is AL3, never AL1: {refused:?}"
    );
    let mut record = location::get(db.conn(), id).unwrap().unwrap();
    record.labels = vec![label(1)];
    assert!(db.write(|tx| location::update(tx, &record)).is_err());
    assert!(
        location::get(db.conn(), id)
            .unwrap()
            .unwrap()
            .labels
            .is_empty(),
        "nothing was written"
    );
    record.labels = vec![label(3)];
    record.name = "Plant North".into();
    db.write(|tx| location::update(tx, &record)).unwrap();
    assert_eq!(location::get(db.conn(), id).unwrap().unwrap(), record);
}
