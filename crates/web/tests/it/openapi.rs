//! The OpenAPI document: served, valid in shape, and true to the routes.

use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::support::TestApp;

#[tokio::test]
async fn the_document_describes_the_minimum_contract() {
    let app = TestApp::builder().start().await;
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
        ("/api/v1/journal", "get"),
        ("/api/v1/journal", "post"),
        ("/api/v1/journal/prompts", "get"),
        ("/api/v1/journal/{entry}", "get"),
        ("/api/v1/journal/{entry}", "put"),
        ("/api/v1/journal/{entry}", "delete"),
        ("/api/v1/spaces/{id}/patterns", "get"),
        ("/api/v1/gentle-start", "post"),
        ("/api/v1/spaces/{id}/repairs", "get"),
        ("/api/v1/spaces/{id}/repairs", "post"),
        ("/api/v1/spaces/{id}/repairs/{repair}", "get"),
        ("/api/v1/spaces/{id}/repairs/{repair}/accept", "post"),
        ("/api/v1/spaces/{id}/repairs/{repair}/acknowledge", "post"),
        (
            "/api/v1/spaces/{id}/repairs/{repair}/responsibility",
            "post",
        ),
        ("/api/v1/spaces/{id}/repairs/{repair}/apology", "post"),
        ("/api/v1/spaces/{id}/repairs/{repair}/promise", "post"),
        ("/api/v1/spaces/{id}/repairs/{repair}/transparency", "post"),
        ("/api/v1/spaces/{id}/repairs/{repair}/advance", "post"),
        ("/api/v1/spaces/{id}/repairs/{repair}/close", "post"),
        ("/api/v1/spaces/{id}/repairs/{repair}/progress", "post"),
        ("/api/v1/spaces/{id}/repairs/log", "get"),
        ("/api/v1/spaces/{id}/repairs/log", "post"),
        ("/api/v1/spaces/{id}/safety", "get"),
        ("/api/v1/spaces/{id}/safety", "put"),
        ("/api/v1/spaces/{id}/safety/pause", "post"),
        ("/api/v1/spaces/{id}/safety/ready", "post"),
        ("/api/v1/spaces/{id}/boundaries", "get"),
        ("/api/v1/spaces/{id}/boundaries", "post"),
        ("/api/v1/spaces/{id}/boundaries/{boundary}", "get"),
        ("/api/v1/spaces/{id}/boundaries/{boundary}", "put"),
        ("/api/v1/spaces/{id}/boundaries/{boundary}", "delete"),
        (
            "/api/v1/spaces/{id}/boundaries/{boundary}/acknowledge",
            "post",
        ),
        (
            "/api/v1/spaces/{id}/boundaries/{boundary}/crossings",
            "post",
        ),
        (
            "/api/v1/spaces/{id}/boundaries/{boundary}/crossings/{crossing}/acknowledge",
            "post",
        ),
        (
            "/api/v1/spaces/{id}/boundaries/{boundary}/crossings/{crossing}/apologise",
            "post",
        ),
        (
            "/api/v1/spaces/{id}/boundaries/{boundary}/crossings/{crossing}/prevention",
            "post",
        ),
        (
            "/api/v1/spaces/{id}/boundaries/{boundary}/crossings/{crossing}/resolve",
            "post",
        ),
        ("/api/v1/spaces/{id}/appreciations", "get"),
        ("/api/v1/spaces/{id}/appreciations", "post"),
        ("/api/v1/spaces/{id}/balance", "get"),
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
    let app = TestApp::builder().start().await;
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
            .replace("{repair}", "00000000-0000-4000-8000-000000000007")
            .replace("{boundary}", "00000000-0000-4000-8000-000000000005")
            .replace("{crossing}", "00000000-0000-4000-8000-000000000006")
            .replace("{token}", "0000")
            .replace("{entry}", "00000000-0000-4000-8000-000000000008")
            .replace("{coach}", "00000000-0000-4000-8000-000000000009")
            .replace("{question}", "00000000-0000-4000-8000-00000000000a");
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

/// Every operation that reads a JSON body documents the answers any body can get before the
/// operation's own rules: too large, not JSON, not of the documented shape.
#[tokio::test]
async fn every_body_refusal_is_documented() {
    let app = TestApp::builder().start().await;
    let document: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let mut with_body = 0;
    for (path, operations) in document["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            if operation["requestBody"].is_null() {
                continue;
            }
            with_body += 1;
            for status in ["413", "415", "422"] {
                assert_eq!(
                    operation["responses"][status]["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/ErrorBody",
                    "{method} {path} does not document {status}"
                );
            }
        }
    }
    assert!(with_body >= 30, "{with_body} operations with a body");
    app.stop().await;
}

/// The rules the server holds text, names and scores to are in the request schemas, where a
/// client (or a test generator such as schemathesis) reads them.
#[tokio::test]
async fn request_schemas_state_the_servers_rules() {
    let app = TestApp::builder().start().await;
    let document: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let schemas = &document["components"]["schemas"];
    let pattern = |schema: &str, property: &str| {
        schemas[schema]["properties"][property]["pattern"]
            .as_str()
            .unwrap_or_else(|| panic!("{schema}.{property} has no pattern"))
            .to_owned()
    };
    let promise = pattern("NewPromiseBody", "text");
    assert!(promise.contains("{0,278}"), "{promise}");
    assert!(promise.contains(r"\x00-\x1F"), "{promise}");
    let journal = pattern("NewEntryBody", "text");
    assert!(
        journal.contains(r"\r?\n") && journal.contains("{0,9998}"),
        "{journal}"
    );
    assert!(pattern("RitualBody", "start").contains("2[0-3]"));
    assert_eq!(
        schemas["RitualBody"]["properties"]["weekdays"]["minItems"],
        1
    );
    assert_eq!(
        schemas["NewAccountBody"]["properties"]["password"]["minLength"],
        8
    );
    // The seven steps, and null: the field is optional.
    let step = &schemas["DraftBody"]["properties"]["step"]["enum"];
    assert_eq!(step.as_array().map(Vec::len), Some(8), "{step}");
    assert!(
        step.as_array()
            .is_some_and(|all| all.contains(&Value::Null))
    );
    // The steps after a miss name their choices.
    let ask = &schemas["AskBody"]["properties"]["ask"]["enum"];
    assert_eq!(ask.as_array().map(Vec::len), Some(4), "{ask}");
    let state = &schemas["ForgivenessBody"]["properties"]["state"]["enum"];
    assert_eq!(state.as_array().map(Vec::len), Some(3), "{state}");
    let answer = pattern("LandingBody", "answer");
    assert!(answer.contains("landed|not_yet"), "{answer}");
    assert!(pattern("PromiseApologyBody", "text").contains("{0,1998}"));
    let felt = &schemas["DraftBody"]["properties"]["felt_trust"];
    assert_eq!(
        felt["propertyNames"]["enum"].as_array().map(Vec::len),
        Some(9)
    );
    assert_eq!(felt["additionalProperties"]["maximum"], 6);
    app.stop().await;
}

/// JSON Schema counts `3.0` as an integer, so the API takes it where the document says
/// `integer`; a fraction is still refused, and so is a number where text belongs.
#[tokio::test]
async fn whole_numbers_with_a_point_are_integers() {
    use crate::support::api::call;
    use crate::support::people::couple;
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ada", "bella").await;
    let path = format!("/api/v1/spaces/{}/promises", us.space);
    let made = call(
        &app,
        &us.a,
        Method::POST,
        &path,
        Some(serde_json::json!({ "text": "Call the plumber", "stakes": 3.0 })),
    )
    .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let id = made.created_id();
    let shown = call(&app, &us.a, Method::GET, &format!("{path}/{id}"), None).await;
    assert_eq!(shown.ok()["stakes"], 3, "{}", shown.body);
    for body in [
        serde_json::json!({ "text": "Call the plumber", "stakes": 2.5 }),
        serde_json::json!({ "text": 4.0, "stakes": 2 }),
    ] {
        call(&app, &us.a, Method::POST, &path, Some(body))
            .await
            .refused(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    }
    app.stop().await;
}

/// A new token needs the password again; a body with only the password makes an unnamed token,
/// and no body or `null` is refused.
#[tokio::test]
async fn a_token_body_with_only_the_password_makes_an_unnamed_token() {
    let app = TestApp::builder().start().await;
    let cookie = app.sign_up("ada", crate::support::people::PASSWORD).await;
    let made = app
        .api(
            Method::POST,
            "/api/v1/tokens",
            Some(serde_json::json!({ "password": crate::support::people::PASSWORD })),
            Some(&cookie),
        )
        .await;
    assert_eq!(made.status(), StatusCode::CREATED);
    // No body, or `null`, no longer makes a token: the password is asked for again.
    let no_body = app
        .api(Method::POST, "/api/v1/tokens", None, Some(&cookie))
        .await;
    assert_eq!(no_body.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let null = app
        .api(
            Method::POST,
            "/api/v1/tokens",
            Some(Value::Null),
            Some(&cookie),
        )
        .await;
    assert_eq!(null.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let listed: Value = app
        .api(Method::GET, "/api/v1/tokens", None, Some(&cookie))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed["tokens"][0]["label"], "", "{listed}");
    let refused = app
        .api(
            Method::POST,
            "/api/v1/tokens",
            Some(serde_json::json!(["not", "an", "object"])),
            Some(&cookie),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}
