use super::*;
use crate::test_support::{not_cancelled, now, setup, setup_in_folder};
use crate::{ErrorCode, LocationInput};

#[test]
fn use_cases_leave_entries_naming_their_source_and_the_chain_verifies() {
    let mut s = setup();
    s.ws.set_journal_source("cli evidence add");
    let file = s.file("policy.pdf", "policy v1");
    s.add(&[&file], &["1.1.a"]);
    let newest = s.ws.journal_page(None, None, None, 50).unwrap();
    assert!(
        newest
            .iter()
            .any(|e| e.table == "evidence" && e.op == "insert" && e.source == "cli evidence add"),
        "{newest:#?}"
    );
    assert!(newest.iter().any(|e| e.table == "evidence_link"));
    let report = s.ws.journal_verify().unwrap();
    assert!(report.ok(), "{report:?}");
    assert!(
        report.entries > 100,
        "the demo catalogue import is journalled too"
    );
    assert_eq!(
        report.head.as_ref().map(|h| h.seq),
        newest.first().map(|e| e.seq)
    );
    // Pages go back in time without overlap.
    let older =
        s.ws.journal_page(newest.last().map(|e| e.seq), None, None, 50)
            .unwrap();
    assert!(older.iter().all(|e| e.seq < newest.last().unwrap().seq));
    let only_links =
        s.ws.journal_page(None, Some("evidence_link"), None, 50)
            .unwrap();
    assert!(!only_links.is_empty() && only_links.iter().all(|e| e.table == "evidence_link"));
    assert!(
        s.ws.journal_tables()
            .unwrap()
            .contains(&"evidence_link".to_owned())
    );
}

#[test]
fn a_refused_change_leaves_no_entry() {
    let mut s = setup();
    let before = s.ws.journal_verify().unwrap().entries;
    let err =
        s.ws.add_location(&LocationInput {
            name: "Plant Nord".into(),
            ..LocationInput::default()
        })
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert_eq!(s.ws.journal_verify().unwrap().entries, before);
}

#[test]
fn the_check_rehashes_every_vault_copy_and_names_a_damaged_or_missing_one() {
    // Damage behind the vault's back is done to a folder's files here (in the database:
    // the vault's twin tests).
    let mut s = setup_in_folder();
    let a = s.file("a.txt", "content a");
    let b = s.file("b.txt", "content b");
    s.add(&[&a, &b], &["1.1.a"]);
    let report = s.ws.check(&not_cancelled()).unwrap();
    assert!(report.ok(), "{report:?}");
    assert_eq!(report.blobs_checked, 2);
    let vault = s.ws.vault();
    let sha_a = csmsdesk_store::vault::hash_file(&a, &not_cancelled())
        .unwrap()
        .0
        .sha256;
    let sha_b = csmsdesk_store::vault::hash_file(&b, &not_cancelled())
        .unwrap()
        .0
        .sha256;
    // Damage behind the vault's back: in its folder.
    let blob_a = vault.blob_path(&sha_a).expect("a folder vault");
    let mut perms = std::fs::metadata(&blob_a).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&blob_a, perms).unwrap();
    std::fs::write(&blob_a, "tampered").unwrap();
    std::fs::remove_file(vault.blob_path(&sha_b).expect("a folder vault")).unwrap();
    let report = s.ws.check(&not_cancelled()).unwrap();
    assert!(!report.ok());
    let keys: Vec<&str> = report.blob_problems.iter().map(|m| m.key).collect();
    assert_eq!(keys.len(), 2, "{keys:?}");
    assert!(keys.contains(&"check.blob_damaged") && keys.contains(&"check.blob_missing"));
    assert!(report.integrity.is_empty());
}

#[test]
fn a_read_only_workspace_reads_and_refuses_every_change() {
    let s = setup_in_folder();
    let dir = s.ws.dir().to_owned();
    let ro = Workspace::open_read_only(&dir).unwrap();
    assert!(ro.is_read_only() && !s.ws.is_read_only());
    assert_eq!(ro.scopes().unwrap().len(), 1);
    let before = ro.journal_verify().unwrap();
    let mut ro = ro;
    let err = ro
        .add_location(&LocationInput {
            name: "Plant Süd".into(),
            ..LocationInput::default()
        })
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::ReadOnly, "{err:?}");
    assert_eq!(err.message().key, "error.read_only");
    assert_eq!(ro.journal_verify().unwrap(), before);
    let _ = now();
}
