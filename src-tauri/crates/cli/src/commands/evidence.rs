//! `evidence`, `assess` and `status`: evidence items and their links, the self-assessment and
//! a scope's readiness.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, NaiveDate, Utc};
use csmsdesk_workspace::{
    Error, EvidenceInput, EvidencePageInput, FileResult, LinkId, LinkInput, ProtectionObjectId,
    Workspace,
};

use crate::args::{EvidenceCommand, LinkPlaceArgs};
use crate::output::Output;
use crate::resolve;

impl LinkPlaceArgs {
    pub(crate) fn input(&self, ws: &Workspace, targets: &[String]) -> Result<LinkInput, Error> {
        let scope = resolve::optional_scope(ws, &self.scope)?;
        let protection_object = match (self.po.trim(), scope) {
            ("", _) => None,
            (name, Some(scope)) => Some(resolve::object(ws, scope, name)?),
            // The use case says that a protection object needs a scope.
            (_, None) => Some(ProtectionObjectId::default()),
        };
        Ok(LinkInput {
            targets: targets.to_vec(),
            scope,
            protection_object,
            note: self.note.clone(),
        })
    }
}

/// Runs an evidence command; `Ok(false)` when some file could not be added or read.
pub fn run(
    ws: &mut Workspace,
    action: &EvidenceCommand,
    out: &Output,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<bool, Error> {
    let cancel = AtomicBool::new(false);
    match action {
        EvidenceCommand::Add {
            paths,
            title,
            work_product,
            owner,
            classification,
            review_due,
            links,
            place,
            as_new,
        } => {
            let input = EvidenceInput {
                title: title.clone(),
                work_product: work_product.clone(),
                owner: owner.clone(),
                classification: classification.clone(),
                review_due: review_due.clone(),
                as_new: *as_new,
            };
            // Relative paths are the user's, relative to where they typed the command.
            let cwd = std::env::current_dir().unwrap_or_default();
            let paths: Vec<PathBuf> = paths.iter().map(|p| cwd.join(p)).collect();
            let report = ws.add_evidence(
                &paths,
                &input,
                &place.input(ws, links)?,
                now,
                &out.progress(),
                &cancel,
            )?;
            out.finish_progress();
            out.evidence_added(&report);
            return Ok(!report.outcomes.iter().any(|o| {
                matches!(
                    o.result,
                    FileResult::Failed(_) | FileResult::SameAsMissing { .. }
                )
            }));
        }
        EvidenceCommand::List(list) if list.any() => {
            let input = EvidencePageInput {
                filter: list.filter.clone().unwrap_or_default(),
                state: list.state.clone().unwrap_or_default(),
                work_product: list.work_product.clone().unwrap_or_default(),
                classification: list.classification.clone().unwrap_or_default(),
                linked: (list.linked || list.unlinked).then_some(list.linked),
                sort: list.sort.clone().unwrap_or_default(),
                direction: if list.desc { "desc" } else { "asc" }.to_owned(),
                offset: list.offset.unwrap_or(0),
                limit: list.limit,
            };
            out.evidence_page(&ws.evidence_page(&input, today, out.lang())?);
        }
        EvidenceCommand::List(_) => out.evidence_list(&ws.evidence(today)?),
        EvidenceCommand::Show { id } => {
            let (view, versions) = ws.evidence_item(resolve::evidence(id)?, today)?;
            out.evidence_item(&view, &versions);
        }
        EvidenceCommand::Link { id, targets, place } => {
            let input = place.input(ws, targets)?;
            let added = ws.link_evidence(resolve::evidence(id)?, &input)?;
            out.linked(added);
        }
        EvidenceCommand::Unlink { link } => {
            ws.unlink_evidence(LinkId(*link))?;
            out.done();
        }
        EvidenceCommand::Scan { deep } => {
            let report = ws.scan_evidence(*deep, now, &out.progress(), &cancel)?;
            out.finish_progress();
            // History is what was true on the real day: a `--today` for countdowns never
            // writes a record for another day.
            ws.record_readiness(now.date_naive())?;
            out.scan_report(&report);
            return Ok(report.failed.is_empty());
        }
        EvidenceCommand::Review { id, next_review } => {
            ws.review_evidence(resolve::evidence(id)?, next_review, today)?;
            out.done();
        }
        EvidenceCommand::Edit {
            id,
            title,
            work_product,
            owner,
            classification,
            review_due,
        } => {
            let input = EvidenceInput {
                title: title.clone(),
                work_product: work_product.clone(),
                owner: owner.clone(),
                classification: classification.clone(),
                review_due: review_due.clone(),
                as_new: false,
            };
            ws.update_evidence(resolve::evidence(id)?, &input, None)?;
            out.done();
        }
        EvidenceCommand::Remove { id } => {
            ws.remove_evidence(resolve::evidence(id)?)?;
            out.done();
        }
        EvidenceCommand::Relocate { id, path } => {
            let path = std::env::current_dir().unwrap_or_default().join(path);
            let relocated = ws.relocate_evidence(resolve::evidence(id)?, &path, now)?;
            out.relocated(&relocated);
        }
        EvidenceCommand::Set(args) => return super::evidence_work::set(ws, args, out, today),
        EvidenceCommand::Findings => out.evidence_findings(&ws.evidence_findings(None)?),
        EvidenceCommand::Search { text, limit } => {
            out.evidence_found(&ws.search_evidence(text, *limit, today)?);
        }
    }
    Ok(true)
}

/// The flags of `assess`, as typed: one question's result, or a filled workbook.
#[derive(Debug)]
pub struct AssessArgs<'a> {
    pub scope: &'a str,
    pub question: Option<&'a str>,
    pub result: Option<&'a str>,
    pub text: Option<&'a str>,
    pub reference: Option<&'a str>,
    pub workbook: Option<&'a PathBuf>,
    pub apply: bool,
    /// `--set QUESTION=RESULT`, many at once.
    pub set: &'a [String],
    /// `--file CSV`, many at once.
    pub file: Option<&'a PathBuf>,
}

pub fn assess(
    ws: &mut Workspace,
    args: &AssessArgs<'_>,
    out: &Output,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    if !args.set.is_empty() || args.file.is_some() {
        let mut entries = match args.file {
            Some(path) => crate::commands::audit_results::read_file(path)?,
            None => Vec::new(),
        };
        for text in args.set {
            entries.push(crate::commands::audit_results::parse_set(text)?);
        }
        let entries: Vec<csmsdesk_workspace::AssessInput> = entries
            .into_iter()
            .map(|e| csmsdesk_workspace::AssessInput {
                question: e.question,
                result: e.result,
                implementation: (!e.findings_description.is_empty())
                    .then_some(e.findings_description),
                reference_documentation: None,
            })
            .collect();
        let scope = resolve::scope(ws, args.scope)?;
        ws.assess_many(scope, &entries, now)?;
        out.results_saved(entries.len());
        return Ok(true);
    }
    match (args.workbook, args.question, args.result) {
        (Some(file), _, _) => {
            let scope = resolve::scope(ws, args.scope)?;
            out.assessment_import(&ws.import_assessment(scope, file, args.apply, now)?)
        }
        (None, Some(question), Some(result)) => out.assessment(&ws.assess(
            resolve::scope(ws, args.scope)?,
            question,
            result,
            args.text,
            args.reference,
            now,
        )?),
        // clap requires both unless --workbook is given.
        _ => out.done(),
    }
    Ok(true)
}

/// Shows a scope's readiness on `today`, and records today's readiness in the history.
pub fn status(
    ws: &mut Workspace,
    scope: &str,
    out: &Output,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<bool, Error> {
    let readiness = ws.readiness(resolve::scope(ws, scope)?, today)?;
    // History is what was true on the real day: a `--today` for countdowns never writes a
    // record for another day.
    ws.record_readiness(now.date_naive())?;
    out.status(&readiness);
    Ok(true)
}
