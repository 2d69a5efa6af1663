//! Opening, creating and describing a workspace, and its company profile. A workspace is a
//! folder (its database file, vault and lock) or a database on a PostgreSQL server, named by
//! a `postgres://` URL (issue 19): no lock there (the server's transactions keep writes
//! safe) and no folder.

use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use csmsdesk_core::company::{
    CompanyProfile, CompanyProfileInput, LanguagePreference, validate_profile,
};
use csmsdesk_store::pg::{Location, PgConfig, PgUrl};
use csmsdesk_store::vault::Vault;
use csmsdesk_store::{Db, WorkspaceLock, company_profile, create_private_dir};

use crate::{Error, Result};

/// The database file inside a workspace folder.
pub const DB_FILE: &str = "workspace.sqlite";
/// The folder inside a workspace that holds evidence content.
pub const VAULT_DIR: &str = "vault";

/// An open workspace, held for writing by this process until dropped, or open read-only
/// while another process holds it.
#[derive(Debug)]
pub struct Workspace {
    location: Location,
    pub(crate) db: Db,
    /// Evidence content: the folder's `vault`, or the database's tables on a connection of
    /// the vault's own.
    pub(crate) vault: Vault,
    /// On PostgreSQL, the settings it was opened with: the live updates' own connection.
    pub(crate) pg_config: Option<PgConfig>,
    // Declared last so the database closes before the lock is released. None when read-only.
    _lock: Option<WorkspaceLock>,
}

/// What `info` reports about a workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceInfo {
    /// The workspace folder; empty for a workspace on PostgreSQL.
    pub dir: PathBuf,
    /// Where the workspace is, as a user reads it: the folder, or the URL with its password
    /// (if it holds one) shown as `***`.
    pub location: String,
    /// Whether the workspace is a database on a PostgreSQL server.
    pub on_postgres: bool,
    pub schema_version: i64,
    pub created_at: Option<String>,
    pub company: CompanyProfile,
    /// On PostgreSQL, what the connected member may do; `None` for a folder.
    pub member_role: Option<crate::Role>,
    /// The name this desk's user has as an owner ([`Workspace::me`]).
    pub me: String,
}

pub(crate) fn timestamp(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl Workspace {
    /// Opens the workspace in `dir`, migrating its schema if it was written by an older build.
    pub fn open(dir: &Path, now: DateTime<Utc>) -> Result<Workspace> {
        let db_path = dir.join(DB_FILE);
        if !db_path.is_file() {
            return Err(Error::NotAWorkspace {
                path: dir.to_owned(),
            });
        }
        let lock = WorkspaceLock::acquire(dir, &timestamp(now))?;
        let db = Db::open(&db_path)?;
        let vault = Vault::new(dir.join(VAULT_DIR));
        // We hold the lock, so no write of ours is under way: what `tmp` holds is a crash's.
        vault.remove_leftovers();
        Ok(Workspace {
            location: Location::Folder(dir.to_owned()),
            db,
            vault,
            pg_config: None,
            _lock: Some(lock),
        })
    }

    /// Opens the workspace in `dir` for looking only, without its lock: what a second window
    /// or command gets while another process holds the workspace. Every change is refused
    /// with [`crate::ErrorCode::ReadOnly`]; reading, verifying, exporting to a file and
    /// backing up work.
    pub fn open_read_only(dir: &Path) -> Result<Workspace> {
        let db_path = dir.join(DB_FILE);
        if !db_path.is_file() {
            return Err(Error::NotAWorkspace {
                path: dir.to_owned(),
            });
        }
        let db = Db::open_read_only(&db_path)?;
        Ok(Workspace {
            location: Location::Folder(dir.to_owned()),
            db,
            vault: Vault::new(dir.join(VAULT_DIR)),
            pg_config: None,
            _lock: None,
        })
    }

    /// Whether this workspace was opened with [`Workspace::open_read_only`].
    pub fn is_read_only(&self) -> bool {
        self.db.is_read_only()
    }

    /// Names what makes the following changes in the journal: `app`, or `cli` and the command.
    pub fn set_journal_source(&self, source: &str) {
        self.db.set_source(source);
    }

    /// Creates a new workspace in `dir`, which must be missing or empty. On failure nothing is
    /// left behind that a later `create` or `open` would trip over.
    pub fn create(dir: &Path, now: DateTime<Utc>) -> Result<Workspace> {
        let created_dir = match std::fs::read_dir(dir) {
            Ok(mut entries) => {
                if dir.join(DB_FILE).exists() {
                    return Err(Error::AlreadyAWorkspace {
                        path: dir.to_owned(),
                    });
                }
                if entries.next().is_some() {
                    return Err(Error::FolderNotEmpty {
                        path: dir.to_owned(),
                    });
                }
                false
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
            Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
                return Err(Error::FolderNotEmpty {
                    path: dir.to_owned(),
                });
            }
            Err(source) => {
                return Err(csmsdesk_store::Error::Io {
                    path: dir.to_owned(),
                    source,
                }
                .into());
            }
        };
        create_private_dir(dir)?;
        let result = Self::create_in_empty(dir, now);
        if result.is_err() {
            // Leave the folder as we found it, so the user can simply try again.
            let _ = std::fs::remove_file(dir.join(DB_FILE));
            let _ = std::fs::remove_file(dir.join(WorkspaceLock::FILE_NAME));
            let _ = std::fs::remove_dir(dir.join(VAULT_DIR));
            if created_dir {
                let _ = std::fs::remove_dir(dir);
            }
        }
        result
    }

    fn create_in_empty(dir: &Path, now: DateTime<Utc>) -> Result<Workspace> {
        let lock = WorkspaceLock::acquire(dir, &timestamp(now))?;
        let created_by = concat!("CSMS Desk ", env!("CARGO_PKG_VERSION"));
        let db = Db::create(&dir.join(DB_FILE), &timestamp(now), created_by)?;
        create_private_dir(&dir.join(VAULT_DIR))?;
        tracing::info!(dir = %dir.display(), "created workspace");
        Ok(Workspace {
            location: Location::Folder(dir.to_owned()),
            db,
            vault: Vault::new(dir.join(VAULT_DIR)),
            pg_config: None,
            _lock: Some(lock),
        })
    }

    /// Opens the workspace in `dir`, or creates it there if the folder is missing or empty:
    /// what the app does with its default workspace on first start.
    pub fn open_or_create(dir: &Path, now: DateTime<Utc>) -> Result<Workspace> {
        if dir.join(DB_FILE).is_file() {
            Self::open(dir, now)
        } else {
            Self::create(dir, now)
        }
    }

    /// The workspace folder; an empty path for a workspace on PostgreSQL, which has none
    /// (use [`Workspace::folder`] where that matters).
    pub fn dir(&self) -> &Path {
        self.folder().unwrap_or(Path::new(""))
    }

    /// The workspace folder, or `None` for a workspace on PostgreSQL.
    pub fn folder(&self) -> Option<&Path> {
        match &self.location {
            Location::Folder(dir) => Some(dir),
            Location::Postgres(_) => None,
        }
    }

    /// Where the workspace is: a folder or a PostgreSQL URL.
    pub fn place(&self) -> &Location {
        &self.location
    }

    pub fn info(&self) -> Result<WorkspaceInfo> {
        Ok(WorkspaceInfo {
            dir: self.dir().to_owned(),
            location: self.location.to_string(),
            on_postgres: matches!(self.location, Location::Postgres(_)),
            schema_version: self.db.schema_version()?,
            created_at: self.db.meta("created_at")?,
            company: self.company_profile()?,
            member_role: self.member_role(),
            me: self.me(),
        })
    }

    pub fn company_profile(&self) -> Result<CompanyProfile> {
        Ok(company_profile::load(self.db.conn())?)
    }

    /// Validates and stores the company profile; on invalid input nothing is stored and every
    /// field's problem is returned.
    pub fn save_company_profile(&mut self, input: &CompanyProfileInput) -> Result<CompanyProfile> {
        let profile = validate_profile(input).map_err(Error::InvalidProfile)?;
        company_profile::save(self.db.conn(), &profile)?;
        tracing::info!("saved company profile");
        Ok(profile)
    }

    /// Creates a workspace for the company `company_name` (what `csmsdesk-cli init` does).
    /// The name is checked first, so a refused name leaves no workspace behind.
    pub fn init(dir: &Path, company_name: &str, now: DateTime<Utc>) -> Result<Workspace> {
        Self::init_at(&Location::Folder(dir.to_owned()), company_name, now)
    }

    /// [`Workspace::init`] at a folder or a PostgreSQL URL.
    pub fn init_at(
        location: &Location,
        company_name: &str,
        now: DateTime<Utc>,
    ) -> Result<Workspace> {
        let input = CompanyProfileInput {
            company_name: company_name.to_owned(),
            language: LanguagePreference::System.as_str().to_owned(),
            ..CompanyProfileInput::default()
        };
        let profile = validate_profile(&input).map_err(Error::InvalidProfile)?;
        let ws = Self::create_at(location, now)?;
        company_profile::save(ws.db.conn(), &profile)?;
        Ok(ws)
    }

    /// Opens the workspace at a folder ([`Workspace::open`]) or a PostgreSQL URL: its settings
    /// resolved as libpq's (the service file, `PG*` variables, the password file), its schema
    /// brought up to date. Refuses a database without a workspace, another program's and a
    /// newer build's, unchanged.
    pub fn open_at(location: &Location, now: DateTime<Utc>) -> Result<Workspace> {
        match location {
            Location::Folder(dir) => Self::open(dir, now),
            Location::Postgres(url) => Self::open_pg(url, &PgConfig::resolve(url)?),
        }
    }

    /// Opens the workspace at `url` with `config` (the app passes one with the password the
    /// user typed: `PgConfig::with_password`).
    pub fn open_pg(url: &PgUrl, config: &PgConfig) -> Result<Workspace> {
        let db = Db::open_pg(config)?;
        let vault = Vault::postgres(config)?;
        // An upload is locked while it is written (by any client): those left unlocked are
        // a crashed or killed writer's.
        vault.remove_leftovers();
        tracing::info!(location = %url, "opened workspace on PostgreSQL");
        Ok(Workspace {
            location: Location::Postgres(url.clone()),
            db,
            vault,
            pg_config: Some(config.clone()),
            _lock: None,
        })
    }

    /// [`Workspace::open_read_only`] at a folder or a PostgreSQL URL. On PostgreSQL (no lock
    /// to wait for) the session's transactions are read-only: the server refuses every write.
    pub fn open_read_only_at(location: &Location, now: DateTime<Utc>) -> Result<Workspace> {
        match location {
            Location::Folder(dir) => Self::open_read_only(dir),
            Location::Postgres(_) => {
                let mut ws = Self::open_at(location, now)?;
                ws.db.set_read_only()?;
                Ok(ws)
            }
        }
    }

    /// Creates a new workspace at a folder ([`Workspace::create`]) or in the database a
    /// PostgreSQL URL names, which must be empty (or hold only an empty schema `csmsdesk`).
    pub fn create_at(location: &Location, now: DateTime<Utc>) -> Result<Workspace> {
        let url = match location {
            Location::Folder(dir) => return Self::create(dir, now),
            Location::Postgres(url) => url,
        };
        let created_by = concat!("CSMS Desk ", env!("CARGO_PKG_VERSION"));
        let config = PgConfig::resolve(url)?;
        let db = Db::create_pg(&config, &timestamp(now), created_by)?;
        let vault = Vault::postgres(&config)?;
        tracing::info!(location = %url, "created workspace on PostgreSQL");
        Ok(Workspace {
            location: location.clone(),
            db,
            vault,
            pg_config: Some(config),
            _lock: None,
        })
    }
}

#[cfg(test)]
mod tests;
