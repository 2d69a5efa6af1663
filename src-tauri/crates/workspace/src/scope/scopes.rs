//! VCS scopes: adding, changing, finding and removing them, their locations and objectives.

use chrono::NaiveDate;
use csmsdesk_core::i18n::Message;
use csmsdesk_store::location as location_table;
use csmsdesk_store::scope::{self as scope_table, ScopeRecord};

use super::ScopeInput;
use crate::Record;
use crate::input::{
    MAX_NAME_LEN, optional_id, parse_date, parse_objectives, text_problem, unique_name,
};
use crate::{Error, Invalid, LocationId, Result, ScopeId, Workspace};
use csmsdesk_store::revision::claim;

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

    /// `input` checked as a scope, every field's problem at once; `current` is the scope
    /// being changed, if any. A planned audit date before `today` is refused, unless it is the
    /// date the scope already has (time passing does not make a scope unsaveable). The
    /// catalogue of an existing scope is kept (a newer version moves it on import).
    fn checked_scope(
        &self,
        current: Option<&ScopeRecord>,
        input: &ScopeInput,
        today: NaiveDate,
    ) -> Result<ScopeRecord> {
        let mut errors = Vec::new();
        let id = current.map(|c| c.id);
        let name = unique_name(
            &input.name,
            |n| {
                Ok(scope_table::names(self.db.conn())?
                    .iter()
                    .any(|(other, name)| {
                        Some(*other) != id && name.to_lowercase() == n.to_lowercase()
                    }))
            },
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
        if let Some(date) = planned_audit_date
            && date < today
            && current.and_then(|c| c.planned_audit_date) != Some(date)
        {
            errors.push(Invalid::new(
                "planned_audit_date",
                Message::new("input.date_in_past")
                    .arg("given", date)
                    .arg("today", today),
            ));
        }
        text_problem(
            "audit_provider",
            &input.audit_provider,
            MAX_NAME_LEN,
            &mut errors,
        );
        let catalogue_id = match (current, input.catalogue_id) {
            (Some(c), _) => c.catalogue_id,
            (None, Some(id)) => {
                self.catalogue(Some(id))?;
                Some(id)
            }
            (None, None) => self
                .catalogues()?
                .into_iter()
                .rev()
                .find(|c| c.superseded_by.is_none())
                .map(|c| c.id),
        };
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        Ok(ScopeRecord {
            id: id.unwrap_or(0),
            name,
            enx_scope_id,
            catalogue_id,
            planned_audit_date,
            audit_provider: input.audit_provider.trim().to_owned(),
            location_ids,
            objectives,
        })
    }

    /// Checks a scope as the wizard has it so far, saving nothing: the same problems
    /// `add_scope` would name (the wizard shows those of the step the user is on).
    pub fn validate_scope(&self, input: &ScopeInput, today: NaiveDate) -> Result<()> {
        self.checked_scope(None, input, today).map(|_| ())
    }

    /// Adds a VCS scope: a unique name, at least one location and one objective, no planned
    /// audit date before `today`; the catalogue defaults to the current one.
    pub fn add_scope(&mut self, input: &ScopeInput, today: NaiveDate) -> Result<ScopeRecord> {
        let mut record = self.checked_scope(None, input, today)?;
        record.id = self.db.write(|tx| scope_table::insert(tx, &record))?;
        Ok(record)
    }

    /// Changes every field of a scope but its catalogue: name, ENX Scope-ID, locations,
    /// objectives (the defaults follow, the user's overrides stay), planned audit date and
    /// provider, checked as when it was added. Empty optional fields clear their value.
    /// With `based_on` (the revision the form read), refused when someone saved it since.
    pub fn update_scope(
        &mut self,
        scope: ScopeId,
        input: &ScopeInput,
        today: NaiveDate,
        based_on: Option<i64>,
    ) -> Result<ScopeRecord> {
        let current = self.scope(scope)?;
        let record = self.checked_scope(Some(&current), input, today)?;
        self.db.write(|tx| {
            claim(tx, Record::Scope, record.id, based_on)?;
            scope_table::update_details(tx, &record)?;
            scope_table::set_objectives(tx, record.id, &record.objectives)
        })?;
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
        // The scope's form holds its objectives: one opened before is refused afterwards.
        self.db.write(|tx| {
            claim(tx, Record::Scope, record.id, None)?;
            scope_table::set_objectives(tx, record.id, &parsed)
        })?;
        self.scope(scope)
    }
}
