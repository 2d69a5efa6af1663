//! Replays the fuzz corpus of `catalogue_reader` (`fuzz/corpus/catalogue_reader/`) through
//! the body of the fuzz target, so that `cargo test` checks every input libFuzzer kept (and
//! every crash it found, once fixed) without libFuzzer or a nightly compiler.

use std::path::Path;

#[test]
fn every_saved_input_of_the_catalogue_reader_target_is_read_without_a_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../fuzz/corpus/catalogue_reader");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the corpus {} is missing: {e}", dir.display()))
        .map(|entry| entry.expect("a corpus entry").path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "the corpus {} is empty", dir.display());
    for input in &inputs {
        let bytes = std::fs::read(input).expect("a corpus file reads");
        // The panic's own message is printed by the hook; this names the input that caused it.
        if std::panic::catch_unwind(|| csmsdesk_workbook::fuzzing::catalogue_reader(&bytes))
            .is_err()
        {
            panic!("{} fails the catalogue_reader target", input.display());
        }
    }
}
