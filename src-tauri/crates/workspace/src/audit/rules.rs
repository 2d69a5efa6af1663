//! The label rules as the audit use cases read them: the label and corrective-action months
//! of the one rules set (`crate::rules`), which checks and saves them.

use csmsdesk_core::labels::LabelRules;

use crate::rules::RulesInput;
use crate::{Result, Workspace};

impl Workspace {
    /// The label rules: defaults, replaced by stored settings.
    pub fn label_rules(&self) -> Result<LabelRules> {
        Ok(self.rules()?.label_rules)
    }

    /// Changes one label rule (`labels.permanent_months`, …) to a number of months (through
    /// [`Workspace::save_rules`], which checks the whole set).
    pub fn set_label_rule(&mut self, key: &str, months: &str) -> Result<LabelRules> {
        let input = RulesInput {
            label_rules: vec![(key.to_owned(), months.to_owned())],
            ..RulesInput::default()
        };
        Ok(self.save_rules(&input)?.label_rules)
    }
}
