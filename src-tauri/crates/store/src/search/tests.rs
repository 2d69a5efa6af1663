use super::*;
use crate::evidence::tests::{add, db};

fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

fn found(hits: &[Hit]) -> Vec<(&'static str, &str)> {
    hits.iter()
        .map(|h| (h.kind.as_str(), h.id.as_str()))
        .collect()
}

#[test]
fn every_kind_is_searched_by_every_word_with_a_limit_per_kind() {
    let (_dir, mut db, catalogue, _) = db();
    let tara = add(&mut db, "TARA Bremse", "/docs/tara-bremse.xlsx", 'a');
    add(&mut db, "Policy", "/docs/Überprüfung/policy.pdf", 'b');
    db.write(|tx| {
        tx.execute_batch(
            "INSERT INTO location (id, name, address) VALUES (1, 'Werk Nord', 'Bremen');
             INSERT INTO scope (id, name) VALUES (1, 'Bremse ECU');
             INSERT INTO audit (id, scope_id, kind, closing_meeting) VALUES (1, 1, 'initial', '2026-10-01');
             INSERT INTO finding (id, audit_id, question_id, kind, description)
                 VALUES (1, 1, '1.1', 'minor', 'TARA of the Bremse is outdated');
             INSERT INTO corrective_action (id, finding_id, description, owner, due)
                 VALUES (1, 1, 'Redo the TARA', 'Anna', '2026-12-01');",
        )?;
        Ok(())
    })
    .unwrap();
    let hits = search(db.conn(), &words("brem"), Some(catalogue), 5).unwrap();
    assert_eq!(
        found(&hits),
        [
            ("evidence", &*tara.to_string()),
            ("finding", "1"),
            ("location", "1"),
            ("scope", "1")
        ]
    );
    let finding = &hits[1];
    assert_eq!((finding.scope_id, finding.audit_id), (Some(1), Some(1)));
    // Every word must match, in any of the kind's texts.
    let hits = search(db.conn(), &words("tara anna"), Some(catalogue), 5).unwrap();
    assert_eq!(found(&hits), [("action", "1")]);
    // Letters beyond ASCII fold (ü), in paths too.
    let hits = search(db.conn(), &words("ÜBERPRÜFUNG"), Some(catalogue), 5).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].title, "Policy");
    // Requirements and questions by ID or text, at most `limit` each.
    let hits = search(db.conn(), &words("1.1"), Some(catalogue), 3).unwrap();
    let requirements = hits
        .iter()
        .filter(|h| h.kind == HitKind::Requirement)
        .count();
    let questions: Vec<&str> = hits
        .iter()
        .filter(|h| h.kind == HitKind::Question)
        .map(|h| h.id.as_str())
        .collect();
    assert_eq!(requirements, 3, "the limit holds per kind");
    assert_eq!(questions.first(), Some(&"1.1"));
    assert!(
        search(db.conn(), &words("1.1"), None, 3)
            .unwrap()
            .iter()
            .all(|h| h.kind != HitKind::Requirement),
        "without a catalogue no requirement is searched"
    );
    // LIKE's wildcards are plain characters.
    assert!(
        search(db.conn(), &words("%"), Some(catalogue), 5)
            .unwrap()
            .is_empty()
    );
    assert!(
        search(db.conn(), &[], Some(catalogue), 5)
            .unwrap()
            .is_empty()
    );
}

#[cfg(unix)]
#[test]
fn a_source_path_that_is_not_utf8_is_found_and_shown_with_a_replacement_character() {
    use std::os::unix::ffi::OsStrExt as _;
    let (_dir, mut db, catalogue, _) = db();
    let id = add(&mut db, "Latin-1 name", "/docs/placeholder.pdf", 'a');
    let path = std::path::Path::new(std::ffi::OsStr::from_bytes(b"/docs/caf\xe9-plan.pdf"));
    db.write(|tx| {
        crate::evidence::set_source(
            tx,
            id,
            path,
            crate::vault::Stamp {
                size: 1,
                mtime_ns: 0,
            },
        )
    })
    .unwrap();
    let hits = search(db.conn(), &words("plan"), Some(catalogue), 5).unwrap();
    let evidence: Vec<&Hit> = hits
        .iter()
        .filter(|h| h.kind == HitKind::Evidence)
        .collect();
    assert_eq!(evidence.len(), 1, "{hits:?}");
    assert_eq!(evidence[0].detail, "/docs/caf\u{fffd}-plan.pdf");
}
