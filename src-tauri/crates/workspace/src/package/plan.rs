//! Planning a package: what goes in (manifest, evidence files, filled workbooks, journal) for
//! the full package or a partner's sharing level, and recording that it was exported.

use crate::ScopeId;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use csmsdesk_core::i18n::Message;
use csmsdesk_core::package::{Level, safe_name, unique_names};
use csmsdesk_store::evidence as evidence_table;

use super::index_html::index_html;
use super::review::{PackageOptions, Versions};
use super::{Body, FORMAT_VERSION, JOURNAL, PackagePlan, PackageReport, REPORT};
use crate::wire::{
    AuditResults, FrozenFor, FullContents, Manifest, ManifestAudit, ManifestCatalogue,
    ManifestCompany, ManifestEvidence, ManifestJournal, ManifestLocation, ManifestPhase,
    ManifestProtectionObject, ManifestQuestion, ManifestReadiness, ManifestRequirement,
    ManifestSample, ManifestScope, ManifestTisaxLabel, QuestionResult,
};
use crate::{Error, Invalid, Result, Workspace};

/// A package level as typed (empty: full); `do-not-share` is no package.
pub(super) fn parse_level(level: &str) -> Result<Level> {
    Level::parse(if level.trim().is_empty() {
        "full"
    } else {
        level
    })
    .filter(|l| *l != Level::DoNotShare)
    .ok_or_else(|| {
        Error::Invalid(vec![Invalid::new(
            "level",
            Message::new("package.bad_level").arg("given", level.trim()),
        )])
    })
}

impl Workspace {
    /// Writes the package of `scope` at `level` to `out` and records it in the history (plan,
    /// write and record in one go, what the CLI does).
    pub fn export_package(
        &mut self,
        scope: ScopeId,
        out: &Path,
        level: &str,
        frozen: Option<i64>,
        generated_at: DateTime<Utc>,
    ) -> Result<PackageReport> {
        self.export_package_with(
            scope,
            out,
            &PackageOptions::new(level, frozen, generated_at),
        )
    }

    /// `export_package` with every choice spelled out.
    pub fn export_package_with(
        &mut self,
        scope: ScopeId,
        out: &Path,
        options: &PackageOptions,
    ) -> Result<PackageReport> {
        let plan = self.plan_package_with(scope, out, options)?;
        let report = plan.write(&|_| {}, &std::sync::atomic::AtomicBool::new(false))?;
        self.record_package(&report)?;
        Ok(report)
    }

    /// The audits a package speaks of: every audit of the scope, or only `frozen`, which must
    /// be one of them.
    pub(super) fn package_audits(
        &self,
        scope: &crate::ScopeRecord,
        frozen: Option<i64>,
    ) -> Result<Vec<csmsdesk_store::audit::AuditRecord>> {
        let audits = self.audits(Some(ScopeId(scope.id)))?;
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
        scope: ScopeId,
        out: &Path,
        level: &str,
        frozen: Option<i64>,
        generated_at: DateTime<Utc>,
    ) -> Result<PackagePlan> {
        self.plan_package_with(
            scope,
            out,
            &PackageOptions::new(level, frozen, generated_at),
        )
    }

    /// `plan_package` with every choice: which evidence versions, the language of
    /// `index.html`, and whether a partner package above the scope's publication and
    /// sharings is meant (without `force` it is refused, saying why).
    pub fn plan_package_with(
        &self,
        scope: ScopeId,
        out: &Path,
        options: &PackageOptions,
    ) -> Result<PackagePlan> {
        // Everything the package says is read from one snapshot of the workspace.
        self.db
            .snapshot(|| self.plan_package_on_snapshot(scope, out, options))
    }

    fn plan_package_on_snapshot(
        &self,
        scope: ScopeId,
        out: &Path,
        options: &PackageOptions,
    ) -> Result<PackagePlan> {
        let (frozen, generated_at) = (options.frozen, options.generated_at);
        let level = parse_level(&options.level)?;
        if !options.force {
            let name = self.scope(scope)?.name;
            if let Some(message) = self.above_shared(scope, &name, level, "package.above_shared")? {
                return Err(Error::Invalid(vec![Invalid::new("level", message)]));
            }
        }
        self.refuse_output_inside(out, "out")?;
        if out.is_dir() {
            return Err(Error::Invalid(vec![Invalid::new(
                "out",
                Message::new("package.out_is_folder")
                    .arg("path", out.display())
                    .arg("example", out.join("csms-package.zip").display()),
            )]));
        }
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
        let locations: Vec<ManifestLocation> = self
            .locations()?
            .into_iter()
            .filter(|l| record.location_ids.contains(&l.id))
            .map(|l| ManifestLocation {
                name: l.name,
                tisax_scope_id: l.tisax_scope_id.map(|i| i.to_string()),
                tisax_labels: level.includes_internals().then(|| {
                    l.labels
                        .iter()
                        .map(|t| ManifestTisaxLabel {
                            label: t.label.clone(),
                            assessment_level: t.level,
                            expires: t.expires.to_string(),
                        })
                        .collect()
                }),
            })
            .collect();
        let audits = self.package_audits(&record, frozen)?;
        let labels = crate::wire::vcs_labels(&self.labels(Some(ScopeId(record.id)))?, today);
        let results = if level.includes_results() {
            let results = audits
                .iter()
                .map(|a| {
                    self.audit_view(crate::AuditId(a.id)).map(|v| AuditResults {
                        kind: a.kind.as_str(),
                        closing_meeting: a.closing_meeting.to_string(),
                        overall: v.overall.as_str(),
                        questions: v
                            .questions
                            .iter()
                            .filter(|q| q.1)
                            .map(|(id, _, r)| QuestionResult {
                                id: id.clone(),
                                result: r.as_ref().map(|r| r.result.as_str()),
                            })
                            .collect(),
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            Some(results)
        } else {
            None
        };
        let mut entries: BTreeMap<String, Body> = BTreeMap::new();
        let contents = if level.includes_internals() {
            Some(self.full_contents(&readiness, &catalogue, frozen, options, &mut entries)?)
        } else {
            None
        };
        let manifest = Manifest {
            format: "csmsdesk-package",
            format_version: FORMAT_VERSION,
            product: concat!("CSMS Desk ", env!("CARGO_PKG_VERSION")),
            level: level.as_str(),
            generated_at: generated_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            company: ManifestCompany {
                name: profile.company_name,
                participant_id: profile.participant_id.map(|i| i.to_string()),
            },
            scope: ManifestScope {
                name: record.name.clone(),
                enx_scope_id: record.enx_scope_id.as_ref().map(ToString::to_string),
                objectives: record.objectives.iter().map(|o| o.as_str()).collect(),
                locations,
                audit_provider: record.audit_provider.clone(),
                planned_audit_date: record.planned_audit_date.map(|d| d.to_string()),
            },
            audits: audits
                .iter()
                .map(|a| ManifestAudit {
                    kind: a.kind.as_str(),
                    provider: a.provider.clone(),
                    opening_meeting: a.opening_meeting.map(|d| d.to_string()),
                    closing_meeting: a.closing_meeting.to_string(),
                    phases: level.includes_internals().then(|| {
                        csmsdesk_core::audit::PHASES
                            .iter()
                            .zip(a.phases)
                            .map(|(phase, state)| ManifestPhase {
                                phase,
                                state: state.as_str(),
                            })
                            .collect()
                    }),
                })
                .collect(),
            labels: level.includes_labels().then_some(labels),
            frozen_for_audit: audits
                .first()
                .filter(|_| frozen.is_some())
                .map(|audit| FrozenFor {
                    kind: audit.kind.as_str(),
                    closing_meeting: audit.closing_meeting.to_string(),
                }),
            results,
            contents,
        };
        // Through `Value`, whose keys are sorted: the manifest's bytes stay what they were.
        let manifest = serde_json::to_value(&manifest).map_err(|e| {
            tracing::error!(error = %e, "manifest");
            Error::Invalid(vec![])
        })?;
        let manifest_bytes = serde_json::to_vec_pretty(&manifest).map_err(|e| {
            tracing::error!(error = %e, "manifest");
            Error::Invalid(vec![])
        })?;
        entries.insert(
            "index.html".into(),
            Body::Bytes(index_html(&manifest, options.lang).into_bytes()),
        );
        entries.insert("manifest.json".into(), Body::Bytes(manifest_bytes));
        Ok(PackagePlan {
            out: out.to_owned(),
            dir: target_dir,
            vault: self.vault(),
            entries,
            generated_at,
            level,
            scope_id: record.id,
        })
    }

    /// The full package's own parts: per question its applicability, self-assessment and
    /// requirements with their evidence; the evidence files; findings and actions.
    pub(super) fn full_contents(
        &self,
        readiness: &crate::Readiness,
        catalogue: &csmsdesk_store::catalogue::CatalogueRecord,
        frozen: Option<i64>,
        options: &PackageOptions,
        entries: &mut BTreeMap<String, Body>,
    ) -> Result<FullContents> {
        let versions = options.versions;
        let record = &readiness.scope;
        let catalogue_id = catalogue.id;
        let links = evidence_table::links_for_scope(self.db.conn(), catalogue_id, record.id)?;
        let mut items: BTreeMap<i64, evidence_table::EvidenceRecord> =
            evidence_table::list(self.db.conn())?
                .into_iter()
                .map(|e| (e.id, e))
                .collect();
        // The newest version of each item, before `reviewed` puts the reviewed one in its place.
        let latest: BTreeMap<i64, i64> = items.values().map(|e| (e.id, e.latest_version)).collect();
        if versions == Versions::Reviewed {
            let linked: std::collections::BTreeSet<i64> =
                links.iter().map(|l| l.evidence_id).collect();
            for e in items.values_mut() {
                if linked.contains(&e.id) && e.reviewed_version < e.latest_version {
                    let reviewed = evidence_table::versions(self.db.conn(), e.id)?
                        .into_iter()
                        .find(|v| v.version == e.reviewed_version);
                    if let Some(v) = reviewed {
                        e.latest_version = v.version;
                        e.sha256 = v.sha256;
                        e.size = v.size;
                        e.file_name = v.file_name;
                    }
                }
            }
        }
        let reviews = self.reviews()?;
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
                entries.insert(
                    path.clone(),
                    Body::Blob(items[id].sha256.clone(), items[id].size),
                );
                paths.insert(*id, path);
            }
        }
        let justifications = self.scope_questions(record)?;
        let questions = readiness
            .questions
            .iter()
            .map(|q| {
                let na = justifications
                    .iter()
                    .find(|s| s.applicability.question_id == q.id)
                    .and_then(|s| s.applicability.overridden.clone())
                    .filter(|(applicable, _)| !applicable)
                    .map(|(_, reason)| reason);
                let deviations: BTreeMap<&str, &str> = justifications
                    .iter()
                    .filter(|s| s.applicability.question_id == q.id)
                    .flat_map(|s| s.should_requirements.iter())
                    .filter_map(|(id, d)| Some((id.as_str(), d.as_deref()?)))
                    .collect();
                ManifestQuestion {
                    id: q.id.clone(),
                    applicable: q.applicable,
                    na_justification: na,
                    result: q.assessment.result.map(|r| r.as_str()),
                    implementation: q.assessment.implementation.clone(),
                    reference_documentation: q.assessment.reference_documentation.clone(),
                    requirements: readiness
                        .requirements
                        .iter()
                        .filter(|r| r.question_id == q.id)
                        .map(|r| ManifestRequirement {
                            id: r.id.clone(),
                            state: r.state.as_str(),
                            deviation: deviations.get(r.id.as_str()).map(|d| (*d).to_owned()),
                            evidence: links
                                .iter()
                                .filter(|l| l.target_id == r.id || l.target_id == q.id)
                                .filter(|l| paths.contains_key(&l.evidence_id))
                                .map(|l| l.evidence_id)
                                .collect(),
                        })
                        .collect(),
                }
            })
            .collect::<Vec<ManifestQuestion>>();
        // The justifications of NA and of deviations, for the workbook's implementation column.
        let notes: BTreeMap<String, String> = questions
            .iter()
            .filter_map(|q| {
                let mut lines: Vec<String> = q
                    .na_justification
                    .iter()
                    .map(|j| {
                        Message::new("package.workbook_na")
                            .arg("justification", j)
                            .render(options.lang)
                    })
                    .collect();
                lines.extend(q.requirements.iter().filter_map(|r| {
                    Some(
                        Message::new("package.workbook_deviation")
                            .arg("requirement", &r.id)
                            .arg("justification", r.deviation.as_deref()?)
                            .render(options.lang),
                    )
                }));
                (!lines.is_empty()).then(|| (q.id.clone(), lines.join("\n")))
            })
            .collect();
        let evidence = paths
            .iter()
            .map(|(id, path)| {
                let e = &items[id];
                ManifestEvidence {
                    id: e.id,
                    title: e.title.clone(),
                    work_product: e.work_product.clone(),
                    classification: e.classification.as_str(),
                    version: e.latest_version,
                    latest_version: latest.get(id).copied().unwrap_or(e.latest_version),
                    reviewed: e.latest_version == e.reviewed_version,
                    reviewed_by: (e.latest_version == e.reviewed_version)
                        .then(|| reviews.get(&(e.id, e.reviewed_version)))
                        .flatten()
                        .map(|r| r.by.clone()),
                    reviewed_at: (e.latest_version == e.reviewed_version)
                        .then(|| reviews.get(&(e.id, e.reviewed_version)))
                        .flatten()
                        .map(|r| r.at.clone()),
                    sha256: e.sha256.clone(),
                    size: e.size,
                    path: path.clone(),
                }
            })
            .collect();
        let audits = self.package_audits(record, frozen)?;
        let mut findings = Vec::new();
        let mut actions = Vec::new();
        for audit in &audits {
            let view = self.audit_view(crate::AuditId(audit.id))?;
            findings.extend(view.findings.iter().map(crate::wire::finding));
            actions.extend(view.actions.iter().map(crate::wire::action));
        }
        let (workbook, workbook_kind) =
            self.package_workbook(readiness, catalogue, frozen, &links, &items, &paths, &notes)?;
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
            lines.extend_from_slice(
                serde_json::to_value(crate::wire::journal_entry(&e))
                    .unwrap_or_default()
                    .to_string()
                    .as_bytes(),
            );
            lines.push(b'\n');
        }
        entries.insert(JOURNAL.into(), Body::Bytes(lines));
        // The printable report, as `csmsdesk-cli report` writes it for the same choices.
        let report_options = crate::ReportOptions {
            audit: frozen.map(crate::AuditId),
            lang: options.lang,
            generated_at: options.generated_at,
        };
        let (report, _) = self.report_pdf(crate::ScopeId(record.id), &report_options)?;
        entries.insert(REPORT.into(), Body::Bytes(report));
        Ok(FullContents {
            catalogue: ManifestCatalogue {
                name: catalogue.name.clone(),
                version: catalogue.version.clone(),
                sha256: catalogue.source_sha256.clone(),
            },
            protection_objects: self
                .protection_objects(crate::ScopeId(record.id))?
                .into_iter()
                .map(|p| ManifestProtectionObject {
                    name: p.name,
                    item: p.item,
                    customer: p.customer,
                    objectives: p.objectives.iter().map(|o| o.as_str()).collect(),
                })
                .collect(),
            samples: self
                .sampling(crate::ScopeId(record.id))?
                .into_iter()
                .map(|s| ManifestSample {
                    objective: s.objective.as_str(),
                    population: s.population,
                    suggested: s.suggested,
                    chosen: s.chosen,
                })
                .collect(),
            evidence_versions: versions.as_str(),
            readiness: ManifestReadiness {
                readiness: readiness.tally.readiness(),
                covered: readiness.tally.covered,
                needs_review: readiness.tally.needs_review,
                missing: readiness.tally.missing,
                predicted_result: readiness.predicted.as_str(),
            },
            workbook: workbook_kind,
            questions,
            evidence,
            findings,
            corrective_actions: actions,
            report: REPORT,
            journal: ManifestJournal {
                path: JOURNAL,
                entries: journal.entries,
                head: journal.head.as_ref().map(crate::wire::journal_head),
                verified: journal.ok(),
            },
        })
    }
}
