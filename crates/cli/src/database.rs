//! Opening the store from the command line, with errors an operator can act on. Every message
//! names the database by `DatabaseUrl`'s `Display`, which never shows a password.

use anyhow::Context;
use steadfast_store::{DatabaseUrl, Store};

/// Parses the URL given by flag or environment. The message never repeats the URL itself: it may
/// hold a password.
pub fn parse_url(raw: &str) -> anyhow::Result<DatabaseUrl> {
    raw.parse::<DatabaseUrl>()
        .context("invalid --database-url (STEADFAST_DATABASE_URL)")
}

/// Connects without touching the schema.
pub async fn connect(url: &DatabaseUrl) -> anyhow::Result<Store> {
    Store::connect(url)
        .await
        .with_context(|| format!("cannot open {url}"))
}

/// Connects and brings the schema up to date.
pub async fn open(url: &DatabaseUrl) -> anyhow::Result<Store> {
    Store::open(url)
        .await
        .with_context(|| format!("cannot open {url}"))
}
