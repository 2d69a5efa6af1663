use super::*;
use crate::Db;

fn db_with_audit() -> (tempfile::TempDir, Db, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::create(
        &dir.path().join("workspace.sqlite"),
        "2026-11-25T10:00:00Z",
        "test",
    )
    .unwrap();
    db.conn()
        .execute_batch("INSERT INTO scope (id, name) VALUES (1, 'ECU'), (2, 'Body')")
        .unwrap();
    let audit = db
        .write(|tx| {
            insert(
                tx,
                &AuditRecord {
                    id: 0,
                    scope_id: 1,
                    kind: AuditKind::Initial,
                    provider: String::new(),
                    lead_auditor: String::new(),
                    opening_meeting: None,
                    closing_meeting: date("2026-05-31").unwrap(),
                    phases: [PhaseState::Open; 3],
                    decision: false,
                    decision_reason: String::new(),
                },
            )
        })
        .unwrap();
    (dir, db, audit)
}

fn date(s: &str) -> Result<NaiveDate> {
    Ok(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

fn finding(audit: i64, text: &str) -> FindingRecord {
    FindingRecord {
        id: 0,
        audit_id: audit,
        question_id: "1.1".into(),
        protection_object_id: None,
        kind: FindingKind::Minor,
        description: text.into(),
    }
}

fn action(finding: i64, owner: &str, due: &str, status: ActionStatus) -> ActionRecord {
    ActionRecord {
        id: 0,
        finding_id: finding,
        description: format!("{owner} acts"),
        owner: owner.into(),
        department: String::new(),
        due: date(due).unwrap(),
        justification: String::new(),
        status,
        evidence_ids: vec![],
    }
}

fn journal_ops(db: &Db, table: &str) -> Vec<String> {
    db.conn()
        .prepare("SELECT op FROM journal WHERE tbl = ?1 ORDER BY seq")
        .and_then(|mut s| {
            s.query_map([table], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        })
        .unwrap()
}

#[test]
fn removing_a_finding_removes_its_actions_and_the_journal_records_both() {
    let (_dir, mut db, audit) = db_with_audit();
    let f = db
        .write(|tx| insert_finding(tx, &finding(audit, "A")))
        .unwrap();
    db.write(|tx| insert_action(tx, &action(f, "Q", "2026-07-01", ActionStatus::Open)))
        .unwrap();
    assert_eq!(action_count(db.conn(), f).unwrap(), 1);
    assert_eq!(audit_counts(db.conn(), audit).unwrap(), (1, 1));
    assert!(db.write(|tx| delete_finding(tx, f)).unwrap());
    assert!(actions(db.conn(), None).unwrap().is_empty(), "cascaded");
    assert!(
        !db.write(|tx| delete_finding(tx, f)).unwrap(),
        "gone already"
    );
    assert!(journal_ops(&db, "finding").ends_with(&["delete".to_owned()]));
    assert!(journal_ops(&db, "corrective_action").ends_with(&["delete".to_owned()]));
}

#[test]
fn a_finding_and_an_action_change_in_every_field() {
    let (_dir, mut db, audit) = db_with_audit();
    let f = db
        .write(|tx| insert_finding(tx, &finding(audit, "A")))
        .unwrap();
    let changed = FindingRecord {
        id: f,
        question_id: "2.1".into(),
        kind: FindingKind::Major,
        description: "Changed".into(),
        ..finding(audit, "")
    };
    assert!(db.write(|tx| update_finding(tx, &changed)).unwrap());
    assert_eq!(get_finding(db.conn(), f).unwrap().unwrap(), changed);
    let a = db
        .write(|tx| insert_action(tx, &action(f, "Q", "2026-07-01", ActionStatus::Open)))
        .unwrap();
    let edited = ActionRecord {
        id: a,
        description: "New text".into(),
        owner: "R".into(),
        department: "Quality".into(),
        due: date("2026-08-01").unwrap(),
        justification: "Supplier".into(),
        status: ActionStatus::Done,
        ..action(f, "", "2026-07-01", ActionStatus::Open)
    };
    assert!(db.write(|tx| update_action(tx, &edited)).unwrap());
    assert_eq!(actions(db.conn(), Some(f)).unwrap(), [edited]);
    assert!(db.write(|tx| delete_action(tx, a)).unwrap());
    assert!(actions(db.conn(), Some(f)).unwrap().is_empty());
}

#[test]
fn a_page_of_actions_is_filtered_and_counted_by_the_database() {
    let (_dir, mut db, audit) = db_with_audit();
    db.write(|tx| {
        let f = insert_finding(tx, &finding(audit, "A"))?;
        for day in 1..=30 {
            let owner = if day % 3 == 0 {
                "Qualität Team"
            } else {
                "Dev"
            };
            let status = if day % 2 == 0 {
                ActionStatus::Done
            } else {
                ActionStatus::Open
            };
            insert_action(tx, &action(f, owner, &format!("2026-07-{day:02}"), status))?;
        }
        Ok(())
    })
    .unwrap();
    let all = ActionQuery {
        limit: 10,
        ..ActionQuery::default()
    };
    let (page, total) = action_page(db.conn(), &all).unwrap();
    assert_eq!(
        (page.len(), total),
        (10, 30),
        "a page of ten, thirty in all"
    );
    assert_eq!(
        page[0].action.due,
        date("2026-07-01").unwrap(),
        "earliest first"
    );
    assert_eq!(page[0].scope_name, "ECU");
    let filtered = ActionQuery {
        owner: Some("QUALITÄT".into()),
        statuses: vec![ActionStatus::Open],
        due_by: Some(date("2026-07-20").unwrap()),
        limit: 50,
        ..ActionQuery::default()
    };
    let (page, total) = action_page(db.conn(), &filtered).unwrap();
    let days: Vec<u32> = page
        .iter()
        .map(|r| chrono::Datelike::day(&r.action.due))
        .collect();
    assert_eq!(days, [3, 9, 15], "odd multiples of three up to the 20th");
    assert_eq!(total, 3);
    let other_scope = ActionQuery {
        scope: Some(2),
        limit: 50,
        ..ActionQuery::default()
    };
    assert_eq!(action_page(db.conn(), &other_scope).unwrap().1, 0);
    let second_page = ActionQuery {
        offset: 25,
        limit: 10,
        ..ActionQuery::default()
    };
    assert_eq!(action_page(db.conn(), &second_page).unwrap().0.len(), 5);
}

#[test]
fn a_page_of_findings_is_filtered_by_type_and_text_with_its_open_actions_counted() {
    let (_dir, mut db, audit) = db_with_audit();
    db.write(|tx| {
        let minor = insert_finding(tx, &finding(audit, "Policy not reviewed"))?;
        insert_action(tx, &action(minor, "Q", "2026-07-01", ActionStatus::Open))?;
        insert_action(tx, &action(minor, "Q", "2026-07-02", ActionStatus::Done))?;
        insert_finding(
            tx,
            &FindingRecord {
                kind: FindingKind::Observation,
                ..finding(audit, "Roles unclear")
            },
        )?;
        Ok(())
    })
    .unwrap();
    let minors = FindingQuery {
        kinds: vec![FindingKind::Minor],
        limit: -1,
        ..FindingQuery::default()
    };
    let (rows, total) = finding_page(db.conn(), &minors).unwrap();
    assert_eq!(total, 1);
    assert_eq!(
        (rows[0].actions, rows[0].unfinished),
        (2, 1),
        "one of two still open"
    );
    let by_text = FindingQuery {
        text: Some("ROLES".into()),
        limit: -1,
        ..FindingQuery::default()
    };
    let (rows, total) = finding_page(db.conn(), &by_text).unwrap();
    assert_eq!((rows[0].finding.kind, total), (FindingKind::Observation, 1));
}
