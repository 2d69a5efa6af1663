//! The label rules a workspace may change, stored as settings over the documented defaults.

use csmsdesk_core::i18n::Message;
use csmsdesk_core::labels::LabelRules;
use csmsdesk_store::settings;

use crate::{Error, Invalid, Result, Workspace};

/// One editable label rule: its key in the `setting` table, the field it sets and the most
/// months it may be.
pub(super) struct RuleKey {
    key: &'static str,
    field: fn(&mut LabelRules) -> &mut u32,
    max: u32,
}

/// The label rules a workspace may change (the 9 months of temporary labels come from the
/// ENX FAQ, not an assumption, and stay fixed).
pub(super) const RULE_KEYS: [RuleKey; 5] = [
    RuleKey {
        key: "labels.permanent_months",
        field: |r| &mut r.permanent_months,
        max: 120,
    },
    RuleKey {
        key: "labels.renewal_reminder_months",
        field: |r| &mut r.renewal_reminder_months,
        max: 36,
    },
    RuleKey {
        key: "actions.free_months",
        field: |r| &mut r.action_free_months,
        max: 12,
    },
    RuleKey {
        key: "actions.justified_months",
        field: |r| &mut r.action_justified_months,
        max: 12,
    },
    RuleKey {
        key: "actions.max_months",
        field: |r| &mut r.action_max_months,
        max: 24,
    },
];
impl Workspace {
    /// The label rules: defaults, replaced by stored settings.
    pub fn label_rules(&self) -> Result<LabelRules> {
        let mut rules = LabelRules::default();
        for rule in &RULE_KEYS {
            let stored = settings::get(self.db.conn(), rule.key)?;
            if let Some(months) = stored.and_then(|v| v.parse().ok()) {
                *(rule.field)(&mut rules) = months;
            }
        }
        Ok(rules)
    }

    /// Changes one label rule (`labels.permanent_months`, …) to a number of months.
    pub fn set_label_rule(&mut self, key: &str, months: &str) -> Result<LabelRules> {
        let Some(RuleKey { key, max, .. }) = RULE_KEYS.iter().find(|r| r.key == key.trim()) else {
            return Err(Error::NotFound {
                kind: "thing.rule",
                name: key.trim().to_owned(),
            });
        };
        let Some(value) = months
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|m| (1..=*max).contains(m))
        else {
            return Err(Error::Invalid(vec![Invalid::new(
                key,
                Message::new("input.bad_months")
                    .arg("given", months.trim())
                    .arg("max", max),
            )]));
        };
        // Check the rules as they would be before storing anything.
        let mut rules = self.label_rules()?;
        if let Some(rule) = RULE_KEYS.iter().find(|r| r.key == *key) {
            *(rule.field)(&mut rules) = value;
        }
        if !(rules.action_free_months <= rules.action_justified_months
            && rules.action_justified_months <= rules.action_max_months)
        {
            return Err(Error::Invalid(vec![Invalid::new(
                key,
                Message::new("input.action_months_order"),
            )]));
        }
        settings::set(self.db.conn(), key, &value.to_string())?;
        Ok(rules)
    }
}
