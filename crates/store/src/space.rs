//! Spaces, who is or was in them, and the invites that pair a partner.
//!
//! The domain decides first whether someone may join or leave; the updates here are conditional
//! all the same, so that two requests deciding at once on the same state cannot both go through:
//! an invite is accepted once, and a space never holds more partners than allowed. They work the
//! same on both backends without row locks that SQLite lacks (`SELECT … FOR UPDATE`): on SQLite a
//! writing transaction holds the database's write lock from its start; on PostgreSQL a second
//! UPDATE of the same row waits for the first transaction and then re-checks its WHERE clause on
//! the committed row.
//!
//! Transactions that touch several rows take them in one order — invite, membership, space — so
//! that two of them on PostgreSQL never wait for each other in a circle.

use std::fmt;

use sqlx::AnyConnection;
use steadfast_core::{PersonId, SpaceId, Timestamp};

use crate::redact::Redacted;
use crate::row::{self, Columns};
use crate::{Store, StoreError};

/// A space to create; its creator becomes its first member.
#[derive(Clone, PartialEq, Eq)]
pub struct NewSpace {
    pub id: SpaceId,
    pub name: String,
    pub creator: PersonId,
    pub created_at: Timestamp,
}

/// A space as stored.
#[derive(Clone, PartialEq, Eq)]
pub struct SpaceRecord {
    pub id: SpaceId,
    pub name: String,
    pub created_by: PersonId,
    pub created_at: Timestamp,
    /// Current members: those who joined and have not left.
    pub member_count: u64,
}

/// One stay of a person in a space, from joining to leaving (`None` while they are still in it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberRecord {
    pub space: SpaceId,
    pub person: PersonId,
    pub joined_at: Timestamp,
    pub left_at: Option<Timestamp>,
}

impl MemberRecord {
    pub fn is_current(&self) -> bool {
        self.left_at.is_none()
    }
}

/// An invite into a space. Only the hash of the link's token is stored.
#[derive(Clone, PartialEq, Eq)]
pub struct InviteRecord {
    pub id: String,
    pub space: SpaceId,
    pub token_hash: String,
    pub created_by: PersonId,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub accepted_by: Option<PersonId>,
    pub accepted_at: Option<Timestamp>,
    pub revoked_at: Option<Timestamp>,
}

/// What [`Store::accept_invite`] did. Anything but `Accepted` wrote nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AcceptOutcome {
    Accepted,
    /// The invite is unknown, already accepted, revoked or expired.
    NoLongerPending,
    /// The person is in the space already.
    AlreadyMember,
    /// The space has as many members as allowed.
    SpaceFull,
}

impl fmt::Debug for NewSpace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewSpace")
            .field("id", &self.id)
            .field("name", &Redacted)
            .field("creator", &self.creator)
            .field("created_at", &self.created_at)
            .finish()
    }
}

impl fmt::Debug for SpaceRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SpaceRecord")
            .field("id", &self.id)
            .field("name", &Redacted)
            .field("created_by", &self.created_by)
            .field("created_at", &self.created_at)
            .field("member_count", &self.member_count)
            .finish()
    }
}

impl fmt::Debug for InviteRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InviteRecord")
            .field("id", &self.id)
            .field("space", &self.space)
            .field("token_hash", &Redacted)
            .field("created_by", &self.created_by)
            .field("created_at", &self.created_at)
            .field("expires_at", &self.expires_at)
            .field("accepted_by", &self.accepted_by)
            .field("accepted_at", &self.accepted_at)
            .field("revoked_at", &self.revoked_at)
            .finish()
    }
}

fn decode_space(row: &(impl Columns + ?Sized)) -> Result<SpaceRecord, StoreError> {
    Ok(SpaceRecord {
        id: row::id(row, "id")?,
        name: row::text(row, "name")?,
        created_by: row::id(row, "created_by")?,
        created_at: row::time(row, "created_ms")?,
        member_count: row::count(row, "member_count")?,
    })
}

fn decode_member(row: &(impl Columns + ?Sized)) -> Result<MemberRecord, StoreError> {
    Ok(MemberRecord {
        space: row::id(row, "space")?,
        person: row::id(row, "person")?,
        joined_at: row::time(row, "joined_ms")?,
        left_at: row::optional_time(row, "left_ms")?,
    })
}

fn decode_invite(row: &(impl Columns + ?Sized)) -> Result<InviteRecord, StoreError> {
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

macro_rules! select_invite {
    ($where:literal) => {
        concat!(
            "SELECT id, space, token_hash, created_by, created_ms, expires_ms, \
             accepted_by, accepted_ms, revoked_ms FROM invites ",
            $where
        )
    };
}

impl Store {
    /// Creates the space with its creator as the one member, both or neither.
    pub async fn create_space(&self, space: &NewSpace) -> Result<(), StoreError> {
        let (id, creator) = (space.id.to_string(), space.creator.to_string());
        let at = space.created_at.as_millis();
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "INSERT INTO spaces (id, name, created_by, created_ms, member_count) \
             VALUES ($1, $2, $3, $4, 1)",
        )
        .bind(&id)
        .bind(&space.name)
        .bind(&creator)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO memberships (space, person, joined_ms, left_ms) VALUES ($1, $2, $3, NULL)",
        )
        .bind(&id)
        .bind(&creator)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn space(&self, id: SpaceId) -> Result<Option<SpaceRecord>, StoreError> {
        self.fetch_optional(
            "SELECT id, name, created_by, created_ms, member_count FROM spaces WHERE id = $1",
            vec![id.to_string().into()],
            |row| decode_space(row),
        )
        .await
    }

    /// Everyone who is or was in the space, one record per stay, oldest first.
    pub async fn members(&self, space: SpaceId) -> Result<Vec<MemberRecord>, StoreError> {
        self.fetch_all(
            "SELECT space, person, joined_ms, left_ms FROM memberships \
             WHERE space = $1 ORDER BY joined_ms, person",
            vec![space.to_string().into()],
            |row| decode_member(row),
        )
        .await
    }

    /// Every space the person is or was in, with their stay there, most recently joined first.
    pub async fn spaces_of(
        &self,
        person: PersonId,
    ) -> Result<Vec<(SpaceRecord, MemberRecord)>, StoreError> {
        sqlx::query(
            "SELECT s.id, s.name, s.created_by, s.created_ms, s.member_count, \
                    m.space, m.person, m.joined_ms, m.left_ms \
             FROM memberships m JOIN spaces s ON s.id = m.space \
             WHERE m.person = $1 ORDER BY m.joined_ms DESC, m.space",
        )
        .bind(person.to_string())
        .fetch_all(&self.inner.pool)
        .await?
        .iter()
        .map(|row| Ok((decode_space(row)?, decode_member(row)?)))
        .collect()
    }

    /// Ends the person's current stay in the space at `at`, and answers whether they were in it.
    pub async fn leave_space(
        &self,
        space: SpaceId,
        person: PersonId,
        at: Timestamp,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let left = leave(&mut tx, &space.to_string(), person, at).await?;
        tx.commit().await?;
        // What the leaver kept of a partner whose account is gone is now read by nobody.
        if left {
            self.erase_unreachable(space).await?;
        }
        Ok(left)
    }

    pub async fn create_invite(&self, invite: &InviteRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO invites (id, space, token_hash, created_by, created_ms, expires_ms, \
                                  accepted_by, accepted_ms, revoked_ms) \
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

    /// The invite a link carries, by the hash of the link's token.
    pub async fn invite_by_token_hash(
        &self,
        token_hash: &str,
    ) -> Result<Option<InviteRecord>, StoreError> {
        sqlx::query(select_invite!("WHERE token_hash = $1"))
            .bind(token_hash)
            .fetch_optional(&self.inner.pool)
            .await?
            .as_ref()
            .map(decode_invite)
            .transpose()
    }

    /// The space's invites, newest first, whatever became of them.
    pub async fn invites_of_space(&self, space: SpaceId) -> Result<Vec<InviteRecord>, StoreError> {
        self.fetch_all(
            select_invite!("WHERE space = $1 ORDER BY created_ms DESC, id"),
            vec![space.to_string().into()],
            |row| decode_invite(row),
        )
        .await
    }

    /// Revokes the invite if it belongs to the space and is still pending (not accepted, revoked
    /// or expired at `at`), and answers whether it was.
    pub async fn revoke_invite(
        &self,
        space: SpaceId,
        id: &str,
        at: Timestamp,
    ) -> Result<bool, StoreError> {
        let revoked = sqlx::query(
            "UPDATE invites SET revoked_ms = $1 \
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

    /// Accepts the invite for `person` at `at`: marks it accepted, adds the membership and counts
    /// the new member, all or nothing. Each step is a conditional write that refuses when a
    /// concurrent request got there first, so of many accepting at once exactly one invite use
    /// and at most `max_members` members get through; the others are told why.
    ///
    /// The membership goes in before the count goes up (the order invite, membership, space that
    /// every transaction here keeps): a person leaving while a request of theirs accepts an invite
    /// to the same space would otherwise wait on the other in a circle on PostgreSQL.
    pub async fn accept_invite(
        &self,
        invite: &str,
        person: PersonId,
        at: Timestamp,
        max_members: i64,
    ) -> Result<AcceptOutcome, StoreError> {
        let mut tx = self.write_tx().await?;
        let space: Option<String> = sqlx::query_scalar(
            "UPDATE invites SET accepted_by = $1, accepted_ms = $2 \
             WHERE id = $3 AND accepted_ms IS NULL AND revoked_ms IS NULL AND expires_ms > $2 \
             RETURNING space",
        )
        .bind(person.to_string())
        .bind(at.as_millis())
        .bind(invite)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(space) = space else {
            tx.rollback().await?;
            return Ok(AcceptOutcome::NoLongerPending);
        };

        // The unique index on current memberships refuses a second stay at the same time.
        let joined = sqlx::query(
            "INSERT INTO memberships (space, person, joined_ms, left_ms) \
             VALUES ($1, $2, $3, NULL) ON CONFLICT DO NOTHING",
        )
        .bind(&space)
        .bind(person.to_string())
        .bind(at.as_millis())
        .execute(&mut *tx)
        .await?;
        if joined.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(AcceptOutcome::AlreadyMember);
        }

        let counted = sqlx::query(
            "UPDATE spaces SET member_count = member_count + 1 \
             WHERE id = $1 AND member_count < $2",
        )
        .bind(&space)
        .bind(max_members)
        .execute(&mut *tx)
        .await?;
        if counted.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(AcceptOutcome::SpaceFull);
        }

        tx.commit().await?;
        Ok(AcceptOutcome::Accepted)
    }
}

/// Ends the person's current stay in the space and counts them out; false if they were not in it.
async fn leave(
    conn: &mut AnyConnection,
    space: &str,
    person: PersonId,
    at: Timestamp,
) -> Result<bool, StoreError> {
    let ended = sqlx::query(
        "UPDATE memberships SET left_ms = $1 \
         WHERE space = $2 AND person = $3 AND left_ms IS NULL",
    )
    .bind(at.as_millis())
    .bind(space)
    .bind(person.to_string())
    .execute(&mut *conn)
    .await?;
    if ended.rows_affected() == 0 {
        return Ok(false);
    }
    sqlx::query("UPDATE spaces SET member_count = member_count - 1 WHERE id = $1")
        .bind(space)
        .execute(&mut *conn)
        .await?;
    Ok(true)
}

/// Ends every current stay of the person, one space at a time in a fixed order (so two of these
/// running at once take the spaces' rows in the same order), and answers how many.
pub(crate) async fn leave_all(
    conn: &mut AnyConnection,
    person: PersonId,
    at: Timestamp,
) -> Result<u64, StoreError> {
    let spaces: Vec<String> = sqlx::query_scalar(
        "SELECT space FROM memberships WHERE person = $1 AND left_ms IS NULL ORDER BY space",
    )
    .bind(person.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let mut left = 0;
    for space in spaces {
        if leave(conn, &space, person, at).await? {
            left += 1;
        }
    }
    Ok(left)
}

/// Revokes the invites the person made that nobody has accepted yet.
pub(crate) async fn revoke_invites_by(
    conn: &mut AnyConnection,
    person: PersonId,
    at: Timestamp,
) -> Result<u64, StoreError> {
    let revoked = sqlx::query(
        "UPDATE invites SET revoked_ms = $1 \
         WHERE created_by = $2 AND accepted_ms IS NULL AND revoked_ms IS NULL",
    )
    .bind(at.as_millis())
    .bind(person.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(revoked.rows_affected())
}
