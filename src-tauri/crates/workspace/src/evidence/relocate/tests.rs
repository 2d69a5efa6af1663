use super::*;
use crate::test_support::*;
use crate::{EvidenceInput, FileResult, LinkInput};
use csmsdesk_core::evidence::EvidenceState;

fn scan(s: &mut Setup) -> crate::ScanReport {
    s.ws.scan_evidence(false, now(), &no_progress, &not_cancelled())
        .unwrap()
}

#[test]
fn a_moved_source_is_relocated_keeping_the_item_its_versions_and_links() {
    let mut s = setup();
    let policy = s.file("policy.pdf", "policy v1");
    let id = EvidenceId(Setup::added_id(&s.add(&[&policy], &["1.1.a"])));
    let moved = s.root.path().join("docs/archive/policy-2026.pdf");
    std::fs::create_dir_all(moved.parent().unwrap()).unwrap();
    std::fs::rename(&policy, &moved).unwrap();
    let report = scan(&mut s);
    assert_eq!(report.missing, [id.0]);
    assert_eq!(
        report.titles.get(&id.0).map(String::as_str),
        Some("policy.pdf")
    );
    let relocated = s.ws.relocate_evidence(id, &moved, now()).unwrap();
    assert_eq!(relocated.new_version, None, "same content: no new version");
    let (view, versions) = s.ws.evidence_item(id, today()).unwrap();
    assert_eq!(view.state, EvidenceState::Current, "present again");
    assert_eq!(
        view.record.source_path,
        crate::evidence::add::recorded_path(&moved)
    );
    assert_eq!(view.links.len(), 1, "the link stays");
    assert_eq!(versions.len(), 1);
    assert_eq!(
        scan(&mut s).unchanged,
        1,
        "the next scan finds it where it is now"
    );
}

#[test]
fn relocating_to_different_content_makes_a_new_version_that_needs_review() {
    let mut s = setup();
    let policy = s.file("policy.pdf", "policy v1");
    let id = EvidenceId(Setup::added_id(&s.add(&[&policy], &[])));
    let renamed = s.file("policy-v2.pdf", "policy v2, rewritten");
    std::fs::remove_file(&policy).unwrap();
    let relocated = s.ws.relocate_evidence(id, &renamed, now()).unwrap();
    assert_eq!(relocated.new_version, Some(2));
    let (view, versions) = s.ws.evidence_item(id, today()).unwrap();
    assert_eq!(view.state, EvidenceState::Changed);
    assert_eq!(versions.len(), 2);
    assert!(s.ws.vault().unwrap().verify(&versions[1].sha256).unwrap());
}

#[test]
fn relocating_refuses_a_folder_a_missing_file_and_another_items_source() {
    let mut s = setup();
    let a = s.file("a.pdf", "a");
    let b = s.file("b.pdf", "b");
    let a_id = EvidenceId(Setup::added_id(&s.add(&[&a], &[])));
    s.add(&[&b], &[]);
    let folder = s.root.path().join("docs");
    let gone = s.root.path().join("docs/gone.pdf");
    for (path, key) in [
        (&folder, "evidence.relocate_not_a_file"),
        (&gone, "evidence.file_gone"),
        (&b, "evidence.relocate_taken"),
    ] {
        let error = s.ws.relocate_evidence(a_id, path, now()).unwrap_err();
        let problems = error.field_errors();
        assert_eq!(problems.len(), 1, "{error:?}");
        assert_eq!(
            (problems[0].field.as_str(), problems[0].message.key),
            ("path", key)
        );
    }
    let (view, _) = s.ws.evidence_item(a_id, today()).unwrap();
    assert_eq!(
        view.record.source_path,
        crate::evidence::add::recorded_path(&a),
        "unchanged"
    );
}

#[test]
fn a_new_file_with_the_content_of_an_item_whose_source_is_missing_is_not_added_twice() {
    let mut s = setup();
    let policy = s.file("policy.pdf", "policy v1");
    let id = Setup::added_id(&s.add(&[&policy], &[]));
    let moved = s.file("moved/policy.pdf", "policy v1");
    // Still present: a copy elsewhere is an ordinary new item (a duplicate finding).
    std::fs::remove_file(&policy).unwrap();
    scan(&mut s);
    let report = s.add(&[&moved], &[]);
    assert_eq!(
        report.outcomes[0].result,
        FileResult::SameAsMissing {
            id,
            title: "policy.pdf".into()
        }
    );
    assert_eq!(s.ws.evidence(today()).unwrap().len(), 1, "nothing added");
    let as_new = EvidenceInput {
        as_new: true,
        ..EvidenceInput::default()
    };
    let report =
        s.ws.add_evidence(
            &[moved],
            &as_new,
            &LinkInput::default(),
            now(),
            &no_progress,
            &not_cancelled(),
        )
        .unwrap();
    assert_eq!(report.added().count(), 1, "asked for: added as a new item");
}
