//! Small wire documents the shells send about themselves: a bare acknowledgement, an error,
//! a created record's name, the workspace's identity (and, for the app, which one is open),
//! the rules in force and the wizard's counts.

use csmsdesk_core::i18n::{Lang, Message};
use serde::Serialize;

use super::LabelRules;

/// A change that has nothing to report but that it was made.
#[derive(Debug, Serialize)]
pub struct Done {
    pub ok: bool,
}

pub fn done() -> Done {
    Done { ok: true }
}

/// A refused request, as the CLI prints it with `--json` (`{"error": {...}}`).
#[derive(Debug, Serialize)]
pub struct ErrorDocument {
    pub error: ErrorBody,
}

/// An error's code (the closed list the UI and scripts branch on), message and the fields
/// that were wrong: what every refused command sends the UI, and the CLI's `error`.
#[derive(Debug, Serialize)]
pub struct ErrorBody {
    pub code: &'static str,
    pub message: String,
    pub fields: Vec<FieldError>,
}

/// A use case's error in `lang`, with `message` as its text (the shells word an internal
/// failure their own way; everything else says `err.message()`).
pub fn error(err: &crate::Error, message: &Message, lang: Lang) -> ErrorBody {
    ErrorBody {
        code: err.code().as_str(),
        message: message.render(lang),
        fields: err
            .field_errors()
            .into_iter()
            .map(|f| FieldError {
                field: f.field,
                message: f.message.render(lang),
            })
            .collect(),
    }
}

/// An error the shell itself finds (a bad IPC argument, a failed dialog): no fields.
pub fn shell_error(code: crate::ErrorCode, message: &Message, lang: Lang) -> ErrorBody {
    ErrorBody {
        code: code.as_str(),
        message: message.render(lang),
        fields: Vec::new(),
    }
}

/// One input field and what is wrong with it.
#[derive(Debug, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// A record just created, by ID and name.
#[derive(Debug, Serialize)]
pub struct Named {
    pub id: i64,
    pub name: String,
}

/// `location add --json`.
#[derive(Debug, Serialize)]
pub struct LocationAdded {
    pub location: Named,
}

/// `scope add --json`.
#[derive(Debug, Serialize)]
pub struct ScopeAdded {
    pub scope: Named,
}

/// `po add --json`.
#[derive(Debug, Serialize)]
pub struct ProtectionObjectAdded {
    pub protection_object: Named,
}

/// `audit add --json`.
#[derive(Debug, Serialize)]
pub struct AuditAdded {
    pub audit: super::Audit,
}

/// `finding add --json`.
#[derive(Debug, Serialize)]
pub struct FindingAdded {
    pub finding: super::Finding,
}

/// How many links an `evidence link` added.
#[derive(Debug, Serialize)]
pub struct Linked {
    pub added: usize,
}

/// A workspace just created.
#[derive(Debug, Serialize)]
pub struct Created {
    pub workspace: String,
    pub company: String,
}

/// The workspace and its company (`info`); empty texts are sent as `null`.
#[derive(Debug, Serialize)]
pub struct Info {
    /// The folder, or the PostgreSQL URL (a password in it shown as `***`).
    pub workspace: String,
    /// `folder` (SQLite) or `postgresql`.
    pub engine: &'static str,
    pub schema_version: i64,
    pub created_at: Option<String>,
    pub company: Option<String>,
    pub participant_id: Option<String>,
    pub enx_contact: Option<String>,
    pub language: &'static str,
}

pub fn info(i: &crate::WorkspaceInfo) -> Info {
    let non_empty = |text: &str| (!text.is_empty()).then(|| text.to_owned());
    Info {
        workspace: i.location.clone(),
        engine: if i.on_postgres {
            "postgresql"
        } else {
            "folder"
        },
        schema_version: i.schema_version,
        created_at: i.created_at.clone(),
        company: non_empty(&i.company.company_name),
        participant_id: i.company.participant_id.as_ref().map(ToString::to_string),
        enx_contact: non_empty(&i.company.enx_contact),
        language: i.company.language.as_str(),
    }
}

/// Which workspace the app has open, or why none is (`workspace_state`, `workspace_open`,
/// `workspace_create`, ...).
#[derive(Debug, Serialize)]
pub struct WorkspaceState {
    /// Where the workspace is, as shown: the folder, or the URL with a password as `***`.
    pub dir: Option<String>,
    /// `dir` names a database on a PostgreSQL server.
    pub server: bool,
    pub info: Option<OpenWorkspace>,
    /// Open for looking only, because another process holds the workspace or the member is a
    /// viewer.
    pub read_only: bool,
    /// On PostgreSQL, what the connected member may do: `viewer`, `editor` or `admin`.
    pub role: Option<&'static str>,
    /// The name this desk's user has as an owner: what "mine" filters by.
    pub me: Option<String>,
    /// Why the workspace in `dir` could not be opened, as every refused command reports it.
    pub error: Option<ErrorBody>,
    /// What the user should know about the opening that succeeded (a password in the URL
    /// not remembered, a keychain that could not keep the password), in the user's language.
    pub notice: Option<String>,
}

/// The open workspace's schema, creation time and company profile.
#[derive(Debug, Serialize)]
pub struct OpenWorkspace {
    pub schema_version: i64,
    pub created_at: Option<String>,
    pub profile: Profile,
}

/// The workspace described by `info` is open (for looking only if `read_only`).
pub fn workspace_open(info: &crate::WorkspaceInfo, read_only: bool) -> WorkspaceState {
    WorkspaceState {
        dir: Some(info.location.clone()),
        server: info.on_postgres,
        info: Some(OpenWorkspace {
            schema_version: info.schema_version,
            created_at: info.created_at.clone(),
            profile: Profile::from(&info.company),
        }),
        read_only,
        role: info.member_role.map(crate::Role::as_str),
        me: Some(info.me.clone()),
        error: None,
        notice: None,
    }
}

/// No workspace is open: opening the one at `location` (if there was one to try) failed
/// with `err`.
pub fn workspace_unavailable(
    location: Option<&crate::Location>,
    err: &crate::Error,
    lang: Lang,
) -> WorkspaceState {
    WorkspaceState {
        dir: location.map(ToString::to_string),
        server: matches!(location, Some(crate::Location::Postgres(_))),
        info: None,
        read_only: false,
        role: None,
        me: None,
        error: Some(error(err, &err.message(), lang)),
        notice: None,
    }
}

/// The assumed rules in force. The CLI's `rules` adds the label rules; the app reads those
/// with `label_rules_get`, so its document has no `label_rules` key at all.
#[derive(Debug, Serialize)]
pub struct Rules {
    pub applicability_matrix: String,
    pub label_expiry_warning_days: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_rules: Option<LabelRules>,
    pub notify_days: i64,
}

/// How many questions and requirements some objectives give (the scope wizard's live count).
#[derive(Debug, Serialize)]
pub struct ApplicabilityCount {
    pub questions: usize,
    pub requirements: usize,
}

/// A recorded sample check of a protection object.
#[derive(Debug, Serialize)]
pub struct SampleCheck {
    pub question: String,
    pub status: &'static str,
    pub note: String,
}

pub fn sample_checks(rows: Vec<(String, &'static str, String)>) -> Vec<SampleCheck> {
    rows.into_iter()
        .map(|(question, status, note)| SampleCheck {
            question,
            status,
            note,
        })
        .collect()
}

/// The company profile as the app's Settings shows it and sends it back: plain strings, empty
/// when not set. It is the one wire type that is also read from IPC, because the profile's
/// input type lives in `core`, which has no serde.
#[derive(Debug, Serialize, serde::Deserialize)]
pub struct Profile {
    pub company_name: String,
    pub participant_id: String,
    pub enx_contact: String,
    pub language: String,
}

impl From<&csmsdesk_core::company::CompanyProfile> for Profile {
    fn from(p: &csmsdesk_core::company::CompanyProfile) -> Self {
        Profile {
            company_name: p.company_name.clone(),
            participant_id: p
                .participant_id
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            enx_contact: p.enx_contact.clone(),
            language: p.language.as_str().to_owned(),
        }
    }
}

/// Every text of the UI in one language.
#[derive(Debug, Serialize)]
pub struct Messages {
    /// `en` or `de`, for `<html lang>` and `Intl` formatting.
    pub lang: &'static str,
    /// The catalogue's Project Fluent source (`core/messages/<lang>.ftl`), which the UI
    /// formats with `@fluent/bundle`.
    pub messages: &'static str,
}

pub fn messages(lang: Lang) -> Messages {
    Messages {
        lang: lang.tag(),
        messages: lang.source(),
    }
}

#[cfg(test)]
mod tests;

/// A member of a workspace on PostgreSQL, as the Settings' members panel shows it.
#[derive(Debug, Serialize)]
pub struct Member {
    pub name: String,
    /// `viewer`, `editor` or `admin`.
    pub role: &'static str,
    /// The database's owner (an admin who cannot be removed).
    pub owner: bool,
}

pub fn members(members: &[crate::Member]) -> Vec<Member> {
    members
        .iter()
        .map(|m| Member {
            name: m.name.clone(),
            role: m.role.as_str(),
            owner: m.owner,
        })
        .collect()
}
