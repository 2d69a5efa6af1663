//! What a package says and asks about evidence reviews and sharing before it is written:
//! which version of each linked item goes in (the last reviewed one or the newest), who
//! reviewed it and when (from the journal), the items with unreviewed changes, and a partner
//! package above the level the scope is published or shared at.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_core::package::Level;
use csmsdesk_store::evidence as evidence_table;

use crate::{Error, Invalid, Result, ScopeId, Workspace};

/// Which version of an evidence item with unreviewed changes goes into the package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Versions {
    /// The last reviewed version (the default: the auditor sees what was reviewed).
    #[default]
    Reviewed,
    /// The newest version, reviewed or not.
    Newest,
}

impl Versions {
    /// `reviewed` or `newest`.
    pub fn as_str(self) -> &'static str {
        match self {
            Versions::Reviewed => "reviewed",
            Versions::Newest => "newest",
        }
    }

    /// `reviewed` (also when empty) or `newest`, case ignored; anything else names the field.
    pub fn parse(text: &str) -> Result<Versions> {
        match text.trim().to_ascii_lowercase().as_str() {
            "" | "reviewed" => Ok(Versions::Reviewed),
            "newest" => Ok(Versions::Newest),
            _ => Err(Error::Invalid(vec![Invalid::new(
                "versions",
                Message::new("package.bad_versions").arg("given", text.trim()),
            )])),
        }
    }
}

/// How a package is made, beyond its scope and target.
#[derive(Debug, Clone)]
pub struct PackageOptions {
    /// `full`, `A`, `A+labels` or `A+labels+B` (empty: full).
    pub level: String,
    /// The audit the package is frozen for.
    pub frozen: Option<i64>,
    pub generated_at: DateTime<Utc>,
    pub versions: Versions,
    /// The language of `index.html`.
    pub lang: Lang,
    /// Write a partner package above the scope's publication and sharings anyway.
    pub force: bool,
}

impl PackageOptions {
    /// A full package at `generated_at`: reviewed versions, English, no partner level check.
    pub fn new(level: &str, frozen: Option<i64>, generated_at: DateTime<Utc>) -> Self {
        PackageOptions {
            level: level.to_owned(),
            frozen,
            generated_at,
            versions: Versions::Reviewed,
            lang: Lang::English,
            force: true,
        }
    }
}

/// A linked evidence item whose newest version was not reviewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreviewed {
    pub id: i64,
    pub title: String,
    pub reviewed_version: i64,
    pub latest_version: i64,
}

/// What to tell the user before a package is written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PackageWarnings {
    /// Linked evidence with unreviewed changes (full packages only), by id.
    pub unreviewed: Vec<Unreviewed>,
    /// Why a partner package shows more than the scope is published or shared at.
    pub above_shared: Option<Message>,
}

/// Who reviewed a version and when, as the journal recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Review {
    pub by: String,
    pub at: String,
}

impl Workspace {
    /// The warnings for the package of `scope` at `level`, before anything is planned.
    pub fn package_warnings(&self, scope: ScopeId, level: &str) -> Result<PackageWarnings> {
        let level = super::plan::parse_level(level)?;
        let record = self.scope(scope)?;
        let unreviewed = if level.includes_internals() {
            self.unreviewed_evidence(&record)?
        } else {
            Vec::new()
        };
        Ok(PackageWarnings {
            unreviewed,
            above_shared: self.above_shared(
                scope,
                &record.name,
                level,
                "package.above_shared_ask",
            )?,
        })
    }

    /// The evidence linked to `record`'s catalogue and scope whose newest version is not the
    /// reviewed one.
    pub(super) fn unreviewed_evidence(
        &self,
        record: &crate::ScopeRecord,
    ) -> Result<Vec<Unreviewed>> {
        let Some(catalogue_id) = record.catalogue_id else {
            return Ok(Vec::new());
        };
        let linked: std::collections::BTreeSet<i64> =
            evidence_table::links_for_scope(self.db.conn(), catalogue_id, record.id)?
                .iter()
                .map(|l| l.evidence_id)
                .collect();
        Ok(evidence_table::list(self.db.conn())?
            .into_iter()
            .filter(|e| linked.contains(&e.id) && e.reviewed_version < e.latest_version)
            .map(|e| Unreviewed {
                id: e.id,
                title: e.title,
                reviewed_version: e.reviewed_version,
                latest_version: e.latest_version,
            })
            .collect())
    }

    /// Why a partner package at `level` shows more than `scope` is published or shared at
    /// (the highest of its publication and sharings); `None` when it does not, or for the
    /// full package, which is the supplier's own. `key`: the question before writing, or the
    /// refusal that names `--force`.
    pub(super) fn above_shared(
        &self,
        scope: ScopeId,
        name: &str,
        level: Level,
        key: &'static str,
    ) -> Result<Option<Message>> {
        if level == Level::Full {
            return Ok(None);
        }
        let shared = self
            .sharings(Some(scope))?
            .iter()
            .filter_map(|s| Level::parse(&s.level))
            .chain([self.publication(scope)?])
            .max()
            .unwrap_or(Level::DoNotShare);
        Ok((level > shared).then(|| {
            Message::new(key)
                .arg("level", level.as_str())
                .arg("scope", name)
                .arg("shared", shared.as_str())
        }))
    }

    /// Per evidence item, who reviewed which version and when: the journal's insert of an
    /// item (its first version counts as reviewed) and every change of its reviewed version.
    pub(super) fn reviews(&self) -> Result<BTreeMap<(i64, i64), Review>> {
        let mut reviews = BTreeMap::new();
        for entry in self.journal_entries()? {
            if entry.table != "evidence" || entry.op == "delete" {
                continue;
            }
            let id = serde_json::from_str::<Vec<i64>>(&entry.key)
                .ok()
                .and_then(|k| k.first().copied());
            let version = entry
                .after
                .as_deref()
                .and_then(|a| serde_json::from_str::<serde_json::Value>(a).ok())
                .and_then(|a| {
                    a.get("reviewed_version")
                        .and_then(serde_json::Value::as_i64)
                });
            if let (Some(id), Some(version)) = (id, version) {
                reviews.insert(
                    (id, version),
                    Review {
                        by: entry.user.clone(),
                        at: entry.at.clone(),
                    },
                );
            }
        }
        Ok(reviews)
    }
}
