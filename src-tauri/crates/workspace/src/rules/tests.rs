use super::*;
use crate::ErrorCode;
use crate::test_support::setup;

fn months(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn fields(error: &Error) -> Vec<String> {
    error.field_errors().into_iter().map(|f| f.field).collect()
}

#[test]
fn a_new_workspace_has_the_documented_defaults() {
    let s = setup();
    let rules = s.ws.rules().unwrap();
    assert_eq!(rules.applicability_matrix, DEFAULT_MATRIX);
    assert_eq!(rules.label_expiry_warning_days, DEFAULT_EXPIRY_WARNING_DAYS);
    assert_eq!(rules.notify_days, DEFAULT_NOTIFY_DAYS);
    assert_eq!(rules.label_rules, LabelRules::default());
}

#[test]
fn a_bad_set_of_rules_saves_nothing_and_names_every_problem() {
    let mut s = setup();
    let before = s.ws.rules().unwrap();
    let seq_before = s.ws.journal_page(None, None, None, 1).unwrap()[0].seq;
    let input = RulesInput {
        applicability_matrix: Some("development: chapter 5\n".into()),
        label_expiry_warning_days: Some("30".into()),
        notify_days: Some("400".into()),
        // Free 7 > justified 6: the periods must grow.
        label_rules: months(&[
            ("labels.permanent_months", "24"),
            ("actions.free_months", "7"),
        ]),
    };
    let error = s.ws.save_rules(&input).unwrap_err();
    assert_eq!(error.code(), ErrorCode::InvalidInput);
    assert_eq!(
        fields(&error),
        ["notify_days", "actions.free_months"],
        "every problem at once, each on its field"
    );
    assert_eq!(
        s.ws.rules().unwrap(),
        before,
        "the valid parts (matrix, warning days, permanent months) are not saved either"
    );
    assert_eq!(
        s.ws.journal_page(None, None, None, 1).unwrap()[0].seq,
        seq_before,
        "a refused set writes no journal entry"
    );
}

#[test]
fn a_good_set_of_rules_saves_all_of_it_in_one_journalled_transaction() {
    let mut s = setup();
    let seq_before = s.ws.journal_page(None, None, None, 1).unwrap()[0].seq;
    // Raising every period at once: one at a time, free 8 before max 12 would be refused.
    let input = RulesInput {
        applicability_matrix: Some("development: chapter 5\n".into()),
        label_expiry_warning_days: Some(" 30 ".into()),
        notify_days: Some("7".into()),
        label_rules: months(&[
            ("actions.free_months", "8"),
            ("actions.justified_months", "10"),
            ("actions.max_months", "12"),
            ("labels.temporary_months", "9"),
        ]),
    };
    let saved = s.ws.save_rules(&input).unwrap();
    assert_eq!(
        saved,
        s.ws.rules().unwrap(),
        "what it returns is what is stored"
    );
    assert_eq!(saved.applicability_matrix, "development: chapter 5\n");
    assert_eq!(saved.label_expiry_warning_days, 30);
    assert_eq!(saved.notify_days, 7);
    let r = saved.label_rules;
    assert_eq!(
        (
            r.action_free_months,
            r.action_justified_months,
            r.action_max_months
        ),
        (8, 10, 12)
    );
    let entries = s.ws.journal_page(None, None, None, 50).unwrap();
    let new: Vec<_> = entries.iter().filter(|e| e.seq > seq_before).collect();
    assert_eq!(
        new.len(),
        6,
        "one entry per changed setting (the fixed 9 months is not stored): {new:#?}"
    );
    assert!(new.iter().all(|e| e.table == "setting"), "{new:#?}");
    assert!(s.ws.journal_verify().unwrap().ok());
}

#[test]
fn saving_unchanged_rules_writes_nothing() {
    let mut s = setup();
    let seq_before = s.ws.journal_page(None, None, None, 1).unwrap()[0].seq;
    let current = s.ws.rules().unwrap();
    s.ws.save_rules(&RulesInput {
        applicability_matrix: Some(current.applicability_matrix),
        notify_days: Some(current.notify_days.to_string()),
        ..RulesInput::default()
    })
    .unwrap();
    assert_eq!(
        s.ws.journal_page(None, None, None, 1).unwrap()[0].seq,
        seq_before
    );
}

#[test]
fn the_fixed_temporary_label_months_and_unknown_rules_are_refused() {
    let mut s = setup();
    let fixed = RulesInput {
        label_rules: months(&[("labels.temporary_months", "6")]),
        ..RulesInput::default()
    };
    assert_eq!(
        fields(&s.ws.save_rules(&fixed).unwrap_err()),
        ["labels.temporary_months"]
    );
    let unknown = RulesInput {
        label_rules: months(&[("labels.nonsense", "6")]),
        ..RulesInput::default()
    };
    assert!(matches!(
        s.ws.save_rules(&unknown).unwrap_err(),
        Error::NotFound { .. }
    ));
}

#[test]
fn the_vocabulary_carries_cores_lists_the_limits_and_the_rules_in_force() {
    let mut s = setup();
    s.ws.set_label_expiry_warning_days("30").unwrap();
    let v = s.ws.vocabulary().unwrap();
    assert_eq!(v["tisax_labels"].as_array().unwrap().len(), 12);
    assert_eq!(v["work_products"].as_array().unwrap().len(), 42);
    assert_eq!(v["work_products"][0], "WP-05-01");
    assert_eq!(
        v["audit_results"],
        serde_json::json!(["conform", "minor", "major"])
    );
    assert_eq!(v["action_statuses"][3], "verified");
    assert_eq!(
        v["evidence_states"],
        serde_json::json!(["missing", "changed", "review-due", "current"]),
        "most urgent first"
    );
    assert_eq!(
        v["requirement_states"],
        serde_json::json!(["missing", "needs-review", "covered"]),
        "most urgent first"
    );
    assert_eq!(v["deadline_kinds"].as_array().unwrap().len(), 7);
    assert_eq!(
        v["deadline_columns"],
        serde_json::json!(["due", "countdown", "kind", "what", "scope", "owner"])
    );
    assert_eq!(v["limits"]["label_expiry_warning_days"]["max"], 730);
    assert_eq!(
        v["limits"]["within_days"]["max"], 3650,
        "the deadlines filter's look ahead"
    );
    let temporary = &v["limits"]["label_rules"][1];
    assert_eq!(temporary["key"], "labels.temporary_months");
    assert_eq!(temporary["fixed"], true);
    assert_eq!(
        v["rules"]["label_expiry_warning_days"], 30,
        "the settings in force, not the default"
    );
    assert_eq!(v["rules"]["label_rules"]["actions.free_months"], 3);
}

#[test]
fn every_word_of_the_vocabulary_has_a_message_in_english_and_german() {
    use csmsdesk_core::i18n::{Lang, catalogue};
    let s = setup();
    let vocabulary = s.ws.vocabulary().unwrap();
    // Each list the window draws, and the message keys it draws each word with.
    type Keys = fn(&str) -> Vec<String>;
    let lists: [(&str, Keys); 12] = [
        ("classifications", |w| vec![format!("classification.{w}")]),
        ("evidence_states", |w| {
            vec![
                format!("evidence_state.{w}"),
                format!("evidence_state.{w}_hint"),
            ]
        }),
        ("requirement_states", |w| {
            vec![format!("requirement_state.{w}")]
        }),
        ("work_products", |w| vec![format!("wp.{w}")]),
        ("audit_kinds", |w| vec![format!("audit_kind.{w}")]),
        ("phases", |w| {
            vec![format!("audit_phase.{w}"), format!("audit_phase.{w}_hint")]
        }),
        ("phase_states", |w| vec![format!("phase_state.{w}")]),
        ("finding_types", |w| vec![format!("finding_type.{w}")]),
        ("action_statuses", |w| vec![format!("action_status.{w}")]),
        ("audit_results", |w| vec![format!("assess_result.{w}")]),
        ("deadline_kinds", |w| vec![format!("deadline.kind.{w}")]),
        ("deadline_columns", |w| {
            vec![format!("deadlines_ui.col_{w}")]
        }),
    ];
    let mut missing = Vec::new();
    for (list, keys) in lists {
        let words = vocabulary[list]
            .as_array()
            .unwrap_or_else(|| panic!("the vocabulary has the list {list}"));
        assert!(!words.is_empty(), "{list} is empty");
        for word in words {
            let word = word.as_str().unwrap();
            for key in keys(word) {
                for lang in [Lang::English, Lang::German] {
                    if !catalogue(lang).contains_key(key.as_str()) {
                        missing.push(format!("{key} ({lang:?})"));
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "words the window cannot show: {missing:?}"
    );
}
