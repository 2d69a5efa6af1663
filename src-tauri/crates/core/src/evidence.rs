//! Evidence documents as the rules see them: their type (an ISO/SAE 21434 work product or
//! other), their classification, and whether they can still be relied on.

use chrono::NaiveDate;

/// The 42 ISO/SAE 21434 work products, by ID only (the standard's text is not ours to quote).
/// Their short names are in the message catalogue under `wp.<ID>`.
pub const WORK_PRODUCTS: [&str; 42] = [
    "WP-05-01", "WP-05-02", "WP-05-03", "WP-05-04", "WP-05-05", "WP-06-01", "WP-06-02", "WP-06-03",
    "WP-06-04", "WP-07-01", "WP-08-01", "WP-08-02", "WP-08-03", "WP-08-04", "WP-08-05", "WP-08-06",
    "WP-09-01", "WP-09-02", "WP-09-03", "WP-09-04", "WP-09-05", "WP-09-06", "WP-09-07", "WP-10-01",
    "WP-10-02", "WP-10-03", "WP-10-04", "WP-10-05", "WP-10-06", "WP-10-07", "WP-11-01", "WP-12-01",
    "WP-13-01", "WP-14-01", "WP-15-01", "WP-15-02", "WP-15-03", "WP-15-04", "WP-15-05", "WP-15-06",
    "WP-15-07", "WP-15-08",
];

/// The work product ID as listed (`wp-9-2`, `WP-09-02`, `wp 09 02` all give `WP-09-02`).
pub fn work_product(text: &str) -> Option<&'static str> {
    let digits: Vec<u32> = text
        .trim()
        .strip_prefix(['W', 'w'])?
        .strip_prefix(['P', 'p'])?
        .split(['-', ' ', '_'])
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [clause, number] = digits[..] else {
        return None;
    };
    let wanted = format!("WP-{clause:02}-{number:02}");
    WORK_PRODUCTS.into_iter().find(|wp| *wp == wanted)
}

/// How confidential a document is; what a partner package may never contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Classification {
    Public,
    Internal,
    Confidential,
    StrictlyConfidential,
}

impl Classification {
    pub const ALL: [Classification; 4] = [
        Classification::Public,
        Classification::Internal,
        Classification::Confidential,
        Classification::StrictlyConfidential,
    ];

    /// `public`, `internal`, `confidential`, `strictly-confidential`.
    pub fn as_str(self) -> &'static str {
        match self {
            Classification::Public => "public",
            Classification::Internal => "internal",
            Classification::Confidential => "confidential",
            Classification::StrictlyConfidential => "strictly-confidential",
        }
    }

    pub fn parse(text: &str) -> Option<Classification> {
        let folded = text.trim().to_lowercase().replace([' ', '_'], "-");
        Classification::ALL
            .into_iter()
            .find(|c| c.as_str() == folded)
    }
}

/// Whether an evidence item can be relied on today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EvidenceState {
    /// Its source is unchanged since someone last looked at it, and its review is not due.
    Current,
    /// Its source changed: the new version has not been reviewed yet.
    Changed,
    /// Its review date has passed.
    ReviewDue,
    /// Its source is gone; the vault copy remains (and is still exported), but nobody can say
    /// whether it is still what the company does.
    Missing,
}

impl EvidenceState {
    /// Every state, most urgent first (the precedence [`evidence_state`] applies): the order in
    /// which lists offer and sort them.
    pub const ALL: [EvidenceState; 4] = [
        EvidenceState::Missing,
        EvidenceState::Changed,
        EvidenceState::ReviewDue,
        EvidenceState::Current,
    ];

    /// `current`, `changed`, `review-due`, `missing`.
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceState::Current => "current",
            EvidenceState::Changed => "changed",
            EvidenceState::ReviewDue => "review-due",
            EvidenceState::Missing => "missing",
        }
    }

    /// Whether a requirement may count this evidence as covering it.
    pub fn is_current(self) -> bool {
        self == EvidenceState::Current
    }
}

/// The columns a list of evidence items can be sorted by (the vault table's headers). Items
/// without a type, owner or review date come last by that column in either direction; ties go
/// by id.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum EvidenceColumn {
    /// The title, in people's order (`order::natural_cmp`).
    #[default]
    Title,
    /// The work product ID.
    Type,
    Owner,
    /// Most open first ([`Classification::ALL`]).
    Classification,
    ReviewDue,
    /// The newest version's number.
    Version,
    /// Most urgent first ([`EvidenceState::ALL`]), on the day asked about.
    State,
    /// How many links the item has.
    Links,
}

impl EvidenceColumn {
    pub const ALL: [EvidenceColumn; 8] = [
        EvidenceColumn::Title,
        EvidenceColumn::Type,
        EvidenceColumn::Owner,
        EvidenceColumn::Classification,
        EvidenceColumn::ReviewDue,
        EvidenceColumn::Version,
        EvidenceColumn::State,
        EvidenceColumn::Links,
    ];

    /// `title`, `type`, `owner`, `classification`, `review_due`, `version`, `state`, `links`.
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceColumn::Title => "title",
            EvidenceColumn::Type => "type",
            EvidenceColumn::Owner => "owner",
            EvidenceColumn::Classification => "classification",
            EvidenceColumn::ReviewDue => "review_due",
            EvidenceColumn::Version => "version",
            EvidenceColumn::State => "state",
            EvidenceColumn::Links => "links",
        }
    }

    /// The column named `text` (case ignored; `review-due` as well as `review_due`).
    pub fn parse(text: &str) -> Option<EvidenceColumn> {
        let text = text.trim().to_ascii_lowercase().replace('-', "_");
        EvidenceColumn::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// What the workspace knows about one evidence item's freshness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvidenceFacts {
    /// The last scan did not find its source file.
    pub source_missing: bool,
    /// Its latest version is the one someone reviewed (or added by hand).
    pub latest_reviewed: bool,
    pub review_due: Option<NaiveDate>,
}

/// The state of an evidence item on `today`. A missing source outweighs an unreviewed change,
/// which outweighs a due review: the first is the one to act on. A review is due from the
/// review date on.
pub fn evidence_state(facts: EvidenceFacts, today: NaiveDate) -> EvidenceState {
    if facts.source_missing {
        EvidenceState::Missing
    } else if !facts.latest_reviewed {
        EvidenceState::Changed
    } else if facts.review_due.is_some_and(|due| due <= today) {
        EvidenceState::ReviewDue
    } else {
        EvidenceState::Current
    }
}

/// Whether `next` may be the next review date of an item marked reviewed on `today`: a date
/// on or before today would make the item due for review the moment it is reviewed, so only
/// a later date is accepted (no date at all means no further review is planned).
pub fn next_review_accepted(next: NaiveDate, today: NaiveDate) -> bool {
    next > today
}

/// The IDs of `targets` that are not in `known`, each once, in the order typed: a link
/// request names every unknown ID at once, not only the last.
pub fn unknown_targets(targets: &[String], known: impl Fn(&str) -> bool) -> Vec<&str> {
    let mut unknown: Vec<&str> = Vec::new();
    for target in targets {
        if !known(target) && !unknown.contains(&target.as_str()) {
            unknown.push(target);
        }
    }
    unknown
}

#[cfg(test)]
mod tests;
