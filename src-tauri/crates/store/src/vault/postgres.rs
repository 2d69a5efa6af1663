//! The evidence vault in PostgreSQL (issue 19): content in `evidence_chunk` rows of at most
//! 1 MiB (`BYTEA`), named by SHA-256 in `evidence_content`, so that one `pg_dump` holds the
//! whole workspace.
//!
//! A content is written under a staging key, an `evidence_upload` row, chunk by chunk while
//! it is hashed (each chunk its own statement: memory holds one chunk). When the hash is
//! known, one transaction makes the upload the blob of that hash, or drops it when that hash
//! is already stored. Until then no `evidence_content` row names it, so a crash or a cancel
//! leaves no blob that is not complete; the staged rows of a crashed writer are removed by
//! [`PgVault::remove_leftovers`]. A writer holds a session advisory lock on its upload while
//! it writes, so that another client's `remove_leftovers` never takes an upload under way (a
//! crashed session's locks go with it).
//!
//! The vault has its own connection: its writes commit on their own (as the folder's files
//! are written before the row that names them), and a read streams chunk by chunk, one
//! point query per chunk (by primary key), while the workspace's connection queries.

use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use postgres::Client;

use super::{Blob, VaultError};

/// The class of the two-key advisory locks of uploads under way ("CSMS" in ASCII); two-key
/// locks never meet the one-key ones of the migration and the journal's seal.
pub(super) const UPLOAD_LOCK_CLASS: i32 = 0x4353_4D53;

/// The key of upload `id`'s advisory lock (within [`UPLOAD_LOCK_CLASS`]).
const LOCK_KEY: &str = "(?1::bigint % 2147483647)::integer";

pub(super) struct PgVault {
    client: Mutex<Client>,
    /// How to connect again once the connection is lost (`None`: a client handed in).
    config: Option<crate::pg::PgConfig>,
    /// What messages name as the vault's place: `postgresql://host:port/database`.
    shown: PathBuf,
}

impl std::fmt::Debug for PgVault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgVault")
            .field("shown", &self.shown)
            .finish()
    }
}

/// A server's error as an I/O error of the kind a message is made of (the user hears "the
/// disk is full" or "the connection was lost", not the server's text, which goes to the log).
fn io(e: postgres::Error) -> std::io::Error {
    use postgres::error::SqlState;
    let kind = match e.code() {
        Some(code) if *code == SqlState::DISK_FULL => ErrorKind::StorageFull,
        Some(code) if *code == SqlState::INSUFFICIENT_PRIVILEGE => ErrorKind::PermissionDenied,
        // Class 08: connection exceptions; 57P01..03: the server shuts down or is restarting.
        Some(code) if code.code().starts_with("08") || code.code().starts_with("57P") => {
            ErrorKind::ConnectionAborted
        }
        Some(_) => ErrorKind::Other,
        None if e.is_closed() => ErrorKind::NotConnected,
        None => std::error::Error::source(&e)
            .and_then(|s| s.downcast_ref::<std::io::Error>())
            .map_or(ErrorKind::Other, std::io::Error::kind),
    };
    tracing::warn!(error = %e, "the vault's database failed");
    std::io::Error::new(kind, e)
}

impl PgVault {
    pub(super) fn new(
        client: Client,
        config: Option<crate::pg::PgConfig>,
        shown: PathBuf,
    ) -> PgVault {
        PgVault {
            client: Mutex::new(client),
            config,
            shown,
        }
    }

    pub(super) fn shown(&self) -> &Path {
        &self.shown
    }

    /// The connection, made again when it was lost (a server restart, a network outage): the
    /// operation that found it lost failed, the next one connects. A panic of another user
    /// leaves it usable (each statement stands on its own, and a transaction not committed is
    /// rolled back when it is dropped).
    fn client(&self) -> MutexGuard<'_, Client> {
        let mut client = self
            .client
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if client.is_closed()
            && let Some(config) = &self.config
        {
            match crate::pg::connect(config) {
                Ok(again) => *client = again,
                Err(e) => tracing::warn!(error = %e, "the vault cannot reach its database"),
            }
        }
        client
    }

    fn write_error(&self, e: postgres::Error) -> VaultError {
        VaultError::Write {
            path: self.shown.clone(),
            source: io(e),
        }
    }

    /// The upload and size of the blob of `sha256`, when it is stored.
    fn find(&self, sha256: &str) -> std::io::Result<Option<(i64, i64)>> {
        Ok(self
            .client()
            .query_opt(
                "SELECT upload_id, size FROM evidence_content WHERE sha256 = $1",
                &[&sha256],
            )
            .map_err(io)?
            .map(|r| (r.get(0), r.get(1))))
    }

    pub(super) fn contains(&self, sha256: &str) -> std::io::Result<bool> {
        Ok(self.find(sha256)?.is_some())
    }

    /// Writes a content under a staging key: `produce` hands each chunk to the sink it is
    /// given (as read, at most [`super::CHUNK`] bytes) and returns the content's blob; then the
    /// upload becomes that blob, or is dropped when the blob is already stored. On any error
    /// (a cancel included) the staged rows are removed, or left for `remove_leftovers` when
    /// the server cannot be reached.
    pub(super) fn upload(
        &self,
        produce: impl FnOnce(
            &mut dyn FnMut(&[u8]) -> Result<(), VaultError>,
        ) -> Result<Blob, VaultError>,
    ) -> Result<Blob, VaultError> {
        let id: i64 = {
            let sql = format!(
                "WITH u AS (INSERT INTO evidence_upload DEFAULT VALUES RETURNING id)
                 SELECT id FROM u WHERE pg_try_advisory_lock({UPLOAD_LOCK_CLASS}, {})",
                LOCK_KEY.replace("?1", "u.id")
            );
            let row = self
                .client()
                .query_one(&sql, &[])
                .map_err(|e| self.write_error(e))?;
            row.get(0)
        };
        let mut n: i64 = 0;
        // Prepared once: each chunk then costs one round trip.
        let insert = self
            .client()
            .prepare("INSERT INTO evidence_chunk (upload_id, n, data) VALUES ($1, $2, $3)");
        let result = insert
            .map_err(|e| self.write_error(e))
            .and_then(|insert| {
                produce(&mut |chunk: &[u8]| {
                    self.client()
                        .execute(&insert, &[&id, &n, &chunk])
                        .map_err(|e| self.write_error(e))?;
                    n += 1;
                    Ok(())
                })
            })
            .and_then(|blob| self.finish(id, &blob).map(|()| blob));
        if result.is_err()
            && let Err(e) = self
                .client()
                .execute("DELETE FROM evidence_upload WHERE id = $1", &[&id])
        {
            tracing::warn!(upload = id, error = %e, "staged evidence content stays until the next opening");
        }
        let unlock = format!(
            "SELECT pg_advisory_unlock({UPLOAD_LOCK_CLASS}, {})",
            LOCK_KEY.replace("?1", "$1")
        );
        if let Err(e) = self.client().execute(&unlock, &[&id]) {
            tracing::warn!(upload = id, error = %e, "could not release the upload's lock");
        }
        result
    }

    /// In one transaction: upload `id` becomes the blob of its hash, or goes away when that
    /// hash is stored already.
    fn finish(&self, id: i64, blob: &Blob) -> Result<(), VaultError> {
        let size = i64::try_from(blob.size).unwrap_or(i64::MAX);
        let mut client = self.client();
        let mut tx = client.transaction().map_err(|e| self.write_error(e))?;
        let made = tx
            .execute(
                "INSERT INTO evidence_content (sha256, size, upload_id) VALUES ($1, $2, $3)
                 ON CONFLICT (sha256) DO NOTHING",
                &[&blob.sha256, &size, &id],
            )
            .map_err(|e| self.write_error(e))?;
        if made == 0 {
            tx.execute("DELETE FROM evidence_upload WHERE id = $1", &[&id])
                .map_err(|e| self.write_error(e))?;
        }
        tx.commit().map_err(|e| self.write_error(e))
    }

    /// Removes uploads no blob names whose writer is gone (its advisory lock is free). As in
    /// the folder, only call when no write of this process is under way: a session's own
    /// locks do not keep it out.
    pub(super) fn remove_leftovers(&self) {
        let sql = format!(
            "DELETE FROM evidence_upload u
              WHERE NOT EXISTS (SELECT 1 FROM evidence_content c WHERE c.upload_id = u.id)
                AND pg_try_advisory_xact_lock({UPLOAD_LOCK_CLASS}, {})",
            LOCK_KEY.replace("?1", "u.id")
        );
        match self.client().execute(&sql, &[]) {
            Ok(0) => {}
            Ok(n) => tracing::info!(
                uploads = n,
                "staged evidence content of a crashed write removed"
            ),
            Err(e) => tracing::warn!(error = %e, "leftover staged evidence content stays"),
        }
    }

    /// A reader of the blob of `sha256`, one chunk in memory at a time; `NotFound` when it is
    /// not stored.
    pub(super) fn open(self: &Arc<Self>, sha256: &str) -> std::io::Result<ChunkReader> {
        let select = self
            .client()
            .prepare("SELECT data FROM evidence_chunk WHERE upload_id = $1 AND n = $2")
            .map_err(io)?;
        let Some((upload, size)) = self.find(sha256)? else {
            return Err(std::io::Error::new(
                ErrorKind::NotFound,
                format!("no evidence content {sha256} in {}", self.shown.display()),
            ));
        };
        Ok(ChunkReader {
            vault: Arc::clone(self),
            select,
            upload,
            size: u64::try_from(size).unwrap_or(0),
            next: 0,
            read: 0,
            chunk: Vec::new(),
            at: 0,
        })
    }
}

/// Reads a blob's chunks in order, each fetched when the one before is used up.
pub(super) struct ChunkReader {
    vault: Arc<PgVault>,
    /// The chunk query, prepared once on the vault's connection.
    select: postgres::Statement,
    upload: i64,
    size: u64,
    next: i64,
    read: u64,
    chunk: Vec<u8>,
    at: usize,
}

impl Read for ChunkReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.chunk.len() {
            let row = self
                .vault
                .client()
                .query_opt(&self.select, &[&self.upload, &self.next])
                .map_err(io)?;
            match row {
                Some(row) => {
                    self.chunk = row.get(0);
                    self.at = 0;
                    self.next += 1;
                }
                None if self.read == self.size => return Ok(0),
                // Rows gone behind the vault's back: the content is not whole.
                None => {
                    return Err(std::io::Error::new(
                        ErrorKind::UnexpectedEof,
                        format!("{} of {} bytes stored", self.read, self.size),
                    ));
                }
            }
        }
        let n = buf.len().min(self.chunk.len() - self.at);
        buf[..n].copy_from_slice(&self.chunk[self.at..self.at + n]);
        self.at += n;
        self.read += n as u64;
        Ok(n)
    }
}
