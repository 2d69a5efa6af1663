//! The bodies of the `catalogue_reader` and `ods` fuzz targets (`fuzz/`), shared with the
//! replay of their saved corpora in `tests/fuzz_corpus.rs`, so that `cargo test` runs every
//! input the fuzzer kept.
//!
//! Not an API: it panics on purpose when a property fails.

use std::collections::BTreeSet;
use std::io::{Cursor, Write as _};

use calamine::{Data, Reader as _};
use csmsdesk_core::catalogue::{parse_catalogue, parse_filled_questions, version_from_history};
use csmsdesk_core::i18n::Lang;

use crate::read::TEXT_OVERHEAD;
use crate::read_catalogue_sheets;

/// Reads `bytes` as a catalogue workbook, then does with the sheets what an import does
/// (`csmsdesk-workspace`'s `catalogue.rs`): the catalogue tree, its references and counts,
/// the version from the history sheet, the filled columns, and every message a failure shows.
/// Whatever the bytes, none of it may panic.
pub fn catalogue_reader(bytes: &[u8]) {
    let sheets = match read_catalogue_sheets(bytes) {
        Ok(sheets) => sheets,
        Err(error) => {
            render(&error.message("fuzz.xlsx"));
            return;
        }
    };
    match parse_catalogue(&sheets.catalogue) {
        Ok(catalogue) => {
            let counts = catalogue.counts();
            assert!(
                counts.control_questions > 0,
                "a parsed catalogue has questions"
            );
            let requirements = catalogue
                .chapters
                .iter()
                .flat_map(|c| &c.questions)
                .flat_map(|q| &q.requirements);
            for requirement in requirements {
                requirement.references();
            }
        }
        Err(problem) => render(&problem.message("fuzz.xlsx")),
    }
    if let Some(history) = &sheets.history {
        version_from_history(history);
    }
    if let Err(problem) = parse_filled_questions(&sheets.catalogue) {
        render(&problem.message("fuzz.xlsx"));
    }
}

fn render(message: &csmsdesk_core::i18n::Message) {
    for lang in Lang::ALL {
        assert!(!message.render(lang).is_empty());
    }
}

/// Any bytes as the `content.xml` of an `.ods` (put into a container of its own, so that the
/// fuzzer's mutations reach the XML): read as [`catalogue_reader`] reads a workbook; then,
/// where the measure taken before calamine reads an `.ods` lets the file through, what
/// calamine holds once it has read it is within the measure (cells and text). That the
/// measure is an upper bound is what bounds the memory an `.ods` can take.
pub fn ods(content: &[u8]) {
    let bytes = ods_container(content);
    catalogue_reader(&bytes);
    let Ok(measure) = crate::read::ods::measure(content) else {
        return;
    };
    let Ok(mut book) = calamine::open_workbook_from_rs::<calamine::Ods<_>, _>(Cursor::new(&bytes))
    else {
        return;
    };
    let text = |s: &str| match s.len() as u64 {
        0 => 0,
        len => len + TEXT_OVERHEAD,
    };
    let (mut values, mut formulas, mut bytes_held) = (0u64, 0u64, 0u64);
    // Sheets of the same name are held once.
    let names: BTreeSet<String> = book.sheet_names().into_iter().collect();
    for name in &names {
        if let Ok(range) = book.worksheet_range(name) {
            let (height, width) = range.get_size();
            values += (height * width) as u64;
            for data in range.cells().map(|(_, _, data)| data) {
                if let Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) = data {
                    bytes_held += text(s);
                }
            }
        }
        if let Ok(range) = book.worksheet_formula(name) {
            let (height, width) = range.get_size();
            formulas += (height * width) as u64;
            bytes_held += range.cells().map(|(_, _, f)| text(f)).sum::<u64>();
        }
    }
    assert!(
        values <= measure.cells && formulas <= measure.cells,
        "calamine holds {values} values and {formulas} formulas, measured {}",
        measure.cells
    );
    assert!(
        bytes_held <= measure.text,
        "calamine holds {bytes_held} bytes of text, measured {}",
        measure.text
    );
}

/// An `.ods` holding `content` as its `content.xml`, every entry stored.
fn ods_container(content: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    let entries: [(&str, &[u8]); 3] = [
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("META-INF/manifest.xml", MANIFEST),
        ("content.xml", content),
    ];
    for (name, body) in entries {
        zip.start_file(name, stored).expect("writing to memory");
        zip.write_all(body).expect("writing to memory");
    }
    zip.finish().expect("writing to memory").into_inner()
}

const MANIFEST: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
