//! The private journal over the API and its pages: written, read, edited and deleted by its
//! author only; nothing of it reaches anyone else (API, pages, export); deleted entries leave the
//! export; mistakes come back in the form with the words kept.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::api::{Answer, call};
use crate::support::people::{Couple, Person, couple, person};
use crate::support::{TestApp, api};

async fn write(app: &TestApp, who: &Person, body: Value) -> Answer {
    call(app, who, Method::POST, "/api/v1/journal", Some(body)).await
}

async fn export(app: &TestApp, who: &Person) -> Value {
    serde_json::from_str(&api::export(app, who).await).unwrap()
}

#[tokio::test]
async fn the_author_writes_reads_edits_and_deletes_entries() {
    let app = TestApp::builder().start().await;
    let alex = person(&app, "alex").await;
    let first = write(
        &app,
        &alex,
        json!({ "text": "I bring patience, mostly", "prompt": "what_i_bring" }),
    )
    .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    assert_eq!(first.body["prompt"], "what_i_bring");
    assert_eq!(first.body["edited_at"], Value::Null);
    let id = first.body["id"].as_str().unwrap().to_owned();
    let free = write(&app, &alex, json!({ "text": "a free line\nand another" })).await;
    assert_eq!(free.status, StatusCode::CREATED);
    assert_eq!(free.body["prompt"], Value::Null);

    let listed = call(&app, &alex, Method::GET, "/api/v1/journal", None).await;
    let entries = listed.ok()["entries"].as_array().unwrap().clone();
    assert_eq!(entries.len(), 2);
    assert_eq!(
        entries[0]["text"], "a free line\nand another",
        "newest first"
    );

    let path = format!("/api/v1/journal/{id}");
    let edited = call(
        &app,
        &alex,
        Method::PUT,
        &path,
        Some(json!({ "text": "  patience, and a temper  " })),
    )
    .await;
    assert_eq!(edited.ok()["text"], "patience, and a temper");
    assert!(edited.body["edited_at"].is_string());
    assert_eq!(
        call(&app, &alex, Method::GET, &path, None).await.ok()["text"],
        "patience, and a temper"
    );

    let deleted = call(&app, &alex, Method::DELETE, &path, None).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    call(&app, &alex, Method::GET, &path, None)
        .await
        .refused(StatusCode::NOT_FOUND, "not_found");
    call(&app, &alex, Method::DELETE, &path, None)
        .await
        .refused(StatusCode::NOT_FOUND, "not_found");

    // The export holds the journal as it reads now: not the deleted entry, nor its old words.
    let exported = export(&app, &alex).await.to_string();
    assert!(exported.contains("a free line"));
    assert!(!exported.contains("patience"), "{exported}");
    assert!(!exported.contains("journal.written"), "{exported}");
    app.stop().await;
}

#[tokio::test]
async fn nobody_else_reaches_an_entry_or_learns_that_it_exists() {
    let app = TestApp::builder().start().await;
    let Couple { a, b, space } = couple(&app, "alex", "sam").await;
    let secret = "SECRET-JOURNAL-WORDS";
    let written = write(&app, &a, json!({ "text": secret, "prompt": "how_deep" })).await;
    let id = written.body["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/journal/{id}");
    for method in [Method::GET, Method::DELETE] {
        call(&app, &b, method, &path, None)
            .await
            .refused(StatusCode::NOT_FOUND, "not_found");
    }
    call(
        &app,
        &b,
        Method::PUT,
        &path,
        Some(json!({ "text": "mine now" })),
    )
    .await
    .refused(StatusCode::NOT_FOUND, "not_found");
    // An unknown id answers exactly the same.
    let unknown = call(
        &app,
        &b,
        Method::GET,
        "/api/v1/journal/00000000-0000-4000-8000-000000000009",
        None,
    )
    .await;
    unknown.refused(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(
        call(&app, &a, Method::GET, &path, None).await.ok()["text"],
        secret,
        "nothing was changed"
    );
    let theirs = call(&app, &b, Method::GET, "/api/v1/journal", None).await;
    assert_eq!(theirs.ok()["entries"], json!([]));
    for page in [
        "/journal".to_owned(),
        format!("/spaces/{space}"),
        format!("/spaces/{space}/patterns"),
    ] {
        let html = app.get_as(&page, &b.cookie).await.text().await.unwrap();
        assert!(!html.contains(secret), "{page}");
    }
    let html = app.get_as(&format!("/journal/{id}"), &b.cookie).await;
    assert_eq!(html.status(), StatusCode::NOT_FOUND);
    let exported = export(&app, &b).await;
    assert_eq!(exported["journal"], json!([]));
    assert!(!exported.to_string().contains(secret));
    assert!(!exported.to_string().contains("journal."));
    app.stop().await;
}

#[tokio::test]
async fn the_api_refuses_bad_input_and_strangers_without_writing() {
    let app = TestApp::builder().start().await;
    let alex = person(&app, "alex").await;
    write(&app, &alex, json!({ "text": "   " }))
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "text_invalid");
    write(&app, &alex, json!({ "text": "x".repeat(10_001) }))
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "text_invalid");
    write(&app, &alex, json!({ "text": "hi", "prompt": "nope" }))
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "prompt_invalid");
    write(&app, &alex, json!({ "words": "hi" }))
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    call(&app, &alex, Method::GET, "/api/v1/journal/not-an-id", None)
        .await
        .refused(StatusCode::NOT_FOUND, "not_found");
    let listed = call(&app, &alex, Method::GET, "/api/v1/journal", None).await;
    assert_eq!(listed.ok()["entries"], json!([]), "nothing was written");
    for (method, path) in [
        (Method::GET, "/api/v1/journal"),
        (Method::POST, "/api/v1/journal"),
        (Method::GET, "/api/v1/journal/prompts"),
    ] {
        let response = app
            .api(method, path, Some(json!({ "text": "x" })), None)
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{path}");
    }
    app.stop().await;
}

#[tokio::test]
async fn prompts_come_in_both_languages_in_three_groups() {
    let app = TestApp::builder().start().await;
    let alex = person(&app, "alex").await;
    let listed = call(&app, &alex, Method::GET, "/api/v1/journal/prompts", None).await;
    let prompts = listed.ok()["prompts"].as_array().unwrap().clone();
    assert_eq!(prompts.len(), 11);
    assert!(prompts.iter().any(|p| p["group"] == "inner_work"));
    assert!(
        prompts
            .iter()
            .any(|p| p["name"] == "how_long_to_carry" && p["group"] == "forgiving")
    );
    assert!(
        prompts
            .iter()
            .any(|p| p["name"] == "how_deep" && p["group"] == "after_hurt")
    );
    let polish = app
        .client
        .get(app.url("/api/v1/journal/prompts"))
        .bearer_auth(alex.token())
        .header("accept-language", "pl")
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    let how_deep = polish["prompts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "how_deep")
        .unwrap()
        .clone();
    assert!(how_deep["text"].as_str().unwrap().contains("moja rana"));
    app.stop().await;
}

#[tokio::test]
async fn the_pages_write_edit_and_delete_and_keep_words_after_a_mistake() {
    let app = TestApp::builder().start().await;
    let alex = person(&app, "alex").await;
    let page = app
        .get_as("/journal?prompt=not_ready_for", &alex.cookie)
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("What am I not ready for yet?"));
    assert!(html.contains("Only you can read this journal"));

    let empty = app
        .post_form_as(
            "/journal",
            &[("text", "  "), ("prompt", "not_ready_for")],
            &alex.cookie,
        )
        .await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = empty.text().await.unwrap();
    assert!(html.contains("Write something first"));
    assert!(
        html.contains("value=\"not_ready_for\""),
        "the prompt is kept"
    );

    let long = "ż".repeat(10_001);
    let too_long = app
        .post_form_as("/journal", &[("text", &long)], &alex.cookie)
        .await;
    assert_eq!(too_long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        too_long.text().await.unwrap().contains(&long),
        "the words are kept"
    );

    let saved = app
        .post_form_as(
            "/journal",
            &[("text", "Forgiving him today"), ("prompt", "not_ready_for")],
            &alex.cookie,
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(saved.headers()["location"], "/journal");
    let html = app
        .get_as("/journal", &alex.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Forgiving him today"));

    let listed = call(&app, &alex, Method::GET, "/api/v1/journal", None).await;
    let id = listed.ok()["entries"][0]["id"].as_str().unwrap().to_owned();
    let entry = app.get_as(&format!("/journal/{id}"), &alex.cookie).await;
    assert_eq!(entry.status(), StatusCode::OK);
    let bad_edit = app
        .post_form_as(&format!("/journal/{id}"), &[("text", "")], &alex.cookie)
        .await;
    assert_eq!(bad_edit.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let edited = app
        .post_form_as(
            &format!("/journal/{id}"),
            &[("text", "Not yet, and that is fine")],
            &alex.cookie,
        )
        .await;
    assert_eq!(edited.status(), StatusCode::SEE_OTHER);
    let html = app
        .get_as("/journal", &alex.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Not yet, and that is fine"));
    let deleted = app
        .post_form_as(&format!("/journal/{id}/delete"), &[], &alex.cookie)
        .await;
    assert_eq!(deleted.status(), StatusCode::SEE_OTHER);
    let html = app
        .get_as("/journal", &alex.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("Not yet"));
    let gone = app
        .post_form_as(&format!("/journal/{id}/delete"), &[], &alex.cookie)
        .await;
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}
