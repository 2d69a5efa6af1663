//! `audit`, `finding`, `action` and `labels`: audits with their results, findings and
//! corrective actions, and the labels they earn.

use chrono::NaiveDate;
use csmsdesk_workspace::{
    ActionId, ActionInput, AuditChanges, AuditId, AuditInput, Error, EvidenceId, FindingId,
    ScopeId, Workspace,
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
        ActionCommand::List => out.actions(&ws.actions()?),
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
