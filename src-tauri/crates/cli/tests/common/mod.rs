//! What the CLI's process tests share.

use std::path::Path;
use std::process::Command;

/// The CLI with a private home, English messages and no workspace variable, so tests neither
/// see nor touch the developer's own workspace.
pub fn cli(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_csmsdesk-cli"));
    cmd.env_clear()
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("LANG", "en_US.UTF-8")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    cmd
}
