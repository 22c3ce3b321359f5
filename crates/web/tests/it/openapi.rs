//! The OpenAPI document: served, valid in shape, and true to the routes.

use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::support::TestApp;

#[tokio::test]
async fn the_document_describes_the_minimum_contract() {
    let app = TestApp::sqlite().await;
    let response = app.get("/api/v1/openapi.json").await;
    assert_eq!(response.status(), StatusCode::OK);
    let document: Value = response.json().await.unwrap();
    assert!(
        document["openapi"]
            .as_str()
            .is_some_and(|version| version.starts_with("3.1"))
    );
    assert_eq!(document["info"]["title"], "Steadfast API");
    for (path, method) in [
        ("/api/v1/accounts", "post"),
        ("/api/v1/sessions", "post"),
        ("/api/v1/tokens", "post"),
        ("/api/v1/me", "get"),
        ("/api/v1/spaces", "post"),
        ("/api/v1/spaces/{id}", "get"),
        ("/api/v1/spaces/{id}/invites", "post"),
        ("/api/v1/invites/{token}/accept", "post"),
        ("/api/v1/spaces/{id}/leave", "post"),
        ("/api/v1/spaces/{id}/promises", "post"),
        ("/api/v1/spaces/{id}/promises/{promise}/done", "post"),
        ("/api/v1/spaces/{id}/promises/{promise}/kept", "post"),
        ("/api/v1/spaces/{id}/promises/{promise}/broken", "post"),
        ("/api/v1/spaces/{id}/promises/{promise}/renegotiate", "post"),
        ("/api/v1/spaces/{id}/record/consent", "put"),
        ("/api/v1/spaces/{id}/record/consent", "delete"),
        ("/api/v1/spaces/{id}/record", "get"),
        ("/api/v1/spaces/{id}/checkins", "get"),
        ("/api/v1/spaces/{id}/checkins", "post"),
        ("/api/v1/spaces/{id}/checkins/{checkin}", "get"),
        ("/api/v1/spaces/{id}/checkins/{checkin}/draft", "put"),
        ("/api/v1/spaces/{id}/checkins/{checkin}/submit", "post"),
        ("/api/v1/spaces/{id}/checkins/{checkin}/break", "post"),
        ("/api/v1/spaces/{id}/checkins/{checkin}/break", "delete"),
        ("/api/v1/spaces/{id}/checkins/trend", "get"),
        ("/api/v1/spaces/{id}/rituals", "get"),
        ("/api/v1/spaces/{id}/rituals", "post"),
        ("/api/v1/spaces/{id}/rituals/{ritual}", "get"),
        ("/api/v1/spaces/{id}/rituals/{ritual}", "put"),
        ("/api/v1/spaces/{id}/rituals/{ritual}", "delete"),
        ("/api/v1/spaces/{id}/time-zone", "put"),
        ("/api/v1/spaces/{id}/daily", "get"),
        ("/api/v1/spaces/{id}/daily", "put"),
        ("/api/v1/spaces/{id}/reminders", "get"),
        ("/api/v1/me/reminder-email", "put"),
        ("/api/v1/calendar-feed", "post"),
        ("/api/v1/calendar-feed", "put"),
        ("/api/v1/calendar-feed", "delete"),
    ] {
        let operation = &document["paths"][path][method];
        assert!(operation.is_object(), "{method} {path} is not documented");
        assert!(
            operation["description"]
                .as_str()
                .is_some_and(|text| !text.is_empty())
                || operation["summary"]
                    .as_str()
                    .is_some_and(|text| !text.is_empty()),
            "{method} {path} has no description"
        );
    }
    let schemes = &document["components"]["securitySchemes"];
    assert_eq!(schemes["token"]["scheme"], "bearer");
    assert_eq!(schemes["session"]["in"], "cookie");
    app.stop().await;
}

#[tokio::test]
async fn every_documented_operation_is_routed() {
    let app = TestApp::sqlite().await;
    let document: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let paths = document["paths"].as_object().unwrap();
    assert!(paths.len() >= 12, "{} paths", paths.len());
    for (path, operations) in paths {
        let concrete = path
            .replace("{id}", "00000000-0000-4000-8000-000000000000")
            .replace("{invite}", "00000000-0000-4000-8000-000000000001")
            .replace("{promise}", "00000000-0000-4000-8000-000000000002")
            .replace("{ritual}", "00000000-0000-4000-8000-000000000003")
            .replace("{checkin}", "00000000-0000-4000-8000-000000000004")
            .replace("{token}", "0000");
        assert!(
            !concrete.contains('{'),
            "{path} has a parameter this test does not fill in"
        );
        for method in operations.as_object().unwrap().keys() {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            // Without credentials: a routed operation refuses or validates, but does not answer
            // as the catch-all for unknown paths does.
            let response = app.api(method.clone(), &concrete, None, None).await;
            let status = response.status();
            let body: Value = response.json().await.unwrap_or(Value::Null);
            assert!(
                status != StatusCode::METHOD_NOT_ALLOWED
                    && !(status == StatusCode::NOT_FOUND && body["error"] == "not_found"),
                "{method} {path} is documented but not routed ({status} {body})"
            );
        }
    }
    app.stop().await;
}
