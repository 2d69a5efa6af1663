//! A workspace on PostgreSQL in the app (issue 19): the start on a URL, and in Settings a URL
//! whose user needs a password, asked for by the password prompt. Runs against the throwaway
//! cluster of `pg_virtualenv` only (`cargo xtask test`'s step "the app on PostgreSQL");
//! without `CSMSDESK_TEST_PG` it prints SKIPPED and passes.
//!
//! pg_virtualenv's `pg_hba.conf` asks every TCP connection for a password
//! (`host all all 127.0.0.1/32 scram-sha-256`; only the Unix socket is `peer`), and its
//! `PGPASSWORD` is the superuser's. libpq sends `PGPASSWORD` for any user, so the app must
//! run without it: the xtask step moves it to `CSMSDESK_TEST_PGPASSWORD`, and the app finds
//! the superuser's password in the desktop's `~/.pgpass` (user `postgres` only), while the
//! test's own role has none anywhere and the server asks for it.

use std::process::Command;

use crate::scale_data::cli_binary;
use crate::support::{Desktop, SERIAL, messages, rendered};

/// The cluster's settings for the test's own work (psql, the CLI), or `None` (SKIPPED).
fn cluster() -> Option<Admin> {
    if std::env::var_os("CSMSDESK_TEST_PG").is_none_or(|v| v.is_empty()) {
        // Past the harness's capture, which hides what a passing test prints.
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: no PostgreSQL (run inside pg_virtualenv: cargo xtask test)"
        );
        return None;
    }
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    assert!(
        var("PGPASSWORD").is_none(),
        "PGPASSWORD is set: the app would send it for every user and never ask. Run as the \
         xtask step does: CSMSDESK_TEST_PGPASSWORD=\"$PGPASSWORD\" env -u PGPASSWORD cargo test \
         -p csmsdesk --test e2e postgres"
    );
    Some(Admin {
        password: var("CSMSDESK_TEST_PGPASSWORD")
            .expect("CSMSDESK_TEST_PGPASSWORD: the superuser's password of pg_virtualenv"),
        host: var("PGHOST").expect("PGHOST of pg_virtualenv"),
        port: var("PGPORT").expect("PGPORT of pg_virtualenv"),
        names: Vec::new(),
    })
}

/// The superuser's connection, and the databases and role the test made (dropped at the end).
struct Admin {
    password: String,
    host: String,
    port: String,
    names: Vec<String>,
}

impl Admin {
    fn psql(&self, sql: &str) {
        let output = Command::new("psql")
            .args(["-X", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-c", sql])
            .env("PGPASSWORD", &self.password)
            .output()
            .expect("psql runs");
        assert!(
            output.status.success(),
            "psql failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// `csmsdesk-cli --workspace URL init --company COMPANY`, with `password`.
    fn init(&self, url: &str, password: &str, company: &str) {
        let output = Command::new(cli_binary())
            .args(["--workspace", url, "init", "--company", company])
            .env("PGPASSWORD", password)
            .output()
            .expect("csmsdesk-cli runs");
        assert!(
            output.status.success(),
            "csmsdesk-cli init failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

impl Drop for Admin {
    fn drop(&mut self) {
        for name in self.names.iter().rev() {
            let sql = match name.strip_prefix("role:") {
                Some(role) => format!("DROP ROLE IF EXISTS {role}"),
                None => format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            };
            let _ = Command::new("psql")
                .args(["-X", "-q", "-d", "postgres", "-c", &sql])
                .env("PGPASSWORD", &self.password)
                .status();
        }
    }
}

#[tokio::test]
async fn a_server_workspace_opens_on_start_and_one_whose_user_needs_a_password_opens_after_the_prompt()
 {
    let _one_at_a_time = SERIAL.lock().await;
    let Some(mut admin) = cluster() else { return };
    let en = messages("en");
    let tag = std::process::id();
    let (first_db, anna_db, anna) = (
        format!("csmsdesk_e2e_app_{tag}"),
        format!("csmsdesk_e2e_anna_{tag}"),
        format!("csmsdesk_e2e_anna_{tag}"),
    );
    let anna_password = format!("Anna's pass {tag} äö");
    admin.names.push(first_db.clone());
    admin.psql(&format!("CREATE DATABASE {first_db}"));
    admin.names.push(format!("role:{anna}"));
    admin.psql(&format!(
        "CREATE ROLE {anna} LOGIN PASSWORD '{}'",
        anna_password.replace('\'', "''")
    ));
    admin.names.push(anna_db.clone());
    admin.psql(&format!("CREATE DATABASE {anna_db} OWNER {anna}"));
    let first_url = format!("postgresql:///{first_db}");
    admin.init(&first_url, &admin.password, "Server Zulieferer GmbH");
    let anna_url = format!(
        "postgresql://{anna}@{}:{}/{anna_db}",
        admin.host, admin.port
    );
    admin.init(&anna_url, &anna_password, "Anna Server AG");
    // Shown with `***` while the app holds the password for the session.
    let anna_shown = anna_url.replacen('@', ":***@", 1);

    let desktop = Desktop::start();
    // The superuser's password for the app, in the password file libpq reads (user postgres
    // only: the test's role has its password nowhere).
    let pgpass = desktop.home.path().join(".pgpass");
    std::fs::write(&pgpass, format!("*:*:*:postgres:{}\n", admin.password)).unwrap();
    std::fs::set_permissions(&pgpass, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();

    // The start on a URL: the dashboard with the company from the database.
    let app = desktop.launch(&["--workspace", &first_url]).await;
    app.wait_for_text("#dashboard-company", "Server Zulieferer GmbH")
        .await;
    app.screenshot("postgres-01-dashboard").await;
    app.go("settings").await;
    app.wait_for_text("#workspace-current", &first_url).await;
    app.wait_for_text("#workspace-kind", &en["settings.workspace_kind_server"])
        .await;
    app.screenshot("postgres-02-settings-server").await;

    // A URL whose user needs a password: the prompt, labelled with user, host and database.
    app.fill("#workspace_url", &anna_url).await;
    app.click("[data-action='workspace-server-open']").await;
    let label = rendered(
        "en",
        "settings.workspace_password_for",
        &[
            ("user", &anna),
            ("host", &admin.host),
            ("port", &admin.port),
            ("database", &anna_db),
        ],
    );
    app.wait_for_text("#workspace-password-for", &label).await;
    let kind = app
        .wait_for("#workspace_password")
        .await
        .attr("type")
        .await
        .unwrap();
    assert_eq!(kind.as_deref(), Some("password"), "never echoed");
    app.screenshot("postgres-03-password-prompt").await;

    // A wrong password: the server's refusal, and the workspace open before stays open.
    app.fill("#workspace_password", "not the password").await;
    app.click("[data-action='workspace-password']").await;
    app.wait_for_containing(
        "#workspace-password-status",
        "password authentication failed",
    )
    .await;
    assert_eq!(
        app.value("#workspace_password").await,
        "",
        "the field is emptied"
    );
    app.wait_for_text("#workspace-current", &first_url).await;
    app.screenshot("postgres-04-wrong-password").await;

    // The right one, "remember" ticked: open. Under the test's D-Bus session no Secret Service
    // runs, so the keychain is said to be unavailable and the password serves this session.
    app.fill("#workspace_password", &anna_password).await;
    app.click("#workspace_password_remember").await;
    app.click("[data-action='workspace-password']").await;
    app.wait_for_text("#workspace-current", &anna_shown).await;
    let status = app.text("#workspace-status").await;
    let keychain_said = status.contains(&en["notice.keychain_unavailable"][..20])
        || status.contains(&en["notice.password_saved"][..20]);
    assert!(keychain_said, "the keychain's outcome is said: {status}");
    app.screenshot("postgres-05-opened-with-password").await;
    // A backup reaches the database through its own connection, with the session's password.
    let backup = desktop.home.path().join("anna.csmsbackup");
    app.fill("#backup-path", backup.to_str().unwrap()).await;
    app.click("#backup-start").await;
    app.wait_for_text("#backup-status", &en["backup_ui.done"])
        .await;
    assert!(
        backup.is_file(),
        "the backup of the server workspace is written"
    );
    app.screenshot("postgres-05b-backup").await;
    app.go("dashboard").await;
    app.wait_for_text("#dashboard-company", "Anna Server AG")
        .await;
    app.screenshot("postgres-06-dashboard-after-password").await;

    // Remembered for the next start without the password.
    let remembered =
        std::fs::read_to_string(desktop.home.path().join("config/csmsdesk/last-workspace"))
            .unwrap();
    assert_eq!(remembered.trim_end(), anna_url);
    assert!(!remembered.contains(&anna_password));
    app.client.close().await.unwrap();

    // The next start opens it again: with the keychain's password if it kept one, else after
    // asking in Settings' workspace panel (nothing in libpq's sources).
    let saved = status.contains(&en["notice.password_saved"][..20]);
    let app = desktop.launch(&[]).await;
    if !saved {
        app.go("settings").await;
        app.wait_for_text("#workspace-password-for", &label).await;
        app.screenshot("postgres-07-start-asks").await;
        app.fill("#workspace_password", &anna_password).await;
        app.click("[data-action='workspace-password']").await;
        app.wait_for_text("#workspace-current", &anna_shown).await;
        app.go("dashboard").await;
    }
    app.wait_for_text("#dashboard-company", "Anna Server AG")
        .await;
    app.screenshot("postgres-08-next-start").await;
    app.client.close().await.unwrap();
}

#[path = "postgres_live.rs"]
mod live;
#[path = "postgres_team.rs"]
mod team;
