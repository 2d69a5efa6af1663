use super::*;
use crate::test_support::*;
use crate::{Error, LocationInput, ScopeInput};
use chrono::NaiveDate;
use csmsdesk_core::deadlines::DeadlineFilter;
use csmsdesk_core::i18n::Lang;
use csmsdesk_core::labels::{LabelKind, LabelRules};

fn audit_input(kind: &str, closing: &str) -> AuditInput {
    AuditInput {
        scope: ECU,
        kind: kind.into(),
        provider: "Example Audits GmbH".into(),
        lead_auditor: "A. Auditor".into(),
        opening_meeting: String::new(),
        closing_meeting: closing.into(),
    }
}

fn field_keys(error: &Error) -> Vec<(String, &'static str)> {
    error
        .field_errors()
        .into_iter()
        .map(|f| (f.field, f.message.key))
        .collect()
}

/// Gives every applicable question of audit `id` `result`, and `last` to the last one.
fn results(s: &mut Setup, id: i64, result: &str, last: &str) {
    let questions: Vec<String> =
        s.ws.audit_view(AuditId(id))
            .unwrap()
            .questions
            .into_iter()
            .filter(|(_, applicable, _)| *applicable)
            .map(|(q, _, _)| q)
            .collect();
    for (index, question) in questions.iter().enumerate() {
        let r = if index + 1 == questions.len() {
            last
        } else {
            result
        };
        s.ws.set_audit_result(AuditId(id), question, r, "").unwrap();
    }
}

#[test]
fn the_overall_result_covers_every_question_and_decides_the_labels() {
    let mut s = setup();
    let initial =
        s.ws.add_audit(&audit_input("initial", "2026-05-31"))
            .unwrap();
    assert_eq!(
        s.ws.audit_view(AuditId(initial.id)).unwrap().overall,
        OverallResult::Incomplete
    );
    results(&mut s, initial.id, "conform", "conform");
    assert_eq!(
        s.ws.audit_view(AuditId(initial.id)).unwrap().overall,
        OverallResult::Pass
    );
    let labels = s.ws.labels(Some(scope_id(&s.ws, "ECU"))).unwrap().remove(0);
    let label = labels.outcome.labels[0];
    assert_eq!(
        (label.kind, label.expires),
        (LabelKind::Permanent, date("2029-05-31"))
    );
    assert_eq!(labels.next_step.key, "labels.next_renewal");

    // A minor on the last question (the workbook's own formula would miss one in 9.2-9.4).
    results(&mut s, initial.id, "conform", "minor");
    assert_eq!(
        s.ws.audit_view(AuditId(initial.id)).unwrap().overall,
        OverallResult::ConditionalPass
    );
    assert!(
        s.ws.labels(Some(scope_id(&s.ws, "ECU"))).unwrap()[0]
            .outcome
            .labels
            .is_empty(),
        "no labels before the CAP audit"
    );
    let mut cap = s.ws.add_audit(&audit_input("cap", "2026-07-15")).unwrap();
    cap =
        s.ws.update_audit(
            AuditId(cap.id),
            &audit_input("cap", "2026-07-15"),
            &["done".into(), "done".into(), "done".into()],
            true,
            "",
            None,
        )
        .unwrap();
    assert!(cap.decision);
    let labels = s.ws.labels(Some(scope_id(&s.ws, "ECU"))).unwrap().remove(0);
    let label = labels.outcome.labels[0];
    assert_eq!(
        (label.kind, label.expires),
        (LabelKind::Temporary, date("2027-02-28"))
    );
    let refused =
        s.ws.renew_labels(scope_id(&s.ws, "ECU"), "2027-01-10", today())
            .unwrap_err();
    assert_eq!(
        field_keys(&refused),
        [("scope".to_owned(), "labels.temporary_not_renewable")]
    );

    let follow_up =
        s.ws.add_audit(&audit_input("follow-up", "2027-01-20"))
            .unwrap();
    s.ws.update_audit(
        AuditId(follow_up.id),
        &audit_input("follow-up", "2027-01-20"),
        &["done".into(), "done".into(), "done".into()],
        true,
        "",
        None,
    )
    .unwrap();
    let label = s.ws.labels(Some(scope_id(&s.ws, "ECU"))).unwrap()[0]
        .outcome
        .labels[0];
    assert_eq!(
        (label.kind, label.valid_from, label.expires),
        (LabelKind::Permanent, date("2026-05-31"), date("2029-05-31")),
        "permanent after the follow-up, still counted from the initial closing meeting"
    );
    let renewed =
        s.ws.renew_labels(scope_id(&s.ws, "ECU"), "2028-09-01", today())
            .unwrap();
    assert_eq!(renewed.planned_audit_date, Some(date("2028-09-01")));

    // The team may still fail a conditional pass, with a reason.
    let refused =
        s.ws.update_audit(
            AuditId(initial.id),
            &audit_input("initial", "2026-05-31"),
            &["done".into(), "done".into(), "done".into()],
            true,
            " ",
            None,
        )
        .unwrap_err();
    assert_eq!(
        field_keys(&refused),
        [("decision_reason".to_owned(), "audit.decision_needs_reason")]
    );
    s.ws.update_audit(
        AuditId(initial.id),
        &audit_input("initial", "2026-05-31"),
        &["done".into(), "done".into(), "done".into()],
        true,
        "Systemic problems in chapter 3",
        None,
    )
    .unwrap();
    assert!(
        s.ws.labels(Some(scope_id(&s.ws, "ECU"))).unwrap()[0]
            .outcome
            .labels
            .is_empty(),
        "failed by decision: no labels"
    );
}

#[test]
fn bad_audit_input_is_refused_and_nothing_changes() {
    let mut s = setup();
    let error =
        s.ws.add_audit(&audit_input("follow-up", "2026-06-30"))
            .unwrap_err();
    assert_eq!(
        field_keys(&error),
        [("kind".to_owned(), "audit.needs_initial")]
    );
    let backwards = AuditInput {
        opening_meeting: "2026-06-02".into(),
        ..audit_input("initial", "2026-05-31")
    };
    let error = s.ws.add_audit(&backwards).unwrap_err();
    assert_eq!(
        field_keys(&error),
        [("closing_meeting".to_owned(), "audit.closing_before_opening")]
    );
    assert!(s.ws.audits(None).unwrap().is_empty());

    let initial =
        s.ws.add_audit(&audit_input("initial", "2026-05-31"))
            .unwrap();
    let error =
        s.ws.set_audit_result(AuditId(initial.id), "7.1", "conform", "")
            .unwrap_err();
    assert_eq!(
        field_keys(&error),
        [("result".to_owned(), "audit.result_not_applicable")]
    );
    assert!(
        s.ws.audit_view(AuditId(initial.id))
            .unwrap()
            .questions
            .iter()
            .all(|(_, _, r)| r.is_none())
    );
}

#[test]
fn corrective_action_due_dates_follow_the_3_6_9_month_rules() {
    let mut s = setup();
    let initial =
        s.ws.add_audit(&audit_input("initial", "2026-05-31"))
            .unwrap();
    let finding =
        s.ws.add_finding(
            AuditId(initial.id),
            "1.1",
            "minor",
            "Annual review missing",
            None,
        )
        .unwrap();
    let action = |due: &str, justification: &str| ActionInput {
        scope: Some(ECU),
        finding: FindingId(finding.id),
        description: "Review the policy".into(),
        owner: "Anna".into(),
        department: "Quality".into(),
        due: due.into(),
        justification: justification.into(),
        evidence: Vec::new(),
    };
    let (_, warnings) = s.ws.add_action(&action("2026-08-31", "")).unwrap();
    assert!(warnings.is_empty());
    let (_, warnings) = s.ws.add_action(&action("2026-10-15", "")).unwrap();
    assert_eq!(warnings[0].key, "audit.due_needs_justification");
    let error = s.ws.add_action(&action("2026-12-15", "")).unwrap_err();
    assert_eq!(
        field_keys(&error),
        [(
            "justification".to_owned(),
            "audit.due_requires_justification"
        )]
    );
    s.ws.add_action(&action("2026-12-15", "Supplier tooling must change first"))
        .unwrap();
    let error =
        s.ws.add_action(&action("2027-03-01", "Even so"))
            .unwrap_err();
    assert_eq!(
        field_keys(&error),
        [("due".to_owned(), "audit.due_too_late")]
    );
    assert_eq!(
        s.ws.actions().unwrap().len(),
        3,
        "the refused ones were not stored"
    );
}

#[test]
fn the_audit_view_names_its_actions_evidence_and_holds_only_its_own_actions() {
    let mut s = setup();
    let policy = s.file("policy.pdf", "policy");
    let policy = EvidenceId(Setup::added_id(&s.add(&[&policy], &[])));
    let first =
        s.ws.add_audit(&audit_input("initial", "2026-05-31"))
            .unwrap();
    let second = s.ws.add_audit(&audit_input("cap", "2026-06-30")).unwrap();
    let mut act = |audit: i64, text: &str, evidence: Vec<EvidenceId>| {
        let finding =
            s.ws.add_finding(AuditId(audit), "1.1", "minor", "Not reviewed", None)
                .unwrap();
        s.ws.add_action(&ActionInput {
            finding: FindingId(finding.id),
            description: text.into(),
            owner: "Anna".into(),
            due: "2026-08-31".into(),
            evidence,
            ..ActionInput::default()
        })
        .unwrap();
    };
    act(first.id, "Review the policy", vec![policy]);
    act(second.id, "Another audit's action", vec![]);
    let view = s.ws.audit_view(AuditId(first.id)).unwrap();
    let texts: Vec<&str> = view
        .actions
        .iter()
        .map(|a| a.description.as_str())
        .collect();
    assert_eq!(
        texts,
        ["Review the policy"],
        "the other audit's action is not shown"
    );
    assert_eq!(
        view.evidence,
        [crate::Named {
            id: policy,
            name: "policy.pdf".into()
        }],
        "the evidence its action names, with its title"
    );
    let table: Vec<(i64, String, OverallResult)> =
        s.ws.audit_summaries(Some(ECU))
            .unwrap()
            .into_iter()
            .map(|(a, scope, overall)| (a.id, scope, overall))
            .collect();
    let expected: Vec<(i64, String, OverallResult)> = [first.id, second.id]
        .into_iter()
        .map(|id| {
            let view = s.ws.audit_view(AuditId(id)).unwrap();
            (id, view.scope, view.overall)
        })
        .collect();
    assert_eq!(
        table, expected,
        "the table's overall results are the views' own"
    );
}

#[test]
fn a_corrective_action_for_a_finding_of_another_scope_is_refused() {
    let mut s = setup();
    s.ws.add_scope(
        &ScopeInput {
            name: "Plant".into(),
            locations: vec![PLANT_NORD],
            objectives: vec!["production".into()],
            ..ScopeInput::default()
        },
        today(),
    )
    .unwrap();
    let initial =
        s.ws.add_audit(&audit_input("initial", "2026-05-31"))
            .unwrap();
    let finding =
        s.ws.add_finding(AuditId(initial.id), "1.1", "major", "No policy", None)
            .unwrap();
    let error =
        s.ws.add_action(&ActionInput {
            scope: Some(scope_id(&s.ws, "Plant")),
            finding: FindingId(finding.id),
            description: "Write one".into(),
            due: "2026-07-31".into(),
            ..ActionInput::default()
        })
        .unwrap_err();
    assert_eq!(
        field_keys(&error),
        [("finding".to_owned(), "audit.finding_of_other_scope")]
    );
}

#[test]
fn deadlines_list_everything_dated_and_export_as_a_calendar_with_stable_uids() {
    let mut s = setup();
    s.ws.add_location(&LocationInput {
        name: "Plant Süd".into(),
        labels: vec![crate::LabelInput {
            label: "confidential".into(),
            level: "2".into(),
            expires: "2027-01-31".into(),
        }],
        cs_activities: true,
        ..LocationInput::default()
    })
    .unwrap();
    let initial =
        s.ws.add_audit(&audit_input("initial", "2026-05-31"))
            .unwrap();
    results(&mut s, initial.id, "conform", "conform");
    let finding =
        s.ws.add_finding(AuditId(initial.id), "1.1", "observation", "Tidy up", None)
            .unwrap();
    s.ws.add_action(&ActionInput {
        finding: FindingId(finding.id),
        description: "Tidy up the policy".into(),
        owner: "Anna".into(),
        due: "2026-08-31".into(),
        ..ActionInput::default()
    })
    .unwrap();
    let today = date("2026-11-25");
    let list = s.ws.deadlines(&DeadlineFilter::default(), today).unwrap();
    let kinds: Vec<(&str, NaiveDate)> = list.iter().map(|d| (d.kind.as_str(), d.due)).collect();
    assert_eq!(
        kinds,
        [
            ("corrective-action", date("2026-08-31")),
            ("tisax-label", date("2027-01-31")),
            ("renewal", date("2028-05-31")),
            ("vcs-label", date("2029-05-31")),
        ]
    );
    assert!(list[0].overdue(today));
    assert_eq!(list[0].owner.as_deref(), Some("Anna"));
    let ics =
        s.ws.deadlines_calendar(&DeadlineFilter::default(), today, Lang::German, now())
            .unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 4);
    let action_id = s.ws.actions().unwrap()[0].0.id;
    let calendar_id = s.ws.db.calendar_id().unwrap();
    assert_eq!(
        calendar_id.len(),
        32,
        "128 random bits as hex: {calendar_id}"
    );
    assert!(ics.contains(&format!(
        "UID:corrective-action-{action_id}@{calendar_id}.csmsdesk"
    )));
    assert!(
        ics.contains("SUMMARY:TISAX-Label Confidential von Plant Süd läuft ab"),
        "{ics}"
    );
    let again =
        s.ws.deadlines_calendar(&DeadlineFilter::default(), today, Lang::German, now())
            .unwrap();
    assert_eq!(ics, again, "the same state gives the same file");
}

#[test]
fn the_notification_digest_names_what_is_due_within_the_configured_days() {
    let mut s = setup();
    let initial =
        s.ws.add_audit(&audit_input("initial", "2026-05-31"))
            .unwrap();
    let finding =
        s.ws.add_finding(AuditId(initial.id), "1.1", "minor", "Review missing", None)
            .unwrap();
    for (due, text, owner) in [
        ("2026-11-20", "Overdue one", "Anna"),
        ("2026-12-01", "Soon", "Ben Becker"),
        ("2027-01-31", "Later", "Anna"),
    ] {
        s.ws.add_action(&ActionInput {
            finding: FindingId(finding.id),
            description: text.into(),
            owner: owner.into(),
            due: due.into(),
            justification: "Agreed with the auditor".into(),
            ..ActionInput::default()
        })
        .unwrap();
    }
    let today = date("2026-11-25");
    let (title, body) = s.ws.deadline_digest(today, Lang::English).unwrap().unwrap();
    assert!(
        title.contains('2') && title.contains("14"),
        "two within 14 days: {title}"
    );
    assert!(
        body.contains("Overdue one") && body.contains("Soon") && !body.contains("Later"),
        "{body}"
    );
    assert_eq!(s.ws.notify_days().unwrap(), 14);
    s.ws.set_notify_days("0").unwrap();
    assert_eq!(
        s.ws.deadline_digest(today, Lang::English).unwrap(),
        None,
        "0 turns it off"
    );
    assert!(s.ws.set_notify_days("-3").is_err());
}

#[test]
fn the_providers_filled_workbook_brings_results_findings_and_proposed_actions() {
    use csmsdesk_workbook::fixtures::{RawCell, demo_raw_rows, raw_xlsx};
    let mut s = setup();
    let initial =
        s.ws.add_audit(&audit_input("initial", "2026-05-31"))
            .unwrap();
    let mut rows = demo_raw_rows();
    for row in rows.iter_mut().skip(3) {
        let id = match row.get(3) {
            Some(RawCell::Text(id)) => id.clone(),
            _ => continue,
        };
        let (result, findings, measures) = match id.as_str() {
            "1.1" => (
                "minor-non-conform",
                "No annual review",
                "Introduce an annual review",
            ),
            "1.2" => ("conform", "", ""),
            "7.1" => ("conform", "", ""),
            _ => continue,
        };
        row[4] = RawCell::Text(result.into());
        row[7] = RawCell::Text(findings.into());
        row[15] = RawCell::Text(measures.into());
    }
    let path = s.root.path().join("provider.xlsx");
    std::fs::write(&path, raw_xlsx(&[("Vehicle CyberSecurity", rows)])).unwrap();

    let preview =
        s.ws.import_provider_workbook(AuditId(initial.id), &path, false)
            .unwrap();
    let results: Vec<(&str, QuestionResult)> = preview
        .results
        .iter()
        .map(|r| (r.0.as_str(), r.2))
        .collect();
    assert_eq!(
        results,
        [
            ("1.1", QuestionResult::Minor),
            ("1.2", QuestionResult::Conform)
        ]
    );
    assert_eq!(
        preview.measures,
        [("1.1".to_owned(), "Introduce an annual review".to_owned())]
    );
    assert_eq!(preview.skipped.len(), 1, "7.1 is NA for development");
    assert!(
        s.ws.audit_view(AuditId(initial.id))
            .unwrap()
            .findings
            .is_empty(),
        "a preview changes nothing"
    );

    s.ws.import_provider_workbook(AuditId(initial.id), &path, true)
        .unwrap();
    let view = s.ws.audit_view(AuditId(initial.id)).unwrap();
    let q11 = view.questions.iter().find(|q| q.0 == "1.1").unwrap();
    assert_eq!(
        q11.2.as_ref().unwrap().findings_description,
        "No annual review"
    );
    assert_eq!(view.findings.len(), 1);
    assert_eq!(view.findings[0].kind, FindingKind::Minor);
    assert_eq!(view.actions[0].description, "Introduce an annual review");
    assert_eq!(
        view.actions[0].due,
        date("2026-08-31"),
        "three months after the closing meeting"
    );
    let again =
        s.ws.import_provider_workbook(AuditId(initial.id), &path, true)
            .unwrap();
    assert!(
        again.results.is_empty() && again.measures.is_empty(),
        "{again:?}"
    );
    assert_eq!(
        s.ws.audit_view(AuditId(initial.id)).unwrap().findings.len(),
        1,
        "nothing was repeated"
    );
}

#[test]
fn a_refused_rule_change_stores_nothing_and_a_second_import_adds_no_duplicates() {
    let mut s = setup();
    let error = s.ws.set_label_rule("actions.free_months", "7").unwrap_err();
    assert_eq!(
        field_keys(&error),
        [(
            "actions.free_months".to_owned(),
            "input.action_months_order"
        )]
    );
    assert_eq!(
        s.ws.label_rules().unwrap(),
        LabelRules::default(),
        "nothing was stored"
    );
    let rules =
        s.ws.set_label_rule("labels.permanent_months", "48")
            .unwrap();
    assert_eq!(rules.permanent_months, 48);
}
