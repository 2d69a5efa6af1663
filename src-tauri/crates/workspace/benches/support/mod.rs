//! What the benchmarks share: medians in milliseconds, and a workspace with the demo
//! catalogue, a location and a scope with every objective.

use std::path::Path;
use std::time::Duration;

use chrono::Utc;
use csmsdesk_workspace::{LocationId, LocationInput, ScopeInput, Workspace};

pub fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A new workspace in `dir` with the demo catalogue, location "Plant" and scope "ECU" for
/// every objective.
pub fn workspace_with_scope(dir: &Path) -> Workspace {
    let mut ws = Workspace::create(dir, Utc::now()).expect("a workspace");
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
