//! Locations, VCS scopes with their applicability and deviations, the prerequisite check,
//! protection objects and sampling.
//!
//! The input and view types and sampling are here; each aggregate's use cases are in a
//! submodule: `locations`, `scopes`, `applicability` (with the scope view and its check),
//! `protection_objects`, and `settings` (the applicability matrix, the label expiry warning).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use csmsdesk_core::i18n::Message;
use csmsdesk_core::scope::{Objective, Prerequisite, QuestionApplicability, suggested_sample_size};
use csmsdesk_store::location::LocationRecord;
use csmsdesk_store::protection_object::{self as po_table, CheckStatus};
use csmsdesk_store::scope::ScopeRecord;

use crate::input::parse_objectives;
use crate::{Error, Invalid, LocationId, ProtectionObjectId, Result, ScopeId, Workspace};

mod applicability;
mod locations;

pub use locations::LocationChanges;
mod protection_objects;
mod scopes;
mod settings;

/// A TISAX label as typed: label name or slug, level (`2`, `AL2`), expiry `YYYY-MM-DD`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct LabelInput {
    pub label: String,
    pub level: String,
    pub expires: String,
}

impl LabelInput {
    /// Reads the CLI form `LABEL:LEVEL:EXPIRES`.
    pub fn parse_cli(text: &str) -> Option<LabelInput> {
        let mut parts = text.splitn(3, ':');
        Some(LabelInput {
            label: parts.next()?.to_owned(),
            level: parts.next()?.to_owned(),
            expires: parts.next()?.to_owned(),
        })
    }
}

/// A location as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct LocationInput {
    pub name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub tisax_scope_id: String,
    #[serde(default)]
    pub labels: Vec<LabelInput>,
    pub cs_activities: bool,
    #[serde(default)]
    pub notes: String,
}

/// A scope as typed in the wizard or on the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct ScopeInput {
    pub name: String,
    #[serde(default)]
    pub enx_scope_id: String,
    pub locations: Vec<LocationId>,
    /// `development`, `production`, `operations-maintenance`.
    pub objectives: Vec<String>,
    /// The catalogue; the current one when `None`.
    pub catalogue_id: Option<i64>,
    /// `YYYY-MM-DD` or empty.
    #[serde(default)]
    pub planned_audit_date: String,
    #[serde(default)]
    pub audit_provider: String,
}

/// A protection object as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct ProtectionObjectInput {
    pub scope: ScopeId,
    pub name: String,
    #[serde(default)]
    pub item: String,
    #[serde(default)]
    pub customer: String,
    #[serde(default)]
    pub partner_participant_id: String,
    #[serde(default)]
    pub confidentiality: bool,
    #[serde(default)]
    pub integrity: bool,
    #[serde(default)]
    pub availability: bool,
    #[serde(default)]
    pub lifecycle_phases: String,
    /// The objectives it is relevant to; `None` (left out) means all of the scope's, an
    /// empty list is refused.
    #[serde(default)]
    pub objectives: Option<Vec<String>>,
    #[serde(default)]
    pub locations: Vec<LocationId>,
}

/// Some of a protection object's fields to change (`None` keeps the current value), as
/// `csmsdesk-cli po edit` takes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProtectionObjectChanges {
    pub name: Option<String>,
    pub item: Option<String>,
    pub customer: Option<String>,
    pub partner_participant_id: Option<String>,
    pub confidentiality: Option<bool>,
    pub integrity: Option<bool>,
    pub availability: Option<bool>,
    pub lifecycle_phases: Option<String>,
    /// Replaces the list.
    pub objectives: Option<Vec<String>>,
    /// Replaces the list.
    pub locations: Option<Vec<LocationId>>,
}

/// One control question of a scope with its applicability.
#[derive(Debug, Clone)]
pub struct ScopeQuestion {
    pub chapter_id: String,
    pub text: String,
    pub applicability: QuestionApplicability,
    /// Its should-requirements: (id, recorded deviation).
    pub should_requirements: Vec<(String, Option<String>)>,
    pub requirements: usize,
}

/// Everything the scope screen and `scope check` show about one scope.
#[derive(Debug, Clone)]
pub struct ScopeView {
    pub scope: ScopeRecord,
    pub locations: Vec<LocationRecord>,
    pub questions: Vec<ScopeQuestion>,
    pub problems: Vec<Prerequisite>,
    /// The date the check was made for.
    pub checked_on: NaiveDate,
}

impl ScopeView {
    pub fn applicable_questions(&self) -> Vec<&str> {
        self.questions
            .iter()
            .filter(|q| q.applicability.applicable)
            .map(|q| q.applicability.question_id.as_str())
            .collect()
    }

    pub fn applicable_requirements(&self) -> usize {
        self.questions
            .iter()
            .filter(|q| q.applicability.applicable)
            .map(|q| q.requirements)
            .sum()
    }
}

/// The sampling of one objective.
#[derive(Debug, Clone)]
pub struct Sampling {
    pub objective: Objective,
    /// The protection objects relevant to the objective.
    pub population: Vec<String>,
    /// ceil(√n) of the population (a heuristic; the auditor decides).
    pub suggested: usize,
    pub chosen: Vec<String>,
}

impl Workspace {
    /// Per objective of the scope: the relevant protection objects, the suggested sample
    /// size and the chosen sample.
    pub fn sampling(&self, scope: ScopeId) -> Result<Vec<Sampling>> {
        let record = self.scope(scope)?;
        let objects = po_table::list(self.db.conn(), record.id)?;
        let name_of: BTreeMap<i64, String> =
            objects.iter().map(|p| (p.id, p.name.clone())).collect();
        record
            .objectives
            .iter()
            .map(|&objective| {
                let population: Vec<String> = objects
                    .iter()
                    .filter(|p| p.objectives.contains(&objective))
                    .map(|p| p.name.clone())
                    .collect();
                let chosen = po_table::sample(self.db.conn(), record.id, objective)?
                    .iter()
                    .filter_map(|id| name_of.get(id).cloned())
                    .collect();
                Ok(Sampling {
                    objective,
                    suggested: suggested_sample_size(population.len()),
                    population,
                    chosen,
                })
            })
            .collect()
    }

    /// Chooses the sample of one objective (protection object names), replacing the old one.
    pub fn choose_sample(
        &mut self,
        scope: ScopeId,
        objective: &str,
        names: &[String],
    ) -> Result<Vec<Sampling>> {
        let record = self.scope(scope)?;
        let mut errors = Vec::new();
        let objective = parse_objectives("objective", &[objective.to_owned()], &mut errors)
            .first()
            .copied();
        let objects = po_table::list(self.db.conn(), record.id)?;
        let mut ids = Vec::new();
        for name in names {
            match objects
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(name.trim()))
            {
                Some(p) if objective.is_some_and(|o| p.objectives.contains(&o)) => ids.push(p.id),
                _ => errors.push(Invalid::new(
                    "sample",
                    Message::new("input.not_in_population").arg("given", name),
                )),
            }
        }
        let Some(objective) = objective.filter(|_| errors.is_empty()) else {
            return Err(Error::Invalid(errors));
        };
        self.db
            .write(|tx| po_table::set_sample(tx, record.id, objective, &ids))?;
        self.sampling(scope)
    }

    /// Records the sample check of a protection object against an applicable question.
    pub fn set_sample_check(
        &mut self,
        object: ProtectionObjectId,
        question: &str,
        status: &str,
        note: &str,
    ) -> Result<()> {
        let po = self.protection_object(object)?;
        let record = self.scope(ScopeId(po.scope_id))?;
        let applies = self
            .scope_questions(&record)?
            .iter()
            .any(|q| q.applicability.applicable && q.applicability.question_id == question.trim());
        if !applies {
            return Err(Error::NotFound {
                kind: "thing.question",
                name: question.trim().to_owned(),
            });
        }
        let Some(status) = CheckStatus::parse(status.trim()) else {
            return Err(Error::Invalid(vec![Invalid::new(
                "status",
                Message::new("input.bad_status").arg("given", status),
            )]));
        };
        po_table::set_check(self.db.conn(), po.id, question.trim(), status, note.trim())?;
        Ok(())
    }

    /// The recorded sample checks of a protection object: (question, status, note).
    pub fn sample_checks(
        &self,
        object: ProtectionObjectId,
    ) -> Result<Vec<(String, &'static str, String)>> {
        let po = self.protection_object(object)?;
        Ok(po_table::checks(self.db.conn(), po.id)?
            .into_iter()
            .map(|(q, s, n)| (q, s.as_str(), n))
            .collect())
    }

    /// Changes only the fields given in `changes` of `scope` (see [`Workspace::update_scope`]);
    /// the others keep their current value.
    pub fn update_scope_fields(
        &mut self,
        scope: ScopeId,
        changes: &ScopeChanges,
        today: NaiveDate,
    ) -> Result<ScopeRecord> {
        self.on_fresh(crate::revisions::Record::Scope, scope.0, |ws, revision| {
            let input = ws.scope_changed(scope, changes)?;
            ws.update_scope(scope, &input, today, Some(revision))
        })
    }

    /// Scope `scope` as `changes` would leave it.
    fn scope_changed(&self, scope: ScopeId, changes: &ScopeChanges) -> Result<ScopeInput> {
        let record = self.scope(scope)?;
        let input = ScopeInput {
            name: changes.name.clone().unwrap_or_else(|| record.name.clone()),
            enx_scope_id: changes.enx_scope_id.clone().unwrap_or_else(|| {
                record
                    .enx_scope_id
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            }),
            planned_audit_date: changes.planned_audit_date.clone().unwrap_or_else(|| {
                record
                    .planned_audit_date
                    .map(|d| d.to_string())
                    .unwrap_or_default()
            }),
            audit_provider: changes
                .audit_provider
                .clone()
                .unwrap_or_else(|| record.audit_provider.clone()),
            locations: match &changes.locations {
                Some(ids) => ids.clone(),
                None => record
                    .location_ids
                    .iter()
                    .copied()
                    .map(LocationId)
                    .collect(),
            },
            objectives: match &changes.objectives {
                Some(list) => list.clone(),
                None => record
                    .objectives
                    .iter()
                    .map(|o| o.as_str().to_owned())
                    .collect(),
            },
            catalogue_id: record.catalogue_id,
        };
        Ok(input)
    }
}

/// Some of a scope's details to change (`None` keeps the current value), as
/// `csmsdesk-cli scope edit` takes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScopeChanges {
    pub name: Option<String>,
    pub enx_scope_id: Option<String>,
    /// `YYYY-MM-DD`, or empty to clear it.
    pub planned_audit_date: Option<String>,
    pub audit_provider: Option<String>,
    /// The locations; replaces the list.
    pub locations: Option<Vec<LocationId>>,
    /// The objectives; replaces the list.
    pub objectives: Option<Vec<String>>,
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod edit_tests;
