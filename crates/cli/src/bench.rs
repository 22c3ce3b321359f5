//! `steadfast bench append`: the raw append path under concurrent writers. It has two jobs: it
//! measures appends per second and appends per commit (the group commit at work) on either
//! backend, and it is the writer the crash test kills — its ack log is the list of writes the
//! store promised to keep.

pub mod export;

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, anyhow};
use steadfast_core::{
    EventId, EventKind, NewEvent, PersonId, SpaceId, StreamId, Timestamp, Visibility,
};
use steadfast_store::{Store, StoreError};
use tokio::task::JoinSet;
use uuid::Uuid;

use crate::config::BenchAppendArgs;
use crate::database;
use crate::signal::Shutdown;

pub async fn run(args: BenchAppendArgs) -> anyhow::Result<()> {
    let url = database::parse_url(&args.database_url)?;
    let shutdown = Shutdown::install()?;
    let ack_log = AckLog::open(args.ack_log.as_deref())?;
    let store = database::open(&url).await?;

    let tasks = usize::from(args.tasks);
    let stream_count = args.streams.map_or(tasks, |streams| streams as usize);
    // Fresh streams every run: a run never has to learn where an earlier one (perhaps killed
    // mid-write) left off, and runs against one database never contend with each other.
    let streams: Vec<StreamId> = (0..stream_count)
        .map(|_| StreamId::Space(SpaceId::from_uuid(Uuid::new_v4())))
        .collect();
    let summary_to_stderr = matches!(ack_log, AckLog::Stdout);
    let bench = Arc::new(Bench {
        store: store.clone(),
        ack_log,
        kind: EventKind::new("bench.appended")?,
        total: args.appends,
        claimed: AtomicU64::new(0),
        stopping: AtomicBool::new(false),
    });

    let stopper = tokio::spawn({
        let bench = Arc::clone(&bench);
        async move {
            let signal = shutdown.requested().await;
            tracing::info!(
                signal,
                "stopping: no new appends; waiting for those in flight"
            );
            bench.stop();
        }
    });

    let started = Instant::now();
    let mut writers = JoinSet::new();
    for streams in assign(&streams, tasks) {
        writers.spawn(writer(Arc::clone(&bench), streams));
    }
    let mut tally = Tally::default();
    let mut failure = None;
    while let Some(joined) = writers.join_next().await {
        let outcome = joined.map_err(|error| anyhow!("a writer task failed: {error}"));
        match outcome.and_then(|outcome| outcome) {
            Ok(done) => tally.add(done),
            Err(error) => {
                // One failed writer ends the run; the others finish the append they are in.
                bench.stop();
                failure.get_or_insert(error);
            }
        }
    }
    let elapsed = started.elapsed();
    stopper.abort();
    store.close().await;
    if let Some(error) = failure {
        return Err(error);
    }

    let report = Report {
        database: url.to_string(),
        tasks,
        streams: stream_count,
        tally,
        elapsed,
        commits: store.write_stats().commits(),
        committed_appends: store.write_stats().appends(),
        stopped_early: bench.stopping.load(Ordering::Relaxed),
    };
    // With the ack log on stdout, stdout stays a clean list of acknowledged appends.
    let printed = if summary_to_stderr {
        writeln!(std::io::stderr().lock(), "{report}")
    } else {
        writeln!(std::io::stdout().lock(), "{report}")
    };
    printed.context("cannot print the report")
}

struct Bench {
    store: Store,
    ack_log: AckLog,
    kind: EventKind,
    total: u64,
    claimed: AtomicU64,
    stopping: AtomicBool,
}

impl Bench {
    /// Takes one append from the total; false once the total is spent or a stop was requested.
    fn claim(&self) -> bool {
        !self.stopping.load(Ordering::Relaxed)
            && self.claimed.fetch_add(1, Ordering::Relaxed) < self.total
    }

    fn stop(&self) {
        self.stopping.store(true, Ordering::Relaxed);
    }

    fn event(&self, author: PersonId, n: u64) -> NewEvent {
        // A clock before 1970 is not this benchmark's concern; the time only has to be plausible.
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| {
                i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
            });
        NewEvent {
            id: EventId::from_uuid(Uuid::new_v4()),
            author,
            at: Timestamp::from_millis(now),
            kind: self.kind.clone(),
            visibility: Visibility::Private,
            payload: serde_json::json!({ "n": n }),
        }
    }
}

/// One concurrent writer: appends one event at a time to its streams in turn, as the web side
/// does for a person acting, and retries on a conflict with the head the store reported.
async fn writer(bench: Arc<Bench>, streams: Vec<StreamId>) -> anyhow::Result<Tally> {
    let author = PersonId::from_uuid(Uuid::new_v4());
    let mut heads = vec![0; streams.len()];
    let mut tally = Tally::default();
    for (slot, stream) in streams.iter().copied().enumerate().cycle() {
        if !bench.claim() {
            break;
        }
        loop {
            let event = bench.event(author, tally.appends);
            let id = event.id;
            match bench.store.append(stream, heads[slot], vec![event]).await {
                Ok(head) => {
                    heads[slot] = head;
                    bench.ack_log.record(stream, head, id)?;
                    tally.appends += 1;
                    break;
                }
                Err(StoreError::Conflict { actual, .. }) => {
                    heads[slot] = actual;
                    tally.conflicts += 1;
                }
                Err(error) => return Err(anyhow::Error::new(error).context("an append failed")),
            }
        }
    }
    Ok(tally)
}

/// Which streams each writer appends to: with at least as many streams as writers each stream
/// has one writer; with fewer, writers share streams and contend.
fn assign(streams: &[StreamId], tasks: usize) -> Vec<Vec<StreamId>> {
    (0..tasks)
        .map(|task| {
            if streams.len() >= tasks {
                streams.iter().skip(task).step_by(tasks).copied().collect()
            } else {
                let shared = task
                    .checked_rem(streams.len())
                    .and_then(|index| streams.get(index));
                shared.copied().into_iter().collect()
            }
        })
        .collect()
}

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    appends: u64,
    conflicts: u64,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.appends += other.appends;
        self.conflicts += other.conflicts;
    }
}

/// Where acknowledged appends are written, one line each, the moment the store acknowledges
/// them. Each line goes out in one write and is flushed at once: a process killed the next
/// instant has still told its reader about every append it saw acknowledged.
enum AckLog {
    Off,
    Stdout,
    File(Mutex<File>),
}

impl AckLog {
    fn open(target: Option<&Path>) -> anyhow::Result<Self> {
        match target {
            None => Ok(Self::Off),
            Some(path) if path == Path::new("-") => Ok(Self::Stdout),
            Some(path) => File::create(path)
                .map(|file| Self::File(Mutex::new(file)))
                .with_context(|| format!("cannot create the ack log {}", path.display())),
        }
    }

    fn record(&self, stream: StreamId, seq: u64, id: EventId) -> anyhow::Result<()> {
        let line = format!("{stream} {seq} {id}\n");
        let written = match self {
            Self::Off => return Ok(()),
            Self::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(line.as_bytes()).and_then(|()| out.flush())
            }
            Self::File(file) => {
                let mut file = file
                    .lock()
                    .map_err(|_| anyhow!("the ack log is unusable after a writer failed"))?;
                file.write_all(line.as_bytes())
            }
        };
        written.context("cannot write the ack log")
    }
}

struct Report {
    database: String,
    tasks: usize,
    streams: usize,
    tally: Tally,
    elapsed: Duration,
    commits: u64,
    committed_appends: u64,
    stopped_early: bool,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let seconds = self.elapsed.as_secs_f64();
        let per_second = if seconds > 0.0 {
            self.tally.appends as f64 / seconds
        } else {
            0.0
        };
        let per_commit = if self.commits > 0 {
            self.committed_appends as f64 / self.commits as f64
        } else {
            0.0
        };
        let stopped = if self.stopped_early {
            " (stopped early)"
        } else {
            ""
        };
        writeln!(
            f,
            "bench append on {}: {} tasks, {} streams{stopped}",
            self.database, self.tasks, self.streams
        )?;
        writeln!(f, "appends:            {}", self.tally.appends)?;
        writeln!(f, "seconds:            {seconds:.3}")?;
        writeln!(f, "appends/s:          {per_second:.0}")?;
        writeln!(f, "commits:            {}", self.commits)?;
        writeln!(f, "appends per commit: {per_commit:.1}")?;
        write!(f, "conflicts retried:  {}", self.tally.conflicts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn streams(count: usize) -> Vec<StreamId> {
        (0..count)
            .map(|_| StreamId::Space(SpaceId::from_uuid(Uuid::new_v4())))
            .collect()
    }

    #[test]
    fn every_stream_has_exactly_one_writer_when_there_are_enough_streams() {
        let all = streams(10);
        let assigned = assign(&all, 4);
        assert_eq!(assigned.len(), 4);
        let mut used: Vec<StreamId> = assigned.concat();
        used.sort();
        let mut expected = all.clone();
        expected.sort();
        assert_eq!(used, expected);
    }

    #[test]
    fn writers_share_streams_when_there_are_fewer_streams_than_writers() {
        let all = streams(2);
        let assigned = assign(&all, 5);
        assert_eq!(assigned.len(), 5);
        assert!(assigned.iter().all(|mine| mine.len() == 1));
        assert!(
            all.iter()
                .all(|stream| assigned.iter().any(|mine| mine.contains(stream)))
        );
    }

    #[test]
    fn the_report_gives_rate_and_appends_per_commit() {
        let report = Report {
            database: "SQLite file b.db".to_owned(),
            tasks: 16,
            streams: 16,
            tally: Tally {
                appends: 2000,
                conflicts: 0,
            },
            elapsed: Duration::from_secs(2),
            commits: 40,
            committed_appends: 2000,
            stopped_early: false,
        }
        .to_string();
        assert!(report.contains("appends/s:          1000"), "{report}");
        assert!(report.contains("appends per commit: 50.0"), "{report}");
    }
}
