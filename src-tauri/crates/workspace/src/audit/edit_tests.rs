//! Changing and removing findings, actions and audits; results many at a time; the checks
//! they share with adding; the actions table's page.

use super::*;
use crate::test_support::*;
use crate::{ActionId, Error, ErrorCode};

fn audit(s: &mut Setup, kind: &str, closing: &str) -> AuditId {
    AuditId(
        s.ws.add_audit(&AuditInput {
            scope: ECU,
            kind: kind.into(),
            closing_meeting: closing.into(),
            ..AuditInput::default()
        })
        .unwrap()
        .id,
    )
}

fn keys(error: &Error) -> Vec<(String, &'static str)> {
    error
        .field_errors()
        .into_iter()
        .map(|f| (f.field, f.message.key))
        .collect()
}

fn action(finding: i64, owner: &str, due: &str) -> ActionInput {
    ActionInput {
        finding: FindingId(finding),
        description: "Review the policy".into(),
        owner: owner.into(),
        due: due.into(),
        ..ActionInput::default()
    }
}

fn applicable(s: &Setup, id: AuditId) -> Vec<String> {
    s.ws.audit_view(id)
        .unwrap()
        .questions
        .into_iter()
        .filter(|(_, a, _)| *a)
        .map(|(q, _, _)| q)
        .collect()
}

fn journalled(s: &Setup, table: &str, op: &str) -> usize {
    s.ws.journal_entries()
        .unwrap()
        .iter()
        .filter(|e| e.table == table && e.op == op)
        .count()
}

#[test]
fn a_finding_changes_in_every_field_and_its_actions_stay() {
    let mut s = setup();
    let id = audit(&mut s, "initial", "2026-05-31");
    let f =
        s.ws.add_finding(id, "1.1", "minor", "Not reviewed", None)
            .unwrap();
    s.ws.add_action(&action(f.id, "Anna", "2026-07-31"))
        .unwrap();
    let changed =
        s.ws.edit_finding(
            FindingId(f.id),
            &FindingInput {
                question: "1.2".into(),
                kind: "observation".into(),
                text: "Reviewed late".into(),
                protection_object: None,
            },
            None,
        )
        .unwrap();
    assert_eq!(
        (
            changed.question_id.as_str(),
            changed.kind,
            changed.description.as_str()
        ),
        ("1.2", FindingKind::Observation, "Reviewed late")
    );
    assert_eq!(
        s.ws.audit_view(id).unwrap().actions.len(),
        1,
        "the action stays"
    );
    assert_eq!(
        journalled(&s, "finding", "update"),
        1,
        "the change is journalled"
    );
    let bad =
        s.ws.edit_finding(
            FindingId(f.id),
            &FindingInput {
                question: "1.2".into(),
                kind: "severe".into(),
                text: " ".into(),
                protection_object: None,
            },
            None,
        )
        .unwrap_err();
    assert_eq!(
        keys(&bad),
        [
            ("type".to_owned(), "audit.bad_finding_type"),
            ("text".to_owned(), "input.text_missing")
        ]
    );
}

#[test]
fn a_finding_with_actions_is_removed_only_when_confirmed_and_the_journal_shows_both() {
    let mut s = setup();
    let id = audit(&mut s, "initial", "2026-05-31");
    let f =
        s.ws.add_finding(id, "1.1", "minor", "Not reviewed", None)
            .unwrap();
    s.ws.add_action(&action(f.id, "Anna", "2026-07-31"))
        .unwrap();
    s.ws.add_action(&action(f.id, "Ben", "2026-08-15")).unwrap();
    let refused = s.ws.remove_finding(FindingId(f.id), false).unwrap_err();
    assert_eq!(refused.code(), ErrorCode::NeedsConfirmation);
    let Error::WouldRemove { message, flag } = &refused else {
        panic!("{refused:?}")
    };
    assert_eq!(
        (message.key, *flag),
        ("audit.finding_has_actions", "--with-actions")
    );
    assert!(
        message
            .render(csmsdesk_core::i18n::Lang::English)
            .contains("2 corrective actions"),
        "names how many go with it"
    );
    assert_eq!(
        s.ws.audit_view(id).unwrap().findings.len(),
        1,
        "nothing removed"
    );
    assert_eq!(s.ws.remove_finding(FindingId(f.id), true).unwrap(), 2);
    let view = s.ws.audit_view(id).unwrap();
    assert!(view.findings.is_empty() && view.actions.is_empty());
    assert_eq!(journalled(&s, "finding", "delete"), 1);
    assert_eq!(journalled(&s, "corrective_action", "delete"), 2);
    let lone =
        s.ws.add_finding(id, "1.1", "observation", "Tidy", None)
            .unwrap();
    assert_eq!(
        s.ws.remove_finding(FindingId(lone.id), false).unwrap(),
        0,
        "no actions: no question"
    );
}

#[test]
fn an_action_changes_in_every_field_under_the_same_checks_as_adding() {
    let mut s = setup();
    let id = audit(&mut s, "initial", "2026-05-31");
    let f =
        s.ws.add_finding(id, "1.1", "minor", "Not reviewed", None)
            .unwrap();
    let (a, _) =
        s.ws.add_action(&action(f.id, "Anna", "2026-07-31"))
            .unwrap();
    let input = ActionInput {
        description: "Review and publish".into(),
        owner: "Ben".into(),
        department: "Quality".into(),
        due: "2026-10-15".into(),
        justification: String::new(),
        ..ActionInput::default()
    };
    let (edited, warnings) =
        s.ws.edit_action(ActionId(a.id), &input, Some("in-progress"), None)
            .unwrap();
    assert_eq!(
        (edited.owner.as_str(), edited.status, edited.due.to_string()),
        ("Ben", ActionStatus::InProgress, "2026-10-15".to_owned())
    );
    assert_eq!(
        warnings[0].key, "audit.due_needs_justification",
        "beyond 3 months: warned"
    );
    let refused =
        s.ws.edit_action(
            ActionId(a.id),
            &ActionInput {
                owner: " ".into(),
                due: "2026-05-01".into(),
                ..input.clone()
            },
            None,
            None,
        )
        .unwrap_err();
    assert_eq!(
        keys(&refused),
        [
            ("owner".to_owned(), "audit.owner_missing"),
            ("due".to_owned(), "audit.due_before_closing")
        ]
    );
    assert_eq!(
        s.ws.action(ActionId(a.id)).unwrap().owner,
        "Ben",
        "nothing saved"
    );
    s.ws.remove_action(ActionId(a.id)).unwrap();
    assert!(s.ws.audit_view(id).unwrap().actions.is_empty());
    assert_eq!(journalled(&s, "corrective_action", "delete"), 1);
}

#[test]
fn adding_an_action_without_owner_or_due_before_the_closing_meeting_is_refused() {
    let mut s = setup();
    let id = audit(&mut s, "initial", "2026-05-31");
    let f =
        s.ws.add_finding(id, "1.1", "minor", "Not reviewed", None)
            .unwrap();
    let error =
        s.ws.add_action(&action(f.id, "", "2026-05-30"))
            .unwrap_err();
    assert_eq!(
        keys(&error),
        [
            ("owner".to_owned(), "audit.owner_missing"),
            ("due".to_owned(), "audit.due_before_closing")
        ]
    );
    assert!(s.ws.audit_view(id).unwrap().actions.is_empty());
    // The form's live check says the same without saving, and the warning before the save.
    let live =
        s.ws.check_action(&action(f.id, "Anna", "2026-09-15"), None)
            .unwrap();
    assert!(live.errors.is_empty());
    assert_eq!(live.warnings[0].key, "audit.due_needs_justification");
    assert!(
        s.ws.audit_view(id).unwrap().actions.is_empty(),
        "checking saves nothing"
    );
}

#[test]
fn many_results_are_saved_in_one_transaction_or_none_is() {
    let mut s = setup();
    let id = audit(&mut s, "initial", "2026-05-31");
    let questions = applicable(&s, id);
    let mut entries: Vec<ResultInput> = questions
        .iter()
        .map(|q| ResultInput {
            question: q.clone(),
            result: "conform".into(),
            ..ResultInput::default()
        })
        .collect();
    entries.last_mut().unwrap().result = "excellent".into();
    let refused = s.ws.set_audit_results(id, &entries).unwrap_err();
    let last = questions.last().unwrap();
    assert_eq!(
        keys(&refused),
        [(format!("results.{last}.result"), "assess.bad_result")]
    );
    assert_eq!(
        s.ws.audit_view(id).unwrap().overall,
        OverallResult::Incomplete,
        "none saved"
    );
    entries.last_mut().unwrap().result = "minor".into();
    s.ws.set_audit_results(id, &entries).unwrap();
    assert_eq!(
        s.ws.audit_view(id).unwrap().overall,
        OverallResult::ConditionalPass
    );
}

#[test]
fn a_major_finding_and_a_conform_result_must_agree_whichever_comes_first() {
    let mut s = setup();
    let id = audit(&mut s, "initial", "2026-05-31");
    s.ws.set_audit_result(id, "1.1", "conform", "").unwrap();
    let refused =
        s.ws.add_finding(id, "1.1", "major", "No policy", None)
            .unwrap_err();
    assert_eq!(
        keys(&refused),
        [("type".to_owned(), "audit.finding_result_disagree")]
    );
    s.ws.set_audit_result(id, "1.1", "major", "").unwrap();
    s.ws.add_finding(id, "1.1", "major", "No policy", None)
        .unwrap();
    let refused = s.ws.set_audit_result(id, "1.1", "conform", "").unwrap_err();
    assert_eq!(
        keys(&refused),
        [("result".to_owned(), "audit.finding_result_disagree")]
    );
    let text = refused.field_errors()[0]
        .message
        .render(csmsdesk_core::i18n::Lang::English);
    assert!(
        text.contains("1.1") && text.contains("Major non-conformity"),
        "{text}"
    );
    assert!(s.ws.audit_view(id).unwrap().disagreements.is_empty());
}

#[test]
fn a_cap_audit_takes_no_results_and_names_the_initial_audit_it_confirms() {
    let mut s = setup();
    let initial = audit(&mut s, "initial", "2026-05-31");
    let cap = audit(&mut s, "cap", "2026-07-15");
    let refused =
        s.ws.set_audit_result(cap, "1.1", "conform", "")
            .unwrap_err();
    assert_eq!(
        keys(&refused),
        [("result".to_owned(), "audit.cap_takes_no_results")]
    );
    assert_eq!(s.ws.audit_view(cap).unwrap().plan_of, Some(initial));
    assert_eq!(s.ws.audit_view(initial).unwrap().plan_of, None);
}

#[test]
fn an_audit_with_findings_is_removed_only_when_confirmed() {
    let mut s = setup();
    let id = audit(&mut s, "initial", "2026-05-31");
    let f =
        s.ws.add_finding(id, "1.1", "minor", "Not reviewed", None)
            .unwrap();
    s.ws.add_action(&action(f.id, "Anna", "2026-07-31"))
        .unwrap();
    let refused = s.ws.remove_audit(id, false).unwrap_err();
    assert_eq!(refused.code(), ErrorCode::NeedsConfirmation);
    assert_eq!(s.ws.audits(None).unwrap().len(), 1);
    s.ws.remove_audit(id, true).unwrap();
    assert!(s.ws.audits(None).unwrap().is_empty());
    assert_eq!(journalled(&s, "audit", "delete"), 1);
}

#[test]
fn the_actions_page_filters_by_owner_status_and_due_date_across_audits() {
    let mut s = setup();
    let id = audit(&mut s, "initial", "2026-05-31");
    let f =
        s.ws.add_finding(id, "1.1", "minor", "Not reviewed", None)
            .unwrap();
    for (owner, due) in [
        ("Anna", "2026-06-30"),
        ("Ben", "2026-07-31"),
        ("Anna", "2026-08-31"),
    ] {
        s.ws.add_action(&action(f.id, owner, due)).unwrap();
    }
    let page =
        s.ws.action_page(&ActionPageInput {
            owner: "anna".into(),
            due_by: "2026-08-01".into(),
            statuses: vec!["open".into()],
            limit: Some(10),
            ..ActionPageInput::default()
        })
        .unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.rows[0].action.due.to_string(), "2026-06-30");
    let bad =
        s.ws.action_page(&ActionPageInput {
            statuses: vec!["finished".into()],
            ..ActionPageInput::default()
        })
        .unwrap_err();
    assert_eq!(
        keys(&bad),
        [("statuses".to_owned(), "audit.bad_action_status")]
    );
}

#[test]
fn a_planned_audit_that_was_held_is_no_deadline_any_more() {
    let mut s = setup();
    s.ws.update_scope_fields(
        ECU,
        &crate::ScopeChanges {
            planned_audit_date: Some("2026-05-20".into()),
            locations: Some(vec![PLANT_NORD]),
            ..crate::ScopeChanges::default()
        },
        date("2026-05-01"),
    )
    .unwrap();
    let planned = |s: &Setup| {
        s.ws.deadlines(
            &csmsdesk_core::deadlines::DeadlineFilter::default(),
            date("2026-05-01"),
        )
        .unwrap()
        .iter()
        .filter(|d| d.kind == csmsdesk_core::deadlines::DeadlineKind::PlannedAudit)
        .count()
    };
    assert_eq!(planned(&s), 1, "planned, not held yet");
    audit(&mut s, "initial", "2026-05-31");
    assert_eq!(planned(&s), 0, "held: no longer shown as planned");
}

#[test]
fn a_closing_meeting_moved_past_its_actions_due_dates_is_refused() {
    let mut s = setup();
    let id = audit(&mut s, "initial", "2026-05-31");
    let f =
        s.ws.add_finding(id, "1.1", "minor", "Not reviewed", None)
            .unwrap();
    s.ws.add_action(&action(f.id, "Anna", "2026-06-30"))
        .unwrap();
    let later = AuditChanges {
        closing_meeting: Some("2026-07-15".into()),
        ..AuditChanges::default()
    };
    let refused = s.ws.update_audit_fields(id, &later).unwrap_err();
    assert_eq!(
        keys(&refused),
        [("closing_meeting".to_owned(), "audit.closing_after_actions")]
    );
    let earlier = AuditChanges {
        closing_meeting: Some("2026-06-30".into()),
        ..AuditChanges::default()
    };
    s.ws.update_audit_fields(id, &earlier).unwrap();
}

#[test]
fn the_findings_page_filters_by_type_and_refuses_an_unknown_one() {
    let mut s = setup();
    let id = audit(&mut s, "initial", "2026-05-31");
    s.ws.add_finding(id, "1.1", "minor", "Not reviewed", None)
        .unwrap();
    s.ws.add_finding(id, "1.2", "observation", "Roles unclear", None)
        .unwrap();
    let page =
        s.ws.finding_page(&FindingPageInput {
            kinds: vec!["observation".into()],
            ..FindingPageInput::default()
        })
        .unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.rows[0].finding.question_id, "1.2");
    let bad =
        s.ws.finding_page(&FindingPageInput {
            kinds: vec!["severe".into()],
            ..FindingPageInput::default()
        })
        .unwrap_err();
    assert_eq!(keys(&bad), [("kinds".to_owned(), "audit.bad_finding_type")]);
}
