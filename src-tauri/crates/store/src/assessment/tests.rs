use super::*;
use crate::sql::twin::{on_postgresql, on_sqlite};

fn new_scope(conn: &dyn Sql, name: &str) -> i64 {
    conn.insert_id(
        "INSERT INTO scope (name) VALUES (?1) RETURNING id",
        params![name],
    )
    .unwrap()
}

fn record(question: &str, result: Option<QuestionResult>, text: &str) -> AssessmentRecord {
    AssessmentRecord {
        question_id: question.into(),
        result,
        implementation: text.into(),
        reference_documentation: format!("{text} (ref)"),
        updated_at: "2026-11-25T10:00:00Z".into(),
    }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn tally(covered: usize, needs_review: usize, missing: usize) -> Tally {
    Tally {
        covered,
        needs_review,
        missing,
    }
}

/// The same checks on either engine.
fn assessment_checks(conn: &dyn Sql) {
    let ecu = new_scope(conn, "ECU");
    let body = new_scope(conn, "Body");

    // The self-assessment: saved, replaced, per scope; a result may be missing.
    save(
        conn,
        ecu,
        &record("1.1", Some(QuestionResult::Minor), "draft"),
    )
    .unwrap();
    save(conn, ecu, &record("1.2", None, "")).unwrap();
    let done = record(
        "1.1",
        Some(QuestionResult::Conform),
        "Policy approved 'as is' ä",
    );
    save(conn, ecu, &done).unwrap();
    save(conn, body, &record("1.1", Some(QuestionResult::Na), "n/a")).unwrap();
    let stored = list(conn, ecu).unwrap();
    assert_eq!(
        stored.into_iter().collect::<Vec<_>>(),
        [
            ("1.1".to_owned(), done),
            ("1.2".to_owned(), record("1.2", None, ""))
        ]
    );
    assert_eq!(list(conn, body).unwrap().len(), 1);
    assert!(list(conn, 99).unwrap().is_empty());

    // Readiness: one record a day (the later replaces), oldest day first, per scope.
    record_readiness(conn, ecu, day("2026-11-25"), tally(1, 2, 3)).unwrap();
    record_readiness(conn, ecu, day("2026-11-03"), tally(0, 0, 6)).unwrap();
    record_readiness(conn, ecu, day("2026-11-25"), tally(3, 2, 1)).unwrap();
    record_readiness(conn, body, day("2026-11-10"), tally(9, 0, 0)).unwrap();
    assert_eq!(
        readiness_history(conn, ecu).unwrap(),
        [
            (day("2026-11-03"), tally(0, 0, 6)),
            (day("2026-11-25"), tally(3, 2, 1))
        ]
    );
    assert_eq!(readiness_history(conn, body).unwrap().len(), 1);

    // Each change is journalled (the replaced ones as updates).
    let ops = |table: &str| -> Vec<String> {
        conn.query_map(
            "SELECT op FROM journal WHERE tbl = ?1 ORDER BY seq",
            params![table],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(
        ops("scope_assessment"),
        ["insert", "insert", "update", "insert"]
    );
    assert_eq!(
        ops("readiness_history"),
        ["insert", "insert", "update", "insert"]
    );

    // A day the schema lets through but no calendar has is named, not a panic.
    conn.execute(
        "INSERT INTO readiness_history (scope_id, day, covered, needs_review, missing)
         VALUES (?1, '2026-13-45', 0, 0, 0)",
        params![body],
    )
    .unwrap();
    match readiness_history(conn, body) {
        Err(Error::Corrupt { column, value }) => {
            assert_eq!(
                (column, value.as_str()),
                ("readiness_history.day", "2026-13-45")
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn assessments_on_sqlite() {
    on_sqlite(assessment_checks);
}

#[test]
fn assessments_on_postgresql() {
    on_postgresql(assessment_checks);
}
