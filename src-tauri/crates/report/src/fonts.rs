//! The two faces of the report (Liberation Sans Regular and Bold, SIL Open Font License 1.1,
//! `fonts/COPYRIGHT-liberation2.txt`), embedded in the binary, and text measured with their
//! own advance widths. Glyphs are placed one per character at those advances (no kerning,
//! no ligatures), so a line we measured is exactly as wide as the line drawn.

use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider as _};

static REGULAR: &[u8] = include_bytes!("../fonts/LiberationSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/LiberationSans-Bold.ttf");

/// One face: krilla's font for drawing, skrifa's tables for measuring.
pub(crate) struct Face {
    pub font: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face").finish_non_exhaustive()
    }
}

impl Face {
    fn new(data: &'static [u8]) -> Face {
        // Both files are part of the build: failing to read them is a broken build, which
        // every test of this crate would show.
        let font_ref = FontRef::new(data).expect("embedded font parses");
        let font = Font::new(data.into(), 0).expect("embedded font loads");
        Face {
            font,
            charmap: font_ref.charmap(),
            metrics: font_ref.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em: f32::from(
                font_ref
                    .metrics(Size::unscaled(), LocationRef::default())
                    .units_per_em,
            ),
        }
    }

    /// The glyph of `c` (`.notdef` when the font has none) and its advance in ems.
    pub fn glyph(&self, c: char) -> (u32, f32) {
        let id = self.charmap.map(c).unwrap_or_default();
        let advance = self.metrics.advance_width(id).unwrap_or(0.0) / self.units_per_em;
        (id.to_u32(), advance)
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum::<f32>() * size
    }

    /// The glyphs of `text`, one per character, for `Surface::draw_glyphs` (which maps each
    /// back to its character in the ToUnicode table: the text stays selectable).
    pub fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(at, c)| {
                let (id, advance) = self.glyph(c);
                KrillaGlyph {
                    glyph_id: GlyphId::new(id),
                    text_range: at..at + c.len_utf8(),
                    x_advance: advance,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    y_advance: 0.0,
                    location: None,
                }
            })
            .collect()
    }
}

/// Regular and bold.
#[derive(Debug)]
pub(crate) struct Faces {
    pub regular: Face,
    pub bold: Face,
}

impl Faces {
    pub fn new() -> Faces {
        Faces {
            regular: Face::new(REGULAR),
            bold: Face::new(BOLD),
        }
    }

    pub fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }
}

/// Text as the report draws it: tabs as spaces, other control characters (which no font
/// draws) dropped, line ends kept for `wrap`.
pub(crate) fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' => Some('\n'),
            c if c.is_control() => None,
            // Bidi and other invisible formatting marks would only confuse the layout.
            '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => None,
            c => Some(c),
        })
        .collect()
}

/// Breaks `text` into lines at most `width` points wide at `size`: at spaces, at hard line
/// ends, and inside a word that is wider than a line (after `/`, `\`, `-`, `_` or `.` where
/// one fits, else between characters), so that no text ever runs past its column.
pub(crate) fn wrap(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in clean(text).split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        let space = face.width(" ", size);
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word_width = face.width(word, size);
            let gap = if line.is_empty() { 0.0 } else { space };
            if line_width + gap + word_width <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_width += gap + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            // A word longer than the line: cut it into pieces that fit.
            let mut rest = word;
            while !rest.is_empty() {
                let (piece, tail) = cut(face, rest, size, width);
                if tail.is_empty() {
                    line.push_str(piece);
                    line_width = face.width(piece, size);
                } else {
                    lines.push(piece.to_owned());
                }
                rest = tail;
            }
        }
        lines.push(line);
    }
    lines
}

/// The longest start of `word` that fits `width` (at least one character), preferring a cut
/// after a separator in its second half.
fn cut<'a>(face: &Face, word: &'a str, size: f32, width: f32) -> (&'a str, &'a str) {
    let mut used = 0.0;
    let mut end = 0;
    let mut separator = None;
    for (at, c) in word.char_indices() {
        let w = face.glyph(c).1 * size;
        if used + w > width && end > 0 {
            break;
        }
        used += w;
        end = at + c.len_utf8();
        if matches!(c, '/' | '\\' | '-' | '_' | '.') {
            separator = Some(end);
        }
    }
    let end = match separator {
        Some(at) if at * 2 >= end && at < word.len() => at,
        _ => end,
    };
    word.split_at(end)
}
