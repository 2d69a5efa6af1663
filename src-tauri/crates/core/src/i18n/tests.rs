use super::*;
use std::collections::BTreeSet;

/// The variables a message's text uses (`{ $name }` and selectors `{ $name ->`): its first
/// line and the indented lines that continue it.
fn variables(source: &str, id: &str) -> BTreeSet<String> {
    let head = format!("{id} = ");
    let mut lines = source.lines().skip_while(|line| !line.starts_with(&head));
    let first = lines
        .next()
        .unwrap_or_else(|| panic!("{id} is not in the source"));
    let text: Vec<&str> = std::iter::once(first)
        .chain(lines.take_while(|line| line.starts_with(' ')))
        .collect();
    text.join("\n")
        .split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect()
        })
        .collect()
}

#[test]
fn both_catalogue_files_parse_without_a_single_error() {
    for lang in Lang::ALL {
        let (_, errors) = parse(lang.source());
        assert!(
            errors.is_empty(),
            "{}.ftl has syntax errors: {errors:#?}",
            lang.tag()
        );
        let ids = ids(lang);
        let unique: BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{}.ftl repeats an id", lang.tag());
        assert!(ids.len() > 1000, "the whole catalogue is read");
    }
}

#[test]
fn every_message_renders_in_both_languages_without_an_error() {
    // format_pattern reports a missing argument, a reference to a missing message or term,
    // and a select without a default: with every argument given, nothing may be reported.
    for lang in Lang::ALL {
        let bundle = bundle(lang);
        for id in ids(lang) {
            let pattern = bundle.get_message(id).and_then(|m| m.value());
            let pattern = pattern.unwrap_or_else(|| panic!("{id} ({lang:?}) has no value"));
            let mut args = FluentArgs::new();
            for name in variables(lang.source(), id) {
                args.set(name, 2);
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{id} ({lang:?}): {errors:?}");
            assert!(
                !text.contains('{'),
                "{id} ({lang:?}) leaves a placeholder: {text}"
            );
        }
    }
}

#[test]
fn english_and_german_have_the_same_keys() {
    let en: BTreeSet<_> = ids(Lang::English).into_iter().collect();
    let de: BTreeSet<_> = ids(Lang::German).into_iter().collect();
    assert_eq!(
        en.difference(&de).collect::<Vec<_>>(),
        Vec::<&&str>::new(),
        "keys missing in de.ftl"
    );
    assert_eq!(
        de.difference(&en).collect::<Vec<_>>(),
        Vec::<&&str>::new(),
        "keys missing in en.ftl"
    );
}

#[test]
fn every_translation_uses_the_same_variables_as_english() {
    for id in ids(Lang::English) {
        assert_eq!(
            variables(Lang::English.source(), id),
            variables(Lang::German.source(), id),
            "variables of {id} differ"
        );
    }
}

#[test]
fn a_call_site_key_finds_its_message_with_dots_turned_into_dashes() {
    assert_eq!(
        fluent_id("deadline.kind.vcs-label"),
        "deadline-kind-vcs-label"
    );
    assert!(has(Lang::German, "nav.dashboard"));
    assert_eq!(
        Message::new("nav.settings").render(Lang::German),
        "Einstellungen"
    );
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
    let known = |key: &str| has(Lang::English, key);
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
            if !is_test_key && !known(&key) {
                missing.push(format!("{key} ({})", file.display()));
            }
        }
    }
    assert!(missing.is_empty(), "keys without a text: {missing:#?}");
}

#[test]
fn a_count_chooses_the_singular_only_for_one() {
    let text = |lang, n: u32| {
        Message::new("cli.evidence.linked")
            .arg("count", n)
            .render(lang)
    };
    assert_eq!(text(Lang::English, 1), "1 new link.");
    assert_eq!(text(Lang::English, 0), "0 new links.");
    assert_eq!(
        text(Lang::English, 21),
        "21 new links.",
        "English and German: only exactly 1 is singular"
    );
    let warnings = |lang, n: usize| {
        Message::new("scope.check_warnings")
            .arg("count", n)
            .render(lang)
    };
    assert_eq!(warnings(Lang::English, 1), "1 warning");
    assert_eq!(warnings(Lang::English, 2), "2 warnings");
    assert_eq!(warnings(Lang::German, 1), "1 Warnung");
    assert_eq!(warnings(Lang::German, 2), "2 Warnungen");
}

#[test]
fn numbers_print_without_grouping_and_text_that_only_looks_like_one_stays_text() {
    let text = |value: &str| {
        Message::new("scope.check_warnings")
            .arg("count", value)
            .render(Lang::German)
    };
    assert_eq!(
        text("20000"),
        "20000 Warnungen",
        "no grouping, as in the UI"
    );
    assert_eq!(text("-3"), "-3 Warnungen");
    assert_eq!(
        text("007"),
        "007 Warnungen",
        "not a canonical number: printed as given"
    );
    assert_eq!(
        text("1.0"),
        "1.0 Warnungen",
        "a decimal stays text: no German comma"
    );
    assert_eq!(
        text("12345678901234567890"),
        "12345678901234567890 Warnungen",
        "too long for an exact number: kept as text"
    );
}

#[test]
fn an_iso_day_argument_is_shown_in_the_language_of_the_message() {
    let due = chrono::NaiveDate::from_ymd_opt(2027, 8, 18).unwrap();
    let text = |lang| {
        Message::new("audits_ui.due_on")
            .arg("date", due)
            .render(lang)
    };
    assert!(
        text(Lang::German).contains("18.08.2027"),
        "{}",
        text(Lang::German)
    );
    assert!(!text(Lang::German).contains("2027-08-18"));
    assert!(
        text(Lang::English).contains("2027-08-18"),
        "{}",
        text(Lang::English)
    );
    let not_a_day = Message::new("input.bad_date")
        .arg("given", "2027-02-30")
        .render(Lang::German);
    assert!(
        not_a_day.contains("2027-02-30"),
        "a non-date is shown as typed: {not_a_day}"
    );
}

#[test]
fn text_an_argument_brings_is_never_filled_again() {
    let text = Message::new("error.workspace_missing")
        .arg("path", "{ $path } {path}")
        .render(Lang::English);
    assert!(text.contains("{ $path } {path}"), "{text}");
    let missing = Message::new("error.workspace_missing").render(Lang::English);
    assert!(
        missing.contains("{$path}"),
        "a missing argument stays visible: {missing}"
    );
}

#[test]
fn no_isolation_marks_surround_arguments() {
    let text = Message::new("error.workspace_missing")
        .arg("path", "/tmp/ws")
        .render(Lang::German);
    assert!(
        !text.contains('\u{2068}') && !text.contains('\u{2069}'),
        "{text:?}"
    );
}

#[test]
fn no_message_writes_a_plural_with_brackets() {
    for lang in Lang::ALL {
        for (key, text) in catalogue(lang).iter() {
            assert!(
                !["(s)", "(en)", "(e)", "(n)", "(se)"]
                    .iter()
                    .any(|b| text.contains(b)),
                "{key} ({lang:?}) writes a plural with brackets; use a select on the count: {text}"
            );
        }
    }
}

#[test]
fn rust_renders_the_samples_the_ui_renders_the_same_way() {
    // tests/ui/i18n.test.js formats the same samples with @fluent/bundle and expects the
    // same texts: numbers as numbers or as text, plurals, dates, both languages.
    let samples: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("parity.json")).unwrap();
    assert!(samples.len() > 20);
    for sample in samples {
        let lang = match sample["lang"].as_str().unwrap() {
            "de" => Lang::German,
            _ => Lang::English,
        };
        let key: &'static str = sample["key"].as_str().unwrap().to_owned().leak();
        let mut message = Message::new(key);
        for (name, value) in sample["args"].as_object().unwrap() {
            let name: &'static str = name.clone().leak();
            message = match value {
                serde_json::Value::String(text) => message.arg(name, text),
                other => message.arg(name, other),
            };
        }
        assert_eq!(
            message.render(lang),
            sample["text"].as_str().unwrap(),
            "{sample}"
        );
    }
}
