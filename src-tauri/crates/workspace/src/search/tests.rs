use super::*;
use crate::test_support::*;

#[test]
fn a_search_finds_evidence_requirements_and_scopes_and_refuses_bad_limits() {
    let mut s = setup();
    let policy = s.file("ecu-policy.pdf", "policy");
    s.add(&[&policy], &[]);
    let found = s.ws.search("ecu", 5).unwrap();
    let kinds: Vec<&str> = found.iter().map(|f| f.kind.as_str()).collect();
    assert!(kinds.contains(&"evidence"), "{kinds:?}");
    assert!(kinds.contains(&"scope"), "the setup's scope ECU: {kinds:?}");
    let requirement = s.ws.search("1.1.a", 5).unwrap();
    assert_eq!(requirement[0].kind, FoundKind::Requirement);
    assert_eq!(requirement[0].id, "1.1.a");
    assert!(s.ws.search("", 5).unwrap().is_empty());
    let fields: Vec<String> =
        s.ws.search(&"x".repeat(MAX_NAME_LEN + 1), 0)
            .unwrap_err()
            .field_errors()
            .into_iter()
            .map(|f| f.field)
            .collect();
    assert_eq!(fields, ["text", "limit"]);
}
