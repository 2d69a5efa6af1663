//! The use cases of CSMS Desk: what a user can do with a workspace, whichever shell they use.
//!
//! Both the desktop app's Tauri commands and `csmsdesk-cli` call these functions and nothing
//! below them, so the two shells cannot drift apart. Functions take the current time as an
//! argument; only the shells read the clock.

mod audit;
mod backup;
mod catalogue;
mod deadlines;
mod error;
mod evidence;
mod exchange;
pub mod folders;
/// The bodies of the fuzz targets in `fuzz/`, public for them and the corpus replay test.
#[doc(hidden)]
pub mod fuzzing;
mod ids;
mod input;
mod journal;
mod live;
pub mod me;
mod outputs;
mod package;
mod partial;
mod progress;
mod readiness;
mod report;
mod revisions;
mod rules;
mod scan;
mod scope;
mod search;
mod team;
#[cfg(test)]
mod test_support;
pub mod wire;
mod workspace;

pub use audit::{
    ActionInput, ActionPage, ActionPageInput, ActionVerdict, AuditChanges, AuditInput, AuditView,
    DueLimits, FindingInput, FindingPage, FindingPageInput, ProviderImport, ResultInput,
    ScopeLabels,
};
pub use backup::{
    BACKUP_FORMAT, BackupReport, RestoreReport, check_backup, restore_backup, restore_backup_at,
    write_backup, write_backup_at,
};
pub use catalogue::{ImportOutcome, VersionChange};
pub use csmsdesk_store::assessment::AssessmentRecord;
/// The stored shapes of audits, findings and corrective actions.
pub mod audit_records {
    pub use csmsdesk_store::audit::{ActionRecord, AuditRecord, FindingRecord, ResultRecord};
}
pub use csmsdesk_report::Report as ReportModel;
pub use csmsdesk_store::Error as StoreError;
pub use csmsdesk_store::catalogue::{CatalogueRecord, SearchHit};
pub use csmsdesk_store::evidence::VersionRecord;
pub use csmsdesk_store::exchange::{ExportRecord, SharingRecord};
pub use csmsdesk_store::location::LocationRecord;
pub use csmsdesk_store::pg::location::is_postgres_url;
pub use csmsdesk_store::pg::{Location, PasswordSource, PgConfig, PgUrl, Secret};
pub use csmsdesk_store::protection_object::ProtectionObjectRecord;
pub use csmsdesk_store::scope::ScopeRecord;
pub use deadlines::{
    DEFAULT_NOTIFY_DAYS, DeadlinePage, DeadlinePageInput, MAX_WITHIN_DAYS, deadline_filter, digest,
    kind_key,
};
pub use error::{Error, ErrorCode, Invalid, Result};
pub use evidence::{
    AddReport, BulkChange, BulkOutcome, EvidenceBrief, EvidenceInput, EvidencePage,
    EvidencePageInput, EvidencePlan, EvidenceSelection, EvidenceView, FileOutcome, FileResult,
    IngestedFiles, LinkInput, LinkView, MAX_SEARCH_RESULTS, Relocated, RequirementEvidence,
    collect_files,
};
pub use exchange::SharingChanges;
pub use ids::{
    ActionId, AuditId, EvidenceId, FindingId, LinkId, LocationId, Named, ProtectionObjectId,
    ScopeId, SharingId,
};
pub use input::MAX_PAGE_ROWS;
pub use journal::{CheckReport, JournalReport, MAX_PAGE as MAX_JOURNAL_PAGE, problem_message};
pub use live::{LiveEvent, LiveFeed, Presence};
pub use outputs::refuse_inside_workspace;
pub use package::{
    PackageOptions, PackagePlan, PackageReport, PackageWarnings, Unreviewed, VerifyReport,
    Versions, parse_generated_at, verify_package, verify_package_reader,
};
pub use progress::Progress;
pub use readiness::{
    AssessInput, AssessmentChange, AssessmentImport, ChapterStatus, Dashboard, EvidenceFindings,
    QuestionStatus, Readiness, RequirementStatus,
};
pub use report::{
    REPORT_DEADLINE_DAYS, ReportOptions, ReportWritten, report_lang, write_report_file,
};
pub use revisions::{Record, Revisions};
pub use rules::{MAX_NOTIFY_DAYS, MAX_WARNING_DAYS, Rules, RulesInput};
pub use scan::{ScanPlan, ScanReport, ScanResults};
pub use scope::{
    LabelInput, LocationChanges, LocationInput, ProtectionObjectChanges, ProtectionObjectInput,
    Sampling, ScopeChanges, ScopeInput, ScopeQuestion, ScopeView,
};
pub use search::{Found, FoundKind, MAX_PER_KIND};
pub use team::{Member, Role};
pub use workspace::{Workspace, WorkspaceInfo};
