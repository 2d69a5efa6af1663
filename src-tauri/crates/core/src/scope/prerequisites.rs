//! The prerequisite check of a VCS scope: a pure function of the scope's facts and a date.

use chrono::NaiveDate;

use super::TisaxLabel;
use crate::i18n::Message;

/// How close to the audit a label expiry earns a warning, in days (a setting; default 90).
pub const DEFAULT_EXPIRY_WARNING_DAYS: i64 = 90;

/// A location as the check sees it.
#[derive(Debug, Clone)]
pub struct CheckedLocation {
    pub name: String,
    pub cs_activities: bool,
    pub labels: Vec<TisaxLabel>,
}

/// What the check looks at.
#[derive(Debug, Clone)]
pub struct PrerequisiteFacts {
    pub locations: Vec<CheckedLocation>,
    pub objectives: usize,
    pub has_catalogue: bool,
    pub expiry_warning_days: i64,
    /// The day the check is made: an audit before it cannot take place any more.
    pub today: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The scope cannot be audited like this.
    Error,
    /// Worth acting on before the audit.
    Warning,
}

/// One finding of the check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prerequisite {
    NoLocation,
    NoCyberSecurityActivities {
        location: String,
    },
    NoValidTisaxLabel {
        location: String,
        on: NaiveDate,
    },
    /// Every label valid on the audit date expires soon after it: all of them are named
    /// (label, expiry), earliest first; `days_after` counts to the last one.
    TisaxLabelExpiresSoon {
        location: String,
        labels: Vec<(String, NaiveDate)>,
        days_after: i64,
    },
    NoObjective,
    NoCatalogue,
    /// The audit date checked for is before today: nothing can be prepared for it.
    AuditDateInPast {
        on: NaiveDate,
        today: NaiveDate,
    },
}

impl Prerequisite {
    pub fn severity(&self) -> Severity {
        match self {
            Prerequisite::TisaxLabelExpiresSoon { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The stable code scripts branch on (`scope check --json`).
    pub fn code(&self) -> &'static str {
        match self {
            Prerequisite::NoLocation => "no_location",
            Prerequisite::NoCyberSecurityActivities { .. } => "no_cs_activities",
            Prerequisite::NoValidTisaxLabel { .. } => "no_valid_tisax_label",
            Prerequisite::TisaxLabelExpiresSoon { .. } => "tisax_label_expires_soon",
            Prerequisite::NoObjective => "no_objective",
            Prerequisite::NoCatalogue => "no_catalogue",
            Prerequisite::AuditDateInPast { .. } => "audit_date_in_past",
        }
    }

    pub fn message(&self) -> Message {
        match self {
            Prerequisite::NoLocation => Message::new("prerequisite.no_location"),
            Prerequisite::NoCyberSecurityActivities { location } => {
                Message::new("prerequisite.no_cs_activities").arg("location", location)
            }
            Prerequisite::NoValidTisaxLabel { location, on } => {
                Message::new("prerequisite.no_valid_tisax_label")
                    .arg("location", location)
                    .arg("date", on)
            }
            Prerequisite::TisaxLabelExpiresSoon {
                location,
                labels,
                days_after,
            } => {
                let names: Vec<String> = labels
                    .iter()
                    .map(|(label, expires)| format!("{label} ({expires})"))
                    .collect();
                Message::new("prerequisite.tisax_label_expires_soon")
                    .arg("location", location)
                    .arg("labels", names.join(", "))
                    .arg("count", labels.len())
                    .arg("days", days_after)
            }
            Prerequisite::NoObjective => Message::new("prerequisite.no_objective"),
            Prerequisite::NoCatalogue => Message::new("prerequisite.no_catalogue"),
            Prerequisite::AuditDateInPast { on, today } => {
                Message::new("prerequisite.audit_date_in_past")
                    .arg("date", on)
                    .arg("today", today)
            }
        }
    }
}

/// Checks a scope for an audit on `audit_date`: at least one location; every location
/// performs cybersecurity activities and holds a TISAX label valid that day (a warning when
/// its last valid label expires within the warning period after it); at least one objective;
/// a catalogue; an audit date not before today.
pub fn check_prerequisites(facts: &PrerequisiteFacts, audit_date: NaiveDate) -> Vec<Prerequisite> {
    let mut found = Vec::new();
    if audit_date < facts.today {
        found.push(Prerequisite::AuditDateInPast {
            on: audit_date,
            today: facts.today,
        });
    }
    if facts.locations.is_empty() {
        found.push(Prerequisite::NoLocation);
    }
    for location in &facts.locations {
        if !location.cs_activities {
            found.push(Prerequisite::NoCyberSecurityActivities {
                location: location.name.clone(),
            });
        }
        let mut valid: Vec<&TisaxLabel> = location
            .labels
            .iter()
            .filter(|l| l.valid_on(audit_date))
            .collect();
        valid.sort_by(|a, b| (a.expires, &a.label).cmp(&(b.expires, &b.label)));
        match valid.last() {
            None => found.push(Prerequisite::NoValidTisaxLabel {
                location: location.name.clone(),
                on: audit_date,
            }),
            Some(latest) => {
                let days_after = (latest.expires - audit_date).num_days();
                // The last valid label expires within the window, so every valid one does:
                // name them all, not just the last.
                if days_after <= facts.expiry_warning_days {
                    found.push(Prerequisite::TisaxLabelExpiresSoon {
                        location: location.name.clone(),
                        labels: valid.iter().map(|l| (l.label.clone(), l.expires)).collect(),
                        days_after,
                    });
                }
            }
        }
    }
    if facts.objectives == 0 {
        found.push(Prerequisite::NoObjective);
    }
    if !facts.has_catalogue {
        found.push(Prerequisite::NoCatalogue);
    }
    found
}
