//! What is audited: audit objectives, which control questions apply to them (an editable
//! matrix), TISAX labels of locations, the prerequisite check of a VCS scope, and the
//! sample-size heuristic for protection objects.

mod applicability;
mod prerequisites;

pub use applicability::DEFAULT_MATRIX;
pub use applicability::{
    ApplicabilityMatrix, MatrixRule, QuestionApplicability, Selector, applicability,
};
pub use prerequisites::{
    CheckedLocation, DEFAULT_EXPIRY_WARNING_DAYS, Prerequisite, PrerequisiteFacts, Severity,
    check_prerequisites,
};

use chrono::NaiveDate;

/// An ENX VCS audit objective; each passed objective earns a label of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Objective {
    Development,
    Production,
    OperationsMaintenance,
}

impl Objective {
    pub const ALL: [Objective; 3] = [
        Objective::Development,
        Objective::Production,
        Objective::OperationsMaintenance,
    ];

    /// The name in the CLI, JSON and storage: `development`, `production`,
    /// `operations-maintenance`.
    pub fn as_str(self) -> &'static str {
        match self {
            Objective::Development => "development",
            Objective::Production => "production",
            Objective::OperationsMaintenance => "operations-maintenance",
        }
    }

    pub fn parse(name: &str) -> Option<Objective> {
        Objective::ALL
            .into_iter()
            .find(|o| o.as_str() == name.trim().to_ascii_lowercase())
    }
}

/// A TISAX label as listed in the TISAX label list (ISA 6).
pub const TISAX_LABELS: [&str; 12] = [
    "Info high",
    "Info very high",
    "Confidential",
    "Strictly confidential",
    "High availability",
    "Very high availability",
    "Proto parts",
    "Proto vehicles",
    "Test vehicles",
    "Proto events",
    "Data",
    "Special data",
];

/// The assessment level each label of [`TISAX_LABELS`] implies, in the same order
/// (docs/DOMAIN.md "Prerequisites and scope"): a label with another level is a typing error.
pub const TISAX_LABEL_LEVELS: [u8; 12] = [2, 3, 2, 3, 2, 3, 3, 3, 3, 3, 2, 3];

/// The TISAX label of that name or slug (`strictly-confidential`), in its listed spelling.
pub fn tisax_label(name: &str) -> Option<&'static str> {
    let wanted = name.trim().replace(['-', '_'], " ").to_lowercase();
    TISAX_LABELS
        .into_iter()
        .find(|l| l.to_lowercase() == wanted)
}

/// The assessment level the TISAX label `name` (listed spelling or slug) implies.
pub fn tisax_label_level(name: &str) -> Option<u8> {
    let label = tisax_label(name)?;
    TISAX_LABELS
        .iter()
        .zip(TISAX_LABEL_LEVELS)
        .find(|(l, _)| **l == label)
        .map(|(_, level)| level)
}

/// A TISAX label held by a location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TisaxLabel {
    /// One of [`TISAX_LABELS`].
    pub label: String,
    /// The assessment level, 1 to 3.
    pub level: u8,
    /// The last day the label is valid.
    pub expires: NaiveDate,
}

impl TisaxLabel {
    /// Whether the label is valid on `date` (it is, up to and including its expiry date).
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        date <= self.expires
    }
}

/// The suggested sample of `population` protection objects: the square root, rounded up
/// (a heuristic; the auditor decides). Nothing to sample from gives 0.
pub fn suggested_sample_size(population: usize) -> usize {
    (1..=population).find(|k| k * k >= population).unwrap_or(0)
}

#[cfg(test)]
mod tests;
