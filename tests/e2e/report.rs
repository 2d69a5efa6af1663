//! The printable PDF report from the app: the Dashboard's "Report (PDF)" button leads to the
//! Export screen's report panel, which writes the PDF for one audit in German; poppler's
//! `pdftotext` and `pdfinfo` judge the file, `pdftoppm` pictures its first pages into
//! `target/e2e-screens/report-app-*.png` beside the screenshots of the screen.

use std::process::Command;

use csmsdesk_core::company::CompanyProfileInput;
use csmsdesk_workspace::{AuditInput, Workspace};

use crate::evidence_workspace;
use crate::support::{Desktop, SERIAL, screens_dir};

#[tokio::test]
async fn the_report_button_writes_a_german_pdf_of_an_audit_that_poppler_reads() {
    let _one_at_a_time = SERIAL.lock().await;
    let desktop = Desktop::start();
    let ws = desktop.home.path().join("csms");
    let prepared = evidence_workspace(&ws);
    let audit = {
        let mut w = Workspace::open(&ws, chrono::Utc::now()).unwrap();
        w.save_company_profile(&CompanyProfileInput {
            company_name: "Müller Fahrzeugtechnik GmbH".into(),
            participant_id: String::new(),
            enx_contact: String::new(),
            language: "en".into(),
        })
        .unwrap();
        w.add_audit(&AuditInput {
            scope: prepared.scope,
            kind: "initial".into(),
            provider: "Audit & Co".into(),
            opening_meeting: "2026-05-20".into(),
            closing_meeting: "2026-05-31".into(),
            ..AuditInput::default()
        })
        .unwrap()
        .id
    };
    let app = desktop.launch(&["--workspace", ws.to_str().unwrap()]).await;
    app.go("dashboard").await;
    app.wait_for("#dashboard-report").await;
    app.screenshot("report-app-00-dashboard").await;
    app.click("#dashboard-report").await;
    app.wait_for("[data-view='export'] #export-report-panel")
        .await;
    app.wait_for_containing("#sharing-heading", "ECU development")
        .await;
    // The scope's audits are offered beside the self-assessment.
    app.wait_for(&format!("#report-audit option[value='{audit}']"))
        .await;
    app.screenshot("report-app-01-panel").await;

    // No path: the field says so and nothing is written.
    app.click("#report-run").await;
    app.wait_for_containing("#report-path-error", "report")
        .await;

    let out = desktop.home.path().join("Bericht.pdf");
    app.set_value("#report-audit", &audit.to_string()).await;
    app.set_value("#report-lang", "de").await;
    app.fill("#report-path", out.to_str().unwrap()).await;
    app.click("#report-run").await;
    let status = app
        .wait_for_containing("#report-status", "Bericht.pdf")
        .await;
    assert!(
        status.contains("Seiten") || status.contains("pages"),
        "{status}"
    );
    app.wait_for("#report-status.ok").await;
    app.screenshot("report-app-02-written").await;

    let info = Command::new("pdfinfo").arg(&out).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    assert!(info.contains("(A4)"), "{info}");
    let text = Command::new("pdftotext")
        .arg("-layout")
        .arg(&out)
        .arg("-")
        .output()
        .expect("pdftotext (Debian: poppler-utils)");
    let text = String::from_utf8(text.stdout).unwrap();
    for needle in [
        "Bericht zur Audit-Bereitschaft",
        "Geltungsbereich",
        "Audit-Ergebnis",
        "Erstaudit",
        "31.05.2026",
    ] {
        assert!(text.contains(needle), "{needle}: {text}");
    }
    for page in text.split('\u{c}').filter(|p| !p.trim().is_empty()) {
        assert!(page.contains("Müller Fahrzeugtechnik GmbH"), "{page}");
        assert!(page.contains("ECU development"), "{page}");
    }
    let pictures = Command::new("pdftoppm")
        .args(["-png", "-r", "80", "-f", "1", "-l", "2"])
        .arg(&out)
        .arg(screens_dir().join("report-app-pdf"))
        .status()
        .unwrap();
    assert!(pictures.success());
    app.quit(&ws).await;
}
