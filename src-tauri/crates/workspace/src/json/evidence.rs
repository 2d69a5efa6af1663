//! JSON shapes of evidence: added files, items with their versions and links, scan reports.

use csmsdesk_core::i18n::Lang;
use serde_json::{Value, json};

/// What adding evidence did: `evidence` lists the items added (docs/CLI.md), `outcomes` every file.
pub fn evidence_added(report: &crate::AddReport, lang: Lang) -> Value {
    use crate::FileResult;
    json!({
        "evidence": report.added().map(|(id, title, blob)| json!({
            "id": id, "title": title, "sha256": blob.sha256, "size": blob.size, "version": 1,
        })).collect::<Vec<_>>(),
        "outcomes": report.outcomes.iter().map(|o| {
            let path = o.path.display().to_string();
            match &o.result {
                FileResult::Added { id, .. } => json!({ "path": path, "outcome": "added", "id": id }),
                FileResult::AlreadyEvidence { id, .. } => json!({
                    "path": path, "outcome": "already_evidence", "id": id,
                    "message": csmsdesk_core::i18n::Message::new("evidence.already")
                        .arg("path", &path).arg("id", id).render(lang),
                }),
                FileResult::Failed(message) => json!({
                    "path": path, "outcome": "failed", "message": message.render(lang),
                }),
            }
        }).collect::<Vec<_>>(),
        "cancelled": report.cancelled,
    })
}

/// One evidence item with its state and links (`evidence list` in docs/CLI.md: `id`, `title`,
/// `sha256`, `version`, `state`, `links`).
pub fn evidence(view: &crate::EvidenceView) -> Value {
    let r = &view.record;
    json!({
        "id": r.id,
        "title": r.title,
        "work_product": r.work_product,
        "owner": r.owner,
        "classification": r.classification.as_str(),
        "review_due": r.review_due.map(|d| d.to_string()),
        "source_path": r.source_path.display().to_string(),
        "file_name": r.file_name,
        "sha256": r.sha256,
        "size": r.size,
        "version": r.latest_version,
        "reviewed_version": r.reviewed_version,
        "added_at": r.added_at,
        "state": view.state.as_str(),
        "links": view.links.iter().map(|l| l.link.target_id.as_str()).collect::<Vec<_>>(),
        "link_details": view.links.iter().map(|l| json!({
            "id": l.link.id,
            "target": l.link.target_id,
            "catalogue_id": l.link.catalogue_id,
            "scope": l.scope,
            "protection_object": l.protection_object,
            "note": l.link.note,
        })).collect::<Vec<_>>(),
    })
}

/// One evidence item with every version it has had.
pub fn evidence_item(
    view: &crate::EvidenceView,
    versions: &[csmsdesk_store::evidence::VersionRecord],
) -> Value {
    let mut value = evidence(view);
    value["versions"] = versions
        .iter()
        .map(|v| {
            json!({
                "version": v.version, "sha256": v.sha256, "size": v.size,
                "file_name": v.file_name, "recorded_at": v.recorded_at,
            })
        })
        .collect();
    value
}

/// What a scan found (`evidence scan` in docs/CLI.md: `unchanged`, `changed`, `missing`).
pub fn scan_report(report: &crate::ScanReport, lang: Lang) -> Value {
    json!({
        "unchanged": report.unchanged,
        "changed": report.changed,
        "missing": report.missing,
        "failed": report.failed.iter().map(|(id, m)| json!({ "id": id, "message": m.render(lang) })).collect::<Vec<_>>(),
        "not_scanned": report.not_scanned,
        "cancelled": report.cancelled,
    })
}
