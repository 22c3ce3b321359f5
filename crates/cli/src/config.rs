//! The command line: every setting is a flag with an environment variable beside it, so the same
//! binary runs from a terminal, a systemd unit or a container without a config file.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use steadfast_web::HelpDefaults;

#[derive(Debug, Parser)]
#[command(name = "steadfast", version, about)]
// Flags given without a subcommand belong to `serve`, so `steadfast --listen …` works as well
// as `steadfast serve --listen …`.
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub serve: ServeArgs,

    /// How log lines on stderr are written. Which lines: `RUST_LOG` (default `info`).
    #[arg(
        long,
        env = "STEADFAST_LOG_FORMAT",
        value_enum,
        default_value_t,
        global = true
    )]
    pub log_format: LogFormat,
}

impl Cli {
    /// The command to run; none given means `serve`, so `cargo run --release` starts the app.
    pub fn into_command(self) -> Command {
        self.command.unwrap_or(Command::Serve(self.serve))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the app over HTTP (what `steadfast` alone does).
    Serve(ServeArgs),
    /// Bring the database schema up to date, then exit.
    Migrate(DatabaseArgs),
    /// Recompute the reminders table from the event log, then exit.
    RebuildReminders(DatabaseArgs),
    /// Copy the SQLite database to a new file while the server keeps running, and check the copy.
    Backup(BackupArgs),
    /// Restore a person's export into their existing account here: their journal, and each
    /// exported space as a new space of theirs. Running it again writes nothing twice.
    Import(crate::import::ImportArgs),
    /// Seed demo couples with months of history, for trying out and benchmarks only (every
    /// demo account shares one public password).
    Demo(DemoArgs),
    /// Operator tools: create, disable and enable accounts, start a password recovery, and
    /// figures without content.
    #[command(subcommand)]
    Admin(crate::admin::AdminCommand),
    /// Measure the store (writes benchmark data: point it at a scratch database).
    #[command(subcommand)]
    Bench(BenchCommand),
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct DatabaseArgs {
    /// Where the data lives: `sqlite://PATH` (one file) or `postgres://USER:PASSWORD@HOST/DB`.
    // The value may hold a password: keep it out of `--help` and out of clap's own error messages
    // (it is parsed by the command, not by clap).
    #[arg(
        long,
        env = "STEADFAST_DATABASE_URL",
        hide_env_values = true,
        default_value = "sqlite://steadfast.db",
        value_name = "URL"
    )]
    pub database_url: String,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,

    /// The new file to write the copy to; an existing file is never overwritten.
    #[arg(value_name = "DESTINATION")]
    pub destination: PathBuf,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,

    /// How many couples to seed, each in a space of their own.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub couples: u32,

    /// How many months of history each couple gets, ending today.
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=60))]
    pub months: u32,

    /// The seed: the same seed (and day) gives the same data.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address and port to listen on; `0.0.0.0:8787` to be reachable from other devices.
    #[arg(
        long,
        env = "STEADFAST_LISTEN",
        default_value = "127.0.0.1:8787",
        value_name = "ADDR"
    )]
    pub listen: String,

    /// Where to serve Prometheus metrics (`/metrics`), on an address of their own that only your
    /// monitoring reaches (`127.0.0.1:9187`). Unset (the default): no metrics at all. Never on
    /// the public address: the figures count requests only as static, ops, api or page, but
    /// nobody using the app needs to read them.
    #[arg(long, env = "STEADFAST_METRICS_LISTEN", value_name = "ADDR")]
    pub metrics_listen: Option<String>,

    #[command(flatten)]
    pub database: DatabaseArgs,

    /// Where the quick-exit control leads once it has ended the session: an ordinary, harmless
    /// page (http or https).
    #[arg(long, env = "STEADFAST_QUICK_EXIT_URL", value_name = "URL")]
    pub quick_exit_url: Option<String>,

    /// Whether the session cookie is marked Secure (sent over HTTPS only) and named with the
    /// `__Host-` prefix. Default: on when listening on a loopback address (a browser on this
    /// machine, or a TLS proxy in front), off otherwise. Set it on behind a TLS proxy on another
    /// machine; off only for plain HTTP on a trusted network.
    #[arg(long, env = "STEADFAST_SECURE_COOKIES", value_name = "BOOL")]
    pub secure_cookies: Option<bool>,

    /// A place to turn to, listed on the help page, as `LABEL=ADDRESS` (a web address or a phone
    /// number). Repeat the flag for more; in the environment, separate them with `;`.
    #[arg(
        long = "help-resource",
        env = "STEADFAST_HELP_RESOURCES",
        value_name = "LABEL=ADDRESS",
        value_delimiter = ';',
        value_parser = parse_help_resource
    )]
    pub help_resources: Vec<(String, String)>,

    /// Whether the built-in places to turn to for the viewer's language follow your
    /// --help-resource entries: in Polish 112 and Poland's national domestic-violence helpline
    /// ("Niebieska Linia"), in English 112, 911 and a directory of helplines by country. `keep`
    /// (the default: your entries first, then these) or `off` (your entries only).
    #[arg(
        long,
        env = "STEADFAST_HELP_DEFAULTS",
        value_name = "keep|off",
        default_value = "keep",
        value_parser = parse_help_defaults
    )]
    pub help_defaults: HelpDefaults,

    /// How many writes one person may make at once before they are asked to wait (pages and
    /// API alike; signing out, leaving and the account's safety steps never count).
    #[arg(long, env = "STEADFAST_WRITE_BURST", default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..))]
    pub write_burst: u32,

    /// After the burst, one more write per this many milliseconds for each person.
    #[arg(long, env = "STEADFAST_WRITE_INTERVAL_MS", default_value_t = 1_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub write_interval_ms: u64,

    /// The header in which your own reverse proxy passes the client's address (for example
    /// `X-Forwarded-For`), so rate limits count each client apart. Set it only behind a proxy
    /// that sets this header: otherwise clients could choose their own address.
    #[arg(long, env = "STEADFAST_CLIENT_ADDRESS_HEADER", value_name = "HEADER")]
    pub client_address_header: Option<axum::http::HeaderName>,

    /// The SMTP server reminder emails go through: `smtp://USER:PASSWORD@HOST:587` (STARTTLS),
    /// `smtps://USER:PASSWORD@HOST:465` (TLS), or `smtp://HOST:25` (plain, for a relay on this
    /// machine or network). Unset: no email at all, reminders stay in the app.
    // Holds a password: kept out of `--help` and clap's messages, like the database URL.
    #[arg(
        long,
        env = "STEADFAST_SMTP_URL",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub smtp_url: Option<String>,

    /// The sender of reminder emails: `reminders@example.org` or `Steadfast <reminders@…>`.
    /// Needed with --smtp-url.
    #[arg(long, env = "STEADFAST_MAIL_FROM", value_name = "ADDRESS")]
    pub mail_from: Option<String>,

    /// The address people open Steadfast at (`https://us.example.org`): the link in reminder
    /// emails. Without it the emails carry no link.
    #[arg(long, env = "STEADFAST_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,

    /// Minutes without activity after which a session ends.
    #[arg(
        long,
        env = "STEADFAST_SESSION_IDLE_MINUTES",
        default_value_t = 30,
        value_parser = clap::value_parser!(u64).range(1..=24 * 60)
    )]
    pub session_idle_minutes: u64,

    /// Hours after sign-in at which a session ends, however active.
    #[arg(
        long,
        env = "STEADFAST_SESSION_MAX_HOURS",
        default_value_t = 12,
        value_parser = clap::value_parser!(u64).range(1..=24 * 30)
    )]
    pub session_max_hours: u64,
}

/// `Helpline=+48 800 120 002` → ("Helpline", "+48 800 120 002").
fn parse_help_resource(text: &str) -> Result<(String, String), String> {
    let (label, address) = text
        .split_once('=')
        .ok_or_else(|| "expected LABEL=ADDRESS".to_owned())?;
    let (label, address) = (label.trim(), address.trim());
    if label.is_empty() || address.is_empty() {
        return Err("both the label and the address are needed".to_owned());
    }
    Ok((label.to_owned(), address.to_owned()))
}

/// `keep` or `off`.
fn parse_help_defaults(text: &str) -> Result<HelpDefaults, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "keep" => Ok(HelpDefaults::Keep),
        "off" => Ok(HelpDefaults::Off),
        _ => Err("expected keep or off".to_owned()),
    }
}

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Append events as fast as the store acknowledges them, then report appends per second and
    /// appends per commit.
    Append(BenchAppendArgs),
    /// Time a person's sign-in with and without a flood of wrong sign-ins from many addresses
    /// at once, in one run, and report the ratio.
    SignIn(BenchSignInArgs),
    /// Make a space with a long history, then time one partner's export of it against reading
    /// the raw log in the same run, and how far peak memory grows while it streams.
    Export(BenchExportArgs),
}

#[derive(Debug, Args)]
pub struct BenchExportArgs {
    /// A fresh database to make the history in. Deliberately required and not read from
    /// `STEADFAST_DATABASE_URL`, so a benchmark never lands in the live database by accident.
    #[arg(long, value_name = "URL")]
    pub database_url: String,

    /// How many events the space holds when the export is measured.
    #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub events: u64,
}

#[derive(Debug, Args)]
pub struct BenchSignInArgs {
    /// The database to make benchmark accounts in. Deliberately required and not read from
    /// `STEADFAST_DATABASE_URL`, so a benchmark never lands in the live database by accident.
    #[arg(long, value_name = "URL")]
    pub database_url: String,

    /// Sign-ins timed without the flood, and as many again during it.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u16).range(1..=200))]
    pub samples: u16,

    /// Addresses the flood comes from.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u16).range(1..))]
    pub addresses: u16,

    /// Flooding clients per address, each sending wrong sign-ins one after another.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub clients_per_address: u16,
}

#[derive(Debug, Args)]
pub struct BenchAppendArgs {
    /// The database to write benchmark events into. Deliberately required and not read from
    /// `STEADFAST_DATABASE_URL`, so a benchmark never lands in the live database by accident.
    #[arg(long, value_name = "URL")]
    pub database_url: String,

    /// Concurrent writers.
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..))]
    pub tasks: u16,

    /// Appends in total, across all writers.
    #[arg(long, default_value_t = 20_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub appends: u64,

    /// Streams to spread the appends over; fewer streams than tasks makes writers contend for the
    /// same stream (and retry on conflicts). Default: one per task.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub streams: Option<u32>,

    /// Write "<stream> <seq> <event-id>" for every append as soon as the store acknowledges it,
    /// to FILE or to stdout (`-`).
    #[arg(long, value_name = "FILE")]
    pub ack_log: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_arguments_means_serve_with_the_defaults() {
        let Ok(cli) = Cli::try_parse_from(["steadfast"]) else {
            panic!("no arguments parse");
        };
        let Command::Serve(serve) = cli.into_command() else {
            panic!("no subcommand means serve");
        };
        assert_eq!(serve.listen, "127.0.0.1:8787");
        assert_eq!(serve.database.database_url, "sqlite://steadfast.db");
        assert_eq!(
            (serve.session_idle_minutes, serve.session_max_hours),
            (30, 12)
        );
        assert!(serve.help_resources.is_empty());
        assert_eq!(serve.help_defaults, HelpDefaults::Keep);
    }

    #[test]
    fn the_built_in_help_is_kept_unless_turned_off() {
        let serve_with = |args: &[&str]| {
            let cli = Cli::try_parse_from(args).map_err(|e| e.to_string())?;
            match cli.into_command() {
                Command::Serve(serve) => Ok(serve.help_defaults),
                _ => Err("top-level flags mean serve".to_owned()),
            }
        };
        assert_eq!(serve_with(&["steadfast"]), Ok(HelpDefaults::Keep));
        assert_eq!(
            serve_with(&["steadfast", "--help-defaults", "keep"]),
            Ok(HelpDefaults::Keep)
        );
        assert_eq!(
            serve_with(&["steadfast", "--help-defaults", "OFF"]),
            Ok(HelpDefaults::Off)
        );
        assert!(serve_with(&["steadfast", "--help-defaults", "none"]).is_err());
    }

    #[test]
    fn help_resources_come_as_label_and_address() {
        let Ok(cli) = Cli::try_parse_from([
            "steadfast",
            "--help-resource",
            "Helpline=+48 800 120 002",
            "--help-resource",
            "Support online = https://help.example/chat",
        ]) else {
            panic!("help resources parse");
        };
        let Command::Serve(serve) = cli.into_command() else {
            panic!("top-level flags mean serve");
        };
        assert_eq!(
            serve.help_resources,
            [
                ("Helpline".to_owned(), "+48 800 120 002".to_owned()),
                (
                    "Support online".to_owned(),
                    "https://help.example/chat".to_owned()
                ),
            ]
        );
        assert!(Cli::try_parse_from(["steadfast", "--help-resource", "no separator"]).is_err());
    }

    #[test]
    fn serve_flags_work_without_the_subcommand_name() {
        let Ok(cli) = Cli::try_parse_from(["steadfast", "--listen", "0.0.0.0:9000"]) else {
            panic!("serve flags parse at the top level");
        };
        let Command::Serve(serve) = cli.into_command() else {
            panic!("top-level flags mean serve");
        };
        assert_eq!(serve.listen, "0.0.0.0:9000");
    }

    #[test]
    fn the_log_format_is_accepted_after_a_subcommand() {
        let Ok(cli) = Cli::try_parse_from(["steadfast", "migrate", "--log-format", "json"]) else {
            panic!("--log-format is global");
        };
        assert_eq!(cli.log_format, LogFormat::Json);
    }

    #[test]
    fn bench_append_defaults_to_sixteen_writers_and_twenty_thousand_appends() {
        let Ok(cli) = Cli::try_parse_from([
            "steadfast",
            "bench",
            "append",
            "--database-url",
            "sqlite://b.db",
        ]) else {
            panic!("bench append parses");
        };
        let Command::Bench(BenchCommand::Append(args)) = cli.into_command() else {
            panic!("bench append is parsed as such");
        };
        assert_eq!((args.tasks, args.appends, args.streams), (16, 20_000, None));
    }
}
