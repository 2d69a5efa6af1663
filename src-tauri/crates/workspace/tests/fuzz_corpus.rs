//! Replays the fuzz corpus of `package_verify` (`fuzz/corpus/package_verify/`) through
//! the body of the fuzz target, so that `cargo test` checks every input libFuzzer kept (and
//! every crash it found, once fixed) without libFuzzer or a nightly compiler.

use std::path::Path;

#[test]
fn every_saved_input_of_the_package_verify_target_is_verified_without_an_error() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../fuzz/corpus/package_verify");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the corpus {} is missing: {e}", dir.display()))
        .map(|entry| entry.expect("a corpus entry").path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "the corpus {} is empty", dir.display());
    for input in &inputs {
        let bytes = std::fs::read(input).expect("a corpus file reads");
        // The panic's own message is printed by the hook; this names the input that caused it.
        if std::panic::catch_unwind(|| csmsdesk_workspace::fuzzing::package_verify(&bytes)).is_err()
        {
            panic!("{} fails the package_verify target", input.display());
        }
    }
}
