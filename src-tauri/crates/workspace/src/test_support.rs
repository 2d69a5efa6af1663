//! What the use-case tests share: a workspace with the demo catalogue, a location and a
//! scope, and files to add as evidence.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, NaiveDate, TimeZone as _, Utc};

#[allow(unused_imports)] // for the tests that glob-import this module
pub use crate::{
    ActionId, AuditId, EvidenceId, FindingId, LinkId, LocationId, ProtectionObjectId, ScopeId,
};
use crate::{AddReport, EvidenceInput, LinkInput, LocationInput, Progress, ScopeInput, Workspace};

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 30, 0).unwrap()
}

pub fn today() -> NaiveDate {
    now().date_naive()
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn no_progress(_: Progress) {}

pub fn not_cancelled() -> AtomicBool {
    AtomicBool::new(false)
}

/// The engine the tests' workspaces are on: `CSMSDESK_TEST_ENGINE=postgres` (inside
/// `pg_virtualenv`) puts them in databases of the test cluster, else they are folders.
pub const ENGINE_ENV: &str = "CSMSDESK_TEST_ENGINE";

/// A new, empty workspace for a test: the folder `dir`, or with [`ENGINE_ENV`] `postgres` a
/// new database of the `pg_virtualenv` cluster (sorting texts by ICU's root locale, as the
/// store's twin tests do, so that a query that forgets SQLite's order shows). The databases
/// are left to the throwaway cluster's drop. A server the tests were not pointed at (no
/// `PGHOST` and `PGPORT`) is never used.
pub fn new_workspace(dir: &Path) -> Workspace {
    match std::env::var(ENGINE_ENV).as_deref() {
        Ok("postgres") => {
            let location = csmsdesk_store::pg::Location::Postgres(test_database());
            Workspace::create_at(&location, now()).unwrap()
        }
        Ok(other) if !other.is_empty() && other != "sqlite" => {
            panic!("{ENGINE_ENV}={other}: say postgres or sqlite")
        }
        _ => Workspace::create(dir, now()).unwrap(),
    }
}

/// A new database of the test cluster, by its URL.
pub fn test_database() -> csmsdesk_store::pg::PgUrl {
    use csmsdesk_store::pg::{PgConfig, PgUrl, connect};
    use std::sync::atomic::{AtomicUsize, Ordering};
    assert!(
        std::env::var_os("PGHOST").is_some() && std::env::var_os("PGPORT").is_some(),
        "{ENGINE_ENV}=postgres, but PGHOST and PGPORT are not set: run inside pg_virtualenv"
    );
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let name = format!(
        "csmsdesk_ws_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let admin = PgConfig::resolve(&PgUrl::parse("postgresql:///postgres").unwrap()).unwrap();
    connect(&admin)
        .unwrap()
        .batch_execute(&format!(
            "CREATE DATABASE {name} LOCALE_PROVIDER icu ICU_LOCALE 'und' LOCALE 'C.UTF-8' \
             TEMPLATE template0"
        ))
        .unwrap();
    PgUrl::parse(&format!("postgresql:///{name}")).unwrap()
}

/// The setup's scope "ECU": the workspace's first.
pub const ECU: ScopeId = ScopeId(1);
/// The setup's location "Plant Nord": the workspace's first.
pub const PLANT_NORD: LocationId = LocationId(1);

pub struct Setup {
    pub root: tempfile::TempDir,
    pub ws: Workspace,
}

/// A workspace with the demo catalogue, location "Plant Nord" and scope "ECU" (development).
/// On the engine [`ENGINE_ENV`] names.
pub fn setup() -> Setup {
    let root = tempfile::tempdir().unwrap();
    let ws = new_workspace(&root.path().join("ws"));
    populated(root, ws)
}

/// [`setup`] in a folder whatever [`ENGINE_ENV`] says: for the tests of what a folder is
/// (its files, its lock, outputs refused inside it).
pub fn setup_in_folder() -> Setup {
    let root = tempfile::tempdir().unwrap();
    let ws = Workspace::create(&root.path().join("ws"), now()).unwrap();
    populated(root, ws)
}

fn populated(root: tempfile::TempDir, mut ws: Workspace) -> Setup {
    ws.import_demo_catalogue(now()).unwrap();
    let nord = ws
        .add_location(&LocationInput {
            name: "Plant Nord".into(),
            cs_activities: true,
            ..LocationInput::default()
        })
        .unwrap();
    assert_eq!(nord.id, PLANT_NORD.0);
    let ecu = ws
        .add_scope(
            &ScopeInput {
                name: "ECU".into(),
                locations: vec![PLANT_NORD],
                objectives: vec!["development".into()],
                ..ScopeInput::default()
            },
            today(),
        )
        .unwrap();
    assert_eq!(ecu.id, ECU.0);
    std::fs::create_dir(root.path().join("docs")).unwrap();
    Setup { root, ws }
}

impl Setup {
    /// Writes `content` to `docs/<name>` and returns its path.
    pub fn file(&self, name: &str, content: &str) -> PathBuf {
        let path = self.root.path().join("docs").join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, content).unwrap();
        path
    }

    /// Adds `paths` with default details, linked to `targets` (for every scope).
    pub fn add(&mut self, paths: &[&Path], targets: &[&str]) -> AddReport {
        let links = LinkInput {
            targets: targets.iter().map(|t| t.to_string()).collect(),
            ..LinkInput::default()
        };
        let paths: Vec<PathBuf> = paths.iter().map(|p| p.to_path_buf()).collect();
        self.ws
            .add_evidence(
                &paths,
                &EvidenceInput::default(),
                &links,
                now(),
                &no_progress,
                &not_cancelled(),
            )
            .unwrap()
    }

    /// The id of the one evidence item added by `report`.
    pub fn added_id(report: &AddReport) -> i64 {
        let ids: Vec<i64> = report.added().map(|(id, _, _)| id).collect();
        assert_eq!(ids.len(), 1, "{report:?}");
        ids[0]
    }
}

/// The id of the scope named `name` (tests name scopes; the use cases take ids).
pub fn scope_id(ws: &Workspace, name: &str) -> crate::ScopeId {
    ws.scope_names()
        .unwrap()
        .into_iter()
        .find(|n| n.name == name)
        .unwrap_or_else(|| panic!("no scope {name}"))
        .id
}

/// The id of the location named `name`.
pub fn location_id(ws: &Workspace, name: &str) -> crate::LocationId {
    ws.location_names()
        .unwrap()
        .into_iter()
        .find(|n| n.name == name)
        .unwrap_or_else(|| panic!("no location {name}"))
        .id
}

/// The id of protection object `name` of scope `scope`.
pub fn object_id(ws: &Workspace, scope: &str, name: &str) -> crate::ProtectionObjectId {
    ws.protection_object_names(scope_id(ws, scope))
        .unwrap()
        .into_iter()
        .find(|n| n.name == name)
        .unwrap_or_else(|| panic!("no protection object {name}"))
        .id
}
