//! Writing an import (`steadfast_core::import`): a new space with its members and events, all in
//! one transaction, and a person's own events appended where they are not yet. What to write is
//! decided in the core; here it is only written, so that a failure half-way leaves nothing.

use sqlx::Row;
use steadfast_core::import::SpaceWrite;
use steadfast_core::{NewEvent, PersonId, StreamId};

use crate::{Store, StoreError, event_log};

/// What [`Store::import_space`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportedSpace {
    /// The space, its members and its events are written.
    Created,
    /// A space with this id exists already (an earlier run of the same import): nothing written.
    AlreadyThere,
}

impl Store {
    /// Creates the space with its members and appends its events, all or nothing. A space with
    /// the same id is left as it is.
    pub async fn import_space(&self, space: &SpaceWrite) -> Result<ImportedSpace, StoreError> {
        let id = space.id.to_string();
        let current = space.members.iter().filter(|m| m.is_current()).count();
        let mut tx = self.write_tx().await?;
        // On PostgreSQL, row-level security lets the transaction reach this space only.
        crate::rls::stream(&mut tx, self.backend(), StreamId::Space(space.id)).await?;
        let created = sqlx::query(
            "INSERT INTO spaces (id, name, created_by, created_ms, member_count) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&id)
        .bind(space.name.as_str())
        .bind(space.creator.to_string())
        .bind(space.created_at.as_millis())
        .bind(i64::try_from(current).unwrap_or(i64::MAX))
        .execute(&mut *tx)
        .await?;
        if created.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(ImportedSpace::AlreadyThere);
        }
        for member in &space.members {
            sqlx::query(
                "INSERT INTO memberships (space, person, joined_ms, left_ms) VALUES ($1, $2, $3, $4)",
            )
            .bind(&id)
            .bind(member.person.to_string())
            .bind(member.joined.as_millis())
            .bind(member.left.map(|left| left.as_millis()))
            .execute(&mut *tx)
            .await?;
        }
        if !space.events.is_empty() {
            event_log::append(&mut tx, StreamId::Space(space.id), 0, &space.events).await?;
        }
        tx.commit().await?;
        Ok(ImportedSpace::Created)
    }

    /// Appends to `person`'s own stream those of `events` whose ids it does not hold yet, in one
    /// transaction, and answers how many were appended (0 when an earlier run wrote them all).
    pub async fn import_personal(
        &self,
        person: PersonId,
        events: &[NewEvent],
    ) -> Result<u64, StoreError> {
        let stream = StreamId::Person(person);
        let mut tx = self.write_tx().await?;
        crate::rls::stream(&mut tx, self.backend(), stream).await?;
        let held: std::collections::HashSet<String> =
            sqlx::query("SELECT id FROM events WHERE stream = $1")
                .bind(stream.to_string())
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|row| row.try_get::<String, _>("id"))
                .collect::<Result<_, _>>()?;
        let new: Vec<NewEvent> = events
            .iter()
            .filter(|event| !held.contains(&event.id.to_string()))
            .cloned()
            .collect();
        if new.is_empty() {
            tx.rollback().await?;
            return Ok(0);
        }
        let head = event_log::head(&mut tx, stream).await?;
        event_log::append(&mut tx, stream, head, &new).await?;
        tx.commit().await?;
        Ok(new.len() as u64)
    }
}
