//! Coaches: coach accounts, the coach invites a couple makes, which coach follows which space,
//! each partner's grants, and the log of every read a coach made (docs/PRINCIPLES.md, The domain: Coach
//! grant). The rules are in `steadfast_core::coach`; the writes here are conditional all the same,
//! so two requests deciding at once cannot both go through.

use sqlx::AnyConnection;
use sqlx::any::AnyRow;
use steadfast_core::coach::{AccountKind, Grant};
use steadfast_core::{PersonId, SpaceId, Timestamp};

use crate::{InviteRecord, NewAccount, SpaceRecord, Store, StoreError, row};

/// One stay of a coach with a space, from being attached to being removed (`None` while still
/// attached).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoachStay {
    pub space: SpaceId,
    pub coach: PersonId,
    pub joined_at: Timestamp,
    pub left_at: Option<Timestamp>,
}

impl CoachStay {
    pub fn is_current(&self) -> bool {
        self.left_at.is_none()
    }
}

/// A partner's grant to a coach of a space, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantRecord {
    pub id: String,
    pub space: SpaceId,
    pub coach: PersonId,
    pub person: PersonId,
    pub granted_at: Timestamp,
    pub expires_at: Timestamp,
    pub revoked_at: Option<Timestamp>,
}

impl GrantRecord {
    /// The part the core's rules read.
    pub fn grant(&self) -> Grant {
        Grant {
            person: self.person,
            granted_at: self.granted_at,
            expires_at: self.expires_at,
            revoked_at: self.revoked_at,
        }
    }
}

/// One read a coach made of a partner's data: the kind of view, never its content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoachReadRecord {
    pub id: String,
    pub space: SpaceId,
    pub coach: PersonId,
    /// The partner whose data it was.
    pub owner: PersonId,
    /// A short fixed word for the view (`"overview"`, `"report"`, …), chosen by the edge.
    pub view: String,
    pub at: Timestamp,
}

/// What [`Store::accept_coach_invite`] did. Anything but `Accepted` wrote nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoachAcceptOutcome {
    Accepted,
    /// The invite is unknown, already accepted, revoked or expired.
    NoLongerPending,
    /// The account is not a coach account.
    NotACoach,
    /// The coach already follows this space.
    AlreadyCoach,
}

fn decode_stay(row: &AnyRow) -> Result<CoachStay, StoreError> {
    Ok(CoachStay {
        space: row::id(row, "space")?,
        coach: row::id(row, "coach")?,
        joined_at: row::time(row, "joined_ms")?,
        left_at: row::optional_time(row, "left_ms")?,
    })
}

fn decode_grant(row: &AnyRow) -> Result<GrantRecord, StoreError> {
    Ok(GrantRecord {
        id: row::text(row, "id")?,
        space: row::id(row, "space")?,
        coach: row::id(row, "coach")?,
        person: row::id(row, "person")?,
        granted_at: row::time(row, "granted_ms")?,
        expires_at: row::time(row, "expires_ms")?,
        revoked_at: row::optional_time(row, "revoked_ms")?,
    })
}

fn decode_read(row: &AnyRow) -> Result<CoachReadRecord, StoreError> {
    Ok(CoachReadRecord {
        id: row::text(row, "id")?,
        space: row::id(row, "space")?,
        coach: row::id(row, "coach")?,
        owner: row::id(row, "owner")?,
        view: row::text(row, "view")?,
        at: row::time(row, "at_ms")?,
    })
}

fn decode_invite(row: &AnyRow) -> Result<InviteRecord, StoreError> {
    Ok(InviteRecord {
        id: row::text(row, "id")?,
        space: row::id(row, "space")?,
        token_hash: row::text(row, "token_hash")?,
        created_by: row::id(row, "created_by")?,
        created_at: row::time(row, "created_ms")?,
        expires_at: row::time(row, "expires_ms")?,
        accepted_by: row::optional_id(row, "accepted_by")?,
        accepted_at: row::optional_time(row, "accepted_ms")?,
        revoked_at: row::optional_time(row, "revoked_ms")?,
    })
}

macro_rules! select_coach_invite {
    ($where:literal) => {
        concat!(
            "SELECT id, space, token_hash, created_by, created_ms, expires_ms, \
             accepted_by, accepted_ms, revoked_ms FROM coach_invites ",
            $where
        )
    };
}

macro_rules! select_grant {
    ($where:literal) => {
        concat!(
            "SELECT id, space, coach, person, granted_ms, expires_ms, revoked_ms \
             FROM coach_grants ",
            $where
        )
    };
}

impl Store {
    /// Creates a coach account, or answers [`StoreError::UsernameTaken`] and writes nothing when
    /// another account has the same `username_key`.
    pub async fn create_coach_account(&self, account: &NewAccount) -> Result<(), StoreError> {
        self.create_account_of_kind(account, AccountKind::Coach)
            .await
    }

    /// Creates an account of the given kind; [`Store::create_account`] makes partners.
    pub async fn create_account_of_kind(
        &self,
        account: &NewAccount,
        kind: AccountKind,
    ) -> Result<(), StoreError> {
        let inserted = sqlx::query(
            "INSERT INTO accounts (id, username, username_key, password_hash, email, created_ms, \
                                   kind, grammatical_form) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (username_key) DO NOTHING",
        )
        .bind(account.id.to_string())
        .bind(&account.username)
        .bind(&account.username_key)
        .bind(&account.password_hash)
        .bind(account.email.clone())
        .bind(account.created_at.as_millis())
        .bind(kind.as_str())
        .bind(account.grammatical_form.as_str())
        .execute(&self.inner.pool)
        .await?;
        if inserted.rows_affected() == 1 {
            Ok(())
        } else {
            Err(StoreError::UsernameTaken)
        }
    }

    /// The kind of the account, `None` if there is no such account.
    pub async fn account_kind(&self, id: PersonId) -> Result<Option<AccountKind>, StoreError> {
        let kind: Option<String> = sqlx::query_scalar("SELECT kind FROM accounts WHERE id = $1")
            .bind(id.to_string())
            .fetch_optional(&self.inner.pool)
            .await?;
        kind.map(|kind| {
            kind.parse()
                .map_err(|_| StoreError::Corrupt("unknown account kind".to_owned()))
        })
        .transpose()
    }

    pub async fn create_coach_invite(&self, invite: &InviteRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO coach_invites (id, space, token_hash, created_by, created_ms, \
                                        expires_ms, accepted_by, accepted_ms, revoked_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&invite.id)
        .bind(invite.space.to_string())
        .bind(&invite.token_hash)
        .bind(invite.created_by.to_string())
        .bind(invite.created_at.as_millis())
        .bind(invite.expires_at.as_millis())
        .bind(invite.accepted_by.map(|person| person.to_string()))
        .bind(invite.accepted_at.map(Timestamp::as_millis))
        .bind(invite.revoked_at.map(Timestamp::as_millis))
        .execute(&self.inner.pool)
        .await?;
        Ok(())
    }

    /// The coach invite a link carries, by the hash of the link's token.
    pub async fn coach_invite_by_token_hash(
        &self,
        token_hash: &str,
    ) -> Result<Option<InviteRecord>, StoreError> {
        sqlx::query(select_coach_invite!("WHERE token_hash = $1"))
            .bind(token_hash)
            .fetch_optional(&self.inner.pool)
            .await?
            .as_ref()
            .map(decode_invite)
            .transpose()
    }

    /// The space's coach invites, newest first, whatever became of them.
    pub async fn coach_invites_of_space(
        &self,
        space: SpaceId,
    ) -> Result<Vec<InviteRecord>, StoreError> {
        sqlx::query(select_coach_invite!(
            "WHERE space = $1 ORDER BY created_ms DESC, id"
        ))
        .bind(space.to_string())
        .fetch_all(&self.inner.pool)
        .await?
        .iter()
        .map(decode_invite)
        .collect()
    }

    /// Revokes the coach invite if it belongs to the space and is still pending at `at`.
    pub async fn revoke_coach_invite(
        &self,
        space: SpaceId,
        id: &str,
        at: Timestamp,
    ) -> Result<bool, StoreError> {
        let revoked = sqlx::query(
            "UPDATE coach_invites SET revoked_ms = $1 \
             WHERE id = $2 AND space = $3 \
               AND accepted_ms IS NULL AND revoked_ms IS NULL AND expires_ms > $1",
        )
        .bind(at.as_millis())
        .bind(id)
        .bind(space.to_string())
        .execute(&self.inner.pool)
        .await?;
        Ok(revoked.rows_affected() == 1)
    }

    /// Accepts the coach invite for the coach account `coach` at `at`: marks it used and attaches
    /// the coach to the space, both or neither. A partner account cannot accept it.
    pub async fn accept_coach_invite(
        &self,
        invite: &str,
        coach: PersonId,
        at: Timestamp,
    ) -> Result<CoachAcceptOutcome, StoreError> {
        let mut tx = self.write_tx().await?;
        let is_coach: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM accounts WHERE id = $1 AND kind = 'coach'")
                .bind(coach.to_string())
                .fetch_optional(&mut *tx)
                .await?;
        if is_coach.is_none() {
            tx.rollback().await?;
            return Ok(CoachAcceptOutcome::NotACoach);
        }
        let space: Option<String> = sqlx::query_scalar(
            "UPDATE coach_invites SET accepted_by = $1, accepted_ms = $2 \
             WHERE id = $3 AND accepted_ms IS NULL AND revoked_ms IS NULL AND expires_ms > $2 \
             RETURNING space",
        )
        .bind(coach.to_string())
        .bind(at.as_millis())
        .bind(invite)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(space) = space else {
            tx.rollback().await?;
            return Ok(CoachAcceptOutcome::NoLongerPending);
        };
        let attached = sqlx::query(
            "INSERT INTO space_coaches (space, coach, joined_ms, left_ms) \
             VALUES ($1, $2, $3, NULL) ON CONFLICT DO NOTHING",
        )
        .bind(&space)
        .bind(coach.to_string())
        .bind(at.as_millis())
        .execute(&mut *tx)
        .await?;
        if attached.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(CoachAcceptOutcome::AlreadyCoach);
        }
        tx.commit().await?;
        Ok(CoachAcceptOutcome::Accepted)
    }

    /// Attaches the coach to the space directly (the operator's way, and tests'); false if they
    /// are already attached or the account is not a coach's.
    pub async fn attach_coach(
        &self,
        space: SpaceId,
        coach: PersonId,
        at: Timestamp,
    ) -> Result<bool, StoreError> {
        let attached = sqlx::query(
            "INSERT INTO space_coaches (space, coach, joined_ms, left_ms) \
             SELECT $1, $2, $3, NULL WHERE EXISTS \
               (SELECT 1 FROM accounts WHERE id = $2 AND kind = 'coach') \
             ON CONFLICT DO NOTHING",
        )
        .bind(space.to_string())
        .bind(coach.to_string())
        .bind(at.as_millis())
        .execute(&self.inner.pool)
        .await?;
        Ok(attached.rows_affected() == 1)
    }

    /// Every coach who follows or followed the space, one record per stay, oldest first.
    pub async fn coaches_of_space(&self, space: SpaceId) -> Result<Vec<CoachStay>, StoreError> {
        sqlx::query(
            "SELECT space, coach, joined_ms, left_ms FROM space_coaches \
             WHERE space = $1 ORDER BY joined_ms, coach",
        )
        .bind(space.to_string())
        .fetch_all(&self.inner.pool)
        .await?
        .iter()
        .map(decode_stay)
        .collect()
    }

    /// The spaces the coach follows now, with their stay, most recently attached first.
    pub async fn spaces_coached_by(
        &self,
        coach: PersonId,
    ) -> Result<Vec<(SpaceRecord, CoachStay)>, StoreError> {
        sqlx::query(
            "SELECT s.id, s.name, s.created_by, s.created_ms, s.member_count, \
                    c.space, c.coach, c.joined_ms, c.left_ms \
             FROM space_coaches c JOIN spaces s ON s.id = c.space \
             WHERE c.coach = $1 AND c.left_ms IS NULL ORDER BY c.joined_ms DESC, c.space",
        )
        .bind(coach.to_string())
        .fetch_all(&self.inner.pool)
        .await?
        .iter()
        .map(|row| {
            Ok((
                SpaceRecord {
                    id: row::id(row, "id")?,
                    name: row::text(row, "name")?,
                    created_by: row::id(row, "created_by")?,
                    created_at: row::time(row, "created_ms")?,
                    member_count: row::count(row, "member_count")?,
                },
                decode_stay(row)?,
            ))
        })
        .collect()
    }

    /// Ends the coach's current stay with the space at `at`; false if they were not attached.
    /// Their grants stop counting with it (the core reads only grants given during a stay).
    pub async fn remove_coach(
        &self,
        space: SpaceId,
        coach: PersonId,
        at: Timestamp,
    ) -> Result<bool, StoreError> {
        let ended = sqlx::query(
            "UPDATE space_coaches SET left_ms = $1 \
             WHERE space = $2 AND coach = $3 AND left_ms IS NULL",
        )
        .bind(at.as_millis())
        .bind(space.to_string())
        .bind(coach.to_string())
        .execute(&self.inner.pool)
        .await?;
        Ok(ended.rows_affected() == 1)
    }

    pub async fn create_coach_grant(&self, grant: &GrantRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO coach_grants (id, space, coach, person, granted_ms, expires_ms, \
                                       revoked_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&grant.id)
        .bind(grant.space.to_string())
        .bind(grant.coach.to_string())
        .bind(grant.person.to_string())
        .bind(grant.granted_at.as_millis())
        .bind(grant.expires_at.as_millis())
        .bind(grant.revoked_at.map(Timestamp::as_millis))
        .execute(&self.inner.pool)
        .await?;
        Ok(())
    }

    /// Every grant any partner of the space gave this coach, oldest first. For the coach's
    /// view only; a partner's page reads [`Store::coach_grants_by`].
    pub async fn coach_grants_for(
        &self,
        space: SpaceId,
        coach: PersonId,
    ) -> Result<Vec<GrantRecord>, StoreError> {
        sqlx::query(select_grant!(
            "WHERE space = $1 AND coach = $2 ORDER BY granted_ms, id"
        ))
        .bind(space.to_string())
        .bind(coach.to_string())
        .fetch_all(&self.inner.pool)
        .await?
        .iter()
        .map(decode_grant)
        .collect()
    }

    /// The grants the person gave in the space, newest first.
    pub async fn coach_grants_by(
        &self,
        space: SpaceId,
        person: PersonId,
    ) -> Result<Vec<GrantRecord>, StoreError> {
        sqlx::query(select_grant!(
            "WHERE space = $1 AND person = $2 ORDER BY granted_ms DESC, id"
        ))
        .bind(space.to_string())
        .bind(person.to_string())
        .fetch_all(&self.inner.pool)
        .await?
        .iter()
        .map(decode_grant)
        .collect()
    }

    /// Revokes the person's grant if it is theirs, in this space, and not already revoked.
    pub async fn revoke_coach_grant(
        &self,
        space: SpaceId,
        person: PersonId,
        id: &str,
        at: Timestamp,
    ) -> Result<bool, StoreError> {
        let revoked = sqlx::query(
            "UPDATE coach_grants SET revoked_ms = $1 \
             WHERE id = $2 AND space = $3 AND person = $4 AND revoked_ms IS NULL",
        )
        .bind(at.as_millis())
        .bind(id)
        .bind(space.to_string())
        .bind(person.to_string())
        .execute(&self.inner.pool)
        .await?;
        Ok(revoked.rows_affected() == 1)
    }

    pub async fn log_coach_read(&self, read: &CoachReadRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO coach_reads (id, space, coach, owner, view, at_ms) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&read.id)
        .bind(read.space.to_string())
        .bind(read.coach.to_string())
        .bind(read.owner.to_string())
        .bind(&read.view)
        .bind(read.at.as_millis())
        .execute(&self.inner.pool)
        .await?;
        Ok(())
    }

    /// Every coach read of the owner's data, newest first.
    pub async fn coach_reads_of(
        &self,
        owner: PersonId,
    ) -> Result<Vec<CoachReadRecord>, StoreError> {
        sqlx::query(
            "SELECT id, space, coach, owner, view, at_ms FROM coach_reads \
             WHERE owner = $1 ORDER BY at_ms DESC, id",
        )
        .bind(owner.to_string())
        .fetch_all(&self.inner.pool)
        .await?
        .iter()
        .map(decode_read)
        .collect()
    }
}

/// What deleting an account ends of coaching: a partner's grants and coach invites are revoked;
/// a coach is detached from every space. The read log stays for its owners.
pub(crate) async fn end_coach_access(
    conn: &mut AnyConnection,
    person: PersonId,
    at: Timestamp,
) -> Result<(), StoreError> {
    let key = person.to_string();
    for sql in [
        "UPDATE coach_grants SET revoked_ms = $1 WHERE person = $2 AND revoked_ms IS NULL",
        "UPDATE coach_invites SET revoked_ms = $1 \
         WHERE created_by = $2 AND accepted_ms IS NULL AND revoked_ms IS NULL",
        "UPDATE space_coaches SET left_ms = $1 WHERE coach = $2 AND left_ms IS NULL",
    ] {
        sqlx::query(sql)
            .bind(at.as_millis())
            .bind(&key)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
