//! Printing audits with their results, findings and corrective actions, labels and deadlines.

use csmsdesk_core::dates::format_date;
use csmsdesk_core::deadlines::{Deadline, countdown};
use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::audit_records::{ActionRecord, AuditRecord, FindingRecord};
use csmsdesk_workspace::wire;
use csmsdesk_workspace::{AuditView, DeadlinePage, ProviderImport, ScopeLabels};

use super::Output;

impl Output {
    pub fn audit_added(&self, a: &AuditRecord) {
        if self.json {
            return Self::print_json(&wire::AuditAdded {
                audit: wire::audit(a),
            });
        }
        let line = Message::new("cli.audit.added")
            .arg("id", a.id)
            .arg("kind", a.kind.as_str())
            .arg("date", a.closing_meeting);
        out_line!("{}", line.render(self.lang));
    }

    pub fn audits(&self, list: &[AuditRecord]) {
        if self.json {
            return Self::print_json(&list.iter().map(wire::audit).collect::<Vec<_>>());
        }
        for a in list {
            out_line!(
                "{:>4}  {:<10} {}  {}",
                a.id,
                a.kind.as_str(),
                a.closing_meeting,
                a.provider
            );
        }
    }

    pub fn audit_view(&self, v: &AuditView) {
        if self.json {
            return Self::print_json(&wire::audit_view(v, self.lang));
        }
        let a = &v.audit;
        // A CAP audit has no results per question: it confirms the plan, or not yet.
        let cap = a.kind == csmsdesk_core::audit::AuditKind::Cap;
        let overall = match (cap, a.decision) {
            (true, true) => Message::new("audits_ui.plan_confirmed").render(self.lang),
            (true, false) => Message::new("audits_ui.plan_unconfirmed").render(self.lang),
            (false, _) => v.overall.as_str().to_owned(),
        };
        out_line!(
            "#{} {} {} ({}): {}",
            a.id,
            a.kind.as_str(),
            v.scope,
            a.closing_meeting,
            overall
        );
        for (question, _, result) in v.questions.iter().filter(|q| q.1 && !cap) {
            let result = result.as_ref().map_or("-", |r| r.result.as_str());
            out_line!("  {question:<6} {result}");
        }
        for problem in &v.disagreements {
            err_line!("{}", problem.render(self.lang));
        }
        for f in &v.findings {
            out_line!(
                "  [{}] {} {}: {}",
                f.id,
                f.question_id,
                f.kind.as_str(),
                f.description
            );
            for action in v.actions.iter().filter(|x| x.finding_id == f.id) {
                out_line!(
                    "      → [{}] {} {} ({}, {})",
                    action.id,
                    format_date(action.due, self.lang),
                    action.description,
                    action.owner,
                    action.status.as_str()
                );
            }
        }
    }

    pub fn provider_import(&self, import: &ProviderImport) {
        if self.json {
            return Self::print_json(&wire::provider_import(import, self.lang));
        }
        for (question, before, after, _) in &import.results {
            let before = before.map_or("-", |r| r.as_str());
            out_line!("{question}  {before} → {}", after.as_str());
        }
        for (question, text) in &import.measures {
            out_line!("{question}  CAPA: {text}");
        }
        for (row, _, message) in &import.skipped {
            out_line!("{} {row}: {}", self.t("cli.row"), message.render(self.lang));
        }
        let key = if import.applied {
            "cli.assess.applied"
        } else {
            "cli.assess.preview"
        };
        let count = import.results.len() + import.measures.len();
        out_line!(
            "{}",
            Message::new(key).arg("count", count).render(self.lang)
        );
    }

    pub fn finding(&self, f: &FindingRecord) {
        if self.json {
            return Self::print_json(&wire::FindingAdded {
                finding: wire::finding(f),
            });
        }
        out_line!(
            "{}",
            Message::new("cli.finding.added")
                .arg("id", f.id)
                .render(self.lang)
        );
    }

    /// A page of findings: with `--json` the rows (each finding with `audit_kind`, `scope`,
    /// `actions`, `unfinished`); the range on stderr when it is a part.
    pub fn finding_page(&self, page: &csmsdesk_workspace::FindingPage) {
        let shown = i64::try_from(page.rows.len()).unwrap_or(i64::MAX);
        if shown < page.total {
            err_line!(
                "{}",
                Message::new("cli.finding.page")
                    .arg("from", page.offset + 1)
                    .arg("to", page.offset + page.rows.len() as u64)
                    .arg("total", page.total)
                    .render(self.lang)
            );
        }
        if self.json {
            return Self::print_json(&wire::finding_page(page).rows);
        }
        for r in &page.rows {
            let f = &r.finding;
            out_line!(
                "{:>4}  {:<6} {:<11} {}/{}  {}",
                f.id,
                f.question_id,
                f.kind.as_str(),
                r.unfinished,
                r.actions,
                f.description
            );
        }
    }

    pub fn finding_changed(&self, f: &FindingRecord) {
        if self.json {
            return Self::print_json(&wire::FindingAdded {
                finding: wire::finding(f),
            });
        }
        out_line!(
            "{}",
            Message::new("cli.finding.changed")
                .arg("id", f.id)
                .render(self.lang)
        );
    }

    pub fn action_changed(&self, a: &ActionRecord, warnings: &[Message]) {
        if self.json {
            return Self::print_json(&wire::action_saved(a, warnings, self.lang));
        }
        out_line!(
            "{}",
            Message::new("cli.action.changed")
                .arg("id", a.id)
                .render(self.lang)
        );
        for warning in warnings {
            err_line!("{}", warning.render(self.lang));
        }
    }

    pub fn results_saved(&self, count: usize) {
        if self.json {
            return Self::print_json(&serde_json::json!({ "saved": count }));
        }
        out_line!(
            "{}",
            Message::new("cli.audit.results_saved")
                .arg("count", count)
                .render(self.lang)
        );
    }

    pub fn action_added(&self, a: &ActionRecord, warnings: &[Message]) {
        if self.json {
            return Self::print_json(&wire::action_saved(a, warnings, self.lang));
        }
        out_line!(
            "{}",
            Message::new("cli.action.added")
                .arg("id", a.id)
                .render(self.lang)
        );
        for warning in warnings {
            err_line!("{}", warning.render(self.lang));
        }
    }

    /// A page of actions: with `--json` the list of actions as before (docs/CLI.md), the
    /// count of all that match on stderr when it is more than the page.
    pub fn action_page(&self, page: &csmsdesk_workspace::ActionPage) {
        let shown = i64::try_from(page.rows.len()).unwrap_or(i64::MAX);
        if shown < page.total {
            err_line!(
                "{}",
                Message::new("cli.action.page")
                    .arg("from", page.offset + 1)
                    .arg("to", page.offset + page.rows.len() as u64)
                    .arg("total", page.total)
                    .render(self.lang)
            );
        }
        if self.json {
            return Self::print_json(
                &page
                    .rows
                    .iter()
                    .map(|r| wire::action_of_finding(&r.action, &r.finding))
                    .collect::<Vec<_>>(),
            );
        }
        for r in &page.rows {
            let (a, f) = (&r.action, &r.finding);
            out_line!(
                "{:>4}  {}  {:<11} {}  {} ({})",
                a.id,
                format_date(a.due, self.lang),
                a.status.as_str(),
                f.question_id,
                a.description,
                a.owner
            );
        }
    }

    pub fn labels(&self, list: &[ScopeLabels], today: chrono::NaiveDate) {
        if self.json {
            return Self::print_json(&wire::vcs_labels(list, today));
        }
        for s in list {
            out_line!("{}: {}", s.scope.name, s.next_step.render(self.lang));
            for l in &s.outcome.labels {
                let countdown = countdown(l.days_left(today)).render(self.lang);
                out_line!(
                    "  {:<24} {:<10} {} → {} ({countdown})",
                    l.objective.as_str(),
                    l.kind.as_str(),
                    format_date(l.valid_from, self.lang),
                    format_date(l.expires, self.lang)
                );
            }
        }
    }

    pub fn deadlines(&self, list: &[Deadline], today: chrono::NaiveDate) {
        if self.json {
            return Self::print_json(&wire::deadlines(list, today, self.lang));
        }
        self.deadline_rows(list, today);
    }

    /// One page of deadlines: its rows as `deadlines` prints them, then which rows of how many
    /// they are; in JSON the page document with its counts.
    pub fn deadline_page(&self, page: &DeadlinePage, today: chrono::NaiveDate) {
        if self.json {
            return Self::print_json(&wire::deadline_page(page, today, self.lang));
        }
        self.deadline_rows(&page.deadlines, today);
        self.page_line(page.offset, page.deadlines.len(), page.total);
    }

    fn deadline_rows(&self, list: &[Deadline], today: chrono::NaiveDate) {
        for d in list {
            let mark = if d.overdue(today) { "!" } else { " " };
            let countdown = countdown(d.days_left(today)).render(self.lang);
            out_line!(
                "{mark} {}  {:<14} {}",
                format_date(d.due, self.lang),
                countdown,
                d.what.render(self.lang)
            );
        }
    }
}
