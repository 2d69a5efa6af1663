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
    /// Change an audit's dates, people, phases or decision (also `audit edit`)
    #[command(alias = "edit")]
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
    /// Record the results of many questions in one transaction: all or nothing
    Results {
        audit: i64,
        /// QUESTION=RESULT (conform, minor, major; empty removes it), repeat for several
        #[arg(long = "set", value_name = "QUESTION=RESULT")]
        set: Vec<String>,
        /// A CSV file of lines QUESTION,RESULT[,DESCRIPTION OF FINDINGS] (a first line
        /// starting with "question" is a header)
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Remove an audit with its results (one with findings needs --with-findings)
    Remove {
        audit: i64,
        /// Remove its findings and their corrective actions too
        #[arg(long)]
        with_findings: bool,
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
    /// Change a finding's question, type, text or protection object (the others stay)
    Edit {
        finding: i64,
        #[arg(long, value_name = "ID")]
        question: Option<String>,
        /// major, minor, observation or improvement
        #[arg(long = "type", value_name = "TYPE")]
        kind: Option<String>,
        #[arg(long, value_name = "TEXT")]
        text: Option<String>,
        /// A protection object of the scope, or "" for none
        #[arg(long, value_name = "NAME")]
        po: Option<String>,
    },
    /// List the findings (filtered, a page at a time) with their unfinished actions
    List {
        #[arg(long, value_name = "ID")]
        audit: Option<i64>,
        #[arg(long, value_name = "NAME")]
        scope: Option<String>,
        /// major, minor, observation or improvement (repeat for several)
        #[arg(long = "type", value_name = "TYPE")]
        kind: Vec<String>,
        /// Part of the finding's text
        #[arg(long, value_name = "TEXT", default_value = "")]
        text: String,
        #[arg(long, value_name = "N", default_value_t = 0)]
        offset: u64,
        #[arg(long, value_name = "N")]
        limit: Option<u64>,
    },
    /// Remove a finding (one with corrective actions needs --with-actions)
    Remove {
        finding: i64,
        /// Remove its corrective actions too
        #[arg(long)]
        with_actions: bool,
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
    /// Change a corrective action's fields (the others stay)
    Edit {
        action: i64,
        #[arg(long, value_name = "TEXT")]
        text: Option<String>,
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        #[arg(long, value_name = "NAME")]
        department: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        due: Option<String>,
        #[arg(long, value_name = "TEXT")]
        justification: Option<String>,
        /// open, in-progress, done or verified
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        /// Evidence ids (repeat for several); replaces the action's evidence
        #[arg(long, value_name = "ID")]
        evidence: Vec<i64>,
        /// Remove every evidence item from the action
        #[arg(long, conflicts_with = "evidence")]
        no_evidence: bool,
    },
    /// Remove a corrective action
    Remove { action: i64 },
    /// List the corrective actions (filtered, a page at a time)
    List {
        #[arg(long, value_name = "ID")]
        audit: Option<i64>,
        #[arg(long, value_name = "NAME")]
        scope: Option<String>,
        /// Part of the owner's name
        #[arg(long, value_name = "TEXT", default_value = "")]
        owner: String,
        /// Only mine: owned by this desk's user (as `deadlines --mine`)
        #[arg(long, conflicts_with = "owner")]
        mine: bool,
        /// open, in-progress, done or verified (repeat for several)
        #[arg(long, value_name = "STATUS")]
        status: Vec<String>,
        /// Due on or before this day
        #[arg(long, value_name = "YYYY-MM-DD", default_value = "")]
        due_by: String,
        #[arg(long, value_name = "N", default_value_t = 0)]
        offset: u64,
        #[arg(long, value_name = "N")]
        limit: Option<u64>,
    },
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
