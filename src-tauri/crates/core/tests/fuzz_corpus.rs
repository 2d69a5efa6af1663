//! Replays the fuzz corpus of `reference_tags` (`fuzz/corpus/reference_tags/`) through the body of the
//! fuzz target, so that `cargo test` checks every input libFuzzer kept (and every crash it
//! found, once fixed).

include!("../../../../fuzz/replay.rs");

#[test]
fn every_saved_input_of_the_reference_tags_target_keeps_the_tag_properties() {
    replay("reference_tags", csmsdesk_core::fuzzing::reference_tags);
}
