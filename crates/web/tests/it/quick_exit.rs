//! The quick exit ends the session as it leaves, with or without JavaScript, on both databases;
//! another site cannot set it off; pages with account data are never stored, so Back after
//! leaving shows nothing of the account; and the help page sets no cookie and writes nothing,
//! signed out or in.

use reqwest::{Method, StatusCode, header};
use serde_json::json;
use steadfast_store::Backend;
use steadfast_web::WebConfig;

use crate::support::TestApp;
use crate::support::app::{session_cookie, test_clock};
use crate::support::people::{Couple, Person, couple, sign_up};

const EXIT_TO: &str = "https://weather.example/today";

async fn app_on(backend: Backend) -> Option<TestApp> {
    let config = WebConfig {
        quick_exit_url: EXIT_TO.to_owned(),
        ..TestApp::test_config(&test_clock())
    };
    TestApp::builder().config(config).start_on(backend).await
}

async fn me(app: &TestApp, cookie: &str) -> StatusCode {
    app.api(Method::GET, "/api/v1/me", None, Some(cookie))
        .await
        .status()
}

#[tokio::test]
async fn the_quick_exit_ends_the_session_as_it_leaves_without_javascript() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = app_on(backend).await else {
            continue;
        };
        let Person { cookie, id, .. } = sign_up(&app, "leaving-quietly").await;
        let (other_device, _) = {
            let body = json!({ "username": "leaving-quietly", "password": "correct horse battery staple" });
            let response = app
                .api(Method::POST, "/api/v1/sessions", Some(body), None)
                .await;
            (session_cookie(&response).unwrap(), ())
        };

        // Every page carries the exit as a plain form: it needs no script.
        let page = app.get_as("/spaces", &cookie).await.text().await.unwrap();
        assert!(
            page.contains(
                r#"<form id="quick-exit-form" class="quick-exit-form" method="post" action="/exit""#
            ),
            "{page}"
        );
        assert!(page.contains(&format!(r#"data-exit-to="{EXIT_TO}""#)));
        assert!(
            page.contains(r#"<button type="submit" form="quick-exit-form" class="quick-exit""#)
        );

        // The form, as a browser without JavaScript sends it.
        let left = app.post_form_as("/exit", &[], &cookie).await;
        assert_eq!(left.status(), StatusCode::SEE_OTHER);
        assert_eq!(left.headers()[header::LOCATION], EXIT_TO);
        let cleared = left.headers()[header::SET_COOKIE].to_str().unwrap();
        assert!(cleared.contains("Max-Age=0"), "{cleared}");

        // The old cookie signs nobody in: the API says 401, a page asks to sign in.
        assert_eq!(me(&app, &cookie).await, StatusCode::UNAUTHORIZED);
        let back = app.get_as("/spaces", &cookie).await;
        assert_eq!(back.status(), StatusCode::SEE_OTHER);
        let to = back.headers()[header::LOCATION].to_str().unwrap();
        assert!(to.starts_with("/sign-in"), "{to}");
        // Only this device's session ended.
        assert_eq!(app.store.sessions_of(id).await.unwrap().len(), 1);
        assert_eq!(me(&app, &other_device).await, StatusCode::OK);

        // As app.js sends it: a beacon, with no body and no form type.
        let beacon = app
            .client
            .post(app.url("/exit"))
            .header("sec-fetch-site", "same-origin")
            .header("sec-fetch-mode", "no-cors")
            .header(header::COOKIE, &other_device)
            .send()
            .await
            .unwrap();
        assert_eq!(beacon.status(), StatusCode::SEE_OTHER);
        assert_eq!(me(&app, &other_device).await, StatusCode::UNAUTHORIZED);
        assert!(app.store.sessions_of(id).await.unwrap().is_empty());

        // Signed out already (or never signed in), it still leaves.
        let again = app.post_form_as("/exit", &[], &cookie).await;
        assert_eq!(again.status(), StatusCode::SEE_OTHER);
        assert_eq!(again.headers()[header::LOCATION], EXIT_TO);
        app.stop().await;
    }
}

#[tokio::test]
async fn another_site_cannot_set_off_the_quick_exit() {
    let Some(app) = app_on(Backend::Sqlite).await else {
        return;
    };
    let cookie = sign_up(&app, "staying-in").await.cookie;
    let forged = app
        .client
        .post(app.url("/exit"))
        .header("sec-fetch-site", "cross-site")
        .header(header::COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(me(&app, &cookie).await, StatusCode::OK);
    // The page's policy lets the exit's form be redirected to the ordinary site, and nowhere else.
    let page = app.get("/").await;
    let policy = page.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        policy.contains("form-action 'self' https://weather.example;"),
        "{policy}"
    );
    app.stop().await;
}

#[tokio::test]
async fn pages_with_account_data_are_never_stored_so_back_shows_nothing() {
    let Some(app) = app_on(Backend::Sqlite).await else {
        return;
    };
    let Couple { a, space, .. } = couple(&app, "ada", "bram").await;
    for path in [
        "/spaces".to_owned(),
        "/account".to_owned(),
        format!("/spaces/{space}"),
        format!("/spaces/{space}/promises"),
        format!("/spaces/{space}/record"),
        format!("/spaces/{space}/patterns"),
        format!("/spaces/{space}/boundaries"),
        format!("/spaces/{space}/repairs"),
        format!("/spaces/{space}/checkins"),
        "/journal".to_owned(),
        "/help".to_owned(),
    ] {
        let response = app.get_as(&path, &a.cookie).await;
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        assert_eq!(
            response.headers()[header::CACHE_CONTROL],
            "no-store",
            "{path}"
        );
    }
    let left = app.post_form_as("/exit", &[], &a.cookie).await;
    assert_eq!(left.headers()[header::CACHE_CONTROL], "no-store");
    app.stop().await;
}

#[tokio::test]
async fn the_help_page_sets_no_cookie_and_writes_nothing_signed_out_or_in() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = app_on(backend).await else {
            continue;
        };
        let Person { cookie, id, .. } = sign_up(&app, "reading-help").await;
        let sessions = app.store.sessions_of(id).await.unwrap();
        let appends = app.store.write_stats().appends();
        for (who, cookie) in [("signed out", ""), ("signed in", cookie.as_str())] {
            for lang in ["en", "pl"] {
                let mut request = app
                    .client
                    .get(app.url("/help"))
                    .header(header::ACCEPT_LANGUAGE, lang);
                if !cookie.is_empty() {
                    request = request.header(header::COOKIE, cookie);
                }
                let response = request.send().await.unwrap();
                assert_eq!(response.status(), StatusCode::OK, "{who} {lang}");
                assert!(
                    response.headers().get(header::SET_COOKIE).is_none(),
                    "{who} {lang}: a cookie was set"
                );
                assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
            }
        }
        assert_eq!(
            app.store.write_stats().appends(),
            appends,
            "nothing was appended to any stream"
        );
        let after = app.store.sessions_of(id).await.unwrap();
        assert_eq!(after.len(), sessions.len(), "no session started or ended");
        assert_eq!(
            after[0].last_seen_at, sessions[0].last_seen_at,
            "the session was not touched"
        );
        app.stop().await;
    }
}
