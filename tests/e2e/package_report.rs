//! What the auditor and partners get, seen as a person sees it:
//! - the export screen asks before writing: evidence with unreviewed changes (the last
//!   reviewed version by default, the newest, or stop) and a partner level above what the
//!   scope is published or shared at (write anyway or stop);
//! - the package's `index.html`, opened from disk by WebKit's MiniBrowser (the same engine as
//!   the app's webview; the app's own window cannot open a file under its CSP), driven by
//!   WebKitWebDriver on a display of its own, on screen and with its print stylesheet applied
//!   at A4 width (WebKitWebDriver has no print command). Screenshots:
//!   `target/e2e-screens/package-report-*.png`.

use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use csmsdesk_core::i18n::Lang;
use csmsdesk_workspace::{
    ActionInput, AuditId, AuditInput, EvidenceInput, FindingId, LinkInput, PackageOptions,
    ProtectionObjectInput, Workspace,
};
use fantoccini::{ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::evidence_workspace;
use crate::support::{Desktop, SERIAL, free_port, screens_dir};

const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/// Adds `file` as evidence linked to `target`.
fn add_evidence(w: &mut Workspace, file: &Path, target: &str) {
    w.add_evidence(
        &[file.to_owned()],
        &EvidenceInput::default(),
        &LinkInput {
            targets: vec![target.into()],
            ..LinkInput::default()
        },
        chrono::Utc::now(),
        &|_| {},
        &std::sync::atomic::AtomicBool::new(false),
    )
    .unwrap();
}

/// The bytes of entry `name` of `package`, as Info-ZIP's `unzip -p` reads them.
fn entry(package: &Path, name: &str) -> Vec<u8> {
    let out = Command::new("unzip")
        .arg("-p")
        .arg(package)
        .arg(name)
        .output()
        .unwrap();
    assert!(out.status.success(), "{name} in {}", package.display());
    out.stdout
}

#[tokio::test]
async fn the_export_screen_asks_about_unreviewed_evidence_with_three_choices_and_about_the_partner_level()
 {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let ws = desktop.home.path().join("csms");
    evidence_workspace(&ws);
    let docs = desktop.home.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let policy = docs.join("policy.pdf");
    std::fs::write(&policy, "policy as reviewed").unwrap();
    {
        let mut w = Workspace::open(&ws, chrono::Utc::now()).unwrap();
        add_evidence(&mut w, &policy, "1.1.a");
        std::fs::write(&policy, "policy changed, not reviewed").unwrap();
        w.scan_evidence(
            false,
            chrono::Utc::now(),
            &|_| {},
            &std::sync::atomic::AtomicBool::new(false),
        )
        .unwrap();
    }
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.go("export").await;
    app.wait_for("#export-scope").await;
    // The scope is loaded (its sharing panel names it) before the form is used.
    app.wait_for_containing("#sharing-heading", "ECU development")
        .await;
    app.set_value("#export-level", "full").await;

    // Stop: nothing is written.
    let stopped = desktop.home.path().join("stopped.zip");
    app.fill("#export-path", stopped.to_str().unwrap()).await;
    app.click("#export-run").await;
    app.wait_for("#export-unreviewed").await;
    let question = app.text("#export-unreviewed").await;
    assert!(
        question.contains("policy.pdf: version 2 not reviewed, version 1 reviewed"),
        "{question}"
    );
    for (id, label) in [
        (
            "#export-versions-reviewed",
            "Include the last reviewed version",
        ),
        ("#export-versions-newest", "Include the newest version"),
        ("#export-versions-stop", "Stop, write nothing"),
    ] {
        assert_eq!(app.text(id).await, label);
    }
    let focused = app
        .client
        .execute("return document.activeElement.id", vec![])
        .await
        .unwrap();
    assert_eq!(
        focused,
        json!("export-versions-reviewed"),
        "the default has the focus"
    );
    app.screenshot("package-report-01-unreviewed-choices").await;
    app.click("#export-versions-stop").await;
    app.wait_for_text("#export-status", "Nothing was written.")
        .await;
    assert!(
        app.client
            .find(Locator::Css("#export-unreviewed"))
            .await
            .is_err()
    );
    assert!(!stopped.exists(), "stop writes nothing");
    app.screenshot("package-report-02-stopped").await;

    // The default: the reviewed version.
    let reviewed = desktop.home.path().join("reviewed.zip");
    app.fill("#export-path", reviewed.to_str().unwrap()).await;
    app.click("#export-run").await;
    app.click("#export-versions-reviewed").await;
    app.wait_for_containing("#export-status", "reviewed.zip")
        .await;
    assert_eq!(
        entry(&reviewed, "evidence/1.1/policy.pdf"),
        b"policy as reviewed"
    );

    // The newest.
    let newest = desktop.home.path().join("newest.zip");
    app.fill("#export-path", newest.to_str().unwrap()).await;
    app.click("#export-run").await;
    app.click("#export-versions-newest").await;
    app.wait_for_containing("#export-status", "newest.zip")
        .await;
    assert_eq!(
        entry(&newest, "evidence/1.1/policy.pdf"),
        b"policy changed, not reviewed"
    );
    app.screenshot("package-report-03-newest-written").await;

    // A partner package while the scope is shared with nobody: asked, stopped, then written.
    let partner = desktop.home.path().join("partner.zip");
    app.set_value("#export-level", "A+labels").await;
    app.fill("#export-path", partner.to_str().unwrap()).await;
    app.click("#export-run").await;
    app.wait_for("#export-above").await;
    let question = app.text("#export-above").await;
    assert!(
        question.contains("A package at level A+labels shows more than scope ECU development is published or shared at (do-not-share)"),
        "{question}"
    );
    assert!(
        app.client
            .find(Locator::Css("#export-unreviewed"))
            .await
            .is_err(),
        "a partner package holds no evidence to ask about"
    );
    app.screenshot("package-report-04-partner-above-sharing")
        .await;
    app.click("#export-above-stop").await;
    app.wait_for_text("#export-status", "Nothing was written.")
        .await;
    assert!(!partner.exists());
    app.click("#export-run").await;
    app.click("#export-above-confirm").await;
    app.wait_for_containing("#export-status", "partner.zip")
        .await;
    assert!(partner.exists());
    app.quit(&ws).await;
}

/// A workspace with something in every section of the report, exported in `lang` at `level`.
fn report_package(dir: &Path, lang: Lang, level: &str) -> PathBuf {
    let ws = dir.join("csms");
    if !ws.exists() {
        let prepared = evidence_workspace(&ws);
        let scope = prepared.scope;
        let docs = dir.join("docs");
        std::fs::create_dir_all(&docs).unwrap();
        let mut w = Workspace::open(&ws, chrono::Utc::now()).unwrap();
        for (name, target) in [
            ("CSMS policy <signed>.pdf", "1.1.a"),
            ("TARA brake ECU.xlsx", "1.1.b"),
            ("Supplier list.pdf", "1.2"),
        ] {
            std::fs::write(docs.join(name), format!("content of {name}")).unwrap();
            add_evidence(&mut w, &docs.join(name), target);
        }
        let now = chrono::Utc::now();
        w.assess(
            scope,
            "1.1",
            "conform",
            Some("Signed by the board on 2026-03-01.\nReviewed yearly."),
            None,
            now,
        )
        .unwrap();
        w.assess(
            scope,
            "1.2",
            "minor",
            Some("Supplier list kept by purchasing."),
            None,
            now,
        )
        .unwrap();
        w.set_applicability(
            scope,
            "1.3",
            false,
            "No <post-production> activities at this site.",
        )
        .unwrap();
        w.set_deviation(scope, "1.1.c", "We build no vehicles.")
            .unwrap();
        w.add_protection_object(&ProtectionObjectInput {
            scope,
            name: "Brake ECU".into(),
            item: "ECU".into(),
            customer: "OEM A".into(),
            objectives: Some(vec!["development".into()]),
            ..ProtectionObjectInput::default()
        })
        .unwrap();
        let audit = w
            .add_audit(&AuditInput {
                scope,
                kind: "initial".into(),
                provider: "Audit & Co".into(),
                opening_meeting: "2026-05-20".into(),
                closing_meeting: "2026-05-31".into(),
                ..AuditInput::default()
            })
            .unwrap();
        w.set_audit_result(AuditId(audit.id), "1.1", "conform", "")
            .unwrap();
        w.set_audit_result(AuditId(audit.id), "1.2", "minor", "")
            .unwrap();
        let finding = w
            .add_finding(
                AuditId(audit.id),
                "1.2",
                "minor",
                "Supplier list incomplete",
                None,
            )
            .unwrap();
        w.add_action(&ActionInput {
            finding: FindingId(finding.id),
            description: "Complete the supplier list".into(),
            owner: "Anna".into(),
            department: "Purchasing".into(),
            due: "2026-07-31".into(),
            ..ActionInput::default()
        })
        .unwrap();
        w.set_publication(scope, "A+labels+B").unwrap();
    }
    let mut w = Workspace::open(&ws, chrono::Utc::now()).unwrap();
    let scope = csmsdesk_workspace::ScopeId(1);
    let out = dir.join(format!("{}-{}.zip", lang.tag(), level.replace('+', "_")));
    let options = PackageOptions {
        lang,
        ..PackageOptions::new(level, None, chrono::Utc::now())
    };
    w.export_package_with(scope, &out, &options).unwrap();
    out
}

/// Unpacks `package` into a folder beside it (checked with `unzip -t` and `sha256sum -c`).
fn unpacked(package: &Path) -> PathBuf {
    let test = Command::new("unzip")
        .arg("-t")
        .arg(package)
        .output()
        .unwrap();
    assert!(
        test.status.success(),
        "unzip -t accepts {}",
        package.display()
    );
    let dir = package.with_extension("d");
    let unzip = Command::new("unzip")
        .args(["-q", "-o"])
        .arg(package)
        .arg("-d")
        .arg(&dir)
        .status()
        .unwrap();
    assert!(unzip.success());
    let sums = Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        sums.status.success(),
        "{}",
        String::from_utf8_lossy(&sums.stdout)
    );
    dir
}

/// WebKitWebDriver with MiniBrowser on a display of its own, in a process group of its own
/// that ends with the value.
struct MiniBrowser {
    driver: std::process::Child,
    port: u16,
}

impl MiniBrowser {
    fn start() -> MiniBrowser {
        let port = free_port();
        let driver = Command::new("xvfb-run")
            .args(["-a", "-s", "-screen 0 1400x2000x24", "WebKitWebDriver"])
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("xvfb-run and WebKitWebDriver (webkit2gtk-driver) are installed");
        MiniBrowser { driver, port }
    }

    async fn client(&self) -> fantoccini::Client {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "webkitgtk:browserOptions".into(),
            json!({ "binary": MINIBROWSER, "args": ["--automation"] }),
        );
        let started = Instant::now();
        loop {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{}", self.port))
                .await
            {
                Ok(client) => return client,
                Err(e) if started.elapsed() > Duration::from_secs(30) => {
                    panic!("no MiniBrowser session: {e}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        }
    }
}

impl Drop for MiniBrowser {
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.driver.wait();
    }
}

/// Opens `page` from disk and saves the whole page (the window grown to its height, up to the
/// display's) as `target/e2e-screens/<name>.png`; answers the page's section ids.
async fn shoot(
    client: &fantoccini::Client,
    page: &Path,
    width: u32,
    name: &str,
) -> serde_json::Value {
    client.set_window_size(width, 1000).await.unwrap();
    client
        .goto(&format!("file://{}", page.display()))
        .await
        .unwrap();
    let height = client
        .execute("return document.documentElement.scrollHeight", vec![])
        .await
        .unwrap()
        .as_u64()
        .unwrap_or(1000);
    client
        .set_window_size(width, u32::try_from(height.min(1990)).unwrap_or(1990))
        .await
        .unwrap();
    let paint = "const done = arguments[arguments.length - 1];\n\
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
    client.execute_async(paint, vec![]).await.unwrap();
    let png = client.screenshot().await.unwrap();
    std::fs::write(screens_dir().join(format!("{name}.png")), png).unwrap();
    client
        .execute(
            "return { sections: [...document.querySelectorAll('section')].map(s => s.id), \
             scripts: document.scripts.length, images: document.images.length, \
             links: [...document.links].map(a => a.getAttribute('href')) }",
            vec![],
        )
        .await
        .unwrap()
}

#[tokio::test]
async fn the_packages_index_html_renders_from_disk_as_a_readable_printable_report() {
    let _one_at_a_time = SERIAL.lock().await;
    let home = tempfile::tempdir().unwrap();
    let browser = MiniBrowser::start();
    let client = browser.client().await;

    let full = unpacked(&report_package(home.path(), Lang::English, "full"));
    let index = full.join("index.html");
    let page = shoot(&client, &index, 1100, "package-report-10-index-full-en").await;
    // The page below the first screen, from these sections on.
    for (anchor, name) in [
        ("audits", "package-report-10b-index-full-en-audits"),
        ("evidence", "package-report-10c-index-full-en-evidence"),
    ] {
        // The display is shorter than the page, and WebKit shoots an element outside the
        // window black: the sections before this one are hidden for the picture.
        client
            .execute(
                "document.querySelector('header').hidden = true;\n\
                 for (const s of document.querySelectorAll('section')) {\n\
                   if (s.id === arguments[0]) break;\n\
                   s.hidden = true;\n\
                 }",
                vec![json!(anchor)],
            )
            .await
            .unwrap();
        let png = client.screenshot().await.unwrap();
        client.refresh().await.unwrap();
        std::fs::write(screens_dir().join(format!("{name}.png")), png).unwrap();
    }
    assert_eq!(page["scripts"], 0);
    assert_eq!(page["images"], 0);
    assert_eq!(
        page["sections"],
        json!([
            "scope",
            "locations",
            "protection-objects",
            "readiness",
            "self-assessment",
            "audits",
            "results",
            "findings",
            "labels",
            "evidence",
            "journal"
        ])
    );
    // Every link opens a file of the package.
    for link in page["links"].as_array().unwrap() {
        let href = link.as_str().unwrap();
        let path = full.join(percent_decode(href));
        assert!(path.is_file(), "{href} opens no file");
    }

    // The print stylesheet at A4 width (210 mm at 96 dpi is 794 px): `@media print` applied
    // to the screen, since WebKitWebDriver cannot print.
    let html = std::fs::read_to_string(&index).unwrap();
    assert!(html.contains("@media print"));
    let print = full.join("index-print.html");
    std::fs::write(&print, html.replace("@media print", "@media screen")).unwrap();
    shoot(
        &client,
        &print,
        794,
        "package-report-11-index-full-print-a4",
    )
    .await;

    let de = unpacked(&report_package(home.path(), Lang::German, "full"));
    shoot(
        &client,
        &de.join("index.html"),
        1100,
        "package-report-12-index-full-de",
    )
    .await;

    for (level, sections) in [
        ("A", json!(["scope", "locations", "audits"])),
        (
            "A+labels",
            json!(["scope", "locations", "audits", "labels"]),
        ),
        (
            "A+labels+B",
            json!(["scope", "locations", "audits", "results", "labels"]),
        ),
    ] {
        let dir = unpacked(&report_package(home.path(), Lang::English, level));
        let name = format!(
            "package-report-13-index-partner-{}",
            level.replace('+', "-")
        );
        let page = shoot(&client, &dir.join("index.html"), 1100, &name).await;
        assert_eq!(page["sections"], sections, "{level}");
        assert_eq!(page["links"], json!([]), "a partner page links no evidence");
    }
    client.close().await.unwrap();
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| std::str::from_utf8(&bytes[i + 1..i + 3]).ok())
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(b) => {
                out.push(b);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}
