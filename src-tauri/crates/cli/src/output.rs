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
        println!(
            "{}",
            serde_json::to_string_pretty(value).unwrap_or_default()
        );
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
            println!("{text}");
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
            println!("{label:width$}  {value}");
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
        println!("{}", line.render(self.lang));
        for note in &outcome.notes {
            let CatalogueNote::DuplicateRequirementRenamed { id, renamed, row } = note;
            let line = Message::new("catalogue.note_duplicate")
                .arg("id", id)
                .arg("renamed", renamed)
                .arg("row", row);
            println!("  {}", line.render(self.lang));
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
            println!("{}", line.render(self.lang));
            for (from, to) in &change.changes.moved {
                println!("  {from} → {to}");
            }
            for id in &change.changes.added {
                println!("  + {id}");
            }
            for id in &change.changes.removed {
                println!("  − {id}");
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
            println!("{}", self.t("cli.catalogue.none"));
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
            println!("{line}");
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
        println!(
            "{} {} ({})",
            record.name, record.version, record.source_file
        );
        let first_line = |text: &str| text.lines().next().unwrap_or_default().to_owned();
        for chapter in &tree.chapters {
            println!("\n{} {}", chapter.id, chapter.title);
            for q in &chapter.questions {
                println!("  {:<6} {}", q.id, first_line(&q.text));
                for r in &q.requirements {
                    let kinds = match (r.must.is_empty(), r.should.is_empty()) {
                        (false, false) => "must+should",
                        (false, true) => "must",
                        (true, false) => "should",
                        (true, true) => "-",
                    };
                    println!(
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
            println!(
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
        println!("deadlines.notify_days = {notify_days}");
        println!("{matrix}");
        println!(
            "{}",
            Message::new("cli.rules.warning_days")
                .arg("days", warning_days)
                .render(self.lang)
        );
        if let Value::Object(rules) = months {
            for (key, value) in rules {
                println!("{key} = {value}");
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
        println!("{}", line.render(self.lang));
    }

    pub fn audits(&self, list: &[AuditRecord]) {
        if self.json {
            return Self::print_json(&Value::Array(list.iter().map(json::audit).collect()));
        }
        for a in list {
            println!(
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
        println!(
            "#{} {} {} ({}): {}",
            a.id,
            a.kind.as_str(),
            v.scope,
            a.closing_meeting,
            v.overall.as_str()
        );
        for (question, _, result) in v.questions.iter().filter(|q| q.1) {
            let result = result.as_ref().map_or("-", |r| r.result.as_str());
            println!("  {question:<6} {result}");
        }
        for f in &v.findings {
            println!(
                "  [{}] {} {}: {}",
                f.id,
                f.question_id,
                f.kind.as_str(),
                f.description
            );
            for action in v.actions.iter().filter(|x| x.finding_id == f.id) {
                println!(
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
            println!("{question}  {before} → {}", after.as_str());
        }
        for (question, text) in &import.measures {
            println!("{question}  CAPA: {text}");
        }
        for (row, _, message) in &import.skipped {
            println!("{} {row}: {}", self.t("cli.row"), message.render(self.lang));
        }
        let key = if import.applied {
            "cli.assess.applied"
        } else {
            "cli.assess.preview"
        };
        let count = import.results.len() + import.measures.len();
        println!(
            "{}",
            Message::new(key).arg("count", count).render(self.lang)
        );
    }

    pub fn finding(&self, f: &FindingRecord) {
        if self.json {
            return Self::print_json(&json!({ "finding": json::finding(f) }));
        }
        println!(
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
        println!(
            "{}",
            Message::new("cli.action.added")
                .arg("id", a.id)
                .render(self.lang)
        );
        for warning in warnings {
            eprintln!("{}", warning.render(self.lang));
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
            println!(
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
            println!("{}: {}", s.scope.name, s.next_step.render(self.lang));
            for l in &s.outcome.labels {
                let countdown = countdown(l.days_left(today)).render(self.lang);
                println!(
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
            println!(
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
            println!("{}", self.t("cli.done"));
        }
    }

    pub fn location_added(&self, l: &LocationRecord) {
        if self.json {
            return Self::print_json(&json!({ "location": { "id": l.id, "name": l.name } }));
        }
        println!(
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
            println!("{}  {}  [{}]", l.id, l.name, labels.join("; "));
        }
    }

    pub fn scope_added(&self, s: &ScopeRecord) {
        if self.json {
            return Self::print_json(&json!({ "scope": { "id": s.id, "name": s.name } }));
        }
        println!(
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
            println!("{}", line.render(self.lang));
        }
    }

    pub fn scope_check(&self, view: &ScopeView) {
        if self.json {
            return Self::print_json(&json::check(view, self.lang));
        }
        let line = Message::new("cli.scope.checked")
            .arg("name", &view.scope.name)
            .arg("date", view.checked_on);
        println!("{}", line.render(self.lang));
        if view.problems.is_empty() {
            println!("  ✓ {}", self.t("cli.scope.all_met"));
        }
        for p in &view.problems {
            let mark = match p.severity() {
                Severity::Error => "✗",
                Severity::Warning => "!",
            };
            println!("  {mark} {}", p.message().render(self.lang));
        }
    }

    pub fn po_added(&self, p: &ProtectionObjectRecord) {
        if self.json {
            return Self::print_json(
                &json!({ "protection_object": { "id": p.id, "name": p.name } }),
            );
        }
        println!(
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
            println!(
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
            println!("{}", line.render(self.lang));
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
            eprintln!();
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
                FileResult::Failed(message) => message.clone(),
            };
            println!("{}", line.render(self.lang));
        }
        if report.cancelled {
            println!("{}", self.t("cli.cancelled"));
        }
    }

    pub fn evidence_list(&self, list: &[EvidenceView]) {
        if self.json {
            return Self::print_json(&Value::Array(list.iter().map(json::evidence).collect()));
        }
        for v in list {
            let links: Vec<&str> = v.links.iter().map(|l| l.link.target_id.as_str()).collect();
            println!(
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
        println!("#{}  {}  ({})", r.id, r.title, view.state.as_str());
        println!("  {}", r.source_path.display());
        for v in versions {
            println!(
                "  v{}  {}  {} B  {}",
                v.version, v.sha256, v.size, v.recorded_at
            );
        }
        for l in &view.links {
            let scope = l.scope.as_deref().unwrap_or("*");
            println!("  → {} ({scope}) [link {}]", l.link.target_id, l.link.id);
        }
    }

    pub fn linked(&self, added: usize) {
        if self.json {
            return Self::print_json(&json!({ "added": added }));
        }
        println!(
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
        println!("{}", line.render(self.lang));
        for (_, message) in &report.failed {
            println!("  {}", message.render(self.lang));
        }
        if report.cancelled {
            println!("{}", self.t("cli.cancelled"));
        }
    }

    pub fn evidence_findings(&self, findings: &EvidenceFindings) {
        if self.json {
            return Self::print_json(&json::evidence_findings(findings));
        }
        for group in &findings.duplicates {
            let items: Vec<String> = group.iter().map(|(id, t)| format!("#{id} {t}")).collect();
            println!("{}: {}", self.t("evidence.duplicates"), items.join(" = "));
        }
        for (id, title) in &findings.orphans {
            println!("{}: #{id} {title}", self.t("evidence.orphans"));
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
            println!(
                "{}  {}: “{}” → “{}”",
                c.question_id, c.field, c.before, c.after
            );
        }
        for (row, _, message) in &import.skipped {
            println!("{} {row}: {}", self.t("cli.row"), message.render(self.lang));
        }
        let key = if import.applied {
            "cli.assess.applied"
        } else {
            "cli.assess.preview"
        };
        println!(
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
        println!("{}", line.render(self.lang));
        for q in r.questions.iter().filter(|q| q.applicable) {
            let state = q.state.map_or("na", |s| s.as_str());
            let result = q.assessment.result.map_or("-", |r| r.as_str());
            println!("  {:<6} {:<13} {result}", q.id, state);
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
        println!("{}", line.render(self.lang));
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
            println!(
                "{}",
                Message::new("cli.verify.ok")
                    .arg("entries", report.entries)
                    .render(self.lang)
            );
        }
        for problem in problems {
            println!("{problem}");
        }
    }

    pub fn sharing_added(&self, s: &SharingRecord, warnings: &[Message]) {
        let warnings: Vec<String> = warnings.iter().map(|w| w.render(self.lang)).collect();
        if self.json {
            return Self::print_json(&json!({ "sharing": sharing(s), "warnings": warnings }));
        }
        self.done();
        for warning in warnings {
            eprintln!("{warning}");
        }
    }

    pub fn sharings(&self, list: &[SharingRecord]) {
        if self.json {
            return Self::print_json(&Value::Array(list.iter().map(sharing).collect()));
        }
        for s in list {
            println!(
                "{}  {} ({})  {}",
                s.shared_on, s.partner, s.participant_id, s.level
            );
        }
    }

    /// Reports a failed request: always on stderr, and with `--json` also as a JSON document
    /// on stdout so that scripts can branch on the code.
    pub fn error(&self, err: &Error) {
        tracing::debug!(error = ?err, "request failed");
        let message = err.message().render(self.lang);
        let fields: Vec<_> = err
            .field_errors()
            .into_iter()
            .map(|f| (f.field, f.message.render(self.lang)))
            .collect();
        if fields.is_empty() {
            eprintln!("{message}");
        } else {
            eprintln!("{}", self.t("cli.error.invalid"));
        }
        for (field, text) in &fields {
            let line = Message::new("cli.error.field")
                .arg("field", field)
                .arg("message", text);
            eprintln!("  {}", line.render(self.lang));
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
