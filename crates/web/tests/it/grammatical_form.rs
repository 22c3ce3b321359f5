//! How Polish speaks to each person and about their partner: forms without gender until someone
//! chooses, the choice on the account page and over the API, the reader's own form in texts to
//! them, the partner's form in texts about the partner, and the check-in's cards in each
//! partner's own voice.

use reqwest::{Method, StatusCode};
use serde_json::json;
use steadfast_store::Backend;

use crate::checkins_pages::{answer_everything, start};
use crate::support::TestApp;
use crate::support::api::call;
use crate::support::pages::page;
use crate::support::people::{Couple, PASSWORD, couple};

fn polish(cookie: &str) -> String {
    format!("{cookie}; lang=pl")
}

/// The page's text with tags and the whitespace between them dropped, enough to find a phrase.
fn words(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn choose(app: &TestApp, cookie: &str, form: &str) {
    let saved = app
        .post_form_as(
            "/account/grammatical-form",
            &[("grammatical_form", form)],
            cookie,
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        saved.headers()[reqwest::header::LOCATION],
        "/account?done=grammatical-form"
    );
}

/// The page of new recovery codes, in Polish, which thanks the reader in their own form.
async fn new_codes_page(app: &TestApp, cookie: &str) -> String {
    let response = app
        .post_form_as(
            "/account/recovery-codes",
            &[("password", PASSWORD)],
            &polish(cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    words(&response.text().await.unwrap())
}

#[tokio::test]
async fn a_person_is_spoken_to_without_gender_until_they_choose_and_then_in_their_form() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let cookie = app.sign_up("ola", PASSWORD).await;
        let (status, account) = page(&app, "/account", &polish(&cookie)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            account.contains(r#"value="neutral" checked"#),
            "neutral until chosen: {account}"
        );
        let neutral = new_codes_page(&app, &cookie).await;
        assert!(neutral.contains("Kody są zapisane"), "{neutral}");
        assert!(!neutral.contains("Zapisałem lub zapisałam"), "{neutral}");

        choose(&app, &cookie, "feminine").await;
        let (_, account) = page(&app, "/account?done=grammatical-form", &polish(&cookie)).await;
        assert!(account.contains(r#"value="feminine" checked"#), "{account}");
        assert!(account.contains("Zapisane."), "{account}");
        let feminine = new_codes_page(&app, &cookie).await;
        assert!(feminine.contains("Zapisałam kody"), "{feminine}");

        choose(&app, &cookie, "masculine").await;
        assert!(
            new_codes_page(&app, &cookie)
                .await
                .contains("Zapisałem kody")
        );

        // English reads the same whatever the choice.
        let english = app
            .post_form_as(
                "/account/recovery-codes",
                &[("password", PASSWORD)],
                &cookie,
            )
            .await
            .text()
            .await
            .unwrap();
        assert!(english.contains("I have saved my codes"), "{english}");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_form_the_page_never_offers_is_refused_and_changes_nothing() {
    let app = TestApp::builder().start().await;
    let cookie = app.sign_up("ola", PASSWORD).await;
    choose(&app, &cookie, "feminine").await;
    let refused = app
        .post_form_as(
            "/account/grammatical-form",
            &[("grammatical_form", "female")],
            &cookie,
        )
        .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let (_, account) = page(&app, "/account", &cookie).await;
    assert!(account.contains(r#"value="feminine" checked"#), "{account}");
    app.stop().await;
}

#[tokio::test]
async fn the_api_reads_and_sets_the_callers_own_form() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let Couple { a, b, .. } = couple(&app, "ola", "tomek").await;
        let me = call(&app, &a, Method::GET, "/api/v1/me", None).await;
        assert_eq!(me.ok()["grammatical_form"], "neutral");

        let set = call(
            &app,
            &a,
            Method::PUT,
            "/api/v1/me/grammatical-form",
            Some(json!({ "grammatical_form": " feminine " })),
        )
        .await;
        assert_eq!(set.status, StatusCode::NO_CONTENT, "{}", set.body);
        let me = call(&app, &a, Method::GET, "/api/v1/me", None).await;
        assert_eq!(me.ok()["grammatical_form"], "feminine");
        let partner = call(&app, &b, Method::GET, "/api/v1/me", None).await;
        assert_eq!(partner.ok()["grammatical_form"], "neutral", "only her own");

        call(
            &app,
            &a,
            Method::PUT,
            "/api/v1/me/grammatical-form",
            Some(json!({ "grammatical_form": "female" })),
        )
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "grammatical_form_invalid");
        let me = call(&app, &a, Method::GET, "/api/v1/me", None).await;
        assert_eq!(me.ok()["grammatical_form"], "feminine", "unchanged");

        let anonymous = app
            .api(
                Method::PUT,
                "/api/v1/me/grammatical-form",
                Some(json!({ "grammatical_form": "masculine" })),
                None,
            )
            .await;
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
        app.stop().await;
    }
}

#[tokio::test]
async fn a_break_she_asked_for_reads_in_her_form_and_without_gender_before_she_chose() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let Couple { a, b, space } = couple(&app, "tomek", "ola").await;
        let checkin = start(&app, &a.cookie, &space).await;
        let called = app
            .post_form_as(&format!("{checkin}/break"), &[], &b.cookie)
            .await;
        assert_eq!(called.status(), StatusCode::SEE_OTHER);

        let (_, before) = page(&app, &checkin, &polish(&a.cookie)).await;
        assert!(
            before.contains("Przerwy potrzebuje druga strona"),
            "{before}"
        );
        assert!(
            !before.contains("partner poprosił") && !before.contains("partnerka"),
            "no gender assumed: {before}"
        );

        choose(&app, &b.cookie, "feminine").await;
        let (_, hers) = page(&app, &checkin, &polish(&a.cookie)).await;
        assert!(
            hers.contains("Twoja partnerka poprosiła o przerwę"),
            "{hers}"
        );
        // Tomek's own choice changes how he is spoken to, not how she is spoken of.
        choose(&app, &a.cookie, "masculine").await;
        let (_, still) = page(&app, &checkin, &polish(&a.cookie)).await;
        assert!(still.contains("poprosiła o przerwę"), "{still}");

        choose(&app, &b.cookie, "masculine").await;
        let (_, his) = page(&app, &checkin, &polish(&a.cookie)).await;
        assert!(his.contains("Twój partner poprosił o przerwę"), "{his}");

        // The English page never changes with anyone's form.
        let (_, english) = page(&app, &checkin, &a.cookie).await;
        assert!(
            english.contains("Your partner asked for a break"),
            "{english}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn the_partners_name_stands_in_the_nominative_and_their_form_is_used_about_them() {
    let app = TestApp::builder().start().await;
    let Couple { a, b, space } = couple(&app, "tomek", "ola").await;
    let checkin = start(&app, &a.cookie, &space).await;
    answer_everything(&app, &b.cookie, &checkin, "olasays", "3").await;

    let (_, neutral) = page(&app, &checkin, &polish(&a.cookie)).await;
    assert!(
        words(&neutral).contains("ola ma już odpowiedzi za sobą"),
        "{neutral}"
    );
    choose(&app, &b.cookie, "feminine").await;
    let (_, feminine) = page(&app, &checkin, &polish(&a.cookie)).await;
    assert!(words(&feminine).contains("ola już skończyła"), "{feminine}");

    let (_, promises) = page(
        &app,
        &format!("/spaces/{space}/promises"),
        &polish(&a.cookie),
    )
    .await;
    assert!(promises.contains("dla: ola"), "{promises}");
    assert!(!promises.contains("dla ola"), "{promises}");
    app.stop().await;
}

#[tokio::test]
async fn each_card_of_the_check_in_speaks_in_its_own_partners_voice() {
    let app = TestApp::builder().start().await;
    let Couple { a, b, space } = couple(&app, "tomek", "ola").await;
    let checkin = start(&app, &a.cookie, &space).await;
    answer_everything(&app, &a.cookie, &checkin, "tomeksays", "2").await;
    answer_everything(&app, &b.cookie, &checkin, "olasays", "3").await;

    let (_, english) = page(&app, &checkin, &a.cookie).await;
    assert_eq!(
        english.matches("Your side, as the speaker").count(),
        1,
        "only on Tomek's own card: {english}"
    );
    assert!(english.contains("ola, as the speaker"), "{english}");
    assert!(
        english.contains("What ola heard, as the listener"),
        "{english}"
    );

    let (_, polski) = page(&app, &checkin, &polish(&a.cookie)).await;
    assert_eq!(polski.matches("Twoja strona, gdy mówisz").count(), 1);
    assert!(polski.contains("ola jako osoba mówiąca"), "{polski}");
    assert!(polski.contains("ola: notatki ze słuchania"), "{polski}");
    app.stop().await;
}
