//! The shell every page uses, over HTTP: home page, languages, headers, error pages and the
//! operational endpoints.

use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap};
use steadfast_store::Backend;
use steadfast_web::WebConfig;

use crate::support::TestApp;
use crate::support::app::test_clock;

fn assert_security_headers(headers: &HeaderMap) {
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    for directive in [
        "default-src 'none'",
        "script-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ] {
        assert!(csp.contains(directive), "CSP lacks {directive}: {csp}");
    }
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(headers[header::REFERRER_POLICY], "no-referrer");
    assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY");
    assert!(
        headers["permissions-policy"]
            .to_str()
            .unwrap()
            .contains("geolocation=()")
    );
}

fn assert_is_page(headers: &HeaderMap) {
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    assert_security_headers(headers);
}

#[tokio::test]
async fn home_page_is_served_in_english_by_default() {
    let app = TestApp::builder().start().await;
    let response = app.get("/").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_is_page(response.headers());
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"<html lang="en">"#));
    assert!(html.contains("Trust, built in small steps"));
    assert!(html.contains(r#"name="viewport""#));
    app.stop().await;
}

#[tokio::test]
async fn every_page_has_the_quick_exit_to_the_configured_address() {
    let config = WebConfig {
        quick_exit_url: "https://weather.example/today".into(),
        ..TestApp::test_config(&test_clock())
    };
    let app = TestApp::builder().config(config).start().await;
    for path in ["/", "/no-such-page"] {
        let html = app.get(path).await.text().await.unwrap();
        // A form, so it ends the session as it leaves, then goes to the configured address.
        assert!(
            html.contains(
                r#"<form id="quick-exit-form" class="quick-exit-form" method="post" action="/exit""#
            ) && html.contains(r#"data-exit-to="https://weather.example/today""#),
            "{path} has no quick exit"
        );
        assert!(html.contains("Quick exit"));
    }
    app.stop().await;
}

#[tokio::test]
async fn pages_carry_no_inline_script_or_style_the_policy_would_block() {
    let app = TestApp::builder().start().await;
    for path in ["/", "/missing"] {
        let html = app.get(path).await.text().await.unwrap();
        assert!(!html.contains("<script>"), "{path} has an inline script");
        assert!(!html.contains(" style="), "{path} has an inline style");
        assert!(!html.contains(" onclick="), "{path} has an inline handler");
    }
    app.stop().await;
}

#[tokio::test]
async fn accept_language_chooses_polish() {
    let app = TestApp::builder().start().await;
    let response = app
        .client
        .get(app.url("/"))
        .header(header::ACCEPT_LANGUAGE, "pl-PL,pl;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap();
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"<html lang="pl">"#));
    assert!(html.contains("Zaufanie budowane małymi krokami"));
    assert!(html.contains("Szybkie wyjście"));
    app.stop().await;
}

#[tokio::test]
async fn the_language_switch_remembers_the_choice_on_this_device() {
    let app = TestApp::builder().start().await;
    let response = app
        .post_form("/language", &[("lang", "pl"), ("next", "/")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/");
    let cookie = response.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("lang=pl;"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    // The explicit choice wins over the browser's preference.
    let html = app
        .client
        .get(app.url("/"))
        .header(header::COOKIE, "lang=pl")
        .header(header::ACCEPT_LANGUAGE, "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"<html lang="pl">"#));
    app.stop().await;
}

#[tokio::test]
async fn the_language_switch_only_returns_to_pages_of_this_site() {
    let app = TestApp::builder().start().await;
    for next in [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
    ] {
        let response = app
            .post_form("/language", &[("lang", "en"), ("next", next)])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(response.headers()[header::LOCATION], "/", "{next}");
    }
    app.stop().await;
}

#[tokio::test]
async fn an_unknown_language_is_a_clear_error_page() {
    let app = TestApp::builder().start().await;
    for form in [&[("lang", "xx"), ("next", "/")][..], &[("next", "/")][..]] {
        let response = app.post_form("/language", form).await;
        assert!(response.status().is_client_error(), "{}", response.status());
        assert!(response.headers().get(header::SET_COOKIE).is_none());
        assert_is_page(response.headers());
        let html = response.text().await.unwrap();
        assert!(html.contains("We could not read that"), "{html}");
        assert!(
            !html.contains("deserialize"),
            "an internal message leaked: {html}"
        );
    }
    app.stop().await;
}

/// Every state-changing route the application has. A new one must be added here, so the
/// cross-site guard is proven for it too.
pub const STATE_CHANGING_ROUTES: &[(&str, &str)] = &[
    ("POST", "/language"),
    ("POST", "/sign-up"),
    ("POST", "/sign-in"),
    ("POST", "/sign-out"),
    ("POST", "/exit"),
    ("POST", "/account/sign-out-others"),
    ("POST", "/account/sign-out-everywhere"),
    ("POST", "/api/v1/accounts"),
    ("POST", "/api/v1/sessions"),
    ("DELETE", "/api/v1/sessions/current"),
    ("POST", "/account/password"),
    ("POST", "/account/recovery-codes"),
    ("POST", "/account/tokens"),
    ("POST", "/account/tokens/some-token/revoke"),
    ("POST", "/account/delete"),
    ("POST", "/recovery"),
    (
        "POST",
        "/set-password/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    ),
    ("PUT", "/api/v1/me/password"),
    ("POST", "/api/v1/me/recovery-codes"),
    ("DELETE", "/api/v1/me"),
    ("POST", "/api/v1/recovery"),
    ("POST", "/api/v1/tokens"),
    ("DELETE", "/api/v1/tokens/some-token"),
    ("POST", "/spaces"),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/invites",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/invites/00000000-0000-4000-8000-000000000002/revoke",
    ),
    ("POST", "/spaces/00000000-0000-4000-8000-000000000001/leave"),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/promises",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000002/done",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000002/kept",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000002/not-yet",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000002/renegotiate",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000002/renegotiation/accept",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000002/renegotiation/decline",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000002/broken",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000002/extend",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000002/let-go",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000002/release",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/record/consent",
    ),
    (
        "POST",
        "/invites/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef/accept",
    ),
    ("POST", "/api/v1/spaces"),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/invites",
    ),
    (
        "DELETE",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/invites/00000000-0000-4000-8000-000000000002",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/leave",
    ),
    (
        "POST",
        "/api/v1/invites/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef/accept",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/promises",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000003/done",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000003/kept",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000003/not-yet",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000003/renegotiate",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000003/renegotiation/accept",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000003/renegotiation/decline",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000003/broken",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000003/extend",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000003/let-go",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/promises/00000000-0000-4000-8000-000000000003/release",
    ),
    (
        "PUT",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/record/consent",
    ),
    (
        "DELETE",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/record/consent",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/checkins",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/checkins/00000000-0000-4000-8000-000000000004/step/topic",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/checkins/00000000-0000-4000-8000-000000000004/submit",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/checkins/00000000-0000-4000-8000-000000000004/break",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/checkins/00000000-0000-4000-8000-000000000004/break/end",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/checkins",
    ),
    (
        "PUT",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/checkins/00000000-0000-4000-8000-000000000004/draft",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/checkins/00000000-0000-4000-8000-000000000004/submit",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/checkins/00000000-0000-4000-8000-000000000004/break",
    ),
    (
        "DELETE",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/checkins/00000000-0000-4000-8000-000000000004/break",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/rituals",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/rituals/00000000-0000-4000-8000-000000000003",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/rituals/00000000-0000-4000-8000-000000000003/end",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/time-zone",
    ),
    ("POST", "/spaces/00000000-0000-4000-8000-000000000001/daily"),
    ("POST", "/account/calendar"),
    ("POST", "/account/calendar/discreet"),
    ("POST", "/account/calendar/revoke"),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/boundaries",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005/acknowledge",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005/revise",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005/withdraw",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005/crossings",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005/crossings/00000000-0000-4000-8000-000000000006/acknowledge",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005/crossings/00000000-0000-4000-8000-000000000006/apologise",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005/crossings/00000000-0000-4000-8000-000000000006/prevention",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005/crossings/00000000-0000-4000-8000-000000000006/resolve",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/appreciations",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/boundaries",
    ),
    (
        "PUT",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005",
    ),
    (
        "DELETE",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005/acknowledge",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005/crossings",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005/crossings/00000000-0000-4000-8000-000000000006/acknowledge",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005/crossings/00000000-0000-4000-8000-000000000006/apologise",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005/crossings/00000000-0000-4000-8000-000000000006/prevention",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005/crossings/00000000-0000-4000-8000-000000000006/resolve",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/appreciations",
    ),
    ("POST", "/journal"),
    ("POST", "/journal/00000000-0000-4000-8000-000000000008"),
    (
        "POST",
        "/journal/00000000-0000-4000-8000-000000000008/delete",
    ),
    ("POST", "/api/v1/journal"),
    (
        "PUT",
        "/api/v1/journal/00000000-0000-4000-8000-000000000008",
    ),
    (
        "DELETE",
        "/api/v1/journal/00000000-0000-4000-8000-000000000008",
    ),
    ("POST", "/api/v1/gentle-start"),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/checkins/00000000-0000-4000-8000-000000000004/step/topic/check",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/boundaries/check",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005/revise/check",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/boundaries/00000000-0000-4000-8000-000000000005/crossings/00000000-0000-4000-8000-000000000006/apologise/check",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/repairs/00000000-0000-4000-8000-000000000007/apology/check",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/rituals",
    ),
    (
        "PUT",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/rituals/00000000-0000-4000-8000-000000000003",
    ),
    (
        "DELETE",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/rituals/00000000-0000-4000-8000-000000000003",
    ),
    (
        "PUT",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/time-zone",
    ),
    (
        "PUT",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/daily",
    ),
    ("POST", "/api/v1/calendar-feed"),
    ("PUT", "/api/v1/calendar-feed"),
    ("DELETE", "/api/v1/calendar-feed"),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/repairs",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/repairs/log",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/repairs/00000000-0000-4000-8000-000000000007/advance",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/safety",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/repairs",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/repairs/log",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/repairs/00000000-0000-4000-8000-000000000007/close",
    ),
    (
        "PUT",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/safety",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/coach/invites",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/coach/invites/00000000-0000-4000-8000-000000000002/revoke",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/coach/00000000-0000-4000-8000-000000000009/grant",
    ),
    (
        "POST",
        "/spaces/00000000-0000-4000-8000-000000000001/coach/00000000-0000-4000-8000-000000000009/revoke",
    ),
    (
        "POST",
        "/coach-invites/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef/accept",
    ),
    (
        "POST",
        "/coach-invites/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef/sign-up",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/coach/invites",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/coach/00000000-0000-4000-8000-000000000009/grant",
    ),
    (
        "POST",
        "/api/v1/spaces/00000000-0000-4000-8000-000000000001/coach/00000000-0000-4000-8000-000000000009/revoke",
    ),
];

#[tokio::test]
async fn every_state_changing_route_refuses_requests_from_another_site() {
    let app = TestApp::builder().start().await;
    let cookie = app
        .sign_up("guarded-person", "correct horse battery staple")
        .await;
    let attempts = [
        vec![("sec-fetch-site", "cross-site".to_owned())],
        vec![("sec-fetch-site", "same-site".to_owned())],
        vec![("origin", "http://evil.example".to_owned())],
    ];
    for (method, path) in STATE_CHANGING_ROUTES {
        for headers in &attempts {
            let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
            let mut request = app
                .client
                .request(method.clone(), app.url(path))
                .header(header::COOKIE, &cookie)
                .form(&[
                    ("lang", "pl"),
                    ("next", "/"),
                    ("username", "x"),
                    ("password", "y"),
                ]);
            for (name, value) in headers {
                request = request.header(*name, value);
            }
            let response = request.send().await.unwrap();
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{method} {path} {headers:?}"
            );
            assert!(
                response.headers().get(header::SET_COOKIE).is_none(),
                "{method} {path} changed state"
            );
            assert_security_headers(response.headers());
            let body = response.text().await.unwrap();
            if path.starts_with("/api/") {
                assert!(body.contains(r#""error":"cross_site_refused""#), "{body}");
            } else {
                assert!(
                    body.contains("This request came from another site"),
                    "{body}"
                );
            }
        }
    }
    // Nothing happened: the session is still there.
    let me = app
        .api(reqwest::Method::GET, "/api/v1/me", None, Some(&cookie))
        .await;
    assert_eq!(me.status(), StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn reading_routes_change_nothing() {
    // GET and HEAD never change state: a signed-in person's session survives a tour of every
    // page, and no page sets a session cookie.
    let app = TestApp::builder().start().await;
    let cookie = app.sign_up("reader", "correct horse battery staple").await;
    let space_pages = space_pages(&app, &cookie).await;
    let fixed = [
        "/",
        "/sign-in",
        "/sign-up",
        "/account",
        "/account/export",
        "/spaces",
        "/help",
        "/api/v1/me",
        "/api/v1/export",
        "/api/v1/spaces",
        "/api/v1/tokens",
        "/api/v1/openapi.json",
        "/healthz",
        "/readyz",
    ];
    let paths = fixed
        .iter()
        .copied()
        .chain(space_pages.iter().map(String::as_str));
    for path in paths {
        for method in [reqwest::Method::GET, reqwest::Method::HEAD] {
            let response = app
                .client
                .request(method.clone(), app.url(path))
                .header(header::COOKIE, &cookie)
                .send()
                .await
                .unwrap();
            assert!(
                response.status().is_success() || response.status().is_redirection(),
                "{method} {path}"
            );
            assert!(
                response.headers().get(header::SET_COOKIE).is_none(),
                "{method} {path} set a cookie"
            );
        }
    }
    let me = app
        .api(reqwest::Method::GET, "/api/v1/me", None, Some(&cookie))
        .await;
    assert_eq!(me.status(), StatusCode::OK);
    app.stop().await;
}

/// The pages of a space the reader shares with a partner, with one promise in it: the space, its
/// promises, that promise and the record.
async fn space_pages(app: &TestApp, cookie: &str) -> Vec<String> {
    let partner = app.sign_up("partner", "correct horse battery staple").await;
    async fn post(app: &TestApp, path: &str, cookie: &str) -> reqwest::Response {
        let body = serde_json::json!({ "name": "Ours" });
        app.api(reqwest::Method::POST, path, Some(body), Some(cookie))
            .await
    }
    let space = post(app, "/api/v1/spaces", cookie).await;
    let space: serde_json::Value = space.json().await.unwrap();
    let space = space["id"].as_str().unwrap().to_owned();
    let invite = post(app, &format!("/api/v1/spaces/{space}/invites"), cookie).await;
    let invite: serde_json::Value = invite.json().await.unwrap();
    let token = invite["token"].as_str().unwrap();
    let accepted = post(app, &format!("/api/v1/invites/{token}/accept"), &partner).await;
    assert_eq!(accepted.status(), StatusCode::OK);
    let made = app
        .post_form_as(
            &format!("/spaces/{space}/promises"),
            &[("text", "Read the tour"), ("stakes", "1")],
            cookie,
        )
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let promise = made.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    let started = app
        .post_form_as(&format!("/spaces/{space}/checkins"), &[], cookie)
        .await;
    assert_eq!(started.status(), StatusCode::SEE_OTHER);
    let checkin = started.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    let proposed = app
        .post_form_as(
            &format!("/spaces/{space}/boundaries"),
            &[("text", "Knock first")],
            cookie,
        )
        .await;
    assert_eq!(proposed.status(), StatusCode::SEE_OTHER);
    let boundary = proposed.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    vec![
        format!("/spaces/{space}"),
        format!("/spaces/{space}/promises"),
        promise,
        format!("/spaces/{space}/record"),
        format!("/spaces/{space}/checkins"),
        format!("{checkin}?step=felt_trust"),
        format!("{checkin}?step=how_it_went"),
        format!("{checkin}?step=review"),
        checkin,
        format!("/api/v1/spaces/{space}/checkins"),
        format!("/api/v1/spaces/{space}/checkins/trend"),
        format!("/spaces/{space}/rituals"),
        format!("/spaces/{space}/settings"),
        format!("/spaces/{space}/daily"),
        format!("/api/v1/spaces/{space}/rituals"),
        format!("/api/v1/spaces/{space}/daily"),
        format!("/spaces/{space}/boundaries"),
        boundary.clone(),
        format!("/api/v1{boundary}"),
        format!("/spaces/{space}/appreciations"),
        format!("/api/v1/spaces/{space}/boundaries"),
        format!("/api/v1/spaces/{space}/appreciations"),
        format!("/api/v1/spaces/{space}/balance"),
        "/account/calendar".to_owned(),
        format!("/spaces/{space}/repairs"),
        format!("/spaces/{space}/repairs/log"),
        format!("/spaces/{space}/safety"),
        format!("/api/v1/spaces/{space}/repairs"),
        format!("/api/v1/spaces/{space}/repairs/log"),
        format!("/api/v1/spaces/{space}/safety"),
        format!("/spaces/{space}/patterns"),
        format!("/api/v1/spaces/{space}/patterns"),
        "/journal".to_owned(),
        "/journal?prompt=how_deep".to_owned(),
        "/api/v1/journal".to_owned(),
        "/api/v1/journal/prompts".to_owned(),
    ]
}

#[tokio::test]
async fn unknown_pages_get_a_friendly_not_found_page() {
    let app = TestApp::builder().start().await;
    let response = app.get("/spaces/../../etc/passwd?x=<script>").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_is_page(response.headers());
    let html = response.text().await.unwrap();
    assert!(html.contains("We could not find that page"));
    assert!(html.contains(r#"href="/""#), "a way back to the start");
    assert!(
        !html.contains("<script>"),
        "the path is never echoed unescaped"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_wrong_method_gets_a_page_and_keeps_the_allow_header() {
    let app = TestApp::builder().start().await;
    let response = app.get("/language").await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(
        response.headers()[header::ALLOW]
            .to_str()
            .unwrap()
            .contains("POST")
    );
    assert_is_page(response.headers());
    assert!(response.text().await.unwrap().contains("That did not work"));
    app.stop().await;
}

#[tokio::test]
async fn an_oversized_body_is_refused_with_a_page() {
    let app = TestApp::builder().start().await;
    let huge = "x".repeat(256 * 1024);
    let response = app
        .post_form("/language", &[("lang", "pl"), ("next", &huge)])
        .await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_is_page(response.headers());
    app.stop().await;
}

#[tokio::test]
async fn assets_are_cacheable_and_typed() {
    let app = TestApp::builder().start().await;
    let html = app.get("/").await.text().await.unwrap();
    for (prefix, kind) in [
        ("/static/app.css?v=", "text/css"),
        ("/static/app.js?v=", "text/javascript"),
    ] {
        let start = html
            .find(prefix)
            .unwrap_or_else(|| panic!("{prefix} linked"));
        let url = &html[start..start + html[start..].find('"').unwrap()];
        let response = app.get(url).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response.headers()[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with(kind)
        );
        assert!(
            response.headers()[header::CACHE_CONTROL]
                .to_str()
                .unwrap()
                .contains("immutable")
        );
        assert_security_headers(response.headers());
    }
    app.stop().await;
}

#[tokio::test]
async fn health_readiness_and_metrics_answer() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
        let ready = app.get("/readyz").await;
        assert_eq!(ready.status(), StatusCode::OK, "{backend:?}");
        app.get("/").await;
        // On the operator's listener only: the public one has no `/metrics`.
        let text = app.metrics().await;
        assert!(text.contains("steadfast_http_requests_total"), "{text}");
        app.stop().await;
    }
}

#[tokio::test]
async fn readiness_fails_plainly_when_the_database_is_gone() {
    let app = TestApp::builder().start().await;
    app.store.close().await;
    let response = app.get("/readyz").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        response.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    assert_eq!(
        response.text().await.unwrap(),
        "the database does not answer"
    );
    assert_eq!(
        app.get("/healthz").await.status(),
        StatusCode::OK,
        "the process itself is alive"
    );
}

#[tokio::test]
async fn the_home_page_offers_an_account_first_and_someone_signed_in_lands_on_their_space() {
    let app = TestApp::builder().start().await;
    let home = app.get("/").await.text().await.unwrap();
    let sign_up = home.find(r#"href="/sign-up""#).expect("a sign-up button");
    let first_card = home.find(r#"class="cards""#).unwrap();
    assert!(sign_up < first_card, "before what Steadfast does");
    assert!(home.contains(r#"href="/sign-in""#));

    // Never had a space: the guided start.
    let alone = crate::support::people::person(&app, "someone-new").await;
    let response = app.get_as("/", &alone.cookie).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/start");

    // One space: straight to it, for both partners.
    let us = crate::support::people::couple(&app, "ada", "bea").await;
    for who in [&us.a, &us.b] {
        let response = app.get_as("/", &who.cookie).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            response.headers()[header::LOCATION].to_str().unwrap(),
            format!("/spaces/{}", us.space)
        );
    }
    app.stop().await;
}
