//! Replays the fuzz corpora of `catalogue_reader` (`fuzz/corpus/catalogue_reader/`) and `ods`
//! (`fuzz/corpus/ods/`) through the bodies of the fuzz targets, so that `cargo test` checks
//! every input libFuzzer kept (and every crash it found, once fixed).

include!("../../../../fuzz/replay.rs");

#[test]
fn every_saved_input_of_the_catalogue_reader_target_is_read_without_a_panic() {
    replay(
        "catalogue_reader",
        csmsdesk_workbook::fuzzing::catalogue_reader,
    );
}

#[test]
fn every_saved_input_of_the_ods_target_is_read_within_its_measure() {
    replay("ods", csmsdesk_workbook::fuzzing::ods);
}
