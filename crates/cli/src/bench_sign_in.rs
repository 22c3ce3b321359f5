//! `steadfast bench sign-in`: how long a person's sign-in takes while someone floods wrong
//! sign-ins from many addresses, against the same sign-in without the flood, in one run (issue
//! 14, item 10). Requests go straight into the application's router in this process, with
//! production password hashes, so what is measured is the application and its hashing queue, not
//! a network.
//!
//! The flood is the one issue 14 measured: wrong sign-ins under made-up names (so no per-name
//! limit stops them) from 60 addresses, several clients on each, every client sending again as
//! soon as it is answered, for as long as the timed sign-ins take. The per-address limit lets
//! each address through in a burst of 30 and then one every two seconds; the hashing queue's
//! fair share stands in the way of the rest.

use std::net::Ipv4Addr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use steadfast_app::passwords::PasswordCost;
use steadfast_web::WebConfig;
use tokio::task::JoinSet;
use tower::Service;

use crate::config::BenchSignInArgs;
use crate::database;

const PASSWORD: &str = "bench sign-in password";
/// Sign-ins per benchmark account, inside the per-name limit (10 at once).
const PER_ACCOUNT: usize = 8;

pub async fn run(args: BenchSignInArgs) -> anyhow::Result<()> {
    let url = database::parse_url(&args.database_url)?;
    let store = database::open(&url).await?;
    let config = WebConfig {
        password_cost: PasswordCost::Production,
        client_address_header: Some(header::HeaderName::from_static("x-forwarded-for")),
        secure_cookies: false,
        ..WebConfig::default()
    };
    let app = steadfast_web::app(store.clone(), config).context("cannot build the application")?;

    let samples = usize::from(args.samples);
    let accounts = make_accounts(&app, (2 * samples + 1).div_ceil(PER_ACCOUNT)).await?;
    let mut legit = Legit {
        app: app.clone(),
        accounts,
        next: 0,
    };
    // Warm-up: the first sign-in pays for caches and connections.
    legit.sign_in().await?;

    let quiet = legit.time(samples).await?;

    let stop = Arc::new(AtomicBool::new(false));
    let tally = Arc::new(FloodTally::default());
    let mut flooders = JoinSet::new();
    for address in 0..u32::from(args.addresses) {
        for client in 0..u32::from(args.clients_per_address) {
            flooders.spawn(flood(
                app.clone(),
                // 10.0.0.0/8.
                Ipv4Addr::from(0x0A00_0000_u32 + address),
                address * 100 + client,
                Arc::clone(&stop),
                Arc::clone(&tally),
            ));
        }
    }
    // Let the queue fill before timing.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let flooded = legit.time(samples).await;
    stop.store(true, Ordering::SeqCst);
    while flooders.join_next().await.is_some() {}
    let flooded = flooded?;
    store.close().await;

    let (quiet_median, quiet_p90) = summary(&quiet.latencies);
    let (flood_median, flood_p90) = summary(&flooded.latencies);
    println!(
        "sign-in, median (p90) of {samples}: without a flood {} ({}), during the flood {} ({}); \
         ratio {:.1}x",
        millis(quiet_median),
        millis(quiet_p90),
        millis(flood_median),
        millis(flood_p90),
        flood_median.as_secs_f64() / quiet_median.as_secs_f64().max(f64::EPSILON),
    );
    println!(
        "sign-ins refused during the flood: {} of {samples}",
        flooded.refused
    );
    let refused = tally.refused.load(Ordering::SeqCst);
    let refused_time = Duration::from_micros(tally.refused_micros.load(Ordering::SeqCst));
    println!(
        "the flood: {} wrong sign-ins from {} addresses ({} clients each): {} checked (401), \
         {} held back by the per-address limit, {refused} refused by the hashing queue at once \
         (429 try_again_shortly, {} on average), {} other answers",
        tally.sent.load(Ordering::SeqCst),
        args.addresses,
        args.clients_per_address,
        tally.checked.load(Ordering::SeqCst),
        tally.limited.load(Ordering::SeqCst),
        millis(refused_time / u32::try_from(refused.max(1)).unwrap_or(u32::MAX)),
        tally.other.load(Ordering::SeqCst),
    );
    Ok(())
}

/// Accounts to sign in as, each made from an address of its own.
async fn make_accounts(app: &Router, count: usize) -> anyhow::Result<Vec<String>> {
    let run = uuid::Uuid::new_v4().simple().to_string();
    let mut names = Vec::with_capacity(count);
    for n in 0..count {
        let name = format!("bench-{}-{n}", &run[..8]);
        let body = serde_json::json!({ "username": name, "password": PASSWORD });
        let address = Ipv4Addr::from(0xC000_0200_u32 + u32::try_from(n)?);
        let status = send(app, "/api/v1/accounts", &address, &body).await?;
        if status != StatusCode::CREATED {
            bail!("signing up {name} answered {status}");
        }
        names.push(name);
    }
    Ok(names)
}

/// The people whose sign-ins are timed, each from a fresh address.
struct Legit {
    app: Router,
    accounts: Vec<String>,
    next: u32,
}

struct Timed {
    latencies: Vec<Duration>,
    refused: usize,
}

impl Legit {
    async fn sign_in(&mut self) -> anyhow::Result<(StatusCode, Duration)> {
        let n = self.next;
        self.next += 1;
        let account = &self.accounts[usize::try_from(n)? / PER_ACCOUNT % self.accounts.len()];
        let body = serde_json::json!({ "username": account, "password": PASSWORD });
        // 198.51.100.0/22: never a flooding address.
        let address = Ipv4Addr::from(0xC633_6400_u32 + n);
        let started = Instant::now();
        let status = send(&self.app, "/api/v1/sessions", &address, &body).await?;
        Ok((status, started.elapsed()))
    }

    async fn time(&mut self, samples: usize) -> anyhow::Result<Timed> {
        let mut timed = Timed {
            latencies: Vec::with_capacity(samples),
            refused: 0,
        };
        for _ in 0..samples {
            let (status, took) = self.sign_in().await?;
            match status {
                StatusCode::CREATED => timed.latencies.push(took),
                StatusCode::TOO_MANY_REQUESTS => timed.refused += 1,
                other => bail!("a sign-in with the right password answered {other}"),
            }
        }
        if timed.latencies.is_empty() {
            bail!("every timed sign-in was refused");
        }
        Ok(timed)
    }
}

#[derive(Default)]
struct FloodTally {
    sent: AtomicU64,
    checked: AtomicU64,
    limited: AtomicU64,
    refused: AtomicU64,
    refused_micros: AtomicU64,
    other: AtomicU64,
}

/// One flooding client: wrong sign-ins one after another until told to stop.
async fn flood(
    app: Router,
    address: Ipv4Addr,
    client: u32,
    stop: Arc<AtomicBool>,
    tally: Arc<FloodTally>,
) {
    let mut n: u32 = 0;
    while !stop.load(Ordering::SeqCst) {
        let body =
            serde_json::json!({ "username": format!("guess{client}x{n}"), "password": "wrong" });
        n += 1;
        let started = Instant::now();
        let answer = send_reading(&app, "/api/v1/sessions", &address, &body).await;
        tally.sent.fetch_add(1, Ordering::SeqCst);
        match answer {
            Ok((StatusCode::UNAUTHORIZED, _)) => {
                tally.checked.fetch_add(1, Ordering::SeqCst);
            }
            Ok((StatusCode::TOO_MANY_REQUESTS, code)) if code != "try_again_shortly" => {
                tally.limited.fetch_add(1, Ordering::SeqCst);
            }
            Ok((StatusCode::TOO_MANY_REQUESTS, _)) => {
                tally.refused.fetch_add(1, Ordering::SeqCst);
                let micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
                tally.refused_micros.fetch_add(micros, Ordering::SeqCst);
            }
            _ => {
                tally.other.fetch_add(1, Ordering::SeqCst);
            }
        }
        // A refusal comes back without the task ever waiting; a real client waits on its
        // network here, and this lets the other tasks (the one timed among them) run.
        tokio::task::yield_now().await;
    }
}

async fn send(
    app: &Router,
    path: &str,
    address: &Ipv4Addr,
    body: &serde_json::Value,
) -> anyhow::Result<StatusCode> {
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header("x-forwarded-for", address.to_string())
        .body(Body::from(body.to_string()))?;
    // The router is always ready; its error type is `Infallible`.
    let response = app.clone().call(request).await?;
    Ok(response.status())
}

/// [`send`], answering the error code of the body too.
async fn send_reading(
    app: &Router,
    path: &str,
    address: &Ipv4Addr,
    body: &serde_json::Value,
) -> anyhow::Result<(StatusCode, String)> {
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header("x-forwarded-for", address.to_string())
        .body(Body::from(body.to_string()))?;
    let response = app.clone().call(request).await?;
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 64 * 1024).await?;
    let code = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|body| body["error"].as_str().map(str::to_owned))
        .unwrap_or_default();
    Ok((status, code))
}

/// The median and the 90th percentile.
fn summary(latencies: &[Duration]) -> (Duration, Duration) {
    let mut sorted = latencies.to_vec();
    sorted.sort();
    let at = |share: f64| {
        let last = sorted.len().saturating_sub(1);
        // Rounded to the nearest index; the lists are short.
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let index = ((last as f64) * share).round() as usize;
        sorted.get(index.min(last)).copied().unwrap_or_default()
    };
    (at(0.5), at(0.9))
}

fn millis(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}
