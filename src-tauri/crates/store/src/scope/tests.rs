use super::*;
use crate::Db;
use crate::location::{self, LocationRecord};
use crate::sql::twin::{on_postgresql, on_sqlite};

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

fn new_location(conn: &dyn Sql, name: &str) -> i64 {
    let record = LocationRecord {
        id: 0,
        name: name.into(),
        address: String::new(),
        tisax_scope_id: None,
        cs_activities: true,
        notes: String::new(),
        labels: vec![],
        used_by: vec![],
    };
    location::insert(conn, &record).unwrap()
}

fn record(name: &str, location_ids: Vec<i64>) -> ScopeRecord {
    ScopeRecord {
        id: 0,
        name: name.into(),
        enx_scope_id: Some(TisaxId::parse("S7Y8Z9").unwrap()),
        catalogue_id: None,
        planned_audit_date: NaiveDate::from_ymd_opt(2027, 3, 15),
        audit_provider: "Example Audits GmbH".into(),
        location_ids,
        objectives: vec![Objective::Production, Objective::Development],
    }
}

/// The same checks on either engine.
fn scope_checks(conn: &dyn Sql) {
    let north = new_location(conn, "Plant Nord");
    let south = new_location(conn, "Plant Süd");
    let first = record("ECU development", vec![south, north]);
    let id = insert(conn, &first).unwrap();
    assert_eq!(id, 1, "the id comes back from the insert");
    assert_eq!(
        get(conn, id).unwrap().unwrap(),
        ScopeRecord {
            id,
            location_ids: vec![north, south],
            objectives: vec![Objective::Development, Objective::Production],
            ..first.clone()
        }
    );
    assert_eq!(get(conn, 99).unwrap(), None);

    // Names unique without case, listed as NOCASE sorts.
    assert!(
        name_taken(conn, "ecu DEVELOPMENT").unwrap(),
        "names are unique without case"
    );
    assert!(!name_taken(conn, "ECU production").unwrap());
    let duplicate = insert(conn, &record("ECU DEVELOPMENT", vec![]));
    assert!(
        duplicate.is_err(),
        "the schema refuses the same name in other case"
    );
    for name in ["Übernahme", "audit 2027", "_draft", "Brakes"] {
        insert(conn, &record(name, vec![])).unwrap();
    }
    let order = [
        "_draft",
        "audit 2027",
        "Brakes",
        "ECU development",
        "Übernahme",
    ];
    let listed: Vec<String> = list(conn).unwrap().into_iter().map(|s| s.name).collect();
    assert_eq!(listed, order);
    let named: Vec<String> = names(conn).unwrap().into_iter().map(|(_, n)| n).collect();
    assert_eq!(named, order);

    // A protection object on both locations keeps only those its scope still has.
    conn.execute(
        "INSERT INTO protection_object (id, scope_id, name) VALUES (1, ?1, 'Radar')",
        params![id],
    )
    .unwrap();
    for location in [north, south] {
        conn.execute(
            "INSERT INTO protection_object_location (protection_object_id, location_id) VALUES (1, ?1)",
            params![location],
        )
        .unwrap();
    }
    let changed = ScopeRecord {
        id,
        name: "ECU Development".into(),
        enx_scope_id: None,
        planned_audit_date: None,
        audit_provider: String::new(),
        location_ids: vec![south],
        ..first.clone()
    };
    update_details(conn, &changed).unwrap();
    set_objectives(conn, id, &[Objective::OperationsMaintenance]).unwrap();
    assert_eq!(
        get(conn, id).unwrap().unwrap(),
        ScopeRecord {
            objectives: vec![Objective::OperationsMaintenance],
            ..changed
        }
    );
    let kept: Vec<i64> = conn
        .query_map(
            "SELECT location_id FROM protection_object_location ORDER BY location_id",
            params![],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kept, [south]);

    // Applicability decisions and deviations: set, replaced, withdrawn; an NA needs a reason.
    assert!(set_override(conn, id, "1.1", Some((false, "  "))).is_err());
    set_override(conn, id, "1.1", Some((false, "Not done here"))).unwrap();
    set_override(conn, id, "1.2", Some((true, ""))).unwrap();
    set_override(conn, id, "1.2", Some((false, "Outsourced"))).unwrap();
    set_override(conn, id, "1.3", Some((true, ""))).unwrap();
    set_override(conn, id, "1.3", None).unwrap();
    let decided = overrides(conn, id).unwrap();
    assert_eq!(
        decided.into_iter().collect::<Vec<_>>(),
        [
            ("1.1".to_owned(), (false, "Not done here".to_owned())),
            ("1.2".to_owned(), (false, "Outsourced".to_owned())),
        ]
    );
    set_deviation(conn, id, "7.1.b", Some("Supplier type")).unwrap();
    set_deviation(conn, id, "7.1.b", Some("Supplier type, again")).unwrap();
    set_deviation(conn, id, "7.2.a", Some("x")).unwrap();
    set_deviation(conn, id, "7.2.a", None).unwrap();
    assert_eq!(
        deviations(conn, id)
            .unwrap()
            .into_iter()
            .collect::<Vec<_>>(),
        [("7.1.b".to_owned(), "Supplier type, again".to_owned())]
    );
    assert!(overrides(conn, 2).unwrap().is_empty());

    // A date edited by hand is reported, not trusted.
    conn.execute(
        "UPDATE scope SET planned_audit_date = 'soon' WHERE id = ?1",
        params![id],
    )
    .unwrap();
    let corrupt = get(conn, id).unwrap_err();
    assert!(
        matches!(
            corrupt,
            Error::Corrupt {
                column: "scope.planned_audit_date",
                ..
            }
        ),
        "{corrupt:?}"
    );

    // Delete takes everything that hangs on the scope along.
    delete(conn, id).unwrap();
    assert_eq!(get(conn, id).unwrap(), None);
    for table in [
        "scope_location",
        "scope_objective",
        "scope_question",
        "scope_deviation",
        "protection_object",
    ] {
        let left: i64 = conn
            .query_row(
                &format!("SELECT count(*) FROM {table} WHERE scope_id = ?1"),
                params![id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0, "{table}");
    }
}

#[test]
fn scopes_on_sqlite() {
    on_sqlite(scope_checks);
}

#[test]
fn scopes_on_postgresql() {
    on_postgresql(scope_checks);
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
