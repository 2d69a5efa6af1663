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
