//! What each command does, one file per feature as in the app's `src-tauri/src/commands/`.
//!
//! Each `run` takes the open workspace, the parsed arguments and the output, calls one use case
//! of `csmsdesk-workspace` and prints what it returns. It returns `Ok(false)` when the command
//! ran but reports a failure (a failed check), which `main` turns into exit code 1.

pub mod audit;
pub mod audit_results;
pub mod catalogue;
pub mod deadlines;
pub mod evidence;
pub mod evidence_work;
pub mod package;
pub mod profile;
pub mod report;
pub mod rules;
pub mod scope;
pub mod team;
pub mod trust;
