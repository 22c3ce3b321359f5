//! Notices to a person about their own keys, shown the next time they are in until they dismiss
//! them: a recovery code was used, the operator started a password reset, the operator disabled
//! the account. A partner holding a code, or an operator acting on the account, leaves a trace
//! its owner sees (docs/PRINCIPLES.md, principle 1).

use sqlx::AnyConnection;
use steadfast_core::{PersonId, Timestamp};

use crate::row::{self, Columns};
use crate::{Store, StoreError};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// A recovery code set a new password.
    RecoveryCodeUsed,
    /// The operator made a link to set a new password (`steadfast admin start-recovery`).
    OperatorRecovery,
    /// The operator disabled the account (`steadfast admin disable-account`).
    OperatorDisabled,
}

impl NoticeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::RecoveryCodeUsed => "recovery_code_used",
            NoticeKind::OperatorRecovery => "operator_recovery",
            NoticeKind::OperatorDisabled => "operator_disabled",
        }
    }

    fn parse(text: &str) -> Result<Self, StoreError> {
        match text {
            "recovery_code_used" => Ok(NoticeKind::RecoveryCodeUsed),
            "operator_recovery" => Ok(NoticeKind::OperatorRecovery),
            "operator_disabled" => Ok(NoticeKind::OperatorDisabled),
            _ => Err(StoreError::Corrupt(
                "unknown account notice kind".to_owned(),
            )),
        }
    }
}

/// One notice to its account's owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountNotice {
    pub id: String,
    pub account: PersonId,
    pub kind: NoticeKind,
    pub at: Timestamp,
    /// The hash of the session a recovery started; `None` for every other notice.
    pub session: Option<String>,
}

fn decode(row: &(impl Columns + ?Sized)) -> Result<AccountNotice, StoreError> {
    Ok(AccountNotice {
        id: row::text(row, "id")?,
        account: row::id(row, "account")?,
        kind: NoticeKind::parse(&row::text(row, "kind")?)?,
        at: row::time(row, "at_ms")?,
        session: row::optional_text(row, "session")?,
    })
}

/// Adds a notice inside a caller's transaction (the operator's actions record theirs in the same
/// transaction as the action).
pub(crate) async fn add(
    conn: &mut AnyConnection,
    account: PersonId,
    kind: NoticeKind,
    at: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO account_notices (id, account, kind, at_ms, session) \
         VALUES ($1, $2, $3, $4, NULL)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(account.to_string())
    .bind(kind.as_str())
    .bind(at.as_millis())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

impl Store {
    pub async fn add_account_notice(&self, notice: &AccountNotice) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO account_notices (id, account, kind, at_ms, session) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&notice.id)
        .bind(notice.account.to_string())
        .bind(notice.kind.as_str())
        .bind(notice.at.as_millis())
        .bind(notice.session.as_deref())
        .execute(&self.inner.pool)
        .await?;
        Ok(())
    }

    /// The person's notices not yet dismissed, oldest first.
    pub async fn account_notices(
        &self,
        account: PersonId,
    ) -> Result<Vec<AccountNotice>, StoreError> {
        sqlx::query(
            "SELECT id, account, kind, at_ms, session FROM account_notices \
             WHERE account = $1 ORDER BY at_ms, id",
        )
        .bind(account.to_string())
        .fetch_all(&self.inner.pool)
        .await?
        .iter()
        .map(decode)
        .collect()
    }

    /// Dismisses one of `owner`'s notices; someone else's id is treated as one that does not
    /// exist. Answers whether it was theirs.
    pub async fn dismiss_account_notice(
        &self,
        owner: PersonId,
        id: &str,
    ) -> Result<bool, StoreError> {
        let deleted = sqlx::query("DELETE FROM account_notices WHERE id = $1 AND account = $2")
            .bind(id)
            .bind(owner.to_string())
            .execute(&self.inner.pool)
            .await?;
        Ok(deleted.rows_affected() == 1)
    }
}
