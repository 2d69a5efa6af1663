//! VCS scopes: adding, changing, finding and removing them, their locations and objectives.

use csmsdesk_core::i18n::Message;
use csmsdesk_store::location as location_table;
use csmsdesk_store::scope::{self as scope_table, ScopeRecord};

use super::ScopeInput;
use crate::input::{
    MAX_NAME_LEN, optional_id, parse_date, parse_objectives, text_problem, unique_name,
};
use crate::{Error, Invalid, LocationId, Result, ScopeId, Workspace};

impl Workspace {
    /// The ids of a scope's locations: at least one, each known.
    pub(super) fn scope_locations(
        &self,
        keys: &[LocationId],
        errors: &mut Vec<Invalid>,
    ) -> Result<Vec<i64>> {
        let known = location_table::names(self.db.conn())?;
        let mut ids = Vec::new();
        for key in keys {
            match known.iter().find(|(id, _)| *id == key.0) {
                Some((id, _)) if !ids.contains(id) => ids.push(*id),
                Some(_) => {}
                None => errors.push(Invalid::new(
                    "locations",
                    Message::new("input.unknown_location").arg("given", key.to_string()),
                )),
            }
        }
        if keys.is_empty() {
            errors.push(Invalid::new("locations", Message::new("input.no_location")));
        }
        Ok(ids)
    }

    pub fn scopes(&self) -> Result<Vec<ScopeRecord>> {
        Ok(scope_table::list(self.db.conn())?)
    }

    /// Scope `id` (an index seek).
    pub fn scope(&self, id: ScopeId) -> Result<ScopeRecord> {
        scope_table::get(self.db.conn(), id.0)?.ok_or_else(|| id.not_found())
    }

    /// Adds a VCS scope: at least one location and one objective; the catalogue defaults to
    /// the current one.
    pub fn add_scope(&mut self, input: &ScopeInput) -> Result<ScopeRecord> {
        let mut errors = Vec::new();
        let name = unique_name(
            &input.name,
            |n| Ok(scope_table::name_taken(self.db.conn(), n)?),
            &mut errors,
        )?;
        let enx_scope_id = optional_id("enx_scope_id", &input.enx_scope_id, &mut errors);
        let location_ids = self.scope_locations(&input.locations, &mut errors)?;
        let objectives = parse_objectives("objectives", &input.objectives, &mut errors);
        if input.objectives.is_empty() {
            errors.push(Invalid::new(
                "objectives",
                Message::new("input.no_objective"),
            ));
        }
        let planned_audit_date =
            parse_date("planned_audit_date", &input.planned_audit_date, &mut errors);
        text_problem(
            "audit_provider",
            &input.audit_provider,
            MAX_NAME_LEN,
            &mut errors,
        );
        let catalogue_id = match input.catalogue_id {
            Some(id) => {
                self.catalogue(Some(id))?;
                Some(id)
            }
            None => self
                .catalogues()?
                .into_iter()
                .rev()
                .find(|c| c.superseded_by.is_none())
                .map(|c| c.id),
        };
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let mut record = ScopeRecord {
            id: 0,
            name,
            enx_scope_id,
            catalogue_id,
            planned_audit_date,
            audit_provider: input.audit_provider.trim().to_owned(),
            location_ids,
            objectives,
        };
        record.id = self.db.write(|tx| scope_table::insert(tx, &record))?;
        Ok(record)
    }

    /// Changes what the wizard set besides name, objectives and catalogue: the ENX Scope-ID,
    /// the planned audit date, the audit provider and the locations. Empty fields of
    /// `input` other than the locations clear their value; `input.name` is ignored.
    pub fn update_scope(&mut self, scope: ScopeId, input: &ScopeInput) -> Result<ScopeRecord> {
        let mut record = self.scope(scope)?;
        let mut errors = Vec::new();
        record.enx_scope_id = optional_id("enx_scope_id", &input.enx_scope_id, &mut errors);
        record.planned_audit_date =
            parse_date("planned_audit_date", &input.planned_audit_date, &mut errors);
        text_problem(
            "audit_provider",
            &input.audit_provider,
            MAX_NAME_LEN,
            &mut errors,
        );
        record.audit_provider = input.audit_provider.trim().to_owned();
        let location_ids = self.scope_locations(&input.locations, &mut errors)?;
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        record.location_ids = location_ids;
        self.db
            .write(|tx| scope_table::update_details(tx, &record))?;
        self.scope(scope)
    }

    /// Deletes a scope with its decisions, protection objects, samples and checks.
    pub fn remove_scope(&mut self, scope: ScopeId) -> Result<()> {
        let record = self.scope(scope)?;
        scope_table::delete(self.db.conn(), record.id)?;
        Ok(())
    }

    /// Replaces a scope's objectives; the defaults follow, the user's overrides stay.
    pub fn set_scope_objectives(
        &mut self,
        scope: ScopeId,
        objectives: &[String],
    ) -> Result<ScopeRecord> {
        let record = self.scope(scope)?;
        let mut errors = Vec::new();
        let parsed = parse_objectives("objectives", objectives, &mut errors);
        if objectives.is_empty() {
            errors.push(Invalid::new(
                "objectives",
                Message::new("input.no_objective"),
            ));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        self.db
            .write(|tx| scope_table::set_objectives(tx, record.id, &parsed))?;
        self.scope(scope)
    }
}
