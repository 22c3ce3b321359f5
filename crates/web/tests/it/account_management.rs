//! Managing one's own account over HTTP: password change, recovery, new recovery codes, personal
//! API tokens, deleting the account, and the help page that leaves no record.

use std::time::Instant;

use reqwest::header::{self, HeaderMap};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use steadfast_core::Timestamp;
use steadfast_store::Backend;
use steadfast_web::WebConfig;

use crate::support::app::{session_cookie, test_clock};
use crate::support::pages::json;
use crate::support::people::{PASSWORD, sign_in, sign_up, try_sign_in};
use crate::support::{TestApp, assert_same_time};

const NEW_PASSWORD: &str = "a brand new passphrase";

async fn me(app: &TestApp, cookie: &str) -> StatusCode {
    app.api(Method::GET, "/api/v1/me", None, Some(cookie))
        .await
        .status()
}

/// An API request with a bearer token.
async fn as_bearer(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut request = app.client.request(method, app.url(path)).bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

/// Makes a token over the API with the person's session; answers (id, token).
async fn new_token(app: &TestApp, cookie: &str, label: Option<&str>) -> (String, String) {
    let body = match label {
        Some(label) => json!({ "label": label, "password": PASSWORD }),
        None => json!({ "password": PASSWORD }),
    };
    let response = app
        .api(Method::POST, "/api/v1/tokens", Some(body), Some(cookie))
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let created = json(response).await;
    (
        created["id"].as_str().unwrap().to_owned(),
        created["token"].as_str().unwrap().to_owned(),
    )
}

async fn recover(
    app: &TestApp,
    username: &str,
    code: &str,
    new_password: &str,
) -> reqwest::Response {
    let body = json!({ "username": username, "code": code, "new_password": new_password });
    app.api(Method::POST, "/api/v1/recovery", Some(body), None)
        .await
}

/// Everything about an answer a client could compare, except the parts that differ per request.
fn comparable(status: StatusCode, headers: &HeaderMap, body: &str) -> String {
    let mut names: Vec<String> = headers
        .keys()
        .map(|name| name.as_str().to_owned())
        .filter(|name| name != "date")
        .collect();
    names.sort();
    format!("{status} {names:?} {body}")
}

async fn comparable_response(response: reqwest::Response) -> String {
    let (status, headers) = (response.status(), response.headers().clone());
    comparable(status, &headers, &response.text().await.unwrap())
}

/// How many sessions the store holds, of anyone. Counted by deleting them all, so only at the end
/// of a test.
async fn count_and_end_every_session(app: &TestApp) -> u64 {
    app.store
        .delete_sessions_older_than(
            Timestamp::from_millis(i64::MAX),
            Timestamp::from_millis(i64::MAX),
        )
        .await
        .unwrap()
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions_and_the_old_password_stops_working() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let phone = sign_up(&app, "changing-one").await;
        let laptop = sign_in(&app, "changing-one").await;
        let (_, token) = new_token(&app, &phone.cookie, Some("script")).await;

        let response = app
            .post_form_as(
                "/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("new_password", NEW_PASSWORD),
                ],
                &phone.cookie,
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{backend:?}");
        assert_eq!(
            response.headers()[header::LOCATION],
            "/account?done=password"
        );
        assert!(response.headers().get(header::SET_COOKIE).is_none());

        assert_eq!(
            me(&app, &phone.cookie).await,
            StatusCode::OK,
            "this one stays"
        );
        assert_eq!(
            me(&app, &laptop).await,
            StatusCode::UNAUTHORIZED,
            "others end"
        );
        // Tokens end with the old password: one made by someone else with this phone in their
        // hand must not outlive it (issue 14).
        let by_token = as_bearer(&app, Method::GET, "/api/v1/me", &token, None).await;
        assert_eq!(by_token.status(), StatusCode::UNAUTHORIZED);
        let html = app
            .get_as("/account?done=password", &phone.cookie)
            .await
            .text()
            .await
            .unwrap();
        assert!(html.contains("Your password is changed"), "{html}");
        assert!(html.contains("every personal API token and your calendar feed were revoked"));

        let old = try_sign_in(&app, "changing-one", PASSWORD).await;
        assert_eq!(old.status(), StatusCode::UNAUTHORIZED);
        let new = try_sign_in(&app, "changing-one", NEW_PASSWORD).await;
        assert_eq!(new.status(), StatusCode::CREATED);

        // The same over the API, back again.
        let body = json!({ "current_password": NEW_PASSWORD, "new_password": PASSWORD });
        let response = app
            .api(
                Method::PUT,
                "/api/v1/me/password",
                Some(body),
                Some(&phone.cookie),
            )
            .await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        assert_eq!(
            try_sign_in(&app, "changing-one", NEW_PASSWORD)
                .await
                .status(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            try_sign_in(&app, "changing-one", PASSWORD).await.status(),
            StatusCode::CREATED
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_wrong_current_password_is_refused_with_the_form_kept() {
    let app = TestApp::builder().start().await;
    let phone = sign_up(&app, "careful-changer").await;
    let laptop = sign_in(&app, "careful-changer").await;

    let response = app
        .post_form_as(
            "/account/password",
            &[
                ("current_password", "not my password at all"),
                ("new_password", NEW_PASSWORD),
            ],
            &phone.cookie,
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("That is not your current password."),
        "{html}"
    );
    assert!(html.contains(r#"id="current-password-error""#));
    assert!(html.contains(r#"aria-invalid="true""#));
    assert!(
        html.contains("Signed in as careful-changer"),
        "the page is whole"
    );
    for typed in ["not my password at all", NEW_PASSWORD] {
        assert!(!html.contains(typed), "a password is never echoed");
    }

    // A new password the policy refuses: the message is beside the new password's field.
    let response = app
        .post_form_as(
            "/account/password",
            &[("current_password", PASSWORD), ("new_password", "short")],
            &phone.cookie,
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"id="new-password-error""#), "{html}");
    assert!(html.contains("A password needs at least 8 characters."));

    // Over the API: stable codes.
    let body = json!({ "current_password": "wrong wrong wrong", "new_password": NEW_PASSWORD });
    let response = app
        .api(
            Method::PUT,
            "/api/v1/me/password",
            Some(body),
            Some(&phone.cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(json(response).await["error"], "password_wrong");
    let body = json!({ "current_password": PASSWORD, "new_password": "password123" });
    let response = app
        .api(
            Method::PUT,
            "/api/v1/me/password",
            Some(body),
            Some(&phone.cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(response).await["error"], "password_too_common");

    // Nothing changed.
    assert_eq!(me(&app, &laptop).await, StatusCode::OK);
    assert_eq!(
        try_sign_in(&app, "careful-changer", PASSWORD)
            .await
            .status(),
        StatusCode::CREATED
    );
    app.stop().await;
}

#[tokio::test]
async fn recovery_with_a_valid_code_works_once_and_ends_every_session() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let person = sign_up(&app, "forgetful").await;
        let laptop = sign_in(&app, "forgetful").await;
        let (_, token) = new_token(&app, &person.cookie, None).await;

        // Typed as a person might: capitals and spaces instead of dashes.
        let typed = person.recovery_codes[3].to_uppercase().replace('-', " ");
        let response = recover(&app, "Forgetful", &typed, NEW_PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK, "{backend:?}");
        let fresh = session_cookie(&response).unwrap();
        let body = json(response).await;
        assert_eq!(body["id"], person.id.to_string());
        assert_eq!(body["recovery_codes_left"], 9);

        assert_eq!(me(&app, &fresh).await, StatusCode::OK);
        for old in [&person.cookie, &laptop] {
            assert_eq!(me(&app, old).await, StatusCode::UNAUTHORIZED);
        }
        let by_token = as_bearer(&app, Method::GET, "/api/v1/me", &token, None).await;
        assert_eq!(
            by_token.status(),
            StatusCode::UNAUTHORIZED,
            "tokens revoked"
        );
        assert_eq!(
            try_sign_in(&app, "forgetful", PASSWORD).await.status(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            try_sign_in(&app, "forgetful", NEW_PASSWORD).await.status(),
            StatusCode::CREATED
        );

        // The same code a second time is refused, and changes nothing.
        let again = recover(
            &app,
            "forgetful",
            &person.recovery_codes[3],
            "yet another passphrase",
        )
        .await;
        assert_eq!(again.status(), StatusCode::UNAUTHORIZED);
        assert!(again.headers().get(header::SET_COOKIE).is_none());
        assert_eq!(json(again).await["error"], "recovery_failed");
        assert_eq!(me(&app, &fresh).await, StatusCode::OK);
        assert_eq!(
            try_sign_in(&app, "forgetful", NEW_PASSWORD).await.status(),
            StatusCode::CREATED
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn recovery_answers_identically_for_unknown_names_wrong_codes_and_used_codes() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let person = sign_up(&app, "known-person").await;
    let used = recover(
        &app,
        "known-person",
        &person.recovery_codes[0],
        NEW_PASSWORD,
    )
    .await;
    assert_eq!(used.status(), StatusCode::OK);

    let unknown = recover(
        &app,
        "nobody-by-this-name",
        &person.recovery_codes[1],
        NEW_PASSWORD,
    )
    .await;
    let wrong = recover(&app, "known-person", "0000-0000-0000-0000", NEW_PASSWORD).await;
    let used_again = recover(
        &app,
        "known-person",
        &person.recovery_codes[0],
        NEW_PASSWORD,
    )
    .await;
    let malformed = recover(&app, "known-person", "not a code", NEW_PASSWORD).await;
    let answers = [
        comparable_response(unknown).await,
        comparable_response(wrong).await,
        comparable_response(used_again).await,
        comparable_response(malformed).await,
    ];
    assert!(answers[0].starts_with("401"), "{}", answers[0]);
    assert!(answers[0].contains(r#""error":"recovery_failed""#));
    for answer in &answers[1..] {
        assert_eq!(answer, &answers[0]);
    }

    // The page too, apart from the name it keeps in the form.
    let mut pages = Vec::new();
    for (username, code) in [
        ("known-person", "zzzz-zzzz-zzzz-zzzz"),
        ("nobody-by-this-name", person.recovery_codes[2].as_str()),
    ] {
        let response = app
            .post_form(
                "/recovery",
                &[
                    ("username", username),
                    ("code", code),
                    ("new_password", NEW_PASSWORD),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(response.headers().get(header::SET_COOKIE).is_none());
        let html = response.text().await.unwrap();
        assert!(html.contains("do not match, or the code was already used"));
        assert!(!html.contains(code), "the code is not echoed");
        assert!(!html.contains(NEW_PASSWORD), "the password is not echoed");
        pages.push(html.replace(username, "NAME"));
    }
    assert_eq!(pages[0], pages[1]);
    // The unknown name's attempt did not spend the code it named. (Past the limit per name
    // first: this was the sixth attempt for it.)
    clock.advance_millis(10 * 60_000);
    let response = recover(&app, "known-person", &person.recovery_codes[2], PASSWORD).await;
    assert_eq!(response.status(), StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn recovery_takes_about_as_long_for_unknown_names_as_for_wrong_codes() {
    let clock = test_clock();
    let app = TestApp::builder()
        .clock(&clock)
        .real_hashing()
        .alone()
        .start()
        .await;
    sign_up(&app, "known-person").await;
    let attempt = |username: &'static str| {
        let app = &app;
        async move {
            let started = Instant::now();
            let response = recover(app, username, "0000-0000-0000-0000", NEW_PASSWORD).await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
            started.elapsed()
        }
    };
    // Two of each per round, within the limits per name and per address; the clock moves on.
    let mut times = (Vec::new(), Vec::new());
    for _ in 0..10 {
        for _ in 0..2 {
            times.0.push(attempt("known-person").await);
            times.1.push(attempt("nobody-by-this-name").await);
        }
        clock.advance_millis(30 * 60_000);
    }
    assert_same_time(times.0, times.1);
    app.stop().await;
}

#[tokio::test]
async fn a_flood_of_recovery_attempts_gets_429_with_retry_after() {
    let app = TestApp::builder().start().await;
    let person = sign_up(&app, "targeted").await;
    let mut statuses = Vec::new();
    for _ in 0..7 {
        let response = recover(&app, "targeted", "0000-0000-0000-0000", NEW_PASSWORD).await;
        statuses.push(response.status());
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            let retry_after: u64 = response.headers()[header::RETRY_AFTER]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            assert!((1..=300).contains(&retry_after), "{retry_after}");
            assert_eq!(json(response).await["error"], "too_many_requests");
        }
    }
    assert_eq!(&statuses[..5], &[StatusCode::UNAUTHORIZED; 5]);
    assert_eq!(&statuses[5..], &[StatusCode::TOO_MANY_REQUESTS; 2]);

    // Even the right code waits: the limit is on the door, not on wrong answers.
    let response = recover(&app, "targeted", &person.recovery_codes[0], NEW_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    // The page gets a page, with the same header.
    let response = app
        .post_form(
            "/recovery",
            &[
                ("username", "targeted"),
                ("code", &person.recovery_codes[0]),
                ("new_password", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key(header::RETRY_AFTER));
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Please wait a moment")
    );
    // The person is not locked out of signing in by someone hammering recovery.
    assert_eq!(
        try_sign_in(&app, "targeted", PASSWORD).await.status(),
        StatusCode::CREATED
    );
    app.stop().await;
}

#[tokio::test]
async fn the_recovery_page_works_signed_out_and_signs_in_afresh() {
    let app = TestApp::builder().start().await;
    let person = sign_up(&app, "page-recoverer").await;
    let sign_in_page = app.get("/sign-in").await.text().await.unwrap();
    assert!(sign_in_page.contains(r#"href="/recovery""#));

    let form = app.get("/recovery").await;
    assert_eq!(form.status(), StatusCode::OK);
    assert!(form.headers().get(header::SET_COOKIE).is_none());
    let html = form.text().await.unwrap();
    assert!(html.contains("never goes through your partner"));

    // A weak new password: refused beside its field, the name kept, the code not.
    let response = app
        .post_form(
            "/recovery",
            &[
                ("username", "page-recoverer"),
                ("code", &person.recovery_codes[0]),
                ("new_password", "qwerty123"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"value="page-recoverer""#));
    assert!(html.contains(r#"id="new-password-error""#));
    assert!(!html.contains(&person.recovery_codes[0]));

    let response = app
        .post_form(
            "/recovery",
            &[
                ("username", "page-recoverer"),
                ("code", &person.recovery_codes[0]),
                ("new_password", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()[header::LOCATION],
        "/account?done=recovered"
    );
    let fresh = session_cookie(&response).unwrap();
    let html = app
        .get_as("/account?done=recovered", &fresh)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Your new password is set"), "{html}");
    assert!(html.contains("You have 9 unused recovery codes."));
    assert_eq!(me(&app, &person.cookie).await, StatusCode::UNAUTHORIZED);
    app.stop().await;
}

#[tokio::test]
async fn after_the_last_recovery_code_the_account_page_suggests_new_ones() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let person = sign_up(&app, "code-spender").await;
    let mut cookie = person.cookie.clone();
    for code in &person.recovery_codes {
        // Past the recovery limits, which one person using their codes would never reach.
        clock.advance_millis(10 * 60_000);
        let response = recover(&app, "code-spender", code, PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK);
        cookie = session_cookie(&response).unwrap();
    }
    let html = app.get_as("/account", &cookie).await.text().await.unwrap();
    assert!(
        html.contains("You have used your last recovery code."),
        "{html}"
    );
    assert!(html.contains("You have no unused recovery codes."));

    // A while after the recovery, new codes need the password (the session the recovery
    // started may renew them without it for a few minutes only: see abuse::recovery).
    clock.advance_millis(16 * 60_000);
    let response = app
        .post_form_as(
            "/account/recovery-codes",
            &[("password", "wrong one")],
            &cookie,
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"id="recovery-password-error""#));
    assert_eq!(app.store.unused_recovery_codes(person.id).await.unwrap(), 0);

    let response = app
        .post_form_as(
            "/account/recovery-codes",
            &[("password", PASSWORD)],
            &cookie,
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert_eq!(html.matches("<li><code>").count(), 10);
    assert!(html.contains(r#"href="/account""#));
    let html = app.get_as("/account", &cookie).await.text().await.unwrap();
    assert!(!html.contains("You have used your last recovery code."));
    assert!(html.contains("You have 10 unused recovery codes."));

    // Over the API: a new set replaces the one just shown.
    let response = app
        .api(
            Method::POST,
            "/api/v1/me/recovery-codes",
            Some(json!({ "password": PASSWORD })),
            Some(&cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let codes = json(response).await["recovery_codes"].clone();
    let codes: Vec<&str> = codes
        .as_array()
        .unwrap()
        .iter()
        .map(|code| code.as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), 10);
    clock.advance_millis(10 * 60_000);
    let response = recover(&app, "code-spender", codes[0], NEW_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::OK);
    app.stop().await;
}

/// Credentials that are presented and not understood sign no one in, even beside a good session
/// cookie: an API call never falls back to the cookie behind a broken `Authorization` header.
#[tokio::test]
async fn an_authorization_header_that_is_not_a_bearer_token_signs_no_one_in() {
    let app = TestApp::builder().start().await;
    let person = sign_up(&app, "header-tester").await;
    let fine = app
        .api(Method::GET, "/api/v1/me", None, Some(&person.cookie))
        .await;
    assert_eq!(fine.status(), StatusCode::OK);
    for header in [
        "Basic c2FtOnNhbQ==",
        "Bearer",
        "token-without-a-scheme",
        "Bearer nonsense",
    ] {
        let response = app
            .client
            .get(app.url("/api/v1/me"))
            .header(reqwest::header::COOKIE, &person.cookie)
            .header(reqwest::header::AUTHORIZATION, header)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{header}");
        assert_eq!(json(response).await["error"], "sign_in_needed", "{header}");
    }
    app.stop().await;
}

#[tokio::test]
async fn a_token_works_as_a_bearer_until_it_is_revoked() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let person = sign_up(&app, "script-writer").await;
        // No body at all is fine: an unnamed token.
        let (unnamed_id, _) = new_token(&app, &person.cookie, None).await;
        let (id, token) = new_token(&app, &person.cookie, Some("backup script")).await;
        assert_eq!(token.len(), 64);

        let response = as_bearer(&app, Method::GET, "/api/v1/me", &token, None).await;
        assert_eq!(response.status(), StatusCode::OK, "{backend:?}");
        assert_eq!(json(response).await["username"], "script-writer");

        let response = app
            .api(Method::GET, "/api/v1/tokens", None, Some(&person.cookie))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let text = response.text().await.unwrap();
        assert!(!text.contains(&token), "the token is never shown again");
        let list: Value = serde_json::from_str(&text).unwrap();
        let tokens = list["tokens"].as_array().unwrap();
        assert_eq!(tokens.len(), 2);
        let line = tokens
            .iter()
            .find(|line| line["id"] == id.as_str())
            .unwrap();
        assert_eq!(line["label"], "backup script");
        assert!(line["last_used_at"].is_i64(), "{line}");
        let unnamed = tokens
            .iter()
            .find(|line| line["id"] == unnamed_id.as_str())
            .unwrap();
        assert!(unnamed["last_used_at"].is_null());

        let response = app
            .api(
                Method::DELETE,
                &format!("/api/v1/tokens/{id}"),
                None,
                Some(&person.cookie),
            )
            .await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        let response = as_bearer(&app, Method::GET, "/api/v1/me", &token, None).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(json(response).await["error"], "sign_in_needed");
        // Revoking it again: it is gone.
        let response = app
            .api(
                Method::DELETE,
                &format!("/api/v1/tokens/{id}"),
                None,
                Some(&person.cookie),
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        app.stop().await;
    }
}

#[tokio::test]
async fn someone_elses_token_id_is_not_found_and_nothing_is_revoked() {
    let app = TestApp::builder().start().await;
    let owner = sign_up(&app, "token-owner").await;
    let other = sign_up(&app, "token-thief").await;
    let (id, token) = new_token(&app, &owner.cookie, Some("mine")).await;

    let response = app
        .api(
            Method::DELETE,
            &format!("/api/v1/tokens/{id}"),
            None,
            Some(&other.cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(json(response).await["error"], "not_found");
    let response = app
        .post_form_as(&format!("/account/tokens/{id}/revoke"), &[], &other.cookie)
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // Their lists are their own.
    let theirs = json(
        app.api(Method::GET, "/api/v1/tokens", None, Some(&other.cookie))
            .await,
    )
    .await;
    assert_eq!(theirs["tokens"].as_array().unwrap().len(), 0);
    let html = app
        .get_as("/account", &other.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains(&id));

    let response = as_bearer(&app, Method::GET, "/api/v1/me", &token, None).await;
    assert_eq!(response.status(), StatusCode::OK, "still works");
    assert_eq!(app.store.api_tokens_of(owner.id).await.unwrap().len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn a_token_does_not_open_pages_nor_manage_the_account() {
    let app = TestApp::builder().start().await;
    let person = sign_up(&app, "token-holder").await;
    let (_, token) = new_token(&app, &person.cookie, None).await;

    let response = as_bearer(&app, Method::GET, "/account", &token, None).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()[header::LOCATION],
        "/sign-in?next=/account"
    );
    let home = as_bearer(&app, Method::GET, "/", &token, None).await;
    let html = home.text().await.unwrap();
    assert!(html.contains(r#"href="/sign-in""#), "shown as signed out");
    let response = app
        .client
        .post(app.url("/account/tokens"))
        .bearer_auth(&token)
        .header("sec-fetch-site", "same-origin")
        .form(&[("label", "sneaky"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "sent to sign in");

    // Over the API, a token reaches the person's data but not the keys to the account.
    let attempts = [
        (
            Method::POST,
            "/api/v1/tokens",
            json!({ "label": "more", "password": PASSWORD }),
        ),
        (Method::GET, "/api/v1/tokens", json!({})),
        (
            Method::PUT,
            "/api/v1/me/password",
            json!({ "current_password": PASSWORD, "new_password": NEW_PASSWORD }),
        ),
        (
            Method::POST,
            "/api/v1/me/recovery-codes",
            json!({ "password": PASSWORD }),
        ),
        (
            Method::DELETE,
            "/api/v1/me",
            json!({ "password": PASSWORD }),
        ),
    ];
    for (method, path, body) in attempts {
        let response = as_bearer(&app, method.clone(), path, &token, Some(body)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{method} {path}");
        assert_eq!(json(response).await["error"], "session_required");
    }
    assert_eq!(app.store.api_tokens_of(person.id).await.unwrap().len(), 1);
    assert_eq!(
        try_sign_in(&app, "token-holder", PASSWORD).await.status(),
        StatusCode::CREATED
    );
    app.stop().await;
}

#[tokio::test]
async fn tokens_on_the_account_page_are_shown_once_listed_and_revoked() {
    let app = TestApp::builder().start().await;
    let person = sign_up(&app, "page-tokens").await;

    let response = app
        .post_form_as(
            "/account/tokens",
            &[("label", &"x".repeat(61)), ("password", PASSWORD)],
            &person.cookie,
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains(&format!(r#"value="{}""#, "x".repeat(61))),
        "kept"
    );
    assert!(html.contains("at most 60 characters"));
    assert!(app.store.api_tokens_of(person.id).await.unwrap().is_empty());

    let response = app
        .post_form_as(
            "/account/tokens",
            &[("label", "backup script"), ("password", PASSWORD)],
            &person.cookie,
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    let start = html.find(r#"<code class="secret">"#).unwrap() + r#"<code class="secret">"#.len();
    let token = &html[start..start + 64];
    assert!(token.chars().all(|c| c.is_ascii_hexdigit()), "{token}");

    let account = app
        .get_as("/account", &person.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(account.contains("backup script"));
    assert!(account.contains("not used yet"));
    assert!(!account.contains(token), "never shown again");

    let response = as_bearer(&app, Method::GET, "/api/v1/me", token, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let account = app
        .get_as("/account", &person.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(account.contains("last used just now"), "{account}");

    let id = app.store.api_tokens_of(person.id).await.unwrap()[0]
        .id
        .clone();
    let response = app
        .post_form_as(&format!("/account/tokens/{id}/revoke"), &[], &person.cookie)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()[header::LOCATION],
        "/account?done=token-revoked"
    );
    let response = as_bearer(&app, Method::GET, "/api/v1/me", token, None).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

#[tokio::test]
async fn deleting_the_account_ends_every_session_and_token_and_sign_in_then_answers_like_an_unknown_name()
 {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let person = sign_up(&app, "leaving-for-good").await;
        let laptop = sign_in(&app, "leaving-for-good").await;
        let (_, token) = new_token(&app, &person.cookie, None).await;

        let wrong = app
            .api(
                Method::DELETE,
                "/api/v1/me",
                Some(json!({ "password": "not the password" })),
                Some(&person.cookie),
            )
            .await;
        assert_eq!(wrong.status(), StatusCode::FORBIDDEN, "{backend:?}");
        assert_eq!(json(wrong).await["error"], "password_wrong");
        assert_eq!(me(&app, &laptop).await, StatusCode::OK, "nothing deleted");

        let response = app
            .api(
                Method::DELETE,
                "/api/v1/me",
                Some(json!({ "password": PASSWORD })),
                Some(&person.cookie),
            )
            .await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        assert!(
            response.headers()[header::SET_COOKIE]
                .to_str()
                .unwrap()
                .contains("Max-Age=0")
        );
        for cookie in [&person.cookie, &laptop] {
            assert_eq!(me(&app, cookie).await, StatusCode::UNAUTHORIZED);
        }
        let response = as_bearer(&app, Method::GET, "/api/v1/me", &token, None).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(app.store.account(person.id).await.unwrap().is_none());
        assert!(app.store.api_tokens_of(person.id).await.unwrap().is_empty());
        assert_eq!(app.store.unused_recovery_codes(person.id).await.unwrap(), 0);

        let deleted =
            comparable_response(try_sign_in(&app, "leaving-for-good", PASSWORD).await).await;
        let unknown = comparable_response(try_sign_in(&app, "never-existed", PASSWORD).await).await;
        assert_eq!(deleted, unknown);
        assert!(deleted.starts_with("401"));
        // The name is free again.
        sign_up(&app, "leaving-for-good").await;
        app.stop().await;
    }
}

#[tokio::test]
async fn the_delete_page_asks_for_the_password_then_deletes_and_signs_out() {
    let app = TestApp::builder().start().await;
    let person = sign_up(&app, "page-leaver").await;
    let account = app
        .get_as("/account", &person.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(account.contains(r#"href="/account/delete""#));

    let confirm = app.get_as("/account/delete", &person.cookie).await;
    assert_eq!(confirm.status(), StatusCode::OK);
    let html = confirm.text().await.unwrap();
    assert!(html.contains("This cannot be undone"));
    assert!(html.contains(r#"action="/account/delete""#));
    assert_eq!(
        app.get("/account/delete").await.status(),
        StatusCode::SEE_OTHER,
        "signed-out visitors are sent to sign in"
    );

    let response = app
        .post_form_as(
            "/account/delete",
            &[("password", "wrong password")],
            &person.cookie,
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(response.headers().get(header::SET_COOKIE).is_none());
    let html = response.text().await.unwrap();
    assert!(html.contains("That is not your current password."));
    assert!(!html.contains("wrong password"));
    assert_eq!(me(&app, &person.cookie).await, StatusCode::OK);

    let response = app
        .post_form_as("/account/delete", &[("password", PASSWORD)], &person.cookie)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/account/deleted");
    assert!(
        response.headers()[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let done = app.get("/account/deleted").await;
    assert_eq!(done.status(), StatusCode::OK);
    assert!(
        done.text()
            .await
            .unwrap()
            .contains("Your account is deleted")
    );
    assert_eq!(me(&app, &person.cookie).await, StatusCode::UNAUTHORIZED);
    assert!(app.store.account(person.id).await.unwrap().is_none());
    app.stop().await;
}

#[tokio::test]
async fn the_help_page_works_signed_out_and_leaves_no_record() {
    let config = WebConfig {
        help_resources: vec![
            ("A helpline".to_owned(), "+48 800 120 002".to_owned()),
            ("A chat".to_owned(), "https://help.example/chat".to_owned()),
        ],
        ..TestApp::test_config(&test_clock())
    };
    let app = TestApp::builder().config(config).start().await;
    sign_up(&app, "someone-here").await;

    let home = app.get("/").await.text().await.unwrap();
    assert!(
        home.contains(r#"<a href="/help">Help and safety</a>"#),
        "in the footer"
    );

    let response = app.get("/help").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().get(header::SET_COOKIE).is_none());
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
    let html = response.text().await.unwrap();
    for words in [
        "If you are afraid of your partner",
        "call your local emergency number",
        "Quick exit",
        "Shift key three times",
        "Clearing your browser",
        "What Steadfast is for",
    ] {
        assert!(html.contains(words), "{words:?} missing");
    }
    assert!(
        html.contains(
            r#"<a href="tel:+48800120002" rel="noreferrer noopener">+48 800 120 002</a>"#
        ),
        "{html}"
    );
    assert!(html.contains(r#"href="https://help.example/chat""#));

    let polish = app
        .client
        .get(app.url("/help"))
        .header(header::ACCEPT_LANGUAGE, "pl")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(polish.contains("Jeśli boisz się osoby, z którą jesteś"));

    // Only the sign-up's session exists: the visits made none.
    assert_eq!(count_and_end_every_session(&app).await, 1);
    app.stop().await;
}

#[tokio::test]
async fn the_help_page_does_not_touch_a_signed_in_visitors_session() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let person = sign_up(&app, "quiet-reader").await;
    let last_seen = || {
        let app = &app;
        let id = person.id;
        async move { app.store.sessions_of(id).await.unwrap()[0].last_seen_at }
    };
    let signed_up_at = last_seen().await;

    clock.advance_millis(5 * 60_000);
    let response = app.get_as("/help", &person.cookie).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().get(header::SET_COOKIE).is_none());
    let html = response.text().await.unwrap();
    assert!(
        html.contains(r#"href="/account""#),
        "the header knows who is here"
    );
    assert_eq!(last_seen().await, signed_up_at, "the visit left no trace");
    assert_eq!(app.store.sessions_of(person.id).await.unwrap().len(), 1);

    // Any other page records the activity, so the check above means something.
    app.get_as("/", &person.cookie).await;
    assert_ne!(last_seen().await, signed_up_at);
    app.stop().await;
}
