//! `audit`, `finding`, `action` and `labels`: audits with their results, findings and
//! corrective actions, and the labels they earn.

use chrono::NaiveDate;
use csmsdesk_workspace::{
    ActionId, ActionInput, ActionPageInput, AuditChanges, AuditId, AuditInput, Error, EvidenceId,
    FindingId, FindingInput, Record, ScopeId, Workspace,
};

use crate::args::{ActionCommand, AuditCommand, FindingCommand, LabelsCommand};
use crate::output::Output;
use crate::resolve;

pub fn audit(ws: &mut Workspace, action: &AuditCommand, out: &Output) -> Result<bool, Error> {
    match action {
        AuditCommand::Add {
            scope,
            kind,
            closing_meeting,
            opening_meeting,
            provider,
            lead_auditor,
        } => {
            let input = AuditInput {
                scope: resolve::scope(ws, scope)?,
                kind: kind.clone(),
                provider: provider.clone(),
                lead_auditor: lead_auditor.clone(),
                opening_meeting: opening_meeting.clone(),
                closing_meeting: closing_meeting.clone(),
            };
            out.audit_added(&ws.add_audit(&input)?);
        }
        AuditCommand::List { scope } => {
            let scope = scope
                .as_deref()
                .map(|s| resolve::scope(ws, s))
                .transpose()?;
            out.audits(&ws.audits(scope)?)
        }
        AuditCommand::Result {
            audit,
            question,
            result,
            text,
        } => {
            ws.set_audit_result(AuditId(*audit), question, result, text)?;
            out.done();
        }
        AuditCommand::Show { audit } => out.audit_view(&ws.audit_view(AuditId(*audit))?),
        AuditCommand::Set {
            audit,
            closing_meeting,
            opening_meeting,
            provider,
            lead_auditor,
            phases,
            decision,
            reason,
        } => {
            let changes = AuditChanges {
                closing_meeting: closing_meeting.clone(),
                opening_meeting: opening_meeting.clone(),
                provider: provider.clone(),
                lead_auditor: lead_auditor.clone(),
                phases: phases.clone(),
                decision: *decision,
                decision_reason: reason.clone(),
            };
            ws.update_audit_fields(AuditId(*audit), &changes)?;
            out.done();
        }
        AuditCommand::Results { audit, set, file } => {
            let mut entries = match file {
                Some(path) => crate::commands::audit_results::read_file(path)?,
                None => Vec::new(),
            };
            entries.extend(
                set.iter()
                    .map(|s| crate::commands::audit_results::parse_set(s))
                    .collect::<Result<Vec<_>, _>>()?,
            );
            ws.set_audit_results(AuditId(*audit), &entries)?;
            out.results_saved(entries.len());
        }
        AuditCommand::Remove {
            audit,
            with_findings,
        } => {
            ws.remove_audit(AuditId(*audit), *with_findings)?;
            out.done();
        }
        AuditCommand::Import { audit, file, apply } => {
            out.provider_import(&ws.import_provider_workbook(AuditId(*audit), file, *apply)?);
        }
    }
    Ok(true)
}

pub fn finding(ws: &mut Workspace, action: &FindingCommand, out: &Output) -> Result<bool, Error> {
    match action {
        FindingCommand::Add {
            audit,
            question,
            kind,
            text,
            po,
        } => {
            let audit = AuditId(*audit);
            let object = match po.trim() {
                "" => None,
                name => {
                    let scope = ScopeId(ws.audit_view(audit)?.audit.scope_id);
                    Some(resolve::object(ws, scope, name)?)
                }
            };
            out.finding(&ws.add_finding(audit, question, kind, text, object)?)
        }
        FindingCommand::Edit {
            finding,
            question,
            kind,
            text,
            po,
        } => {
            let id = FindingId(*finding);
            // The fields not named stay as they are now, whoever saved them last.
            let saved = ws.on_fresh(Record::Finding, id.0, |ws, revision| {
                let current = ws.finding(id)?;
                let protection_object = match po.as_deref().map(str::trim) {
                    None => current
                        .protection_object_id
                        .map(csmsdesk_workspace::ProtectionObjectId),
                    Some("") => None,
                    Some(name) => {
                        let scope =
                            ScopeId(ws.audit_view(AuditId(current.audit_id))?.audit.scope_id);
                        Some(resolve::object(ws, scope, name)?)
                    }
                };
                let input = FindingInput {
                    question: question.clone().unwrap_or(current.question_id),
                    kind: kind
                        .clone()
                        .unwrap_or_else(|| current.kind.as_str().to_owned()),
                    text: text.clone().unwrap_or(current.description),
                    protection_object,
                };
                ws.edit_finding(id, &input, Some(revision))
            })?;
            out.finding_changed(&saved);
        }
        FindingCommand::List {
            audit,
            scope,
            kind,
            text,
            offset,
            limit,
        } => {
            let input = csmsdesk_workspace::FindingPageInput {
                audit: audit.map(AuditId),
                scope: scope
                    .as_deref()
                    .map(|s| resolve::scope(ws, s))
                    .transpose()?,
                kinds: kind.clone(),
                text: text.clone(),
                offset: *offset,
                limit: *limit,
            };
            out.finding_page(&ws.finding_page(&input)?);
        }
        FindingCommand::Remove {
            finding,
            with_actions,
        } => {
            ws.remove_finding(FindingId(*finding), *with_actions)?;
            out.done();
        }
    }
    Ok(true)
}

pub fn action(ws: &mut Workspace, action: &ActionCommand, out: &Output) -> Result<bool, Error> {
    match action {
        ActionCommand::Add {
            finding,
            owner,
            due,
            text,
            department,
            justification,
            evidence,
            scope,
        } => {
            let input = ActionInput {
                scope: resolve::optional_scope(ws, scope)?,
                finding: FindingId(*finding),
                description: text.clone(),
                owner: owner.clone(),
                department: department.clone(),
                due: due.clone(),
                justification: justification.clone(),
                evidence: evidence.iter().copied().map(EvidenceId).collect(),
            };
            let (record, warnings) = ws.add_action(&input)?;
            out.action_added(&record, &warnings);
        }
        ActionCommand::Status { action, status } => {
            ws.set_action_status(ActionId(*action), status)?;
            out.done();
        }
        ActionCommand::Edit {
            action,
            text,
            owner,
            department,
            due,
            justification,
            status,
            evidence,
            no_evidence,
        } => {
            let id = ActionId(*action);
            let (record, warnings) = ws.on_fresh(Record::Action, id.0, |ws, revision| {
                let current = ws.action(id)?;
                let keep =
                    |given: &Option<String>, now: &str| given.clone().unwrap_or(now.to_owned());
                let input = ActionInput {
                    scope: None,
                    finding: FindingId(current.finding_id),
                    description: keep(text, &current.description),
                    owner: keep(owner, &current.owner),
                    department: keep(department, &current.department),
                    due: keep(due, &current.due.to_string()),
                    justification: keep(justification, &current.justification),
                    evidence: if *no_evidence {
                        Vec::new()
                    } else if evidence.is_empty() {
                        current
                            .evidence_ids
                            .iter()
                            .copied()
                            .map(EvidenceId)
                            .collect()
                    } else {
                        evidence.iter().copied().map(EvidenceId).collect()
                    },
                };
                ws.edit_action(id, &input, status.as_deref(), Some(revision))
            })?;
            out.action_changed(&record, &warnings);
        }
        ActionCommand::Remove { action } => {
            ws.remove_action(ActionId(*action))?;
            out.done();
        }
        ActionCommand::List {
            audit,
            scope,
            owner,
            mine,
            status,
            due_by,
            offset,
            limit,
        } => {
            let input = ActionPageInput {
                audit: audit.map(AuditId),
                scope: scope
                    .as_deref()
                    .map(|s| resolve::scope(ws, s))
                    .transpose()?,
                owner: if *mine { ws.me() } else { owner.clone() },
                statuses: status.clone(),
                due_by: due_by.clone(),
                offset: *offset,
                limit: *limit,
            };
            out.action_page(&ws.action_page(&input)?);
        }
    }
    Ok(true)
}

/// Shows the labels (of one scope) with their countdowns to `today`, or plans a renewal.
pub fn labels(
    ws: &mut Workspace,
    scope: Option<&str>,
    action: Option<&LabelsCommand>,
    out: &Output,
    today: NaiveDate,
) -> Result<bool, Error> {
    match action {
        Some(LabelsCommand::Renew { scope, audit_date }) => {
            ws.renew_labels(resolve::scope(ws, scope)?, audit_date, today)?;
            out.done();
        }
        None => {
            let scope = scope.map(|s| resolve::scope(ws, s)).transpose()?;
            out.labels(&ws.labels(scope)?, today)
        }
    }
    Ok(true)
}
