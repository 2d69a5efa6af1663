//! Wire shapes of the actions and findings tables (a page of each across audits) and of the
//! live check of a corrective action form.

use csmsdesk_core::i18n::Lang;
use serde::Serialize;

use super::{Action, FieldError, Finding, action, finding};

/// A corrective action with its finding, audit and scope (a row of the actions table).
#[derive(Debug, Serialize)]
pub struct ActionRow {
    pub action: Action,
    pub finding: Finding,
    pub audit_kind: &'static str,
    pub audit_closing: String,
    pub scope_id: i64,
    pub scope: String,
}

/// One page of corrective actions and how many match in all.
#[derive(Debug, Serialize)]
pub struct ActionPage {
    pub rows: Vec<ActionRow>,
    pub total: i64,
    pub offset: u64,
}

pub fn action_page(p: &crate::ActionPage) -> ActionPage {
    ActionPage {
        rows: p
            .rows
            .iter()
            .map(|r| ActionRow {
                action: action(&r.action),
                finding: finding(&r.finding),
                audit_kind: r.audit_kind.as_str(),
                audit_closing: r.audit_closing.to_string(),
                scope_id: r.scope_id,
                scope: r.scope_name.clone(),
            })
            .collect(),
        total: p.total,
        offset: p.offset,
    }
}

/// What the check of a corrective action as typed says: problems by field, and warnings.
#[derive(Debug, Serialize)]
pub struct ActionCheck {
    pub errors: Vec<FieldError>,
    pub warnings: Vec<String>,
}

pub fn action_check(v: &crate::ActionVerdict, lang: Lang) -> ActionCheck {
    ActionCheck {
        errors: v
            .errors
            .iter()
            .map(|e| FieldError {
                field: e.field.clone(),
                message: e.message.render(lang),
            })
            .collect(),
        warnings: v.warnings.iter().map(|w| w.render(lang)).collect(),
    }
}

/// A finding with its audit's kind, its scope and how many of its actions are unfinished.
#[derive(Debug, Serialize)]
pub struct FindingRow {
    pub finding: Finding,
    pub audit_kind: &'static str,
    pub scope_id: i64,
    pub scope: String,
    pub actions: i64,
    pub unfinished: i64,
}

/// One page of findings and how many match in all.
#[derive(Debug, Serialize)]
pub struct FindingPage {
    pub rows: Vec<FindingRow>,
    pub total: i64,
    pub offset: u64,
}

pub fn finding_page(p: &crate::FindingPage) -> FindingPage {
    FindingPage {
        rows: p
            .rows
            .iter()
            .map(|r| FindingRow {
                finding: finding(&r.finding),
                audit_kind: r.audit_kind.as_str(),
                scope_id: r.scope_id,
                scope: r.scope_name.clone(),
                actions: r.actions,
                unfinished: r.unfinished,
            })
            .collect(),
        total: p.total,
        offset: p.offset,
    }
}
