//! Locations with their TISAX labels: adding, renewing a label, removing, finding by name or id.

use csmsdesk_core::i18n::Message;
use csmsdesk_core::scope::{TisaxLabel, tisax_label};
use csmsdesk_store::location::{self, LocationRecord};

use super::{LabelInput, LocationInput};
use crate::input::{MAX_TEXT_LEN, optional_id, parse_date, text_problem, unique_name};
use crate::{Error, Invalid, LocationId, Result, Workspace};

pub(super) fn parse_label(
    index: usize,
    input: &LabelInput,
    errors: &mut Vec<Invalid>,
) -> Option<TisaxLabel> {
    let field = format!("labels.{index}");
    let label = tisax_label(&input.label);
    if label.is_none() {
        errors.push(Invalid::new(
            &field,
            Message::new("input.unknown_tisax_label").arg("given", &input.label),
        ));
    }
    let level = input
        .level
        .trim()
        .trim_start_matches(['A', 'a'])
        .trim_start_matches(['L', 'l'])
        .parse::<u8>()
        .ok();
    let level = level.filter(|l| (1..=3).contains(l));
    if level.is_none() {
        errors.push(Invalid::new(
            &field,
            Message::new("input.bad_level").arg("given", &input.level),
        ));
    }
    let expires = parse_date(&field, &input.expires, errors);
    if input.expires.trim().is_empty() {
        errors.push(Invalid::new(
            &field,
            Message::new("input.bad_date").arg("given", ""),
        ));
    }
    Some(TisaxLabel {
        label: label?.to_owned(),
        level: level?,
        expires: expires?,
    })
}
impl Workspace {
    pub fn locations(&self) -> Result<Vec<LocationRecord>> {
        Ok(location::list(self.db.conn())?)
    }

    /// Adds a location after checking every field; an already expired label is accepted
    /// (history matters) and shows as expired.
    pub fn add_location(&mut self, input: &LocationInput) -> Result<LocationRecord> {
        let mut errors = Vec::new();
        let name = unique_name(
            &input.name,
            |n| Ok(location::name_taken(self.db.conn(), n)?),
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
        let mut record = LocationRecord {
            id: 0,
            name,
            address: input.address.trim().to_owned(),
            tisax_scope_id,
            cs_activities: input.cs_activities,
            notes: input.notes.trim().to_owned(),
            labels,
        };
        record.id = self.db.write(|tx| location::insert(tx, &record))?;
        Ok(record)
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
            Some(parsed) => location::add_label(self.db.conn(), record.id, &parsed)?,
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
