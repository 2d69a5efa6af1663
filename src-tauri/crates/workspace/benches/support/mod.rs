//! What the benchmarks share: medians in milliseconds, the engines a run measures, and a
//! workspace with the demo catalogue, a location and a scope with every objective.

#![allow(dead_code)] // each bench uses a part

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Utc;
use csmsdesk_store::Db;
use csmsdesk_store::pg::{Location, PgConfig, PgUrl};
use csmsdesk_workspace::{LocationId, LocationInput, ScopeInput, Workspace};

pub fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The engines a run measures: `CSMSDESK_BENCH_ENGINES`, a comma-separated list of `sqlite`
/// and `postgres` (default `sqlite`). `postgres` makes its workspaces as databases of the
/// `pg_virtualenv` cluster (`cargo xtask bench evidence|pages|package` runs inside one with
/// `sqlite,postgres`, so that both engines are measured on the same data in the same run).
pub const ENGINES_ENV: &str = "CSMSDESK_BENCH_ENGINES";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "SQLite",
            Engine::Postgres => "PostgreSQL",
        }
    }

    /// The engines [`ENGINES_ENV`] names, in its order.
    pub fn from_env() -> Vec<Engine> {
        let text = std::env::var(ENGINES_ENV).unwrap_or_default();
        let mut engines = Vec::new();
        for word in text.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            let engine = match word {
                "sqlite" => Engine::Sqlite,
                "postgres" | "postgresql" => Engine::Postgres,
                other => panic!("{ENGINES_ENV}: {other:?} is no engine; say sqlite or postgres"),
            };
            if !engines.contains(&engine) {
                engines.push(engine);
            }
        }
        if engines.is_empty() {
            engines.push(Engine::Sqlite);
        }
        if engines.contains(&Engine::Postgres) {
            assert!(
                std::env::var_os("PGHOST").is_some() && std::env::var_os("PGPORT").is_some(),
                "{ENGINES_ENV} names postgres, but PGHOST and PGPORT are not set: run inside \
                 pg_virtualenv (cargo xtask bench does)"
            );
        }
        engines
    }

    /// Where a new workspace of this engine goes: the folder `dir`, or a new database of
    /// the test cluster (as the workspace tests make theirs: ICU's root locale).
    pub fn location(self, dir: &Path) -> Location {
        match self {
            Engine::Sqlite => Location::Folder(dir.to_owned()),
            Engine::Postgres => Location::Postgres(new_database()),
        }
    }
}

/// A new database of the cluster `PGHOST`/`PGPORT` name, by its URL. Left to the throwaway
/// cluster's drop.
fn new_database() -> PgUrl {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let name = format!(
        "csmsdesk_bench_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let admin = PgConfig::resolve(&PgUrl::parse("postgresql:///postgres").expect("a URL"))
        .expect("the cluster's settings");
    csmsdesk_store::pg::connect(&admin)
        .expect("the cluster")
        .batch_execute(&format!(
            "CREATE DATABASE {name} LOCALE_PROVIDER icu ICU_LOCALE 'und' LOCALE 'C.UTF-8' \
             TEMPLATE template0"
        ))
        .expect("a database");
    PgUrl::parse(&format!("postgresql:///{name}")).expect("a URL")
}

/// The store's database of the workspace at `location`, for writing generated rows.
pub fn open_db(location: &Location) -> Db {
    match location {
        Location::Folder(dir) => Db::open(&dir.join("workspace.sqlite")).expect("the database"),
        Location::Postgres(url) => {
            Db::open_pg(&PgConfig::resolve(url).expect("the settings")).expect("the database")
        }
    }
}

/// What the CLI's `--workspace` takes for `location`.
pub fn cli_arg(location: &Location) -> std::ffi::OsString {
    match location {
        Location::Folder(dir) => dir.as_os_str().to_owned(),
        Location::Postgres(url) => url.to_string().into(),
    }
}

pub fn open(location: &Location) -> Workspace {
    Workspace::open_at(location, Utc::now()).expect("the workspace")
}

/// A new workspace in `dir` with the demo catalogue, location "Plant" and scope "ECU" for
/// every objective.
pub fn workspace_with_scope(dir: &Path) -> Workspace {
    workspace_with_scope_at(&Location::Folder(PathBuf::from(dir)))
}

/// [`workspace_with_scope`] at `location`: a folder or a database.
pub fn workspace_with_scope_at(location: &Location) -> Workspace {
    let mut ws = Workspace::create_at(location, Utc::now()).expect("a workspace");
    ws.import_demo_catalogue(Utc::now())
        .expect("the demo catalogue");
    let plant = ws
        .add_location(&LocationInput {
            name: "Plant".into(),
            cs_activities: true,
            ..LocationInput::default()
        })
        .expect("a location");
    ws.add_scope(
        &ScopeInput {
            name: "ECU".into(),
            locations: vec![LocationId(plant.id)],
            objectives: vec![
                "development".into(),
                "production".into(),
                "operations-maintenance".into(),
            ],
            ..ScopeInput::default()
        },
        Utc::now().date_naive(),
    )
    .expect("a scope");
    ws
}
