//! `csmsdesk-cli`: the scripting shell over the `workspace` use cases (contract in CLI.md).
//!
//! It parses arguments, calls one use case, and prints either human text or one JSON document.
//! Exit codes: 0 done, 1 the request failed (stderr says why and how to fix it), 2 usage error.

mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{NaiveDate, Utc};
use clap::{Parser, Subcommand};
use csmsdesk_core::i18n::Lang;
use csmsdesk_workspace::{Error, Workspace, folders};

use output::Output;

/// CSMS Desk on the command line: ENX VCS audit readiness for scripts and CI.
#[derive(Debug, Parser)]
#[command(name = "csmsdesk-cli", version)]
struct Cli {
    /// The workspace folder [default: $CSMSDESK_WORKSPACE, else the app's default workspace]
    #[arg(long, global = true, value_name = "DIR")]
    workspace: Option<PathBuf>,
    /// Print one JSON document on stdout instead of text
    #[arg(long, global = true)]
    json: bool,
    /// The date that countdowns and checks are computed for [default: today]
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    today: Option<NaiveDate>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a new workspace for a company
    Init {
        /// The company's name, as the audit provider knows it
        #[arg(long, value_name = "NAME")]
        company: String,
    },
    /// Show the workspace, its schema version and the company profile
    Info,
    /// Import, list and show ENX VCS Audit Criteria Catalogues
    Catalogue {
        #[command(subcommand)]
        action: CatalogueCommand,
    },
}

#[derive(Debug, Subcommand)]
enum CatalogueCommand {
    /// Import a catalogue workbook (.xlsx, .xlsm, .xls, .ods), or the demo catalogue
    Import {
        /// The workbook to import
        #[arg(required_unless_present = "demo", conflicts_with = "demo")]
        file: Option<PathBuf>,
        /// Import the project's demo catalogue instead of a file
        #[arg(long)]
        demo: bool,
    },
    /// List the catalogues of the workspace
    List,
    /// Show a catalogue's chapters, control questions and requirements
    Show {
        /// The catalogue's ID [default: the current catalogue]
        id: Option<i64>,
        /// Show only what matches this text (IDs, texts, references such as WP-09-02)
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
    },
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CSMSDESK_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with 0; usage errors to stderr with 2.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let os_locale = sys_locale::get_locale();
    let mut out = Output::new(cli.json, Lang::from_locale(os_locale.as_deref()));
    match run(&cli, &mut out, os_locale.as_deref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            out.error(&e);
            ExitCode::FAILURE
        }
    }
}

fn run(cli: &Cli, out: &mut Output, os_locale: Option<&str>) -> Result<(), Error> {
    let dir = folders::choose_workspace_dir(
        cli.workspace.clone(),
        std::env::var_os(folders::WORKSPACE_ENV),
        folders::default_workspace_dir,
    )?;
    let now = Utc::now();
    match &cli.command {
        Command::Init { company } => {
            let ws = Workspace::init(&dir, company, now)?;
            let profile = ws.company_profile()?;
            out.set_lang(profile.language.resolve(os_locale));
            out.init(&dir, &profile);
        }
        Command::Info => {
            let ws = Workspace::open(&dir, now)?;
            let info = ws.info()?;
            out.set_lang(info.company.language.resolve(os_locale));
            out.info(&info);
        }
        Command::Catalogue { action } => {
            let mut ws = Workspace::open(&dir, now)?;
            out.set_lang(ws.company_profile()?.language.resolve(os_locale));
            match action {
                CatalogueCommand::Import {
                    file: Some(file), ..
                } => out.catalogue_import(&ws.import_catalogue(file, now)?),
                CatalogueCommand::Import { file: None, .. } => {
                    out.catalogue_import(&ws.import_demo_catalogue(now)?)
                }
                CatalogueCommand::List => out.catalogue_list(&ws.catalogues()?),
                CatalogueCommand::Show { id, search } => {
                    let (record, tree) = ws.catalogue(*id)?;
                    match search {
                        Some(query) => {
                            out.catalogue_search(&ws.search_catalogue(record.id, query)?)
                        }
                        None => {
                            let references = ws.catalogue_references(record.id)?;
                            out.catalogue_show(&record, &tree, &references);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}
