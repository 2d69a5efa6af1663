//! The printable report of a scope as PDF: a management summary (key figures, readiness per
//! objective and chapter as bar charts, the predicted or the audit's result, label
//! countdowns, open corrective actions by owner, upcoming deadlines) followed by the detail
//! of every control question.
//!
//! Pure: the caller gathers a [`Report`] (plain data, words of the vocabulary as
//! [`Message`]s) and [`render`] turns it into PDF bytes; no files, no clock, no database.
//! The same report gives the same bytes. A4, the two Liberation Sans faces embedded as
//! subsets with ToUnicode maps (the text is selectable and searchable), every page with
//! the company, the scope, the title and "Page N of M".
//!
//! `fonts` measures and breaks text, `layout` flows blocks down pages, `summary` and
//! `details` say what the report holds, `pdf` writes the pages with krilla.

use chrono::{DateTime, NaiveDate, Utc};
use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_core::readiness::Tally;
use csmsdesk_core::results::OverallResult;

mod details;
mod fonts;
mod layout;
mod pdf;
mod summary;

/// Everything the report shows, already gathered.
#[derive(Debug, Clone)]
pub struct Report {
    pub lang: Lang,
    /// The generation time: in the footer, and the PDF's creation date.
    pub generated_at: DateTime<Utc>,
    /// The day countdowns are computed for (the generation day).
    pub today: NaiveDate,
    pub company: String,
    pub scope: String,
    pub enx_scope_id: Option<String>,
    /// The catalogue's name and version.
    pub catalogue: String,
    /// The words of the scope's objectives.
    pub objectives: Vec<Message>,
    pub locations: Vec<String>,
    pub provider: String,
    pub planned_audit: Option<NaiveDate>,
    /// The audit the report is for: its results are shown instead of the self-assessment's.
    pub audit: Option<AuditBasis>,
    /// The audit's overall result, or the predicted one from the self-assessment.
    pub overall: OverallResult,
    pub tally: Tally,
    pub by_objective: Vec<(Message, Tally)>,
    /// Chapter id, title and tally.
    pub by_chapter: Vec<(String, String, Tally)>,
    pub labels: Vec<LabelRow>,
    /// Open corrective actions (not done, not verified).
    pub open_actions: Vec<ActionRow>,
    pub deadlines: Vec<DeadlineRow>,
    /// Deadlines left out of `deadlines` (the summary shows the nearest).
    pub more_deadlines: usize,
    pub questions: Vec<QuestionDetail>,
}

/// The audit a report is for.
#[derive(Debug, Clone)]
pub struct AuditBasis {
    /// Its kind in words.
    pub kind: Message,
    pub provider: String,
    pub closing_meeting: NaiveDate,
}

/// A VCS label with its countdown.
#[derive(Debug, Clone)]
pub struct LabelRow {
    pub objective: Message,
    pub kind: Message,
    pub valid_from: NaiveDate,
    pub expires: NaiveDate,
}

/// A corrective action.
#[derive(Debug, Clone)]
pub struct ActionRow {
    pub owner: String,
    pub department: String,
    pub due: NaiveDate,
    pub description: String,
    pub status: Message,
    /// The control question of its finding.
    pub question: String,
}

/// A deadline.
#[derive(Debug, Clone)]
pub struct DeadlineRow {
    pub due: NaiveDate,
    /// What it is, in words (it names its kind).
    pub what: Message,
}

/// One control question in detail.
#[derive(Debug, Clone)]
pub struct QuestionDetail {
    pub id: String,
    pub text: String,
    pub applicable: bool,
    pub na_justification: Option<String>,
    /// The self-assessment's result in words.
    pub self_result: Message,
    /// The chosen audit's result in words (only with an audit).
    pub audit_result: Option<Message>,
    pub implementation: String,
    pub reference_documentation: String,
    pub requirements: Vec<RequirementDetail>,
    pub findings: Vec<FindingDetail>,
}

/// A requirement of a question with what covers it.
#[derive(Debug, Clone)]
pub struct RequirementDetail {
    pub id: String,
    /// Its state in words.
    pub state: Message,
    pub deviation: Option<String>,
    /// Titles of the linked evidence (to it or to its whole question) with their state.
    pub evidence: Vec<(String, Message)>,
}

/// A finding with its corrective actions.
#[derive(Debug, Clone)]
pub struct FindingDetail {
    pub kind: Message,
    pub description: String,
    pub actions: Vec<ActionRow>,
}

/// Why a report could not be written (a bug, never the user's input).
#[derive(Debug, thiserror::Error)]
#[error("the PDF writer failed: {0}")]
pub struct Error(String);

/// The report as PDF bytes.
pub fn render(report: &Report) -> Result<Vec<u8>, Error> {
    render_pages(report).map(|(bytes, _)| bytes)
}

/// The report as PDF bytes and its number of pages.
pub fn render_pages(report: &Report) -> Result<(Vec<u8>, usize), Error> {
    let faces = fonts::Faces::new();
    let pages = lay_out(&faces, report);
    let lang = report.lang;
    let title = Message::new("pdf.title").render(lang);
    let frame = pdf::Frame {
        company: report.company.clone(),
        scope: report.scope.clone(),
        title: title.clone(),
        generated: Message::new("pdf.generated")
            .arg("date", report.generated_at.date_naive())
            .arg("time", report.generated_at.format("%H:%M"))
            .render(lang),
        page_of: Box::new(move |n, m| {
            Message::new("pdf.page")
                .arg("page", n)
                .arg("pages", m)
                .render(lang)
        }),
    };
    let info = pdf::Info {
        title: &format!("{title}: {}", report.scope),
        lang: lang.tag(),
        author: &report.company,
        generated_at: report.generated_at,
    };
    let bytes = pdf::write(&faces, &pages, &frame, &info).map_err(Error)?;
    Ok((bytes, pages.len()))
}

fn lay_out(faces: &fonts::Faces, report: &Report) -> Vec<Vec<layout::Op>> {
    let mut flow = layout::Flow::new(faces);
    summary::write(&mut flow, report);
    details::write(&mut flow, report);
    flow.pages
}

/// A message in the report's language.
pub(crate) fn t(report: &Report, key: &'static str) -> String {
    Message::new(key).render(report.lang)
}

/// A day in the report's language.
pub(crate) fn day(report: &Report, date: NaiveDate) -> String {
    csmsdesk_core::dates::format_date(date, report.lang)
}

#[cfg(test)]
mod tests;
