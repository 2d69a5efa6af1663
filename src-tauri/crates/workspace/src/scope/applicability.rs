//! Which control questions apply to a scope, the deviations from should-requirements, and the
//! scope view with its prerequisite check.

use crate::ScopeId;
use chrono::NaiveDate;
use csmsdesk_core::i18n::Message;
use csmsdesk_core::scope::{
    CheckedLocation, Objective, PrerequisiteFacts, applicability, check_prerequisites,
};
use csmsdesk_store::location::LocationRecord;
use csmsdesk_store::scope::{self as scope_table, ScopeRecord};

use super::{ScopeQuestion, ScopeView};
use crate::input::{MAX_TEXT_LEN, text_problem};
use crate::{Error, Invalid, Result, Workspace};

impl Workspace {
    /// How many questions and requirements `objectives` give on a catalogue (the wizard's
    /// live count); the current catalogue when `catalogue` is `None`.
    pub fn preview_applicability(
        &self,
        catalogue: Option<i64>,
        objectives: &[String],
    ) -> Result<(usize, usize)> {
        let (_, tree) = self.catalogue(catalogue)?;
        let objectives: Vec<Objective> = objectives
            .iter()
            .filter_map(|o| Objective::parse(o))
            .collect();
        let matrix = self.matrix()?;
        let questions = tree
            .chapters
            .iter()
            .flat_map(|c| c.questions.iter().map(move |q| (c, q)));
        let applicable: Vec<_> = questions
            .filter(|(c, q)| matrix.applies(&objectives, &c.id, &q.id))
            .collect();
        Ok((
            applicable.len(),
            applicable.iter().map(|(_, q)| q.requirements.len()).sum(),
        ))
    }

    /// The scope with its applicability table, deviations and prerequisite check on `on`
    /// (the planned audit date when `on` is `None` and one is set, else `today`).
    pub fn scope_view(
        &self,
        scope: ScopeId,
        on: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<ScopeView> {
        let record = self.scope(scope)?;
        let all = self.locations()?;
        let locations: Vec<LocationRecord> = all
            .into_iter()
            .filter(|l| record.location_ids.contains(&l.id))
            .collect();
        let questions = self.scope_questions(&record)?;
        let checked_on = on.or(record.planned_audit_date).unwrap_or(today);
        let facts = PrerequisiteFacts {
            locations: locations
                .iter()
                .map(|l| CheckedLocation {
                    name: l.name.clone(),
                    cs_activities: l.cs_activities,
                    labels: l.labels.clone(),
                })
                .collect(),
            objectives: record.objectives.len(),
            has_catalogue: record.catalogue_id.is_some(),
            expiry_warning_days: self.expiry_warning_days()?,
            today,
        };
        let problems = check_prerequisites(&facts, checked_on);
        Ok(ScopeView {
            scope: record,
            locations,
            questions,
            problems,
            checked_on,
        })
    }

    /// The control questions of a scope's catalogue with their applicability and the
    /// should-requirements' deviations; none while the scope has no catalogue.
    pub(crate) fn scope_questions(&self, record: &ScopeRecord) -> Result<Vec<ScopeQuestion>> {
        let Some(catalogue_id) = record.catalogue_id else {
            return Ok(Vec::new());
        };
        let (_, tree) = self.catalogue(Some(catalogue_id))?;
        let overrides = scope_table::overrides(self.db.conn(), record.id)?;
        let deviations = scope_table::deviations(self.db.conn(), record.id)?;
        let ids: Vec<(String, String)> = tree
            .chapters
            .iter()
            .flat_map(|c| c.questions.iter().map(|q| (c.id.clone(), q.id.clone())))
            .collect();
        let applied = applicability(&self.matrix()?, &record.objectives, &ids, &overrides);
        let all_questions = tree
            .chapters
            .iter()
            .flat_map(|c| c.questions.iter().map(move |q| (c, q)));
        Ok(all_questions
            .zip(applied)
            .map(|((chapter, question), applicability)| ScopeQuestion {
                chapter_id: chapter.id.clone(),
                text: question.text.clone(),
                applicability,
                should_requirements: question
                    .requirements
                    .iter()
                    .filter(|r| !r.should.is_empty())
                    .map(|r| (r.id.clone(), deviations.get(&r.id).cloned()))
                    .collect(),
                requirements: question.requirements.len(),
            })
            .collect())
    }

    /// Sets one question's applicability in a scope. NA needs a justification; choosing what
    /// the matrix says anyway withdraws the user's override (and its justification).
    pub fn set_applicability(
        &mut self,
        scope: ScopeId,
        question: &str,
        applicable: bool,
        reason: &str,
    ) -> Result<()> {
        let record = self.scope(scope)?;
        let questions = self.scope_questions(&record)?;
        let Some(q) = questions
            .iter()
            .find(|q| q.applicability.question_id == question.trim())
        else {
            return Err(Error::NotFound {
                kind: "thing.question",
                name: question.trim().to_owned(),
            });
        };
        let reason = reason.trim();
        if !applicable && reason.is_empty() {
            return Err(Error::Invalid(vec![Invalid::new(
                "reason",
                Message::new("input.na_needs_reason"),
            )]));
        }
        let mut errors = Vec::new();
        text_problem("reason", reason, MAX_TEXT_LEN, &mut errors);
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        // Choosing what the matrix says withdraws the override, whatever text is still in the
        // reason field: a justification for agreeing with the matrix would only be stale.
        let decision = if applicable == q.applicability.by_default {
            None
        } else {
            Some((applicable, reason))
        };
        scope_table::set_override(
            self.db.conn(),
            record.id,
            &q.applicability.question_id,
            decision,
        )?;
        Ok(())
    }

    /// Records (or with an empty reason withdraws) a deviation from a should-requirement.
    pub fn set_deviation(&mut self, scope: ScopeId, requirement: &str, reason: &str) -> Result<()> {
        let record = self.scope(scope)?;
        let requirement = requirement.trim();
        let known = self
            .scope_questions(&record)?
            .iter()
            .flat_map(|q| &q.should_requirements)
            .any(|(id, _)| id == requirement);
        if !known {
            return Err(Error::NotFound {
                kind: "thing.should_requirement",
                name: requirement.to_owned(),
            });
        }
        let reason = reason.trim();
        let mut errors = Vec::new();
        text_problem("reason", reason, MAX_TEXT_LEN, &mut errors);
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let justification = (!reason.is_empty()).then_some(reason);
        scope_table::set_deviation(self.db.conn(), record.id, requirement, justification)?;
        Ok(())
    }
}
