//! Accounts and sessions over HTTP: sign-up, sign-in, sign-out, session lifetimes, the account
//! page, enumeration resistance and rate limits.

use std::time::Instant;

use reqwest::header::{self, HeaderMap};
use reqwest::{Method, StatusCode};
use serde_json::json;
use steadfast_app::passwords::PasswordCost;
use steadfast_web::WebConfig;

use crate::support::app::{session_cookie, test_clock};
use crate::support::pages::json;
use crate::support::people::PASSWORD;
use crate::support::{TestApp, assert_same_time};

#[tokio::test]
async fn sign_up_over_the_api_gives_an_id_recovery_codes_and_a_strict_session_cookie() {
    let app = TestApp::builder().start().await;
    let body = json!({ "username": "quiet-river", "password": PASSWORD });
    let response = app
        .api(Method::POST, "/api/v1/accounts", Some(body), None)
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let set_cookie = response.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    for attribute in [
        "__Host-steadfast=",
        "Path=/",
        "HttpOnly",
        "SameSite=Lax",
        "Secure",
    ] {
        assert!(
            set_cookie.contains(attribute),
            "{attribute} missing in {set_cookie}"
        );
    }
    assert!(
        !set_cookie.contains("Domain="),
        "__Host- cookies carry no Domain"
    );
    let cookie = session_cookie(&response).unwrap();
    let created = json(response).await;
    assert!(created["id"].as_str().is_some_and(|id| id.len() == 36));
    let codes = created["recovery_codes"].as_array().unwrap();
    assert_eq!(codes.len(), 10);
    assert!(
        codes
            .iter()
            .all(|code| code.as_str().is_some_and(|code| code.len() == 19))
    );

    let me = app
        .api(Method::GET, "/api/v1/me", None, Some(&cookie))
        .await;
    assert_eq!(me.status(), StatusCode::OK);
    let me = json(me).await;
    assert_eq!(me["username"], "quiet-river");
    assert_eq!(me["id"], created["id"]);
    app.stop().await;
}

#[tokio::test]
async fn sign_up_refusals_are_clear_and_keep_the_first_account() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    app.sign_up("Quiet-River", PASSWORD).await;
    let cases = [
        (
            json!({ "username": "quiet-river", "password": PASSWORD }),
            StatusCode::CONFLICT,
            "username_taken",
        ),
        (
            json!({ "username": "ab", "password": PASSWORD }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "username_too_short",
        ),
        (
            json!({ "username": "two words", "password": PASSWORD }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "username_bad_character",
        ),
        (
            json!({ "username": "new-name", "password": "short" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "password_too_short",
        ),
        (
            json!({ "username": "new-name", "password": "password123" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "password_too_common",
        ),
        (
            json!({ "username": "new-name", "password": "New-Name" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "password_same_as_username",
        ),
        (
            json!({ "username": "new-name", "password": "new-name-x", "email": "not an email" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "email_invalid",
        ),
        (
            json!({ "username": "new-name" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
        ),
    ];
    for (body, status, code) in cases {
        // Past the sign-up limit of this address, which counts refused attempts too.
        clock.advance_millis(10 * 60_000);
        let response = app
            .api(Method::POST, "/api/v1/accounts", Some(body.clone()), None)
            .await;
        assert_eq!(response.status(), status, "{body}");
        assert!(response.headers().get(header::SET_COOKIE).is_none());
        let error = json(response).await;
        assert_eq!(error["error"], code, "{body}");
        assert!(
            error["message"]
                .as_str()
                .is_some_and(|message| message.len() > 10),
            "{error}"
        );
    }
    // The first account still signs in with its own password.
    let body = json!({ "username": "QUIET-RIVER", "password": PASSWORD });
    let response = app
        .api(Method::POST, "/api/v1/sessions", Some(body), None)
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    app.stop().await;
}

#[tokio::test]
async fn long_unicode_passwords_are_welcome() {
    let app = TestApp::builder().start().await;
    let password = "Zażółć gęślą jaźń — 我的密码很长 🙂 ".repeat(10);
    assert!(password.len() > 400 && password.len() <= 1024);
    app.sign_up("unicode-fan", &password).await;
    let body = json!({ "username": "unicode-fan", "password": password });
    let response = app
        .api(Method::POST, "/api/v1/sessions", Some(body), None)
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    app.stop().await;
}

/// Everything about an answer a client could compare, except the parts that differ per request.
fn comparable(status: StatusCode, headers: &HeaderMap, body: &str) -> String {
    let mut names: Vec<String> = headers
        .keys()
        .map(|name| name.as_str().to_owned())
        .filter(|name| name != "date" && name != "x-request-id")
        .collect();
    names.sort();
    format!("{status} {names:?} {body}")
}

#[tokio::test]
async fn sign_in_answers_the_same_for_unknown_names_and_wrong_passwords() {
    // Real hashing costs, so that the time comparison means something, and no other test
    // competing for the processors.
    let clock = test_clock();
    let app = TestApp::builder()
        .clock(&clock)
        .real_hashing()
        .alone()
        .start()
        .await;
    app.sign_up("known-person", PASSWORD).await;

    let attempt = |username: &'static str| {
        let app = &app;
        async move {
            let body = json!({ "username": username, "password": "wrong password here" });
            let started = Instant::now();
            let response = app
                .api(Method::POST, "/api/v1/sessions", Some(body), None)
                .await;
            let elapsed = started.elapsed();
            let (status, headers) = (response.status(), response.headers().clone());
            (
                comparable(status, &headers, &response.text().await.unwrap()),
                elapsed,
            )
        }
    };
    let (known, _) = attempt("known-person").await;
    let (unknown, _) = attempt("nobody-by-this-name").await;
    assert_eq!(known, unknown);
    assert!(known.starts_with("401"), "{known}");

    // Time: the median of many tries each, known and unknown interleaved. The per-account limit
    // allows ten tries a minute; the clock moves on between rounds.
    let mut times = (Vec::new(), Vec::new());
    for _ in 0..10 {
        for _ in 0..4 {
            times.0.push(attempt("known-person").await.1);
            times.1.push(attempt("nobody-by-this-name").await.1);
        }
        clock.advance_millis(10 * 60_000);
    }
    assert_same_time(times.0, times.1);
    app.stop().await;
}

#[tokio::test]
async fn the_sign_in_page_answers_the_same_for_unknown_names_and_wrong_passwords() {
    let app = TestApp::builder().start().await;
    app.sign_up("known-person", PASSWORD).await;
    let mut pages = Vec::new();
    for username in ["known-person", "nobody-by-this-name"] {
        let response = app
            .post_form(
                "/sign-in",
                &[
                    ("username", username),
                    ("password", "wrong password"),
                    ("next", "/"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(response.headers().get(header::SET_COOKIE).is_none());
        let html = response.text().await.unwrap();
        assert!(html.contains("That login name and password do not match"));
        assert!(
            !html.contains("wrong password"),
            "the password is never echoed"
        );
        pages.push(html.replace(username, "NAME"));
    }
    assert_eq!(pages[0], pages[1]);
    app.stop().await;
}

#[tokio::test]
async fn signing_in_again_ends_the_session_the_browser_had() {
    let app = TestApp::builder().start().await;
    let first = app.sign_up("rotating", PASSWORD).await;
    let response = app
        .client
        .post(app.url("/sign-in"))
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, &first)
        .form(&[
            ("username", "rotating"),
            ("password", PASSWORD),
            ("next", "/account"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/account");
    let second = session_cookie(&response).unwrap();
    assert_ne!(first, second);
    assert_eq!(
        app.api(Method::GET, "/api/v1/me", None, Some(&first))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.api(Method::GET, "/api/v1/me", None, Some(&second))
            .await
            .status(),
        StatusCode::OK
    );
    app.stop().await;
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let app = TestApp::builder().start().await;
    let cookie = app.sign_up("leaving-soon", PASSWORD).await;
    let response = app
        .api(
            Method::DELETE,
            "/api/v1/sessions/current",
            None,
            Some(&cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert!(
        response.headers()[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let me = app
        .api(Method::GET, "/api/v1/me", None, Some(&cookie))
        .await;
    assert_eq!(me.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(json(me).await["error"], "sign_in_needed");

    // The same through the page's form.
    let cookie = app.sign_up("leaving-too", PASSWORD).await;
    let response = app.post_form_as("/sign-out", &[], &cookie).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.api(Method::GET, "/api/v1/me", None, Some(&cookie))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    app.stop().await;
}

#[tokio::test]
async fn sessions_end_after_thirty_idle_minutes_and_twelve_hours_in_all() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let me = |cookie: String| {
        let app = &app;
        async move {
            app.api(Method::GET, "/api/v1/me", None, Some(&cookie))
                .await
                .status()
        }
    };

    let idle = app.sign_up("idle-person", PASSWORD).await;
    clock.advance_millis(29 * 60_000);
    assert_eq!(
        me(idle.clone()).await,
        StatusCode::OK,
        "29 minutes idle is fine"
    );
    clock.advance_millis(29 * 60_000);
    assert_eq!(
        me(idle.clone()).await,
        StatusCode::OK,
        "activity restarted the idle clock"
    );
    clock.advance_millis(30 * 60_000);
    assert_eq!(
        me(idle).await,
        StatusCode::UNAUTHORIZED,
        "30 minutes idle ends it"
    );

    let busy = app.sign_up("busy-person", PASSWORD).await;
    for _ in 0..(12 * 60 / 20 - 1) {
        clock.advance_millis(20 * 60_000);
        assert_eq!(me(busy.clone()).await, StatusCode::OK);
    }
    clock.advance_millis(20 * 60_000);
    assert_eq!(
        me(busy).await,
        StatusCode::UNAUTHORIZED,
        "12 hours after sign-in it ends however busy"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_flood_of_sign_ins_gets_429_with_retry_after_never_a_500() {
    let app = TestApp::builder().start().await;
    app.sign_up("popular-name", PASSWORD).await;
    let mut statuses = Vec::new();
    for _ in 0..15 {
        let body = json!({ "username": "popular-name", "password": "guess guess guess" });
        let response = app
            .api(Method::POST, "/api/v1/sessions", Some(body), None)
            .await;
        statuses.push(response.status());
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            let retry_after: u64 = response.headers()[header::RETRY_AFTER]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            assert!((1..=60).contains(&retry_after), "{retry_after}");
            assert_eq!(json(response).await["error"], "too_many_requests");
        }
    }
    assert_eq!(&statuses[..10], &[StatusCode::UNAUTHORIZED; 10]);
    assert!(
        statuses[10..]
            .iter()
            .all(|status| *status == StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );

    // Pages get a page, with the same header.
    let response = app
        .post_form(
            "/sign-in",
            &[
                ("username", "popular-name"),
                ("password", "x"),
                ("next", "/"),
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
    app.stop().await;
}

#[tokio::test]
async fn the_sign_up_page_advises_an_anonymous_name_and_keeps_what_was_typed() {
    let app = TestApp::builder().start().await;
    let form = app.get("/sign-up").await.text().await.unwrap();
    assert!(form.contains("Pick a name that does not identify you"));
    assert!(form.contains(r#"autocomplete="new-password""#));

    let response = app
        .post_form(
            "/sign-up",
            &[
                ("username", "kept-name"),
                ("password", "123456789"),
                ("email", "me@example.org"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.headers().get(header::SET_COOKIE).is_none());
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"value="kept-name""#), "the name is kept");
    assert!(
        html.contains(r#"value="me@example.org""#),
        "the email is kept"
    );
    assert!(!html.contains("123456789"), "the password is never echoed");
    assert!(html.contains("most common passwords"));
    assert!(html.contains(r#"aria-invalid="true""#));
    app.stop().await;
}

#[tokio::test]
async fn a_taken_name_on_the_sign_up_page_is_a_conflict_like_in_the_api() {
    let app = TestApp::builder().start().await;
    app.sign_up("taken-name", PASSWORD).await;
    let response = app
        .post_form(
            "/sign-up",
            &[
                ("username", "Taken-Name"),
                ("password", PASSWORD),
                ("email", ""),
            ],
        )
        .await;
    // One table from a refusal's kind to its status, for pages and the API alike.
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert!(response.headers().get(header::SET_COOKIE).is_none());
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"value="Taken-Name""#), "the name is kept");
    assert!(html.contains("taken"), "{html}");
    app.stop().await;
}

#[tokio::test]
async fn signing_up_on_the_page_shows_the_recovery_codes_once_and_signs_in() {
    let app = TestApp::builder().start().await;
    let response = app
        .post_form(
            "/sign-up",
            &[
                ("username", "page-person"),
                ("password", PASSWORD),
                ("email", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = session_cookie(&response).unwrap();
    let html = response.text().await.unwrap();
    assert!(html.contains("Your recovery codes"));
    assert_eq!(html.matches("<li><code>").count(), 10);

    let account = app.get_as("/account", &cookie).await;
    assert_eq!(account.status(), StatusCode::OK);
    let html = account.text().await.unwrap();
    assert!(html.contains("Signed in as page-person"));
    assert!(html.contains("This device"));
    app.stop().await;
}

#[tokio::test]
async fn the_account_page_needs_a_signed_in_person() {
    let app = TestApp::builder().start().await;
    let response = app.get("/account").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()[header::LOCATION],
        "/sign-in?next=/account"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_person_sees_only_their_own_sessions_and_can_end_the_others() {
    let app = TestApp::builder().start().await;
    let phone = app.sign_up("careful-one", PASSWORD).await;
    let body = json!({ "username": "careful-one", "password": PASSWORD });
    let laptop = session_cookie(
        &app.api(Method::POST, "/api/v1/sessions", Some(body), None)
            .await,
    )
    .unwrap();
    let other = app.sign_up("someone-else", PASSWORD).await;

    let html = app.get_as("/account", &phone).await.text().await.unwrap();
    assert_eq!(html.matches(r#"<li class="card">"#).count(), 2);
    let theirs = app.get_as("/account", &other).await.text().await.unwrap();
    assert_eq!(
        theirs.matches(r#"<li class="card">"#).count(),
        1,
        "only their own"
    );

    let response = app
        .post_form_as("/account/sign-out-others", &[], &phone)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.api(Method::GET, "/api/v1/me", None, Some(&laptop))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.api(Method::GET, "/api/v1/me", None, Some(&phone))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.api(Method::GET, "/api/v1/me", None, Some(&other))
            .await
            .status(),
        StatusCode::OK
    );

    app.post_form_as("/account/sign-out-everywhere", &[], &phone)
        .await;
    assert_eq!(
        app.api(Method::GET, "/api/v1/me", None, Some(&phone))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    app.stop().await;
}

#[tokio::test]
async fn api_errors_are_json_even_for_unknown_paths_and_bad_bodies() {
    let app = TestApp::builder().start().await;
    let response = app
        .api(Method::GET, "/api/v1/no-such-thing", None, None)
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(json(response).await["error"], "not_found");

    let response = app
        .client
        .post(app.url("/api/v1/accounts"))
        .header(header::CONTENT_TYPE, "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(response).await["error"], "invalid_body");

    let response = app
        .client
        .post(app.url("/api/v1/sessions"))
        .body("username=x")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(json(response).await["error"], "json_expected");
    app.stop().await;
}

#[tokio::test]
async fn a_password_stored_with_weaker_settings_is_rehashed_at_sign_in() {
    use steadfast_app::passwords::{Claimant, Passwords};
    use steadfast_core::{PersonId, Timestamp};
    use steadfast_store::NewAccount;

    let clock = test_clock();
    let app = TestApp::builder()
        .clock(&clock)
        .real_hashing()
        .start()
        .await;
    // An account from an older, cheaper setting.
    let weak = Passwords::new(PasswordCost::FastForTests)
        .unwrap()
        .hash(&Claimant::Address("192.0.2.1".into()), PASSWORD.to_owned())
        .await
        .unwrap();
    assert!(!weak.contains("m=19456"), "{weak}");
    let id = PersonId::from_uuid(uuid::Uuid::new_v4());
    app.store
        .create_account(&NewAccount {
            id,
            username: "old-timer".into(),
            username_key: "old-timer".into(),
            password_hash: weak.clone(),
            email: None,
            created_at: Timestamp::from_millis(0),
            grammatical_form: steadfast_core::account::GrammaticalForm::default(),
        })
        .await
        .unwrap();

    let body = json!({ "username": "old-timer", "password": PASSWORD });
    let response = app
        .api(Method::POST, "/api/v1/sessions", Some(body.clone()), None)
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let stored = app.store.account(id).await.unwrap().unwrap().password_hash;
    assert_ne!(stored, weak);
    assert!(
        stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{stored}"
    );

    // The upgraded hash still opens the account.
    let response = app
        .api(Method::POST, "/api/v1/sessions", Some(body), None)
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    app.stop().await;
}

/// Kept here, not in `support::people`: it signs up from a given forwarded address, which only
/// this file's tests of the trusted-proxy setting need.
async fn sign_up_status(app: &TestApp, username: &str, forwarded_for: &str) -> StatusCode {
    let body = json!({ "username": username, "password": PASSWORD });
    app.client
        .post(app.url("/api/v1/accounts"))
        .header("x-forwarded-for", forwarded_for)
        .json(&body)
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn a_forwarded_address_counts_only_when_the_operator_trusts_the_header() {
    // Not configured: the header is the client's own word and changes nothing.
    let app = TestApp::builder().start().await;
    for n in 0..5 {
        let status = sign_up_status(&app, &format!("plain-{n}"), &format!("198.51.100.{n}")).await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let status = sign_up_status(&app, "plain-5", "198.51.100.99").await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "a made-up header escaped the limit"
    );
    app.stop().await;

    // Behind the operator's proxy: the address the proxy saw (the last one) is the client's.
    let clock = test_clock();
    let app = TestApp::builder()
        .config(WebConfig {
            client_address_header: Some(header::HeaderName::from_static("x-forwarded-for")),
            ..TestApp::test_config(&clock)
        })
        .start()
        .await;
    for n in 0..5 {
        let status = sign_up_status(&app, &format!("proxied-{n}"), "203.0.113.9, 192.0.2.1").await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let status = sign_up_status(&app, "proxied-5", "203.0.113.9, 192.0.2.1").await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "one client, one limit"
    );
    let status = sign_up_status(&app, "proxied-6", "203.0.113.9, 192.0.2.2").await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "another client behind the same proxy"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_second_partner_signing_up_from_the_same_home_after_typing_mistakes_is_not_refused() {
    let app = TestApp::builder().start().await;
    // One home network, one address: the first partner fumbles the form a few times on a phone.
    for (username, password) in [
        ("ola", "short"),
        ("", "correct horse battery staple"),
        ("ola nowak", "correct horse battery staple"),
        ("ola", ""),
        ("ola", "1234567"),
        ("o", "correct horse battery staple"),
    ] {
        let response = app
            .post_form(
                "/sign-up",
                &[
                    ("username", username),
                    ("password", password),
                    ("email", ""),
                ],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{username:?}"
        );
    }
    // Then both partners make their accounts, one after the other, from the same address.
    for username in ["ola", "tomek"] {
        let response = app
            .post_form(
                "/sign-up",
                &[
                    ("username", username),
                    ("password", "correct horse battery staple"),
                    ("email", ""),
                ],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{username} is not refused"
        );
        assert!(
            session_cookie(&response).is_some(),
            "{username} is signed in"
        );
    }
    app.stop().await;
}
