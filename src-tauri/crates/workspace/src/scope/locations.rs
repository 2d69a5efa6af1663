//! Locations with their TISAX labels: adding, changing (every field, a label corrected or
//! removed), renewing a label, removing, finding by id.

use csmsdesk_core::i18n::Message;
use csmsdesk_core::scope::{TisaxLabel, tisax_label, tisax_label_level};
use csmsdesk_store::location::{self, LocationRecord};

use super::{LabelInput, LocationInput};
use crate::Record;
use crate::input::{MAX_TEXT_LEN, optional_id, parse_date, text_problem, unique_name};
use crate::{Error, Invalid, LocationId, Result, Workspace};
use csmsdesk_store::revision::claim;

/// Reads label row `index` (0-based; messages count rows from 1). An empty level takes the
/// level the label implies; a level the label cannot have, or a missing expiry date, is
/// refused with the row and the fix named.
pub(super) fn parse_label(
    index: usize,
    input: &LabelInput,
    errors: &mut Vec<Invalid>,
) -> Option<TisaxLabel> {
    let field = format!("labels.{index}");
    let row = index + 1;
    let label = tisax_label(&input.label);
    if label.is_none() {
        errors.push(Invalid::new(
            &field,
            Message::new("input.unknown_tisax_label").arg("given", &input.label),
        ));
    }
    let implied = label.and_then(tisax_label_level);
    let level = match input.level.trim() {
        "" => implied,
        text => text
            .trim_start_matches(['A', 'a'])
            .trim_start_matches(['L', 'l'])
            .parse::<u8>()
            .ok()
            .filter(|l| (1..=3).contains(l)),
    };
    match (level, implied) {
        (None, _) => errors.push(Invalid::new(
            &field,
            Message::new("input.bad_level").arg("given", &input.level),
        )),
        (Some(given), Some(expected)) if given != expected => errors.push(Invalid::new(
            &field,
            Message::new("input.label_level_mismatch")
                .arg("row", row)
                .arg("label", label.unwrap_or_default())
                .arg("given", given)
                .arg("expected", expected),
        )),
        _ => {}
    }
    let expires = if input.expires.trim().is_empty() {
        errors.push(Invalid::new(
            &field,
            Message::new("input.label_expiry_missing")
                .arg("row", row)
                .arg("label", label.unwrap_or(input.label.trim())),
        ));
        None
    } else {
        parse_date(&field, &input.expires, errors)
    };
    Some(TisaxLabel {
        label: label?.to_owned(),
        level: level.filter(|l| Some(*l) == implied)?,
        expires: expires?,
    })
}

/// Which of a location's labels a `LABEL` or `LABEL:EXPIRES` text names: one, or a message
/// saying why not (none, or several of that name without a date to tell them apart).
fn find_label(labels: &[TisaxLabel], text: &str) -> std::result::Result<usize, Message> {
    let (name, date) = match text.split_once(':') {
        Some((name, date)) => (name, Some(date.trim())),
        None => (text, None),
    };
    let wanted = tisax_label(name);
    let matching: Vec<usize> = labels
        .iter()
        .enumerate()
        .filter(|(_, l)| Some(l.label.as_str()) == wanted)
        .filter(|(_, l)| date.is_none_or(|d| l.expires.to_string() == d))
        .map(|(i, _)| i)
        .collect();
    match matching.as_slice() {
        [one] => Ok(*one),
        [] => Err(Message::new("input.label_not_held").arg("given", text.trim())),
        _ => Err(Message::new("input.label_ambiguous").arg("given", text.trim())),
    }
}

/// Some of a location's details to change (`None` keeps the current value), as
/// `csmsdesk-cli location edit` takes them; labels are removed first, then added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocationChanges {
    pub name: Option<String>,
    pub address: Option<String>,
    pub tisax_scope_id: Option<String>,
    pub cs_activities: Option<bool>,
    pub notes: Option<String>,
    /// Labels to remove, each `LABEL` or `LABEL:EXPIRES`.
    pub remove_labels: Vec<String>,
    pub add_labels: Vec<LabelInput>,
}

fn label_input(label: &TisaxLabel) -> LabelInput {
    LabelInput {
        label: label.label.clone(),
        level: label.level.to_string(),
        expires: label.expires.to_string(),
    }
}

impl Workspace {
    pub fn locations(&self) -> Result<Vec<LocationRecord>> {
        Ok(location::list(self.db.conn())?)
    }

    /// Adds a location after checking every field; an already expired label is accepted
    /// (history matters) and shows as expired.
    pub fn add_location(&mut self, input: &LocationInput) -> Result<LocationRecord> {
        let mut record = self.checked_location(None, input)?;
        record.id = self.db.write(|tx| location::insert(tx, &record))?;
        Ok(record)
    }

    /// Replaces everything about location `id` with `input`: its details and its whole
    /// label list (a row left out is a label removed, one changed is corrected), checked as
    /// when it was added. A renewal keeps the old label: `add_location_label`.
    /// With `based_on` (the revision the form read), refused when someone saved it since.
    pub fn update_location(
        &mut self,
        id: LocationId,
        input: &LocationInput,
        based_on: Option<i64>,
    ) -> Result<LocationRecord> {
        let current = self.location(id)?;
        let mut record = self.checked_location(Some(current.id), input)?;
        record.id = current.id;
        self.db.write(|tx| {
            claim(tx, Record::Location, record.id, based_on)?;
            location::update(tx, &record)
        })?;
        self.location(id)
    }

    /// Changes only what `changes` names of location `id`; the rest keeps its value.
    pub fn update_location_fields(
        &mut self,
        id: LocationId,
        changes: &LocationChanges,
    ) -> Result<LocationRecord> {
        self.on_fresh(Record::Location, id.0, |ws, revision| {
            let input = ws.location_changed(id, changes)?;
            ws.update_location(id, &input, Some(revision))
        })
    }

    /// Location `id` as `changes` would leave it.
    fn location_changed(&self, id: LocationId, changes: &LocationChanges) -> Result<LocationInput> {
        let current = self.location(id)?;
        let mut labels = current.labels.clone();
        let mut errors = Vec::new();
        for text in &changes.remove_labels {
            match find_label(&labels, text) {
                Ok(i) => {
                    labels.remove(i);
                }
                Err(message) => errors.push(Invalid::new("remove_label", message)),
            }
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let keep =
            |given: &Option<String>, now: &str| given.clone().unwrap_or_else(|| now.to_owned());
        let input = LocationInput {
            name: keep(&changes.name, &current.name),
            address: keep(&changes.address, &current.address),
            tisax_scope_id: keep(
                &changes.tisax_scope_id,
                current.tisax_scope_id.as_ref().map_or("", |i| i.as_str()),
            ),
            labels: labels
                .iter()
                .map(label_input)
                .chain(changes.add_labels.iter().cloned())
                .collect(),
            cs_activities: changes.cs_activities.unwrap_or(current.cs_activities),
            notes: keep(&changes.notes, &current.notes),
        };
        Ok(input)
    }

    /// `input` checked as a location (`id` is the one being changed, if any): every field's
    /// problem at once.
    fn checked_location(&self, id: Option<i64>, input: &LocationInput) -> Result<LocationRecord> {
        let mut errors = Vec::new();
        let name = unique_name(
            &input.name,
            |n| {
                Ok(location::names(self.db.conn())?
                    .iter()
                    .any(|(other, name)| {
                        Some(*other) != id && name.to_lowercase() == n.to_lowercase()
                    }))
            },
            &mut errors,
        )?;
        text_problem("address", &input.address, MAX_TEXT_LEN, &mut errors);
        text_problem("notes", &input.notes, MAX_TEXT_LEN, &mut errors);
        let tisax_scope_id = optional_id("tisax_scope_id", &input.tisax_scope_id, &mut errors);
        let labels: Vec<_> = input
            .labels
            .iter()
            .enumerate()
            .filter_map(|(i, l)| parse_label(i, l, &mut errors))
            .collect();
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        Ok(LocationRecord {
            id: 0,
            name,
            address: input.address.trim().to_owned(),
            tisax_scope_id,
            cs_activities: input.cs_activities,
            notes: input.notes.trim().to_owned(),
            labels,
            used_by: Vec::new(),
        })
    }

    /// Location `id` with its labels (an index seek).
    pub fn location(&self, id: LocationId) -> Result<LocationRecord> {
        location::get(self.db.conn(), id.0)?.ok_or_else(|| id.not_found())
    }

    /// Adds a TISAX label to an existing location (a renewal; earlier labels stay as history).
    pub fn add_location_label(
        &mut self,
        location: LocationId,
        label: &LabelInput,
    ) -> Result<LocationRecord> {
        let record = self.location(location)?;
        let mut errors = Vec::new();
        let parsed = parse_label(0, label, &mut errors);
        match parsed.filter(|_| errors.is_empty()) {
            // A renewed label moves the location's revision on: a form opened before would
            // drop it (its label list is the whole list).
            Some(parsed) => self.db.write(|tx| {
                claim(tx, Record::Location, record.id, None)?;
                location::add_label(tx, record.id, &parsed)
            })?,
            None => return Err(Error::Invalid(errors)),
        }
        self.location(location)
    }

    /// Deletes a location that no scope uses.
    pub fn remove_location(&mut self, location: LocationId) -> Result<()> {
        let record = self.location(location)?;
        let scopes = location::used_by(self.db.conn(), record.id)?;
        if !scopes.is_empty() {
            return Err(Error::Invalid(vec![Invalid::new(
                "location",
                Message::new("input.location_in_use")
                    .arg("name", &record.name)
                    .arg("scopes", scopes.join(", ")),
            )]));
        }
        location::delete(self.db.conn(), record.id)?;
        Ok(())
    }
}
