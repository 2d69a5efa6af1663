// The judge of "nothing changed" for the hostile-input corpus, included by both runners: the
// workspace as data, read by Python's sqlite3 (not our code) while it may be open elsewhere:
// every row of every table (`iterdump`) and every vault file with its size.

/// The dump of the workspace in `ws`.
fn dump(ws: &std::path::Path) -> String {
    let script = r#"
import os, sqlite3, sys
ws = sys.argv[1]
db = sqlite3.connect("file:" + os.path.join(ws, "workspace.sqlite") + "?mode=ro", uri=True)
for line in db.iterdump():
    print(line)
for root, dirs, files in sorted(os.walk(os.path.join(ws, "vault"))):
    for f in sorted(files):
        path = os.path.join(root, f)
        print(os.path.relpath(path, ws), os.path.getsize(path))
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(ws)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "dump: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
