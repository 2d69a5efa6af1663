//! PostgreSQL workspaces (issue 19), the foundation: where a workspace is
//! ([`location::Location`]), how to reach its server as libpq users expect
//! ([`config::PgConfig`], [`connect::connect`]) and its schema ([`migrate::migrate`]).
//!
//! One database per workspace, our tables in the schema `csmsdesk` inside it; every
//! connection sets `search_path` to it. The store's modules off the hot paths run here
//! through `sql::PgConn`; docs/POSTGRES.md says what is left and in what order.

pub mod config;
pub mod connect;
pub mod files;
pub mod journal;
pub mod live;
pub mod location;
pub mod migrate;
pub mod team;

#[cfg(test)]
mod live_tests;
#[cfg(test)]
mod parity;
#[cfg(test)]
mod server_tests;
#[cfg(test)]
pub(crate) mod test_server;

pub use config::{Host, PasswordSource, PgConfig, RootCerts, SslMode};
pub use connect::connect;
pub use location::{Location, PgUrl, Secret};
pub use migrate::{SCHEMA_VERSION, migrate, schema_version};

/// The schema that holds a workspace's tables inside its database.
pub const SCHEMA: &str = "csmsdesk";

/// Connects to the workspace at `url` and brings its schema up to date (creating it in an
/// empty database); refuses a foreign database or a newer schema without changing anything.
pub fn open(url: &PgUrl) -> crate::Result<postgres::Client> {
    let config = PgConfig::resolve(url)?;
    let mut client = connect(&config)?;
    migrate(&mut client)?;
    Ok(client)
}
