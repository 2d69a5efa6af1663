//! Finding and listing evidence items with their versions, links and states.

use chrono::NaiveDate;
use std::collections::BTreeMap;

use csmsdesk_store::evidence::{self as table, EvidenceRecord, LinkRecord};
use csmsdesk_store::vault::Vault;

use super::{EvidenceView, LinkView, state_of};
use crate::{EvidenceId, Result, ScopeId, Workspace};

impl Workspace {
    /// The workspace's evidence vault: the folder's `vault`, or the tables of its PostgreSQL
    /// database on a connection of the vault's own (opened with the workspace). A clone
    /// shares it, so long work can take it along.
    pub fn vault(&self) -> Vault {
        self.vault.clone()
    }

    /// Evidence item `id` (an index seek).
    pub(crate) fn evidence_record(&self, id: EvidenceId) -> Result<EvidenceRecord> {
        table::get(self.db.conn(), id.0)?.ok_or_else(|| id.not_found())
    }

    /// Every evidence item with its state on `today` and its links.
    pub fn evidence(&self, today: NaiveDate) -> Result<Vec<EvidenceView>> {
        let records = table::list(self.db.conn())?;
        let mut links = table::links(self.db.conn())?.into_iter().peekable();
        let names = self.link_names()?;
        Ok(records
            .into_iter()
            .map(|record| {
                let mut own = Vec::new();
                while let Some(link) = links.next_if(|l| l.evidence_id <= record.id) {
                    if link.evidence_id == record.id {
                        own.push(link);
                    }
                }
                names.view(record, own, today)
            })
            .collect())
    }

    /// One evidence item with its versions: read by its id, with its own links only (never
    /// the view of every item).
    pub fn evidence_item(
        &self,
        key: EvidenceId,
        today: NaiveDate,
    ) -> Result<(EvidenceView, Vec<table::VersionRecord>)> {
        let record = self.evidence_record(key)?;
        let links = table::links_of(self.db.conn(), record.id)?;
        let versions = table::versions(self.db.conn(), record.id)?;
        let view = self.link_names()?.view(record, links, today);
        Ok((view, versions))
    }

    /// The names links show: scopes and protection objects by id.
    pub(super) fn link_names(&self) -> Result<LinkNames> {
        let scopes: BTreeMap<i64, String> =
            self.scopes()?.into_iter().map(|s| (s.id, s.name)).collect();
        let mut objects = BTreeMap::new();
        for &id in scopes.keys() {
            for object in self.protection_objects(ScopeId(id))? {
                objects.insert(object.id, object.name);
            }
        }
        Ok(LinkNames { scopes, objects })
    }
}

/// Scope and protection object names by id, for the views of links.
pub(super) struct LinkNames {
    scopes: BTreeMap<i64, String>,
    objects: BTreeMap<i64, String>,
}

impl LinkNames {
    pub(super) fn view(
        &self,
        record: EvidenceRecord,
        links: Vec<LinkRecord>,
        today: NaiveDate,
    ) -> EvidenceView {
        EvidenceView {
            state: state_of(&record, today),
            links: links
                .into_iter()
                .map(|link| LinkView {
                    scope: link.scope_id.and_then(|id| self.scopes.get(&id).cloned()),
                    protection_object: link
                        .protection_object_id
                        .and_then(|id| self.objects.get(&id).cloned()),
                    link,
                })
                .collect(),
            record,
        }
    }
}
