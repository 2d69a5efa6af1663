//! Windows from this Linux machine: cross-building the CLI and the app for
//! `x86_64-pc-windows-gnu` with mingw, running the CLI under Wine for the Windows part of the
//! tests, and the NSIS installer (`cargo xtask bundle --windows`).
//!
//! Wine runs in a private prefix under the target folder (`target/wine`), made once by
//! `wineboot` (about 10 s) and kept; a persistent `wineserver` serves the suite, so that each
//! CLI process starts in about 0.2 s instead of 1 s.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context as _, Result, bail};

use crate::{cargo, root, setup, step};

/// The Rust target of the Windows builds.
pub const TARGET: &str = "x86_64-pc-windows-gnu";

/// The C compiler and linker for the target (and for SQLite, which rusqlite builds).
const BUILD_PACKAGES: &[&str] = &["gcc-mingw-w64-x86-64"];
/// Wine (64-bit only: our builds need nothing 32-bit).
const TEST_PACKAGES: &[&str] = &["wine64"];
/// `makensis`, and `7z`, which lists an installer's files.
const BUNDLE_PACKAGES: &[&str] = &["nsis", "p7zip-full"];

const WINE: &str = "/usr/lib/wine/wine64";
const WINESERVER: &str = "/usr/lib/wine/wineserver";
const MINGW_GCC: &str = "x86_64-w64-mingw32-gcc";

/// What the installer must hold (the file list test), as `7z l` names them.
const INSTALLER_FILES: &[&str] = &[
    "csmsdesk.exe",
    "csmsdesk-cli.exe",
    "WebView2Loader.dll",
    "README.md",
    "uninstall.exe",
];

/// The folder the target builds in (`CARGO_TARGET_DIR`, else `target/`).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|dir| {
            if dir.is_absolute() {
                dir
            } else {
                root().join(dir)
            }
        })
        .unwrap_or_else(|| root().join("target"))
}

/// Where the Windows builds of `profile` (`debug`, `release`) land.
fn out_dir(profile: &str) -> PathBuf {
    target_dir().join(TARGET).join(profile)
}

/// Installs the Debian packages (for `build` only, or also for tests or the installer) and
/// the Rust target, when missing.
fn setup(extra: &[&str]) -> Result<()> {
    let packages: Vec<&str> = BUILD_PACKAGES.iter().chain(extra).copied().collect();
    setup::debian_packages(&packages)?;
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .context("running rustup (the Windows target is added with it)")?;
    if String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|l| l.trim() == TARGET)
    {
        return Ok(());
    }
    eprintln!("xtask: adding the Rust target {TARGET}");
    let status = Command::new("rustup")
        .args(["target", "add", TARGET])
        .status()
        .context("running rustup")?;
    if !status.success() {
        bail!("rustup target add {TARGET} failed ({status})");
    }
    Ok(())
}

/// Cross-builds the CLI and the app for Windows, refusing every warning.
fn build(release: bool) -> Result<()> {
    let mut build = cargo();
    build.args([
        "build",
        "--target",
        TARGET,
        "-p",
        "csmsdesk-cli",
        "-p",
        "csmsdesk",
    ]);
    if release {
        build.arg("--release");
    }
    // Only for the Windows target: the host's build scripts and proc macros keep the flags
    // of the Linux build and are shared with it.
    build.env(
        "CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS",
        "-D warnings",
    );
    step(
        &format!(
            "cross-build csmsdesk-cli.exe and csmsdesk.exe ({TARGET}, {}, -D warnings)",
            if release { "release" } else { "debug" }
        ),
        build,
    )
}

/// Builds a test helper from `xtask/wine/` with mingw into `dir` unless it is newer than its
/// sources.
fn mingw_helper(dir: &Path, output: &str, sources: &[&str], flags: &[&str]) -> Result<PathBuf> {
    let out = dir.join(output);
    let src = root().join("xtask/wine");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let built = modified(&out);
    if built.is_some() && sources.iter().all(|s| modified(&src.join(s)) <= built) {
        return Ok(out);
    }
    let mut gcc = Command::new(MINGW_GCC);
    gcc.args(["-O2", "-s", "-o"])
        .arg(&out)
        .args(sources.iter().map(|s| src.join(s)))
        .args(flags);
    step(&format!("mingw: {output} (test only)"), gcc)?;
    Ok(out)
}

/// Wine's private prefix under the target folder, with a persistent wineserver for as long
/// as this value lives.
struct Wine {
    prefix: PathBuf,
}

impl Wine {
    fn start() -> Result<Wine> {
        let prefix = target_dir().join("wine");
        let wine = Wine { prefix };
        if !wine.prefix.join("system.reg").is_file() {
            let started = Instant::now();
            eprintln!(
                "xtask: making Wine's prefix {} (once; kept under the target folder)",
                wine.prefix.display()
            );
            std::fs::create_dir_all(&wine.prefix)?;
            let mut boot = wine.command(WINE);
            boot.args(["wineboot", "--init"])
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            let status = boot.status().context("running wineboot")?;
            let mut wait = wine.command(WINESERVER);
            wait.arg("-w");
            let _ = wait.status();
            if !status.success() || !wine.prefix.join("system.reg").is_file() {
                bail!(
                    "wineboot could not make the prefix {}",
                    wine.prefix.display()
                );
            }
            eprintln!(
                "xtask: Wine's prefix made in {:.1} s",
                started.elapsed().as_secs_f64()
            );
        }
        // A server of this prefix left by an interrupted run would refuse a second one.
        let mut stale = wine.command(WINESERVER);
        stale.arg("-k").stdout(Stdio::null()).stderr(Stdio::null());
        let _ = stale.status();
        // Persistent until killed in `drop`: each CLI process then finds the server running.
        let mut server = wine.command(WINESERVER);
        server.arg("-p");
        let status = server.status().context("starting wineserver")?;
        if !status.success() {
            bail!("wineserver -p failed ({status})");
        }
        // Wine's services (services.exe, winedevice.exe, explorer.exe) start with the first
        // program and outlive it, holding that program's stdout and stderr open: a test that
        // reads a CLI's output to the end would wait for ever. Started here, they hold
        // nothing of the tests'.
        let mut services = wine.command(WINE);
        services
            .arg("wineboot")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let status = services.status().context("starting Wine's services")?;
        if !status.success() {
            bail!("wineboot failed ({status})");
        }
        Ok(wine)
    }

    /// A Wine program in this prefix, quiet.
    fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            // Wine converts names by the Unix locale's character set: UTF-8, always there.
            .env("LC_ALL", "C.UTF-8")
            // No Mono or Gecko installer prompts: nothing here needs .NET or a browser.
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=");
        cmd
    }
}

impl Drop for Wine {
    fn drop(&mut self) {
        // Only this prefix's server: `-k` kills the server of WINEPREFIX, which we started.
        let mut kill = self.command(WINESERVER);
        kill.arg("-k").stdout(Stdio::null()).stderr(Stdio::null());
        let _ = kill.status();
    }
}

/// The Windows part of `cargo xtask test`: cross-builds with `-D warnings`, builds the test
/// helpers, and runs the Windows suite and the hostile corpus against `csmsdesk-cli.exe`
/// under Wine; then builds an installer of the debug build and checks its file list.
pub fn test() -> Result<()> {
    let started = Instant::now();
    let extra: Vec<&str> = TEST_PACKAGES
        .iter()
        .chain(BUNDLE_PACKAGES)
        .copied()
        .collect();
    setup(&extra)?;
    build(false)?;
    // Clippy too, for the code only Windows compiles (`cfg(windows)`); the tests stay
    // Linux's (the end-to-end suite drives WebKitGTK).
    let mut clippy = cargo();
    clippy
        .args([
            "clippy",
            "--target",
            TARGET,
            "--workspace",
            "--exclude",
            "xtask",
        ])
        .args(["--lib", "--bins", "--", "-D", "warnings"]);
    step(&format!("cargo clippy --target {TARGET}"), clippy)?;
    let dir = out_dir("debug");
    // Beside the exes, and beside the unit-test exes in deps/.
    for at in [dir.clone(), dir.join("deps")] {
        std::fs::create_dir_all(&at)?;
        mingw_helper(
            &at,
            "bcryptprimitives.dll",
            &["processprng.c", "bcryptprimitives.def"],
            &["-shared", "-ladvapi32"],
        )?;
    }
    let holdopen = mingw_helper(&dir, "holdopen.exe", &["holdopen.c"], &["-municode"])?;
    let wine = Wine::start()?;
    // The unit tests of the crates that touch files (lock, vault, database, packages,
    // backups), cross-built and run under Wine through Cargo's runner.
    let mut units = cargo();
    units
        .args([
            "test",
            "--target",
            TARGET,
            "-p",
            "csmsdesk-store",
            "-p",
            "csmsdesk-workspace",
            "--lib",
            "--",
            // Their fixtures are files Windows cannot have (`CON.txt`, `what?.txt`): the
            // package is checked on Windows by the Windows suite, byte for byte against
            // Linux's.
            "--skip",
            "package::tests::",
            // They need the PostgreSQL cluster of `pg_virtualenv`, which runs on Linux only
            // (they would print SKIPPED; skipped by name so that nothing depends on it).
            "--skip",
            "pg::server_tests::",
            "--skip",
            "pg::parity::",
            "--skip",
            "pg::journal::tests::",
            "--skip",
            "_on_postgresql",
            // These judge the package with Linux programs (unzip, sha256sum, Python with
            // openpyxl), which the Windows prefix does not have; their bytes are the same on
            // both systems (the deterministic-package tests run here).
            "--skip",
            "package::report_tests::a_partner_page_shows_exactly_what_its_level_allows",
            "--skip",
            "package::report_tests::index_html_is_a_complete_readable_report",
            "--skip",
            "package::report_tests::unreviewed_changes_are_warned",
            "--skip",
            "package::workbook::tests::a_requirement_with_2000_linked_files",
            "--skip",
            "package::workbook::tests::the_demo_and_a_missing_original",
            "--skip",
            "package::workbook::tests::the_users_own_xlsx_is_kept",
            // The PDF report's judges are poppler's programs (pdftotext, pdfinfo, pdffonts,
            // pdftoppm), which the Windows prefix does not have; the report's bytes test
            // and its refusals run here.
            "--skip",
            "report::tests::the_english_report_has_the_summary_and_every_question",
            "--skip",
            "report::tests::the_german_report_speaks_german_and_shows_the_audit",
            "--skip",
            "report::tests::five_hundred_findings_and_two_thousand_files_break_across_pages",
        ])
        .env(
            "CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS",
            "-D warnings",
        )
        .env("CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER", WINE)
        .env("LC_ALL", "C.UTF-8")
        .env("WINEPREFIX", &wine.prefix)
        .env("WINEDEBUG", "-all")
        .env("WINEDLLOVERRIDES", "mscoree,mshtml=");
    step(
        "unit tests of store and workspace, built for Windows, under Wine",
        units,
    )?;
    let exe = dir.join("csmsdesk-cli.exe");
    let suite = |test: &str| {
        let mut cmd = cargo();
        cmd.args(["test", "-p", "csmsdesk-cli", "--test", test])
            .env("CSMSDESK_TEST_WINE", WINE)
            .env("CSMSDESK_TEST_WINDOWS_CLI", &exe)
            .env("CSMSDESK_TEST_HOLDOPEN", &holdopen)
            .env("WINEPREFIX", &wine.prefix)
            .env("WINEDEBUG", "-all")
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=");
        cmd
    };
    step(
        "Windows suite: csmsdesk-cli.exe under Wine (every command family, Windows paths, byte-identical packages)",
        suite("windows"),
    )?;
    step(
        "hostile corpus against csmsdesk-cli.exe under Wine",
        suite("hostile"),
    )?;
    let installer = nsis("debug")?;
    check_installer(&installer)?;
    install_under_wine(&wine, &installer)?;
    drop(wine);
    eprintln!(
        "\nWindows part: {:.0} s in all",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `cargo xtask bundle --windows`: the release builds and their NSIS installer, with sizes.
pub fn bundle() -> Result<()> {
    setup(BUNDLE_PACKAGES)?;
    build(true)?;
    let dir = out_dir("release");
    check_subsystem(&dir.join("csmsdesk.exe"), "Windows GUI")?;
    check_subsystem(&dir.join("csmsdesk-cli.exe"), "Windows CUI")?;
    let installer = nsis("release")?;
    check_installer(&installer)?;
    for path in [
        dir.join("csmsdesk.exe"),
        dir.join("csmsdesk-cli.exe"),
        installer,
    ] {
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!("{:>8.2} MiB  {}", size as f64 / 1_048_576.0, path.display());
    }
    Ok(())
}

/// Checks the PE subsystem of `exe` with mingw's objdump: the release app is a GUI program
/// (`windows_subsystem = "windows"` in its main.rs: no console window opens with it), the CLI
/// a console one.
fn check_subsystem(exe: &Path, expected: &str) -> Result<()> {
    let out = Command::new("x86_64-w64-mingw32-objdump")
        .arg("-p")
        .arg(exe)
        .output()
        .context("running x86_64-w64-mingw32-objdump")?;
    let headers = String::from_utf8_lossy(&out.stdout);
    let subsystem = headers
        .lines()
        .find(|l| l.starts_with("Subsystem"))
        .unwrap_or("")
        .trim();
    if !subsystem.contains(expected) {
        bail!("{} has {subsystem:?}, expected {expected}", exe.display());
    }
    eprintln!("== {}: {subsystem}", exe.display());
    Ok(())
}

/// Builds the installer of the Windows builds of `profile` with makensis from
/// `xtask/windows/installer.nsi`; returns its path.
fn nsis(profile: &str) -> Result<PathBuf> {
    let dir = out_dir(profile);
    let bundle = dir.join("bundle/nsis");
    std::fs::create_dir_all(&bundle)?;
    let version = env!("CARGO_PKG_VERSION");
    let installer = bundle.join(format!("CSMS-Desk_{version}_x64-setup.exe"));
    let mut makensis = Command::new("makensis");
    makensis
        .arg("-V2")
        .arg("-INPUTCHARSET")
        .arg("UTF8")
        .arg(format!("-DVERSION={version}"))
        .arg(format!("-DBUILD={}", dir.display()))
        .arg(format!("-DROOT={}", root().display()))
        .arg(format!("-DOUTFILE={}", installer.display()))
        .args((profile == "debug").then_some("-DFAST"))
        .arg(root().join("xtask/windows/installer.nsi"));
    step(&format!("makensis: NSIS installer ({profile})"), makensis)?;
    Ok(installer)
}

/// The file list test: `7z l` (an outside reader of NSIS installers) must find every file
/// the installer is meant to hold.
fn check_installer(installer: &Path) -> Result<()> {
    let out = Command::new("7z")
        .arg("l")
        .arg(installer)
        .output()
        .context("running 7z")?;
    let listing = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        bail!("7z could not list {}: {listing}", installer.display());
    }
    let names: Vec<&str> = listing
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .collect();
    let missing: Vec<&&str> = INSTALLER_FILES
        .iter()
        .filter(|f| {
            !names
                .iter()
                .any(|n| n.rsplit(['/', '\\']).next() == Some(**f))
        })
        .collect();
    if !missing.is_empty() {
        bail!(
            "the installer {} lacks {missing:?}; 7z lists:\n{listing}",
            installer.display()
        );
    }
    eprintln!(
        "== installer file list: {} ok ({} files)",
        INSTALLER_FILES.join(", "),
        INSTALLER_FILES.len()
    );
    Ok(())
}

/// Installs `installer` silently under Wine, as a user without administrator rights, checks
/// the installed files and the user's uninstall entry, then uninstalls and checks that the
/// program is gone.
fn install_under_wine(wine: &Wine, installer: &Path) -> Result<()> {
    let started = Instant::now();
    let mut install = wine.command(WINE);
    install.arg(installer).arg("/S");
    let status = install
        .status()
        .context("running the installer under Wine")?;
    if !status.success() {
        bail!("the installer failed under Wine ({status})");
    }
    let users = wine.prefix.join("drive_c/users");
    let installed: Vec<PathBuf> = std::fs::read_dir(&users)
        .with_context(|| format!("reading {}", users.display()))?
        .flatten()
        .map(|u| u.path().join("AppData/Local/Programs/CSMS Desk"))
        .filter(|d| d.is_dir())
        .collect();
    let [dir] = installed.as_slice() else {
        bail!(
            "the installer left no (or more than one) CSMS Desk folder under %LOCALAPPDATA%\\Programs: {installed:?}"
        );
    };
    let missing: Vec<&&str> = INSTALLER_FILES
        .iter()
        .filter(|f| !dir.join(f).is_file())
        .collect();
    if !missing.is_empty() {
        bail!(
            "installed under Wine without {missing:?} in {}",
            dir.display()
        );
    }
    let mut query = wine.command(WINE);
    query.args([
        "reg",
        "query",
        r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\CSMSDesk",
        "/v",
        "UninstallString",
    ]);
    let entry = query.output().context("running reg query under Wine")?;
    if !String::from_utf8_lossy(&entry.stdout).contains("uninstall.exe") {
        bail!(
            "no uninstall entry for the user (HKCU): {}",
            String::from_utf8_lossy(&entry.stdout)
        );
    }
    let mut uninstall = wine.command(WINE);
    uninstall.arg(dir.join("uninstall.exe")).arg("/S");
    let status = uninstall.status().context("running the uninstaller")?;
    if !status.success() {
        bail!("the uninstaller failed under Wine ({status})");
    }
    // The uninstaller runs a copy of itself from the temporary folder and returns at once.
    let deadline = Instant::now() + std::time::Duration::from_secs(60);
    while dir.exists() && Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    if dir.exists() {
        bail!("the uninstaller left {}", dir.display());
    }
    eprintln!(
        "== installer under Wine: installed per user into %LOCALAPPDATA%\\Programs\\CSMS Desk, uninstall entry in HKCU, uninstalled: ok in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
