//! `csmsdesk-cli`: the scripting shell over the `workspace` use cases (contract in docs/CLI.md).
//!
//! It parses arguments, calls one use case, and prints either human text or one JSON document.
//! Exit codes: 0 done, 1 the request failed (stderr says why and how to fix it), 2 usage error.

/// `println!` that drops the rest of the output quietly when stdout was closed
/// (`csmsdesk-cli ... | head`) instead of panicking (see [`terminal::write_stdout`]). Control
/// characters are made visible (see [`terminal::visible`]): text from workbooks, files and the
/// database never steers the terminal.
macro_rules! out_line {
    ($($arg:tt)*) => {{
        let line = format!($($arg)*);
        $crate::terminal::write_stdout(&$crate::terminal::visible(&line));
    }};
}

/// `eprintln!` with control characters made visible, like [`out_line!`].
macro_rules! err_line {
    () => {
        eprintln!()
    };
    ($($arg:tt)*) => {{
        let line = format!($($arg)*);
        eprintln!("{}", $crate::terminal::visible(&line));
    }};
}

mod args;
mod commands;
mod output;
mod resolve;
mod terminal;

use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::Parser;
use csmsdesk_core::i18n::Lang;
use csmsdesk_workspace::{Error, Location, Workspace, folders};

use args::{Cli, Command};
use commands::deadlines::DeadlineArgs;
use commands::evidence::AssessArgs;
use commands::package::ExportArgs;
use output::Output;

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CSMSDESK_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    let mut cli = match Cli::try_parse() {
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
    cli.source = journal_source();
    let os_locale = sys_locale::get_locale();
    let mut out = Output::new(cli.json, Lang::from_locale(os_locale.as_deref()));
    match run(&cli, &mut out, os_locale.as_deref()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            out.error(&e);
            ExitCode::FAILURE
        }
    }
}

/// `cli` and the command words (`cli evidence add`), as the journal names the source.
fn journal_source() -> String {
    use clap::CommandFactory as _;
    let mut words = vec!["cli".to_owned()];
    if let Ok(matches) = Cli::command().try_get_matches_from(std::env::args_os()) {
        let mut current = &matches;
        while let Some((name, sub)) = current.subcommand() {
            words.push(name.to_owned());
            current = sub;
        }
    }
    words.join(" ")
}

/// Opens the workspace (read-only with `--read-only`), tells the journal who writes, and
/// switches the output to the workspace's language.
fn open_workspace(
    location: &Location,
    now: DateTime<Utc>,
    out: &mut Output,
    os_locale: Option<&str>,
    cli: &Cli,
) -> Result<Workspace, Error> {
    let ws = if cli.read_only {
        Workspace::open_read_only_at(location, now)?
    } else {
        Workspace::open_at(location, now)?
    };
    ws.set_journal_source(&cli.source);
    out.set_lang(ws.company_profile()?.language.resolve(os_locale));
    Ok(ws)
}

/// Opens the workspace read-only for a command that only reads.
fn open_read_only(
    location: &Location,
    now: DateTime<Utc>,
    out: &mut Output,
    os_locale: Option<&str>,
) -> Result<Workspace, Error> {
    let ws = Workspace::open_read_only_at(location, now)?;
    out.set_lang(ws.company_profile()?.language.resolve(os_locale));
    Ok(ws)
}

/// Runs the command; `Ok(false)` when it ran but reports a failure (a failed check).
fn run(cli: &Cli, out: &mut Output, os_locale: Option<&str>) -> Result<bool, Error> {
    let dir = folders::choose_workspace_dir(
        cli.workspace.clone(),
        std::env::var_os(folders::WORKSPACE_ENV),
        folders::default_workspace_dir,
    )?;
    // A `postgres://` or `postgresql://` URL is a database on a server, anything else a folder.
    let location = Location::parse(dir.as_os_str())?;
    let now = Utc::now();
    let today = cli.today.unwrap_or_else(|| now.date_naive());
    let open = |out: &mut Output| open_workspace(&location, now, out, os_locale, cli);
    match &cli.command {
        Command::Init { company } => {
            commands::profile::init(&location, company, now, out, os_locale)
        }
        Command::Info => commands::profile::info(&open(out)?, out, os_locale),
        Command::Catalogue { action } => {
            commands::catalogue::run(&mut open(out)?, action, out, now)
        }
        Command::Location { action } => commands::scope::location(&mut open(out)?, action, out),
        Command::Scope { action } => commands::scope::scope(&mut open(out)?, action, out, today),
        Command::Po { action } => commands::scope::po(&mut open(out)?, action, out),
        Command::Rules { action } => commands::rules::run(&mut open(out)?, action, out),
        Command::Team { action } => commands::team::run(&mut open(out)?, action, out),
        Command::Vocabulary => commands::rules::vocabulary(&open(out)?, out),
        Command::Evidence { action } => {
            commands::evidence::run(&mut open(out)?, action, out, now, today)
        }
        Command::Search { text, limit } => {
            let ws = open(out)?;
            out.found(&ws.search(text, *limit)?);
            Ok(true)
        }
        Command::Assess {
            scope,
            question,
            result,
            text,
            reference,
            workbook,
            apply,
            set,
            file,
        } => {
            let args = AssessArgs {
                set,
                file: file.as_ref(),
                scope,
                question: question.as_deref(),
                result: result.as_deref(),
                text: text.as_deref(),
                reference: reference.as_deref(),
                workbook: workbook.as_ref(),
                apply: *apply,
            };
            commands::evidence::assess(&mut open(out)?, &args, out, now)
        }
        Command::Status { scope } => {
            commands::evidence::status(&mut open(out)?, scope, out, now, today)
        }
        Command::Audit { action } => commands::audit::audit(&mut open(out)?, action, out),
        Command::Finding { action } => commands::audit::finding(&mut open(out)?, action, out),
        Command::Action { action } => commands::audit::action(&mut open(out)?, action, out),
        Command::Labels { scope, action } => commands::audit::labels(
            &mut open(out)?,
            scope.as_deref(),
            action.as_ref(),
            out,
            today,
        ),
        Command::Deadlines {
            within,
            ics,
            kind,
            scope,
            owner,
            mine,
            sort,
            desc,
            limit,
            offset,
        } => {
            let ws = open(out)?;
            let me = mine.then(|| ws.me());
            let args = DeadlineArgs {
                within: *within,
                ics: ics.as_ref(),
                kinds: kind,
                scope: scope.as_deref(),
                owner: me.as_deref().or(owner.as_deref()),
                sort: sort.as_deref(),
                desc: *desc,
                limit: *limit,
                offset: *offset,
            };
            commands::deadlines::run(&ws, &args, out, now, today)
        }
        Command::Export {
            scope,
            out: file,
            level,
            generated_at,
            audit,
            versions,
            force,
        } => {
            let args = ExportArgs {
                scope,
                file,
                level,
                generated_at: generated_at.as_deref(),
                audit: *audit,
                versions,
                force: *force,
            };
            commands::package::export(&mut open(out)?, &args, out, now)
        }
        Command::Report {
            scope,
            out: file,
            audit,
            lang,
            generated_at,
        } => {
            let args = commands::report::ReportArgs {
                scope,
                file,
                audit: *audit,
                lang: lang.as_deref(),
                generated_at: generated_at.as_deref(),
            };
            commands::report::report(&open(out)?, &args, out, now)
        }
        Command::Verify { file } => commands::package::verify(file, out),
        Command::Share { action } => commands::package::share(&mut open(out)?, action, out),
        // Reading needs no lock: these work while the app holds the workspace.
        Command::Journal {
            action,
            before,
            table,
            user,
            limit,
        } => commands::trust::journal(
            &open_read_only(&location, now, out, os_locale)?,
            action.as_ref(),
            *before,
            (table.as_deref(), user.as_deref()),
            *limit,
            out,
        ),
        Command::Check => {
            commands::trust::check(&open_read_only(&location, now, out, os_locale)?, out)
        }
        // A backup file holds a workspace of either kind and restores into either: the bridge
        // between a desk folder and a server database.
        Command::Backup { out: file } => commands::trust::backup(&location, file, now, out),
        Command::Restore { file, check } => {
            commands::trust::restore(file, *check, cli.workspace.as_ref(), out)
        }
    }
}
