//! What the operator's tools (`steadfast admin`) and one-time password links need from the
//! database: disabling and enabling an account, links by which a person sets their own password,
//! and figures about use.
//!
//! No function here reads what a couple wrote. The figures are counts of rows grouped by kind,
//! state and week — never a name, a text or the id of anything a couple made.

use std::fmt;

use sqlx::Row;
use steadfast_core::{PersonId, Timestamp};

use crate::notice::{self, NoticeKind};
use crate::redact::Redacted;
use crate::rls::Scope;
use crate::{Store, StoreError, row};

/// Why a password link was made: a new account's first password, or a recovery the operator
/// started. Both work the same way; the page words them differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkPurpose {
    Welcome,
    Recovery,
}

impl LinkPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::Welcome => "welcome",
            LinkPurpose::Recovery => "recovery",
        }
    }

    fn parse(text: &str) -> Result<Self, StoreError> {
        match text {
            "welcome" => Ok(LinkPurpose::Welcome),
            "recovery" => Ok(LinkPurpose::Recovery),
            _ => Err(StoreError::Corrupt(
                "unknown password link purpose".to_owned(),
            )),
        }
    }
}

/// A one-time link by which a person sets their own password. Only the token's hash is stored.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordLink {
    pub token_hash: String,
    pub account: PersonId,
    pub purpose: LinkPurpose,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

impl fmt::Debug for PasswordLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PasswordLink")
            .field("token_hash", &Redacted)
            .field("account", &self.account)
            .field("purpose", &self.purpose)
            .field("created_at", &self.created_at)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// What a presented link is worth now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkState {
    /// It can be used, by the person it was made for.
    Usable {
        account: PersonId,
        username: String,
        purpose: LinkPurpose,
    },
    /// It was used already, ran out, was replaced by a newer link, or its account was disabled.
    Spent,
    /// No such link.
    Unknown,
}

/// Counts about the whole installation, without content.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// Accounts of partners (everyone who is not a coach), disabled ones included.
    pub partners: u64,
    pub coaches: u64,
    pub disabled: u64,
    /// Spaces with two partners now.
    pub paired_spaces: u64,
    /// Spaces with one partner now.
    pub solo_spaces: u64,
    /// Spaces everyone has left.
    pub empty_spaces: u64,
    /// Per week (Monday 00:00 UTC on), oldest first: only weeks with any event.
    pub weeks: Vec<WeekFigures>,
}

/// Activity in one week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekFigures {
    /// Monday 00:00 UTC that starts the week.
    pub starts: Timestamp,
    /// Events appended in the week, in any stream.
    pub events: u64,
    /// Spaces with at least one event in the week.
    pub active_spaces: u64,
}

const DAY_MS: i64 = 86_400_000;
const WEEK_MS: i64 = 7 * DAY_MS;
/// 1970-01-01 was a Thursday; adding three days lines weeks up with Mondays.
const MONDAY_SHIFT_MS: i64 = 3 * DAY_MS;

/// The Monday 00:00 UTC that starts the week `at` falls in.
pub fn week_start(at: Timestamp) -> Timestamp {
    let shifted = at.as_millis() + MONDAY_SHIFT_MS;
    Timestamp::from_millis(shifted.div_euclid(WEEK_MS) * WEEK_MS - MONDAY_SHIFT_MS)
}

impl Store {
    /// Disables the account at `at`: it cannot sign in, and its sessions, API tokens, calendar
    /// feed and unused password links end in the same transaction, so every request after this
    /// one is refused. Answers whether the account exists. Disabling twice keeps the first time.
    pub async fn disable_account(&self, id: PersonId, at: Timestamp) -> Result<bool, StoreError> {
        let key = id.to_string();
        let mut tx = self.write_tx().await?;
        let exists: Option<String> = sqlx::query_scalar("SELECT id FROM accounts WHERE id = $1")
            .bind(&key)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_none() {
            return Ok(false);
        }
        let newly_disabled = sqlx::query(
            "UPDATE accounts SET disabled_ms = $1 WHERE id = $2 AND disabled_ms IS NULL",
        )
        .bind(at.as_millis())
        .bind(&key)
        .execute(&mut *tx)
        .await?;
        for sql in [
            "DELETE FROM sessions WHERE account = $1",
            "DELETE FROM api_tokens WHERE account = $1",
            "DELETE FROM calendar_feeds WHERE account = $1",
            "DELETE FROM password_links WHERE account = $1 AND used_ms IS NULL",
        ] {
            sqlx::query(sql).bind(&key).execute(&mut *tx).await?;
        }
        // Told to the person the next time they are in, once enabled again.
        if newly_disabled.rows_affected() == 1 {
            notice::add(&mut tx, id, NoticeKind::OperatorDisabled, at).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Lets a disabled account sign in again (with the password it had). Answers whether the
    /// account exists.
    pub async fn enable_account(&self, id: PersonId) -> Result<bool, StoreError> {
        let key = id.to_string();
        let mut tx = self.write_tx().await?;
        let exists: Option<String> = sqlx::query_scalar("SELECT id FROM accounts WHERE id = $1")
            .bind(&key)
            .fetch_optional(&mut *tx)
            .await?;
        sqlx::query("UPDATE accounts SET disabled_ms = NULL WHERE id = $1")
            .bind(&key)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(exists.is_some())
    }

    /// When the account was disabled; `None` when it may sign in (or does not exist).
    pub async fn account_disabled_at(&self, id: PersonId) -> Result<Option<Timestamp>, StoreError> {
        Ok(self
            .account(id)
            .await?
            .and_then(|account| account.disabled_at))
    }

    /// Stores a new link, replacing the account's unused ones (only the newest link works).
    pub async fn create_password_link(&self, link: &PasswordLink) -> Result<(), StoreError> {
        let account = link.account.to_string();
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM password_links WHERE account = $1 AND used_ms IS NULL")
            .bind(&account)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO password_links (token_hash, account, purpose, created_ms, expires_ms, \
             used_ms) VALUES ($1, $2, $3, $4, $5, NULL)",
        )
        .bind(&link.token_hash)
        .bind(&account)
        .bind(link.purpose.as_str())
        .bind(link.created_at.as_millis())
        .bind(link.expires_at.as_millis())
        .execute(&mut *tx)
        .await?;
        // A reset the operator starts is told to the person, whoever opens the link.
        if link.purpose == LinkPurpose::Recovery {
            notice::add(
                &mut tx,
                link.account,
                NoticeKind::OperatorRecovery,
                link.created_at,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// What the link with this token hash is worth at `now`.
    pub async fn password_link(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> Result<LinkState, StoreError> {
        let found = sqlx::query(
            "SELECT l.account, l.purpose, l.expires_ms, l.used_ms, a.username, a.disabled_ms \
             FROM password_links l JOIN accounts a ON a.id = l.account WHERE l.token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.inner.pool)
        .await?;
        let Some(found) = found else {
            return Ok(LinkState::Unknown);
        };
        let used: Option<i64> = found.try_get("used_ms")?;
        let disabled: Option<i64> = found.try_get("disabled_ms")?;
        let expires: i64 = found.try_get("expires_ms")?;
        if used.is_some() || disabled.is_some() || expires <= now.as_millis() {
            return Ok(LinkState::Spent);
        }
        Ok(LinkState::Usable {
            account: row::id(&found, "account")?,
            username: row::text(&found, "username")?,
            purpose: LinkPurpose::parse(&row::text(&found, "purpose")?)?,
        })
    }

    /// Uses the link: in one transaction, marks it used (only if it is unused, unexpired and
    /// its account is not disabled — so two requests racing use it once), sets the account's
    /// password hash, and ends every session and API token of the account. Answers the account
    /// when the link was used here, `None` (and nothing written) otherwise.
    pub async fn use_password_link(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: Timestamp,
    ) -> Result<Option<PersonId>, StoreError> {
        let mut tx = self.write_tx().await?;
        let used = sqlx::query(
            "UPDATE password_links SET used_ms = $1 \
             WHERE token_hash = $2 AND used_ms IS NULL AND expires_ms > $1 \
             AND account IN (SELECT id FROM accounts WHERE disabled_ms IS NULL)",
        )
        .bind(now.as_millis())
        .bind(token_hash)
        .execute(&mut *tx)
        .await?;
        if used.rows_affected() != 1 {
            return Ok(None);
        }
        let account: String =
            sqlx::query_scalar("SELECT account FROM password_links WHERE token_hash = $1")
                .bind(token_hash)
                .fetch_one(&mut *tx)
                .await?;
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(&account)
            .execute(&mut *tx)
            .await?;
        // Whoever held the account may have signed in from their own devices: none stays known.
        for sql in [
            "DELETE FROM sessions WHERE account = $1",
            "DELETE FROM api_tokens WHERE account = $1",
            "DELETE FROM known_devices WHERE account = $1",
        ] {
            sqlx::query(sql).bind(&account).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        account
            .parse()
            .map(Some)
            .map_err(|_| StoreError::Corrupt("unreadable account id in a password link".into()))
    }

    /// Counts for the operator, with activity for the weeks from the one `since` falls in.
    /// Reads no content: accounts and spaces are counted by kind and state, events by week and
    /// stream kind.
    pub async fn figures(&self, since: Timestamp) -> Result<Figures, StoreError> {
        // Row-level security (PostgreSQL): counts over every space, and nothing else.
        let mut tx = self.inner.scoped_tx(Scope::System).await?;
        let mut figures = Figures::default();
        let accounts = sqlx::query(
            "SELECT kind, CASE WHEN disabled_ms IS NULL THEN 0 ELSE 1 END AS disabled, \
             COUNT(*) AS n FROM accounts GROUP BY kind, CASE WHEN disabled_ms IS NULL THEN 0 ELSE 1 END",
        )
        .fetch_all(&mut *tx)
        .await?;
        for found in &accounts {
            let kind = row::text(found, "kind")?;
            let disabled: i64 = found.try_get("disabled")?;
            let n = row::count(found, "n")?;
            if kind == "coach" {
                figures.coaches += n;
            } else {
                figures.partners += n;
            }
            if disabled != 0 {
                figures.disabled += n;
            }
        }
        let spaces = sqlx::query(
            "SELECT CASE WHEN member_count >= 2 THEN 2 ELSE member_count END AS members, \
             COUNT(*) AS n FROM spaces \
             GROUP BY CASE WHEN member_count >= 2 THEN 2 ELSE member_count END",
        )
        .fetch_all(&mut *tx)
        .await?;
        for found in &spaces {
            let members: i64 = found.try_get("members")?;
            let n = row::count(found, "n")?;
            match members {
                2 => figures.paired_spaces += n,
                1 => figures.solo_spaces += n,
                _ => figures.empty_spaces += n,
            }
        }
        // Integer division by the week, shifted so weeks start on Monday; both backends
        // truncate, and times before 1970 are not expected.
        let weeks = sqlx::query(
            "SELECT (at_ms + $1) / $2 AS week, COUNT(*) AS events, \
             COUNT(DISTINCT CASE WHEN stream LIKE 'space:%' THEN stream END) AS spaces \
             FROM events WHERE at_ms >= $3 GROUP BY (at_ms + $1) / $2 ORDER BY week",
        )
        .bind(MONDAY_SHIFT_MS)
        .bind(WEEK_MS)
        .bind(week_start(since).as_millis())
        .fetch_all(&mut *tx)
        .await?;
        for found in &weeks {
            let week: i64 = found.try_get("week")?;
            figures.weeks.push(WeekFigures {
                starts: Timestamp::from_millis(week * WEEK_MS - MONDAY_SHIFT_MS),
                events: row::count(found, "events")?,
                active_spaces: row::count(found, "spaces")?,
            });
        }
        tx.commit().await?;
        Ok(figures)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday_at_midnight_utc() {
        // 2026-11-28 (a Saturday) 12:00 UTC → Monday 2026-11-23 00:00 UTC.
        let saturday = Timestamp::from_millis(1_795_867_200_000);
        assert_eq!(week_start(saturday).as_millis(), 1_795_392_000_000);
        // A Monday at midnight starts its own week; a Sunday just before belongs to the last.
        let monday = Timestamp::from_millis(1_795_392_000_000);
        assert_eq!(week_start(monday), monday);
        let sunday = Timestamp::from_millis(1_795_392_000_000 - 1);
        assert_eq!(week_start(sunday).as_millis(), 1_795_392_000_000 - WEEK_MS);
    }
}
