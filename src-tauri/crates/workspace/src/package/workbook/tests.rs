use std::io::Read as _;
use std::path::Path;
use std::process::Command;

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::test_support::*;
use crate::{ActionInput, AuditInput, LocationInput, ScopeInput, Workspace};

fn generated() -> DateTime<Utc> {
    chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 25, 10, 0, 0).unwrap()
}

/// A workspace whose catalogue was imported from the user's own `.xlsx` (the rich fixture:
/// extra sheets, styles, formulas, hidden columns, a data validation), with scope "ECU".
fn from_own_xlsx() -> (Setup, Vec<u8>) {
    let root = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(&root.path().join("ws"), now()).unwrap();
    let original = csmsdesk_workbook::fixtures::rich_catalogue();
    let file = root.path().join("VCSA_own_copy.xlsx");
    std::fs::write(&file, &original).unwrap();
    ws.import_catalogue(&file, now()).unwrap();
    ws.add_location(&LocationInput {
        name: "Plant Nord".into(),
        cs_activities: true,
        ..LocationInput::default()
    })
    .unwrap();
    ws.add_scope(
        &ScopeInput {
            name: "ECU".into(),
            locations: vec![PLANT_NORD],
            objectives: vec!["development".into()],
            ..ScopeInput::default()
        },
        crate::test_support::today(),
    )
    .unwrap();
    std::fs::create_dir(root.path().join("docs")).unwrap();
    (Setup { root, ws }, original)
}

/// Self-assessment, evidence, and an audit with a minor finding (with an action) on 1.1 and
/// an observation and a room for improvement (without) on 1.2.
fn fill_in(s: &mut Setup) {
    let policy = s.file("Policy.pdf", "policy");
    s.add(&[&policy], &["1.1.a"]);
    s.ws.assess(
        ECU,
        "1.1",
        "minor",
        Some("Board-signed policy & <process>"),
        Some("QM manual §3"),
        now(),
    )
    .unwrap();
    let audit =
        s.ws.add_audit(&AuditInput {
            scope: ECU,
            kind: "initial".into(),
            closing_meeting: "2026-05-31".into(),
            ..AuditInput::default()
        })
        .unwrap();
    let minor =
        s.ws.add_finding(
            AuditId(audit.id),
            "1.1",
            "minor",
            "Policy not reviewed yearly",
            None,
        )
        .unwrap();
    s.ws.add_action(&ActionInput {
        finding: FindingId(minor.id),
        description: "Add a yearly review".into(),
        owner: "Ann Example".into(),
        department: "Quality".into(),
        due: "2026-07-31".into(),
        ..ActionInput::default()
    })
    .unwrap();
    s.ws.add_finding(
        AuditId(audit.id),
        "1.2",
        "observation",
        "Training records scattered",
        None,
    )
    .unwrap();
    s.ws.add_finding(
        AuditId(audit.id),
        "1.2",
        "improvement",
        "Consider e-learning",
        None,
    )
    .unwrap();
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

fn workbook_name(path: &Path) -> String {
    let archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    archive
        .file_names()
        .filter_map(Result::ok)
        .find(|n| n.starts_with("workbook/"))
        .unwrap()
        .into_owned()
}

/// Raw entries (name, compressed bytes) of an .xlsx.
fn raw(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut part = archive.by_index_raw(i).unwrap();
            let mut data = Vec::new();
            part.read_to_end(&mut data).unwrap();
            (part.name().unwrap().into_owned(), data)
        })
        .collect()
}

/// openpyxl's values of `cells` on sheet `sheet` of the workbook at `path`.
fn openpyxl(path: &Path, sheet: &str, cells: &[&str]) -> Vec<String> {
    let script = r#"
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]
print(json.dumps([str(ws[c].value) if ws[c].value is not None else "" for c in sys.argv[3:]]))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .arg(sheet)
        .args(cells)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The 1-based row of question `id` on the catalogue sheet of `xlsx`.
fn row_of(xlsx: &[u8], id: &str) -> usize {
    let grid = csmsdesk_workbook::read_catalogue_sheets(xlsx)
        .unwrap()
        .catalogue;
    let places = csmsdesk_core::catalogue::fill_places(&grid).unwrap();
    places.questions.iter().find(|(q, _)| q == id).unwrap().1
}

#[test]
fn the_users_own_xlsx_is_kept_journalled_and_filled_in_place_in_the_package() {
    let (mut s, original) = from_own_xlsx();
    let (catalogue, _) = s.ws.catalogue(None).unwrap();
    let sha256 = catalogue
        .original_sha256
        .clone()
        .expect("the original is kept");
    let blob = s.ws.vault().unwrap().blob_path(&sha256);
    assert!(
        std::fs::read(&blob).unwrap() == original,
        "the vault holds the file as imported"
    );
    let journalled = s.ws.journal_entries().unwrap().into_iter().any(|e| {
        e.table == "catalogue"
            && e.op == "insert"
            && e.after.as_deref().is_some_and(|a| a.contains(&sha256))
    });
    assert!(
        journalled,
        "the import and its kept original are in the journal"
    );
    // `check` re-hashes the kept workbook with the evidence.
    assert!(s.ws.check(&not_cancelled()).unwrap().ok());

    fill_in(&mut s);
    let out = s.root.path().join("p.zip");
    s.ws.export_package(ECU, &out, "full", None, generated())
        .unwrap();
    let manifest: Value = serde_json::from_slice(&entry(&out, "manifest.json")).unwrap();
    assert_eq!(manifest["workbook"], "filled_original");
    assert!(
        crate::verify_package(&out).unwrap().ok(),
        "the package verifies"
    );
    let index = String::from_utf8(entry(&out, "index.html")).unwrap();
    assert!(index.contains("<dt>Workbook</dt><dd>the imported ENX workbook, filled in</dd>"));
    let filled = entry(&out, &workbook_name(&out));

    // Every part but the catalogue sheet and the result sheet that reads it is byte for byte
    // the user's file.
    let (before, after) = (raw(&original), raw(&filled));
    assert_eq!(
        before.iter().map(|e| &e.0).collect::<Vec<_>>(),
        after.iter().map(|e| &e.0).collect::<Vec<_>>()
    );
    let changed: Vec<&str> = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| b.1 != a.1)
        .map(|(b, _)| b.0.as_str())
        .collect();
    assert_eq!(
        changed,
        ["xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"]
    );

    let path = s.root.path().join("filled.xlsx");
    std::fs::write(&path, &filled).unwrap();
    let (q1, q2) = (row_of(&filled, "1.1"), row_of(&filled, "1.2"));
    let cols = ["E", "F", "G", "H", "P", "Q", "R", "S", "T"];
    let cells: Vec<String> = cols.iter().map(|c| format!("{c}{q1}")).collect();
    let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
    let v = openpyxl(&path, "Vehicle CyberSecurity", &refs);
    assert_eq!(v[0], "minor-non-conform");
    assert_eq!(v[1], "Board-signed policy & <process>");
    assert!(
        v[2].starts_with("QM manual §3\n") && v[2].contains("(evidence/1.1/Policy.pdf)"),
        "{}",
        v[2]
    );
    assert_eq!(v[3], "initial · minor: Policy not reviewed yearly");
    assert!(
        v[4].starts_with("Add a yearly review (Ann Example, Quality, due 2026-07-31"),
        "{}",
        v[4]
    );
    assert_eq!(v[5], "2026-11-25", "date of assessment");
    assert_eq!(v[6], "2026-07-31", "date of completion");
    assert_eq!(v[7], "Quality");
    assert_eq!(v[8], "Ann Example");
    // The observation and the room for improvement, which have no action, are there too.
    let h2 = openpyxl(
        &path,
        "Vehicle CyberSecurity",
        &[&format!("H{q2}"), &format!("P{q2}")],
    );
    assert_eq!(
        h2[0],
        "initial · observation: Training records scattered\ninitial · improvement: Consider e-learning"
    );
    assert_eq!(h2[1], "");
}

#[test]
fn the_demo_and_a_missing_original_keep_the_generated_layout_and_say_so() {
    let mut s = setup();
    assert_eq!(
        s.ws.catalogue(None).unwrap().0.original_sha256,
        None,
        "the demo is not kept"
    );
    fill_in(&mut s);
    let out = s.root.path().join("p.zip");
    s.ws.export_package(ECU, &out, "full", None, generated())
        .unwrap();
    let manifest: Value = serde_json::from_slice(&entry(&out, "manifest.json")).unwrap();
    assert_eq!(manifest["workbook"], "generated");
    let index = String::from_utf8(entry(&out, "index.html")).unwrap();
    assert!(index.contains("<dt>Workbook</dt><dd>generated in the ENX layout</dd>"));
    // The generated layout lists every finding too, with or without an action.
    let path = s.root.path().join("generated.xlsx");
    std::fs::write(&path, entry(&out, &workbook_name(&out))).unwrap();
    let findings = openpyxl(
        &path,
        "Findings",
        &["C2", "D2", "E2", "C3", "E3", "C4", "D4"],
    );
    assert_eq!(
        findings,
        [
            "minor",
            "Policy not reviewed yearly",
            "Add a yearly review",
            "observation",
            "",
            "improvement",
            "Consider e-learning"
        ]
    );

    // A kept original that went missing from the vault: the package still comes out, in the
    // generated layout, and says so.
    let (mut own, _) = from_own_xlsx();
    fill_in(&mut own);
    let sha256 = own.ws.catalogue(None).unwrap().0.original_sha256.unwrap();
    std::fs::remove_file(own.ws.vault().unwrap().blob_path(&sha256)).unwrap();
    let out = own.root.path().join("p.zip");
    own.ws
        .export_package(ECU, &out, "full", None, generated())
        .unwrap();
    let manifest: Value = serde_json::from_slice(&entry(&out, "manifest.json")).unwrap();
    assert_eq!(manifest["workbook"], "generated");
}

/// 2,000 files linked to one requirement: more than a cell holds once listed.
fn link_many(s: &mut Setup) {
    let files: Vec<std::path::PathBuf> = (0..2000)
        .map(|i| {
            s.file(
                &format!("many/Evidence document number {i:04}.pdf"),
                &format!("content {i}"),
            )
        })
        .collect();
    let refs: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
    s.add(&refs, &["1.1.a"]);
}

fn assert_cut_cell(path: &Path, row: usize) {
    let v = openpyxl(path, "Vehicle CyberSecurity", &[&format!("G{row}")]);
    let cell = &v[0];
    assert!(cell.encode_utf16().count() <= 32_767, "{}", cell.len());
    let last = cell.lines().last().unwrap();
    let shown = cell.lines().count() - 1;
    assert_eq!(
        last,
        format!("… and {} more, see manifest.json", 2000 - shown)
    );
}

#[test]
fn a_requirement_with_2000_linked_files_exports_in_both_layouts() {
    for own in [false, true] {
        let mut s = if own { from_own_xlsx().0 } else { setup() };
        link_many(&mut s);
        let out = s.root.path().join("p.zip");
        s.ws.export_package(ECU, &out, "full", None, generated())
            .unwrap();
        let manifest: Value = serde_json::from_slice(&entry(&out, "manifest.json")).unwrap();
        assert_eq!(
            manifest["evidence"].as_array().unwrap().len(),
            2000,
            "the manifest lists all"
        );
        let filled = entry(&out, &workbook_name(&out));
        let path = s.root.path().join("w.xlsx");
        std::fs::write(&path, &filled).unwrap();
        assert_cut_cell(&path, row_of(&filled, "1.1"));
    }
}

#[test]
fn the_same_state_gives_the_same_filled_original_byte_for_byte() {
    let (mut s, _) = from_own_xlsx();
    fill_in(&mut s);
    // Planned and written twice without recording (recording is a change of its own).
    let write = |name: &str| {
        let out = s.root.path().join(name);
        s.ws.plan_package(ECU, &out, "full", None, generated())
            .unwrap()
            .write(&no_progress, &not_cancelled())
            .unwrap();
        entry(&out, &workbook_name(&out))
    };
    assert!(write("one.zip") == write("two.zip"));
}
