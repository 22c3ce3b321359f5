//! Server-side sessions, found by the hash of the id the cookie carries.

use std::fmt;

use steadfast_core::{PersonId, Timestamp};

use crate::redact::Redacted;
use crate::row::{self, Columns};
use crate::{Store, StoreError};

/// A signed-in session. Only the hash of its id is stored, so a copy of the database signs nobody
/// in.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub id_hash: String,
    pub account: PersonId,
    pub created_at: Timestamp,
    pub last_seen_at: Timestamp,
    /// A coarse label the person recognises their device by ("Firefox on Android").
    pub device: String,
}

impl fmt::Debug for SessionRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SessionRecord")
            .field("id_hash", &Redacted)
            .field("account", &self.account)
            .field("created_at", &self.created_at)
            .field("last_seen_at", &self.last_seen_at)
            .field("device", &self.device)
            .finish()
    }
}

macro_rules! select_session {
    ($where:literal) => {
        concat!(
            "SELECT id_hash, account, created_ms, last_seen_ms, device FROM sessions ",
            $where
        )
    };
}

fn decode(row: &(impl Columns + ?Sized)) -> Result<SessionRecord, StoreError> {
    Ok(SessionRecord {
        id_hash: row::text(row, "id_hash")?,
        account: row::id(row, "account")?,
        created_at: row::time(row, "created_ms")?,
        last_seen_at: row::time(row, "last_seen_ms")?,
        device: row::text(row, "device")?,
    })
}

impl Store {
    pub async fn create_session(&self, session: &SessionRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sessions (id_hash, account, created_ms, last_seen_ms, device) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&session.id_hash)
        .bind(session.account.to_string())
        .bind(session.created_at.as_millis())
        .bind(session.last_seen_at.as_millis())
        .bind(&session.device)
        .execute(&self.inner.pool)
        .await?;
        Ok(())
    }

    pub async fn session(&self, id_hash: &str) -> Result<Option<SessionRecord>, StoreError> {
        self.fetch_optional(
            select_session!("WHERE id_hash = $1"),
            vec![id_hash.into()],
            |row| decode(row),
        )
        .await
    }

    /// Records activity at `at`. Never moves the time back, so requests that finish out of order
    /// cannot shorten the idle timeout's view of the session.
    pub async fn touch_session(&self, id_hash: &str, at: Timestamp) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE sessions SET last_seen_ms = $1 WHERE id_hash = $2 AND last_seen_ms < $1",
        )
        .bind(at.as_millis())
        .bind(id_hash)
        .execute(&self.inner.pool)
        .await?;
        Ok(())
    }

    pub async fn delete_session(&self, id_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&self.inner.pool)
            .await?;
        Ok(())
    }

    /// The person's own sessions, newest first.
    pub async fn sessions_of(&self, account: PersonId) -> Result<Vec<SessionRecord>, StoreError> {
        sqlx::query(select_session!(
            "WHERE account = $1 ORDER BY created_ms DESC, id_hash"
        ))
        .bind(account.to_string())
        .fetch_all(&self.inner.pool)
        .await?
        .iter()
        .map(decode)
        .collect()
    }

    /// Ends the person's sessions, all of them or all but `except` (the one asking to sign out
    /// everywhere else), and answers how many ended.
    pub async fn delete_sessions_of(
        &self,
        account: PersonId,
        except: Option<&str>,
    ) -> Result<u64, StoreError> {
        let deleted = match except {
            Some(keep) => {
                sqlx::query("DELETE FROM sessions WHERE account = $1 AND id_hash <> $2")
                    .bind(account.to_string())
                    .bind(keep)
                    .execute(&self.inner.pool)
                    .await?
            }
            None => {
                sqlx::query("DELETE FROM sessions WHERE account = $1")
                    .bind(account.to_string())
                    .execute(&self.inner.pool)
                    .await?
            }
        };
        Ok(deleted.rows_affected())
    }

    /// Deletes every session created before `created_before` (past the absolute timeout) or not
    /// seen since `last_seen_before` (past the idle timeout), and answers how many.
    pub async fn delete_sessions_older_than(
        &self,
        created_before: Timestamp,
        last_seen_before: Timestamp,
    ) -> Result<u64, StoreError> {
        let deleted =
            sqlx::query("DELETE FROM sessions WHERE created_ms < $1 OR last_seen_ms < $2")
                .bind(created_before.as_millis())
                .bind(last_seen_before.as_millis())
                .execute(&self.inner.pool)
                .await?;
        Ok(deleted.rows_affected())
    }
}

/// Devices a person has signed in from before, known by the hash of a long-lived cookie.
impl Store {
    /// Remembers the device whose cookie hashes to `hash` as one `account` has signed in from.
    pub async fn remember_device(
        &self,
        hash: &str,
        account: PersonId,
        at: Timestamp,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO known_devices (hash, account, created_ms, last_used_ms) \
             VALUES ($1, $2, $3, $3)",
        )
        .bind(hash)
        .bind(account.to_string())
        .bind(at.as_millis())
        .execute(&self.inner.pool)
        .await?;
        Ok(())
    }

    /// Whether the cookie hashing to `hash` belongs to a device the account named by
    /// `username_key` has signed in from. Answers the same for an unknown name as for a
    /// stranger's device.
    pub async fn is_known_device(
        &self,
        hash: &str,
        username_key: &str,
    ) -> Result<bool, StoreError> {
        let found: Option<String> = sqlx::query_scalar(
            "SELECT d.hash FROM known_devices d JOIN accounts a ON a.id = d.account \
             WHERE d.hash = $1 AND a.username_key = $2",
        )
        .bind(hash)
        .bind(username_key)
        .fetch_optional(&self.inner.pool)
        .await?;
        Ok(found.is_some())
    }

    /// Forgets the devices made before `made_before` (their cookie has expired) or last used
    /// before `used_before`, and answers how many.
    pub async fn forget_old_devices(
        &self,
        made_before: Timestamp,
        used_before: Timestamp,
    ) -> Result<u64, StoreError> {
        let forgotten =
            sqlx::query("DELETE FROM known_devices WHERE created_ms < $1 OR last_used_ms < $2")
                .bind(made_before.as_millis())
                .bind(used_before.as_millis())
                .execute(&self.inner.pool)
                .await?;
        Ok(forgotten.rows_affected())
    }

    /// Forgets every device the person has signed in from, and answers how many: at a recovery,
    /// since whoever held the account may have signed in from their own devices.
    pub async fn forget_devices_of(&self, account: PersonId) -> Result<u64, StoreError> {
        let forgotten = sqlx::query("DELETE FROM known_devices WHERE account = $1")
            .bind(account.to_string())
            .execute(&self.inner.pool)
            .await?;
        Ok(forgotten.rows_affected())
    }

    /// Records that the known device signed in again at `at`.
    pub async fn touch_device(&self, hash: &str, at: Timestamp) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE known_devices SET last_used_ms = $1 WHERE hash = $2 AND last_used_ms < $1",
        )
        .bind(at.as_millis())
        .bind(hash)
        .execute(&self.inner.pool)
        .await?;
        Ok(())
    }
}
