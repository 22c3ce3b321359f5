//! Accounts, their recovery codes, and deleting an account with everything that is the person's.

use std::fmt;

use sqlx::AnyConnection;
use steadfast_core::account::GrammaticalForm;
use steadfast_core::coach::AccountKind;
use steadfast_core::{PersonId, Timestamp};

use crate::redact::{Redacted, redacted_option};
use crate::row::{self, Columns};
use crate::{Store, StoreError, coach, space};

/// An account to create. The login name arrives validated; `username_key` is its canonical form
/// (the one two names that look alike share), and the only one that must be unique.
#[derive(Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub id: PersonId,
    /// As the person typed it, for display.
    pub username: String,
    pub username_key: String,
    pub password_hash: String,
    pub email: Option<String>,
    pub created_at: Timestamp,
    /// How Polish speaks to and about the person, as chosen when signing up.
    pub grammatical_form: GrammaticalForm,
}

/// An account as stored.
#[derive(Clone, PartialEq, Eq)]
pub struct Account {
    pub id: PersonId,
    pub username: String,
    pub username_key: String,
    pub password_hash: String,
    pub email: Option<String>,
    pub created_at: Timestamp,
    /// A partner's or a coach's; see `steadfast_core::coach`.
    pub kind: AccountKind,
    /// When the operator disabled the account (`steadfast admin disable-account`), if they did.
    /// Read with the account, so checking it costs sign-in no extra query (and no extra time a
    /// caller could tell an existing name by).
    pub disabled_at: Option<Timestamp>,
    /// How Polish speaks to and about the person; read with the account, so every request that
    /// knows its caller knows it without another query.
    pub grammatical_form: GrammaticalForm,
}

impl fmt::Debug for NewAccount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewAccount")
            .field("id", &self.id)
            .field("username", &Redacted)
            .field("username_key", &Redacted)
            .field("password_hash", &Redacted)
            .field("email", &redacted_option(&self.email))
            .field("created_at", &self.created_at)
            .field("grammatical_form", &self.grammatical_form)
            .finish()
    }
}

impl fmt::Debug for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Account")
            .field("id", &self.id)
            .field("username", &Redacted)
            .field("username_key", &Redacted)
            .field("password_hash", &Redacted)
            .field("email", &redacted_option(&self.email))
            .field("created_at", &self.created_at)
            .field("kind", &self.kind)
            .field("disabled_at", &self.disabled_at)
            .field("grammatical_form", &self.grammatical_form)
            .finish()
    }
}

macro_rules! select_account {
    ($where:literal) => {
        concat!(
            "SELECT id, username, username_key, password_hash, email, created_ms, kind, disabled_ms, \
             grammatical_form \
             FROM accounts ",
            $where
        )
    };
}

fn decode(row: &(impl Columns + ?Sized)) -> Result<Account, StoreError> {
    Ok(Account {
        id: row::id(row, "id")?,
        username: row::text(row, "username")?,
        username_key: row::text(row, "username_key")?,
        password_hash: row::text(row, "password_hash")?,
        email: row::optional_text(row, "email")?,
        created_at: row::time(row, "created_ms")?,
        kind: row::text(row, "kind")?
            .parse()
            .map_err(|_| StoreError::Corrupt("unknown account kind".to_owned()))?,
        disabled_at: row::optional_time(row, "disabled_ms")?,
        grammatical_form: row::text(row, "grammatical_form")?
            .parse()
            .map_err(|_| StoreError::Corrupt("unknown grammatical form".to_owned()))?,
    })
}

impl Store {
    /// Creates the account, or answers [`StoreError::UsernameTaken`] and writes nothing when
    /// another account has the same `username_key`.
    pub async fn create_account(&self, account: &NewAccount) -> Result<(), StoreError> {
        // ON CONFLICT rather than catching the unique violation: the two backends word and code
        // that error differently, and PostgreSQL would also abort the transaction.
        let inserted = sqlx::query(
            "INSERT INTO accounts (id, username, username_key, password_hash, email, created_ms, \
                                   grammatical_form) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username_key) DO NOTHING",
        )
        .bind(account.id.to_string())
        .bind(&account.username)
        .bind(&account.username_key)
        .bind(&account.password_hash)
        .bind(account.email.clone())
        .bind(account.created_at.as_millis())
        .bind(account.grammatical_form.as_str())
        .execute(&self.inner.pool)
        .await?;
        if inserted.rows_affected() == 1 {
            Ok(())
        } else {
            Err(StoreError::UsernameTaken)
        }
    }

    pub async fn account(&self, id: PersonId) -> Result<Option<Account>, StoreError> {
        self.fetch_optional(
            select_account!("WHERE id = $1"),
            vec![id.to_string().into()],
            |row| decode(row),
        )
        .await
    }

    /// The account whose canonical login name is `username_key`.
    pub async fn account_by_username_key(
        &self,
        username_key: &str,
    ) -> Result<Option<Account>, StoreError> {
        self.fetch_optional(
            select_account!("WHERE username_key = $1"),
            vec![username_key.into()],
            |row| decode(row),
        )
        .await
    }

    pub async fn set_password_hash(
        &self,
        id: PersonId,
        password_hash: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(id.to_string())
            .execute(&self.inner.pool)
            .await?;
        Ok(())
    }

    /// Sets how Polish speaks to and about the person. Answers whether the account exists.
    pub async fn set_grammatical_form(
        &self,
        id: PersonId,
        form: GrammaticalForm,
    ) -> Result<bool, StoreError> {
        let updated = sqlx::query("UPDATE accounts SET grammatical_form = $1 WHERE id = $2")
            .bind(form.as_str())
            .bind(id.to_string())
            .execute(&self.inner.pool)
            .await?;
        Ok(updated.rows_affected() == 1)
    }

    /// Replaces all of the person's recovery codes with these (hashes), at once: no moment has
    /// both the old and the new set, or neither.
    pub async fn replace_recovery_codes(
        &self,
        account: PersonId,
        code_hashes: &[String],
    ) -> Result<(), StoreError> {
        let account = account.to_string();
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM recovery_codes WHERE account = $1")
            .bind(&account)
            .execute(&mut *tx)
            .await?;
        for code_hash in code_hashes {
            sqlx::query(
                "INSERT INTO recovery_codes (account, code_hash, used_ms) VALUES ($1, $2, NULL)",
            )
            .bind(&account)
            .bind(code_hash)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Uses the code if it is the person's and unused, and answers whether it was. A code is
    /// used once even when several requests present it together: only one update finds it unused.
    pub async fn use_recovery_code(
        &self,
        account: PersonId,
        code_hash: &str,
        at: Timestamp,
    ) -> Result<bool, StoreError> {
        let used = sqlx::query(
            "UPDATE recovery_codes SET used_ms = $1 \
             WHERE account = $2 AND code_hash = $3 AND used_ms IS NULL",
        )
        .bind(at.as_millis())
        .bind(account.to_string())
        .bind(code_hash)
        .execute(&self.inner.pool)
        .await?;
        Ok(used.rows_affected() == 1)
    }

    pub async fn unused_recovery_codes(&self, account: PersonId) -> Result<u64, StoreError> {
        let unused: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM recovery_codes WHERE account = $1 AND used_ms IS NULL",
        )
        .bind(account.to_string())
        .fetch_one(&self.inner.pool)
        .await?;
        u64::try_from(unused).map_err(|_| StoreError::Corrupt("negative count".to_owned()))
    }

    /// Deletes the account and everything that is the person's: sessions, API tokens and
    /// recovery codes; their places in spaces (each current membership is ended at `at`, so the
    /// partner sees the pairing end); their pending invites (revoked); and every event they wrote.
    /// Membership history and the spaces themselves stay, for the partner who remains.
    ///
    /// The steps are not one transaction (the events are erased through the event log's own
    /// path), so they are ordered for a crash: access ends first, so the person is signed out
    /// everywhere before anything else happens; the account row goes last, so an account that is
    /// still there is one whose deletion may be unfinished, and calling this again finishes it.
    /// Every step is a no-op the second time.
    pub async fn delete_account(&self, id: PersonId, at: Timestamp) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        end_access(&mut tx, id, at).await?;
        tx.commit().await?;

        self.erase_author(id).await?;
        // What the person kept of a partner deleted before them goes with them.
        for (space, _) in self.spaces_of(id).await? {
            self.erase_unreachable(space.id).await?;
        }

        // A request that was already past authentication may have added a session or joined a
        // space since; the last transaction ends those too, together with the account row.
        let mut tx = self.write_tx().await?;
        end_access(&mut tx, id, at).await?;
        sqlx::query("DELETE FROM accounts WHERE id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        // The deleted rows' old pages leave the WAL too (SQLite; nothing on PostgreSQL).
        self.truncate_wal().await
    }
}

/// Everything by which the person acts: sessions, tokens, recovery codes, memberships, invites.
async fn end_access(
    conn: &mut AnyConnection,
    person: PersonId,
    at: Timestamp,
) -> Result<(), StoreError> {
    let key = person.to_string();
    for sql in [
        "DELETE FROM sessions WHERE account = $1",
        "DELETE FROM api_tokens WHERE account = $1",
        "DELETE FROM calendar_feeds WHERE account = $1",
        "DELETE FROM recovery_codes WHERE account = $1",
        "DELETE FROM account_notices WHERE account = $1",
        "DELETE FROM known_devices WHERE account = $1",
        "DELETE FROM reminder_settings WHERE person = $1",
    ] {
        sqlx::query(sql).bind(&key).execute(&mut *conn).await?;
    }
    coach::end_coach_access(conn, person, at).await?;
    // Invites before memberships: the row order every space transaction keeps.
    space::revoke_invites_by(conn, person, at).await?;
    space::leave_all(conn, person, at).await?;
    Ok(())
}
