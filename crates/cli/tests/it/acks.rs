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
    /// Reads with a connection of its own, as a restarted server would, both tables in one
    /// snapshot: PostgreSQL may still commit what the killed writer sent before it died, and
    /// two separate reads could fall on either side of that commit.
    pub async fn read(url: &str) -> Self {
        sqlx::any::install_default_drivers();
        let mut conn = AnyConnection::connect(url).await.unwrap();
        let mut tx = conn.begin().await.unwrap();
        if url.starts_with("postgres") {
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                .execute(&mut *tx)
                .await
                .unwrap();
        }
        let events: Vec<(String, i64, String)> =
            sqlx::query_as("SELECT stream, seq, id FROM events")
                .fetch_all(&mut *tx)
                .await
                .unwrap();
        let heads: Vec<(String, i64)> = sqlx::query_as("SELECT stream, head FROM streams")
            .fetch_all(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
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

    /// The log is whole, on either backend: every event belongs to a stream with a head, and
    /// each stream holds exactly the places 1..=head, with no gap and nothing past the head.
    /// (Only erasing a person's events leaves gaps, and nothing here erases.)
    pub fn assert_consistent(&self) {
        let mut seqs: HashMap<&str, Vec<i64>> = HashMap::new();
        for (stream, seq) in self.events.keys() {
            seqs.entry(stream.as_str()).or_default().push(*seq);
        }
        for (stream, found) in &mut seqs {
            assert!(
                self.heads.contains_key(*stream),
                "{stream} has events but no head"
            );
            found.sort_unstable();
        }
        for (stream, head) in &self.heads {
            let found = seqs.get(stream.as_str()).map_or(&[][..], Vec::as_slice);
            let whole = found.iter().copied().eq(1..=*head);
            assert!(
                whole,
                "{stream} has head {head} but holds {} events, from {:?} to {:?}",
                found.len(),
                found.first(),
                found.last()
            );
        }
    }
}
