//! `steadfast import FILE --username NAME`: a person's export (`steadfast-export/1`, from the
//! account page or `GET /api/v1/export`) restored into their account on this server. The
//! core reads and checks the file and decides what to write (`steadfast_core::import`, where the
//! rules are); this finds the account, writes each space in a transaction of its own, then the
//! person's own events, and reports. Running it again with the same file writes nothing new.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Args;
use steadfast_core::Username;
use steadfast_core::coach::AccountKind;
use steadfast_core::import::{self, Target};
use steadfast_store::ImportedSpace;

use crate::config::DatabaseArgs;
use crate::database;

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,

    /// The export file (JSON) to read.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The login name of the existing account that receives the export.
    #[arg(long, value_name = "NAME")]
    pub username: String,
}

pub async fn run(args: ImportArgs) -> anyhow::Result<()> {
    let size = std::fs::metadata(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?
        .len();
    if size > import::MAX_BYTES as u64 {
        bail!(
            "{} is larger than {} bytes, more than an export can be",
            args.file.display(),
            import::MAX_BYTES
        );
    }
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let now = steadfast_core::Timestamp::from_millis(jiff::Timestamp::now().as_millisecond());
    let plan = import::read(&bytes, now)
        .with_context(|| format!("cannot import {}", args.file.display()))?;

    let username = Username::parse(&args.username).context("that is not a login name")?;
    let url = database::parse_url(&args.database.database_url)?;
    let store = database::open(&url).await?;
    let outcome = write(&store, &plan, &username, now).await;
    store.close().await;
    let report = outcome?;
    writeln!(std::io::stdout().lock(), "{report}").context("cannot print the report")
}

async fn write(
    store: &steadfast_store::Store,
    plan: &import::ImportPlan,
    username: &Username,
    now: steadfast_core::Timestamp,
) -> anyhow::Result<String> {
    let Some(account) = store.account_by_username_key(username.key()).await? else {
        bail!(
            "there is no account named {} here: sign up first, then import",
            username.as_str()
        );
    };
    if account.kind == AccountKind::Coach {
        bail!(
            "{} is a coach's account, which has no spaces of its own",
            username.as_str()
        );
    }
    let writes = plan.writes(Target {
        person: account.id,
        now,
    });
    let (mut created, mut skipped) = (0, 0);
    for space in &writes.spaces {
        match store
            .import_space(space)
            .await
            .context("cannot write an imported space (nothing of it was written)")?
        {
            ImportedSpace::Created => created += 1,
            ImportedSpace::AlreadyThere => skipped += 1,
        }
    }
    let personal = store
        .import_personal(account.id, &writes.personal)
        .await
        .context("cannot write the imported journal and personal events")?;
    let mut report = format!(
        "Imported into {}: {created} new space(s), {personal} journal and personal event(s).",
        username.as_str()
    );
    if skipped > 0 {
        report.push_str(&format!(
            " {skipped} space(s) were imported before and were left as they are."
        ));
    }
    Ok(report)
}
