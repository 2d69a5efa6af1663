//! The input of `audit results`: `--set QUESTION=RESULT` and a CSV file of lines
//! `QUESTION,RESULT[,DESCRIPTION OF FINDINGS]`, read into the entries the workspace checks
//! and saves in one transaction.

use std::path::Path;

use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::{Error, Invalid, ResultInput};

/// One `--set QUESTION=RESULT`.
pub fn parse_set(text: &str) -> Result<ResultInput, Error> {
    let Some((question, result)) = text.split_once('=') else {
        return Err(Error::Invalid(vec![Invalid::new(
            "set",
            Message::new("cli.results.bad_set").arg("given", text),
        )]));
    };
    Ok(ResultInput {
        question: question.trim().to_owned(),
        result: result.trim().to_owned(),
        findings_description: String::new(),
    })
}

/// The entries of a results CSV file: a header line starting with `question` is skipped, as
/// are empty lines; the description may be quoted (`"a, b"`, with `""` for a quote).
pub fn read_file(path: &Path) -> Result<Vec<ResultInput>, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::FileUnreadable {
        path: path.to_owned(),
        source,
    })?;
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}').trim_end_matches('\r');
        if line.trim().is_empty()
            || (index == 0 && line.trim().to_ascii_lowercase().starts_with("question"))
        {
            continue;
        }
        let mut parts = line.splitn(3, ',');
        let (Some(question), Some(result)) = (parts.next(), parts.next()) else {
            errors.push(Invalid::new(
                "file",
                Message::new("cli.results.bad_line").arg("line", index + 1),
            ));
            continue;
        };
        entries.push(ResultInput {
            question: question.trim().to_owned(),
            result: result.trim().to_owned(),
            findings_description: unquote(parts.next().unwrap_or_default().trim()),
        });
    }
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(Error::Invalid(errors))
    }
}

/// A CSV field without its surrounding quotes and with `""` as one quote.
fn unquote(field: &str) -> String {
    match field.strip_prefix('"').and_then(|f| f.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => field.to_owned(),
    }
}
