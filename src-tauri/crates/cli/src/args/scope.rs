//! The arguments of `location`, `scope` and `po` (protection objects).

use chrono::NaiveDate;
use clap::Subcommand;

use super::user_date;

#[derive(Debug, Subcommand)]
pub enum LocationCommand {
    /// Add a location
    Add {
        name: String,
        /// The location's TISAX Scope-ID
        #[arg(long, value_name = "ID")]
        tisax_scope: Option<String>,
        /// A TISAX label: name or slug, assessment level, expiry (strictly-confidential:3:2027-05-31)
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
    /// Correct a location: its details, and labels removed (entered by mistake) or added.
    /// To correct a label, remove it and add it as it should be
    Edit {
        name: String,
        /// A new name
        #[arg(long = "name", value_name = "NAME")]
        new_name: Option<String>,
        #[arg(long, value_name = "ID")]
        tisax_scope: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        notes: Option<String>,
        /// Whether it performs cybersecurity activities for the CSMS
        #[arg(long, value_name = "true|false")]
        cs_activities: Option<bool>,
        /// A label to remove: LABEL, or LABEL:EXPIRES when it holds several of that name
        #[arg(long, value_name = "LABEL[:EXPIRES]")]
        remove_label: Vec<String>,
        /// A label to add: LABEL:LEVEL:EXPIRES (the level may be left empty: data::2028-01-31)
        #[arg(long, value_name = "LABEL:LEVEL:EXPIRES")]
        add_label: Vec<String>,
    },
    /// Delete a location that no scope uses; one a scope uses is refused with the scopes
    /// named: take it out of them first (`scope edit SCOPE --location ...`)
    Remove { name: String },
}

#[derive(Debug, Subcommand)]
pub enum ScopeCommand {
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
    /// Change a scope's name, ENX Scope-ID, objectives, locations, planned audit date or
    /// provider (what is not given stays)
    #[command(alias = "set")]
    Edit {
        name: String,
        /// A new name
        #[arg(long = "name", value_name = "NAME")]
        new_name: Option<String>,
        /// The scope's objectives (repeat for several; replaces the list)
        #[arg(long, value_name = "OBJECTIVE")]
        objective: Vec<String>,
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
pub enum PoCommand {
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
    /// Change a protection object (what is not given stays)
    Edit {
        name: String,
        #[arg(long, value_name = "NAME")]
        scope: String,
        /// A new name
        #[arg(long = "name", value_name = "NAME")]
        new_name: Option<String>,
        #[arg(long)]
        item: Option<String>,
        #[arg(long)]
        customer: Option<String>,
        /// The partner's Participant-ID (empty clears it)
        #[arg(long, value_name = "ID")]
        partner: Option<String>,
        #[arg(long, value_name = "true|false")]
        confidentiality: Option<bool>,
        #[arg(long, value_name = "true|false")]
        integrity: Option<bool>,
        #[arg(long, value_name = "true|false")]
        availability: Option<bool>,
        #[arg(long)]
        phases: Option<String>,
        /// Objectives it is relevant to (repeat for several; replaces the list)
        #[arg(long, value_name = "OBJECTIVE")]
        objective: Vec<String>,
        /// Its locations (repeat for several; replaces the list)
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
