//! The bench's ack log — "<stream> <seq> <event-id>" per acknowledged append — checked against
//! what the database actually holds.

use std::collections::HashMap;

use sqlx::{AnyConnection, Connection};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ack {
    pub stream: String,
    pub seq: i64,
    pub id: String,
}

impl Ack {
    pub fn parse(line: &str) -> Self {
        let parts: Vec<&str> = line.split(' ').collect();
        let [stream, seq, id] = parts.as_slice() else {
            panic!("an ack line is '<stream> <seq> <event-id>', got {line:?}");
        };
        Self {
            stream: (*stream).to_owned(),
            seq: seq
                .parse()
                .unwrap_or_else(|_| panic!("a sequence number in {line:?}")),
            id: (*id).to_owned(),
        }
    }
}

/// The events table as (stream, seq) → event id, and each stream's head.
pub struct Stored {
    pub events: HashMap<(String, i64), String>,
    pub heads: HashMap<String, i64>,
}

impl Stored {
    /// Reads with a connection of its own, as a restarted server would.
    pub async fn read(url: &str) -> Self {
        sqlx::any::install_default_drivers();
        let mut conn = AnyConnection::connect(url).await.unwrap();
        let events: Vec<(String, i64, String)> =
            sqlx::query_as("SELECT stream, seq, id FROM events")
                .fetch_all(&mut conn)
                .await
                .unwrap();
        let heads: Vec<(String, i64)> = sqlx::query_as("SELECT stream, head FROM streams")
            .fetch_all(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();
        Self {
            events: events
                .into_iter()
                .map(|(stream, seq, id)| ((stream, seq), id))
                .collect(),
            heads: heads.into_iter().collect(),
        }
    }

    /// Every acknowledged append is there, with the id it was acknowledged with, below its
    /// stream's head.
    pub fn assert_holds(&self, acks: &[Ack]) {
        let missing: Vec<&Ack> = acks
            .iter()
            .filter(|ack| self.events.get(&(ack.stream.clone(), ack.seq)) != Some(&ack.id))
            .collect();
        assert!(
            missing.is_empty(),
            "{} of {} acknowledged appends are not in the database, e.g. {:?}",
            missing.len(),
            acks.len(),
            &missing[..missing.len().min(5)]
        );
        for ack in acks {
            let head = self.heads.get(&ack.stream).copied().unwrap_or(0);
            assert!(
                head >= ack.seq,
                "{} has head {head} below acknowledged seq {}",
                ack.stream,
                ack.seq
            );
        }
    }
}
