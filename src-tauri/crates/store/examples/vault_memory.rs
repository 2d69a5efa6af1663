//! Peak memory of adding a large evidence file to the vault, in a folder or in PostgreSQL
//! (issue 19: "adding a 4 GiB file stays under 64 MiB of memory"). Writes a file of varied
//! bytes (streamed, never held in memory), ingests it, reads it back through `Vault::verify`,
//! and prints the time of each and this process's peak resident memory (`VmHWM` of
//! `/proc/self/status`). Linux only.
//!
//! ```text
//! cargo run --release -p csmsdesk-store --example vault_memory -- folder 1024
//! pg_virtualenv -t cargo run --release -p csmsdesk-store --example vault_memory -- postgres 1024
//! pg_virtualenv -t cargo run --release -p csmsdesk-store --example vault_memory -- both 1024
//! ```
//! `both` adds the same file to a folder vault and then to PostgreSQL, in one run (the peak
//! is reset between the two through `/proc/self/clear_refs`).
//! The second creates the database `csmsdesk_vault_memory` on the server the `PG*` variables
//! name (pg_virtualenv's throwaway cluster; never point it at a real one) and drops it after.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use csmsdesk_store::pg::{PgConfig, PgUrl, connect, migrate};
use csmsdesk_store::vault::Vault;

const DATABASE: &str = "csmsdesk_vault_memory";

/// This process's peak resident memory so far, in KiB.
fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// A file of `mib` MiB of varied bytes, written 1 MiB at a time.
fn write_file(path: &Path, mib: usize) {
    let mut out = BufWriter::new(std::fs::File::create(path).expect("create the source"));
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut chunk = vec![0u8; 1 << 20];
    for _ in 0..mib {
        for word in chunk.chunks_mut(8) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            word.copy_from_slice(&state.to_le_bytes());
        }
        out.write_all(&chunk).expect("write the source");
    }
    out.flush().expect("write the source");
}

fn config(database: &str) -> PgConfig {
    let url = PgUrl::parse(&format!("postgresql:///{database}")).expect("a fixed URL");
    PgConfig::resolve(&url).expect("the server's settings from PG*")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let engine = args.get(1).map_or("folder", String::as_str);
    let mib: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1024);
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let source = scratch.path().join("big.bin");
    write_file(&source, mib);
    let engines: &[&str] = match engine {
        "both" => &["folder", "postgres"],
        "folder" => &["folder"],
        "postgres" => &["postgres"],
        other => panic!("engine {other}: say folder, postgres or both"),
    };
    for engine in engines {
        measure(engine, &source, mib, scratch.path());
    }
}

/// Adds `source` to a new vault of `engine` and prints the figures.
fn measure(engine: &str, source: &Path, mib: usize, scratch: &Path) {
    // Resets this process's peak resident memory (VmHWM) to what it holds now.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let vault = if engine == "folder" {
        let dir = scratch.join("vault");
        std::fs::create_dir(&dir).expect("the vault folder");
        Vault::new(dir)
    } else {
        assert!(
            std::env::var_os("PGHOST").is_some(),
            "run inside pg_virtualenv: PGHOST is not set"
        );
        let mut admin = connect(&config("postgres")).expect("connect to the server");
        admin
            .batch_execute(&format!("DROP DATABASE IF EXISTS {DATABASE}"))
            .expect("drop");
        admin
            .batch_execute(&format!("CREATE DATABASE {DATABASE}"))
            .expect("create");
        let mut client = connect(&config(DATABASE)).expect("connect");
        migrate(&mut client).expect("migrate");
        Vault::postgres(&config(DATABASE)).expect("the vault")
    };
    let before = peak_kib();
    let started = Instant::now();
    let (blob, _) = vault
        .ingest(source, &AtomicBool::new(false))
        .expect("ingest");
    let ingest = started.elapsed();
    let after_ingest = peak_kib();
    let started = Instant::now();
    assert!(
        vault.verify(&blob.sha256).expect("read back"),
        "read back equal"
    );
    let verify = started.elapsed();
    let after_verify = peak_kib();
    println!(
        "{engine}: {mib} MiB ingested in {:.1} s ({:.0} MiB/s), read back and verified in {:.1} s; \
         peak RSS {} MiB before, {} MiB after ingest, {} MiB after verify",
        ingest.as_secs_f64(),
        mib as f64 / ingest.as_secs_f64(),
        verify.as_secs_f64(),
        before / 1024,
        after_ingest / 1024,
        after_verify / 1024
    );
    if let Some(dir) = vault.dir() {
        let _ = std::fs::remove_dir_all(dir);
    }
    drop(vault);
    if engine == "postgres"
        && let Ok(mut admin) = connect(&config("postgres"))
    {
        let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"));
    }
}
