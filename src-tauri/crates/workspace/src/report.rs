//! The printable PDF report of a scope (`csmsdesk-cli report`, the Export screen's "Report
//! (PDF)"): this file gathers the report's model from the workspace on the generation day;
//! `csmsdesk-report` lays it out and writes the PDF. The same state and generation time give
//! the same bytes. Written atomically: a temporary file beside the target, renamed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use csmsdesk_core::audit::ActionStatus;
use csmsdesk_core::deadlines::DeadlineFilter;
use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_report::{
    ActionRow, AuditBasis, DeadlineRow, FindingDetail, LabelRow, QuestionDetail, Report,
    RequirementDetail,
};
use csmsdesk_store::audit::{ActionRecord, FindingRecord};
use csmsdesk_store::evidence as evidence_table;

use crate::{AuditId, Error, Invalid, Result, ScopeId, Workspace};

/// How many days ahead the summary's deadlines look (overdue ones always count).
pub const REPORT_DEADLINE_DAYS: i64 = 90;
/// How many deadlines the summary lists; the rest are counted.
const REPORT_DEADLINE_ROWS: usize = 25;

/// The choices of a report.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// The audit whose results the summary shows; `None`: the self-assessment's prediction.
    pub audit: Option<AuditId>,
    pub lang: Lang,
    /// The generation time (the footer and the PDF's creation date); its day is "today".
    pub generated_at: DateTime<Utc>,
}

/// What writing a report did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportWritten {
    pub path: PathBuf,
    pub pages: usize,
    pub bytes: usize,
}

impl Workspace {
    /// The report of `scope` as PDF bytes and its page count.
    pub fn report_pdf(&self, scope: ScopeId, options: &ReportOptions) -> Result<(Vec<u8>, usize)> {
        render(&self.report_model(scope, options)?)
    }

    /// Writes the report of `scope` to `out`, atomically (what the CLI does; the app
    /// gathers with the workspace and writes without it: `check_report_out`, `report_model`,
    /// [`write_report_file`]).
    pub fn write_report(
        &self,
        scope: ScopeId,
        options: &ReportOptions,
        out: &Path,
    ) -> Result<ReportWritten> {
        self.check_report_out(out)?;
        write_report_file(&self.report_model(scope, options)?, out)
    }

    /// Refuses a report target inside the workspace, a folder, or in a folder that does not
    /// exist, before anything is gathered.
    pub fn check_report_out(&self, out: &Path) -> Result<()> {
        self.refuse_output_inside(out, "out")?;
        if out.is_dir() {
            return Err(Error::Invalid(vec![Invalid::new(
                "out",
                Message::new("package.out_is_folder")
                    .arg("path", out.display())
                    .arg("example", out.join("report.pdf").display()),
            )]));
        }
        let dir = target_dir(out);
        if !dir.is_dir() {
            return Err(Error::Invalid(vec![Invalid::new(
                "out",
                Message::new("package.no_folder").arg("path", dir.display().to_string()),
            )]));
        }
        Ok(())
    }

    /// Everything the report shows, gathered on the generation day.
    pub fn report_model(&self, scope: ScopeId, options: &ReportOptions) -> Result<Report> {
        // Everything the report says is read from one snapshot of the workspace.
        self.db
            .snapshot(|| self.report_model_on_snapshot(scope, options))
    }

    fn report_model_on_snapshot(&self, scope: ScopeId, options: &ReportOptions) -> Result<Report> {
        let today = options.generated_at.date_naive();
        let readiness = self.readiness(scope, today)?;
        let record = readiness.scope.clone();
        let (catalogue, _) = self.catalogue(record.catalogue_id)?;
        let profile = self.company_profile()?;
        let audits = self.audits(Some(scope))?;
        let chosen =
            match options.audit {
                None => None,
                Some(id) => Some(audits.iter().find(|a| a.id == id.0).cloned().ok_or_else(
                    || {
                        Error::Invalid(vec![Invalid::new(
                            "audit",
                            Message::new("package.audit_of_other_scope")
                                .arg("audit", id.0)
                                .arg("scope", &record.name),
                        )])
                    },
                )?),
            };
        // Findings and actions: the chosen audit's, or those of every audit of the scope.
        let mut findings: Vec<FindingRecord> = Vec::new();
        let mut actions: Vec<ActionRecord> = Vec::new();
        let mut audit_results = BTreeMap::new();
        let mut overall = readiness.predicted;
        for audit in audits
            .iter()
            .filter(|a| chosen.as_ref().is_none_or(|c| c.id == a.id))
        {
            let view = self.audit_view(AuditId(audit.id))?;
            if chosen.is_some() {
                overall = view.overall;
                for (id, _, result) in &view.questions {
                    audit_results.insert(id.clone(), result.as_ref().map(|r| r.result));
                }
            }
            findings.extend(view.findings);
            actions.extend(view.actions);
        }
        let finding_of: BTreeMap<i64, &FindingRecord> =
            findings.iter().map(|f| (f.id, f)).collect();
        let action_row = |a: &ActionRecord| {
            let finding = finding_of.get(&a.finding_id);
            ActionRow {
                owner: a.owner.clone(),
                department: a.department.clone(),
                due: a.due,
                description: a.description.clone(),
                status: Message::new(action_status_key(a.status)),
                question: finding.map(|f| f.question_id.clone()).unwrap_or_default(),
            }
        };
        let mut open_actions: Vec<ActionRow> = actions
            .iter()
            .filter(|a| matches!(a.status, ActionStatus::Open | ActionStatus::InProgress))
            .map(action_row)
            .collect();
        open_actions.sort_by(|a, b| {
            csmsdesk_core::order::natural_cmp(&a.owner, &b.owner)
                .then(a.due.cmp(&b.due))
                .then_with(|| csmsdesk_core::order::natural_cmp(&a.description, &b.description))
        });
        let labels = self
            .labels(Some(scope))?
            .into_iter()
            .flat_map(|s| s.outcome.labels)
            .map(|l| LabelRow {
                objective: Message::new(objective_key(l.objective.as_str())),
                kind: Message::new(label_kind_key(l.kind.as_str())),
                valid_from: l.valid_from,
                expires: l.expires,
            })
            .collect();
        let filter = DeadlineFilter {
            kinds: Vec::new(),
            scope: Some(record.name.clone()),
            owner: None,
            within_days: Some(REPORT_DEADLINE_DAYS),
        };
        let all_deadlines = self.deadlines(&filter, today)?;
        let more_deadlines = all_deadlines.len().saturating_sub(REPORT_DEADLINE_ROWS);
        let deadlines = all_deadlines
            .into_iter()
            .take(REPORT_DEADLINE_ROWS)
            .map(|d| DeadlineRow {
                due: d.due,
                what: d.what,
            })
            .collect();
        // Evidence per target, with each item's title and state.
        let links = evidence_table::links_for_scope(self.db.conn(), catalogue.id, record.id)?;
        let items: BTreeMap<i64, evidence_table::EvidenceRecord> =
            evidence_table::list(self.db.conn())?
                .into_iter()
                .map(|e| (e.id, e))
                .collect();
        let mut by_target: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
        for link in &links {
            let ids = by_target.entry(link.target_id.as_str()).or_default();
            if !ids.contains(&link.evidence_id) {
                ids.push(link.evidence_id);
            }
        }
        let evidence_of = |targets: [&str; 2]| -> Vec<(String, Message)> {
            let mut ids: Vec<i64> = targets
                .iter()
                .flat_map(|t| by_target.get(t).into_iter().flatten().copied())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            let mut list: Vec<(String, Message)> = ids
                .iter()
                .filter_map(|id| items.get(id))
                .map(|e| {
                    let state = crate::evidence::state_of(e, today);
                    (
                        e.title.clone(),
                        Message::new(evidence_state_key(state.as_str())),
                    )
                })
                .collect();
            list.sort_by(|a, b| csmsdesk_core::order::natural_cmp(&a.0, &b.0));
            list
        };
        let scope_questions = self.scope_questions(&record)?;
        let questions = readiness
            .questions
            .iter()
            .map(|q| {
                let sq = scope_questions
                    .iter()
                    .find(|s| s.applicability.question_id == q.id);
                let na_justification = sq
                    .and_then(|s| s.applicability.overridden.clone())
                    .filter(|(applicable, _)| !applicable)
                    .map(|(_, reason)| reason);
                let deviations: BTreeMap<&str, &str> = sq
                    .into_iter()
                    .flat_map(|s| s.should_requirements.iter())
                    .filter_map(|(id, d)| Some((id.as_str(), d.as_deref()?)))
                    .collect();
                QuestionDetail {
                    id: q.id.clone(),
                    text: q.text.clone(),
                    applicable: q.applicable,
                    na_justification,
                    self_result: Message::new(result_key(q.assessment.result.map(|r| r.as_str()))),
                    audit_result: chosen.as_ref().map(|_| {
                        Message::new(result_key(
                            audit_results
                                .get(&q.id)
                                .copied()
                                .flatten()
                                .map(|r| r.as_str()),
                        ))
                    }),
                    implementation: q.assessment.implementation.clone(),
                    reference_documentation: q.assessment.reference_documentation.clone(),
                    requirements: readiness
                        .requirements
                        .iter()
                        .filter(|r| r.question_id == q.id)
                        .map(|r| RequirementDetail {
                            id: r.id.clone(),
                            state: Message::new(requirement_state_key(r.state.as_str())),
                            deviation: deviations.get(r.id.as_str()).map(|d| (*d).to_owned()),
                            evidence: evidence_of([r.id.as_str(), q.id.as_str()]),
                        })
                        .collect(),
                    findings: findings
                        .iter()
                        .filter(|f| f.question_id == q.id)
                        .map(|f| FindingDetail {
                            kind: Message::new(finding_key(f.kind)),
                            description: f.description.clone(),
                            actions: actions
                                .iter()
                                .filter(|a| a.finding_id == f.id)
                                .map(action_row)
                                .collect(),
                        })
                        .collect(),
                }
            })
            .collect();
        let locations = self
            .locations()?
            .into_iter()
            .filter(|l| record.location_ids.contains(&l.id))
            .map(|l| l.name)
            .collect();
        Ok(Report {
            lang: options.lang,
            generated_at: options.generated_at,
            today,
            company: profile.company_name,
            scope: record.name.clone(),
            enx_scope_id: record.enx_scope_id.as_ref().map(ToString::to_string),
            catalogue: format!("{} {}", catalogue.name, catalogue.version),
            objectives: record
                .objectives
                .iter()
                .map(|o| Message::new(objective_key(o.as_str())))
                .collect(),
            locations,
            provider: record.audit_provider.clone(),
            planned_audit: record.planned_audit_date,
            audit: chosen.map(|a| AuditBasis {
                kind: Message::new(audit_kind_key(a.kind.as_str())),
                provider: a.provider.clone(),
                closing_meeting: a.closing_meeting,
            }),
            overall,
            tally: readiness.tally,
            by_objective: readiness
                .objectives
                .iter()
                .map(|(o, t)| (Message::new(objective_key(o.as_str())), *t))
                .collect(),
            by_chapter: readiness
                .chapters
                .iter()
                .map(|c| (c.id.clone(), c.title.clone(), c.tally))
                .collect(),
            labels,
            open_actions,
            deadlines,
            more_deadlines,
            questions,
        })
    }
}

/// A report language as typed (`en`, `de`, case ignored); blank: `default`.
pub fn report_lang(text: Option<&str>, default: Lang) -> Result<Lang> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(default);
    };
    Lang::ALL
        .into_iter()
        .find(|l| l.tag().eq_ignore_ascii_case(text))
        .ok_or_else(|| {
            Error::Invalid(vec![Invalid::new(
                "lang",
                Message::new("report_pdf.bad_lang").arg("given", text),
            )])
        })
}

fn target_dir(out: &Path) -> PathBuf {
    match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

fn render(report: &Report) -> Result<(Vec<u8>, usize)> {
    csmsdesk_report::render_pages(report).map_err(|e| {
        tracing::error!(error = %e, "report");
        Error::Invalid(vec![Invalid::new(
            "report",
            Message::new("report_pdf.failed"),
        )])
    })
}

/// Writes a gathered report to `out`: a temporary file beside it, fsynced and renamed, so
/// that a failed write never leaves a file at the target name.
pub fn write_report_file(report: &Report, out: &Path) -> Result<ReportWritten> {
    let (bytes, pages) = render(report)?;
    let dir = target_dir(out);
    let io = |e: std::io::Error| Error::FileUnwritable {
        path: out.to_owned(),
        source: e,
    };
    let mut temp = crate::partial::create(&dir, "report").map_err(io)?;
    std::io::Write::write_all(&mut temp, &bytes).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    temp.persist(out).map_err(|e| io(e.error))?;
    csmsdesk_store::vault::sync_dir(&dir);
    Ok(ReportWritten {
        path: out.to_owned(),
        pages,
        bytes: bytes.len(),
    })
}

/// Catalogue keys of vocabulary words: `Message` keys are `&'static str`, so each value is
/// matched to its key here (an unknown value shows the plain key, which a test would catch).
fn result_key(result: Option<&str>) -> &'static str {
    match result {
        Some("conform") => "assess_result.conform",
        Some("minor") => "assess_result.minor",
        Some("major") => "assess_result.major",
        Some("na") => "assess_result.na",
        _ => "assess_result.none",
    }
}

fn action_status_key(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Open => "action_status.open",
        ActionStatus::InProgress => "action_status.in-progress",
        ActionStatus::Done => "action_status.done",
        ActionStatus::Verified => "action_status.verified",
    }
}

fn finding_key(kind: csmsdesk_core::audit::FindingKind) -> &'static str {
    use csmsdesk_core::audit::FindingKind;
    match kind {
        FindingKind::Major => "finding_type.major",
        FindingKind::Minor => "finding_type.minor",
        FindingKind::Observation => "finding_type.observation",
        FindingKind::Improvement => "finding_type.improvement",
    }
}

fn objective_key(objective: &str) -> &'static str {
    match objective {
        "development" => "scope.objective_development",
        "production" => "scope.objective_production",
        _ => "scope.objective_operations-maintenance",
    }
}

fn label_kind_key(kind: &str) -> &'static str {
    match kind {
        "temporary" => "label_kind.temporary",
        _ => "label_kind.permanent",
    }
}

fn audit_kind_key(kind: &str) -> &'static str {
    match kind {
        "initial" => "audit_kind.initial",
        "cap" => "audit_kind.cap",
        _ => "audit_kind.follow-up",
    }
}

fn requirement_state_key(state: &str) -> &'static str {
    match state {
        "covered" => "requirement_state.covered",
        "needs-review" => "requirement_state.needs-review",
        _ => "requirement_state.missing",
    }
}

fn evidence_state_key(state: &str) -> &'static str {
    match state {
        "current" => "evidence_state.current",
        "changed" => "evidence_state.changed",
        "review-due" => "evidence_state.review-due",
        _ => "evidence_state.missing",
    }
}

#[cfg(test)]
mod tests;
