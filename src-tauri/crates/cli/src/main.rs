//! `csmsdesk-cli`: the scripting shell over the `workspace` use cases (contract in CLI.md).
//!
//! It parses arguments, calls one use case, and prints either human text or one JSON document.
//! Exit codes: 0 done, 1 the request failed (stderr says why and how to fix it), 2 usage error.

/// `println!` that ends the process quietly when stdout was closed (`csmsdesk-cli ... | head`)
/// instead of panicking, as command-line tools end on SIGPIPE. Control characters are made
/// visible (see [`terminal::visible`]): text from workbooks, files and the database never
/// steers the terminal.
macro_rules! out_line {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let line = format!($($arg)*);
        if writeln!(std::io::stdout(), "{}", $crate::terminal::visible(&line)).is_err() {
            std::process::exit(0);
        }
    }};
}

/// `eprintln!` with control characters made visible, like [`out_line!`].
macro_rules! err_line {
    () => {
        eprintln!()
    };
    ($($arg:tt)*) => {{
        let line = format!($($arg)*);
        eprintln!("{}", $crate::terminal::visible(&line));
    }};
}

mod output;
mod terminal;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use chrono::{NaiveDate, Utc};
use clap::{Parser, Subcommand};
use csmsdesk_core::deadlines::{DeadlineFilter, DeadlineKind};
use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_core::scope::Severity;
use csmsdesk_workspace::{
    ActionInput, AuditInput, Error, EvidenceInput, FileResult, Invalid, LabelInput, LinkInput,
    LocationInput, ProtectionObjectInput, ScopeInput, Workspace, folders,
};

use output::Output;

/// CSMS Desk on the command line: ENX VCS audit readiness for scripts and CI.
#[derive(Debug, Parser)]
#[command(name = "csmsdesk-cli", version)]
struct Cli {
    /// The workspace folder [default: $CSMSDESK_WORKSPACE, else the app's default workspace]
    #[arg(long, global = true, value_name = "DIR")]
    workspace: Option<PathBuf>,
    /// Print one JSON document on stdout instead of text
    #[arg(long, global = true)]
    json: bool,
    /// The date that countdowns and checks are computed for [default: today]
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = user_date)]
    today: Option<NaiveDate>,
    /// Open the workspace for looking only, without its lock: works while the app or another
    /// command holds it; every change is refused
    #[arg(long, global = true)]
    read_only: bool,
    #[command(subcommand)]
    command: Command,
    /// What the journal names as the source of changes: `cli` and the command words.
    #[arg(skip)]
    source: String,
}

#[derive(Debug, Subcommand)]
enum JournalCommand {
    /// Re-compute the chain; names every entry that was edited, deleted or inserted (exit 1)
    Verify,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a new workspace for a company
    Init {
        /// The company's name, as the audit provider knows it
        #[arg(long, value_name = "NAME")]
        company: String,
    },
    /// Show the workspace, its schema version and the company profile
    Info,
    /// Import, list and show ENX VCS Audit Criteria Catalogues
    Catalogue {
        #[command(subcommand)]
        action: CatalogueCommand,
    },
    /// Locations with their TISAX labels
    Location {
        #[command(subcommand)]
        action: LocationCommand,
    },
    /// VCS scopes: objectives, applicability, deviations and the prerequisite check
    Scope {
        #[command(subcommand)]
        action: ScopeCommand,
    },
    /// The assumed rules: the applicability matrix and the label expiry warning
    Rules {
        #[command(subcommand)]
        action: RulesCommand,
    },
    /// Protection objects of a scope and their sampling
    Po {
        #[command(subcommand)]
        action: PoCommand,
    },
    /// Evidence documents: add, list, link, review and re-check them
    Evidence {
        #[command(subcommand)]
        action: EvidenceCommand,
    },
    /// Record the self-assessment of a control question, or take it over from a filled
    /// workbook
    Assess {
        #[arg(long, value_name = "NAME")]
        scope: String,
        /// The control question (1.1)
        #[arg(required_unless_present = "workbook")]
        question: Option<String>,
        /// conform, minor, major or na (empty clears the result)
        #[arg(required_unless_present = "workbook")]
        result: Option<String>,
        /// The implementation description
        #[arg(long, value_name = "TEXT")]
        text: Option<String>,
        /// The reference documentation
        #[arg(long, value_name = "TEXT")]
        reference: Option<String>,
        /// Take over the self-assessment columns of this filled ENX workbook (shows the
        /// changes; add --apply to make them)
        #[arg(long, value_name = "FILE", conflicts_with_all = ["question", "result", "text", "reference"])]
        workbook: Option<PathBuf>,
        /// Make the changes the filled workbook brings
        #[arg(long, requires = "workbook")]
        apply: bool,
    },
    /// A scope's readiness: requirements covered, needing review or missing, and the
    /// predicted overall result
    Status {
        #[arg(long, value_name = "NAME")]
        scope: String,
    },
    /// Audits of a scope: add, record results, show, change, import the provider's workbook
    Audit {
        #[command(subcommand)]
        action: AuditCommand,
    },
    /// The journal of every change, newest first; `journal verify` checks its chain
    Journal {
        #[command(subcommand)]
        action: Option<JournalCommand>,
        /// Only entries older than this entry number (to page back)
        #[arg(long, value_name = "SEQ")]
        before: Option<i64>,
        /// Only changes of this table (evidence, evidence_link, audit_result, ...)
        #[arg(long, value_name = "TABLE")]
        table: Option<String>,
        /// How many entries at most (up to 500)
        #[arg(long, value_name = "N", default_value_t = 50)]
        limit: u32,
    },
    /// Check the whole workspace: SQLite's integrity check, every vault copy re-hashed, the
    /// journal's chain. Changes nothing; works while the app has the workspace open
    Check,
    /// Write a backup of the workspace (database and vault) to one file. Safe while the app
    /// has the workspace open
    Backup {
        /// The backup file to write (.csmsbackup is a ZIP with SHA256SUMS)
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Restore a backup as a new workspace in --workspace DIR (missing or empty)
    Restore {
        /// The backup file
        file: PathBuf,
        /// Only check every byte of the file; restore nothing
        #[arg(long)]
        check: bool,
    },
    /// Findings of an audit
    Finding {
        #[command(subcommand)]
        action: FindingCommand,
    },
    /// Corrective actions for findings
    Action {
        #[command(subcommand)]
        action: ActionCommand,
    },
    /// The VCS labels the audits earned, with their countdowns
    Labels {
        #[arg(long, value_name = "NAME")]
        scope: Option<String>,
        #[command(subcommand)]
        action: Option<LabelsCommand>,
    },
    /// Write the submission package of a scope (or a partner package at a sharing level)
    Export {
        #[arg(long, value_name = "NAME")]
        scope: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// full, A, A+labels or A+labels+B
        #[arg(long, value_name = "LEVEL", default_value = "full")]
        level: String,
        /// The generation time written into the package [default: now]
        #[arg(long, value_name = "RFC3339")]
        generated_at: Option<String>,
        /// Freeze the package for one audit of the scope: its results, findings and actions
        #[arg(long, value_name = "ID")]
        audit: Option<i64>,
    },
    /// Re-hash every entry of a package against its SHA256SUMS (exit 1 if anything differs)
    Verify { file: PathBuf },
    /// Publication and sharing of scopes
    Share {
        #[command(subcommand)]
        action: ShareCommand,
    },
    /// Every deadline, overdue first; optionally as an iCalendar file
    Deadlines {
        /// Only those due within this many days (overdue ones always)
        #[arg(long, value_name = "DAYS")]
        within: Option<i64>,
        /// Write the deadlines shown as an iCalendar (.ics) file
        #[arg(long, value_name = "FILE")]
        ics: Option<PathBuf>,
        /// vcs-label, renewal, tisax-label, corrective-action, follow-up-audit,
        /// evidence-review or planned-audit (repeat for several)
        #[arg(long, value_name = "KIND")]
        kind: Vec<String>,
        #[arg(long, value_name = "NAME")]
        scope: Option<String>,
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum ShareCommand {
    /// Share a scope with one participant
    Add {
        #[arg(long, value_name = "NAME")]
        scope: String,
        #[arg(long, value_name = "NAME")]
        partner: String,
        #[arg(long, value_name = "ID")]
        participant_id: String,
        /// A, A+labels or A+labels+B
        #[arg(long, value_name = "LEVEL")]
        level: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
    },
    /// List the sharings (of one scope)
    List {
        #[arg(long, value_name = "NAME")]
        scope: Option<String>,
    },
    /// Set how a scope is published to every participant
    Publish {
        #[arg(long, value_name = "NAME")]
        scope: String,
        /// do-not-share, A, A+labels or A+labels+B
        #[arg(long, value_name = "LEVEL")]
        level: String,
    },
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
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
enum FindingCommand {
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
enum ActionCommand {
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
enum LabelsCommand {
    /// Plan the renewal audit of permanent labels (refused for temporary labels)
    Renew {
        #[arg(long, value_name = "NAME")]
        scope: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        audit_date: String,
    },
}

#[derive(Debug, Subcommand)]
enum EvidenceCommand {
    /// Add files (a folder is added recursively) to the vault as evidence
    Add {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// The title [default: the file name]
        #[arg(long, default_value = "")]
        title: String,
        /// The ISO/SAE 21434 work product (WP-09-02); empty for other documents
        #[arg(long = "type", value_name = "WP-xx-yy", default_value = "")]
        work_product: String,
        #[arg(long, default_value = "")]
        owner: String,
        /// public, internal, confidential or strictly-confidential [default: internal]
        #[arg(long, default_value = "")]
        classification: String,
        #[arg(long, value_name = "YYYY-MM-DD", default_value = "")]
        review_due: String,
        /// A requirement (1.1.a) or control question (1.1) to link to (repeat for several)
        #[arg(long = "link", value_name = "REQ")]
        links: Vec<String>,
        #[command(flatten)]
        place: LinkPlaceArgs,
    },
    /// List the evidence items with their state and links
    List,
    /// Show one evidence item with its versions
    Show { id: String },
    /// Link an evidence item to requirements or control questions
    Link {
        id: String,
        #[arg(required = true, value_name = "REQ")]
        targets: Vec<String>,
        #[command(flatten)]
        place: LinkPlaceArgs,
    },
    /// Remove one link (its id is in `evidence show`)
    Unlink { link: i64 },
    /// Re-check every source: unchanged, changed (a new version) or missing
    Scan {
        /// Re-hash every file, even those whose size and time are unchanged
        #[arg(long)]
        deep: bool,
    },
    /// Mark the newest version as reviewed
    Review {
        id: String,
        /// The next review date
        #[arg(long, value_name = "YYYY-MM-DD", default_value = "")]
        next_review: String,
    },
    /// Change an item's title, type, owner, classification or review date
    Edit {
        id: String,
        #[arg(long, default_value = "")]
        title: String,
        #[arg(long = "type", value_name = "WP-xx-yy", default_value = "")]
        work_product: String,
        #[arg(long, default_value = "")]
        owner: String,
        #[arg(long, default_value = "")]
        classification: String,
        #[arg(long, value_name = "YYYY-MM-DD", default_value = "")]
        review_due: String,
    },
    /// Remove an evidence item and its links (its content stays in the vault)
    Remove { id: String },
    /// Duplicate evidence (same content) and evidence linked to nothing
    Findings,
}

/// Where links go: one scope (default: every scope) and one of its protection objects.
#[derive(Debug, clap::Args)]
struct LinkPlaceArgs {
    /// Link for this scope only [default: every scope]
    #[arg(long, value_name = "NAME", default_value = "")]
    scope: String,
    /// Link for this protection object only (needs --scope)
    #[arg(long, value_name = "NAME", default_value = "")]
    po: String,
    #[arg(long, default_value = "")]
    note: String,
}

impl LinkPlaceArgs {
    fn input(&self, targets: &[String]) -> LinkInput {
        LinkInput {
            targets: targets.to_vec(),
            scope: self.scope.clone(),
            protection_object: self.po.clone(),
            note: self.note.clone(),
        }
    }
}

#[derive(Debug, Subcommand)]
enum LocationCommand {
    /// Add a location
    Add {
        name: String,
        /// The location's TISAX Scope-ID
        #[arg(long, value_name = "ID")]
        tisax_scope: Option<String>,
        /// A TISAX label: name or slug, assessment level, expiry (confidential:3:2027-05-31)
        #[arg(long, value_name = "LABEL:LEVEL:EXPIRES")]
        tisax_label: Vec<String>,
        /// The location does not perform cybersecurity activities for the CSMS
        #[arg(long)]
        no_cs_activities: bool,
        #[arg(long, default_value = "")]
        address: String,
        #[arg(long, default_value = "")]
        notes: String,
    },
    /// List the locations
    List,
    /// Add a (renewed) TISAX label to a location; earlier labels stay as history
    Label {
        name: String,
        #[arg(value_name = "LABEL:LEVEL:EXPIRES")]
        label: String,
    },
    /// Delete a location that no scope uses
    Remove { name: String },
}

#[derive(Debug, Subcommand)]
enum ScopeCommand {
    /// Add a VCS scope
    Add {
        name: String,
        /// development, production or operations-maintenance (repeat for several)
        #[arg(long, value_name = "OBJECTIVE")]
        objective: Vec<String>,
        /// A location by name (repeat for several)
        #[arg(long, value_name = "NAME")]
        location: Vec<String>,
        #[arg(long, value_name = "YYYY-MM-DD", default_value = "")]
        audit_date: String,
        /// The catalogue [default: the current one]
        #[arg(long, value_name = "ID")]
        catalogue: Option<i64>,
        /// The ENX Scope-ID, once registered
        #[arg(long, value_name = "ID", default_value = "")]
        enx_scope_id: String,
        #[arg(long, value_name = "NAME", default_value = "")]
        provider: String,
    },
    /// List the scopes with their applicable control questions
    List,
    /// Check the prerequisites of a scope (exit 1 if one fails)
    Check {
        name: String,
        /// The audit date to check for [default: the planned audit date, else today]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = user_date)]
        on: Option<NaiveDate>,
    },
    /// Set whether a control question applies to a scope
    Applicability {
        name: String,
        question: String,
        /// The question does not apply (needs --reason)
        #[arg(
            long,
            conflicts_with = "applicable",
            required_unless_present = "applicable"
        )]
        na: bool,
        /// The question applies
        #[arg(long)]
        applicable: bool,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Record a justified deviation from a should-requirement (an empty reason withdraws it)
    Deviation {
        name: String,
        requirement: String,
        #[arg(long)]
        reason: String,
    },
    /// Change a scope's ENX Scope-ID, planned audit date, provider or locations
    Set {
        name: String,
        #[arg(long, value_name = "ID")]
        enx_scope_id: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        audit_date: Option<String>,
        #[arg(long, value_name = "NAME")]
        provider: Option<String>,
        /// The scope's locations (repeat for several; replaces the list)
        #[arg(long, value_name = "NAME")]
        location: Vec<String>,
    },
    /// Delete a scope with its decisions, protection objects and samples
    Remove { name: String },
    /// Replace the objectives of a scope (overrides are kept)
    Objectives {
        name: String,
        #[arg(long, value_name = "OBJECTIVE", required = true)]
        objective: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
enum RulesCommand {
    /// Show the rules in force
    Show,
    /// Change the rules
    Set {
        /// A file with the applicability matrix (lines like `development: chapter 5, question 6.1`)
        #[arg(long, value_name = "FILE")]
        matrix: Option<PathBuf>,
        /// Warn when a TISAX label expires within this many days after the audit
        #[arg(long, value_name = "DAYS")]
        label_warning_days: Option<String>,
        /// A label or corrective-action rule in months, e.g. labels.permanent_months=36
        /// (repeat for several; `rules show` lists them)
        #[arg(long, value_name = "KEY=MONTHS")]
        rule: Vec<String>,
        /// The desktop notification looks this many days ahead (0 turns it off)
        #[arg(long, value_name = "DAYS")]
        notify_days: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum PoCommand {
    /// Add a protection object to a scope
    Add {
        name: String,
        #[arg(long, value_name = "NAME")]
        scope: String,
        /// The item or component
        #[arg(long, default_value = "")]
        item: String,
        /// The customer (OEM) it belongs to
        #[arg(long, default_value = "")]
        customer: String,
        /// The partner's Participant-ID
        #[arg(long, value_name = "ID", default_value = "")]
        partner: String,
        #[arg(long)]
        confidentiality: bool,
        #[arg(long)]
        integrity: bool,
        #[arg(long)]
        availability: bool,
        /// Lifecycle phases, comma-separated
        #[arg(long, default_value = "")]
        phases: String,
        /// Objectives it is relevant to [default: all of the scope's]
        #[arg(long, value_name = "OBJECTIVE")]
        objective: Vec<String>,
        #[arg(long, value_name = "NAME")]
        location: Vec<String>,
    },
    /// Delete a protection object
    Remove {
        name: String,
        #[arg(long, value_name = "NAME")]
        scope: String,
    },
    /// List the protection objects of a scope
    List {
        #[arg(long, value_name = "NAME")]
        scope: String,
    },
    /// Show the sampling of a scope; with --objective and --choose, choose a sample
    Sample {
        #[arg(long, value_name = "NAME")]
        scope: String,
        #[arg(long, value_name = "OBJECTIVE", requires = "choose")]
        objective: Option<String>,
        /// Protection objects to sample (repeat for several)
        #[arg(long, value_name = "NAME", requires = "objective")]
        choose: Vec<String>,
    },
    /// Record the sample check of a protection object against a control question
    Check {
        #[arg(long, value_name = "NAME")]
        scope: String,
        po: String,
        question: String,
        /// open, consistent or deviation
        status: String,
        #[arg(long, default_value = "")]
        note: String,
    },
}

#[derive(Debug, Subcommand)]
enum CatalogueCommand {
    /// Import a catalogue workbook (.xlsx, .xlsm, .xls, .ods), or the demo catalogue
    Import {
        /// The workbook to import
        #[arg(required_unless_present = "demo", conflicts_with = "demo")]
        file: Option<PathBuf>,
        /// Import the project's demo catalogue instead of a file
        #[arg(long)]
        demo: bool,
        /// Let a workbook whose version cannot be compared with the current catalogue's
        /// replace it (the import without this flag says what would be replaced and moved)
        #[arg(long, conflicts_with = "demo")]
        replace: bool,
    },
    /// List the catalogues of the workspace
    List,
    /// Show a catalogue's chapters, control questions and requirements
    Show {
        /// The catalogue's ID [default: the current catalogue]
        id: Option<i64>,
        /// Show only what matches this text (IDs, texts, references such as WP-09-02)
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
    },
}

/// A date argument: `YYYY-MM-DD` within the years a user may enter (parsed before the
/// workspace is open, so the message is in the OS's language).
fn user_date(text: &str) -> Result<NaiveDate, String> {
    csmsdesk_core::dates::parse_date(text)
        .map_err(|m| m.render(Lang::from_locale(sys_locale::get_locale().as_deref())))
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CSMSDESK_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    let mut cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with 0; usage errors to stderr with 2.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    cli.source = journal_source();
    let os_locale = sys_locale::get_locale();
    let mut out = Output::new(cli.json, Lang::from_locale(os_locale.as_deref()));
    match run(&cli, &mut out, os_locale.as_deref()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            out.error(&e);
            ExitCode::FAILURE
        }
    }
}

/// `cli` and the command words (`cli evidence add`), as the journal names the source.
fn journal_source() -> String {
    use clap::CommandFactory as _;
    let mut words = vec!["cli".to_owned()];
    if let Ok(matches) = Cli::command().try_get_matches_from(std::env::args_os()) {
        let mut current = &matches;
        while let Some((name, sub)) = current.subcommand() {
            words.push(name.to_owned());
            current = sub;
        }
    }
    words.join(" ")
}

/// Opens the workspace (read-only with `--read-only`), tells the journal who writes, and
/// switches the output to the workspace's language.
fn open_workspace(
    dir: &std::path::Path,
    now: chrono::DateTime<Utc>,
    out: &mut Output,
    os_locale: Option<&str>,
    cli: &Cli,
) -> Result<Workspace, Error> {
    let ws = if cli.read_only {
        Workspace::open_read_only(dir)?
    } else {
        Workspace::open(dir, now)?
    };
    ws.set_journal_source(&cli.source);
    out.set_lang(ws.company_profile()?.language.resolve(os_locale));
    Ok(ws)
}

/// Opens the workspace read-only for a command that only reads.
fn open_read_only(
    dir: &std::path::Path,
    out: &mut Output,
    os_locale: Option<&str>,
) -> Result<Workspace, Error> {
    let ws = Workspace::open_read_only(dir)?;
    out.set_lang(ws.company_profile()?.language.resolve(os_locale));
    Ok(ws)
}

/// Runs the command; `Ok(false)` when it ran but reports a failure (a failed check).
fn run(cli: &Cli, out: &mut Output, os_locale: Option<&str>) -> Result<bool, Error> {
    let dir = folders::choose_workspace_dir(
        cli.workspace.clone(),
        std::env::var_os(folders::WORKSPACE_ENV),
        folders::default_workspace_dir,
    )?;
    let now = Utc::now();
    match &cli.command {
        Command::Init { company } => {
            let ws = Workspace::init(&dir, company, now)?;
            let profile = ws.company_profile()?;
            out.set_lang(profile.language.resolve(os_locale));
            out.init(&dir, &profile);
        }
        Command::Info => {
            let ws = open_workspace(&dir, now, out, os_locale, cli)?;
            let info = ws.info()?;
            out.set_lang(info.company.language.resolve(os_locale));
            out.info(&info);
        }
        Command::Location { action } => {
            let mut ws = open_workspace(&dir, now, out, os_locale, cli)?;
            run_location(&mut ws, action, out)?;
        }
        Command::Scope { action } => {
            let mut ws = open_workspace(&dir, now, out, os_locale, cli)?;
            let today = cli.today.unwrap_or_else(|| now.date_naive());
            if !run_scope(&mut ws, action, out, today)? {
                return Ok(false);
            }
        }
        Command::Rules { action } => {
            let mut ws = open_workspace(&dir, now, out, os_locale, cli)?;
            if let RulesCommand::Set {
                matrix,
                label_warning_days,
                rule,
                notify_days,
            } = action
            {
                if let Some(days) = notify_days {
                    ws.set_notify_days(days)?;
                }
                for setting in rule {
                    let (key, months) = setting.split_once('=').unwrap_or((setting, ""));
                    ws.set_label_rule(key, months)?;
                }
                if let Some(file) = matrix {
                    let text =
                        std::fs::read_to_string(file).map_err(|source| Error::FileUnreadable {
                            path: file.clone(),
                            source,
                        })?;
                    ws.set_applicability_matrix(&text)?;
                }
                if let Some(days) = label_warning_days {
                    ws.set_label_expiry_warning_days(days)?;
                }
            }
            out.rules(
                &ws.applicability_matrix_text()?,
                ws.label_expiry_warning_days()?,
                &ws.label_rules()?,
                ws.notify_days()?,
            );
        }
        Command::Po { action } => {
            let mut ws = open_workspace(&dir, now, out, os_locale, cli)?;
            run_po(&mut ws, action, out)?;
        }
        Command::Evidence { action } => {
            let mut ws = open_workspace(&dir, now, out, os_locale, cli)?;
            let today = cli.today.unwrap_or_else(|| now.date_naive());
            return run_evidence(&mut ws, action, out, now, today);
        }
        Command::Assess {
            scope,
            question,
            result,
            text,
            reference,
            workbook,
            apply,
        } => {
            let mut ws = open_workspace(&dir, now, out, os_locale, cli)?;
            match (workbook, question, result) {
                (Some(file), _, _) => {
                    out.assessment_import(&ws.import_assessment(scope, file, *apply, now)?)
                }
                (None, Some(question), Some(result)) => out.assessment(&ws.assess(
                    scope,
                    question,
                    result,
                    text.as_deref(),
                    reference.as_deref(),
                    now,
                )?),
                // clap requires both unless --workbook is given.
                _ => out.done(),
            }
        }
        Command::Status { scope } => {
            let mut ws = open_workspace(&dir, now, out, os_locale, cli)?;
            let today = cli.today.unwrap_or_else(|| now.date_naive());
            let readiness = ws.readiness(scope, today)?;
            // History is what was true on the real day: a `--today` for countdowns never
            // writes a record for another day.
            ws.record_readiness(now.date_naive())?;
            out.status(&readiness);
        }
        Command::Audit { action } => {
            let mut ws = open_workspace(&dir, now, out, os_locale, cli)?;
            run_audit(&mut ws, action, out)?;
        }
        Command::Finding {
            action:
                FindingCommand::Add {
                    audit,
                    question,
                    kind,
                    text,
                    po,
                },
        } => {
            let mut ws = open_workspace(&dir, now, out, os_locale, cli)?;
            out.finding(&ws.add_finding(*audit, question, kind, text, po)?);
        }
        Command::Action { action } => {
            let mut ws = open_workspace(&dir, now, out, os_locale, cli)?;
            run_action(&mut ws, action, out)?;
        }
        Command::Labels { scope, action } => {
            let mut ws = open_workspace(&dir, now, out, os_locale, cli)?;
            let today = cli.today.unwrap_or_else(|| now.date_naive());
            match action {
                Some(LabelsCommand::Renew { scope, audit_date }) => {
                    ws.renew_labels(scope, audit_date)?;
                    out.done();
                }
                None => out.labels(&ws.labels(scope.as_deref())?, today),
            }
        }
        Command::Deadlines {
            within,
            ics,
            kind,
            scope,
            owner,
        } => {
            let ws = open_workspace(&dir, now, out, os_locale, cli)?;
            let today = cli.today.unwrap_or_else(|| now.date_naive());
            let filter = deadline_filter(*within, kind, scope, owner)?;
            let list = ws.deadlines(&filter, today)?;
            if let Some(file) = ics {
                ws.write_calendar(&filter, today, out.lang(), now, file)?;
            }
            out.deadlines(&list, today);
        }
        Command::Export {
            scope,
            out: file,
            level,
            generated_at,
            audit,
        } => {
            let mut ws = open_workspace(&dir, now, out, os_locale, cli)?;
            let at = match generated_at {
                None => now,
                Some(text) => {
                    let at = chrono::DateTime::parse_from_rfc3339(text.trim())
                        .map(|t| t.with_timezone(&Utc))
                        .map_err(|_| {
                            Error::Invalid(vec![Invalid::new(
                                "generated_at",
                                Message::new("package.bad_time").arg("given", text.trim()),
                            )])
                        })?;
                    csmsdesk_core::dates::check_date(at.date_naive()).map_err(|message| {
                        Error::Invalid(vec![Invalid::new(
                            "generated_at",
                            message.arg("given", text.trim()),
                        )])
                    })?;
                    at
                }
            };
            let cwd = std::env::current_dir().unwrap_or_default();
            out.package(&ws.export_package(scope, &cwd.join(file), level, *audit, at)?);
        }
        Command::Journal {
            action,
            before,
            table,
            limit,
        } => {
            // Reading needs no lock: it works while the app holds the workspace.
            let ws = open_read_only(&dir, out, os_locale)?;
            match action {
                Some(JournalCommand::Verify) => {
                    let report = ws.journal_verify()?;
                    out.journal_report(&report);
                    return Ok(report.ok());
                }
                None => out.journal_page(&ws.journal_page(*before, table.as_deref(), *limit)?),
            }
        }
        Command::Check => {
            let ws = open_read_only(&dir, out, os_locale)?;
            let report = ws.check(&AtomicBool::new(false))?;
            out.check_report(&report);
            return Ok(report.ok());
        }
        Command::Backup { out: file } => {
            let report = csmsdesk_workspace::write_backup(
                &dir,
                file,
                now,
                &out.progress(),
                &AtomicBool::new(false),
            )?;
            out.finish_progress();
            out.backup_report(&report);
        }
        Command::Restore { file, check } => {
            let progress = out.progress();
            let report = if *check {
                csmsdesk_workspace::check_backup(file, &progress, &AtomicBool::new(false))?
            } else {
                let Some(target) = &cli.workspace else {
                    return Err(Error::Invalid(vec![Invalid::new(
                        "workspace",
                        Message::new("cli.restore.needs_workspace"),
                    )]));
                };
                csmsdesk_workspace::restore_backup(
                    file,
                    target,
                    &progress,
                    &AtomicBool::new(false),
                )?
            };
            out.finish_progress();
            out.restore_report(&report);
        }
        Command::Verify { file } => {
            let report = csmsdesk_workspace::verify_package(file)?;
            out.verify(&report);
            return Ok(report.ok());
        }
        Command::Share { action } => {
            let mut ws = open_workspace(&dir, now, out, os_locale, cli)?;
            match action {
                ShareCommand::Add {
                    scope,
                    partner,
                    participant_id,
                    level,
                    date,
                } => {
                    let (record, warnings) =
                        ws.add_sharing(scope, partner, participant_id, level, date)?;
                    out.sharing_added(&record, &warnings);
                }
                ShareCommand::List { scope } => out.sharings(&ws.sharings(scope.as_deref())?),
                ShareCommand::Publish { scope, level } => {
                    ws.set_publication(scope, level)?;
                    out.done();
                }
            }
        }
        Command::Catalogue { action } => {
            let mut ws = open_workspace(&dir, now, out, os_locale, cli)?;
            out.set_lang(ws.company_profile()?.language.resolve(os_locale));
            match action {
                CatalogueCommand::Import {
                    file: Some(file),
                    replace,
                    ..
                } => out.catalogue_import(&ws.import_catalogue_replacing(file, now, *replace)?),
                CatalogueCommand::Import { file: None, .. } => {
                    out.catalogue_import(&ws.import_demo_catalogue(now)?)
                }
                CatalogueCommand::List => out.catalogue_list(&ws.catalogues()?),
                CatalogueCommand::Show { id, search } => {
                    let (record, tree) = ws.catalogue(*id)?;
                    match search {
                        Some(query) => {
                            out.catalogue_search(&ws.search_catalogue(record.id, query)?)
                        }
                        None => {
                            let references = ws.catalogue_references(record.id)?;
                            out.catalogue_show(&record, &tree, &references);
                        }
                    }
                }
            }
        }
    }
    Ok(true)
}

fn deadline_filter(
    within: Option<i64>,
    kinds: &[String],
    scope: &Option<String>,
    owner: &Option<String>,
) -> Result<DeadlineFilter, Error> {
    let mut errors = Vec::new();
    let kinds = kinds
        .iter()
        .filter_map(|k| {
            DeadlineKind::parse(k).or_else(|| {
                errors.push(Invalid::new(
                    "kind",
                    Message::new("deadline.bad_kind").arg("given", k.trim()),
                ));
                None
            })
        })
        .collect();
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    Ok(DeadlineFilter {
        kinds,
        scope: scope.clone(),
        owner: owner.clone(),
        within_days: within,
    })
}

fn run_audit(ws: &mut Workspace, action: &AuditCommand, out: &Output) -> Result<(), Error> {
    match action {
        AuditCommand::Add {
            scope,
            kind,
            closing_meeting,
            opening_meeting,
            provider,
            lead_auditor,
        } => {
            let input = AuditInput {
                scope: scope.clone(),
                kind: kind.clone(),
                provider: provider.clone(),
                lead_auditor: lead_auditor.clone(),
                opening_meeting: opening_meeting.clone(),
                closing_meeting: closing_meeting.clone(),
            };
            out.audit_added(&ws.add_audit(&input)?);
        }
        AuditCommand::List { scope } => out.audits(&ws.audits(scope.as_deref())?),
        AuditCommand::Result {
            audit,
            question,
            result,
            text,
        } => {
            ws.set_audit_result(*audit, question, result, text)?;
            out.done();
        }
        AuditCommand::Show { audit } => out.audit_view(&ws.audit_view(*audit)?),
        AuditCommand::Set {
            audit,
            closing_meeting,
            opening_meeting,
            provider,
            lead_auditor,
            phases,
            decision,
            reason,
        } => {
            let current = ws.audit_view(*audit)?;
            let a = &current.audit;
            let input = AuditInput {
                scope: a.scope_id.to_string(),
                kind: a.kind.as_str().to_owned(),
                provider: provider.clone().unwrap_or_else(|| a.provider.clone()),
                lead_auditor: lead_auditor
                    .clone()
                    .unwrap_or_else(|| a.lead_auditor.clone()),
                opening_meeting: opening_meeting.clone().unwrap_or_else(|| {
                    a.opening_meeting.map(|d| d.to_string()).unwrap_or_default()
                }),
                closing_meeting: closing_meeting
                    .clone()
                    .unwrap_or_else(|| a.closing_meeting.to_string()),
            };
            let mut states: [String; 3] = a.phases.map(|p| p.as_str().to_owned());
            if let Some(text) = phases {
                for (slot, state) in states.iter_mut().zip(text.split(',')) {
                    *slot = state.trim().to_owned();
                }
            }
            let reason = reason.clone().unwrap_or_else(|| a.decision_reason.clone());
            ws.update_audit(
                *audit,
                &input,
                &states,
                decision.unwrap_or(a.decision),
                &reason,
            )?;
            out.done();
        }
        AuditCommand::Import { audit, file, apply } => {
            out.provider_import(&ws.import_provider_workbook(*audit, file, *apply)?);
        }
    }
    Ok(())
}

fn run_action(ws: &mut Workspace, action: &ActionCommand, out: &Output) -> Result<(), Error> {
    match action {
        ActionCommand::Add {
            finding,
            owner,
            due,
            text,
            department,
            justification,
            evidence,
            scope,
        } => {
            let input = ActionInput {
                scope: scope.clone(),
                finding: *finding,
                description: text.clone(),
                owner: owner.clone(),
                department: department.clone(),
                due: due.clone(),
                justification: justification.clone(),
                evidence: evidence.clone(),
            };
            let (record, warnings) = ws.add_action(&input)?;
            out.action_added(&record, &warnings);
        }
        ActionCommand::Status { action, status } => {
            ws.set_action_status(*action, status)?;
            out.done();
        }
        ActionCommand::List => out.actions(&ws.actions()?),
    }
    Ok(())
}

/// Runs an evidence command; `Ok(false)` when some file could not be added or read.
fn run_evidence(
    ws: &mut Workspace,
    action: &EvidenceCommand,
    out: &Output,
    now: chrono::DateTime<Utc>,
    today: NaiveDate,
) -> Result<bool, Error> {
    let cancel = AtomicBool::new(false);
    match action {
        EvidenceCommand::Add {
            paths,
            title,
            work_product,
            owner,
            classification,
            review_due,
            links,
            place,
        } => {
            let input = EvidenceInput {
                title: title.clone(),
                work_product: work_product.clone(),
                owner: owner.clone(),
                classification: classification.clone(),
                review_due: review_due.clone(),
            };
            // Relative paths are the user's, relative to where they typed the command.
            let cwd = std::env::current_dir().unwrap_or_default();
            let paths: Vec<PathBuf> = paths.iter().map(|p| cwd.join(p)).collect();
            let report = ws.add_evidence(
                &paths,
                &input,
                &place.input(links),
                now,
                &out.progress(),
                &cancel,
            )?;
            out.finish_progress();
            out.evidence_added(&report);
            return Ok(!report
                .outcomes
                .iter()
                .any(|o| matches!(o.result, FileResult::Failed(_))));
        }
        EvidenceCommand::List => out.evidence_list(&ws.evidence(today)?),
        EvidenceCommand::Show { id } => {
            let (view, versions) = ws.evidence_item(id, today)?;
            out.evidence_item(&view, &versions);
        }
        EvidenceCommand::Link { id, targets, place } => {
            let added = ws.link_evidence(id, &place.input(targets))?;
            out.linked(added);
        }
        EvidenceCommand::Unlink { link } => {
            ws.unlink_evidence(*link)?;
            out.done();
        }
        EvidenceCommand::Scan { deep } => {
            let report = ws.scan_evidence(*deep, now, &out.progress(), &cancel)?;
            out.finish_progress();
            // History is what was true on the real day: a `--today` for countdowns never
            // writes a record for another day.
            ws.record_readiness(now.date_naive())?;
            out.scan_report(&report);
            return Ok(report.failed.is_empty());
        }
        EvidenceCommand::Review { id, next_review } => {
            ws.review_evidence(id, next_review)?;
            out.done();
        }
        EvidenceCommand::Edit {
            id,
            title,
            work_product,
            owner,
            classification,
            review_due,
        } => {
            let input = EvidenceInput {
                title: title.clone(),
                work_product: work_product.clone(),
                owner: owner.clone(),
                classification: classification.clone(),
                review_due: review_due.clone(),
            };
            ws.update_evidence(id, &input)?;
            out.done();
        }
        EvidenceCommand::Remove { id } => {
            ws.remove_evidence(id)?;
            out.done();
        }
        EvidenceCommand::Findings => out.evidence_findings(&ws.evidence_findings()?),
    }
    Ok(true)
}

fn run_location(ws: &mut Workspace, action: &LocationCommand, out: &Output) -> Result<(), Error> {
    match action {
        LocationCommand::Add {
            name,
            tisax_scope,
            tisax_label,
            no_cs_activities,
            address,
            notes,
        } => {
            let mut labels = Vec::new();
            for text in tisax_label {
                labels.push(LabelInput::parse_cli(text).ok_or_else(|| {
                    Error::Invalid(vec![Invalid::new(
                        "tisax-label",
                        Message::new("cli.error.label_format").arg("given", text),
                    )])
                })?);
            }
            let input = LocationInput {
                name: name.clone(),
                address: address.clone(),
                tisax_scope_id: tisax_scope.clone().unwrap_or_default(),
                labels,
                cs_activities: !no_cs_activities,
                notes: notes.clone(),
            };
            out.location_added(&ws.add_location(&input)?);
        }
        LocationCommand::List => out.locations(&ws.locations()?),
        LocationCommand::Label { name, label } => {
            let parsed = LabelInput::parse_cli(label).ok_or_else(|| {
                Error::Invalid(vec![Invalid::new(
                    "label",
                    Message::new("cli.error.label_format").arg("given", label),
                )])
            })?;
            ws.add_location_label(name, &parsed)?;
            out.done();
        }
        LocationCommand::Remove { name } => {
            ws.remove_location(name)?;
            out.done();
        }
    }
    Ok(())
}

fn run_scope(
    ws: &mut Workspace,
    action: &ScopeCommand,
    out: &Output,
    today: NaiveDate,
) -> Result<bool, Error> {
    match action {
        ScopeCommand::Add {
            name,
            objective,
            location,
            audit_date,
            catalogue,
            enx_scope_id,
            provider,
        } => {
            let input = ScopeInput {
                name: name.clone(),
                enx_scope_id: enx_scope_id.clone(),
                locations: location.clone(),
                objectives: objective.clone(),
                catalogue_id: *catalogue,
                planned_audit_date: audit_date.clone(),
                audit_provider: provider.clone(),
            };
            out.scope_added(&ws.add_scope(&input)?);
        }
        ScopeCommand::List => {
            let views = ws
                .scopes()?
                .iter()
                .map(|s| ws.scope_view(&s.id.to_string(), None, today))
                .collect::<Result<Vec<_>, _>>()?;
            out.scopes(&views);
        }
        ScopeCommand::Check { name, on } => {
            let view = ws.scope_view(name, *on, today)?;
            out.scope_check(&view);
            return Ok(view
                .problems
                .iter()
                .all(|p| p.severity() != Severity::Error));
        }
        ScopeCommand::Applicability {
            name,
            question,
            na,
            reason,
            ..
        } => {
            ws.set_applicability(name, question, !na, reason)?;
            out.done();
        }
        ScopeCommand::Deviation {
            name,
            requirement,
            reason,
        } => {
            ws.set_deviation(name, requirement, reason)?;
            out.done();
        }
        ScopeCommand::Set {
            name,
            enx_scope_id,
            audit_date,
            provider,
            location,
        } => {
            let current = ws.scope_view(name, None, today)?;
            let input = ScopeInput {
                enx_scope_id: enx_scope_id.clone().unwrap_or_else(|| {
                    current
                        .scope
                        .enx_scope_id
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default()
                }),
                planned_audit_date: audit_date.clone().unwrap_or_else(|| {
                    current
                        .scope
                        .planned_audit_date
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                }),
                audit_provider: provider
                    .clone()
                    .unwrap_or_else(|| current.scope.audit_provider.clone()),
                locations: if location.is_empty() {
                    current.locations.iter().map(|l| l.name.clone()).collect()
                } else {
                    location.clone()
                },
                ..ScopeInput::default()
            };
            out.scope_added(&ws.update_scope(name, &input)?);
        }
        ScopeCommand::Remove { name } => {
            ws.remove_scope(name)?;
            out.done();
        }
        ScopeCommand::Objectives { name, objective } => {
            out.scope_added(&ws.set_scope_objectives(name, objective)?);
        }
    }
    Ok(true)
}

fn run_po(ws: &mut Workspace, action: &PoCommand, out: &Output) -> Result<(), Error> {
    match action {
        PoCommand::Add {
            name,
            scope,
            item,
            customer,
            partner,
            confidentiality,
            integrity,
            availability,
            phases,
            objective,
            location,
        } => {
            let input = ProtectionObjectInput {
                scope: scope.clone(),
                name: name.clone(),
                item: item.clone(),
                customer: customer.clone(),
                partner_participant_id: partner.clone(),
                confidentiality: *confidentiality,
                integrity: *integrity,
                availability: *availability,
                lifecycle_phases: phases.clone(),
                objectives: objective.clone(),
                locations: location.clone(),
            };
            out.po_added(&ws.add_protection_object(&input)?);
        }
        PoCommand::Remove { name, scope } => {
            ws.remove_protection_object(scope, name)?;
            out.done();
        }
        PoCommand::List { scope } => {
            out.protection_objects(&ws.protection_objects(scope)?, &ws.locations()?)
        }
        PoCommand::Sample {
            scope,
            objective: Some(objective),
            choose,
        } => out.sampling(&ws.choose_sample(scope, objective, choose)?),
        PoCommand::Sample {
            scope,
            objective: None,
            ..
        } => out.sampling(&ws.sampling(scope)?),
        PoCommand::Check {
            scope,
            po,
            question,
            status,
            note,
        } => {
            ws.set_sample_check(scope, po, question, status, note)?;
            out.done();
        }
    }
    Ok(())
}
