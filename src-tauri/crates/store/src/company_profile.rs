//! The `company_profile` table: one row holding the supplier's profile. Written against
//! [`Sql`]: the same on SQLite and PostgreSQL.

use csmsdesk_core::company::{CompanyProfile, LanguagePreference};
use csmsdesk_core::ids::TisaxId;

use crate::sql::{Sql, SqlExt as _, params};
use crate::{Error, Result};

/// Reads the profile. Fails with [`Error::Corrupt`] if a value was edited into a shape the
/// application never writes.
pub fn load(conn: &(impl Sql + ?Sized)) -> Result<CompanyProfile> {
    let (company_name, participant_id, enx_contact, language): (String, Option<String>, String, String) =
        conn.query_row(
            "SELECT company_name, participant_id, enx_contact, language FROM company_profile WHERE id = 1",
            params![],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )?;
    let participant_id = participant_id
        .map(|id| {
            TisaxId::parse(&id).map_err(|_| Error::Corrupt {
                column: "participant_id",
                value: id,
            })
        })
        .transpose()?;
    let language = LanguagePreference::parse(&language).ok_or(Error::Corrupt {
        column: "language",
        value: language,
    })?;
    Ok(CompanyProfile {
        company_name,
        participant_id,
        enx_contact,
        language,
    })
}

/// Replaces the profile.
pub fn save(conn: &(impl Sql + ?Sized), profile: &CompanyProfile) -> Result<()> {
    conn.execute(
        "UPDATE company_profile SET company_name = ?1, participant_id = ?2, enx_contact = ?3, language = ?4
         WHERE id = 1",
        params![
            &profile.company_name,
            profile.participant_id.as_ref().map(TisaxId::as_str),
            &profile.enx_contact,
            profile.language.as_str(),
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests;
