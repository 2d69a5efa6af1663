//! Tauri commands, one file per feature. Each takes `State` and plain arguments, checks the
//! arguments, calls one `workspace` function and converts the result for transport.

pub mod audit;
pub mod catalogue;
pub mod evidence;
pub mod i18n;
pub mod profile;
pub mod scope;
pub mod workspace;

#[cfg(test)]
include!("names.rs");
