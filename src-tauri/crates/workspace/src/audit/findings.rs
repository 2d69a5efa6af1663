//! Findings of an audit and their corrective actions: adding, changing and removing them.
//! Adding and changing share one check each (the finding's, and core's `check_action` for the
//! action), so the app's forms, its live check and the CLI refuse exactly the same input.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use csmsdesk_core::audit::checks::{check_action, disagreement};
use csmsdesk_core::audit::{ActionStatus, FindingKind};
use csmsdesk_core::i18n::Message;
use csmsdesk_store::audit::{self as table, ActionRecord, AuditRecord, FindingRecord};

use super::ActionInput;
use crate::Record;
use crate::input::{MAX_NAME_LEN, MAX_TEXT_LEN, parse_date, required_text, text_problem};
use crate::{
    ActionId, AuditId, Error, FindingId, Invalid, ProtectionObjectId, Result, ScopeId, Workspace,
};
use csmsdesk_store::revision::claim;

/// A finding as typed (for changing one; adding takes the same fields as arguments).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct FindingInput {
    pub question: String,
    /// `major`, `minor`, `observation`, `improvement`.
    pub kind: String,
    pub text: String,
    pub protection_object: Option<ProtectionObjectId>,
}

/// What [`Workspace::check_action`] says about a corrective action as typed: the problems
/// that refuse it (each on its field) and the warnings that let it through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionVerdict {
    pub errors: Vec<Invalid>,
    pub warnings: Vec<Message>,
}

impl Workspace {
    /// Finding `id`.
    pub fn finding(&self, id: FindingId) -> Result<FindingRecord> {
        table::get_finding(self.db.conn(), id.0)?.ok_or_else(|| id.not_found())
    }

    /// The finding `input` describes for audit `audit`, checked: the question is one of the
    /// scope's, the type is known and agrees with the question's recorded result, the text is
    /// there, the protection object belongs to the scope.
    fn checked_finding(&self, audit: AuditId, input: &FindingInput) -> Result<FindingRecord> {
        let view = self.audit_view(audit)?;
        let question = input.question.trim();
        let Some((_, _, result)) = view.questions.iter().find(|(q, _, _)| q == question) else {
            return Err(Error::NotFound {
                kind: "thing.question",
                name: question.to_owned(),
            });
        };
        let mut errors = Vec::new();
        let kind = FindingKind::parse(&input.kind).unwrap_or_else(|| {
            errors.push(Invalid::new(
                "type",
                Message::new("audit.bad_finding_type").arg("given", input.kind.trim()),
            ));
            FindingKind::Observation
        });
        if let Some(problem) = disagreement(question, result.as_ref().map(|r| r.result), [kind]) {
            errors.push(Invalid::new("type", problem));
        }
        required_text("text", &input.text, &mut errors);
        let protection_object_id = match input.protection_object {
            None => None,
            Some(id) => {
                let scope = self.scope(ScopeId(view.audit.scope_id))?;
                Some(self.protection_object_of(&scope, id)?.id)
            }
        };
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        Ok(FindingRecord {
            id: 0,
            audit_id: audit.0,
            question_id: question.to_owned(),
            protection_object_id,
            kind,
            description: input.text.trim().to_owned(),
        })
    }

    /// Adds a finding to an audit's question (optionally for one protection object).
    pub fn add_finding(
        &mut self,
        audit: AuditId,
        question: &str,
        kind: &str,
        description: &str,
        protection_object: Option<ProtectionObjectId>,
    ) -> Result<FindingRecord> {
        let input = FindingInput {
            question: question.to_owned(),
            kind: kind.to_owned(),
            text: description.to_owned(),
            protection_object,
        };
        let record = self.checked_finding(audit, &input)?;
        let id = self.db.write(|tx| table::insert_finding(tx, &record))?;
        Ok(FindingRecord { id, ..record })
    }

    /// Changes finding `id`'s question, type, text and protection object, under the same
    /// checks as adding one. Its corrective actions stay with it. With `based_on` (the version
    /// the form read), refused when someone saved it since.
    pub fn edit_finding(
        &mut self,
        id: FindingId,
        input: &FindingInput,
        based_on: Option<i64>,
    ) -> Result<FindingRecord> {
        let current = self.finding(id)?;
        let record = FindingRecord {
            id: id.0,
            ..self.checked_finding(AuditId(current.audit_id), input)?
        };
        let saved = self.db.write(|tx| {
            claim(tx, Record::Finding, id.0, based_on)?;
            table::update_finding(tx, &record)
        })?;
        if !saved {
            return Err(id.not_found());
        }
        Ok(record)
    }

    /// Removes finding `id`. One with corrective actions is removed (with them) only when
    /// `with_actions` confirms it; otherwise the answer says how many would go. Returns how
    /// many actions went with it.
    pub fn remove_finding(&mut self, id: FindingId, with_actions: bool) -> Result<i64> {
        let finding = self.finding(id)?;
        let count = table::action_count(self.db.conn(), finding.id)?;
        if count > 0 && !with_actions {
            return Err(Error::WouldRemove {
                message: Message::new("audit.finding_has_actions")
                    .arg("finding", finding.id)
                    .arg("count", count),
                flag: "--with-actions",
            });
        }
        if !self.db.write(|tx| table::delete_finding(tx, id.0))? {
            return Err(id.not_found());
        }
        tracing::info!(finding = id.0, actions = count, "removed finding");
        Ok(count)
    }

    /// Checks a corrective action as typed, without saving anything: the same check adding
    /// and changing one make (the form asks it while the user types). `action` is the action
    /// being changed, if any: its finding is then the action's own.
    pub fn check_action(
        &self,
        input: &ActionInput,
        action: Option<ActionId>,
    ) -> Result<ActionVerdict> {
        self.checked_action(input, action)
            .map(|(_, _, errors, warnings, _)| ActionVerdict { errors, warnings })
    }

    /// The finding and audit of the action `input` describes, its problems and warnings, and
    /// its due date and evidence when they are valid.
    #[allow(
        clippy::type_complexity,
        reason = "one private step shared by three callers"
    )]
    fn checked_action(
        &self,
        input: &ActionInput,
        action: Option<ActionId>,
    ) -> Result<(
        FindingRecord,
        AuditRecord,
        Vec<Invalid>,
        Vec<Message>,
        (Option<NaiveDate>, Vec<i64>),
    )> {
        let finding_id = match action {
            Some(id) => {
                table::get_action(self.db.conn(), id.0)?
                    .ok_or_else(|| id.not_found())?
                    .finding_id
            }
            None => input.finding.0,
        };
        let finding = self.finding(FindingId(finding_id))?;
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
        let rules = self.label_rules()?;
        let justified = !input.justification.trim().is_empty();
        let check = check_action(audit.closing_meeting, &input.owner, due, justified, &rules);
        errors.extend(check.errors.into_iter().map(|(f, m)| Invalid::new(f, m)));
        Ok((finding, audit, errors, check.warnings, (due, evidence)))
    }

    /// Adds a corrective action to a finding. Returns it with the warnings of the due-date
    /// rules; what the rules refuse is refused.
    pub fn add_action(&mut self, input: &ActionInput) -> Result<(ActionRecord, Vec<Message>)> {
        let (finding, audit, errors, warnings, (due, evidence)) =
            self.checked_action(input, None)?;
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

    /// Changes every field of corrective action `id` (its finding stays; `input.finding` is
    /// not read) under the same checks as adding one; `status` too when given. With
    /// `based_on` (the revision the form read), refused when someone saved it since.
    pub fn edit_action(
        &mut self,
        id: ActionId,
        input: &ActionInput,
        status: Option<&str>,
        based_on: Option<i64>,
    ) -> Result<(ActionRecord, Vec<Message>)> {
        let current = table::get_action(self.db.conn(), id.0)?.ok_or_else(|| id.not_found())?;
        let (_, _, mut errors, warnings, (due, evidence)) = self.checked_action(input, Some(id))?;
        let status = match status {
            None => current.status,
            Some(text) => ActionStatus::parse(text).unwrap_or_else(|| {
                errors.push(Invalid::new(
                    "status",
                    Message::new("audit.bad_action_status").arg("given", text.trim()),
                ));
                current.status
            }),
        };
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let record = ActionRecord {
            id: id.0,
            finding_id: current.finding_id,
            description: input.description.trim().to_owned(),
            owner: input.owner.trim().to_owned(),
            department: input.department.trim().to_owned(),
            due: due.unwrap_or(current.due),
            justification: input.justification.trim().to_owned(),
            status,
            evidence_ids: evidence,
        };
        let saved = self.db.write(|tx| {
            claim(tx, Record::Action, id.0, based_on)?;
            table::update_action(tx, &record)
        })?;
        if !saved {
            return Err(id.not_found());
        }
        Ok((record, warnings))
    }

    /// Corrective action `id`.
    pub fn action(&self, id: ActionId) -> Result<ActionRecord> {
        table::get_action(self.db.conn(), id.0)?.ok_or_else(|| id.not_found())
    }

    /// Removes corrective action `id`.
    pub fn remove_action(&mut self, id: ActionId) -> Result<()> {
        if !self.db.write(|tx| table::delete_action(tx, id.0))? {
            return Err(id.not_found());
        }
        Ok(())
    }

    /// Moves a corrective action to `status`: a change of one field, which blocks no other
    /// change and moves the action's revision on (a form opened before it is refused).
    pub fn set_action_status(&mut self, id: ActionId, status: &str) -> Result<()> {
        let Some(status) = ActionStatus::parse(status) else {
            return Err(Error::Invalid(vec![Invalid::new(
                "status",
                Message::new("audit.bad_action_status").arg("given", status.trim()),
            )]));
        };
        self.action(id)?;
        let saved = self.db.write(|tx| {
            claim(tx, Record::Action, id.0, None)?;
            table::set_action_status(tx, id.0, status)
        })?;
        if !saved {
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
