//! The self-assessment of control questions: one at a time, or many checked together and
//! saved in one transaction (the requirements tab's table and `assess --file`).

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use csmsdesk_core::i18n::Message;
use csmsdesk_core::results::QuestionResult;
use csmsdesk_store::assessment::{self as table, AssessmentRecord};

use super::result_problem;
use crate::input::{MAX_TEXT_LEN, text_problem};
use crate::workspace::timestamp;
use crate::{Error, Invalid, Result, ScopeId, Workspace};

/// One question's self-assessment as typed: `result` empty clears it; `None` texts keep
/// what is saved.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct AssessInput {
    pub question: String,
    pub result: String,
    pub implementation: Option<String>,
    pub reference_documentation: Option<String>,
}

impl Workspace {
    /// Records the self-assessment of one control question: a result (empty clears it) and,
    /// where given, the implementation description and reference documentation.
    pub fn assess(
        &mut self,
        scope: ScopeId,
        question: &str,
        result: &str,
        implementation: Option<&str>,
        reference_documentation: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<AssessmentRecord> {
        let input = AssessInput {
            question: question.to_owned(),
            result: result.to_owned(),
            implementation: implementation.map(str::to_owned),
            reference_documentation: reference_documentation.map(str::to_owned),
        };
        let mut saved = self.assess_entries(scope, std::slice::from_ref(&input), now, false)?;
        Ok(saved.remove(0))
    }

    /// Records the self-assessment of many questions of `scope` in one transaction: every
    /// entry is checked first (problems named `assessments.QUESTION.result` and so on) and
    /// nothing is saved unless all are right.
    pub fn assess_many(
        &mut self,
        scope: ScopeId,
        entries: &[AssessInput],
        now: DateTime<Utc>,
    ) -> Result<Vec<AssessmentRecord>> {
        self.assess_entries(scope, entries, now, true)
    }

    /// `entries` checked and saved together; `prefixed` names the problems by question.
    fn assess_entries(
        &mut self,
        scope: ScopeId,
        entries: &[AssessInput],
        now: DateTime<Utc>,
        prefixed: bool,
    ) -> Result<Vec<AssessmentRecord>> {
        let record = self.scope(scope)?;
        let questions = self.scope_questions(&record)?;
        let mut current = table::list(self.db.conn(), record.id)?;
        let mut errors = Vec::new();
        let mut records = Vec::new();
        let mut seen = BTreeSet::new();
        for entry in entries {
            let question = entry.question.trim();
            let field = |name: &str| {
                if prefixed {
                    format!("assessments.{question}.{name}")
                } else {
                    name.to_owned()
                }
            };
            let Some(sq) = questions
                .iter()
                .find(|q| q.applicability.question_id == question)
            else {
                return Err(Error::NotFound {
                    kind: "thing.question",
                    name: question.to_owned(),
                });
            };
            if !seen.insert(question.to_owned()) {
                errors.push(Invalid::new(
                    &field("result"),
                    Message::new("audit.result_twice").arg("question", question),
                ));
                continue;
            }
            let parsed = match entry.result.trim() {
                "" => None,
                text => match QuestionResult::parse(text) {
                    Some(r) => {
                        if let Some(problem) =
                            result_problem(question, sq.applicability.applicable, r)
                        {
                            errors.push(Invalid::new(&field("result"), problem));
                        }
                        Some(r)
                    }
                    None => {
                        errors.push(Invalid::new(
                            &field("result"),
                            Message::new("assess.bad_result").arg("given", text),
                        ));
                        None
                    }
                },
            };
            for (name, text) in [
                ("implementation", &entry.implementation),
                ("reference_documentation", &entry.reference_documentation),
            ] {
                text_problem(
                    &field(name),
                    text.as_deref().unwrap_or_default().trim(),
                    MAX_TEXT_LEN,
                    &mut errors,
                );
            }
            let mut saved = current
                .remove(question)
                .unwrap_or_else(|| AssessmentRecord {
                    question_id: question.to_owned(),
                    ..AssessmentRecord::default()
                });
            saved.result = parsed;
            if let Some(text) = &entry.implementation {
                saved.implementation = text.trim().to_owned();
            }
            if let Some(text) = &entry.reference_documentation {
                saved.reference_documentation = text.trim().to_owned();
            }
            saved.updated_at = timestamp(now);
            records.push(saved);
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        self.db.write(|tx| {
            for saved in &records {
                table::save(tx, record.id, saved)?;
            }
            Ok(())
        })?;
        Ok(records)
    }
}
