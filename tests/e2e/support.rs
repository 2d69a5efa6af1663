//! The end-to-end harness: a virtual display, tauri-driver, and the real app in its webview.
//!
//! Each test gets its own home folder (so its own default workspace and "last used" memory),
//! its own Xvfb display and its own tauri-driver on free ports; tests run one at a time
//! because the machine has two cores and WebKit is heavy.

use std::collections::{BTreeMap, BTreeSet};
use std::net::TcpListener;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use csmsdesk_core::i18n::{self, Lang};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// One test at a time (see the module comment).
pub static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// How long the UI may take to show something before a test fails.
const PATIENCE: Duration = Duration::from_secs(30);

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return path.into();
    }
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    match home.map(|h| h.join("bin/tauri-driver")) {
        Some(path) if path.is_file() => path,
        _ => "tauri-driver".into(),
    }
}

/// Where screenshots and measurements go: `target/e2e-screens/`.
pub fn screens_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("e2e-screens");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A user's machine for one test: a home folder, a display and a WebDriver server.
pub struct Desktop {
    pub home: tempfile::TempDir,
    driver: Child,
    port: u16,
    /// The WebKitWebDrivers started by `reattach`.
    reattached: std::sync::Mutex<Vec<Child>>,
}

impl Desktop {
    pub fn start() -> Desktop {
        let home = tempfile::tempdir().unwrap();
        let (port, native_port) = (free_port(), free_port());
        let driver = tauri_driver();
        let mut cmd = Command::new("xvfb-run");
        cmd.args([
            "-a",
            "-s",
            "-screen 0 1280x800x24",
            "dbus-run-session",
            "--",
        ])
        .arg(&driver)
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("LANG", "en_US.UTF-8")
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("CSMSDESK_WORKSPACE")
        .stdout(Stdio::null())
        // `CSMSDESK_E2E_LOG=1` shows what the app logs (with `CSMSDESK_LOG=...` to choose).
        .stderr(if std::env::var_os("CSMSDESK_E2E_LOG").is_some() {
            Stdio::inherit()
        } else {
            Stdio::null()
        })
        // Its own process group, so that Xvfb, the bus, the driver and the app all stop
        // together when the test ends.
        .process_group(0);
        let child = cmd.spawn().unwrap_or_else(|e| {
            panic!(
                "could not start xvfb-run with {} ({e}): run `cargo xtask test`, which installs \
                 xvfb, webkit2gtk-driver and tauri-driver",
                driver.display()
            )
        });
        let desktop = Desktop {
            home,
            driver: child,
            port,
            reattached: std::sync::Mutex::default(),
        };
        desktop.wait_until_ready();
        desktop
    }

    /// tauri-driver opens its port before WebKitWebDriver is ready; `/status` answers 200
    /// only when both are.
    fn wait_until_ready(&self) {
        let url = format!("http://127.0.0.1:{}/status", self.port);
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            let ok = Command::new("curl")
                .args(["-sf", "-o", "/dev/null", &url])
                .status()
                .is_ok_and(|s| s.success());
            if ok {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("tauri-driver did not become ready at {url} within {PATIENCE:?}");
    }

    /// The process group of everything this desktop started (display, bus, driver, app).
    pub fn process_group(&self) -> u32 {
        self.driver.id()
    }

    pub fn default_workspace(&self) -> PathBuf {
        self.home.path().join("data/csmsdesk/workspace")
    }

    /// Starts the app (optionally with arguments) and returns a driver for its window.
    pub async fn launch(&self, args: &[&str]) -> App {
        self.launch_within(args, PATIENCE).await
    }

    /// `launch`, waiting up to `patience` for the page to be ready (the benchmark's large
    /// workspaces may take longer than a test's).
    pub async fn launch_within(&self, args: &[&str], patience: Duration) -> App {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            json!({ "application": env!("CARGO_BIN_EXE_csmsdesk"), "args": args }),
        );
        caps.insert("browserName".into(), json!("wry"));
        let started = Instant::now();
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("a WebDriver session starts the app");
        let app = App { client, started };
        app.client
            .wait()
            .at_most(patience)
            .for_element(Locator::Css("body[data-ready='true']"))
            .await
            .unwrap_or_else(|e| panic!("the page was not ready within {patience:?}: {e}"));
        app
    }

    /// A new WebDriver session on the app that is running already. WebKitWebDriver ends its
    /// session when the page's web process dies ("session deleted because of page crash"),
    /// while the app lives on; a second WebKitWebDriver reaches it again through WebKit's
    /// inspector server, whose address the first one gave the app.
    pub async fn reattach(&self) -> App {
        let port = app_processes(self.home.path())
            .into_iter()
            .find_map(inspector_port)
            .expect("the app runs with an inspector server");
        let driver_port = free_port();
        // In the desktop's process group, so it stops with the rest.
        let group = i32::try_from(self.driver.id()).unwrap();
        let native = Command::new("WebKitWebDriver")
            .arg(format!("--port={driver_port}"))
            .arg(format!("--target=127.0.0.1:{port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(group)
            .spawn()
            .expect("WebKitWebDriver starts");
        self.reattached.lock().unwrap().push(native);
        let url = format!("http://127.0.0.1:{driver_port}");
        let started = Instant::now();
        loop {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(serde_json::Map::new())
                .connect(&url)
                .await
            {
                Ok(client) => return App { client, started },
                Err(e) if started.elapsed() > PATIENCE => {
                    panic!("no WebDriver session on the running app through {url}: {e}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        let group = format!("-{}", self.process_group());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.driver.wait();
        for mut native in self.reattached.lock().unwrap().drain(..) {
            let _ = native.wait();
        }
    }
}

/// The app's window, through WebDriver.
pub struct App {
    pub client: Client,
    pub started: Instant,
}

impl App {
    pub async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} did not appear: {e}"))
    }

    /// Waits until the element matching `css` has exactly `expected` as its text.
    pub async fn wait_for_text(&self, css: &str, expected: &str) {
        let started = Instant::now();
        let mut last = String::new();
        while started.elapsed() < PATIENCE {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                last = element.text().await.unwrap_or_default();
                if last.trim() == expected {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{css} shows {last:?}, expected {expected:?}");
    }

    /// Waits until the element matching `css` contains `needle`; returns its whole text.
    pub async fn wait_for_containing(&self, css: &str, needle: &str) -> String {
        let started = Instant::now();
        let mut last = String::new();
        while started.elapsed() < PATIENCE {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                last = element.text().await.unwrap_or_default();
                if last.contains(needle) {
                    return last;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{css} shows {last:?}, which lacks {needle:?}");
    }

    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.unwrap()
    }

    pub async fn click(&self, css: &str) {
        self.wait_for(css).await.click().await.unwrap();
    }

    pub async fn fill(&self, css: &str, value: &str) {
        let input = self.wait_for(css).await;
        input
            .clear()
            .await
            .unwrap_or_else(|e| panic!("cannot clear {css}: {e}"));
        if !value.is_empty() {
            input
                .send_keys(value)
                .await
                .unwrap_or_else(|e| panic!("cannot type into {css}: {e}"));
        }
    }

    /// Sets an input's value as a date picker would (typing into `type=date` differs
    /// between engines) and fires its change event.
    pub async fn set_value(&self, css: &str, value: &str) {
        self.wait_for(css).await;
        let script = "const e = document.querySelector(arguments[0]); e.value = arguments[1];\n\
                      e.dispatchEvent(new Event('change', { bubbles: true }));";
        self.client
            .execute(script, vec![json!(css), json!(value)])
            .await
            .unwrap();
    }

    pub async fn value(&self, css: &str) -> String {
        self.wait_for(css)
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    pub async fn go(&self, screen: &str) {
        let nav = format!("[data-nav='{screen}']");
        let view = format!("[data-view='{screen}']");
        self.click(&nav).await;
        // WebDriver clicks at the point where the link was when it looked: a page still
        // scrolling (a screen that brings its table into view) can move the link away in
        // between, and the click lands beside it. Such a click did not reach the app, so it
        // is made once more; a link that the app ignores still fails below.
        let landed = self
            .client
            .wait()
            .at_most(Duration::from_secs(5))
            .for_element(Locator::Css(&view))
            .await
            .is_ok();
        if !landed && self.hash().await.as_deref() != Some(&*format!("#/{screen}")) {
            eprintln!("the click on {nav} did not reach the link; clicking it again");
            self.click(&nav).await;
        }
        self.wait_for(&view).await;
    }

    /// The page's `location.hash`.
    async fn hash(&self) -> Option<String> {
        self.client
            .execute("return location.hash", vec![])
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
    }

    /// Goes to `hash` (`#/audits?scope=3`) as a link in the page would.
    pub async fn visit(&self, hash: &str) {
        self.client
            .execute("location.hash = arguments[0]", vec![json!(hash)])
            .await
            .unwrap();
    }

    /// Saves what the user sees as `target/e2e-screens/<name>.png`.
    pub async fn screenshot(&self, name: &str) {
        // WebKit hands out the last painted frame: wait for two frames so the picture shows
        // the state the test just reached, not the one before.
        let paint = "const done = arguments[arguments.length - 1];\n\
                     requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        self.client.execute_async(paint, vec![]).await.unwrap();
        let png = self.client.screenshot().await.unwrap();
        std::fs::write(screens_dir().join(format!("{name}.png")), png).unwrap();
    }

    /// Closes the window and waits until the app has let go of its workspace.
    pub async fn quit(self, workspace: &Path) {
        self.client.close().await.unwrap();
        let lock = workspace.join("workspace.lock");
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            let free = Command::new("flock")
                .arg("-n")
                .arg(&lock)
                .arg("true")
                .status();
            if free.is_ok_and(|s| s.success()) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "the app still holds {} after its window closed",
            lock.display()
        );
    }
}

/// One language's messages, as core's Fluent catalogue renders them without arguments: an
/// argument shows as `{name}` (so a test can `.replace("{name}", value)`) and a plural as its
/// `other` form. Indexed with call-site keys: `en["nav.settings"]`. For a text with its
/// arguments, plurals and dates, use [`rendered`].
pub fn messages(lang: &str) -> Catalogue {
    let lang = if lang == "de" {
        Lang::German
    } else {
        Lang::English
    };
    Catalogue(
        i18n::catalogue(lang)
            .iter()
            .map(|(id, text)| ((*id).to_owned(), text.replace("{$", "{")))
            .collect(),
    )
}

/// The messages of one language by Fluent id; see [`messages`].
pub struct Catalogue(BTreeMap<String, String>);

impl<K: AsRef<str>> std::ops::Index<K> for Catalogue {
    type Output = String;

    fn index(&self, key: K) -> &String {
        let key = key.as_ref();
        self.0
            .get(&i18n::fluent_id(key))
            .unwrap_or_else(|| panic!("no message {key}"))
    }
}

/// A message with its arguments, rendered as the app renders it (`lang` is `en` or `de`).
pub fn rendered(lang: &str, key: &'static str, args: &[(&'static str, &str)]) -> String {
    let lang = if lang == "de" {
        Lang::German
    } else {
        Lang::English
    };
    args.iter()
        .fold(i18n::Message::new(key), |message, (name, value)| {
            message.arg(name, value)
        })
        .render(lang)
}

/// Records a measurement in `target/e2e-screens/metrics.txt` for the closing report.
pub fn record_metric(name: &str, value: impl std::fmt::Display) {
    use std::io::Write as _;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(screens_dir().join("metrics.txt"))
        .unwrap();
    writeln!(file, "{name} {value}").unwrap();
}

/// Resident memory (KiB) of the app process alone, and with the WebKit processes it started.
pub fn app_rss_kib(home: &Path) -> (u64, u64) {
    let app = Path::new(env!("CARGO_BIN_EXE_csmsdesk"))
        .canonicalize()
        .unwrap();
    let family = app_processes(home);
    let is_app =
        |pid: &&u32| std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == app);
    let app_only = family.iter().filter(is_app).map(|pid| rss_kib(*pid)).sum();
    let total = family.iter().map(|pid| rss_kib(*pid)).sum();
    (app_only, total)
}

/// The app's processes: the one running the built binary with `home` as its home folder (so
/// not the app of another test run on the same machine), and every process it started
/// (WebKit's web and network processes), found through the parent links in `/proc/*/stat`.
pub fn app_processes(home: &Path) -> BTreeSet<u32> {
    let home_var = format!("HOME={}", home.display());
    let app = Path::new(env!("CARGO_BIN_EXE_csmsdesk"))
        .canonicalize()
        .unwrap();
    let mut parent: BTreeMap<u32, u32> = BTreeMap::new();
    let mut roots = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        // The name in parentheses may hold spaces and parentheses: after the last `)` come
        // the state, then the parent's id.
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        let Some(ppid) = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse().ok())
        else {
            continue;
        };
        parent.insert(pid, ppid);
        let environ = || std::fs::read(entry.path().join("environ")).unwrap_or_default();
        if std::fs::read_link(entry.path().join("exe")).is_ok_and(|exe| exe == app)
            && environ()
                .split(|b| *b == 0)
                .any(|var| var == home_var.as_bytes())
        {
            roots.push(pid);
        }
    }
    let mut family = BTreeSet::new();
    let mut stack = roots;
    while let Some(pid) = stack.pop() {
        if family.insert(pid) {
            stack.extend(parent.iter().filter(|(_, p)| **p == pid).map(|(c, _)| *c));
        }
    }
    family
}

/// The program a process runs, as its first argument names it.
pub fn program(pid: u32) -> String {
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    let first = cmdline.split(|b| *b == 0).next().unwrap_or_default();
    String::from_utf8_lossy(first).into_owned()
}

/// When the app itself (not a process it started) began, as an `Instant`: its start time in
/// `/proc/PID/stat` against the system's uptime, so to the kernel's clock tick (10 ms). This
/// is where a user's "start" begins; the WebDriver session that launches the app under test
/// adds its own driver's start-up before it.
pub fn app_started(home: &Path) -> Option<Instant> {
    let app = Path::new(env!("CARGO_BIN_EXE_csmsdesk"))
        .canonicalize()
        .ok()?;
    let pid = app_processes(home)
        .into_iter()
        .find(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == app))?;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Field 22 (starttime, in clock ticks after boot); after the `)` come fields 3 onwards.
    let ticks: f64 = stat
        .rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(19)?
        .parse()
        .ok()?;
    let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
    let now = Instant::now();
    let uptime: f64 = uptime.split_whitespace().next()?.parse().ok()?;
    let per_second: f64 = Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok()?.trim().parse().ok())
        .unwrap_or(100.0);
    let age = (uptime - ticks / per_second).max(0.0);
    now.checked_sub(Duration::from_secs_f64(age))
}

/// The app's WebKit web processes: those that run the page's scripts and hold its DOM.
pub fn web_processes(home: &Path) -> Vec<u32> {
    app_processes(home)
        .into_iter()
        .filter(|pid| program(*pid).ends_with("WebKitWebProcess"))
        .collect()
}

/// The resident memory of process `pid` in KiB (`VmRSS`), 0 once it has gone.
pub fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// The port of WebKit's remote inspector, the channel through which WebKitWebDriver drives the
/// app: the driver starts the app with `WEBKIT_INSPECTOR_SERVER=127.0.0.1:PORT`, so it exists
/// only under test.
pub fn inspector_port(pid: u32) -> Option<u16> {
    let environ = std::fs::read(format!("/proc/{pid}/environ")).ok()?;
    environ.split(|b| *b == 0).find_map(|var| {
        let var = std::str::from_utf8(var).ok()?;
        let address = var.strip_prefix("WEBKIT_INSPECTOR_SERVER=")?;
        address.rsplit_once(':')?.1.parse().ok()
    })
}

/// One process of the app: the app itself or one it started (WebKit's web and network
/// processes).
#[derive(Debug, Clone)]
pub struct AppProcess {
    #[allow(
        dead_code,
        reason = "the benchmark (bench_ui.rs) stops leftover processes by it"
    )]
    pub pid: u32,
    /// The file name of its program (`csmsdesk`, `WebKitWebProcess`, ...).
    pub name: String,
    pub rss_kib: u64,
}

/// Every running app process of this build on the machine, whichever home it runs in, and
/// every process they started: what the benchmark, which runs alone, measures and stops.
pub fn all_app_processes() -> Vec<AppProcess> {
    let app = Path::new(env!("CARGO_BIN_EXE_csmsdesk"))
        .canonicalize()
        .unwrap();
    let mut parent: BTreeMap<u32, u32> = BTreeMap::new();
    let mut roots = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        if let Some(ppid) = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse().ok())
        {
            parent.insert(pid, ppid);
        }
        if std::fs::read_link(entry.path().join("exe")).is_ok_and(|exe| exe == app) {
            roots.push(pid);
        }
    }
    let mut family = BTreeSet::new();
    let mut stack = roots;
    while let Some(pid) = stack.pop() {
        if family.insert(pid) {
            stack.extend(parent.iter().filter(|(_, p)| **p == pid).map(|(c, _)| *c));
        }
    }
    family
        .into_iter()
        .map(|pid| AppProcess {
            pid,
            name: Path::new(&program(pid))
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            rss_kib: rss_kib(pid),
        })
        .collect()
}
