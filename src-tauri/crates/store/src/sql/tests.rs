use super::*;
use crate::Error;

#[test]
fn placeholders_become_dollars_outside_literals_and_quoted_names() {
    assert_eq!(
        dollar_placeholders("SELECT '?1', \"a?b\" FROM t WHERE k = ?1 AND v = ?12"),
        "SELECT '?1', \"a?b\" FROM t WHERE k = $1 AND v = $12"
    );
    // An escaped quote inside a literal ('') closes and reopens it: still inside.
    assert_eq!(
        dollar_placeholders("SELECT 'it''s ?1' WHERE x = ?2"),
        "SELECT 'it''s ?1' WHERE x = $2"
    );
    assert_eq!(
        dollar_placeholders("SELECT \"we said \"\"?3\"\"\" FROM t WHERE x = ?3"),
        "SELECT \"we said \"\"?3\"\"\" FROM t WHERE x = $3"
    );
}

#[test]
fn placeholders_keep_every_digit_of_their_number() {
    assert_eq!(
        dollar_placeholders("VALUES (?1, ?10, ?2, ?100)"),
        "VALUES ($1, $10, $2, $100)"
    );
    assert_eq!(dollar_placeholders("x=?1||?1"), "x=$1||$1");
}

#[test]
fn a_doubled_question_mark_is_one_literal_and_a_bare_one_stays() {
    assert_eq!(
        dollar_placeholders("SELECT doc ?? 'key', doc ??| ?1 WHERE a = ?2"),
        "SELECT doc ? 'key', doc ?| $1 WHERE a = $2"
    );
    // `??1` is a literal `?` then the text `1`, not a placeholder.
    assert_eq!(dollar_placeholders("a ??1"), "a ?1");
    assert_eq!(dollar_placeholders("doc ? 'k' AND ?"), "doc ? 'k' AND ?");
}

#[test]
fn placeholders_in_comments_stay_and_the_text_after_them_is_rewritten() {
    assert_eq!(
        dollar_placeholders("SELECT ?1 -- not ?2, isn't it\nFROM t /* ?3 ' */ WHERE b = ?4"),
        "SELECT $1 -- not ?2, isn't it\nFROM t /* ?3 ' */ WHERE b = $4"
    );
    // An unterminated literal keeps the rest as it is (the server reports the error).
    assert_eq!(dollar_placeholders("SELECT 'open ?1"), "SELECT 'open ?1");
    // Text beyond ASCII passes through unchanged.
    assert_eq!(
        dollar_placeholders("SELECT 'Ä' || ?1 || ß"),
        "SELECT 'Ä' || $1 || ß"
    );
}

#[test]
fn params_convert_each_kind() {
    let name = String::from("Plant");
    let missing: Option<&str> = None;
    let bytes: &[u8] = b"\x00\xff";
    let values = params![
        7i64,
        "a",
        &name,
        true,
        false,
        3u8,
        missing,
        Some(5i64),
        bytes
    ];
    assert_eq!(
        values,
        &[
            Value::Int(7),
            Value::Text("a"),
            Value::Text("Plant"),
            Value::Int(1),
            Value::Int(0),
            Value::Int(3),
            Value::Null,
            Value::Int(5),
            Value::Bytes(b"\x00\xff"),
        ]
    );
    assert!(params![].is_empty());
}

/// The layer's checks, on whichever engine `conn` is (a migrated workspace schema).
fn layer_checks(conn: &dyn Sql) {
    let insert = "INSERT INTO location (name, address, tisax_scope_id, cs_activities)
                  VALUES (?1, ?2, ?3, ?4) RETURNING id";
    let first = conn
        .insert_id(
            insert,
            params!["Plant 'A'", "Main St", Some("S123AB"), true],
        )
        .unwrap();
    let second = conn
        .insert_id(insert, params!["Plant B", "", None::<&str>, false])
        .unwrap();
    assert_eq!(
        (first, second),
        (1, 2),
        "RETURNING id gives each new row's id"
    );

    // Rows read in place, each kind of value, NULL as None.
    let rows: Vec<(i64, String, Option<String>, bool)> = conn
        .query_map(
            "SELECT id, name, tisax_scope_id, cs_activities FROM location ORDER BY id",
            params![],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        rows,
        vec![
            (1, "Plant 'A'".to_owned(), Some("S123AB".to_owned()), true),
            (2, "Plant B".to_owned(), None, false)
        ]
    );

    // `execute` counts the rows it changed.
    let changed = conn
        .execute(
            "UPDATE location SET notes = ?1 WHERE id >= ?2",
            params!["n", 1i64],
        )
        .unwrap();
    assert_eq!(changed, 2);
    let changed = conn
        .execute("DELETE FROM location WHERE id = ?1", params![99i64])
        .unwrap();
    assert_eq!(changed, 0);

    // A parameter used twice, and a NULL bound where the other use is a BIGINT (PostgreSQL
    // needs the type where `?1 IS NULL` comes first: the cast says it on both).
    let either = "SELECT count(*) FROM location WHERE CAST(?1 AS BIGINT) IS NULL OR id = ?1";
    let count =
        |key: Option<i64>| -> i64 { conn.query_row(either, params![key], |r| r.get(0)).unwrap() };
    assert_eq!((count(None), count(Some(2)), count(Some(7))), (2, 1, 0));

    // A comparison reads as a bool and as 0/1 on both (PostgreSQL answers `boolean`).
    let (any, as_int): (bool, i64) = conn
        .query_row(
            "SELECT count(*) > 1, count(*) > 5 FROM location",
            params![],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((any, as_int), (true, 0));

    // `optional` and `query_row` when no row matches.
    let none: Option<String> = conn
        .optional(
            "SELECT name FROM location WHERE id = ?1",
            params![42i64],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(none, None);
    let missing = conn.query_row(
        "SELECT name FROM location WHERE id = ?1",
        params![42i64],
        |r| r.get::<String>(0),
    );
    assert!(matches!(missing, Err(Error::NoRow)), "{missing:?}");

    // Bytes both ways, zero and 0xff included.
    let cast = match conn.engine() {
        Engine::Sqlite => "SELECT CAST(?1 AS BLOB)",
        Engine::Postgres => "SELECT CAST(?1 AS BYTEA)",
    };
    let bytes: Vec<u8> = conn
        .query_row(cast, params![&b"\x00a\xff"[..]], |r| r.get(0))
        .unwrap();
    assert_eq!(bytes, b"\x00a\xff");

    // Placeholders and question marks inside literals are the text's own, on both engines.
    let literal: String = conn
        .query_row("SELECT '?1 and ?? stay' || ?1", params!["!"], |r| r.get(0))
        .unwrap();
    assert_eq!(literal, "?1 and ?? stay!");

    // A closure may run another query on the same connection while reading rows.
    let nested: Vec<(String, i64)> = conn
        .query_map(
            "SELECT id, name FROM location ORDER BY id",
            params![],
            |r| {
                let id: i64 = r.get(0)?;
                let n = conn.query_row(
                    "SELECT count(*) FROM location WHERE id <= ?1",
                    params![id],
                    |r| r.get(0),
                )?;
                Ok((r.get(1)?, n))
            },
        )
        .unwrap();
    assert_eq!(
        nested,
        vec![("Plant 'A'".to_owned(), 1), ("Plant B".to_owned(), 2)]
    );

    // Wrong reads are errors naming the problem, never panics: NULL into a String, text
    // into an integer, a column that is not there.
    let null = conn.query_row(
        "SELECT tisax_scope_id FROM location WHERE id = 2",
        params![],
        |r| r.get::<String>(0),
    );
    assert!(null.is_err(), "{null:?}");
    let text = conn.query_row("SELECT name FROM location WHERE id = 1", params![], |r| {
        r.get::<i64>(0)
    });
    assert!(text.is_err(), "{text:?}");
    let beyond = conn.query_row("SELECT name FROM location WHERE id = 1", params![], |r| {
        r.get::<String>(3)
    });
    assert!(beyond.is_err(), "{beyond:?}");
    // A broken statement is an error too, and the connection works afterwards.
    assert!(
        conn.execute("UPDATE nowhere SET x = ?1", params![1i64])
            .is_err()
    );
    let after: i64 = conn
        .query_row("SELECT count(*) FROM location", params![], |r| r.get(0))
        .unwrap();
    assert_eq!(after, 2);
}

#[test]
fn layer_on_sqlite() {
    twin::on_sqlite(layer_checks);
}

#[test]
fn layer_on_postgresql() {
    twin::on_postgresql(layer_checks);
}

#[test]
fn statements_are_prepared_once_per_connection_on_postgresql() {
    use crate::pg::test_server::{TestDb, server};
    let Some(admin) = server() else { return };
    let db = TestDb::create(&admin);
    let conn = PgConn::new(db.connect());
    crate::pg::migrate(&mut conn.client()).unwrap();
    assert_eq!(conn.cached_statements(), 0);
    for key in ["a", "b", "a"] {
        crate::settings::set(&conn, key, "v").unwrap();
        assert_eq!(
            crate::settings::get(&conn, key).unwrap().as_deref(),
            Some("v")
        );
    }
    assert_eq!(
        conn.cached_statements(),
        2,
        "one per statement text, not per call"
    );
    // The server holds them: its view of this session's prepared statements.
    let on_server: i64 = conn
        .query_row(
            "SELECT count(*) FROM pg_prepared_statements",
            params![],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(on_server, 3, "the two cached, and this query's own");
}

#[test]
fn twin_databases_sort_texts_by_a_language_on_postgresql() {
    // The premise of the twins' order checks: here an unnamed order is not SQLite's.
    twin::on_postgresql(|conn| {
        let order: String = conn
            .query_row(
                "SELECT string_agg(x, ',' ORDER BY x) FROM (VALUES ('_a'), ('B'), ('a'), ('bb'), ('b c')) v (x)",
                params![],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(order, "_a,a,B,b c,bb");
    });
}
