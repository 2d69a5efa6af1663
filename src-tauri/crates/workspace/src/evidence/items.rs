//! Finding and listing evidence items with their versions, links and states.

use chrono::NaiveDate;
use csmsdesk_store::evidence::{self as table, EvidenceRecord};
use csmsdesk_store::vault::Vault;

use super::{EvidenceView, LinkView, state_of};
use crate::workspace::VAULT_DIR;
use crate::{Error, Result, Workspace};

impl Workspace {
    /// The workspace's evidence vault.
    pub fn vault(&self) -> Vault {
        Vault::new(self.dir().join(VAULT_DIR))
    }

    pub(super) fn evidence_record(&self, key: &str) -> Result<EvidenceRecord> {
        let not_found = || Error::NotFound {
            kind: "thing.evidence",
            name: key.trim().to_owned(),
        };
        let id: i64 = key
            .trim()
            .trim_start_matches('#')
            .parse()
            .map_err(|_| not_found())?;
        table::get(self.db.conn(), id)?.ok_or_else(not_found)
    }

    /// Every evidence item with its state on `today` and its links.
    pub fn evidence(&self, today: NaiveDate) -> Result<Vec<EvidenceView>> {
        let records = table::list(self.db.conn())?;
        let mut links = table::links(self.db.conn())?.into_iter().peekable();
        let scopes = self.scopes()?;
        let scope_name = |id: Option<i64>| {
            id.and_then(|id| scopes.iter().find(|s| s.id == id))
                .map(|s| s.name.clone())
        };
        let mut objects = std::collections::BTreeMap::new();
        for scope in &scopes {
            for object in self.protection_objects(&scope.name)? {
                objects.insert(object.id, object.name);
            }
        }
        Ok(records
            .into_iter()
            .map(|record| {
                let mut own = Vec::new();
                while let Some(link) = links.next_if(|l| l.evidence_id <= record.id) {
                    if link.evidence_id == record.id {
                        own.push(LinkView {
                            scope: scope_name(link.scope_id),
                            protection_object: link
                                .protection_object_id
                                .and_then(|id| objects.get(&id).cloned()),
                            link,
                        });
                    }
                }
                EvidenceView {
                    state: state_of(&record, today),
                    record,
                    links: own,
                }
            })
            .collect())
    }

    /// One evidence item with its versions.
    pub fn evidence_item(
        &self,
        key: &str,
        today: NaiveDate,
    ) -> Result<(EvidenceView, Vec<table::VersionRecord>)> {
        let record = self.evidence_record(key)?;
        let view = self
            .evidence(today)?
            .into_iter()
            .find(|v| v.record.id == record.id)
            .ok_or_else(|| Error::NotFound {
                kind: "thing.evidence",
                name: key.to_owned(),
            })?;
        let versions = table::versions(self.db.conn(), record.id)?;
        Ok((view, versions))
    }
}
