//! Replays the fuzz corpora of `package_verify` and `backup_restore` (`fuzz/corpus/<target>/`)
//! through the bodies of the fuzz targets, so that `cargo test` checks every input libFuzzer
//! kept (and every crash it found, once fixed).

include!("../../../../fuzz/replay.rs");

#[test]
fn every_saved_input_of_the_package_verify_target_is_verified_without_an_error() {
    replay(
        "package_verify",
        csmsdesk_workspace::fuzzing::package_verify,
    );
}

#[test]
fn every_saved_input_of_the_backup_restore_target_is_checked_without_a_failure_inside() {
    replay(
        "backup_restore",
        csmsdesk_workspace::fuzzing::backup_restore,
    );
}
