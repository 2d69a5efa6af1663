//! One page of the deadlines a filter keeps, sorted by a column of the deadlines screen, with
//! the counts of all of them.
//!
//! The evidence reviews, which are most of the list (one per item with a review date), are
//! counted and cut by the database: in the page's order as it falls among them (store's
//! `ReviewOrder`), only the first `offset + limit` are read, since no later one can come
//! before them; they are merged with the few other deadlines, sorted and cut again. Without a
//! limit, or when the texts of reviews do not all start alike, every deadline the filter keeps
//! is built and sorted here.

use chrono::NaiveDate;
use csmsdesk_core::deadlines::{Deadline, DeadlineColumn, DeadlineFilter, sort_by};
use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_core::order::Direction;
use csmsdesk_store::evidence::{self as evidence_table, ReviewOrder};

use super::{review_deadline, review_filter};
use crate::input::{page_limit, sort_column, sort_direction};
use crate::{Result, Workspace};

/// What the deadlines screen asks for besides the filter: the order and which rows.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct DeadlinePageInput {
    /// `due` (the default), `countdown`, `kind`, `what`, `scope` or `owner`.
    pub sort: String,
    /// `asc` (the default) or `desc`.
    pub direction: String,
    /// Rows to skip.
    pub offset: u64,
    /// Rows to return; `None` for all the filter keeps.
    pub limit: Option<u64>,
}

/// One page of the deadlines a filter keeps, with the counts of all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlinePage {
    pub deadlines: Vec<Deadline>,
    /// How many deadlines the filter keeps.
    pub total: u64,
    /// How many of those are overdue.
    pub overdue: u64,
    /// How many of those are not overdue but due within `soon_days`.
    pub soon: u64,
    /// The label expiry warning (days), which "soon" counts by.
    pub soon_days: i64,
    pub offset: u64,
    pub limit: Option<u64>,
    pub sort: DeadlineColumn,
    pub direction: Direction,
}

/// How many deadlines a filter keeps, and how many of those are overdue or due soon.
#[derive(Debug, Clone, Copy)]
struct Counts {
    total: u64,
    overdue: u64,
    soon: u64,
}

/// The counts of `list` on `today`, "soon" meaning not overdue and due within `soon_days`.
fn counts(list: &[Deadline], today: NaiveDate, soon_days: i64) -> Counts {
    let count = |keep: &dyn Fn(&Deadline) -> bool| {
        u64::try_from(list.iter().filter(|d| keep(d)).count()).unwrap_or(u64::MAX)
    };
    Counts {
        total: count(&|_| true),
        overdue: count(&|d| d.overdue(today)),
        soon: count(&|d| !d.overdue(today) && d.days_left(today) <= soon_days),
    }
}

impl Workspace {
    /// The page of deadlines `filter` keeps on `today` that `input` asks for, sorted by its
    /// column (texts as read in `lang`), with the counts of all that the filter keeps. Only
    /// the page leaves; the order is decided where the deadlines are.
    pub fn deadlines_page(
        &self,
        filter: &DeadlineFilter,
        input: &DeadlinePageInput,
        today: NaiveDate,
        lang: Lang,
    ) -> Result<DeadlinePage> {
        let mut errors = Vec::new();
        let sort = sort_column(
            &input.sort,
            DeadlineColumn::Due,
            &DeadlineColumn::ALL,
            DeadlineColumn::as_str,
            DeadlineColumn::parse,
            &mut errors,
        );
        let direction = sort_direction(&input.direction, &mut errors);
        let limit = page_limit(input.limit, &mut errors);
        if !errors.is_empty() {
            return Err(crate::Error::Invalid(errors));
        }
        let soon_days = self.rules()?.label_expiry_warning_days;
        let (mut list, counted) = match (limit, review_order(sort, lang)) {
            (Some(limit), Some(order)) => {
                let rows = input.offset.saturating_add(limit);
                let page = FirstRows {
                    order,
                    descending: direction == Direction::Descending,
                    rows,
                };
                self.first_rows(filter, today, soon_days, &page)?
            }
            _ => {
                let list = self.deadlines(filter, today)?;
                let counted = counts(&list, today, soon_days);
                (list, counted)
            }
        };
        sort_by(&mut list, sort, direction, lang);
        let skip = usize::try_from(input.offset).unwrap_or(usize::MAX);
        let take = limit.map_or(usize::MAX, |l| usize::try_from(l).unwrap_or(usize::MAX));
        Ok(DeadlinePage {
            deadlines: list.into_iter().skip(skip).take(take).collect(),
            total: counted.total,
            overdue: counted.overdue,
            soon: counted.soon,
            soon_days,
            offset: input.offset,
            limit,
            sort,
            direction,
        })
    }

    /// The deadlines `filter` keeps on `today` of which a page's first `rows` rows are made,
    /// and the counts of all of them: every other deadline, and of the evidence reviews the
    /// first `rows` in the page's order (read by the database) and their counts.
    fn first_rows(
        &self,
        filter: &DeadlineFilter,
        today: NaiveDate,
        soon_days: i64,
        page: &FirstRows,
    ) -> Result<(Vec<Deadline>, Counts)> {
        let mut list = self.deadlines_but_reviews(filter, today)?;
        let mut counted = counts(&list, today, soon_days);
        if let Some(reviews) = review_filter(filter, today) {
            let conn = self.db.conn();
            let soon_until = u64::try_from(soon_days)
                .ok()
                .and_then(|days| today.checked_add_days(chrono::Days::new(days)))
                .unwrap_or(today);
            let review = evidence_table::review_counts(conn, &reviews, today, soon_until)?;
            counted.total += review.total;
            counted.overdue += review.overdue;
            counted.soon += review.soon;
            let first = evidence_table::review_dates(
                conn,
                &reviews,
                &page.order,
                page.descending,
                Some(page.rows),
            )?;
            list.extend(first.into_iter().map(review_deadline));
        }
        Ok((list, counted))
    }
}

/// The first rows of a page: in which order, and how many.
struct FirstRows {
    order: ReviewOrder,
    descending: bool,
    rows: u64,
}

/// The order `column` puts evidence reviews in among themselves, for the database to read
/// them in; `None` when it cannot. They share a kind and have no scope, so by those columns
/// (and by date) they fall in date order. By what is due, their texts in `lang` differ only
/// in the title and what follows it, so they fall in the order of the title and that suffix,
/// unless the text before the title ends in a digit (which people's order would read together
/// with digits the title starts with).
fn review_order(column: DeadlineColumn, lang: Lang) -> Option<ReviewOrder> {
    match column {
        DeadlineColumn::Due
        | DeadlineColumn::Countdown
        | DeadlineColumn::Kind
        | DeadlineColumn::Scope => Some(ReviewOrder::Date),
        DeadlineColumn::Owner => Some(ReviewOrder::Owner),
        DeadlineColumn::What => {
            const MARK: char = '\u{1}';
            let text = Message::new("deadline.evidence_review")
                .arg("title", MARK)
                .render(lang);
            let (before, after) = text.split_once(MARK)?;
            let alike = !before.ends_with(|c: char| c.is_ascii_digit()) && !after.contains(MARK);
            alike.then(|| ReviewOrder::Text {
                suffix: after.to_owned(),
            })
        }
    }
}
