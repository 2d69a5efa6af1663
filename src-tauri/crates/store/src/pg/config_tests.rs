//! Reading a workspace URL and resolving it as libpq would, without a server: the
//! environment is a map the test gives, the files are temporary ones.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::PathBuf;
use std::time::Duration;

use super::*;
use crate::pg::location::{Location, PgUrl, Secret};

fn url(text: &str) -> PgUrl {
    PgUrl::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn resolve(text: &str, env: &[(&str, &str)]) -> Result<PgConfig> {
    let env: HashMap<String, String> = env
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    // No HOME: the user's real files never take part.
    PgConfig::resolve_with(&url(text), &|name| env.get(name).cloned())
}

#[test]
fn a_location_is_a_url_by_its_scheme_and_a_folder_otherwise() {
    assert!(matches!(
        Location::parse(OsStr::new("postgresql://db.example.com/ws")).unwrap(),
        Location::Postgres(_)
    ));
    assert!(matches!(
        Location::parse(OsStr::new("POSTGRES://h/ws")).unwrap(),
        Location::Postgres(_)
    ));
    for folder in [
        "/home/me/Workspace",
        "postgres",
        "postgres:/x",
        "C:\\ws",
        "./postgresql:",
    ] {
        assert_eq!(
            Location::parse(OsStr::new(folder)).unwrap(),
            Location::Folder(PathBuf::from(folder)),
            "{folder}"
        );
    }
    let err = Location::parse(OsStr::new("postgres://h:port/ws")).unwrap_err();
    assert!(
        err.to_string().contains("\"port\" is not a port number"),
        "{err}"
    );
}

#[test]
fn a_url_is_read_as_libpq_reads_it() {
    let u = url(
        "postgresql://al%40ice:s%3Acret@db.example.com:6543/my%20ws?sslmode=verify-full&application_name=x",
    );
    assert_eq!(u.user.as_deref(), Some("al@ice"));
    assert_eq!(u.password.as_ref().map(Secret::expose), Some("s:cret"));
    assert_eq!(u.host.as_deref(), Some("db.example.com"));
    assert_eq!(u.port, Some(6543));
    assert_eq!(u.database.as_deref(), Some("my ws"));
    assert_eq!(u.param("sslmode"), Some("verify-full"));

    let v6 = url("postgres://[::1]:5433/ws");
    assert_eq!((v6.host.as_deref(), v6.port), (Some("::1"), Some(5433)));
    let socket = url("postgresql://%2Fvar%2Frun%2Fpostgresql/ws");
    assert_eq!(socket.host.as_deref(), Some("/var/run/postgresql"));
    let query_host = url("postgresql:///ws?host=/tmp&port=5440&user=u");
    assert_eq!(
        (
            query_host.host.as_deref(),
            query_host.port,
            query_host.user.as_deref()
        ),
        (Some("/tmp"), Some(5440), Some("u"))
    );
    let bare = url("postgres://");
    assert_eq!((bare.host, bare.database), (None, None));
}

#[test]
fn a_bad_url_is_refused_naming_what_is_wrong() {
    for (text, expected) in [
        ("postgresql://a,b/ws", "several hosts"),
        (
            "postgresql://h/ws?sslmod=require",
            "\"sslmod\" is not one CSMS Desk knows",
        ),
        ("postgresql://h/ws?sslmode", "has no value"),
        ("postgresql://h:0/ws", "not a port number"),
        ("postgresql://h:70000/ws", "not a port number"),
        ("postgresql://h/w%zz", "two hexadecimal digits"),
        ("postgresql://h/w%ff", "UTF-8"),
        ("postgresql://[::1/ws", "not closed"),
    ] {
        let err = PgUrl::parse(text).unwrap_err().to_string();
        assert!(err.contains(expected), "{text}: {err}");
    }
}

#[test]
fn no_display_or_debug_shows_the_password() {
    let u = url("postgresql://alice:hunter2@db.example.com/ws?password=other2");
    let config = resolve("postgresql://alice:hunter2@db.example.com/ws", &[]).unwrap();
    for shown in [
        u.to_string(),
        format!("{u:?}"),
        Location::Postgres(u.clone()).to_string(),
        format!("{:?}", Location::Postgres(u.clone())),
        format!("{config:?}"),
        format!("{:?}", config.password()),
    ] {
        assert!(
            !shown.contains("hunter2") && !shown.contains("other2"),
            "{shown}"
        );
        assert!(shown.contains("***"), "{shown}");
    }
    // The query's password wins over the one before the @, as libpq's last value does.
    assert_eq!(u.password.as_ref().map(Secret::expose), Some("other2"));
    assert_eq!(
        u.to_string(),
        "postgresql://alice:***@db.example.com/ws",
        "the URL is given back whole, without its password"
    );
}

#[test]
fn the_url_wins_then_the_environment_then_the_defaults() {
    let env = [
        ("PGHOST", "env-host"),
        ("PGPORT", "6000"),
        ("PGUSER", "env-user"),
        ("PGDATABASE", "env-db"),
        ("PGCONNECT_TIMEOUT", "1"),
    ];
    let c = resolve("postgresql://url-user@url-host:7000/url-db", &env).unwrap();
    assert_eq!(c.host, Host::Tcp("url-host".to_owned()));
    assert_eq!(
        (c.port, c.user.as_str(), c.database.as_str()),
        (7000, "url-user", "url-db")
    );
    // libpq's floor for connect_timeout: 2 s.
    assert_eq!(c.connect_timeout, Some(Duration::from_secs(2)));
    let c = resolve("postgresql://", &env).unwrap();
    assert_eq!(c.host, Host::Tcp("env-host".to_owned()));
    assert_eq!(
        (c.port, c.user.as_str(), c.database.as_str()),
        (6000, "env-user", "env-db")
    );
    let c = resolve("postgresql://h", &[("PGUSER", "u")]).unwrap();
    assert_eq!(
        (c.port, c.database.as_str()),
        (5432, "u"),
        "the database defaults to the user"
    );
    assert_eq!(c.connect_timeout, Some(DEFAULT_CONNECT_TIMEOUT));
    assert_eq!(c.application_name, "csmsdesk");
    let err = resolve("postgresql://h", &[("PGPORT", "x")]).unwrap_err();
    assert!(
        err.to_string().contains("\"x\" is not a port number"),
        "{err}"
    );
    let err = resolve("postgresql://", &[("PGHOST", "a,b")]).unwrap_err();
    assert!(err.to_string().contains("several hosts"), "{err}");
}

#[test]
fn tls_is_required_for_a_remote_host_and_preferred_for_a_local_one() {
    for (text, mode) in [
        ("postgresql://db.example.com/ws", SslMode::Require),
        ("postgresql://10.0.0.5/ws", SslMode::Require),
        ("postgresql://localhost/ws", SslMode::Prefer),
        ("postgresql://LOCALHOST/ws", SslMode::Prefer),
        ("postgresql://127.0.0.1/ws", SslMode::Prefer),
        ("postgresql://[::1]/ws", SslMode::Prefer),
        ("postgresql://%2Ftmp/ws", SslMode::Prefer),
        (
            "postgresql://localhost/ws?sslmode=verify-full",
            SslMode::VerifyFull,
        ),
        (
            "postgresql://db.example.com/ws?sslmode=disable",
            SslMode::Disable,
        ),
        (
            "postgresql://db.example.com/ws?sslmode=verify-ca",
            SslMode::VerifyCa,
        ),
    ] {
        assert_eq!(resolve(text, &[]).unwrap().sslmode, mode, "{text}");
    }
    let env = resolve(
        "postgresql://db.example.com/ws",
        &[("PGSSLMODE", "disable")],
    )
    .unwrap();
    assert_eq!(env.sslmode, SslMode::Disable, "PGSSLMODE is a default too");
    let err = resolve("postgresql://h/ws?sslmode=allow", &[]).unwrap_err();
    assert!(err.to_string().contains("sslmode"), "{err}");
}

#[test]
fn the_roots_are_the_named_file_or_the_systems_for_the_verifying_modes() {
    let full = resolve("postgresql://h/ws?sslmode=verify-full", &[]).unwrap();
    assert_eq!(full.root_certs, Some(RootCerts::System));
    let file = resolve(
        "postgresql://h/ws?sslmode=verify-ca&sslrootcert=/etc/ca.pem",
        &[],
    )
    .unwrap();
    assert_eq!(
        file.root_certs,
        Some(RootCerts::File(PathBuf::from("/etc/ca.pem")))
    );
    let env = resolve("postgresql://h/ws", &[("PGSSLROOTCERT", "system")]).unwrap();
    assert_eq!(env.root_certs, Some(RootCerts::System));
    assert_eq!(resolve("postgresql://h/ws", &[]).unwrap().root_certs, None);
}

#[test]
fn the_password_comes_from_the_url_then_pgpassword_then_the_password_file() {
    let dir = tempfile::tempdir().unwrap();
    let pgpass = dir.path().join("pgpass");
    std::fs::write(&pgpass, "db.example.com:5432:ws:alice:from-file\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let file = pgpass.to_str().unwrap();
    let base = "postgresql://alice@db.example.com/ws";
    let from = |text: &str, env: &[(&str, &str)]| {
        let c = resolve(text, env).unwrap();
        (
            c.password().map(|s| s.expose().to_owned()),
            c.password_source().cloned(),
        )
    };
    assert_eq!(
        from(base, &[("PGPASSFILE", file)]),
        (
            Some("from-file".to_owned()),
            Some(PasswordSource::Pgpass(pgpass.clone()))
        )
    );
    assert_eq!(
        from(base, &[("PGPASSFILE", file), ("PGPASSWORD", "from-env")]),
        (
            Some("from-env".to_owned()),
            Some(PasswordSource::Environment)
        )
    );
    assert_eq!(
        from(
            "postgresql://alice:from-url@db.example.com/ws",
            &[("PGPASSWORD", "from-env")]
        ),
        (Some("from-url".to_owned()), Some(PasswordSource::Url))
    );
    // Another database: the file has no line for it.
    assert_eq!(
        from(
            "postgresql://alice@db.example.com/other",
            &[("PGPASSFILE", file)]
        ),
        (None, None)
    );
    // The app's answer (asked, or from the keychain) replaces whatever was found.
    let asked = resolve(base, &[])
        .unwrap()
        .with_password(Secret::new("asked"));
    assert_eq!(asked.password().map(Secret::expose), Some("asked"));
    assert_eq!(asked.password_source(), Some(&PasswordSource::App));
}

#[cfg(unix)]
#[test]
fn a_password_file_others_may_read_is_ignored_with_a_warning() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let pgpass = dir.path().join("pgpass");
    std::fs::write(&pgpass, "*:*:*:*:secret\n").unwrap();
    std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o640)).unwrap();
    let c = resolve(
        "postgresql://h/ws",
        &[("PGPASSFILE", pgpass.to_str().unwrap())],
    )
    .unwrap();
    assert_eq!(c.password(), None);
    assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
    assert!(c.warnings[0].contains("chmod 0600"), "{:?}", c.warnings);
    // Found through HOME too (~/.pgpass), and used once it is private.
    std::fs::rename(&pgpass, dir.path().join(".pgpass")).unwrap();
    std::fs::set_permissions(
        dir.path().join(".pgpass"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();
    let c = resolve(
        "postgresql://h/ws",
        &[("HOME", dir.path().to_str().unwrap())],
    )
    .unwrap();
    assert_eq!(c.password().map(Secret::expose), Some("secret"));
}

#[test]
fn a_service_fills_what_the_url_leaves_out_and_beats_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let services = dir.path().join("services.conf");
    std::fs::write(
        &services,
        "[csms]\nhost=svc-host\nport=6100\ndbname=svc-db\nuser=svc-user\npassword=svc-pw\nsslmode=verify-full\n\
         [typo]\nsslmod=require\n",
    )
    .unwrap();
    let file = services.to_str().unwrap();
    let env = [
        ("PGSERVICEFILE", file),
        ("PGHOST", "env-host"),
        ("PGPASSWORD", "env-pw"),
    ];
    let c = resolve("postgresql:///url-db?service=csms", &env).unwrap();
    assert_eq!(c.host, Host::Tcp("svc-host".to_owned()));
    assert_eq!((c.port, c.user.as_str()), (6100, "svc-user"));
    assert_eq!(c.database, "url-db", "the URL beats the service");
    assert_eq!(c.sslmode, SslMode::VerifyFull);
    assert_eq!(c.password().map(Secret::expose), Some("svc-pw"));
    assert_eq!(c.password_source(), Some(&PasswordSource::Service));
    // PGSERVICE names it as well.
    let c = resolve(
        "postgresql://",
        &[("PGSERVICEFILE", file), ("PGSERVICE", "csms")],
    )
    .unwrap();
    assert_eq!(c.database, "svc-db");
    for (service, expected) in [("missing", "no service [missing]"), ("typo", "\"sslmod\"")] {
        let text = format!("postgresql://?service={service}");
        let err = resolve(&text, &[("PGSERVICEFILE", file)])
            .unwrap_err()
            .to_string();
        assert!(err.contains(expected), "{service}: {err}");
    }
    // The system's file (PGSYSCONFDIR) when the user's has no such service.
    std::fs::write(dir.path().join("pg_service.conf"), "[sys]\nport=6200\n").unwrap();
    let c = resolve(
        "postgresql://h?service=sys",
        &[
            ("PGSERVICEFILE", file),
            ("PGSYSCONFDIR", dir.path().to_str().unwrap()),
        ],
    )
    .unwrap();
    assert_eq!(c.port, 6200);
}
