//! The journal on PostgreSQL: the per-table triggers that write entries, made from the schema
//! after every migration (as `crate::journal::refresh_triggers` makes SQLite's), the source
//! a session names, and reading the chain back for core's verifier. Sealing and the
//! append-only guard live in `migrations-pg/0007_journal.sql`.
//!
//! An entry's `before` and `after` are JSON objects of the row's columns (texts over 80
//! characters cut with `…`, bytes as `<N bytes>`, as on SQLite); PostgreSQL's JSON text has
//! spaces SQLite's has not (`{"key" : "k"}`), which no reader depends on: the hash covers the
//! text as stored.

use csmsdesk_core::journal::{Entry, Head, Problem, Verifier};
use postgres::GenericClient;

use super::SCHEMA;
use crate::Result;

/// Tables that are not journalled: the journal itself, the schema's version, the records'
/// versions (`revision.rs`: a save's change is journalled in the record's own table), and evidence
/// content (`0010_evidence_content.sql`): its chunks are bytes (an entry would say `<1048576
/// bytes>` a thousand times per GiB) and are written on the vault's own connection, outside
/// the change that names them; the evidence version rows that name a hash are journalled,
/// and the hash proves the content, as the folder's files are not journalled either.
const NOT_JOURNALLED: [&str; 7] = [
    "journal",
    "journal_head",
    "schema_version",
    "row_revision",
    crate::vault::CONTENT_TABLES[0],
    crate::vault::CONTENT_TABLES[1],
    crate::vault::CONTENT_TABLES[2],
];

/// Text values longer than this are cut in an entry (as on SQLite).
const SHORT_TEXT: usize = 80;

/// Replaces the journal triggers of every table with ones made from the current schema. Runs
/// inside the migration's transaction.
pub fn refresh_triggers(client: &mut impl GenericClient) -> Result<()> {
    let old = client.query(
        "SELECT p.proname::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname = $1 AND p.proname LIKE 'journal\\_row\\_%'",
        &[&SCHEMA],
    )?;
    for row in old {
        let name: String = row.get(0);
        // CASCADE drops the trigger that calls it.
        client.batch_execute(&format!("DROP FUNCTION {SCHEMA}.\"{name}\"() CASCADE"))?;
    }
    let tables = client.query(
        "SELECT table_name::text FROM information_schema.tables
          WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name",
        &[&SCHEMA],
    )?;
    for row in tables {
        let table: String = row.get(0);
        if NOT_JOURNALLED.contains(&table.as_str()) {
            continue;
        }
        let columns: Vec<(String, String)> = client
            .query(
                "SELECT column_name::text, data_type::text FROM information_schema.columns
                  WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position",
                &[&SCHEMA, &table],
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let key: Vec<String> = client
            .query(
                "SELECT a.attname::text
                   FROM pg_index i
                   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                  WHERE i.indrelid = format('%I.%I', $1::text, $2::text)::regclass
                    AND i.indisprimary
                  ORDER BY array_position(i.indkey, a.attnum)",
                &[&SCHEMA, &table],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect();
        client.batch_execute(&trigger_sql(&table, &columns, &key))?;
    }
    Ok(())
}

/// The trigger function and trigger of `table`, whose `columns` are (name, data type) and
/// whose primary key is `key`.
fn trigger_sql(table: &str, columns: &[(String, String)], key: &[String]) -> String {
    let short = |row: &str, (col, ty): &(String, String)| {
        let x = format!("{row}.\"{col}\"");
        match ty.as_str() {
            "text" => format!(
                "CASE WHEN length({x}) > {SHORT_TEXT} THEN substr({x}, 1, {cut}) || '…' ELSE {x} END",
                cut = SHORT_TEXT - 1
            ),
            "bytea" => format!("'<' || length({x}) || ' bytes>'"),
            _ => x,
        }
    };
    let key_of = |row: &str| {
        let parts: Vec<String> = key.iter().map(|c| format!("{row}.\"{c}\"")).collect();
        format!("json_build_array({})::text", parts.join(", "))
    };
    let whole = |row: &str| {
        let parts: Vec<String> = columns
            .iter()
            .map(|c| format!("'{}', {}", c.0, short(row, c)))
            .collect();
        format!("json_build_object({})::text", parts.join(", "))
    };
    let changed = |row: &str| {
        let parts: Vec<String> = columns
            .iter()
            .map(|c| {
                format!(
                    "('{name}', to_json({v}), OLD.\"{name}\" IS DISTINCT FROM NEW.\"{name}\")",
                    name = c.0,
                    v = short(row, c)
                )
            })
            .collect();
        format!(
            "(SELECT json_object_agg(k, v)::text FROM (VALUES {}) AS c (k, v, changed) WHERE changed)",
            parts.join(", ")
        )
    };
    let any_change: Vec<String> = columns
        .iter()
        .map(|(c, _)| format!("OLD.\"{c}\" IS DISTINCT FROM NEW.\"{c}\""))
        .collect();
    let insert = |op: &str, key: String, before: String, after: String| {
        format!(
            "INSERT INTO {SCHEMA}.journal (at, \"user\", source, tbl, op, row_key, before, after)
             VALUES ({SCHEMA}.journal_now(), session_user, {SCHEMA}.journal_source(), '{table}',
                     '{op}', {key}, {before}, {after});"
        )
    };
    format!(
        "CREATE FUNCTION {SCHEMA}.\"journal_row_{table}\"() RETURNS trigger
         LANGUAGE plpgsql SECURITY DEFINER SET search_path = {SCHEMA} AS $f$
         BEGIN
             IF TG_OP = 'INSERT' THEN
                 {}
             ELSIF TG_OP = 'UPDATE' THEN
                 IF {} THEN
                     {}
                 END IF;
             ELSE
                 {}
             END IF;
             RETURN NULL;
         END;
         $f$;
         CREATE TRIGGER \"journal_{table}\" AFTER INSERT OR UPDATE OR DELETE ON {SCHEMA}.\"{table}\"
         FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.\"journal_row_{table}\"();",
        insert("insert", key_of("NEW"), "NULL".into(), whole("NEW")),
        any_change.join(" OR "),
        insert("update", key_of("NEW"), changed("OLD"), changed("NEW")),
        insert("delete", key_of("OLD"), whole("OLD"), "NULL".into()),
    )
}

/// Names what makes the following changes of this session in the journal (`app`,
/// `cli evidence add`); without it an entry names the client's `application_name`.
pub fn set_source(client: &mut impl GenericClient, source: &str) -> Result<()> {
    client.execute(
        "SELECT set_config('csmsdesk.source', $1, false)",
        &[&source],
    )?;
    Ok(())
}

const ENTRIES_SQL: &str =
    "SELECT seq, at, \"user\", source, tbl, op, row_key, before, after, prev_hash, hash
       FROM journal ORDER BY seq";

fn entry(r: &postgres::Row) -> Entry {
    Entry {
        seq: r.get(0),
        at: r.get(1),
        user: r.get(2),
        source: r.get(3),
        table: r.get(4),
        op: r.get(5),
        key: r.get(6),
        before: r.get(7),
        after: r.get(8),
        prev_hash: r.get(9),
        hash: r.get(10),
    }
}

/// Every entry, oldest first.
pub fn entries(client: &mut impl GenericClient) -> Result<Vec<Entry>> {
    Ok(client.query(ENTRIES_SQL, &[])?.iter().map(entry).collect())
}

/// Checks the whole journal against its head with core's verifier (the same verdicts as on
/// SQLite): how many entries, the head, and every problem. The rows stream in (memory stays
/// bounded however long the journal is).
pub fn verify(client: &mut impl GenericClient) -> Result<(usize, Option<Head>, Vec<Problem>)> {
    use postgres::fallible_iterator::FallibleIterator as _;
    let mut verifier = Verifier::new();
    let mut rows = client.query_raw(ENTRIES_SQL, std::iter::empty::<i64>())?;
    while let Some(row) = rows.next()? {
        verifier.push(&entry(&row));
    }
    drop(rows);
    let head = client
        .query_opt("SELECT seq, hash FROM journal_head WHERE id = 1", &[])?
        .map(|r| Head {
            seq: r.get(0),
            hash: r.get(1),
        });
    let count = verifier.entries();
    let problems = verifier.finish(head.as_ref());
    Ok((count, head, problems))
}

#[cfg(test)]
#[path = "journal_tests.rs"]
mod tests;
