use super::*;
use crate::sql::twin::{on_postgresql, on_sqlite};

fn label(name: &str, level: u8, expires: &str) -> TisaxLabel {
    TisaxLabel {
        label: name.to_owned(),
        level,
        expires: NaiveDate::parse_from_str(expires, "%Y-%m-%d").unwrap(),
    }
}

fn record(name: &str, labels: Vec<TisaxLabel>) -> LocationRecord {
    LocationRecord {
        id: 0,
        name: name.to_owned(),
        address: format!("{name} street 1"),
        tisax_scope_id: Some(TisaxId::parse("S12345").unwrap()),
        cs_activities: true,
        notes: String::new(),
        labels,
        used_by: Vec::new(),
    }
}

fn scope(conn: &dyn Sql, name: &str, location: i64) {
    let scope = conn
        .insert_id(
            "INSERT INTO scope (name) VALUES (?1) RETURNING id",
            params![name],
        )
        .unwrap();
    conn.execute(
        "INSERT INTO scope_location (scope_id, location_id) VALUES (?1, ?2)",
        params![scope, location],
    )
    .unwrap();
}

fn names_of(conn: &dyn Sql) -> Vec<String> {
    list(conn).unwrap().into_iter().map(|l| l.name).collect()
}

/// The same checks on either engine.
fn location_checks(conn: &dyn Sql) {
    // Labels of one expiry sort by their bytes: upper case before lower case.
    let first = record(
        "Werk Süd",
        vec![
            label("info high", 2, "2027-03-01"),
            label("Info very high", 3, "2027-03-01"),
            label("Proto parts", 3, "2026-12-31"),
        ],
    );
    let id = insert(conn, &first).unwrap();
    assert_eq!(id, 1, "the id comes back from the insert");
    let stored = get(conn, id).unwrap().unwrap();
    assert_eq!(
        stored,
        LocationRecord {
            id,
            labels: vec![
                label("Proto parts", 3, "2026-12-31"),
                label("Info very high", 3, "2027-03-01"),
                label("info high", 2, "2027-03-01"),
            ],
            ..first.clone()
        }
    );
    assert_eq!(get(conn, 99).unwrap(), None);

    // Names sort as SQLite's NOCASE: ASCII case folded, then bytes ("1" before "_" before
    // letters, "Ä" after "z"), where a language would put "_" first and "Ä" beside "A".
    for name in ["zeta", "Alpha", "_Lab", "beta", "Äpfelhof", "1st floor"] {
        insert(conn, &record(name, Vec::new())).unwrap();
    }
    let order = [
        "1st floor",
        "_Lab",
        "Alpha",
        "beta",
        "Werk Süd",
        "zeta",
        "Äpfelhof",
    ];
    assert_eq!(names_of(conn), order);
    let all = names(conn).unwrap();
    assert_eq!(
        all.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
        order
    );
    assert_eq!(all[1], (4, "_Lab".to_owned()));

    // Names compare without case.
    assert!(name_taken(conn, "ALPHA").unwrap());
    assert!(name_taken(conn, "werk süd").unwrap());
    assert!(!name_taken(conn, "Gamma").unwrap());

    // An update replaces the details and the whole label list.
    let changed = LocationRecord {
        id,
        name: "Werk Nord".to_owned(),
        address: String::new(),
        tisax_scope_id: None,
        cs_activities: false,
        notes: "moved".to_owned(),
        labels: vec![label("High availability", 2, "2028-01-31")],
        used_by: Vec::new(),
    };
    update(conn, &changed).unwrap();
    assert_eq!(get(conn, id).unwrap().unwrap(), changed);

    // A renewal adds a label; a level the label cannot have is refused, nothing stored.
    add_label(conn, id, &label("High availability", 2, "2031-01-31")).unwrap();
    let refused = add_label(conn, id, &label("Confidential", 3, "2031-01-31")).unwrap_err();
    assert!(
        matches!(
            refused,
            Error::Refused {
                column: "location_label.level",
                ..
            }
        ),
        "{refused:?}"
    );
    assert_eq!(get(conn, id).unwrap().unwrap().labels.len(), 2);

    // The scopes that use a location, by name as NOCASE sorts.
    scope(conn, "vcs 2027", id);
    scope(conn, "Übergang", id);
    scope(conn, "VCS 2026", id);
    let scopes = ["VCS 2026", "vcs 2027", "Übergang"];
    assert_eq!(used_by(conn, id).unwrap(), scopes);
    assert_eq!(get(conn, id).unwrap().unwrap().used_by, scopes);
    assert!(used_by(conn, 4).unwrap().is_empty());

    // Delete takes the labels along.
    let zeta = names(conn).unwrap()[5].0;
    add_label(conn, zeta, &label("Confidential", 2, "2027-01-01")).unwrap();
    delete(conn, zeta).unwrap();
    assert_eq!(get(conn, zeta).unwrap(), None);
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM location_label WHERE location_id = ?1",
            params![zeta],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);

    // A hand-edited TISAX scope id is reported, not trusted.
    conn.execute(
        "UPDATE location SET tisax_scope_id = 'not an id' WHERE id = ?1",
        params![id],
    )
    .unwrap();
    let corrupt = list(conn).unwrap_err();
    assert!(
        matches!(
            corrupt,
            Error::Corrupt {
                column: "location.tisax_scope_id",
                ..
            }
        ),
        "{corrupt:?}"
    );
}

#[test]
fn locations_on_sqlite() {
    on_sqlite(location_checks);
}

#[test]
fn locations_on_postgresql() {
    on_postgresql(location_checks);
}
