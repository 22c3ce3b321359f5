//! `steadfast rebuild-reminders`: recompute the reminders table from the event log (docs/ARCHITECTURE.md,
//! The event log: derived tables can be rebuilt from the log) — after restoring a backup, say, or if the table
//! is ever in doubt. What was already due is not sent again.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Context;
use steadfast_core::Timestamp;

use crate::config::DatabaseArgs;
use crate::database;

pub async fn run(args: DatabaseArgs) -> anyhow::Result<()> {
    let url = database::parse_url(&args.database_url)?;
    let store = database::open(&url).await?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| {
            i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
        });
    let rebuilt = store.rebuild_reminders(Timestamp::from_millis(now)).await;
    store.close().await;
    let rows = rebuilt.with_context(|| url.to_string())?;
    writeln!(
        std::io::stdout().lock(),
        "Rebuilt the reminders of {url} from the event log: {rows} reminders."
    )
    .context("cannot print the report")
}
