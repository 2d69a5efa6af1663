//! Installing what building and testing need on a Debian or Ubuntu machine.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use anyhow::{Context as _, Result, bail};

/// What building and running the app needs (Tauri 2 on Linux).
pub const BUILD_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "build-essential",
    "curl",
    "wget",
    "file",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "pkg-config",
];

/// What the tests need beyond building: a virtual display, WebKit's WebDriver, a session bus,
/// fonts for screenshots, and ImageMagick to capture the whole screen.
const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "dbus-x11",
    "at-spi2-core",
    "fonts-dejavu-core",
    "imagemagick",
    // Outside judges of our packages in the tests: `unzip -t`, and LibreOffice opening the
    // filled workbook.
    "unzip",
    "libreoffice-calc-nogui",
    // `ss`, the outside judge of "the app holds no network socket".
    "iproute2",
    // GNU time: the hostile corpus measures every case's peak memory with it.
    "time",
    // Finds the app's window, which the end-to-end suite closes as a user does.
    "xdotool",
    // Outside judge of the PDF report: pdftotext, pdfinfo, pdffonts and pdftoppm.
    "poppler-utils",
    // The PostgreSQL server and `pg_virtualenv` (postgresql-common), which starts the
    // throwaway cluster the store's PostgreSQL tests run against.
    "postgresql",
    "postgresql-common",
];

fn succeeds(cmd: &mut Command) -> bool {
    cmd.stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

/// Installs the missing packages for building (and with `for_tests`, for testing) with apt
/// as root, or prints the one command to run and stops as any other user.
pub fn system_packages(for_tests: bool) -> Result<()> {
    let wanted: Vec<&str> = BUILD_PACKAGES
        .iter()
        .chain(if for_tests { TEST_PACKAGES } else { &[] })
        .copied()
        .collect();
    if !succeeds(Command::new("dpkg-query").arg("--version")) {
        eprintln!(
            "xtask: not a Debian-based system; make sure the equivalents of these are installed: {}",
            wanted.join(" ")
        );
        return Ok(());
    }
    let mut missing: Vec<&str> = wanted.iter().copied().filter(|p| !installed(p)).collect();
    if for_tests && !succeeds(Command::new("node").arg("--version")) {
        missing.push("nodejs");
    }
    install(&missing)
}

/// What the benchmarks measure with: GNU time for peak memory (`/usr/bin/time -v`).
pub fn bench_packages() -> Result<()> {
    debian_packages(&["time"])
}

/// Installs those of the Debian packages `wanted` that are missing (as root; else says how).
/// On a system without dpkg it names them and goes on.
pub fn debian_packages(wanted: &[&str]) -> Result<()> {
    if !succeeds(Command::new("dpkg-query").arg("--version")) {
        eprintln!(
            "xtask: not a Debian-based system; make sure the equivalents of these are installed: {}",
            wanted.join(" ")
        );
        return Ok(());
    }
    let missing: Vec<&str> = wanted.iter().copied().filter(|p| !installed(p)).collect();
    install(&missing)
}

/// Installs the Debian packages `missing` as root, or says how to.
fn install(missing: &[&str]) -> Result<()> {
    if missing.is_empty() {
        return Ok(());
    }
    let install = format!(
        "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends {}",
        missing.join(" ")
    );
    if !is_root() {
        bail!(
            "these system packages are missing: {}\nInstall them with:\n  sudo sh -c '{install}'",
            missing.join(" ")
        );
    }
    eprintln!("xtask: installing {}", missing.join(" "));
    let status = Command::new("sh")
        .args(["-c", &install])
        .status()
        .context("running apt-get")?;
    if !status.success() {
        bail!("apt-get failed ({status}); the command was: {install}");
    }
    Ok(())
}

/// rustfmt and clippy, which a minimal toolchain may lack.
pub fn rust_components() -> Result<()> {
    let has = |sub: &str| succeeds(Command::new("cargo").args([sub, "--version"]));
    if has("fmt") && has("clippy") {
        return Ok(());
    }
    let status = Command::new("rustup")
        .args(["component", "add", "rustfmt", "clippy"])
        .status()?;
    if !status.success() {
        bail!("could not add rustfmt and clippy with rustup");
    }
    Ok(())
}

/// Where `cargo install` puts tauri-driver.
pub fn tauri_driver_path() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    cargo_home.join("bin").join("tauri-driver")
}

/// Installs tauri-driver 2 (the WebDriver bridge of the end-to-end suite) when missing.
pub fn tauri_driver() -> Result<()> {
    if tauri_driver_path().is_file() {
        return Ok(());
    }
    eprintln!("xtask: installing tauri-driver (about a minute)");
    let status = Command::new("cargo")
        .args(["install", "tauri-driver", "--locked", "--version", "^2"])
        .status()
        .context("running cargo install")?;
    if !status.success() {
        bail!("cargo install tauri-driver failed ({status})");
    }
    Ok(())
}

/// Python's openpyxl, the anchor of the catalogue benchmark.
pub fn openpyxl() -> Result<()> {
    python_module("openpyxl", "openpyxl")
}

/// Python's icalendar, the outside judge of our iCalendar files in the CLI tests.
pub fn icalendar() -> Result<()> {
    python_module("icalendar", "icalendar")
}

/// Python's jsonschema, the outside judge of our package manifests in the tests.
pub fn jsonschema() -> Result<()> {
    python_module("jsonschema", "jsonschema")
}

/// Installs the PyPI package `package` with pip unless `module` imports already.
fn python_module(module: &str, package: &str) -> Result<()> {
    if succeeds(Command::new("python3").args(["-c", &format!("import {module}")])) {
        return Ok(());
    }
    let status = Command::new("python3")
        .args(["-m", "pip", "install", "--quiet", package])
        .status()
        .context("running pip")?;
    if !status.success() {
        bail!("could not install {package} with pip ({status})");
    }
    Ok(())
}
