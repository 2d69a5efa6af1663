//! The message catalogue: every text a user reads, in English and German.
//!
//! One catalogue serves both shells and the web UI (which fetches it over IPC), so a text is
//! written once per language. The files `messages/en.txt` and `messages/de.txt` hold
//! `key = text` lines; `{name}` in a text is replaced by the argument of that name and `\n`
//! stands for a line break. A unit test keeps the two files in step.

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

fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests;
