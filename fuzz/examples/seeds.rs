//! Writes the hand-made seeds of the corpus (`fuzz/corpus/<target>/seed-*`): real workbooks
//! and packages written by the project's own code, cut-short and damaged copies of them, other
//! formats' headers and plain garbage. Run from `fuzz/` with `cargo run --example seeds`. A
//! rerun changes no file but `seed-package-full.zip`, whose journal records the clock time of
//! each change to the workspace.

use std::io::{Cursor, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{TimeZone as _, Utc};
use csmsdesk_workbook::fixtures::{self, RawCell};
use csmsdesk_workspace::{EvidenceInput, LinkInput, LocationInput, ScopeInput, Workspace};
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Seeds are kept small, so that libFuzzer mutates them quickly and the replay stays fast.
const MAX_SEED_BYTES: usize = 200 * 1024;

fn main() -> Result<()> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    catalogue_reader(&corpus.join("catalogue_reader"))?;
    reference_tags(&corpus.join("reference_tags"))?;
    package_verify(&corpus.join("package_verify"))?;
    Ok(())
}

/// Writes `seed-<name>`, refusing a seed over [`MAX_SEED_BYTES`].
fn put(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    if bytes.len() > MAX_SEED_BYTES {
        return Err(format!("seed {name} has {} bytes", bytes.len()).into());
    }
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join(format!("seed-{name}")), bytes)?;
    Ok(())
}

/// The same archive with every entry stored uncompressed, so that libFuzzer's byte mutations
/// reach the XML or JSON inside rather than a deflate stream.
fn stored(zip_bytes: &[u8]) -> Result<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip_bytes))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index)?;
        let name = entry.name()?.into_owned();
        let mut body = Vec::new();
        entry.read_to_end(&mut body)?;
        out.start_file(name, options)?;
        out.write_all(&body)?;
    }
    Ok(out.finish()?.into_inner())
}

/// Sets the declared (uncompressed) size of every entry, in the local headers and in the
/// central directory, to `size`: what a zip bomb's directory claims.
fn declare_size(zip_bytes: &[u8], size: u32) -> Vec<u8> {
    let mut bytes = zip_bytes.to_vec();
    for at in 0..bytes.len().saturating_sub(30) {
        let offset = match &bytes[at..at + 4] {
            b"PK\x03\x04" => 22,
            b"PK\x01\x02" => 24,
            _ => continue,
        };
        bytes[at + offset..at + offset + 4].copy_from_slice(&size.to_le_bytes());
    }
    bytes
}

fn text(s: &str) -> RawCell {
    RawCell::Text(s.to_owned())
}

fn catalogue_reader(dir: &Path) -> Result<()> {
    let demo = csmsdesk_workbook::demo::workbook()?;
    put(dir, "demo.xlsx", &demo)?;
    put(dir, "demo-stored.xlsx", &stored(&demo)?)?;
    put(dir, "demo-1.0.xlsx", &fixtures::demo_version_1_0())?;
    put(dir, "demo-half.xlsx", &demo[..demo.len() / 2])?;
    put(dir, "demo-head.xlsx", &demo[..64])?;

    // A few rows of the demo, by hand: error values, a chapter, a question, a requirement.
    let mut rows = fixtures::demo_raw_rows();
    rows.truncate(8);
    let small = fixtures::raw_xlsx(&[("Vehicle CyberSecurity", rows.clone())]);
    put(dir, "small.xlsx", &small)?;
    put(dir, "small-stored.xlsx", &stored(&small)?)?;
    let mut broken = rows.clone();
    broken.push(vec![text(""), text("1.1.z"), RawCell::Error("#REF!")]);
    broken.push(vec![text("2"), text("9.9"), RawCell::Number(1e300)]);
    let broken = fixtures::raw_xlsx(&[
        ("History of Changes", vec![vec![text("1.0-First Release")]]),
        ("Sheet 2", broken),
    ]);
    put(dir, "unusual-rows-stored.xlsx", &stored(&broken)?)?;
    let ods = fixtures::raw_ods(&[("Vehicle CyberSecurity", rows)]);
    put(dir, "small.ods", &ods)?;
    put(dir, "small-stored.ods", &stored(&ods)?)?;
    put(dir, "small-half.ods", &ods[..ods.len() / 2])?;
    put(dir, "zip-bomb.xlsx", &fixtures::zip_bomb())?;
    put(dir, "declares-4-gib.xlsx", &declare_size(&small, u32::MAX))?;
    let password = fixtures::password_protected();
    put(dir, "password.xlsx", &password)?;
    // An OLE container with nothing of a workbook inside: the .xls path.
    let mut xls = password[..512].to_vec();
    xls.extend_from_slice(&[0; 512]);
    put(dir, "ole-header.xls", &xls)?;
    put(
        dir,
        "small.xls",
        &fixtures::raw_xls("Vehicle CyberSecurity", &fixtures::demo_raw_rows()[..8]),
    )?;
    put(
        dir,
        "empty-zip",
        b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
    )?;
    put(dir, "text.csv", b"VCS;Control question\n1.1;How?\n")?;
    put(dir, "empty", b"")?;
    Ok(())
}

fn reference_tags(dir: &Path) -> Result<()> {
    let seeds: &[(&str, &str)] = &[
        ("list", "[RQ-05-01], [RC-06-02] [WP-09-02]; [PM-08-01]"),
        (
            "lines",
            "[RQ-07-04d]\n[ISO 19011 §5.2]\r\n[ UN R155 7.2.2.2 ]",
        ),
        (
            "lookalikes",
            "[RQ-5-01] [WP-99-01] [RQ-05] [WPX] [RQ-05-0] [RC-15-08x]",
        ),
        ("nested", "[[RQ-05-01]] [a[b]c] ]["),
        ("unclosed", "see [RQ-05-01 and [WP-09-02"),
        ("empty-brackets", "[] [ ] [\t]"),
        ("free-text", "None"),
        (
            "unicode",
            "[WP-09-0\u{e4}] [PM-1\u{2028}5-01] [RQ-\u{1f600}-01]",
        ),
        ("empty", ""),
    ];
    for (name, seed) in seeds {
        put(dir, name, seed.as_bytes())?;
    }
    // Not UTF-8: the target ignores it, the replay too.
    put(dir, "latin1", b"[RQ-05-01] \xe4")?;
    Ok(())
}

fn package_verify(dir: &Path) -> Result<()> {
    let temp = tempfile::tempdir()?;
    let [small, full] = real_packages(temp.path())?;
    put(dir, "package-a.zip", &small)?;
    put(dir, "package-full.zip", &full)?;
    put(dir, "package-a-stored.zip", &stored(&small)?)?;
    put(dir, "package-half.zip", &small[..small.len() / 2])?;
    let mut flipped = small.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0xff;
    put(dir, "package-flipped.zip", &flipped)?;
    put(
        dir,
        "package-declares-4-gib.zip",
        &declare_size(&small, u32::MAX),
    )?;
    put(dir, "package-tampered.zip", &tampered(&small)?)?;
    put(dir, "package-bomb.zip", &bomb()?)?;
    put(dir, "not-a-zip", b"plain text")?;
    put(dir, "empty", b"")?;
    Ok(())
}

/// A partner package (level A) and a full package of a scope with two evidence files, written
/// by the export the app and the CLI use.
fn real_packages(root: &Path) -> Result<[Vec<u8>; 2]> {
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let mut ws = Workspace::create(&root.join("ws"), now)?;
    ws.import_demo_catalogue(now)?;
    ws.add_location(&LocationInput {
        name: "Plant".into(),
        cs_activities: true,
        ..LocationInput::default()
    })?;
    ws.add_scope(&ScopeInput {
        name: "ECU".into(),
        locations: vec!["Plant".into()],
        objectives: vec!["development".into()],
        ..ScopeInput::default()
    })?;
    let docs: Vec<PathBuf> = ["Policy.txt", "tara.md"]
        .iter()
        .map(|name| root.join(name))
        .collect();
    std::fs::write(&docs[0], "Information security policy v1\n")?;
    std::fs::write(&docs[1], "TARA for the ECU\n")?;
    ws.add_evidence(
        &docs,
        &EvidenceInput::default(),
        &LinkInput {
            targets: vec!["1.1.a".into()],
            ..LinkInput::default()
        },
        now,
        &|_| {},
        &AtomicBool::new(false),
    )?;
    let mut package = |level: &str| -> Result<Vec<u8>> {
        let out = root.join(format!("{level}.zip"));
        ws.export_package("ECU", &out, level, None, now)?;
        Ok(std::fs::read(out)?)
    };
    Ok([package("A")?, package("full")?])
}

/// A package rewritten by hand: one entry changed, one left out, one added unlisted.
fn tampered(package: &[u8]) -> Result<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(package))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().last_modified_time(zip::DateTime::default());
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index)?;
        let name = entry.name()?.into_owned();
        let mut body = Vec::new();
        entry.read_to_end(&mut body)?;
        match name.as_str() {
            "index.html" => continue,
            "manifest.json" => body.extend_from_slice(b"\n"),
            _ => {}
        }
        out.start_file(name, options)?;
        out.write_all(&body)?;
    }
    out.start_file("extra.txt", options)?;
    out.write_all(b"not listed")?;
    Ok(out.finish()?.into_inner())
}

/// A package-shaped zip with a listed entry of 16 MiB of zeros (a few KiB compressed) and a
/// manifest that lists it as evidence.
fn bomb() -> Result<Vec<u8>> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(9))
        .last_modified_time(zip::DateTime::default());
    // SHA-256 of 16 MiB of zeros.
    let hash = "080acf35a507ac9849cfcba47dc2ad83e01b75663a516279c8b9d243b719643e";
    out.start_file("evidence/zeros.bin", options)?;
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..16 {
        out.write_all(&zeros)?;
    }
    out.start_file("manifest.json", options)?;
    out.write_all(
        format!(
            r#"{{"format":"csmsdesk-package","evidence":[{{"path":"evidence/zeros.bin","sha256":"{hash}"}}]}}"#
        )
        .as_bytes(),
    )?;
    out.start_file("SHA256SUMS", options)?;
    out.write_all(format!("{hash}  evidence/zeros.bin\n").as_bytes())?;
    Ok(out.finish()?.into_inner())
}
