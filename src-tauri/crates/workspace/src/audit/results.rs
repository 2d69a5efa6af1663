//! The auditor's results per control question: one or many at a time, checked together and
//! saved in one transaction, so a table of 24 results is one change or none.

use std::collections::BTreeSet;

use csmsdesk_core::audit::AuditKind;
use csmsdesk_core::audit::checks::disagreement;
use csmsdesk_core::i18n::Message;
use csmsdesk_core::results::QuestionResult;
use csmsdesk_store::audit::{self as table, ResultRecord};

use crate::input::{MAX_TEXT_LEN, text_problem};
use crate::{AuditId, Error, Invalid, Result, Workspace};

/// One question's result as typed: `result` is `conform`, `minor`, `major` (or the
/// workbook's spellings), or empty to remove it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct ResultInput {
    pub question: String,
    pub result: String,
    pub findings_description: String,
}

impl Workspace {
    /// Records the result of one applicable question (`""` removes it): [`set_audit_results`]
    /// with one entry, its problems named by the plain field (`result`,
    /// `findings_description`).
    ///
    /// [`set_audit_results`]: Workspace::set_audit_results
    pub fn set_audit_result(
        &mut self,
        id: AuditId,
        question: &str,
        result: &str,
        findings_description: &str,
    ) -> Result<()> {
        let input = ResultInput {
            question: question.to_owned(),
            result: result.to_owned(),
            findings_description: findings_description.to_owned(),
        };
        self.set_audit_results(id, std::slice::from_ref(&input))
            .map_err(|error| match error {
                Error::Invalid(errors) => Error::Invalid(
                    errors
                        .into_iter()
                        .map(|e| Invalid {
                            field: e.field.rsplit('.').next().unwrap_or_default().to_owned(),
                            ..e
                        })
                        .collect(),
                ),
                other => other,
            })
    }

    /// Records the results of many questions of audit `id` in one transaction: every entry
    /// is checked first (problems are named `results.QUESTION.result` or
    /// `results.QUESTION.findings_description`) and nothing is saved unless all are right. A
    /// question that is not applicable takes no result, a CAP audit takes none at all, and a
    /// result must agree with the question's findings (a major finding needs a major result).
    pub fn set_audit_results(&mut self, id: AuditId, entries: &[ResultInput]) -> Result<()> {
        let view = self.audit_view(id)?;
        let mut errors = Vec::new();
        let mut records = Vec::new();
        let mut seen = BTreeSet::new();
        for entry in entries {
            let question = entry.question.trim();
            let field = |name: &str| format!("results.{question}.{name}");
            let Some((_, applicable, _)) = view.questions.iter().find(|(q, _, _)| q == question)
            else {
                return Err(Error::NotFound {
                    kind: "thing.question",
                    name: question.to_owned(),
                });
            };
            if !seen.insert(question) {
                errors.push(Invalid::new(
                    &field("result"),
                    Message::new("audit.result_twice").arg("question", question),
                ));
                continue;
            }
            text_problem(
                &field("findings_description"),
                entry.findings_description.trim(),
                MAX_TEXT_LEN,
                &mut errors,
            );
            let result = match entry.result.trim() {
                "" => None,
                text => match QuestionResult::parse(text) {
                    Some(_) if view.audit.kind == AuditKind::Cap => {
                        errors.push(Invalid::new(
                            &field("result"),
                            Message::new("audit.cap_takes_no_results"),
                        ));
                        None
                    }
                    Some(_) if !applicable => {
                        errors.push(Invalid::new(
                            &field("result"),
                            Message::new("audit.result_not_applicable")
                                .arg("question", question)
                                .arg("scope", &view.scope),
                        ));
                        None
                    }
                    Some(QuestionResult::Na) => {
                        errors.push(Invalid::new(
                            &field("result"),
                            Message::new("assess.na_needs_applicability").arg("question", question),
                        ));
                        None
                    }
                    Some(r) => Some(r),
                    None => {
                        errors.push(Invalid::new(
                            &field("result"),
                            Message::new("assess.bad_result").arg("given", text),
                        ));
                        None
                    }
                },
            };
            let kinds = view
                .findings
                .iter()
                .filter(|f| f.question_id == question)
                .map(|f| f.kind);
            if let Some(problem) = disagreement(question, result, kinds) {
                errors.push(Invalid::new(&field("result"), problem));
            }
            let record = result.map(|result| ResultRecord {
                result,
                findings_description: entry.findings_description.trim().to_owned(),
            });
            records.push((question.to_owned(), record));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        self.db.write(|tx| {
            for (question, record) in &records {
                table::set_result(tx, id.0, question, record.as_ref())?;
            }
            Ok(())
        })?;
        tracing::info!(audit = id.0, results = records.len(), "saved audit results");
        Ok(())
    }
}
