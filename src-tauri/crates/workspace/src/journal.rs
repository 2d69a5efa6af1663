//! The journal of every change (see `csmsdesk_store::journal`), read page by page and verified;
//! and the workspace check that the crash test and `csmsdesk-cli check` run.

use std::sync::atomic::AtomicBool;

use csmsdesk_core::i18n::Message;
use csmsdesk_core::journal::{Entry, Head, Problem};
use csmsdesk_store::journal;

use crate::{Result, Workspace};

/// Entries per History page at most.
pub const MAX_PAGE: u32 = 500;

/// What `journal verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalReport {
    pub entries: usize,
    pub head: Option<Head>,
    pub problems: Vec<Problem>,
}

impl JournalReport {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// What the workspace check found: SQLite's integrity check, every evidence version's vault
/// copy, and the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// SQLite's problems; empty when the file is sound.
    pub integrity: Vec<String>,
    /// How many vault contents were re-hashed.
    pub blobs_checked: usize,
    /// Contents that are missing or no longer hash to their name.
    pub blob_problems: Vec<Message>,
    pub journal: JournalReport,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.integrity.is_empty() && self.blob_problems.is_empty() && self.journal.ok()
    }
}

/// The message naming one journal problem.
pub fn problem_message(problem: &Problem) -> Message {
    match problem {
        Problem::Edited { seq } => Message::new("journal.edited").arg("seq", seq),
        Problem::Unsealed { seq } => Message::new("journal.unsealed").arg("seq", seq),
        Problem::Deleted { first, last } if first == last => {
            Message::new("journal.deleted_one").arg("seq", first)
        }
        Problem::Deleted { first, last } => Message::new("journal.deleted")
            .arg("first", first)
            .arg("last", last),
        Problem::Inserted { seq } => Message::new("journal.inserted").arg("seq", seq),
        Problem::Replaced { seq } => Message::new("journal.replaced").arg("seq", seq),
        Problem::TailDeleted { last, head } => Message::new("journal.tail_deleted")
            .arg("last", last)
            .arg("head", head),
        Problem::HeadMismatch { seq } => Message::new("journal.head_mismatch").arg("seq", seq),
    }
}

impl Workspace {
    /// Entries older than `before` (newest first), optionally of one table and of one person
    /// (the journal's user); at most [`MAX_PAGE`].
    pub fn journal_page(
        &self,
        before: Option<i64>,
        table: Option<&str>,
        user: Option<&str>,
        limit: u32,
    ) -> Result<Vec<Entry>> {
        Ok(journal::page(
            self.db.conn(),
            &journal::PageQuery {
                before,
                table: table.filter(|t| !t.is_empty()),
                user: user.filter(|u| !u.is_empty()),
                limit: limit.clamp(1, MAX_PAGE),
            },
        )?)
    }

    /// Everyone who made a change, for the History screen's filter by person.
    pub fn journal_users(&self) -> Result<Vec<String>> {
        Ok(journal::users(self.db.conn())?)
    }

    /// The tables the journal covers, for the History screen's filter.
    pub fn journal_tables(&self) -> Result<Vec<String>> {
        Ok(journal::journalled_tables(self.db.conn())?)
    }

    /// Every entry, oldest first (for the full package).
    pub fn journal_entries(&self) -> Result<Vec<Entry>> {
        Ok(journal::entries(self.db.conn())?)
    }

    /// Re-computes the chain and names each entry that was edited, deleted or inserted.
    pub fn journal_verify(&self) -> Result<JournalReport> {
        let (entries, head, problems) = journal::verify(self.db.conn())?;
        Ok(JournalReport {
            entries,
            head,
            problems,
        })
    }

    /// Checks the whole workspace: the database file, every evidence content in the vault
    /// (re-hashed) and the journal. Changes nothing.
    pub fn check(&self, cancel: &AtomicBool) -> Result<CheckReport> {
        // The database, the contents it names and the journal as one snapshot shows them.
        self.db.snapshot(|| self.check_on_snapshot(cancel))
    }

    fn check_on_snapshot(&self, cancel: &AtomicBool) -> Result<CheckReport> {
        let integrity = self.db.integrity_check()?;
        let blobs = csmsdesk_store::evidence::blobs(self.db.conn())?;
        let vault = self.vault();
        let mut blob_problems = Vec::new();
        for (sha256, _) in &blobs {
            if cancel.load(std::sync::atomic::Ordering::Relaxed) {
                return Err(crate::Error::Cancelled);
            }
            let problem = if !vault.contains(sha256) {
                Some(Message::new("check.blob_missing"))
            } else {
                match vault.verify(sha256) {
                    Ok(true) => None,
                    Ok(false) => Some(Message::new("check.blob_damaged")),
                    Err(e) => Some(
                        Message::new("check.blob_unreadable")
                            .arg_message("detail", crate::error::io_detail(&e)),
                    ),
                }
            };
            if let Some(message) = problem {
                blob_problems.push(
                    message
                        .arg("sha256", sha256)
                        .arg("path", vault.location_of(sha256)),
                );
            }
        }
        Ok(CheckReport {
            integrity,
            blobs_checked: blobs.len(),
            blob_problems,
            journal: self.journal_verify()?,
        })
    }
}

#[cfg(test)]
mod tests;
