//! The submission package: a deterministic ZIP with `manifest.json`, `SHA256SUMS` (coreutils
//! format), a self-contained `index.html` and, in the full package, the evidence files; partner
//! packages hold only what their sharing level allows. And `verify` (in `verify.rs`), which
//! re-hashes a package and holds it to what this writer makes.
//!
//! Same workspace state and same generation time give the same bytes: entries sorted, the
//! generation time as every entry's time, fixed permissions, a fixed compression level. The
//! package is written to a temporary file beside the target, fsynced and renamed, so a failed
//! or cancelled export never leaves a file at the target name.

use std::collections::BTreeMap;
use std::io::{Read, Write as _};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike as _, Timelike as _, Utc};
use csmsdesk_core::i18n::Message;
use csmsdesk_core::package::{Level, compresses, href, safe_name, unique_names};
use csmsdesk_store::evidence as evidence_table;
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};
use zip::write::SimpleFileOptions;

use crate::{Error, Invalid, Result, Workspace};

mod verify;
pub use verify::{VerifyReport, verify_package, verify_package_reader};

/// The format of `manifest.json`; grows when its meaning changes.
pub const FORMAT_VERSION: u32 = 1;
/// The checksum file's name.
pub const SUMS: &str = "SHA256SUMS";

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageReport {
    pub path: PathBuf,
    pub sha256: String,
    /// Every entry, in the package's order.
    pub files: Vec<String>,
    pub level: Level,
    scope_id: i64,
    generated_at: String,
}

/// A package ready to be written: made with the workspace, written without it (so the app
/// stays usable while gigabytes of evidence are copied).
pub struct PackagePlan {
    out: PathBuf,
    dir: PathBuf,
    entries: BTreeMap<String, Body>,
    generated_at: DateTime<Utc>,
    level: Level,
    scope_id: i64,
}

impl std::fmt::Debug for PackagePlan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PackagePlan")
            .field("out", &self.out)
            .field("entries", &self.entries.len())
            .field("level", &self.level)
            .finish()
    }
}

/// The journal's entry in a full package.
const JOURNAL: &str = "journal.jsonl";

fn hex(bytes: &[u8]) -> String {
    csmsdesk_store::vault::hex(bytes)
}

/// Escapes text for HTML.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An entry of the package before it is written: its name and where its bytes come from.
enum Body {
    Bytes(Vec<u8>),
    Blob(PathBuf),
}

impl Workspace {
    /// Writes the package of `scope` at `level` to `out` and records it in the history (plan,
    /// write and record in one go, what the CLI does).
    pub fn export_package(
        &mut self,
        scope: &str,
        out: &Path,
        level: &str,
        frozen: Option<i64>,
        generated_at: DateTime<Utc>,
    ) -> Result<PackageReport> {
        let plan = self.plan_package(scope, out, level, frozen, generated_at)?;
        let report = plan.write(&|_| {}, &std::sync::atomic::AtomicBool::new(false))?;
        self.record_package(&report)?;
        Ok(report)
    }

    /// The audits a package speaks of: every audit of the scope, or only `frozen`, which must
    /// be one of them.
    fn package_audits(
        &self,
        scope: &crate::ScopeRecord,
        frozen: Option<i64>,
    ) -> Result<Vec<csmsdesk_store::audit::AuditRecord>> {
        let audits = self.audits(Some(&scope.id.to_string()))?;
        match frozen {
            None => Ok(audits),
            Some(id) => {
                let one: Vec<_> = audits.into_iter().filter(|a| a.id == id).collect();
                if one.is_empty() {
                    return Err(Error::Invalid(vec![Invalid::new(
                        "audit",
                        Message::new("package.audit_of_other_scope")
                            .arg("audit", id)
                            .arg("scope", &scope.name),
                    )]));
                }
                Ok(one)
            }
        }
    }

    /// Records a written package in the workspace history, with its SHA-256.
    pub fn record_package(&mut self, report: &PackageReport) -> Result<()> {
        self.record_export(&csmsdesk_store::exchange::ExportRecord {
            id: 0,
            scope_id: Some(report.scope_id),
            level: report.level.as_str().to_owned(),
            path: report.path.display().to_string(),
            sha256: report.sha256.clone(),
            generated_at: report.generated_at.clone(),
        })
    }

    /// Everything the package of `scope` at `level` will hold, checked: the level, the
    /// target folder, and in the full package every evidence blob (a missing or damaged one
    /// refuses the export, naming every affected item). Nothing is written yet. `frozen`
    /// names the audit the package is for: its results, findings and actions only.
    pub fn plan_package(
        &self,
        scope: &str,
        out: &Path,
        level: &str,
        frozen: Option<i64>,
        generated_at: DateTime<Utc>,
    ) -> Result<PackagePlan> {
        let Some(level) = Level::parse(if level.trim().is_empty() {
            "full"
        } else {
            level
        })
        .filter(|l| *l != Level::DoNotShare) else {
            return Err(Error::Invalid(vec![Invalid::new(
                "level",
                Message::new("package.bad_level").arg("given", level.trim()),
            )]));
        };
        self.refuse_output_inside(out, "out")?;
        let target_dir = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        if !target_dir.is_dir() {
            return Err(Error::Invalid(vec![Invalid::new(
                "out",
                Message::new("package.no_folder").arg("path", target_dir.display().to_string()),
            )]));
        }
        let today = generated_at.date_naive();
        let readiness = self.readiness(scope, today)?;
        let record = readiness.scope.clone();
        let (catalogue, _) = self.catalogue(record.catalogue_id)?;
        let profile = self.company_profile()?;
        let locations: Vec<Value> = self
            .locations()?
            .into_iter()
            .filter(|l| record.location_ids.contains(&l.id))
            .map(|l| json!({ "name": l.name, "tisax_scope_id": l.tisax_scope_id.map(|i| i.to_string()) }))
            .collect();
        let audits = self.package_audits(&record, frozen)?;
        let labels = crate::json::vcs_labels(&self.labels(Some(&record.name))?, today);
        let mut manifest = json!({
            "format": "csmsdesk-package",
            "format_version": FORMAT_VERSION,
            "product": concat!("CSMS Desk ", env!("CARGO_PKG_VERSION")),
            "level": level.as_str(),
            "generated_at": generated_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "company": { "name": profile.company_name, "participant_id": profile.participant_id.map(|i| i.to_string()) },
            "scope": {
                "name": record.name,
                "enx_scope_id": record.enx_scope_id.as_ref().map(ToString::to_string),
                "objectives": record.objectives.iter().map(|o| o.as_str()).collect::<Vec<_>>(),
                "locations": locations,
                "audit_provider": record.audit_provider,
                "planned_audit_date": record.planned_audit_date.map(|d| d.to_string()),
            },
            "audits": audits.iter().map(|a| json!({
                "kind": a.kind.as_str(), "provider": a.provider,
                "opening_meeting": a.opening_meeting.map(|d| d.to_string()),
                "closing_meeting": a.closing_meeting.to_string(),
            })).collect::<Vec<_>>(),
        });
        if level.includes_labels() {
            manifest["labels"] = labels;
        }
        if let Some(audit) = audits.first().filter(|_| frozen.is_some()) {
            manifest["frozen_for_audit"] = json!({
                "kind": audit.kind.as_str(),
                "closing_meeting": audit.closing_meeting.to_string(),
            });
        }
        if level.includes_results() {
            manifest["results"] = json!(
                audits
                    .iter()
                    .map(|a| {
                        self.audit_view(a.id).map(|v| json!({
                    "kind": a.kind.as_str(),
                    "closing_meeting": a.closing_meeting.to_string(),
                    "overall": v.overall.as_str(),
                    "questions": v.questions.iter().filter(|q| q.1).map(|(id, _, r)| json!({
                        "id": id, "result": r.as_ref().map(|r| r.result.as_str()),
                    })).collect::<Vec<_>>(),
                }))
                    })
                    .collect::<Result<Vec<_>>>()?
            );
        }
        let mut entries: BTreeMap<String, Body> = BTreeMap::new();
        if level.includes_internals() {
            self.full_contents(&readiness, &catalogue, frozen, &mut manifest, &mut entries)?;
        }
        let manifest_bytes = serde_json::to_vec_pretty(&manifest).map_err(|e| {
            tracing::error!(error = %e, "manifest");
            Error::Invalid(vec![])
        })?;
        entries.insert(
            "index.html".into(),
            Body::Bytes(index_html(&manifest).into_bytes()),
        );
        entries.insert("manifest.json".into(), Body::Bytes(manifest_bytes));
        Ok(PackagePlan {
            out: out.to_owned(),
            dir: target_dir,
            entries,
            generated_at,
            level,
            scope_id: record.id,
        })
    }

    /// The full package's own parts: per question its applicability, self-assessment and
    /// requirements with their evidence; the evidence files; findings and actions.
    fn full_contents(
        &self,
        readiness: &crate::Readiness,
        catalogue: &csmsdesk_store::catalogue::CatalogueRecord,
        frozen: Option<i64>,
        manifest: &mut Value,
        entries: &mut BTreeMap<String, Body>,
    ) -> Result<()> {
        let record = &readiness.scope;
        let catalogue_id = catalogue.id;
        let links = evidence_table::links_for_scope(self.db.conn(), catalogue_id, record.id)?;
        let items: BTreeMap<i64, evidence_table::EvidenceRecord> =
            evidence_table::list(self.db.conn())?
                .into_iter()
                .map(|e| (e.id, e))
                .collect();
        // Each linked item once, under the first question (in catalogue order) it serves.
        let question_of = |target: &str| -> String {
            readiness
                .requirements
                .iter()
                .find(|r| r.id == target)
                .map(|r| r.question_id.clone())
                .unwrap_or_else(|| target.to_owned())
        };
        let mut placed: BTreeMap<i64, String> = BTreeMap::new();
        for question in &readiness.questions {
            for link in &links {
                if question_of(&link.target_id) == question.id
                    && items.contains_key(&link.evidence_id)
                {
                    placed
                        .entry(link.evidence_id)
                        .or_insert_with(|| question.id.clone());
                }
            }
        }
        let vault = self.vault();
        let damaged: Vec<String> = placed
            .keys()
            .filter_map(|id| items.get(id))
            .filter(|e| !vault.verify(&e.sha256).unwrap_or(false))
            .map(|e| format!("#{} {}", e.id, e.title))
            .collect();
        if !damaged.is_empty() {
            return Err(Error::Invalid(vec![Invalid::new(
                "evidence",
                Message::new("package.blobs_damaged").arg("items", damaged.join(", ")),
            )]));
        }
        let mut by_folder: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
        for (id, question) in &placed {
            by_folder.entry(question.as_str()).or_default().push(*id);
        }
        // Folder names unique too (case ignored): two question IDs that make the same safe
        // name must not share a folder, where one file would replace another and `verify`
        // would rightly call the names duplicates.
        let folders: Vec<String> = by_folder.keys().map(|q| safe_name(q)).collect();
        let mut paths: BTreeMap<i64, String> = BTreeMap::new();
        for ((_, ids), folder) in by_folder.into_iter().zip(unique_names(&folders)) {
            let names: Vec<String> = ids
                .iter()
                .map(|id| safe_name(&items[id].file_name))
                .collect();
            for (id, name) in ids.iter().zip(unique_names(&names)) {
                let path = format!("evidence/{folder}/{name}");
                entries.insert(path.clone(), Body::Blob(vault.blob_path(&items[id].sha256)));
                paths.insert(*id, path);
            }
        }
        manifest["catalogue"] = json!({
            "name": catalogue.name, "version": catalogue.version, "sha256": catalogue.source_sha256,
        });
        manifest["readiness"] = json!({
            "readiness": readiness.tally.readiness(),
            "covered": readiness.tally.covered,
            "needs_review": readiness.tally.needs_review,
            "missing": readiness.tally.missing,
            "predicted_result": readiness.predicted.as_str(),
        });
        let justifications = self.scope_questions(record)?;
        manifest["questions"] = json!(readiness.questions.iter().map(|q| {
            let na = justifications
                .iter()
                .find(|s| s.applicability.question_id == q.id)
                .and_then(|s| s.applicability.overridden.clone())
                .filter(|(applicable, _)| !applicable)
                .map(|(_, reason)| reason);
            json!({
                "id": q.id,
                "applicable": q.applicable,
                "na_justification": na,
                "result": q.assessment.result.map(|r| r.as_str()),
                "implementation": q.assessment.implementation,
                "reference_documentation": q.assessment.reference_documentation,
                "requirements": readiness.requirements.iter().filter(|r| r.question_id == q.id).map(|r| json!({
                    "id": r.id,
                    "state": r.state.as_str(),
                    "evidence": links.iter()
                        .filter(|l| l.target_id == r.id || l.target_id == q.id)
                        .filter(|l| paths.contains_key(&l.evidence_id))
                        .map(|l| l.evidence_id)
                        .collect::<std::collections::BTreeSet<_>>(),
                })).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>());
        manifest["evidence"] =
            json!(paths.iter().map(|(id, path)| {
            let e = &items[id];
            json!({
                "id": e.id, "title": e.title, "type": e.work_product,
                "classification": e.classification.as_str(), "version": e.latest_version,
                "sha256": e.sha256, "size": e.size, "path": path,
            })
        }).collect::<Vec<_>>());
        let audits = self.package_audits(record, frozen)?;
        let mut findings = Vec::new();
        let mut actions = Vec::new();
        for audit in &audits {
            let view = self.audit_view(audit.id)?;
            findings.extend(view.findings.iter().map(crate::json::finding));
            actions.extend(view.actions.iter().map(crate::json::action));
        }
        manifest["findings"] = json!(findings);
        manifest["corrective_actions"] = json!(actions);
        let workbook =
            self.filled_workbook(readiness, catalogue, frozen, &links, &items, &paths)?;
        entries.insert(
            format!(
                "workbook/{}",
                // The extension inside, so that a long scope name is cut before it and the
                // name stays within the limit `verify` holds it to.
                safe_name(&format!("{} - ENX VCS.xlsx", record.name))
            ),
            Body::Bytes(workbook),
        );
        // The journal of every change, so that the auditor's copy can later be held against
        // the workspace: one JSON object per line, oldest first, each with its seal.
        let journal = self.journal_verify()?;
        let mut lines = Vec::new();
        for e in self.journal_entries()? {
            lines.extend_from_slice(crate::json::journal_entry(&e).to_string().as_bytes());
            lines.push(b'\n');
        }
        manifest["journal"] = json!({
            "path": JOURNAL,
            "entries": journal.entries,
            "head": journal.head.as_ref().map(|h| json!({ "seq": h.seq, "hash": h.hash })),
            "verified": journal.ok(),
        });
        entries.insert(JOURNAL.into(), Body::Bytes(lines));
        Ok(())
    }

    /// The scope's self-assessment in the ENX column layout: results, implementation
    /// description, reference documentation (evidence titles and package paths), and from
    /// the corrective actions the responsible department and date of completion; findings and
    /// actions on a sheet of their own.
    fn filled_workbook(
        &self,
        readiness: &crate::Readiness,
        catalogue: &csmsdesk_store::catalogue::CatalogueRecord,
        frozen: Option<i64>,
        links: &[evidence_table::LinkRecord],
        items: &BTreeMap<i64, evidence_table::EvidenceRecord>,
        paths: &BTreeMap<i64, String>,
    ) -> Result<Vec<u8>> {
        use csmsdesk_workbook::{CatalogueLayout, LayoutRow, Table};
        let (_, tree) = self.catalogue(Some(catalogue.id))?;
        let text = |t: &str| (!t.is_empty()).then(|| t.to_owned());
        let audits = self.package_audits(&readiness.scope, frozen)?;
        let mut findings_rows = Vec::new();
        let mut per_question: BTreeMap<String, (Vec<String>, Option<chrono::NaiveDate>)> =
            BTreeMap::new();
        for audit in &audits {
            let view = self.audit_view(audit.id)?;
            for f in &view.findings {
                for a in view.actions.iter().filter(|a| a.finding_id == f.id) {
                    let entry = per_question.entry(f.question_id.clone()).or_default();
                    if !a.department.is_empty() && !entry.0.contains(&a.department) {
                        entry.0.push(a.department.clone());
                    }
                    entry.1 = entry.1.max(Some(a.due));
                    findings_rows.push(vec![
                        audit.kind.as_str().to_owned(),
                        f.question_id.clone(),
                        f.kind.as_str().to_owned(),
                        f.description.clone(),
                        a.description.clone(),
                        a.owner.clone(),
                        a.department.clone(),
                        a.due.to_string(),
                        a.status.as_str().to_owned(),
                    ]);
                }
            }
        }
        let mut rows = Vec::new();
        for chapter in &tree.chapters {
            rows.push(LayoutRow {
                is_title: Some("1".into()),
                p5112: Some("na".into()),
                vcs: Some(chapter.id.clone()),
                question: Some(chapter.title.clone()),
                ..LayoutRow::default()
            });
            for question in &chapter.questions {
                let status = readiness.questions.iter().find(|q| q.id == question.id);
                let references: Vec<String> = links
                    .iter()
                    .filter(|l| {
                        l.target_id == question.id
                            || question.requirements.iter().any(|r| r.id == l.target_id)
                    })
                    .filter_map(|l| {
                        let path = paths.get(&l.evidence_id)?;
                        Some(format!("{} ({path})", items.get(&l.evidence_id)?.title))
                    })
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                let mut reference = status
                    .map(|q| q.assessment.reference_documentation.clone())
                    .unwrap_or_default();
                for line in references {
                    if !reference.is_empty() {
                        reference.push('\n');
                    }
                    reference.push_str(&line);
                }
                let actions = per_question.get(&question.id);
                rows.push(LayoutRow {
                    is_title: Some("2".into()),
                    p5112: text(&question.id_5112),
                    vcs: Some(question.id.clone()),
                    result: status.and_then(|q| {
                        if q.applicable {
                            q.assessment
                                .result
                                .map(|r| r.workbook_spelling().to_owned())
                        } else {
                            Some("NA".to_owned())
                        }
                    }),
                    implementation: status.and_then(|q| text(&q.assessment.implementation)),
                    reference_documentation: text(&reference),
                    question: Some(question.text.clone()),
                    objective: text(&question.objective),
                    department: actions.and_then(|a| text(&a.0.join(", "))),
                    completion: actions.and_then(|a| a.1).map(|d| d.to_string()),
                    ..LayoutRow::default()
                });
                for r in &question.requirements {
                    rows.push(LayoutRow {
                        p5112: text(&r.id_5112),
                        // The workbook's own ID: a repeated one (`3.1.i-2` here) is written as
                        // the workbook has it.
                        vcs: Some(workbook_id(&r.id).to_owned()),
                        must: text(&r.must),
                        must_ref: text(&r.must_references),
                        should: text(&r.should),
                        should_ref: text(&r.should_references),
                        further: text(&r.further_information),
                        evidence: text(&r.possible_evidence),
                        ..LayoutRow::default()
                    });
                }
            }
        }
        let layout = CatalogueLayout {
            cover: csmsdesk_workbook::Cover {
                title: format!(
                    "{} {} – {}",
                    catalogue.name, catalogue.version, readiness.scope.name
                ),
                notice: concat!("Written by CSMS Desk ", env!("CARGO_PKG_VERSION"), ".").to_owned(),
            },
            history: Vec::new(),
            rows,
            tables: vec![Table {
                name: "Findings".into(),
                headers: [
                    "Audit",
                    "Question",
                    "Finding type",
                    "Finding",
                    "Corrective action",
                    "Owner",
                    "Department",
                    "Due",
                    "Status",
                ]
                .iter()
                .map(|h| (*h).to_owned())
                .collect(),
                rows: findings_rows,
            }],
        };
        csmsdesk_workbook::write_catalogue_layout(&layout).map_err(|source| Error::Workbook {
            file: "workbook.xlsx".into(),
            source,
        })
    }
}

/// A requirement ID as the workbook writes it: without the suffix we give a repeated ID.
fn workbook_id(id: &str) -> &str {
    match id.rsplit_once('-') {
        Some((base, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => base,
        _ => id,
    }
}

/// The readable, printable page of a package: no script, no outside resource.
fn index_html(manifest: &Value) -> String {
    let text = |v: &Value| html(v.as_str().unwrap_or(""));
    let mut page = String::from(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>CSMS Desk package</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:60em}\
         table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3em;text-align:left;vertical-align:top}\
         @media print{a{color:inherit}}</style>\n</head>\n<body>\n",
    );
    page.push_str(&format!(
        "<h1>{}</h1>\n<p>{} · {} · {}</p>\n",
        text(&manifest["scope"]["name"]),
        text(&manifest["company"]["name"]),
        text(&manifest["level"]),
        text(&manifest["generated_at"]),
    ));
    if let Some(r) = manifest.get("readiness") {
        page.push_str(&format!(
            "<p>Readiness {:.0} % · predicted result {}</p>\n",
            r["readiness"].as_f64().unwrap_or(0.0) * 100.0,
            text(&r["predicted_result"])
        ));
    }
    if let Some(questions) = manifest.get("questions").and_then(Value::as_array) {
        let evidence: BTreeMap<i64, (&str, &str)> = manifest["evidence"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                (
                    e["id"].as_i64().unwrap_or(0),
                    (
                        e["title"].as_str().unwrap_or(""),
                        e["path"].as_str().unwrap_or(""),
                    ),
                )
            })
            .collect();
        page.push_str("<table>\n<tr><th>Question</th><th>Result</th><th>Requirements and evidence</th></tr>\n");
        for q in questions {
            let mut cell = String::new();
            for r in q["requirements"].as_array().into_iter().flatten() {
                cell.push_str(&format!("{} ({})", text(&r["id"]), text(&r["state"])));
                for id in r["evidence"].as_array().into_iter().flatten() {
                    if let Some((title, path)) = evidence.get(&id.as_i64().unwrap_or(0)) {
                        // The link percent-encoded (a name may hold `%`, `#` or `?`), the
                        // text as the title reads.
                        cell.push_str(&format!(
                            " <a href=\"{}\">{}</a>",
                            html(&href(path)),
                            html(title)
                        ));
                    }
                }
                cell.push_str("<br>\n");
            }
            let result = if q["applicable"] == true {
                text(&q["result"])
            } else {
                "NA".into()
            };
            page.push_str(&format!(
                "<tr><td>{}</td><td>{result}</td><td>{cell}</td></tr>\n",
                text(&q["id"])
            ));
        }
        page.push_str("</table>\n");
    }
    if let Some(labels) = manifest.get("labels").and_then(Value::as_array) {
        page.push_str("<h2>Labels</h2>\n<ul>\n");
        for l in labels {
            page.push_str(&format!(
                "<li>{} {}: {} – {}</li>\n",
                text(&l["objective"]),
                text(&l["kind"]),
                text(&l["valid_from"]),
                text(&l["expires"])
            ));
        }
        page.push_str("</ul>\n");
    }
    page.push_str("</body>\n</html>\n");
    page
}

/// A file being written at `path` failed (also used by the backup).
pub(crate) fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::FileUnwritable {
        path: path.to_owned(),
        source,
    }
}

pub(crate) fn zip_error(path: &Path, e: zip::result::ZipError) -> Error {
    io_error(path, std::io::Error::other(e.to_string()))
}

/// `at` as a ZIP entry time (DOS time: whole seconds of even number, from 1980).
pub(crate) fn zip_time(at: DateTime<Utc>) -> zip::DateTime {
    zip::DateTime::from_date_and_time(
        u16::try_from(at.year()).unwrap_or(1980),
        at.month() as u8,
        at.day() as u8,
        at.hour() as u8,
        at.minute() as u8,
        at.second() as u8,
    )
    .unwrap_or_default()
}

impl PackagePlan {
    /// Writes the entries and their `SHA256SUMS` as a ZIP at the target, atomically: a
    /// temporary file beside it, fsynced and renamed. `progress` hears of each entry (bytes
    /// of evidence copied); when `cancel` is set, the temporary file is removed and nothing
    /// appears at the target.
    pub fn write(
        self,
        progress: &(dyn Fn(crate::Progress) + Sync),
        cancel: &std::sync::atomic::AtomicBool,
    ) -> Result<PackageReport> {
        let PackagePlan {
            out,
            dir,
            entries,
            generated_at,
            level,
            scope_id,
        } = self;
        let mut report = write_package(&out, &dir, entries, generated_at, level, progress, cancel)?;
        report.scope_id = scope_id;
        Ok(report)
    }
}

/// Writes `entries` and their `SHA256SUMS` as a ZIP at `out`, atomically.
fn write_package(
    out: &Path,
    dir: &Path,
    entries: BTreeMap<String, Body>,
    generated_at: DateTime<Utc>,
    level: Level,
    progress: &(dyn Fn(crate::Progress) + Sync),
    cancel: &std::sync::atomic::AtomicBool,
) -> Result<PackageReport> {
    let cancelled = || cancel.load(std::sync::atomic::Ordering::Relaxed);
    let size_of = |body: &Body| match body {
        Body::Bytes(bytes) => bytes.len() as u64,
        Body::Blob(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
    };
    let bytes_total: u64 = entries.values().map(size_of).sum();
    // Stored entries take their size; a margin covers headers and the checksum file.
    let needed = bytes_total + (1 << 20);
    if let Ok(available) = csmsdesk_store::vault::available_space(dir)
        && available < needed
    {
        return Err(Error::Invalid(vec![Invalid::new(
            "out",
            Message::new("package.no_space")
                .arg("needed_mib", needed.div_ceil(1 << 20))
                .arg("available_mib", available / (1 << 20))
                .arg("path", dir.display().to_string()),
        )]));
    }
    let mut bytes_done = 0u64;
    let time = zip_time(generated_at);
    let options = |name: &str, size: u64| {
        let method = if compresses(name) {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        SimpleFileOptions::default()
            .compression_method(method)
            .compression_level(compresses(name).then_some(6))
            .last_modified_time(time)
            .unix_permissions(0o644)
            // ZIP64 only where an entry needs it, so that small packages stay plain ZIP.
            .large_file(size >= u64::from(u32::MAX))
    };
    let temp = crate::partial::create(dir, "package").map_err(|e| io_error(out, e))?;
    let mut zip = zip::ZipWriter::new(temp);
    let mut sums = String::new();
    let mut files = Vec::new();
    for (index, (name, body)) in entries.iter().enumerate() {
        let size = size_of(body);
        zip.start_file(name.as_str(), options(name, size))
            .map_err(|e| zip_error(out, e))?;
        let mut hasher = Sha256::new();
        match body {
            Body::Bytes(bytes) => {
                hasher.update(bytes);
                zip.write_all(bytes).map_err(|e| io_error(out, e))?;
            }
            Body::Blob(path) => {
                let mut file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
                let mut buffer = vec![0; 1 << 20];
                loop {
                    if cancelled() {
                        return Err(Error::Cancelled);
                    }
                    let n = file.read(&mut buffer).map_err(|e| io_error(path, e))?;
                    if n == 0 {
                        break;
                    }
                    hasher.update(&buffer[..n]);
                    zip.write_all(&buffer[..n]).map_err(|e| io_error(out, e))?;
                }
            }
        }
        sums.push_str(&format!("{}  {name}\n", hex(&hasher.finalize())));
        files.push(name.clone());
        bytes_done += size;
        progress(crate::Progress {
            files_done: index + 1,
            files_total: entries.len(),
            bytes_done,
            bytes_total,
        });
    }
    if cancelled() {
        return Err(Error::Cancelled);
    }
    zip.start_file(SUMS, options(SUMS, sums.len() as u64))
        .map_err(|e| zip_error(out, e))?;
    zip.write_all(sums.as_bytes())
        .map_err(|e| io_error(out, e))?;
    files.push(SUMS.to_owned());
    let temp = zip.finish().map_err(|e| zip_error(out, e))?;
    temp.as_file().sync_all().map_err(|e| io_error(out, e))?;
    temp.persist(out).map_err(|e| io_error(out, e.error))?;
    csmsdesk_store::vault::sync_dir(dir);
    let (blob, _) =
        csmsdesk_store::vault::hash_file(out, &std::sync::atomic::AtomicBool::new(false))
            .map_err(|e| io_error(out, std::io::Error::other(e.to_string())))?;
    Ok(PackageReport {
        path: out.to_owned(),
        sha256: blob.sha256,
        files,
        level,
        scope_id: 0,
        generated_at: generated_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    })
}

/// The generation time a user gives for a package (`--generated-at`): RFC 3339, in the years a
/// user may enter.
pub fn parse_generated_at(text: &str) -> Result<DateTime<Utc>> {
    let at = DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            Error::Invalid(vec![Invalid::new(
                "generated_at",
                Message::new("package.bad_time").arg("given", text.trim()),
            )])
        })?;
    csmsdesk_core::dates::check_date(at.date_naive()).map_err(|message| {
        Error::Invalid(vec![Invalid::new(
            "generated_at",
            message.arg("given", text.trim()),
        )])
    })?;
    Ok(at)
}

#[cfg(test)]
mod tests;
