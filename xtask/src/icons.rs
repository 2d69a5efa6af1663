//! Draws the CSMS Desk icon (a white check on a blue shield on a navy tile) at every size the
//! bundles need, and writes the PNG, ICO and ICNS files that `tauri.conf.json` lists.

use std::path::Path;

use anyhow::{Context as _, Result};
use tiny_skia::{
    Color, FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, Rect, Stroke, Transform,
};

/// The design is drawn on a 512 × 512 canvas and scaled.
const CANVAS: f32 = 512.0;

fn paint(r: u8, g: u8, b: u8) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(Color::from_rgba8(r, g, b, 255));
    paint.anti_alias = true;
    paint
}

/// The icon at `size` × `size` pixels.
fn draw(size: u32) -> Result<Pixmap> {
    let mut pixmap = Pixmap::new(size, size).context("icon size must be positive")?;
    let scale = size as f32 / CANVAS;
    let transform = Transform::from_scale(scale, scale);

    // A rounded tile: a square whose outline is stroked thickly with round joins.
    let navy = paint(0x14, 0x2b, 0x4c);
    let square = PathBuilder::from_rect(Rect::from_xywh(84.0, 84.0, 344.0, 344.0).context("tile")?);
    let rounding = Stroke {
        width: 120.0,
        line_join: LineJoin::Round,
        ..Stroke::default()
    };
    pixmap.fill_path(&square, &navy, FillRule::Winding, transform, None);
    pixmap.stroke_path(&square, &navy, &rounding, transform, None);

    let mut shield = PathBuilder::new();
    shield.move_to(256.0, 92.0);
    shield.line_to(396.0, 140.0);
    shield.line_to(396.0, 250.0);
    shield.cubic_to(396.0, 338.0, 336.0, 398.0, 256.0, 430.0);
    shield.cubic_to(176.0, 398.0, 116.0, 338.0, 116.0, 250.0);
    shield.line_to(116.0, 140.0);
    shield.close();
    let shield = shield.finish().context("shield path")?;
    pixmap.fill_path(
        &shield,
        &paint(0x2f, 0x80, 0xed),
        FillRule::Winding,
        transform,
        None,
    );

    let mut check = PathBuilder::new();
    check.move_to(186.0, 262.0);
    check.line_to(238.0, 314.0);
    check.line_to(332.0, 204.0);
    let check = check.finish().context("check path")?;
    let line = Stroke {
        width: 40.0,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        ..Stroke::default()
    };
    pixmap.stroke_path(&check, &paint(0xff, 0xff, 0xff), &line, transform, None);
    Ok(pixmap)
}

/// Straight (not premultiplied) RGBA bytes, as ICO and ICNS expect.
fn rgba(pixmap: &Pixmap) -> Vec<u8> {
    pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect()
}

pub fn generate(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, size) in [
        ("32x32.png", 32),
        ("128x128.png", 128),
        ("128x128@2x.png", 256),
        ("icon.png", 512),
    ] {
        draw(size)?
            .save_png(dir.join(name))
            .with_context(|| format!("writing {name}"))?;
    }

    let mut ico = ico::IconDir::new(ico::ResourceType::Icon);
    for size in [16, 24, 32, 48, 64, 256] {
        let image = ico::IconImage::from_rgba_data(size, size, rgba(&draw(size)?));
        ico.add_entry(ico::IconDirEntry::encode(&image)?);
    }
    ico.write(std::fs::File::create(dir.join("icon.ico"))?)?;

    let mut icns = icns::IconFamily::new();
    for size in [16, 32, 64, 128, 256, 512, 1024] {
        let image =
            icns::Image::from_data(icns::PixelFormat::RGBA, size, size, rgba(&draw(size)?))?;
        icns.add_icon(&image)?;
    }
    icns.write(std::fs::File::create(dir.join("icon.icns"))?)?;
    println!("icons written to {}", dir.display());
    Ok(())
}
