use super::*;
use crate::evidence::tests::{add, db};
use crate::evidence::{add_version, get};
use crate::journal;

#[test]
fn a_field_set_on_many_items_changes_only_those_with_another_value() {
    let (_dir, mut db, _, _) = db();
    let a = add(&mut db, "A", "/docs/a.pdf", 'a');
    let b = add(&mut db, "B", "/docs/b.pdf", 'b');
    let c = add(&mut db, "C", "/docs/c.pdf", 'c');
    let before = journal::count(db.conn()).unwrap();
    let wp = BulkField::WorkProduct(Some("WP-09-02".into()));
    let changed = db.write(|tx| set_field(tx, &[a, b], &wp)).unwrap();
    assert_eq!(changed, 2);
    assert_eq!(
        get(db.conn(), a).unwrap().unwrap().work_product.as_deref(),
        Some("WP-09-02")
    );
    assert_eq!(
        get(db.conn(), c).unwrap().unwrap().work_product.as_deref(),
        Some("WP-05-01"),
        "an item not in the list keeps its value"
    );
    assert_eq!(
        journal::count(db.conn()).unwrap() - before,
        2,
        "one journal entry per changed item"
    );
    let again = db.write(|tx| set_field(tx, &[a, b], &wp)).unwrap();
    assert_eq!(
        again, 0,
        "setting a value an item has already changes nothing"
    );
    let none = BulkField::WorkProduct(None);
    db.write(|tx| set_field(tx, &[c], &none)).unwrap();
    assert_eq!(get(db.conn(), c).unwrap().unwrap().work_product, None);
    let owner = BulkField::Owner("Quality".into());
    let due = BulkField::ReviewDue(None);
    let open = BulkField::Classification(Classification::Public);
    db.write(|tx| {
        set_field(tx, &[a, b, c], &owner)?;
        set_field(tx, &[a], &due)?;
        set_field(tx, &[b], &open)
    })
    .unwrap();
    let a = get(db.conn(), a).unwrap().unwrap();
    assert_eq!((a.owner.as_str(), a.review_due), ("Quality", None));
    let b = get(db.conn(), b).unwrap().unwrap();
    assert_eq!(b.classification, Classification::Public);
}

#[test]
fn many_items_are_marked_reviewed_and_removed_at_once() {
    let (_dir, mut db, _, _) = db();
    let a = add(&mut db, "A", "/docs/a.pdf", 'a');
    let b = add(&mut db, "B", "/docs/b.pdf", 'b');
    db.write(|tx| {
        add_version(
            tx,
            a,
            &crate::vault::Blob {
                sha256: "d".repeat(64),
                size: 3,
            },
            "a.pdf",
            crate::vault::Stamp {
                size: 3,
                mtime_ns: 1,
            },
            "2026-11-26T10:00:00Z",
        )
        .map(|_| ())
    })
    .unwrap();
    assert!(get(db.conn(), a).unwrap().unwrap().reviewed_version < 2);
    let next = NaiveDate::from_ymd_opt(2027, 6, 1);
    let changed = db.write(|tx| mark_reviewed(tx, &[a, b], next)).unwrap();
    assert_eq!(changed, 2, "a is reviewed anew, b gets a new date");
    let a_now = get(db.conn(), a).unwrap().unwrap();
    assert_eq!((a_now.reviewed_version, a_now.review_due), (2, next));
    let kept = db.write(|tx| mark_reviewed(tx, &[b], None)).unwrap();
    assert_eq!(
        kept, 0,
        "no date given keeps the date, and b is reviewed already"
    );
    assert_eq!(get(db.conn(), b).unwrap().unwrap().review_due, next);
    let removed = db.write(|tx| delete(tx, &[a, b, 999])).unwrap();
    assert_eq!(removed, 2);
    assert!(get(db.conn(), a).unwrap().is_none());
}
