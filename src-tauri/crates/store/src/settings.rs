//! The `setting` table: editable rules (key → text) that replace built-in defaults.
//!
//! Written against [`Sql`], so it runs on SQLite and PostgreSQL alike (the first store module
//! that does: docs/POSTGRES.md, "Next").

use crate::Result;
use crate::sql::{Sql, SqlExt as _, params};

/// The applicability matrix in its text form (`core::scope::DEFAULT_MATRIX` when unset).
pub const APPLICABILITY_MATRIX: &str = "scope.applicability_matrix";
/// Days after the audit within which a TISAX label expiry earns a warning.
pub const LABEL_EXPIRY_WARNING_DAYS: &str = "scope.label_expiry_warning_days";

pub fn get(conn: &(impl Sql + ?Sized), key: &str) -> Result<Option<String>> {
    conn.optional(
        "SELECT value FROM setting WHERE key = ?1",
        params![key],
        |row| row.get(0),
    )
}

pub fn set(conn: &(impl Sql + ?Sized), key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same checks on whichever engine `conn` is.
    pub(crate) fn settings_round_trip(conn: &dyn Sql) {
        assert_eq!(get(conn, "k").unwrap(), None);
        set(conn, "k", "first").unwrap();
        set(conn, "other", "x").unwrap();
        assert_eq!(get(conn, "k").unwrap().as_deref(), Some("first"));
        set(conn, "k", "second, with 'quotes' and ?1").unwrap();
        assert_eq!(
            get(conn, "k").unwrap().as_deref(),
            Some("second, with 'quotes' and ?1")
        );
        assert_eq!(get(conn, "other").unwrap().as_deref(), Some("x"));
        let count: i64 = conn
            .query_row("SELECT count(*) FROM setting", params![], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 2, "set replaces, never adds a row");
    }

    #[test]
    fn settings_on_sqlite() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::db::migrations().to_latest(&mut conn).unwrap();
        settings_round_trip(&conn);
    }

    #[test]
    fn settings_on_postgresql() {
        use crate::pg::test_server::{TestDb, server};
        let Some(admin) = server() else { return };
        let db = TestDb::create(&admin);
        let conn = crate::sql::PgConn::new(db.connect());
        crate::pg::migrate(&mut conn.client()).unwrap();
        settings_round_trip(&conn);
    }
}
