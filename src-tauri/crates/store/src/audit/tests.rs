use super::*;
use crate::Db;

fn db_with_scope() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::create(
        &dir.path().join("workspace.sqlite"),
        "2026-11-25T10:00:00Z",
        "test",
    )
    .unwrap();
    db.conn()
        .execute_batch("INSERT INTO scope (id, name) VALUES (1, 'ECU')")
        .unwrap();
    (dir, db)
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn initial() -> AuditRecord {
    AuditRecord {
        id: 0,
        scope_id: 1,
        kind: AuditKind::Initial,
        provider: "Example Audits GmbH".into(),
        lead_auditor: "A. Auditor".into(),
        opening_meeting: Some(date("2026-05-26")),
        closing_meeting: date("2026-05-31"),
        phases: [PhaseState::Done, PhaseState::InProgress, PhaseState::Open],
        decision: false,
        decision_reason: String::new(),
    }
}

#[test]
fn an_audit_round_trips_with_results_findings_and_actions() {
    let (_dir, mut db) = db_with_scope();
    let id = db.write(|tx| insert(tx, &initial())).unwrap();
    let stored = get(db.conn(), id).unwrap().unwrap();
    assert_eq!(stored, AuditRecord { id, ..initial() });

    let result = ResultRecord {
        result: QuestionResult::Minor,
        findings_description: "Policy not reviewed".into(),
    };
    let finding = db
        .write(|tx| {
            set_result(tx, id, "1.1", Some(&result))?;
            insert_finding(
                tx,
                &FindingRecord {
                    id: 0,
                    audit_id: id,
                    question_id: "1.1".into(),
                    protection_object_id: None,
                    kind: FindingKind::Minor,
                    description: "Annual review missing".into(),
                },
            )
        })
        .unwrap();
    assert_eq!(results(db.conn(), id).unwrap()["1.1"], result);
    let action = ActionRecord {
        id: 0,
        finding_id: finding,
        description: "Review the policy".into(),
        owner: "CSMS owner".into(),
        department: "Quality".into(),
        due: date("2026-08-31"),
        justification: String::new(),
        status: ActionStatus::Open,
        evidence_ids: vec![],
    };
    let action_id = db.write(|tx| insert_action(tx, &action)).unwrap();
    db.write(|tx| set_action_status(tx, action_id, ActionStatus::Done).map(|_| ()))
        .unwrap();
    let stored = actions(db.conn(), Some(finding)).unwrap();
    assert_eq!(
        stored,
        [ActionRecord {
            id: action_id,
            status: ActionStatus::Done,
            ..action
        }]
    );
    db.write(|tx| set_result(tx, id, "1.1", None)).unwrap();
    assert!(results(db.conn(), id).unwrap().is_empty());
}

#[test]
fn the_actions_of_an_audit_are_those_of_its_own_findings_by_due_date() {
    let (_dir, mut db) = db_with_scope();
    let finding = |audit: i64, text: &str| FindingRecord {
        id: 0,
        audit_id: audit,
        question_id: "1.1".into(),
        protection_object_id: None,
        kind: FindingKind::Minor,
        description: text.into(),
    };
    let action = |finding: i64, text: &str, due: &str| ActionRecord {
        id: 0,
        finding_id: finding,
        description: text.into(),
        owner: String::new(),
        department: String::new(),
        due: date(due),
        justification: String::new(),
        status: ActionStatus::Open,
        evidence_ids: vec![],
    };
    let (first, second) = db
        .write(|tx| {
            let first = insert(tx, &initial())?;
            let second = insert(tx, &initial())?;
            let a = insert_finding(tx, &finding(first, "A"))?;
            let b = insert_finding(tx, &finding(first, "B"))?;
            let c = insert_finding(tx, &finding(second, "C"))?;
            insert_action(tx, &action(a, "late", "2026-09-30"))?;
            insert_action(tx, &action(b, "early", "2026-07-31"))?;
            insert_action(tx, &action(c, "other audit", "2026-06-30"))?;
            Ok((first, second))
        })
        .unwrap();
    let texts = |audit| -> Vec<String> {
        actions_of_audit(db.conn(), audit)
            .unwrap()
            .into_iter()
            .map(|a| a.description)
            .collect()
    };
    assert_eq!(
        texts(first),
        ["early", "late"],
        "both findings' actions, earliest due first, none of the other audit's"
    );
    assert_eq!(texts(second), ["other audit"]);
    assert!(texts(99).is_empty(), "an unknown audit has no actions");
    assert_eq!(
        actions(db.conn(), None).unwrap().len(),
        3,
        "every action, when no finding is named"
    );
}

#[test]
fn the_schema_refuses_a_closing_meeting_before_the_opening_and_a_decision_without_reason() {
    let (_dir, mut db) = db_with_scope();
    let backwards = AuditRecord {
        opening_meeting: Some(date("2026-06-01")),
        ..initial()
    };
    assert!(db.write(|tx| insert(tx, &backwards)).is_err());
    let unexplained = AuditRecord {
        decision: true,
        ..initial()
    };
    assert!(db.write(|tx| insert(tx, &unexplained)).is_err());
    assert!(list(db.conn(), None).unwrap().is_empty());
}

#[test]
fn question_ids_of_audits_follow_a_catalogue_version_change() {
    let (_dir, mut db) = db_with_scope();
    let id = db.write(|tx| insert(tx, &initial())).unwrap();
    let minor = ResultRecord {
        result: QuestionResult::Minor,
        findings_description: String::new(),
    };
    let conform = ResultRecord {
        result: QuestionResult::Conform,
        ..minor.clone()
    };
    db.write(|tx| {
        set_result(tx, id, "7.1", Some(&minor))?;
        set_result(tx, id, "9.1", Some(&conform))?;
        rename_questions(tx, 1, &|q: &str| match q {
            "7.1" => "9.1".into(),
            "9.1" => "8.1".into(),
            other => other.into(),
        })
    })
    .unwrap();
    let moved = results(db.conn(), id).unwrap();
    assert_eq!(moved["9.1"].result, QuestionResult::Minor);
    assert_eq!(moved["8.1"].result, QuestionResult::Conform);
}

// Twins: the same checks on a new workspace of each engine.

use crate::sql::twin::{on_postgresql, on_sqlite};
use crate::sql::{Sql, params};

fn new_scope(conn: &dyn Sql, name: &str) -> i64 {
    conn.insert_id(
        "INSERT INTO scope (name) VALUES (?1) RETURNING id",
        params![name],
    )
    .unwrap()
}

fn new_evidence(conn: &dyn Sql, title: &str) -> i64 {
    conn.insert_id(
        "INSERT INTO evidence (title, source_path, source_size, source_mtime_ns, added_at)
         VALUES (?1, ?2, 0, 0, '2026-01-01') RETURNING id",
        params![title, title.as_bytes()],
    )
    .unwrap()
}

fn journal_ops_of(conn: &dyn Sql, table: &str) -> Vec<String> {
    conn.query_map(
        "SELECT op FROM journal WHERE tbl = ?1 ORDER BY seq",
        params![table],
        |r| r.get(0),
    )
    .unwrap()
}

fn new_finding(audit: i64, question: &str, kind: FindingKind, text: &str) -> FindingRecord {
    FindingRecord {
        id: 0,
        audit_id: audit,
        question_id: question.into(),
        protection_object_id: None,
        kind,
        description: text.into(),
    }
}

fn new_action(finding: i64, owner: &str, due: &str, status: ActionStatus) -> ActionRecord {
    ActionRecord {
        id: 0,
        finding_id: finding,
        description: format!("{owner} acts"),
        owner: owner.into(),
        department: "Quality".into(),
        due: date(due),
        justification: String::new(),
        status,
        evidence_ids: vec![],
    }
}

/// Audits, results, findings and actions written, read, changed and removed; each change
/// journalled.
fn audit_checks(conn: &dyn Sql) {
    let ecu = new_scope(conn, "ECU");
    let body = new_scope(conn, "Body");
    let first = insert(
        conn,
        &AuditRecord {
            scope_id: ecu,
            ..initial()
        },
    )
    .unwrap();
    let cap = AuditRecord {
        scope_id: body,
        kind: AuditKind::Cap,
        opening_meeting: None,
        closing_meeting: date("2026-04-01"),
        decision: true,
        decision_reason: "Plan confirmed".into(),
        ..initial()
    };
    let second = insert(conn, &cap).unwrap();
    assert_eq!((first, second), (1, 2), "ids from RETURNING id");
    let ids = |scope| -> Vec<i64> { list(conn, scope).unwrap().iter().map(|a| a.id).collect() };
    assert_eq!(ids(None), [second, first], "by closing meeting");
    assert_eq!(ids(Some(ecu)), [first]);
    assert_eq!(
        get(conn, second).unwrap(),
        Some(AuditRecord {
            id: second,
            ..cap.clone()
        })
    );
    assert_eq!(get(conn, 99).unwrap(), None);
    let changed = AuditRecord {
        id: first,
        scope_id: ecu,
        provider: "Other Audits AG".into(),
        phases: [PhaseState::Done; 3],
        opening_meeting: None,
        ..initial()
    };
    update(conn, &changed).unwrap();
    assert_eq!(get(conn, first).unwrap(), Some(changed));

    // Results: set, replaced, removed.
    let minor = ResultRecord {
        result: QuestionResult::Minor,
        findings_description: "Policy not reviewed".into(),
    };
    set_result(conn, first, "1.1", Some(&minor)).unwrap();
    let major = ResultRecord {
        result: QuestionResult::Major,
        ..minor.clone()
    };
    set_result(conn, first, "1.1", Some(&major)).unwrap();
    set_result(conn, first, "1.2", Some(&minor)).unwrap();
    set_result(conn, first, "1.2", None).unwrap();
    assert_eq!(
        results(conn, first)
            .unwrap()
            .into_iter()
            .collect::<Vec<_>>(),
        [("1.1".to_owned(), major)]
    );

    // Findings and actions with their evidence.
    let f1 = insert_finding(conn, &new_finding(first, "1.1", FindingKind::Minor, "A")).unwrap();
    let f2 = insert_finding(conn, &new_finding(second, "2.1", FindingKind::Major, "B")).unwrap();
    assert_eq!(
        findings(conn, None)
            .unwrap()
            .iter()
            .map(|f| f.id)
            .collect::<Vec<_>>(),
        [f1, f2]
    );
    assert_eq!(findings(conn, Some(second)).unwrap()[0].description, "B");
    assert_eq!(
        get_finding(conn, f1).unwrap().map(|f| f.kind),
        Some(FindingKind::Minor)
    );
    let (e1, e2, e3) = (
        new_evidence(conn, "a"),
        new_evidence(conn, "b"),
        new_evidence(conn, "c"),
    );
    let late = insert_action(
        conn,
        &ActionRecord {
            evidence_ids: vec![e2, e1],
            ..new_action(f1, "Anna", "2026-09-30", ActionStatus::Open)
        },
    )
    .unwrap();
    let early = insert_action(
        conn,
        &new_action(f1, "Ben", "2026-07-31", ActionStatus::Open),
    )
    .unwrap();
    let other = insert_action(
        conn,
        &new_action(f2, "Cem", "2026-06-30", ActionStatus::Done),
    )
    .unwrap();
    link_action_evidence(conn, late, e1).unwrap();
    let ids = |actions: Vec<ActionRecord>| -> Vec<i64> { actions.iter().map(|a| a.id).collect() };
    assert_eq!(
        ids(actions(conn, None).unwrap()),
        [other, early, late],
        "by due date"
    );
    assert_eq!(ids(actions(conn, Some(f1)).unwrap()), [early, late]);
    assert_eq!(ids(actions_of_audit(conn, second).unwrap()), [other]);
    let stored = get_action(conn, late).unwrap().unwrap();
    assert_eq!(
        stored.evidence_ids,
        [e1, e2],
        "by id, a link made twice is one"
    );
    assert!(set_action_status(conn, early, ActionStatus::InProgress).unwrap());
    assert!(!set_action_status(conn, 99, ActionStatus::Done).unwrap());
    assert!(
        update_action(
            conn,
            &ActionRecord {
                evidence_ids: vec![e3, e2],
                owner: "Anne".into(),
                ..stored
            }
        )
        .unwrap()
    );
    let stored = get_action(conn, late).unwrap().unwrap();
    assert_eq!(
        (stored.owner.as_str(), stored.evidence_ids),
        ("Anne", vec![e2, e3])
    );
    assert_eq!(
        journal_ops_of(conn, "corrective_action_evidence"),
        ["insert", "insert", "delete", "insert"],
        "only the evidence that changed is written"
    );
    let (rows, _) = action_page(
        conn,
        &ActionQuery {
            limit: -1,
            ..ActionQuery::default()
        },
    )
    .unwrap();
    let evidence: Vec<(i64, Vec<i64>)> = rows
        .into_iter()
        .map(|r| (r.action.id, r.action.evidence_ids))
        .collect();
    assert_eq!(
        evidence,
        [(other, vec![]), (early, vec![]), (late, vec![e2, e3])],
        "a page's actions with their evidence"
    );
    let renamed = FindingRecord {
        id: f1,
        description: "A, again".into(),
        ..new_finding(first, "1.3", FindingKind::Major, "")
    };
    assert!(update_finding(conn, &renamed).unwrap());
    assert_eq!(get_finding(conn, f1).unwrap(), Some(renamed));
    assert_eq!(action_count(conn, f1).unwrap(), 2);
    assert_eq!(audit_counts(conn, first).unwrap(), (1, 2));

    // A catalogue version change renames the question ids of one scope's audits.
    set_result(conn, first, "1.3", Some(&minor)).unwrap();
    rename_questions(conn, ecu, &|q: &str| match q {
        "1.1" => "1.3".into(),
        "1.3" => "1.1".into(),
        other => other.into(),
    })
    .unwrap();
    let moved = results(conn, first).unwrap();
    assert_eq!(
        (moved["1.3"].result, moved["1.1"].result),
        (QuestionResult::Major, QuestionResult::Minor)
    );
    assert_eq!(get_finding(conn, f1).unwrap().unwrap().question_id, "1.1");
    assert_eq!(
        get_finding(conn, f2).unwrap().unwrap().question_id,
        "2.1",
        "another scope's"
    );

    // Removing: an action, a finding with its actions, an audit with everything.
    assert!(delete_action(conn, early).unwrap());
    assert!(!delete_action(conn, early).unwrap());
    assert!(delete_finding(conn, f1).unwrap());
    assert_eq!(ids(actions(conn, None).unwrap()), [other]);
    assert!(delete_audit(conn, second).unwrap());
    assert!(actions(conn, None).unwrap().is_empty());
    assert!(findings(conn, None).unwrap().is_empty());
    assert_eq!(ids_of_audits(conn), [first]);
    assert_eq!(
        journal_ops_of(conn, "corrective_action"),
        [
            "insert", "insert", "insert", "update", "update", "delete", "delete", "delete"
        ]
    );
}

fn ids_of_audits(conn: &dyn Sql) -> Vec<i64> {
    list(conn, None).unwrap().iter().map(|a| a.id).collect()
}

#[test]
fn audits_on_sqlite() {
    on_sqlite(audit_checks);
}

#[test]
fn audits_on_postgresql() {
    on_postgresql(audit_checks);
}

/// The pages of actions and findings: filtered, counted, ordered and cut alike on both
/// engines (the owner and the text folded beyond ASCII, question ids by their bytes).
fn page_checks(conn: &dyn Sql) {
    let ecu = new_scope(conn, "ECU");
    let body = new_scope(conn, "Body");
    let first = insert(
        conn,
        &AuditRecord {
            scope_id: ecu,
            ..initial()
        },
    )
    .unwrap();
    let second = insert(
        conn,
        &AuditRecord {
            scope_id: body,
            closing_meeting: date("2026-06-30"),
            ..initial()
        },
    )
    .unwrap();
    let mut finding_ids = Vec::new();
    for (audit, question, kind, text) in [
        (first, "a.1", FindingKind::Minor, "Übersicht fehlt"),
        (first, "_x", FindingKind::Major, "TARA brake"),
        (first, "1.9", FindingKind::Minor, "plain"),
        (first, "A.1", FindingKind::Major, "ÜBERSICHT unklar"),
        (
            first,
            "1.10",
            FindingKind::Minor,
            "Temperature 300 \u{212a}",
        ),
        (second, "1.1", FindingKind::Minor, "other audit"),
    ] {
        finding_ids.push(insert_finding(conn, &new_finding(audit, question, kind, text)).unwrap());
    }
    let questions = |query: FindingQuery| -> (Vec<String>, i64) {
        let (rows, total) = finding_page(conn, &query).unwrap();
        (
            rows.into_iter().map(|r| r.finding.question_id).collect(),
            total,
        )
    };
    let all = FindingQuery {
        limit: -1,
        ..FindingQuery::default()
    };
    assert_eq!(
        questions(all.clone()),
        (
            vec![
                "1.10".into(),
                "1.9".into(),
                "A.1".into(),
                "_x".into(),
                "a.1".into(),
                "1.1".into()
            ],
            6
        ),
        "by audit, then question by its bytes"
    );
    let pages: Vec<Vec<String>> = (0..3)
        .map(|page| {
            questions(FindingQuery {
                offset: page * 2,
                limit: 2,
                ..all.clone()
            })
            .0
        })
        .collect();
    assert_eq!(
        pages.concat(),
        questions(all.clone()).0,
        "pages of two cut the same order"
    );
    let text = |t: &str, offset, limit| {
        questions(FindingQuery {
            text: Some(t.into()),
            offset,
            limit,
            audit: Some(first),
            ..all.clone()
        })
    };
    assert_eq!(
        text("übersicht", 0, -1),
        (vec!["A.1".into(), "a.1".into()], 2),
        "case folded beyond ASCII"
    );
    assert_eq!(
        text(" übersicht ", 1, 1),
        (vec!["a.1".into()], 2),
        "a page of the matches, all counted"
    );
    assert_eq!(
        text("300 k", 0, -1),
        (vec!["1.10".into()], 1),
        "the Kelvin sign folds to k"
    );
    assert_eq!(text("zzz", 0, 10), (vec![], 0));
    assert_eq!(
        questions(FindingQuery {
            kinds: vec![FindingKind::Major],
            ..all.clone()
        }),
        (vec!["A.1".into(), "_x".into()], 2)
    );
    assert_eq!(
        questions(FindingQuery {
            scope: Some(body),
            ..all.clone()
        })
        .0,
        ["1.1"]
    );

    // Actions: by due date then id, filtered by audit, scope, owner, status and due date.
    let f = finding_ids[0];
    for (owner, due, status) in [
        ("Jörg Müller", "2026-07-01", ActionStatus::Open),
        ("Anna", "2026-06-01", ActionStatus::Done),
        (
            "MÜLLER-Lüdenscheidt",
            "2026-07-01",
            ActionStatus::InProgress,
        ),
        ("müller", "2026-08-01", ActionStatus::Open),
    ] {
        insert_action(conn, &new_action(f, owner, due, status)).unwrap();
    }
    insert_action(
        conn,
        &new_action(finding_ids[5], "Müller", "2026-05-01", ActionStatus::Open),
    )
    .unwrap();
    let owners = |query: ActionQuery| -> (Vec<String>, i64) {
        let (rows, total) = action_page(conn, &query).unwrap();
        (rows.into_iter().map(|r| r.action.owner).collect(), total)
    };
    let every = ActionQuery {
        limit: -1,
        ..ActionQuery::default()
    };
    let names = |list: &[&str]| -> Vec<String> { list.iter().map(|s| s.to_string()).collect() };
    assert_eq!(
        owners(every.clone()),
        (
            names(&[
                "Müller",
                "Anna",
                "Jörg Müller",
                "MÜLLER-Lüdenscheidt",
                "müller"
            ]),
            5
        )
    );
    let muller = ActionQuery {
        owner: Some("MÜLLER".into()),
        ..every.clone()
    };
    assert_eq!(
        owners(muller.clone()),
        (
            names(&["Müller", "Jörg Müller", "MÜLLER-Lüdenscheidt", "müller"]),
            4
        )
    );
    let pages: Vec<Vec<String>> = (0..3)
        .map(|page| {
            owners(ActionQuery {
                offset: page * 3,
                limit: 3,
                ..muller.clone()
            })
            .0
        })
        .collect();
    assert_eq!(pages.concat(), owners(muller.clone()).0);
    assert_eq!(
        owners(ActionQuery {
            offset: 3,
            limit: 3,
            ..muller.clone()
        }),
        (names(&["müller"]), 4)
    );
    assert_eq!(
        owners(ActionQuery {
            audit: Some(first),
            statuses: vec![ActionStatus::Open, ActionStatus::InProgress],
            ..muller.clone()
        }),
        (names(&["Jörg Müller", "MÜLLER-Lüdenscheidt", "müller"]), 3)
    );
    assert_eq!(
        owners(ActionQuery {
            scope: Some(ecu),
            due_by: Some(date("2026-07-01")),
            ..every.clone()
        }),
        (names(&["Anna", "Jörg Müller", "MÜLLER-Lüdenscheidt"]), 3)
    );
    let (rows, _) = action_page(
        conn,
        &ActionQuery {
            audit: Some(second),
            ..every
        },
    )
    .unwrap();
    assert_eq!(
        (
            rows[0].scope_name.as_str(),
            rows[0].finding.question_id.as_str(),
            rows[0].audit_closing
        ),
        ("Body", "1.1", date("2026-06-30"))
    );
    let (rows, _) = finding_page(
        conn,
        &FindingQuery {
            audit: Some(first),
            text: Some("fehlt".into()),
            ..all
        },
    )
    .unwrap();
    assert_eq!((rows[0].actions, rows[0].unfinished), (4, 3));
}

#[test]
fn audit_pages_on_sqlite() {
    on_sqlite(page_checks);
}

#[test]
fn audit_pages_on_postgresql() {
    on_postgresql(page_checks);
}
