//! The arguments of `audit`, `finding`, `action` and `labels`.

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Add an audit to a scope
    Add {
        #[arg(long, value_name = "NAME")]
        scope: String,
        /// initial, cap or follow-up
        #[arg(long = "type", value_name = "TYPE")]
        kind: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        closing_meeting: String,
        #[arg(long, value_name = "YYYY-MM-DD", default_value = "")]
        opening_meeting: String,
        #[arg(long, value_name = "NAME", default_value = "")]
        provider: String,
        #[arg(long, value_name = "NAME", default_value = "")]
        lead_auditor: String,
    },
    /// List the audits (of one scope)
    List {
        #[arg(long, value_name = "NAME")]
        scope: Option<String>,
    },
    /// Record the result of a control question (an empty RESULT removes it)
    Result {
        audit: i64,
        question: String,
        /// conform, minor or major
        result: String,
        /// The description of findings
        #[arg(long, value_name = "TEXT", default_value = "")]
        text: String,
    },
    /// Show an audit with its results, overall result, findings and actions
    Show { audit: i64 },
    /// Change an audit's dates, phases or decision
    Set {
        audit: i64,
        #[arg(long, value_name = "YYYY-MM-DD")]
        closing_meeting: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        opening_meeting: Option<String>,
        #[arg(long, value_name = "NAME")]
        provider: Option<String>,
        #[arg(long, value_name = "NAME")]
        lead_auditor: Option<String>,
        /// The initial audit's phases: organisation,sampling,sample-check states
        /// (open, in-progress, done), e.g. done,done,in-progress
        #[arg(long, value_name = "STATES")]
        phases: Option<String>,
        /// Initial: failed despite a conditional pass (needs --reason). CAP: plan confirmed.
        /// Follow-up: every non-conformity confirmed resolved.
        #[arg(long)]
        decision: Option<bool>,
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
    /// Take over the provider's filled ENX workbook (shows the changes; --apply makes them)
    Import {
        audit: i64,
        file: PathBuf,
        #[arg(long)]
        apply: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum FindingCommand {
    /// Add a finding to an audit's control question
    Add {
        #[arg(long, value_name = "ID")]
        audit: i64,
        #[arg(long, value_name = "ID")]
        question: String,
        /// major, minor, observation or improvement
        #[arg(long = "type", value_name = "TYPE")]
        kind: String,
        #[arg(long, value_name = "TEXT")]
        text: String,
        /// For one protection object
        #[arg(long, value_name = "NAME", default_value = "")]
        po: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// Add a corrective action to a finding
    Add {
        #[arg(long, value_name = "ID")]
        finding: i64,
        #[arg(long, value_name = "NAME")]
        owner: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        due: String,
        #[arg(long, value_name = "TEXT")]
        text: String,
        #[arg(long, value_name = "NAME", default_value = "")]
        department: String,
        /// Why it takes longer than 3 months (needed beyond 6)
        #[arg(long, value_name = "TEXT", default_value = "")]
        justification: String,
        /// Evidence ids for the action (repeat for several)
        #[arg(long, value_name = "ID")]
        evidence: Vec<i64>,
        /// The scope you work in: the finding must belong to it
        #[arg(long, value_name = "NAME", default_value = "")]
        scope: String,
    },
    /// Set an action's status: open, in-progress, done or verified
    Status { action: i64, status: String },
    /// List every corrective action
    List,
}

#[derive(Debug, Subcommand)]
pub enum LabelsCommand {
    /// Plan the renewal audit of permanent labels (refused for temporary labels)
    Renew {
        #[arg(long, value_name = "NAME")]
        scope: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        audit_date: String,
    },
}
