//! The arguments of `evidence`, and where its links go.

use std::path::PathBuf;

use clap::Subcommand;

/// The filter, order and paging of `evidence list`.
#[derive(Debug, Default, clap::Args)]
pub struct ListArgs {
    /// Only items whose title, source path, file name, owner, type (ID or name) or link
    /// targets contain every word (case ignored)
    #[arg(long, value_name = "WORDS")]
    pub filter: Option<String>,
    /// missing, changed, review-due or current
    #[arg(long, value_name = "STATE")]
    pub state: Option<String>,
    /// A work product (WP-09-02), or `other` for documents without one
    #[arg(long = "type", value_name = "WP-xx-yy")]
    pub work_product: Option<String>,
    /// public, internal, confidential or strictly-confidential
    #[arg(long, value_name = "CLASSIFICATION")]
    pub classification: Option<String>,
    /// Only items linked to nothing
    #[arg(long, conflicts_with = "linked")]
    pub unlinked: bool,
    /// Only items linked to something
    #[arg(long)]
    pub linked: bool,
    /// title (the default), type, owner, classification, review_due, version, state or links
    #[arg(long, value_name = "COLUMN")]
    pub sort: Option<String>,
    /// Sort the other way
    #[arg(long)]
    pub desc: bool,
    /// At most this many items (0 to 1000; 0 prints the counts alone)
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
    /// Skip this many items first
    #[arg(long, value_name = "N")]
    pub offset: Option<u64>,
}

impl ListArgs {
    /// Whether any flag was given: without one, `evidence list` prints every item as always.
    pub fn any(&self) -> bool {
        self.filter.is_some()
            || self.state.is_some()
            || self.work_product.is_some()
            || self.classification.is_some()
            || self.unlinked
            || self.linked
            || self.sort.is_some()
            || self.desc
            || self.limit.is_some()
            || self.offset.is_some()
    }
}

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
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
        /// Add a file even when it has the content of an item whose source is missing
        /// (without this, such a file is not added: relocate that item instead)
        #[arg(long)]
        as_new: bool,
    },
    /// List the evidence items with their state and links; any of the flags below lists one
    /// page of those the filter keeps (all of them without --limit), with the counts
    List(ListArgs),
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
    /// The source of an item moved or was renamed: point the item at PATH, keeping its
    /// versions and links (new content there becomes a new version that needs review)
    Relocate { id: String, path: PathBuf },
    /// Change many items in one go (one transaction): set one field, mark them reviewed,
    /// link them or remove them. The items are the IDs given, or every item the selection
    /// flags keep (`--all` for every item)
    Set(Box<SetArgs>),
    /// Duplicate evidence (same content) and evidence linked to nothing
    Findings,
    /// Find evidence items by words of their title, source path, type or owner (case
    /// ignored; every word must occur), best matches first
    Search {
        /// The words to look for; empty lists the first items by title
        #[arg(default_value = "")]
        text: String,
        /// How many items to show at most (1 to 100)
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
}

/// `evidence set`: which items, and the one change.
#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("change").required(true).multiple(false)
    .args(["work_product", "owner", "classification", "review_due", "reviewed", "links", "remove"]))]
pub struct SetArgs {
    /// The items by id (12 or #12); without IDs, the selection flags choose them
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,
    /// Every item whose title, source path, owner, type or link targets contain every word
    #[arg(long, value_name = "WORDS", conflicts_with = "ids")]
    pub filter: Option<String>,
    /// Every item in this state: missing, changed, review-due or current
    #[arg(long = "in-state", value_name = "STATE", conflicts_with = "ids")]
    pub state: Option<String>,
    /// Every item of this work product (WP-09-02), or `other`
    #[arg(long = "of-type", value_name = "WP-xx-yy", conflicts_with = "ids")]
    pub of_type: Option<String>,
    /// Every item linked to nothing
    #[arg(long, conflicts_with = "ids")]
    pub unlinked: bool,
    /// Every item of the vault
    #[arg(long, conflicts_with_all = ["ids", "filter", "state", "of_type", "unlinked"])]
    pub all: bool,
    /// Set the work product (WP-09-02; `other` or empty for other documents)
    #[arg(long, value_name = "WP-xx-yy")]
    pub work_product: Option<String>,
    /// Set the owner (empty clears it)
    #[arg(long)]
    pub owner: Option<String>,
    /// Set the classification: public, internal, confidential or strictly-confidential
    #[arg(long)]
    pub classification: Option<String>,
    /// Set the review date (empty clears it)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub review_due: Option<String>,
    /// Mark the newest versions reviewed (with --next-review, the next review date)
    #[arg(long)]
    pub reviewed: bool,
    /// With --reviewed: the next review date, after today
    #[arg(
        long,
        value_name = "YYYY-MM-DD",
        default_value = "",
        requires = "reviewed"
    )]
    pub next_review: String,
    /// Link every item to this requirement or control question (repeat for several)
    #[arg(long = "link", value_name = "REQ")]
    pub links: Vec<String>,
    #[command(flatten)]
    pub place: LinkPlaceArgs,
    /// Remove the items with their links (needs --yes)
    #[arg(long)]
    pub remove: bool,
    /// Confirm --remove
    #[arg(long, requires = "remove")]
    pub yes: bool,
}

/// Where links go: one scope (default: every scope) and one of its protection objects.
#[derive(Debug, clap::Args)]
pub struct LinkPlaceArgs {
    /// Link for this scope only [default: every scope]
    #[arg(long, value_name = "NAME", default_value = "")]
    pub scope: String,
    /// Link for this protection object only (needs --scope)
    #[arg(long, value_name = "NAME", default_value = "")]
    pub po: String,
    #[arg(long, default_value = "")]
    pub note: String,
}
