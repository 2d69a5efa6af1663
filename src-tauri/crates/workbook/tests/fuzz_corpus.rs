//! Replays the fuzz corpus of `catalogue_reader` (`fuzz/corpus/catalogue_reader/`) through the body of the
//! fuzz target, so that `cargo test` checks every input libFuzzer kept (and every crash it
//! found, once fixed).

include!("../../../../fuzz/replay.rs");

#[test]
fn every_saved_input_of_the_catalogue_reader_target_is_read_without_a_panic() {
    replay(
        "catalogue_reader",
        csmsdesk_workbook::fuzzing::catalogue_reader,
    );
}
