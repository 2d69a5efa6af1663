//! The ENX VCS Audit Criteria Catalogue: its tree (chapters → control questions →
//! requirements), how it is read from a sheet, its references, and how IDs move between
//! catalogue versions.

mod filled;
mod parse;
pub mod references;
pub mod renumbering;

pub use filled::{FillPlaces, FilledQuestion, WorkingColumn, fill_places, parse_filled_questions};
pub use parse::{
    CatalogueProblem, ProblemKind, parse_catalogue, version_from_file_name, version_from_history,
};

use references::{Reference, parse_references};

/// The name of the catalogue sheet in the ENX workbook.
pub const CATALOGUE_SHEET: &str = "Vehicle CyberSecurity";
/// The name of the sheet that lists the catalogue's versions.
pub const HISTORY_SHEET: &str = "History of Changes";

/// A catalogue as read from a workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    /// The title above the header row (first line), e.g. the workbook's own name for itself.
    pub title: String,
    pub chapters: Vec<Chapter>,
    /// The chapter rows of the ISO/PAS 5112 order (`VCS` = `na`): group id and title.
    pub groups_5112: Vec<Group5112>,
    /// Things the reader repaired on the way (a duplicate ID renamed), for the summary.
    pub notes: Vec<CatalogueNote>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chapter {
    /// `1` to `9` in VCSA 1.1.
    pub id: String,
    pub title: String,
    pub row: usize,
    pub questions: Vec<ControlQuestion>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group5112 {
    /// `01` to `07`.
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ControlQuestion {
    /// `1.1`.
    pub id: String,
    /// The parallel ID in ISO/PAS 5112 Annex A order, `01.1`.
    pub id_5112: String,
    pub text: String,
    pub objective: String,
    pub row: usize,
    pub requirements: Vec<Requirement>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Requirement {
    /// `1.1.a`; a repeated ID gets a suffix (`3.1.i-2`) so every requirement has its own.
    pub id: String,
    pub id_5112: String,
    /// The must text with its bullets; empty when the row has none.
    pub must: String,
    /// The must references as written in the cell.
    pub must_references: String,
    pub should: String,
    pub should_references: String,
    pub further_information: String,
    pub possible_evidence: String,
    pub row: usize,
}

/// Which cell of a requirement a reference comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceField {
    Must,
    Should,
    /// Possible evidence, which cites work products.
    Evidence,
}

impl ReferenceField {
    pub fn as_str(self) -> &'static str {
        match self {
            ReferenceField::Must => "must",
            ReferenceField::Should => "should",
            ReferenceField::Evidence => "evidence",
        }
    }
}

impl Requirement {
    /// Every tag of the must, should and possible-evidence cells.
    pub fn references(&self) -> Vec<(ReferenceField, Reference)> {
        let cells = [
            (ReferenceField::Must, &self.must_references),
            (ReferenceField::Should, &self.should_references),
            (ReferenceField::Evidence, &self.possible_evidence),
        ];
        cells
            .into_iter()
            .flat_map(|(field, text)| parse_references(text).into_iter().map(move |r| (field, r)))
            .collect()
    }
}

/// Something the reader noticed and repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogueNote {
    /// A requirement ID appeared again; the later row was given `renamed`.
    DuplicateRequirementRenamed {
        id: String,
        renamed: String,
        row: usize,
    },
}

/// The sizes scripts and tests check (docs/CLI.md: `chapters`, `control_questions`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CatalogueCounts {
    pub chapters: usize,
    pub control_questions: usize,
    pub requirements: usize,
    /// Requirements with a must text.
    pub must: usize,
    /// Requirements with a should text.
    pub should: usize,
}

impl Catalogue {
    pub fn counts(&self) -> CatalogueCounts {
        let questions = || self.chapters.iter().flat_map(|c| &c.questions);
        let requirements = || questions().flat_map(|q| &q.requirements);
        CatalogueCounts {
            chapters: self.chapters.len(),
            control_questions: questions().count(),
            requirements: requirements().count(),
            must: requirements().filter(|r| !r.must.is_empty()).count(),
            should: requirements().filter(|r| !r.should.is_empty()).count(),
        }
    }
}

/// What a catalogue's version is called when neither its history sheet nor its file name
/// tells it.
pub const UNKNOWN_VERSION: &str = "unknown";

/// Whether `version` was read from the workbook (it starts with a number, as `1.1` does).
pub fn version_known(version: &str) -> bool {
    version.starts_with(|c: char| c.is_ascii_digit())
}

/// Compares two versions only when both are known: a version nobody could read is neither
/// older nor newer than another, and must never replace one silently.
pub fn compare_known_versions(a: &str, b: &str) -> Option<std::cmp::Ordering> {
    (version_known(a) && version_known(b)).then(|| compare_versions(a, b))
}

/// Compares version strings numerically part by part (`1.10` after `1.9`); parts that are not
/// numbers compare as text.
pub fn compare_versions(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |v: &str| -> Vec<String> { v.split(['.', '-', '_']).map(str::to_owned).collect() };
    let (a, b) = (parts(a), parts(b));
    for (x, y) in a.iter().zip(&b) {
        let order = match (x.parse::<u64>(), y.parse::<u64>()) {
            (Ok(x), Ok(y)) => x.cmp(&y),
            _ => x.cmp(y),
        };
        if order.is_ne() {
            return order;
        }
    }
    a.len().cmp(&b.len())
}

#[cfg(test)]
mod tests;
