//! The screens-at-scale benchmark of issue 15, run by `cargo xtask bench ui` (a bench target
//! without the test harness: `cargo bench --bench ui --profile dev`; `cargo test` leaves it
//! out).
//!
//! For each workspace size (by default 50 and 20,000 evidence items, `scale_data.rs`) it
//! opens the real app (of the profile it was built in: the debug build, as the issue
//! measures, when run by xtask) under Xvfb through tauri-driver, as the end-to-end suite
//! does, and times every screen of the issue from the click (or link) until its content is
//! painted (`scale_screens.rs`): the median of several visits, each from the Settings screen,
//! with the resident memory of WebKit's web process after the visits and its peak while
//! waiting. A screen that takes longer than the patience is reported as a timeout, and one
//! that drives the webview beyond the memory cap as such; either way the app is started again
//! for the next screen rather than the run ending.
//!
//! Settings, read from the environment (`cargo xtask bench ui` sets them from its options):
//! - `CSMSDESK_BENCH_SIZES`: comma-separated item counts (default `50,20000`);
//! - `CSMSDESK_BENCH_REPS`: visits per screen (default 3);
//! - `CSMSDESK_BENCH_TIMEOUT_S`: patience per visit (default 120);
//! - `CSMSDESK_BENCH_RSS_CAP_MIB`: the webview's memory cap (default: half the memory
//!   available at the start, so that the machine survives the screens that never stop);
//! - `CSMSDESK_BENCH_CATALOGUE`: a catalogue workbook to use instead of the demo catalogue;
//! - `CSMSDESK_CLI`: the `csmsdesk-cli` that builds the workspaces.
//!
//! The report goes to stdout and to `target/bench-ui/report.txt`, screenshots of the last
//! visit of each screen to `target/bench-ui/screens/`.

// The harness and the screens are shared with the end-to-end suite, which uses the rest.
#[allow(dead_code, reason = "shared with the end-to-end suite")]
mod scale_data;
#[allow(dead_code, reason = "shared with the end-to-end suite")]
mod scale_screens;
#[allow(dead_code, reason = "shared with the end-to-end suite")]
mod support;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use scale_data::{Catalogue, Generated, Scale};
use scale_screens::{
    DASHBOARD, LATER_SCREENS, Measured, NEUTRAL, Outcome, Patience, Screen, VAULT, mib, seconds,
    webview_rss_kib,
};
use support::{App, Desktop, all_app_processes};

/// What to measure, from the environment (see the module comment).
#[derive(Debug)]
struct Config {
    sizes: Vec<usize>,
    reps: usize,
    patience: Patience,
    catalogue: Catalogue,
    out: PathBuf,
}

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(text) => text
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a whole number, not {text:?}")),
        Err(_) => default,
    }
}

/// `MemAvailable` of `/proc/meminfo`, in KiB.
fn memory_available_kib() -> u64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("MemAvailable:"))
                .and_then(|v| v.split_whitespace().next()?.parse().ok())
        })
        .unwrap_or(8 * 1024 * 1024)
}

impl Config {
    fn from_env() -> Config {
        let sizes = std::env::var("CSMSDESK_BENCH_SIZES")
            .unwrap_or_else(|_| "50,20000".to_owned())
            .split(',')
            .map(|s| {
                s.trim()
                    .parse()
                    .unwrap_or_else(|_| panic!("CSMSDESK_BENCH_SIZES: {s:?} is not a number"))
            })
            .collect();
        let cap_kib = match std::env::var("CSMSDESK_BENCH_RSS_CAP_MIB") {
            Ok(_) => env_number("CSMSDESK_BENCH_RSS_CAP_MIB", 0) * 1024,
            Err(_) => memory_available_kib() / 2,
        };
        let catalogue = match std::env::var_os("CSMSDESK_BENCH_CATALOGUE") {
            Some(path) if !path.is_empty() => Catalogue::Workbook(path.into()),
            _ => Catalogue::Demo,
        };
        Config {
            sizes,
            reps: env_number("CSMSDESK_BENCH_REPS", 3).max(1) as usize,
            patience: Patience {
                timeout: Duration::from_secs(env_number("CSMSDESK_BENCH_TIMEOUT_S", 120)),
                rss_cap_kib: (cap_kib > 0).then_some(cap_kib),
            },
            catalogue,
            out: target_dir().join("bench-ui"),
        }
    }
}

/// The target folder this benchmark was built into.
fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .to_owned()
}

/// One line of the report for one workspace: every visit and the webview afterwards.
#[derive(Debug, Default)]
struct Row {
    runs: Vec<Measured>,
    /// The webview's resident memory after the visits (KiB), if the app still ran.
    rss_after_kib: Option<u64>,
}

impl Row {
    /// The median of the visits that showed their content.
    fn median(&self) -> Option<Duration> {
        let mut times: Vec<Duration> = self.runs.iter().filter_map(|m| m.outcome.shown()).collect();
        times.sort();
        let n = times.len();
        match n {
            0 => None,
            _ if n % 2 == 1 => Some(times[n / 2]),
            _ => Some((times[n / 2 - 1] + times[n / 2]) / 2),
        }
    }

    /// How the first visit that did not show ended (the last one made: a visit that does
    /// not show stops the line).
    fn failure(&self) -> Option<&Outcome> {
        self.runs
            .iter()
            .map(|m| &m.outcome)
            .find(|o| o.shown().is_none())
    }

    /// The report's cell: the median, and what ended the visits early if one did not show.
    fn cell(&self) -> String {
        let shown = self
            .runs
            .iter()
            .filter(|m| m.outcome.shown().is_some())
            .count();
        match (self.median(), self.failure()) {
            (Some(median), None) => seconds(median),
            (Some(median), Some(failure)) => format!(
                "{} ({shown} of {}), then {failure}",
                seconds(median),
                self.runs.len()
            ),
            (None, Some(failure)) => failure.to_string(),
            (None, None) => "–".to_owned(),
        }
    }

    fn peak_kib(&self) -> u64 {
        self.runs.iter().map(|m| m.peak_rss_kib).max().unwrap_or(0)
    }
}

/// Everything measured on one workspace.
#[derive(Debug)]
struct Column {
    generated: Generated,
    rows: Vec<Row>,
    /// What happened besides the measurements (restarts, screens that did not show).
    notes: Vec<String>,
}

/// The app on a fresh copy of the workspace, on its own virtual display.
struct Session {
    // Dropped before the desktop: the WebDriver session first, then the processes.
    app: App,
    desktop: Desktop,
}

impl Session {
    /// Starts the app on a copy of `generated` and measures until the dashboard is painted.
    async fn start(config: &Config, generated: &Generated) -> (Session, Measured) {
        let desktop = Desktop::start();
        let workspace = desktop.home.path().join("csms");
        scale_data::copy_workspace(&generated.workspace, &workspace);
        let app = desktop
            .launch_within(
                &["--workspace", workspace.to_str().unwrap()],
                config.patience.timeout,
            )
            .await;
        scale_screens::allow_long_scripts(&app, &config.patience)
            .await
            .expect("WebDriver takes the script timeout");
        let started = support::app_started(desktop.home.path()).unwrap_or(app.started);
        let measured = scale_screens::dashboard_after_start(&app, started, &config.patience).await;
        (Session { app, desktop }, measured)
    }

    /// Ends the app, its WebKit processes, the driver and the display; processes of the
    /// session that outlive that (a web process spinning on its own) are killed by their ids.
    fn stop(self) {
        let group = self.desktop.process_group();
        let pids: Vec<u32> = all_app_processes()
            .iter()
            .map(|p| p.pid)
            .filter(|pid| process_group_of(*pid) == Some(group))
            .collect();
        let Session { app, desktop } = self;
        drop(app);
        drop(desktop);
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(5) {
            if pids
                .iter()
                .all(|pid| !Path::new(&format!("/proc/{pid}")).exists())
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        for pid in pids {
            if Path::new(&format!("/proc/{pid}")).exists() {
                let _ = Command::new("kill")
                    .args(["-KILL", &pid.to_string()])
                    .status();
            }
        }
    }
}

/// The process group of process `pid` (the fifth field of `/proc/PID/stat`, after the
/// command name in parentheses).
fn process_group_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 1..];
    after_name.split_whitespace().nth(2)?.parse().ok()
}

/// What one line of the report measures, after "start to dashboard".
#[derive(Debug, Clone, Copy)]
enum Action {
    /// Opening a screen, from Settings each time.
    Open(Screen),
    /// Typing `VAULT_FILTER` into the open vault (then emptying it again, unmeasured).
    FilterVault,
    /// Sorting the open vault by title, the other way each time.
    SortVault,
}

impl Action {
    /// The screen that must be open before the first time (the vault's own actions).
    fn needs(self) -> Option<Screen> {
        match self {
            Action::Open(_) => None,
            Action::FilterVault | Action::SortVault => Some(VAULT),
        }
    }

    async fn measure(self, app: &App, patience: &Patience) -> Measured {
        match self {
            Action::Open(screen) => scale_screens::open(app, &screen, patience).await,
            Action::SortVault => scale_screens::sort_vault_by_title(app, patience).await,
            Action::FilterVault => {
                let typed = scale_screens::type_vault_filter(app, patience).await;
                if typed.outcome.shown().is_none() {
                    return typed;
                }
                let cleared = scale_screens::clear_vault_filter(app, patience).await;
                if cleared.outcome.shown().is_none() {
                    return Measured {
                        outcome: Outcome::Failed(format!(
                            "the filter could not be emptied again ({})",
                            cleared.outcome
                        )),
                        peak_rss_kib: typed.peak_rss_kib.max(cleared.peak_rss_kib),
                    };
                }
                Measured {
                    outcome: typed.outcome,
                    peak_rss_kib: typed.peak_rss_kib.max(cleared.peak_rss_kib),
                }
            }
        }
    }
}

/// The first line of the report.
const START: &str = "start to dashboard";

/// The report's other lines, in the order.
fn lines() -> Vec<(&'static str, Action)> {
    let mut lines = vec![
        (DASHBOARD.name, Action::Open(DASHBOARD)),
        (VAULT.name, Action::Open(VAULT)),
        ("vault: type a filter", Action::FilterVault),
        ("vault: sort by title", Action::SortVault),
    ];
    lines.extend(LATER_SCREENS.iter().map(|s| (s.name, Action::Open(*s))));
    lines
}

/// Measures `action` `config.reps` times on the running app (started again if an earlier
/// line stopped it). The app is stopped when a visit does not show, so that the next line
/// does not inherit a page that is still busy.
async fn measure_line(
    config: &Config,
    generated: &Generated,
    session: &mut Option<Session>,
    notes: &mut Vec<String>,
    (name, action): (&str, Action),
) -> Row {
    let patience = &config.patience;
    let mut row = Row::default();
    if session.is_none() {
        notes.push(format!("app started again before {name}"));
        *session = Some(Session::start(config, generated).await.0);
    }
    let app = &session.as_ref().expect("started above").app;
    let mut alive = true;
    if let Some(screen) = action.needs() {
        for step in [NEUTRAL, screen] {
            let opened = scale_screens::open(app, &step, patience).await;
            if opened.outcome.shown().is_none() {
                notes.push(format!(
                    "{name}: not measured, {} did not show first ({})",
                    step.name, opened.outcome
                ));
                row.runs.push(opened);
                alive = false;
                break;
            }
        }
    }
    for _ in 0..config.reps {
        if !alive {
            break;
        }
        if let Action::Open(_) = action {
            let neutral = scale_screens::open(app, &NEUTRAL, patience).await;
            if neutral.outcome.shown().is_none() {
                notes.push(format!(
                    "{name}: Settings did not show before the visit ({}): the work of an \
                     earlier screen went on",
                    neutral.outcome
                ));
                alive = false;
                break;
            }
        }
        let measured = action.measure(app, patience).await;
        eprintln!(
            "  [{} items] {name}: {} (webview {}, peak {})",
            generated.scale.items,
            measured.outcome,
            mib(webview_rss_kib()),
            mib(measured.peak_rss_kib)
        );
        alive = measured.outcome.shown().is_some();
        row.runs.push(measured);
    }
    if alive {
        row.rss_after_kib = Some(webview_rss_kib());
        // "Audits (detail, findings, actions)" → "audits-detail-findings-actions".
        let key = name
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
            .join("-");
        let shot = config
            .out
            .join("screens")
            .join(format!("{}-{key}.png", generated.scale.items));
        if let Ok(png) = app.client.screenshot().await {
            let _ = std::fs::write(shot, png);
        }
    } else {
        notes.push(format!("app stopped after {name}"));
        if let Some(stopped) = session.take() {
            stopped.stop();
        }
    }
    row
}

async fn measure_workspace(config: &Config, generated: Generated) -> Column {
    let items = generated.scale.items;
    eprintln!("\n== {items} items: {}", generated.scale);
    let mut notes = Vec::new();
    let mut rows = Vec::new();

    // Start to dashboard: a fresh app on a fresh copy each time.
    let mut start = Row::default();
    let mut session = None;
    for rep in 0..config.reps {
        if let Some(old) = session.take() {
            Session::stop(old);
        }
        let (started, measured) = Session::start(config, &generated).await;
        eprintln!(
            "  [{items} items] {START}: {} (webview {})",
            measured.outcome,
            mib(webview_rss_kib())
        );
        let failed = measured.outcome.shown().is_none();
        start.runs.push(measured);
        if failed {
            // The next line starts the app again rather than inherit a busy page.
            notes.push(format!("start {}: the dashboard did not show", rep + 1));
            started.stop();
            break;
        }
        start.rss_after_kib = Some(webview_rss_kib());
        session = Some(started);
    }
    rows.push(start);

    for line in lines() {
        rows.push(measure_line(config, &generated, &mut session, &mut notes, line).await);
    }
    if let Some(done) = session.take() {
        done.stop();
    }
    Column {
        generated,
        rows,
        notes,
    }
}

fn report(config: &Config, columns: &[Column], generation: &[String]) -> String {
    let mut out = String::new();
    let catalogue = match &config.catalogue {
        Catalogue::Demo => "the project's demo catalogue (ENX layout and counts)".to_owned(),
        Catalogue::Workbook(path) => format!("{}", path.display()),
    };
    let _ = writeln!(
        out,
        "Screens at scale (issue 15): the {} app under Xvfb, time from the click or link \
         (for the start: from the app's process start, as the kernel records it) until the \
         screen's content is painted, median of {} visits; webview = resident \
         memory of WebKitWebProcess after the visits (peak = largest while waiting).",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        config.reps
    );
    let _ = writeln!(out, "catalogue: {catalogue}");
    for column in columns {
        let _ = writeln!(out, "workspace: {}", column.generated.scale);
    }
    for line in generation {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(
        out,
        "patience per visit: {:.0} s; webview memory cap: {}",
        config.patience.timeout.as_secs_f64(),
        config
            .patience
            .rss_cap_kib
            .map(mib)
            .unwrap_or_else(|| "none".to_owned())
    );
    let _ = writeln!(out);

    let label = |c: &Column| format!("{} items", c.generated.scale.items);
    let mut header = vec!["screen".to_owned()];
    header.extend(columns.iter().map(label));
    if columns.len() > 1 {
        header.push("ratio".to_owned());
    }
    header.extend(columns.iter().map(|c| format!("webview ({})", label(c))));
    if let Some(last) = columns.last() {
        header.push(format!("peak ({})", label(last)));
    }
    let mut table = vec![header];
    let names: Vec<&str> = std::iter::once(START)
        .chain(lines().into_iter().map(|(name, _)| name))
        .collect();
    for (i, name) in names.iter().enumerate() {
        let mut cells = vec![(*name).to_owned()];
        let rows: Vec<Option<&Row>> = columns.iter().map(|c| c.rows.get(i)).collect();
        for row in &rows {
            cells.push(row.map(Row::cell).unwrap_or_else(|| "–".to_owned()));
        }
        if columns.len() > 1 {
            let first = rows.first().copied().flatten().and_then(Row::median);
            let last = rows.last().copied().flatten().and_then(Row::median);
            cells.push(match (first, last) {
                (Some(a), Some(b)) if a.as_secs_f64() > 0.0 => {
                    let ratio = b.as_secs_f64() / a.as_secs_f64();
                    if ratio < 10.0 {
                        format!("{ratio:.1}×")
                    } else {
                        format!("{ratio:.0}×")
                    }
                }
                _ => "–".to_owned(),
            });
        }
        for column in columns {
            cells.push(
                column
                    .rows
                    .get(i)
                    .and_then(|r| r.rss_after_kib)
                    .map(mib)
                    .unwrap_or_else(|| "(stopped)".to_owned()),
            );
        }
        if let Some(last) = columns.last() {
            cells.push(
                last.rows
                    .get(i)
                    .map(|r| mib(r.peak_kib()))
                    .unwrap_or_default(),
            );
        }
        table.push(cells);
    }
    let widths: Vec<usize> = (0..table[0].len())
        .map(|c| {
            table
                .iter()
                .map(|r| r[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for (n, cells) in table.iter().enumerate() {
        let line: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        let _ = writeln!(out, "| {} |", line.join(" | "));
        if n == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            let _ = writeln!(out, "|-{}-|", rule.join("-|-"));
        }
    }

    let _ = writeln!(out, "\nEvery visit:");
    for column in columns {
        for (i, name) in names.iter().enumerate() {
            let Some(row) = column.rows.get(i) else {
                continue;
            };
            let runs: Vec<String> = row.runs.iter().map(|m| m.outcome.to_string()).collect();
            let _ = writeln!(
                out,
                "  {:>6} items  {name}: {}",
                column.generated.scale.items,
                runs.join(", ")
            );
        }
        for note in &column.notes {
            let _ = writeln!(
                out,
                "  {:>6} items  note: {note}",
                column.generated.scale.items
            );
        }
    }
    out
}

fn main() {
    let config = Config::from_env();
    std::fs::create_dir_all(config.out.join("screens")).unwrap();
    let cli = scale_data::cli_binary();
    let cache = config.out.join("workspaces");
    let mut generation = Vec::new();
    let generated: Vec<Generated> = config
        .sizes
        .iter()
        .map(|&items| {
            let scale = Scale::of(items);
            eprintln!("== the workspace with {scale}");
            let generated = scale_data::cached(&cli, &cache, scale, &config.catalogue);
            let line = match generated.took {
                Some(took) => format!("generated {items} items in {}", seconds(took)),
                None => format!("{items} items: reused {}", generated.workspace.display()),
            };
            eprintln!("   {line}");
            generation.push(line);
            generated
        })
        .collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let columns: Vec<Column> = generated
        .into_iter()
        .map(|g| runtime.block_on(measure_workspace(&config, g)))
        .collect();
    let text = report(&config, &columns, &generation);
    println!("\n{text}");
    let path = config.out.join("report.txt");
    std::fs::write(&path, &text).unwrap();
    eprintln!("report saved to {}", path.display());
}
