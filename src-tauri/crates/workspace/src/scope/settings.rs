//! The scope settings a user may change: the applicability matrix and how long before its
//! expiry a TISAX label earns a warning.

use csmsdesk_core::i18n::Message;
use csmsdesk_core::scope::{ApplicabilityMatrix, DEFAULT_MATRIX};
use csmsdesk_store::settings;

use crate::{Error, Invalid, Result, RulesInput, Workspace};

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
        Ok(self.rules()?.applicability_matrix)
    }

    /// Replaces the applicability matrix after checking every line.
    pub fn set_applicability_matrix(&mut self, text: &str) -> Result<()> {
        let input = RulesInput {
            applicability_matrix: Some(text.to_owned()),
            ..RulesInput::default()
        };
        self.save_rules(&input).map(|_| ())
    }

    /// Sets after how many days past the audit a TISAX label expiry still earns a warning.
    pub fn set_label_expiry_warning_days(&mut self, days: &str) -> Result<i64> {
        let input = RulesInput {
            label_expiry_warning_days: Some(days.to_owned()),
            ..RulesInput::default()
        };
        Ok(self.save_rules(&input)?.label_expiry_warning_days)
    }

    /// After how many days past the audit a TISAX label expiry earns a warning.
    pub fn label_expiry_warning_days(&self) -> Result<i64> {
        self.expiry_warning_days()
    }

    pub(super) fn expiry_warning_days(&self) -> Result<i64> {
        Ok(self.rules()?.label_expiry_warning_days)
    }
}
