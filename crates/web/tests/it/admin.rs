//! What the operator's tools do, seen over HTTP: one-time password links (a new account's first
//! password, a recovery the operator started) and disabled accounts.

use std::time::Instant;

use reqwest::header::{self, HeaderMap};
use reqwest::{Method, StatusCode};
use serde_json::json;
use steadfast_app::clock::Clock;
use steadfast_app::password_links::{self, LINK_LIFETIME_MS};
use steadfast_core::{PersonId, Timestamp};
use steadfast_store::{Backend, LinkPurpose, NewAccount};

use crate::support::app::{session_cookie, test_clock};
use crate::support::pages::{json, location};
use crate::support::people::{PASSWORD, try_sign_in};
use crate::support::{TestApp, assert_same_time};

const NEW_PASSWORD: &str = "a lighthouse keeps its own hours";

/// An account as `steadfast admin create-account` makes it: no password anyone knows.
async fn operator_account(app: &TestApp, username: &str) -> PersonId {
    let person = PersonId::from_uuid(uuid::Uuid::new_v4());
    app.store
        .create_account(&NewAccount {
            id: person,
            username: username.to_owned(),
            username_key: username.to_owned(),
            password_hash: "$argon2id$v=19$m=8,t=1,p=1$c29tZXNhbHQ$aGFzaA".to_owned(),
            email: None,
            created_at: Timestamp::from_millis(1_795_000_000_000),
            grammatical_form: steadfast_core::account::GrammaticalForm::default(),
        })
        .await
        .expect("the account is created");
    person
}

/// A link as the operator's tools make it; answers its path.
async fn link(app: &TestApp, person: PersonId, purpose: LinkPurpose, now: Timestamp) -> String {
    let (token, record) = password_links::new_link(person, purpose, now).expect("randomness");
    app.store
        .create_password_link(&record)
        .await
        .expect("the link is stored");
    password_links::link_path(&token)
}

async fn me(app: &TestApp, cookie: Option<&str>, token: Option<&str>) -> StatusCode {
    let mut request = app.client.get(app.url("/api/v1/me"));
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("a response").status()
}

async fn api_token(app: &TestApp, cookie: &str) -> String {
    let response = app
        .api(
            Method::POST,
            "/api/v1/tokens",
            Some(json!({ "label": "script", "password": PASSWORD })),
            Some(cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    json(response).await["token"]
        .as_str()
        .expect("a token")
        .to_owned()
}

#[tokio::test]
async fn a_new_account_link_lets_its_person_choose_a_password_once_and_shows_their_codes() {
    welcome_link_journey(TestApp::builder().start().await).await;
}

#[tokio::test]
#[ignore = "needs PostgreSQL (STEADFAST_TEST_DATABASE_URL): scripts/test runs it"]
async fn a_new_account_link_works_the_same_on_postgres() {
    let app = TestApp::builder()
        .start_on(Backend::Postgres)
        .await
        .expect("STEADFAST_TEST_DATABASE_URL names the PostgreSQL test server");
    welcome_link_journey(app).await;
}

async fn welcome_link_journey(app: TestApp) {
    let person = operator_account(&app, "new-client").await;
    let path = link(&app, person, LinkPurpose::Welcome, test_clock().now()).await;

    // Nobody can sign in before the password is set.
    assert_eq!(
        try_sign_in(&app, "new-client", "").await.status(),
        StatusCode::UNAUTHORIZED
    );

    let page = app.get(&path).await;
    assert_eq!(page.status(), StatusCode::OK);
    let body = page.text().await.unwrap();
    assert!(body.contains("Choose your password"), "{body}");
    assert!(body.contains("value=\"new-client\""), "{body}");
    assert!(body.contains(&format!("action=\"{path}\"")), "{body}");

    // A refused password re-shows the form, and the link still works.
    let weak = app.post_form(&path, &[("new_password", "short")]).await;
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = weak.text().await.unwrap();
    assert!(body.contains("aria-invalid=\"true\""), "{body}");
    assert!(body.contains("At least 8"), "{body}");

    let set = app
        .post_form(&path, &[("new_password", NEW_PASSWORD)])
        .await;
    assert_eq!(set.status(), StatusCode::OK);
    let cookie = session_cookie(&set).expect("signed in");
    assert_eq!(set.headers()[header::CACHE_CONTROL], "no-store");
    let body = set.text().await.unwrap();
    assert!(body.contains("Your recovery codes"), "{body}");
    assert_eq!(body.matches("<li><code>").count(), 10, "{body}");
    assert_eq!(me(&app, Some(&cookie), None).await, StatusCode::OK);
    assert_eq!(
        app.store
            .unused_recovery_codes(person)
            .await
            .expect("codes"),
        10
    );
    assert_eq!(
        try_sign_in(&app, "new-client", NEW_PASSWORD).await.status(),
        StatusCode::CREATED
    );

    // Used once: the page and the form both refuse it now, and change nothing.
    let again = app.get(&path).await;
    assert_eq!(again.status(), StatusCode::GONE);
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("This link cannot be used")
    );
    let again = app
        .post_form(&path, &[("new_password", "someone else entirely")])
        .await;
    assert_eq!(again.status(), StatusCode::GONE);
    assert_eq!(
        try_sign_in(&app, "new-client", NEW_PASSWORD).await.status(),
        StatusCode::CREATED
    );
    app.stop().await;
}

#[tokio::test]
async fn a_recovery_link_sets_a_new_password_and_ends_every_other_session_and_token() {
    let app = TestApp::builder().start().await;
    let old_cookie = app.sign_up("forgetful", PASSWORD).await;
    let token = api_token(&app, &old_cookie).await;
    let person: PersonId = json(
        app.api(Method::GET, "/api/v1/me", None, Some(&old_cookie))
            .await,
    )
    .await["id"]
        .as_str()
        .expect("an id")
        .parse()
        .expect("a person id");
    let path = link(&app, person, LinkPurpose::Recovery, test_clock().now()).await;

    let page = app.get(&path).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("A password recovery was started")
    );
    // Until the link is used, nothing has changed.
    assert_eq!(me(&app, Some(&old_cookie), None).await, StatusCode::OK);

    let set = app
        .post_form(&path, &[("new_password", NEW_PASSWORD)])
        .await;
    assert_eq!(set.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&set), "/account?done=recovered");
    let cookie = session_cookie(&set).expect("signed in afresh");
    assert_eq!(me(&app, Some(&cookie), None).await, StatusCode::OK);
    assert_eq!(
        me(&app, Some(&old_cookie), None).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(me(&app, None, Some(&token)).await, StatusCode::UNAUTHORIZED);
    assert_eq!(
        try_sign_in(&app, "forgetful", PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        try_sign_in(&app, "forgetful", NEW_PASSWORD).await.status(),
        StatusCode::CREATED
    );
    let account = app.get_as("/account?done=recovered", &cookie).await;
    assert!(
        account
            .text()
            .await
            .unwrap()
            .contains("Every other session has ended")
    );
    app.stop().await;
}

#[tokio::test]
async fn expired_replaced_wrong_and_malformed_links_get_a_clear_page_never_an_error() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let person = operator_account(&app, "late-opener").await;

    // Expired: a day and a moment later.
    let expired = link(&app, person, LinkPurpose::Welcome, clock.now()).await;
    clock.advance_millis(LINK_LIFETIME_MS);
    for response in [
        app.get(&expired).await,
        app.post_form(&expired, &[("new_password", NEW_PASSWORD)])
            .await,
    ] {
        assert_eq!(response.status(), StatusCode::GONE);
        let body = response.text().await.unwrap();
        assert!(body.contains("This link cannot be used"), "{body}");
        assert!(body.contains("ask whoever gave you the link"), "{body}");
    }

    // Replaced: only the newest link of an account works.
    let older = link(&app, person, LinkPurpose::Recovery, clock.now()).await;
    let newer = link(&app, person, LinkPurpose::Recovery, clock.now()).await;
    assert_eq!(app.get(&older).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get(&newer).await.status(), StatusCode::OK);

    // Never made, or not even a token: the same words, 404, nothing echoed.
    for path in [
        "/set-password/0000000000000000000000000000000000000000000000000000000000000000",
        "/set-password/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ] {
        for response in [
            app.get(path).await,
            app.post_form(path, &[("new_password", NEW_PASSWORD)]).await,
        ] {
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
            let body = response.text().await.unwrap();
            assert!(body.contains("This link cannot be used"), "{body}");
            assert!(!body.contains("<script>"), "{body}");
        }
    }

    // A link whose account was disabled since stops working, and starts no session.
    let disabled_link = link(&app, person, LinkPurpose::Recovery, clock.now()).await;
    app.store
        .disable_account(person, clock.now())
        .await
        .expect("disabled");
    let response = app
        .post_form(&disabled_link, &[("new_password", NEW_PASSWORD)])
        .await;
    assert!(response.status().is_client_error(), "{response:?}");
    assert!(session_cookie(&response).is_none());
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
async fn a_disabled_account_signing_in_gets_the_wrong_password_answer_in_the_same_time() {
    // Real hashing costs, so that the time comparison means something, and no other test
    // competing for the processors.
    let clock = test_clock();
    let app = TestApp::builder()
        .clock(&clock)
        .real_hashing()
        .alone()
        .start()
        .await;
    let cookie = app.sign_up("kept-out", PASSWORD).await;
    app.sign_up("still-here", PASSWORD).await;
    let person: PersonId = json(
        app.api(Method::GET, "/api/v1/me", None, Some(&cookie))
            .await,
    )
    .await["id"]
        .as_str()
        .expect("an id")
        .parse()
        .expect("a person id");
    app.store
        .disable_account(person, clock.now())
        .await
        .expect("disabled");

    let attempt = |username: &'static str, password: &'static str| {
        let app = &app;
        async move {
            let started = Instant::now();
            let response = try_sign_in(app, username, password).await;
            let elapsed = started.elapsed();
            let (status, headers) = (response.status(), response.headers().clone());
            (
                comparable(status, &headers, &response.text().await.unwrap()),
                elapsed,
            )
        }
    };
    // The right password of a disabled account is answered as a wrong one of a live account.
    let (disabled, _) = attempt("kept-out", PASSWORD).await;
    let (wrong, _) = attempt("still-here", "wrong password here").await;
    assert_eq!(disabled, wrong);
    assert!(disabled.starts_with("401"), "{disabled}");

    // The sign-in page says the same too.
    let page = |username: &'static str, password: &'static str| {
        let app = &app;
        async move {
            let response = app
                .post_form(
                    "/sign-in",
                    &[("username", username), ("password", password)],
                )
                .await;
            // The form keeps the login name typed; everything else must match.
            let status = response.status();
            let body = response.text().await.unwrap().replace(username, "NAME");
            (status, body)
        }
    };
    assert_eq!(
        page("kept-out", PASSWORD).await,
        page("still-here", "wrong password here").await
    );

    let mut times = (Vec::new(), Vec::new());
    for _ in 0..10 {
        for _ in 0..4 {
            times.0.push(attempt("kept-out", PASSWORD).await.1);
            times
                .1
                .push(attempt("still-here", "wrong password here").await.1);
        }
        clock.advance_millis(10 * 60_000);
    }
    assert_same_time(times.0, times.1);
    app.stop().await;
}

#[tokio::test]
async fn disabling_ends_sessions_and_tokens_at_the_next_request_and_enabling_lets_sign_in_again() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let signed_up = app
        .api(
            Method::POST,
            "/api/v1/accounts",
            Some(json!({ "username": "to-be-paused", "password": PASSWORD })),
            None,
        )
        .await;
    let cookie = session_cookie(&signed_up).expect("signed in");
    let code = json(signed_up).await["recovery_codes"][0]
        .as_str()
        .expect("a recovery code")
        .to_owned();
    let token = api_token(&app, &cookie).await;
    let person: PersonId = json(
        app.api(Method::GET, "/api/v1/me", None, Some(&cookie))
            .await,
    )
    .await["id"]
        .as_str()
        .expect("an id")
        .parse()
        .expect("a person id");
    assert_eq!(me(&app, Some(&cookie), None).await, StatusCode::OK);
    assert_eq!(me(&app, None, Some(&token)).await, StatusCode::OK);

    app.store
        .disable_account(person, clock.now())
        .await
        .expect("disabled");
    assert_eq!(
        me(&app, Some(&cookie), None).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(me(&app, None, Some(&token)).await, StatusCode::UNAUTHORIZED);
    let page = app.get_as("/account", &cookie).await;
    assert_eq!(
        page.status(),
        StatusCode::SEE_OTHER,
        "pages send it to sign in"
    );
    assert_eq!(
        try_sign_in(&app, "to-be-paused", PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );

    // Recovery with a real, unused code is refused as for an unknown name, and uses up nothing.
    let body = json!({ "username": "to-be-paused", "code": code, "new_password": NEW_PASSWORD });
    let recovery = app
        .api(Method::POST, "/api/v1/recovery", Some(body), None)
        .await;
    assert_eq!(recovery.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.store
            .unused_recovery_codes(person)
            .await
            .expect("codes"),
        10
    );

    app.store.enable_account(person).await.expect("enabled");
    assert_eq!(
        me(&app, Some(&cookie), None).await,
        StatusCode::UNAUTHORIZED,
        "the old session stays ended"
    );
    assert_eq!(
        try_sign_in(&app, "to-be-paused", PASSWORD).await.status(),
        StatusCode::CREATED
    );
    app.stop().await;
}

/// A sign-in that had passed its checks when the operator disabled the account can still write
/// its session after the disabling deleted the others: that session ends at its first use.
#[tokio::test]
async fn a_session_that_outlived_the_disabling_is_refused_at_its_first_use() {
    use sha2::{Digest, Sha256};

    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let signed_up = app
        .api(
            Method::POST,
            "/api/v1/accounts",
            Some(json!({ "username": "late-session", "password": PASSWORD })),
            None,
        )
        .await;
    let cookie = session_cookie(&signed_up).expect("signed in");
    let (cookie_name, _) = cookie.split_once('=').expect("name=value");
    let person: PersonId = json(
        app.api(Method::GET, "/api/v1/me", None, Some(&cookie))
            .await,
    )
    .await["id"]
        .as_str()
        .expect("an id")
        .parse()
        .expect("a person id");
    app.store
        .disable_account(person, clock.now())
        .await
        .expect("disabled");

    // The racing sign-in's session, written after the disabling.
    let token = "ab".repeat(32);
    let id_hash = Sha256::digest(token.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect::<String>();
    app.store
        .create_session(&steadfast_store::SessionRecord {
            id_hash,
            account: person,
            created_at: clock.now(),
            last_seen_at: clock.now(),
            device: "racing sign-in".to_owned(),
        })
        .await
        .expect("session written");
    let late = format!("{cookie_name}={token}");
    assert_eq!(me(&app, Some(&late), None).await, StatusCode::UNAUTHORIZED);
    assert!(
        app.store
            .sessions_of(person)
            .await
            .expect("sessions")
            .is_empty(),
        "the late session is deleted at its first use"
    );
}
