//! One page of the vault's list: the items a filter keeps, sorted, with how many there are,
//! all answered by store's SQL (`store::evidence::page`), never by reading every item.

use chrono::NaiveDate;
use csmsdesk_core::evidence::{
    Classification, EvidenceColumn, EvidenceState, WORK_PRODUCTS, work_product,
};
use csmsdesk_core::i18n::{Lang, catalogue};
use csmsdesk_core::order::{Direction, contains_folded};
use csmsdesk_store::evidence::{self as table, EvidenceQuery, TypeFilter, Word};

use super::EvidenceView;
use crate::input::{
    MAX_NAME_LEN, optional_choice, page_limit, sort_column, sort_direction, text_problem,
};
use crate::{Error, Result, Workspace};

/// What a list of evidence asks for, as typed in the vault or on the command line. Empty
/// texts filter nothing; every condition given must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct EvidencePageInput {
    /// Words that must each appear in the title, source path, file name, owner, work product
    /// (its ID or its name in the reader's language) or a link target; case ignored.
    pub filter: String,
    /// `missing`, `changed`, `review-due` or `current`.
    pub state: String,
    /// A work product (`WP-09-02`), or `other` for documents without one.
    pub work_product: String,
    /// `public`, `internal`, `confidential` or `strictly-confidential`.
    pub classification: String,
    /// `Some(false)`: only items linked to nothing; `Some(true)`: only linked ones.
    pub linked: Option<bool>,
    /// A column (`title`, `type`, `owner`, `classification`, `review_due`, `version`,
    /// `state`, `links`); empty for the title.
    pub sort: String,
    /// `asc` (the default) or `desc`.
    pub direction: String,
    /// Rows to skip.
    pub offset: u64,
    /// Rows to return; `None` for all the filter keeps.
    pub limit: Option<u64>,
}

/// One page of evidence items with the counts around it.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidencePage {
    pub items: Vec<EvidenceView>,
    /// How many items the filter keeps (on every page together).
    pub total: u64,
    /// How many items the vault holds, whatever the filter.
    pub unfiltered: u64,
    pub offset: u64,
    pub limit: Option<u64>,
    pub sort: EvidenceColumn,
    pub direction: Direction,
}

impl EvidencePageInput {
    /// The store query this input asks for, the work product names read in `lang`; every
    /// problem at once.
    pub(super) fn query(&self, lang: Lang) -> Result<(EvidenceQuery, Option<u64>)> {
        let mut errors = Vec::new();
        text_problem("filter", &self.filter, MAX_NAME_LEN, &mut errors);
        let words = self
            .filter
            .split_whitespace()
            .map(|text| Word {
                text: text.to_owned(),
                work_products: named_work_products(text, lang),
            })
            .collect();
        let state = optional_choice(
            "state",
            &self.state,
            "evidence.bad_state",
            |text| EvidenceState::ALL.into_iter().find(|s| s.as_str() == text),
            &mut errors,
        );
        let work_product = optional_choice(
            "work_product",
            &self.work_product,
            "evidence.bad_work_product",
            |text| match text {
                "other" => Some(TypeFilter::Other),
                text => work_product(text).map(TypeFilter::WorkProduct),
            },
            &mut errors,
        );
        let classification = optional_choice(
            "classification",
            &self.classification,
            "evidence.bad_classification",
            Classification::parse,
            &mut errors,
        );
        let sort = sort_column(
            &self.sort,
            EvidenceColumn::Title,
            &EvidenceColumn::ALL,
            EvidenceColumn::as_str,
            EvidenceColumn::parse,
            &mut errors,
        );
        let direction = sort_direction(&self.direction, &mut errors);
        let limit = page_limit(self.limit, &mut errors);
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let query = EvidenceQuery {
            words,
            state,
            work_product,
            classification,
            linked: self.linked,
            sort,
            direction,
        };
        Ok((query, limit))
    }
}

/// The work products whose short name in `lang` contains `word` (case ignored).
fn named_work_products(word: &str, lang: Lang) -> Vec<&'static str> {
    let names = catalogue(lang);
    WORK_PRODUCTS
        .into_iter()
        .filter(|wp| {
            names
                .get(format!("wp.{wp}").as_str())
                .is_some_and(|name| contains_folded(name, word))
        })
        .collect()
}

impl Workspace {
    /// The page of evidence items `input` asks for, with their states on `today` and their
    /// links, and the counts of the filtered and of all items. The work product names the
    /// filter searches are those of `lang`.
    pub fn evidence_page(
        &self,
        input: &EvidencePageInput,
        today: NaiveDate,
        lang: Lang,
    ) -> Result<EvidencePage> {
        let (query, limit) = input.query(lang)?;
        let conn = self.db.conn();
        let page = table::page(conn, &query, today, input.offset, limit)?;
        let items = if page.records.is_empty() {
            Vec::new()
        } else {
            let names = self.link_names()?;
            let ids: Vec<i64> = page.records.iter().map(|r| r.id).collect();
            let mut links = table::links_of_many(conn, &ids)?;
            page.records
                .into_iter()
                .map(|record| {
                    let own = links.remove(&record.id).unwrap_or_default();
                    names.view(record, own, today)
                })
                .collect()
        };
        Ok(EvidencePage {
            items,
            total: page.total,
            unfiltered: table::total(conn)?,
            offset: input.offset,
            limit,
            sort: query.sort,
            direction: query.direction,
        })
    }
}

#[cfg(test)]
mod tests;
