//! Rules of the export packages: entry names that are safe on Windows, macOS and Linux,
//! which entries are compressed, and what each sharing level may contain (DOMAIN.md
//! "Exchange").

use unicode_normalization::UnicodeNormalization as _;

/// The longest entry name part, in bytes (well below every file system's limit, leaving room
/// for the folders above it).
pub const MAX_NAME_BYTES: usize = 120;

/// Names Windows reserves for devices, with or without an extension.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// `name` made safe as one part of a path on every OS: Unicode NFC; no `/ \ < > : " | ? *`
/// or control characters (each becomes `_`); no leading or trailing spaces or dots (so never
/// `.` or `..`); not a reserved device name; at most [`MAX_NAME_BYTES`] bytes, cut before the
/// extension; never empty.
pub fn safe_name(name: &str) -> String {
    let mut clean: String = name
        .nfc()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | '<' | '>' | ':' | '"' | '|' | '?' | '*') {
                '_'
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
                let (stem, extension) = match name.rfind('.') {
                    Some(at) if at > 0 => name.split_at(at),
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

/// What a package (or a publication, or a sharing) contains (DOMAIN.md "Exchange").
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
