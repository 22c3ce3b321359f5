//! The grammatical form, with the other partner as the attacker. Each person's choice is theirs
//! alone: the partner cannot set it, a page elsewhere cannot set it through the person's browser,
//! and a space the reader does not belong to lends them nobody's form. The partner's choice does
//! show, as the words their pages use about them; that reveals nothing private.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::TestApp;
use crate::support::api::{call, solo_space};
use crate::support::pages::page;
use crate::support::people::{Couple, couple, person};

#[tokio::test]
async fn nobody_but_the_person_sets_their_form_and_another_space_lends_no_form() {
    let app = TestApp::builder().start().await;
    let Couple {
        a: ola,
        b: tomek,
        space,
    } = couple(&app, "ola", "tomek").await;
    call(
        &app,
        &ola,
        Method::PUT,
        "/api/v1/me/grammatical-form",
        Some(json!({ "grammatical_form": "feminine" })),
    )
    .await;

    // Tomek's request sets his own form, whatever he sends: there is no way to name hers.
    let his = call(
        &app,
        &tomek,
        Method::PUT,
        "/api/v1/me/grammatical-form",
        Some(json!({ "grammatical_form": "masculine", "account": "ola" })),
    )
    .await;
    assert_eq!(his.status, StatusCode::NO_CONTENT, "{}", his.body);
    let hers = call(&app, &ola, Method::GET, "/api/v1/me", None).await;
    assert_eq!(hers.ok()["grammatical_form"], "feminine");

    // A page on another site cannot change it through her signed-in browser.
    let forged = app
        .client
        .post(app.url("/account/grammatical-form"))
        .header("sec-fetch-site", "cross-site")
        .header(reqwest::header::COOKIE, &ola.cookie)
        .form(&[("grammatical_form", "masculine")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let hers = call(&app, &ola, Method::GET, "/api/v1/me", None).await;
    assert_eq!(hers.ok()["grammatical_form"], "feminine");

    // Another couple's partner, opening this couple's space, finds nothing and no form.
    let stranger = person(&app, "kai").await;
    solo_space(&app, &stranger).await;
    let (status, html) = page(
        &app,
        &format!("/spaces/{space}/checkins"),
        &format!("{}; lang=pl", stranger.cookie),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        !html.contains("partnerka") && !html.contains("poprosiła"),
        "{html}"
    );
    app.stop().await;
}
