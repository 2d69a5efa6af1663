//! The corrective actions of one audit or of every audit as a filtered list, a page at a
//! time (owner, status, due date, scope), for the actions table and `action list`; and the
//! findings the same way (type, text, scope), for the findings table and `finding list`.

use csmsdesk_core::audit::{ActionStatus, FindingKind};
use csmsdesk_core::i18n::Message;
use csmsdesk_store::audit::{self as table, ActionQuery, ActionRow, FindingQuery, FindingRow};

use crate::input::{page_limit, parse_date};
use crate::{AuditId, Error, Invalid, Result, ScopeId, Workspace};

/// Which corrective actions to list, as a form or the CLI's flags give them.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct ActionPageInput {
    pub audit: Option<AuditId>,
    pub scope: Option<ScopeId>,
    /// Part of the owner's name; empty for every owner.
    pub owner: String,
    /// `open`, `in-progress`, `done`, `verified`; empty for every status.
    pub statuses: Vec<String>,
    /// `YYYY-MM-DD`: due on or before; empty for any date.
    pub due_by: String,
    pub offset: u64,
    /// Rows to return; `None` for all.
    pub limit: Option<u64>,
}

/// One page of corrective actions and how many match in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionPage {
    pub rows: Vec<ActionRow>,
    pub total: i64,
    pub offset: u64,
}

impl Workspace {
    /// The page of corrective actions `input` asks for; the database filters and counts.
    pub fn action_page(&self, input: &ActionPageInput) -> Result<ActionPage> {
        let mut errors = Vec::new();
        let statuses = words(
            &input.statuses,
            ("statuses", "audit.bad_action_status"),
            ActionStatus::parse,
            &mut errors,
        );
        let due_by = parse_date("due_by", &input.due_by, &mut errors);
        let limit = page_limit(input.limit, &mut errors);
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let (audit, scope) = self.audit_and_scope(input.audit, input.scope)?;
        let query = ActionQuery {
            audit,
            scope,
            owner: Some(input.owner.clone()),
            statuses,
            due_by,
            offset: sql_offset(input.offset),
            limit: sql_limit(limit),
        };
        let (rows, total) = table::action_page(self.db.conn(), &query)?;
        Ok(ActionPage {
            rows,
            total,
            offset: input.offset,
        })
    }
}

/// Which findings to list, as a form or the CLI's flags give them.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct FindingPageInput {
    pub audit: Option<AuditId>,
    pub scope: Option<ScopeId>,
    /// `major`, `minor`, `observation`, `improvement`; empty for every type.
    pub kinds: Vec<String>,
    /// Part of the text; empty for any.
    pub text: String,
    pub offset: u64,
    /// Rows to return; `None` for all.
    pub limit: Option<u64>,
}

/// One page of findings and how many match in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingPage {
    pub rows: Vec<FindingRow>,
    pub total: i64,
    pub offset: u64,
}

impl Workspace {
    /// The page of findings `input` asks for; the database filters and counts.
    pub fn finding_page(&self, input: &FindingPageInput) -> Result<FindingPage> {
        let mut errors = Vec::new();
        let kinds = words(
            &input.kinds,
            ("kinds", "audit.bad_finding_type"),
            FindingKind::parse,
            &mut errors,
        );
        let limit = page_limit(input.limit, &mut errors);
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let (audit, scope) = self.audit_and_scope(input.audit, input.scope)?;
        let query = FindingQuery {
            audit,
            scope,
            kinds,
            text: Some(input.text.clone()),
            offset: sql_offset(input.offset),
            limit: sql_limit(limit),
        };
        let (rows, total) = table::finding_page(self.db.conn(), &query)?;
        Ok(FindingPage {
            rows,
            total,
            offset: input.offset,
        })
    }
}

impl Workspace {
    /// The store ids of the audit and the scope a list is narrowed to, each checked to exist.
    fn audit_and_scope(
        &self,
        audit: Option<AuditId>,
        scope: Option<ScopeId>,
    ) -> Result<(Option<i64>, Option<i64>)> {
        let audit = audit.map(|a| self.audit_record(a)).transpose()?;
        let scope = scope.map(|s| self.scope(s)).transpose()?;
        Ok((audit.map(|a| a.id), scope.map(|s| s.id)))
    }
}

/// The words of a filter (`open`, `minor`, ...) that `parse` knows, empty ones skipped; each
/// word it does not know is an error on `field`, worded by the message `key`.
fn words<T>(
    given: &[String],
    (field, key): (&'static str, &'static str),
    parse: impl Fn(&str) -> Option<T>,
    errors: &mut Vec<Invalid>,
) -> Vec<T> {
    given
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .filter_map(|w| {
            parse(w).or_else(|| {
                errors.push(Invalid::new(field, Message::new(key).arg("given", w)));
                None
            })
        })
        .collect()
}

/// SQLite's OFFSET for a row offset.
fn sql_offset(offset: u64) -> i64 {
    i64::try_from(offset).unwrap_or(i64::MAX)
}

/// SQLite's LIMIT for a row count; a negative LIMIT is none.
fn sql_limit(limit: Option<u64>) -> i64 {
    limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX))
}
