//! Against the throwaway cluster (see `test_server`): the schema is created, updated and
//! refused as it must be, and each failure to connect is classified. Each test has a
//! database of its own.

use std::collections::HashMap;

use super::test_server::{TestDb, server, test_env};
use super::*;
use crate::Error;

fn table_count(client: &mut postgres::Client) -> i64 {
    client
        .query_one(
            "SELECT count(*) FROM pg_tables WHERE schemaname = $1",
            &[&SCHEMA],
        )
        .unwrap()
        .get(0)
}

#[test]
fn a_fresh_database_is_migrated_and_a_second_run_changes_nothing() {
    let Some(admin) = server() else { return };
    let db = TestDb::create(&admin);
    let mut client = db.connect();
    assert_eq!(
        migrate(&mut client).unwrap(),
        0,
        "a new workspace had no version"
    );
    assert_eq!(schema_version(&mut client).unwrap(), SCHEMA_VERSION);
    // The search path set on connecting finds our tables without the schema's name.
    let profiles: i64 = client
        .query_one("SELECT count(*) FROM company_profile WHERE id = 1", &[])
        .unwrap()
        .get(0);
    assert_eq!(profiles, 1);
    let tables = table_count(&mut client);
    assert!(tables > 30, "{tables} tables");
    client
        .execute("INSERT INTO setting (key, value) VALUES ('k', 'v')", &[])
        .unwrap();
    // Again, and from a new connection: nothing is created twice, nothing is lost.
    let mut again = db.connect();
    assert_eq!(migrate(&mut again).unwrap(), SCHEMA_VERSION);
    assert_eq!(table_count(&mut again), tables);
    let kept: i64 = again
        .query_one("SELECT count(*) FROM setting", &[])
        .unwrap()
        .get(0);
    assert_eq!(kept, 1);
}

#[test]
fn an_older_workspace_is_brought_up_to_date() {
    let Some(admin) = server() else { return };
    let db = TestDb::create(&admin);
    let mut client = db.connect();
    // A workspace made by a build that knew five migrations.
    client
        .batch_execute(&format!(
            "CREATE SCHEMA {SCHEMA}; SET search_path = {SCHEMA};
             CREATE TABLE schema_version (id BIGINT PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL);
             INSERT INTO schema_version VALUES (1, 5);"
        ))
        .unwrap();
    for sql in &migrate::MIGRATIONS[..5] {
        client.batch_execute(sql).unwrap();
    }
    assert_eq!(migrate(&mut client).unwrap(), 5);
    assert_eq!(schema_version(&mut client).unwrap(), SCHEMA_VERSION);
    let journal: bool = client
        .query_one("SELECT to_regclass('csmsdesk.journal') IS NOT NULL", &[])
        .unwrap()
        .get(0);
    assert!(journal, "the later migrations ran");
}

#[test]
fn a_newer_workspace_is_refused_without_change() {
    let Some(admin) = server() else { return };
    let db = TestDb::create(&admin);
    let mut client = db.connect();
    migrate(&mut client).unwrap();
    let newer = SCHEMA_VERSION + 1;
    client
        .execute("UPDATE schema_version SET version = $1", &[&newer])
        .unwrap();
    match migrate(&mut client) {
        Err(Error::PgNewerSchema {
            database,
            found,
            supported,
        }) => {
            assert_eq!(
                (database.as_str(), found, supported),
                (db.name.as_str(), newer, SCHEMA_VERSION)
            );
        }
        other => panic!("expected PgNewerSchema, got {other:?}"),
    }
    assert_eq!(schema_version(&mut client).unwrap(), newer);
}

#[test]
fn a_database_of_something_else_is_refused_without_change() {
    let Some(admin) = server() else { return };
    let db = TestDb::create(&admin);
    let mut client = db.connect();
    client
        .batch_execute("CREATE TABLE public.invoices (id BIGINT PRIMARY KEY)")
        .unwrap();
    match migrate(&mut client) {
        Err(Error::PgForeignDatabase { database, found }) => {
            assert_eq!(database, db.name);
            assert_eq!(found, vec!["public.invoices".to_owned()]);
        }
        other => panic!("expected PgForeignDatabase, got {other:?}"),
    }
    let ours: bool = client
        .query_one("SELECT to_regnamespace($1) IS NOT NULL", &[&SCHEMA])
        .unwrap()
        .get(0);
    assert!(!ours, "the refused database gained our schema");
    // A schema of its own counts as well, tables or not.
    let other = TestDb::create(&admin);
    let mut client = other.connect();
    client.batch_execute("CREATE SCHEMA billing").unwrap();
    assert!(matches!(
        migrate(&mut client),
        Err(Error::PgForeignDatabase { found, .. }) if found == vec!["billing (schema)".to_owned()]
    ));
    // An empty schema of ours, made beforehand by an administrator, is taken.
    let prepared = TestDb::create(&admin);
    let mut client = prepared.connect();
    client
        .batch_execute(&format!("CREATE SCHEMA {SCHEMA}"))
        .unwrap();
    assert_eq!(migrate(&mut client).unwrap(), 0);
}

#[test]
fn refused_credentials_a_missing_password_and_a_missing_database_are_classified() {
    let Some(admin) = server() else { return };
    let mut wrong = admin.clone().with_password(Secret::new("not-the-password"));
    wrong.sslmode = SslMode::Disable;
    match connect(&wrong) {
        Err(e @ Error::PgCredentials { .. }) => {
            let text = e.to_string();
            assert!(text.contains(&admin.user), "{text}");
            assert!(!text.contains("not-the-password"), "{text}");
        }
        other => panic!("expected PgCredentials, got {:?}", other.err()),
    }
    // No password anywhere: the app's cue to ask (or to ask the keychain).
    let mut env: HashMap<String, String> = test_env();
    env.remove("PGPASSWORD");
    let none = PgConfig::resolve_with(&PgUrl::parse("postgresql:///postgres").unwrap(), &|k| {
        env.get(k).cloned()
    })
    .unwrap();
    assert_eq!(none.password(), None);
    assert!(
        matches!(connect(&none), Err(Error::PgPasswordNeeded { ref user, .. }) if *user == admin.user),
        "a missing password is PgPasswordNeeded"
    );
    let mut missing = admin.clone();
    missing.database = "csmsdesk_no_such_database".to_owned();
    assert!(matches!(
        connect(&missing),
        Err(Error::PgNoDatabase { ref database, .. }) if database == "csmsdesk_no_such_database"
    ));
}

#[test]
fn the_password_file_and_the_service_file_are_read() {
    let Some(admin) = server() else { return };
    let password = admin
        .password()
        .expect("the test server has a password")
        .expose()
        .to_owned();
    let dir = tempfile::tempdir().unwrap();
    let pgpass = dir.path().join("pgpass");
    std::fs::write(
        &pgpass,
        format!("*:{}:postgres:{}:{password}\n", admin.port, admin.user),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let services = dir.path().join("services");
    std::fs::write(
        &services,
        format!(
            "[csms-test]\nhost={}\nport={}\nuser={}\ndbname=postgres\n",
            admin.host, admin.port, admin.user
        ),
    )
    .unwrap();
    let env: HashMap<String, String> = [
        ("PGPASSFILE", pgpass.to_str().unwrap()),
        ("PGSERVICEFILE", services.to_str().unwrap()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let config = PgConfig::resolve_with(
        &PgUrl::parse("postgresql://?service=csms-test").unwrap(),
        &|k| env.get(k).cloned(),
    )
    .unwrap();
    assert_eq!(
        config.password_source(),
        Some(&PasswordSource::Pgpass(pgpass.clone()))
    );
    let mut client = connect(&config).expect("connects with the files' settings alone");
    let user: String = client
        .query_one("SELECT current_user::text", &[])
        .unwrap()
        .get(0);
    assert_eq!(user, admin.user);
}

#[test]
fn tls_is_used_when_offered_and_verified_as_sslmode_says() {
    let Some(admin) = server() else { return };
    let mut client = connect(&admin).unwrap();
    let ssl: String = client.query_one("SHOW ssl", &[]).unwrap().get(0);
    assert_eq!(
        ssl, "on",
        "the test cluster must offer TLS (Debian's snakeoil certificate)"
    );
    let cert: String = client.query_one("SHOW ssl_cert_file", &[]).unwrap().get(0);
    let encrypted = |config: &PgConfig| -> bool {
        let mut c = connect(config).unwrap_or_else(|e| panic!("{:?}: {e}", config.sslmode));
        c.query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .unwrap()
        .get(0)
    };
    let with = |host: &str, mode: SslMode, roots: Option<RootCerts>| {
        let mut c = admin.clone();
        c.host = Host::Tcp(host.to_owned());
        c.sslmode = mode;
        c.root_certs = roots;
        c
    };
    assert!(encrypted(&with("localhost", SslMode::Prefer, None)));
    assert!(encrypted(&with("localhost", SslMode::Require, None)));
    assert!(!encrypted(&with("localhost", SslMode::Disable, None)));
    let own = Some(RootCerts::File(cert.into()));
    // The certificate names localhost only: verify-ca takes it for 127.0.0.1, verify-full not.
    assert!(encrypted(&with(
        "127.0.0.1",
        SslMode::VerifyCa,
        own.clone()
    )));
    assert!(encrypted(&with(
        "localhost",
        SslMode::VerifyFull,
        own.clone()
    )));
    // require with a root file checks the chain, as libpq does.
    assert!(encrypted(&with("127.0.0.1", SslMode::Require, own.clone())));
    match connect(&with("127.0.0.1", SslMode::VerifyFull, own)) {
        Err(Error::PgTls { host, reason, .. }) => {
            assert_eq!(host, "127.0.0.1");
            assert!(reason.contains("certificate"), "{reason}");
        }
        other => panic!("expected PgTls, got {:?}", other.err()),
    }
    // A CA that did not sign the server's certificate (made here with openssl, which
    // postgresql-common brings through ssl-cert).
    let dir = tempfile::tempdir().unwrap();
    let other_ca = dir.path().join("other-ca.pem");
    let made = std::process::Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args(["-subj", "/CN=another CA", "-keyout"])
        .arg(dir.path().join("key.pem"))
        .arg("-out")
        .arg(&other_ca)
        .output()
        .expect("openssl runs");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    for mode in [SslMode::Require, SslMode::VerifyCa, SslMode::VerifyFull] {
        let config = with("localhost", mode, Some(RootCerts::File(other_ca.clone())));
        match connect(&config) {
            Err(Error::PgTls { reason, .. }) => {
                assert!(reason.contains("UnknownIssuer"), "{mode:?}: {reason}")
            }
            other => panic!("{mode:?}: expected PgTls, got {:?}", other.err()),
        }
    }
}

#[test]
fn open_connects_migrates_and_refuses_as_the_parts_do() {
    let Some(admin) = server() else { return };
    let db = TestDb::create(&admin);
    // The process's own environment (pg_virtualenv's PGHOST, PGPORT, PGUSER, PGPASSWORD).
    let url = PgUrl::parse(&format!("postgresql:///{}", db.name)).unwrap();
    let mut client = open(&url).unwrap();
    assert_eq!(schema_version(&mut client).unwrap(), SCHEMA_VERSION);
    let missing = PgUrl::parse("postgresql:///csmsdesk_no_such_database").unwrap();
    assert!(matches!(open(&missing), Err(Error::PgNoDatabase { .. })));
}
