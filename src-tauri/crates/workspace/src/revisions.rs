//! Concurrent edits that never lose a change (issue 20): store's `revision` behind the
//! workspace.
//!
//! A form reads a record's revision with the record (the revision first: `store::revision`) and
//! passes it back as `based_on` to the update; the update claims the next revision inside its
//! transaction and is refused with the `changed` code, naming who saved in between and when,
//! when the record moved on. An update given no revision (a change of named fields, the CLI's
//! `edit`) reads the record and its revision itself and, when another save lands between its
//! read and its write, reads again: it never writes back a field it did not mean to change.

pub use csmsdesk_store::revision::Record;

use std::collections::HashMap;

use csmsdesk_store::Error as StoreError;

use crate::{Error, Result, Workspace};

/// How often a change of named fields reads again after a save landed between its read and
/// its write. Each retry needs another desk to save the same record within milliseconds.
const FIELD_CHANGE_TRIES: usize = 5;

/// The revisions of the records of one kind, by id.
#[derive(Debug, Clone, Default)]
pub struct Revisions(HashMap<i64, i64>);

impl Revisions {
    /// Record `id`'s revision: 0 when it was never saved since it was added.
    pub fn get(&self, id: i64) -> i64 {
        self.0.get(&id).copied().unwrap_or(0)
    }
}

impl Workspace {
    /// Record `id`'s revision. Read it before the record it belongs to.
    pub fn revision(&self, record: Record, id: i64) -> Result<i64> {
        Ok(csmsdesk_store::revision::of(self.db.conn(), record, id)?)
    }

    /// The revision of every record of a kind. Read them before the records.
    pub fn revisions(&self, record: Record) -> Result<Revisions> {
        Ok(Revisions(csmsdesk_store::revision::of_all(
            self.db.conn(),
            record,
        )?))
    }

    /// Runs `change` (a read of record `id`, then its update based on the revision read
    /// before it) again while another desk's save lands between the two: how a change of
    /// named fields (the CLI's `edit`) keeps the fields it does not name as they are now.
    pub fn on_fresh<T>(
        &mut self,
        record: Record,
        id: i64,
        mut change: impl FnMut(&mut Workspace, i64) -> Result<T>,
    ) -> Result<T> {
        let mut tries = 0;
        loop {
            let revision = self.revision(record, id)?;
            match change(self, revision) {
                Err(Error::Store(StoreError::Changed { .. })) if tries + 1 < FIELD_CHANGE_TRIES => {
                    tries += 1;
                }
                other => return other,
            }
        }
    }
}

#[cfg(test)]
mod tests;
