//! What the CLI prints: human text in the user's language, or one JSON document.

use std::io::IsTerminal as _;
use std::path::Path;

use csmsdesk_core::catalogue::references::Reference;
use csmsdesk_core::catalogue::{Catalogue, CatalogueNote};
use csmsdesk_core::company::{CompanyProfile, LanguagePreference};
use csmsdesk_core::deadlines::{Deadline, countdown};
use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_core::labels::LabelRules;
use csmsdesk_core::scope::Severity;
use csmsdesk_workspace::audit_records::{ActionRecord, AuditRecord, FindingRecord};
use csmsdesk_workspace::{
    AddReport, AssessmentImport, CatalogueRecord, Error, EvidenceFindings, EvidenceView,
    FileResult, ImportOutcome, LocationRecord, Progress, ProtectionObjectRecord, Readiness,
    Sampling, ScanReport, ScopeRecord, ScopeView, SearchHit, WorkspaceInfo, json,
};
use csmsdesk_workspace::{
    AssessmentRecord, AuditView, PackageReport, ProviderImport, ScopeLabels, SharingRecord,
    VerifyReport, VersionRecord,
};
use serde_json::{Value, json};

#[derive(Debug)]
pub struct Output {
    json: bool,
    lang: Lang,
}

impl Output {
    pub fn new(json: bool, lang: Lang) -> Self {
        Self { json, lang }
    }

    /// Switches to the workspace's language once the workspace is open.
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    fn t(&self, key: &'static str) -> String {
        Message::new(key).render(self.lang)
    }

    fn print_json(value: &Value) {
        use std::io::Write as _;
        let text = serde_json::to_string_pretty(value).unwrap_or_default();
        if writeln!(
            std::io::stdout(),
            "{}",
            crate::terminal::json_visible(&text)
        )
        .is_err()
        {
            std::process::exit(0);
        }
    }

    pub fn init(&self, dir: &Path, profile: &CompanyProfile) {
        if self.json {
            Self::print_json(&json!({
                "workspace": dir.display().to_string(),
                "company": profile.company_name,
            }));
        } else {
            let text = Message::new("cli.init.created")
                .arg("path", dir.display())
                .arg("company", &profile.company_name)
                .render(self.lang);
            out_line!("{text}");
        }
    }

    pub fn info(&self, info: &WorkspaceInfo) {
        let company = &info.company;
        if self.json {
            Self::print_json(&json!({
                "workspace": info.dir.display().to_string(),
                "schema_version": info.schema_version,
                "created_at": info.created_at,
                "company": non_empty(&company.company_name),
                "participant_id": company.participant_id.as_ref().map(|id| id.to_string()),
                "enx_contact": non_empty(&company.enx_contact),
                "language": company.language.as_str(),
            }));
            return;
        }
        let not_set = self.t("cli.info.not_set");
        let or_not_set = |s: &str| {
            if s.is_empty() {
                not_set.clone()
            } else {
                s.to_owned()
            }
        };
        let rows = [
            ("cli.info.workspace", info.dir.display().to_string()),
            ("cli.info.schema_version", info.schema_version.to_string()),
            (
                "cli.info.created_at",
                or_not_set(info.created_at.as_deref().unwrap_or_default()),
            ),
            ("cli.info.company", or_not_set(&company.company_name)),
            (
                "cli.info.participant_id",
                or_not_set(
                    &company
                        .participant_id
                        .as_ref()
                        .map(|id| id.to_string())
                        .unwrap_or_default(),
                ),
            ),
            ("cli.info.enx_contact", or_not_set(&company.enx_contact)),
            ("cli.info.language", self.t(language_key(company.language))),
        ];
        let labels: Vec<_> = rows.iter().map(|(key, _)| self.t(key)).collect();
        let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        for (label, (_, value)) in labels.iter().zip(&rows) {
            out_line!("{label:width$}  {value}");
        }
    }

    pub fn catalogue_import(&self, outcome: &ImportOutcome) {
        if self.json {
            return Self::print_json(&json::import_outcome(outcome));
        }
        let c = &outcome.catalogue;
        let key = if outcome.already_imported {
            "catalogue.already_imported"
        } else {
            "catalogue.imported"
        };
        let line = Message::new(key)
            .arg("file", &c.source_file)
            .arg("id", c.id)
            .arg("name", &c.name)
            .arg("version", &c.version)
            .arg("chapters", c.counts.chapters)
            .arg("questions", c.counts.control_questions)
            .arg("requirements", c.counts.requirements)
            .arg("must", c.counts.must)
            .arg("should", c.counts.should);
        out_line!("{}", line.render(self.lang));
        for note in &outcome.notes {
            let CatalogueNote::DuplicateRequirementRenamed { id, renamed, row } = note;
            let line = Message::new("catalogue.note_duplicate")
                .arg("id", id)
                .arg("renamed", renamed)
                .arg("row", row);
            out_line!("  {}", line.render(self.lang));
        }
        if let Some(change) = &outcome.version_change {
            let key = if change.table_known {
                "catalogue.version_change"
            } else {
                "catalogue.version_change_no_table"
            };
            let line = Message::new(key)
                .arg("old", &change.from.version)
                .arg("new", &c.version)
                .arg("moved", change.changes.moved.len())
                .arg("added", change.changes.added.len())
                .arg("removed", change.changes.removed.len());
            out_line!("{}", line.render(self.lang));
            for (from, to) in &change.changes.moved {
                out_line!("  {from} → {to}");
            }
            for id in &change.changes.added {
                out_line!("  + {id}");
            }
            for id in &change.changes.removed {
                out_line!("  − {id}");
            }
        }
    }

    pub fn catalogue_list(&self, catalogues: &[CatalogueRecord]) {
        if self.json {
            return Self::print_json(&Value::Array(
                catalogues.iter().map(json::catalogue_record).collect(),
            ));
        }
        if catalogues.is_empty() {
            out_line!("{}", self.t("cli.catalogue.none"));
        }
        for c in catalogues {
            let mut line = Message::new("cli.catalogue.list_line")
                .arg("id", c.id)
                .arg("name", &c.name)
                .arg("version", &c.version)
                .arg("questions", c.counts.control_questions)
                .arg("requirements", c.counts.requirements)
                .arg("imported_at", &c.imported_at)
                .render(self.lang);
            if let Some(newer) = c.superseded_by {
                line.push_str(
                    &Message::new("cli.catalogue.superseded")
                        .arg("id", newer)
                        .render(self.lang),
                );
            }
            out_line!("{line}");
        }
    }

    pub fn catalogue_show(
        &self,
        record: &CatalogueRecord,
        tree: &Catalogue,
        references: &[(String, String, Reference)],
    ) {
        if self.json {
            return Self::print_json(&json::catalogue_tree(record, tree, references));
        }
        out_line!(
            "{} {} ({})",
            record.name,
            record.version,
            record.source_file
        );
        let first_line = |text: &str| text.lines().next().unwrap_or_default().to_owned();
        for chapter in &tree.chapters {
            out_line!("\n{} {}", chapter.id, chapter.title);
            for q in &chapter.questions {
                out_line!("  {:<6} {}", q.id, first_line(&q.text));
                for r in &q.requirements {
                    let kinds = match (r.must.is_empty(), r.should.is_empty()) {
                        (false, false) => "must+should",
                        (false, true) => "must",
                        (true, false) => "should",
                        (true, true) => "-",
                    };
                    out_line!(
                        "    {:<9} {:<11} {}",
                        r.id,
                        kinds,
                        first_line(if r.must.is_empty() {
                            &r.should
                        } else {
                            &r.must
                        })
                    );
                }
            }
        }
    }

    pub fn catalogue_search(&self, hits: &[SearchHit]) {
        if self.json {
            return Self::print_json(&json::search_hits(hits));
        }
        for hit in hits {
            out_line!(
                "{}",
                hit.requirement_id.as_deref().unwrap_or(&hit.question_id)
            );
        }
    }

    pub fn rules(
        &self,
        matrix: &str,
        warning_days: i64,
        label_rules: &LabelRules,
        notify_days: i64,
    ) {
        let months = json::label_rules(label_rules);
        if self.json {
            return Self::print_json(&json!({
                "applicability_matrix": matrix,
                "label_expiry_warning_days": warning_days,
                "label_rules": months,
                "notify_days": notify_days,
            }));
        }
        out_line!("deadlines.notify_days = {notify_days}");
        out_line!("{matrix}");
        out_line!(
            "{}",
            Message::new("cli.rules.warning_days")
                .arg("days", warning_days)
                .render(self.lang)
        );
        if let Value::Object(rules) = months {
            for (key, value) in rules {
                out_line!("{key} = {value}");
            }
        }
    }

    /// The language messages are printed in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn audit_added(&self, a: &AuditRecord) {
        if self.json {
            return Self::print_json(&json!({ "audit": json::audit(a) }));
        }
        let line = Message::new("cli.audit.added")
            .arg("id", a.id)
            .arg("kind", a.kind.as_str())
            .arg("date", a.closing_meeting);
        out_line!("{}", line.render(self.lang));
    }

    pub fn audits(&self, list: &[AuditRecord]) {
        if self.json {
            return Self::print_json(&Value::Array(list.iter().map(json::audit).collect()));
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
            return Self::print_json(&json::audit_view(v));
        }
        let a = &v.audit;
        out_line!(
            "#{} {} {} ({}): {}",
            a.id,
            a.kind.as_str(),
            v.scope,
            a.closing_meeting,
            v.overall.as_str()
        );
        for (question, _, result) in v.questions.iter().filter(|q| q.1) {
            let result = result.as_ref().map_or("-", |r| r.result.as_str());
            out_line!("  {question:<6} {result}");
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
                    action.due,
                    action.description,
                    action.owner,
                    action.status.as_str()
                );
            }
        }
    }

    pub fn provider_import(&self, import: &ProviderImport) {
        if self.json {
            return Self::print_json(&json::provider_import(import, self.lang));
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
            return Self::print_json(&json!({ "finding": json::finding(f) }));
        }
        out_line!(
            "{}",
            Message::new("cli.finding.added")
                .arg("id", f.id)
                .render(self.lang)
        );
    }

    pub fn action_added(&self, a: &ActionRecord, warnings: &[Message]) {
        if self.json {
            return Self::print_json(&json!({
                "action": json::action(a),
                "warnings": warnings.iter().map(|w| w.render(self.lang)).collect::<Vec<_>>(),
            }));
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

    pub fn actions(&self, list: &[(ActionRecord, FindingRecord)]) {
        if self.json {
            return Self::print_json(&Value::Array(
                list.iter()
                    .map(|(a, f)| {
                        let mut value = json::action(a);
                        value["audit_id"] = json!(f.audit_id);
                        value["question"] = json!(f.question_id);
                        value
                    })
                    .collect(),
            ));
        }
        for (a, f) in list {
            out_line!(
                "{:>4}  {}  {:<11} {}  {} ({})",
                a.id,
                a.due,
                a.status.as_str(),
                f.question_id,
                a.description,
                a.owner
            );
        }
    }

    pub fn labels(&self, list: &[ScopeLabels], today: chrono::NaiveDate) {
        if self.json {
            return Self::print_json(&json::vcs_labels(list, today));
        }
        for s in list {
            out_line!("{}: {}", s.scope.name, s.next_step.render(self.lang));
            for l in &s.outcome.labels {
                let countdown = countdown(l.days_left(today)).render(self.lang);
                out_line!(
                    "  {:<24} {:<10} {} → {} ({countdown})",
                    l.objective.as_str(),
                    l.kind.as_str(),
                    l.valid_from,
                    l.expires
                );
            }
        }
    }

    pub fn deadlines(&self, list: &[Deadline], today: chrono::NaiveDate) {
        if self.json {
            return Self::print_json(&json::deadlines(list, today, self.lang));
        }
        for d in list {
            let mark = if d.overdue(today) { "!" } else { " " };
            let countdown = countdown(d.days_left(today)).render(self.lang);
            out_line!(
                "{mark} {}  {:<14} {}",
                d.due,
                countdown,
                d.what.render(self.lang)
            );
        }
    }

    /// A change that has nothing to report but that it was made.
    pub fn done(&self) {
        if self.json {
            Self::print_json(&json!({ "ok": true }));
        } else {
            out_line!("{}", self.t("cli.done"));
        }
    }

    pub fn location_added(&self, l: &LocationRecord) {
        if self.json {
            return Self::print_json(&json!({ "location": { "id": l.id, "name": l.name } }));
        }
        out_line!(
            "{}",
            Message::new("cli.location.added")
                .arg("name", &l.name)
                .arg("id", l.id)
                .render(self.lang)
        );
    }

    pub fn locations(&self, list: &[LocationRecord]) {
        if self.json {
            return Self::print_json(&Value::Array(list.iter().map(json::location).collect()));
        }
        for l in list {
            let labels: Vec<String> = l
                .labels
                .iter()
                .map(|t| format!("{} AL{} → {}", t.label, t.level, t.expires))
                .collect();
            out_line!("{}  {}  [{}]", l.id, l.name, labels.join("; "));
        }
    }

    pub fn scope_added(&self, s: &ScopeRecord) {
        if self.json {
            return Self::print_json(&json!({ "scope": { "id": s.id, "name": s.name } }));
        }
        out_line!(
            "{}",
            Message::new("cli.scope.saved")
                .arg("name", &s.name)
                .arg("id", s.id)
                .render(self.lang)
        );
    }

    pub fn scopes(&self, views: &[ScopeView]) {
        if self.json {
            return Self::print_json(&Value::Array(
                views
                    .iter()
                    .map(|v| json::scope_view(v, self.lang))
                    .collect(),
            ));
        }
        for v in views {
            let objectives: Vec<_> = v.scope.objectives.iter().map(|o| o.as_str()).collect();
            let line = Message::new("cli.scope.line")
                .arg("name", &v.scope.name)
                .arg("objectives", objectives.join(", "))
                .arg("questions", v.applicable_questions().len())
                .arg("requirements", v.applicable_requirements());
            out_line!("{}", line.render(self.lang));
        }
    }

    pub fn scope_check(&self, view: &ScopeView) {
        if self.json {
            return Self::print_json(&json::check(view, self.lang));
        }
        let line = Message::new("cli.scope.checked")
            .arg("name", &view.scope.name)
            .arg("date", view.checked_on);
        out_line!("{}", line.render(self.lang));
        if view.problems.is_empty() {
            out_line!("  ✓ {}", self.t("cli.scope.all_met"));
        }
        for p in &view.problems {
            let mark = match p.severity() {
                Severity::Error => "✗",
                Severity::Warning => "!",
            };
            out_line!("  {mark} {}", p.message().render(self.lang));
        }
    }

    pub fn po_added(&self, p: &ProtectionObjectRecord) {
        if self.json {
            return Self::print_json(
                &json!({ "protection_object": { "id": p.id, "name": p.name } }),
            );
        }
        out_line!(
            "{}",
            Message::new("cli.po.added")
                .arg("name", &p.name)
                .arg("id", p.id)
                .render(self.lang)
        );
    }

    pub fn protection_objects(
        &self,
        list: &[ProtectionObjectRecord],
        locations: &[LocationRecord],
    ) {
        if self.json {
            let names: Vec<(i64, String)> =
                locations.iter().map(|l| (l.id, l.name.clone())).collect();
            return Self::print_json(&Value::Array(
                list.iter()
                    .map(|p| json::protection_object(p, &names))
                    .collect(),
            ));
        }
        for p in list {
            let objectives: Vec<_> = p.objectives.iter().map(|o| o.as_str()).collect();
            out_line!(
                "{}  {}  {}  ({})",
                p.id,
                p.name,
                p.customer,
                objectives.join(", ")
            );
        }
    }

    pub fn sampling(&self, rows: &[Sampling]) {
        if self.json {
            return Self::print_json(&json::sampling(rows));
        }
        for s in rows {
            let line = Message::new("cli.po.sampling")
                .arg("objective", s.objective.as_str())
                .arg("population", s.population.len())
                .arg("suggested", s.suggested)
                .arg(
                    "chosen",
                    if s.chosen.is_empty() {
                        "-".to_owned()
                    } else {
                        s.chosen.join(", ")
                    },
                );
            out_line!("{}", line.render(self.lang));
        }
    }

    /// A progress callback: a line on stderr that updates in place, only when stderr is a
    /// terminal (scripts and logs get no noise).
    pub fn progress(&self) -> impl Fn(Progress) + Sync + use<> {
        let show = std::io::stderr().is_terminal();
        let lang = self.lang;
        move |p: Progress| {
            if show {
                let line = Message::new("cli.evidence.progress")
                    .arg("done", p.files_done)
                    .arg("total", p.files_total)
                    .arg("mib", p.bytes_done / (1 << 20))
                    .render(lang);
                eprint!("\r{line}  ");
            }
        }
    }

    /// Ends the progress line.
    pub fn finish_progress(&self) {
        if std::io::stderr().is_terminal() {
            err_line!();
        }
    }

    pub fn evidence_added(&self, report: &AddReport) {
        if self.json {
            return Self::print_json(&json::evidence_added(report, self.lang));
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
            return Self::print_json(&Value::Array(list.iter().map(json::evidence).collect()));
        }
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
            return Self::print_json(&json::evidence_item(view, versions));
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
            return Self::print_json(&json!({ "added": added }));
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
            return Self::print_json(&json::scan_report(report, self.lang));
        }
        let line = Message::new("cli.evidence.scanned")
            .arg("unchanged", report.unchanged)
            .arg("changed", report.changed.len())
            .arg("missing", report.missing.len());
        out_line!("{}", line.render(self.lang));
        for (_, message) in &report.failed {
            out_line!("  {}", message.render(self.lang));
        }
        if report.cancelled {
            out_line!("{}", self.t("cli.cancelled"));
        }
    }

    pub fn evidence_findings(&self, findings: &EvidenceFindings) {
        if self.json {
            return Self::print_json(&json::evidence_findings(findings));
        }
        for group in &findings.duplicates {
            let items: Vec<String> = group.iter().map(|(id, t)| format!("#{id} {t}")).collect();
            out_line!("{}: {}", self.t("evidence.duplicates"), items.join(" = "));
        }
        for (id, title) in &findings.orphans {
            out_line!("{}: #{id} {title}", self.t("evidence.orphans"));
        }
    }

    pub fn assessment(&self, a: &AssessmentRecord) {
        if self.json {
            return Self::print_json(&json::assessment(a));
        }
        self.done();
    }

    pub fn assessment_import(&self, import: &AssessmentImport) {
        if self.json {
            return Self::print_json(&json::assessment_import(import, self.lang));
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
            return Self::print_json(&json::readiness(r));
        }
        let line = Message::new("cli.status.line")
            .arg("scope", &r.scope.name)
            .arg("percent", (r.tally.readiness() * 100.0).round())
            .arg("covered", r.tally.covered)
            .arg("needs_review", r.tally.needs_review)
            .arg("missing", r.tally.missing)
            .arg("result", r.predicted.as_str());
        out_line!("{}", line.render(self.lang));
        for q in r.questions.iter().filter(|q| q.applicable) {
            let state = q.state.map_or("na", |s| s.as_str());
            let result = q.assessment.result.map_or("-", |r| r.as_str());
            out_line!("  {:<6} {:<13} {result}", q.id, state);
        }
    }

    pub fn package(&self, report: &PackageReport) {
        if self.json {
            return Self::print_json(&json!({
                "package": report.path.display().to_string(),
                "sha256": report.sha256,
                "files": report.files,
                "level": report.level.as_str(),
            }));
        }
        let line = Message::new("cli.package.written")
            .arg("path", report.path.display())
            .arg("files", report.files.len())
            .arg("sha256", &report.sha256);
        out_line!("{}", line.render(self.lang));
    }

    pub fn verify(&self, report: &VerifyReport) {
        let problems: Vec<String> = report
            .problems
            .iter()
            .map(|p| p.render(self.lang))
            .collect();
        if self.json {
            return Self::print_json(&json!({
                "ok": report.ok(),
                "entries": report.entries,
                "problems": problems,
            }));
        }
        if report.ok() {
            out_line!(
                "{}",
                Message::new("cli.verify.ok")
                    .arg("entries", report.entries)
                    .render(self.lang)
            );
        }
        for problem in problems {
            out_line!("{problem}");
        }
    }

    pub fn sharing_added(&self, s: &SharingRecord, warnings: &[Message]) {
        let warnings: Vec<String> = warnings.iter().map(|w| w.render(self.lang)).collect();
        if self.json {
            return Self::print_json(&json!({ "sharing": sharing(s), "warnings": warnings }));
        }
        self.done();
        for warning in warnings {
            err_line!("{warning}");
        }
    }

    pub fn sharings(&self, list: &[SharingRecord]) {
        if self.json {
            return Self::print_json(&Value::Array(list.iter().map(sharing).collect()));
        }
        for s in list {
            out_line!(
                "{}  {} ({})  {}",
                s.shared_on,
                s.partner,
                s.participant_id,
                s.level
            );
        }
    }

    pub fn journal_page(&self, entries: &[csmsdesk_core::journal::Entry]) {
        if self.json {
            return Self::print_json(&Value::Array(
                entries.iter().map(json::journal_entry).collect(),
            ));
        }
        for e in entries {
            let change = match (&e.before, &e.after) {
                (Some(before), Some(after)) => format!("{before} → {after}"),
                (None, Some(after)) => after.clone(),
                (Some(before), None) => before.clone(),
                (None, None) => String::new(),
            };
            out_line!(
                "{:>6}  {}  {}  {}  {} {} {}  {change}",
                e.seq,
                e.at,
                e.user,
                e.source,
                e.op,
                e.table,
                e.key
            );
        }
    }

    pub fn journal_report(&self, report: &csmsdesk_workspace::JournalReport) {
        if self.json {
            return Self::print_json(&json::journal_report(report, self.lang));
        }
        self.journal_text(report);
    }

    fn journal_text(&self, report: &csmsdesk_workspace::JournalReport) {
        if report.ok() {
            out_line!(
                "{}",
                Message::new("cli.journal.ok")
                    .arg("entries", report.entries)
                    .arg(
                        "hash",
                        report.head.as_ref().map_or("-", |h| h.hash.as_str())
                    )
                    .render(self.lang)
            );
        }
        for problem in &report.problems {
            out_line!(
                "{}",
                csmsdesk_workspace::problem_message(problem).render(self.lang)
            );
        }
    }

    pub fn check_report(&self, report: &csmsdesk_workspace::CheckReport) {
        if self.json {
            return Self::print_json(&json::check_report(report, self.lang));
        }
        if report.integrity.is_empty() {
            out_line!("{}", self.t("cli.check.database_ok"));
        }
        for line in &report.integrity {
            out_line!(
                "{}",
                Message::new("cli.check.database_problem")
                    .arg("detail", line)
                    .render(self.lang)
            );
        }
        if report.blob_problems.is_empty() {
            out_line!(
                "{}",
                Message::new("cli.check.vault_ok")
                    .arg("count", report.blobs_checked)
                    .render(self.lang)
            );
        }
        for problem in &report.blob_problems {
            out_line!("{}", problem.render(self.lang));
        }
        self.journal_text(&report.journal);
    }

    pub fn backup_report(&self, report: &csmsdesk_workspace::BackupReport) {
        if self.json {
            return Self::print_json(&json::backup_report(report));
        }
        out_line!(
            "{}",
            Message::new("cli.backup.written")
                .arg("path", report.path.display())
                .arg("blobs", report.blobs)
                .arg("mib", report.bytes / (1 << 20))
                .arg("sha256", &report.sha256)
                .render(self.lang)
        );
    }

    pub fn restore_report(&self, report: &csmsdesk_workspace::RestoreReport) {
        if self.json {
            return Self::print_json(&json::restore_report(report, self.lang));
        }
        let line = match &report.dir {
            Some(dir) => Message::new("cli.restore.done").arg("path", dir.display()),
            None => Message::new("cli.restore.checked"),
        };
        out_line!(
            "{}",
            line.arg("created_at", &report.created_at)
                .arg("blobs", report.blobs)
                .render(self.lang)
        );
        self.journal_text(&report.journal);
    }

    /// Reports a failed request: always on stderr, and with `--json` also as a JSON document
    /// on stdout so that scripts can branch on the code.
    pub fn error(&self, err: &Error) {
        tracing::debug!(error = ?err, "request failed");
        // The app's log holds an internal failure's details; the CLI writes no log file, so
        // it says how to see them instead.
        let message = if err.code() == csmsdesk_workspace::ErrorCode::Internal {
            Message::new("cli.error.internal")
        } else {
            err.message()
        }
        .render(self.lang);
        let fields: Vec<_> = err
            .field_errors()
            .into_iter()
            .map(|f| (f.field, f.message.render(self.lang)))
            .collect();
        if fields.is_empty() {
            err_line!("{message}");
        } else {
            err_line!("{}", self.t("cli.error.invalid"));
        }
        if err.code() == csmsdesk_workspace::ErrorCode::NeedsConfirmation {
            err_line!("{}", self.t("cli.confirm_hint"));
        }
        for (field, text) in &fields {
            let line = Message::new("cli.error.field")
                .arg("field", field)
                .arg("message", text);
            err_line!("  {}", line.render(self.lang));
        }
        if self.json {
            let fields: Vec<_> = fields
                .iter()
                .map(|(field, text)| json!({"field": field, "message": text}))
                .collect();
            Self::print_json(&json!({
                "error": { "code": err.code().as_str(), "message": message, "fields": fields }
            }));
        }
    }
}

fn sharing(s: &SharingRecord) -> Value {
    json!({
        "id": s.id, "scope_id": s.scope_id, "partner": s.partner,
        "participant_id": s.participant_id, "level": s.level, "date": s.shared_on,
    })
}

fn language_key(language: LanguagePreference) -> &'static str {
    match language {
        LanguagePreference::System => "settings.language_system",
        LanguagePreference::Fixed(Lang::English) => "settings.language_en",
        LanguagePreference::Fixed(Lang::German) => "settings.language_de",
    }
}

fn non_empty(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}
