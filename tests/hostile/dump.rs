// The judge of "nothing changed" for the hostile-input corpus, included by both runners: the
// workspace as data, read by Python's sqlite3 (not our code) while it may be open elsewhere:
// every row of every table (`iterdump`) and every vault file with its size; for a workspace
// in PostgreSQL `psql`'s rows of every table (`dump_pg`).

/// The dump of the workspace in `ws`.
fn dump(ws: &std::path::Path) -> String {
    let script = r#"
import os, sqlite3, sys
ws = sys.argv[1]
db = sqlite3.connect("file:" + os.path.join(ws, "workspace.sqlite") + "?mode=ro", uri=True)
for line in db.iterdump():
    print(line)
for root, dirs, files in sorted(os.walk(os.path.join(ws, "vault"))):
    for f in sorted(files):
        path = os.path.join(root, f)
        print(os.path.relpath(path, ws), os.path.getsize(path))
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(ws)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "dump: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `psql` on the database `db` of the test cluster (its `PG*` variables), failing on any
/// error; its rows unaligned, one per line, columns split by a tab.
#[allow(dead_code)]
fn psql(db: &str, sql: &str) -> String {
    use std::io::Write as _;
    let mut child = std::process::Command::new("psql")
        .args(["-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", db])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(sql.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "psql: {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The dump of the workspace in the database `db` of the test cluster, made with `psql` (not
/// our code): every table of the schema `csmsdesk` (the journal and the vault's content
/// tables `evidence_upload`, `evidence_chunk`, `evidence_content` among them), each row as
/// JSON, ordered by the primary key.
#[allow(dead_code)]
fn dump_pg(db: &str) -> String {
    let tables = psql(
        db,
        "SELECT c.relname, coalesce(string_agg(quote_ident(a.attname), ', ' \
             ORDER BY array_position(i.indkey::int2[], a.attnum)), '') \
         FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace \
         LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary \
         LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey) \
         WHERE s.nspname = 'csmsdesk' AND c.relkind IN ('r', 'p') \
         GROUP BY c.relname ORDER BY c.relname",
    );
    let mut script = String::new();
    for line in tables.lines() {
        let (table, key) = line.split_once('\t').unwrap();
        // A table without a primary key (none so far) is ordered by its rows' text.
        let order = if key.is_empty() { "2" } else { key };
        script.push_str(&format!(
            "SELECT '{table}', row_to_json(t)::text FROM csmsdesk.\"{table}\" t ORDER BY {order};\n"
        ));
    }
    assert!(
        script.contains("\"evidence_chunk\"") && script.contains("\"journal\""),
        "no workspace in {db}: {tables}"
    );
    psql(db, &script)
}
