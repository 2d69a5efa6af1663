//! Audits of a scope: adding, changing (with the initial audit's phases and the decision) and
//! removing them, listing them, and the audit view with its overall result, a CAP audit's
//! plan and where findings and results disagree.

use crate::ScopeId;
use chrono::NaiveDate;
use csmsdesk_core::audit::checks::disagreement;
use csmsdesk_core::audit::{AuditKind, PhaseState};
use csmsdesk_core::i18n::Message;
use csmsdesk_core::results::{OverallResult, overall_result};
use csmsdesk_store::audit::{self as table, AuditRecord, ResultRecord};

use super::{AuditInput, AuditView, DueLimits};
use crate::Record;
use crate::input::{MAX_NAME_LEN, MAX_TEXT_LEN, parse_date, text_problem};
use crate::{AuditId, Error, Invalid, Result, ScopeRecord, Workspace};
use csmsdesk_core::labels::add_months;
use csmsdesk_store::revision::claim;

/// Every question with its applicability and result, and the overall result.
pub(super) type AuditResults = (Vec<(String, bool, Option<ResultRecord>)>, OverallResult);

impl Workspace {
    /// Audit `id` (an index seek).
    pub(super) fn audit_record(&self, id: AuditId) -> Result<AuditRecord> {
        table::get(self.db.conn(), id.0)?.ok_or_else(|| id.not_found())
    }

    pub(super) fn check_audit(
        &self,
        input: &AuditInput,
        errors: &mut Vec<Invalid>,
    ) -> Result<(ScopeRecord, AuditRecord)> {
        let scope = self.scope(input.scope)?;
        let kind = AuditKind::parse(&input.kind).unwrap_or_else(|| {
            errors.push(Invalid::new(
                "kind",
                Message::new("audit.bad_kind").arg("given", input.kind.trim()),
            ));
            AuditKind::Initial
        });
        let opening = parse_date("opening_meeting", &input.opening_meeting, errors);
        let closing = parse_date("closing_meeting", &input.closing_meeting, errors);
        if closing.is_none() && input.closing_meeting.trim().is_empty() {
            errors.push(Invalid::new(
                "closing_meeting",
                Message::new("audit.closing_missing"),
            ));
        }
        if let (Some(opening), Some(closing)) = (opening, closing)
            && closing < opening
        {
            errors.push(Invalid::new(
                "closing_meeting",
                Message::new("audit.closing_before_opening")
                    .arg("closing", closing)
                    .arg("opening", opening),
            ));
        }
        text_problem("provider", input.provider.trim(), MAX_NAME_LEN, errors);
        text_problem(
            "lead_auditor",
            input.lead_auditor.trim(),
            MAX_NAME_LEN,
            errors,
        );
        let record = AuditRecord {
            id: 0,
            scope_id: scope.id,
            kind,
            provider: if input.provider.trim().is_empty() {
                scope.audit_provider.clone()
            } else {
                input.provider.trim().to_owned()
            },
            lead_auditor: input.lead_auditor.trim().to_owned(),
            opening_meeting: opening,
            closing_meeting: closing.unwrap_or(NaiveDate::MIN),
            phases: [PhaseState::Open; 3],
            decision: false,
            decision_reason: String::new(),
        };
        Ok((scope, record))
    }

    /// Adds an audit to a scope. A CAP or follow-up audit needs an initial audit before it.
    pub fn add_audit(&mut self, input: &AuditInput) -> Result<AuditRecord> {
        let mut errors = Vec::new();
        let (scope, record) = self.check_audit(input, &mut errors)?;
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        if record.kind != AuditKind::Initial {
            let initial = table::list(self.db.conn(), Some(scope.id))?
                .into_iter()
                .find(|a| a.kind == AuditKind::Initial);
            match initial {
                None => {
                    return Err(Error::Invalid(vec![Invalid::new(
                        "kind",
                        Message::new("audit.needs_initial")
                            .arg("kind", record.kind.as_str())
                            .arg("scope", &scope.name),
                    )]));
                }
                Some(initial) if record.closing_meeting < initial.closing_meeting => {
                    return Err(Error::Invalid(vec![Invalid::new(
                        "closing_meeting",
                        Message::new("audit.before_initial").arg("date", initial.closing_meeting),
                    )]));
                }
                Some(_) => {}
            }
        }
        let id = self.db.write(|tx| table::insert(tx, &record))?;
        tracing::info!(audit = id, scope = scope.id, "added audit");
        self.audit_record(AuditId(id))
    }

    /// Changes an audit's dates, people, phases and decision. With `based_on` (the version
    /// the form read), refused when someone saved it since.
    pub fn update_audit(
        &mut self,
        id: AuditId,
        input: &AuditInput,
        phases: &[String; 3],
        decision: bool,
        decision_reason: &str,
        based_on: Option<i64>,
    ) -> Result<AuditRecord> {
        let current = self.audit_record(id)?;
        let mut errors = Vec::new();
        let input = AuditInput {
            kind: current.kind.as_str().to_owned(),
            ..input.clone()
        };
        let (_, mut record) = self.check_audit(&input, &mut errors)?;
        for (index, text) in phases.iter().enumerate() {
            match PhaseState::parse(text) {
                Some(state) => record.phases[index] = state,
                None => errors.push(Invalid::new(
                    &format!("phases.{index}"),
                    Message::new("audit.bad_phase").arg("given", text.trim()),
                )),
            }
        }
        if decision && current.kind == AuditKind::Initial && decision_reason.trim().is_empty() {
            errors.push(Invalid::new(
                "decision_reason",
                Message::new("audit.decision_needs_reason"),
            ));
        }
        text_problem(
            "decision_reason",
            decision_reason.trim(),
            MAX_TEXT_LEN,
            &mut errors,
        );
        // A closing meeting moved past corrective actions would leave them due before it,
        // which adding or changing an action refuses: say which date keeps them valid.
        if record.closing_meeting != current.closing_meeting {
            let early: Vec<NaiveDate> = table::actions_of_audit(self.db.conn(), id.0)?
                .into_iter()
                .map(|a| a.due)
                .filter(|due| *due < record.closing_meeting)
                .collect();
            if let Some(first) = early.iter().min() {
                errors.push(Invalid::new(
                    "closing_meeting",
                    Message::new("audit.closing_after_actions")
                        .arg("count", early.len())
                        .arg("date", first),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        record.id = id.0;
        record.scope_id = current.scope_id;
        record.decision = decision;
        record.decision_reason = decision_reason.trim().to_owned();
        self.db.write(|tx| {
            claim(tx, Record::Audit, record.id, based_on)?;
            table::update(tx, &record)
        })?;
        self.audit_record(id)
    }

    /// The audits of `scope` (or of every scope).
    pub fn audits(&self, scope: Option<ScopeId>) -> Result<Vec<AuditRecord>> {
        let scope_id = scope.map(|s| self.scope(s)).transpose()?.map(|s| s.id);
        Ok(table::list(self.db.conn(), scope_id)?)
    }

    pub(super) fn scope_of(&self, audit: &AuditRecord) -> Result<ScopeRecord> {
        self.scopes()?
            .into_iter()
            .find(|s| s.id == audit.scope_id)
            .ok_or_else(|| Error::NotFound {
                kind: "thing.scope",
                name: audit.scope_id.to_string(),
            })
    }

    /// Every control question of `scope`'s catalogue with its applicability and the result
    /// audit `audit` gave it, and the overall result over all of them.
    pub(super) fn audit_results(&self, audit: i64, scope: &ScopeRecord) -> Result<AuditResults> {
        let results = table::results(self.db.conn(), audit)?;
        let questions: Vec<(String, bool, Option<ResultRecord>)> = self
            .scope_questions(scope)?
            .into_iter()
            .map(|q| {
                let id = q.applicability.question_id;
                let result = results.get(&id).cloned();
                (id, q.applicability.applicable, result)
            })
            .collect();
        let overall = overall_result(
            questions
                .iter()
                .map(|(_, applicable, r)| (*applicable, r.as_ref().map(|r| r.result))),
        );
        Ok((questions, overall))
    }

    /// The audits of `scope` (or of every scope) with their scope's name and overall result:
    /// what the audits table shows, without building any audit's findings and actions.
    pub fn audit_summaries(
        &self,
        scope: Option<ScopeId>,
    ) -> Result<Vec<(AuditRecord, String, OverallResult)>> {
        self.audits(scope)?
            .into_iter()
            .map(|audit| {
                let scope = self.scope_of(&audit)?;
                let (_, overall) = self.audit_results(audit.id, &scope)?;
                Ok((audit, scope.name, overall))
            })
            .collect()
    }

    /// An audit with its results for every question, the overall result over all of them,
    /// its findings and their corrective actions.
    pub fn audit_view(&self, id: AuditId) -> Result<AuditView> {
        let audit = self.audit_record(id)?;
        let scope = self.scope_of(&audit)?;
        let (questions, overall) = self.audit_results(id.0, &scope)?;
        let findings = table::findings(self.db.conn(), Some(id.0))?;
        let actions = table::actions_of_audit(self.db.conn(), id.0)?;
        let mut named: Vec<i64> = actions
            .iter()
            .flat_map(|a| a.evidence_ids.iter().copied())
            .collect();
        named.sort_unstable();
        named.dedup();
        let evidence = self.evidence_titles(&named)?;
        let rules = self.label_rules()?;
        let closing = audit.closing_meeting;
        let due_limits = DueLimits {
            free: add_months(closing, rules.action_free_months),
            justified: add_months(closing, rules.action_justified_months),
            max: add_months(closing, rules.action_max_months),
        };
        let plan_of = match audit.kind {
            AuditKind::Cap => table::list(self.db.conn(), Some(audit.scope_id))?
                .into_iter()
                .filter(|a| {
                    a.kind == AuditKind::Initial && a.closing_meeting <= audit.closing_meeting
                })
                .map(|a| AuditId(a.id))
                .next_back(),
            AuditKind::Initial | AuditKind::FollowUp => None,
        };
        let disagreements = questions
            .iter()
            .filter_map(|(question, _, result)| {
                let kinds = findings
                    .iter()
                    .filter(|f| &f.question_id == question)
                    .map(|f| f.kind);
                disagreement(question, result.as_ref().map(|r| r.result), kinds)
            })
            .collect();
        Ok(AuditView {
            plan_of,
            disagreements,
            audit,
            scope: scope.name,
            questions,
            overall,
            findings,
            actions,
            evidence,
            due_limits,
        })
    }

    /// Removes audit `id` with its results. One with findings is removed (with them and their
    /// corrective actions) only when `with_findings` confirms it; otherwise the answer says
    /// how many would go.
    pub fn remove_audit(&mut self, id: AuditId, with_findings: bool) -> Result<()> {
        let audit = self.audit_record(id)?;
        let (findings, actions) = table::audit_counts(self.db.conn(), audit.id)?;
        if findings > 0 && !with_findings {
            return Err(Error::WouldRemove {
                message: Message::new("audit.has_findings")
                    .arg("audit", audit.id)
                    .arg("findings", findings)
                    .arg("actions", actions),
                flag: "--with-findings",
            });
        }
        if !self.db.write(|tx| table::delete_audit(tx, id.0))? {
            return Err(id.not_found());
        }
        tracing::info!(audit = id.0, findings, actions, "removed audit");
        Ok(())
    }
}
