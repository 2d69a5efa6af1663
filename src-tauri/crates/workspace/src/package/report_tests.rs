//! What the auditor sees: review status and the choice of versions, NA and deviation
//! justifications, the partner level check, and `index.html` as a complete report (judged by
//! Python's html.parser, not by our own code).

use super::*;
use crate::test_support::*;
use crate::{ActionInput, AuditId, AuditInput, FindingId, ProtectionObjectInput};
use csmsdesk_core::i18n::Lang;
use serde_json::Value;
use std::process::Command;

fn generated() -> DateTime<Utc> {
    chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 25, 10, 0, 0).unwrap()
}

fn options(level: &str, versions: Versions, lang: Lang) -> PackageOptions {
    PackageOptions {
        versions,
        lang,
        force: false,
        ..PackageOptions::new(level, None, generated())
    }
}

fn entry(path: &Path, name: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut bytes = Vec::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_end(&mut bytes)
        .unwrap();
    bytes
}

fn manifest(path: &Path) -> Value {
    serde_json::from_slice(&entry(path, "manifest.json")).unwrap()
}

/// Unpacks the package into a folder of its own and runs `sha256sum -c SHA256SUMS` there.
fn sums_check(path: &Path) {
    let dir = path.with_extension("unpacked");
    let unzip = Command::new("unzip")
        .args(["-q", "-o"])
        .arg(path)
        .arg("-d")
        .arg(&dir)
        .status()
        .unwrap();
    assert!(unzip.success());
    let check = Command::new("sha256sum")
        .args(["-c", SUMS])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

/// A scope with three evidence items, one of them changed after its review.
fn with_unreviewed_change() -> Setup {
    let mut s = setup();
    let a = s.file("policy.pdf", "policy v1");
    let b = s.file("tara.xlsx", "tara");
    s.add(&[&a], &["1.1.a"]);
    s.add(&[&b], &["1.1.b"]);
    std::fs::write(&a, "policy v2, not reviewed").unwrap();
    s.ws.scan_evidence(false, now(), &no_progress, &not_cancelled())
        .unwrap();
    s
}

#[test]
fn unreviewed_changes_are_warned_and_the_reviewed_version_goes_in_unless_newest_is_chosen() {
    let mut s = with_unreviewed_change();
    let warnings = s.ws.package_warnings(ECU, "full").unwrap();
    assert_eq!(warnings.unreviewed.len(), 1, "{warnings:?}");
    let item = &warnings.unreviewed[0];
    assert_eq!(
        (
            item.title.as_str(),
            item.reviewed_version,
            item.latest_version
        ),
        ("policy.pdf", 1, 2)
    );
    assert!(
        s.ws.package_warnings(ECU, "A")
            .unwrap()
            .unreviewed
            .is_empty(),
        "a partner package holds no evidence to warn about"
    );

    let reviewed = s.root.path().join("reviewed.zip");
    s.ws.export_package_with(
        ECU,
        &reviewed,
        &options("full", Versions::Reviewed, Lang::English),
    )
    .unwrap();
    assert_eq!(entry(&reviewed, "evidence/1.1/policy.pdf"), b"policy v1");
    let m = manifest(&reviewed);
    assert_eq!(m["evidence_versions"], "reviewed");
    let policy = &m["evidence"][0];
    assert_eq!(policy["title"], "policy.pdf");
    assert_eq!(
        (&policy["version"], &policy["latest_version"]),
        (&1.into(), &2.into())
    );
    assert_eq!(policy["reviewed"], true);
    assert_eq!(
        policy["reviewed_by"],
        // The OS user on a desk, the database user on a server.
        s.ws.journal_entries().unwrap()[0].user.as_str(),
        "who reviewed it, from the journal"
    );
    assert!(policy["reviewed_at"].as_str().unwrap().starts_with("20"));
    sums_check(&reviewed);
    let index = String::from_utf8(entry(&reviewed, "index.html")).unwrap();
    assert!(index.contains("A newer version 2 exists"), "{index}");

    let newest = s.root.path().join("newest.zip");
    s.ws.export_package_with(
        ECU,
        &newest,
        &options("full", Versions::Newest, Lang::English),
    )
    .unwrap();
    assert_eq!(
        entry(&newest, "evidence/1.1/policy.pdf"),
        b"policy v2, not reviewed"
    );
    let m = manifest(&newest);
    assert_eq!(m["evidence_versions"], "newest");
    let policy = &m["evidence"][0];
    assert_eq!(
        (&policy["version"], &policy["reviewed"]),
        (&2.into(), &false.into())
    );
    assert!(policy["reviewed_by"].is_null() && policy["reviewed_at"].is_null());
    let tara = &m["evidence"][1];
    assert_eq!(tara["reviewed"], true, "{tara}");
    sums_check(&newest);
    let index = String::from_utf8(entry(&newest, "index.html")).unwrap();
    assert!(index.contains("Not reviewed"), "{index}");

    let error = Versions::parse("latest").unwrap_err();
    assert_eq!(error.field_errors()[0].field, "versions");
    assert_eq!(Versions::parse("").unwrap(), Versions::Reviewed);
}

#[test]
fn na_and_deviation_justifications_reach_the_manifest_the_page_and_the_workbook() {
    let mut s = setup();
    let a = s.file("policy.pdf", "policy");
    s.add(&[&a], &["1.1.a"]);
    s.ws.set_applicability(ECU, "1.2", false, "No <b>suppliers</b> & no parts")
        .unwrap();
    s.ws.set_deviation(ECU, "1.1.c", "We build no vehicles.")
        .unwrap();
    let out = s.root.path().join("p.zip");
    s.ws.export_package_with(
        ECU,
        &out,
        &options("full", Versions::Reviewed, Lang::English),
    )
    .unwrap();
    let m = manifest(&out);
    let q = |id: &str| {
        m["questions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        q("1.2")["na_justification"],
        "No <b>suppliers</b> & no parts"
    );
    let c = q("1.1")["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "1.1.c")
        .unwrap()
        .clone();
    assert_eq!(c["deviation"], "We build no vehicles.");
    let index = String::from_utf8(entry(&out, "index.html")).unwrap();
    assert!(
        index.contains("Not applicable: No &lt;b&gt;suppliers&lt;/b&gt; &amp; no parts"),
        "escaped, never markup"
    );
    assert!(!index.contains("<b>suppliers"));
    assert!(index.contains("Deviation from 1.1.c: We build no vehicles."));
    let workbook = entry(&out, "workbook/ECU - ENX VCS.xlsx");
    let sheets = csmsdesk_workbook::read_catalogue_sheets(&workbook).unwrap();
    let filled = csmsdesk_core::catalogue::parse_filled_questions(&sheets.catalogue).unwrap();
    let implementation = |id: &str| {
        filled
            .iter()
            .find(|q| q.question_id == id)
            .and_then(|q| q.implementation.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        implementation("1.2"),
        "Not applicable: No <b>suppliers</b> & no parts"
    );
    assert_eq!(
        implementation("1.1"),
        "Deviation from 1.1.c: We build no vehicles."
    );
}

#[test]
fn a_partner_package_above_the_publication_and_sharings_is_refused_unless_meant() {
    let mut s = setup();
    let out = s.root.path().join("partner.zip");
    let plan = |s: &Setup, level: &str, force: bool| {
        let mut o = options(level, Versions::Reviewed, Lang::English);
        o.force = force;
        s.ws.plan_package_with(ECU, &out, &o)
    };
    let error = plan(&s, "A", false).unwrap_err();
    let problem = &error.field_errors()[0];
    assert_eq!(
        (problem.field.as_str(), problem.message.key),
        ("level", "package.above_shared")
    );
    assert!(
        problem
            .message
            .render(Lang::English)
            .contains("do-not-share"),
        "it says what the scope is shared at"
    );
    assert!(plan(&s, "A", true).is_ok(), "confirmed, it is written");
    assert!(
        plan(&s, "full", false).is_ok(),
        "the full package is the supplier's own"
    );
    s.ws.set_publication(ECU, "A").unwrap();
    assert!(plan(&s, "A", false).is_ok());
    assert!(plan(&s, "A+labels", false).is_err());
    assert!(
        s.ws.package_warnings(ECU, "A+labels")
            .unwrap()
            .above_shared
            .is_some()
    );
    s.ws.add_sharing(ECU, "OEM", "P1A2B3", "A+labels+B", "2026-11-20")
        .unwrap();
    assert!(
        plan(&s, "A+labels+B", false).is_ok(),
        "shared at that level"
    );
    assert!(
        s.ws.package_warnings(ECU, "A+labels+B")
            .unwrap()
            .above_shared
            .is_none()
    );
}

/// A workspace with something in every section of the report.
fn everything() -> Setup {
    let mut s = setup();
    let a = s.file("policy.pdf", "policy");
    s.add(&[&a], &["1.1.a"]);
    s.ws.assess(
        ECU,
        "1.1",
        "minor",
        Some("Signed by the board"),
        None,
        now(),
    )
    .unwrap();
    s.ws.add_protection_object(&ProtectionObjectInput {
        scope: ECU,
        name: "Brake ECU <v2>".into(),
        item: "ECU".into(),
        customer: "OEM A".into(),
        objectives: Some(vec!["development".into()]),
        ..ProtectionObjectInput::default()
    })
    .unwrap();
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
        owner: "Anna".into(),
        department: "Quality".into(),
        due: "2026-07-31".into(),
        ..ActionInput::default()
    })
    .unwrap();
    s
}

/// The sections (`<section id>`), the visible text, the hrefs and problems of structure of
/// an HTML page, as Python's html.parser sees it.
fn parsed(html: &str) -> Value {
    let script = r#"
import json, sys
from html.parser import HTMLParser
VOID = {"meta", "br", "link", "img", "hr", "input", "col", "wbr"}
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.sections, self.text, self.problems, self.tags = [], [], [], [], set()
        self.hrefs, self.style = [], 0
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        a = dict(attrs)
        if tag == "section": self.sections.append(a.get("id"))
        if "href" in a: self.hrefs.append(a["href"])
        if tag == "style": self.style += 1
        if tag not in VOID: self.stack.append(tag)
    def handle_endtag(self, tag):
        if tag == "style": self.style -= 1
        if not self.stack or self.stack[-1] != tag:
            self.problems.append("unexpected </%s> in %s" % (tag, self.stack[-3:]))
        else:
            self.stack.pop()
    def handle_data(self, data):
        if not self.style and data.strip(): self.text.append(data.strip())
p = P()
p.feed(sys.stdin.read())
p.close()
if p.stack: p.problems.append("unclosed %s" % p.stack)
print(json.dumps({"sections": p.sections, "text": "\n".join(p.text), "problems": p.problems,
                  "tags": sorted(p.tags), "hrefs": p.hrefs}))
"#;
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), html.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Words that show a raw key or machine value instead of a human word.
const RAW: [&str; 12] = [
    "report-",
    "report.",
    "development",
    "temporary",
    "initial",
    "sample-check",
    "in-progress",
    "needs-review",
    "CONDITIONAL-PASS",
    "INCOMPLETE",
    "2026-11-25T10:00:00Z",
    "{$",
];

#[test]
fn index_html_is_a_complete_readable_report_in_the_users_language() {
    let mut s = everything();
    let out = s.root.path().join("en.zip");
    s.ws.export_package_with(
        ECU,
        &out,
        &options("full", Versions::Reviewed, Lang::English),
    )
    .unwrap();
    let html = String::from_utf8(entry(&out, "index.html")).unwrap();
    let page = parsed(&html);
    assert_eq!(page["problems"], Value::Array(vec![]), "well formed");
    assert_eq!(
        page["sections"],
        serde_json::json!([
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
    let tags: Vec<&str> = page["tags"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for banned in ["script", "img", "iframe", "object", "link", "embed"] {
        assert!(!tags.contains(&banned), "no <{banned}>");
    }
    assert!(html.contains("@media print") && html.contains("size:A4"));
    let text = page["text"].as_str().unwrap();
    for raw in RAW {
        assert!(!text.contains(raw), "raw “{raw}” in the page:\n{text}");
    }
    for human in [
        "Self-assessment",
        "VCS Development",
        "Initial audit",
        "1. Organisational check: Open",
        "Minor non-conformity",
        "Brake ECU <v2>",
        "Audit & Co",
        "Sign the policy",
        "2026-11-25 10:00 UTC",
        "Reviewed by",
    ] {
        assert!(text.contains(human), "“{human}” missing:\n{text}");
    }
    assert!(
        !text.contains("Result\n"),
        "the self-assessment is called that"
    );
    let sha = manifest(&out)["evidence"][0]["sha256"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(text.contains(&sha), "the list of files shows the hash");
    assert!(
        text.contains(&format!("{}…", &sha[..12])),
        "the index per requirement shows its start"
    );
    assert_eq!(
        page["hrefs"],
        serde_json::json!([
            "report.pdf",
            "evidence/1.1/policy.pdf",
            "evidence/1.1/policy.pdf"
        ])
    );

    let out = s.root.path().join("de.zip");
    s.ws.export_package_with(
        ECU,
        &out,
        &options("full", Versions::Reviewed, Lang::German),
    )
    .unwrap();
    let html = String::from_utf8(entry(&out, "index.html")).unwrap();
    assert!(html.contains("<html lang=\"de\">"));
    let text = parsed(&html)["text"].as_str().unwrap().to_owned();
    for raw in RAW {
        assert!(!text.contains(raw), "raw “{raw}” in the German page");
    }
    for human in [
        "Selbstbewertung",
        "25.11.2026 10:00 UTC",
        "31.05.2026",
        "Schutzobjekte",
    ] {
        assert!(text.contains(human), "“{human}” missing:\n{text}");
    }
}

#[test]
fn a_partner_page_shows_exactly_what_its_level_allows() {
    let mut s = everything();
    s.ws.set_publication(ECU, "A+labels+B").unwrap();
    let sections = |s: &mut Setup, level: &str| {
        let out = s
            .root
            .path()
            .join(format!("{}.zip", level.replace('+', "_")));
        s.ws.export_package_with(
            ECU,
            &out,
            &options(level, Versions::Reviewed, Lang::English),
        )
        .unwrap();
        sums_check(&out);
        let html = String::from_utf8(entry(&out, "index.html")).unwrap();
        let page = parsed(&html);
        assert_eq!(page["problems"], Value::Array(vec![]));
        let text = page["text"].as_str().unwrap().to_owned();
        for secret in [
            "Signed by the board",
            "Policy unsigned",
            "Sign the policy",
            "policy.pdf",
            "Brake ECU",
        ] {
            assert!(!text.contains(secret), "{level} shows {secret}");
        }
        (page["sections"].clone(), text)
    };
    let (a, text) = sections(&mut s, "A");
    assert_eq!(a, serde_json::json!(["scope", "locations", "audits"]));
    for shown in [
        "ECU",
        "VCS Development",
        "Plant Nord",
        "Audit & Co",
        "2026-05-31",
        "Initial audit",
    ] {
        assert!(text.contains(shown), "level A shows {shown}:\n{text}");
    }
    assert!(
        !text.contains("Organisational check"),
        "the phases are internal"
    );
    let (labels, _) = sections(&mut s, "A+labels");
    assert_eq!(
        labels,
        serde_json::json!(["scope", "locations", "audits", "labels"])
    );
    let (b, text) = sections(&mut s, "A+labels+B");
    assert_eq!(
        b,
        serde_json::json!(["scope", "locations", "audits", "results", "labels"])
    );
    assert!(text.contains("Minor non-conformity"), "{text}");
}
