use super::*;
use crate::sql::twin::{on_postgresql, on_sqlite};

fn new_scope(conn: &dyn Sql, name: &str) -> i64 {
    conn.insert_id(
        "INSERT INTO scope (name) VALUES (?1) RETURNING id",
        params![name],
    )
    .unwrap()
}

fn export(scope_id: Option<i64>, path: &str) -> ExportRecord {
    ExportRecord {
        id: 0,
        scope_id,
        level: "A+labels".to_owned(),
        path: path.to_owned(),
        sha256: "ab".repeat(32),
        generated_at: "2026-11-25T10:00:00Z".to_owned(),
    }
}

fn sharing(scope_id: i64, partner: &str, shared_on: &str) -> SharingRecord {
    SharingRecord {
        id: 0,
        scope_id,
        partner: partner.to_owned(),
        participant_id: "P1A2B3".to_owned(),
        level: "A".to_owned(),
        shared_on: shared_on.to_owned(),
    }
}

/// The same checks on either engine.
fn exchange_checks(conn: &dyn Sql) {
    let scope = new_scope(conn, "VCS 2027");
    let other = new_scope(conn, "VCS 2028");

    // Exports: ids from the insert, listed by id; a deleted scope leaves its history.
    let first = record_export(conn, &export(Some(scope), "/out/a.zip")).unwrap();
    let second = record_export(conn, &export(None, "/out/ä 'b'.zip")).unwrap();
    let third = record_export(conn, &export(Some(other), "/out/c.zip")).unwrap();
    assert_eq!((first, second, third), (1, 2, 3));
    let listed = exports(conn).unwrap();
    assert_eq!(
        listed,
        [
            ExportRecord {
                id: 1,
                ..export(Some(scope), "/out/a.zip")
            },
            ExportRecord {
                id: 2,
                ..export(None, "/out/ä 'b'.zip")
            },
            ExportRecord {
                id: 3,
                ..export(Some(other), "/out/c.zip")
            },
        ]
    );

    // Publication: "do-not-share" until set; set again replaces.
    assert_eq!(publication(conn, scope).unwrap(), "do-not-share");
    set_publication(conn, scope, "A").unwrap();
    set_publication(conn, scope, "A+labels+B").unwrap();
    assert_eq!(publication(conn, scope).unwrap(), "A+labels+B");
    assert_eq!(publication(conn, other).unwrap(), "do-not-share");

    // Sharings: by date then id, all or one scope's.
    let late = add_sharing(conn, &sharing(scope, "OEM late", "2027-02-01")).unwrap();
    let early = add_sharing(conn, &sharing(other, "OEM early", "2026-12-01")).unwrap();
    let same_day = add_sharing(conn, &sharing(scope, "Tier 1", "2027-02-01")).unwrap();
    let partners = |scope: Option<i64>| -> Vec<String> {
        sharings(conn, scope)
            .unwrap()
            .into_iter()
            .map(|s| s.partner)
            .collect()
    };
    assert_eq!(partners(None), ["OEM early", "OEM late", "Tier 1"]);
    assert_eq!(partners(Some(scope)), ["OEM late", "Tier 1"]);
    assert_eq!(partners(Some(99)), Vec::<String>::new());
    assert_eq!(
        super::sharing(conn, early).unwrap(),
        Some(SharingRecord {
            id: early,
            ..sharing(other, "OEM early", "2026-12-01")
        })
    );
    assert_eq!(super::sharing(conn, 99).unwrap(), None);

    // A correction changes everything but the scope; a removal takes the record away.
    let corrected = SharingRecord {
        id: late,
        scope_id: other,
        partner: "OEM, corrected".to_owned(),
        participant_id: "P9Z8Y7".to_owned(),
        level: "A+labels".to_owned(),
        shared_on: "2026-11-30".to_owned(),
    };
    update_sharing(conn, &corrected).unwrap();
    assert_eq!(
        super::sharing(conn, late).unwrap(),
        Some(SharingRecord {
            scope_id: scope,
            ..corrected
        })
    );
    remove_sharing(conn, same_day).unwrap();
    assert_eq!(partners(None), ["OEM, corrected", "OEM early"]);

    // Deleting a scope keeps its exports (without the scope) and drops its sharings.
    conn.execute("DELETE FROM scope WHERE id = ?1", params![scope])
        .unwrap();
    assert_eq!(exports(conn).unwrap()[0].scope_id, None);
    assert_eq!(partners(None), ["OEM early"]);
}

#[test]
fn exchange_on_sqlite() {
    on_sqlite(exchange_checks);
}

#[test]
fn exchange_on_postgresql() {
    on_postgresql(exchange_checks);
}
