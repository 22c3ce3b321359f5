use std::collections::HashMap;

use crate::acks::{Ack, Stored};
use crate::support::{Process, START_TIMEOUT, STOP_TIMEOUT, run};

#[tokio::test]
async fn bench_append_writes_exactly_what_it_reports_even_when_writers_share_streams() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let ack_log = dir.path().join("acks.txt");
    let output = run(
        dir.path(),
        &[
            "bench",
            "append",
            "--database-url",
            &url,
            "--tasks",
            "4",
            "--streams",
            "2",
            "--appends",
            "300",
            "--ack-log",
            ack_log.to_str().unwrap(),
        ],
    )
    .await;
    assert!(output.status.success(), "{output:?}");
    let report = String::from_utf8_lossy(&output.stdout);
    for figure in [
        "appends:            300",
        "appends/s:",
        "commits:",
        "appends per commit:",
    ] {
        assert!(report.contains(figure), "{figure} in\n{report}");
    }

    let acks: Vec<Ack> = std::fs::read_to_string(&ack_log)
        .unwrap()
        .lines()
        .map(Ack::parse)
        .collect();
    assert_eq!(acks.len(), 300);
    let stored = Stored::read(&url).await;
    stored.assert_holds(&acks);
    assert_eq!(
        stored.events.len(),
        300,
        "nothing beyond what was acknowledged"
    );

    // Contending writers retried on conflicts: each stream is 1, 2, 3, … without gaps.
    let mut per_stream: HashMap<&str, Vec<i64>> = HashMap::new();
    for ack in &acks {
        per_stream.entry(&ack.stream).or_default().push(ack.seq);
    }
    assert_eq!(per_stream.len(), 2);
    for seqs in per_stream.values_mut() {
        seqs.sort_unstable();
        assert!(seqs.iter().copied().eq(1..=seqs.len() as i64), "{seqs:?}");
    }
}

#[tokio::test]
async fn bench_append_stops_on_sigterm_and_reports_every_append_it_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let mut bench = Process::start(
        dir.path(),
        &[
            "bench",
            "append",
            "--database-url",
            &url,
            "--appends",
            "100000000",
            "--ack-log",
            "-",
        ],
    );
    let Some(first) = bench.next_line(START_TIMEOUT).await else {
        panic!("no append acknowledged; stderr:\n{}", bench.stderr());
    };

    bench.signal("TERM");
    let status = bench.exit_status(STOP_TIMEOUT).await;
    let mut lines = vec![first];
    lines.extend(bench.remaining_lines().await);
    let stderr = bench.stderr();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("(stopped early)"), "{stderr}");
    assert!(
        stderr.contains(&format!("appends:            {}\n", lines.len())),
        "the report counts the {} acknowledged lines:\n{stderr}",
        lines.len()
    );

    let acks: Vec<Ack> = lines.iter().map(|line| Ack::parse(line)).collect();
    Stored::read(&url).await.assert_holds(&acks);
}
