//! The body of the `catalogue_reader` fuzz target (`fuzz/`), shared with the replay of its
//! saved corpus in `tests/fuzz_corpus.rs`, so that `cargo test` runs every input the fuzzer
//! kept.
//!
//! Not an API: it panics on purpose when a property fails.

use csmsdesk_core::catalogue::{parse_catalogue, parse_filled_questions, version_from_history};
use csmsdesk_core::i18n::Lang;

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
