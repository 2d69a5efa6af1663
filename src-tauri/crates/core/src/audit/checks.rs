//! The rules a corrective action and a finding must keep before anything is saved: pure
//! functions of what was typed and the audit's dates, so that the save refuses exactly what
//! a form shows live while the user types (the app asks the backend for the same check).

use chrono::NaiveDate;

use super::FindingKind;
use crate::i18n::Message;
use crate::labels::{DueDateCheck, LabelRules, add_months, check_due_date};
use crate::results::QuestionResult;

/// What [`check_action`] found: problems that refuse the save (each with its field) and
/// warnings that let it through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionCheck {
    pub errors: Vec<(&'static str, Message)>,
    pub warnings: Vec<Message>,
}

/// Checks a corrective action of an audit whose closing meeting was `closing`: it needs an
/// owner, a due date not before the closing meeting, and a justification (or a shorter
/// period) under the due-date rules. `due` is `None` when no date (or no valid date) was
/// typed; the caller reports that.
pub fn check_action(
    closing: NaiveDate,
    owner: &str,
    due: Option<NaiveDate>,
    justified: bool,
    rules: &LabelRules,
) -> ActionCheck {
    let mut check = ActionCheck::default();
    if owner.trim().is_empty() {
        check
            .errors
            .push(("owner", Message::new("audit.owner_missing")));
    }
    let Some(due) = due else {
        return check;
    };
    if due < closing {
        check.errors.push((
            "due",
            Message::new("audit.due_before_closing")
                .arg("due", due)
                .arg("closing", closing),
        ));
        return check;
    }
    match check_due_date(closing, due, justified, rules) {
        DueDateCheck::Fine => {}
        DueDateCheck::JustificationExpected { months } => check.warnings.push(
            Message::new("audit.due_needs_justification")
                .arg("months", months)
                .arg("date", add_months(closing, months)),
        ),
        DueDateCheck::JustificationRequired { months } => check.errors.push((
            "justification",
            Message::new("audit.due_requires_justification")
                .arg("months", months)
                .arg("date", add_months(closing, months)),
        )),
        DueDateCheck::TooLate { months } => check.errors.push((
            "due",
            Message::new("audit.due_too_late")
                .arg("months", months)
                .arg("date", add_months(closing, months)),
        )),
    }
    check
}

/// How severe a result is, for comparing it with findings: a major finding needs a major
/// result, a minor one at least a minor result.
fn severity(result: QuestionResult) -> u8 {
    match result {
        QuestionResult::Conform | QuestionResult::Na => 0,
        QuestionResult::Minor => 1,
        QuestionResult::Major => 2,
    }
}

/// The result a finding of `kind` asks its question for, if any: observations and room for
/// improvement go with any result.
pub fn result_for(kind: FindingKind) -> Option<QuestionResult> {
    match kind {
        FindingKind::Major => Some(QuestionResult::Major),
        FindingKind::Minor => Some(QuestionResult::Minor),
        FindingKind::Observation | FindingKind::Improvement => None,
    }
}

fn finding_word(kind: FindingKind) -> Message {
    Message::new(match kind {
        FindingKind::Major => "finding_type.major",
        FindingKind::Minor => "finding_type.minor",
        FindingKind::Observation => "finding_type.observation",
        FindingKind::Improvement => "finding_type.improvement",
    })
}

fn result_word(result: QuestionResult) -> Message {
    Message::new(match result {
        QuestionResult::Conform => "assess_result.conform",
        QuestionResult::Minor => "assess_result.minor",
        QuestionResult::Major => "assess_result.major",
        QuestionResult::Na => "assess_result.na",
    })
}

/// Whether the findings of `kinds` on question `question` agree with its recorded `result`:
/// `None` when they do (or no result is recorded yet), else a message naming the most severe
/// finding, the result, and the two ways to make them agree. A major finding on a question
/// recorded conform would otherwise leave the overall result a conditional pass (or a pass).
pub fn disagreement(
    question: &str,
    result: Option<QuestionResult>,
    kinds: impl IntoIterator<Item = FindingKind>,
) -> Option<Message> {
    let result = result?;
    let worst = kinds
        .into_iter()
        .filter_map(|k| result_for(k).map(|r| (k, r)))
        .max_by_key(|(_, r)| severity(*r))?;
    (severity(worst.1) > severity(result)).then(|| {
        Message::new("audit.finding_result_disagree")
            .arg("question", question)
            .arg_message("finding", finding_word(worst.0))
            .arg_message("result", result_word(result))
            .arg_message("needed", result_word(worst.1))
    })
}

#[cfg(test)]
mod tests;
