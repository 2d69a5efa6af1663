//! Exchange with partners (docs/DOMAIN.md "Exchange"): each scope's publication level and the
//! participants it is shared with, and the history of exported packages.

use crate::{ScopeId, SharingId};
use csmsdesk_core::i18n::Message;
use csmsdesk_core::ids::TisaxId;
use csmsdesk_core::package::{Level, sharing_adds_nothing};
use csmsdesk_store::exchange::{self as table, ExportRecord, SharingRecord};

use crate::input::{MAX_NAME_LEN, parse_date, required_name};
use crate::{Error, Invalid, Result, Workspace};

fn level_of(field: &str, text: &str, allow_none: bool, errors: &mut Vec<Invalid>) -> Level {
    match Level::parse(text) {
        Some(level) if level != Level::Full && (allow_none || level != Level::DoNotShare) => level,
        _ => {
            errors.push(Invalid::new(
                field,
                Message::new("share.bad_level").arg("given", text.trim()),
            ));
            Level::DoNotShare
        }
    }
}

/// Some fields of a sharing to change (`None` keeps the current value).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharingChanges {
    pub partner: Option<String>,
    pub participant_id: Option<String>,
    pub level: Option<String>,
    pub shared_on: Option<String>,
}

/// A sharing as typed, checked: every field's problem at once (scope and id left 0).
fn checked_sharing(
    partner: &str,
    participant_id: &str,
    level: &str,
    shared_on: &str,
) -> Result<SharingRecord> {
    let mut errors = Vec::new();
    required_name("partner", partner, &mut errors);
    let id = TisaxId::parse(participant_id)
        .map_err(|_| {
            errors.push(Invalid::new(
                "participant_id",
                Message::new("input.bad_id").arg("given", participant_id.trim()),
            ))
        })
        .ok();
    let level = level_of("level", level, false, &mut errors);
    let date = parse_date("date", shared_on, &mut errors);
    if date.is_none() && shared_on.trim().is_empty() {
        errors.push(Invalid::new("date", Message::new("share.date_missing")));
    }
    if partner.trim().chars().count() > MAX_NAME_LEN {
        errors.push(Invalid::new(
            "partner",
            Message::new("profile.error.too_long").arg("max", MAX_NAME_LEN),
        ));
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    Ok(SharingRecord {
        id: 0,
        scope_id: 0,
        partner: partner.trim().to_owned(),
        participant_id: id.map(|i| i.to_string()).unwrap_or_default(),
        level: level.as_str().to_owned(),
        shared_on: date.map(|d| d.to_string()).unwrap_or_default(),
    })
}

impl Workspace {
    /// Sets how `scope` is published to every VCS participant.
    pub fn set_publication(&mut self, scope: ScopeId, level: &str) -> Result<Level> {
        let record = self.scope(scope)?;
        let mut errors = Vec::new();
        let level = level_of("level", level, true, &mut errors);
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        table::set_publication(self.db.conn(), record.id, level.as_str())?;
        Ok(level)
    }

    /// How `scope` is published.
    pub fn publication(&self, scope: ScopeId) -> Result<Level> {
        let record = self.scope(scope)?;
        Ok(
            Level::parse(&table::publication(self.db.conn(), record.id)?)
                .unwrap_or(Level::DoNotShare),
        )
    }

    /// Shares `scope` with one participant; warns when the level adds nothing to the
    /// publication.
    pub fn add_sharing(
        &mut self,
        scope: ScopeId,
        partner: &str,
        participant_id: &str,
        level: &str,
        shared_on: &str,
    ) -> Result<(SharingRecord, Vec<Message>)> {
        let record = self.scope(scope)?;
        let mut sharing = checked_sharing(partner, participant_id, level, shared_on)?;
        sharing.scope_id = record.id;
        let warnings = self.sharing_warnings(&sharing)?;
        sharing.id = table::add_sharing(self.db.conn(), &sharing)?;
        Ok((sharing, warnings))
    }

    /// Sharing `id` (an index seek).
    pub fn sharing(&self, id: SharingId) -> Result<SharingRecord> {
        table::sharing(self.db.conn(), id.0)?.ok_or_else(|| id.not_found())
    }

    /// Corrects a sharing as it was recorded (partner, Participant-ID, level, date), checked
    /// as when it was added; its scope stays.
    pub fn update_sharing(
        &mut self,
        id: SharingId,
        partner: &str,
        participant_id: &str,
        level: &str,
        shared_on: &str,
    ) -> Result<(SharingRecord, Vec<Message>)> {
        let current = self.sharing(id)?;
        let mut sharing = checked_sharing(partner, participant_id, level, shared_on)?;
        sharing.id = current.id;
        sharing.scope_id = current.scope_id;
        let warnings = self.sharing_warnings(&sharing)?;
        table::update_sharing(self.db.conn(), &sharing)?;
        Ok((sharing, warnings))
    }

    /// Changes only what `changes` names of sharing `id` (`csmsdesk-cli share edit`).
    pub fn update_sharing_fields(
        &mut self,
        id: SharingId,
        changes: &SharingChanges,
    ) -> Result<(SharingRecord, Vec<Message>)> {
        let current = self.sharing(id)?;
        let pick =
            |given: &Option<String>, now: &str| given.clone().unwrap_or_else(|| now.to_owned());
        self.update_sharing(
            id,
            &pick(&changes.partner, &current.partner),
            &pick(&changes.participant_id, &current.participant_id),
            &pick(&changes.level, &current.level),
            &pick(&changes.shared_on, &current.shared_on),
        )
    }

    /// Deletes the record of a sharing entered by mistake. At ENX a sharing cannot be
    /// taken back: this changes only what the workspace says, never what the partner sees.
    pub fn remove_sharing(&mut self, id: SharingId) -> Result<()> {
        let current = self.sharing(id)?;
        table::remove_sharing(self.db.conn(), current.id)?;
        Ok(())
    }

    fn sharing_warnings(&self, sharing: &SharingRecord) -> Result<Vec<Message>> {
        let publication = self.publication(ScopeId(sharing.scope_id))?;
        let level = Level::parse(&sharing.level).unwrap_or(Level::DoNotShare);
        Ok(if sharing_adds_nothing(publication, level) {
            vec![
                Message::new("share.adds_nothing")
                    .arg("level", level.as_str())
                    .arg("publication", publication.as_str()),
            ]
        } else {
            Vec::new()
        })
    }

    /// The sharings of `scope` (of every scope when `None`).
    pub fn sharings(&self, scope: Option<ScopeId>) -> Result<Vec<SharingRecord>> {
        let id = scope.map(|s| self.scope(s)).transpose()?.map(|s| s.id);
        Ok(table::sharings(self.db.conn(), id)?)
    }

    /// The packages exported so far, oldest first.
    pub fn exports(&self) -> Result<Vec<ExportRecord>> {
        Ok(table::exports(self.db.conn())?)
    }

    pub(crate) fn record_export(&self, record: &ExportRecord) -> Result<()> {
        table::record_export(self.db.conn(), record)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;

    #[test]
    fn sharing_warns_when_it_adds_nothing_to_the_publication_and_refuses_bad_input() {
        let mut s = setup();
        assert_eq!(
            s.ws.publication(scope_id(&s.ws, "ECU")).unwrap(),
            Level::DoNotShare
        );
        s.ws.set_publication(scope_id(&s.ws, "ECU"), "A+labels")
            .unwrap();
        let (_, warnings) =
            s.ws.add_sharing(scope_id(&s.ws, "ECU"), "OEM A", "S1A2B3", "A", "2026-11-25")
                .unwrap();
        assert_eq!(warnings[0].key, "share.adds_nothing");
        let (shared, warnings) =
            s.ws.add_sharing(
                scope_id(&s.ws, "ECU"),
                "OEM B",
                "s9z8y7",
                "A+labels+B",
                "2026-11-25",
            )
            .unwrap();
        assert!(warnings.is_empty());
        assert_eq!(shared.participant_id, "S9Z8Y7");
        let error =
            s.ws.add_sharing(scope_id(&s.ws, "ECU"), "", "nope", "B", "")
                .unwrap_err();
        let mut fields: Vec<String> = error.field_errors().into_iter().map(|f| f.field).collect();
        fields.sort();
        assert_eq!(fields, ["date", "level", "participant_id", "partner"]);
        assert_eq!(
            s.ws.sharings(Some(scope_id(&s.ws, "ECU"))).unwrap().len(),
            2,
            "the refused one was not stored"
        );
        assert!(
            s.ws.set_publication(scope_id(&s.ws, "ECU"), "full")
                .is_err(),
            "full is not a publication level"
        );
    }
}
