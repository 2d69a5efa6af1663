//! Any bytes as a backup to check, as `csmsdesk-cli restore --check` does.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    csmsdesk_workspace::fuzzing::backup_restore(bytes);
});
