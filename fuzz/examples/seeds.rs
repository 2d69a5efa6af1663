//! Writes the hand-made seeds of the corpus (`fuzz/corpus/<target>/seed-*`): real workbooks,
//! packages and backups written by the project's own code, cut-short and damaged copies of
//! them, other formats' headers and plain garbage. Run from `fuzz/` with `cargo run --example
//! seeds`. A rerun changes no file but `seed-package-full.zip` and the backups, whose journals
//! record the clock time of each change to the workspace.

use std::io::{Cursor, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{TimeZone as _, Utc};
use csmsdesk_workbook::fixtures::{self, RawCell};
use csmsdesk_workspace::{EvidenceInput, LinkInput, LocationInput, ScopeInput, Workspace};
use sha2::Digest as _;
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
    backup_restore(&corpus.join("backup_restore"))?;
    ods(&corpus.join("ods"))?;
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
    // What calamine would have allocated or looped on, refused before it reads them: a
    // shared-string count of four billion, a kilobyte .ods of repeated cells, a document type
    // declaration, a shared string copied into every cell (.xlsx, .xls), shared strings cut
    // short (.xls), an .ods cut short inside a sheet.
    put(
        dir,
        "shared-strings-bomb-stored.xlsx",
        &stored(&fixtures::shared_strings_bomb())?,
    )?;
    put(dir, "ods-repeat-bomb.ods", &fixtures::ods_repeat_bomb())?;
    put(
        dir,
        "dtd-entity-stored.xlsx",
        &stored(&fixtures::dtd_entity_xlsx())?,
    )?;
    put(
        dir,
        "shared-string-fanout.xlsx",
        &fixtures::shared_string_fanout(),
    )?;
    put(
        dir,
        "shared-string-fanout.xls",
        &fixtures::xls_shared_string_fanout(),
    )?;
    let mut sst = [1u32.to_le_bytes(), 1u32.to_le_bytes()].concat();
    sst.extend_from_slice(&[3, 0, 0x08]);
    put(
        dir,
        "sst-cut-short.xls",
        &fixtures::xls_with_records("Vehicle CyberSecurity", &[(0x00FC, sst)], &[]),
    )?;
    put(
        dir,
        "ods-cut-in-sheet.ods",
        &stored(&fixtures::ods_with_content(&ods_content(ODS_CUT_IN_SHEET)))?,
    )?;
    put(dir, "empty", b"")?;
    Ok(())
}

/// A `content.xml` whose spreadsheet holds `tables`.
fn ods_content(tables: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    )
}

/// A sheet cut short after its first row: calamine read on past the end, forever.
const ODS_CUT_IN_SHEET: &str = r#"<table:table table:name="Vehicle CyberSecurity"><table:table-row><table:table-cell office:value-type="string"><text:p>VCS</text:p></table:table-cell></table:table-row>"#;

/// The `content.xml` of the .ods `bytes`.
fn content_of(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut content = Vec::new();
    archive.by_name("content.xml")?.read_to_end(&mut content)?;
    Ok(content)
}

/// `content.xml` parts for the `ods` target (which puts them into an .ods of their own): a
/// few rows of the demo, what LibreOffice writes (styles, column and row runs, a run of a
/// million empty rows at the end, formulas, dates, comments, spaces, named ranges), runs that
/// expand to billions of cells, held-back empty cells, four billion spaces, parts cut short
/// inside a sheet and inside a comment.
fn ods(dir: &Path) -> Result<()> {
    let mut rows = fixtures::demo_raw_rows();
    rows.truncate(8);
    let demo = fixtures::raw_ods(&[("Vehicle CyberSecurity", rows)]);
    put(dir, "demo.xml", &content_of(&demo)?)?;
    put(
        dir,
        "repeat-bomb.xml",
        &content_of(&fixtures::ods_repeat_bomb())?,
    )?;
    let text = |s: &str| {
        format!(
            r#"<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>{s}</text:p></table:table-cell>"#
        )
    };
    let libreoffice = format!(
        r#"<office:automatic-styles><style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style></office:automatic-styles><table:table table:name="Vehicle CyberSecurity" table:style-name="ta1"><table:table-column table:number-columns-repeated="22"/><table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row><table:table-row>{}{}<table:table-cell table:style-name="ce1"/>{}<table:table-cell table:number-columns-repeated="1021"/></table:table-row><table:table-row>{}<table:table-cell office:value-type="float" office:value="1.5" table:formula="of:=[.A1]*2"><text:p>1.5</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2026-01-31"/><table:table-cell office:value-type="time" office:time-value="PT12H"/><table:table-cell office:value-type="boolean" office:boolean-value="true"/><table:table-cell table:number-columns-spanned="2" office:value-type="string"><office:annotation><text:p>a note</text:p></office:annotation><text:p>two<text:s text:c="3"/>words<text:tab/>and<text:line-break/>&amp; more</text:p><text:p>second</text:p></table:table-cell><table:covered-table-cell/><table:table-cell office:value-type="string" calcext:value-type="error"><text:p>#REF!</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table><table:named-expressions><table:named-range table:name="Questions" table:base-cell-address="$'Vehicle CyberSecurity'.$A$1" table:cell-range-address="$'Vehicle CyberSecurity'.$A$1:.$D$9"/></table:named-expressions>"#,
        text("VCS"),
        text("Control question"),
        text("Must"),
        text("1.1"),
    );
    put(dir, "libreoffice.xml", ods_content(&libreoffice).as_bytes())?;
    let numbers = r#"<table:table table:name="A"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table>"#;
    put(
        dir,
        "billions-of-numbers.xml",
        ods_content(numbers).as_bytes(),
    )?;
    let held_back = r#"<table:table-row><table:table-cell table:number-columns-repeated="16384"/><table:table-cell/></table:table-row>"#.repeat(40);
    put(
        dir,
        "held-back-empties.xml",
        ods_content(&format!(
            r#"<table:table table:name="A">{held_back}</table:table>"#
        ))
        .as_bytes(),
    )?;
    let spaces = r#"<table:table table:name="A"><table:table-row><table:table-cell office:value-type="string"><text:p><text:s text:c="4000000000"/></text:p></table:table-cell></table:table-row></table:table>"#;
    put(dir, "spaces-bomb.xml", ods_content(spaces).as_bytes())?;
    let content = ods_content(ODS_CUT_IN_SHEET);
    let cut = &content[..content
        .find("</office:spreadsheet>")
        .unwrap_or(content.len())];
    put(dir, "cut-in-sheet.xml", cut.as_bytes())?;
    let in_comment = r#"<table:table table:name="A"><table:table-row><table:table-cell office:value-type="string"><office:annotation><text:p>note</text:p>"#;
    let content = ods_content(in_comment);
    let cut = &content[..content
        .find("</office:spreadsheet>")
        .unwrap_or(content.len())];
    put(dir, "cut-in-comment.xml", cut.as_bytes())?;
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
    ws.add_scope(
        &ScopeInput {
            name: "ECU".into(),
            locations: vec!["Plant".into()],
            objectives: vec!["development".into()],
            ..ScopeInput::default()
        },
        now.date_naive(),
    )?;
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

/// A backup of a small workspace (two evidence files, no catalogue) as `backup` writes it, the
/// same stored, and hostile variants with `SHA256SUMS` recomputed so that only the restore's
/// own checks find them: a trigger added to the database, another program's database, a
/// vault entry nobody refers to, a content padded beyond the size the database records, a
/// database of zeros, a name twice; plus cut-short and damaged copies.
fn backup_restore(dir: &Path) -> Result<()> {
    let temp = tempfile::tempdir()?;
    let backup = real_backup(temp.path())?;
    put(dir, "backup.csmsbackup", &backup)?;
    let stored_backup = stored(&backup)?;
    if stored_backup.len() <= MAX_SEED_BYTES {
        put(dir, "backup-stored.csmsbackup", &stored_backup)?;
    }
    put(dir, "backup-half.csmsbackup", &backup[..backup.len() / 2])?;
    let mut flipped = backup.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0xff;
    put(dir, "backup-flipped.csmsbackup", &flipped)?;
    put(
        dir,
        "backup-declares-4-gib.csmsbackup",
        &declare_size(&backup, u32::MAX),
    )?;
    let entries = zip_entries(&backup)?;
    let with_db = |sql: &str| -> Result<Vec<u8>> {
        let db = temp.path().join("changed.sqlite");
        let _ = std::fs::remove_file(&db);
        let mut entries = entries.clone();
        let (_, bytes) = entries
            .iter_mut()
            .find(|(n, _)| n == "workspace.sqlite")
            .ok_or("no database in the backup")?;
        std::fs::write(&db, &*bytes)?;
        let copy = csmsdesk_store::Db::open(&db)?;
        copy.conn().execute_batch(sql)?;
        drop(copy);
        *bytes = std::fs::read(&db)?;
        resummed(entries)
    };
    put(
        dir,
        "backup-extra-trigger.csmsbackup",
        &with_db(
            "CREATE TRIGGER wipe AFTER INSERT ON location BEGIN DELETE FROM evidence_link; END;",
        )?,
    )?;
    put(
        dir,
        "backup-dropped-trigger.csmsbackup",
        &with_db("DROP TRIGGER journal_evidence_link_delete;")?,
    )?;
    let mut foreign = entries.clone();
    foreign.retain(|(n, _)| !n.starts_with("vault/"));
    let other = temp.path().join("other.sqlite");
    std::fs::write(&other, b"")?;
    let helper = csmsdesk_store::Db::create(&temp.path().join("helper.sqlite"), "now", "seeds")?;
    helper.conn().execute_batch(&format!(
        "ATTACH DATABASE '{}' AS other;
         CREATE TABLE other.customers (id INTEGER PRIMARY KEY, name TEXT);
         PRAGMA other.user_version = 3;
         DETACH DATABASE other;",
        other.display()
    ))?;
    drop(helper);
    for (name, bytes) in &mut foreign {
        if name == "workspace.sqlite" {
            *bytes = std::fs::read(&other)?;
        }
    }
    put(dir, "backup-foreign.csmsbackup", &resummed(foreign)?)?;
    let mut unreferenced = entries.clone();
    let zeros = vec![0u8; 1 << 20];
    let hash = csmsdesk_store::vault::hex(&sha2::Sha256::digest(&zeros));
    unreferenced.insert(1, (format!("vault/{}/{hash}", &hash[..2]), zeros));
    put(
        dir,
        "backup-unreferenced.csmsbackup",
        &resummed(unreferenced)?,
    )?;
    let mut padded = entries.clone();
    if let Some((_, bytes)) = padded.iter_mut().find(|(n, _)| n.starts_with("vault/")) {
        bytes.resize(1 << 20, 0);
    }
    put(dir, "backup-padded.csmsbackup", &resummed(padded)?)?;
    let mut zeros_db = entries.clone();
    for (name, bytes) in &mut zeros_db {
        if name == "workspace.sqlite" {
            *bytes = vec![0; 1 << 20];
        }
    }
    put(
        dir,
        "backup-zeros-database.csmsbackup",
        &resummed(zeros_db)?,
    )?;
    put(dir, "not-a-zip", b"plain text")?;
    put(dir, "empty", b"")?;
    Ok(())
}

/// A backup of a workspace with two evidence files, written by the backup the app and the CLI
/// use.
fn real_backup(root: &Path) -> Result<Vec<u8>> {
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let mut ws = Workspace::create(&root.join("backed-up"), now)?;
    let docs: Vec<PathBuf> = ["Policy.txt", "tara.md"]
        .iter()
        .map(|name| root.join(name))
        .collect();
    std::fs::write(&docs[0], "Information security policy v1\n")?;
    std::fs::write(&docs[1], "TARA for the ECU\n")?;
    ws.add_evidence(
        &docs,
        &EvidenceInput::default(),
        &LinkInput::default(),
        now,
        &|_| {},
        &AtomicBool::new(false),
    )?;
    let out = root.join("backup.csmsbackup");
    csmsdesk_workspace::write_backup(ws.dir(), &out, now, &|_| {}, &AtomicBool::new(false))?;
    Ok(std::fs::read(out)?)
}

/// The entries of the ZIP `zip_bytes`, in order, with their content.
fn zip_entries(zip_bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip_bytes))?;
    let mut entries = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index)?;
        let name = entry.name()?.into_owned();
        let mut body = Vec::new();
        entry.read_to_end(&mut body)?;
        entries.push((name, body));
    }
    Ok(entries)
}

/// `entries` as a ZIP whose `SHA256SUMS` lists every other entry with its right hash.
fn resummed(entries: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>> {
    let mut sums = String::new();
    for (name, body) in entries.iter().filter(|(n, _)| n != "SHA256SUMS") {
        let hash = csmsdesk_store::vault::hex(&sha2::Sha256::digest(body));
        sums.push_str(&format!("{hash}  {name}\n"));
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().last_modified_time(zip::DateTime::default());
    for (name, body) in entries {
        out.start_file(name.as_str(), options)?;
        if name == "SHA256SUMS" {
            out.write_all(sums.as_bytes())?;
        } else {
            out.write_all(&body)?;
        }
    }
    Ok(out.finish()?.into_inner())
}
