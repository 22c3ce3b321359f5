//! Kill -9 in the middle of writing, again and again on one database, on SQLite and (when
//! `STEADFAST_TEST_DATABASE_URL` is set) on PostgreSQL: every append the store acknowledged must
//! still be there, every stream must hold exactly the places up to its head (no gap, nothing
//! past it), the SQLite file must pass `PRAGMA integrity_check`, and the server must start on
//! what is left. `STEADFAST_CRASH_CYCLES` sets the number of cycles (default 3; `scripts/test`
//! runs 20).

use std::time::Duration;

use reqwest::StatusCode;
use sqlx::{AnyConnection, Connection};
use steadfast_store::Backend;
use steadfast_store::testing::TestDatabase;

use crate::acks::{Ack, Stored};
use crate::support::{Process, START_TIMEOUT, Server};

#[tokio::test]
async fn crash_test_loses_no_acknowledged_write() {
    crash_repeatedly(&TestDatabase::sqlite()).await;
}

#[tokio::test]
#[ignore = "needs PostgreSQL (STEADFAST_TEST_DATABASE_URL): scripts/test runs it"]
async fn crash_test_loses_no_acknowledged_write_on_postgres() {
    let database = TestDatabase::postgres()
        .await
        .expect("STEADFAST_TEST_DATABASE_URL names the PostgreSQL test server");
    crash_repeatedly(&database).await;
}

async fn crash_repeatedly(database: &TestDatabase) {
    let cycles: u32 = std::env::var("STEADFAST_CRASH_CYCLES")
        .ok()
        .map_or(3, |cycles| {
            cycles.parse().expect("STEADFAST_CRASH_CYCLES is a number")
        });
    let url = database.url().expose().to_owned();
    let backend = database.url().backend();
    let dir = tempfile::tempdir().unwrap();

    for cycle in 1..=cycles {
        let mut bench = Process::start(
            dir.path(),
            &[
                "bench",
                "append",
                "--database-url",
                &url,
                "--tasks",
                "16",
                "--appends",
                "100000000",
                "--ack-log",
                "-",
            ],
        );
        let Some(first) = bench.next_line(START_TIMEOUT).await else {
            panic!(
                "cycle {cycle}: no append acknowledged; stderr:\n{}",
                bench.stderr()
            );
        };
        let after_ms = fastrand::u64(150..=900);
        tokio::time::sleep(Duration::from_millis(after_ms)).await;
        bench.kill_hard().await;
        let mut lines = vec![first];
        lines.extend(bench.remaining_lines().await);
        let acks: Vec<Ack> = lines.iter().map(|line| Ack::parse(line)).collect();
        assert!(
            !acks.is_empty(),
            "cycle {cycle}: at least one append was acknowledged"
        );

        let stored = Stored::read(&url).await;
        stored.assert_holds(&acks);
        stored.assert_consistent();
        if backend == Backend::Sqlite {
            assert_intact(&url).await;
        }
        eprintln!(
            "crash test ({backend:?}) cycle {cycle}/{cycles}: killed {after_ms} ms after the first ack; \
             all {} acknowledged appends are present, {} events in {} whole streams",
            acks.len(),
            stored.events.len(),
            stored.heads.len()
        );

        // The server starts on what the kill left behind, and the next cycle writes on after it.
        let server = Server::start(dir.path(), &url).await;
        assert_eq!(server.get("/readyz").await.status(), StatusCode::OK);
        server.stop("TERM").await;
    }
}

async fn assert_intact(url: &str) {
    let mut conn = AnyConnection::connect(url).await.unwrap();
    let check: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    assert_eq!(check, ["ok"], "the SQLite file is damaged");
}
