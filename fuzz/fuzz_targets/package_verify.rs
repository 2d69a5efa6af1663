//! Any bytes as a submission package to verify.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    csmsdesk_workspace::fuzzing::package_verify(bytes);
});
