//! Findings of an audit and their corrective actions.

use std::collections::BTreeMap;

use csmsdesk_core::audit::{ActionStatus, FindingKind};
use csmsdesk_core::i18n::Message;
use csmsdesk_core::labels::{DueDateCheck, add_months, check_due_date};
use csmsdesk_store::audit::{self as table, ActionRecord, FindingRecord};

use super::ActionInput;
use crate::input::{MAX_NAME_LEN, MAX_TEXT_LEN, parse_date, required_text, text_problem};
use crate::{ActionId, AuditId, Error, Invalid, ProtectionObjectId, Result, ScopeId, Workspace};

impl Workspace {
    /// Adds a finding to an audit's question (optionally for one protection object).
    pub fn add_finding(
        &mut self,
        audit: AuditId,
        question: &str,
        kind: &str,
        description: &str,
        protection_object: Option<ProtectionObjectId>,
    ) -> Result<FindingRecord> {
        let view = self.audit_view(audit)?;
        let question = question.trim();
        if !view.questions.iter().any(|(q, _, _)| q == question) {
            return Err(Error::NotFound {
                kind: "thing.question",
                name: question.to_owned(),
            });
        }
        let mut errors = Vec::new();
        let kind = FindingKind::parse(kind).unwrap_or_else(|| {
            errors.push(Invalid::new(
                "type",
                Message::new("audit.bad_finding_type").arg("given", kind.trim()),
            ));
            FindingKind::Observation
        });
        required_text("text", description, &mut errors);
        let protection_object_id = match protection_object {
            None => None,
            Some(id) => {
                let scope = self.scope(ScopeId(view.audit.scope_id))?;
                Some(self.protection_object_of(&scope, id)?.id)
            }
        };
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let record = FindingRecord {
            id: 0,
            audit_id: audit.0,
            question_id: question.to_owned(),
            protection_object_id,
            kind,
            description: description.trim().to_owned(),
        };
        let id = self.db.write(|tx| table::insert_finding(tx, &record))?;
        Ok(FindingRecord { id, ..record })
    }

    /// Adds a corrective action to a finding. Returns it with the warnings of the due-date
    /// rules; a date the rules refuse is refused.
    pub fn add_action(&mut self, input: &ActionInput) -> Result<(ActionRecord, Vec<Message>)> {
        let finding = table::get_finding(self.db.conn(), input.finding.0)?
            .ok_or_else(|| input.finding.not_found())?;
        let audit = self.audit_record(AuditId(finding.audit_id))?;
        if let Some(scope) = input.scope {
            let scope = self.scope(scope)?;
            if scope.id != audit.scope_id {
                let owner = self.scope_of(&audit)?;
                return Err(Error::Invalid(vec![Invalid::new(
                    "finding",
                    Message::new("audit.finding_of_other_scope")
                        .arg("finding", finding.id)
                        .arg("scope", &scope.name)
                        .arg("other", &owner.name),
                )]));
            }
        }
        let mut errors = Vec::new();
        required_text("text", &input.description, &mut errors);
        text_problem("owner", input.owner.trim(), MAX_NAME_LEN, &mut errors);
        text_problem(
            "department",
            input.department.trim(),
            MAX_NAME_LEN,
            &mut errors,
        );
        text_problem(
            "justification",
            input.justification.trim(),
            MAX_TEXT_LEN,
            &mut errors,
        );
        let due = parse_date("due", &input.due, &mut errors);
        if due.is_none() && input.due.trim().is_empty() {
            errors.push(Invalid::new("due", Message::new("audit.due_missing")));
        }
        let evidence = crate::evidence::existing_evidence(self, &input.evidence)?;
        let mut warnings = Vec::new();
        if let Some(due) = due {
            let rules = self.label_rules()?;
            let justified = !input.justification.trim().is_empty();
            let closing = audit.closing_meeting;
            match check_due_date(closing, due, justified, &rules) {
                DueDateCheck::Fine => {}
                DueDateCheck::JustificationExpected { months } => warnings.push(
                    Message::new("audit.due_needs_justification")
                        .arg("months", months)
                        .arg("date", add_months(closing, months)),
                ),
                DueDateCheck::JustificationRequired { months } => errors.push(Invalid::new(
                    "justification",
                    Message::new("audit.due_requires_justification")
                        .arg("months", months)
                        .arg("date", add_months(closing, months)),
                )),
                DueDateCheck::TooLate { months } => errors.push(Invalid::new(
                    "due",
                    Message::new("audit.due_too_late")
                        .arg("months", months)
                        .arg("date", add_months(closing, months)),
                )),
            }
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let record = ActionRecord {
            id: 0,
            finding_id: finding.id,
            description: input.description.trim().to_owned(),
            owner: input.owner.trim().to_owned(),
            department: input.department.trim().to_owned(),
            due: due.unwrap_or(audit.closing_meeting),
            justification: input.justification.trim().to_owned(),
            status: ActionStatus::Open,
            evidence_ids: evidence,
        };
        let id = self.db.write(|tx| table::insert_action(tx, &record))?;
        Ok((ActionRecord { id, ..record }, warnings))
    }

    /// Moves a corrective action to `status`.
    pub fn set_action_status(&mut self, id: ActionId, status: &str) -> Result<()> {
        let Some(status) = ActionStatus::parse(status) else {
            return Err(Error::Invalid(vec![Invalid::new(
                "status",
                Message::new("audit.bad_action_status").arg("given", status.trim()),
            )]));
        };
        if !self
            .db
            .write(|tx| table::set_action_status(tx, id.0, status))?
        {
            return Err(id.not_found());
        }
        Ok(())
    }

    /// Every corrective action, with its finding's audit id.
    pub fn actions(&self) -> Result<Vec<(ActionRecord, FindingRecord)>> {
        let findings: BTreeMap<i64, FindingRecord> = table::findings(self.db.conn(), None)?
            .into_iter()
            .map(|f| (f.id, f))
            .collect();
        Ok(table::actions(self.db.conn(), None)?
            .into_iter()
            .filter_map(|a| findings.get(&a.finding_id).cloned().map(|f| (a, f)))
            .collect())
    }
}
