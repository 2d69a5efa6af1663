//! What the use-case tests share: a workspace with the demo catalogue, a location and a
//! scope, and files to add as evidence.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, NaiveDate, TimeZone as _, Utc};

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

pub struct Setup {
    pub root: tempfile::TempDir,
    pub ws: Workspace,
}

/// A workspace with the demo catalogue, location "Plant Nord" and scope "ECU" (development).
pub fn setup() -> Setup {
    let root = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(&root.path().join("ws"), now()).unwrap();
    ws.import_demo_catalogue(now()).unwrap();
    ws.add_location(&LocationInput {
        name: "Plant Nord".into(),
        cs_activities: true,
        ..LocationInput::default()
    })
    .unwrap();
    ws.add_scope(&ScopeInput {
        name: "ECU".into(),
        locations: vec!["Plant Nord".into()],
        objectives: vec!["development".into()],
        ..ScopeInput::default()
    })
    .unwrap();
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
