//! Wire shapes of the files we write for other programs to read: the package manifest
//! (`manifest.json`, held to `schema/manifest.schema.json`) and the backup manifest.
//!
//! The parts a level leaves out are `None` and absent from the document, not `null`.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{Action, Finding, JournalHead, ScopeLabel};

/// A package's `manifest.json`.
#[derive(Debug, Serialize)]
pub struct Manifest {
    pub format: &'static str,
    pub format_version: u32,
    pub product: &'static str,
    pub level: &'static str,
    pub generated_at: String,
    pub company: ManifestCompany,
    pub scope: ManifestScope,
    pub audits: Vec<ManifestAudit>,
    /// The scope's VCS labels, at the levels that show them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Vec<ScopeLabel>>,
    /// The one audit the package was frozen for, if it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frozen_for_audit: Option<FrozenFor>,
    /// The audits' results, at the levels that show them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub results: Option<Vec<AuditResults>>,
    /// The full package's own parts.
    #[serde(flatten)]
    pub contents: Option<FullContents>,
}

#[derive(Debug, Serialize)]
pub struct ManifestCompany {
    pub name: String,
    pub participant_id: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ManifestScope {
    pub name: String,
    pub enx_scope_id: Option<String>,
    pub objectives: Vec<&'static str>,
    pub locations: Vec<ManifestLocation>,
    pub audit_provider: String,
    pub planned_audit_date: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ManifestLocation {
    pub name: String,
    pub tisax_scope_id: Option<String>,
    /// Its TISAX labels, in the full package.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tisax_labels: Option<Vec<ManifestTisaxLabel>>,
}

#[derive(Debug, Serialize)]
pub struct ManifestTisaxLabel {
    pub label: String,
    pub assessment_level: u8,
    pub expires: String,
}

#[derive(Debug, Serialize)]
pub struct ManifestAudit {
    pub kind: &'static str,
    pub provider: String,
    pub opening_meeting: Option<String>,
    pub closing_meeting: String,
    /// The three phases' states (organisation, sampling, sample check), in the full package.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phases: Option<Vec<ManifestPhase>>,
}

#[derive(Debug, Serialize)]
pub struct ManifestPhase {
    pub phase: &'static str,
    pub state: &'static str,
}

#[derive(Debug, Serialize)]
pub struct FrozenFor {
    pub kind: &'static str,
    pub closing_meeting: String,
}

/// One audit's overall result and the results of its applicable questions.
#[derive(Debug, Serialize)]
pub struct AuditResults {
    pub kind: &'static str,
    pub closing_meeting: String,
    pub overall: &'static str,
    pub questions: Vec<QuestionResult>,
}

#[derive(Debug, Serialize)]
pub struct QuestionResult {
    pub id: String,
    pub result: Option<&'static str>,
}

/// What only the full package holds: per question its applicability, self-assessment and
/// requirements with their evidence; the evidence files; findings, actions and the journal.
#[derive(Debug, Serialize)]
pub struct FullContents {
    pub catalogue: ManifestCatalogue,
    /// Which workbook the package holds: `filled_original` (the user's imported `.xlsx`,
    /// filled in place) or `generated` (our ENX layout).
    pub workbook: &'static str,
    pub readiness: ManifestReadiness,
    pub protection_objects: Vec<ManifestProtectionObject>,
    pub samples: Vec<ManifestSample>,
    pub questions: Vec<ManifestQuestion>,
    /// Which version of evidence with unreviewed changes went in: `reviewed` or `newest`.
    pub evidence_versions: &'static str,
    pub evidence: Vec<ManifestEvidence>,
    pub findings: Vec<Finding>,
    pub corrective_actions: Vec<Action>,
    pub journal: ManifestJournal,
    /// The entry of the printable PDF report (`report.pdf`).
    pub report: &'static str,
}

#[derive(Debug, Serialize)]
pub struct ManifestCatalogue {
    pub name: String,
    pub version: String,
    pub sha256: String,
}

#[derive(Debug, Serialize)]
pub struct ManifestReadiness {
    pub readiness: f64,
    pub covered: usize,
    pub needs_review: usize,
    pub missing: usize,
    pub predicted_result: &'static str,
}

#[derive(Debug, Serialize)]
pub struct ManifestProtectionObject {
    pub name: String,
    pub item: String,
    pub customer: String,
    pub objectives: Vec<&'static str>,
}

/// The sample of one objective: its population, the suggested size and the chosen objects.
#[derive(Debug, Serialize)]
pub struct ManifestSample {
    pub objective: &'static str,
    pub population: Vec<String>,
    pub suggested: usize,
    pub chosen: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ManifestQuestion {
    pub id: String,
    pub applicable: bool,
    pub na_justification: Option<String>,
    pub result: Option<&'static str>,
    pub implementation: String,
    pub reference_documentation: String,
    pub requirements: Vec<ManifestRequirement>,
}

#[derive(Debug, Serialize)]
pub struct ManifestRequirement {
    pub id: String,
    pub state: &'static str,
    /// The justification of a deviation from its should-requirement, if one was recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deviation: Option<String>,
    /// The IDs of the evidence items in the package that serve it, ascending.
    pub evidence: BTreeSet<i64>,
}

#[derive(Debug, Serialize)]
pub struct ManifestEvidence {
    pub id: i64,
    pub title: String,
    #[serde(rename = "type")]
    pub work_product: Option<String>,
    pub classification: &'static str,
    /// The version in the package.
    pub version: i64,
    pub latest_version: i64,
    /// Whether the version in the package is the reviewed one, and who reviewed it when.
    pub reviewed: bool,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<String>,
    pub sha256: String,
    pub size: u64,
    pub path: String,
}

#[derive(Debug, Serialize)]
pub struct ManifestJournal {
    pub path: &'static str,
    pub entries: usize,
    pub head: Option<JournalHead>,
    pub verified: bool,
}

/// A backup's `manifest.json`.
#[derive(Debug, Serialize)]
pub struct BackupManifest {
    pub format: &'static str,
    pub format_version: u64,
    pub created_at: String,
    pub created_by: &'static str,
    pub schema_version: i64,
    pub database: &'static str,
    pub blobs: usize,
    pub bytes: u64,
    pub journal_entries: usize,
}
