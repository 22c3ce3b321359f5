//! Two instances of the application on one PostgreSQL database, as behind a load balancer: each
//! has its own connections and its own cached ledgers, and neither may lose the other's writes
//! or show a stale page. Runs only when a PostgreSQL test server is configured.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use steadfast_core::{SpaceId, StreamId};
use steadfast_store::Backend;
use tokio::task::JoinSet;

use crate::support::TestApp;
use crate::support::api::call;
use crate::support::pages::page;
use crate::support::people::{Person, couple};

/// How many promises each partner makes at once, each through their own instance.
const EACH: usize = 20;
/// When every promise here is due: a week after the test clock's now.
const DUE: &str = "2026-11-25T12:00:00Z";

/// A promise from `who` through `app`, due next week.
async fn promise(app: &TestApp, who: &Person, space: &str, text: String) {
    let made = call(
        app,
        who,
        Method::POST,
        &format!("/api/v1/spaces/{space}/promises"),
        Some(json!({ "text": text, "stakes": 2, "due": DUE })),
    )
    .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
}

/// The texts of the promises `who` is shown through `app`'s API.
async fn listed(app: &TestApp, who: &Person, space: &str) -> Vec<String> {
    let list = call(
        app,
        who,
        Method::GET,
        &format!("/api/v1/spaces/{space}/promises"),
        None,
    )
    .await;
    let mut texts: Vec<String> = list.ok()["promises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|promise: &Value| promise["text"].as_str().unwrap().to_owned())
        .collect();
    texts.sort();
    texts
}

#[tokio::test]
#[ignore = "needs PostgreSQL (STEADFAST_TEST_DATABASE_URL): scripts/test runs it"]
async fn partners_on_two_instances_lose_no_update_and_see_each_other_at_once() {
    let one = TestApp::builder()
        .start_on(Backend::Postgres)
        .await
        .expect("STEADFAST_TEST_DATABASE_URL names the PostgreSQL test server");
    let two = TestApp::builder().beside(&one).start().await;
    let couple = couple(&one, "ash", "bea").await;
    let space = couple.space.as_str();
    let promises_page = format!("/spaces/{space}/promises");

    // Both instances have folded the space for both partners before anything is written, so
    // a stale cache would show.
    for app in [&one, &two] {
        for who in [&couple.a, &couple.b] {
            assert!(listed(app, who, space).await.is_empty());
            assert_eq!(
                page(app, &promises_page, &who.cookie).await.0,
                StatusCode::OK
            );
        }
    }

    // Ash writes through one, Bea through two, all at the same time.
    let mut writes = JoinSet::new();
    for n in 0..EACH {
        for (app, who, name) in [(&one, &couple.a, "ash"), (&two, &couple.b, "bea")] {
            let request = app
                .client
                .post(app.url(&format!("/api/v1/spaces/{space}/promises")))
                .bearer_auth(who.token())
                .json(&json!({
                    "text": format!("{name} keeps word {n:02}"),
                    "stakes": 2,
                    "due": DUE,
                }));
            writes.spawn(async move { request.send().await.unwrap().status() });
        }
    }
    while let Some(status) = writes.join_next().await {
        assert_eq!(status.unwrap(), StatusCode::CREATED);
    }

    let mut expected: Vec<String> = (0..EACH)
        .flat_map(|n| {
            [
                format!("ash keeps word {n:02}"),
                format!("bea keeps word {n:02}"),
            ]
        })
        .collect();
    expected.sort();
    for app in [&one, &two] {
        for who in [&couple.a, &couple.b] {
            assert_eq!(listed(app, who, space).await, expected, "{}", who.name);
        }
    }

    // Nothing was written twice or lost between the head's move and the insert.
    let space_id: SpaceId = space.parse().unwrap();
    let stream = StreamId::Space(space_id);
    let events = one.store.read(stream, 1).await.unwrap();
    let head = one.store.head(stream).await.unwrap();
    assert_eq!(
        head,
        events.len() as u64,
        "the head is the number of events"
    );
    assert!(events.len() >= 2 * EACH, "one event at least per promise");

    // A change through one instance shows on a page the other serves, on the next request.
    promise(&one, &couple.a, space, "ash waters the plants".to_owned()).await;
    let (status, body) = page(&two, &promises_page, &couple.b.cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("ash waters the plants"), "{body}");
    let (_, body) = page(&two, &promises_page, &couple.a.cookie).await;
    assert!(body.contains("ash waters the plants"), "{body}");

    promise(&two, &couple.b, space, "bea calls her sister".to_owned()).await;
    let (status, body) = page(&one, &promises_page, &couple.a.cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("bea calls her sister"), "{body}");

    two.stop().await;
    one.stop().await;
}
