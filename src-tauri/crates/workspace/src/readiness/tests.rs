use super::*;
use crate::test_support::*;
use crate::{Error, EvidenceInput};
use csmsdesk_workbook::fixtures::{RawCell, demo_raw_rows, raw_xlsx};

fn state_of(r: &Readiness, id: &str) -> RequirementState {
    r.requirements.iter().find(|q| q.id == id).unwrap().state
}

#[test]
fn readiness_counts_applicable_requirements_and_evidence_covers_them() {
    let mut s = setup();
    let before = s.ws.readiness(scope_id(&s.ws, "ECU"), today()).unwrap();
    assert_eq!(before.tally.covered, 0);
    assert_eq!(before.tally.missing, before.requirements.len());
    assert!(
        before.requirements.iter().all(|r| r.chapter_id != "7"),
        "chapter 7 is not for development"
    );
    let policy = s.file("policy.pdf", "policy");
    s.add(&[&policy], &["1.1.a"]);
    let process = s.file("process.pdf", "process");
    s.add(&[&process], &["1.2"]);
    let after = s.ws.readiness(scope_id(&s.ws, "ECU"), today()).unwrap();
    assert_eq!(state_of(&after, "1.1.a"), RequirementState::Covered);
    assert_eq!(state_of(&after, "1.1.b"), RequirementState::Missing);
    let question_1_2 = after.requirements.iter().filter(|r| r.question_id == "1.2");
    assert!(
        question_1_2
            .clone()
            .all(|r| r.state == RequirementState::Covered),
        "a link to a whole question covers each of its requirements"
    );
    assert_eq!(after.tally.covered, 1 + question_1_2.count());
    assert!(after.tally.readiness() > 0.0);
    let chapter_1 = after.chapters.iter().find(|c| c.id == "1").unwrap();
    assert_eq!(chapter_1.tally.covered, after.tally.covered);
    assert_eq!(after.objectives.len(), 1);
    assert_eq!(
        after.objectives[0].1, after.tally,
        "one objective holds every question"
    );
}

#[test]
fn stale_evidence_leaves_a_requirement_needing_review() {
    let mut s = setup();
    let policy = s.file("policy.pdf", "policy");
    let report = s.add(&[&policy], &["1.1.a"]);
    let id = EvidenceId(Setup::added_id(&report));
    s.ws.update_evidence(
        id,
        &EvidenceInput {
            review_due: "2026-12-01".into(),
            ..EvidenceInput::default()
        },
        None,
    )
    .unwrap();
    let readiness =
        |s: &Setup, day: &str| s.ws.readiness(scope_id(&s.ws, "ECU"), date(day)).unwrap();
    assert_eq!(
        state_of(&readiness(&s, "2026-11-30"), "1.1.a"),
        RequirementState::Covered
    );
    assert_eq!(
        state_of(&readiness(&s, "2026-12-01"), "1.1.a"),
        RequirementState::NeedsReview,
        "from its review date on, the evidence is stale"
    );
    s.ws.review_evidence(id, "2027-12-01", today()).unwrap();
    assert_eq!(
        state_of(&readiness(&s, "2026-12-01"), "1.1.a"),
        RequirementState::Covered
    );
    std::fs::write(&policy, "policy, second edition").unwrap();
    s.ws.scan_evidence(false, now(), &no_progress, &not_cancelled())
        .unwrap();
    assert_eq!(
        state_of(&readiness(&s, "2026-12-01"), "1.1.a"),
        RequirementState::NeedsReview
    );
}

#[test]
fn a_justified_deviation_covers_a_should_only_requirement() {
    let mut s = setup();
    s.ws.set_deviation(scope_id(&s.ws, "ECU"), "1.1.c", "We build no vehicles.")
        .unwrap();
    let readiness = s.ws.readiness(scope_id(&s.ws, "ECU"), today()).unwrap();
    assert_eq!(state_of(&readiness, "1.1.c"), RequirementState::Covered);
    assert!(
        readiness
            .requirements
            .iter()
            .find(|r| r.id == "1.1.c")
            .unwrap()
            .deviation
    );
}

#[test]
fn na_questions_do_not_count() {
    let mut s = setup();
    let before = s.ws.readiness(scope_id(&s.ws, "ECU"), today()).unwrap();
    s.ws.set_applicability(
        scope_id(&s.ws, "ECU"),
        "1.1",
        false,
        "Covered by the group policy.",
    )
    .unwrap();
    let after = s.ws.readiness(scope_id(&s.ws, "ECU"), today()).unwrap();
    let removed = before
        .requirements
        .iter()
        .filter(|r| r.question_id == "1.1")
        .count();
    assert_eq!(after.tally.total(), before.tally.total() - removed);
    let question = after.questions.iter().find(|q| q.id == "1.1").unwrap();
    assert_eq!(question.state, None);
}

#[test]
fn the_self_assessment_predicts_the_overall_result() {
    let mut s = setup();
    assert_eq!(
        s.ws.readiness(scope_id(&s.ws, "ECU"), today())
            .unwrap()
            .predicted,
        OverallResult::Incomplete
    );
    let applicable: Vec<String> =
        s.ws.readiness(scope_id(&s.ws, "ECU"), today())
            .unwrap()
            .questions
            .iter()
            .filter(|q| q.applicable)
            .map(|q| q.id.clone())
            .collect();
    for question in &applicable {
        s.ws.assess(
            scope_id(&s.ws, "ECU"),
            question,
            "conform",
            Some("Done."),
            None,
            now(),
        )
        .unwrap();
    }
    assert_eq!(
        s.ws.readiness(scope_id(&s.ws, "ECU"), today())
            .unwrap()
            .predicted,
        OverallResult::Pass
    );
    s.ws.assess(
        scope_id(&s.ws, "ECU"),
        &applicable[3],
        "minor-non-conform",
        None,
        None,
        now(),
    )
    .unwrap();
    let readiness = s.ws.readiness(scope_id(&s.ws, "ECU"), today()).unwrap();
    assert_eq!(readiness.predicted, OverallResult::ConditionalPass);
    let q = readiness
        .questions
        .iter()
        .find(|q| q.id == applicable[3])
        .unwrap();
    assert_eq!(
        q.assessment.implementation, "Done.",
        "a result alone keeps the text"
    );
}

#[test]
fn a_result_must_fit_the_question_applicability() {
    let mut s = setup();
    let error =
        s.ws.assess(scope_id(&s.ws, "ECU"), "1.1", "na", None, None, now())
            .unwrap_err();
    assert_eq!(
        error.field_errors()[0].message.key,
        "assess.na_needs_applicability"
    );
    let error =
        s.ws.assess(scope_id(&s.ws, "ECU"), "7.1", "conform", None, None, now())
            .unwrap_err();
    assert_eq!(error.field_errors()[0].message.key, "assess.not_applicable");
    let error =
        s.ws.assess(scope_id(&s.ws, "ECU"), "1.1", "passed", None, None, now())
            .unwrap_err();
    assert_eq!(error.field_errors()[0].message.key, "assess.bad_result");
    assert!(matches!(
        s.ws.assess(scope_id(&s.ws, "ECU"), "1.9", "conform", None, None, now()),
        Err(Error::NotFound { .. })
    ));
    s.ws.assess(scope_id(&s.ws, "ECU"), "7.1", "na", None, None, now())
        .unwrap();
}

/// The demo workbook with the self-assessment columns of some questions filled.
fn filled_workbook(s: &Setup, cells: &[(&str, &str, &str, &str)]) -> std::path::PathBuf {
    let mut rows = demo_raw_rows();
    for row in rows.iter_mut().skip(3) {
        let id = match row.get(3) {
            Some(RawCell::Text(id)) => id.clone(),
            _ => continue,
        };
        if let Some((_, result, implementation, reference)) = cells.iter().find(|c| c.0 == id) {
            row[4] = RawCell::Text((*result).into());
            row[5] = RawCell::Text((*implementation).into());
            row[6] = RawCell::Text((*reference).into());
        }
    }
    let path = s.root.path().join("filled.xlsx");
    std::fs::write(&path, raw_xlsx(&[("Vehicle CyberSecurity", rows)])).unwrap();
    path
}

#[test]
fn a_filled_workbook_shows_what_it_overwrites_then_takes_over_its_columns() {
    let mut s = setup();
    s.ws.assess(
        scope_id(&s.ws, "ECU"),
        "1.1",
        "major",
        Some("Old text."),
        None,
        now(),
    )
    .unwrap();
    let path = filled_workbook(
        &s,
        &[
            (
                "1.1",
                "conform",
                "Policy signed by the board.",
                "CS-POL-001",
            ),
            ("1.2", "", "", ""),
            ("7.1", "conform", "", ""),
        ],
    );
    let preview =
        s.ws.import_assessment(scope_id(&s.ws, "ECU"), &path, false, now())
            .unwrap();
    let changes: Vec<(&str, &str, &str, &str)> = preview
        .changes
        .iter()
        .map(|c| {
            (
                c.question_id.as_str(),
                c.field,
                c.before.as_str(),
                c.after.as_str(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("1.1", "result", "major", "conform"),
            (
                "1.1",
                "implementation",
                "Old text.",
                "Policy signed by the board."
            ),
            ("1.1", "reference_documentation", "", "CS-POL-001"),
        ]
    );
    assert_eq!(
        preview.skipped.len(),
        1,
        "7.1 is NA for development: {:?}",
        preview.skipped
    );
    assert_eq!(preview.skipped[0].1, "7.1");
    let untouched = s.ws.readiness(scope_id(&s.ws, "ECU"), today()).unwrap();
    let q = untouched.questions.iter().find(|q| q.id == "1.1").unwrap();
    assert_eq!(
        q.assessment.result,
        Some(QuestionResult::Major),
        "a preview changes nothing"
    );

    let applied =
        s.ws.import_assessment(scope_id(&s.ws, "ECU"), &path, true, now())
            .unwrap();
    assert!(applied.applied);
    let readiness = s.ws.readiness(scope_id(&s.ws, "ECU"), today()).unwrap();
    let q = readiness.questions.iter().find(|q| q.id == "1.1").unwrap();
    assert_eq!(q.assessment.result, Some(QuestionResult::Conform));
    assert_eq!(q.assessment.reference_documentation, "CS-POL-001");
    assert!(
        s.ws.import_assessment(scope_id(&s.ws, "ECU"), &path, false, now())
            .unwrap()
            .changes
            .is_empty(),
        "importing the same workbook again changes nothing"
    );
}

#[test]
fn the_dashboard_records_todays_readiness_and_lists_the_top_gaps() {
    let mut s = setup();
    let dashboard =
        s.ws.dashboard(scope_id(&s.ws, "ECU"), date("2026-11-24"))
            .unwrap();
    assert_eq!(dashboard.top_gaps.len(), TOP_GAPS);
    assert!(
        dashboard
            .top_gaps
            .iter()
            .all(|g| g.state == RequirementState::Missing)
    );
    let policy = s.file("policy.pdf", "policy");
    s.add(&[&policy], &["1.1.a"]);
    let dashboard = s.ws.dashboard(scope_id(&s.ws, "ECU"), today()).unwrap();
    let days: Vec<(NaiveDate, usize)> = dashboard
        .history
        .iter()
        .map(|(d, t)| (*d, t.covered))
        .collect();
    assert_eq!(days, [(date("2026-11-24"), 0), (date("2026-11-25"), 1)]);
    assert_ne!(dashboard.top_gaps[0].id, "1.1.a");
    s.ws.dashboard(scope_id(&s.ws, "ECU"), today()).unwrap();
    assert_eq!(
        s.ws.dashboard(scope_id(&s.ws, "ECU"), today())
            .unwrap()
            .history
            .len(),
        2,
        "one record per day"
    );
}

#[test]
fn duplicates_and_orphans_are_found() {
    let mut s = setup();
    let a = s.file("policy.pdf", "same");
    let b = s.file("copy of policy.pdf", "same");
    let c = s.file("linked.pdf", "other");
    s.add(&[&a, &b], &[]);
    s.add(&[&c], &["1.1.a"]);
    let findings = s.ws.evidence_findings(None).unwrap();
    assert_eq!(findings.duplicates.len(), 1);
    let mut titles: Vec<&str> = findings.duplicates[0]
        .iter()
        .map(|(_, t)| t.as_str())
        .collect();
    titles.sort();
    assert_eq!(titles, ["copy of policy.pdf", "policy.pdf"]);
    assert_eq!((findings.orphans.len(), findings.orphan_count), (2, 2));
    let first = s.ws.evidence_findings(Some(1)).unwrap();
    assert_eq!((first.orphans.len(), first.orphan_count), (1, 2));
}

#[test]
fn a_requirement_covered_only_by_its_questions_evidence_says_so() {
    let mut s = setup();
    let manual = s.file("manual.pdf", "manual");
    s.add(&[&manual], &["1.1"]);
    let policy = s.file("policy.pdf", "policy");
    s.add(&[&policy], &["1.1.a"]);
    let readiness = s.ws.readiness(scope_id(&s.ws, "ECU"), today()).unwrap();
    let of = |id: &str| {
        readiness
            .requirements
            .iter()
            .find(|r| r.id == id)
            .unwrap()
            .covered_by
    };
    use csmsdesk_core::readiness::CoveredBy;
    assert_eq!(of("1.1.a"), Some(CoveredBy::OwnEvidence));
    assert_eq!(
        of("1.1.b"),
        Some(CoveredBy::Question),
        "counted as covered, but only through question 1.1"
    );
    let wire = crate::wire::readiness(&readiness);
    assert_eq!(
        wire.covered_through_question,
        readiness
            .requirements
            .iter()
            .filter(|r| r.question_id == "1.1")
            .count()
            - 1
    );
}

#[test]
fn the_dashboards_gaps_put_musts_and_the_emptiest_questions_first() {
    let mut s = setup();
    let dashboard = s.ws.dashboard(scope_id(&s.ws, "ECU"), today()).unwrap();
    let gaps = &dashboard.top_gaps;
    assert!(
        gaps.windows(2).all(|w| w[0].has_must >= w[1].has_must),
        "must before should"
    );
    let missing_of = |q: &str| {
        dashboard
            .readiness
            .questions
            .iter()
            .find(|x| x.id == q)
            .unwrap()
            .tally
            .missing
    };
    let heaviest = dashboard
        .readiness
        .requirements
        .iter()
        .filter(|r| r.has_must)
        .map(|r| missing_of(&r.question_id))
        .max()
        .unwrap();
    assert_eq!(
        missing_of(&gaps[0].question_id),
        heaviest,
        "the first gap is in a question with the most missing requirements"
    );
}
