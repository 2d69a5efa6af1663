//! Protection objects of a scope: adding, changing, listing, finding and removing them.

use csmsdesk_core::i18n::Message;
use csmsdesk_store::protection_object::{self as po_table, ProtectionObjectRecord};

use super::{ProtectionObjectChanges, ProtectionObjectInput};
use crate::Record;
use crate::input::{MAX_NAME_LEN, optional_id, parse_objectives, text_problem, unique_name};
use crate::{Error, Invalid, LocationId, ProtectionObjectId, Result, ScopeId, Workspace};
use csmsdesk_store::revision::claim;
use csmsdesk_store::scope::ScopeRecord;

impl Workspace {
    pub fn protection_objects(&self, scope: ScopeId) -> Result<Vec<ProtectionObjectRecord>> {
        let record = self.scope(scope)?;
        Ok(po_table::list(self.db.conn(), record.id)?)
    }

    /// Protection object `id` (an index seek).
    pub fn protection_object(&self, id: ProtectionObjectId) -> Result<ProtectionObjectRecord> {
        po_table::get(self.db.conn(), id.0)?.ok_or_else(|| id.not_found())
    }

    /// Protection object `id`, which must belong to scope `scope`.
    pub(crate) fn protection_object_of(
        &self,
        scope: &ScopeRecord,
        id: ProtectionObjectId,
    ) -> Result<ProtectionObjectRecord> {
        let object = po_table::get(self.db.conn(), id.0)?;
        object.filter(|p| p.scope_id == scope.id).ok_or_else(|| {
            Error::Invalid(vec![Invalid::new(
                "protection_object",
                Message::new("input.object_not_in_scope")
                    .arg("given", id.to_string())
                    .arg("scope", &scope.name),
            )])
        })
    }

    /// Adds a protection object to a scope; its objectives and locations must be the scope's.
    pub fn add_protection_object(
        &mut self,
        input: &ProtectionObjectInput,
    ) -> Result<ProtectionObjectRecord> {
        let mut record = self.checked_protection_object(None, input)?;
        record.id = self.db.write(|tx| po_table::insert(tx, &record))?;
        Ok(record)
    }

    /// Changes every field of protection object `id` (its scope stays), checked as when it
    /// was added; samples of objectives it loses are dropped.
    /// With `based_on` (the revision the form read), refused when someone saved it since.
    pub fn update_protection_object(
        &mut self,
        id: ProtectionObjectId,
        input: &ProtectionObjectInput,
        based_on: Option<i64>,
    ) -> Result<ProtectionObjectRecord> {
        let current = self.protection_object(id)?;
        let scope = self.scope(input.scope)?;
        let current = self.protection_object_of(&scope, ProtectionObjectId(current.id))?;
        let record = self.checked_protection_object(Some(current.id), input)?;
        self.db.write(|tx| {
            claim(tx, Record::ProtectionObject, record.id, based_on)?;
            po_table::update(tx, &record)
        })?;
        self.protection_object(id)
    }

    /// Changes only what `changes` names of protection object `id`.
    pub fn update_protection_object_fields(
        &mut self,
        id: ProtectionObjectId,
        changes: &ProtectionObjectChanges,
    ) -> Result<ProtectionObjectRecord> {
        self.on_fresh(Record::ProtectionObject, id.0, |ws, revision| {
            let input = ws.protection_object_changed(id, changes)?;
            ws.update_protection_object(id, &input, Some(revision))
        })
    }

    /// Protection object `id` as `changes` would leave it.
    fn protection_object_changed(
        &self,
        id: ProtectionObjectId,
        changes: &ProtectionObjectChanges,
    ) -> Result<ProtectionObjectInput> {
        let po = self.protection_object(id)?;
        let keep =
            |given: &Option<String>, now: &str| given.clone().unwrap_or_else(|| now.to_owned());
        let input = ProtectionObjectInput {
            scope: ScopeId(po.scope_id),
            name: keep(&changes.name, &po.name),
            item: keep(&changes.item, &po.item),
            customer: keep(&changes.customer, &po.customer),
            partner_participant_id: keep(
                &changes.partner_participant_id,
                po.partner_participant_id
                    .as_ref()
                    .map_or("", |i| i.as_str()),
            ),
            confidentiality: changes.confidentiality.unwrap_or(po.confidentiality),
            integrity: changes.integrity.unwrap_or(po.integrity),
            availability: changes.availability.unwrap_or(po.availability),
            lifecycle_phases: keep(&changes.lifecycle_phases, &po.lifecycle_phases),
            objectives: Some(changes.objectives.clone().unwrap_or_else(|| {
                po.objectives
                    .iter()
                    .map(|o| o.as_str().to_owned())
                    .collect()
            })),
            locations: changes
                .locations
                .clone()
                .unwrap_or_else(|| po.location_ids.iter().copied().map(LocationId).collect()),
        };
        Ok(input)
    }

    /// `input` checked as a protection object (`id` the one being changed, if any): every
    /// field's problem at once. No objectives given means all of the scope's; an empty list
    /// is refused, since an object relevant to no objective belongs to no sample.
    fn checked_protection_object(
        &self,
        id: Option<i64>,
        input: &ProtectionObjectInput,
    ) -> Result<ProtectionObjectRecord> {
        let scope = self.scope(input.scope)?;
        let mut errors = Vec::new();
        let name = unique_name(
            &input.name,
            |n| {
                Ok(po_table::list(self.db.conn(), scope.id)?
                    .iter()
                    .any(|p| Some(p.id) != id && p.name.to_lowercase() == n.to_lowercase()))
            },
            &mut errors,
        )?;
        for (field, text) in [
            ("item", &input.item),
            ("customer", &input.customer),
            ("lifecycle_phases", &input.lifecycle_phases),
        ] {
            text_problem(field, text, MAX_NAME_LEN, &mut errors);
        }
        let partner_participant_id = optional_id(
            "partner_participant_id",
            &input.partner_participant_id,
            &mut errors,
        );
        let objectives = match &input.objectives {
            None => scope.objectives.clone(),
            Some(list) if list.is_empty() => {
                errors.push(Invalid::new(
                    "objectives",
                    Message::new("input.po_no_objective"),
                ));
                Vec::new()
            }
            Some(list) => parse_objectives("objectives", list, &mut errors),
        };
        for o in &objectives {
            if !scope.objectives.contains(o) {
                errors.push(Invalid::new(
                    "objectives",
                    Message::new("input.objective_not_in_scope").arg("given", o.as_str()),
                ));
            }
        }
        let mut location_ids = Vec::new();
        for key in &input.locations {
            if scope.location_ids.contains(&key.0) {
                if !location_ids.contains(&key.0) {
                    location_ids.push(key.0);
                }
            } else {
                errors.push(Invalid::new(
                    "locations",
                    Message::new("input.location_not_in_scope").arg("given", key.to_string()),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        Ok(ProtectionObjectRecord {
            id: id.unwrap_or(0),
            scope_id: scope.id,
            name,
            item: input.item.trim().to_owned(),
            customer: input.customer.trim().to_owned(),
            partner_participant_id,
            confidentiality: input.confidentiality,
            integrity: input.integrity,
            availability: input.availability,
            lifecycle_phases: input.lifecycle_phases.trim().to_owned(),
            objectives,
            location_ids,
        })
    }

    /// Deletes a protection object with its sample entries and checks.
    pub fn remove_protection_object(&mut self, object: ProtectionObjectId) -> Result<()> {
        let po = self.protection_object(object)?;
        po_table::delete(self.db.conn(), po.id)?;
        Ok(())
    }
}
