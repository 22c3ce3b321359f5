//! `steadfast admin`: the operator's tools for a hosted installation — create, disable and enable
//! accounts, start a password recovery, and figures about use.
//!
//! No operator function reads a couple's content. The operator never chooses or sees a password:
//! a new account and a recovery both get a one-time link (24 hours, stored only as a hash) by
//! which the person sets their own. The figures are counts only — accounts by kind and state,
//! spaces by how many partners they hold, events and active spaces per week — never a name, a
//! text or the id of anything a couple made.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use steadfast_app::password_links;
use steadfast_app::passwords::{Claimant, PasswordCost, Passwords};
use steadfast_core::account::Email;
use steadfast_core::coach::AccountKind;
use steadfast_core::{Password, PersonId, Timestamp, Username};
use steadfast_store::{Account, LinkPurpose, NewAccount, Store, StoreError};

use crate::config::DatabaseArgs;
use crate::database;

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an account and print a one-time link by which its person sets their own password.
    CreateAccount(CreateAccountArgs),
    /// Keep an account out: it cannot sign in, and its sessions and API tokens stop working.
    DisableAccount(AccountArgs),
    /// Let a disabled account sign in again.
    EnableAccount(AccountArgs),
    /// Start a password recovery: print a one-time link by which the person sets a new password.
    StartRecovery(LinkArgs),
    /// Counts without content: accounts, spaces, and activity per week.
    Figures(FiguresArgs),
}

#[derive(Debug, Args)]
pub struct CreateAccountArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,

    /// The login name.
    #[arg(long, value_name = "NAME")]
    pub username: String,

    /// An email address, for reminders the person may switch on.
    #[arg(long, value_name = "ADDRESS")]
    pub email: Option<String>,

    /// Make a coach's account (read-only access to spaces that grant it) instead of a partner's.
    #[arg(long)]
    pub coach: bool,

    #[command(flatten)]
    pub public_url: PublicUrlArgs,
}

#[derive(Debug, Args)]
pub struct AccountArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,

    /// The account's login name.
    #[arg(value_name = "USERNAME")]
    pub username: String,
}

#[derive(Debug, Args)]
pub struct LinkArgs {
    #[command(flatten)]
    pub account: AccountArgs,

    #[command(flatten)]
    pub public_url: PublicUrlArgs,
}

#[derive(Debug, Args)]
pub struct PublicUrlArgs {
    /// Where people open Steadfast (`https://us.example.org`), to print a whole link; without
    /// it the link is printed as a path.
    #[arg(long, env = "STEADFAST_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct FiguresArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,

    /// How many weeks of activity to show, this one included.
    #[arg(long, default_value_t = 12, value_parser = clap::value_parser!(u32).range(1..=520))]
    pub weeks: u32,
}

pub async fn run(command: AdminCommand) -> anyhow::Result<()> {
    let database = match &command {
        AdminCommand::CreateAccount(args) => &args.database,
        AdminCommand::DisableAccount(args) | AdminCommand::EnableAccount(args) => &args.database,
        AdminCommand::StartRecovery(args) => &args.account.database,
        AdminCommand::Figures(args) => &args.database,
    };
    let url = database::parse_url(&database.database_url)?;
    let store = database::open(&url).await?;
    let outcome = match command {
        AdminCommand::CreateAccount(args) => create_account(&store, args).await,
        AdminCommand::DisableAccount(args) => disable(&store, &args.username).await,
        AdminCommand::EnableAccount(args) => enable(&store, &args.username).await,
        AdminCommand::StartRecovery(args) => start_recovery(&store, args).await,
        AdminCommand::Figures(args) => figures(&store, args.weeks).await,
    };
    store.close().await;
    let report = outcome?;
    std::io::stdout()
        .lock()
        .write_all(report.as_bytes())
        .context("cannot print the report")
}

async fn create_account(store: &Store, args: CreateAccountArgs) -> anyhow::Result<String> {
    let username = Username::parse(&args.username).context("the login name is not allowed")?;
    let email = Email::parse_optional(args.email.as_deref().unwrap_or_default())
        .context("the email address is not valid")?;
    let person = PersonId::from_uuid(uuid::Uuid::new_v4());
    // The account needs a password hash until its person sets one: the hash of random bytes
    // nobody keeps, made as real hashes are, so signing in to it takes as long as to any
    // account and never succeeds.
    let unusable = format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    );
    let placeholder = Password::new(&unusable, &username).context("an unusable password")?;
    let password_hash = Passwords::new(PasswordCost::Production)?
        .hash(&Claimant::Operator, placeholder.expose().to_owned())
        .await?;
    let account = NewAccount {
        id: person,
        username: username.as_str().to_owned(),
        username_key: username.key().to_owned(),
        password_hash,
        email: email.map(|email| email.as_str().to_owned()),
        created_at: now(),
        grammatical_form: steadfast_core::account::GrammaticalForm::default(),
    };
    let kind = if args.coach {
        AccountKind::Coach
    } else {
        AccountKind::Partner
    };
    match store.create_account_of_kind(&account, kind).await {
        Ok(()) => {}
        Err(StoreError::UsernameTaken) => {
            bail!("the login name {} is taken", username.as_str())
        }
        Err(other) => return Err(other).context("cannot create the account"),
    }
    let link = issue_link(
        store,
        person,
        LinkPurpose::Welcome,
        args.public_url.public_url.as_deref(),
    )
    .await?;
    let what = if args.coach {
        "a coach's account"
    } else {
        "an account"
    };
    Ok(format!(
        "Created {what} for {name}. Its password is not set: give {name} this link, which \
         lets them choose it and works once, for 24 hours:\n\n  {link}\n\n\
         Pass it on privately (in person, or by a channel only they read): whoever opens it \
         first sets the password. `steadfast admin start-recovery {name}` makes a new one.\n",
        name = username.as_str(),
    ))
}

async fn disable(store: &Store, username: &str) -> anyhow::Result<String> {
    let account = find(store, username).await?;
    store
        .disable_account(account.id, now())
        .await
        .context("cannot disable the account")?;
    Ok(format!(
        "Disabled {}: it cannot sign in, and its sessions, API tokens, calendar feed and unused \
         password links have ended. Nothing it wrote was changed. \
         `steadfast admin enable-account {}` lets it sign in again.\n",
        account.username, account.username
    ))
}

async fn enable(store: &Store, username: &str) -> anyhow::Result<String> {
    let account = find(store, username).await?;
    store
        .enable_account(account.id)
        .await
        .context("cannot enable the account")?;
    Ok(format!(
        "Enabled {}: it can sign in again with its password.\n",
        account.username
    ))
}

async fn start_recovery(store: &Store, args: LinkArgs) -> anyhow::Result<String> {
    let account = find(store, &args.account.username).await?;
    if store.account_disabled_at(account.id).await?.is_some() {
        bail!(
            "{} is disabled; enable it first (steadfast admin enable-account {})",
            account.username,
            account.username
        );
    }
    let link = issue_link(
        store,
        account.id,
        LinkPurpose::Recovery,
        args.public_url.public_url.as_deref(),
    )
    .await?;
    Ok(format!(
        "Started a password recovery for {name}. Their password is unchanged until they open \
         this link and choose a new one; it works once, for 24 hours, and replaces any earlier \
         link:\n\n  {link}\n\n\
         Pass it on privately, and only to {name}, after making sure it is really them asking: \
         whoever opens it first takes over the account. Setting the password signs them out \
         everywhere else.\n",
        name = account.username,
    ))
}

async fn figures(store: &Store, weeks: u32) -> anyhow::Result<String> {
    let now = now();
    let since = Timestamp::from_millis(
        now.as_millis()
            .saturating_sub(i64::from(weeks.saturating_sub(1)) * 7 * 86_400_000),
    );
    let figures = store.figures(since).await.context("cannot count")?;
    let mut report = format!(
        "Accounts: {} partners, {} coaches ({} disabled)\n\
         Spaces: {} paired, {} solo, {} empty\n\
         Activity per ISO week (events appended, spaces with any event):\n",
        figures.partners,
        figures.coaches,
        figures.disabled,
        figures.paired_spaces,
        figures.solo_spaces,
        figures.empty_spaces,
    );
    // Every week of the span, quiet ones as zeros, so the column reads as a time series.
    let first = steadfast_store::week_start(since).as_millis();
    let last = steadfast_store::week_start(now).as_millis();
    let mut start = first;
    while start <= last {
        let (events, spaces) = figures
            .weeks
            .iter()
            .find(|week| week.starts.as_millis() == start)
            .map_or((0, 0), |week| (week.events, week.active_spaces));
        report.push_str(&format!(
            "  {}  {events:>8} events  {spaces:>6} spaces\n",
            iso_week(start)?
        ));
        start += 7 * 86_400_000;
    }
    Ok(report)
}

/// `2026-W48` for the week that starts at `monday_ms`.
fn iso_week(monday_ms: i64) -> anyhow::Result<String> {
    let date = jiff::Timestamp::from_millisecond(monday_ms)
        .context("a week outside the calendar")?
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    let week = date.iso_week_date();
    Ok(format!("{}-W{:02}", week.year(), week.week()))
}

async fn find(store: &Store, username: &str) -> anyhow::Result<Account> {
    let key = Username::parse(username)
        .map(|name| name.key().to_owned())
        .context("that is not a valid login name")?;
    store
        .account_by_username_key(&key)
        .await?
        .with_context(|| format!("no account is called {username}"))
}

async fn issue_link(
    store: &Store,
    account: PersonId,
    purpose: LinkPurpose,
    public_url: Option<&str>,
) -> anyhow::Result<String> {
    let (token, link) = password_links::new_link(account, purpose, now())
        .context("the system's random number generator failed")?;
    store
        .create_password_link(&link)
        .await
        .context("cannot store the link")?;
    let path = password_links::link_path(&token);
    Ok(match public_url {
        Some(base) => format!("{}{path}", base.trim_end_matches('/')),
        None => path,
    })
}

fn now() -> Timestamp {
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| {
            i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
        });
    Timestamp::from_millis(millis)
}

#[cfg(test)]
mod tests {
    use super::iso_week;

    #[test]
    fn weeks_are_named_by_iso_year_and_number() {
        // Monday 2026-11-23 is in ISO week 48; Monday 2024-12-30 starts week 1 of 2025.
        assert_eq!(iso_week(1_795_392_000_000).unwrap(), "2026-W48");
        assert_eq!(iso_week(1_735_516_800_000).unwrap(), "2025-W01");
    }
}
