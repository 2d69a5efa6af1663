//! The one search across the workspace (the app's Ctrl+K, `csmsdesk-cli search`):
//! requirements and control questions of the current catalogue, evidence by title and source
//! path, findings, corrective actions, locations and scopes, a few of each kind
//! (`store::search`, one query with its own LIMIT per kind).

use csmsdesk_core::i18n::Message;
use csmsdesk_store::search as table;

pub use csmsdesk_store::search::{Hit as Found, HitKind as FoundKind};

use crate::input::MAX_NAME_LEN;
use crate::{Error, Invalid, Result, Workspace};

/// The most records of one kind a search returns.
pub const MAX_PER_KIND: u32 = 50;

impl Workspace {
    /// The records whose texts hold every word of `text` (case ignored), at most `per_kind`
    /// (1 to [`MAX_PER_KIND`]) of each kind; an empty text finds nothing.
    pub fn search(&self, text: &str, per_kind: u32) -> Result<Vec<Found>> {
        let mut errors = Vec::new();
        if text.chars().count() > MAX_NAME_LEN {
            errors.push(Invalid::new("text", Message::new("error.query_too_long")));
        }
        if !(1..=MAX_PER_KIND).contains(&per_kind) {
            errors.push(Invalid::new(
                "limit",
                Message::new("search.bad_limit").arg("max", MAX_PER_KIND),
            ));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let words: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
        let catalogue = self.current_catalogue_id()?;
        Ok(table::search(self.db.conn(), &words, catalogue, per_kind)?)
    }
}

#[cfg(test)]
mod tests;
