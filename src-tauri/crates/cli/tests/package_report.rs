//! `export --versions reviewed|newest` with its warning about unreviewed evidence, and the
//! refusal of a partner package above the scope's publication and sharings without `--force`,
//! run as a process.

use std::io::Read as _;
use std::path::{Path, PathBuf};

mod common;
use common::{cli, stdout_json};

use common::{ok_in as ok, run_in as run};

/// A workspace with one scope and one evidence item changed after its review.
fn workspace(h: &Path) -> PathBuf {
    let ws = h.join("ws");
    let out = cli(h)
        .args(["init", "--company", "ACME", "--workspace"])
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
    std::fs::create_dir_all(h.join("docs")).unwrap();
    let policy = h.join("docs/policy.pdf");
    std::fs::write(&policy, "policy v1").unwrap();
    ok(
        h,
        &ws,
        &[
            "evidence",
            "add",
            policy.to_str().unwrap(),
            "--link",
            "1.1.a",
        ],
    );
    std::fs::write(&policy, "policy v2, unreviewed").unwrap();
    ok(h, &ws, &["evidence", "scan"]);
    ws
}

fn evidence_bytes(package: &Path) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(package).unwrap()).unwrap();
    let mut bytes = Vec::new();
    archive
        .by_name("evidence/1.1/policy.pdf")
        .unwrap()
        .read_to_end(&mut bytes)
        .unwrap();
    bytes
}

#[test]
fn export_warns_of_unreviewed_evidence_and_takes_the_reviewed_version_unless_newest_is_asked() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = workspace(h);
    let reviewed = h.join("reviewed.zip");
    let out = ok(
        h,
        &ws,
        &[
            "--json",
            "export",
            "--scope",
            "ECU",
            "--out",
            reviewed.to_str().unwrap(),
        ],
    );
    let warning = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        warning
            .contains("1 linked evidence item has changes that were not reviewed: #1 policy.pdf")
            && warning.contains("last reviewed versions"),
        "{warning}"
    );
    assert_eq!(
        stdout_json(&out)["level"],
        "full",
        "stdout stays the one document"
    );
    assert_eq!(evidence_bytes(&reviewed), b"policy v1");

    let newest = h.join("newest.zip");
    let out = ok(
        h,
        &ws,
        &[
            "export",
            "--scope",
            "ECU",
            "--out",
            newest.to_str().unwrap(),
            "--versions",
            "newest",
        ],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("their newest versions"));
    assert_eq!(evidence_bytes(&newest), b"policy v2, unreviewed");

    let bad = run(
        h,
        &ws,
        &[
            "export",
            "--scope",
            "ECU",
            "--out",
            h.join("x.zip").to_str().unwrap(),
            "--versions",
            "latest",
        ],
    );
    assert_eq!(bad.status.code(), Some(1), "bad input");
    let text = String::from_utf8_lossy(&bad.stderr);
    assert!(
        text.contains("versions") && text.contains("reviewed") && text.contains("newest"),
        "{text}"
    );
    assert!(!h.join("x.zip").exists());
}

#[test]
fn a_partner_package_above_what_the_scope_is_shared_at_needs_force() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = workspace(h);
    let partner = h.join("partner.zip");
    let args = [
        "export",
        "--scope",
        "ECU",
        "--out",
        partner.to_str().unwrap(),
        "--level",
        "A+labels",
    ];
    let refused = run(h, &ws, &args);
    assert_eq!(refused.status.code(), Some(1));
    let text = String::from_utf8_lossy(&refused.stderr);
    assert!(
        text.contains("A package at level A+labels shows more than scope ECU is published or shared at (do-not-share)")
            && text.contains("--force"),
        "says why and how: {text}"
    );
    assert!(!partner.exists(), "nothing written");
    assert!(
        !text.contains("not reviewed"),
        "no evidence warning for a partner package"
    );

    let mut forced = args.to_vec();
    forced.push("--force");
    ok(h, &ws, &forced);
    assert!(partner.exists());
    std::fs::remove_file(&partner).unwrap();

    ok(
        h,
        &ws,
        &["share", "publish", "--scope", "ECU", "--level", "A+labels"],
    );
    ok(h, &ws, &args);
    assert!(
        partner.exists(),
        "published at that level: no --force needed"
    );
}
