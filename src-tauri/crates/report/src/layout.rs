//! The report's small layout engine: a flow of blocks (headings, paragraphs, label/value
//! lists, tables, bar charts, key figures) down A4 pages. Each page is a list of drawing
//! operations; headers and footers are added when the page count is known (`pdf.rs`).
//!
//! Text never leaves its column (`fonts::wrap`), a heading is never the last thing on a page,
//! and a table breaks between rows, or inside a row that is taller than what is left,
//! repeating its header row on every page it continues on.

use crate::fonts::{Faces, wrap};

/// A4 in points.
pub(crate) const PAGE_WIDTH: f32 = 595.276;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
/// Left and right margin (20 mm).
pub(crate) const MARGIN_X: f32 = 56.7;
/// Where the body starts and ends: below the header, above the footer.
pub(crate) const BODY_TOP: f32 = 82.0;
pub(crate) const BODY_BOTTOM: f32 = PAGE_HEIGHT - 70.0;
pub(crate) const BODY_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

/// A colour as RGB bytes.
pub(crate) type Rgb = (u8, u8, u8);

pub(crate) const TEXT: Rgb = (0x1c, 0x21, 0x26);
pub(crate) const MUTED: Rgb = (0x5f, 0x66, 0x6d);
pub(crate) const ACCENT: Rgb = (0x1f, 0x3a, 0x5f);
pub(crate) const RULE: Rgb = (0xc9, 0xce, 0xd4);
pub(crate) const SHADE: Rgb = (0xee, 0xf1, 0xf5);
pub(crate) const TRACK: Rgb = (0xe4, 0xe7, 0xeb);
pub(crate) const GREEN: Rgb = (0x2e, 0x7d, 0x32);
pub(crate) const AMBER: Rgb = (0xe0, 0x9b, 0x00);
pub(crate) const RED: Rgb = (0xc6, 0x28, 0x28);

/// Body text size and line height.
pub(crate) const BODY: f32 = 9.5;
const LEADING: f32 = 1.32;
/// Inner padding of a table cell.
const PAD: f32 = 4.0;

/// One drawing operation; `y` of text is its baseline, from the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    Line {
        x: f32,
        y: f32,
        w: f32,
        width: f32,
        color: Rgb,
    },
}

/// A text style.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub size: f32,
    pub bold: bool,
    pub color: Rgb,
}

impl Style {
    pub const BODY: Style = Style {
        size: BODY,
        bold: false,
        color: TEXT,
    };
    pub const STRONG: Style = Style {
        size: BODY,
        bold: true,
        color: TEXT,
    };
    pub const SMALL: Style = Style {
        size: 8.0,
        bold: false,
        color: MUTED,
    };

    fn line_height(self) -> f32 {
        self.size * LEADING
    }
}

/// A table column: its heading and its share of the body width.
#[derive(Debug, Clone)]
pub(crate) struct Column {
    pub title: String,
    pub share: f32,
}

/// A table cell: text (line ends allowed) in a style.
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    pub text: String,
    pub style: Style,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            style: Style::BODY,
        }
    }

    pub fn styled(text: impl Into<String>, style: Style) -> Cell {
        Cell {
            text: text.into(),
            style,
        }
    }
}

/// One bar of a chart: its label, its segments (value and colour) and the text at its end.
#[derive(Debug, Clone)]
pub(crate) struct Bar {
    pub label: String,
    pub segments: Vec<(f32, Rgb)>,
    pub value: String,
}

/// A key figure: a small caption over a large value, with an accent colour.
#[derive(Debug, Clone)]
pub(crate) struct Figure {
    pub caption: String,
    pub value: String,
    pub note: String,
    pub color: Rgb,
}

/// The flow: the pages laid out so far and where the next block starts.
#[derive(Debug)]
pub(crate) struct Flow<'f> {
    faces: &'f Faces,
    pub pages: Vec<Vec<Op>>,
    y: f32,
}

impl<'f> Flow<'f> {
    pub fn new(faces: &'f Faces) -> Flow<'f> {
        Flow {
            faces,
            pages: vec![Vec::new()],
            y: BODY_TOP,
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("a flow has a page")
    }

    fn text(&mut self, x: f32, baseline: f32, style: Style, text: String) {
        if text.is_empty() {
            return;
        }
        self.ops().push(Op::Text {
            x,
            y: baseline,
            size: style.size,
            bold: style.bold,
            color: style.color,
            text,
        });
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = BODY_TOP;
    }

    fn room(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    /// Starts a new page unless `height` fits on this one (or the page is still empty).
    fn fit(&mut self, height: f32) {
        if height > self.room() && self.y > BODY_TOP {
            self.new_page();
        }
    }

    pub fn space(&mut self, height: f32) {
        if self.y > BODY_TOP {
            self.y = (self.y + height).min(BODY_BOTTOM);
        }
    }

    /// Lines of `text` in `style` for a column `width` wide.
    fn lines(&self, text: &str, style: Style, width: f32) -> Vec<String> {
        wrap(self.faces.face(style.bold), text, style.size, width)
    }

    /// A paragraph at `indent`, broken across pages between lines.
    pub fn paragraph(&mut self, text: &str, style: Style, indent: f32) {
        let lh = style.line_height();
        for line in self.lines(text, style, BODY_WIDTH - indent) {
            self.fit(lh);
            let baseline = self.y + style.size;
            self.text(MARGIN_X + indent, baseline, style, line);
            self.y += lh;
        }
    }

    /// A heading: level 1 a section with a rule under it, level 2 a sub-heading. Kept with
    /// at least `keep` points of what follows.
    pub fn heading(&mut self, text: &str, level: u8, keep: f32) {
        let style = match level {
            1 => Style {
                size: 14.0,
                bold: true,
                color: ACCENT,
            },
            _ => Style {
                size: 11.0,
                bold: true,
                color: TEXT,
            },
        };
        let lines = self.lines(text, style, BODY_WIDTH);
        let height = lines.len() as f32 * style.line_height();
        self.space(if level == 1 { 14.0 } else { 9.0 });
        self.fit(height + keep + 6.0);
        for line in lines {
            let baseline = self.y + style.size;
            self.text(MARGIN_X, baseline, style, line);
            self.y += style.line_height();
        }
        if level == 1 {
            let y = self.y + 1.0;
            self.ops().push(Op::Line {
                x: MARGIN_X,
                y,
                w: BODY_WIDTH,
                width: 0.8,
                color: ACCENT,
            });
            self.y += 6.0;
        } else {
            self.y += 2.0;
        }
    }

    /// Label and value pairs: labels in a column `label_width` wide, values beside them.
    pub fn pairs(&mut self, rows: &[(String, String)], label_width: f32) {
        let lh = Style::BODY.line_height();
        for (label, value) in rows {
            let labels = self.lines(label, Style::STRONG, label_width - 8.0);
            let values = self.lines(value, Style::BODY, BODY_WIDTH - label_width);
            let n = labels.len().max(values.len());
            // Short entries stay together; long ones break between lines.
            if n <= 6 {
                self.fit(n as f32 * lh);
            }
            for i in 0..n {
                self.fit(lh);
                let baseline = self.y + BODY;
                if let Some(l) = labels.get(i) {
                    self.text(MARGIN_X, baseline, Style::STRONG, l.clone());
                }
                if let Some(v) = values.get(i) {
                    self.text(MARGIN_X + label_width, baseline, Style::BODY, v.clone());
                }
                self.y += lh;
            }
            self.y += 1.5;
        }
    }

    /// Key figures side by side, in boxes of equal width.
    pub fn figures(&mut self, figures: &[Figure]) {
        let gap = 8.0;
        let n = figures.len().max(1) as f32;
        let w = (BODY_WIDTH - gap * (n - 1.0)) / n;
        let value_style = Style {
            size: 15.0,
            bold: true,
            color: TEXT,
        };
        // A value whose longest word is wider than its box is set smaller, never cut.
        let value_style = figures
            .iter()
            .flat_map(|f| f.value.split_whitespace())
            .fold(value_style, |style, word| {
                let width = self.faces.bold.width(word, style.size);
                let size = (style.size * (w - 16.0) / width.max(1.0)).clamp(9.0, style.size);
                Style {
                    size: (size * 2.0).floor() / 2.0,
                    ..style
                }
            });
        let laid: Vec<(Vec<String>, Vec<String>, Vec<String>)> = figures
            .iter()
            .map(|f| {
                (
                    self.lines(&f.caption, Style::SMALL, w - 16.0),
                    self.lines(&f.value, value_style, w - 16.0),
                    self.lines(&f.note, Style::SMALL, w - 16.0),
                )
            })
            .collect();
        let height_of = |(c, v, n): &(Vec<String>, Vec<String>, Vec<String>)| {
            (c.len() + n.len()) as f32 * Style::SMALL.line_height()
                + v.len() as f32 * value_style.line_height()
        };
        let height = laid.iter().map(height_of).fold(0.0, f32::max) + 18.0;
        self.fit(height);
        let top = self.y;
        for (i, (figure, (caption, value, note))) in figures.iter().zip(laid).enumerate() {
            let x = MARGIN_X + i as f32 * (w + gap);
            self.ops().push(Op::Rect {
                x,
                y: top,
                w,
                h: height,
                color: SHADE,
            });
            self.ops().push(Op::Rect {
                x,
                y: top,
                w: 3.5,
                h: height,
                color: figure.color,
            });
            let mut y = top + 9.0;
            for line in caption {
                self.text(x + 10.0, y + Style::SMALL.size, Style::SMALL, line);
                y += Style::SMALL.line_height();
            }
            y += 1.0;
            for line in value {
                let style = Style {
                    color: figure.color,
                    ..value_style
                };
                self.text(x + 10.0, y + value_style.size, style, line);
                y += value_style.line_height();
            }
            for line in note {
                self.text(x + 10.0, y + Style::SMALL.size, Style::SMALL, line);
                y += Style::SMALL.line_height();
            }
        }
        self.y = top + height + 4.0;
    }

    /// A horizontal bar chart: label, stacked bar (segments share a total of 1), value.
    pub fn bars(&mut self, bars: &[Bar]) {
        let label_width = BODY_WIDTH * 0.40;
        let value_width = 44.0;
        let bar_x = MARGIN_X + label_width + 6.0;
        let bar_width = BODY_WIDTH - label_width - 6.0 - value_width;
        let lh = Style::BODY.line_height();
        for bar in bars {
            let labels = self.lines(&bar.label, Style::BODY, label_width);
            let height = (labels.len() as f32 * lh).max(14.0) + 4.0;
            self.fit(height);
            let top = self.y;
            for (i, line) in labels.into_iter().enumerate() {
                self.text(
                    MARGIN_X,
                    top + BODY + i as f32 * lh + 1.5,
                    Style::BODY,
                    line,
                );
            }
            self.ops().push(Op::Rect {
                x: bar_x,
                y: top + 2.0,
                w: bar_width,
                h: 10.0,
                color: TRACK,
            });
            let mut x = bar_x;
            for (share, color) in &bar.segments {
                let w = bar_width * share.clamp(0.0, 1.0);
                if w > 0.0 {
                    self.ops().push(Op::Rect {
                        x,
                        y: top + 2.0,
                        w,
                        h: 10.0,
                        color: *color,
                    });
                }
                x += w;
            }
            let value_x = MARGIN_X + BODY_WIDTH - self.faces.face(true).width(&bar.value, BODY);
            self.text(value_x, top + BODY + 1.5, Style::STRONG, bar.value.clone());
            self.y = top + height;
        }
    }

    /// A legend: small colour squares with their words, on one line.
    pub fn legend(&mut self, entries: &[(String, Rgb)]) {
        let lh = Style::SMALL.line_height();
        self.fit(lh + 4.0);
        let mut x = MARGIN_X;
        let top = self.y;
        for (word, color) in entries {
            self.ops().push(Op::Rect {
                x,
                y: top + 2.0,
                w: 7.0,
                h: 7.0,
                color: *color,
            });
            self.text(
                x + 10.0,
                top + Style::SMALL.size + 0.5,
                Style::SMALL,
                word.clone(),
            );
            x += 10.0 + self.faces.regular.width(word, Style::SMALL.size) + 14.0;
        }
        self.y = top + lh + 4.0;
    }

    /// A table with a shaded header row, repeated on every page it continues on.
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<Cell>]) {
        let total: f32 = columns
            .iter()
            .map(|c| c.share)
            .sum::<f32>()
            .max(f32::EPSILON);
        let widths: Vec<f32> = columns
            .iter()
            .map(|c| BODY_WIDTH * c.share / total)
            .collect();
        let lh = Style::BODY.line_height();
        let header: Vec<Vec<String>> = columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| self.lines(&c.title, Style::STRONG, w - 2.0 * PAD))
            .collect();
        let header_height = header.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * PAD;
        // The header and the first lines of the first row stay together.
        self.fit(header_height + 3.0 * lh + 2.0 * PAD);
        self.header_row(&header, &widths, header_height);
        for row in rows {
            let cells: Vec<(Vec<String>, Style)> = row
                .iter()
                .zip(&widths)
                .map(|(cell, w)| {
                    (
                        self.lines(&cell.text, cell.style, w - 2.0 * PAD),
                        cell.style,
                    )
                })
                .collect();
            let n = cells.iter().map(|c| c.0.len()).max().unwrap_or(1).max(1);
            let mut from = 0;
            while from < n {
                let room = ((self.room() - 2.0 * PAD) / lh).floor().max(0.0) as usize;
                let left = n - from;
                // A row of a few lines is not split; a longer one fills the page first.
                let take = if left <= room {
                    left
                } else if left <= 8 || room < 2 {
                    0
                } else {
                    room
                };
                if take == 0 {
                    self.new_page();
                    self.header_row(&header, &widths, header_height);
                    continue;
                }
                let top = self.y;
                let mut x = MARGIN_X;
                for ((lines, style), w) in cells.iter().zip(&widths) {
                    for (i, line) in lines.iter().skip(from).take(take).enumerate() {
                        let baseline = top + PAD + style.size + i as f32 * lh;
                        self.text(x + PAD, baseline, *style, line.clone());
                    }
                    x += w;
                }
                self.y = top + take as f32 * lh + 2.0 * PAD;
                let y = self.y;
                self.ops().push(Op::Line {
                    x: MARGIN_X,
                    y,
                    w: BODY_WIDTH,
                    width: 0.4,
                    color: RULE,
                });
                from += take;
                if from < n {
                    self.new_page();
                    self.header_row(&header, &widths, header_height);
                }
            }
        }
        self.y += 4.0;
    }

    fn header_row(&mut self, header: &[Vec<String>], widths: &[f32], height: f32) {
        let top = self.y;
        self.ops().push(Op::Rect {
            x: MARGIN_X,
            y: top,
            w: BODY_WIDTH,
            h: height,
            color: SHADE,
        });
        let lh = Style::BODY.line_height();
        let mut x = MARGIN_X;
        for (lines, w) in header.iter().zip(widths) {
            for (i, line) in lines.iter().enumerate() {
                self.text(
                    x + PAD,
                    top + PAD + BODY + i as f32 * lh,
                    Style::STRONG,
                    line.clone(),
                );
            }
            x += w;
        }
        self.y = top + height;
    }
}
