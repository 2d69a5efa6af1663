//! The locked shell seen from outside: the page cannot reach any address but its own, and the
//! app (with WebKit's processes) holds no network socket.
//!
//! A tripwire (a TCP listener on 127.0.0.1 that the test owns) tells the CSP apart from a closed
//! network: the page is pointed at it, and not one connection may arrive.
//!
//! Navigating the whole page (`location.href = …`, an injected `<meta http-equiv=refresh>`, a
//! clicked link) is not the CSP's business: the shell's navigation guard refuses it, and a
//! test here proves no request leaves. Left: clicking an injected link can make WebKit open a
//! TCP connection ahead of time (no request is sent); the page has no such links of its own.

use std::collections::BTreeSet;
use std::io::ErrorKind;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::Command;
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::{Desktop, SERIAL, app_processes, inspector_port, program};

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
// Each attempt gives up after 5 s: the tripwire never answers, so a request that got through
// would otherwise hang the script.
const fetched = async (url) => {
  try {
    const response = await Promise.race([fetch(url, { cache: 'no-store' }), later(5000, null)]);
    return response ? `fetched ${response.status}` : 'no answer';
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
    // Give anything that slipped through time to arrive, then look at the tripwire first: it is
    // the proof that nothing left the page, whatever the page believes.
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        tripwire.arrivals(),
        [],
        "the page reached the test's listener; the CSP must stop it, not a closed network: \
         {report:#}"
    );
    let result = |name: &str| {
        report["results"][name]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    for name in ["fetch_tripwire", "fetch_internet"] {
        assert!(
            result(name).starts_with("rejected"),
            "{name}: {}",
            result(name)
        );
    }
    assert_ne!(
        result("image"),
        "loaded",
        "the injected image loads nothing"
    );
    assert_ne!(result("websocket"), "open", "no WebSocket opens");
    // The page saw each one refused by the CSP (not by a failed connection).
    let violations: Vec<&str> = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let tripwire_url = format!("127.0.0.1:{}", tripwire.port);
    let websocket_url = format!("ws://{tripwire_url}");
    for (directive, url) in [
        ("connect-src", tripwire_url.as_str()),
        ("connect-src", "example.com"),
        ("img-src", tripwire_url.as_str()),
        ("connect-src", websocket_url.as_str()),
    ] {
        assert!(
            violations
                .iter()
                .any(|v| v.starts_with(directive) && v.contains(url)),
            "the CSP's {directive} blocked {url}: {violations:?}"
        );
    }

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

#[tokio::test]
async fn the_window_cannot_be_navigated_away_from_the_app() {
    let _one_at_a_time = SERIAL.lock().await;
    let tripwire = Tripwire::set();
    let desktop = Desktop::start();
    let app = desktop.launch(&[]).await;
    app.wait_for("[data-view='dashboard']").await;
    let leak = format!(
        "http://127.0.0.1:{}/leak?secret=product-data",
        tripwire.port
    );
    for script in [
        "location.href = arguments[0];",
        "location.replace(arguments[0]);",
        "const m = document.createElement('meta'); m.httpEquiv = 'refresh';\n\
         m.content = '0; url=' + arguments[0]; document.head.append(m);",
        "const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];\n\
         document.body.append(f); f.submit();",
    ] {
        app.client.execute(script, vec![json!(leak)]).await.unwrap();
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert_eq!(
            tripwire.arrivals(),
            [],
            "`{script}` sent a request out of the window"
        );
        // Still the app, still working.
        app.go("settings").await;
        app.go("dashboard").await;
    }
    app.screenshot("shell-navigation-refused").await;
    app.quit(&desktop.default_workspace()).await;
}

/// One internet socket as the kernel's table shows it (addresses in hexadecimal).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct InetSocket {
    protocol: &'static str,
    local: (String, u16),
    remote: (String, u16),
}

impl InetSocket {
    /// Listening on the loopback at `port`, or connected there with both ends on the loopback.
    fn loopback_at(&self, port: u16) -> bool {
        // IPv4 in host order (127.x.y.z ends in 7F), ::1, or IPv4-mapped 127.x.y.z.
        let loopback = |hex: &str| {
            (hex.len() == 8 && hex.ends_with("7F"))
                || hex == "00000000000000000000000001000000"
                || (hex.starts_with("0000000000000000FFFF0000") && hex.ends_with("7F"))
        };
        let unspecified =
            |(hex, port): &(String, u16)| *port == 0 && hex.bytes().all(|b| b == b'0');
        loopback(&self.local.0)
            && (loopback(&self.remote.0) || unspecified(&self.remote))
            && (self.local.1 == port || self.remote.1 == port)
    }
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
            Some(
                target
                    .strip_prefix("socket:[")?
                    .strip_suffix(']')?
                    .to_owned(),
            )
        })
        .collect();
    let address = |field: &str| {
        let (host, port) = field.rsplit_once(':').unwrap_or((field, "0"));
        (host.to_owned(), u16::from_str_radix(port, 16).unwrap_or(0))
    };
    let mut found = Vec::new();
    for protocol in ["tcp", "tcp6", "udp", "udp6", "raw", "raw6"] {
        let Ok(table) = std::fs::read_to_string(format!("/proc/{pid}/net/{protocol}")) else {
            continue;
        };
        for line in table.lines().skip(1) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            if fields.len() > 9 && inodes.contains(fields[9]) {
                found.push(InetSocket {
                    protocol,
                    local: address(fields[1]),
                    remote: address(fields[2]),
                });
            }
        }
    }
    found
}

/// An outside judge: `ss -tuwanpH` (iproute2), its lines that name one of `pids`, except those
/// of the inspector channel at `port` (as `InetSocket::loopback_at` tells it).
fn ss_lines(pids: &BTreeSet<u32>, port: Option<u16>) -> Vec<String> {
    let output = Command::new("ss")
        .arg("-tuwanpH")
        .output()
        .expect("ss runs (iproute2; `cargo xtask test` installs it)");
    assert!(output.status.success(), "ss failed");
    let loopback = ["127.0.0.1:", "[::1]:", "[::ffff:127.0.0.1]:"];
    let inspector = |local: &str, peer: &str, port: u16| {
        let at_port = |a: &str| loopback.iter().any(|host| a == format!("{host}{port}"));
        let near = |a: &str| loopback.iter().any(|host| a.starts_with(host));
        let unspecified = ["0.0.0.0:*", "[::]:*", "*:*"].contains(&peer);
        near(local) && (near(peer) || unspecified) && (at_port(local) || at_port(peer))
    };
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| pids.iter().any(|p| l.contains(&format!("pid={p},"))))
        .filter(|l| {
            // Netid State Recv-Q Send-Q Local Peer Process
            let fields: Vec<&str> = l.split_whitespace().collect();
            let (local, peer) = (fields.get(4).copied(), fields.get(5).copied());
            !port.is_some_and(|port| {
                inspector(local.unwrap_or_default(), peer.unwrap_or_default(), port)
            })
        })
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn the_app_and_its_webkit_processes_hold_no_network_socket() {
    let _one_at_a_time = SERIAL.lock().await;
    // Both detectors see a socket when there is one: the test's own listener.
    let tripwire = Tripwire::set();
    let me = std::process::id();
    assert!(
        inet_sockets(me).iter().any(|s| s.local.1 == tripwire.port),
        "/proc shows this test's listener"
    );
    assert!(
        ss_lines(&BTreeSet::from([me]), None)
            .iter()
            .any(|l| l.contains(&format!("127.0.0.1:{}", tripwire.port))),
        "ss shows this test's listener"
    );

    let desktop = Desktop::start();
    let app = desktop.launch(&[]).await;
    app.wait_for("[data-view='dashboard']").await;
    let mut programs = BTreeSet::new();
    let mut found = Vec::new();
    let screens = [
        "catalogue",
        "scope",
        "evidence",
        "deadlines",
        "export",
        "settings",
        "dashboard",
    ];
    for screen in screens {
        app.go(screen).await;
        if screen == "catalogue" {
            app.click("[data-action='catalogue-demo']").await;
            app.wait_for("[data-question='1.1']").await;
        }
        let family = app_processes(desktop.home.path());
        let port = family.iter().find_map(|pid| inspector_port(*pid));
        for pid in &family {
            programs.insert(program(*pid));
            for socket in inet_sockets(*pid) {
                if !port.is_some_and(|port| socket.loopback_at(port)) {
                    found.push(format!("{screen}: {} {socket:?}", program(*pid)));
                }
            }
        }
        found.extend(
            ss_lines(&family, port)
                .into_iter()
                .map(|l| format!("{screen}: ss: {l}")),
        );
    }
    // The search covered the app and WebKit's processes, not a process that had gone.
    for process in ["csmsdesk", "WebKitWebProcess", "WebKitNetworkProcess"] {
        assert!(
            programs.iter().any(|p| p.ends_with(process)),
            "{process} is among the app's processes: {programs:?}"
        );
    }
    assert_eq!(
        found,
        Vec::<String>::new(),
        "no internet socket in {programs:?} besides WebDriver's inspector channel"
    );
    app.quit(&desktop.default_workspace()).await;
}
