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

/// Checks a journal read back in ascending `seq` order against its head. Returns every problem
/// found, in journal order; an empty list means the chain is whole.
pub fn verify(entries: &[Entry], head: Option<&Head>) -> Vec<Problem> {
    let mut problems = Vec::new();
    // The hash the next entry must link to, and the number of the last entry in the chain.
    let mut expected_prev: String = GENESIS.to_owned();
    let mut last_seq: i64 = 0;
    // Hashes of entries already seen, to tell an insertion (the next entry links further
    // back) from a deletion or a replacement.
    let mut seen: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
    for entry in entries {
        let (Some(prev), Some(hash)) = (&entry.prev_hash, &entry.hash) else {
            problems.push(Problem::Unsealed { seq: entry.seq });
            continue;
        };
        if &entry_hash(prev, &entry.fields()) != hash {
            problems.push(Problem::Edited { seq: entry.seq });
        }
        if *prev != expected_prev {
            match seen.get(prev) {
                // The entry links to an older one: the ones in between were added later.
                Some(&linked) if linked < last_seq => {
                    for e in entries
                        .iter()
                        .filter(|e| e.seq > linked && e.seq < entry.seq)
                    {
                        problems.push(Problem::Inserted { seq: e.seq });
                    }
                }
                _ if entry.seq > last_seq + 1 => problems.push(Problem::Deleted {
                    first: last_seq + 1,
                    last: entry.seq - 1,
                }),
                // The first entry must link to nothing.
                _ if last_seq == 0 => problems.push(Problem::Edited { seq: entry.seq }),
                _ => problems.push(Problem::Replaced { seq: entry.seq }),
            }
        } else if entry.seq > last_seq + 1 {
            // Linked right across a gap: the entries were removed and the chain re-sealed.
            // (Numbers are never skipped otherwise: a rolled-back insert rolls its number back.)
            problems.push(Problem::Deleted {
                first: last_seq + 1,
                last: entry.seq - 1,
            });
        }
        seen.insert(hash.clone(), entry.seq);
        expected_prev = hash.clone();
        last_seq = entry.seq;
    }
    if let Some(head) = head {
        if head.seq > last_seq {
            problems.push(Problem::TailDeleted {
                last: last_seq,
                head: head.seq,
            });
        } else if head.seq != last_seq || head.hash != expected_prev {
            problems.push(Problem::HeadMismatch { seq: head.seq });
        }
    } else if !entries.is_empty() {
        problems.push(Problem::HeadMismatch { seq: 0 });
    }
    problems
}

#[cfg(test)]
mod tests;
