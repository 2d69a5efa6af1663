//! Identifiers of the TISAX / ENX world (Participant-ID, Scope-ID, Audit-ID), validated loosely.
//!
//! ENX does not publish the exact format for VCS; TISAX uses a letter followed by five
//! alphanumerics (`P1A2B3`). We accept what a user may copy from the portal: surrounding
//! spaces, lower case, up to eight characters after the letter, and an optional `-n` suffix.

use std::fmt;

/// A TISAX/ENX identifier in its normal form: trimmed and upper-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TisaxId(String);

/// Why a text is not a TISAX/ENX identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TisaxIdError {
    /// Nothing but white space was given.
    Empty,
    /// The text does not have the shape letter + 5 to 8 letters or digits + optional `-n`.
    Malformed,
}

impl TisaxId {
    /// Parses `input` loosely: trims it, upper-cases it, and checks the shape
    /// `letter`, then 5 to 8 ASCII letters or digits, then optionally `-` and digits.
    pub fn parse(input: &str) -> Result<Self, TisaxIdError> {
        let normal = input.trim().to_ascii_uppercase();
        if normal.is_empty() {
            return Err(TisaxIdError::Empty);
        }
        let (body, suffix) = match normal.split_once('-') {
            Some((body, suffix)) => (body, Some(suffix)),
            None => (normal.as_str(), None),
        };
        let mut chars = body.chars();
        let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
        let rest = chars.as_str();
        let rest_ok =
            (5..=8).contains(&rest.len()) && rest.chars().all(|c| c.is_ascii_alphanumeric());
        let suffix_ok =
            suffix.is_none_or(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()));
        if starts_with_letter && rest_ok && suffix_ok {
            Ok(Self(normal))
        } else {
            Err(TisaxIdError::Malformed)
        }
    }

    /// The normal form, as stored and shown.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TisaxId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests;
