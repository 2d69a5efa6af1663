//! Errors of the use cases, with the stable code the shells branch on and the message a user
//! reads.

use std::path::PathBuf;

use csmsdesk_core::catalogue::CatalogueProblem;
use csmsdesk_core::company::FieldError;
use csmsdesk_core::i18n::Message;
use csmsdesk_store::Error as StoreError;

/// What can go wrong in a use case.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The folder holds no `workspace.sqlite` (a typo, or the workspace was moved).
    #[error("no workspace at {path}")]
    NotAWorkspace { path: PathBuf },
    /// A new workspace was asked for in a folder that already holds one.
    #[error("{path} already holds a workspace")]
    AlreadyAWorkspace { path: PathBuf },
    /// A new workspace was asked for in a folder that holds other files.
    #[error("{path} is not empty")]
    FolderNotEmpty { path: PathBuf },
    /// The OS tells no per-user data folder for the default workspace (no home folder).
    #[error("no default workspace location")]
    NoDefaultLocation,
    /// The company profile typed by the user has problems; each names its field.
    #[error("invalid company profile: {0:?}")]
    InvalidProfile(Vec<FieldError>),
    /// Input of a form or command has problems; each names its field.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<Invalid>),
    /// A named thing (location, scope, protection object, question, requirement) does not
    /// exist.
    #[error("no {kind} {name}")]
    NotFound { kind: &'static str, name: String },
    /// A name or id typed by the user fits more than one record of its kind; `choices`
    /// lists them ("ECU (#5), Body (#2)").
    #[error("{name} could mean several of {kind}: {choices}")]
    Ambiguous {
        kind: &'static str,
        name: String,
        choices: String,
    },
    /// A file to import cannot be read (missing, a folder, no permission).
    #[error("cannot read {path}: {source}")]
    FileUnreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A path given as a file to read is a folder, a pipe or a device.
    #[error("{path} is not a regular file")]
    NotAFile { path: PathBuf },
    /// A file the user asked for (an export, a calendar) cannot be written there.
    #[error("cannot write {path}: {source}")]
    FileUnwritable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The user cancelled long work; nothing of it was kept.
    #[error("cancelled")]
    Cancelled,
    /// A file to import is larger than anything of its kind.
    #[error("{path} has {bytes} bytes, more than {max}")]
    FileTooLarge { path: PathBuf, bytes: u64, max: u64 },
    /// The file is not a workbook we can read (format, password, damage, size).
    #[error("{file}: {source}")]
    Workbook {
        file: String,
        source: csmsdesk_workbook::WorkbookError,
    },
    /// The catalogue sheet breaks the catalogue's rules; the problem names where.
    #[error("{file}: {problem:?}")]
    CatalogueSheet {
        file: String,
        problem: Box<CatalogueProblem>,
    },
    /// A catalogue of the same name as the current one, where one of the two versions cannot
    /// be read: importing it would replace the current catalogue and move its scopes, which
    /// the user must confirm.
    #[error("{file}: version {version} cannot be compared with {current}")]
    VersionUnknown {
        file: String,
        version: String,
        current: String,
        scopes: usize,
    },
    /// Removing a thing would remove others with it (a finding's corrective actions, an
    /// audit's findings): `message` says what; `flag` is the CLI's confirmation.
    #[error("removing it would remove more")]
    WouldRemove {
        message: Message,
        flag: &'static str,
    },
    /// No catalogue has been imported yet.
    #[error("no catalogue imported")]
    NoCatalogue,
    /// A catalogue ID that does not exist in this workspace.
    #[error("no catalogue {id}")]
    UnknownCatalogue { id: i64 },
    /// The storage layer failed; see [`StoreError`] for the cases.
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Opens `path` for reading if it is a regular file (links followed): never a folder, a named
/// pipe (opening one would wait for a writer forever) or a device.
pub(crate) fn open_input(path: &std::path::Path) -> Result<std::fs::File> {
    let unreadable = |source| Error::FileUnreadable {
        path: path.to_owned(),
        source,
    };
    if !std::fs::metadata(path).map_err(unreadable)?.is_file() {
        return Err(Error::NotAFile {
            path: path.to_owned(),
        });
    }
    std::fs::File::open(path).map_err(unreadable)
}

/// What the operating system said went wrong with a file, in words a user can act on (never
/// the `Debug` name of an error kind).
pub fn io_detail(error: &std::io::Error) -> Message {
    use std::io::ErrorKind as K;
    let key = match error.kind() {
        _ if is_link_loop(error) => "io.link_loop",
        _ if is_open_elsewhere(error) => "io.busy",
        K::NotFound => "io.not_found",
        K::PermissionDenied => "io.permission_denied",
        K::InvalidFilename => "io.invalid_filename",
        K::NotADirectory => "io.not_a_directory",
        K::IsADirectory => "io.is_a_directory",
        K::StorageFull | K::QuotaExceeded => "io.storage_full",
        K::ReadOnlyFilesystem => "io.read_only",
        K::AlreadyExists => "io.already_exists",
        K::ResourceBusy => "io.busy",
        K::FileTooLarge => "io.too_large",
        K::TimedOut
        | K::ConnectionReset
        | K::ConnectionAborted
        | K::NotConnected
        | K::NetworkDown
        | K::NetworkUnreachable
        | K::HostUnreachable
        | K::StaleNetworkFileHandle => "io.network",
        K::UnexpectedEof | K::InvalidData => "io.damaged",
        _ => "io.other",
    };
    Message::new(key).arg(
        "code",
        error
            .raw_os_error()
            .map_or_else(String::new, |c| c.to_string()),
    )
}

/// Whether `error` says a chain of links loops (ELOOP; Windows: ERROR_CANT_RESOLVE_FILENAME).
/// `ErrorKind::FilesystemLoop` is not stable yet, so the OS's own code decides.
fn is_link_loop(error: &std::io::Error) -> bool {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    const LOOP: i32 = 40;
    #[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd"))]
    const LOOP: i32 = 62;
    #[cfg(windows)]
    const LOOP: i32 = 1921;
    #[cfg(not(any(
        target_os = "linux",
        target_os = "android",
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd",
        windows
    )))]
    const LOOP: i32 = i32::MIN;
    error.raw_os_error() == Some(LOOP)
}

/// Whether `error` is Windows refusing a file that another program holds open without
/// sharing it (ERROR_SHARING_VIOLATION, 32) or has locked (ERROR_LOCK_VIOLATION, 33); std
/// has no kind for either, and Unix never refuses an open this way.
fn is_open_elsewhere(error: &std::io::Error) -> bool {
    cfg!(windows) && matches!(error.raw_os_error(), Some(32 | 33))
}

/// What the user reads about a PostgreSQL workspace's failure: where the server is, what
/// was found, and what to check. No store error carries a password, so none can show here.
fn pg_message(e: &StoreError) -> Message {
    match e {
        StoreError::PgSetting { setting, problem } => Message::new("error.pg_setting")
            .arg("setting", setting)
            .arg("problem", problem),
        StoreError::PgUnreachable { host, port, reason } => Message::new("error.pg_unreachable")
            .arg("host", host)
            .arg("port", port)
            .arg("reason", reason),
        StoreError::PgCredentials {
            host,
            port,
            user,
            database,
            reason,
        } => Message::new("error.pg_credentials")
            .arg("host", host)
            .arg("port", port)
            .arg("user", user)
            .arg("database", database)
            .arg("reason", reason),
        StoreError::PgPasswordNeeded {
            host,
            port,
            user,
            database,
        } => Message::new("error.pg_password_needed")
            .arg("host", host)
            .arg("port", port)
            .arg("user", user)
            .arg("database", database),
        StoreError::PgTls { host, port, reason } => Message::new("error.pg_tls")
            .arg("host", host)
            .arg("port", port)
            .arg("reason", reason),
        StoreError::PgNoDatabase {
            host,
            port,
            database,
        } => Message::new("error.pg_no_database")
            .arg("host", host)
            .arg("port", port)
            .arg("database", database),
        StoreError::PgForeignDatabase { database, found } => {
            Message::new("error.pg_foreign_database")
                .arg("database", database)
                .arg("found", found.join(", "))
        }
        StoreError::PgNewerSchema {
            database,
            found,
            supported,
        } => Message::new("error.pg_newer_schema")
            .arg("database", database)
            .arg("found", found)
            .arg("supported", supported),
        StoreError::PgAlreadyAWorkspace { database } => {
            Message::new("error.pg_workspace_exists").arg("database", database)
        }
        StoreError::PgNoWorkspace { database } => {
            Message::new("error.pg_no_workspace").arg("database", database)
        }
        StoreError::PgNotYet { operation, .. } => {
            Message::new("error.pg_not_yet").arg("operation", operation)
        }
        StoreError::PgNotAllowed { action, reason } => Message::new(match *action {
            "set_up" => "error.pg_not_allowed_set_up",
            "remove" => "error.pg_not_allowed_remove",
            "rules" => "error.pg_not_allowed_rules",
            _ => "error.pg_not_allowed_add",
        })
        .arg("reason", reason),
        StoreError::PgOwnerMustUpdate {
            database,
            owner,
            found,
            supported,
        } => Message::new("error.pg_owner_must_update")
            .arg("database", database)
            .arg("owner", owner)
            .arg("found", found)
            .arg("supported", supported),
        StoreError::MembersOnServerOnly => Message::new("error.members_server_only"),
        StoreError::PgAborted => Message::new("error.pg_aborted"),
        StoreError::Changed { by, at, .. } => {
            let (day, time) = local_day_and_time(at);
            Message::new("error.changed")
                .arg("by", by)
                .arg("day", day)
                .arg("time", time)
        }
        _ => Message::new("error.internal"),
    }
}

/// One field's problem: the field's name in forms, JSON and CLI flags, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub field: String,
    pub message: Message,
}

impl Invalid {
    pub fn new(field: &str, message: Message) -> Invalid {
        Invalid {
            field: field.to_owned(),
            message,
        }
    }
}

/// The closed set of error kinds the shells branch on. Grow it only when a shell needs a new
/// branch; the message carries the detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// The user's input is wrong; the message (and field errors) say how to fix it.
    InvalidInput,
    /// No workspace where one was expected.
    WorkspaceMissing,
    /// Another app window or CLI process holds the workspace.
    WorkspaceInUse,
    /// The workspace exists but cannot be used by this build (damaged, foreign or newer).
    WorkspaceUnusable,
    /// A file or folder cannot be written.
    NotWritable,
    /// The workspace is open read-only (another process holds it): nothing was changed.
    ReadOnly,
    /// The request would do something the user must confirm first (the message says what);
    /// sent again with the confirmation, it goes through.
    NeedsConfirmation,
    /// Someone else saved the record since the form read it (optimistic concurrency): nothing
    /// was changed; the message says who and when, and the form offers to reload.
    Changed,
    /// A failure the user cannot fix by changing their input; logged in full.
    Internal,
}

impl ErrorCode {
    /// The name used in JSON (`invalid_input`, `workspace_in_use`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::WorkspaceMissing => "workspace_missing",
            ErrorCode::WorkspaceInUse => "workspace_in_use",
            ErrorCode::WorkspaceUnusable => "workspace_unusable",
            ErrorCode::NotWritable => "not_writable",
            ErrorCode::ReadOnly => "read_only",
            ErrorCode::NeedsConfirmation => "needs_confirmation",
            ErrorCode::Changed => "changed",
            ErrorCode::Internal => "internal",
        }
    }
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NotAWorkspace { .. } => ErrorCode::WorkspaceMissing,
            Error::FileUnwritable { .. } => ErrorCode::NotWritable,
            Error::Cancelled => ErrorCode::InvalidInput,
            Error::VersionUnknown { .. } | Error::WouldRemove { .. } => {
                ErrorCode::NeedsConfirmation
            }
            Error::AlreadyAWorkspace { .. }
            | Error::FolderNotEmpty { .. }
            | Error::NoDefaultLocation
            | Error::InvalidProfile(_)
            | Error::Invalid(_)
            | Error::NotFound { .. }
            | Error::Ambiguous { .. }
            | Error::FileUnreadable { .. }
            | Error::NotAFile { .. }
            | Error::FileTooLarge { .. }
            | Error::Workbook { .. }
            | Error::CatalogueSheet { .. }
            | Error::NoCatalogue
            | Error::UnknownCatalogue { .. } => ErrorCode::InvalidInput,
            Error::Store(e) if e.is_read_only() => ErrorCode::ReadOnly,
            Error::Store(e) => match e {
                StoreError::InUse { .. } => ErrorCode::WorkspaceInUse,
                StoreError::LockNotAFile { .. } => ErrorCode::WorkspaceUnusable,
                StoreError::NotADatabase { .. }
                | StoreError::ForeignDatabase { .. }
                | StoreError::NewerSchema { .. }
                | StoreError::OlderSchema { .. }
                | StoreError::Corrupt { .. } => ErrorCode::WorkspaceUnusable,
                StoreError::NotWritable { .. } => ErrorCode::NotWritable,
                StoreError::Io { .. }
                | StoreError::Sqlite(_)
                | StoreError::Migration(_)
                | StoreError::Refused { .. }
                | StoreError::TransferMismatch(_)
                | StoreError::NoRow
                | StoreError::PgAborted
                | StoreError::Postgres(_) => ErrorCode::Internal,
                // A PostgreSQL workspace: what the user fixes in the URL, the environment or
                // the password file, a server or database that is not there, and one that
                // cannot be used by this build.
                StoreError::PgSetting { .. }
                | StoreError::PgCredentials { .. }
                | StoreError::PgPasswordNeeded { .. }
                | StoreError::PgTls { .. }
                | StoreError::PgAlreadyAWorkspace { .. }
                | StoreError::PgNotYet { .. }
                | StoreError::MembersOnServerOnly => ErrorCode::InvalidInput,
                StoreError::PgUnreachable { .. }
                | StoreError::PgNoDatabase { .. }
                | StoreError::PgNoWorkspace { .. } => ErrorCode::WorkspaceMissing,
                StoreError::PgForeignDatabase { .. }
                | StoreError::PgNewerSchema { .. }
                | StoreError::PgOwnerMustUpdate { .. } => ErrorCode::WorkspaceUnusable,
                // A member's role may not do it: as a change refused to a viewer.
                StoreError::PgNotAllowed { .. } => ErrorCode::ReadOnly,
                StoreError::Changed { .. } => ErrorCode::Changed,
            },
        }
    }

    /// The problems of single fields, for forms that mark them inline.
    pub fn field_errors(&self) -> Vec<Invalid> {
        match self {
            Error::InvalidProfile(errors) => errors
                .iter()
                .map(|e: &FieldError| Invalid::new(e.field.as_str(), e.message()))
                .collect(),
            Error::Invalid(errors) => errors.clone(),
            _ => Vec::new(),
        }
    }

    /// What the user reads: what went wrong, where, and what to do.
    pub fn message(&self) -> Message {
        let path = |p: &PathBuf| p.display().to_string();
        match self {
            Error::NotAWorkspace { path: p } => {
                Message::new("error.workspace_missing").arg("path", path(p))
            }
            Error::AlreadyAWorkspace { path: p } => {
                Message::new("error.workspace_exists").arg("path", path(p))
            }
            Error::FolderNotEmpty { path: p } => {
                Message::new("error.folder_not_empty").arg("path", path(p))
            }
            Error::NoDefaultLocation => Message::new("error.no_default_location"),
            Error::InvalidProfile(_) | Error::Invalid(_) => Message::new("error.invalid_profile"),
            Error::NotFound { kind, name } => Message::new("error.not_found")
                .arg_message("kind", Message::new(kind))
                .arg("name", name),
            Error::Ambiguous {
                kind,
                name,
                choices,
            } => Message::new("error.ambiguous")
                .arg_message("kind", Message::new(kind))
                .arg("name", name)
                .arg("choices", choices),
            Error::FileUnreadable { path: p, source } => Message::new("error.file_unreadable")
                .arg("path", path(p))
                .arg_message("detail", io_detail(source)),
            Error::NotAFile { path: p } => Message::new("error.not_a_file").arg("path", path(p)),
            Error::FileUnwritable { path: p, source } => Message::new("error.file_unwritable")
                .arg("path", path(p))
                .arg_message("detail", io_detail(source)),
            Error::Cancelled => Message::new("error.cancelled"),
            Error::WouldRemove { message, .. } => message.clone(),
            Error::FileTooLarge {
                path: p,
                bytes,
                max,
            } => Message::new("error.file_too_large")
                .arg("path", path(p))
                .arg("mib", bytes / (1024 * 1024))
                .arg("max_mib", max / (1024 * 1024)),
            Error::Workbook { file, source } => source.message(file),
            Error::CatalogueSheet { file, problem } => problem.message(file),
            Error::VersionUnknown {
                file,
                version,
                current,
                scopes,
            } => Message::new(if csmsdesk_core::catalogue::version_known(version) {
                "catalogue.replaces_unknown"
            } else {
                "catalogue.version_unknown"
            })
            .arg("file", file)
            .arg("version", version)
            .arg("current", current)
            .arg("scopes", scopes),
            Error::NoCatalogue => Message::new("error.no_catalogue"),
            Error::UnknownCatalogue { id } => Message::new("error.unknown_catalogue").arg("id", id),
            Error::Store(e) if e.is_read_only() => Message::new("error.read_only"),
            Error::Store(e) => match e {
                StoreError::InUse {
                    path: p,
                    holder: Some(holder),
                } => Message::new("error.workspace_in_use")
                    .arg("path", path(p))
                    .arg("pid", holder.pid)
                    .arg("host", &holder.host)
                    .arg("since", &holder.since),
                StoreError::InUse {
                    path: p,
                    holder: None,
                } => Message::new("error.workspace_in_use_unnamed").arg("path", path(p)),
                StoreError::LockNotAFile { path: p } => {
                    Message::new("error.lock_not_a_file").arg("path", path(p))
                }
                StoreError::NotADatabase { path: p } => {
                    Message::new("error.not_a_database").arg("path", path(p))
                }
                StoreError::ForeignDatabase { path: p } => {
                    Message::new("error.foreign_database").arg("path", path(p))
                }
                StoreError::NewerSchema {
                    path: p,
                    found,
                    supported,
                } => Message::new("error.newer_schema")
                    .arg("path", path(p))
                    .arg("found", found)
                    .arg("supported", supported),
                StoreError::OlderSchema {
                    path: p,
                    found,
                    supported,
                } => Message::new("error.older_schema")
                    .arg("path", path(p))
                    .arg("found", found)
                    .arg("supported", supported),
                StoreError::NotWritable { path: p, .. } => {
                    Message::new("error.not_writable").arg("path", path(p))
                }
                StoreError::Corrupt { column, .. } => {
                    Message::new("error.corrupt").arg("column", column)
                }
                StoreError::Io { path: p, source } => Message::new("error.io")
                    .arg("path", path(p))
                    .arg_message("detail", io_detail(source)),
                StoreError::Sqlite(_)
                | StoreError::Migration(_)
                | StoreError::Refused { .. }
                | StoreError::TransferMismatch(_)
                | StoreError::NoRow
                | StoreError::Postgres(_) => Message::new("error.internal"),
                pg => pg_message(pg),
            },
        }
    }
}

#[cfg(test)]
#[path = "error/pg_tests.rs"]
mod pg_tests;

/// A stored UTC time (`2026-12-06T20:15:42.123Z`, as the journal writes it) as this
/// computer's local day (ISO, which messages show in the reader's format) and `HH:MM`; the
/// text itself when it is no such time.
fn local_day_and_time(at: &str) -> (String, String) {
    match chrono::DateTime::parse_from_rfc3339(at) {
        Ok(t) => {
            let local = t.with_timezone(&chrono::Local);
            (
                local.date_naive().to_string(),
                local.format("%H:%M").to_string(),
            )
        }
        Err(_) => (at.to_owned(), String::new()),
    }
}
