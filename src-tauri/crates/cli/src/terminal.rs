//! Text for a terminal: the CLI prints question texts, file names, backup metadata and the
//! lock holder's name, all of which come from files or the database. An ESC or OSC sequence
//! in them could recolour, retitle or rewrite the user's terminal, and a right-to-left
//! override could make one name look like another; both are shown as escapes instead.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once stdout refused a line (the reader went away, as with `| head`).
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes `line` and a line break to stdout. Once the reader has gone, the rest is dropped
/// quietly and the command runs to its normal end: ending the process here (as tools do on
/// SIGPIPE) would skip the destructors, and the workspace lock's would never empty its file,
/// so the next command would report a crashed holder (seen under Wine and on Linux after
/// `catalogue show | head -1`).
pub fn write_stdout(line: &str) {
    use std::io::Write as _;
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    if writeln!(std::io::stdout(), "{line}").is_err() {
        STDOUT_CLOSED.store(true, Ordering::Relaxed);
    }
}

/// Whether `c` must not reach a terminal raw: control characters other than line breaks and
/// tabs (C0, DEL, C1) and the invisible bidirectional formatting characters.
fn dangerous(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every dangerous character written as `\u{..}`.
pub fn visible(text: &str) -> Cow<'_, str> {
    escape(text, |c, out| {
        let _ = write!(out, "{}", c.escape_unicode());
    })
}

/// A JSON document with every dangerous character left in its strings written as a JSON
/// escape (`\u007f`): the same document to a JSON reader, harmless on a terminal. serde_json
/// escapes C0 itself; DEL, C1 and the bidi characters are valid JSON raw, so they are done
/// here. Outside strings a JSON text holds none of them.
pub fn json_visible(text: &str) -> Cow<'_, str> {
    escape(text, |c, out| {
        let _ = write!(out, "\\u{:04x}", u32::from(c));
    })
}

fn escape(text: &str, write: impl Fn(char, &mut String)) -> Cow<'_, str> {
    if !text.chars().any(dangerous) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if dangerous(c) {
            write(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_from_files_are_shown_not_obeyed() {
        let title = "Policy\u{1b}]0;owned\u{7}\u{1b}[2J v2\u{9b}31m";
        let shown = visible(title);
        assert!(
            !shown.chars().any(dangerous),
            "no ESC, BEL or CSI reaches the terminal: {shown}"
        );
        assert_eq!(shown, "Policy\\u{1b}]0;owned\\u{7}\\u{1b}[2J v2\\u{9b}31m");
    }

    #[test]
    fn a_right_to_left_override_cannot_disguise_a_name() {
        assert_eq!(visible("report\u{202E}fdp.exe"), "report\\u{202e}fdp.exe");
    }

    #[test]
    fn ordinary_text_with_line_breaks_tabs_and_umlauts_is_untouched() {
        let text = "Prüfung\tbestanden\nnächste Zeile";
        assert!(matches!(visible(text), Cow::Borrowed(_)));
    }

    #[test]
    fn json_stays_the_same_document_after_escaping() {
        let value = serde_json::json!({ "title": "a\u{7f}b\u{202E}c\u{85}" });
        let text = serde_json::to_string_pretty(&value).unwrap();
        let safe = json_visible(&text);
        assert!(!safe.chars().any(dangerous), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value, "a JSON reader sees the very same strings");
    }
}
