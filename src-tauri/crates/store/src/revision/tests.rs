//! Record revisions on both engines, and two desks saving one record at once on PostgreSQL.

use std::collections::HashMap;

use super::{Record, claim, claim_all, of, of_all};
use crate::Error;
use crate::sql::Sql;
use crate::sql::twin::{on_postgresql, on_sqlite};

fn claims_move_on_and_an_older_base_is_refused(conn: &dyn Sql) {
    assert_eq!(of(conn, Record::Finding, 7).unwrap(), 0);
    assert_eq!(claim(conn, Record::Finding, 7, Some(0)).unwrap(), 1);
    // A change of named fields passes no base: it never blocks, and moves the revision on.
    assert_eq!(claim(conn, Record::Finding, 7, None).unwrap(), 2);
    match claim(conn, Record::Finding, 7, Some(1)) {
        Err(Error::Changed { record, id, by, at }) => {
            assert_eq!((record, id), ("finding", 7));
            assert!(!by.is_empty(), "{by}");
            // The journal's time format: 2026-12-06T20:15:42.123Z.
            assert!(
                at.len() == 24 && at.ends_with('Z') && &at[10..11] == "T",
                "{at}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(of(conn, Record::Finding, 7).unwrap(), 2);
    // A form based on a revision the record never had (a later one) is refused too.
    assert!(matches!(
        claim(conn, Record::Finding, 8, Some(3)),
        Err(Error::Changed { .. })
    ));
    // Kinds are apart: an action with the same id is its own record.
    assert_eq!(claim(conn, Record::Action, 7, Some(0)).unwrap(), 1);
    assert_eq!(
        of_all(conn, Record::Finding).unwrap(),
        HashMap::from([(7, 2), (8, 1)])
    );
    // Many at once (a bulk change): each moves on, those never saved start at 1.
    claim_all(conn, Record::Finding, &[7, 9]).unwrap();
    claim_all(conn, Record::Finding, &[]).unwrap();
    assert_eq!(
        of_all(conn, Record::Finding).unwrap(),
        HashMap::from([(7, 3), (8, 1), (9, 1)])
    );
}

#[test]
fn claims_move_on_and_an_older_base_is_refused_on_sqlite() {
    on_sqlite(claims_move_on_and_an_older_base_is_refused);
}

#[test]
fn claims_move_on_and_an_older_base_is_refused_on_postgresql() {
    on_postgresql(claims_move_on_and_an_older_base_is_refused);
}

/// Two desks save the same location at the same moment, both from a form at revision 0: the
/// second waits for the first's transaction and is then refused, naming the first's user.
/// Nothing times anything: without the lock, the second's save would be taken.
#[test]
fn the_second_of_two_desks_saving_one_record_at_once_waits_and_is_refused_on_postgresql() {
    use crate::Db;
    use crate::pg::test_server::{TestDb, server};
    use std::sync::mpsc;

    let Some(admin) = server() else { return };
    let test = TestDb::create(&admin);
    drop(Db::create_pg(&test.config, "2026-11-25T10:00:00Z", "test").unwrap());
    let (claimed, first_holds) = mpsc::channel();
    let (go_on, release) = mpsc::channel::<()>();
    let config = test.config.clone();
    let first = std::thread::spawn(move || {
        let mut desk = Db::open_pg(&config).unwrap();
        desk.write(|tx| {
            let revision = claim(tx, Record::Location, 1, Some(0))?;
            claimed.send(revision).unwrap();
            // Held open until the second desk has begun its save.
            release.recv().unwrap();
            Ok(())
        })
        .unwrap();
    });
    assert_eq!(first_holds.recv().unwrap(), 1);
    let config = test.config.clone();
    let second = std::thread::spawn(move || {
        let mut desk = Db::open_pg(&config).unwrap();
        desk.write(|tx| claim(tx, Record::Location, 1, Some(0)))
    });
    // The second's upsert waits on the first's row; let it get there, then commit the first.
    std::thread::sleep(std::time::Duration::from_millis(200));
    go_on.send(()).unwrap();
    first.join().unwrap();
    match second.join().unwrap() {
        Err(Error::Changed { by, .. }) => assert!(!by.is_empty()),
        other => panic!("the second save was not refused: {other:?}"),
    }
    let desk = Db::open_pg(&test.config).unwrap();
    assert_eq!(of(desk.conn(), Record::Location, 1).unwrap(), 1);
}
