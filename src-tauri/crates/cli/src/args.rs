//! The command line: every command, subcommand and flag with the help text `--help` shows.
//!
//! Only definitions live here; `commands/` runs them. Subcommands of the larger features are in
//! `args/<feature>.rs`.

mod audit;
mod evidence;
mod scope;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use csmsdesk_core::i18n::Lang;

pub use audit::{ActionCommand, AuditCommand, FindingCommand, LabelsCommand};
pub use evidence::{EvidenceCommand, LinkPlaceArgs, SetArgs};
pub use scope::{LocationCommand, PoCommand, ScopeCommand};

/// CSMS Desk on the command line: ENX VCS audit readiness for scripts and CI.
#[derive(Debug, Parser)]
#[command(name = "csmsdesk-cli", version)]
pub struct Cli {
    /// The workspace: a folder, or a PostgreSQL database as postgres://[user@]host[:port]/database
    /// (the password from PGPASSWORD, the password file or the service file) [default:
    /// $CSMSDESK_WORKSPACE, else the app's default workspace]
    #[arg(long, global = true, value_name = "DIR|URL")]
    pub workspace: Option<PathBuf>,
    /// Print one JSON document on stdout instead of text
    #[arg(long, global = true)]
    pub json: bool,
    /// The date that countdowns and checks are computed for [default: today]
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = user_date)]
    pub today: Option<NaiveDate>,
    /// Open the workspace for looking only, without its lock: works while the app or another
    /// command holds it; every change is refused
    #[arg(long, global = true)]
    pub read_only: bool,
    #[command(subcommand)]
    pub command: Command,
    /// What the journal names as the source of changes: `cli` and the command words.
    #[arg(skip)]
    pub source: String,
}

#[derive(Debug, Subcommand)]
pub enum Command {
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
    /// The assumed rules: the applicability matrix, the label expiry warning, the label and
    /// corrective-action months and the notification days
    Rules {
        #[command(subcommand)]
        action: RulesCommand,
    },
    /// The lists and limits the app uses (labels, work products, audit words, rule limits)
    /// and the rules in force
    Vocabulary,
    /// The members of a workspace on PostgreSQL and their roles: viewer (reads), editor
    /// (changes records), admin (also members); granted by PostgreSQL itself
    Team {
        #[command(subcommand)]
        action: TeamCommand,
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
    /// Find requirements, control questions, evidence (title or source path), findings,
    /// corrective actions, locations and scopes by words (case ignored; every word must occur)
    Search {
        /// The words to look for
        text: String,
        /// How many records of each kind to show at most (1 to 50)
        #[arg(long, default_value_t = 5)]
        limit: u32,
    },
    /// Record the self-assessment of a control question, or take it over from a filled
    /// workbook
    Assess {
        #[arg(long, value_name = "NAME")]
        scope: String,
        /// The control question (1.1)
        #[arg(required_unless_present_any = ["workbook", "set", "file"])]
        question: Option<String>,
        /// conform, minor, major or na (empty clears the result)
        #[arg(required_unless_present_any = ["workbook", "set", "file"])]
        result: Option<String>,
        /// Many questions in one transaction: QUESTION=RESULT, repeat for several
        #[arg(long = "set", value_name = "QUESTION=RESULT", conflicts_with_all = ["question", "result", "workbook"])]
        set: Vec<String>,
        /// Many questions in one transaction from a CSV file of lines
        /// QUESTION,RESULT[,IMPLEMENTATION DESCRIPTION]
        #[arg(long, value_name = "FILE", conflicts_with_all = ["question", "result", "workbook"])]
        file: Option<PathBuf>,
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
        /// Only changes made by this person (the database user on PostgreSQL, the computer's
        /// user on a folder)
        #[arg(long, value_name = "USER")]
        user: Option<String>,
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
        /// Evidence changed since its review: the last reviewed version, or the newest
        #[arg(long, value_name = "reviewed|newest", default_value = "reviewed")]
        versions: String,
        /// Write a partner package above the level the scope is published or shared at
        #[arg(long)]
        force: bool,
    },
    /// Write the printable PDF report of a scope: management summary, then every question
    Report {
        #[arg(long, value_name = "NAME")]
        scope: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// Show this audit's results instead of the self-assessment's predicted result
        #[arg(long, value_name = "ID")]
        audit: Option<i64>,
        /// en or de [default: the workspace's language]
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// The generation time written into the report [default: now]
        #[arg(long, value_name = "RFC3339")]
        generated_at: Option<String>,
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
        /// Only mine: owned by this desk's user (the name set in the app's Settings, else
        /// $CSMSDESK_ME, else the database or OS user)
        #[arg(long, conflicts_with = "owner")]
        mine: bool,
        /// due (the default), countdown, kind, what, scope or owner; with --desc, --limit or
        /// --offset it lists one page with the counts of all the filter keeps
        #[arg(long, value_name = "COLUMN")]
        sort: Option<String>,
        /// Sort the other way
        #[arg(long)]
        desc: bool,
        /// At most this many deadlines (0 to 1000; 0 prints the counts alone); --ics still
        /// writes every deadline the filter keeps
        #[arg(long, value_name = "N")]
        limit: Option<u64>,
        /// Skip this many deadlines first
        #[arg(long, value_name = "N")]
        offset: Option<u64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum JournalCommand {
    /// Re-compute the chain; names every entry that was edited, deleted or inserted (exit 1)
    Verify,
}

#[derive(Debug, Subcommand)]
pub enum ShareCommand {
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
    /// Correct a sharing as it was recorded (partner, Participant-ID, level, date)
    Edit {
        /// The sharing's id, as `share list` shows it (#3)
        id: String,
        #[arg(long, value_name = "NAME")]
        partner: Option<String>,
        #[arg(long, value_name = "ID")]
        participant_id: Option<String>,
        /// A, A+labels or A+labels+B
        #[arg(long, value_name = "LEVEL")]
        level: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    /// Delete the record of a sharing entered by mistake. A sharing at ENX cannot be taken
    /// back: this changes only what this workspace records, never what the partner sees
    Remove {
        /// The sharing's id, as `share list` shows it (#3)
        id: String,
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
pub enum CatalogueCommand {
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

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Show the rules in force
    Show,
    /// Change the rules (all of them are checked first; a refusal changes nothing)
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

/// A date argument: `YYYY-MM-DD` within the years a user may enter (parsed before the
/// workspace is open, so the message is in the OS's language).
fn user_date(text: &str) -> Result<NaiveDate, String> {
    csmsdesk_core::dates::parse_date(text)
        .map_err(|m| m.render(Lang::from_locale(sys_locale::get_locale().as_deref())))
}

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// List the members: the database's owner first, then by name
    List,
    /// Add a member (admins only): makes the database user NAME when the server has none,
    /// or gives a member another role
    Add {
        /// The member's database user
        name: String,
        /// What the member may do
        #[arg(long, value_parser = ["viewer", "editor", "admin"])]
        role: String,
        /// Read a new user's password from the first line of standard input (sent to the
        /// server as a SCRAM verifier, never in plain text); without it the user is made
        /// without one, for IT to set
        #[arg(long)]
        password_stdin: bool,
    },
    /// Remove a member (admins only); the database user itself stays
    Remove {
        /// The member's database user
        name: String,
    },
    /// Print the SQL that sets up this database's member roles, for IT departments that
    /// create database users themselves (run as the database's owner)
    Statements,
}
