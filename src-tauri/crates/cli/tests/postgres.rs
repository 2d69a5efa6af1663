//! The CLI on a workspace in PostgreSQL (issue 19): `--workspace postgresql:///db` run as a
//! process against the throwaway cluster of `pg_virtualenv` that `cargo xtask test` starts
//! (`CSMSDESK_TEST_PG=required`). Without it each test prints SKIPPED and passes; it never
//! uses a server it was not pointed at (a developer's `PGHOST` may name a real one).

mod common;

use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{cli, server_env, stdout_json};
use csmsdesk_store::pg::{PgConfig, PgUrl, connect};
use serde_json::Value;

/// The test server's settings, or `None` after printing SKIPPED.
fn server() -> Option<PgConfig> {
    let wanted = std::env::var("CSMSDESK_TEST_PG").unwrap_or_default();
    if wanted.is_empty() {
        eprintln!(
            "SKIPPED: no PostgreSQL (run inside pg_virtualenv with CSMSDESK_TEST_PG=1, or cargo xtask test)"
        );
        return None;
    }
    assert!(
        std::env::var_os("PGHOST").is_some() && std::env::var_os("PGPORT").is_some(),
        "CSMSDESK_TEST_PG={wanted}, but PGHOST and PGPORT are not set: run inside pg_virtualenv"
    );
    let env = server_env();
    let url = PgUrl::parse("postgresql:///postgres").unwrap();
    Some(
        PgConfig::resolve_with(&url, &|k| {
            env.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
        })
        .unwrap(),
    )
}

/// A database of its own for one test, dropped at its end.
struct TestDb {
    admin: PgConfig,
    name: String,
}

impl TestDb {
    fn create(admin: &PgConfig) -> TestDb {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "csmsdesk_cli_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut client = connect(admin).unwrap();
        client
            .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
            .unwrap();
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        TestDb {
            admin: admin.clone(),
            name,
        }
    }

    fn url(&self) -> String {
        format!("postgresql:///{}", self.name)
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

/// The CLI with the test server's `PG*` variables (its cleared environment has none).
fn pg_cli(home: &Path) -> Command {
    let mut cmd = cli(home);
    for (k, v) in server_env() {
        cmd.env(k, v);
    }
    cmd
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("csmsdesk-cli runs")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Runs `args` on the workspace `url`; the exit code must be `code`. Stdout as JSON when it
/// is JSON, else as a string.
fn on(home: &Path, url: &str, args: &[&str], code: i32) -> Value {
    let out = run(pg_cli(home).args(args).arg("--workspace").arg(url));
    assert_eq!(out.status.code(), Some(code), "{args:?}: {}", text(&out));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&out.stdout).into()))
}

#[test]
fn a_workspace_is_created_in_a_database_and_its_ported_commands_work_on_postgresql() {
    let Some(admin) = server() else { return };
    let db = TestDb::create(&admin);
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let url = db.url();
    let created = on(h, &url, &["--json", "init", "--company", "ACME GmbH"], 0);
    assert_eq!(created["workspace"], url.as_str());
    let info = on(h, &url, &["--json", "info"], 0);
    assert_eq!(info["engine"], "postgresql");
    assert_eq!(info["company"], "ACME GmbH");
    assert_eq!(info["workspace"], url.as_str());
    // No folder was made for it anywhere.
    assert!(!Path::new(&url).exists());
    on(h, &url, &["catalogue", "import", "--demo"], 0);
    on(h, &url, &["location", "add", "Plant Nord"], 0);
    on(
        h,
        &url,
        &[
            "scope",
            "add",
            "ECU",
            "--objective",
            "development",
            "--location",
            "Plant Nord",
        ],
        0,
    );
    on(h, &url, &["po", "add", "Gateway", "--scope", "ECU"], 0);
    let scopes = on(h, &url, &["--json", "scope", "list"], 0);
    assert_eq!(scopes[0]["name"], "ECU");
    assert_eq!(scopes[0]["locations"], serde_json::json!(["Plant Nord"]));
    on(
        h,
        &url,
        &["share", "publish", "--scope", "ECU", "--level", "A+labels"],
        0,
    );
    let rules = on(h, &url, &["--json", "rules", "show"], 0);
    assert!(rules.is_object(), "{rules}");
    // The environment variable names the workspace as well as the flag does.
    let out = run(pg_cli(h)
        .env("CSMSDESK_WORKSPACE", &url)
        .args(["--json", "location", "list"]));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stdout_json(&out)[0]["name"], "Plant Nord");
    // A second init is refused: the database holds a workspace.
    let again = run(pg_cli(h)
        .args(["init", "--company", "Other"])
        .arg("--workspace")
        .arg(&url));
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again).contains("already holds a CSMS Desk workspace"),
        "{}",
        text(&again)
    );
    // A backup of the server workspace is a backup file like a folder's: it checks.
    let backup = run(pg_cli(h)
        .args(["backup", "--out"])
        .arg(h.join("b.zip"))
        .arg("--workspace")
        .arg(&url));
    assert_eq!(backup.status.code(), Some(0), "{}", text(&backup));
    let check = run(pg_cli(h).args(["restore", "--check"]).arg(h.join("b.zip")));
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
}

#[test]
fn a_missing_password_is_explained_with_where_to_put_it_and_none_is_ever_printed() {
    let Some(admin) = server() else { return };
    let db = TestDb::create(&admin);
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let password = std::env::var("PGPASSWORD").unwrap_or_default();
    let out = run(pg_cli(h)
        .env_remove("PGPASSWORD")
        .arg("info")
        .arg("--workspace")
        .arg(format!("postgresql://localhost/{}", db.name)));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains("asks for the password of user")
            && said.contains("PGPASSWORD")
            && said.contains("pgpass"),
        "{said}"
    );
    // A password in the URL works, and is shown as *** only.
    assert!(!password.is_empty(), "pg_virtualenv sets PGPASSWORD");
    let user = std::env::var("PGUSER").unwrap_or_else(|_| "postgres".into());
    let url = format!("postgresql://{user}:{password}@localhost/{}", db.name);
    let out = run(pg_cli(h)
        .env_remove("PGPASSWORD")
        .args(["init", "--company", "ACME"])
        .arg("--workspace")
        .arg(&url));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = run(pg_cli(h)
        .env_remove("PGPASSWORD")
        .arg("info")
        .arg("--workspace")
        .arg(&url));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains(":***@localhost"), "{}", text(&out));
    assert!(!text(&out).contains(&password));
}

#[path = "postgres/team.rs"]
mod team;
