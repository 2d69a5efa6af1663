//! The body of the `reference_tags` fuzz target (`fuzz/`), shared with the replay of its saved
//! corpus in `tests/fuzz_corpus.rs`, so that `cargo test` runs every input the fuzzer kept.
//!
//! Not an API: it panics on purpose when a property of [`parse_references`] fails.

use crate::catalogue::references::{ReferenceKind, parse_references};

/// Parses `bytes` (when they are UTF-8) as a catalogue cell and checks what holds for every
/// output: each tag is non-empty, trimmed, free of `]` and found in the input, in order; its
/// kind and clause agree; and writing the tags back in brackets reads as the same tags.
pub fn reference_tags(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let references = parse_references(text);
    assert!(
        references.len() <= text.matches(']').count(),
        "every tag is closed by its own bracket"
    );
    let mut rest = text;
    for reference in &references {
        let tag = reference.tag.as_str();
        assert!(!tag.is_empty(), "empty brackets yield no tag");
        assert_eq!(tag, tag.trim(), "tags are trimmed");
        assert!(
            !tag.contains(']'),
            "a tag ends at the first closing bracket"
        );
        let at = rest
            .find(tag)
            .unwrap_or_else(|| panic!("tag {tag:?} is not in the rest of the input"));
        rest = &rest[at + tag.len()..];
        match reference.kind {
            ReferenceKind::Other => assert_eq!(reference.clause, None, "{tag:?}"),
            kind => {
                let clause = reference.clause.expect("a 21434 tag has a clause");
                assert!((5..=15).contains(&clause), "{tag:?}");
                assert!(tag.starts_with(&format!("{}-", kind.as_str())), "{tag:?}");
                assert_eq!(tag.get(3..5).and_then(|c| c.parse().ok()), Some(clause));
            }
        }
        assert_eq!(
            ReferenceKind::parse(reference.kind.as_str()),
            Some(reference.kind)
        );
    }
    let rewritten: String = references
        .iter()
        .map(|r| format!("[{}]\n", r.tag))
        .collect();
    assert_eq!(
        parse_references(&rewritten),
        references,
        "the tags, written back in brackets, read as the same tags"
    );
}
