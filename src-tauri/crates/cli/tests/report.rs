//! `report`: the printable PDF report, run as a process and judged by poppler's `pdfinfo` and
//! `pdftotext` (Debian's poppler-utils).

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{cli, stdout_json};

use common::{ok_in as ok, run_in as run};

fn workspace(h: &Path) -> PathBuf {
    let ws = h.join("ws");
    let out = cli(h)
        .args(["init", "--company", "Muster GmbH", "--workspace"])
        .arg(&ws)
        .output()
        .unwrap();
    assert!(out.status.success());
    ok(h, &ws, &["catalogue", "import", "--demo"]);
    ok(h, &ws, &["location", "add", "Plant Nord"]);
    ok(
        h,
        &ws,
        &[
            "scope",
            "add",
            "ECU",
            "--objective",
            "development",
            "--location",
            "Plant Nord",
        ],
    );
    ws
}

fn pdftotext(file: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(file)
        .arg("-")
        .output()
        .expect("pdftotext (Debian: poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn report_writes_a_pdf_in_the_language_asked_and_the_same_bytes_for_the_same_time() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    let ws = workspace(h);
    let first = h.join("first.pdf");
    let at = "2026-11-25T10:00:00Z";
    let out = ok(
        h,
        &ws,
        &[
            "--json",
            "report",
            "--scope",
            "ECU",
            "--out",
            first.to_str().unwrap(),
            "--generated-at",
            at,
            "--lang",
            "de",
        ],
    );
    let json = stdout_json(&out);
    let pages = json["pages"].as_u64().unwrap();
    assert!(pages >= 2, "{json}");
    let info = Command::new("pdfinfo").arg(&first).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    let counted = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse::<u64>().unwrap());
    assert_eq!(counted, Some(pages), "{info}");
    assert!(info.contains("(A4)"), "{info}");
    let text = pdftotext(&first);
    assert!(text.contains("Bericht zur Audit-Bereitschaft"));
    assert!(text.contains("Geltungsbereich"));
    assert!(text.contains("Erstellt am 25.11.2026"));
    for page in text.split('\u{c}').filter(|p| !p.trim().is_empty()) {
        assert!(
            page.contains("Muster GmbH") && page.contains("ECU"),
            "{page}"
        );
    }
    let second = h.join("second.pdf");
    ok(
        h,
        &ws,
        &[
            "report",
            "--scope",
            "ECU",
            "--out",
            second.to_str().unwrap(),
            "--generated-at",
            at,
            "--lang",
            "DE",
        ],
    );
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
    // Without --lang: the workspace's language (English here).
    let english = h.join("english.pdf");
    let out = ok(
        h,
        &ws,
        &[
            "report",
            "--scope",
            "ECU",
            "--out",
            english.to_str().unwrap(),
        ],
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("english.pdf"));
    assert!(pdftotext(&english).contains("Audit readiness report"));
}

#[test]
fn report_refuses_an_unknown_scope_audit_language_and_folder_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    let ws = workspace(h);
    let target = h.join("r.pdf");
    let t = target.to_str().unwrap();
    let inside = ws.join("r.pdf");
    for (args, said) in [
        (
            vec![
                "report",
                "--scope",
                "ECU",
                "--out",
                inside.to_str().unwrap(),
            ],
            "inside the workspace folder",
        ),
        (vec!["report", "--scope", "Nope", "--out", t], "Nope"),
        (
            vec!["report", "--scope", "ECU", "--out", t, "--audit", "42"],
            "42",
        ),
        (
            vec!["report", "--scope", "ECU", "--out", t, "--lang", "fr"],
            "fr",
        ),
        (
            vec!["report", "--scope", "ECU", "--out", "missing/folder/r.pdf"],
            "missing",
        ),
        (
            vec![
                "report",
                "--scope",
                "ECU",
                "--out",
                t,
                "--generated-at",
                "yesterday",
            ],
            "yesterday",
        ),
    ] {
        let out = run(h, &ws, &args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{args:?}: {err}");
        assert!(!target.exists() && !inside.exists());
    }
}
