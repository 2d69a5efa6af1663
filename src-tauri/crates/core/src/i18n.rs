//! The message catalogue: every text a user reads, in English and German.
//!
//! One catalogue serves both shells and the web UI (which fetches the same Fluent source over
//! IPC and formats it with `@fluent/bundle`), so a text is written once per language. The
//! files `messages/en.ftl` and `messages/de.ftl` are Project Fluent resources: `{ $name }` is
//! an argument and a count chooses its words with a select expression on the CLDR plural
//! category (`{ $count -> [one] # link *[other] { $count } links }`; in English and German
//! `one` is exactly 1). Fluent ids cannot hold dots, so a call site's key `nav.dashboard` is
//! looked up as `nav-dashboard` ([`fluent_id`]); the UI maps keys the same way.
//!
//! Arguments are text; two kinds are recognised when rendering, the same way in the UI
//! (`ui/js/lib/i18n.js`): a whole number (`"3"`, as `Message::arg("count", 3)` gives) reaches
//! Fluent as a number, so plural selection works, and prints without grouping (`20000` in
//! both languages, because ids, row numbers and years are numbers too); an ISO day
//! (`2027-08-18`) is shown in the language's date format ([`crate::dates::format_date`]).
//! Unit tests keep the two files in step and parse every message.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language the product speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    English,
    German,
}

impl Lang {
    /// Every language, in the order a picker lists them.
    pub const ALL: [Lang; 2] = [Lang::English, Lang::German];

    /// The BCP 47 tag (`en`, `de`), also used in `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::German => "de",
        }
    }

    /// The language of an OS locale such as `de_DE.UTF-8` or `de-AT`; English when the
    /// locale is missing or names a language we do not speak.
    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.len() >= 2 && l[..2].eq_ignore_ascii_case("de") => Lang::German,
            _ => Lang::English,
        }
    }

    /// The Fluent source of this language's catalogue, as the UI receives it.
    pub fn source(self) -> &'static str {
        match self {
            Lang::English => include_str!("../messages/en.ftl"),
            Lang::German => include_str!("../messages/de.ftl"),
        }
    }
}

/// A text to show, not yet rendered: its catalogue key and named arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument of a message: plain text, or another message rendered in the same language
/// (a problem inside a location: "sheet X, row 5: <problem>").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Message(Box<Message>),
}

impl Message {
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    /// Adds the argument `name`, which replaces `{name}` in the text.
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }

    /// Adds the argument `name` as a message of its own, rendered in the same language.
    pub fn arg_message(mut self, name: &'static str, value: Message) -> Self {
        self.args.push((name, Arg::Message(Box::new(value))));
        self
    }

    /// The text in `lang`. A key missing from the catalogue renders as the key itself, so a
    /// slip shows up on screen instead of crashing; the tests keep that from shipping. An
    /// argument the message lacks shows as `{$name}`, as in the UI.
    pub fn render(&self, lang: Lang) -> String {
        let bundle = bundle(lang);
        let Some(pattern) = bundle
            .get_message(&fluent_id(self.key))
            .and_then(|message| message.value())
        else {
            return self.key.to_owned();
        };
        let mut args = FluentArgs::new();
        for (name, arg) in &self.args {
            let value = match arg {
                Arg::Text(text) => text_value(text, lang),
                Arg::Message(message) => FluentValue::from(message.render(lang)),
            };
            args.set(*name, value);
        }
        // Errors are a missing argument (shown as `{$name}`) or a missing message, which the
        // unit tests rule out for the catalogue; neither is worth more than the visible slip.
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }
}

/// The Fluent id of a call-site key: `.` becomes `-` (`nav.dashboard` → `nav-dashboard`).
/// The converter that wrote the `.ftl` files refused keys that would collide this way.
pub fn fluent_id(key: &str) -> String {
    key.replace('.', "-")
}

/// Whether the catalogue of `lang` has a message for the call-site key `key`.
pub fn has(lang: Lang, key: &str) -> bool {
    bundle(lang).has_message(&fluent_id(key))
}

/// How an argument's text reaches Fluent: a whole number as a number (for plural selection;
/// at most 15 digits, so it stays exact, and in canonical form, so it prints unchanged), an
/// ISO day in the language's date format, anything else as it is.
fn text_value(text: &str, lang: Lang) -> FluentValue<'static> {
    if let Some(number) = whole_number(text) {
        return FluentValue::from(number);
    }
    if let Some(date) = crate::dates::iso_day(text) {
        return FluentValue::from(crate::dates::format_date(date, lang));
    }
    FluentValue::from(text.to_owned())
}

/// `text` as a whole number when it is written the way Rust and JavaScript print one.
fn whole_number(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: i64 = text.parse().ok()?;
    (number.to_string() == text).then_some(number)
}

type Bundle = FluentBundle<&'static FluentResource>;

/// The parsed catalogue of one language, built once.
fn resource(lang: Lang) -> &'static FluentResource {
    static EN: OnceLock<FluentResource> = OnceLock::new();
    static DE: OnceLock<FluentResource> = OnceLock::new();
    let cell = match lang {
        Lang::English => &EN,
        Lang::German => &DE,
    };
    cell.get_or_init(|| parse(lang.source()).0)
}

/// The Fluent bundle of one language, built once. Unicode isolation marks are off: the texts
/// go into terminals, logs and plain DOM text, where the invisible marks only get in the way.
fn bundle(lang: Lang) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static DE: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::English => &EN,
        Lang::German => &DE,
    };
    cell.get_or_init(|| {
        let locale = lang.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        bundle.set_use_isolating(false);
        // Only duplicate ids fail here; a unit test rules them out, and the first one wins.
        let _ = bundle.add_resource(resource(lang));
        bundle
    })
}

/// Parses Fluent source into a resource and a description of each syntax error. A broken
/// message is left out (so it renders as its key) while the rest still work.
fn parse(source: &str) -> (FluentResource, Vec<String>) {
    match FluentResource::try_new(source.to_owned()) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => {
            let errors = errors.iter().map(ToString::to_string).collect();
            (resource, errors)
        }
    }
}

/// Every message of one language, by Fluent id, as text rendered without arguments (an
/// argument shows as `{$name}`, a plural as its `other` form). Looked up with call-site keys.
#[derive(Debug)]
pub struct Catalogue {
    texts: BTreeMap<&'static str, String>,
}

impl Catalogue {
    /// Whether the call-site key `key` (`nav.dashboard`) has a message.
    pub fn contains_key(&self, key: &str) -> bool {
        self.texts.contains_key(fluent_id(key).as_str())
    }

    /// The text of the call-site key `key`, rendered without arguments.
    pub fn get(&self, key: &str) -> Option<&String> {
        self.texts.get(fluent_id(key).as_str())
    }

    /// Every Fluent id and its text, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&&'static str, &String)> {
        self.texts.iter()
    }

    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

/// Every message of one language; see [`Catalogue`].
pub fn catalogue(lang: Lang) -> &'static Catalogue {
    static EN: OnceLock<Catalogue> = OnceLock::new();
    static DE: OnceLock<Catalogue> = OnceLock::new();
    let cell = match lang {
        Lang::English => &EN,
        Lang::German => &DE,
    };
    cell.get_or_init(|| {
        let bundle = bundle(lang);
        let texts = ids(lang)
            .into_iter()
            .map(|id| {
                let text = bundle
                    .get_message(id)
                    .and_then(|m| m.value())
                    .map(|pattern| {
                        let mut errors = Vec::new();
                        bundle
                            .format_pattern(pattern, None, &mut errors)
                            .into_owned()
                    })
                    .unwrap_or_default();
                (id, text)
            })
            .collect();
        Catalogue { texts }
    })
}

/// The ids of every message in `lang`'s catalogue, in file order.
pub fn ids(lang: Lang) -> Vec<&'static str> {
    resource(lang)
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests;
