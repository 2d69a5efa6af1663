//! Storage of a CSMS Desk workspace: the database (SQLite, or PostgreSQL: issue 19) with its
//! migrations, the lock that keeps a second writer out of a folder, and the evidence vault.
//!
//! This is the only crate that imports `rusqlite` or touches workspace files. It speaks in
//! `core` types; the use cases that combine its parts live in `csmsdesk-workspace`.

pub mod assessment;
pub mod audit;
pub mod catalogue;
pub mod company_profile;
pub mod db;
pub mod evidence;
pub mod exchange;
pub mod journal;
pub mod location;
pub mod lock;
pub mod pg;
pub mod protection_object;
pub mod revision;
pub mod schema;
pub mod scope;
pub mod search;
pub mod settings;
pub mod sql;
pub mod transfer;
pub mod vault;

use std::path::PathBuf;

pub use db::Db;
pub use lock::{LockHolder, WorkspaceLock};
pub use sql::{Conn, Transaction};

/// What can go wrong while storing or loading workspace data.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file exists but SQLite does not recognise it as a database (it was replaced,
    /// truncated or encrypted by something else).
    #[error("{path} is not a SQLite database")]
    NotADatabase { path: PathBuf },
    /// The file is a SQLite database of some other program: it has tables but none of ours.
    #[error("{path} is a SQLite database of another program")]
    ForeignDatabase { path: PathBuf },
    /// The workspace was written by a newer CSMS Desk whose schema this build does not know.
    #[error("{path} has schema version {found}; this build knows up to {supported}")]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// The workspace was written by an older build and must be opened for writing once to be
    /// brought up to date before it can be opened read-only.
    #[error("{path} has schema version {found}; opening it read-only needs {supported}")]
    OlderSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// Another process holds the workspace lock; `holder` is who, when its lock file says so
    /// and may be read (on Windows the holder's lock keeps others from reading the file).
    #[error("workspace {path} is in use by {}", .holder.as_ref().map_or_else(|| "another process".to_owned(), ToString::to_string))]
    InUse {
        path: PathBuf,
        holder: Option<LockHolder>,
    },
    /// `workspace.lock` is a link, a folder or another special file, not a plain file: the
    /// lock refuses to follow it (it would empty whatever the link points to).
    #[error("{path} is not a plain file")]
    LockNotAFile { path: PathBuf },
    /// A file or folder of the workspace cannot be created or written (permissions, read-only
    /// medium).
    #[error("cannot write {path}: {source}")]
    NotWritable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Any other file system failure.
    #[error("file system error at {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// SQLite failed in a way the variants above do not cover (disk full, I/O error).
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A migration could not be applied for a reason other than SQLite itself.
    #[error("migration failed: {0}")]
    Migration(rusqlite_migration::Error),
    /// A value to be written breaks a rule of core that the schema cannot express (a TISAX
    /// label with a level it cannot have); the use cases check first, so this is a bug.
    #[error("refused to write {column} = {value:?}")]
    Refused { column: &'static str, value: String },
    /// A stored value breaks an invariant the schema cannot express (edited by hand).
    #[error("stored value {column} = {value:?} is invalid")]
    Corrupt { column: &'static str, value: String },
    /// A PostgreSQL workspace's setting (its URL, the service file, an environment variable)
    /// cannot be read: `setting` names which, `problem` what is wrong and how to fix it.
    #[error("invalid PostgreSQL setting {setting}: {problem}")]
    PgSetting { setting: String, problem: String },
    /// The server cannot be reached (refused, no route, name unknown, timed out).
    #[error("cannot reach the PostgreSQL server at {host} port {port}: {reason}")]
    PgUnreachable {
        host: String,
        port: u16,
        reason: String,
    },
    /// The server refused these credentials (wrong password, or no `pg_hba.conf` entry);
    /// `reason` is the server's own message, which never holds the password.
    #[error(
        "the PostgreSQL server at {host} port {port} refused user {user} for database {database}: {reason}"
    )]
    PgCredentials {
        host: String,
        port: u16,
        user: String,
        database: String,
        reason: String,
    },
    /// The server asks for a password and no source had one (the app may ask the user or
    /// the OS keychain, then retry with `PgConfig::with_password`).
    #[error(
        "the PostgreSQL server at {host} port {port} asks for the password of user {user} (database {database}), and none was found in PGPASSWORD, the password file or the service"
    )]
    PgPasswordNeeded {
        host: String,
        port: u16,
        user: String,
        database: String,
    },
    /// TLS was required and could not be set up: the server offers none, or its certificate
    /// was not trusted for this host.
    #[error("TLS with the PostgreSQL server at {host} port {port} failed: {reason}")]
    PgTls {
        host: String,
        port: u16,
        reason: String,
    },
    /// The server has no database of that name.
    #[error("the PostgreSQL server at {host} port {port} has no database {database}")]
    PgNoDatabase {
        host: String,
        port: u16,
        database: String,
    },
    /// The database holds tables or schemas of something else and no CSMS Desk workspace.
    #[error("database {database} belongs to something else (it holds {}) and is no CSMS Desk workspace", .found.join(", "))]
    PgForeignDatabase {
        database: String,
        found: Vec<String>,
    },
    /// The database's workspace was written by a newer CSMS Desk.
    #[error("database {database} has schema version {found}; this build knows up to {supported}")]
    PgNewerSchema {
        database: String,
        found: i64,
        supported: i64,
    },
    /// A store function not yet written for PostgreSQL was called on a PostgreSQL workspace
    /// (`sql::Sql::sqlite`, the bridge while modules are ported): `operation` names its
    /// module (`audit`, `evidence`), `at` the file and line.
    #[error("{operation} is not available yet for a workspace on PostgreSQL ({at})")]
    PgNotYet { operation: String, at: String },
    /// `Db::create_pg` found a workspace in the database already.
    #[error("database {database} already holds a CSMS Desk workspace")]
    PgAlreadyAWorkspace { database: String },
    /// The connected role may not make this change: of the members (`action`: `set_up`,
    /// `add` or `remove`, `pg::team`; `reason` is the server's own message), or of the rules
    /// (`rules`: an editor's; the server's grants refuse it too).
    #[error("the connected role may not do this ({action}): {reason}")]
    PgNotAllowed {
        action: &'static str,
        reason: String,
    },
    /// Members and roles were asked of a workspace folder: they exist on PostgreSQL only
    /// (a folder has one user, who owns its files).
    #[error("members and roles exist on a workspace on PostgreSQL only")]
    MembersOnServerOnly,
    /// The workspace's schema is older than this build's and the connected member may not
    /// update it: only the database's owner may (`owner`).
    #[error(
        "database {database} has schema version {found}, this build needs {supported}, and only its owner {owner} may update it"
    )]
    PgOwnerMustUpdate {
        database: String,
        owner: String,
        found: i64,
        supported: i64,
    },
    /// `Db::open_pg` found no workspace in the database (it is empty).
    #[error("database {database} holds no CSMS Desk workspace")]
    PgNoWorkspace { database: String },
    /// A statement failed inside a transaction whose use case went on: PostgreSQL rolled it
    /// all back, so nothing was saved.
    #[error("a statement failed inside the transaction; PostgreSQL saved nothing of it")]
    PgAborted,
    /// A query that must answer one row answered none (`sql::SqlExt::query_row`, on either
    /// engine): a row the schema guarantees is missing, or a bug.
    /// Optimistic concurrency (`revision.rs`): the record was saved by someone else since the
    /// form that tried to save it read it.
    #[error("{record} {id} was changed by {by} at {at}")]
    Changed {
        record: &'static str,
        id: i64,
        by: String,
        at: String,
    },
    #[error("a row the workspace must have is missing")]
    NoRow,
    /// Copying a workspace between engines (`transfer`) met databases that do not fit: not
    /// the same tables or columns, or a target that is not a new workspace. Nothing was copied.
    #[error("cannot copy the workspace: {0}")]
    TransferMismatch(String),
    /// PostgreSQL failed in a way the variants above do not cover.
    #[error("PostgreSQL error: {}", postgres_detail(.0))]
    Postgres(#[from] postgres::Error),
}

/// A PostgreSQL error with the server's message, which `postgres::Error`'s own text leaves
/// out ("db error").
fn postgres_detail(error: &postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => format!("{}: {}", db.code().code(), db.message()),
        None => error.to_string(),
    }
}

impl Error {
    /// Whether SQLite refused a write because the database is open read-only, or PostgreSQL
    /// because the session's transactions are (`Db::set_read_only`).
    pub fn is_read_only(&self) -> bool {
        match self {
            Error::Sqlite(e) => e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly),
            Error::Postgres(e) => {
                e.code() == Some(&postgres::error::SqlState::READ_ONLY_SQL_TRANSACTION)
            }
            _ => false,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Options that create files readable and writable by the owner only (0600 on Unix): the
/// workspace holds customers' product secrets.
pub(crate) fn private_file_options() -> std::fs::OpenOptions {
    #[allow(unused_mut)]
    let mut options = std::fs::OpenOptions::new();
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// Creates `path` and missing parents; the last folder is private to the owner (0700 on Unix).
pub fn create_private_dir(path: &std::path::Path) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(path).map_err(|e| io_error(path, e))?;
    // An existing folder keeps its mode under `create`: tighten it too.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| io_error(path, e))?;
    }
    Ok(())
}

/// Builds the `Io` or `NotWritable` error for `path`, depending on the kind of failure.
pub(crate) fn io_error(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
    let path = path.into();
    match source.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            Error::NotWritable { path, source }
        }
        _ => Error::Io { path, source },
    }
}
