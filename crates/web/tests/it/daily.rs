//! The daily ritual over the API and its page: one entry per person per day in the space's
//! zone, replaced when written again; private entries that never reach the partner (page, API,
//! export); mistakes that come back in the form; and no word about streaks or missed days.

use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};

use crate::rituals::{DAY_MS, set_zone};
use crate::support::TestApp;
use crate::support::api::export;
use crate::support::api::{Answer, call};
use crate::support::app::test_clock;
use crate::support::people::{Couple, Person, couple, sign_in};

async fn write(app: &TestApp, who: &Person, space: &str, body: Value) -> Answer {
    call(
        app,
        who,
        Method::PUT,
        &format!("/api/v1/spaces/{space}/daily"),
        Some(body),
    )
    .await
}

async fn entries(app: &TestApp, who: &Person, space: &str) -> Value {
    let listed = call(
        app,
        who,
        Method::GET,
        &format!("/api/v1/spaces/{space}/daily"),
        None,
    )
    .await;
    listed.ok()["entries"].clone()
}

#[tokio::test]
async fn todays_entry_is_written_and_replaced_the_same_day() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let Couple { a, b, space } = couple(&app, "alex", "sam").await;
    let first = write(
        &app,
        &a,
        &space,
        json!({ "mood": 4, "appreciation": "the soup", "plan": "early run" }),
    )
    .await;
    assert_eq!(first.ok()["today"], "2026-11-18");
    let again = write(&app, &a, &space, json!({ "mood": 2 })).await;
    let listed = again.ok()["entries"].as_array().unwrap().clone();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0]["mood"], 2);
    assert!(listed[0]["appreciation"].is_null(), "replaced, not merged");
    assert_eq!(listed[0]["yours"], true);
    assert_eq!(listed[0]["private"], false);

    clock.advance_millis(DAY_MS);
    write(
        &app,
        &a,
        &space,
        json!({ "mood": 5, "appreciation": "a long call" }),
    )
    .await
    .ok();
    let seen_by_b = entries(&app, &b, &space).await;
    let days: Vec<&str> = seen_by_b
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["day"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["2026-11-19", "2026-11-18"]);
    assert_eq!(seen_by_b[0]["yours"], false);
    assert_eq!(seen_by_b[0]["appreciation"], "a long call");
    app.stop().await;
}

#[tokio::test]
async fn the_day_is_counted_in_the_space_time_zone() {
    let app = TestApp::builder().start().await;
    let Couple { a, space, .. } = couple(&app, "alex", "sam").await;
    // 11:06 UTC on the 18th is already the 19th at UTC+14.
    set_zone(&app, &a, &space, "Pacific/Kiritimati").await;
    let written = write(&app, &a, &space, json!({ "mood": 3 })).await;
    assert_eq!(written.ok()["today"], "2026-11-19");
    assert_eq!(written.body["time_zone"], "Pacific/Kiritimati");
    assert_eq!(written.body["entries"][0]["day"], "2026-11-19");
    app.stop().await;
}

#[tokio::test]
async fn a_private_entry_never_reaches_the_partner() {
    let app = TestApp::builder().start().await;
    let Couple { a, b, space } = couple(&app, "alex", "sam").await;
    write(
        &app,
        &a,
        &space,
        json!({ "mood": 1, "appreciation": "secret tulips", "private": true }),
    )
    .await
    .ok();
    assert_eq!(entries(&app, &b, &space).await, json!([]));
    let mine = entries(&app, &a, &space).await;
    assert_eq!(mine[0]["private"], true);
    assert_eq!(mine[0]["appreciation"], "secret tulips");
    let page = app
        .get_as(&format!("/spaces/{space}/daily"), &b.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains("secret tulips"));
    assert!(
        page.contains("Nothing written yet."),
        "no trace, not even a count"
    );
    assert!(!export(&app, &b).await.contains("secret tulips"));
    assert!(export(&app, &a).await.contains("secret tulips"));
    let own_page = app
        .get_as(&format!("/spaces/{space}/daily"), &a.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(own_page.contains("secret tulips") && own_page.contains("only you"));
    app.stop().await;
}

#[tokio::test]
async fn rewriting_a_shared_entry_privately_takes_it_back_from_the_partner() {
    let app = TestApp::builder().start().await;
    let Couple { a, b, space } = couple(&app, "alex", "sam").await;
    write(
        &app,
        &a,
        &space,
        json!({ "mood": 4, "appreciation": "sunny walk" }),
    )
    .await
    .ok();
    assert_eq!(
        entries(&app, &b, &space).await[0]["appreciation"],
        "sunny walk"
    );
    write(
        &app,
        &a,
        &space,
        json!({ "mood": 2, "plan": "quiet evening", "private": true }),
    )
    .await
    .ok();
    assert_eq!(entries(&app, &b, &space).await, json!([]));
    let page = app
        .get_as(&format!("/spaces/{space}/daily"), &b.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains("sunny walk") && !page.contains("quiet evening"));
    let mine = entries(&app, &a, &space).await;
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["plan"], "quiet evening");
    app.stop().await;
}

#[tokio::test]
async fn bad_entries_are_refused_and_the_form_keeps_what_was_typed() {
    let app = TestApp::builder().start().await;
    let Couple { a, space, .. } = couple(&app, "alex", "sam").await;
    for (body, code) in [
        (json!({ "mood": 0 }), "mood_invalid"),
        (json!({ "mood": 6 }), "mood_invalid"),
        (json!({ "mood": 9_999_999_999i64 }), "mood_invalid"),
        (
            json!({ "mood": 3, "appreciation": "x".repeat(281) }),
            "appreciation_invalid",
        ),
        (json!({ "mood": 3, "plan": "a\u{202e}b" }), "plan_invalid"),
        (json!({ "appreciation": "no mood" }), "invalid_body"),
    ] {
        write(&app, &a, &space, body)
            .await
            .refused(StatusCode::UNPROCESSABLE_ENTITY, code);
    }
    assert_eq!(entries(&app, &a, &space).await, json!([]));

    let path = format!("/spaces/{space}/daily");
    let refused = app
        .post_form_as(
            &path,
            &[("appreciation", "the tea you made"), ("plan", "dentist")],
            &a.cookie,
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("Choose how you feel, from 1 to 5."));
    assert!(html.contains(r#"value="the tea you made""#) && html.contains(r#"value="dentist""#));

    let saved = app
        .post_form_as(
            &path,
            &[
                ("mood", "4"),
                ("appreciation", "the tea you made"),
                ("private", "on"),
            ],
            &a.cookie,
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(saved.headers()[header::LOCATION], path.as_str());
    let html = app.get_as(&path, &a.cookie).await.text().await.unwrap();
    assert!(html.contains("You wrote today already"));
    assert!(
        html.contains(r#"name="private" value="on" checked"#),
        "today's choice is kept"
    );
    assert!(html.contains(r#"value="4" checked"#));
    app.stop().await;
}

#[tokio::test]
async fn the_daily_pages_never_speak_of_streaks_or_missed_days() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let Couple { a, b, space } = couple(&app, "alex", "sam").await;
    for day in [0, 1, 4, 9] {
        clock.advance_millis(if day == 0 { 0 } else { DAY_MS * 2 });
        write(&app, &a, &space, json!({ "mood": 3, "appreciation": "ok" }))
            .await
            .ok();
        write(&app, &b, &space, json!({ "mood": 4 })).await.ok();
    }
    let path = format!("/spaces/{space}/daily");
    let cookie = sign_in(&app, &a.name).await;
    for lang in ["en", "pl"] {
        let response = app
            .client
            .get(app.url(&path))
            .header(header::COOKIE, format!("{cookie}; lang={lang}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let html = response.text().await.unwrap().to_lowercase();
        assert!(html.contains("sam"), "the partner's entries are there");
        for word in [
            "streak",
            "missed",
            "in a row",
            "skipped",
            "seria",
            "z rzędu",
            "opuszczon",
            "przegap",
            "pominię",
        ] {
            assert!(!html.contains(word), "{lang} page says {word:?}");
        }
    }
    let body = call(&app, &a, Method::GET, &format!("/api/v1{path}"), None).await;
    let keys: Vec<&String> = body.ok().as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["entries", "time_zone", "today"],
        "no counts of any kind"
    );
    app.stop().await;
}

#[tokio::test]
async fn another_couple_cannot_read_or_write_the_daily_ritual() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "alex", "sam").await;
    let them = couple(&app, "kim", "lee").await;
    write(
        &app,
        &us.a,
        &us.space,
        json!({ "mood": 3, "appreciation": "ours" }),
    )
    .await
    .ok();
    call(
        &app,
        &them.a,
        Method::GET,
        &format!("/api/v1/spaces/{}/daily", us.space),
        None,
    )
    .await
    .refused(StatusCode::NOT_FOUND, "not_found");
    write(&app, &them.a, &us.space, json!({ "mood": 3 }))
        .await
        .refused(StatusCode::NOT_FOUND, "not_found");
    let page = app
        .get_as(&format!("/spaces/{}/daily", us.space), &them.a.cookie)
        .await;
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    let posted = app
        .post_form_as(
            &format!("/spaces/{}/daily", us.space),
            &[("mood", "3")],
            &them.a.cookie,
        )
        .await;
    assert_eq!(posted.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        entries(&app, &us.b, &us.space)
            .await
            .as_array()
            .unwrap()
            .len(),
        1
    );
    app.stop().await;
}
