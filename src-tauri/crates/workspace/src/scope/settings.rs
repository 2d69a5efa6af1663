//! The scope settings a user may change: the applicability matrix and how long before its
//! expiry a TISAX label earns a warning.

use csmsdesk_core::i18n::Message;
use csmsdesk_core::scope::{ApplicabilityMatrix, DEFAULT_EXPIRY_WARNING_DAYS, DEFAULT_MATRIX};
use csmsdesk_store::settings;

use crate::{Error, Invalid, Result, Workspace};

pub(super) fn matrix_error(lines: Vec<usize>) -> Error {
    Error::Invalid(vec![Invalid::new(
        "applicability_matrix",
        Message::new("input.bad_matrix").arg("lines", format!("{lines:?}")),
    )])
}
impl Workspace {
    pub(crate) fn matrix(&self) -> Result<ApplicabilityMatrix> {
        let text = settings::get(self.db.conn(), settings::APPLICABILITY_MATRIX)?;
        let text = text.as_deref().unwrap_or(DEFAULT_MATRIX);
        ApplicabilityMatrix::parse(text).map_err(matrix_error)
    }

    /// The applicability matrix as text (the default until a user changes it).
    pub fn applicability_matrix_text(&self) -> Result<String> {
        Ok(
            settings::get(self.db.conn(), settings::APPLICABILITY_MATRIX)?
                .unwrap_or_else(|| DEFAULT_MATRIX.to_owned()),
        )
    }

    /// Replaces the applicability matrix after checking every line.
    pub fn set_applicability_matrix(&mut self, text: &str) -> Result<()> {
        ApplicabilityMatrix::parse(text).map_err(matrix_error)?;
        settings::set(self.db.conn(), settings::APPLICABILITY_MATRIX, text)?;
        Ok(())
    }

    /// Sets after how many days past the audit a TISAX label expiry still earns a warning.
    pub fn set_label_expiry_warning_days(&mut self, days: &str) -> Result<i64> {
        let parsed = days
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|d| (0..=730).contains(d));
        let Some(days) = parsed else {
            return Err(Error::Invalid(vec![Invalid::new(
                "label_expiry_warning_days",
                Message::new("input.bad_days").arg("given", days.trim()),
            )]));
        };
        settings::set(
            self.db.conn(),
            settings::LABEL_EXPIRY_WARNING_DAYS,
            &days.to_string(),
        )?;
        Ok(days)
    }

    /// After how many days past the audit a TISAX label expiry earns a warning.
    pub fn label_expiry_warning_days(&self) -> Result<i64> {
        self.expiry_warning_days()
    }

    pub(super) fn expiry_warning_days(&self) -> Result<i64> {
        Ok(
            settings::get(self.db.conn(), settings::LABEL_EXPIRY_WARNING_DAYS)?
                .and_then(|v| v.parse().ok())
                .unwrap_or(DEFAULT_EXPIRY_WARNING_DAYS),
        )
    }
}
