//! Where a workspace lives: a folder on this desk, or a database named by a `postgres://` URL.
//!
//! The URL is read as libpq reads one (RFC 3986 with percent-escapes): `postgresql://[user[:
//! password]@][host][:port][/database][?param=value&...]`. A password inside the URL is
//! allowed but never shown: [`PgUrl`]'s `Display` and `Debug` print `***` in its place.

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::PathBuf;

use crate::{Error, Result};

/// A workspace's location, as every shell accepts it (`--workspace`, `CSMSDESK_WORKSPACE`,
/// the open dialog, the last-used memory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A workspace folder (`workspace.sqlite`, `vault/`, `workspace.lock`).
    Folder(PathBuf),
    /// A database on a PostgreSQL server.
    Postgres(PgUrl),
}

impl Location {
    /// Reads what a user gave as a workspace: a `postgres://` or `postgresql://` URL (scheme
    /// in any case) is a server's database, anything else a folder. A URL that cannot be read
    /// is an error naming what is wrong, never a folder of that strange name.
    pub fn parse(text: &OsStr) -> Result<Location> {
        match text.to_str() {
            Some(s) if is_postgres_url(s) => Ok(Location::Postgres(PgUrl::parse(s)?)),
            _ => Ok(Location::Folder(PathBuf::from(OsString::from(text)))),
        }
    }
}

impl fmt::Display for Location {
    /// The folder's path, or the URL with its password replaced by `***`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Folder(path) => write!(f, "{}", path.display()),
            Location::Postgres(url) => write!(f, "{url}"),
        }
    }
}

/// Whether `text` starts with a PostgreSQL URL scheme.
pub fn is_postgres_url(text: &str) -> bool {
    let lower = text.get(..13).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// A secret (a password): kept in memory as given, never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The secret itself, for the one place that sends it to the server.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// The parameters a URL's query may carry (libpq's names). Anything else is refused, as libpq
/// refuses it, so that a misspelt `sslmode` never silently means "no TLS".
pub const URL_PARAMETERS: &[&str] = &[
    "host",
    "port",
    "user",
    "password",
    "dbname",
    "sslmode",
    "sslrootcert",
    "service",
    "connect_timeout",
    "application_name",
];

/// A parsed `postgres://` URL: only what it says itself; [`super::config`] fills the rest
/// from the service file, the environment and the defaults.
#[derive(Clone, PartialEq, Eq)]
pub struct PgUrl {
    pub user: Option<String>,
    pub password: Option<Secret>,
    pub host: Option<String>,
    pub port: Option<u16>,
    pub database: Option<String>,
    /// The query's `key=value` pairs other than `password` (which goes to `password`), in
    /// their order, each key one of [`URL_PARAMETERS`].
    pub params: Vec<(String, String)>,
}

impl PgUrl {
    /// Reads `text`, which must start with `postgres://` or `postgresql://`.
    pub fn parse(text: &str) -> Result<PgUrl> {
        let invalid = |problem: &str| Error::PgSetting {
            setting: "URL".to_owned(),
            problem: problem.to_owned(),
        };
        if !is_postgres_url(text) {
            return Err(invalid("it must start with postgres:// or postgresql://"));
        }
        let rest = &text[text.find("://").map_or(0, |i| i + 3)..];
        let (before_query, query) = match rest.split_once('?') {
            Some((b, q)) => (b, Some(q)),
            None => (rest, None),
        };
        let (authority, path) = match before_query.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (before_query, None),
        };
        let (userinfo, hostport) = match authority.rsplit_once('@') {
            Some((u, h)) => (Some(u), h),
            None => (None, authority),
        };
        let mut url = PgUrl {
            user: None,
            password: None,
            host: None,
            port: None,
            database: None,
            params: Vec::new(),
        };
        if let Some(userinfo) = userinfo {
            let (user, password) = match userinfo.split_once(':') {
                Some((u, p)) => (u, Some(p)),
                None => (userinfo, None),
            };
            if !user.is_empty() {
                url.user = Some(decode(user, "user name")?);
            }
            if let Some(password) = password {
                url.password = Some(Secret(decode(password, "password")?));
            }
        }
        if hostport.contains(',') {
            return Err(invalid(
                "it names several hosts; CSMS Desk connects to one server (name one host)",
            ));
        }
        let (host, port) = split_host_port(hostport).map_err(|p| invalid(&p))?;
        if !host.is_empty() {
            url.host = Some(decode(host, "host")?);
        }
        if let Some(port) = port {
            url.port = Some(parse_port(port)?);
        }
        if let Some(path) = path.filter(|p| !p.is_empty()) {
            url.database = Some(decode(path, "database name")?);
        }
        for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').ok_or_else(|| {
                invalid(&format!(
                    "the parameter {pair:?} has no value (write key=value)"
                ))
            })?;
            let key = decode(key, "parameter name")?;
            if !URL_PARAMETERS.contains(&key.as_str()) {
                return Err(invalid(&format!(
                    "the parameter {key:?} is not one CSMS Desk knows; known are: {}",
                    URL_PARAMETERS.join(", ")
                )));
            }
            let value = decode(value, &key)?;
            match key.as_str() {
                "password" => url.password = Some(Secret(value)),
                "port" => url.port = Some(parse_port(&value)?),
                "user" => url.user = Some(value),
                "dbname" => url.database = Some(value),
                "host" => url.host = Some(value),
                _ => url.params.push((key, value)),
            }
        }
        Ok(url)
    }

    /// The value of the query parameter `key` (not `host`, `port`, `user`, `dbname` or
    /// `password`, which have their own fields).
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Splits `host:port`, `[ipv6]:port`, `host` or `:port`.
fn split_host_port(hostport: &str) -> Result<(&str, Option<&str>), String> {
    if let Some(bracketed) = hostport.strip_prefix('[') {
        let (host, after) = bracketed
            .split_once(']')
            .ok_or("an IPv6 address opened with [ is not closed with ]")?;
        return match after {
            "" => Ok((host, None)),
            _ => match after.strip_prefix(':') {
                Some(port) => Ok((host, Some(port))),
                None => Err(format!("unexpected {after:?} after the IPv6 address")),
            },
        };
    }
    Ok(match hostport.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (hostport, None),
    })
}

fn parse_port(port: &str) -> Result<u16> {
    port.parse::<u16>()
        .ok()
        .filter(|p| *p > 0)
        .ok_or_else(|| Error::PgSetting {
            setting: "port".to_owned(),
            problem: format!("{port:?} is not a port number (1 to 65535)"),
        })
}

/// Percent-decodes `text` into UTF-8.
fn decode(text: &str, what: &str) -> Result<String> {
    let bad = |problem: String| Error::PgSetting {
        setting: what.to_owned(),
        problem,
    };
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3).unwrap_or("");
            let byte = u8::from_str_radix(hex, 16)
                .ok()
                .filter(|_| hex.len() == 2 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
                .ok_or_else(|| {
                    bad("a % must be followed by two hexadecimal digits (%40 for @)".to_owned())
                })?;
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| bad("its %-escapes do not decode to UTF-8 text".to_owned()))
}

/// Percent-encodes what is not unreserved in RFC 3986 (for printing).
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl fmt::Display for PgUrl {
    /// The URL again, with `***` for a password: safe for logs and messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("postgresql://")?;
        if let Some(user) = &self.user {
            f.write_str(&encode(user))?;
        }
        if self.password.is_some() {
            f.write_str(":***")?;
        }
        if self.user.is_some() || self.password.is_some() {
            f.write_str("@")?;
        }
        match &self.host {
            Some(host) if host.contains(':') && !host.starts_with('/') => write!(f, "[{host}]")?,
            Some(host) => f.write_str(&encode(host))?,
            None => {}
        }
        if let Some(port) = self.port {
            write!(f, ":{port}")?;
        }
        if let Some(database) = &self.database {
            write!(f, "/{}", encode(database))?;
        }
        for (i, (key, value)) in self.params.iter().enumerate() {
            write!(
                f,
                "{}{key}={}",
                if i == 0 { '?' } else { '&' },
                encode(value)
            )?;
        }
        Ok(())
    }
}

impl fmt::Debug for PgUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PgUrl({self})")
    }
}
