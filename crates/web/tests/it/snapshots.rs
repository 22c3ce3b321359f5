//! The API's contract as reviewed snapshots: the whole OpenAPI document, and representative
//! answers (a promise as made and after a step, a space, a refusal, the record). A change to any of
//! them fails here until its new snapshot is reviewed and committed (see CONTRIBUTING.md), so an
//! API change is always a diff someone read. Ids and times differ between runs and are redacted.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::TestApp;
use crate::support::api::call;
use crate::support::people::couple;

/// Ids and instants vary from run to run; everything else in an answer is the contract.
fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings
}

fn redacted(mut value: Value) -> Value {
    redact(&mut value);
    value
}

fn redact(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            for (name, field) in fields.iter_mut() {
                let is_id = name == "id" || name.ends_with("_id") || name == "token";
                let is_time = name.ends_with("_at") || name == "due" || name == "at";
                match field {
                    Value::String(_) if is_id => *field = json!("[id]"),
                    Value::String(_) if is_time => *field = json!("[time]"),
                    Value::Array(items) if name.ends_with("_ids") || name == "members" => {
                        for item in items.iter_mut() {
                            if item.is_string() {
                                *item = json!("[id]");
                            } else {
                                redact(item);
                            }
                        }
                    }
                    other => redact(other),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact),
        _ => {}
    }
}

#[tokio::test]
async fn the_openapi_document_is_the_reviewed_one() {
    let app = TestApp::builder().start().await;
    let response = app.get("/api/v1/openapi.json").await;
    assert_eq!(response.status(), StatusCode::OK);
    let document: Value = response.json().await.unwrap();
    settings().bind(|| insta::assert_json_snapshot!("openapi", document));
    app.stop().await;
}

#[tokio::test]
async fn representative_answers_are_the_reviewed_ones() {
    let app = TestApp::builder().start().await;
    let c = couple(&app, "ola", "jan").await;
    let space = call(
        &app,
        &c.a,
        Method::GET,
        &format!("/api/v1/spaces/{}", c.space),
        None,
    )
    .await;
    let made = call(
        &app,
        &c.a,
        Method::POST,
        &format!("/api/v1/spaces/{}/promises", c.space),
        Some(json!({ "text": "Call when I am late", "stakes": 2, "domain": "time" })),
    )
    .await;
    let promise = made.created_id();
    let done = call(
        &app,
        &c.a,
        Method::POST,
        &format!("/api/v1/spaces/{}/promises/{promise}/done", c.space),
        None,
    )
    .await;
    let refused = call(
        &app,
        &c.a,
        Method::POST,
        &format!("/api/v1/spaces/{}/promises/{promise}/kept", c.space),
        Some(json!({ "stakes": 2 })),
    )
    .await;
    let too_long = call(
        &app,
        &c.b,
        Method::POST,
        &format!("/api/v1/spaces/{}/promises", c.space),
        Some(json!({ "text": "x".repeat(281), "stakes": 2 })),
    )
    .await;
    let record = call(
        &app,
        &c.b,
        Method::GET,
        &format!("/api/v1/spaces/{}/record", c.space),
        None,
    )
    .await;
    let answers = json!({
        "space": { "status": space.status.as_u16(), "body": redacted(space.body) },
        "promise_made": { "status": made.status.as_u16(), "body": redacted(made.body) },
        "promise_done": { "status": done.status.as_u16(), "body": redacted(done.body) },
        "kept_by_the_promiser": { "status": refused.status.as_u16(), "body": refused.body },
        "text_too_long": { "status": too_long.status.as_u16(), "body": too_long.body },
        "record_before_consent": { "status": record.status.as_u16(), "body": record.body },
    });
    settings().bind(|| insta::assert_json_snapshot!("api_answers", answers));
    app.stop().await;
}
