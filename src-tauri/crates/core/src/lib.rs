//! Domain types and rules of CSMS Desk, free of IO: no files, no clock, no SQL, no JSON.
//!
//! Everything here is a pure function of its arguments, so the rules can be tested alone and
//! both shells (the desktop app and `csmsdesk-cli`) get the same answers.

pub mod audit;
pub mod catalogue;
pub mod company;
pub mod dates;
pub mod deadlines;
pub mod evidence;
/// The bodies of the fuzz targets in `fuzz/`, public for them and the corpus replay test.
#[doc(hidden)]
pub mod fuzzing;
pub mod grid;
pub mod i18n;
pub mod ics;
pub mod ids;
pub mod journal;
pub mod labels;
pub mod order;
pub mod package;
pub mod readiness;
pub mod results;
pub mod scope;
