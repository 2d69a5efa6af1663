//! Wire shapes of locations, scopes with their check, protection objects and sampling.

use csmsdesk_core::i18n::Lang;
use serde::Serialize;

/// A TISAX label a location holds.
#[derive(Debug, Serialize)]
pub struct TisaxLabel {
    pub label: String,
    pub level: u8,
    pub expires: String,
}

pub(super) fn labels(labels: &[csmsdesk_core::scope::TisaxLabel]) -> Vec<TisaxLabel> {
    labels
        .iter()
        .map(|l| TisaxLabel {
            label: l.label.clone(),
            level: l.level,
            expires: l.expires.to_string(),
        })
        .collect()
}

/// A location with its labels.
#[derive(Debug, Serialize)]
pub struct Location {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub tisax_scope_id: Option<String>,
    pub cs_activities: bool,
    pub notes: String,
    pub labels: Vec<TisaxLabel>,
    /// The scopes that include it: deleting it is refused while there are any.
    pub used_by: Vec<String>,
    /// The revision the record is at (optimistic concurrency): a form sends it back with its
    /// change. Absent where the answer does not serve a form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<i64>,
}

pub fn location(l: &crate::LocationRecord) -> Location {
    Location {
        id: l.id,
        name: l.name.clone(),
        address: l.address.clone(),
        tisax_scope_id: l.tisax_scope_id.as_ref().map(ToString::to_string),
        cs_activities: l.cs_activities,
        notes: l.notes.clone(),
        labels: labels(&l.labels),
        used_by: l.used_by.clone(),
        revision: None,
    }
}

/// A scope with its applicability table and prerequisite check, messages in a language
/// (`scope list` uses `name`, `objectives`, `locations`, `applicable_questions`).
#[derive(Debug, Serialize)]
pub struct Scope {
    pub id: i64,
    pub name: String,
    pub enx_scope_id: Option<String>,
    pub catalogue_id: Option<i64>,
    pub planned_audit_date: Option<String>,
    pub audit_provider: String,
    pub objectives: Vec<&'static str>,
    pub locations: Vec<String>,
    pub applicable_questions: Vec<String>,
    pub applicable_requirements: usize,
    pub questions: Vec<ScopeQuestion>,
    pub check: Check,
    /// The revision the record is at (optimistic concurrency): a form sends it back with its
    /// change. Absent where the answer does not serve a form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<i64>,
}

/// A question's applicability in a scope.
#[derive(Debug, Serialize)]
pub struct ScopeQuestion {
    pub id: String,
    pub chapter: String,
    pub text: String,
    pub by_default: bool,
    pub applicable: bool,
    pub overridden: bool,
    pub justification: String,
    pub requirements: usize,
    pub should_requirements: Vec<ShouldRequirement>,
}

/// A should-only requirement and the deviation that justifies not meeting it, if any.
#[derive(Debug, Serialize)]
pub struct ShouldRequirement {
    pub id: String,
    pub deviation: Option<String>,
}

pub fn scope_view(view: &crate::ScopeView, lang: Lang) -> Scope {
    let s = &view.scope;
    Scope {
        id: s.id,
        name: s.name.clone(),
        enx_scope_id: s.enx_scope_id.as_ref().map(ToString::to_string),
        catalogue_id: s.catalogue_id,
        planned_audit_date: s.planned_audit_date.map(|d| d.to_string()),
        audit_provider: s.audit_provider.clone(),
        objectives: s.objectives.iter().map(|o| o.as_str()).collect(),
        locations: view.locations.iter().map(|l| l.name.clone()).collect(),
        applicable_questions: view
            .applicable_questions()
            .into_iter()
            .map(str::to_owned)
            .collect(),
        applicable_requirements: view.applicable_requirements(),
        questions: view
            .questions
            .iter()
            .map(|q| ScopeQuestion {
                id: q.applicability.question_id.clone(),
                chapter: q.chapter_id.clone(),
                text: q.text.clone(),
                by_default: q.applicability.by_default,
                applicable: q.applicability.applicable,
                overridden: q.applicability.overridden.is_some(),
                justification: q
                    .applicability
                    .overridden
                    .as_ref()
                    .map(|(_, j)| j.clone())
                    .unwrap_or_default(),
                requirements: q.requirements,
                should_requirements: q
                    .should_requirements
                    .iter()
                    .map(|(id, deviation)| ShouldRequirement {
                        id: id.clone(),
                        deviation: deviation.clone(),
                    })
                    .collect(),
            })
            .collect(),
        check: check(view, lang),
        revision: None,
    }
}

/// A prerequisite check's outcome: `ok` unless an error-severity problem was found.
#[derive(Debug, Serialize)]
pub struct Check {
    pub ok: bool,
    pub checked_on: String,
    pub problems: Vec<Problem>,
}

/// One prerequisite problem.
#[derive(Debug, Serialize)]
pub struct Problem {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
}

/// The prerequisite check of a scope.
pub fn check(view: &crate::ScopeView, lang: Lang) -> Check {
    problems(&view.problems, view.checked_on, lang)
}

pub(super) fn problems(
    problems: &[csmsdesk_core::scope::Prerequisite],
    checked_on: chrono::NaiveDate,
    lang: Lang,
) -> Check {
    use csmsdesk_core::scope::Severity;
    Check {
        ok: problems.iter().all(|p| p.severity() != Severity::Error),
        checked_on: checked_on.to_string(),
        problems: problems
            .iter()
            .map(|p| Problem {
                code: p.code(),
                severity: match p.severity() {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                message: p.message().render(lang),
            })
            .collect(),
    }
}

/// A protection object.
#[derive(Debug, Serialize)]
pub struct ProtectionObject {
    pub id: i64,
    pub name: String,
    pub item: String,
    pub customer: String,
    pub partner_participant_id: Option<String>,
    pub confidentiality: bool,
    pub integrity: bool,
    pub availability: bool,
    pub lifecycle_phases: String,
    pub objectives: Vec<&'static str>,
    pub locations: Vec<String>,
    /// The revision the record is at (optimistic concurrency): a form sends it back with its
    /// change. Absent where the answer does not serve a form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<i64>,
}

pub fn protection_object(
    p: &crate::ProtectionObjectRecord,
    location_names: &[(i64, String)],
) -> ProtectionObject {
    ProtectionObject {
        id: p.id,
        name: p.name.clone(),
        item: p.item.clone(),
        customer: p.customer.clone(),
        partner_participant_id: p.partner_participant_id.as_ref().map(ToString::to_string),
        confidentiality: p.confidentiality,
        integrity: p.integrity,
        availability: p.availability,
        lifecycle_phases: p.lifecycle_phases.clone(),
        objectives: p.objectives.iter().map(|o| o.as_str()).collect(),
        locations: p
            .location_ids
            .iter()
            .filter_map(|id| {
                location_names
                    .iter()
                    .find(|(l, _)| l == id)
                    .map(|(_, n)| n.clone())
            })
            .collect(),
        revision: None,
    }
}

/// The sampling of one objective.
#[derive(Debug, Serialize)]
pub struct Sampling {
    pub objective: &'static str,
    pub population: Vec<String>,
    pub suggested: usize,
    pub chosen: Vec<String>,
}

pub fn sampling(rows: &[crate::Sampling]) -> Vec<Sampling> {
    rows.iter()
        .map(|s| Sampling {
            objective: s.objective.as_str(),
            population: s.population.clone(),
            suggested: s.suggested,
            chosen: s.chosen.clone(),
        })
        .collect()
}
