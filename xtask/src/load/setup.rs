//! The workspace the load run's desks work on, made through `csmsdesk-cli` in a new database
//! of the throwaway cluster: the demo catalogue; the shared locations `Shared 1..3` and a scope
//! on them; an audit whose provider is `Shared` with three findings (the shared findings every
//! desk edits); per desk an audit whose provider is `Load client N` (its results and findings
//! go there, so that desks do not refuse each other's results); and per desk evidence items
//! titled `cN-K.txt` (the items it links, so that no two desks make the same link). This is
//! what `load_client` (csmsdesk-workspace's example) looks for.

use std::path::Path;
use std::process::Command;

use anyhow::{Context as _, Result, bail};

use super::{DB, psql};

/// How many shared locations and shared findings there are.
pub(super) const SHARED: usize = 3;
/// The audits' closing meeting (corrective actions are due on it).
const CLOSING: &str = "2026-06-30";
/// The control question the shared findings are on.
const QUESTION: &str = "1.1";

/// Evidence items per desk: a desk links about a quarter of its changes, each item to each
/// requirement of the catalogue at most once, so 30 items of the demo catalogue's dozens of
/// requirements last for thousands of changes (300 small files for 10 desks).
const ITEMS_PER_DESK: usize = 30;

/// Makes the database and the workspace for `clients` desks.
pub(super) fn workspace(cli: &Path, root: &Path, clients: usize) -> Result<()> {
    psql(
        "postgres",
        &format!("DROP DATABASE IF EXISTS {DB} WITH (FORCE)"),
    )?;
    psql("postgres", &format!("CREATE DATABASE {DB}"))?;
    let ok = |args: &[&str]| cli_ok(cli, args, "setting up the workspace");
    ok(&["init", "--company", "Load Test GmbH"])?;
    ok(&["catalogue", "import", "--demo"])?;
    let mut scope = vec!["scope", "add", "ECU", "--objective", "development"];
    let names: Vec<String> = (1..=SHARED).map(|i| format!("Shared {i}")).collect();
    for name in &names {
        ok(&["location", "add", name])?;
        scope.extend(["--location", name.as_str()]);
    }
    ok(&scope)?;
    let audit = |provider: &str| -> Result<String> {
        ok(&[
            "audit",
            "add",
            "--scope",
            "ECU",
            "--type",
            "initial",
            "--closing-meeting",
            CLOSING,
            "--provider",
            provider,
        ])?;
        psql(
            DB,
            &format!("SELECT id FROM csmsdesk.audit WHERE provider = '{provider}'"),
        )
    };
    let shared = audit("Shared")?;
    for i in 1..=SHARED {
        ok(&[
            "finding",
            "add",
            "--audit",
            &shared,
            "--question",
            QUESTION,
            "--type",
            "observation",
            "--text",
            &format!("shared finding {i}"),
        ])?;
    }
    for client in 1..=clients {
        audit(&format!("Load client {client}"))?;
    }
    let docs = root.join("docs");
    std::fs::create_dir_all(&docs)?;
    for client in 1..=clients {
        for k in 0..ITEMS_PER_DESK {
            let name = format!("c{client}-{k}.txt");
            std::fs::write(
                docs.join(&name),
                format!("evidence {name} of load desk {client}\n"),
            )?;
        }
    }
    ok(&["evidence", "add", &docs.display().to_string()])?;
    Ok(())
}

/// Runs `csmsdesk-cli ARGS` on the load run's workspace; its standard output, or an error
/// naming `while_doing`, the arguments and what the CLI said.
pub(super) fn cli_ok(cli: &Path, args: &[&str], while_doing: &str) -> Result<String> {
    let out = Command::new(cli)
        .arg("--workspace")
        .arg(format!("postgresql:///{DB}"))
        .args(args)
        .env("CSMSDESK_LOG", "error")
        .output()
        .with_context(|| format!("could not start {}", cli.display()))?;
    if !out.status.success() {
        bail!(
            "{while_doing}: csmsdesk-cli {args:?} failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
