//! The `setting` table: editable rules (key → text) that replace built-in defaults.

use rusqlite::{Connection, OptionalExtension as _};

use crate::Result;

/// The applicability matrix in its text form (`core::scope::DEFAULT_MATRIX` when unset).
pub const APPLICABILITY_MATRIX: &str = "scope.applicability_matrix";
/// Days after the audit within which a TISAX label expiry earns a warning.
pub const LABEL_EXPIRY_WARNING_DAYS: &str = "scope.label_expiry_warning_days";

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}
