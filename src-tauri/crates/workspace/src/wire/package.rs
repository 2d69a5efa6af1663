//! Wire shapes of export packages: a written package, a verified one, the export history and
//! sharing.

use csmsdesk_core::i18n::{Lang, Message};
use serde::Serialize;

/// A written package.
#[derive(Debug, Serialize)]
pub struct PackageWritten {
    pub package: String,
    pub sha256: String,
    pub files: Vec<String>,
    pub level: &'static str,
}

pub fn package_written(r: &crate::PackageReport) -> PackageWritten {
    PackageWritten {
        package: r.path.display().to_string(),
        sha256: r.sha256.clone(),
        files: r.files.clone(),
        level: r.level.as_str(),
    }
}

/// What to tell the user before a package is written: linked evidence with unreviewed
/// changes, and why a partner package shows more than the scope is shared at.
#[derive(Debug, Serialize)]
pub struct PackageWarnings {
    pub unreviewed: Vec<UnreviewedEvidence>,
    pub above_shared: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct UnreviewedEvidence {
    pub id: i64,
    pub title: String,
    pub reviewed_version: i64,
    pub latest_version: i64,
}

pub fn package_warnings(w: &crate::PackageWarnings, lang: Lang) -> PackageWarnings {
    PackageWarnings {
        unreviewed: w
            .unreviewed
            .iter()
            .map(|u| UnreviewedEvidence {
                id: u.id,
                title: u.title.clone(),
                reviewed_version: u.reviewed_version,
                latest_version: u.latest_version,
            })
            .collect(),
        above_shared: w.above_shared.as_ref().map(|m| m.render(lang)),
    }
}

/// A package re-hashed against its SHA256SUMS.
#[derive(Debug, Serialize)]
pub struct PackageVerified {
    pub ok: bool,
    pub entries: usize,
    pub problems: Vec<String>,
}

pub fn package_verified(r: &crate::VerifyReport, lang: Lang) -> PackageVerified {
    PackageVerified {
        ok: r.ok(),
        entries: r.entries,
        problems: r.problems.iter().map(|p| p.render(lang)).collect(),
    }
}

/// One package of the export history.
#[derive(Debug, Serialize)]
pub struct Export {
    pub scope_id: Option<i64>,
    pub level: String,
    pub path: String,
    pub sha256: String,
    pub generated_at: String,
}

pub fn exports(list: &[crate::ExportRecord]) -> Vec<Export> {
    list.iter()
        .map(|e| Export {
            scope_id: e.scope_id,
            level: e.level.clone(),
            path: e.path.clone(),
            sha256: e.sha256.clone(),
            generated_at: e.generated_at.clone(),
        })
        .collect()
}

/// A scope shared with one participant.
#[derive(Debug, Serialize)]
pub struct Sharing {
    pub id: i64,
    pub scope_id: i64,
    pub partner: String,
    pub participant_id: String,
    pub level: String,
    pub date: String,
}

pub fn sharing(s: &crate::SharingRecord) -> Sharing {
    Sharing {
        id: s.id,
        scope_id: s.scope_id,
        partner: s.partner.clone(),
        participant_id: s.participant_id.clone(),
        level: s.level.clone(),
        date: s.shared_on.clone(),
    }
}

/// A sharing just added, with the warnings about its level.
#[derive(Debug, Serialize)]
pub struct SharingAdded {
    pub sharing: Sharing,
    pub warnings: Vec<String>,
}

pub fn sharing_added(s: &crate::SharingRecord, warnings: &[Message], lang: Lang) -> SharingAdded {
    SharingAdded {
        sharing: sharing(s),
        warnings: warnings.iter().map(|w| w.render(lang)).collect(),
    }
}

/// A scope's publication level and sharings.
#[derive(Debug, Serialize)]
pub struct ShareState {
    pub publication: &'static str,
    pub sharings: Vec<Sharing>,
}

pub fn share_state(
    publication: csmsdesk_core::package::Level,
    list: &[crate::SharingRecord],
) -> ShareState {
    ShareState {
        publication: publication.as_str(),
        sharings: list.iter().map(sharing).collect(),
    }
}
