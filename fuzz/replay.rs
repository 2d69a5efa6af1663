// Replaying a fuzz target's saved corpus as an ordinary test, without libFuzzer or a nightly
// compiler: included (`include!`) by the `tests/fuzz_corpus.rs` of each crate a target covers.

/// Runs `body` (the fuzz target's body) on every file in `fuzz/corpus/<target>/`, naming the
/// input that makes it panic; fails if the corpus is missing or empty.
fn replay(target: &str, body: impl Fn(&[u8]) + std::panic::RefUnwindSafe) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../fuzz/corpus")
        .join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the corpus {} is missing: {e}", dir.display()))
        .map(|entry| entry.expect("a corpus entry").path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "the corpus {} is empty", dir.display());
    for input in &inputs {
        let bytes = std::fs::read(input).expect("a corpus file reads");
        // The panic's own message is printed by the hook; this names the input that caused it.
        if std::panic::catch_unwind(|| body(&bytes)).is_err() {
            panic!("{} fails the {target} target", input.display());
        }
    }
}
