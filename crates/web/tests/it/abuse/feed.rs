//! A calendar feed made with the other's unlocked phone (issue 14, item 3). Alex picks up Sam's
//! phone, signed in, and makes Sam's private calendar feed, keeping its address. The address must
//! not outlive what ends every other way in: Sam's recovery, password change and "sign out
//! everywhere" revoke it, and Alex cannot switch the discreet titles off without Sam's password.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use steadfast_app::clock::ManualClock;
use steadfast_store::Backend;

use crate::support::TestApp;
use crate::support::app::test_clock;
use crate::support::pages::{create_space, json};
use crate::support::people::{PASSWORD, Person, sign_in, sign_up};

const NEW_PASSWORD: &str = "a quiet harbour at dawn";

/// Alex, with Sam's phone, makes Sam's feed and keeps its address: the path it is served at.
async fn alex_makes_the_feed(app: &TestApp, phone: &str) -> String {
    let made = app
        .api(Method::POST, "/api/v1/calendar-feed", None, Some(phone))
        .await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let path = json(made).await["path"]
        .as_str()
        .expect("a path")
        .to_owned();
    assert_eq!(app.get(&path).await.status(), StatusCode::OK, "it works");
    path
}

#[tokio::test]
async fn the_feed_alex_made_on_sams_phone_ends_when_sam_recovers_the_account() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let sam = sign_up(&app, "sam-feed-recovers").await;
        let feed = alex_makes_the_feed(&app, &sam.cookie).await;
        let recovered = app
            .api(
                Method::POST,
                "/api/v1/recovery",
                Some(json!({
                    "username": sam.name,
                    "code": sam.recovery_codes[0],
                    "new_password": NEW_PASSWORD,
                })),
                None,
            )
            .await;
        assert_eq!(recovered.status(), StatusCode::OK, "{backend:?}");
        assert_eq!(
            app.get(&feed).await.status(),
            StatusCode::NOT_FOUND,
            "{backend:?}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn the_feed_alex_made_on_sams_phone_ends_when_sam_changes_the_password() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let sam = sign_up(&app, "sam-feed-changes").await;
        let feed = alex_makes_the_feed(&app, &sam.cookie).await;
        let laptop = sign_in(&app, &sam.name).await;
        let changed = app
            .post_form_as(
                "/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("new_password", NEW_PASSWORD),
                ],
                &laptop,
            )
            .await;
        assert_eq!(changed.status(), StatusCode::SEE_OTHER, "{backend:?}");
        assert_eq!(
            app.get(&feed).await.status(),
            StatusCode::NOT_FOUND,
            "{backend:?}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn the_feed_alex_made_on_sams_phone_ends_when_sam_signs_out_everywhere() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let sam = sign_up(&app, "sam-feed-signs-out").await;

        // "Everywhere else", from the laptop.
        let feed = alex_makes_the_feed(&app, &sam.cookie).await;
        let laptop = sign_in(&app, &sam.name).await;
        let others = app
            .post_form_as("/account/sign-out-others", &[], &laptop)
            .await;
        assert_eq!(others.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.get(&feed).await.status(),
            StatusCode::NOT_FOUND,
            "{backend:?}"
        );

        // "Everywhere", this session too.
        let feed = alex_makes_the_feed(&app, &laptop).await;
        let everywhere = app
            .post_form_as("/account/sign-out-everywhere", &[], &laptop)
            .await;
        assert_eq!(everywhere.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.get(&feed).await.status(),
            StatusCode::NOT_FOUND,
            "{backend:?}"
        );
        app.stop().await;
    }
}

/// Whether Sam's feed still has discreet titles, as Sam's settings say.
async fn still_discreet(app: &TestApp, sam: &Person) -> Value {
    let settings = app
        .api(
            Method::GET,
            "/api/v1/calendar-feed",
            None,
            Some(&sam.cookie),
        )
        .await;
    assert_eq!(settings.status(), StatusCode::OK);
    json(settings).await["discreet"].clone()
}

#[tokio::test]
async fn alex_cannot_switch_the_discreet_titles_off_without_sams_password() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let sam = sign_up(&app, "sam-feed-discreet").await;
        let feed = alex_makes_the_feed(&app, &sam.cookie).await;

        // Over the API: no password, a guess, an empty one.
        for body in [
            json!({ "discreet": false }),
            json!({ "discreet": false, "password": "sam1234567" }),
            json!({ "discreet": false, "password": null }),
        ] {
            let refused = app
                .api(
                    Method::PUT,
                    "/api/v1/calendar-feed",
                    Some(body.clone()),
                    Some(&sam.cookie),
                )
                .await;
            assert_eq!(
                refused.status(),
                StatusCode::FORBIDDEN,
                "{body} {backend:?}"
            );
            assert_eq!(json(refused).await["error"], "password_wrong", "{body}");
        }
        // The page's form, unticked, with and without a guess.
        for form in [vec![], vec![("password", "sam1234567")]] {
            let page = app
                .post_form_as("/account/calendar/discreet", &form, &sam.cookie)
                .await;
            assert_eq!(page.status(), StatusCode::FORBIDDEN, "{backend:?}");
            let html = page.text().await.expect("a page");
            assert!(html.contains("That is not your current password."));
            assert!(!html.contains("sam1234567"), "the password is never echoed");
        }
        assert_eq!(still_discreet(&app, &sam).await, true, "{backend:?}");
        let text = app.get(&feed).await.text().await.expect("the feed");
        assert!(text.contains("X-WR-CALNAME:Plans"), "{text}");

        // Sam, with the password, can; and turning them back on never asks.
        let off = app
            .api(
                Method::PUT,
                "/api/v1/calendar-feed",
                Some(json!({ "discreet": false, "password": PASSWORD })),
                Some(&sam.cookie),
            )
            .await;
        assert_eq!(off.status(), StatusCode::OK, "{backend:?}");
        assert_eq!(still_discreet(&app, &sam).await, false);
        let on = app
            .post_form_as(
                "/account/calendar/discreet",
                &[("discreet", "on")],
                &sam.cookie,
            )
            .await;
        assert_eq!(on.status(), StatusCode::SEE_OTHER);
        assert_eq!(still_discreet(&app, &sam).await, true);
        app.stop().await;
    }
}

#[tokio::test]
async fn sams_page_shows_when_the_feed_was_made_and_last_fetched() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let clock: ManualClock = test_clock();
        let Some(app) = TestApp::builder().clock(&clock).start_on(backend).await else {
            continue;
        };
        // 2026-11-18 11:06 UTC.
        let sam = sign_up(&app, "sam-feed-times").await;
        let made = app
            .api(
                Method::POST,
                "/api/v1/calendar-feed",
                None,
                Some(&sam.cookie),
            )
            .await;
        let feed = json(made).await["path"]
            .as_str()
            .expect("a path")
            .to_owned();
        let page = |cookie: String| {
            let app = &app;
            async move {
                let response = app.get_as("/account/calendar", &cookie).await;
                assert_eq!(response.status(), StatusCode::OK);
                response.text().await.expect("a page")
            }
        };
        let before = page(sam.cookie.clone()).await;
        assert!(
            before.contains("Wed 18 November, 11:06 am (UTC)"),
            "made: {before}"
        );
        assert!(before.contains("Not fetched by any calendar app yet."));

        // Alex's calendar app fetches it three hours later; Sam never subscribed.
        clock.advance_millis(3 * 60 * 60 * 1_000 + 10 * 60 * 1_000);
        assert_eq!(app.get(&feed).await.status(), StatusCode::OK);
        // Sam looks later, signed in afresh (the phone's session may have lapsed meanwhile).
        let laptop = sign_in(&app, &sam.name).await;
        let after = page(laptop).await;
        assert!(
            after.contains("Last fetched by a calendar app")
                && after.contains("Wed 18 November, 2 pm (UTC)"),
            "to the hour, {backend:?}: {after}"
        );
        assert!(!after.contains("14:16"), "never to the minute");
        // Reloading the page made no new address: the one Alex keeps still answers.
        assert_eq!(app.get(&feed).await.status(), StatusCode::OK);
        app.stop().await;
    }
}

/// A weekly walk in `space`, by whoever holds `cookie`.
async fn walk(app: &TestApp, cookie: &str, space: &str, name: &str) {
    let made = app
        .api(
            Method::POST,
            &format!("/api/v1/spaces/{space}/rituals"),
            Some(json!({
                "name": name, "weekdays": ["sat"], "start": "10:00", "duration_minutes": 60,
            })),
            Some(cookie),
        )
        .await;
    assert_eq!(made.status(), StatusCode::CREATED, "{name}");
}

#[tokio::test]
async fn the_feed_alex_made_does_not_follow_sam_into_a_later_space() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let sam = sign_up(&app, "sam-feed-later").await;
        let ours = create_space(&app, &sam.cookie, "Ours").await;
        walk(&app, &sam.cookie, &ours, "Saturday walk together").await;
        let feed = alex_makes_the_feed(&app, &sam.cookie).await;
        let off = app
            .api(
                Method::PUT,
                "/api/v1/calendar-feed",
                Some(json!({ "discreet": false, "password": PASSWORD })),
                Some(&sam.cookie),
            )
            .await;
        assert_eq!(off.status(), StatusCode::OK);

        // Later, Sam starts a new space (after a break-up, say) with its own rituals.
        let later = create_space(&app, &sam.cookie, "A fresh start").await;
        walk(&app, &sam.cookie, &later, "Morning run alone").await;
        let text = app.get(&feed).await.text().await.expect("the feed");
        assert!(
            text.contains("Saturday walk together"),
            "{backend:?}: {text}"
        );
        assert!(!text.contains("Morning run alone"), "{backend:?}: {text}");

        // Sam's own new address covers the spaces Sam is in when making it.
        let renewed = alex_makes_the_feed(&app, &sam.cookie).await;
        let text = app.get(&renewed).await.text().await.expect("the feed");
        assert!(text.contains("Morning run alone"), "{backend:?}");
        app.stop().await;
    }
}
