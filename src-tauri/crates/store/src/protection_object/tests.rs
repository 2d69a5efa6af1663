use super::*;
use crate::location::{self, LocationRecord};
use crate::sql::twin::{on_postgresql, on_sqlite};

fn new_scope(conn: &dyn Sql, name: &str) -> i64 {
    conn.insert_id(
        "INSERT INTO scope (name) VALUES (?1) RETURNING id",
        params![name],
    )
    .unwrap()
}

fn new_location(conn: &dyn Sql, name: &str) -> i64 {
    let record = LocationRecord {
        id: 0,
        name: name.to_owned(),
        address: String::new(),
        tisax_scope_id: None,
        cs_activities: true,
        notes: String::new(),
        labels: Vec::new(),
        used_by: Vec::new(),
    };
    location::insert(conn, &record).unwrap()
}

fn object(scope_id: i64, name: &str) -> ProtectionObjectRecord {
    ProtectionObjectRecord {
        id: 0,
        scope_id,
        name: name.to_owned(),
        item: "Gateway ECU".to_owned(),
        customer: "OEM".to_owned(),
        partner_participant_id: None,
        confidentiality: true,
        integrity: false,
        availability: true,
        lifecycle_phases: "development, production".to_owned(),
        objectives: Vec::new(),
        location_ids: Vec::new(),
    }
}

fn count(conn: &dyn Sql, table: &str, po: i64) -> i64 {
    let sql = format!("SELECT count(*) FROM {table} WHERE protection_object_id = ?1");
    conn.query_row(&sql, params![po], |r| r.get(0)).unwrap()
}

/// The same checks on either engine.
fn protection_object_checks(conn: &dyn Sql) {
    let scope = new_scope(conn, "VCS 2027");
    let other_scope = new_scope(conn, "VCS 2028");
    let north = new_location(conn, "North");
    let south = new_location(conn, "South");

    // Objectives come back in their order, locations by id, flags as they were.
    let first = ProtectionObjectRecord {
        partner_participant_id: Some(TisaxId::parse("P1A2B3").unwrap()),
        objectives: vec![Objective::Production, Objective::Development],
        location_ids: vec![south, north],
        ..object(scope, "Radar")
    };
    let id = insert(conn, &first).unwrap();
    assert_eq!(id, 1, "the id comes back from the insert");
    let stored = get(conn, id).unwrap().unwrap();
    assert_eq!(
        stored,
        ProtectionObjectRecord {
            id,
            objectives: vec![Objective::Development, Objective::Production],
            location_ids: vec![north, south],
            ..first.clone()
        }
    );
    assert_eq!(get(conn, 99).unwrap(), None);

    // A scope's objects by name without ASCII case; another scope's are not listed.
    for name in ["camera", "Brake", "_spare", "Öl pump"] {
        insert(conn, &object(scope, name)).unwrap();
    }
    insert(conn, &object(other_scope, "Airbag")).unwrap();
    let names: Vec<String> = list(conn, scope)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["_spare", "Brake", "camera", "Radar", "Öl pump"]);
    assert!(name_taken(conn, scope, "RADAR").unwrap());
    assert!(!name_taken(conn, other_scope, "radar").unwrap());
    assert!(name_taken(conn, other_scope, "airbag").unwrap());

    // The sample per objective, and the checks of a sampled object by question (bytes).
    set_sample(conn, scope, Objective::Production, &[id, 3]).unwrap();
    set_sample(conn, scope, Objective::Development, &[id]).unwrap();
    assert_eq!(sample(conn, scope, Objective::Production).unwrap(), [id, 3]);
    set_sample(conn, scope, Objective::Production, &[id]).unwrap();
    assert_eq!(sample(conn, scope, Objective::Production).unwrap(), [id]);
    assert!(
        sample(conn, scope, Objective::OperationsMaintenance)
            .unwrap()
            .is_empty()
    );
    set_check(conn, id, "a.1", CheckStatus::Open, "").unwrap();
    set_check(conn, id, "B.2", CheckStatus::Deviation, "no 'test' report").unwrap();
    set_check(conn, id, "a.1", CheckStatus::Consistent, "seen").unwrap();
    assert_eq!(
        checks(conn, id).unwrap(),
        [
            (
                "B.2".to_owned(),
                CheckStatus::Deviation,
                "no 'test' report".to_owned()
            ),
            ("a.1".to_owned(), CheckStatus::Consistent, "seen".to_owned()),
        ]
    );

    // An update replaces fields, objectives and locations; samples of dropped objectives go.
    let changed = ProtectionObjectRecord {
        id,
        name: "Radar 2".to_owned(),
        partner_participant_id: None,
        confidentiality: false,
        integrity: true,
        objectives: vec![Objective::Development],
        location_ids: vec![south],
        ..first.clone()
    };
    update(conn, &changed).unwrap();
    assert_eq!(get(conn, id).unwrap().unwrap(), changed);
    assert!(
        sample(conn, scope, Objective::Production)
            .unwrap()
            .is_empty()
    );
    assert_eq!(sample(conn, scope, Objective::Development).unwrap(), [id]);

    // What another client wrote reads back as it is (the status is held by a CHECK).
    conn.execute(
        "UPDATE sample_check SET note = 'x' WHERE question_id = 'B.2'",
        params![],
    )
    .unwrap();
    assert_eq!(checks(conn, id).unwrap()[0].2, "x");

    // Delete takes samples, checks, objectives and locations along.
    delete(conn, id).unwrap();
    assert_eq!(get(conn, id).unwrap(), None);
    for table in [
        "sample",
        "sample_check",
        "protection_object_objective",
        "protection_object_location",
    ] {
        assert_eq!(count(conn, table, id), 0, "{table}");
    }
}

#[test]
fn protection_objects_on_sqlite() {
    on_sqlite(protection_object_checks);
}

#[test]
fn protection_objects_on_postgresql() {
    on_postgresql(protection_object_checks);
}
