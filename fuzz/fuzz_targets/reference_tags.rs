//! Any text as a catalogue cell of reference tags.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    csmsdesk_core::fuzzing::reference_tags(bytes);
});
