//! Turning a workspace URL into everything a connection needs, as libpq users expect: what
//! the URL says wins; what it leaves out comes from the service (`service=` or `PGSERVICE`,
//! in `PGSERVICEFILE` or `~/.pg_service.conf`, then `PGSYSCONFDIR/pg_service.conf`), then
//! from `PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGSSLMODE`, `PGSSLROOTCERT`,
//! `PGCONNECT_TIMEOUT`, then the defaults. The password comes from the URL, the service,
//! `PGPASSWORD` or the password file, in that order; when none does, the app may ask the
//! user or the OS keychain and hand it over with [`PgConfig::with_password`] (the seam for
//! that later step).

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::files::{PgpassSkipped, password_from_pgpass, read_pgpass, service_section};
use super::location::{PgUrl, Secret, URL_PARAMETERS};
use crate::{Error, Result};

/// How long a connection attempt waits for the server unless `connect_timeout` says
/// otherwise (libpq waits for ever; a desktop app must say "unreachable" in time).
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The Unix socket folder when no host is given (Debian's and Ubuntu's packages; upstream
/// libpq's is `/tmp`).
#[cfg(unix)]
pub const DEFAULT_SOCKET_DIR: &str = "/var/run/postgresql";

/// libpq's `sslmode` (without `allow`, which no one should want and tokio-postgres lacks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    /// Plain TCP only.
    Disable,
    /// TLS when the server offers it (not verified), else plain.
    Prefer,
    /// TLS or nothing; the certificate is checked against a root file when one is given (as
    /// libpq does), else not.
    Require,
    /// TLS, the server's chain checked against the roots, its name not.
    VerifyCa,
    /// TLS, chain and host name checked.
    VerifyFull,
}

impl SslMode {
    pub fn parse(text: &str) -> Result<SslMode> {
        Ok(match text {
            "disable" => SslMode::Disable,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            other => {
                return Err(Error::PgSetting {
                    setting: "sslmode".to_owned(),
                    problem: format!(
                        "{other:?} is not one of disable, prefer, require, verify-ca, verify-full"
                    ),
                });
            }
        })
    }
}

/// Where the server is: a TCP host name or address, or a Unix socket folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    Tcp(String),
    Socket(PathBuf),
}

impl Host {
    fn from_setting(text: &str) -> Host {
        if text.starts_with('/') {
            Host::Socket(PathBuf::from(text))
        } else {
            Host::Tcp(text.to_owned())
        }
    }

    /// Whether the server is on this machine: a socket, `localhost`, `127.0.0.1` or `::1`.
    /// A local server's default `sslmode` is `prefer`, any other's `require`.
    pub fn is_local(&self) -> bool {
        match self {
            Host::Socket(_) => true,
            Host::Tcp(name) => {
                matches!(
                    name.to_ascii_lowercase().as_str(),
                    "localhost" | "127.0.0.1" | "::1"
                )
            }
        }
    }
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Tcp(name) => f.write_str(name),
            Host::Socket(dir) => write!(f, "{}", dir.display()),
        }
    }
}

/// The roots a server certificate is checked against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RootCerts {
    /// The operating system's trust store (`sslrootcert=system`, or no root file at all).
    System,
    /// A PEM file of CA certificates (`sslrootcert`, `PGSSLROOTCERT`, or
    /// `~/.postgresql/root.crt` when it exists).
    File(PathBuf),
}

/// Where the password came from (never the password itself), for messages and the keychain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordSource {
    Url,
    Service,
    Environment,
    Pgpass(PathBuf),
    /// Given by the app ([`PgConfig::with_password`]: asked, or from the OS keychain).
    App,
}

/// Everything a connection needs. Its `Debug` never shows the password.
#[derive(Clone, PartialEq, Eq)]
pub struct PgConfig {
    pub host: Host,
    pub port: u16,
    pub user: String,
    pub database: String,
    password: Option<(Secret, PasswordSource)>,
    pub sslmode: SslMode,
    /// The roots for checking the server: `None` with `prefer` or `require` and no root file.
    pub root_certs: Option<RootCerts>,
    pub connect_timeout: Option<Duration>,
    pub application_name: String,
    /// What a user should hear about (a password file ignored because others may read it).
    pub warnings: Vec<String>,
}

impl fmt::Debug for PgConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PgConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("user", &self.user)
            .field("database", &self.database)
            .field("password", &self.password_source().map(|s| ("***", s)))
            .field("sslmode", &self.sslmode)
            .field("root_certs", &self.root_certs)
            .field("connect_timeout", &self.connect_timeout)
            .finish_non_exhaustive()
    }
}

impl PgConfig {
    /// The password to send, if any source had one.
    pub fn password(&self) -> Option<&Secret> {
        self.password.as_ref().map(|(secret, _)| secret)
    }

    pub fn password_source(&self) -> Option<&PasswordSource> {
        self.password.as_ref().map(|(_, source)| source)
    }

    /// The same connection with the password the app got from the user or the keychain
    /// (after [`Error::PgPasswordNeeded`] or [`Error::PgCredentials`]).
    pub fn with_password(mut self, password: Secret) -> PgConfig {
        self.password = Some((password, PasswordSource::App));
        self
    }

    /// Resolves `url` against this process's environment and the user's files.
    pub fn resolve(url: &PgUrl) -> Result<PgConfig> {
        PgConfig::resolve_with(url, &|name| std::env::var(name).ok())
    }

    /// Resolves `url` with `env` as the environment (tests pass their own).
    pub fn resolve_with(url: &PgUrl, env: &dyn Fn(&str) -> Option<String>) -> Result<PgConfig> {
        let env = |name: &str| env(name).filter(|v| !v.is_empty());
        let service_name = url
            .param("service")
            .map(str::to_owned)
            .or_else(|| env("PGSERVICE"));
        let service = match service_name {
            Some(name) => find_service(&name, &env)?,
            None => Vec::new(),
        };
        // URL, then service, then environment variable.
        let setting = |key: &str, var: &str| -> Option<String> {
            let from_url = match key {
                "host" => url.host.clone(),
                "user" => url.user.clone(),
                "dbname" => url.database.clone(),
                "port" => url.port.map(|p| p.to_string()),
                _ => url.param(key).map(str::to_owned),
            };
            from_url
                .or_else(|| {
                    service
                        .iter()
                        .rev()
                        .find(|(k, _)| k == key)
                        .map(|(_, v)| v.clone())
                })
                .or_else(|| env(var))
        };
        let host = match setting("host", "PGHOST") {
            Some(host) if host.contains(',') => {
                return Err(Error::PgSetting {
                    setting: "host".to_owned(),
                    problem: format!(
                        "{host:?} names several hosts; CSMS Desk connects to one server (name one host)"
                    ),
                });
            }
            Some(host) => Host::from_setting(&host),
            None => default_host(),
        };
        let port = match setting("port", "PGPORT") {
            Some(port) => {
                port.parse::<u16>()
                    .ok()
                    .filter(|p| *p > 0)
                    .ok_or_else(|| Error::PgSetting {
                        setting: "port".to_owned(),
                        problem: format!("{port:?} is not a port number (1 to 65535)"),
                    })?
            }
            None => 5432,
        };
        let user = setting("user", "PGUSER").unwrap_or_else(whoami::username);
        let database = setting("dbname", "PGDATABASE").unwrap_or_else(|| user.clone());
        let sslmode = match setting("sslmode", "PGSSLMODE") {
            Some(mode) => SslMode::parse(&mode)?,
            None if host.is_local() => SslMode::Prefer,
            None => SslMode::Require,
        };
        let root_certs = match setting("sslrootcert", "PGSSLROOTCERT") {
            Some(s) if s == "system" => Some(RootCerts::System),
            Some(file) => Some(RootCerts::File(PathBuf::from(file))),
            None => user_dir(&env)
                .map(|d| {
                    d.join(if cfg!(windows) {
                        "root.crt"
                    } else {
                        ".postgresql/root.crt"
                    })
                })
                .filter(|p| p.is_file())
                .map(RootCerts::File)
                .or(match sslmode {
                    SslMode::VerifyCa | SslMode::VerifyFull => Some(RootCerts::System),
                    _ => None,
                }),
        };
        let connect_timeout = match setting("connect_timeout", "PGCONNECT_TIMEOUT") {
            Some(seconds) => match seconds.trim().parse::<u64>() {
                Ok(0) => None,
                // libpq's floor: less than 2 s is 2 s.
                Ok(s) => Some(Duration::from_secs(s.max(2))),
                Err(_) => {
                    return Err(Error::PgSetting {
                        setting: "connect_timeout".to_owned(),
                        problem: format!("{seconds:?} is not a whole number of seconds"),
                    });
                }
            },
            None => Some(DEFAULT_CONNECT_TIMEOUT),
        };
        let application_name =
            setting("application_name", "PGAPPNAME").unwrap_or_else(|| "csmsdesk".to_owned());
        let mut warnings = Vec::new();
        let password = if let Some(secret) = &url.password {
            Some((secret.clone(), PasswordSource::Url))
        } else if let Some((_, p)) = service.iter().rev().find(|(k, _)| k == "password") {
            Some((Secret::new(p.clone()), PasswordSource::Service))
        } else if let Some(p) = env("PGPASSWORD") {
            Some((Secret::new(p), PasswordSource::Environment))
        } else {
            pgpass_path(&env).and_then(|path| match read_pgpass(&path) {
                Ok(text) => password_from_pgpass(
                    &text?,
                    &host.to_string(),
                    port,
                    &database,
                    &user,
                )
                .map(|p| (Secret::new(p), PasswordSource::Pgpass(path))),
                Err(skipped) => {
                    let warning = match skipped {
                        PgpassSkipped::TooOpen { path, mode } => format!(
                            "password file {} ignored: group or others may read it (mode {mode:o}); \
                             make it private with chmod 0600",
                            path.display()
                        ),
                        PgpassSkipped::NotAFile { path } => {
                            format!("password file {} ignored: not a plain file", path.display())
                        }
                    };
                    tracing::warn!("{warning}");
                    warnings.push(warning);
                    None
                }
            })
        };
        Ok(PgConfig {
            host,
            port,
            user,
            database,
            password,
            sslmode,
            root_certs,
            connect_timeout,
            application_name,
            warnings,
        })
    }
}

#[cfg(unix)]
fn default_host() -> Host {
    Host::Socket(PathBuf::from(DEFAULT_SOCKET_DIR))
}

#[cfg(not(unix))]
fn default_host() -> Host {
    Host::Tcp("localhost".to_owned())
}

/// The folder libpq keeps the user's files in: `$HOME` on Unix (the files are dotted there),
/// `%APPDATA%\postgresql` on Windows.
fn user_dir(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    if cfg!(windows) {
        env("APPDATA").map(|d| Path::new(&d).join("postgresql"))
    } else {
        env("HOME").map(PathBuf::from)
    }
}

/// `PGPASSFILE`, else `~/.pgpass` (`%APPDATA%\postgresql\pgpass.conf` on Windows).
fn pgpass_path(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    env("PGPASSFILE").map(PathBuf::from).or_else(|| {
        user_dir(env).map(|d| {
            d.join(if cfg!(windows) {
                "pgpass.conf"
            } else {
                ".pgpass"
            })
        })
    })
}

/// The settings of service `name`: from the user's service file (`PGSERVICEFILE`, else
/// `~/.pg_service.conf`), else the system's (`PGSYSCONFDIR/pg_service.conf`). A name no file
/// defines, and a key libpq would not accept, are errors.
fn find_service(name: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<Vec<(String, String)>> {
    let user_file = env("PGSERVICEFILE").map(PathBuf::from).or_else(|| {
        // `~/.pg_service.conf`; `%APPDATA%\postgresql\.pg_service.conf` on Windows.
        user_dir(env).map(|d| d.join(".pg_service.conf"))
    });
    let system_file = env("PGSYSCONFDIR").map(|d| Path::new(&d).join("pg_service.conf"));
    let files: Vec<PathBuf> = user_file.into_iter().chain(system_file).collect();
    for file in &files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        if let Some(settings) = service_section(&text, name, file)? {
            if let Some((key, _)) = settings
                .iter()
                .find(|(k, _)| !URL_PARAMETERS.contains(&k.as_str()) || k == "service")
            {
                return Err(Error::PgSetting {
                    setting: format!("service file {}", file.display()),
                    problem: format!(
                        "service [{name}] sets {key:?}, which CSMS Desk does not know"
                    ),
                });
            }
            return Ok(settings);
        }
    }
    Err(Error::PgSetting {
        setting: "service".to_owned(),
        problem: format!(
            "no service [{name}] in {}",
            if files.is_empty() {
                "any service file (set PGSERVICEFILE)".to_owned()
            } else {
                files
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect::<Vec<_>>()
                    .join(" or ")
            }
        ),
    })
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
