//! The screens of issue 15 ("Screens at scale"), how to open each and how to tell it has
//! shown its content, and a stopwatch from an action to that content being painted. Shared by
//! the end-to-end test on a middle-sized workspace (`scale.rs`) and the benchmark
//! (`bench_ui.rs`, run by `cargo xtask bench ui`).
//!
//! "Shown" means: every selector of the screen matches (its first real content, not a
//! loading line), then one animation frame has passed, so the frame that holds it has been
//! painted. The action (a click, a link, keys typed) and the wait both happen inside the page
//! (a check per animation frame), timed by the page's own clock: the time is the app's, from
//! the user's event to the painted frame, with the resolution of a frame and without
//! WebDriver's round trips. Only "start to dashboard" is timed from outside, from the app's
//! process start.
//!
//! The selectors name what the issue measures; a screen that is redesigned must keep them
//! (or change them here) so that the before and after figures measure the same thing.

use std::time::{Duration, Instant};

use fantoccini::error::CmdError;
use fantoccini::wd::TimeoutConfiguration;
use serde_json::{Value, json};

use crate::support::{App, all_app_processes};

/// How a screen is reached.
#[derive(Debug, Clone, Copy)]
pub enum Open {
    /// A click on the navigation entry `[data-nav=NAME]`.
    Nav(&'static str),
    /// A link inside the app: the location hash is set, as following a link does.
    Hash(&'static str),
}

/// A screen and the selectors that all match once it shows its content.
#[derive(Debug, Clone, Copy)]
pub struct Screen {
    /// What the report calls it.
    pub name: &'static str,
    /// A file-name-safe name for screenshots and metrics.
    pub key: &'static str,
    pub open: Open,
    pub content: &'static [&'static str],
}

/// The dashboard with the readiness of the scope, the evidence step ticked (it needs the
/// evidence) and the next deadlines listed.
pub const DASHBOARD_CONTENT: &[&str] = &[
    "[data-view='dashboard'] .readiness-panel .readiness-percent",
    "[data-view='dashboard'] #step-evidence.done",
    "[data-view='dashboard'] .next-deadlines [data-deadline-key]",
];

/// Where the benchmark goes between two visits, so that each visit starts from a screen that
/// shares nothing with the one measured. Settings loads nothing at scale.
pub const NEUTRAL: Screen = Screen {
    name: "Settings",
    key: "settings",
    open: Open::Nav("settings"),
    content: &["[data-view='settings'] #workspace-current"],
};

pub const DASHBOARD: Screen = Screen {
    name: "Dashboard",
    key: "dashboard",
    open: Open::Nav("dashboard"),
    content: DASHBOARD_CONTENT,
};

pub const VAULT: Screen = Screen {
    name: "Evidence vault",
    key: "vault",
    open: Open::Nav("evidence"),
    content: &[
        "[data-view='evidence'] #evidence-tab-panel[data-tab='vault'] #evidence-table tbody tr[data-evidence-id]",
    ],
};

/// The screens after the vault, in the order.
pub const LATER_SCREENS: [Screen; 6] = [
    Screen {
        name: "Requirements & self-assessment",
        key: "requirements",
        open: Open::Hash("#/evidence?tab=requirements"),
        content: &[
            "[data-view='evidence'] #evidence-tab-panel[data-tab='requirements'] #mapping-questions [data-requirement]",
        ],
    },
    Screen {
        name: "Audits (detail, findings, actions)",
        key: "audits",
        open: Open::Nav("audits"),
        content: &[
            "[data-view='audits'] #audit-detail .finding[data-finding-id]",
            "[data-view='audits'] #audit-detail .action[data-action-id]",
        ],
    },
    Screen {
        name: "Deadlines",
        key: "deadlines",
        open: Open::Nav("deadlines"),
        content: &["[data-view='deadlines'] #deadlines-table tbody tr"],
    },
    Screen {
        name: "Catalogue",
        key: "catalogue",
        open: Open::Nav("catalogue"),
        content: &["[data-view='catalogue'] #catalogue-tree .qid"],
    },
    Screen {
        name: "History",
        key: "history",
        open: Open::Nav("history"),
        content: &["[data-view='history'] #history-table tbody tr"],
    },
    Screen {
        name: "Export",
        key: "export",
        open: Open::Nav("export"),
        content: &["[data-view='export'] #export-summary strong"],
    },
];

/// What is typed into the vault's filter: one item in ten is named after it
/// (`scale_data::STEMS`).
pub const VAULT_FILTER: &str = "sbom";

/// The vault's rows on the page.
const VAULT_ROWS: &str = "#evidence-table tbody tr[data-evidence-id]";

/// The button that sorts the vault by title.
const VAULT_SORT_BY_TITLE: &str = "#evidence-table [data-sort='title']";

/// How one measured action ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The content was painted this long after the action started.
    Shown(Duration),
    /// Nothing was shown within the patience.
    TimedOut(Duration),
    /// The webview grew beyond the cap (KiB), so the wait was given up.
    OverMemory(u64),
    /// WebDriver failed (the webview died, say).
    Failed(String),
}

impl Outcome {
    pub fn shown(&self) -> Option<Duration> {
        match self {
            Outcome::Shown(took) => Some(*took),
            _ => None,
        }
    }
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Shown(took) => write!(f, "{}", seconds(*took)),
            Outcome::TimedOut(after) => write!(f, "timeout (> {:.0} s)", after.as_secs_f64()),
            Outcome::OverMemory(kib) => write!(f, "webview over {}", mib(*kib)),
            Outcome::Failed(why) => write!(f, "failed: {why}"),
        }
    }
}

/// `0.13 s`, `9.5 s`, `78 s`.
pub fn seconds(took: Duration) -> String {
    let s = took.as_secs_f64();
    if s < 1.0 {
        format!("{s:.2} s")
    } else if s < 10.0 {
        format!("{s:.1} s")
    } else {
        format!("{s:.0} s")
    }
}

/// `812 MiB`, `3.4 GiB`.
pub fn mib(kib: u64) -> String {
    let mib = kib as f64 / 1024.0;
    if mib < 1024.0 {
        format!("{mib:.0} MiB")
    } else {
        format!("{:.1} GiB", mib / 1024.0)
    }
}

/// How long to wait, and how large the webview may grow meanwhile.
#[derive(Debug, Clone, Copy)]
pub struct Patience {
    pub timeout: Duration,
    /// Give up when WebKit's web processes hold more than this (KiB) resident.
    pub rss_cap_kib: Option<u64>,
}

/// A measured action: how it ended and the largest webview seen while waiting.
#[derive(Debug, Clone)]
pub struct Measured {
    pub outcome: Outcome,
    pub peak_rss_kib: u64,
}

/// Resident memory (KiB) of WebKit's web processes of the app: the page's memory.
pub fn webview_rss_kib() -> u64 {
    all_app_processes()
        .iter()
        .filter(|p| p.name.starts_with("WebKitWebProces"))
        .map(|p| p.rss_kib)
        .sum()
}

/// Lets scripts wait as long as the patience allows (WebDriver's default is 30 s).
pub async fn allow_long_scripts(app: &App, patience: &Patience) -> Result<(), CmdError> {
    let limit = patience.timeout + Duration::from_secs(10);
    app.client
        .update_timeouts(TimeoutConfiguration::new(Some(limit), None, None))
        .await
}

/// How a measured action is done, and where its clock starts.
pub enum Act<'a> {
    /// Nothing is done: the clock started at this instant (the app's start).
    Since(Instant),
    /// The body of an async JavaScript function run in the page (with `args`): it does what
    /// the user does and may return the `performance.now()` of the user's last event (the
    /// last key typed); the clock starts there, or else just before the body runs. The page's
    /// own clock measures, so WebDriver's round trips are not counted.
    InPage(&'a str),
}

/// A script for `execute_async` that does `act` and answers, once `condition` (a JavaScript
/// expression over `args`) holds and the frame that shows it has been painted, with the
/// milliseconds since the clock started (see [`Act::InPage`]). The condition is checked in
/// each frame's animation callbacks, before that frame is drawn; a task queued there runs once
/// the frame has been styled, laid out and painted, and stops the clock. (Waiting for the next
/// frame's callbacks instead also counted whatever the page did between the two frames, such
/// as the rows a table appends below the fold after its first screenful.)
fn when_painted(act: &str, condition: &str) -> String {
    format!(
        "const args = arguments[0];\n\
         const done = arguments[arguments.length - 1];\n\
         const ready = () => {{ try {{ return Boolean({condition}); }} catch (e) {{ return false; }} }};\n\
         const act = async () => {{ {act} }};\n\
         const before = performance.now();\n\
         act().then((last) => {{\n\
           const from = typeof last === 'number' ? last : before;\n\
           const poll = () => (ready() ? setTimeout(() => done(performance.now() - from), 0) : requestAnimationFrame(poll));\n\
           poll();\n\
         }}, (e) => done('failed: ' + e));"
    )
}

/// The condition "every selector in `args.selectors` matches".
const ALL_SELECTORS: &str = "args.selectors.every((s) => document.querySelector(s))";

/// Does `act`, then waits in the page until `condition` holds and is painted, watching the
/// webview's memory meanwhile.
async fn measure(
    app: &App,
    patience: &Patience,
    act: Act<'_>,
    condition: &str,
    args: Value,
) -> Measured {
    let started = Instant::now();
    let script = when_painted(
        match act {
            Act::Since(_) => "",
            Act::InPage(body) => body,
        },
        condition,
    );
    let work = app.client.execute_async(&script, vec![args]);
    tokio::pin!(work);
    let mut peak = webview_rss_kib();
    let mut watch = tokio::time::interval(Duration::from_millis(500));
    loop {
        tokio::select! {
            result = &mut work => {
                let outcome = match (result, &act) {
                    (Ok(_), Act::Since(since)) => Outcome::Shown(since.elapsed()),
                    (Ok(Value::Number(ms)), Act::InPage(_)) => {
                        Outcome::Shown(Duration::from_secs_f64(ms.as_f64().unwrap_or(0.0) / 1e3))
                    }
                    (Ok(other), Act::InPage(_)) => Outcome::Failed(format!("the page answered {other}")),
                    (Err(_), _) if started.elapsed() >= patience.timeout => {
                        Outcome::TimedOut(patience.timeout)
                    }
                    (Err(e), _) => Outcome::Failed(e.to_string()),
                };
                return Measured { outcome, peak_rss_kib: peak.max(webview_rss_kib()) };
            }
            _ = watch.tick() => {
                let rss = webview_rss_kib();
                peak = peak.max(rss);
                if started.elapsed() >= patience.timeout {
                    return Measured { outcome: Outcome::TimedOut(patience.timeout), peak_rss_kib: peak };
                }
                if patience.rss_cap_kib.is_some_and(|cap| rss > cap) {
                    return Measured { outcome: Outcome::OverMemory(rss), peak_rss_kib: peak };
                }
            }
        }
    }
}

/// Opens `screen` (a click on its navigation entry, or the link's hash) and measures until
/// its content is painted.
pub async fn open(app: &App, screen: &Screen, patience: &Patience) -> Measured {
    let mut args = json!({ "selectors": screen.content });
    let act = match screen.open {
        Open::Nav(name) => {
            args["click"] = json!(format!("[data-nav='{name}']"));
            "document.querySelector(args.click).click();"
        }
        Open::Hash(hash) => {
            args["hash"] = json!(hash);
            "location.hash = args.hash;"
        }
    };
    measure(app, patience, Act::InPage(act), ALL_SELECTORS, args).await
}

/// Measures from `started` (the start of the app's process, `support::app_started`) until
/// the dashboard is painted.
pub async fn dashboard_after_start(app: &App, started: Instant, patience: &Patience) -> Measured {
    measure(
        app,
        patience,
        Act::Since(started),
        ALL_SELECTORS,
        json!({ "selectors": DASHBOARD_CONTENT }),
    )
    .await
}

/// The condition "the vault shows the rows of the filter `args.query` (or of the empty
/// filter, with `args.some_not`), it has rows and every one mentions `args.query`" (or, with
/// `args.some_not`, "some row does not": the filter is off again).
const VAULT_FILTERED: &str = "(() => {\n\
     const shown = document.querySelector('#evidence-table')?.closest('[data-filter]')?.dataset.filter;\n\
     if (shown !== (args.some_not ? '' : args.query)) return false;\n\
     const rows = [...document.querySelectorAll(args.rows)];\n\
     const has = (r) => r.textContent.toLowerCase().includes(args.query);\n\
     return rows.length > 0 && (args.some_not ? rows.some((r) => !has(r)) : rows.every(has));\n\
   })()";

/// Types `VAULT_FILTER` into the vault's filter (the vault is open, unfiltered) and measures
/// until only matching rows are painted.
pub async fn type_vault_filter(app: &App, patience: &Patience) -> Measured {
    measure(
        app,
        patience,
        Act::InPage(TYPE_FILTER),
        VAULT_FILTERED,
        json!({
            "rows": VAULT_ROWS,
            "query": VAULT_FILTER,
            "some_not": false,
            "gap_ms": KEY_GAP_MS,
        }),
    )
    .await
}

/// The pause between two keys typed into the filter: a quick typist's.
const KEY_GAP_MS: u64 = 80;

/// Types `args.query` into the vault's filter a key at a time, as the keyboard would (the
/// text grows, then an `input` event), `args.gap_ms` apart; the clock starts at the last key.
const TYPE_FILTER: &str = "const box = document.querySelector('#evidence-filter');\n\
     box.focus();\n\
     let last;\n\
     for (const [i, key] of [...args.query].entries()) {\n\
       if (i > 0) await new Promise((r) => setTimeout(r, args.gap_ms));\n\
       box.value += key;\n\
       last = performance.now();\n\
       box.dispatchEvent(new InputEvent('input', { bubbles: true, data: key, inputType: 'insertText' }));\n\
     }\n\
     return last;";

/// Empties the vault's filter as deleting the text would, and waits (unmeasured) until the
/// other rows are back.
pub async fn clear_vault_filter(app: &App, patience: &Patience) -> Measured {
    measure(
        app,
        patience,
        Act::InPage(
            "const box = document.querySelector('#evidence-filter');\n\
             box.value = '';\n\
             box.dispatchEvent(new Event('input', { bubbles: true }));",
        ),
        VAULT_FILTERED,
        json!({ "rows": VAULT_ROWS, "query": VAULT_FILTER, "some_not": true }),
    )
    .await
}

/// Clicks the vault's title column (the vault is open) and measures until the table is
/// painted in the other order: the column's `aria-sort` flipped and another item is first.
pub async fn sort_vault_by_title(app: &App, patience: &Patience) -> Measured {
    let before = app
        .client
        .execute(
            "const th = document.querySelector(arguments[0])?.closest('th');\n\
             const first = document.querySelector(arguments[1]);\n\
             return [th?.getAttribute('aria-sort') ?? '', first?.dataset.evidenceId ?? ''];",
            vec![json!(VAULT_SORT_BY_TITLE), json!(VAULT_ROWS)],
        )
        .await;
    let before = match before {
        Ok(Value::Array(pair)) => pair,
        other => {
            return Measured {
                outcome: Outcome::Failed(format!("cannot read the vault's order: {other:?}")),
                peak_rss_kib: webview_rss_kib(),
            };
        }
    };
    let condition = "(() => {\n\
         const th = document.querySelector(args.button)?.closest('th');\n\
         const first = document.querySelector(args.rows);\n\
         const sort = th?.getAttribute('aria-sort') ?? '';\n\
         return sort !== '' && sort !== args.sort && first && first.dataset.evidenceId !== args.first;\n\
       })()";
    measure(
        app,
        patience,
        Act::InPage("document.querySelector(args.button).click();"),
        condition,
        json!({
            "button": VAULT_SORT_BY_TITLE,
            "rows": VAULT_ROWS,
            "sort": before.first().cloned().unwrap_or_default(),
            "first": before.get(1).cloned().unwrap_or_default(),
        }),
    )
    .await
}
