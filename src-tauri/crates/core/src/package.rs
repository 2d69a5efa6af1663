//! Rules of the export packages: entry names that are safe on Windows, macOS and Linux (and
//! the test that a name is one of them), links to entries in the package's HTML, names shown
//! in messages, which entries are compressed, and what each sharing level may contain
//! (docs/DOMAIN.md "Exchange").

use unicode_normalization::UnicodeNormalization as _;

pub mod cell;

/// The longest entry name part, in bytes (well below every file system's limit, leaving room
/// for the folders above it).
pub const MAX_NAME_BYTES: usize = 120;

/// Names Windows reserves for devices, with or without an extension (the superscript digits
/// count as digits there).
const RESERVED: [&str; 30] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "COM¹", "COM²", "COM³", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8",
    "LPT9", "LPT¹", "LPT²", "LPT³", "CONIN$", "CONOUT$",
];

/// `name` made safe as one part of a path on every OS: no invisible characters (see
/// [`is_invisible`]; dropped, so that `a\u{202E}fdp.exe`, shown as `aexe.pdf`, becomes the
/// `afdp.exe` it is); Unicode NFC; no `/ \ < > : " | ? *` or control characters (each becomes
/// `_`); every other kind of space a plain space; no leading or trailing spaces or dots (so
/// never `.` or `..`); not a reserved device name; at most [`MAX_NAME_BYTES`] bytes, cut before
/// the extension; never empty. The result depends on `name` alone, so the same state gives the
/// same names on every OS, and `safe_name` keeps its own results as they are (which
/// [`is_safe_path`] relies on).
pub fn safe_name(name: &str) -> String {
    // Invisible characters go first: dropping one from between a letter and its accent would
    // otherwise leave a name that is no longer NFC.
    let mut clean: String = name
        .chars()
        .filter(|c| !is_invisible(*c))
        .nfc()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | '<' | '>' | ':' | '"' | '|' | '?' | '*') {
                '_'
            } else if c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .collect();
    clean = clean
        .trim_matches(|c: char| c == ' ' || c == '.')
        .to_owned();
    if clean.is_empty() {
        clean = "file".to_owned();
    }
    let stem = clean.split('.').next().unwrap_or_default().trim_end();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem)) {
        clean = format!("_{clean}");
    }
    shorten(&clean, MAX_NAME_BYTES)
}

/// Whether `c` is invisible formatting that can make one name look like another: Unicode's
/// default-ignorable code points (DerivedCoreProperties.txt, Unicode 15.1: the bidi marks,
/// embeddings, overrides and isolates U+200E, U+200F, U+202A–U+202E, U+2066–U+2069 and U+061C;
/// zero-width space, joiners and word joiner; the byte order mark; soft hyphen; variation
/// selectors; Hangul fillers; tags) and the interlinear annotation controls. A fixed list, so
/// that names do not change with the Unicode tables of a toolchain.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Whether `path` is an entry name our packages can hold: parts joined by `/`, each one a
/// name [`safe_name`] keeps as it is. So never absolute, never empty, no `.` or `..` part, no
/// drive letter, backslash, control or invisible character. `verify` refuses every other name.
pub fn is_safe_path(path: &str) -> bool {
    path.split('/')
        .all(|part| !part.is_empty() && safe_name(part) == part)
}

/// `path` (entry names joined by `/`) as the target of a link in the package's HTML: every
/// byte of each part's UTF-8 outside RFC 3986's unreserved set (`A–Z a–z 0–9 - . _ ~`) becomes
/// `%XX`, the `/` between parts stays. So `a%20b.txt` links to itself, not to `a b.txt`, and
/// `Report #3.txt` to itself, not to `Report ` and a fragment.
pub fn href(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for (index, part) in path.split('/').enumerate() {
        if index > 0 {
            out.push('/');
        }
        for byte in part.bytes() {
            if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
                out.push(char::from(byte));
            } else {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

/// An entry name as a message shows it: control and invisible characters (and every space
/// but the plain one) written as `\u{…}`, so that a hostile name in a report can neither hide
/// a character nor turn the rest of the line around.
pub fn shown_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_control() || is_invisible(c) || (c.is_whitespace() && c != ' ') {
            out.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// `name` cut to at most `max` bytes at a character boundary, keeping a short extension.
fn shorten(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_owned();
    }
    let extension = name
        .rfind('.')
        .map(|at| &name[at..])
        .filter(|e| e.len() <= 16)
        .unwrap_or("");
    let room = max - extension.len();
    let mut end = room.min(name.len() - extension.len());
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    let stem = name[..end].trim_end_matches([' ', '.']);
    format!("{stem}{extension}")
}

/// Makes `names` (already safe) unique among themselves, case ignored (as on Windows and
/// macOS): a later duplicate gets ` (2)`, ` (3)` … before its extension. The same input
/// gives the same output.
pub fn unique_names(names: &[String]) -> Vec<String> {
    let mut taken = std::collections::BTreeSet::new();
    names
        .iter()
        .map(|name| {
            let mut candidate = name.clone();
            let mut n = 1;
            while !taken.insert(candidate.to_lowercase()) {
                n += 1;
                // A long "extension" is part of the name: keeping it whole would leave no
                // room for the stem (and made the room below negative).
                let (stem, extension) = match name.rfind('.') {
                    Some(at) if at > 0 && name.len() - at <= 16 => name.split_at(at),
                    _ => (name.as_str(), ""),
                };
                let suffix = format!(" ({n})");
                let stem = shorten(stem, MAX_NAME_BYTES - suffix.len() - extension.len());
                candidate = format!("{stem}{suffix}{extension}");
            }
            candidate
        })
        .collect()
}

/// Whether an entry is worth compressing: not when its format is compressed already (PDF,
/// images, office documents, archives, media).
pub fn compresses(name: &str) -> bool {
    const STORED: [&str; 24] = [
        "pdf", "png", "jpg", "jpeg", "gif", "webp", "heic", "zip", "7z", "gz", "bz2", "xz", "zst",
        "rar", "docx", "xlsx", "xlsm", "pptx", "odt", "ods", "odp", "mp4", "mov", "mp3",
    ];
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    !extension.is_some_and(|e| STORED.contains(&e.as_str()))
}

/// What a package (or a publication, or a sharing) contains (docs/DOMAIN.md "Exchange").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Nothing is shared.
    DoNotShare,
    /// Report section A: scope, objectives, locations, provider, audit dates.
    A,
    /// A and the labels.
    ALabels,
    /// A, the labels and section B: the results.
    ALabelsB,
    /// The supplier's own package for the auditor: everything, evidence included.
    Full,
}

impl Level {
    /// `do-not-share`, `A`, `A+labels`, `A+labels+B`, `full`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::DoNotShare => "do-not-share",
            Level::A => "A",
            Level::ALabels => "A+labels",
            Level::ALabelsB => "A+labels+B",
            Level::Full => "full",
        }
    }

    pub fn parse(text: &str) -> Option<Level> {
        let folded = text.trim().to_ascii_lowercase().replace(' ', "");
        [
            Level::DoNotShare,
            Level::A,
            Level::ALabels,
            Level::ALabelsB,
            Level::Full,
        ]
        .into_iter()
        .find(|l| l.as_str().to_ascii_lowercase() == folded)
    }

    pub fn includes_section_a(self) -> bool {
        self >= Level::A
    }

    pub fn includes_labels(self) -> bool {
        self >= Level::ALabels
    }

    pub fn includes_results(self) -> bool {
        self >= Level::ALabelsB
    }

    /// Evidence files, texts, findings and justifications: only the full package.
    pub fn includes_internals(self) -> bool {
        self == Level::Full
    }
}

/// Whether sharing at `sharing` with one participant adds nothing to a publication at
/// `publication` (everyone sees that much already): worth a warning.
pub fn sharing_adds_nothing(publication: Level, sharing: Level) -> bool {
    sharing <= publication
}

#[cfg(test)]
mod tests;
