use super::*;
use crate::test_support::*;

#[test]
fn a_stored_version_is_copied_under_its_file_name_read_only_and_the_source_is_found() {
    let mut s = setup();
    let policy = s.file("policy.pdf", "policy v1");
    let id = EvidenceId(Setup::added_id(&s.add(&[&policy], &[])));
    std::fs::write(&policy, "policy v2, longer").unwrap();
    s.ws.scan_evidence(false, now(), &no_progress, &not_cancelled())
        .unwrap();
    let newest = s.ws.evidence_copy(id, None).unwrap();
    assert_eq!(newest.file_name().unwrap(), "policy.pdf");
    assert_eq!(
        std::fs::read_to_string(&newest).unwrap(),
        "policy v2, longer"
    );
    assert!(std::fs::metadata(&newest).unwrap().permissions().readonly());
    assert!(
        s.ws.folder().is_none_or(|dir| !newest.starts_with(dir)),
        "never the vault's own file"
    );
    let first = s.ws.evidence_copy(id, Some(1)).unwrap();
    assert_eq!(std::fs::read_to_string(&first).unwrap(), "policy v1");
    assert_ne!(
        first.parent(),
        newest.parent(),
        "each copy in its own folder"
    );
    let error = s.ws.evidence_copy(id, Some(3)).unwrap_err();
    assert_eq!(
        error.field_errors()[0].message.key,
        "evidence.no_such_version"
    );
    assert_eq!(
        s.ws.evidence_source(id).unwrap(),
        crate::evidence::add::recorded_path(&policy)
    );
    std::fs::remove_file(&policy).unwrap();
    let error = s.ws.evidence_source(id).unwrap_err();
    assert_eq!(error.field_errors()[0].message.key, "evidence.source_gone");
    for dir in [first.parent().unwrap(), newest.parent().unwrap()] {
        let mut p = std::fs::metadata(dir.join("policy.pdf"))
            .unwrap()
            .permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        p.set_readonly(false);
        std::fs::set_permissions(dir.join("policy.pdf"), p).unwrap();
        std::fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn copies_older_than_a_day_are_removed_when_the_next_one_is_made() {
    let mut s = setup();
    let policy = s.file("policy.pdf", "policy v1");
    let id = EvidenceId(Setup::added_id(&s.add(&[&policy], &[])));
    let temp = std::env::temp_dir();
    let old = tempfile::Builder::new()
        .prefix(COPY_PREFIX)
        .tempdir_in(&temp)
        .unwrap()
        .keep();
    let recent = tempfile::Builder::new()
        .prefix(COPY_PREFIX)
        .tempdir_in(&temp)
        .unwrap()
        .keep();
    let other = tempfile::Builder::new()
        .prefix("someone-else-")
        .tempdir_in(&temp)
        .unwrap()
        .keep();
    // As the app leaves a copy: read-only (which Windows will not delete as it is).
    let secret = old.join("secret.pdf");
    std::fs::write(&secret, "old copy").unwrap();
    let mut permissions = std::fs::metadata(&secret).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&secret, permissions).unwrap();
    let two_days_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 86_400);
    for dir in [&old, &other] {
        open_for_times(dir).set_modified(two_days_ago).unwrap();
    }
    let copy = s.ws.evidence_copy(id, None).unwrap();
    assert!(!old.exists(), "a copy of two days ago is gone");
    assert!(recent.exists(), "a recent copy may still be open");
    assert!(other.exists(), "another program's folder is left alone");
    for dir in [recent, other, copy.parent().unwrap().to_owned()] {
        let file = dir.join("policy.pdf");
        if file.exists() {
            let mut p = std::fs::metadata(&file).unwrap().permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            p.set_readonly(false);
            std::fs::set_permissions(&file, p).unwrap();
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}

/// A folder opened so that its times can be set: Windows opens a folder only with backup
/// semantics and asks for the right to write attributes.
fn open_for_times(dir: &std::path::Path) -> std::fs::File {
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt as _;
        const FILE_WRITE_ATTRIBUTES: u32 = 0x0100;
        const FILE_FLAG_BACKUP_SEMANTICS: u32 = 0x0200_0000;
        std::fs::OpenOptions::new()
            .access_mode(FILE_WRITE_ATTRIBUTES)
            .custom_flags(FILE_FLAG_BACKUP_SEMANTICS)
            .open(dir)
            .unwrap()
    }
    #[cfg(not(windows))]
    std::fs::File::open(dir).unwrap()
}
