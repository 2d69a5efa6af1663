//! Wire shapes of evidence: added files, items with their versions and links, the light
//! rows of pickers and chips (search results, each requirement's evidence), scan reports.

use csmsdesk_core::i18n::{Lang, Message};
use serde::Serialize;

/// What adding evidence did: `evidence` lists the items added (docs/CLI.md), `outcomes` every file.
#[derive(Debug, Serialize)]
pub struct EvidenceAdded {
    pub evidence: Vec<AddedItem>,
    pub outcomes: Vec<FileOutcome>,
    pub cancelled: bool,
}

/// An item an add created (always its first version).
#[derive(Debug, Serialize)]
pub struct AddedItem {
    pub id: i64,
    pub title: String,
    pub sha256: String,
    pub size: u64,
    pub version: i64,
}

/// What happened to one file of an add.
#[derive(Debug, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum FileOutcome {
    Added {
        path: String,
        id: i64,
    },
    AlreadyEvidence {
        path: String,
        id: i64,
        message: String,
    },
    /// Not added: the content of item `id`, whose source is missing (offer to relocate it).
    SameAsMissing {
        path: String,
        id: i64,
        title: String,
        message: String,
    },
    Failed {
        path: String,
        message: String,
    },
}

pub fn evidence_added(report: &crate::AddReport, lang: Lang) -> EvidenceAdded {
    use crate::FileResult;
    EvidenceAdded {
        evidence: report
            .added()
            .map(|(id, title, blob)| AddedItem {
                id,
                title: title.to_owned(),
                sha256: blob.sha256.clone(),
                size: blob.size,
                version: 1,
            })
            .collect(),
        outcomes: report
            .outcomes
            .iter()
            .map(|o| {
                let path = o.path.display().to_string();
                match &o.result {
                    FileResult::Added { id, .. } => FileOutcome::Added { path, id: *id },
                    FileResult::AlreadyEvidence { id, .. } => FileOutcome::AlreadyEvidence {
                        message: Message::new("evidence.already")
                            .arg("path", &path)
                            .arg("id", id)
                            .render(lang),
                        path,
                        id: *id,
                    },
                    FileResult::SameAsMissing { id, title } => FileOutcome::SameAsMissing {
                        message: Message::new("evidence.same_as_missing")
                            .arg("path", &path)
                            .arg("id", id)
                            .arg("title", title)
                            .render(lang),
                        path,
                        id: *id,
                        title: title.clone(),
                    },
                    FileResult::Failed(message) => FileOutcome::Failed {
                        path,
                        message: message.render(lang),
                    },
                }
            })
            .collect(),
        cancelled: report.cancelled,
    }
}

/// One evidence item with its state and links (`evidence list` in docs/CLI.md: `id`, `title`,
/// `sha256`, `version`, `state`, `links`).
#[derive(Debug, Serialize)]
pub struct Evidence {
    pub id: i64,
    pub title: String,
    pub work_product: Option<String>,
    pub owner: String,
    pub classification: &'static str,
    pub review_due: Option<String>,
    pub source_path: String,
    pub file_name: String,
    pub sha256: String,
    pub size: u64,
    pub version: i64,
    pub reviewed_version: i64,
    pub added_at: String,
    pub state: &'static str,
    pub links: Vec<String>,
    pub link_details: Vec<LinkDetail>,
}

/// One link of an evidence item, with the names of its scope and protection object.
#[derive(Debug, Serialize)]
pub struct LinkDetail {
    pub id: i64,
    pub target: String,
    pub catalogue_id: i64,
    pub scope: Option<String>,
    pub protection_object: Option<String>,
    pub note: String,
}

pub fn evidence(view: &crate::EvidenceView) -> Evidence {
    let r = &view.record;
    Evidence {
        id: r.id,
        title: r.title.clone(),
        work_product: r.work_product.clone(),
        owner: r.owner.clone(),
        classification: r.classification.as_str(),
        review_due: r.review_due.map(|d| d.to_string()),
        source_path: r.source_path.display().to_string(),
        file_name: r.file_name.clone(),
        sha256: r.sha256.clone(),
        size: r.size,
        version: r.latest_version,
        reviewed_version: r.reviewed_version,
        added_at: r.added_at.clone(),
        state: view.state.as_str(),
        links: view
            .links
            .iter()
            .map(|l| l.link.target_id.clone())
            .collect(),
        link_details: view
            .links
            .iter()
            .map(|l| LinkDetail {
                id: l.link.id,
                target: l.link.target_id.clone(),
                catalogue_id: l.link.catalogue_id,
                scope: l.scope.clone(),
                protection_object: l.protection_object.clone(),
                note: l.link.note.clone(),
            })
            .collect(),
    }
}

/// One page of evidence items with the counts around it (the app's `evidence_page`; `evidence
/// list` with a filter, sort or paging flag in docs/CLI.md).
#[derive(Debug, Serialize)]
pub struct EvidencePage {
    pub items: Vec<Evidence>,
    /// How many items the filter keeps.
    pub total: u64,
    /// How many items the vault holds.
    pub unfiltered: u64,
    pub offset: u64,
    pub limit: Option<u64>,
    pub sort: &'static str,
    pub direction: &'static str,
}

pub fn evidence_page(page: &crate::EvidencePage) -> EvidencePage {
    EvidencePage {
        items: page.items.iter().map(evidence).collect(),
        total: page.total,
        unfiltered: page.unfiltered,
        offset: page.offset,
        limit: page.limit,
        sort: page.sort.as_str(),
        direction: page.direction.as_str(),
    }
}

/// One evidence item with every version it has had.
#[derive(Debug, Serialize)]
pub struct EvidenceItem {
    #[serde(flatten)]
    pub evidence: Evidence,
    pub versions: Vec<Version>,
    /// The revision the record is at (optimistic concurrency): a form sends it back with its
    /// change. Absent where the answer does not serve a form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct Version {
    pub version: i64,
    pub sha256: String,
    pub size: u64,
    pub file_name: String,
    pub recorded_at: String,
}

pub fn evidence_item(
    view: &crate::EvidenceView,
    versions: &[csmsdesk_store::evidence::VersionRecord],
) -> EvidenceItem {
    EvidenceItem {
        evidence: evidence(view),
        revision: None,
        versions: versions
            .iter()
            .map(|v| Version {
                version: v.version,
                sha256: v.sha256.clone(),
                size: v.size,
                file_name: v.file_name.clone(),
                recorded_at: v.recorded_at.clone(),
            })
            .collect(),
    }
}

/// An evidence item as a picker or a chip shows it (`evidence search` in docs/CLI.md: `id`,
/// `title`, `work_product`, `state`).
#[derive(Debug, Serialize)]
pub struct EvidenceBrief {
    pub id: i64,
    pub title: String,
    pub work_product: Option<String>,
    pub state: &'static str,
}

pub fn evidence_brief(b: &crate::EvidenceBrief) -> EvidenceBrief {
    EvidenceBrief {
        id: b.id.0,
        title: b.title.clone(),
        work_product: b.work_product.clone(),
        state: b.state.as_str(),
    }
}

/// The result of a search: the items found, best first.
pub fn evidence_briefs(list: &[crate::EvidenceBrief]) -> Vec<EvidenceBrief> {
    list.iter().map(evidence_brief).collect()
}

/// The evidence that counts for one requirement of a scope: how many items, and the first of
/// them by title.
#[derive(Debug, Serialize)]
pub struct RequirementEvidence {
    pub requirement: String,
    pub question: String,
    pub total: usize,
    pub items: Vec<EvidenceBrief>,
}

pub fn requirement_evidence(list: &[crate::RequirementEvidence]) -> Vec<RequirementEvidence> {
    list.iter()
        .map(|r| RequirementEvidence {
            requirement: r.requirement.clone(),
            question: r.question.clone(),
            total: r.total,
            items: evidence_briefs(&r.items),
        })
        .collect()
}

/// What a scan found (`evidence scan` in docs/CLI.md: `unchanged`, `changed`, `missing`,
/// `unreachable`).
#[derive(Debug, Serialize)]
pub struct ScanReport {
    pub unchanged: usize,
    pub changed: Vec<i64>,
    pub missing: Vec<i64>,
    /// Recorded on another computer, in a folder this one cannot reach: not missing.
    pub unreachable: Vec<i64>,
    pub failed: Vec<IdMessage>,
    pub not_scanned: usize,
    pub cancelled: bool,
    /// The items changed, missing, not reachable or failed, in that order, with their titles:
    /// what the scan result lists, each linking to its item; the first [`MAX_SCANNED_ITEMS`]
    /// (a share lost on a big vault would name tens of thousands; the counts are above).
    pub items: Vec<ScannedItem>,
}

/// How many items a scan report names one by one.
pub const MAX_SCANNED_ITEMS: usize = 200;

/// One item a scan reports: `outcome` is `changed`, `missing`, `unreachable` or `failed` (with
/// `message`).
#[derive(Debug, Serialize)]
pub struct ScannedItem {
    pub id: i64,
    pub title: String,
    pub outcome: &'static str,
    pub message: Option<String>,
}

/// An item and what went wrong with it.
#[derive(Debug, Serialize)]
pub struct IdMessage {
    pub id: i64,
    pub message: String,
}

pub fn scan_report(report: &crate::ScanReport, lang: Lang) -> ScanReport {
    ScanReport {
        unchanged: report.unchanged,
        changed: report.changed.clone(),
        missing: report.missing.clone(),
        unreachable: report.unreachable.clone(),
        failed: report
            .failed
            .iter()
            .map(|(id, m)| IdMessage {
                id: *id,
                message: m.render(lang),
            })
            .collect(),
        not_scanned: report.not_scanned,
        cancelled: report.cancelled,
        items: scanned_items(report, lang),
    }
}

fn scanned_items(report: &crate::ScanReport, lang: Lang) -> Vec<ScannedItem> {
    let item = |id: i64, outcome, message: Option<String>| ScannedItem {
        id,
        title: report.titles.get(&id).cloned().unwrap_or_default(),
        outcome,
        message,
    };
    let changed = report.changed.iter().map(|id| item(*id, "changed", None));
    let missing = report.missing.iter().map(|id| item(*id, "missing", None));
    let unreachable = report
        .unreachable
        .iter()
        .map(|id| item(*id, "unreachable", None));
    let failed = report
        .failed
        .iter()
        .map(|(id, m)| item(*id, "failed", Some(m.render(lang))));
    changed
        .chain(missing)
        .chain(unreachable)
        .chain(failed)
        .take(MAX_SCANNED_ITEMS)
        .collect()
}
