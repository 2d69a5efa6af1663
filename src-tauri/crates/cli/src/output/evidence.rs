//! Printing evidence items, scans, the self-assessment and readiness.

use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::{
    AddReport, AssessmentImport, BulkChange, EvidenceBrief, EvidenceFindings, EvidencePage,
    EvidenceView, FileResult, FoundKind, Readiness, ScanReport, wire,
};
use csmsdesk_workspace::{AssessmentRecord, VersionRecord};

use super::Output;

impl Output {
    pub fn evidence_added(&self, report: &AddReport) {
        if self.json {
            return Self::print_json(&wire::evidence_added(report, self.lang));
        }
        for outcome in &report.outcomes {
            let path = outcome.path.display().to_string();
            let line = match &outcome.result {
                FileResult::Added { id, title, blob } => Message::new("cli.evidence.added")
                    .arg("id", id)
                    .arg("title", title)
                    .arg("sha", &blob.sha256[..12]),
                FileResult::AlreadyEvidence { id, .. } => Message::new("evidence.already")
                    .arg("path", &path)
                    .arg("id", id),
                FileResult::SameAsMissing { id, title } => {
                    let said = Message::new("evidence.same_as_missing")
                        .arg("path", &path)
                        .arg("id", id)
                        .arg("title", title);
                    let hint = Message::new("cli.evidence.same_as_missing_hint")
                        .arg("path", &path)
                        .arg("id", id);
                    err_line!("{}", said.render(self.lang));
                    err_line!("{}", hint.render(self.lang));
                    continue;
                }
                FileResult::Failed(message) => {
                    // Problems go to stderr, where scripts and people look for them.
                    err_line!("{}", message.render(self.lang));
                    continue;
                }
            };
            out_line!("{}", line.render(self.lang));
        }
        if report.cancelled {
            out_line!("{}", self.t("cli.cancelled"));
        }
    }

    pub fn evidence_list(&self, list: &[EvidenceView]) {
        if self.json {
            return Self::print_json(&list.iter().map(wire::evidence).collect::<Vec<_>>());
        }
        self.evidence_rows(list);
    }

    /// One page of the list: its rows as `evidence list` prints them, then which rows of how
    /// many they are; in JSON the page document with its counts.
    pub fn evidence_page(&self, page: &EvidencePage) {
        if self.json {
            return Self::print_json(&wire::evidence_page(page));
        }
        self.evidence_rows(&page.items);
        self.page_line(page.offset, page.items.len(), page.total);
    }

    fn evidence_rows(&self, list: &[EvidenceView]) {
        for v in list {
            let links: Vec<&str> = v.links.iter().map(|l| l.link.target_id.as_str()).collect();
            out_line!(
                "{:>4}  {:<10}  v{}  {}  [{}]",
                v.record.id,
                v.state.as_str(),
                v.record.latest_version,
                v.record.title,
                links.join(", ")
            );
        }
    }

    pub fn evidence_item(&self, view: &EvidenceView, versions: &[VersionRecord]) {
        if self.json {
            return Self::print_json(&wire::evidence_item(view, versions));
        }
        let r = &view.record;
        out_line!("#{}  {}  ({})", r.id, r.title, view.state.as_str());
        out_line!("  {}", r.source_path.display());
        for v in versions {
            out_line!(
                "  v{}  {}  {} B  {}",
                v.version,
                v.sha256,
                v.size,
                v.recorded_at
            );
        }
        for l in &view.links {
            let scope = l.scope.as_deref().unwrap_or("*");
            out_line!("  → {} ({scope}) [link {}]", l.link.target_id, l.link.id);
        }
    }

    pub fn linked(&self, added: usize) {
        if self.json {
            return Self::print_json(&wire::Linked { added });
        }
        out_line!(
            "{}",
            Message::new("cli.evidence.linked")
                .arg("count", added)
                .render(self.lang)
        );
    }

    pub fn scan_report(&self, report: &ScanReport) {
        if self.json {
            return Self::print_json(&wire::scan_report(report, self.lang));
        }
        let line = Message::new("cli.evidence.scanned")
            .arg("unchanged", report.unchanged)
            .arg("changed", report.changed.len())
            .arg("missing", report.missing.len());
        out_line!("{}", line.render(self.lang));
        let title = |id: &i64| report.titles.get(id).map_or("", String::as_str);
        for id in &report.changed {
            let line = Message::new("cli.evidence.scan_changed")
                .arg("id", id)
                .arg("title", title(id));
            out_line!("  {}", line.render(self.lang));
        }
        for id in &report.missing {
            let line = Message::new("cli.evidence.scan_missing")
                .arg("id", id)
                .arg("title", title(id));
            out_line!("  {}", line.render(self.lang));
        }
        for id in &report.unreachable {
            let line = Message::new("cli.evidence.scan_unreachable")
                .arg("id", id)
                .arg("title", title(id));
            out_line!("  {}", line.render(self.lang));
        }
        for (id, message) in &report.failed {
            let line = Message::new("cli.evidence.scan_failed")
                .arg("id", id)
                .arg("title", title(id))
                .arg_message("message", message.clone());
            out_line!("  {}", line.render(self.lang));
        }
        if report.cancelled {
            out_line!("{}", self.t("cli.cancelled"));
        }
    }

    pub fn evidence_findings(&self, findings: &EvidenceFindings) {
        if self.json {
            return Self::print_json(&wire::evidence_findings(findings));
        }
        for group in &findings.duplicates {
            let items: Vec<String> = group.iter().map(|(id, t)| format!("#{id} {t}")).collect();
            out_line!("{}: {}", self.t("evidence.duplicates"), items.join(" = "));
        }
        for (id, title) in &findings.orphans {
            out_line!("{}: #{id} {title}", self.t("evidence.orphans"));
        }
    }

    /// What `search` found: one line per record, its kind, id and title (and detail).
    pub fn found(&self, found: &[csmsdesk_workspace::Found]) {
        if self.json {
            return Self::print_json(&wire::found(found));
        }
        if found.is_empty() {
            out_line!("{}", self.t("cli.search.none"));
        }
        for f in found {
            let kind = self.t(match f.kind {
                FoundKind::Requirement => "search.kind.requirement",
                FoundKind::Question => "search.kind.question",
                FoundKind::Evidence => "search.kind.evidence",
                FoundKind::Finding => "search.kind.finding",
                FoundKind::Action => "search.kind.action",
                FoundKind::Location => "search.kind.location",
                FoundKind::Scope => "search.kind.scope",
            });
            let title: String = f.title.chars().take(90).collect();
            let detail: String = f.detail.chars().take(60).collect();
            let detail = if detail.is_empty() {
                String::new()
            } else {
                format!("  ({detail})")
            };
            out_line!("{kind:<18} {:>8}  {title}{detail}", f.id);
        }
    }

    /// Where `evidence relocate` pointed the item, and whether its content changed.
    pub fn relocated(&self, relocated: &csmsdesk_workspace::Relocated) {
        if self.json {
            return Self::print_json(&wire::relocated(relocated));
        }
        let line = match relocated.new_version {
            Some(version) => Message::new("cli.evidence.relocated_changed").arg("version", version),
            None => Message::new("cli.evidence.relocated"),
        };
        let line = line
            .arg("id", relocated.id)
            .arg("path", relocated.path.display());
        out_line!("{}", line.render(self.lang));
    }

    /// What `evidence set` did: how many items it changed of how many selected.
    pub fn bulk_outcome(&self, outcome: &csmsdesk_workspace::BulkOutcome, change: &BulkChange) {
        if self.json {
            return Self::print_json(&wire::bulk_outcome(outcome));
        }
        let key = match change {
            BulkChange::Set { .. } | BulkChange::Review { .. } => "cli.evidence.bulk_changed",
            BulkChange::Link(_) => "cli.evidence.bulk_linked",
            BulkChange::Remove => "cli.evidence.bulk_removed",
        };
        let line = Message::new(key)
            .arg("count", outcome.changed)
            .arg("selected", outcome.selected);
        out_line!("{}", line.render(self.lang));
    }

    pub fn evidence_found(&self, found: &[EvidenceBrief]) {
        if self.json {
            return Self::print_json(&wire::evidence_briefs(found));
        }
        for b in found {
            let work_product = b
                .work_product
                .as_deref()
                .map(|wp| format!("  ({wp})"))
                .unwrap_or_default();
            out_line!(
                "{:>4}  {:<10}  {}{work_product}",
                b.id.0,
                b.state.as_str(),
                b.title
            );
        }
    }

    pub fn assessment(&self, a: &AssessmentRecord) {
        if self.json {
            return Self::print_json(&wire::assessment(a));
        }
        self.done();
    }

    pub fn assessment_import(&self, import: &AssessmentImport) {
        if self.json {
            return Self::print_json(&wire::assessment_import(import, self.lang));
        }
        for c in &import.changes {
            out_line!(
                "{}  {}: “{}” → “{}”",
                c.question_id,
                c.field,
                c.before,
                c.after
            );
        }
        for (row, _, message) in &import.skipped {
            out_line!("{} {row}: {}", self.t("cli.row"), message.render(self.lang));
        }
        let key = if import.applied {
            "cli.assess.applied"
        } else {
            "cli.assess.preview"
        };
        out_line!(
            "{}",
            Message::new(key)
                .arg("count", import.changes.len())
                .render(self.lang)
        );
    }

    pub fn status(&self, r: &Readiness) {
        if self.json {
            return Self::print_json(&wire::readiness(r));
        }
        let line = Message::new("cli.status.line")
            .arg("scope", &r.scope.name)
            .arg("percent", (r.tally.readiness() * 100.0).round())
            .arg("covered", r.tally.covered)
            .arg("needs_review", r.tally.needs_review)
            .arg("missing", r.tally.missing)
            .arg("result", r.predicted.as_str());
        out_line!("{}", line.render(self.lang));
        let through: Vec<&str> = r
            .requirements
            .iter()
            .filter(|q| q.covered_by == Some(csmsdesk_core::readiness::CoveredBy::Question))
            .map(|q| q.id.as_str())
            .collect();
        if !through.is_empty() {
            let line = Message::new("cli.status.through_question")
                .arg("count", through.len())
                .arg("ids", through.join(", "));
            out_line!("{}", line.render(self.lang));
        }
        for q in r.questions.iter().filter(|q| q.applicable) {
            let state = q.state.map_or("na", |s| s.as_str());
            let result = q.assessment.result.map_or("-", |r| r.as_str());
            out_line!("  {:<6} {:<13} {result}", q.id, state);
        }
    }
}
