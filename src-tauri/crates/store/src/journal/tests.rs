use super::*;
use crate::Db;
use csmsdesk_core::journal::{Problem, verify};

fn new_db(dir: &std::path::Path) -> Db {
    let db = Db::create(
        &dir.join("workspace.sqlite"),
        "2026-11-25T10:00:00Z",
        "test",
    )
    .unwrap();
    db.set_source("test");
    db
}

fn journal_problems(conn: &Connection) -> Vec<Problem> {
    verify(&entries(conn).unwrap(), head(conn).unwrap().as_ref())
}

#[test]
fn every_table_but_the_journal_has_its_three_triggers() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let tables = journalled_tables(db.conn()).unwrap();
    assert!(tables.len() >= 30, "{tables:?}");
    for table in [
        "evidence",
        "evidence_link",
        "audit_result",
        "setting",
        "workspace_meta",
    ] {
        assert!(tables.iter().any(|t| t == table), "{table} is journalled");
    }
    for table in &tables {
        for op in ["insert", "update", "delete"] {
            let name = format!("journal_{table}_{op}");
            let found: i64 = db
                .conn()
                .query_row(
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?1 AND tbl_name = ?2",
                    params![&name, table.as_str()],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(found, 1, "{name}");
        }
    }
}

#[test]
fn creating_a_workspace_is_journalled_and_the_chain_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let all = entries(db.conn()).unwrap();
    assert!(
        all.iter().any(|e| e.table == "workspace_meta"
            && e.op == "insert"
            && e.key == r#"["created_at"]"#),
        "{all:?}"
    );
    assert!(all.iter().all(|e| e.user == os_user()));
    assert_eq!(journal_problems(db.conn()), vec![]);
}

#[test]
fn insert_update_and_delete_record_key_source_and_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    db.set_source("cli location add");
    let conn = db.conn();
    let long = "x".repeat(500);
    conn.execute(
        "INSERT INTO location (id, name, address) VALUES (7, 'Plant A', ?1)",
        params![&long],
    )
    .unwrap();
    db.set_source("app");
    conn.execute(
        "UPDATE location SET name = 'Plant B' WHERE id = 7",
        params![],
    )
    .unwrap();
    // An update that changes nothing leaves no entry.
    conn.execute("UPDATE location SET name = name WHERE id = 7", params![])
        .unwrap();
    conn.execute("DELETE FROM location WHERE id = 7", params![])
        .unwrap();
    let mine: Vec<Entry> = entries(conn)
        .unwrap()
        .into_iter()
        .filter(|e| e.table == "location")
        .collect();
    assert_eq!(mine.len(), 3, "{mine:#?}");
    let (insert, update, delete) = (&mine[0], &mine[1], &mine[2]);
    assert_eq!((insert.op.as_str(), insert.key.as_str()), ("insert", "[7]"));
    assert_eq!(insert.source, "cli location add");
    assert_eq!(insert.before, None);
    let after: serde_json::Value = serde_json::from_str(insert.after.as_deref().unwrap()).unwrap();
    assert_eq!(after["name"], "Plant A");
    let address = after["address"].as_str().unwrap();
    assert_eq!(address.chars().count(), SHORT_TEXT, "long text is cut");
    assert!(address.ends_with('…'));
    assert_eq!(update.source, "app");
    assert_eq!(update.before.as_deref(), Some(r#"{"name":"Plant A"}"#));
    assert_eq!(update.after.as_deref(), Some(r#"{"name":"Plant B"}"#));
    assert_eq!(delete.op, "delete");
    assert!(delete.before.as_deref().unwrap().contains("Plant B"));
    assert_eq!(delete.after, None);
    assert!(!insert.at.is_empty() && insert.at.ends_with('Z'));
    assert_eq!(journal_problems(conn), vec![]);
    let newest = page(
        conn,
        &PageQuery {
            before: None,
            table: Some("location"),
            user: None,
            limit: 2,
        },
    )
    .unwrap();
    assert_eq!(
        newest.iter().map(|e| e.op.as_str()).collect::<Vec<_>>(),
        ["delete", "update"]
    );
}

#[test]
fn a_rolled_back_change_leaves_no_entry_and_no_gap() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = new_db(dir.path());
    let before = count(db.conn()).unwrap();
    let result: crate::Result<()> = db.write(|tx| {
        tx.execute(
            "INSERT INTO setting (key, value) VALUES ('a', '1')",
            params![],
        )?;
        Err(crate::Error::Corrupt {
            column: "test",
            value: "rolled back".into(),
        })
    });
    assert!(result.is_err());
    assert_eq!(count(db.conn()).unwrap(), before);
    db.conn()
        .execute(
            "INSERT INTO setting (key, value) VALUES ('b', '2')",
            params![],
        )
        .unwrap();
    assert_eq!(
        journal_problems(db.conn()),
        vec![],
        "no gap after a rollback"
    );
}

#[test]
fn another_sqlite_tool_cannot_change_a_journalled_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let path = db.path().to_owned();
    drop(db);
    let raw = Connection::open(&path).unwrap();
    let err = raw
        .execute("INSERT INTO setting (key, value) VALUES ('x', 'y')", [])
        .unwrap_err();
    assert!(err.to_string().contains("journal_"), "{err}");
}

#[test]
fn the_journal_refuses_edits_and_deletions_of_sealed_entries() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let conn = db.conn();
    let err = conn
        .execute(
            "UPDATE journal SET user = 'mallory' WHERE seq = 1",
            params![],
        )
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    let err = conn
        .execute("DELETE FROM journal WHERE seq = 1", params![])
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
}

#[test]
fn verify_names_an_entry_edited_or_deleted_behind_the_triggers_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    for i in 0..5 {
        db.conn()
            .execute(
                "INSERT INTO setting (key, value) VALUES (?1, 'v')",
                params![format!("k{i}").as_str()],
            )
            .unwrap();
    }
    let path = db.path().to_owned();
    drop(db);
    // A forger with another SQLite tool: drops the guards, then edits one entry and deletes
    // another.
    let raw = Connection::open(&path).unwrap();
    raw.execute_batch(
        "DROP TRIGGER journal_append_only_update; DROP TRIGGER journal_append_only_delete;",
    )
    .unwrap();
    let last: i64 = raw
        .query_row("SELECT max(seq) FROM journal", [], |r| r.get(0))
        .unwrap();
    raw.execute(
        "UPDATE journal SET after = '{\"value\":\"forged\"}' WHERE seq = ?1",
        [last - 3],
    )
    .unwrap();
    raw.execute("DELETE FROM journal WHERE seq = ?1", [last - 1])
        .unwrap();
    drop(raw);
    let db = Db::open(&path).unwrap();
    assert_eq!(
        journal_problems(db.conn()),
        vec![
            Problem::Edited { seq: last - 3 },
            Problem::Deleted {
                first: last - 1,
                last: last - 1
            }
        ]
    );
}

// Twins: entries written by real changes on each engine, read back, verified, tampered with.

use crate::sql::twin::{on_postgresql, on_sqlite};

/// The same checks on either engine (a new workspace of SQLite has entries of its creation,
/// a new PostgreSQL database none: the checks look at the entries they make).
fn journal_checks(conn: &dyn Sql) {
    let before = count(conn).unwrap();
    let start = head(conn).unwrap().map_or(0, |h| h.seq);
    conn.execute(
        "INSERT INTO setting (key, value) VALUES ('a', 'one'), ('b', 'two'), ('c', 'three')",
        params![],
    )
    .unwrap();
    conn.execute(
        "UPDATE setting SET value = 'uno' WHERE key = 'a'",
        params![],
    )
    .unwrap();
    conn.execute("UPDATE setting SET value = value", params![])
        .unwrap();
    conn.execute("INSERT INTO scope (name) VALUES ('ECU')", params![])
        .unwrap();
    conn.execute("DELETE FROM setting WHERE key = 'b'", params![])
        .unwrap();
    // An entry written as such names its own user (`"user"` is read, not PostgreSQL's `user`,
    // the current role).
    conn.execute(
        r#"INSERT INTO journal (at, "user", source, tbl, op, row_key)
           VALUES ('2026-11-25T10:00:00.000Z', 'mallory', 'test', 'setting', 'insert', '["z"]')"#,
        params![],
    )
    .unwrap();
    assert_eq!(
        count(conn).unwrap(),
        before + 7,
        "an update that changes nothing is no entry"
    );

    // entries: oldest first, sealed, the last one the head.
    let all = entries(conn).unwrap();
    let mine: Vec<&Entry> = all.iter().filter(|e| e.seq > start).collect();
    let ops: Vec<(&str, &str, &str)> = mine
        .iter()
        .map(|e| (e.table.as_str(), e.op.as_str(), e.key.as_str()))
        .collect();
    assert_eq!(
        ops,
        [
            ("setting", "insert", r#"["a"]"#),
            ("setting", "insert", r#"["b"]"#),
            ("setting", "insert", r#"["c"]"#),
            ("setting", "update", r#"["a"]"#),
            ("scope", "insert", "[1]"),
            ("setting", "delete", r#"["b"]"#),
            ("setting", "insert", r#"["z"]"#),
        ]
    );
    assert!(mine.windows(2).all(|w| w[0].seq < w[1].seq));
    assert!(
        mine.iter()
            .all(|e| e.hash.is_some() && e.prev_hash.is_some())
    );
    assert!(
        mine[3].after.as_deref().is_some_and(|a| a.contains("uno")),
        "{:?}",
        mine[3]
    );
    assert_eq!(mine[6].user, "mallory");
    let last = all.last().unwrap();
    assert_eq!(
        head(conn).unwrap().map(|h| (h.seq, Some(h.hash))),
        Some((last.seq, last.hash.clone()))
    );

    // page: newest first, by number (the next page is before the last one's), of one table.
    let seqs = |query: PageQuery<'_>| -> Vec<i64> {
        page(conn, &query).unwrap().iter().map(|e| e.seq).collect()
    };
    let newest: Vec<i64> = mine.iter().rev().map(|e| e.seq).collect();
    assert_eq!(
        seqs(PageQuery {
            before: None,
            table: None,
            user: None,
            limit: 2
        }),
        newest[..2]
    );
    assert_eq!(
        seqs(PageQuery {
            before: Some(newest[1]),
            table: None,
            user: None,
            limit: 3
        }),
        newest[2..5]
    );
    let settings: Vec<i64> = mine
        .iter()
        .rev()
        .filter(|e| e.table == "setting")
        .map(|e| e.seq)
        .collect();
    assert_eq!(
        seqs(PageQuery {
            before: None,
            table: Some("setting"),
            user: None,
            limit: 10
        }),
        settings
    );
    assert_eq!(
        seqs(PageQuery {
            before: Some(settings[0]),
            table: Some("setting"),
            user: None,
            limit: 2
        }),
        settings[1..3]
    );
    assert!(
        seqs(PageQuery {
            before: None,
            table: Some("nothing"),
            user: None,
            limit: 10
        })
        .is_empty()
    );

    // page of one person: mallory's entry alone; users: everyone who changed something.
    assert_eq!(
        seqs(PageQuery {
            before: None,
            table: None,
            user: Some("mallory"),
            limit: 10
        }),
        [mine[6].seq]
    );
    let people = users(conn).unwrap();
    assert!(people.contains(&"mallory".to_owned()), "{people:?}");
    let mut sorted = people.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(people, sorted, "each once, by bytes");
    assert!(people.iter().all(|p| all.iter().any(|e| &e.user == p)));

    // verify: the chain holds; an entry changed behind the append-only guard is named.
    let (n, verified_head, problems) = super::verify(conn).unwrap();
    assert_eq!((n as i64, problems), (before + 7, vec![]));
    assert_eq!(verified_head.map(|h| h.seq), Some(last.seq));
    let forged = mine[3].seq;
    let guard_off = conn.pick([
        "DROP TRIGGER journal_append_only_update",
        "ALTER TABLE journal DISABLE TRIGGER journal_append_only_update",
    ]);
    conn.execute(guard_off, params![]).unwrap();
    conn.execute(
        r#"UPDATE journal SET after = '{"value":"forged"}' WHERE seq = ?1"#,
        params![forged],
    )
    .unwrap();
    let (n, _, problems) = super::verify(conn).unwrap();
    assert_eq!(
        (n as i64, problems),
        (before + 7, vec![Problem::Edited { seq: forged }])
    );
}

#[test]
fn journal_reads_on_sqlite() {
    on_sqlite(journal_checks);
}

#[test]
fn journal_reads_on_postgresql() {
    on_postgresql(journal_checks);
}

/// On PostgreSQL `verify` reads in chunks: a journal longer than one chunk verifies, and a
/// deleted entry in its last chunk is found as on SQLite.
fn long_journal_checks(conn: &dyn Sql) {
    let before = count(conn).unwrap();
    conn.execute(
        conn.pick([
            "WITH RECURSIVE n (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 4500)
             INSERT INTO setting (key, value) SELECT 'k' || x, 'v' FROM n",
            "INSERT INTO setting (key, value)
             SELECT 'k' || x, 'v' FROM generate_series(1, 4500) AS n (x)",
        ]),
        params![],
    )
    .unwrap();
    let (n, _, problems) = super::verify(conn).unwrap();
    assert_eq!((n as i64, problems), (before + 4500, vec![]));
    let gone = head(conn).unwrap().unwrap().seq - 100;
    conn.execute(
        conn.pick([
            "DROP TRIGGER journal_append_only_delete",
            "ALTER TABLE journal DISABLE TRIGGER journal_append_only_delete",
        ]),
        params![],
    )
    .unwrap();
    conn.execute("DELETE FROM journal WHERE seq = ?1", params![gone])
        .unwrap();
    let (n, _, problems) = super::verify(conn).unwrap();
    assert_eq!(
        (n as i64, problems),
        (
            before + 4499,
            vec![Problem::Deleted {
                first: gone,
                last: gone
            }]
        )
    );
}

#[test]
fn a_long_journal_verifies_on_sqlite() {
    on_sqlite(long_journal_checks);
}

#[test]
fn a_long_journal_verifies_on_postgresql() {
    on_postgresql(long_journal_checks);
}
