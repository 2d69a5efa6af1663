//! The bodies of the `package_verify` and `backup_restore` fuzz targets (`fuzz/`), shared with
//! the replay of their saved corpora in `tests/fuzz_corpus.rs`, so that `cargo test` runs every
//! input the fuzzer kept.
//!
//! Not an API: it panics on purpose when a property fails.

use std::io::Cursor;

use csmsdesk_core::i18n::Lang;

use crate::verify_package_reader;

/// Verifies `bytes` as a package. Bytes in memory cannot fail to read, so whatever they hold,
/// verifying reports problems (never an error) and every problem renders.
pub fn package_verify(bytes: &[u8]) {
    let report = verify_package_reader(Cursor::new(bytes), "fuzz.zip")
        .expect("damaged bytes are reported as problems, not as an error");
    if report.ok() {
        assert!(
            report.entries >= 2,
            "an intact package has its sums and manifest"
        );
    }
    for problem in &report.problems {
        for lang in Lang::ALL {
            assert!(!problem.render(lang).is_empty());
        }
    }
}

/// Checks `bytes` as a backup, as `restore --check` does: the database is unpacked into a
/// hidden folder in this process's own temporary folder (removed afterwards), the vault
/// contents only hashed. Whatever the bytes hold: no panic, no failure "inside" (every refusal
/// is a message about the backup), every message renders, and nothing is left behind.
pub fn backup_restore(bytes: &[u8]) {
    static FOLDER: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let folder = FOLDER
        .get_or_init(|| tempfile::tempdir().expect("a temporary folder"))
        .path();
    let checked = crate::backup::check_backup_in(
        Cursor::new(bytes),
        std::path::Path::new("fuzz.csmsbackup"),
        folder,
        &|_| {},
        &std::sync::atomic::AtomicBool::new(false),
    );
    match checked {
        Ok(report) => assert!(report.dir.is_none(), "a check restores nothing"),
        Err(e) => {
            assert_ne!(
                e.code(),
                crate::ErrorCode::Internal,
                "a hostile backup is refused with a message, not as a failure inside: {e:?}"
            );
            for lang in Lang::ALL {
                assert!(!e.message().render(lang).is_empty());
                for field in e.field_errors() {
                    assert!(!field.message.render(lang).is_empty());
                }
            }
        }
    }
    let left = std::fs::read_dir(folder).map_or(0, |entries| entries.count());
    assert_eq!(left, 0, "the check's hidden folder is removed");
}
