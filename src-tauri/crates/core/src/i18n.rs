//! The message catalogue: every text a user reads, in English and German.
//!
//! One catalogue serves both shells and the web UI (which fetches it over IPC), so a text is
//! written once per language. The files `messages/en.txt` and `messages/de.txt` hold
//! `key = text` lines; `{name}` in a text is replaced by the argument of that name and `\n`
//! stands for a line break. A count chooses its words with `{name|one|other}`: the `one` text
//! for 1, the `other` text for every other number, `#` standing for the number
//! (`{count|# new link|# new links}`). That is the plural rule of English and German alike
//! (CLDR: `one` is exactly 1); a language with more forms would add its branches here. The
//! web UI formats the same syntax (`ui/js/lib/i18n.js`). A unit test keeps the two files in
//! step.

use std::collections::BTreeMap;
use std::sync::OnceLock;

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

    fn source(self) -> &'static str {
        match self {
            Lang::English => include_str!("../messages/en.txt"),
            Lang::German => include_str!("../messages/de.txt"),
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
    /// slip shows up on screen instead of crashing; the tests keep that from shipping.
    pub fn render(&self, lang: Lang) -> String {
        let template = catalogue(lang)
            .get(self.key)
            .map_or(self.key, String::as_str);
        let args: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, arg)| match arg {
                Arg::Text(text) => (*name, text.clone()),
                Arg::Message(message) => (*name, message.render(lang)),
            })
            .collect();
        fill(template, &args)
    }
}

/// Every `key → text` pair of one language.
pub fn catalogue(lang: Lang) -> &'static BTreeMap<&'static str, String> {
    static EN: OnceLock<BTreeMap<&'static str, String>> = OnceLock::new();
    static DE: OnceLock<BTreeMap<&'static str, String>> = OnceLock::new();
    let cell = match lang {
        Lang::English => &EN,
        Lang::German => &DE,
    };
    cell.get_or_init(|| parse(lang.source()).0)
}

/// Parses catalogue text into its entries and the numbers of lines that are not `key = text`.
fn parse(source: &'static str) -> (BTreeMap<&'static str, String>, Vec<usize>) {
    let mut entries = BTreeMap::new();
    let mut bad_lines = Vec::new();
    for (index, line) in source.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once(" = ") {
            Some((key, text)) if !key.trim().is_empty() => {
                entries.insert(key.trim(), text.trim().replace("\\n", "\n"));
            }
            _ => bad_lines.push(index + 1),
        }
    }
    (entries, bad_lines)
}

/// Fills `template` in one pass: `{name}` becomes its argument, `{name|one|other}` the branch
/// the argument's number chooses with `#` replaced by it. Placeholders without an argument stay
/// as they are (a slip shows on screen), and text an argument brings is never filled again.
fn fill(template: &str, args: &[(&str, String)]) -> String {
    let value = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, v)| v);
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 1..close];
        let mut parts = inner.split('|');
        let name = parts.next().unwrap_or_default();
        match (value(name), parts.next(), parts.next()) {
            (Some(v), None, _) => out.push_str(v),
            (Some(v), Some(one), Some(other)) => {
                let branch = if plural_is_one(v) { one } else { other };
                out.push_str(&branch.replace('#', v));
            }
            _ => out.push_str(&rest[open..=close]),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Whether a count takes the `one` form in English and German: exactly 1.
fn plural_is_one(count: &str) -> bool {
    count.trim() == "1"
}

#[cfg(test)]
mod tests;
