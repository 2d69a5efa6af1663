//! Reference tags in catalogue cells: `[RQ-05-01]`, `[WP-09-02]`, `[ISO 19011 §5.2]`.
//!
//! A cell holds any number of bracketed tags, usually one per line, sometimes with free text
//! around them. ISO/SAE 21434 tags are recognised (provisions RQ/RC/PM and work products WP,
//! with clause and number); everything else is kept as an "other" tag, so that a search for
//! `ISA 5.0` finds it too.

/// What kind of reference a tag is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceKind {
    /// `RQ-cc-nn`: an ISO/SAE 21434 requirement (shall).
    Requirement21434,
    /// `RC-cc-nn`: an ISO/SAE 21434 recommendation (should).
    Recommendation21434,
    /// `PM-cc-nn`: an ISO/SAE 21434 permission (may).
    Permission21434,
    /// `WP-cc-nn`: an ISO/SAE 21434 work product.
    WorkProduct21434,
    /// Any other tag (ISO 19011, ISA, UN R155, ...).
    Other,
}

impl ReferenceKind {
    /// The stored name: `RQ`, `RC`, `PM`, `WP` or `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReferenceKind::Requirement21434 => "RQ",
            ReferenceKind::Recommendation21434 => "RC",
            ReferenceKind::Permission21434 => "PM",
            ReferenceKind::WorkProduct21434 => "WP",
            ReferenceKind::Other => "other",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        [
            ReferenceKind::Requirement21434,
            ReferenceKind::Recommendation21434,
            ReferenceKind::Permission21434,
            ReferenceKind::WorkProduct21434,
            ReferenceKind::Other,
        ]
        .into_iter()
        .find(|k| k.as_str() == name)
    }
}

/// One bracketed tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The text inside the brackets, trimmed: `RQ-07-04d`, `ISO 19011 §5.2`.
    pub tag: String,
    pub kind: ReferenceKind,
    /// The ISO/SAE 21434 clause (5 to 15) of a 21434 tag.
    pub clause: Option<u8>,
}

/// Every bracketed tag in `text`, in order. Unclosed brackets are ignored.
pub fn parse_references(text: &str) -> Vec<Reference> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else { break };
        let tag = after[..close].trim();
        if !tag.is_empty() {
            found.push(classify(tag));
        }
        rest = &after[close + 1..];
    }
    found
}

fn classify(tag: &str) -> Reference {
    let kind = match tag.get(..3) {
        Some("RQ-") => ReferenceKind::Requirement21434,
        Some("RC-") => ReferenceKind::Recommendation21434,
        Some("PM-") => ReferenceKind::Permission21434,
        Some("WP-") => ReferenceKind::WorkProduct21434,
        _ => ReferenceKind::Other,
    };
    // `RQ-07-04d`: two digits of clause, two of number, an optional letter.
    let clause = tag
        .get(3..5)
        .filter(|_| kind != ReferenceKind::Other && tag.as_bytes().get(5) == Some(&b'-'))
        .and_then(|c| c.parse::<u8>().ok())
        .filter(|c| (5..=15).contains(c))
        .filter(|_| {
            tag.get(6..8)
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        });
    match clause {
        Some(clause) => Reference {
            tag: tag.to_owned(),
            kind,
            clause: Some(clause),
        },
        None => Reference {
            tag: tag.to_owned(),
            kind: ReferenceKind::Other,
            clause: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_tags_per_cell_are_found_in_order() {
        let refs = parse_references("[RQ-05-01]\n[ISO 19011 §5.2]");
        let tags: Vec<_> = refs.iter().map(|r| r.tag.as_str()).collect();
        assert_eq!(tags, ["RQ-05-01", "ISO 19011 §5.2"]);
        assert_eq!(refs[0].kind, ReferenceKind::Requirement21434);
        assert_eq!(refs[0].clause, Some(5));
        assert_eq!(refs[1].kind, ReferenceKind::Other);
    }

    #[test]
    fn provisions_with_a_letter_and_work_products_are_21434() {
        let refs = parse_references("see [RQ-07-04d] and [ WP-09-02 ] plus [RC-15-08] [PM-08-01]");
        let kinds: Vec<_> = refs.iter().map(|r| (r.kind, r.clause)).collect();
        assert_eq!(
            kinds,
            [
                (ReferenceKind::Requirement21434, Some(7)),
                (ReferenceKind::WorkProduct21434, Some(9)),
                (ReferenceKind::Recommendation21434, Some(15)),
                (ReferenceKind::Permission21434, Some(8)),
            ]
        );
        assert_eq!(refs[1].tag, "WP-09-02", "tags are trimmed");
    }

    #[test]
    fn malformed_21434_lookalikes_are_other_tags() {
        for text in ["[RQ-5-01]", "[WP-99-01]", "[RQ-05]", "[WPX]"] {
            assert_eq!(
                parse_references(text)[0].kind,
                ReferenceKind::Other,
                "{text}"
            );
        }
    }

    #[test]
    fn free_text_and_unclosed_brackets_yield_no_tags() {
        assert!(parse_references("None").is_empty());
        assert!(parse_references("[unclosed").is_empty());
        assert!(parse_references("[]").is_empty());
    }
}
