//! Personal API tokens made with the other's unlocked phone (issue 14, item 2). Alex picks up
//! Sam's phone, signed in; sometimes Alex has also watched Sam type the password. A token made
//! there must not become a way to keep reading Sam's journal: it needs the password, it ends,
//! Sam's password change, recovery and "sign out everywhere" end it, and Sam is told it exists.

use reqwest::header;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use steadfast_app::clock::{Clock, ManualClock};
use steadfast_store::Backend;

use crate::support::TestApp;
use crate::support::app::{session_cookie, test_clock};
use crate::support::pages::json;
use crate::support::people::{PASSWORD, Person, sign_up};

const NEW_PASSWORD: &str = "a quiet harbour at dawn";
const DAY_MS: i64 = 24 * 60 * 60 * 1_000;

/// Sam, signed in on the phone Alex picks up, with a journal entry and recovery codes.
async fn sam(app: &TestApp, name: &str) -> Person {
    let sam = sign_up(app, name).await;
    let entry = app
        .api(
            Method::POST,
            "/api/v1/journal",
            Some(json!({ "text": "what I cannot say out loud yet" })),
            Some(&sam.cookie),
        )
        .await;
    assert_eq!(entry.status(), StatusCode::CREATED);
    sam
}

/// What Alex tries with Sam's phone: a token, over the API, with this body.
async fn mint(app: &TestApp, phone: &str, body: Option<Value>) -> reqwest::Response {
    app.api(Method::POST, "/api/v1/tokens", body, Some(phone))
        .await
}

/// A token Alex made with Sam's phone and Sam's password (watched over the shoulder).
async fn minted(app: &TestApp, phone: &str) -> String {
    let response = mint(app, phone, Some(json!({ "password": PASSWORD }))).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    json(response).await["token"]
        .as_str()
        .expect("a token")
        .to_owned()
}

/// What the token reads of Sam's journal: the status.
async fn reads_journal(app: &TestApp, token: &str) -> StatusCode {
    app.client
        .get(app.url("/api/v1/journal"))
        .bearer_auth(token)
        .send()
        .await
        .expect("a response")
        .status()
}

#[tokio::test]
async fn alex_with_sams_phone_but_not_the_password_gets_no_token() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let sam = sam(&app, "sam-phone-only").await;

        // As the API took it before: a label alone, or no body at all.
        let label_only = mint(&app, &sam.cookie, Some(json!({ "label": "mine now" }))).await;
        assert_eq!(label_only.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let no_body = mint(&app, &sam.cookie, None).await;
        assert_eq!(no_body.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        // A guess.
        let guessed = mint(&app, &sam.cookie, Some(json!({ "password": "sam1234567" }))).await;
        assert_eq!(guessed.status(), StatusCode::FORBIDDEN, "{backend:?}");
        assert_eq!(json(guessed).await["error"], "password_wrong");
        // The account page's form, the same.
        let page = app
            .post_form_as(
                "/account/tokens",
                &[("label", "mine now"), ("password", "sam1234567")],
                &sam.cookie,
            )
            .await;
        assert_eq!(page.status(), StatusCode::FORBIDDEN);
        let html = page.text().await.expect("a page");
        assert!(html.contains(r#"value="mine now""#), "the label is kept");
        assert!(!html.contains("sam1234567"), "the password is never echoed");

        let listed = app
            .api(Method::GET, "/api/v1/tokens", None, Some(&sam.cookie))
            .await;
        assert_eq!(json(listed).await["tokens"], json!([]), "{backend:?}");
        app.stop().await;
    }
}

#[tokio::test]
async fn alex_guessing_the_password_on_sams_phone_does_not_lock_sam_out_of_signing_in() {
    let app = TestApp::builder().start().await;
    let sam = sam(&app, "sam-guessed-at").await;
    // More wrong guesses than the sign-in limit per name allows in a burst (10).
    for guess in 0..12 {
        let response = mint(
            &app,
            &sam.cookie,
            Some(json!({ "password": format!("guess number {guess}") })),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "guess {guess}");
    }
    let signed_in = app
        .api(
            Method::POST,
            "/api/v1/sessions",
            Some(json!({ "username": "sam-guessed-at", "password": PASSWORD })),
            None,
        )
        .await;
    assert_eq!(signed_in.status(), StatusCode::CREATED);
    app.stop().await;
}

#[tokio::test]
async fn a_token_alex_made_on_sams_phone_ends_when_sam_changes_the_password() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let sam = sam(&app, "sam-changes").await;
        let token = minted(&app, &sam.cookie).await;
        assert_eq!(reads_journal(&app, &token).await, StatusCode::OK);

        let laptop = app
            .api(
                Method::POST,
                "/api/v1/sessions",
                Some(json!({ "username": "sam-changes", "password": PASSWORD })),
                None,
            )
            .await;
        let laptop = session_cookie(&laptop).expect("signed in on the laptop");
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
            reads_journal(&app, &token).await,
            StatusCode::UNAUTHORIZED,
            "{backend:?}"
        );
        let phone = app.get_as("/account", &sam.cookie).await;
        assert_eq!(
            phone.status(),
            StatusCode::SEE_OTHER,
            "the phone's session ended too"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_token_alex_made_on_sams_phone_ends_when_sam_signs_out_everywhere() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let sam = sam(&app, "sam-signs-out").await;
        let token = minted(&app, &sam.cookie).await;
        let second = minted(&app, &sam.cookie).await;

        // "Everywhere else", from a fresh session: every token ends, this session stays.
        let laptop = app
            .api(
                Method::POST,
                "/api/v1/sessions",
                Some(json!({ "username": "sam-signs-out", "password": PASSWORD })),
                None,
            )
            .await;
        let laptop = session_cookie(&laptop).expect("signed in on the laptop");
        let others = app
            .post_form_as("/account/sign-out-others", &[], &laptop)
            .await;
        assert_eq!(others.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            reads_journal(&app, &token).await,
            StatusCode::UNAUTHORIZED,
            "{backend:?}"
        );
        assert_eq!(
            app.get_as("/account", &laptop).await.status(),
            StatusCode::OK
        );

        // "Everywhere": the same, and this session too.
        let third = minted(&app, &laptop).await;
        let everywhere = app
            .post_form_as("/account/sign-out-everywhere", &[], &laptop)
            .await;
        assert_eq!(everywhere.status(), StatusCode::SEE_OTHER);
        for token in [&second, &third] {
            assert_eq!(
                reads_journal(&app, token).await,
                StatusCode::UNAUTHORIZED,
                "{backend:?}"
            );
        }
        assert_eq!(
            app.get_as("/account", &laptop).await.status(),
            StatusCode::SEE_OTHER
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_token_alex_made_on_sams_phone_ends_when_sam_recovers_the_account() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let sam = sam(&app, "sam-recovers").await;
        let token = minted(&app, &sam.cookie).await;
        let recovered = app
            .api(
                Method::POST,
                "/api/v1/recovery",
                Some(json!({
                    "username": "sam-recovers",
                    "code": sam.recovery_codes[0],
                    "new_password": NEW_PASSWORD,
                })),
                None,
            )
            .await;
        assert_eq!(recovered.status(), StatusCode::OK, "{backend:?}");
        assert_eq!(
            reads_journal(&app, &token).await,
            StatusCode::UNAUTHORIZED,
            "{backend:?}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_token_alex_made_on_sams_phone_stops_at_its_expiry() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let clock: ManualClock = test_clock();
        let Some(app) = TestApp::builder().clock(&clock).start_on(backend).await else {
            continue;
        };
        let sam = sam(&app, "sam-waits").await;
        let made_at = clock.now().as_millis();

        // Not for ever, and not past a year.
        for days in [json!(0), json!(366), json!(-1), json!(100_000)] {
            let refused = mint(
                &app,
                &sam.cookie,
                Some(json!({ "password": PASSWORD, "expires_in_days": days })),
            )
            .await;
            assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{days}");
            assert_eq!(json(refused).await["error"], "token_expiry_out_of_range");
        }
        let not_a_number = mint(
            &app,
            &sam.cookie,
            Some(json!({ "password": PASSWORD, "expires_in_days": "forever" })),
        )
        .await;
        assert_eq!(not_a_number.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let year = mint(
            &app,
            &sam.cookie,
            Some(json!({ "password": PASSWORD, "expires_in_days": 365 })),
        )
        .await;
        assert_eq!(year.status(), StatusCode::CREATED, "{backend:?}");
        let year = json(year).await;
        assert_eq!(year["expires_at"], json!(made_at + 365 * DAY_MS));

        let made = mint(&app, &sam.cookie, Some(json!({ "password": PASSWORD }))).await;
        let made = json(made).await;
        assert_eq!(made["expires_at"], json!(made_at + 90 * DAY_MS), "90 days");
        let token = made["token"].as_str().expect("a token").to_owned();

        clock.advance_millis(90 * DAY_MS - 60_000);
        assert_eq!(reads_journal(&app, &token).await, StatusCode::OK);
        clock.advance_millis(60_000);
        assert_eq!(
            reads_journal(&app, &token).await,
            StatusCode::UNAUTHORIZED,
            "{backend:?}"
        );
        let year_token = year["token"].as_str().expect("a token");
        assert_eq!(reads_journal(&app, year_token).await, StatusCode::OK);
        clock.advance_millis(275 * DAY_MS);
        assert_eq!(
            reads_journal(&app, year_token).await,
            StatusCode::UNAUTHORIZED
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn sam_is_told_of_the_token_alex_made_until_sam_dismisses_the_notice() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let sam = sam(&app, "sam-is-told").await;
        let alex = app.sign_up("alex-made-it", PASSWORD).await;
        let made = app
            .post_form_as(
                "/account/tokens",
                &[
                    ("label", "phone backup"),
                    ("password", PASSWORD),
                    ("expires_in_days", "30"),
                ],
                &sam.cookie,
            )
            .await;
        assert_eq!(made.status(), StatusCode::OK, "{backend:?}");
        let id = app
            .store
            .api_tokens_of(
                json(
                    app.api(Method::GET, "/api/v1/me", None, Some(&sam.cookie))
                        .await,
                )
                .await["id"]
                    .as_str()
                    .expect("an id")
                    .parse()
                    .expect("a person id"),
            )
            .await
            .expect("tokens")[0]
            .id
            .clone();

        // Sam's next visit to the account page: the notice, with when it was made and when it
        // ends (2026-11-18 11:06 UTC is the test clock's moment).
        let page = app
            .get_as("/account", &sam.cookie)
            .await
            .text()
            .await
            .expect("a page");
        assert!(
            page.contains(
                "A personal API token was made for your account on Wed 18 November, 11:06 am (UTC)"
            ),
            "{page}"
        );
        assert!(page.contains("phone backup"));
        assert!(page.contains("Made Wed 18 November, 11:06 am (UTC)"));
        assert!(page.contains("stops working Fri 18 December, 11:06 am (UTC)"));
        let dismiss = format!("/account/tokens/{id}/dismiss");
        assert!(page.contains(&format!(r#"action="{dismiss}""#)));

        // Alex cannot dismiss it from Alex's own account.
        let by_alex = app.post_form_as(&dismiss, &[], &alex).await;
        assert_eq!(by_alex.status(), StatusCode::NOT_FOUND, "{backend:?}");
        let page = app
            .get_as("/account", &sam.cookie)
            .await
            .text()
            .await
            .expect("a page");
        assert!(page.contains("A personal API token was made"));

        // Sam dismisses it; the token stays listed, the notice goes.
        let by_sam = app.post_form_as(&dismiss, &[], &sam.cookie).await;
        assert_eq!(by_sam.status(), StatusCode::SEE_OTHER);
        assert!(
            by_sam.headers()[header::LOCATION]
                .to_str()
                .is_ok_and(|to| to.starts_with("/account"))
        );
        let page = app
            .get_as("/account", &sam.cookie)
            .await
            .text()
            .await
            .expect("a page");
        assert!(
            !page.contains("A personal API token was made"),
            "{backend:?}"
        );
        assert!(page.contains("phone backup"));
        app.stop().await;
    }
}

#[tokio::test]
async fn the_polish_notice_names_no_gender() {
    let app = TestApp::builder().start().await;
    let sam = sam(&app, "sam-po-polsku").await;
    minted(&app, &sam.cookie).await;
    let page = app
        .client
        .get(app.url("/account"))
        .header(header::COOKIE, &sam.cookie)
        .header(header::ACCEPT_LANGUAGE, "pl")
        .send()
        .await
        .expect("a response")
        .text()
        .await
        .expect("a page");
    assert!(
        page.contains("Dla twojego konta utworzono osobisty token API"),
        "{page}"
    );
    assert!(page.contains("To mój token: ukryj tę informację"));
    app.stop().await;
}
