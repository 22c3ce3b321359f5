//! Personal API tokens: bearer tokens a person makes for their own scripts and apps.

use std::fmt;

use steadfast_core::{PersonId, Timestamp};

use crate::redact::Redacted;
use crate::row::{self, Columns};
use crate::{Store, StoreError};

/// A personal API token. Only the hash of the token is stored; `id` names it in lists and when
/// it is revoked.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiTokenRecord {
    pub id: String,
    pub account: PersonId,
    pub token_hash: String,
    /// The person's own name for the token ("backup script").
    pub label: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
    /// From then on the token signs no one in.
    pub expires_at: Timestamp,
    /// When the owner dismissed the notice that this token was made; until then their account
    /// page announces it.
    pub dismissed_at: Option<Timestamp>,
}

impl fmt::Debug for ApiTokenRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiTokenRecord")
            .field("id", &self.id)
            .field("account", &self.account)
            .field("token_hash", &Redacted)
            .field("label", &Redacted)
            .field("created_at", &self.created_at)
            .field("last_used_at", &self.last_used_at)
            .field("expires_at", &self.expires_at)
            .field("dismissed_at", &self.dismissed_at)
            .finish()
    }
}

macro_rules! select_token {
    ($where:literal) => {
        concat!(
            "SELECT id, account, token_hash, label, created_ms, last_used_ms, expires_ms, \
             dismissed_ms FROM api_tokens ",
            $where
        )
    };
}

fn decode(row: &(impl Columns + ?Sized)) -> Result<ApiTokenRecord, StoreError> {
    Ok(ApiTokenRecord {
        id: row::text(row, "id")?,
        account: row::id(row, "account")?,
        token_hash: row::text(row, "token_hash")?,
        label: row::text(row, "label")?,
        created_at: row::time(row, "created_ms")?,
        last_used_at: row::optional_time(row, "last_used_ms")?,
        expires_at: row::time(row, "expires_ms")?,
        dismissed_at: row::optional_time(row, "dismissed_ms")?,
    })
}

impl Store {
    pub async fn create_api_token(&self, token: &ApiTokenRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO api_tokens \
             (id, account, token_hash, label, created_ms, last_used_ms, expires_ms, dismissed_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&token.id)
        .bind(token.account.to_string())
        .bind(&token.token_hash)
        .bind(&token.label)
        .bind(token.created_at.as_millis())
        .bind(token.last_used_at.map(Timestamp::as_millis))
        .bind(token.expires_at.as_millis())
        .bind(token.dismissed_at.map(Timestamp::as_millis))
        .execute(&self.inner.pool)
        .await?;
        Ok(())
    }

    /// The token a bearer presents, by the hash of what they presented.
    pub async fn api_token_by_hash(
        &self,
        token_hash: &str,
    ) -> Result<Option<ApiTokenRecord>, StoreError> {
        sqlx::query(select_token!("WHERE token_hash = $1"))
            .bind(token_hash)
            .fetch_optional(&self.inner.pool)
            .await?
            .as_ref()
            .map(decode)
            .transpose()
    }

    /// The person's own tokens, newest first.
    pub async fn api_tokens_of(
        &self,
        account: PersonId,
    ) -> Result<Vec<ApiTokenRecord>, StoreError> {
        sqlx::query(select_token!(
            "WHERE account = $1 ORDER BY created_ms DESC, id"
        ))
        .bind(account.to_string())
        .fetch_all(&self.inner.pool)
        .await?
        .iter()
        .map(decode)
        .collect()
    }

    /// Revokes the token if it is `owner`'s, and answers whether it was: someone else's token id
    /// is treated as one that does not exist.
    pub async fn delete_api_token(&self, owner: PersonId, id: &str) -> Result<bool, StoreError> {
        let deleted = sqlx::query("DELETE FROM api_tokens WHERE id = $1 AND account = $2")
            .bind(id)
            .bind(owner.to_string())
            .execute(&self.inner.pool)
            .await?;
        Ok(deleted.rows_affected() == 1)
    }

    /// Ends every token of the person, and answers how many ended: at a password change, a
    /// recovery and "sign out everywhere".
    pub async fn delete_api_tokens_of(&self, account: PersonId) -> Result<u64, StoreError> {
        let deleted = sqlx::query("DELETE FROM api_tokens WHERE account = $1")
            .bind(account.to_string())
            .execute(&self.inner.pool)
            .await?;
        Ok(deleted.rows_affected())
    }

    /// Deletes every token past its expiry at `now`, and answers how many: an expired token is
    /// refused anyway; this leaves no trace of it.
    pub async fn delete_expired_api_tokens(&self, now: Timestamp) -> Result<u64, StoreError> {
        // Expired exactly when `steadfast_core::account::token_is_live` says no: `now >= expiry`.
        let deleted = sqlx::query("DELETE FROM api_tokens WHERE expires_ms <= $1")
            .bind(now.as_millis())
            .execute(&self.inner.pool)
            .await?;
        Ok(deleted.rows_affected())
    }

    /// Records that `owner` has seen the notice of a new token, if the token is theirs, and
    /// answers whether it was: someone else's token id is treated as one that does not exist.
    pub async fn dismiss_api_token_notice(
        &self,
        owner: PersonId,
        id: &str,
        at: Timestamp,
    ) -> Result<bool, StoreError> {
        let dismissed = sqlx::query(
            "UPDATE api_tokens SET dismissed_ms = COALESCE(dismissed_ms, $1) \
             WHERE id = $2 AND account = $3",
        )
        .bind(at.as_millis())
        .bind(id)
        .bind(owner.to_string())
        .execute(&self.inner.pool)
        .await?;
        Ok(dismissed.rows_affected() == 1)
    }

    /// Records a use at `at`; never moves the time back.
    pub async fn touch_api_token(&self, id: &str, at: Timestamp) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE api_tokens SET last_used_ms = $1 \
             WHERE id = $2 AND (last_used_ms IS NULL OR last_used_ms < $1)",
        )
        .bind(at.as_millis())
        .bind(id)
        .execute(&self.inner.pool)
        .await?;
        Ok(())
    }
}
