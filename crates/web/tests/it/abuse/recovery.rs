//! Recovery codes and the operator's actions leave a trace the person sees (issue 14, items 5
//! and 6). Alex has photographed Sam's recovery codes and uses one; Sam must hear of it on the
//! next visit, and must be able to make the old codes worthless at once. What the operator does
//! to Sam's account is told to Sam too.

use reqwest::{Method, StatusCode};
use serde_json::json;
use steadfast_app::clock::{Clock, ManualClock};
use steadfast_app::password_links;
use steadfast_store::{Backend, LinkPurpose};

use crate::support::TestApp;
use crate::support::app::{session_cookie, test_clock};
use crate::support::people::{PASSWORD, sign_in_with, sign_up};

const ALEXS_PASSWORD: &str = "alex chose this one";
const SAMS_NEW_PASSWORD: &str = "sam takes it back now";

async fn recover(app: &TestApp, name: &str, code: &str, password: &str) -> reqwest::Response {
    app.api(
        Method::POST,
        "/api/v1/recovery",
        Some(json!({ "username": name, "code": code, "new_password": password })),
        None,
    )
    .await
}

async fn account_page(app: &TestApp, cookie: &str) -> String {
    let page = app.get_as("/account", cookie).await;
    assert_eq!(page.status(), StatusCode::OK);
    page.text().await.expect("a page")
}

async fn spaces_page(app: &TestApp, cookie: &str) -> String {
    let page = app.get_as("/spaces", cookie).await;
    assert_eq!(page.status(), StatusCode::OK);
    page.text().await.expect("a page")
}

/// The dismiss form's path for the first notice on the page.
fn dismiss_path(page: &str) -> String {
    let start = page
        .find("/account/notices/")
        .expect("a notice with a dismiss form");
    let end = start + page[start..].find('"').expect("the end of the path");
    page[start..end].to_owned()
}

#[tokio::test]
async fn sam_is_told_that_alex_used_a_recovery_code_and_when() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let sam = sign_up(&app, "sam-codes-taken").await;

        // Alex uses a photographed code, and sets a password of Alex's choosing.
        let taken = recover(
            &app,
            "sam-codes-taken",
            &sam.recovery_codes[0],
            ALEXS_PASSWORD,
        )
        .await;
        assert_eq!(taken.status(), StatusCode::OK, "{backend:?}");
        assert_eq!(
            app.get_as("/account", &sam.cookie).await.status(),
            StatusCode::SEE_OTHER,
            "Sam's phone is signed out"
        );

        // Sam, signed out by it, takes the account back with another code; next visit, Sam
        // is told a code was used, and when (the test clock's moment).
        let back = recover(
            &app,
            "sam-codes-taken",
            &sam.recovery_codes[1],
            SAMS_NEW_PASSWORD,
        )
        .await;
        assert_eq!(back.status(), StatusCode::OK);
        let laptop = sign_in_with(&app, "sam-codes-taken", SAMS_NEW_PASSWORD).await;
        let page = account_page(&app, &laptop).await;
        assert!(
            page.contains(
                "On Wed 18 November, 11:06 am (UTC), one of your recovery codes was used"
            ),
            "{page}"
        );
        assert_eq!(
            page.matches("one of your recovery codes was used").count(),
            2,
            "one notice per code used"
        );
        let spaces = spaces_page(&app, &laptop).await;
        assert!(
            spaces.contains("Something happened to your account"),
            "{backend:?}"
        );

        // Alex, in Alex's own account, cannot dismiss Sam's notice.
        let alex = app.sign_up("alex-not-sam", PASSWORD).await;
        let dismiss = dismiss_path(&page);
        let by_alex = app.post_form_as(&dismiss, &[], &alex).await;
        assert_eq!(by_alex.status(), StatusCode::NOT_FOUND);

        // Sam dismisses both; they are gone, from both pages.
        let by_sam = app.post_form_as(&dismiss, &[], &laptop).await;
        assert_eq!(by_sam.status(), StatusCode::SEE_OTHER);
        let page = account_page(&app, &laptop).await;
        let second = dismiss_path(&page);
        app.post_form_as(&second, &[], &laptop).await;
        let page = account_page(&app, &laptop).await;
        assert!(!page.contains("recovery codes was used"), "{backend:?}");
        assert!(
            !spaces_page(&app, &laptop)
                .await
                .contains("Something happened")
        );
        assert_eq!(app.store.account_notices(sam.id).await.expect("read"), []);
        app.stop().await;
    }
}

#[tokio::test]
async fn a_just_recovered_session_renews_the_codes_alex_holds_without_the_password() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let clock: ManualClock = test_clock();
        let Some(app) = TestApp::builder().clock(&clock).start_on(backend).await else {
            continue;
        };
        let sam = sign_up(&app, "sam-renews").await;
        let recovered = recover(
            &app,
            "sam-renews",
            &sam.recovery_codes[0],
            SAMS_NEW_PASSWORD,
        )
        .await;
        assert_eq!(recovered.status(), StatusCode::OK);
        let fresh = session_cookie(&recovered).expect("signed in by the recovery");

        let page = account_page(&app, &fresh).await;
        assert!(page.contains("without your password"), "{page}");
        let renewed = app
            .post_form_as("/account/recovery-codes", &[], &fresh)
            .await;
        assert_eq!(renewed.status(), StatusCode::OK, "{backend:?}");
        // The codes Alex photographed are worthless now.
        let with_old = recover(&app, "sam-renews", &sam.recovery_codes[1], ALEXS_PASSWORD).await;
        assert_eq!(with_old.status(), StatusCode::UNAUTHORIZED, "{backend:?}");

        // Another session of Sam's, or this one later, still needs the password.
        let laptop = sign_in_with(&app, "sam-renews", SAMS_NEW_PASSWORD).await;
        let other = app
            .post_form_as("/account/recovery-codes", &[("password", "")], &laptop)
            .await;
        assert_eq!(other.status(), StatusCode::FORBIDDEN);
        clock.advance_millis(16 * 60 * 1_000);
        let later = app
            .post_form_as("/account/recovery-codes", &[("password", "")], &fresh)
            .await;
        assert_eq!(later.status(), StatusCode::FORBIDDEN, "{backend:?}");
        app.stop().await;
    }
}

#[tokio::test]
async fn sam_is_told_the_operator_started_a_password_reset() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let sam = sign_up(&app, "sam-operator-reset").await;
        // What `steadfast admin start-recovery` stores.
        let (token, record) =
            password_links::new_link(sam.id, LinkPurpose::Recovery, test_clock().now())
                .expect("randomness");
        app.store
            .create_password_link(&record)
            .await
            .expect("the link is stored");
        let set = app
            .post_form(
                &password_links::link_path(&token),
                &[("new_password", SAMS_NEW_PASSWORD)],
            )
            .await;
        assert_eq!(set.status(), StatusCode::SEE_OTHER, "{backend:?}");
        let cookie = session_cookie(&set).expect("signed in afresh");

        let page = account_page(&app, &cookie).await;
        assert!(
            page.contains(
                "On Wed 18 November, 11:06 am (UTC), the server’s operator made a link to reset your password"
            ),
            "{page}"
        );
        let polish = app
            .client
            .get(app.url("/account"))
            .header(reqwest::header::COOKIE, &cookie)
            .header(reqwest::header::ACCEPT_LANGUAGE, "pl")
            .send()
            .await
            .expect("a response")
            .text()
            .await
            .expect("a page");
        assert!(
            polish.contains("administracja serwera utworzyła link do zresetowania twojego hasła"),
            "{polish}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn sam_is_told_the_operator_disabled_the_account_once_back_in() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let sam = sign_up(&app, "sam-operator-disabled").await;
        // What `steadfast admin disable-account` and `enable-account` do.
        let at = test_clock().now();
        assert!(
            app.store
                .disable_account(sam.id, at)
                .await
                .expect("disable")
        );
        assert!(app.store.disable_account(sam.id, at).await.expect("again"));
        assert!(app.store.enable_account(sam.id).await.expect("enable"));

        let laptop = sign_in_with(&app, "sam-operator-disabled", PASSWORD).await;
        let page = account_page(&app, &laptop).await;
        assert!(
            page.contains(
                "On Wed 18 November, 11:06 am (UTC), the server’s operator disabled your account"
            ),
            "{page}"
        );
        assert_eq!(
            page.matches("disabled your account").count(),
            1,
            "disabling twice is one event"
        );
        assert!(
            spaces_page(&app, &laptop)
                .await
                .contains("See your account page")
        );
        app.stop().await;
    }
}
