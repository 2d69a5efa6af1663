//! The audit lifecycle: audits of a scope and their results, findings and corrective actions,
//! the labels they earn, the provider's filled workbook, and the label rules.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use csmsdesk_core::audit::{ActionStatus, AuditKind, FindingKind, PhaseState};
use csmsdesk_core::i18n::Message;
use csmsdesk_core::labels::{
    AuditHistory, DueDateCheck, LabelOutcome, LabelRules, add_months, check_due_date, labels,
};
use csmsdesk_core::results::{OverallResult, QuestionResult, overall_result};
use csmsdesk_store::audit::{
    self as table, ActionRecord, AuditRecord, FindingRecord, ResultRecord,
};

use crate::catalogue::read_filled_workbook;
use crate::rules::RulesInput;
use crate::scope::{MAX_NAME_LEN, MAX_TEXT_LEN, find_object, parse_date, text_problem};
use crate::{Error, Invalid, Result, ScopeRecord, Workspace};

/// An audit as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditInput {
    pub scope: String,
    /// `initial`, `cap`, `follow-up`.
    pub kind: String,
    pub provider: String,
    pub lead_auditor: String,
    /// `YYYY-MM-DD` or empty.
    pub opening_meeting: String,
    pub closing_meeting: String,
}

/// A corrective action as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionInput {
    /// The scope the user works in, when they name one: the finding must belong to it.
    pub scope: String,
    pub finding: i64,
    pub description: String,
    pub owner: String,
    pub department: String,
    pub due: String,
    pub justification: String,
    pub evidence: Vec<i64>,
}

/// An audit with what the audit screen and `audit show` need.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditView {
    pub audit: AuditRecord,
    pub scope: String,
    /// Every control question of the scope's catalogue: (id, applicable, result).
    pub questions: Vec<(String, bool, Option<ResultRecord>)>,
    pub overall: OverallResult,
    pub findings: Vec<FindingRecord>,
    pub actions: Vec<ActionRecord>,
    /// The last due dates of a corrective action under the rules in force: without a
    /// justification, with one, and at all (core's `check_due_date` decides with them).
    pub due_limits: DueLimits,
}

/// The last due dates of this audit's corrective actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueLimits {
    pub free: NaiveDate,
    pub justified: NaiveDate,
    pub max: NaiveDate,
}

/// A label with its scope, for lists and countdown cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeLabels {
    pub scope: ScopeRecord,
    pub outcome: LabelOutcome,
    /// What must happen before the labels run out (or why there are none).
    pub next_step: Message,
}

/// What a provider's filled workbook brings to an audit.
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderImport {
    pub file: String,
    /// (question, result before, result after, findings description).
    pub results: Vec<(String, Option<QuestionResult>, QuestionResult, String)>,
    /// Proposed actions (question, text) that become open corrective actions.
    pub measures: Vec<(String, String)>,
    pub skipped: Vec<(usize, String, Message)>,
    pub applied: bool,
}

fn required_text(field: &str, text: &str, errors: &mut Vec<Invalid>) {
    if text.trim().is_empty() {
        errors.push(Invalid::new(field, Message::new("input.text_missing")));
    }
    text_problem(field, text.trim(), MAX_TEXT_LEN, errors);
}

impl Workspace {
    /// The label rules: defaults, replaced by stored settings.
    pub fn label_rules(&self) -> Result<LabelRules> {
        Ok(self.rules()?.label_rules)
    }

    /// Changes one label rule (`labels.permanent_months`, …) to a number of months (through
    /// [`Workspace::save_rules`], which checks the whole set).
    pub fn set_label_rule(&mut self, key: &str, months: &str) -> Result<LabelRules> {
        let input = RulesInput {
            label_rules: vec![(key.to_owned(), months.to_owned())],
            ..RulesInput::default()
        };
        Ok(self.save_rules(&input)?.label_rules)
    }

    fn audit_record(&self, id: i64) -> Result<AuditRecord> {
        table::get(self.db.conn(), id)?.ok_or_else(|| Error::NotFound {
            kind: "thing.audit",
            name: id.to_string(),
        })
    }

    fn check_audit(
        &self,
        input: &AuditInput,
        errors: &mut Vec<Invalid>,
    ) -> Result<(ScopeRecord, AuditRecord)> {
        let scope = self.find_scope(&input.scope)?;
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
        self.audit_record(id)
    }

    /// Changes an audit's dates, people, phases and decision.
    pub fn update_audit(
        &mut self,
        id: i64,
        input: &AuditInput,
        phases: &[String; 3],
        decision: bool,
        decision_reason: &str,
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
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        record.id = id;
        record.scope_id = current.scope_id;
        record.decision = decision;
        record.decision_reason = decision_reason.trim().to_owned();
        self.db.write(|tx| table::update(tx, &record))?;
        self.audit_record(id)
    }

    /// The audits of `scope` (or of every scope).
    pub fn audits(&self, scope: Option<&str>) -> Result<Vec<AuditRecord>> {
        let scope_id = scope.map(|s| self.find_scope(s)).transpose()?.map(|s| s.id);
        Ok(table::list(self.db.conn(), scope_id)?)
    }

    fn scope_of(&self, audit: &AuditRecord) -> Result<ScopeRecord> {
        self.scopes()?
            .into_iter()
            .find(|s| s.id == audit.scope_id)
            .ok_or_else(|| Error::NotFound {
                kind: "thing.scope",
                name: audit.scope_id.to_string(),
            })
    }

    /// An audit with its results for every question, the overall result over all of them,
    /// its findings and their corrective actions.
    pub fn audit_view(&self, id: i64) -> Result<AuditView> {
        let audit = self.audit_record(id)?;
        let scope = self.scope_of(&audit)?;
        let results = table::results(self.db.conn(), id)?;
        let questions: Vec<(String, bool, Option<ResultRecord>)> = self
            .scope_questions(&scope)?
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
        let findings = table::findings(self.db.conn(), Some(id))?;
        let actions = table::actions(self.db.conn(), None)?
            .into_iter()
            .filter(|a| findings.iter().any(|f| f.id == a.finding_id))
            .collect();
        let rules = self.label_rules()?;
        let closing = audit.closing_meeting;
        let due_limits = DueLimits {
            free: add_months(closing, rules.action_free_months),
            justified: add_months(closing, rules.action_justified_months),
            max: add_months(closing, rules.action_max_months),
        };
        Ok(AuditView {
            audit,
            scope: scope.name,
            questions,
            overall,
            findings,
            actions,
            due_limits,
        })
    }

    /// Records the result of one applicable question (`""` removes it). A question that is
    /// not applicable takes no result: the overall result ignores it anyway.
    pub fn set_audit_result(
        &mut self,
        id: i64,
        question: &str,
        result: &str,
        findings_description: &str,
    ) -> Result<()> {
        let view = self.audit_view(id)?;
        let question = question.trim();
        let Some((_, applicable, _)) = view.questions.iter().find(|(q, _, _)| q == question) else {
            return Err(Error::NotFound {
                kind: "thing.question",
                name: question.to_owned(),
            });
        };
        let mut errors = Vec::new();
        text_problem(
            "findings_description",
            findings_description.trim(),
            MAX_TEXT_LEN,
            &mut errors,
        );
        let record = match result.trim() {
            "" => None,
            text => match QuestionResult::parse(text) {
                Some(_) if !applicable => {
                    errors.push(Invalid::new(
                        "result",
                        Message::new("audit.result_not_applicable")
                            .arg("question", question)
                            .arg("scope", &view.scope),
                    ));
                    None
                }
                Some(QuestionResult::Na) => {
                    errors.push(Invalid::new(
                        "result",
                        Message::new("assess.na_needs_applicability").arg("question", question),
                    ));
                    None
                }
                Some(r) => Some(ResultRecord {
                    result: r,
                    findings_description: findings_description.trim().to_owned(),
                }),
                None => {
                    errors.push(Invalid::new(
                        "result",
                        Message::new("assess.bad_result").arg("given", text),
                    ));
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        self.db
            .write(|tx| table::set_result(tx, id, question, record.as_ref()))?;
        Ok(())
    }

    /// Adds a finding to an audit's question (optionally for one protection object).
    pub fn add_finding(
        &mut self,
        audit: i64,
        question: &str,
        kind: &str,
        description: &str,
        protection_object: &str,
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
        let protection_object_id = match protection_object.trim() {
            "" => None,
            name => Some(find_object(&self.protection_objects(&view.scope)?, name)?.id),
        };
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let record = FindingRecord {
            id: 0,
            audit_id: audit,
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
        let finding =
            table::get_finding(self.db.conn(), input.finding)?.ok_or_else(|| Error::NotFound {
                kind: "thing.finding",
                name: input.finding.to_string(),
            })?;
        let audit = self.audit_record(finding.audit_id)?;
        if !input.scope.trim().is_empty() {
            let scope = self.find_scope(&input.scope)?;
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
    pub fn set_action_status(&mut self, id: i64, status: &str) -> Result<()> {
        let Some(status) = ActionStatus::parse(status) else {
            return Err(Error::Invalid(vec![Invalid::new(
                "status",
                Message::new("audit.bad_action_status").arg("given", status.trim()),
            )]));
        };
        if !self
            .db
            .write(|tx| table::set_action_status(tx, id, status))?
        {
            return Err(Error::NotFound {
                kind: "thing.action",
                name: id.to_string(),
            });
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

    /// The labels of `scope` (of every scope when `None`) as its audits have earned them.
    pub fn labels(&self, scope: Option<&str>) -> Result<Vec<ScopeLabels>> {
        let rules = self.label_rules()?;
        let scopes = match scope {
            Some(key) => vec![self.find_scope(key)?],
            None => self.scopes()?,
        };
        scopes
            .into_iter()
            .map(|scope| {
                let audits = table::list(self.db.conn(), Some(scope.id))?;
                let Some(initial) = audits.iter().rev().find(|a| a.kind == AuditKind::Initial)
                else {
                    return Ok(ScopeLabels {
                        next_step: match scope.planned_audit_date {
                            Some(date) => Message::new("labels.next_planned").arg("date", date),
                            None => Message::new("labels.next_plan_audit"),
                        },
                        scope,
                        outcome: LabelOutcome {
                            labels: Vec::new(),
                            follow_up_due: None,
                            renewal_from: None,
                        },
                    });
                };
                let view = self.audit_view(initial.id)?;
                let later = |kind| {
                    audits.iter().filter(move |a| {
                        a.kind == kind && a.closing_meeting >= initial.closing_meeting
                    })
                };
                let history = AuditHistory {
                    initial_closing: initial.closing_meeting,
                    initial_result: view.overall,
                    failed_by_decision: initial.decision,
                    cap_confirmed: later(AuditKind::Cap).any(|a| a.decision),
                    follow_up_closing: later(AuditKind::FollowUp)
                        .filter(|a| a.decision)
                        .map(|a| a.closing_meeting)
                        .min(),
                };
                let outcome = labels(&history, &scope.objectives, &rules);
                let next_step = next_step(&history, &outcome);
                Ok(ScopeLabels {
                    scope,
                    outcome,
                    next_step,
                })
            })
            .collect()
    }

    /// Renewing labels: refused while they are temporary (they can never be renewed); for
    /// permanent labels, plans the renewal audit on `date`.
    pub fn renew_labels(&mut self, scope: &str, date: &str) -> Result<ScopeRecord> {
        let mut current = self.labels(Some(scope))?;
        let current = current.remove(0);
        let temporary = current
            .outcome
            .labels
            .iter()
            .find(|l| l.kind == csmsdesk_core::labels::LabelKind::Temporary);
        if let Some(label) = temporary {
            return Err(Error::Invalid(vec![Invalid::new(
                "scope",
                Message::new("labels.temporary_not_renewable")
                    .arg("date", label.expires)
                    .arg("scope", &current.scope.name),
            )]));
        }
        if date.trim().is_empty() {
            return Err(Error::Invalid(vec![Invalid::new(
                "planned_audit_date",
                Message::new("labels.renewal_needs_date"),
            )]));
        }
        let input = crate::ScopeInput {
            planned_audit_date: date.to_owned(),
            enx_scope_id: current
                .scope
                .enx_scope_id
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            audit_provider: current.scope.audit_provider.clone(),
            locations: current
                .scope
                .location_ids
                .iter()
                .map(ToString::to_string)
                .collect(),
            ..crate::ScopeInput::default()
        };
        self.update_scope(&current.scope.name, &input)
    }

    /// What the provider's filled workbook at `path` brings to audit `id` (results,
    /// descriptions of findings, proposed measures); with `apply`, takes it over in one
    /// transaction: results, and a finding with an open corrective action per measure.
    pub fn import_provider_workbook(
        &mut self,
        id: i64,
        path: &Path,
        apply: bool,
    ) -> Result<ProviderImport> {
        let view = self.audit_view(id)?;
        let (file, filled) = read_filled_workbook(path)?;
        let mut import = ProviderImport {
            file,
            results: Vec::new(),
            measures: Vec::new(),
            skipped: Vec::new(),
            applied: apply,
        };
        for row in filled {
            let Some((_, applicable, before)) = view
                .questions
                .iter()
                .find(|(q, _, _)| *q == row.question_id)
            else {
                import.skipped.push((
                    row.row,
                    row.question_id.clone(),
                    Message::new("assess.unknown_question")
                        .arg("question", &row.question_id)
                        .arg("sheet", ""),
                ));
                continue;
            };
            let description = row.findings_description.clone().unwrap_or_default();
            if let Some(Some(result)) = row.result {
                if !applicable || result == QuestionResult::Na {
                    if *applicable || result != QuestionResult::Na {
                        import.skipped.push((
                            row.row,
                            row.question_id.clone(),
                            Message::new("audit.result_not_applicable")
                                .arg("question", &row.question_id)
                                .arg("scope", &view.scope),
                        ));
                    }
                    continue;
                }
                let before_result = before.as_ref().map(|b| b.result);
                let before_text = before
                    .as_ref()
                    .map(|b| b.findings_description.clone())
                    .unwrap_or_default();
                if before_result != Some(result)
                    || (!description.is_empty() && description != before_text)
                {
                    import.results.push((
                        row.question_id.clone(),
                        before_result,
                        result,
                        description.clone(),
                    ));
                }
            }
            let finding_ids: Vec<i64> = view
                .findings
                .iter()
                .filter(|f| f.question_id == row.question_id)
                .map(|f| f.id)
                .collect();
            let known = |measure: &String| {
                view.actions
                    .iter()
                    .any(|a| finding_ids.contains(&a.finding_id) && &a.description == measure)
            };
            // A measure taken over before (the same workbook imported again) is not repeated.
            if let Some(measure) = row.measures.filter(|m| !m.is_empty() && !known(m)) {
                import.measures.push((row.question_id.clone(), measure));
            }
        }
        if apply {
            let rules = self.label_rules()?;
            let due = add_months(view.audit.closing_meeting, rules.action_free_months);
            let changes = (import.results.clone(), import.measures.clone());
            self.db.write(|tx| {
                for (question, _, result, description) in &changes.0 {
                    let record = ResultRecord {
                        result: *result,
                        findings_description: description.clone(),
                    };
                    table::set_result(tx, id, question, Some(&record))?;
                }
                for (question, measure) in &changes.1 {
                    let result = changes.0.iter().find(|c| &c.0 == question).map(|c| c.2);
                    let kind = match result {
                        Some(QuestionResult::Major) => FindingKind::Major,
                        Some(QuestionResult::Minor) => FindingKind::Minor,
                        _ => FindingKind::Observation,
                    };
                    let text = changes
                        .0
                        .iter()
                        .find(|c| &c.0 == question)
                        .map(|c| c.3.clone())
                        .filter(|t| !t.is_empty())
                        .unwrap_or_else(|| measure.clone());
                    let finding = table::insert_finding(
                        tx,
                        &FindingRecord {
                            id: 0,
                            audit_id: id,
                            question_id: question.clone(),
                            protection_object_id: None,
                            kind,
                            description: text,
                        },
                    )?;
                    table::insert_action(
                        tx,
                        &ActionRecord {
                            id: 0,
                            finding_id: finding,
                            description: measure.clone(),
                            owner: String::new(),
                            department: String::new(),
                            due,
                            justification: String::new(),
                            status: ActionStatus::Open,
                            evidence_ids: Vec::new(),
                        },
                    )?;
                }
                Ok(())
            })?;
        }
        Ok(import)
    }

    /// Changes only the fields given in `changes` of audit `id`; the others keep their
    /// current value. `changes.phases` is a comma-separated list whose entries replace the
    /// phases in order (`done,in-progress` leaves the third as it is).
    pub fn update_audit_fields(&mut self, id: i64, changes: &AuditChanges) -> Result<AuditRecord> {
        let a = self.audit_record(id)?;
        let input = AuditInput {
            scope: a.scope_id.to_string(),
            kind: a.kind.as_str().to_owned(),
            provider: changes
                .provider
                .clone()
                .unwrap_or_else(|| a.provider.clone()),
            lead_auditor: changes
                .lead_auditor
                .clone()
                .unwrap_or_else(|| a.lead_auditor.clone()),
            opening_meeting: changes
                .opening_meeting
                .clone()
                .unwrap_or_else(|| a.opening_meeting.map(|d| d.to_string()).unwrap_or_default()),
            closing_meeting: changes
                .closing_meeting
                .clone()
                .unwrap_or_else(|| a.closing_meeting.to_string()),
        };
        let mut states: [String; 3] = a.phases.map(|p| p.as_str().to_owned());
        if let Some(text) = &changes.phases {
            for (slot, state) in states.iter_mut().zip(text.split(',')) {
                *slot = state.trim().to_owned();
            }
        }
        let reason = changes
            .decision_reason
            .clone()
            .unwrap_or_else(|| a.decision_reason.clone());
        self.update_audit(
            id,
            &input,
            &states,
            changes.decision.unwrap_or(a.decision),
            &reason,
        )
    }
}

/// Some of an audit's fields to change (`None` keeps the current value), as
/// `csmsdesk-cli audit set` takes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditChanges {
    /// `YYYY-MM-DD`.
    pub closing_meeting: Option<String>,
    /// `YYYY-MM-DD`, or empty to clear it.
    pub opening_meeting: Option<String>,
    pub provider: Option<String>,
    pub lead_auditor: Option<String>,
    /// The initial audit's phase states, comma-separated (`done,done,in-progress`).
    pub phases: Option<String>,
    pub decision: Option<bool>,
    pub decision_reason: Option<String>,
}

/// What must happen next for a scope's labels.
fn next_step(history: &AuditHistory, outcome: &LabelOutcome) -> Message {
    match (history.initial_result, outcome.labels.first()) {
        (_, Some(label)) if label.kind == csmsdesk_core::labels::LabelKind::Temporary => {
            Message::new("labels.next_follow_up").arg("date", label.expires)
        }
        (_, Some(_)) => match outcome.renewal_from {
            Some(date) => Message::new("labels.next_renewal").arg("date", date),
            None => Message::new("labels.next_none"),
        },
        (OverallResult::ConditionalPass, None) if history.failed_by_decision => {
            Message::new("labels.none_failed")
        }
        (OverallResult::ConditionalPass, None) => {
            match (history.follow_up_closing, outcome.follow_up_due) {
                (None, Some(date)) => Message::new("labels.next_cap").arg("date", date),
                _ => Message::new("labels.none_late"),
            }
        }
        (OverallResult::Fail, None) => Message::new("labels.none_failed"),
        (OverallResult::Incomplete, None) => Message::new("labels.next_results"),
        (OverallResult::Pass, None) => Message::new("labels.next_none"),
    }
}

#[cfg(test)]
mod tests;
