//! `steadfast bench export`: how long a person's export takes once their space holds a long
//! history (100,000 events by default), as a ratio to reading the same space's raw log in the
//! same run, and how far the process's peak memory grows while it streams. A measurement, never
//! an assertion: the machines are shared and noisy, so only the ratio is worth quoting.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use futures_util::StreamExt;
use steadfast_app::clock::{Clock, SystemClock};
use steadfast_core::promise::{PromiseEvent, PromiseText, Stakes, Terms, decide_make};
use steadfast_core::{EventId, PersonId, PromiseId, SpaceId, StreamId, Timestamp, Username};
use steadfast_store::Store;
use steadfast_web::WebConfig;
use tower::ServiceExt;
use uuid::Uuid;

use crate::config::BenchExportArgs;
use crate::database;
use crate::demo;

/// Events appended per append while the history is made.
const BATCH: usize = 1_000;

/// Each figure is the best of this many runs: the least disturbed by the machine's neighbours.
const RUNS: usize = 3;

pub async fn run(args: BenchExportArgs) -> anyhow::Result<()> {
    let url = database::parse_url(&args.database_url)?;
    let store = database::open(&url).await?;
    let now = SystemClock.now();
    let seeded = demo::seed(&store, 1, 1, 7, now).await?;
    let (a_name, b_name) = seeded
        .usernames
        .first()
        .cloned()
        .context("the demo made no couple")?;
    let (a, b, space) = couple(&store, &a_name, &b_name).await?;
    let stream = StreamId::Space(space);
    let events = fill(&store, stream, a, b, now, args.events).await?;
    eprintln!("the space holds {events} events; measuring");

    let app = steadfast_web::app(
        store.clone(),
        WebConfig {
            secure_cookies: false,
            ..WebConfig::default()
        },
    )?;
    let cookie = sign_in(&app, &b_name).await?;

    let baseline = best(|| async {
        let started = Instant::now();
        let read = store.read(stream, 1).await?;
        anyhow::ensure!(read.len() as u64 == events, "the log read short");
        Ok((started.elapsed(), 0))
    })
    .await?;
    let peak_before = peak_kib();
    let export = best(|| async {
        let started = Instant::now();
        let bytes = download(&app, &cookie).await?;
        Ok((started.elapsed(), bytes))
    })
    .await?;
    let peak_after = peak_kib();

    let ratio = export.0.as_secs_f64() / baseline.0.as_secs_f64().max(1e-9);
    let grown_mib = peak_after.saturating_sub(peak_before) as f64 / 1024.0;
    println!(
        "{}",
        serde_json::json!({
            "events": events,
            "raw_read_ms": millis(baseline.0),
            "export_ms": millis(export.0),
            "export_to_raw_read": (ratio * 100.0).round() / 100.0,
            "export_mib": (export.1 as f64 / 1_048_576.0 * 10.0).round() / 10.0,
            "peak_growth_mib": (grown_mib * 10.0).round() / 10.0,
        })
    );
    eprintln!(
        "export of {events} events: {} ms, {:.1}x reading the raw log ({} ms); {:.1} MiB sent; \
         peak memory grew {grown_mib:.1} MiB while exporting",
        millis(export.0),
        ratio,
        millis(baseline.0),
        export.1 as f64 / 1_048_576.0,
    );
    store.close().await;
    Ok(())
}

fn millis(duration: Duration) -> u128 {
    duration.as_millis()
}

/// The best (shortest) of [`RUNS`] runs of `measure`, with what it counted.
async fn best<F, Fut>(measure: F) -> anyhow::Result<(Duration, u64)>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<(Duration, u64)>>,
{
    let mut best: Option<(Duration, u64)> = None;
    for _ in 0..RUNS {
        let run = measure().await?;
        if best.is_none_or(|(fastest, _)| run.0 < fastest) {
            best = Some(run);
        }
    }
    best.context("nothing was measured")
}

/// The demo couple's ids and their space.
async fn couple(store: &Store, a: &str, b: &str) -> anyhow::Result<(PersonId, PersonId, SpaceId)> {
    let mut ids = Vec::new();
    for name in [a, b] {
        let key = Username::parse(name)?.key().to_owned();
        let account = store
            .account_by_username_key(&key)
            .await?
            .context("the demo account is missing")?;
        ids.push(account.id);
    }
    let (a, b) = (ids[0], ids[1]);
    let (space, _) = store
        .spaces_of(a)
        .await?
        .into_iter()
        .next()
        .context("the demo couple has no space")?;
    Ok((a, b, space.id))
}

/// Appends promises, made by each partner in turn, until the space holds `target` events; the
/// number it holds.
async fn fill(
    store: &Store,
    stream: StreamId,
    a: PersonId,
    b: PersonId,
    now: Timestamp,
    target: u64,
) -> anyhow::Result<u64> {
    let mut head = store.head(stream).await?;
    let terms = Terms {
        text: PromiseText::parse("call when the train is late")?,
        stakes: Stakes::new(2)?,
        due: None,
    };
    let mut n: u64 = 0;
    while head < target {
        let missing = usize::try_from(target - head).unwrap_or(BATCH).min(BATCH);
        let batch = (0..missing)
            .map(|_| {
                n += 1;
                let (promiser, receiver) = if n.is_multiple_of(2) { (a, b) } else { (b, a) };
                let change = decide_make(promiser, Some(receiver), terms.clone(), None, None, now)?;
                Ok(PromiseEvent {
                    promise: PromiseId::from_uuid(Uuid::new_v4()),
                    change,
                }
                .into_event(EventId::from_uuid(Uuid::new_v4()), promiser, now))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        head = store.append(stream, head, batch).await?;
    }
    Ok(head)
}

fn request(method: Method, uri: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .header(header::HOST, "127.0.0.1")
        .header("sec-fetch-site", "same-origin")
        .extension(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 9))))
}

/// Signs `username` in with the demo password; their session cookie.
async fn sign_in(app: &axum::Router, username: &str) -> anyhow::Result<String> {
    let body = serde_json::json!({ "username": username, "password": demo::DEMO_PASSWORD });
    let response = app
        .clone()
        .oneshot(
            request(Method::POST, "/api/v1/sessions")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string()))?,
        )
        .await?;
    if !response.status().is_success() {
        bail!("signing in for the export failed: {}", response.status());
    }
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .filter_map(|value| value.split(';').next())
        .find(|pair| pair.starts_with("steadfast=") || pair.starts_with("__Host-steadfast="))
        .map(str::to_owned)
        .context("signing in set no session cookie")
}

/// Downloads the export to its last byte, as a client would, keeping none of it; its size.
async fn download(app: &axum::Router, cookie: &str) -> anyhow::Result<u64> {
    let response = app
        .clone()
        .oneshot(
            request(Method::GET, "/api/v1/export")
                .header(header::COOKIE, cookie)
                .body(Body::empty())?,
        )
        .await?;
    if response.status() != StatusCode::OK {
        bail!("the export answered {}", response.status());
    }
    let mut body = response.into_body().into_data_stream();
    let mut bytes = 0u64;
    while let Some(chunk) = body.next().await {
        bytes += chunk?.len() as u64;
    }
    Ok(bytes)
}

/// The process's peak resident memory so far, in KiB (0 where /proc is not there).
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
