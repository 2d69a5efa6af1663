//! What the user typed for a record ("name or id") turned into its typed id: one resolver per
//! kind, so every command reads names the same way.
//!
//! `#12` is always id 12. Any other text matches a record by its name (case ignored) or, when
//! it is a number, by its id; a text that is one record's name and another's id (a scope
//! named `2` beside scope #2) is refused as ambiguous, naming both, so nobody changes the wrong
//! one. Evidence items have no unique name: they are named by id only.

use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::{
    Error, EvidenceId, Invalid, LocationId, Named, ProtectionObjectId, ScopeId, SharingId,
    Workspace,
};

/// The one record of `all` that `text` names.
fn resolve<Id: Copy + PartialEq + std::fmt::Display>(
    kind: &'static str,
    text: &str,
    all: &[Named<Id>],
    id_of: fn(i64) -> Id,
) -> Result<Id, Error> {
    let text = text.trim();
    let not_found = || Error::NotFound {
        kind,
        name: text.to_owned(),
    };
    if let Some(number) = text.strip_prefix('#') {
        let id = number.trim().parse().map(id_of).map_err(|_| not_found())?;
        return all
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.id)
            .ok_or_else(not_found);
    }
    let by_name = all.iter().find(|n| n.name.eq_ignore_ascii_case(text));
    let by_id = text
        .parse()
        .ok()
        .map(id_of)
        .and_then(|id| all.iter().find(|n| n.id == id));
    match (by_name, by_id) {
        (Some(a), Some(b)) if a.id != b.id => Err(Error::Ambiguous {
            kind,
            name: text.to_owned(),
            choices: [a, b]
                .iter()
                .map(|n| format!("“{}” ({})", n.name, n.id))
                .collect::<Vec<_>>()
                .join(", "),
        }),
        (Some(n), _) | (None, Some(n)) => Ok(n.id),
        (None, None) => Err(not_found()),
    }
}

/// The scope `text` names.
pub fn scope(ws: &Workspace, text: &str) -> Result<ScopeId, Error> {
    resolve("thing.scope", text, &ws.scope_names()?, ScopeId)
}

/// The scope `text` names, or none for an empty text.
pub fn optional_scope(ws: &Workspace, text: &str) -> Result<Option<ScopeId>, Error> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    scope(ws, text).map(Some)
}

/// The location `text` names.
pub fn location(ws: &Workspace, text: &str) -> Result<LocationId, Error> {
    resolve("thing.location", text, &ws.location_names()?, LocationId)
}

/// The locations named in `texts` (the `--location` list of field `field`): every unknown one
/// is reported, with the message `unknown` (it takes the text as `given`).
pub fn locations(
    ws: &Workspace,
    texts: &[String],
    field: &str,
    unknown: &'static str,
) -> Result<Vec<LocationId>, Error> {
    let all = ws.location_names()?;
    let mut ids = Vec::new();
    let mut errors = Vec::new();
    for text in texts {
        match resolve("thing.location", text, &all, LocationId) {
            Ok(id) => ids.push(id),
            Err(Error::NotFound { .. }) => errors.push(Invalid::new(
                field,
                Message::new(unknown).arg("given", text.trim()),
            )),
            Err(other) => return Err(other),
        }
    }
    if errors.is_empty() {
        Ok(ids)
    } else {
        Err(Error::Invalid(errors))
    }
}

/// The protection object of scope `scope` that `text` names.
pub fn object(ws: &Workspace, scope: ScopeId, text: &str) -> Result<ProtectionObjectId, Error> {
    resolve(
        "thing.protection_object",
        text,
        &ws.protection_object_names(scope)?,
        ProtectionObjectId,
    )
}

/// The evidence item `text` (`12` or `#12`) names; whether it exists is the use case's check.
pub fn evidence(text: &str) -> Result<EvidenceId, Error> {
    let text = text.trim();
    text.trim_start_matches('#')
        .parse()
        .map(EvidenceId)
        .map_err(|_| Error::NotFound {
            kind: "thing.evidence",
            name: text.to_owned(),
        })
}

/// The sharing `text` (`#12` or `12`) names: sharings have no name, only an id
/// (`share list` shows it).
pub fn sharing(text: &str) -> Result<SharingId, Error> {
    let text = text.trim();
    text.trim_start_matches('#')
        .parse()
        .map(SharingId)
        .map_err(|_| Error::NotFound {
            kind: "thing.sharing",
            name: text.to_owned(),
        })
}
