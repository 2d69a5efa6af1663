//! Protection objects of a scope: adding, listing, finding and removing them.

use csmsdesk_core::i18n::Message;
use csmsdesk_store::protection_object::{self as po_table, ProtectionObjectRecord};

use super::ProtectionObjectInput;
use crate::input::{MAX_NAME_LEN, optional_id, parse_objectives, text_problem, unique_name};
use crate::{Error, Invalid, ProtectionObjectId, Result, ScopeId, Workspace};
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
        let scope = self.scope(input.scope)?;
        let mut errors = Vec::new();
        let name = unique_name(
            &input.name,
            |n| Ok(po_table::name_taken(self.db.conn(), scope.id, n)?),
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
        let mut objectives = parse_objectives("objectives", &input.objectives, &mut errors);
        if input.objectives.is_empty() {
            objectives = scope.objectives.clone();
        }
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
                location_ids.push(key.0);
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
        let mut record = ProtectionObjectRecord {
            id: 0,
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
        };
        record.id = self.db.write(|tx| po_table::insert(tx, &record))?;
        Ok(record)
    }

    /// Deletes a protection object with its sample entries and checks.
    pub fn remove_protection_object(&mut self, object: ProtectionObjectId) -> Result<()> {
        let po = self.protection_object(object)?;
        po_table::delete(self.db.conn(), po.id)?;
        Ok(())
    }
}
