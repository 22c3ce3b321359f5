//! Wrong sign-ins under the other's name never lock them out (issue 14, item 4). Sam knows
//! Alex's login name and knocks with it, one wrong password a minute, enough to keep the
//! per-name limit used up. Alex's own phone, which has signed in before and carries its device
//! cookie, still signs in and still recovers; a device never seen before stays limited, so
//! guessing from elsewhere stays slow. And on a shared home network, sign-ups that fail do not
//! use up the address's sign-ups.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use steadfast_store::Backend;

use crate::support::TestApp;
use crate::support::app::test_clock;
use crate::support::pages::json;
use crate::support::people::{PASSWORD, try_sign_in_on_device, try_sign_up};

const WRONG: &str = "sam guesses this one";
const ALEXS_NEW_PASSWORD: &str = "alex takes it back now";

/// The device cookie a response sets, as `name=value`, with the whole header for checking.
fn device_cookie(response: &reqwest::Response) -> Option<(String, String)> {
    response
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| {
            value.starts_with("steadfast-device=") || value.starts_with("__Host-steadfast-device=")
        })
        .and_then(|value| {
            value
                .split(';')
                .next()
                .map(|pair| (pair.to_owned(), value.to_owned()))
        })
}

async fn recover(app: &TestApp, name: &str, code: &str, device: Option<&str>) -> reqwest::Response {
    app.api(
        Method::POST,
        "/api/v1/recovery",
        Some(json!({ "username": name, "code": code, "new_password": ALEXS_NEW_PASSWORD })),
        device,
    )
    .await
}

/// Alex's account, and his phone's device cookie from an earlier sign-in there.
async fn alex_with_phone(app: &TestApp) -> (Vec<String>, String) {
    let response = app
        .api(
            Method::POST,
            "/api/v1/accounts",
            Some(json!({ "username": "alex", "password": PASSWORD })),
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    // The device an account is made on is known from then on.
    assert!(device_cookie(&response).is_some());
    let codes: Vec<String> = json(response).await["recovery_codes"]
        .as_array()
        .expect("codes")
        .iter()
        .filter_map(|code| code.as_str().map(str::to_owned))
        .collect();
    let signed_in = try_sign_in_on_device(app, "alex", PASSWORD, None).await;
    assert_eq!(signed_in.status(), StatusCode::CREATED);
    let (phone, header) = device_cookie(&signed_in).expect("a device cookie");
    for attribute in ["HttpOnly", "SameSite=Lax", "Max-Age="] {
        assert!(header.contains(attribute), "{attribute} in {header}");
    }
    // A device already known gets no second cookie.
    let again = try_sign_in_on_device(app, "alex", PASSWORD, Some(&phone)).await;
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(device_cookie(&again), None);
    (codes, phone)
}

/// Sam knocks with Alex's name until the per-name limit refuses.
async fn flood(app: &TestApp, path: &str, body: Value) {
    let mut refused = false;
    for _ in 0..12 {
        let response = app.api(Method::POST, path, Some(body.clone()), None).await;
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            assert!(
                response
                    .headers()
                    .contains_key(reqwest::header::RETRY_AFTER)
            );
            refused = true;
            break;
        }
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    assert!(refused, "the per-name limit refuses Sam at last");
}

#[tokio::test]
async fn sams_flood_of_wrong_sign_ins_does_not_keep_alex_off_his_own_phone() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let clock = test_clock();
        let Some(app) = TestApp::builder().clock(&clock).start_on(backend).await else {
            continue;
        };
        let (_, phone) = alex_with_phone(&app).await;
        app.sign_up("sam", PASSWORD).await;
        let sams_phone = try_sign_in_on_device(&app, "sam", PASSWORD, None).await;
        let (sams_device, _) = device_cookie(&sams_phone).expect("sam's device cookie");

        flood(
            &app,
            "/api/v1/sessions",
            json!({ "username": "alex", "password": WRONG }),
        )
        .await;
        // A minute on, one knock more uses up the name again (under another spelling of it).
        clock.advance_millis(60_000);
        flood(
            &app,
            "/api/v1/sessions",
            json!({ "username": "Alex", "password": WRONG }),
        )
        .await;

        // Alex, on his own phone, signs in.
        let on_phone = try_sign_in_on_device(&app, "alex", PASSWORD, Some(&phone)).await;
        assert_eq!(on_phone.status(), StatusCode::CREATED, "{backend:?}");
        // A device never seen before is still held back, even with the right password...
        let new_device = try_sign_in_on_device(&app, "alex", PASSWORD, None).await;
        assert_eq!(new_device.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(
            new_device
                .headers()
                .contains_key(reqwest::header::RETRY_AFTER)
        );
        // ...and Sam's own known device counts for Sam's account only.
        let sams_device_as_alex =
            try_sign_in_on_device(&app, "alex", WRONG, Some(&sams_device)).await;
        assert_eq!(sams_device_as_alex.status(), StatusCode::TOO_MANY_REQUESTS);
        // A cookie made up by Sam is no known device either.
        let made_up =
            try_sign_in_on_device(&app, "alex", WRONG, Some("steadfast-device=00ff")).await;
        assert_eq!(made_up.status(), StatusCode::TOO_MANY_REQUESTS);
        // The phone still checks the password.
        let wrong_on_phone = try_sign_in_on_device(&app, "alex", WRONG, Some(&phone)).await;
        assert_eq!(wrong_on_phone.status(), StatusCode::UNAUTHORIZED);
        // A known device is limited on its own: whoever holds it cannot guess at speed either.
        let mut refused = false;
        for _ in 0..12 {
            let guess = try_sign_in_on_device(&app, "alex", WRONG, Some(&phone)).await;
            if guess.status() == StatusCode::TOO_MANY_REQUESTS {
                refused = true;
                break;
            }
            assert_eq!(guess.status(), StatusCode::UNAUTHORIZED);
        }
        assert!(refused, "the phone's own limit refuses at last");
        app.stop().await;
    }
}

#[tokio::test]
async fn sams_flood_of_wrong_recoveries_does_not_block_alexs_code_on_his_phone() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let clock = test_clock();
        let Some(app) = TestApp::builder().clock(&clock).start_on(backend).await else {
            continue;
        };
        let (codes, phone) = alex_with_phone(&app).await;
        flood(
            &app,
            "/api/v1/recovery",
            json!({ "username": "alex", "code": "AAAA-BBBB-CCCC-DDDD", "new_password": ALEXS_NEW_PASSWORD }),
        )
        .await;

        let from_new_device = recover(&app, "alex", &codes[0], None).await;
        assert_eq!(from_new_device.status(), StatusCode::TOO_MANY_REQUESTS);
        let on_phone = recover(&app, "alex", &codes[0], Some(&phone)).await;
        assert_eq!(on_phone.status(), StatusCode::OK, "{backend:?}");
        let signed_in = try_sign_in_on_device(&app, "alex", ALEXS_NEW_PASSWORD, Some(&phone)).await;
        assert_eq!(signed_in.status(), StatusCode::CREATED);
        app.stop().await;
    }
}

#[tokio::test]
async fn after_alex_recovers_the_laptop_sam_signed_in_on_as_alex_is_a_stranger_again() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let clock = test_clock();
        let Some(app) = TestApp::builder().clock(&clock).start_on(backend).await else {
            continue;
        };
        let (codes, phone) = alex_with_phone(&app).await;
        // Sam knew Alex's password and signed in as Alex on Sam's laptop, which so became one of
        // Alex's known devices.
        let on_laptop = try_sign_in_on_device(&app, "alex", PASSWORD, None).await;
        assert_eq!(on_laptop.status(), StatusCode::CREATED);
        let (laptop, _) = device_cookie(&on_laptop).expect("the laptop's device cookie");

        // Alex takes the account back with a recovery code, on his phone.
        let recovered = recover(&app, "alex", &codes[0], Some(&phone)).await;
        assert_eq!(recovered.status(), StatusCode::OK, "{backend:?}");
        // Every device was forgotten, his phone too; the recovery makes it known afresh.
        let (phone_again, _) = device_cookie(&recovered).expect("a new device cookie");

        // Sam uses up the per-name limit, then guesses from the laptop: held back like any
        // stranger's device, no longer limited on a key of its own.
        flood(
            &app,
            "/api/v1/sessions",
            json!({ "username": "alex", "password": WRONG }),
        )
        .await;
        let from_laptop = try_sign_in_on_device(&app, "alex", WRONG, Some(&laptop)).await;
        assert_eq!(
            from_laptop.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "{backend:?}: the laptop is no longer one of Alex's devices"
        );
        let on_phone =
            try_sign_in_on_device(&app, "alex", ALEXS_NEW_PASSWORD, Some(&phone_again)).await;
        assert_eq!(on_phone.status(), StatusCode::CREATED, "{backend:?}");
        app.stop().await;
    }
}

#[tokio::test]
async fn refused_sign_ups_on_a_shared_home_network_do_not_block_the_next_one() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let clock = test_clock();
        let Some(app) = TestApp::builder().clock(&clock).start_on(backend).await else {
            continue;
        };
        // Sam signs up; then, from the same home address, a name already taken and a password
        // too short, again and again, more often than the address may make accounts.
        assert_eq!(
            try_sign_up(&app, "sam", PASSWORD).await.status(),
            StatusCode::CREATED
        );
        for _ in 0..4 {
            let taken = try_sign_up(&app, "sam", PASSWORD).await;
            assert_eq!(taken.status(), StatusCode::CONFLICT);
            let short = try_sign_up(&app, "alex", "short").await;
            assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
        }
        // Alex's sign-up from the same address goes through, and so do three more.
        for name in ["alex", "robin", "kimberly", "jordan"] {
            let made = try_sign_up(&app, name, PASSWORD).await;
            assert_eq!(made.status(), StatusCode::CREATED, "{name} on {backend:?}");
        }
        // Accounts made still count: a sixth waits, and is told for how long.
        let api = try_sign_up(&app, "lee", PASSWORD).await;
        assert_eq!(api.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(api.headers()[reqwest::header::RETRY_AFTER], "600");
        let body = json(api).await;
        let message = body["message"].as_str().unwrap_or_default().to_owned();
        assert!(message.contains("10 minutes"), "{body}");

        let page = app
            .post_form(
                "/sign-up",
                &[("username", "lee"), ("password", PASSWORD), ("email", "")],
            )
            .await;
        assert_eq!(page.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(page.headers()[reqwest::header::RETRY_AFTER], "600");
        let text = page.text().await.expect("a page");
        assert!(text.contains("wait 10 minutes"), "{text}");
        app.stop().await;
    }
}
