//! The report of a real workspace, judged by outside tools: poppler's `pdftotext`, `pdfinfo`
//! and `pdffonts` (Debian's poppler-utils), and `pdftoppm` pictures of the first pages in
//! `target/e2e-screens/` for a person to look at.

use super::*;
use crate::test_support::*;
use crate::{ActionInput, AuditInput, FindingId};
use chrono::TimeZone as _;
use csmsdesk_core::company::CompanyProfileInput;
use std::process::Command;

fn generated() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap()
}

fn options(lang: Lang, audit: Option<AuditId>) -> ReportOptions {
    ReportOptions {
        audit,
        lang,
        generated_at: generated(),
    }
}

/// The setup with a company, an evidence item, an audit with a finding and an action.
fn filled() -> (Setup, AuditId) {
    let mut s = setup();
    s.ws.save_company_profile(&CompanyProfileInput {
        company_name: "Müller Fahrzeugtechnik GmbH".into(),
        participant_id: String::new(),
        enx_contact: String::new(),
        language: "en".into(),
    })
    .unwrap();
    let policy = s.file("Cybersecurity policy.pdf", "policy");
    s.add(&[&policy], &["1.1"]);
    let audit =
        s.ws.add_audit(&AuditInput {
            scope: ECU,
            kind: "initial".into(),
            provider: "Audit & Co".into(),
            opening_meeting: "2026-05-20".into(),
            closing_meeting: "2026-05-31".into(),
            ..AuditInput::default()
        })
        .unwrap();
    s.ws.set_audit_result(AuditId(audit.id), "1.1", "minor", "")
        .unwrap();
    let finding =
        s.ws.add_finding(AuditId(audit.id), "1.1", "minor", "Policy unsigned", None)
            .unwrap();
    s.ws.add_action(&ActionInput {
        finding: FindingId(finding.id),
        description: "Sign the policy".into(),
        owner: "Anna Schäfer".into(),
        department: "Quality".into(),
        due: "2026-07-31".into(),
        ..ActionInput::default()
    })
    .unwrap();
    (s, AuditId(audit.id))
}

fn run(tool: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(file)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (Debian: poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Pictures of the first pages for a person, in `target/e2e-screens/report-<name>-N.png`.
fn screens(file: &Path, name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../target/e2e-screens");
    std::fs::create_dir_all(&dir).unwrap();
    let prefix = dir.join(format!("report-{name}"));
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "80", "-f", "1", "-l", "3"])
        .arg(file)
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(status.success());
}

/// Checks what every report must be: A4, fonts embedded as subsets, the company and the
/// scope on every page; returns the text of each page.
fn judge(file: &Path, company: &str, scope: &str) -> Vec<String> {
    let info = run("pdfinfo", &[], file);
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let fonts = run("pdffonts", &[], file);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type... emb sub uni object ID: emb and sub are the 4th and 3rd from the end.
        assert_eq!(
            &cols[cols.len() - 5..cols.len() - 2],
            ["yes", "yes", "yes"],
            "{row}"
        );
    }
    let text = run("pdftotext", &["-layout"], file);
    let texts: Vec<String> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(str::to_owned)
        .collect();
    assert_eq!(texts.len(), pages);
    for (i, page) in texts.iter().enumerate() {
        assert!(page.contains(company), "page {}: {page}", i + 1);
        assert!(page.contains(scope), "page {}: {page}", i + 1);
    }
    texts
}

#[test]
fn the_english_report_has_the_summary_and_every_question() {
    let (s, _) = filled();
    let out = s.root.path().join("report-en.pdf");
    let written =
        s.ws.write_report(ECU, &options(Lang::English, None), &out)
            .unwrap();
    let pages = judge(&out, "Müller Fahrzeugtechnik GmbH", "ECU");
    assert_eq!(pages.len(), written.pages);
    let all = pages.join("\n");
    let n = pages.len();
    assert!(pages[0].contains("Audit readiness report"));
    assert!(pages[0].contains("Management summary"));
    assert!(pages[0].contains("Predicted result"));
    assert!(
        pages[n - 1].contains(&format!("Page {n} of {n}")),
        "{}",
        pages[n - 1]
    );
    assert!(all.contains("Generated on 2026-11-25 at 10:00 UTC"));
    assert!(all.contains("Readiness by chapter"));
    // The action is a deadline too, overdue on the generation day.
    assert!(all.contains("Upcoming deadlines"));
    assert!(all.contains("117 days overdue"), "{all}");
    assert!(all.contains("Anna Schäfer"));
    assert!(all.contains("Sign the policy"));
    assert!(all.contains("Policy unsigned"));
    assert!(all.contains("Cybersecurity policy.pdf"), "{all}");
    // Every question of the scope's catalogue is in the detail.
    let readiness = s.ws.readiness(ECU, generated().date_naive()).unwrap();
    for q in &readiness.questions {
        assert!(all.contains(&q.id), "{}", q.id);
    }
    screens(&out, "en");
}

#[test]
fn the_german_report_speaks_german_and_shows_the_audit() {
    let (s, audit) = filled();
    let out = s.root.path().join("bericht.pdf");
    s.ws.write_report(ECU, &options(Lang::German, Some(audit)), &out)
        .unwrap();
    let pages = judge(&out, "Müller Fahrzeugtechnik GmbH", "ECU");
    let all = pages.join("\n");
    assert!(all.contains("Bericht zur Audit-Bereitschaft"));
    assert!(all.contains("Geltungsbereich"));
    assert!(all.contains("Management-Zusammenfassung"));
    assert!(all.contains("Audit-Ergebnis"));
    assert!(all.contains("Erstellt am 25.11.2026 um 10:00 Uhr UTC"));
    assert!(all.contains("31.07.2026"), "German date of the action");
    assert!(all.contains("Korrekturmaßnahmen"));
    assert!(all.contains("Seite 1 von"));
    screens(&out, "de");
}

#[test]
fn the_same_state_and_time_give_the_same_bytes() {
    let (s, audit) = filled();
    let a =
        s.ws.report_pdf(ECU, &options(Lang::English, Some(audit)))
            .unwrap();
    let b =
        s.ws.report_pdf(ECU, &options(Lang::English, Some(audit)))
            .unwrap();
    assert_eq!(a, b);
}

#[test]
fn an_audit_of_another_scope_and_a_folder_are_refused() {
    let (s, _) = filled();
    let err =
        s.ws.report_pdf(ECU, &options(Lang::English, Some(AuditId(999))))
            .unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref v) if v[0].field == "audit"),
        "{err:?}"
    );
    let err =
        s.ws.write_report(ECU, &options(Lang::English, None), s.root.path())
            .unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref v) if v[0].field == "out"),
        "{err:?}"
    );
    let missing = s.root.path().join("no/such/folder/r.pdf");
    let err =
        s.ws.write_report(ECU, &options(Lang::English, None), &missing)
            .unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref v) if v[0].field == "out"),
        "{err:?}"
    );
    assert!(!missing.exists());
}

#[test]
fn five_hundred_findings_and_two_thousand_files_break_across_pages() {
    let (mut s, audit) = filled();
    let dir = s.root.path().join("docs/many");
    std::fs::create_dir_all(&dir).unwrap();
    let paths: Vec<PathBuf> = (0..2000)
        .map(|i| {
            let p = dir.join(format!("evidence-{i:04}-with-a-rather-long-file-name.txt"));
            std::fs::write(&p, format!("file {i}")).unwrap();
            p
        })
        .collect();
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    s.add(&refs, &["1.1"]);
    for i in 0..500 {
        let f =
            s.ws.add_finding(audit, "1.1", "minor", &format!("Finding number {i}"), None)
                .unwrap();
        if i % 5 == 0 {
            s.ws.add_action(&ActionInput {
                finding: FindingId(f.id),
                description: format!("Action for finding {i}"),
                owner: format!("Owner {}", i % 9),
                due: "2026-08-31".into(),
                ..ActionInput::default()
            })
            .unwrap();
        }
    }
    let out = s.root.path().join("big.pdf");
    let written =
        s.ws.write_report(ECU, &options(Lang::English, Some(audit)), &out)
            .unwrap();
    let pages = judge(&out, "Müller Fahrzeugtechnik GmbH", "ECU");
    assert!(written.pages > 40, "{}", written.pages);
    let all = pages.join("\n");
    assert!(all.contains("evidence-1999-with-a-rather-long-file-name.txt"));
    assert!(all.contains("Finding number 499"));
    assert!(all.contains("Action for finding 495"));
    screens(&out, "large");
}

#[test]
fn the_full_package_holds_the_report_and_partner_packages_do_not() {
    let (s, audit) = filled();
    let full = s.root.path().join("full.zip");
    let report =
        s.ws.plan_package(ECU, &full, "full", Some(audit.0), generated())
            .unwrap()
            .write(&no_progress, &not_cancelled())
            .unwrap();
    assert!(
        report.files.iter().any(|f| f == "report.pdf"),
        "{:?}",
        report.files
    );
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&full).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut archive.by_name(name).unwrap(), &mut bytes).unwrap();
        bytes
    };
    let sums = String::from_utf8(read("SHA256SUMS")).unwrap();
    assert!(sums.lines().any(|l| l.ends_with("  report.pdf")), "{sums}");
    let manifest: serde_json::Value = serde_json::from_slice(&read("manifest.json")).unwrap();
    assert_eq!(manifest["report"], "report.pdf");
    // The same bytes `report` writes for the same audit, language and time.
    let (alone, _) =
        s.ws.report_pdf(ECU, &options(Lang::English, Some(audit)))
            .unwrap();
    assert_eq!(read("report.pdf"), alone);
    let index = String::from_utf8(read("index.html")).unwrap();
    assert!(
        index.contains("<a href=\"report.pdf\">Open the PDF</a>"),
        "{index}"
    );
    let partner = s.root.path().join("partner.zip");
    let report =
        s.ws.plan_package_with(
            ECU,
            &partner,
            &crate::PackageOptions {
                force: true,
                ..crate::PackageOptions::new("A+labels+B", None, generated())
            },
        )
        .unwrap()
        .write(&no_progress, &not_cancelled())
        .unwrap();
    assert!(
        !report.files.iter().any(|f| f == "report.pdf"),
        "{:?}",
        report.files
    );
}
