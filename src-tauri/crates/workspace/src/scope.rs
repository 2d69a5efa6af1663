//! Locations, VCS scopes with their applicability and deviations, the prerequisite check,
//! protection objects and sampling.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use csmsdesk_core::i18n::Message;
use csmsdesk_core::ids::TisaxId;
use csmsdesk_core::scope::{
    ApplicabilityMatrix, CheckedLocation, DEFAULT_MATRIX, Objective, Prerequisite,
    PrerequisiteFacts, QuestionApplicability, TisaxLabel, applicability, check_prerequisites,
    suggested_sample_size, tisax_label,
};
use csmsdesk_store::location::{self, LocationRecord};
use csmsdesk_store::protection_object::{self as po_table, CheckStatus, ProtectionObjectRecord};
use csmsdesk_store::scope::{self as scope_table, ScopeRecord};
use csmsdesk_store::settings;

use crate::{Error, Invalid, Result, RulesInput, Workspace};

pub(crate) const MAX_NAME_LEN: usize = 200;
pub(crate) const MAX_TEXT_LEN: usize = 4000;

/// A TISAX label as typed: label name or slug, level (`2`, `AL2`), expiry `YYYY-MM-DD`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocationInput {
    pub name: String,
    pub address: String,
    pub tisax_scope_id: String,
    pub labels: Vec<LabelInput>,
    pub cs_activities: bool,
    pub notes: String,
}

/// A scope as typed in the wizard or on the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScopeInput {
    pub name: String,
    pub enx_scope_id: String,
    /// Location names (or ids).
    pub locations: Vec<String>,
    /// `development`, `production`, `operations-maintenance`.
    pub objectives: Vec<String>,
    /// The catalogue; the current one when `None`.
    pub catalogue_id: Option<i64>,
    /// `YYYY-MM-DD` or empty.
    pub planned_audit_date: String,
    pub audit_provider: String,
}

/// A protection object as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProtectionObjectInput {
    pub scope: String,
    pub name: String,
    pub item: String,
    pub customer: String,
    pub partner_participant_id: String,
    pub confidentiality: bool,
    pub integrity: bool,
    pub availability: bool,
    pub lifecycle_phases: String,
    pub objectives: Vec<String>,
    pub locations: Vec<String>,
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

pub(crate) fn text_problem(field: &str, text: &str, max: usize, errors: &mut Vec<Invalid>) {
    if text.chars().count() > max {
        errors.push(Invalid::new(
            field,
            Message::new("profile.error.too_long").arg("max", max),
        ));
    }
}

pub(crate) fn required_name(field: &str, name: &str, errors: &mut Vec<Invalid>) {
    if name.trim().is_empty() {
        errors.push(Invalid::new(field, Message::new("input.name_missing")));
    }
    text_problem(field, name.trim(), MAX_NAME_LEN, errors);
    if name.chars().any(char::is_control) {
        errors.push(Invalid::new(
            field,
            Message::new("profile.error.control_character"),
        ));
    }
}

/// The trimmed name, with its problems (missing, too long, taken per `taken`) added to
/// `errors`.
fn unique_name(
    name: &str,
    taken: impl FnOnce(&str) -> Result<bool>,
    errors: &mut Vec<Invalid>,
) -> Result<String> {
    let name = name.trim().to_owned();
    required_name("name", &name, errors);
    if !name.is_empty() && taken(&name)? {
        errors.push(Invalid::new(
            "name",
            Message::new("input.name_taken").arg("name", &name),
        ));
    }
    Ok(name)
}

/// The protection object of that name (without case) among `objects`.
pub(crate) fn find_object<'a>(
    objects: &'a [ProtectionObjectRecord],
    name: &str,
) -> Result<&'a ProtectionObjectRecord> {
    objects
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(name.trim()))
        .ok_or_else(|| Error::NotFound {
            kind: "thing.protection_object",
            name: name.trim().to_owned(),
        })
}

fn matrix_error(lines: Vec<usize>) -> Error {
    Error::Invalid(vec![Invalid::new(
        "applicability_matrix",
        Message::new("input.bad_matrix").arg("lines", format!("{lines:?}")),
    )])
}

fn optional_id(field: &str, text: &str, errors: &mut Vec<Invalid>) -> Option<TisaxId> {
    if text.trim().is_empty() {
        return None;
    }
    TisaxId::parse(text)
        .map_err(|_| {
            errors.push(Invalid::new(
                field,
                Message::new("input.bad_id").arg("given", text.trim()),
            ))
        })
        .ok()
}

pub(crate) fn parse_date(field: &str, text: &str, errors: &mut Vec<Invalid>) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    csmsdesk_core::dates::parse_date(text)
        .map_err(|message| errors.push(Invalid::new(field, message)))
        .ok()
}

fn parse_objectives(field: &str, names: &[String], errors: &mut Vec<Invalid>) -> Vec<Objective> {
    let mut objectives = Vec::new();
    for name in names {
        match Objective::parse(name) {
            Some(o) if !objectives.contains(&o) => objectives.push(o),
            Some(_) => {}
            None => errors.push(Invalid::new(
                field,
                Message::new("input.unknown_objective").arg("given", name),
            )),
        }
    }
    objectives.sort();
    objectives
}

fn parse_label(index: usize, input: &LabelInput, errors: &mut Vec<Invalid>) -> Option<TisaxLabel> {
    let field = format!("labels.{index}");
    let label = tisax_label(&input.label);
    if label.is_none() {
        errors.push(Invalid::new(
            &field,
            Message::new("input.unknown_tisax_label").arg("given", &input.label),
        ));
    }
    let level = input
        .level
        .trim()
        .trim_start_matches(['A', 'a'])
        .trim_start_matches(['L', 'l'])
        .parse::<u8>()
        .ok();
    let level = level.filter(|l| (1..=3).contains(l));
    if level.is_none() {
        errors.push(Invalid::new(
            &field,
            Message::new("input.bad_level").arg("given", &input.level),
        ));
    }
    let expires = parse_date(&field, &input.expires, errors);
    if input.expires.trim().is_empty() {
        errors.push(Invalid::new(
            &field,
            Message::new("input.bad_date").arg("given", ""),
        ));
    }
    Some(TisaxLabel {
        label: label?.to_owned(),
        level: level?,
        expires: expires?,
    })
}

impl Workspace {
    pub(crate) fn matrix(&self) -> Result<ApplicabilityMatrix> {
        let text = settings::get(self.db.conn(), settings::APPLICABILITY_MATRIX)?;
        let text = text.as_deref().unwrap_or(DEFAULT_MATRIX);
        ApplicabilityMatrix::parse(text).map_err(matrix_error)
    }

    /// The applicability matrix as text (the default until a user changes it).
    pub fn applicability_matrix_text(&self) -> Result<String> {
        Ok(self.rules()?.applicability_matrix)
    }

    /// Replaces the applicability matrix after checking every line.
    pub fn set_applicability_matrix(&mut self, text: &str) -> Result<()> {
        let input = RulesInput {
            applicability_matrix: Some(text.to_owned()),
            ..RulesInput::default()
        };
        self.save_rules(&input).map(|_| ())
    }

    /// Sets after how many days past the audit a TISAX label expiry still earns a warning.
    pub fn set_label_expiry_warning_days(&mut self, days: &str) -> Result<i64> {
        let input = RulesInput {
            label_expiry_warning_days: Some(days.to_owned()),
            ..RulesInput::default()
        };
        Ok(self.save_rules(&input)?.label_expiry_warning_days)
    }

    /// After how many days past the audit a TISAX label expiry earns a warning.
    pub fn label_expiry_warning_days(&self) -> Result<i64> {
        self.expiry_warning_days()
    }

    fn expiry_warning_days(&self) -> Result<i64> {
        Ok(self.rules()?.label_expiry_warning_days)
    }

    pub fn locations(&self) -> Result<Vec<LocationRecord>> {
        Ok(location::list(self.db.conn())?)
    }

    /// Adds a location after checking every field; an already expired label is accepted
    /// (history matters) and shows as expired.
    pub fn add_location(&mut self, input: &LocationInput) -> Result<LocationRecord> {
        let mut errors = Vec::new();
        let name = unique_name(
            &input.name,
            |n| Ok(location::name_taken(self.db.conn(), n)?),
            &mut errors,
        )?;
        text_problem("address", &input.address, MAX_TEXT_LEN, &mut errors);
        text_problem("notes", &input.notes, MAX_TEXT_LEN, &mut errors);
        let tisax_scope_id = optional_id("tisax_scope_id", &input.tisax_scope_id, &mut errors);
        let labels: Vec<_> = input
            .labels
            .iter()
            .enumerate()
            .filter_map(|(i, l)| parse_label(i, l, &mut errors))
            .collect();
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let mut record = LocationRecord {
            id: 0,
            name,
            address: input.address.trim().to_owned(),
            tisax_scope_id,
            cs_activities: input.cs_activities,
            notes: input.notes.trim().to_owned(),
            labels,
        };
        record.id = self.db.write(|tx| location::insert(tx, &record))?;
        Ok(record)
    }

    fn location_by_key(&self, key: &str) -> Result<LocationRecord> {
        let all = self.locations()?;
        let id = self.find_location(&all, key);
        all.into_iter()
            .find(|l| Some(l.id) == id)
            .ok_or_else(|| Error::NotFound {
                kind: "thing.location",
                name: key.trim().to_owned(),
            })
    }

    /// Adds a TISAX label to an existing location (a renewal; earlier labels stay as history).
    pub fn add_location_label(
        &mut self,
        location: &str,
        label: &LabelInput,
    ) -> Result<LocationRecord> {
        let record = self.location_by_key(location)?;
        let mut errors = Vec::new();
        let parsed = parse_label(0, label, &mut errors);
        match parsed.filter(|_| errors.is_empty()) {
            Some(parsed) => location::add_label(self.db.conn(), record.id, &parsed)?,
            None => return Err(Error::Invalid(errors)),
        }
        self.location_by_key(&record.id.to_string())
    }

    /// Deletes a location that no scope uses.
    pub fn remove_location(&mut self, location: &str) -> Result<()> {
        let record = self.location_by_key(location)?;
        let scopes = location::used_by(self.db.conn(), record.id)?;
        if !scopes.is_empty() {
            return Err(Error::Invalid(vec![Invalid::new(
                "location",
                Message::new("input.location_in_use")
                    .arg("name", &record.name)
                    .arg("scopes", scopes.join(", ")),
            )]));
        }
        location::delete(self.db.conn(), record.id)?;
        Ok(())
    }

    /// The ids of a scope's locations (names or ids): at least one, each known.
    fn scope_locations(&self, keys: &[String], errors: &mut Vec<Invalid>) -> Result<Vec<i64>> {
        let all = self.locations()?;
        let mut ids = Vec::new();
        for key in keys {
            match self.find_location(&all, key) {
                Some(id) if !ids.contains(&id) => ids.push(id),
                Some(_) => {}
                None => errors.push(Invalid::new(
                    "locations",
                    Message::new("input.unknown_location").arg("given", key),
                )),
            }
        }
        if keys.is_empty() {
            errors.push(Invalid::new("locations", Message::new("input.no_location")));
        }
        Ok(ids)
    }

    fn find_location(&self, all: &[LocationRecord], key: &str) -> Option<i64> {
        let key = key.trim();
        all.iter()
            .find(|l| l.name.eq_ignore_ascii_case(key) || l.id.to_string() == key)
            .map(|l| l.id)
    }

    pub fn scopes(&self) -> Result<Vec<ScopeRecord>> {
        Ok(scope_table::list(self.db.conn())?)
    }

    pub(crate) fn find_scope(&self, key: &str) -> Result<ScopeRecord> {
        let key = key.trim();
        self.scopes()?
            .into_iter()
            .find(|s| s.name.eq_ignore_ascii_case(key) || s.id.to_string() == key)
            .ok_or_else(|| Error::NotFound {
                kind: "thing.scope",
                name: key.to_owned(),
            })
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
    pub fn update_scope(&mut self, scope: &str, input: &ScopeInput) -> Result<ScopeRecord> {
        let mut record = self.find_scope(scope)?;
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
        self.find_scope(&record.id.to_string())
    }

    /// Deletes a scope with its decisions, protection objects, samples and checks.
    pub fn remove_scope(&mut self, scope: &str) -> Result<()> {
        let record = self.find_scope(scope)?;
        scope_table::delete(self.db.conn(), record.id)?;
        Ok(())
    }

    /// Deletes a protection object with its sample entries and checks.
    pub fn remove_protection_object(&mut self, scope: &str, object: &str) -> Result<()> {
        let objects = self.protection_objects(scope)?;
        let po = find_object(&objects, object)?;
        po_table::delete(self.db.conn(), po.id)?;
        Ok(())
    }

    /// Replaces a scope's objectives; the defaults follow, the user's overrides stay.
    pub fn set_scope_objectives(
        &mut self,
        scope: &str,
        objectives: &[String],
    ) -> Result<ScopeRecord> {
        let record = self.find_scope(scope)?;
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
        self.find_scope(&record.id.to_string())
    }

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
        scope: &str,
        on: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<ScopeView> {
        let record = self.find_scope(scope)?;
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
    /// the matrix says anyway clears the user's override.
    pub fn set_applicability(
        &mut self,
        scope: &str,
        question: &str,
        applicable: bool,
        reason: &str,
    ) -> Result<()> {
        let record = self.find_scope(scope)?;
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
        let decision = if applicable == q.applicability.by_default && reason.is_empty() {
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
    pub fn set_deviation(&mut self, scope: &str, requirement: &str, reason: &str) -> Result<()> {
        let record = self.find_scope(scope)?;
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

    pub fn protection_objects(&self, scope: &str) -> Result<Vec<ProtectionObjectRecord>> {
        let record = self.find_scope(scope)?;
        Ok(po_table::list(self.db.conn(), record.id)?)
    }

    /// Adds a protection object to a scope; its objectives and locations must be the scope's.
    pub fn add_protection_object(
        &mut self,
        input: &ProtectionObjectInput,
    ) -> Result<ProtectionObjectRecord> {
        let scope = self.find_scope(&input.scope)?;
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
        let all = self.locations()?;
        let mut location_ids = Vec::new();
        for key in &input.locations {
            match self.find_location(&all, key) {
                Some(id) if scope.location_ids.contains(&id) => location_ids.push(id),
                _ => errors.push(Invalid::new(
                    "locations",
                    Message::new("input.location_not_in_scope").arg("given", key),
                )),
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

    /// Per objective of the scope: the relevant protection objects, the suggested sample
    /// size and the chosen sample.
    pub fn sampling(&self, scope: &str) -> Result<Vec<Sampling>> {
        let record = self.find_scope(scope)?;
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
        scope: &str,
        objective: &str,
        names: &[String],
    ) -> Result<Vec<Sampling>> {
        let record = self.find_scope(scope)?;
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
        scope: &str,
        object: &str,
        question: &str,
        status: &str,
        note: &str,
    ) -> Result<()> {
        let record = self.find_scope(scope)?;
        let objects = po_table::list(self.db.conn(), record.id)?;
        let po = find_object(&objects, object)?;
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
        scope: &str,
        object: &str,
    ) -> Result<Vec<(String, &'static str, String)>> {
        let objects = self.protection_objects(scope)?;
        let po = find_object(&objects, object)?;
        Ok(po_table::checks(self.db.conn(), po.id)?
            .into_iter()
            .map(|(q, s, n)| (q, s.as_str(), n))
            .collect())
    }

    /// Changes only the fields given in `changes` of `scope` (see [`Workspace::update_scope`]);
    /// the others keep their current value.
    pub fn update_scope_fields(
        &mut self,
        scope: &str,
        changes: &ScopeChanges,
    ) -> Result<ScopeRecord> {
        let record = self.find_scope(scope)?;
        let input = ScopeInput {
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
                Some(names) => names.clone(),
                None => self
                    .locations()?
                    .into_iter()
                    .filter(|l| record.location_ids.contains(&l.id))
                    .map(|l| l.name)
                    .collect(),
            },
            ..ScopeInput::default()
        };
        self.update_scope(scope, &input)
    }
}

/// Some of a scope's details to change (`None` keeps the current value), as
/// `csmsdesk-cli scope set` takes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScopeChanges {
    pub enx_scope_id: Option<String>,
    /// `YYYY-MM-DD`, or empty to clear it.
    pub planned_audit_date: Option<String>,
    pub audit_provider: Option<String>,
    /// The location names; replaces the list.
    pub locations: Option<Vec<String>>,
}

#[cfg(test)]
mod tests;
