use super::*;

/// A whole chain of `n` entries with its head, sealed as the workspace seals them.
fn chain(n: i64) -> (Vec<Entry>, Head) {
    let mut entries = Vec::new();
    let mut prev = GENESIS.to_owned();
    for seq in 1..=n {
        let mut entry = Entry {
            seq,
            at: format!("2026-11-25T10:00:{seq:02}.000Z"),
            user: "alice".into(),
            source: "cli evidence add".into(),
            table: "evidence".into(),
            op: "insert".into(),
            key: format!("[{seq}]"),
            before: None,
            after: Some(format!("{{\"title\":\"Plan {seq}\"}}")),
            prev_hash: Some(prev.clone()),
            hash: None,
        };
        let hash = entry_hash(&prev, &entry.fields());
        entry.hash = Some(hash.clone());
        prev = hash;
        entries.push(entry);
    }
    let head = Head { seq: n, hash: prev };
    (entries, head)
}

/// Gives `entries[i]` a hash that matches its (possibly changed) content, as a careful forger
/// would, and re-links and re-seals every entry after it and the head.
fn reseal_from(entries: &mut [Entry], head: &mut Head, i: usize) {
    let mut prev = if i == 0 {
        GENESIS.to_owned()
    } else {
        entries[i - 1].hash.clone().unwrap()
    };
    for entry in &mut entries[i..] {
        entry.prev_hash = Some(prev.clone());
        let hash = entry_hash(&prev, &entry.fields());
        entry.hash = Some(hash.clone());
        prev = hash;
    }
    head.seq = entries.last().map_or(0, |e| e.seq);
    head.hash = prev;
}

#[test]
fn a_whole_chain_verifies() {
    let (entries, head) = chain(6);
    assert_eq!(verify(&entries, Some(&head)), vec![]);
    assert_eq!(verify(&[], None), vec![]);
}

#[test]
fn the_hash_covers_every_field_and_the_previous_hash() {
    let (entries, _) = chain(1);
    let base = entries[0].fields();
    let original = entry_hash(GENESIS, &base);
    let variants = [
        EntryFields {
            at: "2026-11-25T10:00:02.000Z",
            ..base.clone()
        },
        EntryFields {
            user: "mallory",
            ..base.clone()
        },
        EntryFields {
            source: "app",
            ..base.clone()
        },
        EntryFields {
            table: "evidence_link",
            ..base.clone()
        },
        EntryFields {
            op: "delete",
            ..base.clone()
        },
        EntryFields {
            key: "[2]",
            ..base.clone()
        },
        EntryFields {
            before: Some("{}"),
            ..base.clone()
        },
        EntryFields {
            after: None,
            ..base.clone()
        },
    ];
    for v in &variants {
        assert_ne!(entry_hash(GENESIS, v), original, "{v:?}");
    }
    assert_ne!(entry_hash("00", &base), original);
    // Length prefixes: moving a character from one field to the next changes the hash.
    let a = EntryFields {
        user: "ab",
        source: "c",
        ..base.clone()
    };
    let b = EntryFields {
        user: "a",
        source: "bc",
        ..base.clone()
    };
    assert_ne!(entry_hash(GENESIS, &a), entry_hash(GENESIS, &b));
    // A missing value is not the same as an empty one.
    let none = EntryFields {
        before: None,
        ..base.clone()
    };
    let empty = EntryFields {
        before: Some(""),
        ..base
    };
    assert_ne!(entry_hash(GENESIS, &none), entry_hash(GENESIS, &empty));
}

#[test]
fn an_edited_entry_is_named() {
    let (mut entries, head) = chain(5);
    entries[2].after = Some("{\"title\":\"Forged\"}".into());
    assert_eq!(
        verify(&entries, Some(&head)),
        vec![Problem::Edited { seq: 3 }]
    );
}

#[test]
fn an_edited_and_resealed_entry_breaks_the_next_link() {
    let (mut entries, mut head) = chain(5);
    entries[2].user = "mallory".into();
    // Re-seal only entry 3: entry 4 still links to the old hash.
    let prev = entries[1].hash.clone().unwrap();
    entries[2].hash = Some(entry_hash(&prev, &entries[2].fields()));
    assert_eq!(
        verify(&entries, Some(&head)),
        vec![Problem::Replaced { seq: 4 }]
    );
    // The first entry edited and re-sealed: it is named itself when it is the last one.
    let (mut one, one_head) = chain(1);
    one[0].prev_hash = Some("x".into());
    one[0].hash = Some(entry_hash("x", &one[0].fields()));
    let problems = verify(&one, Some(&one_head));
    assert!(
        problems.contains(&Problem::Edited { seq: 1 }),
        "{problems:?}"
    );
    // A forger who re-seals every later entry and the head too is not seen: the chain shows
    // edits, it cannot stop someone who rewrites all of it (the exported copies can).
    reseal_from(&mut entries, &mut head, 2);
    assert_eq!(verify(&entries, Some(&head)), vec![]);
}

#[test]
fn a_deleted_entry_is_named_with_its_number() {
    let (mut entries, head) = chain(6);
    entries.remove(3);
    assert_eq!(
        verify(&entries, Some(&head)),
        vec![Problem::Deleted { first: 4, last: 4 }]
    );
    // Deleting a run, and re-linking across the gap, is still seen by the gap.
    let (mut entries, mut head) = chain(6);
    entries.drain(1..3);
    reseal_from(&mut entries, &mut head, 1);
    assert_eq!(
        verify(&entries, Some(&head)),
        vec![Problem::Deleted { first: 2, last: 3 }]
    );
}

#[test]
fn deleting_the_first_entries_is_seen() {
    let (mut entries, head) = chain(4);
    entries.drain(0..2);
    assert_eq!(
        verify(&entries, Some(&head)),
        vec![Problem::Deleted { first: 1, last: 2 }]
    );
}

#[test]
fn cutting_off_the_newest_entries_is_seen_through_the_head() {
    let (mut entries, head) = chain(5);
    entries.truncate(3);
    assert_eq!(
        verify(&entries, Some(&head)),
        vec![Problem::TailDeleted { last: 3, head: 5 }]
    );
    let (entries, mut head) = chain(3);
    head.hash = "0".repeat(64);
    assert_eq!(
        verify(&entries, Some(&head)),
        vec![Problem::HeadMismatch { seq: 3 }]
    );
    assert_eq!(
        verify(&entries, None),
        vec![Problem::HeadMismatch { seq: 0 }]
    );
}

#[test]
fn an_inserted_entry_is_named() {
    let (entries, head) = chain(4);
    // Renumber entries 3 and 4 and put a well-sealed forgery in as number 3.
    let mut forged = entries[2].clone();
    forged.after = Some("{\"title\":\"Backdated\"}".into());
    forged.prev_hash = entries[1].hash.clone();
    forged.hash = Some(entry_hash(
        entries[1].hash.as_deref().unwrap(),
        &forged.fields(),
    ));
    let mut tampered = entries[..2].to_vec();
    tampered.push(forged);
    for e in &entries[2..] {
        let mut e = e.clone();
        e.seq += 1;
        tampered.push(e);
    }
    let mut head = head;
    head.seq += 1;
    assert_eq!(
        verify(&tampered, Some(&head)),
        vec![Problem::Inserted { seq: 3 }]
    );
}

#[test]
fn an_entry_written_around_the_journal_is_unsealed() {
    let (mut entries, head) = chain(3);
    let mut raw = entries[1].clone();
    raw.seq = 4;
    raw.prev_hash = None;
    raw.hash = None;
    entries.push(raw);
    assert_eq!(
        verify(&entries, Some(&head)),
        vec![Problem::Unsealed { seq: 4 }]
    );
}

#[test]
fn a_long_journal_is_checked_in_bounded_memory_and_a_huge_insertion_still_shows() {
    let (entries, head) = chain(10_000);
    assert_eq!(verify(&entries, Some(&head)), vec![]);
    // More entries slipped in at one place than the verifier remembers: still reported, as a
    // broken link rather than as insertions.
    let (entries, head) = chain(INSERTION_WINDOW as i64 + 10);
    let mut tampered = entries.clone();
    let first_after = tampered.len() - 5;
    let mut late = tampered[first_after].clone();
    late.prev_hash = tampered[2].hash.clone();
    late.hash = Some(entry_hash(
        tampered[2].hash.as_deref().unwrap(),
        &late.fields(),
    ));
    tampered[first_after] = late;
    let problems = verify(&tampered, Some(&head));
    assert!(
        matches!(problems.first(), Some(Problem::Replaced { .. })),
        "{:?}",
        &problems[..problems.len().min(3)]
    );
}
