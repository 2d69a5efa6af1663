//! The locked shell seen from outside: the page cannot reach any address but its own, and the
//! app (with WebKit's processes) holds no network socket.
//!
//! A tripwire (a TCP listener on 127.0.0.1 that the test owns) tells the CSP apart from a closed
//! network: the page is pointed at it, and not one connection may arrive.

use std::collections::{BTreeMap, BTreeSet};
use std::io::ErrorKind;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::{Desktop, SERIAL};

/// A listener nobody should call: the connections that reach it are counted, never served.
struct Tripwire {
    listener: TcpListener,
    port: u16,
}

impl Tripwire {
    fn set() -> Tripwire {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        Tripwire { listener, port }
    }

    /// Every connection that arrived since the last call. The kernel completes the handshake
    /// and queues it before anyone accepts, so polling later still finds each one.
    fn arrivals(&self) -> Vec<SocketAddr> {
        let mut arrived = Vec::new();
        loop {
            match self.listener.accept() {
                Ok((_, from)) => arrived.push(from),
                Err(e) if e.kind() == ErrorKind::WouldBlock => return arrived,
                Err(e) => panic!("the tripwire failed: {e}"),
            }
        }
    }
}

/// Runs in the page: every way a script could reach `port` or the internet, and how each fared,
/// with the CSP violations the page reported.
const ATTEMPTS: &str = r#"
const port = arguments[0];
const done = arguments[arguments.length - 1];
const violations = [];
document.addEventListener('securitypolicyviolation', (e) =>
  violations.push(`${e.violatedDirective} ${e.blockedURI}`));
const later = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));
const fetched = async (url) => {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    return `fetched ${response.status}`;
  } catch (e) {
    return `rejected (${e.name}: ${e.message})`;
  }
};
const image = (url) => {
  // As an injection would do it: markup, not the DOM API.
  document.body.insertAdjacentHTML('beforeend', `<img id="tripwire-img" src="${url}" alt="">`);
  const img = document.getElementById('tripwire-img');
  return Promise.race([
    new Promise((resolve) => {
      img.addEventListener('load', () => resolve('loaded'));
      img.addEventListener('error', () => resolve('error'));
    }),
    later(5000, 'no answer'),
  ]);
};
const socket = (url) => {
  let ws;
  try {
    ws = new WebSocket(url);
  } catch (e) {
    return Promise.resolve(`threw (${e.name}: ${e.message})`);
  }
  return Promise.race([
    new Promise((resolve) => {
      ws.onopen = () => resolve('open');
      ws.onerror = () => resolve('error');
    }),
    later(5000, 'no answer'),
  ]);
};
(async () => {
  const results = {
    fetch_tripwire: await fetched(`http://127.0.0.1:${port}/leak`),
    fetch_internet: await fetched('https://example.com/'),
    image: await image(`http://127.0.0.1:${port}/x`),
    websocket: await socket(`ws://127.0.0.1:${port}`),
  };
  // Violation reports are queued as tasks: let them arrive.
  await later(500);
  done({ results, violations });
})();
"#;

#[tokio::test]
async fn the_page_cannot_fetch_load_or_open_a_socket_to_any_outside_address() {
    let _one_at_a_time = SERIAL.lock().await;
    let tripwire = Tripwire::set();
    // The tripwire works: a connection from here is seen.
    drop(TcpStream::connect(("127.0.0.1", tripwire.port)).unwrap());
    assert_eq!(
        tripwire.arrivals().len(),
        1,
        "the tripwire sees a connection"
    );

    let desktop = Desktop::start();
    let app = desktop.launch(&[]).await;
    app.wait_for("[data-view='dashboard']").await;
    let report = app
        .client
        .execute_async(ATTEMPTS, vec![json!(tripwire.port)])
        .await
        .unwrap();
    eprintln!("{report:#}");
    let result = |name: &str| report["results"][name].as_str().unwrap_or_default().to_owned();
    for name in ["fetch_tripwire", "fetch_internet"] {
        assert!(
            result(name).starts_with("rejected"),
            "{name}: {}",
            result(name)
        );
    }
    assert_ne!(result("image"), "loaded", "the injected image loads nothing");
    assert_ne!(result("websocket"), "open", "no WebSocket opens");
    let violations: Vec<&str> = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let tripwire_url = format!("127.0.0.1:{}", tripwire.port);
    for (directive, url) in [
        ("connect-src", tripwire_url.as_str()),
        ("connect-src", "example.com"),
        ("img-src", tripwire_url.as_str()),
    ] {
        assert!(
            violations
                .iter()
                .any(|v| v.starts_with(directive) && v.contains(url)),
            "the CSP's {directive} blocked {url}: {violations:?}"
        );
    }

    // Give anything that slipped through time to arrive.
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        tripwire.arrivals(),
        [],
        "the page reached the test's listener: not the network but the CSP must stop it"
    );

    // Show what was tried for a person looking at the screenshot.
    let shown = format!("{:#}", report["results"]);
    app.client
        .execute(
            "const pre = document.createElement('pre'); pre.id = 'shell-report';\n\
             pre.textContent = arguments[0]; document.querySelector('main, body').prepend(pre);",
            vec![json!(shown)],
        )
        .await
        .unwrap();
    app.screenshot("shell-fetch-blocked").await;
    app.quit(&desktop.default_workspace()).await;
}

/// The app's processes: those running the built binary, and every process they started
/// (WebKit's web and network processes), found through the parent links in `/proc/*/stat`.
fn app_processes() -> BTreeSet<u32> {
    let app = Path::new(env!("CARGO_BIN_EXE_csmsdesk"))
        .canonicalize()
        .unwrap();
    let mut parent: BTreeMap<u32, u32> = BTreeMap::new();
    let mut roots = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        // The name in parentheses may hold spaces: the fields after its closing one are
        // state, then the parent's id.
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
}

/// The program a process runs, as its first argument names it.
fn program(pid: u32) -> String {
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .map(|c| {
            let first = c.split(|b| *b == 0).next().unwrap_or_default();
            String::from_utf8_lossy(first).into_owned()
        })
        .unwrap_or_default()
}

/// One internet socket: protocol, local and remote address as the kernel shows them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct InetSocket {
    protocol: &'static str,
    local_port: u16,
    line: String,
}

/// The TCP, UDP and raw sockets (IPv4 and IPv6) among process `pid`'s open files: the socket
/// inodes of `/proc/PID/fd` looked up in the kernel's tables `/proc/PID/net/*`. Unix sockets
/// are not in those tables.
fn inet_sockets(pid: u32) -> Vec<InetSocket> {
    let Ok(fds) = std::fs::read_dir(format!("/proc/{pid}/fd")) else {
        return Vec::new();
    };
    let inodes: BTreeSet<String> = fds
        .flatten()
        .filter_map(|fd| std::fs::read_link(fd.path()).ok())
        .filter_map(|target| {
            let target = target.to_string_lossy().into_owned();
            Some(target.strip_prefix("socket:[")?.strip_suffix(']')?.to_owned())
        })
        .collect();
    let mut found = Vec::new();
    for protocol in ["tcp", "tcp6", "udp", "udp6", "raw", "raw6"] {
        let Ok(table) = std::fs::read_to_string(format!("/proc/{pid}/net/{protocol}")) else {
            continue;
        };
        for line in table.lines().skip(1) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            if fields.len() > 9 && inodes.contains(fields[9]) {
                let local_port = fields[1]
                    .rsplit_once(':')
                    .and_then(|(_, port)| u16::from_str_radix(port, 16).ok())
                    .unwrap_or(0);
                found.push(InetSocket {
                    protocol,
                    local_port,
                    line: line.trim().to_owned(),
                });
            }
        }
    }
    found
}

/// `ss -tuwanp` (iproute2), an outside judge: its lines that name one of `pids`.
fn ss_lines(pids: &BTreeSet<u32>) -> Vec<String> {
    let output = Command::new("ss")
        .args(["-tuwanpH"])
        .output()
        .expect("ss runs (iproute2; `cargo xtask test` installs it)");
    assert!(output.status.success(), "ss failed");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| pids.iter().any(|p| l.contains(&format!("pid={p},"))))
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn the_app_and_its_webkit_processes_hold_no_network_socket() {
    let _one_at_a_time = SERIAL.lock().await;
    // The two detectors work: both see the test's own listener.
    let tripwire = Tripwire::set();
    let me = std::process::id();
    assert!(
        inet_sockets(me)
            .iter()
            .any(|s| s.local_port == tripwire.port),
        "/proc shows this test's listener"
    );
    assert!(
        ss_lines(&BTreeSet::from([me]))
            .iter()
            .any(|l| l.contains(&format!("127.0.0.1:{}", tripwire.port))),
        "ss shows this test's listener"
    );

    let desktop = Desktop::start();
    let app = desktop.launch(&[]).await;
    app.wait_for("[data-view='dashboard']").await;
    let mut seen = BTreeMap::new();
    let mut ss_seen = BTreeSet::new();
    let mut programs = BTreeSet::new();
    for screen in ["catalogue", "scope", "evidence", "deadlines", "export", "settings", "dashboard"] {
        app.go(screen).await;
        if screen == "catalogue" {
            app.click("[data-action='catalogue-demo']").await;
            app.wait_for("[data-question='1.1']").await;
        }
        let family = app_processes();
        for pid in &family {
            programs.insert(program(*pid));
            for socket in inet_sockets(*pid) {
                seen.insert((*pid, program(*pid), socket.protocol, socket.line), screen);
            }
        }
        ss_seen.extend(ss_lines(&family));
    }
    eprintln!("programs: {programs:#?}\nseen: {seen:#?}\nss: {ss_seen:#?}");
    for pid in app_processes() {
        eprintln!("{pid} {}", std::fs::read_to_string(format!("/proc/{pid}/environ")).unwrap_or_default().replace('\0', "\n"));
    }
    app.quit(&desktop.default_workspace()).await;
}
