//! The company profile: who the supplier is in the ENX world, and which language it reads.

use crate::i18n::{Lang, Message};
use crate::ids::{TisaxId, TisaxIdError};

/// The longest company name or contact we store; longer text is a paste accident.
pub const MAX_TEXT_LEN: usize = 200;

/// Which language the user interface and messages use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LanguagePreference {
    /// Follow the operating system's language.
    #[default]
    System,
    /// Always this language.
    Fixed(Lang),
}

impl LanguagePreference {
    /// The stored and transported name: `system`, `en` or `de`.
    pub fn as_str(self) -> &'static str {
        match self {
            LanguagePreference::System => "system",
            LanguagePreference::Fixed(lang) => lang.tag(),
        }
    }

    /// Reads the stored name; `None` for anything else.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "system" => Some(LanguagePreference::System),
            "en" => Some(LanguagePreference::Fixed(Lang::English)),
            "de" => Some(LanguagePreference::Fixed(Lang::German)),
            _ => None,
        }
    }

    /// The language to use, given the OS locale for [`LanguagePreference::System`].
    pub fn resolve(self, os_locale: Option<&str>) -> Lang {
        match self {
            LanguagePreference::System => Lang::from_locale(os_locale),
            LanguagePreference::Fixed(lang) => lang,
        }
    }
}

/// The supplier's company profile as stored in a workspace.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompanyProfile {
    /// Empty until the user names the company.
    pub company_name: String,
    /// The TISAX/ENX Participant-ID, once the company is registered.
    pub participant_id: Option<TisaxId>,
    /// Who at the company speaks to ENX and the audit provider (name, e-mail or phone).
    pub enx_contact: String,
    pub language: LanguagePreference,
}

/// The profile as a user typed it, before validation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompanyProfileInput {
    pub company_name: String,
    pub participant_id: String,
    pub enx_contact: String,
    pub language: String,
}

/// A field of the company profile form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileField {
    CompanyName,
    ParticipantId,
    EnxContact,
    Language,
}

impl ProfileField {
    /// The field's name in forms, JSON and CLI flags.
    pub fn as_str(self) -> &'static str {
        match self {
            ProfileField::CompanyName => "company_name",
            ProfileField::ParticipantId => "participant_id",
            ProfileField::EnxContact => "enx_contact",
            ProfileField::Language => "language",
        }
    }
}

/// What is wrong with one field of the profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileProblem {
    /// The company name is blank.
    CompanyNameMissing,
    /// The text is longer than [`MAX_TEXT_LEN`] characters.
    TooLong { max: usize },
    /// The text holds a control character such as a tab or a line break.
    ControlCharacter,
    /// The Participant-ID does not have the TISAX shape.
    ParticipantIdMalformed { given: String },
    /// The language is not one we offer.
    UnknownLanguage { given: String },
}

/// One field's problem, as shown inline beside that field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: ProfileField,
    pub problem: ProfileProblem,
}

impl FieldError {
    /// The text that tells the user what is wrong and how to fix it.
    pub fn message(&self) -> Message {
        match &self.problem {
            ProfileProblem::CompanyNameMissing => {
                Message::new("profile.error.company_name_missing")
            }
            ProfileProblem::TooLong { max } => {
                Message::new("profile.error.too_long").arg("max", max)
            }
            ProfileProblem::ControlCharacter => Message::new("profile.error.control_character"),
            ProfileProblem::ParticipantIdMalformed { given } => {
                Message::new("profile.error.participant_id_malformed").arg("given", given)
            }
            ProfileProblem::UnknownLanguage { given } => {
                Message::new("profile.error.unknown_language").arg("given", given)
            }
        }
    }
}

/// Checks a typed profile and returns it in normal form, or every field's problem at once so
/// that a form can mark them all.
pub fn validate_profile(input: &CompanyProfileInput) -> Result<CompanyProfile, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut check_text = |field, text: &str| {
        if let Some(problem) = text_problem(text) {
            errors.push(FieldError { field, problem });
        }
    };
    let company_name = input.company_name.trim().to_owned();
    check_text(ProfileField::CompanyName, &company_name);
    let enx_contact = input.enx_contact.trim().to_owned();
    check_text(ProfileField::EnxContact, &enx_contact);
    if company_name.is_empty() {
        errors.push(FieldError {
            field: ProfileField::CompanyName,
            problem: ProfileProblem::CompanyNameMissing,
        });
    }
    let participant_id = match TisaxId::parse(&input.participant_id) {
        Ok(id) => Some(id),
        Err(TisaxIdError::Empty) => None,
        Err(TisaxIdError::Malformed) => {
            errors.push(FieldError {
                field: ProfileField::ParticipantId,
                problem: ProfileProblem::ParticipantIdMalformed {
                    given: input.participant_id.trim().to_owned(),
                },
            });
            None
        }
    };
    let language = LanguagePreference::parse(input.language.trim()).unwrap_or_else(|| {
        errors.push(FieldError {
            field: ProfileField::Language,
            problem: ProfileProblem::UnknownLanguage {
                given: input.language.clone(),
            },
        });
        LanguagePreference::System
    });
    if errors.is_empty() {
        Ok(CompanyProfile {
            company_name,
            participant_id,
            enx_contact,
            language,
        })
    } else {
        Err(errors)
    }
}

fn text_problem(text: &str) -> Option<ProfileProblem> {
    if text.chars().count() > MAX_TEXT_LEN {
        Some(ProfileProblem::TooLong { max: MAX_TEXT_LEN })
    } else if text.chars().any(char::is_control) {
        Some(ProfileProblem::ControlCharacter)
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
