//! The sections only the full package's page has: protection objects and samples, readiness,
//! the self-assessment, findings and corrective actions, the evidence index and the journal.

use std::collections::BTreeMap;

use csmsdesk_core::i18n::Message;
use csmsdesk_core::package::href;
use serde_json::Value;

use super::{Words, html, list, none, result, section, table};

/// The scope's protection objects and the samples per objective.
pub(super) fn objects_section(w: &Words, manifest: &Value) -> String {
    let objects = list(&manifest["protection_objects"]);
    let mut body = if objects.is_empty() {
        none(w)
    } else {
        let rows: Vec<Vec<String>> = objects
            .iter()
            .map(|p| {
                let objectives: Vec<String> = list(&p["objectives"])
                    .iter()
                    .map(|o| w.word("scope.objective_", o))
                    .collect();
                vec![
                    w.text(&p["name"]),
                    w.text(&p["item"]),
                    w.text(&p["customer"]),
                    objectives.join(", "),
                ]
            })
            .collect();
        table(
            w,
            "protection-objects",
            &[
                "report.po_name",
                "report.po_item",
                "report.po_customer",
                "report.objectives",
            ],
            &rows,
        )
    };
    let samples = list(&manifest["samples"]);
    body.push_str(&format!("<h3>{}</h3>\n", w.t("report.samples")));
    if samples.is_empty() {
        body.push_str(&none(w));
    } else {
        let rows: Vec<Vec<String>> = samples
            .iter()
            .map(|s| {
                let names = |v: &Value| -> String {
                    let names: Vec<String> = list(v).iter().map(|n| w.text(n)).collect();
                    if names.is_empty() {
                        w.t("report.none")
                    } else {
                        names.join(", ")
                    }
                };
                vec![
                    w.word("scope.objective_", &s["objective"]),
                    names(&s["population"]),
                    s["suggested"].as_u64().unwrap_or(0).to_string(),
                    names(&s["chosen"]),
                ]
            })
            .collect();
        body.push_str(&table(
            w,
            "samples",
            &[
                "report.objective",
                "report.sample_population",
                "report.sample_suggested",
                "report.sample_chosen",
            ],
            &rows,
        ));
    }
    section(w, "protection-objects", "report.protection_objects", &body)
}

/// The readiness figures and the predicted result.
pub(super) fn readiness_section(w: &Words, manifest: &Value) -> String {
    let r = &manifest["readiness"];
    let percent = (r["readiness"].as_f64().unwrap_or(0.0) * 100.0).round() as i64;
    let body = format!(
        "<p>{}</p>\n<p>{}</p>\n",
        w.m(&Message::new("report.readiness_line")
            .arg("percent", percent)
            .arg("covered", r["covered"].as_u64().unwrap_or(0))
            .arg("needs_review", r["needs_review"].as_u64().unwrap_or(0))
            .arg("missing", r["missing"].as_u64().unwrap_or(0))),
        w.m(&Message::new("report.predicted").arg("result", w.raw_overall(&r["predicted_result"])))
    );
    section(w, "readiness", "report.readiness", &body)
}

/// Per control question: applicability, self-assessment, implementation, reference
/// documentation and the justifications of NA and deviations.
pub(super) fn assessment_section(w: &Words, manifest: &Value) -> String {
    let rows: Vec<Vec<String>> = list(&manifest["questions"])
        .iter()
        .map(|q| {
            let assessment = if q["applicable"] == true {
                result(w, &q["result"])
            } else {
                result(w, &Value::String("na".into()))
            };
            let mut notes = Vec::new();
            if let Some(j) = q["na_justification"].as_str() {
                notes.push(w.m(&Message::new("report.na").arg("justification", j)));
            }
            for r in list(&q["requirements"]) {
                if let Some(j) = r["deviation"].as_str() {
                    notes.push(
                        w.m(&Message::new("report.deviation")
                            .arg("requirement", r["id"].as_str().unwrap_or(""))
                            .arg("justification", j)),
                    );
                }
            }
            let pre = |v: &Value| match v.as_str() {
                Some(t) if !t.trim().is_empty() => {
                    format!("<span class=\"pre\">{}</span>", html(t))
                }
                _ => String::new(),
            };
            vec![
                w.text(&q["id"]),
                assessment,
                pre(&q["implementation"]),
                pre(&q["reference_documentation"]),
                notes.join("<br>"),
            ]
        })
        .collect();
    section(
        w,
        "self-assessment",
        "report.self_assessment",
        &table(
            w,
            "self-assessment",
            &[
                "report.question",
                "report.self_assessment",
                "report.implementation",
                "report.reference",
                "report.justification",
            ],
            &rows,
        ),
    )
}

/// Findings of the audits and their corrective actions.
pub(super) fn findings_section(w: &Words, manifest: &Value) -> String {
    let findings = list(&manifest["findings"]);
    let actions = list(&manifest["corrective_actions"]);
    let mut body = if findings.is_empty() {
        none(w)
    } else {
        let rows: Vec<Vec<String>> = findings
            .iter()
            .map(|f| {
                vec![
                    format!("#{}", f["id"].as_i64().unwrap_or(0)),
                    w.text(&f["question"]),
                    w.word("finding_type.", &f["type"]),
                    w.text(&f["text"]),
                ]
            })
            .collect();
        table(
            w,
            "findings",
            &[
                "report.number",
                "report.question",
                "report.finding_type",
                "report.finding",
            ],
            &rows,
        )
    };
    body.push_str(&format!("<h3>{}</h3>\n", w.t("report.actions")));
    if actions.is_empty() {
        body.push_str(&none(w));
    } else {
        let rows: Vec<Vec<String>> = actions
            .iter()
            .map(|a| {
                let mut text = w.text(&a["text"]);
                if let Some(j) = a["justification"].as_str().filter(|j| !j.trim().is_empty()) {
                    text.push_str(&format!(
                        "<br><span class=\"muted\">{}</span>",
                        w.m(&Message::new("report.due_justification").arg("justification", j))
                    ));
                }
                vec![
                    format!("#{}", a["finding_id"].as_i64().unwrap_or(0)),
                    text,
                    w.text(&a["owner"]),
                    w.text(&a["department"]),
                    w.day(&a["due"]),
                    w.word("action_status.", &a["status"]),
                ]
            })
            .collect();
        body.push_str(&table(
            w,
            "actions",
            &[
                "report.for_finding",
                "report.action",
                "report.owner",
                "report.department",
                "report.due",
                "report.status",
            ],
            &rows,
        ));
    }
    section(w, "findings", "report.findings", &body)
}

/// Per requirement the evidence that serves it, then every evidence file with its version,
/// review and SHA-256.
pub(super) fn evidence_section(w: &Words, manifest: &Value) -> String {
    let evidence: BTreeMap<i64, &Value> = list(&manifest["evidence"])
        .iter()
        .map(|e| (e["id"].as_i64().unwrap_or(0), e))
        .collect();
    let link = |e: &Value| {
        // The link percent-encoded (a name may hold `%`, `#` or `?`), the text as the title
        // reads.
        format!(
            "<a href=\"{}\">{}</a>",
            html(&href(e["path"].as_str().unwrap_or(""))),
            html(e["title"].as_str().unwrap_or(""))
        )
    };
    let mut rows = Vec::new();
    for q in list(&manifest["questions"]) {
        for r in list(&q["requirements"]) {
            let items: Vec<String> = list(&r["evidence"])
                .iter()
                .filter_map(|id| evidence.get(&id.as_i64().unwrap_or(0)))
                .map(|e| {
                    // The hash's start, to find the file in the list below and in SHA256SUMS.
                    let sha = e["sha256"].as_str().unwrap_or("");
                    format!(
                        "{} <span class=\"hash\">{}…</span>",
                        link(e),
                        html(sha.get(..12).unwrap_or(sha))
                    )
                })
                .collect();
            rows.push(vec![
                w.text(&r["id"]),
                w.word("requirement_state.", &r["state"]),
                if items.is_empty() {
                    format!("<span class=\"muted\">{}</span>", w.t("report.none"))
                } else {
                    items.join("<br>")
                },
            ]);
        }
    }
    let mut body = table(
        w,
        "evidence-index",
        &["report.requirement", "report.state", "report.evidence"],
        &rows,
    );
    body.push_str(&format!(
        "<h3>{}</h3>\n<p>{}</p>\n",
        w.t("report.evidence_files"),
        if manifest["evidence_versions"] == "newest" {
            w.t("report.versions_newest")
        } else {
            w.t("report.versions_reviewed")
        }
    ));
    let rows: Vec<Vec<String>> = evidence
        .values()
        .map(|e| {
            let version = e["version"].as_i64().unwrap_or(0);
            let latest = e["latest_version"].as_i64().unwrap_or(version);
            let mut review = if e["reviewed"] == true {
                match (e["reviewed_by"].as_str(), e["reviewed_at"].as_str()) {
                    (Some(by), Some(at)) => w.m(&Message::new("report.reviewed")
                        .arg("by", by)
                        .arg("date", at.get(..10).unwrap_or(at))),
                    _ => w.t("report.reviewed_unknown"),
                }
            } else {
                format!("<span class=\"warn\">{}</span>", w.t("report.not_reviewed"))
            };
            if latest > version {
                review.push_str(&format!(
                    "<br><span class=\"muted\">{}</span>",
                    w.m(&Message::new("report.newer_version").arg("latest", latest))
                ));
            }
            vec![
                format!(
                    "{}<br><span class=\"muted\">{}</span>",
                    link(e),
                    html(e["path"].as_str().unwrap_or(""))
                ),
                w.word("classification.", &e["classification"]),
                version.to_string(),
                review,
                format!("<span class=\"hash\">{}</span>", w.text(&e["sha256"])),
            ]
        })
        .collect();
    if rows.is_empty() {
        body.push_str(&none(w));
    } else {
        body.push_str(&table(
            w,
            "evidence-files",
            &[
                "report.file",
                "report.classification",
                "report.version",
                "report.review",
                "report.sha256",
            ],
            &rows,
        ));
    }
    section(w, "evidence", "report.evidence_index", &body)
}

/// The journal in the package and whether its chain held.
pub(super) fn journal_section(w: &Words, manifest: &Value) -> String {
    let j = &manifest["journal"];
    let body = format!(
        "<p>{}</p>\n",
        w.m(&Message::new(if j["verified"] == true {
            "report.journal_ok"
        } else {
            "report.journal_broken"
        })
        .arg("entries", j["entries"].as_u64().unwrap_or(0))
        .arg("path", j["path"].as_str().unwrap_or("")))
    );
    section(w, "journal", "report.journal", &body)
}
