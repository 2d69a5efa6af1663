use std::path::Path;

use super::*;
use crate::Db;
use crate::evidence::{EvidenceDetails, insert};
use crate::vault::{Blob, Stamp};
use csmsdesk_core::evidence::Classification;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Twelve items: ids 1 to 12; the even ones are due 2026-12-01, the odd ones 2026-11-20 but
/// for item 1 without a date; owners alternate between "Jörg" and nobody.
fn db() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::create(
        &dir.path().join("workspace.sqlite"),
        "2026-11-25T10:00:00Z",
        "t",
    )
    .unwrap();
    db.write(|tx| {
        for n in 1..=12 {
            let details = EvidenceDetails {
                title: format!("Item {n}"),
                work_product: None,
                owner: if n % 3 == 0 {
                    "Jörg".into()
                } else {
                    String::new()
                },
                classification: Classification::Internal,
                review_due: match n {
                    1 => None,
                    n if n % 2 == 0 => Some(day("2026-12-01")),
                    _ => Some(day("2026-11-20")),
                },
            };
            let blob = Blob {
                sha256: format!("{n:064x}"),
                size: 1,
            };
            let stamp = Stamp {
                size: 1,
                mtime_ns: 0,
            };
            insert(
                tx,
                &details,
                Path::new(&format!("/d/{n}")),
                stamp,
                &blob,
                "f",
                "t",
            )?;
        }
        Ok(())
    })
    .unwrap();
    (dir, db)
}

fn ids(rows: &[ReviewDate]) -> Vec<i64> {
    rows.iter().map(|r| r.id).collect()
}

#[test]
fn review_dates_come_in_the_deadline_lists_order_and_its_reverse() {
    let (_dir, db) = db();
    let all = review_dates(
        db.conn(),
        &ReviewFilter::default(),
        &ReviewOrder::Date,
        false,
        None,
    )
    .unwrap();
    assert_eq!(
        ids(&all),
        [11, 3, 5, 7, 9, 10, 12, 2, 4, 6, 8],
        "by date, then by the key as text: evidence-review-11 before evidence-review-3"
    );
    let last = review_dates(
        db.conn(),
        &ReviewFilter::default(),
        &ReviewOrder::Date,
        true,
        Some(3),
    )
    .unwrap();
    assert_eq!(ids(&last), [8, 6, 4], "the reverse, cut after three");
    assert!(
        review_dates(
            db.conn(),
            &ReviewFilter::default(),
            &ReviewOrder::Date,
            false,
            Some(0)
        )
        .unwrap()
        .is_empty()
    );
}

#[test]
fn review_dates_filter_by_owner_and_look_ahead_and_count_in_one_pass() {
    let (_dir, db) = db();
    let joerg = ReviewFilter {
        owner: Some("JÖRG".into()),
        due_by: None,
    };
    assert_eq!(
        ids(&review_dates(db.conn(), &joerg, &ReviewOrder::Date, false, None).unwrap()),
        [3, 9, 12, 6],
        "case ignored beyond ASCII; items without an owner never match"
    );
    let soon = ReviewFilter {
        owner: None,
        due_by: Some(day("2026-11-30")),
    };
    assert_eq!(
        ids(&review_dates(db.conn(), &soon, &ReviewOrder::Date, false, None).unwrap()),
        [11, 3, 5, 7, 9]
    );
    let today = day("2026-11-25");
    assert_eq!(
        review_counts(
            db.conn(),
            &ReviewFilter::default(),
            today,
            day("2026-12-01")
        )
        .unwrap(),
        ReviewCounts {
            total: 11,
            overdue: 5,
            soon: 6
        }
    );
    assert_eq!(
        review_counts(db.conn(), &joerg, today, day("2026-11-30")).unwrap(),
        ReviewCounts {
            total: 4,
            overdue: 2,
            soon: 0
        }
    );
}

#[test]
fn review_dates_by_owner_keep_those_without_one_last_and_by_text_follow_the_title() {
    let (_dir, db) = db();
    let filter = ReviewFilter::default();
    let read = |order: &ReviewOrder, descending| {
        ids(&review_dates(db.conn(), &filter, order, descending, Some(5)).unwrap())
    };
    assert_eq!(
        read(&ReviewOrder::Owner, false),
        [3, 9, 12, 6, 11],
        "Jörg's by date, then those without an owner by date"
    );
    assert_eq!(read(&ReviewOrder::Owner, true), [6, 12, 9, 3, 8]);
    let text = ReviewOrder::Text {
        suffix: "”".into()
    };
    assert_eq!(
        read(&text, false),
        [2, 3, 4, 5, 6],
        "Item 2 before Item 10: numbers by value"
    );
    assert_eq!(read(&text, true), [12, 11, 10, 9, 8]);
}

#[test]
fn postgresql_s_order_by_text_made_in_rust_agrees_with_sqlite_s_collation_for_every_page_size() {
    let (_dir, db) = db();
    let filter = ReviewFilter::default();
    let all = review_dates(db.conn(), &filter, &ReviewOrder::Date, false, None).unwrap();
    let suffix = "”";
    let text = ReviewOrder::Text {
        suffix: suffix.into(),
    };
    for descending in [false, true] {
        for limit in 0..=all.len() as i64 + 1 {
            let sqlite = review_dates(db.conn(), &filter, &text, descending, Some(limit as u64));
            let rust = first_by_text(all.clone(), suffix, descending, limit);
            assert_eq!(
                ids(&rust),
                ids(&sqlite.unwrap()),
                "limit {limit}, descending {descending}"
            );
        }
    }
}
