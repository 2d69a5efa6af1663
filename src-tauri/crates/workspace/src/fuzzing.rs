//! The body of the `package_verify` fuzz target (`fuzz/`), shared with the replay of its saved
//! corpus in `tests/fuzz_corpus.rs`, so that `cargo test` runs every input the fuzzer kept.
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
