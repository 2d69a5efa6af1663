//! Light views of evidence items for screens that must stay quick with tens of thousands of
//! them: the picker's search, the evidence each requirement of a scope has (the first few by
//! title, with how many there are), and the titles of the items corrective actions name.

use chrono::NaiveDate;
use csmsdesk_core::evidence::{EvidenceFacts, EvidenceState, evidence_state};
use csmsdesk_core::i18n::Message;
use csmsdesk_store::evidence::{self as table, BriefRecord};

use crate::input::MAX_NAME_LEN;
use crate::{Error, EvidenceId, Invalid, Named, Result, ScopeId, Workspace};

/// The most items one search returns: a picker shows a few, never the vault.
pub const MAX_SEARCH_RESULTS: usize = 100;

/// An evidence item as a picker, a search result or a chip shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceBrief {
    pub id: EvidenceId,
    pub title: String,
    /// `WP-09-02`, or `None` for other documents.
    pub work_product: Option<String>,
    pub state: EvidenceState,
}

/// The evidence that counts for one requirement of a scope: linked to the requirement or to
/// its control question, for every scope or this one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequirementEvidence {
    /// The requirement (`1.1.a`), or the question of a question without requirement rows,
    /// which is its own single requirement (as readiness counts it).
    pub requirement: String,
    pub question: String,
    /// How many items count for it.
    pub total: usize,
    /// The first of them by title (case ignored), then id: as many as asked for.
    pub items: Vec<EvidenceBrief>,
}

fn brief(record: BriefRecord, today: NaiveDate) -> EvidenceBrief {
    let state = evidence_state(
        EvidenceFacts {
            source_missing: record.source_missing,
            latest_reviewed: record.latest_reviewed,
            review_due: record.review_due,
        },
        today,
    );
    EvidenceBrief {
        id: EvidenceId(record.id),
        title: record.title,
        work_product: record.work_product,
        state,
    }
}

impl Workspace {
    /// The evidence items in which every word of `text` occurs (title, source path, work
    /// product or owner; case ignored), at most `limit` (1 to [`MAX_SEARCH_RESULTS`]), best
    /// first: titles that start with the text, then titles that hold it, then the rest, each
    /// by title. An empty text lists the first items by title.
    pub fn search_evidence(
        &self,
        text: &str,
        limit: usize,
        today: NaiveDate,
    ) -> Result<Vec<EvidenceBrief>> {
        let mut errors = Vec::new();
        if text.chars().count() > MAX_NAME_LEN {
            errors.push(Invalid::new("text", Message::new("error.query_too_long")));
        }
        if !(1..=MAX_SEARCH_RESULTS).contains(&limit) {
            errors.push(Invalid::new(
                "limit",
                Message::new("evidence.bad_limit").arg("max", MAX_SEARCH_RESULTS),
            ));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        Ok(table::search(self.db.conn(), &words, limit)?
            .into_iter()
            .map(|r| brief(r, today))
            .collect())
    }

    /// The evidence of every requirement of `scope`'s catalogue that has any (in catalogue
    /// order), or of `requirement` alone (then also when it has none); each with its first
    /// `limit` items by title (all of them when `None`) and how many there are. An index
    /// seek per requirement and its question; only the items shown are read whole.
    pub fn requirement_evidence(
        &self,
        scope: ScopeId,
        requirement: Option<&str>,
        limit: Option<usize>,
        today: NaiveDate,
    ) -> Result<Vec<RequirementEvidence>> {
        let record = self.scope(scope)?;
        let not_found = |id: &str| Error::NotFound {
            kind: "thing.requirement",
            name: id.to_owned(),
        };
        let Some(catalogue_id) = record.catalogue_id else {
            return match requirement {
                Some(id) => Err(not_found(id)),
                None => Ok(Vec::new()),
            };
        };
        let (_, tree) = self.catalogue(Some(catalogue_id))?;
        // (requirement, question) in catalogue order; a question without requirement rows is
        // its own single requirement.
        let mut rows: Vec<(&str, &str)> = Vec::new();
        for question in tree.chapters.iter().flat_map(|c| &c.questions) {
            let q = question.id.as_str();
            if question.requirements.is_empty() {
                rows.push((q, q));
            }
            rows.extend(question.requirements.iter().map(|r| (r.id.as_str(), q)));
        }
        if let Some(id) = requirement.map(str::trim) {
            rows.retain(|(r, _)| *r == id);
            if rows.is_empty() {
                return Err(not_found(id));
            }
        }
        let mut found = Vec::new();
        for (r, q) in rows {
            let targets: &[&str] = if r == q { &[r] } else { &[r, q] };
            let (total, items) =
                table::linked(self.db.conn(), catalogue_id, record.id, targets, limit)?;
            if total == 0 && requirement.is_none() {
                continue;
            }
            found.push(RequirementEvidence {
                requirement: r.to_owned(),
                question: q.to_owned(),
                total,
                items: items.into_iter().map(|b| brief(b, today)).collect(),
            });
        }
        Ok(found)
    }

    /// The ids and titles of the evidence items of `ids` that exist, in the order given.
    pub(crate) fn evidence_titles(&self, ids: &[i64]) -> Result<Vec<Named<EvidenceId>>> {
        Ok(table::briefs(self.db.conn(), ids)?
            .into_iter()
            .map(|b| Named {
                id: EvidenceId(b.id),
                name: b.title,
            })
            .collect())
    }
}
