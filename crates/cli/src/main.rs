//! `steadfast`: the one binary a self-hoster runs. `steadfast` alone serves the app on
//! 127.0.0.1:8787 with its data in `./steadfast.db`; `steadfast --help` lists the rest.

#![forbid(unsafe_code)]

mod admin;
mod backup;
mod bench;
mod bench_sign_in;
mod config;
mod database;
mod demo;
mod import;
mod migrate;
mod reminders;
mod serve;
mod signal;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::filter::LevelFilter;

use crate::config::{BenchCommand, Cli, Command, LogFormat};

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.log_format);
    let outcome = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(anyhow::Error::from)
        .and_then(|runtime| runtime.block_on(run(cli.into_command())));
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // `eprintln!` would panic if stderr is gone; then there is no one to tell anyway.
            let _ = writeln!(std::io::stderr().lock(), "error: {}", one_line(&error));
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Serve(args) => serve::run(args).await,
        Command::Migrate(args) => migrate::run(args).await,
        Command::RebuildReminders(args) => reminders::run(args).await,
        Command::Backup(args) => backup::run(args).await,
        Command::Import(args) => import::run(args).await,
        Command::Demo(args) => demo::run(args).await,
        Command::Bench(BenchCommand::Append(args)) => bench::run(args).await,
        Command::Bench(BenchCommand::SignIn(args)) => bench_sign_in::run(args).await,
        Command::Bench(BenchCommand::Export(args)) => bench::export::run(args).await,
        Command::Admin(command) => admin::run(command).await,
    }
}

/// Without `RUST_LOG`: our own news at `info`, but not PostgreSQL's notices, which sqlx relays
/// at `info` and which every start produces ("relation _sqlx_migrations already exists").
const DEFAULT_LOG_FILTER: &str = "info,sqlx::postgres::notice=warn";

/// Logs go to stderr (stdout is for what the operator asked for: the address, a report, the ack
/// log), filtered by `RUST_LOG`.
fn init_logging(format: LogFormat) {
    let directives = std::env::var("RUST_LOG").unwrap_or_else(|_| DEFAULT_LOG_FILTER.to_owned());
    let filter = EnvFilter::builder()
        .with_default_directive(LevelFilter::INFO.into())
        .parse_lossy(directives);
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colour codes only help a person at a terminal; in a file or journal they are noise.
        .with_ansi(std::io::stderr().is_terminal());
    match format {
        LogFormat::Text => logs.init(),
        LogFormat::Json => logs.json().init(),
    }
}

/// An error and its causes on one line, joined by ": ". A cause whose text its parent already
/// quotes is left out (many errors both print their source and return it from `source()`), and
/// line breaks inside a message (some database errors carry them) become spaces, so the operator
/// reads one clean line.
fn one_line(error: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() || line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[derive(Debug)]
    struct Quoting(std::io::Error);

    impl std::fmt::Display for Quoting {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "could not open the database: {}", self.0)
        }
    }

    impl std::error::Error for Quoting {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
    }

    #[test]
    fn causes_are_joined_on_one_line_without_repeating_themselves() {
        let error = anyhow::Error::new(Quoting(std::io::Error::other(
            "unable to open\ndatabase file",
        )))
        .context("cannot open SQLite file /x/steadfast.db");
        assert_eq!(
            one_line(&error),
            "cannot open SQLite file /x/steadfast.db: could not open the database: unable to open database file"
        );
    }
}
