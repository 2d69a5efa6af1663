//! The Windows part of the CLI's process tests: `csmsdesk-cli.exe`, cross-built for
//! `x86_64-pc-windows-gnu`, run under Wine. `cargo xtask test` builds the exe and the test
//! helpers and names them, Wine and its prefix in the environment (`test = false` in
//! Cargo.toml keeps this file out of a plain `cargo test`, which has no Windows build).
//!
//! Paths are given as a Windows user types them: Wine's drive `Z:` is the Unix root, so
//! `/tmp/x` is `Z:\tmp\x`. Every command family runs; then what Windows does differently:
//! paths shown as typed, packages byte for byte the ones Linux writes, long paths, shares,
//! a source held open by another program, the default workspace under `%APPDATA%`, the
//! lock, and writing over an existing file. (Names that are no valid UTF-16 cannot be made
//! under Wine, which stores names as UTF-8: store's unit tests, run under Wine too, cover
//! them.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod common;
use common::{cli, stdout_json as json, texts, windows_cli, with_test_env};

/// The generation time both systems write their package with.
const GENERATED_AT: &str = "2026-11-25T10:00:00Z";

/// `path` as a Windows user types it.
fn z(path: &Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

fn require_windows() {
    assert!(
        windows_cli().is_some(),
        "this suite runs csmsdesk-cli.exe under Wine: run it through `cargo xtask test`, which \
         builds the exe and sets {} and {}",
        common::WINDOWS_CLI_ENV,
        common::WINE_ENV
    );
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs the Windows CLI with `args` and `--workspace ws` (when given); asserts exit `code`.
fn win(home: &Path, ws: Option<&str>, args: &[&str], code: i32) -> Output {
    let mut cmd = cli(home);
    cmd.args(args);
    if let Some(ws) = ws {
        cmd.args(["--workspace", ws]);
    }
    let mut out = cmd.output().expect("Wine starts the CLI");
    if out.status.code() == Some(1) && out.stdout.is_empty() && out.stderr.is_empty() {
        // Our CLI never fails without saying why; once in about ten runs of this suite Wine
        // ended a freshly started process so, before any of our code printed. Run it again,
        // and say so.
        eprintln!("Wine ended {args:?} with exit 1 and no output; running it again");
        out = cmd.output().expect("Wine starts the CLI");
    }
    assert_eq!(
        out.status.code(),
        Some(code),
        "Windows: {args:?}\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        stderr(&out)
    );
    assert!(
        !stderr(&out).contains("panicked"),
        "never a panic: {args:?}"
    );
    out
}

/// Runs the Linux CLI with `args` and `--workspace ws`; asserts it succeeds.
fn linux(home: &Path, ws: &Path, args: &[&str]) -> Output {
    let mut cmd = with_test_env(Command::new(env!("CARGO_BIN_EXE_csmsdesk-cli")), home);
    let out = cmd.args(args).arg("--workspace").arg(ws).output().unwrap();
    assert!(out.status.success(), "Linux: {args:?}: {}", stderr(&out));
    out
}

fn tool(program: &str, args: &[&std::ffi::OsStr], dir: &Path) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"))
}

/// The helper that holds `file` open (`none`, `read`: the sharing it allows; `lock`: shared
/// but locked whole), once it says so; closing its stdin ends it.
fn hold(file: &Path, mode: &str) -> std::process::Child {
    let helper = std::env::var_os("CSMSDESK_TEST_HOLDOPEN").expect("xtask names holdopen.exe");
    let (wine, _) = windows_cli().unwrap();
    let mut child = with_test_env(Command::new(wine), Path::new("/tmp"))
        .arg(helper)
        .arg(z(file))
        .arg(mode)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.as_mut().unwrap()),
        &mut line,
    )
    .unwrap();
    assert_eq!(
        line.trim(),
        "held",
        "holdopen {mode} holds {}",
        file.display()
    );
    child
}

fn release(mut child: std::process::Child) {
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
}

/// Copies the folder `from` to `to` (files and folders only).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The lock file of workspace `ws` is empty: its last holder ended cleanly.
fn assert_released(ws: &Path) {
    let text = std::fs::read_to_string(ws.join("workspace.lock")).unwrap();
    assert!(
        text.is_empty(),
        "a clean exit empties the lock file: {text:?}"
    );
}

#[test]
fn every_command_family_works_on_windows_with_paths_shown_as_typed() {
    require_windows();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws_dir = h.join("Arbeitsbereich");
    let ws = z(&ws_dir);
    let w = Some(ws.as_str());
    let created = json(&win(
        h,
        w,
        &["--json", "init", "--company", "ACME Bauteile GmbH"],
        0,
    ));
    assert_eq!(created["workspace"], ws.as_str(), "the folder as typed");
    assert_eq!(json(&win(h, w, &["--json", "info"], 0))["workspace"], ws);
    win(h, w, &["catalogue", "import", "--demo"], 0);
    win(h, w, &["catalogue", "list"], 0);
    win(h, w, &["catalogue", "show", "--search", "WP-09-02"], 0);
    win(h, w, &["location", "add", "Werk Nord"], 0);
    win(h, w, &["location", "list"], 0);
    let scope = [
        "scope",
        "add",
        "ECU",
        "--objective",
        "development",
        "--location",
        "Werk Nord",
    ];
    win(h, w, &scope, 0);
    win(h, w, &["scope", "list"], 0);
    win(h, w, &["rules", "show"], 0);
    win(h, w, &["rules", "set", "--notify-days", "7"], 0);
    win(h, w, &["po", "add", "Steuergerät", "--scope", "ECU"], 0);
    win(h, w, &["po", "list", "--scope", "ECU"], 0);

    let policy = h.join("Richtlinie-ä.txt");
    std::fs::write(&policy, "die Richtlinie").unwrap();
    let typed = z(&policy);
    win(h, w, &["evidence", "add", &typed, "--link", "1.1.a"], 0);
    let listed = texts(&json(&win(h, w, &["--json", "evidence", "show", "1"], 0)));
    assert!(
        listed.contains(&typed),
        "the source as typed, no \\\\?\\ prefix: {listed}"
    );
    // Forward slashes are a Windows path too; the record is the same path.
    let slashed = typed.replace('\\', "/");
    win(h, w, &["evidence", "add", &slashed], 0);
    win(h, w, &["evidence", "list"], 0);
    std::fs::write(&policy, "die Richtlinie, geändert").unwrap();
    let scan = json(&win(h, w, &["--json", "evidence", "scan"], 0));
    assert!(
        scan["changed"].as_array().is_some_and(|c| !c.is_empty()),
        "the change is seen through the recorded path: {scan}"
    );
    win(h, w, &["evidence", "scan", "--deep"], 0);
    win(h, w, &["status", "--scope", "ECU"], 0);

    let audit = [
        "audit",
        "add",
        "--scope",
        "ECU",
        "--type",
        "initial",
        "--closing-meeting",
        "2026-11-20",
    ];
    win(h, w, &audit, 0);
    win(h, w, &["audit", "list"], 0);
    win(h, w, &["audit", "show", "1"], 0);
    let finding = [
        "finding",
        "add",
        "--audit",
        "1",
        "--question",
        "1.1",
        "--type",
        "minor",
        "--text",
        "Keine jährliche Prüfung",
    ];
    win(h, w, &finding, 0);
    let action = [
        "action",
        "add",
        "--finding",
        "1",
        "--owner",
        "Anna",
        "--due",
        "2027-02-20",
        "--text",
        "Prüfen",
    ];
    win(h, w, &action, 0);
    win(h, w, &["labels"], 0);
    let ics = z(&h.join("Fristen.ics"));
    let deadlines = ["deadlines", "--within", "3650", "--ics", &ics];
    win(h, w, &deadlines, 0);
    assert!(h.join("Fristen.ics").is_file());

    let package = h.join("Paket.zip");
    let out = z(&package);
    let export = [
        "export",
        "--scope",
        "ECU",
        "--out",
        &out,
        "--generated-at",
        GENERATED_AT,
    ];
    win(h, w, &export, 0);
    // Again over the file that is there: the finished package is renamed over it.
    win(h, w, &export, 0);
    win(h, None, &["verify", &out], 0);
    let share = [
        "share",
        "add",
        "--scope",
        "ECU",
        "--partner",
        "OEM A",
        "--participant-id",
        "S1A2B3",
        "--level",
        "A+labels",
        "--date",
        "2026-11-25",
    ];
    win(h, w, &share, 0);
    win(h, w, &["share", "list"], 0);
    win(h, w, &["journal", "--limit", "5"], 0);
    win(h, w, &["journal", "verify"], 0);
    win(h, w, &["check"], 0);

    let backup = z(&h.join("Sicherung.csmsbackup"));
    win(h, w, &["backup", "--out", &backup], 0);
    win(h, w, &["backup", "--out", &backup], 0);
    win(h, None, &["restore", "--check", &backup], 0);
    let restored = z(&h.join("Wiederhergestellt"));
    win(h, None, &["restore", &backup, "--workspace", &restored], 0);
    win(h, Some(&restored), &["check"], 0);
    let leftovers: Vec<_> = std::fs::read_dir(h)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".csmsdesk-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no partial file is left: {leftovers:?}"
    );
    assert_released(&ws_dir);
}

#[test]
fn a_package_written_on_windows_is_byte_for_byte_the_one_written_on_linux() {
    require_windows();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = h.join("linux-ws");
    linux(h, &ws, &["init", "--company", "ACME"]);
    linux(h, &ws, &["catalogue", "import", "--demo"]);
    linux(h, &ws, &["location", "add", "Nord"]);
    let scope = [
        "scope",
        "add",
        "ECU",
        "--objective",
        "development",
        "--location",
        "Nord",
    ];
    linux(h, &ws, &scope);
    let long = format!("{}Ende.txt", "Sehr-langer-Nachweisname-".repeat(8));
    let names = [
        "Richtlinie-ä.txt".to_owned(),
        "Prüfbericht – Übersicht 😀.txt".to_owned(),
        long,
    ];
    for (n, name) in names.iter().enumerate() {
        let file = h.join(name);
        std::fs::write(&file, format!("Nachweis {n}: {name}")).unwrap();
        let args = ["evidence", "add", file.to_str().unwrap(), "--link", "1.1.a"];
        linux(h, &ws, &args);
    }
    // The same state twice: an export is itself recorded, so each system gets its own copy.
    let ws_win = h.join("windows-ws");
    copy_dir(&ws, &ws_win);
    let on_linux = h.join("linux.zip");
    let export = |out: &str| {
        [
            "export",
            "--scope",
            "ECU",
            "--out",
            out,
            "--generated-at",
            GENERATED_AT,
        ]
        .map(str::to_owned)
    };
    let args = export(on_linux.to_str().unwrap());
    linux(h, &ws, &args.each_ref().map(String::as_str));
    let on_windows = h.join("windows.zip");
    let args = export(&z(&on_windows));
    let ws_typed = z(&ws_win);
    win(h, Some(&ws_typed), &args.each_ref().map(String::as_str), 0);
    let (a, b) = (
        std::fs::read(&on_linux).unwrap(),
        std::fs::read(&on_windows).unwrap(),
    );
    assert!(
        a == b,
        "the same state and generation time give the same bytes on both systems ({} and {} bytes)",
        a.len(),
        b.len()
    );

    // Outside judges, on both files: Info-ZIP tests and extracts (non-ASCII and long names
    // intact), coreutils checks every sum, Python reads the header fields.
    for zip in [&on_linux, &on_windows] {
        let t = tool("unzip", &["-t".as_ref(), zip.as_os_str()], h);
        assert!(t.status.success(), "unzip -t: {}", stderr(&t));
        let dir = h.join(format!(
            "{}-unzipped",
            zip.file_stem().unwrap().to_string_lossy()
        ));
        let x = tool(
            "unzip",
            &[
                "-q".as_ref(),
                zip.as_os_str(),
                "-d".as_ref(),
                dir.as_os_str(),
            ],
            h,
        );
        assert!(x.status.success(), "unzip: {}", stderr(&x));
        let sums = tool("sha256sum", &["-c".as_ref(), "SHA256SUMS".as_ref()], &dir);
        assert!(
            sums.status.success(),
            "sha256sum -c: {}{}",
            String::from_utf8_lossy(&sums.stdout),
            stderr(&sums)
        );
        let sums = String::from_utf8_lossy(&sums.stdout).into_owned();
        assert!(
            sums.contains("Richtlinie-ä") && sums.contains("Übersicht"),
            "non-ASCII names extracted as written: {sums}"
        );
        assert!(
            sums.lines().any(|l| l.contains("Sehr-langer-Nachweisname")),
            "the long name too: {sums}"
        );
        let headers = tool(
            "python3",
            &[
                "-c".as_ref(),
                "import sys, zipfile\n\
                 for i in zipfile.ZipFile(sys.argv[1]).infolist():\n\
                 \x20   utf8 = bool(i.flag_bits & 0x800)\n\
                 \x20   if i.create_system != 3 or (not i.filename.isascii() and not utf8):\n\
                 \x20       print('bad', i.filename, i.create_system, utf8)\n\
                 \x20   if (i.external_attr >> 16) != 0o100644:\n\
                 \x20       print('mode', i.filename, oct(i.external_attr >> 16))\n"
                    .as_ref(),
                zip.as_os_str(),
            ],
            h,
        );
        let report = String::from_utf8_lossy(&headers.stdout);
        assert!(
            headers.status.success() && report.is_empty(),
            "every entry made by Unix, a regular file 0644, a non-ASCII name flagged UTF-8: {report}{}",
            stderr(&headers)
        );
    }

    // A backup written under Wine passes the same outside checks.
    let backup = h.join("windows.csmsbackup");
    win(h, Some(&ws_typed), &["backup", "--out", &z(&backup)], 0);
    let t = tool("unzip", &["-t".as_ref(), backup.as_os_str()], h);
    assert!(t.status.success(), "unzip -t of the backup: {}", stderr(&t));
    let dir = h.join("backup-unzipped");
    let x = tool(
        "unzip",
        &[
            "-q".as_ref(),
            backup.as_os_str(),
            "-d".as_ref(),
            dir.as_os_str(),
        ],
        h,
    );
    assert!(x.status.success());
    let sums = tool("sha256sum", &["-c".as_ref(), "SHA256SUMS".as_ref()], &dir);
    assert!(sums.status.success(), "{}", stderr(&sums));
}

#[test]
fn paths_longer_than_260_characters_work_for_the_workspace_and_the_evidence() {
    require_windows();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let mut deep = h.to_owned();
    while deep.as_os_str().len() < 240 {
        deep = deep.join("Unterordner-mit-langem-Namen");
    }
    std::fs::create_dir_all(&deep).unwrap();
    let file = deep.join("Nachweis-mit-einem-langen-Namen.txt");
    std::fs::write(&file, "tief unten").unwrap();
    let typed = z(&file);
    assert!(typed.len() > 260, "{} characters", typed.len());
    // The workspace too: its vault paths pass 260 characters.
    let ws = z(&deep.join("ws"));
    let w = Some(ws.as_str());
    win(h, w, &["init", "--company", "ACME"], 0);
    win(h, w, &["catalogue", "import", "--demo"], 0);
    let added = json(&win(h, w, &["--json", "evidence", "add", &typed], 0));
    assert_eq!(added["evidence"].as_array().map(Vec::len), Some(1));
    let listed = texts(&json(&win(h, w, &["--json", "evidence", "show", "1"], 0)));
    assert!(listed.contains(&typed), "the long path as typed: {listed}");
    win(h, w, &["evidence", "scan", "--deep"], 0);
    win(h, w, &["check"], 0);
}

#[test]
fn a_share_path_is_kept_as_typed_in_what_the_user_reads() {
    require_windows();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = z(&h.join("ws"));
    let w = Some(ws.as_str());
    win(h, w, &["init", "--company", "ACME"], 0);
    // No server answers here: the refusal names the path exactly as typed.
    let share = r"\\server\share\CSMS\policy.pdf";
    let out = win(h, w, &["--json", "evidence", "add", share], 1);
    assert!(
        texts(&json(&out)).contains(share),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_source_open_in_another_program_is_read_when_shared_and_named_when_not() {
    require_windows();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws = z(&h.join("ws"));
    let w = Some(ws.as_str());
    win(h, w, &["init", "--company", "ACME"], 0);
    let doc = h.join("Bericht.docx");
    std::fs::write(&doc, "in Bearbeitung").unwrap();
    // Office shares reading: the file is hashed while it is open.
    let office = hold(&doc, "read");
    win(h, w, &["evidence", "add", &z(&doc)], 0);
    release(office);
    // A program that shares nothing: the file is named, with what to do, and nothing added.
    let draft = h.join("Entwurf.docx");
    std::fs::write(&draft, "noch in Bearbeitung").unwrap();
    let exclusive = hold(&draft, "none");
    let out = win(h, w, &["--json", "evidence", "add", &z(&draft)], 1);
    release(exclusive);
    let said = texts(&json(&out));
    assert!(
        said.contains("Entwurf.docx") && said.contains("another program is using it"),
        "{said}"
    );
    // Closed again, it is added.
    win(h, w, &["evidence", "add", &z(&draft)], 0);
}

#[test]
fn the_default_workspace_lives_under_appdata() {
    require_windows();
    let prefix = PathBuf::from(std::env::var_os("WINEPREFIX").expect("xtask sets WINEPREFIX"));
    let users = prefix.join("drive_c/users");
    let remove = || {
        for user in std::fs::read_dir(&users).unwrap().flatten() {
            let _ = std::fs::remove_dir_all(user.path().join("AppData/Roaming/CSMS Desk"));
        }
    };
    remove();
    let home = tempfile::tempdir().unwrap();
    let out = win(
        home.path(),
        None,
        &["--json", "init", "--company", "ACME"],
        0,
    );
    remove();
    let dir = json(&out)["workspace"].as_str().unwrap_or("").to_owned();
    assert!(
        dir.starts_with(r"C:\users\")
            && dir.ends_with(r"\AppData\Roaming\CSMS Desk\csmsdesk\data\workspace"),
        "%APPDATA%\\CSMS Desk\\csmsdesk\\data\\workspace: {dir}"
    );
}

#[test]
fn the_lock_is_released_on_every_normal_exit_and_a_holder_is_refused_clearly() {
    require_windows();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ws_dir = h.join("ws");
    let ws = z(&ws_dir);
    let w = Some(ws.as_str());
    win(h, w, &["init", "--company", "ACME"], 0);
    win(h, w, &["catalogue", "import", "--demo"], 0);
    assert_released(&ws_dir);
    // A reader that stops early (`| head`): the rest of the output is dropped, the command
    // ends normally and releases the lock.
    let mut child = cli(h)
        .args(["catalogue", "show", "--workspace", &ws])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_released(&ws_dir);
    let next = win(h, w, &["location", "add", "Nord"], 0);
    assert!(
        !stderr(&next).contains("took over"),
        "no crashed holder after a normal exit: {}",
        stderr(&next)
    );
    // Another process holding the lock (LockFileEx on the whole file, as ours does): refused,
    // and the workspace is free again once it lets go.
    let holder = hold(&ws_dir.join("workspace.lock"), "lock");
    let refused = win(h, w, &["--json", "location", "add", "Süd"], 1);
    release(holder);
    assert_eq!(json(&refused)["error"]["code"], "workspace_in_use");
    win(h, w, &["location", "add", "Süd"], 0);
    assert_released(&ws_dir);
}
