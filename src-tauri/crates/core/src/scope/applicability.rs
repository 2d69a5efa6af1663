//! Which control questions apply to a scope: the default objective → question matrix (an
//! editable setting, stored as text) and the user's own overrides.

use std::collections::BTreeMap;

use super::Objective;

/// What a rule of the matrix selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    /// Every question of a chapter (`chapter 5`).
    Chapter(String),
    /// One question (`question 6.1`).
    Question(String),
}

/// One line of the matrix: for which objectives (`None` = every objective) it selects what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixRule {
    pub objective: Option<Objective>,
    pub selectors: Vec<Selector>,
}

/// The objective → question matrix. ENX does not publish one for VCS; the default follows
/// docs/DOMAIN.md and a workspace may replace it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicabilityMatrix {
    pub rules: Vec<MatrixRule>,
}

/// The default matrix, in the text form a user edits.
pub const DEFAULT_MATRIX: &str = "\
# Which control questions apply to which audit objective.
# One line per objective; `all` applies to every objective.
all: chapter 1, chapter 2, chapter 3, chapter 4, chapter 8
development: chapter 5, question 6.1
production: question 6.2
operations-maintenance: chapter 7, chapter 9
";

impl Default for ApplicabilityMatrix {
    fn default() -> Self {
        // The default text is a constant checked by a unit test.
        ApplicabilityMatrix::parse(DEFAULT_MATRIX)
            .unwrap_or(ApplicabilityMatrix { rules: Vec::new() })
    }
}

impl ApplicabilityMatrix {
    /// Reads the text form; on error, the 1-based numbers of the lines that are not
    /// `objective: chapter N, question N.M, ...`.
    pub fn parse(text: &str) -> Result<ApplicabilityMatrix, Vec<usize>> {
        let mut rules = Vec::new();
        let mut bad = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            match parse_rule(line) {
                Some(rule) => rules.push(rule),
                None => bad.push(index + 1),
            }
        }
        if bad.is_empty() {
            Ok(ApplicabilityMatrix { rules })
        } else {
            Err(bad)
        }
    }

    /// Whether the matrix applies question `question_id` (of chapter `chapter_id`) to a
    /// scope with `objectives`.
    pub fn applies(&self, objectives: &[Objective], chapter_id: &str, question_id: &str) -> bool {
        // `all` means every chosen objective: a scope without objectives has no questions.
        !objectives.is_empty()
            && self.rules.iter().any(|rule| {
                let for_scope = rule.objective.is_none_or(|o| objectives.contains(&o));
                for_scope
                    && rule.selectors.iter().any(|s| match s {
                        Selector::Chapter(c) => c == chapter_id,
                        Selector::Question(q) => q == question_id,
                    })
            })
    }
}

fn parse_rule(line: &str) -> Option<MatrixRule> {
    let (who, what) = line.split_once(':')?;
    let objective = match who.trim() {
        "all" => None,
        name => Some(Objective::parse(name)?),
    };
    let selectors = what
        .split(',')
        .map(|item| {
            let (kind, id) = item.trim().split_once(' ')?;
            let id = id.trim().to_owned();
            match kind {
                "chapter" => Some(Selector::Chapter(id)),
                "question" => Some(Selector::Question(id)),
                _ => None,
            }
        })
        .collect::<Option<Vec<_>>>()?;
    Some(MatrixRule {
        objective,
        selectors,
    })
}

/// One question's applicability in a scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionApplicability {
    pub question_id: String,
    /// What the matrix says for the scope's objectives.
    pub by_default: bool,
    /// What holds: the user's override if any, else the default.
    pub applicable: bool,
    /// The user's override: applicable or not, with the justification of an NA.
    pub overridden: Option<(bool, String)>,
}

/// Applies `matrix` and the user's `overrides` (question → (applicable, justification)) to the
/// questions (chapter id, question id) of a catalogue, in catalogue order.
pub fn applicability(
    matrix: &ApplicabilityMatrix,
    objectives: &[Objective],
    questions: &[(String, String)],
    overrides: &BTreeMap<String, (bool, String)>,
) -> Vec<QuestionApplicability> {
    questions
        .iter()
        .map(|(chapter, question)| {
            let by_default = matrix.applies(objectives, chapter, question);
            let overridden = overrides.get(question).cloned();
            QuestionApplicability {
                question_id: question.clone(),
                by_default,
                applicable: overridden
                    .as_ref()
                    .map_or(by_default, |(applicable, _)| *applicable),
                overridden,
            }
        })
        .collect()
}
