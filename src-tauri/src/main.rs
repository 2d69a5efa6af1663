//! The CSMS Desk desktop app's entry point; everything happens in [`csmsdesk_app::run`].

// No console window beside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    csmsdesk_app::run();
}
