//! Any bytes as a catalogue workbook: read, then parsed as an import parses it.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    csmsdesk_workbook::fuzzing::catalogue_reader(bytes);
});
