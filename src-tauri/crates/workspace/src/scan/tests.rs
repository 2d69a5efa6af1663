use super::*;
use crate::test_support::*;
use csmsdesk_core::evidence::EvidenceState;
use std::sync::Mutex;

fn scan(s: &mut Setup, deep: bool) -> ScanReport {
    s.ws.scan_evidence(deep, now(), &no_progress, &not_cancelled())
        .unwrap()
}

#[test]
fn an_untouched_source_is_unchanged_without_being_read() {
    let mut s = setup();
    let policy = s.file("policy.pdf", "policy v1");
    s.add(&[&policy], &["1.1.a"]);
    let progress = Mutex::new(Vec::new());
    let report =
        s.ws.scan_evidence(
            false,
            now(),
            &|p| progress.lock().unwrap().push(p),
            &not_cancelled(),
        )
        .unwrap();
    assert_eq!(report.unchanged, 1);
    assert!(report.changed.is_empty() && report.missing.is_empty());
    let progress = progress.into_inner().unwrap();
    assert_eq!(progress.len(), 1);
    assert_eq!(progress[0].bytes_done, 0, "the quick path reads nothing");
}

#[test]
fn changed_content_becomes_a_new_version_that_needs_review() {
    let mut s = setup();
    let policy = s.file("policy.pdf", "policy v1");
    let id = Setup::added_id(&s.add(&[&policy], &["1.1.a"]));
    std::fs::write(&policy, "policy version 2").unwrap();
    let report = scan(&mut s, false);
    assert_eq!(report.changed, [id]);
    let (view, versions) = s.ws.evidence_item(EvidenceId(id), today()).unwrap();
    assert_eq!(view.state, EvidenceState::Changed);
    assert_eq!(
        versions.len(),
        2,
        "the old version stays: an audit may have seen it"
    );
    for version in &versions {
        assert!(s.ws.vault().verify(&version.sha256).unwrap());
    }
    s.ws.review_evidence(EvidenceId(id), "2027-11-25", today())
        .unwrap();
    let (view, _) = s.ws.evidence_item(EvidenceId(id), today()).unwrap();
    assert_eq!(view.state, EvidenceState::Current);
    assert_eq!(view.record.review_due, Some(date("2027-11-25")));
    assert_eq!(
        scan(&mut s, false).unchanged,
        1,
        "recorded: the next scan sees no change"
    );
}

#[test]
fn a_gone_source_is_missing_and_its_vault_copy_remains() {
    let mut s = setup();
    let policy = s.file("policy.pdf", "policy v1");
    let id = Setup::added_id(&s.add(&[&policy], &["1.1.a"]));
    std::fs::remove_file(&policy).unwrap();
    let report = scan(&mut s, false);
    assert_eq!(report.missing, [id]);
    let (view, _) = s.ws.evidence_item(EvidenceId(id), today()).unwrap();
    assert_eq!(view.state, EvidenceState::Missing);
    assert!(s.ws.vault().verify(&view.record.sha256).unwrap());
    std::fs::write(&policy, "policy v1").unwrap();
    scan(&mut s, false);
    let (view, _) = s.ws.evidence_item(EvidenceId(id), today()).unwrap();
    assert_eq!(
        view.state,
        EvidenceState::Current,
        "a source that is back is current again"
    );
}

#[test]
fn only_a_deep_scan_sees_content_changed_behind_an_unchanged_stamp() {
    let mut s = setup();
    let policy = s.file("policy.pdf", "policy v1");
    let id = Setup::added_id(&s.add(&[&policy], &["1.1.a"]));
    let modified = std::fs::metadata(&policy).unwrap().modified().unwrap();
    // Same size, same modification time, different content: a tool that restores times.
    std::fs::write(&policy, "policy v2").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&policy)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert_eq!(scan(&mut s, false).unchanged, 1);
    assert_eq!(scan(&mut s, true).changed, [id]);
}

#[test]
fn a_cancelled_scan_records_nothing_it_did_not_look_at() {
    let mut s = setup();
    let policy = s.file("policy.pdf", "policy v1");
    s.add(&[&policy], &["1.1.a"]);
    std::fs::write(&policy, "policy version 2").unwrap();
    let report =
        s.ws.scan_evidence(false, now(), &no_progress, &AtomicBool::new(true))
            .unwrap();
    assert!(report.cancelled);
    assert_eq!(report.not_scanned, 1);
    assert!(report.changed.is_empty());
    assert_eq!(
        scan(&mut s, false).changed.len(),
        1,
        "the next scan still finds the change"
    );
}

#[test]
fn a_plan_made_in_slices_lists_what_one_go_lists_and_what_was_added_between_slices() {
    let mut s = setup();
    let files: Vec<_> = (0..5)
        .map(|i| s.file(&format!("doc{i}.pdf"), &format!("content {i}")))
        .collect();
    for file in &files {
        s.add(&[file], &["1.1.a"]);
    }
    let ids = |plan: &ScanPlan| plan.items.iter().map(|i| i.id).collect::<Vec<_>>();
    let whole = s.ws.plan_scan(false).unwrap();
    assert_eq!(whole.sources(), 5);
    let mut sliced = s.ws.begin_scan(false);
    assert!(s.ws.extend_scan(&mut sliced, 2).unwrap());
    assert_eq!(sliced.sources(), 2);
    // Added while the plan is made: a later slice takes it.
    let late = s.file("late.pdf", "late");
    let late_id = Setup::added_id(&s.add(&[&late], &["1.1.a"]));
    while s.ws.extend_scan(&mut sliced, 2).unwrap() {}
    let mut expected = ids(&whole);
    expected.push(late_id);
    assert_eq!(ids(&sliced), expected, "each source once, by id");
    // The sliced plan runs and applies like the whole one.
    let results = sliced.run(&no_progress, &not_cancelled());
    let report = s.ws.apply_scan(results, now()).unwrap();
    assert_eq!(report.unchanged, 6);
}

/// A workspace shared by several desks (issue 20): a source another computer recorded in a
/// folder this one cannot reach is not reachable from here, never missing, and nothing about
/// it changes; one in a folder both reach is checked; one recorded here is missing when gone.
#[test]
fn a_source_another_desk_recorded_where_this_one_cannot_reach_is_not_called_missing() {
    let mut s = setup();
    let theirs = s.file("anna/laptop/policy.pdf", "policy");
    let shared = s.file("share/plan.pdf", "plan");
    let gone_shared = s.file("share/old.pdf", "old");
    let mine = s.file("mine/notes.pdf", "notes");
    let ids: Vec<i64> = [&theirs, &shared, &gone_shared, &mine]
        .map(|p| Setup::added_id(&s.add(&[p], &[])))
        .to_vec();
    // The first three were recorded on Anna's laptop; the last on this computer.
    for id in &ids[..3] {
        table::set_desk(s.ws.db.conn(), *id, "ANNAS-LAPTOP").unwrap();
    }
    // Her laptop's folder is not here; the share is; two files are gone.
    std::fs::remove_dir_all(theirs.parent().unwrap()).unwrap();
    std::fs::remove_file(&gone_shared).unwrap();
    std::fs::remove_dir_all(mine.parent().unwrap()).unwrap();
    let report = scan(&mut s, false);
    assert_eq!(report.unreachable, [ids[0]]);
    assert_eq!(report.missing, [ids[2], ids[3]]);
    assert_eq!(report.unchanged, 1, "the shared plan is checked from here");
    assert_eq!(
        report.titles.get(&ids[0]).map(String::as_str),
        Some("policy.pdf")
    );
    let (view, _) = s.ws.evidence_item(EvidenceId(ids[0]), today()).unwrap();
    assert_ne!(view.state, EvidenceState::Missing, "not marked missing");
    let wire = crate::wire::scan_report(&report, csmsdesk_core::i18n::Lang::English);
    let outcomes: Vec<&str> = wire.items.iter().map(|i| i.outcome).collect();
    assert_eq!(outcomes, ["missing", "missing", "unreachable"]);
}
