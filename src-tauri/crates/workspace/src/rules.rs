//! The editable rules as one set (applicability matrix, label expiry warning, label and
//! corrective-action months, notification days): read together, checked together and saved
//! in one transaction, so no shell can leave half a change behind; and the vocabulary the
//! window needs (core's lists, the limits of every rule and the rules in force).

use csmsdesk_core::i18n::Message;
use csmsdesk_core::labels::LabelRules;
use csmsdesk_core::scope::{ApplicabilityMatrix, DEFAULT_EXPIRY_WARNING_DAYS, DEFAULT_MATRIX};
use csmsdesk_store::settings;
use serde_json::Value;

use crate::deadlines::{DEFAULT_NOTIFY_DAYS, NOTIFY_DAYS};
use crate::{Error, Invalid, Result, Workspace};

/// The most days after an audit a label expiry may still earn a warning.
pub const MAX_WARNING_DAYS: i64 = 730;
/// The most days ahead the desktop notification may look (0 turns it off).
pub const MAX_NOTIFY_DAYS: i64 = 365;

/// One label or corrective-action rule: its key in the `setting` table (and in JSON and the
/// CLI's `--rule KEY=MONTHS`), the field it sets, the most months it may be, and whether a
/// workspace may change it at all.
pub(crate) struct RuleKey {
    pub key: &'static str,
    pub field: fn(&mut LabelRules) -> &mut u32,
    pub max: u32,
    /// Fixed rules are shown but never stored (the 9 months of temporary labels come from
    /// the ENX FAQ, not an assumption).
    pub fixed: bool,
}

/// Every label rule, in the order the settings show them.
pub(crate) const RULE_KEYS: [RuleKey; 6] = [
    RuleKey {
        key: "labels.permanent_months",
        field: |r| &mut r.permanent_months,
        max: 120,
        fixed: false,
    },
    RuleKey {
        key: "labels.temporary_months",
        field: |r| &mut r.temporary_months,
        max: 9,
        fixed: true,
    },
    RuleKey {
        key: "labels.renewal_reminder_months",
        field: |r| &mut r.renewal_reminder_months,
        max: 36,
        fixed: false,
    },
    RuleKey {
        key: "actions.free_months",
        field: |r| &mut r.action_free_months,
        max: 12,
        fixed: false,
    },
    RuleKey {
        key: "actions.justified_months",
        field: |r| &mut r.action_justified_months,
        max: 12,
        fixed: false,
    },
    RuleKey {
        key: "actions.max_months",
        field: |r| &mut r.action_max_months,
        max: 24,
        fixed: false,
    },
];

/// The editable rules in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    /// The applicability matrix as text (`DEFAULT_MATRIX` until changed).
    pub applicability_matrix: String,
    /// Days after the audit within which a TISAX label expiry earns a warning.
    pub label_expiry_warning_days: i64,
    pub label_rules: LabelRules,
    /// Days ahead the desktop notification looks (0: off).
    pub notify_days: i64,
}

/// A change of rules as typed: `None` (or a rule not named) keeps what is in force.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RulesInput {
    pub applicability_matrix: Option<String>,
    pub label_expiry_warning_days: Option<String>,
    /// (`labels.permanent_months`, months) and so on.
    pub label_rules: Vec<(String, String)>,
    pub notify_days: Option<String>,
}

/// A whole number of days in `0..=max`, or a problem of `field`.
fn days(field: &str, text: &str, max: i64, key: &'static str, errors: &mut Vec<Invalid>) -> i64 {
    match text
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|d| (0..=max).contains(d))
    {
        Some(days) => days,
        None => {
            errors.push(Invalid::new(
                field,
                Message::new(key).arg("given", text.trim()).arg("max", max),
            ));
            0
        }
    }
}

impl Workspace {
    /// The editable rules in force: the stored settings over the documented defaults.
    pub fn rules(&self) -> Result<Rules> {
        let conn = self.db.conn();
        let number = |key: &str| -> Result<Option<i64>> {
            Ok(settings::get(conn, key)?.and_then(|v| v.parse().ok()))
        };
        let mut label_rules = LabelRules::default();
        for rule in RULE_KEYS.iter().filter(|r| !r.fixed) {
            if let Some(months) = settings::get(conn, rule.key)?.and_then(|v| v.parse().ok()) {
                *(rule.field)(&mut label_rules) = months;
            }
        }
        Ok(Rules {
            applicability_matrix: settings::get(conn, settings::APPLICABILITY_MATRIX)?
                .unwrap_or_else(|| DEFAULT_MATRIX.to_owned()),
            label_expiry_warning_days: number(settings::LABEL_EXPIRY_WARNING_DAYS)?
                .unwrap_or(DEFAULT_EXPIRY_WARNING_DAYS),
            label_rules,
            notify_days: number(NOTIFY_DAYS)?.unwrap_or(DEFAULT_NOTIFY_DAYS),
        })
    }

    /// Checks the rules as they would be after `input` (every problem reported at once, as
    /// `Error::Invalid`), then stores all of them in one transaction: a refused set changes
    /// nothing. Returns the rules now in force.
    pub fn save_rules(&mut self, input: &RulesInput) -> Result<Rules> {
        // The rules are an admin's (issue 20); the server's grants say the same to psql.
        if self.member_role() == Some(crate::Role::Editor) {
            return Err(Error::Store(csmsdesk_store::Error::PgNotAllowed {
                action: "rules",
                reason: "only an admin may change the rules".to_owned(),
            }));
        }
        let before = self.rules()?;
        let mut rules = before.clone();
        let mut errors = Vec::new();
        if let Some(text) = &input.applicability_matrix {
            match ApplicabilityMatrix::parse(text) {
                Ok(_) => rules.applicability_matrix.clone_from(text),
                Err(lines) => errors.push(Invalid::new(
                    "applicability_matrix",
                    Message::new("input.bad_matrix").arg("lines", format!("{lines:?}")),
                )),
            }
        }
        if let Some(text) = &input.label_expiry_warning_days {
            rules.label_expiry_warning_days = days(
                "label_expiry_warning_days",
                text,
                MAX_WARNING_DAYS,
                "input.bad_days",
                &mut errors,
            );
        }
        if let Some(text) = &input.notify_days {
            rules.notify_days = days(
                "notify_days",
                text,
                MAX_NOTIFY_DAYS,
                "input.bad_notify_days",
                &mut errors,
            );
        }
        let mut changed_months = Vec::new();
        for (key, months) in &input.label_rules {
            let Some(rule) = RULE_KEYS.iter().find(|r| r.key == key.trim()) else {
                return Err(Error::NotFound {
                    kind: "thing.rule",
                    name: key.trim().to_owned(),
                });
            };
            let value = months.trim().parse::<u32>().ok();
            if rule.fixed {
                // Shown with its value, so the same value comes back; any other is refused.
                if value != Some(*(rule.field)(&mut rules.label_rules)) {
                    errors.push(Invalid::new(
                        rule.key,
                        Message::new("input.fixed_rule").arg("given", months.trim()),
                    ));
                }
                continue;
            }
            match value.filter(|m| (1..=rule.max).contains(m)) {
                Some(value) => {
                    *(rule.field)(&mut rules.label_rules) = value;
                    changed_months.push(rule.key);
                }
                None => errors.push(Invalid::new(
                    rule.key,
                    Message::new("input.bad_months")
                        .arg("given", months.trim())
                        .arg("max", rule.max),
                )),
            }
        }
        let r = &rules.label_rules;
        if !(r.action_free_months <= r.action_justified_months
            && r.action_justified_months <= r.action_max_months)
        {
            // Marks the periods the caller changed (all three when none was named: the
            // stored set itself is out of order, which only a hand-edited database can be).
            let periods = [
                "actions.free_months",
                "actions.justified_months",
                "actions.max_months",
            ];
            let marked: Vec<&str> = periods
                .into_iter()
                .filter(|p| changed_months.contains(p))
                .collect();
            let marked = if marked.is_empty() {
                periods.to_vec()
            } else {
                marked
            };
            for key in marked {
                if !errors.iter().any(|e| e.field == key) {
                    errors.push(Invalid::new(key, Message::new("input.action_months_order")));
                }
            }
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        // Only what changes is written, so the journal shows the change and nothing else.
        let (old, new) = (&before, &rules);
        self.db.write(|tx| {
            if new.applicability_matrix != old.applicability_matrix {
                settings::set(
                    tx,
                    settings::APPLICABILITY_MATRIX,
                    &new.applicability_matrix,
                )?;
            }
            if new.label_expiry_warning_days != old.label_expiry_warning_days {
                let days = new.label_expiry_warning_days.to_string();
                settings::set(tx, settings::LABEL_EXPIRY_WARNING_DAYS, &days)?;
            }
            if new.notify_days != old.notify_days {
                settings::set(tx, NOTIFY_DAYS, &new.notify_days.to_string())?;
            }
            let (mut old_months, mut new_months) = (old.label_rules, new.label_rules);
            for rule in RULE_KEYS.iter().filter(|r| !r.fixed) {
                let months = *(rule.field)(&mut new_months);
                if months != *(rule.field)(&mut old_months) {
                    settings::set(tx, rule.key, &months.to_string())?;
                }
            }
            Ok(())
        })?;
        Ok(rules)
    }

    /// Core's lists, every rule's limits and the rules in force, as one JSON document: what
    /// the window needs so that it holds no copy of a domain list or rule.
    pub fn vocabulary(&self) -> Result<Value> {
        Ok(crate::wire::vocabulary(&self.rules()?))
    }
}

#[cfg(test)]
mod tests;
