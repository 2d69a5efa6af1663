//! One change to many evidence items in one transaction: a field set (work product, owner,
//! classification, review date), a review, links, or removal. The items are either named by
//! id or chosen by the vault's filter (the same `EvidencePageInput` a page is asked with), so
//! "all N matching" means every item the query keeps, not the rows a screen has loaded.

use chrono::NaiveDate;
use csmsdesk_core::evidence::{Classification, work_product};
use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_store::evidence::{self as table, bulk::BulkField};
use csmsdesk_store::revision::{Record, claim_all};

use super::links::add_links;
use super::{EvidencePageInput, LinkInput, existing_evidence, next_review_date};
use crate::input::{MAX_NAME_LEN, parse_date, text_problem};
use crate::{Error, EvidenceId, Invalid, Result, Workspace};

/// Which items a bulk change works on: the ids given, or every item `filter` keeps (its
/// sort and paging are ignored). Exactly one of the two.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct EvidenceSelection {
    pub ids: Vec<EvidenceId>,
    pub filter: Option<EvidencePageInput>,
}

/// What a bulk change does to every selected item.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum BulkChange {
    /// Sets `field` (`work_product`, `owner`, `classification` or `review_due`) to `value`;
    /// an empty value clears the work product, owner or review date.
    Set { field: String, value: String },
    /// Marks the newest version reviewed, with the next review date when one is given.
    Review {
        #[serde(default)]
        next_review: String,
    },
    /// Links every item to the same requirements or questions.
    Link(LinkInput),
    /// Removes every item with its links (the vault keeps the contents).
    Remove,
}

/// What a bulk change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BulkOutcome {
    /// How many items were selected.
    pub selected: usize,
    /// How many changed: rows whose value changed, new links, items removed.
    pub changed: usize,
}

/// A checked change, ready for the store.
enum Checked {
    Set(BulkField),
    Review(Option<NaiveDate>),
    Link(super::LinkPlace),
    Remove,
}

impl Workspace {
    /// Applies `change` to every item of `selection` in one transaction (one run of journal
    /// entries); every problem of the change or the selection is reported before anything is
    /// saved. `today` decides the filter's states and a review's next date; `lang` the work
    /// product names the filter searches.
    pub fn bulk_evidence(
        &mut self,
        selection: &EvidenceSelection,
        change: &BulkChange,
        today: NaiveDate,
        lang: Lang,
    ) -> Result<BulkOutcome> {
        let mut errors = Vec::new();
        let checked = self.check_bulk(change, today, &mut errors)?;
        let ids = self.selected(selection, today, lang, &mut errors)?;
        let Some(checked) = checked.filter(|_| errors.is_empty()) else {
            return Err(Error::Invalid(errors));
        };
        let changed = self.db.write(|tx| match &checked {
            // A form of an item opened before this change is refused afterwards (issue 20).
            Checked::Set(field) => {
                claim_all(tx, Record::Evidence, &ids)?;
                table::bulk::set_field(tx, &ids, field)
            }
            Checked::Review(next) => {
                claim_all(tx, Record::Evidence, &ids)?;
                table::bulk::mark_reviewed(tx, &ids, *next)
            }
            Checked::Link(place) => ids
                .iter()
                .try_fold(0, |n, id| add_links(tx, *id, place).map(|added| n + added)),
            Checked::Remove => table::bulk::delete(tx, &ids),
        })?;
        tracing::info!(selected = ids.len(), changed, "bulk change of evidence");
        Ok(BulkOutcome {
            selected: ids.len(),
            changed,
        })
    }

    /// The ids a selection names, checked; problems in `errors`.
    fn selected(
        &self,
        selection: &EvidenceSelection,
        today: NaiveDate,
        lang: Lang,
        errors: &mut Vec<Invalid>,
    ) -> Result<Vec<i64>> {
        let ids = match (&selection.filter, selection.ids.is_empty()) {
            (Some(_), false) => {
                errors.push(Invalid::new(
                    "selection",
                    Message::new("evidence.bulk_ids_and_filter"),
                ));
                return Ok(Vec::new());
            }
            (Some(filter), true) => {
                let (query, _) = match filter.query(lang) {
                    Ok(query) => query,
                    Err(Error::Invalid(problems)) => {
                        errors.extend(problems);
                        return Ok(Vec::new());
                    }
                    Err(other) => return Err(other),
                };
                table::matching_ids(self.db.conn(), &query, today)?
            }
            (None, _) => existing_evidence(self, &selection.ids)?,
        };
        if ids.is_empty() {
            errors.push(Invalid::new(
                "selection",
                Message::new("evidence.bulk_nothing_selected"),
            ));
        }
        Ok(ids)
    }

    /// The change as the store applies it, or `None` with its problems in `errors`.
    fn check_bulk(
        &self,
        change: &BulkChange,
        today: NaiveDate,
        errors: &mut Vec<Invalid>,
    ) -> Result<Option<Checked>> {
        let before = errors.len();
        let checked = match change {
            BulkChange::Set { field, value } => {
                set_field(field, value.trim(), errors).map(Checked::Set)
            }
            BulkChange::Review { next_review } => Some(Checked::Review(next_review_date(
                next_review,
                today,
                errors,
            ))),
            BulkChange::Link(input) => match self.check_links(input, errors)? {
                Some(place) => Some(Checked::Link(place)),
                None => {
                    errors.push(Invalid::new("targets", Message::new("evidence.no_targets")));
                    None
                }
            },
            BulkChange::Remove => Some(Checked::Remove),
        };
        Ok(checked.filter(|_| errors.len() == before))
    }
}

/// The field a `set` names with its value checked as the item form checks it.
fn set_field(field: &str, value: &str, errors: &mut Vec<Invalid>) -> Option<BulkField> {
    match field {
        "work_product" => match value {
            "" | "other" => Some(BulkField::WorkProduct(None)),
            text => match work_product(text) {
                Some(wp) => Some(BulkField::WorkProduct(Some(wp.to_owned()))),
                None => {
                    errors.push(Invalid::new(
                        "work_product",
                        Message::new("evidence.bad_work_product").arg("given", text),
                    ));
                    None
                }
            },
        },
        "owner" => {
            let before = errors.len();
            text_problem("owner", value, MAX_NAME_LEN, errors);
            (errors.len() == before).then(|| BulkField::Owner(value.to_owned()))
        }
        "classification" => match Classification::parse(value) {
            Some(c) => Some(BulkField::Classification(c)),
            None => {
                errors.push(Invalid::new(
                    "classification",
                    Message::new("evidence.bad_classification").arg("given", value),
                ));
                None
            }
        },
        "review_due" => {
            let before = errors.len();
            let date = parse_date("review_due", value, errors);
            (errors.len() == before).then_some(BulkField::ReviewDue(date))
        }
        other => {
            errors.push(Invalid::new(
                "field",
                Message::new("evidence.bulk_bad_field").arg("given", other),
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests;
