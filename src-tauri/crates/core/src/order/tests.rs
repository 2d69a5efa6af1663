use super::*;

fn sorted(mut texts: Vec<&str>) -> Vec<&str> {
    texts.sort_by(|a, b| natural_cmp(a, b).then_with(|| a.cmp(b)));
    texts
}

#[test]
fn numbers_in_texts_sort_by_value_not_by_digit() {
    assert_eq!(
        sorted(vec!["Item 10", "Item 9", "Item 100", "Item 09b", "Item 1"]),
        ["Item 1", "Item 9", "Item 09b", "Item 10", "Item 100"],
        "9 < 09b (same value, then the letter) < 10 < 100"
    );
    assert_eq!(
        natural_cmp("v007", "v7"),
        Ordering::Equal,
        "leading zeros do not count"
    );
    assert_eq!(natural_cmp("0", "00"), Ordering::Equal);
    assert_eq!(
        natural_cmp("2.10", "2.9"),
        Ordering::Greater,
        "each run on its own"
    );
}

#[test]
fn case_and_accents_do_not_count_but_letters_do() {
    assert_eq!(natural_cmp("Policy", "policy"), Ordering::Equal);
    assert_eq!(natural_cmp("Änderung", "anderung"), Ordering::Equal);
    assert_eq!(
        sorted(vec![
            "Zulieferer",
            "Übersicht",
            "apfel",
            "Ölwanne",
            "Bremse"
        ]),
        ["apfel", "Bremse", "Ölwanne", "Übersicht", "Zulieferer"],
        "umlauts sort with their base letter, as a German reader expects"
    );
    assert_eq!(natural_cmp("a", "b"), Ordering::Less);
    assert_eq!(
        natural_cmp("ab", "a"),
        Ordering::Greater,
        "a prefix comes first"
    );
    assert_eq!(natural_cmp("", "a"), Ordering::Less);
}

#[test]
fn the_order_is_a_total_order_on_a_mixed_list() {
    let texts = [
        "", "a", "A", "a1", "a01", "a2", "a10", "Ä", "b", "1", "01", "10", "x-1", "x 1", "ß", "é9",
        "E10",
    ];
    for a in texts {
        assert_eq!(natural_cmp(a, a), Ordering::Equal);
        for b in texts {
            assert_eq!(
                natural_cmp(a, b),
                natural_cmp(b, a).reverse(),
                "antisymmetric: {a:?} {b:?}"
            );
            for c in texts {
                if natural_cmp(a, b) != Ordering::Greater && natural_cmp(b, c) != Ordering::Greater
                {
                    assert_ne!(
                        natural_cmp(a, c),
                        Ordering::Greater,
                        "transitive: {a:?} ≤ {b:?} ≤ {c:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn keys_order_texts_exactly_as_the_comparison_does() {
    for a in KEY_TEXTS {
        for b in KEY_TEXTS {
            assert_eq!(
                natural_key(a).cmp(&natural_key(b)),
                natural_cmp(a, b),
                "{a:?} against {b:?}"
            );
        }
    }
}

/// A beginning two texts share is skipped without folding; it must not change their order,
/// wherever it ends: inside a number, inside a character of several bytes, before a letter.
#[test]
fn a_shared_beginning_does_not_change_the_order() {
    for prefix in [
        "document-",
        "doc-0",
        "doc 12",
        "Ä-",
        "ä",
        "x9",
        "Item 0010 ",
    ] {
        for a in KEY_TEXTS {
            for b in KEY_TEXTS {
                let (a, b) = (format!("{prefix}{a}"), format!("{prefix}{b}"));
                assert_eq!(
                    natural_cmp(&a, &b),
                    natural_key(&a).cmp(&natural_key(&b)),
                    "{a:?} against {b:?}"
                );
            }
        }
    }
    // Texts that share bytes but not whole characters ("é" and "ê" share their first byte).
    assert_eq!(
        natural_cmp("caé", "caê"),
        natural_key("caé").cmp(&natural_key("caê"))
    );
    assert_eq!(
        natural_cmp("a19", "a100"),
        Ordering::Less,
        "19 before 100 though they share the 1"
    );
    assert_eq!(
        natural_cmp("a0100", "a100"),
        Ordering::Equal,
        "leading zeros still count for nothing"
    );
}

const KEY_TEXTS: [&str; 32] = [
    "",
    "a",
    "A",
    "a1",
    "a01",
    "a2",
    "a10",
    "a9",
    "a123456789",
    "a1234567890",
    "a999999999",
    "a00000000001",
    "Ä",
    "b",
    "1",
    "01",
    "10",
    "0",
    "00",
    "x-1",
    "x 1",
    "x:1",
    "ß",
    "é9",
    "E10",
    "Item 9",
    "Item 10",
    "“quoted”",
    "9z",
    "9:",
    "12345678",
    "123456789",
];

#[test]
fn a_direction_reads_and_reverses() {
    assert_eq!(Direction::parse(" DESC "), Some(Direction::Descending));
    assert_eq!(Direction::parse("ascending"), Some(Direction::Ascending));
    assert_eq!(Direction::parse("up"), None);
    assert_eq!(
        Direction::Descending.apply(Ordering::Less),
        Ordering::Greater
    );
    assert_eq!(Direction::Ascending.as_str(), "asc");
}

#[test]
fn folded_containment_ignores_case_beyond_ascii() {
    assert!(contains_folded("Übersicht der Schutzziele", "übersicht"));
    assert!(contains_folded("TARA brake", "Brake"));
    assert!(!contains_folded("TARA", "tarb"));
    assert!(
        !contains_folded("Ubersicht", "Über"),
        "an ASCII text never holds a part that is not"
    );
    assert!(
        contains_folded("Temperature 300 \u{212a}", "k"),
        "the Kelvin sign folds to an ASCII k"
    );
    let part = FoldedPart::new("ÖL");
    assert!(part.is_in("Ölwanne") && part.is_in("Kühlöl") && !part.is_in("Oel"));
}
