//! Private calendar feeds: one per person, reached by a secret token of which only the hash is
//! kept. Creating a feed again gives it a new token, and the old address stops working.

use std::fmt;

use steadfast_core::{PersonId, SpaceId, Timestamp};

use crate::redact::Redacted;
use crate::row::{self, Columns};
use crate::{Store, StoreError};

/// A person's calendar feed.
#[derive(Clone, PartialEq, Eq)]
pub struct FeedRecord {
    pub account: PersonId,
    pub token_hash: String,
    /// Neutral titles and no descriptions, for calendars others may glance at.
    pub discreet: bool,
    pub created_at: Timestamp,
    /// When a calendar app last fetched it, to the hour the server recorded; `None`: not yet.
    pub last_fetched_at: Option<Timestamp>,
    /// The spaces it was made for: it lists these (while the person is in them) and no other.
    pub spaces: Vec<SpaceId>,
    /// The language its titles are written in (`en`, `pl`): its owner's when they made it.
    /// Empty for a feed made before it was kept.
    pub lang: String,
}

impl fmt::Debug for FeedRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FeedRecord")
            .field("account", &self.account)
            .field("token_hash", &Redacted)
            .field("discreet", &self.discreet)
            .field("created_at", &self.created_at)
            .field("last_fetched_at", &self.last_fetched_at)
            .field("spaces", &self.spaces)
            .field("lang", &self.lang)
            .finish()
    }
}

fn decode(row: &(impl Columns + ?Sized)) -> Result<FeedRecord, StoreError> {
    Ok(FeedRecord {
        account: row::id(row, "account")?,
        token_hash: row::text(row, "token_hash")?,
        discreet: row::count(row, "discreet")? != 0,
        created_at: row::time(row, "created_ms")?,
        last_fetched_at: row::optional_time(row, "last_fetched_ms")?,
        spaces: row::text(row, "spaces")?
            .split_whitespace()
            .map(|id| {
                id.parse()
                    .map_err(|_| StoreError::Corrupt("unreadable id in column spaces".to_owned()))
            })
            .collect::<Result<_, _>>()?,
        lang: row::text(row, "lang")?,
    })
}

macro_rules! select_feed {
    ($where:literal) => {
        concat!(
            "SELECT account, token_hash, discreet, created_ms, last_fetched_ms, spaces, lang \
             FROM calendar_feeds ",
            $where
        )
    };
}

impl Store {
    /// Gives `feed.account` a feed with this token, replacing the token of one it had (which
    /// keeps its discreet setting; its creation, last fetch and spaces are those of the new
    /// token).
    pub async fn put_calendar_feed(&self, feed: &FeedRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO calendar_feeds \
             (account, token_hash, discreet, created_ms, last_fetched_ms, spaces, lang) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (account) DO UPDATE \
             SET token_hash = excluded.token_hash, created_ms = excluded.created_ms, \
             last_fetched_ms = excluded.last_fetched_ms, spaces = excluded.spaces, \
             lang = excluded.lang",
        )
        .bind(feed.account.to_string())
        .bind(&feed.token_hash)
        .bind(i64::from(feed.discreet))
        .bind(feed.created_at.as_millis())
        .bind(feed.last_fetched_at.map(Timestamp::as_millis))
        .bind(
            feed.spaces
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" "),
        )
        .bind(&feed.lang)
        .execute(&self.inner.pool)
        .await?;
        Ok(())
    }

    pub async fn calendar_feed_of(
        &self,
        account: PersonId,
    ) -> Result<Option<FeedRecord>, StoreError> {
        sqlx::query(select_feed!("WHERE account = $1"))
            .bind(account.to_string())
            .fetch_optional(&self.inner.pool)
            .await?
            .as_ref()
            .map(decode)
            .transpose()
    }

    /// The feed a calendar app asks for, by the hash of the token in its address.
    pub async fn calendar_feed_by_hash(
        &self,
        token_hash: &str,
    ) -> Result<Option<FeedRecord>, StoreError> {
        sqlx::query(select_feed!("WHERE token_hash = $1"))
            .bind(token_hash)
            .fetch_optional(&self.inner.pool)
            .await?
            .as_ref()
            .map(decode)
            .transpose()
    }

    /// Switches discreet titles; answers whether the person has a feed.
    pub async fn set_calendar_feed_discreet(
        &self,
        account: PersonId,
        discreet: bool,
    ) -> Result<bool, StoreError> {
        let updated = sqlx::query("UPDATE calendar_feeds SET discreet = $1 WHERE account = $2")
            .bind(i64::from(discreet))
            .bind(account.to_string())
            .execute(&self.inner.pool)
            .await?;
        Ok(updated.rows_affected() == 1)
    }

    /// Records a fetch of the feed with this token hash at `at`; never moves the time back, and
    /// writes nothing when `at` is not later (the caller rounds it, so most fetches write
    /// nothing).
    pub async fn touch_calendar_feed(
        &self,
        token_hash: &str,
        at: Timestamp,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE calendar_feeds SET last_fetched_ms = $1 \
             WHERE token_hash = $2 AND (last_fetched_ms IS NULL OR last_fetched_ms < $1)",
        )
        .bind(at.as_millis())
        .bind(token_hash)
        .execute(&self.inner.pool)
        .await?;
        Ok(())
    }

    /// Revokes the feed; answers whether there was one.
    pub async fn delete_calendar_feed(&self, account: PersonId) -> Result<bool, StoreError> {
        let deleted = sqlx::query("DELETE FROM calendar_feeds WHERE account = $1")
            .bind(account.to_string())
            .execute(&self.inner.pool)
            .await?;
        Ok(deleted.rows_affected() == 1)
    }
}
