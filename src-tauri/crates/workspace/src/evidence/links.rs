//! Links of evidence to requirements or control questions: checking, adding and removing them.

use std::collections::BTreeSet;

use csmsdesk_core::evidence::unknown_targets;
use csmsdesk_core::i18n::Message;
use csmsdesk_store::evidence::{self as table, LinkRecord};

use super::{LinkInput, LinkPlace};
use crate::input::{MAX_TEXT_LEN, text_problem};
use crate::{Error, EvidenceId, Invalid, LinkId, Result, Workspace};

impl Workspace {
    /// Checks where links go: each target a question or requirement of the scope's catalogue
    /// (or the current one), the protection object one of the scope's.
    pub(super) fn check_links(
        &self,
        input: &LinkInput,
        errors: &mut Vec<Invalid>,
    ) -> Result<Option<LinkPlace>> {
        let targets: Vec<String> = input
            .targets
            .iter()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        if targets.is_empty() {
            return Ok(None);
        }
        let scope = input.scope.map(|id| self.scope(id)).transpose()?;
        let protection_object_id = match (input.protection_object, &scope) {
            (None, _) => None,
            (Some(id), Some(scope)) => Some(self.protection_object_of(scope, id)?.id),
            (Some(_), None) => {
                errors.push(Invalid::new(
                    "protection_object",
                    Message::new("evidence.object_needs_scope"),
                ));
                None
            }
        };
        let catalogue_id = match &scope {
            Some(s) => s.catalogue_id.ok_or(Error::NoCatalogue)?,
            None => self.catalogue(None)?.0.id,
        };
        let (_, tree) = self.catalogue(Some(catalogue_id))?;
        let known: BTreeSet<&str> = tree
            .chapters
            .iter()
            .flat_map(|c| &c.questions)
            .flat_map(|q| {
                std::iter::once(q.id.as_str()).chain(q.requirements.iter().map(|r| r.id.as_str()))
            })
            .collect();
        let unknown = unknown_targets(&targets, |id| known.contains(id));
        match unknown.as_slice() {
            [] => {}
            [one] => errors.push(Invalid::new(
                "targets",
                Message::new("evidence.unknown_target").arg("id", *one),
            )),
            many => errors.push(Invalid::new(
                "targets",
                Message::new("evidence.unknown_targets")
                    .arg("count", many.len())
                    .arg("ids", many.join(", ")),
            )),
        }
        text_problem("note", input.note.trim(), MAX_TEXT_LEN, errors);
        Ok(Some(LinkPlace {
            catalogue_id,
            targets,
            scope_id: scope.map(|s| s.id),
            protection_object_id,
            note: input.note.trim().to_owned(),
        }))
    }

    /// Links evidence `key` to requirements or questions. Returns how many links are new.
    pub fn link_evidence(&mut self, key: EvidenceId, input: &LinkInput) -> Result<usize> {
        let record = self.evidence_record(key)?;
        let mut errors = Vec::new();
        let place = self.check_links(input, &mut errors)?;
        let Some(place) = place else {
            errors.push(Invalid::new("targets", Message::new("evidence.no_targets")));
            return Err(Error::Invalid(errors));
        };
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let added = self.db.write(|tx| add_links(tx, record.id, &place))?;
        tracing::info!(evidence = record.id, added, "linked evidence");
        Ok(added)
    }

    /// Removes link `id`.
    pub fn unlink_evidence(&mut self, link: LinkId) -> Result<()> {
        if !self.db.write(|tx| table::remove_link(tx, link.0))? {
            return Err(link.not_found());
        }
        Ok(())
    }
}

pub(super) fn add_links(
    tx: &csmsdesk_store::Transaction<'_>,
    evidence_id: i64,
    place: &LinkPlace,
) -> csmsdesk_store::Result<usize> {
    let mut added = 0;
    for target in &place.targets {
        let link = LinkRecord {
            id: 0,
            evidence_id,
            catalogue_id: place.catalogue_id,
            target_id: target.clone(),
            scope_id: place.scope_id,
            protection_object_id: place.protection_object_id,
            note: place.note.clone(),
        };
        if table::add_link(tx, &link)? {
            added += 1;
        }
    }
    Ok(added)
}
