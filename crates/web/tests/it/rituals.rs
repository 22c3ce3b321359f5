//! Rituals and the space's time zone over the API and the pages: every route, refusals with their
//! codes, schedules read in the space's zone and shown in each viewer's, rituals that keep their
//! zone when the space moves, and isolation between couples.

use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};

use crate::support::TestApp;

use crate::support::api::NO_SUCH_ID;
use crate::support::api::call;
use crate::support::people::{Person, couple};

pub const HOUR_MS: i64 = 60 * 60 * 1000;
pub const DAY_MS: i64 = 24 * HOUR_MS;

pub async fn set_zone(app: &TestApp, who: &Person, space: &str, zone: &str) {
    call(
        app,
        who,
        Method::PUT,
        &format!("/api/v1/spaces/{space}/time-zone"),
        Some(json!({ "time_zone": zone })),
    )
    .await
    .ok();
}

/// Plans "Friday date night", Fridays at 19:00 for 90 minutes from 20 November 2026; its id.
pub async fn date_night(app: &TestApp, who: &Person, space: &str) -> String {
    let planned = call(
        app,
        who,
        Method::POST,
        &format!("/api/v1/spaces/{space}/rituals"),
        Some(friday_body("Friday date night")),
    )
    .await;
    assert_eq!(planned.status, StatusCode::CREATED, "{}", planned.body);
    planned.body["id"].as_str().unwrap().to_owned()
}

fn friday_body(name: &str) -> Value {
    json!({
        "name": name, "kind": "date_night", "weekdays": ["fri"], "start": "19:00",
        "duration_minutes": 90, "first_date": "2026-11-20"
    })
}

/// A page as a browser with `cookie` and a `tz` cookie reporting `zone`.
pub async fn page_in_zone(
    app: &TestApp,
    path: &str,
    cookie: &str,
    zone: &str,
) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .header(header::COOKIE, format!("{cookie}; tz={zone}"))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_ritual_is_planned_changed_and_ended_by_either_partner() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "alex", "sam").await;
    let rituals = format!("/api/v1/spaces/{}/rituals", us.space);
    let listed = call(&app, &us.a, Method::GET, &rituals, None).await;
    assert_eq!(listed.ok()["time_zone"], "UTC");
    assert_eq!(listed.body["time_zone_set"], false);

    set_zone(&app, &us.a, &us.space, "europe/warsaw").await;
    let id = date_night(&app, &us.a, &us.space).await;
    let one = format!("{rituals}/{id}");
    let seen = call(&app, &us.b, Method::GET, &one, None).await;
    let seen = seen.ok();
    assert_eq!(seen["name"], "Friday date night");
    assert_eq!(seen["kind"], "date_night");
    assert_eq!(seen["schedule"]["zone"], "Europe/Warsaw");
    assert_eq!(seen["schedule"]["weekdays"], json!(["fri"]));
    assert_eq!(seen["schedule"]["every_weeks"], 1);
    // 19:00 in Warsaw in November is 18:00 UTC.
    assert_eq!(seen["next"], "2026-11-20T18:00:00.000Z");
    let listed = call(&app, &us.b, Method::GET, &rituals, None).await;
    assert_eq!(listed.ok()["time_zone"], "Europe/Warsaw");
    assert_eq!(listed.body["rituals"].as_array().unwrap().len(), 1);

    let changed = call(
        &app,
        &us.b,
        Method::PUT,
        &one,
        Some(json!({
            "name": "Saturday walk", "kind": "walk", "weekdays": ["sat", "sun"],
            "start": "08:30", "every_weeks": 2, "duration_minutes": 45
        })),
    )
    .await;
    let changed = changed.ok();
    assert_eq!(changed["name"], "Saturday walk");
    assert_eq!(changed["schedule"]["first_date"], "2026-11-20", "kept");
    assert_eq!(changed["next"], "2026-11-21T07:30:00.000Z");

    let ended = call(&app, &us.a, Method::DELETE, &one, None).await;
    assert_eq!(ended.status, StatusCode::NO_CONTENT);
    let after = call(&app, &us.b, Method::GET, &one, None).await;
    assert_eq!(after.ok()["active"], false);
    assert!(after.body["next"].is_null());
    assert!(after.body["ended_at"].is_string());
    call(&app, &us.b, Method::DELETE, &one, None)
        .await
        .refused(StatusCode::CONFLICT, "ritual_ended");
    call(&app, &us.a, Method::PUT, &one, Some(friday_body("Again")))
        .await
        .refused(StatusCode::CONFLICT, "ritual_ended");
    app.stop().await;
}

#[tokio::test]
async fn bad_rituals_are_refused_with_their_code_and_write_nothing() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "alex", "sam").await;
    let rituals = format!("/api/v1/spaces/{}/rituals", us.space);
    let cases = [
        ("weekdays", json!([]), "weekdays_invalid"),
        ("weekdays", json!(["someday"]), "weekdays_invalid"),
        ("start", json!("25:00"), "start_invalid"),
        ("every_weeks", json!(5), "every_invalid"),
        ("every_weeks", json!(-1), "every_invalid"),
        ("duration_minutes", json!(2), "duration_invalid"),
        (
            "duration_minutes",
            json!(1_000_000_000_000i64),
            "duration_invalid",
        ),
        ("first_date", json!("soon"), "first_date_invalid"),
        ("name", json!("  "), "name_invalid"),
        ("name", json!("x".repeat(81)), "name_invalid"),
        ("kind", json!("party"), "kind_invalid"),
    ];
    for (field, value, code) in cases {
        let mut body = friday_body("Date night");
        body[field] = value;
        call(&app, &us.a, Method::POST, &rituals, Some(body))
            .await
            .refused(StatusCode::UNPROCESSABLE_ENTITY, code);
    }
    call(
        &app,
        &us.a,
        Method::POST,
        &rituals,
        Some(json!({ "name": 3 })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    call(
        &app,
        &us.a,
        Method::PUT,
        &format!("/api/v1/spaces/{}/time-zone", us.space),
        Some(json!({ "time_zone": "Mars/Olympus" })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "time_zone_invalid");
    let listed = call(&app, &us.a, Method::GET, &rituals, None).await;
    assert_eq!(listed.ok()["rituals"], json!([]));
    assert_eq!(listed.body["time_zone"], "UTC");
    app.stop().await;
}

#[tokio::test]
async fn another_couple_and_strangers_find_nothing() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "alex", "sam").await;
    let them = couple(&app, "kim", "lee").await;
    let id = date_night(&app, &us.a, &us.space).await;
    let space = &us.space;
    let attempts = [
        (Method::GET, format!("/api/v1/spaces/{space}/rituals"), None),
        (
            Method::POST,
            format!("/api/v1/spaces/{space}/rituals"),
            Some(friday_body("Ours now")),
        ),
        (
            Method::GET,
            format!("/api/v1/spaces/{space}/rituals/{id}"),
            None,
        ),
        (
            Method::PUT,
            format!("/api/v1/spaces/{space}/rituals/{id}"),
            Some(friday_body("Ours now")),
        ),
        (
            Method::DELETE,
            format!("/api/v1/spaces/{space}/rituals/{id}"),
            None,
        ),
        (
            Method::PUT,
            format!("/api/v1/spaces/{space}/time-zone"),
            Some(json!({ "time_zone": "Asia/Tokyo" })),
        ),
    ];
    for (method, path, body) in attempts {
        call(&app, &them.a, method.clone(), &path, body)
            .await
            .refused(StatusCode::NOT_FOUND, "not_found");
    }
    // Their own space does not hold our ritual either.
    call(
        &app,
        &them.a,
        Method::GET,
        &format!("/api/v1/spaces/{}/rituals/{id}", them.space),
        None,
    )
    .await
    .refused(StatusCode::NOT_FOUND, "not_found");
    call(
        &app,
        &us.a,
        Method::GET,
        &format!("/api/v1/spaces/{space}/rituals/{NO_SUCH_ID}"),
        None,
    )
    .await
    .refused(StatusCode::NOT_FOUND, "not_found");
    for path in [
        format!("/spaces/{space}/rituals"),
        format!("/spaces/{space}/rituals/{id}"),
        format!("/spaces/{space}/settings"),
    ] {
        let response = app.get_as(&path, &them.a.cookie).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let posted = app
        .post_form_as(
            &format!("/spaces/{space}/rituals/{id}/end"),
            &[],
            &them.a.cookie,
        )
        .await;
    assert_eq!(posted.status(), StatusCode::NOT_FOUND);
    let ours = call(
        &app,
        &us.b,
        Method::GET,
        &format!("/api/v1/spaces/{space}/rituals/{id}"),
        None,
    )
    .await;
    assert_eq!(ours.ok()["active"], true, "nothing they did took effect");
    assert_eq!(ours.body["name"], "Friday date night");
    app.stop().await;
}

#[tokio::test]
async fn rituals_keep_their_zone_when_the_space_moves_until_changed() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "alex", "sam").await;
    set_zone(&app, &us.a, &us.space, "Europe/Warsaw").await;
    let id = date_night(&app, &us.a, &us.space).await;
    set_zone(&app, &us.b, &us.space, "America/New_York").await;
    let one = format!("/api/v1/spaces/{}/rituals/{id}", us.space);
    let kept = call(&app, &us.a, Method::GET, &one, None).await;
    assert_eq!(kept.ok()["schedule"]["zone"], "Europe/Warsaw");
    assert_eq!(kept.body["next"], "2026-11-20T18:00:00.000Z");
    let page = app
        .get_as(&format!("/spaces/{}/rituals/{id}", us.space), &us.a.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("still set in Europe/Warsaw time"), "{page}");

    let moved = call(
        &app,
        &us.a,
        Method::PUT,
        &one,
        Some(friday_body("Friday date night")),
    )
    .await;
    assert_eq!(moved.ok()["schedule"]["zone"], "America/New_York");
    // 19:00 in New York in November is midnight UTC.
    assert_eq!(moved.body["next"], "2026-11-21T00:00:00.000Z");
    app.stop().await;
}

#[tokio::test]
async fn each_partner_sees_the_next_time_in_their_own_zone_labelled() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "alex", "sam").await;
    set_zone(&app, &us.a, &us.space, "Europe/Warsaw").await;
    date_night(&app, &us.a, &us.space).await;
    let path = format!("/spaces/{}/rituals", us.space);
    let in_warsaw = page_in_zone(&app, &path, &us.a.cookie, "Europe/Warsaw").await;
    let in_warsaw = in_warsaw.text().await.unwrap();
    assert!(
        in_warsaw.contains("Next: Fri 20 November, 7 pm (your time)"),
        "{in_warsaw}"
    );
    assert!(in_warsaw.contains("Fri · 7 pm · every week · 90 min · Europe/Warsaw time"));
    let in_new_york = page_in_zone(&app, &path, &us.b.cookie, "America/New_York").await;
    let in_new_york = in_new_york.text().await.unwrap();
    assert!(
        in_new_york.contains("Next: Fri 20 November, 1 pm (your time)"),
        "{in_new_york}"
    );
    let no_zone = app.get_as(&path, &us.b.cookie).await.text().await.unwrap();
    assert!(
        no_zone.contains("Next: Fri 20 November, 6 pm (UTC)"),
        "{no_zone}"
    );
    app.stop().await;
}

#[tokio::test]
async fn ritual_pages_plan_change_and_end_with_post_redirect_get() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "alex", "sam").await;
    let list = format!("/spaces/{}/rituals", us.space);
    let page = app.get_as(&list, &us.a.cookie).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("Schedules are in UTC time.")
    );

    // A mistake comes back in the form, with what was typed.
    let refused = app
        .post_form_as(
            &list,
            &[
                ("name", "Tea on the balcony"),
                ("kind", "other"),
                ("start", "20:15"),
                ("every", "1"),
                ("duration", "30"),
            ],
            &us.a.cookie,
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(
        html.contains("Choose at least one day of the week."),
        "{html}"
    );
    assert!(html.contains(r#"value="Tea on the balcony""#));
    assert!(html.contains(r#"value="20:15""#));

    let planned = app
        .post_form_as(
            &list,
            &[
                ("name", "Tea on the balcony"),
                ("kind", "other"),
                ("day_tue", "on"),
                ("day_thu", "on"),
                ("start", "20:15"),
                ("every", "1"),
                ("duration", "30"),
            ],
            &us.a.cookie,
        )
        .await;
    assert_eq!(planned.status(), StatusCode::SEE_OTHER);
    assert_eq!(planned.headers()[header::LOCATION], list.as_str());
    let listed = call(&app, &us.b, Method::GET, &format!("/api/v1{list}"), None).await;
    let ritual = &listed.ok()["rituals"][0];
    assert_eq!(ritual["schedule"]["weekdays"], json!(["tue", "thu"]));
    assert_eq!(
        ritual["schedule"]["first_date"], "2026-11-18",
        "today by default"
    );
    let id = ritual["id"].as_str().unwrap().to_owned();
    let one = format!("{list}/{id}");
    let page = app.get_as(&one, &us.b.cookie).await.text().await.unwrap();
    assert!(
        page.contains("Tea on the balcony") && page.contains("Tue, Thu · 8:15 pm"),
        "{page}"
    );
    assert!(page.contains(r#"name="day_tue" value="on" checked"#));

    let bad = app
        .post_form_as(
            &one,
            &[
                ("name", "Tea"),
                ("day_tue", "on"),
                ("start", "20:15"),
                ("every", "9"),
                ("duration", "30"),
            ],
            &us.b.cookie,
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.text()
            .await
            .unwrap()
            .contains("Choose every 1, 2, 3 or 4 weeks.")
    );
    let changed = app
        .post_form_as(
            &one,
            &[
                ("name", "Tea"),
                ("kind", "walk"),
                ("day_wed", "on"),
                ("start", "21:00"),
                ("every", "2"),
                ("duration", "30"),
            ],
            &us.b.cookie,
        )
        .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    assert_eq!(changed.headers()[header::LOCATION], one.as_str());
    let ended = app
        .post_form_as(&format!("{one}/end"), &[], &us.a.cookie)
        .await;
    assert_eq!(ended.status(), StatusCode::SEE_OTHER);
    let page = app.get_as(&one, &us.a.cookie).await.text().await.unwrap();
    assert!(page.contains("Ended"));
    assert!(
        !page.contains(&format!("{one}/end")),
        "no end form once ended"
    );
    let again = app
        .post_form_as(&format!("{one}/end"), &[], &us.a.cookie)
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("This ritual has ended")
    );
    app.stop().await;
}

#[tokio::test]
async fn the_space_time_zone_is_set_on_its_settings_page() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "alex", "sam").await;
    let settings = format!("/spaces/{}/settings", us.space);
    let page = page_in_zone(&app, &settings, &us.a.cookie, "Europe/Warsaw").await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("No time zone has been set yet, so UTC is used."));
    assert!(
        html.contains(r#"value="Europe/Warsaw""#),
        "the viewer's zone is suggested"
    );

    let zone = format!("/spaces/{}/time-zone", us.space);
    let refused = app
        .post_form_as(&zone, &[("zone", "Europe/Atlantis")], &us.a.cookie)
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("That is not a time zone we know."));
    assert!(html.contains(r#"value="Europe/Atlantis""#));

    let set = app
        .post_form_as(&zone, &[("zone", "Asia/Tokyo")], &us.a.cookie)
        .await;
    assert_eq!(set.status(), StatusCode::SEE_OTHER);
    let saved = format!("{settings}?saved=zone");
    assert_eq!(set.headers()[header::LOCATION], saved.as_str());
    let confirmed = app.get_as(&saved, &us.a.cookie).await.text().await.unwrap();
    assert!(confirmed.contains("Saved. This space now keeps Asia/Tokyo time."));
    let html = app
        .get_as(&settings, &us.b.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"value="Asia/Tokyo""#));
    assert!(!html.contains("No time zone has been set yet"));
    let space_page = app
        .get_as(&format!("/spaces/{}", us.space), &us.b.cookie)
        .await
        .text()
        .await
        .unwrap();
    for link in ["/rituals", "/daily", "/settings"] {
        assert!(
            space_page.contains(&format!("/spaces/{}{link}", us.space)),
            "{link}"
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn rituals_work_on_both_backends() {
    for backend in [
        steadfast_store::Backend::Sqlite,
        steadfast_store::Backend::Postgres,
    ] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let us = couple(&app, "alex", "sam").await;
        set_zone(&app, &us.a, &us.space, "Europe/Warsaw").await;
        let id = date_night(&app, &us.a, &us.space).await;
        let seen = call(
            &app,
            &us.b,
            Method::GET,
            &format!("/api/v1/spaces/{}/rituals/{id}", us.space),
            None,
        )
        .await;
        assert_eq!(seen.ok()["next"], "2026-11-20T18:00:00.000Z", "{backend:?}");
        app.stop().await;
    }
}
