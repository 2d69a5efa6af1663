//! Results of control questions and the overall result they add up to (docs/DOMAIN.md "Results"),
//! shared by the self-assessment and, later, the audit.

/// The result of one control question, as the workbook's `Findings/result` column names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuestionResult {
    Conform,
    Minor,
    Major,
    /// Not applicable: the question is outside the scope's objectives.
    Na,
}

impl QuestionResult {
    pub const ALL: [QuestionResult; 4] = [
        QuestionResult::Conform,
        QuestionResult::Minor,
        QuestionResult::Major,
        QuestionResult::Na,
    ];

    /// The name in the CLI, JSON and storage: `conform`, `minor`, `major`, `na`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionResult::Conform => "conform",
            QuestionResult::Minor => "minor",
            QuestionResult::Major => "major",
            QuestionResult::Na => "na",
        }
    }

    /// Reads our short names and the workbook's spellings (`minor-non-conform`,
    /// `Major non-conform`, `NA`, `n/a`), case and white space ignored.
    pub fn parse(text: &str) -> Option<QuestionResult> {
        let folded: String = text
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c == '_' || c == ' ' { '-' } else { c })
            .collect();
        match folded.as_str() {
            "conform" | "conformity" => Some(QuestionResult::Conform),
            "minor" | "minor-non-conform" | "minor-nonconform" | "minor-non-conformity" => {
                Some(QuestionResult::Minor)
            }
            "major" | "major-non-conform" | "major-nonconform" | "major-non-conformity" => {
                Some(QuestionResult::Major)
            }
            "na" | "n/a" | "not-applicable" => Some(QuestionResult::Na),
            _ => None,
        }
    }

    /// The spelling of the workbook's `Findings/result` column.
    pub fn workbook_spelling(self) -> &'static str {
        match self {
            QuestionResult::Conform => "conform",
            QuestionResult::Minor => "minor-non-conform",
            QuestionResult::Major => "major-non-conform",
            QuestionResult::Na => "NA",
        }
    }
}

/// The overall result of a scope's assessment or audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OverallResult {
    Pass,
    /// "Minor non-conform": labels only through a corrective action plan.
    ConditionalPass,
    Fail,
    /// Some applicable question has no result yet.
    Incomplete,
}

impl OverallResult {
    pub const ALL: [OverallResult; 4] = [
        OverallResult::Pass,
        OverallResult::ConditionalPass,
        OverallResult::Fail,
        OverallResult::Incomplete,
    ];

    /// The name in the CLI and JSON: `PASS`, `CONDITIONAL-PASS`, `FAIL`, `INCOMPLETE`.
    pub fn as_str(self) -> &'static str {
        match self {
            OverallResult::Pass => "PASS",
            OverallResult::ConditionalPass => "CONDITIONAL-PASS",
            OverallResult::Fail => "FAIL",
            OverallResult::Incomplete => "INCOMPLETE",
        }
    }
}

/// The overall result over every question of a catalogue: (applicable in the scope, its
/// result). Questions that are not applicable do not count, whatever they hold. INCOMPLETE
/// while an applicable question has no result (or none applies: nothing was assessed); then
/// FAIL on any major, CONDITIONAL-PASS on any minor, else PASS. Unlike the workbook's own
/// formula this looks at every question (including 9.2 to 9.4).
pub fn overall_result(
    questions: impl IntoIterator<Item = (bool, Option<QuestionResult>)>,
) -> OverallResult {
    let mut any_applicable = false;
    let mut any_minor = false;
    let mut any_major = false;
    for (applicable, result) in questions {
        if !applicable {
            continue;
        }
        any_applicable = true;
        match result {
            None => return OverallResult::Incomplete,
            Some(QuestionResult::Major) => any_major = true,
            Some(QuestionResult::Minor) => any_minor = true,
            Some(QuestionResult::Conform | QuestionResult::Na) => {}
        }
    }
    if !any_applicable {
        OverallResult::Incomplete
    } else if any_major {
        OverallResult::Fail
    } else if any_minor {
        OverallResult::ConditionalPass
    } else {
        OverallResult::Pass
    }
}

#[cfg(test)]
mod tests;
