//! The partner reads the figures (issue 14, item 1): signed out or in, the public address has no
//! `/metrics`; and whoever does read them, on the operator's listener (at home often one of the
//! two partners), cannot tell the other's visits to help, the journal, the safety question,
//! leaving, deleting their account or their export from visits to ordinary pages.

use reqwest::{Method, StatusCode};
use serde_json::json;
use steadfast_store::Backend;

use crate::support::TestApp;
use crate::support::api::call;
use crate::support::people::{Couple, couple};

/// The lines counting requests: what this app counted, nothing another test's app did.
fn request_counts(metrics: &str) -> String {
    metrics
        .lines()
        .filter(|line| line.contains("steadfast_http_requests_total"))
        .collect::<Vec<_>>()
        .join("\n")
}

async fn visit(app: &TestApp, us: &Couple, path: &str) {
    let response = app.get_as(path, &us.a.cookie).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
}

async fn write(app: &TestApp, us: &Couple, method: Method, path: &str, body: serde_json::Value) {
    let answer = call(app, &us.a, method, path, Some(body)).await;
    assert!(answer.status.is_success(), "{path}: {answer:?}");
}

/// Everything a controlling partner would want to watch for.
async fn private_visits(app: &TestApp, us: &Couple) {
    let space = &us.space;
    visit(app, us, "/help").await;
    visit(app, us, "/journal").await;
    let entry = json!({ "text": "I am thinking of leaving" });
    write(app, us, Method::POST, "/api/v1/journal", entry).await;
    let answer = json!({ "afraid": true, "pressured": true, "unsafe_now": false });
    let safety = format!("/api/v1/spaces/{space}/safety");
    write(app, us, Method::PUT, &safety, answer).await;
    visit(app, us, &format!("/spaces/{space}/safety")).await;
    visit(app, us, &format!("/spaces/{space}/leave")).await;
    visit(app, us, "/account/delete").await;
    visit(app, us, "/account/export").await;
    let export = call(app, &us.a, Method::GET, "/api/v1/export", None).await;
    assert_eq!(export.status, StatusCode::OK);
}

/// As many ordinary visits, of the same kinds, with the same methods and outcomes.
async fn ordinary_visits(app: &TestApp, us: &Couple) {
    let space = &us.space;
    visit(app, us, "/spaces").await;
    visit(app, us, &format!("/spaces/{space}/promises")).await;
    let promise = json!({ "text": "call at lunch", "stakes": 1 });
    let promises = format!("/api/v1/spaces/{space}/promises");
    write(app, us, Method::POST, &promises, promise).await;
    let consent = format!("/api/v1/spaces/{space}/record/consent");
    write(app, us, Method::PUT, &consent, json!({})).await;
    visit(app, us, &format!("/spaces/{space}/rituals")).await;
    visit(app, us, &format!("/spaces/{space}/record")).await;
    visit(app, us, "/account").await;
    visit(app, us, &format!("/spaces/{space}/appreciations")).await;
    let spaces = call(app, &us.a, Method::GET, "/api/v1/spaces", None).await;
    assert_eq!(spaces.status, StatusCode::OK);
}

#[tokio::test]
async fn the_public_address_has_no_metrics_signed_out_or_in() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        assert_eq!(app.get("/metrics").await.status(), StatusCode::NOT_FOUND);
        let us = couple(&app, "hana", "piotr").await;
        let signed_in = app.get_as("/metrics", &us.b.cookie).await;
        assert_eq!(signed_in.status(), StatusCode::NOT_FOUND, "{backend:?}");
        let by_token = call(&app, &us.b, Method::GET, "/metrics", None).await;
        assert_eq!(by_token.status, StatusCode::NOT_FOUND, "{backend:?}");
        // The operator's listener serves them, and nothing else.
        assert!(
            app.metrics()
                .await
                .contains("steadfast_http_requests_total")
        );
        let elsewhere = app
            .client
            .get(format!("http://{}/", app.metrics_address))
            .send()
            .await
            .unwrap();
        assert_eq!(elsewhere.status(), StatusCode::NOT_FOUND, "{backend:?}");
        app.stop().await;
    }
}

#[tokio::test]
async fn the_metrics_cannot_tell_private_visits_from_ordinary_ones() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let (Some(watched), Some(ordinary)) = (
            TestApp::builder().start_on(backend).await,
            TestApp::builder().start_on(backend).await,
        ) else {
            continue;
        };
        let us_watched = couple(&watched, "hana", "piotr").await;
        let us_ordinary = couple(&ordinary, "hana", "piotr").await;
        let before = request_counts(&watched.metrics().await);
        assert_eq!(
            before,
            request_counts(&ordinary.metrics().await),
            "{backend:?}: the same set-up counts the same"
        );

        private_visits(&watched, &us_watched).await;
        ordinary_visits(&ordinary, &us_ordinary).await;

        let after = watched.metrics().await;
        assert_ne!(
            request_counts(&after),
            before,
            "{backend:?}: the visits were counted"
        );
        assert_eq!(
            request_counts(&after),
            request_counts(&ordinary.metrics().await),
            "{backend:?}: the figures tell the private visits apart"
        );
        // Nothing in the whole text names a route or a path, private or not.
        for word in [
            "/", "route", "help\"", "journal", "safety", "leave", "delete", "export",
        ] {
            assert!(!after.contains(word), "{backend:?}: {word:?} in\n{after}");
        }
        ordinary.stop().await;
        watched.stop().await;
    }
}
