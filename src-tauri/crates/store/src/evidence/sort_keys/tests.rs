use std::cmp::Ordering;
use std::sync::{Arc, Mutex};

use csmsdesk_core::order::natural_cmp;
use rusqlite::Connection;

use super::*;
use crate::Db;

/// Texts where people's order and the bytes' order part: case, accents, numbers by value and
/// leading zeros, long runs of digits, letters beyond Latin, empty texts.
const TEXTS: [&str; 30] = [
    "",
    "a",
    "A",
    "á",
    "Ä",
    "ab",
    "b",
    "Item 9",
    "item 10",
    "Item 010",
    "item 9a",
    "Item 9 ",
    "x1",
    "x01",
    "x001y",
    "x123456789",
    "x99999999",
    "x1234567890",
    "x0000000001234567890",
    "ß",
    "ss",
    "ẞ",
    "İstanbul",
    "istanbul",
    "Zürich",
    "Zurich",
    "Änderung 2",
    "anderung 10",
    "_under",
    "%percent",
];

#[test]
fn the_encoding_orders_codes_as_numbers_whatever_their_size() {
    let codes: [u32; 17] = [
        0,
        0x41,
        0x7F,
        0x80,
        0x7FF,
        0x800,
        0xFFFF,
        0x1_0000,
        0x10_FFFF,
        0x1F_FFFF,
        0x20_0000,
        0x3FF_FFFF,
        0x400_0000,
        0x7FFF_FFFF,
        0x8000_0000,
        0xFFFF_FFFE,
        u32::MAX,
    ];
    for a in codes {
        for b in codes {
            assert_eq!(
                encode(&[a, 7]).cmp(&encode(&[b])),
                a.cmp(&b).then(Ordering::Greater)
            );
            assert_eq!(encode(&[a, b]).cmp(&encode(&[a])), Ordering::Greater);
        }
    }
    // As UTF-8 for characters: a key of ASCII is as long as its text.
    assert_eq!(encode(&[0x41, 0xE4, 0x20AC, 0x1F600]), "Aä€😀".as_bytes());
}

#[test]
fn the_stored_key_orders_texts_as_natural_cmp_does() {
    for a in TEXTS {
        for b in TEXTS {
            assert_eq!(
                sort_key(a).cmp(&sort_key(b)),
                natural_cmp(a, b),
                "{a:?} against {b:?}"
            );
        }
    }
}

/// The order a list shows by `column` ascending: people's order of the texts, ties by id.
fn expected(
    rows: &[(i64, String, String)],
    column: fn(&(i64, String, String)) -> &str,
) -> Vec<i64> {
    let mut rows = rows.to_vec();
    rows.sort_by(|a, b| natural_cmp(column(a), column(b)).then(a.0.cmp(&b.0)));
    rows.iter().map(|r| r.0).collect()
}

fn ids(conn: &Connection, sql: &str) -> Vec<i64> {
    conn.prepare(sql)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn journal_entries(conn: &Connection) -> i64 {
    conn.query_row(
        "SELECT count(*) FROM journal WHERE tbl = 'evidence'",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn a_workspace_of_schema_9_gets_its_keys_on_open_without_journal_entries() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workspace.sqlite");
    {
        let mut conn = Connection::open(&path).unwrap();
        crate::journal::register_functions(&conn, Arc::new(Mutex::new("test".into()))).unwrap();
        crate::db::migrations().to_version(&mut conn, 9).unwrap();
        crate::journal::refresh_triggers(&conn).unwrap();
        for (i, text) in TEXTS.iter().enumerate() {
            // Titles may not be blank: the owner carries the empty text.
            conn.execute(
                "INSERT INTO evidence (title, owner, source_path, source_size, source_mtime_ns,
                     added_at) VALUES (?1, ?2, ?3, 1, 0, '2026-11-25T10:00:00Z')",
                rusqlite::params![
                    format!("{text}."),
                    TEXTS[(i * 7) % TEXTS.len()],
                    format!("/docs/{i}").into_bytes()
                ],
            )
            .unwrap();
        }
    }
    let before = journal_entries(&Connection::open(&path).unwrap());
    let db = Db::open(&path).unwrap();
    let conn = db.conn();
    assert_eq!(
        journal_entries(conn),
        before,
        "keys derived from the texts are no change of the user's"
    );
    let missing: i64 = conn
        .query_row(
            "SELECT count(*) FROM evidence WHERE title_key IS NULL OR owner_key IS NULL",
            crate::params![],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(missing, 0);
    let rows: Vec<(i64, String, String)> = conn
        .prepare("SELECT id, title, owner FROM evidence")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        ids(conn, "SELECT id FROM evidence ORDER BY title_key, id"),
        expected(&rows, |r| &r.1)
    );
    assert_eq!(
        ids(conn, "SELECT id FROM evidence ORDER BY owner_key, id"),
        expected(&rows, |r| &r.2)
    );
    // The collation stays for other readers, and agrees.
    assert_eq!(
        ids(
            conn,
            "SELECT id FROM evidence ORDER BY title COLLATE natural_order, id"
        ),
        expected(&rows, |r| &r.1)
    );
    // A later open finds nothing to fill and writes nothing.
    drop(db);
    let again = Db::open(&path).unwrap();
    assert_eq!(journal_entries(again.conn()), before);
}
