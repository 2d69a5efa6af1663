//! The workspace schema on PostgreSQL: append-only migrations in `migrations-pg/`, one per
//! SQLite migration and in step with it, applied in one transaction; the version is kept in
//! `csmsdesk.schema_version` (SQLite keeps it in `user_version`).

use postgres::{Client, GenericClient};

use super::SCHEMA;
use crate::{Error, Result};

/// The schema, as an append-only list: file N makes on PostgreSQL what SQLite's migration N
/// makes (a test compares the tables, columns and indexes both end up with). Never edit one
/// that has shipped: add a new file to both lists.
pub const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations-pg/0001_workspace.sql"),
    include_str!("../../migrations-pg/0002_catalogue.sql"),
    include_str!("../../migrations-pg/0003_scope.sql"),
    include_str!("../../migrations-pg/0004_evidence.sql"),
    include_str!("../../migrations-pg/0005_audit.sql"),
    include_str!("../../migrations-pg/0006_exchange.sql"),
    include_str!("../../migrations-pg/0007_journal.sql"),
    include_str!("../../migrations-pg/0008_list_indexes.sql"),
    include_str!("../../migrations-pg/0009_catalogue_original.sql"),
    include_str!("../../migrations-pg/0010_evidence_content.sql"),
    include_str!("../../migrations-pg/0011_sort_keys.sql"),
    include_str!("../../migrations-pg/0012_journal_head_at_commit.sql"),
    include_str!("../../migrations-pg/0013_members.sql"),
    include_str!("../../migrations-pg/0014_concurrent_edits.sql"),
];

/// The schema version this build writes on PostgreSQL (the same number as on SQLite).
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The key of the advisory lock two clients migrating at once serialise on (any constant
/// works; this one is "CSMSDESK" in ASCII).
const MIGRATION_LOCK: i64 = 0x4353_4D53_4445_534B;

/// Creates or updates the workspace schema of the connected database, in one transaction,
/// and returns the version it had before (0 for a new workspace). A database holding other
/// things but not our schema, and one of a newer version, are refused without any change.
pub fn migrate(client: &mut Client) -> Result<i64> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    let found = schema_version(&mut tx)?;
    if found > SCHEMA_VERSION {
        return Err(Error::PgNewerSchema {
            database: current_database(&mut tx)?,
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found == 0 {
        let foreign = foreign_objects(&mut tx)?;
        if !foreign.is_empty() {
            return Err(Error::PgForeignDatabase {
                database: current_database(&mut tx)?,
                found: foreign,
            });
        }
        tx.batch_execute(&format!(
            "CREATE SCHEMA IF NOT EXISTS {SCHEMA};
             CREATE TABLE {SCHEMA}.schema_version (
                 id      BIGINT PRIMARY KEY CHECK (id = 1),
                 version BIGINT NOT NULL
             );
             INSERT INTO {SCHEMA}.schema_version (id, version) VALUES (1, 0);"
        ))?;
    }
    if found < SCHEMA_VERSION {
        // Unqualified names in the migrations are ours, whatever the connection said.
        tx.batch_execute(&format!("SET LOCAL search_path = {SCHEMA}"))?;
        for sql in &MIGRATIONS[found as usize..] {
            if let Err(e) = tx.batch_execute(sql) {
                // A member who does not own the schema cannot change it: say who may.
                if e.code() == Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE) {
                    drop(tx);
                    return Err(Error::PgOwnerMustUpdate {
                        database: current_database(client)?,
                        owner: client
                            .query_one(
                                "SELECT pg_get_userbyid(datdba)::text FROM pg_database
                                  WHERE datname = current_database()",
                                &[],
                            )?
                            .get(0),
                        found,
                        supported: SCHEMA_VERSION,
                    });
                }
                return Err(Error::Postgres(e));
            }
        }
        tx.execute(
            &format!("UPDATE {SCHEMA}.schema_version SET version = $1 WHERE id = 1"),
            &[&SCHEMA_VERSION],
        )?;
        crate::evidence::fill_sort_keys(&std::cell::RefCell::new(&mut tx))?;
        // The schema changed: journal the new tables and columns too.
        super::journal::refresh_triggers(&mut tx)?;
    }
    tx.commit()?;
    Ok(found)
}

/// The version the connected database's workspace has: 0 when it has none.
pub fn schema_version(client: &mut impl GenericClient) -> Result<i64> {
    let exists: bool = client
        .query_one(
            &format!("SELECT to_regclass('{SCHEMA}.schema_version') IS NOT NULL"),
            &[],
        )?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let version: Option<i64> = client
        .query_opt(
            &format!("SELECT version FROM {SCHEMA}.schema_version WHERE id = 1"),
            &[],
        )?
        .map(|row| row.get(0));
    Ok(version.unwrap_or(0))
}

/// What makes a database without our version table someone else's: the schemas it has
/// beyond the built-in ones and an empty `public` (an empty `csmsdesk` one, made beforehand
/// by an administrator for its grants, is ours), and the tables, views and sequences in
/// any schema. At most ten names, `schema.name`, sorted.
pub(crate) fn foreign_objects(client: &mut impl GenericClient) -> Result<Vec<String>> {
    let rows = client.query(
        "SELECT name FROM (
             SELECT n.nspname || '.' || c.relname AS name
               FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                AND n.nspname NOT LIKE 'pg\\_toast%'
                AND n.nspname NOT LIKE 'pg\\_temp%'
             UNION
             SELECT nspname || ' (schema)'
               FROM pg_namespace
              WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public', $1)
                AND nspname NOT LIKE 'pg\\_%'
         ) objects
         ORDER BY name
         LIMIT 10",
        &[&SCHEMA],
    )?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

fn current_database(client: &mut impl GenericClient) -> Result<String> {
    Ok(client.query_one("SELECT current_database()", &[])?.get(0))
}
