//! Replays the fuzz corpus of `package_verify` (`fuzz/corpus/package_verify/`) through the body of the
//! fuzz target, so that `cargo test` checks every input libFuzzer kept (and every crash it
//! found, once fixed).

include!("../../../../fuzz/replay.rs");

#[test]
fn every_saved_input_of_the_package_verify_target_is_verified_without_an_error() {
    replay(
        "package_verify",
        csmsdesk_workspace::fuzzing::package_verify,
    );
}
