//! The PostgreSQL server the store's tests run against: only one they were pointed at, the
//! throwaway cluster of `pg_virtualenv` that `cargo xtask test` starts
//! (`CSMSDESK_TEST_PG=required`). A test never uses a server from the environment on its
//! own: a developer's `PGHOST` may name a real one.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use postgres::Client;

use super::{PgConfig, PgUrl, connect};

pub(crate) const SKIPPED: &str =
    "SKIPPED: no PostgreSQL (run inside pg_virtualenv or cargo xtask test)";

/// The environment the tests resolve their settings from: this process's, less what they
/// must not pick up from the developer's own files.
pub(crate) fn test_env() -> HashMap<String, String> {
    std::env::vars()
        .filter(|(k, _)| k.starts_with("PG") && k != "PGPASSFILE" && k != "PGSERVICEFILE")
        .filter(|(k, _)| k != "PGSERVICE" && k != "PGSYSCONFDIR")
        .collect()
}

/// The settings of the test server's `postgres` database, or `None` after printing
/// [`SKIPPED`] when the tests were not pointed at one. With `CSMSDESK_TEST_PG=required` a
/// missing server fails the test instead.
pub(crate) fn server() -> Option<PgConfig> {
    let wanted = std::env::var("CSMSDESK_TEST_PG").unwrap_or_default();
    if wanted.is_empty() {
        // Written to stderr itself, past the test harness's capture (which hides what a
        // passing test prints), once per test run.
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "{SKIPPED}\n  (inside pg_virtualenv, set CSMSDESK_TEST_PG=1: the tests never use \
                 a server they were not pointed at)"
            );
        });
        return None;
    }
    assert!(
        std::env::var_os("PGHOST").is_some() && std::env::var_os("PGPORT").is_some(),
        "CSMSDESK_TEST_PG={wanted}, but PGHOST and PGPORT are not set: run the tests inside \
         pg_virtualenv (cargo xtask test does)"
    );
    let env = test_env();
    let url = PgUrl::parse("postgresql:///postgres").expect("a fixed URL");
    Some(
        PgConfig::resolve_with(&url, &|k| env.get(k).cloned()).expect("the test server's settings"),
    )
}

/// A database of its own for one test, dropped when the test ends.
pub(crate) struct TestDb {
    admin: PgConfig,
    pub config: PgConfig,
    pub name: String,
}

impl TestDb {
    pub(crate) fn create(admin: &PgConfig) -> TestDb {
        TestDb::create_with(admin, "")
    }

    /// A database whose texts sort by ICU's root locale (`_a, a, B, b c, bb`), not by their
    /// bytes as the cluster's `C.UTF-8` does: a query that forgets to name its order (SQLite's
    /// by bytes or `NOCASE`) answers differently here, so the twin tests catch it.
    pub(crate) fn create_linguistic(admin: &PgConfig) -> TestDb {
        TestDb::create_with(
            admin,
            " LOCALE_PROVIDER icu ICU_LOCALE 'und' LOCALE 'C.UTF-8' TEMPLATE template0",
        )
    }

    fn create_with(admin: &PgConfig, options: &str) -> TestDb {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "csmsdesk_test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut client = connect(admin).expect("the test server takes connections");
        // One statement per call: several in one string run as one transaction, which
        // CREATE DATABASE refuses.
        client
            .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
            .expect("drop a leftover test database");
        client
            .batch_execute(&format!("CREATE DATABASE {name}{options}"))
            .expect("create a test database");
        let mut config = admin.clone();
        config.database = name.clone();
        TestDb {
            admin: admin.clone(),
            config,
            name,
        }
    }

    pub(crate) fn connect(&self) -> Client {
        connect(&self.config).expect("connect to the test database")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut client) = connect(&self.admin) {
            let _ = client.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}
