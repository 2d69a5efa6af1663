use super::*;
use crate::test_support::*;

fn applicable(s: &Setup) -> Vec<String> {
    s.ws.readiness(scope_id(&s.ws, "ECU"), today())
        .unwrap()
        .questions
        .iter()
        .filter(|q| q.applicable)
        .map(|q| q.id.clone())
        .collect()
}

#[test]
fn the_self_assessment_of_many_questions_is_saved_at_once_or_not_at_all() {
    let mut s = setup();
    let ecu = scope_id(&s.ws, "ECU");
    let questions = applicable(&s);
    let mut entries: Vec<AssessInput> = questions
        .iter()
        .map(|q| AssessInput {
            question: q.clone(),
            result: "conform".into(),
            implementation: Some(format!("Done for {q}")),
            ..AssessInput::default()
        })
        .collect();
    entries[1].result = "na".into();
    let refused = s.ws.assess_many(ecu, &entries, now()).unwrap_err();
    let fields: Vec<String> = refused
        .field_errors()
        .into_iter()
        .map(|f| f.field)
        .collect();
    assert_eq!(fields, [format!("assessments.{}.result", questions[1])]);
    assert_eq!(
        s.ws.readiness(ecu, today()).unwrap().predicted,
        OverallResult::Incomplete,
        "nothing saved"
    );
    entries[1].result = "minor".into();
    let saved = s.ws.assess_many(ecu, &entries, now()).unwrap();
    assert_eq!(saved.len(), questions.len());
    assert_eq!(
        s.ws.readiness(ecu, today()).unwrap().predicted,
        OverallResult::ConditionalPass
    );
    let journal = s.ws.journal_entries().unwrap();
    assert!(
        journal
            .iter()
            .filter(|e| e.table == "scope_assessment")
            .count()
            >= questions.len(),
        "every saved question is journalled"
    );
}
