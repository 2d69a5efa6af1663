//! The workspace journal's chain: how an entry is hashed, and how a read-back journal is
//! checked for entries that were edited, deleted or inserted after they were written.
//!
//! Each entry's hash covers the previous entry's hash and every field of its own, so changing
//! any entry breaks either its own hash or the next entry's link. Entry numbers are never
//! reused (SQLite `AUTOINCREMENT`), so a deleted entry leaves a gap; the workspace also keeps
//! the newest entry's number and hash apart (the head), so the end cannot be cut off unseen.

use sha2::{Digest as _, Sha256};

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "";

/// The fields of one journal entry that its hash covers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntryFields<'a> {
    /// When the change was made, RFC 3339 UTC with milliseconds.
    pub at: &'a str,
    /// The OS user who made it.
    pub user: &'a str,
    /// What made it: `app`, or `cli` with the command.
    pub source: &'a str,
    /// The table that changed.
    pub table: &'a str,
    /// `insert`, `update` or `delete`.
    pub op: &'a str,
    /// The changed row's primary key, as a JSON array.
    pub key: &'a str,
    /// The changed columns before (JSON object, values shortened); none for an insert.
    pub before: Option<&'a str>,
    /// The changed columns after; none for a delete.
    pub after: Option<&'a str>,
}

/// The SHA-256 (lowercase hex) of an entry that follows the entry hashed `prev_hash`.
///
/// Every field is length-prefixed, so no two different entries hash the same bytes.
pub fn entry_hash(prev_hash: &str, fields: &EntryFields<'_>) -> String {
    let mut hasher = Sha256::new();
    let mut put = |value: Option<&str>| match value {
        Some(v) => {
            hasher.update(v.len().to_string().as_bytes());
            hasher.update(b":");
            hasher.update(v.as_bytes());
            hasher.update(b";");
        }
        None => hasher.update(b"-;"),
    };
    put(Some(prev_hash));
    put(Some(fields.at));
    put(Some(fields.user));
    put(Some(fields.source));
    put(Some(fields.table));
    put(Some(fields.op));
    put(Some(fields.key));
    put(fields.before);
    put(fields.after);
    let digest = hasher.finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// One journal entry as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub seq: i64,
    pub at: String,
    pub user: String,
    pub source: String,
    pub table: String,
    pub op: String,
    pub key: String,
    pub before: Option<String>,
    pub after: Option<String>,
    /// `None` when the entry was never sealed (written around the journal's triggers).
    pub prev_hash: Option<String>,
    pub hash: Option<String>,
}

impl Entry {
    pub fn fields(&self) -> EntryFields<'_> {
        EntryFields {
            at: &self.at,
            user: &self.user,
            source: &self.source,
            table: &self.table,
            op: &self.op,
            key: &self.key,
            before: self.before.as_deref(),
            after: self.after.as_deref(),
        }
    }
}

/// The newest entry's number and hash, kept apart from the entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub seq: i64,
    pub hash: String,
}

/// What `verify` found wrong, entry by entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The entry's content no longer matches its own hash: it was edited.
    Edited { seq: i64 },
    /// The entry has no hash: it was written around the journal.
    Unsealed { seq: i64 },
    /// Entries numbered `first..=last` are gone.
    Deleted { first: i64, last: i64 },
    /// The entry is not part of the chain: something added it later.
    Inserted { seq: i64 },
    /// The entry `seq` does not link to the one before it, though no number is missing: that
    /// entry was changed and given a new hash, or entries were removed and renumbered.
    Replaced { seq: i64 },
    /// The journal ends at `last` but the head says `head`: the newest entries are gone.
    TailDeleted { last: i64, head: i64 },
    /// The head does not match the newest entry.
    HeadMismatch { seq: i64 },
}

/// How many of the newest entries [`Verifier`] remembers to tell an insertion (an entry that
/// links past some before it) from a replacement. Inserted runs longer than this are reported
/// as [`Problem::Replaced`]; memory stays bounded however long the journal grows.
pub const INSERTION_WINDOW: usize = 4096;

/// Checks a journal entry by entry, oldest first, without holding it in memory.
#[derive(Debug)]
pub struct Verifier {
    problems: Vec<Problem>,
    /// The hash the next entry must link to.
    expected_prev: String,
    /// The number of the last sealed entry.
    last_seq: i64,
    entries: usize,
    /// The newest entries' hashes and numbers, oldest first.
    recent: std::collections::VecDeque<(String, i64)>,
}

impl Default for Verifier {
    fn default() -> Self {
        Verifier {
            problems: Vec::new(),
            expected_prev: GENESIS.to_owned(),
            last_seq: 0,
            entries: 0,
            recent: std::collections::VecDeque::new(),
        }
    }
}

impl Verifier {
    pub fn new() -> Verifier {
        Verifier::default()
    }

    /// Checks the next entry (in ascending `seq` order).
    pub fn push(&mut self, entry: &Entry) {
        self.entries += 1;
        let (Some(prev), Some(hash)) = (&entry.prev_hash, &entry.hash) else {
            self.problems.push(Problem::Unsealed { seq: entry.seq });
            return;
        };
        if &entry_hash(prev, &entry.fields()) != hash {
            self.problems.push(Problem::Edited { seq: entry.seq });
        }
        let gap = entry.seq > self.last_seq + 1;
        if *prev != self.expected_prev {
            let linked = self
                .recent
                .iter()
                .find(|(h, _)| h == prev)
                .map(|(_, seq)| *seq);
            match linked {
                // The entry links to an older one: the ones in between were added later.
                Some(linked) if linked < self.last_seq => {
                    let inserted = self
                        .recent
                        .iter()
                        .filter(|(_, s)| *s > linked && *s < entry.seq)
                        .map(|(_, s)| Problem::Inserted { seq: *s });
                    self.problems.extend(inserted);
                }
                _ if gap => self.problems.push(Problem::Deleted {
                    first: self.last_seq + 1,
                    last: entry.seq - 1,
                }),
                // The first entry must link to nothing.
                _ if self.last_seq == 0 => self.problems.push(Problem::Edited { seq: entry.seq }),
                _ => self.problems.push(Problem::Replaced { seq: entry.seq }),
            }
        } else if gap {
            // Linked right across a gap: the entries were removed and the chain re-sealed.
            // (Numbers are never skipped otherwise: a rolled-back insert rolls its number back.)
            self.problems.push(Problem::Deleted {
                first: self.last_seq + 1,
                last: entry.seq - 1,
            });
        }
        if self.recent.len() == INSERTION_WINDOW {
            self.recent.pop_front();
        }
        self.recent.push_back((hash.clone(), entry.seq));
        self.expected_prev = hash.clone();
        self.last_seq = entry.seq;
    }

    /// How many entries were checked.
    pub fn entries(&self) -> usize {
        self.entries
    }

    /// Every problem found, in journal order, after checking the end against `head`. An empty
    /// list means the chain is whole.
    pub fn finish(mut self, head: Option<&Head>) -> Vec<Problem> {
        match head {
            Some(head) if head.seq > self.last_seq => self.problems.push(Problem::TailDeleted {
                last: self.last_seq,
                head: head.seq,
            }),
            Some(head) if head.seq != self.last_seq || head.hash != self.expected_prev => {
                self.problems.push(Problem::HeadMismatch { seq: head.seq });
            }
            Some(_) => {}
            None if self.entries > 0 => self.problems.push(Problem::HeadMismatch { seq: 0 }),
            None => {}
        }
        self.problems
    }
}

/// Checks a whole journal read back in ascending `seq` order against its head (see
/// [`Verifier`]).
pub fn verify(entries: &[Entry], head: Option<&Head>) -> Vec<Problem> {
    let mut verifier = Verifier::new();
    for entry in entries {
        verifier.push(entry);
    }
    verifier.finish(head)
}

#[cfg(test)]
mod tests;
