//! The journal on PostgreSQL, against the throwaway cluster: every change is an entry sealed
//! into the chain core verifies, whoever makes it; the chain refuses edits, shows tampering
//! and does not fork under concurrent appends.

use csmsdesk_core::journal::Problem;

use super::*;
use crate::Error;
use crate::pg::test_server::{TestDb, server};
use crate::pg::{PgConfig, connect, migrate};

fn migrated(admin: &PgConfig) -> (TestDb, postgres::Client) {
    let db = TestDb::create(admin);
    let mut client = db.connect();
    migrate(&mut client).unwrap();
    (db, client)
}

#[test]
fn every_change_is_an_entry_that_core_verifies() {
    let Some(admin) = server() else { return };
    let (_db, mut client) = migrated(&admin);
    set_source(&mut client, "cli settings").unwrap();
    client
        .batch_execute(
            "INSERT INTO setting (key, value) VALUES ('a', 'one');
             UPDATE setting SET value = 'two' WHERE key = 'a';
             UPDATE setting SET value = value;
             DELETE FROM setting WHERE key = 'a';",
        )
        .unwrap();
    let entries = entries(&mut client).unwrap();
    let ops: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (e.table.as_str(), e.op.as_str()))
        .collect();
    assert_eq!(
        ops,
        [
            ("setting", "insert"),
            ("setting", "update"),
            ("setting", "delete")
        ],
        "an update that changes nothing is no entry"
    );
    let update = &entries[1];
    assert_eq!(update.key, "[\"a\"]");
    assert_eq!(update.before.as_deref(), Some("{ \"value\" : \"one\" }"));
    assert_eq!(update.after.as_deref(), Some("{ \"value\" : \"two\" }"));
    assert_eq!(update.source, "cli settings");
    assert_eq!(update.user, admin.user, "the authenticated role");
    assert_eq!(
        update.at.len(),
        "2026-01-01T00:00:00.000Z".len(),
        "{}",
        update.at
    );
    let (count, head, problems) = verify(&mut client).unwrap();
    assert_eq!((count, problems), (3, vec![]));
    assert_eq!(head.map(|h| h.seq), Some(entries[2].seq));
}

#[test]
fn a_change_made_around_the_app_is_journalled_with_the_clients_name() {
    let Some(admin) = server() else { return };
    let (db, _client) = migrated(&admin);
    let mut psql = db.config.clone();
    psql.application_name = "psql".to_owned();
    let mut client = connect(&psql).unwrap();
    client
        .batch_execute(
            // A client with its own search path names the schema itself.
            "SET search_path = public;
             INSERT INTO csmsdesk.evidence (title, source_path, source_size, source_mtime_ns, added_at)
             VALUES (repeat('x', 100), '\\x00ff'::bytea, 2, 0, '2026-01-01');
             SET search_path = csmsdesk;",
        )
        .unwrap();
    let entries = entries(&mut client).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].source, "sql: psql");
    let after = entries[0].after.as_deref().unwrap();
    assert!(
        after.contains(&format!("\"{}…\"", "x".repeat(79))),
        "{after}"
    );
    assert!(after.contains("\"source_path\" : \"<2 bytes>\""), "{after}");
    assert!(verify(&mut client).unwrap().2.is_empty());
}

#[test]
fn entries_cannot_be_changed_and_tampering_is_found() {
    let Some(admin) = server() else { return };
    let (_db, mut client) = migrated(&admin);
    client
        .batch_execute("INSERT INTO setting VALUES ('a', '1'), ('b', '2'), ('c', '3')")
        .unwrap();
    for sql in [
        "UPDATE journal SET after = 'x'",
        "DELETE FROM journal",
        "TRUNCATE journal",
    ] {
        match client.batch_execute(sql) {
            Err(e) => assert!(Error::from(e).to_string().contains("append-only"), "{sql}"),
            Ok(()) => panic!("{sql} was allowed"),
        }
    }
    // An owner who switches the guard off can edit, but not unseen.
    let seq: i64 = client
        .query_one("SELECT min(seq) + 1 FROM journal", &[])
        .unwrap()
        .get(0);
    client
        .batch_execute(
            "ALTER TABLE journal DISABLE TRIGGER journal_append_only_update;
             UPDATE journal SET after = '{}' WHERE seq = (SELECT min(seq) + 1 FROM journal);",
        )
        .unwrap();
    assert_eq!(
        verify(&mut client).unwrap().2,
        vec![Problem::Edited { seq }]
    );
}

#[test]
fn concurrent_appends_keep_one_chain() {
    let Some(admin) = server() else { return };
    let (db, _client) = migrated(&admin);
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let config = db.config.clone();
            std::thread::spawn(move || {
                let mut client = connect(&config).unwrap();
                for i in 0..25 {
                    let mut tx = client.transaction().unwrap();
                    let key = format!("w{w}-{i}");
                    tx.execute("INSERT INTO setting VALUES ($1, 'a')", &[&key])
                        .unwrap();
                    tx.execute("UPDATE setting SET value = 'b' WHERE key = $1", &[&key])
                        .unwrap();
                    tx.commit().unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let mut client = db.connect();
    let (count, _, problems) = verify(&mut client).unwrap();
    assert_eq!((count, problems), (200, vec![]));
}

#[test]
fn a_links_facts_follow_its_item_whatever_the_search_path() {
    let Some(admin) = server() else { return };
    let (_db, mut client) = migrated(&admin);
    let facts = |client: &mut postgres::Client| -> (i64, i64, Option<String>) {
        let row = client
            .query_one(
                "SELECT source_missing, latest_reviewed, review_due FROM csmsdesk.evidence_link",
                &[],
            )
            .unwrap();
        (row.get(0), row.get(1), row.get(2))
    };
    client
        .batch_execute(
            "SET search_path = public;
             INSERT INTO csmsdesk.catalogue (id, name, version, source_file, source_sha256, imported_at)
             VALUES (1, 'c', '1', 'f', repeat('a', 64), '2026-01-01');
             INSERT INTO csmsdesk.evidence (id, title, source_path, source_size, source_mtime_ns,
                                            added_at, source_missing, latest_version, review_due)
             VALUES (1, 't', 'p'::bytea, 1, 0, '2026-01-01', 1, 2, '2027-01-01');
             INSERT INTO csmsdesk.evidence_link (evidence_id, catalogue_id, target_id)
             VALUES (1, 1, '1.1.a');",
        )
        .unwrap();
    assert_eq!(facts(&mut client), (1, 0, Some("2027-01-01".to_owned())));
    client
        .batch_execute(
            "UPDATE csmsdesk.evidence SET source_missing = 0, reviewed_version = 2, review_due = NULL",
        )
        .unwrap();
    assert_eq!(facts(&mut client), (0, 1, None));
}

/// Many entries in one transaction and a savepoint rolled back: the head is written once, at
/// commit, for the newest entry, and the chain has no gap (0012: the head is kept in the
/// transaction's setting, which a rolled-back savepoint undoes with its entries).
#[test]
fn one_transaction_of_many_entries_and_a_rolled_back_savepoint_keep_the_chain_on_postgresql() {
    let Some(admin) = server() else { return };
    let (_db, mut client) = migrated(&admin);
    client
        .batch_execute(
            "BEGIN;
             INSERT INTO setting (key, value) SELECT 'k' || n, 'v' FROM generate_series(1, 3000) n;
             INSERT INTO setting (key, value) VALUES ('kept', 'a');
             SAVEPOINT s;
             INSERT INTO setting (key, value) VALUES ('undone', 'b');
             ROLLBACK TO SAVEPOINT s;
             INSERT INTO setting (key, value) VALUES ('after', 'c');",
        )
        .unwrap();
    // Until the commit the head is the one before the transaction (none here).
    let before: i64 = client
        .query_one("SELECT count(*) FROM journal_head", &[])
        .unwrap()
        .get(0);
    assert_eq!(before, 0);
    client.batch_execute("COMMIT").unwrap();
    let (count, head, problems) = verify(&mut client).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(count, 3002);
    assert_eq!(head.unwrap().seq, 3002, "the head is the newest entry");
    // The next transaction reads the head the commit wrote.
    client
        .batch_execute("INSERT INTO setting (key, value) VALUES ('next', 'd')")
        .unwrap();
    let (count, head, problems) = verify(&mut client).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((count, head.unwrap().seq), (3003, 3003));
}
