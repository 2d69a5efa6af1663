//! Any bytes as the `content.xml` of an .ods: read, parsed as an import parses it, and what
//! calamine then holds compared with what was measured before it read the file.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    csmsdesk_workbook::fuzzing::ods(bytes);
});
