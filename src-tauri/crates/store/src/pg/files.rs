//! The files libpq users keep their connection settings in: the password file (`~/.pgpass`,
//! `%APPDATA%\postgresql\pgpass.conf`) and the connection service file
//! (`~/.pg_service.conf`), read exactly as libpq reads them.

use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// One line of a password file: `host:port:database:user:password`, `*` matching anything in
/// the first four fields, `\:` and `\\` escaping.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PassEntry {
    fields: [String; 4],
    password: String,
}

/// Splits a line at unescaped `:` into at most five fields, unescaping `\:` and `\\`. A line
/// with fewer than five fields is skipped, as libpq skips it.
fn pass_entry(line: &str) -> Option<PassEntry> {
    let mut fields: Vec<String> = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    fields.last_mut()?.push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut()?.push(c),
        }
    }
    if fields.len() < 5 {
        return None;
    }
    let password = fields.pop()?;
    Some(PassEntry {
        fields: [
            fields[0].clone(),
            fields[1].clone(),
            fields[2].clone(),
            fields[3].clone(),
        ],
        password,
    })
}

/// The password a password file's `text` gives for this connection: the first line whose four
/// fields match (each literally or by `*`). The host of a Unix-socket connection is matched as
/// `localhost`, as libpq does for its default socket.
pub fn password_from_pgpass(
    text: &str,
    host: &str,
    port: u16,
    database: &str,
    user: &str,
) -> Option<String> {
    let host = if host.starts_with('/') {
        "localhost"
    } else {
        host
    };
    let port = port.to_string();
    let wanted = [host, port.as_str(), database, user];
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .filter_map(pass_entry)
        .find(|entry| {
            entry
                .fields
                .iter()
                .zip(wanted)
                .all(|(field, value)| field == "*" || field == value)
        })
        .map(|entry| entry.password)
}

/// Why a password file was not read, for the warning a user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PgpassSkipped {
    /// Group or others may read it (Unix): libpq ignores such a file, and so do we.
    TooOpen { path: PathBuf, mode: u32 },
    /// It is not a plain file.
    NotAFile { path: PathBuf },
}

/// Reads the password file at `path`: `Ok(None)` when there is none, `Err(skipped)` when one
/// is there but must not be used (libpq's rules), else its text.
pub fn read_pgpass(path: &Path) -> std::result::Result<Option<String>, PgpassSkipped> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(None);
    };
    if !meta.is_file() {
        return Err(PgpassSkipped::NotAFile {
            path: path.to_owned(),
        });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(PgpassSkipped::TooOpen {
                path: path.to_owned(),
                mode,
            });
        }
    }
    Ok(std::fs::read_to_string(path).ok())
}

/// The `key=value` settings of section `[name]` of a service file's `text`, or `None` when the
/// file has no such section. Lines starting with `#` are comments; spaces around keys and
/// values are dropped. A line that is neither is an error naming the file and the line.
pub fn service_section(
    text: &str,
    name: &str,
    file: &Path,
) -> Result<Option<Vec<(String, String)>>> {
    let mut current: Option<&str> = None;
    let mut found: Option<Vec<(String, String)>> = None;
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if found.is_some() {
                break;
            }
            current = Some(section.trim());
            if current == Some(name) {
                found = Some(Vec::new());
            }
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(Error::PgSetting {
                setting: format!("service file {}", file.display()),
                problem: format!("line {} is not [section] nor key=value", number + 1),
            });
        };
        if current == Some(name)
            && let Some(settings) = found.as_mut()
        {
            settings.push((key.trim().to_owned(), value.trim().to_owned()));
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pgpass_matches_fields_literally_or_by_wildcard_first_line_wins() {
        let text = "# comment\n\
                    db.example.com:5432:ws:alice:first\n\
                    *:*:ws:alice:second\n\
                    *:*:*:*:fallback\n";
        let get = |h, p, d, u| password_from_pgpass(text, h, p, d, u);
        assert_eq!(
            get("db.example.com", 5432, "ws", "alice").as_deref(),
            Some("first")
        );
        assert_eq!(get("other", 5433, "ws", "alice").as_deref(), Some("second"));
        assert_eq!(get("other", 5432, "x", "bob").as_deref(), Some("fallback"));
        assert_eq!(password_from_pgpass("a:1:b:c:d\n", "a", 2, "b", "c"), None);
    }

    #[test]
    fn pgpass_escapes_colons_and_backslashes_and_keeps_colons_in_the_password() {
        let text = "my\\:host:5432:db\\\\x:u:pa\\:ss:with:colons\n";
        assert_eq!(
            password_from_pgpass(text, "my:host", 5432, "db\\x", "u").as_deref(),
            Some("pa:ss:with:colons")
        );
        // A line with fewer than five fields is skipped, not an error.
        assert_eq!(password_from_pgpass("h:1:d:u\n", "h", 1, "d", "u"), None);
        // CRLF line ends (a file edited on Windows) do not end up in the password.
        assert_eq!(
            password_from_pgpass("h:1:d:u:pw\r\n", "h", 1, "d", "u").as_deref(),
            Some("pw")
        );
    }

    #[test]
    fn a_unix_socket_matches_as_localhost() {
        let text = "localhost:5432:d:u:local\n";
        assert_eq!(
            password_from_pgpass(text, "/var/run/postgresql", 5432, "d", "u").as_deref(),
            Some("local")
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_pgpass_others_may_read_is_skipped_and_a_private_one_read() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pgpass");
        std::fs::write(&path, "*:*:*:*:pw\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(
            read_pgpass(&path),
            Err(PgpassSkipped::TooOpen {
                path: path.clone(),
                mode: 0o644
            })
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(read_pgpass(&path), Ok(Some("*:*:*:*:pw\n".to_owned())));
        assert_eq!(read_pgpass(&dir.path().join("none")), Ok(None));
        assert_eq!(
            read_pgpass(dir.path()),
            Err(PgpassSkipped::NotAFile {
                path: dir.path().to_owned()
            })
        );
    }

    #[test]
    fn a_service_section_is_read_and_others_are_not() {
        let text = "# services\n[other]\nhost=wrong\n\n[csms]\n host = db.example.com \nport=6543\ndbname=ws\n[later]\nhost=also-wrong\n";
        let file = Path::new("services.conf");
        assert_eq!(
            service_section(text, "csms", file).unwrap(),
            Some(vec![
                ("host".to_owned(), "db.example.com".to_owned()),
                ("port".to_owned(), "6543".to_owned()),
                ("dbname".to_owned(), "ws".to_owned()),
            ])
        );
        assert_eq!(service_section(text, "missing", file).unwrap(), None);
        let err = service_section("[a]\nnonsense\n", "a", file).unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
