//! Checks of typed input that every use case shares: names, texts, dates, TISAX/ENX IDs and
//! objectives, each problem added to a list so that a form shows all of them at once.

use chrono::NaiveDate;
use csmsdesk_core::i18n::Message;
use csmsdesk_core::ids::TisaxId;
use csmsdesk_core::order::Direction;
use csmsdesk_core::scope::Objective;

use crate::{Invalid, Result};

pub(crate) const MAX_NAME_LEN: usize = 200;
pub(crate) const MAX_TEXT_LEN: usize = 4000;

pub(crate) fn text_problem(field: &str, text: &str, max: usize, errors: &mut Vec<Invalid>) {
    if text.chars().count() > max {
        errors.push(Invalid::new(
            field,
            Message::new("profile.error.too_long").arg("max", max),
        ));
    }
}

pub(crate) fn required_name(field: &str, name: &str, errors: &mut Vec<Invalid>) {
    if name.trim().is_empty() {
        errors.push(Invalid::new(field, Message::new("input.name_missing")));
    }
    text_problem(field, name.trim(), MAX_NAME_LEN, errors);
    if name.chars().any(char::is_control) {
        errors.push(Invalid::new(
            field,
            Message::new("profile.error.control_character"),
        ));
    }
}

/// The trimmed name, with its problems (missing, too long, taken per `taken`) added to
/// `errors`.
pub(crate) fn unique_name(
    name: &str,
    taken: impl FnOnce(&str) -> Result<bool>,
    errors: &mut Vec<Invalid>,
) -> Result<String> {
    let name = name.trim().to_owned();
    required_name("name", &name, errors);
    if !name.is_empty() && taken(&name)? {
        errors.push(Invalid::new(
            "name",
            Message::new("input.name_taken").arg("name", &name),
        ));
    }
    Ok(name)
}

pub(crate) fn optional_id(field: &str, text: &str, errors: &mut Vec<Invalid>) -> Option<TisaxId> {
    if text.trim().is_empty() {
        return None;
    }
    TisaxId::parse(text)
        .map_err(|_| {
            errors.push(Invalid::new(
                field,
                Message::new("input.bad_id").arg("given", text.trim()),
            ))
        })
        .ok()
}

pub(crate) fn parse_date(field: &str, text: &str, errors: &mut Vec<Invalid>) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    csmsdesk_core::dates::parse_date(text)
        .map_err(|message| errors.push(Invalid::new(field, message)))
        .ok()
}

pub(crate) fn parse_objectives(
    field: &str,
    names: &[String],
    errors: &mut Vec<Invalid>,
) -> Vec<Objective> {
    let mut objectives = Vec::new();
    for name in names {
        match Objective::parse(name) {
            Some(o) if !objectives.contains(&o) => objectives.push(o),
            Some(_) => {}
            None => errors.push(Invalid::new(
                field,
                Message::new("input.unknown_objective").arg("given", name),
            )),
        }
    }
    objectives.sort();
    objectives
}

pub(crate) fn required_text(field: &str, text: &str, errors: &mut Vec<Invalid>) {
    if text.trim().is_empty() {
        errors.push(Invalid::new(field, Message::new("input.text_missing")));
    }
    text_problem(field, text.trim(), MAX_TEXT_LEN, errors);
}

/// One of a closed set of values as typed, read by `parse`; `None` when empty. A text that is
/// none of them is named under `field` with `message` (its `given` argument the text).
pub(crate) fn optional_choice<T>(
    field: &str,
    text: &str,
    message: &'static str,
    parse: impl FnOnce(&str) -> Option<T>,
    errors: &mut Vec<Invalid>,
) -> Option<T> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let value = parse(text);
    if value.is_none() {
        errors.push(Invalid::new(
            field,
            Message::new(message).arg("given", text),
        ));
    }
    value
}

/// The most rows one page of a list holds (the screens ask for 100 at a time).
pub const MAX_PAGE_ROWS: u64 = 1000;

/// A page's row limit: `None` for every row (the CLI without `--limit`), else 0 (a count
/// alone) to [`MAX_PAGE_ROWS`].
pub(crate) fn page_limit(limit: Option<u64>, errors: &mut Vec<Invalid>) -> Option<u64> {
    match limit {
        Some(n) if n > MAX_PAGE_ROWS => {
            errors.push(Invalid::new(
                "limit",
                Message::new("list.bad_limit")
                    .arg("given", n)
                    .arg("max", MAX_PAGE_ROWS),
            ));
            None
        }
        other => other,
    }
}

/// A sort direction as typed: empty for ascending, `asc` or `desc`.
pub(crate) fn sort_direction(text: &str, errors: &mut Vec<Invalid>) -> Direction {
    if text.trim().is_empty() {
        return Direction::Ascending;
    }
    Direction::parse(text).unwrap_or_else(|| {
        errors.push(Invalid::new(
            "direction",
            Message::new("list.bad_direction").arg("given", text.trim()),
        ));
        Direction::Ascending
    })
}

/// A column to sort by as typed (empty for `default`), one of `columns` by `name`; an unknown
/// one names them all.
pub(crate) fn sort_column<C: Copy>(
    text: &str,
    default: C,
    columns: &[C],
    name: fn(C) -> &'static str,
    parse: fn(&str) -> Option<C>,
    errors: &mut Vec<Invalid>,
) -> C {
    if text.trim().is_empty() {
        return default;
    }
    parse(text).unwrap_or_else(|| {
        let known: Vec<&str> = columns.iter().map(|c| name(*c)).collect();
        errors.push(Invalid::new(
            "sort",
            Message::new("list.bad_sort")
                .arg("given", text.trim())
                .arg("columns", known.join(", ")),
        ));
        default
    })
}
