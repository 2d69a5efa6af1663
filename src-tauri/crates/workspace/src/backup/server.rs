//! Restoring a backup into a PostgreSQL database (issue 19, "Moving between desk and
//! server"): the same checks as a restore into a folder, then the content into the database's
//! vault and the rows, journal included, in one transaction (`store::transfer`).

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use csmsdesk_store::Db;
use csmsdesk_store::pg::{PgConfig, PgUrl};
use csmsdesk_store::vault::{Vault, VaultError};

use super::RestoreReport;
use super::unpack::{Place, unpack};
use crate::package::io_error;
use crate::workspace::{DB_FILE, VAULT_DIR};
use crate::{Error, Progress, Result};

/// Restores the backup at `file` into the database `url` names, which must hold no workspace
/// yet (empty, or a schema made but never used): refused before a byte is unpacked otherwise.
/// Every entry is checked as for a folder (`SHA256SUMS`, the database exactly as the
/// migrations make it, every content one the database names) while it is unpacked into a
/// hidden folder in the temporary folder, removed afterwards. Then the content goes into the
/// database's vault (a failure leaves content no row names, stored once and harmless, never a
/// row without its content) and the rows into the database in one transaction: on any failure
/// or cancel the database is still new. Ids, the journal and its chain move as they are.
pub(super) fn restore_into_server(
    file: &Path,
    url: &PgUrl,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<RestoreReport> {
    let config = PgConfig::resolve(url)?;
    let mut db = Db::new_pg(&config)?;
    let reader = crate::error::open_input(file)?;
    let parent = std::env::temp_dir();
    let staging =
        crate::partial::create_dir(&parent, "restore").map_err(|e| io_error(&parent, e))?;
    let place = Place {
        file,
        shown: &parent,
        into: staging.path(),
        restore: true,
    };
    let mut report = unpack(reader, &place, progress, cancel)?;
    let vault = Vault::postgres(&config)?;
    let blobs = staged_blobs(&staging.path().join(VAULT_DIR))?;
    let bytes_total = blobs.iter().map(|(_, size)| size).sum();
    let mut bytes_done = 0;
    for (index, (path, size)) in blobs.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return Err(Error::Cancelled);
        }
        match vault.ingest(path, cancel) {
            Ok(_) => {}
            Err(VaultError::Cancelled) => return Err(Error::Cancelled),
            Err(e) => {
                return Err(csmsdesk_store::Error::Io {
                    path: path.clone(),
                    source: std::io::Error::other(e.to_string()),
                }
                .into());
            }
        }
        bytes_done += size;
        progress(Progress {
            files_done: index + 1,
            files_total: blobs.len(),
            bytes_done,
            bytes_total,
        });
    }
    let staged_db = staging.path().join(DB_FILE);
    db.write(|tx| csmsdesk_store::transfer::from_sqlite_file(&staged_db, tx, &mut |_, _| {}))?;
    tracing::info!(from = %file.display(), to = %url, "workspace restored on PostgreSQL");
    report.server = Some(url.to_string());
    Ok(report)
}

/// The content files a restore staged (`vault/<2 hex>/<sha256>`, each checked against its
/// name while unpacked), with their sizes, in name order.
fn staged_blobs(vault: &Path) -> Result<Vec<(std::path::PathBuf, u64)>> {
    let mut out = Vec::new();
    let Ok(folders) = std::fs::read_dir(vault) else {
        return Ok(out);
    };
    for folder in folders {
        let folder = folder.map_err(|e| io_error(vault, e))?.path();
        for entry in std::fs::read_dir(&folder).map_err(|e| io_error(&folder, e))? {
            let entry = entry.map_err(|e| io_error(&folder, e))?;
            let size = entry.metadata().map_err(|e| io_error(&folder, e))?.len();
            out.push((entry.path(), size));
        }
    }
    out.sort();
    Ok(out)
}
