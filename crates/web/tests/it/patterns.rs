//! Patterns and red flags over HTTP: shown to the person who would be hurt on their page, in the
//! API and in their export; nothing of them reaches the partner (no count, no hint); another
//! couple is told the space does not exist.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use steadfast_web::WebConfig;

use crate::support::api::call;
use crate::support::app::test_clock;
use crate::support::people::{Couple, Person, couple};
use crate::support::{TestApp, api};

/// `promiser` makes a promise to their partner, who records it broken.
async fn breach(app: &TestApp, promiser: &Person, receiver: &Person, space: &str, deception: bool) {
    let made = call(
        app,
        promiser,
        Method::POST,
        &format!("/api/v1/spaces/{space}/promises"),
        Some(json!({ "text": "be home by nine", "stakes": 2 })),
    )
    .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let id = made.body["id"].as_str().unwrap();
    let broken = call(
        app,
        receiver,
        Method::POST,
        &format!("/api/v1/spaces/{space}/promises/{id}/broken"),
        Some(json!({ "severity": 3, "deception": deception })),
    )
    .await;
    assert_eq!(broken.ok()["status"], "broken");
}

async fn patterns(app: &TestApp, who: &Person, space: &str) -> Value {
    call(
        app,
        who,
        Method::GET,
        &format!("/api/v1/spaces/{space}/patterns"),
        None,
    )
    .await
    .ok()
    .clone()
}

async fn export(app: &TestApp, who: &Person) -> Value {
    serde_json::from_str(&api::export(app, who).await).unwrap()
}

fn helped_app_config() -> WebConfig {
    WebConfig {
        help_resources: vec![("Safe line".to_owned(), "+48 800 000 000".to_owned())],
        ..TestApp::test_config(&test_clock())
    }
}

#[tokio::test]
async fn repeated_hurt_shows_to_the_receiver_and_leaves_no_trace_for_the_partner() {
    let app = TestApp::builder().config(helped_app_config()).start().await;
    let Couple { a, b, space } = couple(&app, "alex", "sam").await;
    // Sam broke promises to Alex; Alex recorded them.
    breach(&app, &b, &a, &space, false).await;
    breach(&app, &b, &a, &space, true).await;
    let before = patterns(&app, &a, &space).await;
    assert_eq!(before["patterns"], json!([]), "two are below the threshold");
    let partner_before = app
        .get_as(&format!("/spaces/{space}/patterns"), &b.cookie)
        .await
        .text()
        .await
        .unwrap();
    breach(&app, &b, &a, &space, true).await;

    let mine = patterns(&app, &a, &space).await;
    let kinds: Vec<&str> = mine["patterns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["repeated_hurt", "repeated_deception"]);
    assert_eq!(mine["patterns"][0]["evidence"].as_array().unwrap().len(), 3);
    assert_eq!(mine["help"][0]["label"], "Safe line");
    assert_eq!(mine["help_page"], "/help");

    let page = app
        .get_as(&format!("/spaces/{space}/patterns"), &a.cookie)
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Several promises to you were not kept lately"));
    assert!(html.contains("+48 800 000 000"));
    assert!(html.contains("href=\"/help\""));
    for label in ["gaslighting", "abuse", "abusive", "narcissis"] {
        assert!(!html.to_lowercase().contains(label), "{label}");
    }
    let exported = export(&app, &a).await;
    assert_eq!(
        exported["spaces"][0]["patterns"][0]["kind"],
        "repeated_hurt"
    );

    // Sam: the same empty answer as before, on the page, in the API and in the export.
    assert_eq!(patterns(&app, &b, &space).await["patterns"], json!([]));
    let partner_after = app
        .get_as(&format!("/spaces/{space}/patterns"), &b.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        partner_before, partner_after,
        "not a byte changed for the partner"
    );
    assert!(partner_after.contains("Nothing here repeats"));
    let theirs = export(&app, &b).await;
    assert_eq!(theirs["spaces"][0]["patterns"], json!([]));
    // The space's page links to the patterns for both, the same way.
    for who in [&a, &b] {
        let html = app
            .get_as(&format!("/spaces/{space}"), &who.cookie)
            .await
            .text()
            .await
            .unwrap();
        assert!(html.contains(&format!("/spaces/{space}/patterns")));
    }
    app.stop().await;
}

#[tokio::test]
async fn another_couple_and_strangers_are_refused() {
    let app = TestApp::builder().start().await;
    let ours = couple(&app, "alex", "sam").await;
    let other = couple(&app, "kim", "lee").await;
    let path = format!("/api/v1/spaces/{}/patterns", ours.space);
    call(&app, &other.a, Method::GET, &path, None)
        .await
        .refused(StatusCode::NOT_FOUND, "not_found");
    call(
        &app,
        &other.a,
        Method::GET,
        "/api/v1/spaces/not-a-space/patterns",
        None,
    )
    .await
    .refused(StatusCode::NOT_FOUND, "not_found");
    let page = app
        .get_as(&format!("/spaces/{}/patterns", ours.space), &other.b.cookie)
        .await;
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    let anonymous = app.api(Method::GET, &path, None, None).await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let anonymous_page = app.get(&format!("/spaces/{}/patterns", ours.space)).await;
    assert!(
        anonymous_page.status().is_redirection()
            || anonymous_page.status() == StatusCode::UNAUTHORIZED
    );
    app.stop().await;
}

#[tokio::test]
async fn a_boundary_crossed_twice_shows_to_its_owner_from_the_boundaries_own_events() {
    let app = TestApp::builder().start().await;
    let Couple { a, b, space } = couple(&app, "alex", "sam").await;
    let proposed = call(
        &app,
        &a,
        Method::POST,
        &format!("/api/v1/spaces/{space}/boundaries"),
        Some(json!({ "text": "My phone stays mine" })),
    )
    .await;
    assert_eq!(proposed.status, StatusCode::CREATED, "{}", proposed.body);
    let boundary = proposed.body["id"].as_str().unwrap().to_owned();
    let base = format!("/api/v1/spaces/{space}/boundaries/{boundary}");
    let acknowledged = call(&app, &b, Method::POST, &format!("{base}/acknowledge"), None).await;
    assert!(acknowledged.status.is_success(), "{}", acknowledged.body);
    // Sam reports crossing it, honestly, once; then Alex reports it a second time.
    for who in [&b, &a] {
        let reported = call(
            &app,
            who,
            Method::POST,
            &format!("{base}/crossings"),
            Some(json!({})),
        )
        .await;
        assert_eq!(reported.status, StatusCode::CREATED, "{}", reported.body);
        if std::ptr::eq(who, &b) {
            assert_eq!(patterns(&app, &a, &space).await["patterns"], json!([]));
        }
    }
    let mine = patterns(&app, &a, &space).await;
    assert_eq!(mine["patterns"][0]["kind"], "boundary_crossed_again");
    assert_eq!(
        mine["patterns"][0]["boundary"]["text"],
        "My phone stays mine"
    );
    assert_eq!(mine["patterns"][0]["evidence"].as_array().unwrap().len(), 2);
    assert_eq!(patterns(&app, &b, &space).await["patterns"], json!([]));
    app.stop().await;
}

#[tokio::test]
async fn hard_check_ins_read_only_the_persons_own_answers_and_tell_no_values() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "alex", "sam").await;
    complete_check_ins(&app, &us, &[(-3, 4); 3]).await;
    let path = format!("/api/v1/spaces/{}/patterns", us.space);
    let alex = call(&app, &us.a, Method::GET, &path, None).await;
    let body = alex.ok().clone();
    assert_eq!(body["patterns"][0]["kind"], "hard_check_ins");
    // Only what it is and Alex's own answers as evidence: never a value.
    let fields: Vec<&String> = body["patterns"][0].as_object().unwrap().keys().collect();
    assert_eq!(fields, ["boundary", "evidence", "kind", "text", "title"]);
    for evidence in body["patterns"][0]["evidence"].as_array().unwrap() {
        let keys: Vec<&String> = evidence.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["at", "event"]);
    }
    assert!(!body.to_string().contains("how_it_went"));
    let sam = call(&app, &us.b, Method::GET, &path, None).await;
    assert_eq!(sam.ok()["patterns"], json!([]));
    app.stop().await;
}

/// Check-ins both partners complete, one per pair of "how did that go" answers (a's, b's).
pub(crate) async fn complete_check_ins(app: &TestApp, us: &Couple, feelings: &[(i64, i64)]) {
    use crate::checkins_api::{self as checkins, full_answers};
    for &(a, b) in feelings {
        let id = checkins::start(app, &us.a, &us.space).await;
        for (who, feeling) in [(&us.a, a), (&us.b, b)] {
            let drafted =
                checkins::draft(app, who, &us.space, &id, full_answers("w", 4, feeling)).await;
            assert!(drafted.status.is_success(), "{}", drafted.body);
            let submitted = call(
                app,
                who,
                Method::POST,
                &format!("/api/v1/spaces/{}/checkins/{id}/submit", us.space),
                None,
            )
            .await;
            assert!(submitted.status.is_success(), "{}", submitted.body);
        }
    }
}
