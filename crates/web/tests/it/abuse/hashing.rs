//! The password-hashing thread is shared by everyone (issue 14, item 10). A partner with a few
//! machines — or a botnet — floods wrong sign-ins from sixty addresses at once, each within the
//! per-address rate limit, to keep the hashing thread busy so that nobody else gets in. Their
//! excess is refused at once (429 `try_again_shortly`, never a 500, never a hang), and another
//! couple signing in from a fresh address meanwhile is admitted and signs in.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use reqwest::{StatusCode, header};
use serde_json::json;
use steadfast_app::passwords::PasswordCost;
use steadfast_store::Backend;
use steadfast_web::WebConfig;
use tokio::task::JoinSet;

use crate::support::TestApp;
use crate::support::app::test_clock;
use crate::support::people::PASSWORD;

const FLOODING_ADDRESSES: u8 = 60;
/// Requests each flooding address keeps in flight at once.
const WORKERS_PER_ADDRESS: u8 = 4;
/// Attempts per worker: 4 × 6 = 24 per address, inside the per-address sign-in limit (30), so
/// every refusal below comes from the hashing queue, not the rate limiter.
const ATTEMPTS_PER_WORKER: u8 = 6;
/// Longer than any answer may take: a request still unanswered by then is hanging.
const PATIENCE: Duration = Duration::from_secs(30);

/// What the flood got back.
#[derive(Default)]
struct Tally {
    wrong: AtomicUsize,
    crowded: AtomicUsize,
    other: AtomicUsize,
}

/// Kept here, not in `support::people`: it signs in from a given forwarded address and gives up
/// after `PATIENCE`, which only the flood needs.
async fn sign_in_from(
    app: &TestApp,
    address: &str,
    name: &str,
    password: &str,
) -> reqwest::Response {
    let request = app
        .client
        .post(app.url("/api/v1/sessions"))
        .header("x-forwarded-for", address)
        .json(&json!({ "username": name, "password": password }))
        .send();
    tokio::time::timeout(PATIENCE, request)
        .await
        .expect("answered, not hanging")
        .expect("a response")
}

/// One flooding worker: wrong sign-ins under made-up names (so no per-name limit stops it)
/// until its attempts are spent or the test is done.
async fn flood(
    app: Arc<TestApp>,
    address: String,
    worker: u8,
    done: Arc<AtomicBool>,
    tally: Arc<Tally>,
) {
    for attempt in 0..ATTEMPTS_PER_WORKER {
        if done.load(Ordering::SeqCst) {
            return;
        }
        let name = format!("guess{worker}x{attempt}x{}", address.replace('.', "y"));
        let response = sign_in_from(&app, &address, &name, "not the password at all").await;
        match response.status() {
            StatusCode::UNAUTHORIZED => {
                tally.wrong.fetch_add(1, Ordering::SeqCst);
            }
            StatusCode::TOO_MANY_REQUESTS => {
                assert_eq!(
                    response
                        .headers()
                        .get(header::RETRY_AFTER)
                        .map(|value| value.as_bytes()),
                    Some(&b"1"[..]),
                    "a refusal says when to try again"
                );
                let body: serde_json::Value = response.json().await.expect("a JSON error");
                assert_eq!(body["error"], "try_again_shortly", "{body}");
                tally.crowded.fetch_add(1, Ordering::SeqCst);
            }
            other => {
                eprintln!("unexpected answer to the flood: {other}");
                tally.other.fetch_add(1, Ordering::SeqCst);
            }
        }
    }
}

#[tokio::test]
async fn a_flood_of_wrong_sign_ins_from_many_addresses_is_refused_at_once_and_another_couple_gets_in()
 {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let clock = test_clock();
        let config = WebConfig {
            // Real hashes: with the cheap test setting the thread keeps up with any flood.
            password_cost: PasswordCost::Production,
            client_address_header: Some(header::HeaderName::from_static("x-forwarded-for")),
            ..TestApp::test_config(&clock)
        };
        let Some(app) = TestApp::builder().config(config).start_on(backend).await else {
            continue;
        };
        let app = Arc::new(app);
        // Another couple's account, made before the flood.
        app.sign_up("robin", PASSWORD).await;

        let done = Arc::new(AtomicBool::new(false));
        let tally = Arc::new(Tally::default());
        let mut flooders = JoinSet::new();
        for address in 0..FLOODING_ADDRESSES {
            for worker in 0..WORKERS_PER_ADDRESS {
                flooders.spawn(flood(
                    Arc::clone(&app),
                    format!("198.18.{address}.1"),
                    worker,
                    Arc::clone(&done),
                    Arc::clone(&tally),
                ));
            }
        }
        // Wait until the queue is full enough to refuse.
        let refused = tokio::time::timeout(PATIENCE, async {
            while tally.crowded.load(Ordering::SeqCst) == 0 {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        })
        .await;
        assert!(
            refused.is_ok(),
            "{backend:?}: the flood was never refused; it all waited in the queue ({} wrong so far)",
            tally.wrong.load(Ordering::SeqCst)
        );

        // While the flood goes on, Robin signs in from home, an address of their own.
        let robin = sign_in_from(&app, "192.0.2.44", "robin", PASSWORD).await;
        assert_eq!(
            robin.status(),
            StatusCode::CREATED,
            "{backend:?}: Robin is admitted"
        );

        // A form sent too many times at once from one address comes back to be sent again,
        // with the name kept and the password not.
        let mut burst = JoinSet::new();
        for _ in 0..6 {
            let app = Arc::clone(&app);
            burst.spawn(async move {
                let response = app
                    .client
                    .post(app.url("/sign-in"))
                    .header("sec-fetch-site", "same-origin")
                    .header("origin", app.url(""))
                    .header("x-forwarded-for", "192.0.2.45")
                    .form(&[
                        ("username", "sam-at-home"),
                        ("password", "typed in a hurry"),
                    ])
                    .send();
                let response = tokio::time::timeout(PATIENCE, response)
                    .await
                    .expect("answered, not hanging")
                    .expect("a response");
                let status = response.status();
                let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
                (status, retry_after, response.text().await.expect("a page"))
            });
        }
        let mut sent_back = 0;
        while let Some(answer) = burst.join_next().await {
            let (status, retry_after, page) = answer.expect("the burst");
            match status {
                StatusCode::UNAUTHORIZED => {}
                StatusCode::TOO_MANY_REQUESTS => {
                    assert_eq!(
                        retry_after.as_ref().map(|value| value.as_bytes()),
                        Some(&b"1"[..])
                    );
                    assert!(page.contains("Please enter it again in a moment"), "{page}");
                    assert!(page.contains(r#"value="sam-at-home""#), "the name is kept");
                    assert!(!page.contains("typed in a hurry"), "the password is not");
                    sent_back += 1;
                }
                other => panic!("{backend:?}: unexpected answer to the burst: {other}"),
            }
        }
        assert!(
            sent_back > 0,
            "{backend:?}: one address gets no more than its share"
        );

        done.store(true, Ordering::SeqCst);
        while let Some(flooder) = flooders.join_next().await {
            flooder.expect("a flooding worker");
        }
        assert_eq!(
            tally.other.load(Ordering::SeqCst),
            0,
            "{backend:?}: only 401 and 429"
        );
        assert!(
            tally.wrong.load(Ordering::SeqCst) > 0,
            "{backend:?}: the flood was checked too"
        );

        // Once it is over, the queue is empty again: a sign-in from a flooding address works.
        let after = sign_in_from(&app, "198.18.0.1", "robin", PASSWORD).await;
        assert_eq!(after.status(), StatusCode::CREATED, "{backend:?}");
        if let Ok(app) = Arc::try_unwrap(app) {
            app.stop().await;
        }
    }
}
