//! Typed ids at the use-case boundary.
//!
//! Every record a use case looks up is named by the id of its kind, so a scope's id cannot be
//! passed where an evidence item's is expected, and no id travels as text to be parsed again.
//! The app sends ids; turning a user's "name or id" into one is the CLI's job (its
//! `resolve` module, over the light `*_names` lists below). On the wire an id is a plain
//! number.

use std::fmt;

use crate::{Error, Result, Workspace};

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident => $kind:literal,)*) => {$(
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $name {
            /// The message key naming this kind of record.
            pub const KIND: &'static str = $kind;

            /// "There is no … #id".
            pub fn not_found(self) -> Error {
                Error::NotFound { kind: $kind, name: self.to_string() }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "#{}", self.0)
            }
        }
    )*};
}

ids! {
    /// A VCS scope.
    ScopeId => "thing.scope",
    /// A location.
    LocationId => "thing.location",
    /// A protection object (of one scope).
    ProtectionObjectId => "thing.protection_object",
    /// An evidence item.
    EvidenceId => "thing.evidence",
    /// A link of evidence to a requirement or question.
    LinkId => "thing.link",
    /// An audit.
    AuditId => "thing.audit",
    /// The record of a sharing of a scope with one participant.
    SharingId => "thing.sharing",
    /// An audit finding.
    FindingId => "thing.finding",
    /// A corrective action.
    ActionId => "thing.action",
}

/// A record's id and name: what a picker lists and a name look-up searches.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Named<Id> {
    pub id: Id,
    pub name: String,
}

fn named<Id>(rows: Vec<(i64, String)>, id: fn(i64) -> Id) -> Vec<Named<Id>> {
    rows.into_iter()
        .map(|(i, name)| Named { id: id(i), name })
        .collect()
}

impl Workspace {
    /// Every scope's id and name, by name (no views built).
    pub fn scope_names(&self) -> Result<Vec<Named<ScopeId>>> {
        Ok(named(
            csmsdesk_store::scope::names(self.db.conn())?,
            ScopeId,
        ))
    }

    /// Every location's id and name, by name.
    pub fn location_names(&self) -> Result<Vec<Named<LocationId>>> {
        Ok(named(
            csmsdesk_store::location::names(self.db.conn())?,
            LocationId,
        ))
    }

    /// The ids and names of scope `scope`'s protection objects, by name.
    pub fn protection_object_names(
        &self,
        scope: ScopeId,
    ) -> Result<Vec<Named<ProtectionObjectId>>> {
        Ok(self
            .protection_objects(scope)?
            .into_iter()
            .map(|p| Named {
                id: ProtectionObjectId(p.id),
                name: p.name,
            })
            .collect())
    }
}
