use super::*;
use std::collections::BTreeSet;

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}'))
        // `{count|one|other}`: the argument is the name; the branches are translated text.
        .map(|(n, _)| n.split('|').next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn both_catalogue_files_are_well_formed() {
    for lang in Lang::ALL {
        let (_, bad) = parse(lang.source());
        assert!(
            bad.is_empty(),
            "{} has lines that are not `key = text`: {bad:?}",
            lang.tag()
        );
    }
}

#[test]
fn english_and_german_have_the_same_keys() {
    let en: BTreeSet<_> = catalogue(Lang::English).keys().collect();
    let de: BTreeSet<_> = catalogue(Lang::German).keys().collect();
    assert_eq!(
        en.difference(&de).collect::<Vec<_>>(),
        Vec::<&&&str>::new(),
        "keys missing in de.txt"
    );
    assert_eq!(
        de.difference(&en).collect::<Vec<_>>(),
        Vec::<&&&str>::new(),
        "keys missing in en.txt"
    );
}

#[test]
fn every_translation_uses_the_same_placeholders_as_english() {
    let de = catalogue(Lang::German);
    for (key, en_text) in catalogue(Lang::English) {
        let de_text = &de[key];
        assert_eq!(
            placeholders(en_text),
            placeholders(de_text),
            "placeholders of {key} differ"
        );
    }
}

#[test]
fn arguments_replace_their_placeholders() {
    let msg = Message::new("error.workspace_missing").arg("path", "/tmp/ws");
    let text = msg.render(Lang::English);
    assert!(text.contains("/tmp/ws"), "the path is named: {text}");
    assert!(!text.contains('{'), "no placeholder is left: {text}");
}

#[test]
fn a_german_locale_selects_german_and_anything_else_english() {
    assert_eq!(Lang::from_locale(Some("de_DE.UTF-8")), Lang::German);
    assert_eq!(Lang::from_locale(Some("de-AT")), Lang::German);
    assert_eq!(Lang::from_locale(Some("fr-FR")), Lang::English);
    assert_eq!(Lang::from_locale(Some("C")), Lang::English);
    assert_eq!(Lang::from_locale(None), Lang::English);
}

#[test]
fn an_unknown_key_renders_as_itself() {
    assert_eq!(
        Message::new("no.such.key").render(Lang::German),
        "no.such.key"
    );
}

/// Every `.rs` file below `dir`.
fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals that follow `marker` in `text`.
fn literals_after<'t>(text: &'t str, marker: &str) -> Vec<&'t str> {
    text.match_indices(marker)
        .filter_map(|(at, _)| {
            let rest = &text[at + marker.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

#[test]
fn every_key_the_rust_code_names_is_in_the_catalogue() {
    // The shells and every crate below them, so a typo or a forgotten text fails here rather
    // than showing a bare key to a user.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let known = catalogue(Lang::English);
    let mut missing = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let keys = literals_after(&text, "Message::new(\"")
            .into_iter()
            .chain(literals_after(&text, "kind: \"thing."));
        for key in keys {
            let key = if key.contains('.') {
                key.to_owned()
            } else {
                format!("thing.{key}")
            };
            let is_test_key = key.starts_with("no.such") || key == "thing.";
            if !is_test_key && !known.contains_key(key.as_str()) {
                missing.push(format!("{key} ({})", file.display()));
            }
        }
    }
    assert!(missing.is_empty(), "keys without a text: {missing:#?}");
}

#[test]
fn a_count_chooses_the_singular_only_for_one() {
    let fill = |n: u32| {
        super::fill(
            "{count|# new link|# new links} in {scope}",
            &[("count", n.to_string()), ("scope", "ECU".into())],
        )
    };
    assert_eq!(fill(1), "1 new link in ECU");
    assert_eq!(fill(0), "0 new links in ECU");
    assert_eq!(fill(2), "2 new links in ECU");
    assert_eq!(
        fill(21),
        "21 new links in ECU",
        "English and German: only exactly 1 is singular"
    );
}

#[test]
fn text_an_argument_brings_is_never_filled_again() {
    let text = super::fill("{a} and {b}", &[("a", "{b}".into()), ("b", "x".into())]);
    assert_eq!(text, "{b} and x");
    assert_eq!(super::fill("{missing} stays", &[]), "{missing} stays");
}

#[test]
fn no_message_writes_a_plural_with_brackets() {
    for lang in Lang::ALL {
        for (key, text) in catalogue(lang) {
            assert!(
                !["(s)", "(en)", "(e)", "(n)", "(se)"]
                    .iter()
                    .any(|b| text.contains(b)),
                "{key} ({lang:?}) writes a plural with brackets; use {{count|one|other}}: {text}"
            );
        }
    }
}
