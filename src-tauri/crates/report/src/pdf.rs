//! Laid-out pages to PDF bytes with krilla: every page gets its header (company, scope,
//! title) and footer (generation time, "Page N of M"), once the page count is known.

use chrono::{DateTime, Datelike as _, Timelike as _, Utc};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime as PdfDateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::{Document, SerializeSettings};

use crate::fonts::{Faces, clean};
use crate::layout::{
    ACCENT, BODY_BOTTOM, BODY_WIDTH, MARGIN_X, MUTED, Op, PAGE_HEIGHT, PAGE_WIDTH, RULE, Rgb,
};

/// What every page repeats.
pub(crate) struct Frame {
    pub company: String,
    pub scope: String,
    pub title: String,
    pub generated: String,
    /// "Page N of M" for page `n` (from 1) of `m`.
    pub page_of: Box<dyn Fn(usize, usize) -> String>,
}

impl std::fmt::Debug for Frame {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Frame")
            .field("company", &self.company)
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

/// The document's metadata: title, language, creator and the generation time as its
/// creation date (never the clock: the same state and time give the same bytes).
#[derive(Debug)]
pub(crate) struct Info<'a> {
    pub title: &'a str,
    pub lang: &'a str,
    pub author: &'a str,
    pub generated_at: DateTime<Utc>,
}

pub(crate) fn write(
    faces: &Faces,
    pages: &[Vec<Op>],
    frame: &Frame,
    info: &Info<'_>,
) -> Result<Vec<u8>, String> {
    let settings = SerializeSettings {
        // No XMP packet: it would repeat the metadata and carry a tool version.
        xmp_metadata: false,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let at = info.generated_at;
    document.set_metadata(
        Metadata::new()
            .title(info.title.to_owned())
            .language(info.lang.to_owned())
            .authors(vec![info.author.to_owned()])
            .creator("CSMS Desk".to_owned())
            .producer(concat!("CSMS Desk ", env!("CARGO_PKG_VERSION"), " (krilla)").to_owned())
            .creation_date(
                PdfDateTime::new(u16::try_from(at.year()).unwrap_or(2000))
                    .month(at.month() as u8)
                    .day(at.day() as u8)
                    .hour(at.hour() as u8)
                    .minute(at.minute() as u8)
                    .second(at.second() as u8)
                    .utc_offset_hour(0)
                    .utc_offset_minute(0),
            ),
    );
    let total = pages.len();
    for (index, ops) in pages.iter().enumerate() {
        let size = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or("page size")?;
        let mut page = document.start_page_with(size);
        let mut surface = page.surface();
        let mut all = frame_ops(faces, frame, index + 1, total);
        all.extend(ops.iter().cloned());
        for op in &all {
            draw(&mut surface, faces, op);
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| format!("{e:?}"))
}

/// The header and footer of page `n` of `m`.
fn frame_ops(faces: &Faces, frame: &Frame, n: usize, m: usize) -> Vec<Op> {
    let small = 8.0;
    let half = BODY_WIDTH / 2.0 - 6.0;
    let left = fit(faces, true, &frame.company, small, half);
    let right = fit(faces, false, &frame.title, small, half);
    let scope = fit(faces, false, &frame.scope, small, half);
    let page = (frame.page_of)(n, m);
    let right_x =
        |text: &str, bold: bool| MARGIN_X + BODY_WIDTH - faces.face(bold).width(text, small);
    let footer_y = BODY_BOTTOM + 30.0;
    vec![
        Op::Text {
            x: MARGIN_X,
            y: 40.0,
            size: small,
            bold: true,
            color: ACCENT,
            text: left,
        },
        Op::Text {
            x: MARGIN_X,
            y: 51.0,
            size: small,
            bold: false,
            color: MUTED,
            text: scope,
        },
        Op::Text {
            x: right_x(&right, false),
            y: 40.0,
            size: small,
            bold: false,
            color: MUTED,
            text: right,
        },
        Op::Line {
            x: MARGIN_X,
            y: 58.0,
            w: BODY_WIDTH,
            width: 0.5,
            color: RULE,
        },
        Op::Line {
            x: MARGIN_X,
            y: footer_y - 12.0,
            w: BODY_WIDTH,
            width: 0.5,
            color: RULE,
        },
        Op::Text {
            x: MARGIN_X,
            y: footer_y,
            size: small,
            bold: false,
            color: MUTED,
            text: fit(faces, false, &frame.generated, small, half),
        },
        Op::Text {
            x: right_x(&page, false),
            y: footer_y,
            size: small,
            bold: false,
            color: MUTED,
            text: page,
        },
    ]
}

/// `text` on one line within `width`, cut with an ellipsis where it is longer.
fn fit(faces: &Faces, bold: bool, text: &str, size: f32, width: f32) -> String {
    let face = faces.face(bold);
    let text = clean(text).replace('\n', " ");
    if face.width(&text, size) <= width {
        return text;
    }
    let mut out = String::new();
    let limit = width - face.width("…", size);
    let mut used = 0.0;
    for c in text.chars() {
        used += face.glyph(c).1 * size;
        if used > limit {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn fill(color: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn draw(surface: &mut Surface<'_>, faces: &Faces, op: &Op) {
    match op {
        Op::Text {
            x,
            y,
            size,
            bold,
            color,
            text,
        } => {
            let face = faces.face(*bold);
            surface.set_fill(Some(fill(*color)));
            surface.draw_glyphs(
                Point::from_xy(*x, *y),
                &face.glyphs(text),
                face.font.clone(),
                text,
                *size,
                false,
            );
        }
        Op::Rect { x, y, w, h, color } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*color)));
                surface.draw_path(&path);
            }
        }
        Op::Line {
            x,
            y,
            w,
            width,
            color,
        } => {
            let mut path = PathBuilder::new();
            path.move_to(*x, *y);
            path.line_to(*x + *w, *y);
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: rgb::Color::new(color.0, color.1, color.2).into(),
                    width: *width,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
    }
}
