//! The gentle start-up helper over the API and on the check-in's topic: findings and an
//! I-statement in both languages, nothing written by a check, and sharing as written always
//! possible.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::checkins_api::{self as checkins, Couple, couple, start};
use crate::rituals::{call, person};
use crate::support::TestApp;

#[tokio::test]
async fn the_api_notices_harsh_openings_in_both_languages() {
    let app = TestApp::sqlite().await;
    let alex = person(&app, "alex").await;
    let english = call(
        &app,
        &alex,
        Method::POST,
        "/api/v1/gentle-start",
        Some(json!({ "text": "You never listen to me. Whatever.", "lang": "en" })),
    )
    .await;
    let body = english.ok().clone();
    let rules: Vec<&str> = body["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["blame", "sarcasm"]);
    assert_eq!(body["findings"][0]["words"], "You never");
    assert_eq!(body["findings"][0]["start"], 0);
    assert_eq!(body["findings"][0]["end"], 9);
    assert_eq!(
        body["suggestion"],
        "I feel … when you don't listen to me, and I need …"
    );
    let polish = call(
        &app,
        &alex,
        Method::POST,
        "/api/v1/gentle-start",
        Some(json!({ "text": "Przez ciebie się spóźniliśmy, jesteś taki leniwy", "lang": "pl" })),
    )
    .await;
    let body = polish.ok().clone();
    assert_eq!(body["findings"][0]["rule"], "blame");
    assert_eq!(body["findings"][1]["rule"], "contempt");
    assert_eq!(body["findings"][1]["label"], "pogarda");
    assert!(body["suggestion"].as_str().unwrap().starts_with("Czuję"));
    let kind = call(
        &app,
        &alex,
        Method::POST,
        "/api/v1/gentle-start",
        Some(json!({ "text": "Zawsze mogę na ciebie liczyć" })),
    )
    .await;
    assert_eq!(kind.ok()["findings"], json!([]));
    assert_eq!(kind.body["suggestion"], serde_json::Value::Null);
    app.stop().await;
}

#[tokio::test]
async fn the_api_refuses_bad_input_and_strangers() {
    let app = TestApp::sqlite().await;
    let alex = person(&app, "alex").await;
    call(
        &app,
        &alex,
        Method::POST,
        "/api/v1/gentle-start",
        Some(json!({ "text": "x", "lang": "de" })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "lang_invalid");
    call(
        &app,
        &alex,
        Method::POST,
        "/api/v1/gentle-start",
        Some(json!({ "text": "a".repeat(10_001) })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "text_too_long");
    call(
        &app,
        &alex,
        Method::POST,
        "/api/v1/gentle-start",
        Some(json!({ "words": "x" })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let anonymous = app
        .api(
            Method::POST,
            "/api/v1/gentle-start",
            Some(json!({ "text": "x" })),
            None,
        )
        .await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

#[tokio::test]
async fn check_my_words_shows_findings_keeps_the_text_and_saves_nothing() {
    let app = TestApp::sqlite().await;
    let Couple { a, space, .. } = couple(&app, "alex", "sam").await;
    let id = start(&app, &a, &space).await;
    let base = format!("/spaces/{space}/checkins/{id}");
    let page = app
        .get_as(&format!("{base}?step=topic"), &a.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!("formaction=\"{base}/step/topic/check\"")));
    let text = "You always leave the dishes for me";
    let checked = app
        .post_form_as(
            &format!("{base}/step/topic/check"),
            &[("topic", text), ("listener_notes", "")],
            &a.cookie,
        )
        .await;
    assert_eq!(checked.status(), StatusCode::OK);
    let html = checked.text().await.unwrap();
    assert!(html.contains(text), "the text is kept");
    assert!(html.contains("gentle-hint"));
    assert!(html.contains("I feel … when you leave the dishes for me, and I need …"));
    assert!(html.contains("you can always share what you wrote as it is"));
    // Nothing was saved by checking.
    let shown = checkins::call(
        &app,
        &a,
        Method::GET,
        &format!("/api/v1/spaces/{space}/checkins/{id}"),
        None,
    )
    .await;
    assert!(!shown.ok().to_string().contains("dishes"));
    // Sharing as written works as ever.
    let saved = app
        .post_form_as(
            &format!("{base}/step/topic"),
            &[("topic", text), ("listener_notes", ""), ("go", "next")],
            &a.cookie,
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let shown = checkins::call(
        &app,
        &a,
        Method::GET,
        &format!("/api/v1/spaces/{space}/checkins/{id}"),
        None,
    )
    .await;
    assert!(shown.ok().to_string().contains("dishes"));
    // Someone else's check-in, or another couple's, is not there to check.
    let other = couple(&app, "kim", "lee").await;
    let refused = app
        .post_form_as(
            &format!("{base}/step/topic/check"),
            &[("topic", text)],
            &other.a.cookie,
        )
        .await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn a_clear_text_is_said_to_be_clear_in_polish_too() {
    let app = TestApp::sqlite().await;
    let Couple { a, space, .. } = couple(&app, "alex", "sam").await;
    let id = start(&app, &a, &space).await;
    let checked = app
        .client
        .post(app.url(&format!("/spaces/{space}/checkins/{id}/step/topic/check")))
        .header("sec-fetch-site", "same-origin")
        .header("cookie", &a.cookie)
        .header("accept-language", "pl")
        .form(&[("topic", "Czuję się samotna, kiedy wracasz późno")])
        .send()
        .await
        .unwrap();
    assert_eq!(checked.status(), StatusCode::OK);
    let html = checked.text().await.unwrap();
    assert!(html.contains("Nic tu nie brzmi dla nas ostro"));
    app.stop().await;
}
