//! The hard first week, walked in Polish on a 390 × 844 phone as both partners: a record honest
//! about how little it knows, and after a miss always a next step. Screenshots land in
//! `target/screenshots/miss-*.png`.

use reqwest::Method;
use serde_json::json;

use crate::browser::{assert_accessible, click, wait_for_text, whole_page_screenshot};
use crate::support::TestApp;
use crate::support::api::{Couple, PASSWORD, Person, call, couple};
use crate::support::browser::{self, Browser};

/// A phone's window, the person's language Polish, signed in as `name`.
async fn phone_in_polish(app: &TestApp, name: &str) -> Browser {
    let browser = Browser::start().await;
    browser.client.set_window_size(390, 844).await.unwrap();
    browser.client.goto(&app.url("/sign-in")).await.unwrap();
    click(&browser, r#"button[value="pl"]"#).await;
    crate::browser::wait_for(&browser, r#"html[lang="pl"]"#).await;
    crate::browser::wait_for(&browser, "#username")
        .await
        .send_keys(name)
        .await
        .unwrap();
    crate::browser::wait_for(&browser, "#password")
        .await
        .send_keys(PASSWORD)
        .await
        .unwrap();
    click(&browser, "form button[type=submit]").await;
    wait_for_text(&browser, "body", "Wyloguj").await;
    browser
}

/// A promise from `from` to the partner at stakes 1; its id.
async fn promise(app: &TestApp, from: &Person, c: &Couple, text: &str) -> String {
    let made = call(
        app,
        from,
        Method::POST,
        &format!("/api/v1/spaces/{}/promises", c.space),
        Some(json!({ "text": text, "stakes": 1 })),
    )
    .await;
    made.created()["id"].as_str().unwrap().to_owned()
}

async fn step(
    app: &TestApp,
    who: &Person,
    c: &Couple,
    id: &str,
    action: &str,
    body: serde_json::Value,
) {
    call(
        app,
        who,
        Method::POST,
        &format!("/api/v1/spaces/{}/promises/{id}/{action}", c.space),
        Some(body),
    )
    .await
    .ok();
}

#[tokio::test]
async fn a_hard_first_week_in_polish_on_a_phone() {
    if !browser::requested() {
        eprintln!("browser tests not requested; scripts/test runs them");
        return;
    }
    let app = TestApp::sqlite().await;
    // Ola was hurt; Tomek hid something.
    let c = couple(&app, "ola", "tomek").await;
    let (ola, tomek) = (&c.a, &c.b);
    for who in [ola, tomek] {
        call(
            &app,
            who,
            Method::PUT,
            &format!("/api/v1/spaces/{}/record/consent", c.space),
            None,
        )
        .await
        .ok();
    }
    let kept = promise(&app, tomek, &c, "Zadzwonię w przerwie na lunch").await;
    step(&app, ola, &c, &kept, "kept", json!({})).await;
    let late = promise(&app, tomek, &c, "Będę w domu przed dziesiątą").await;
    step(
        &app,
        ola,
        &c,
        &late,
        "broken",
        json!({ "severity": 2, "deception": false }),
    )
    .await;
    let money = promise(&app, tomek, &c, "Powiem ci o pieniądzach").await;
    step(
        &app,
        ola,
        &c,
        &money,
        "broken",
        json!({ "severity": 2, "deception": true }),
    )
    .await;
    let dinner = promise(&app, tomek, &c, "Ugotuję w piątek").await;
    step(
        &app,
        tomek,
        &c,
        &dinner,
        "renegotiate",
        json!({ "text": "Ugotuję w sobotę", "stakes": 1, "reason": "Późna zmiana w pracy" }),
    )
    .await;
    step(&app, ola, &c, &dinner, "renegotiation/accept", json!({})).await;

    // The record, as Ola reads it: the counts lead, too early to say, and the why adds up.
    let ola_phone = phone_in_polish(&app, &ola.name).await;
    let space = app.url(&format!("/spaces/{}", c.space));
    ola_phone
        .client
        .goto(&format!("{space}/record"))
        .await
        .unwrap();
    let counts = wait_for_text(&ola_phone, ".record .record-lead-counts", "dotrzyman").await;
    assert!(counts.contains("1 renegocjacja w porę"), "{counts}");
    wait_for_text(&ola_phone, ".record .record-expected", "Za wcześnie").await;
    let change = wait_for_text(&ola_phone, ".record .record-change", "Od 50%").await;
    assert!(change.contains("teraz"), "{change}");
    let main = wait_for_text(&ola_phone, "main", "Skąd ta wartość?").await;
    for word in ["beta", "Jøsang", "wskaźnik", "szum"] {
        assert!(!main.contains(word), "the record says {word}");
    }
    assert_accessible(&ola_phone, "the record, too early to say, in Polish").await;
    whole_page_screenshot(&ola_phone, "miss-1-record-too-early-pl").await;
    click(&ola_phone, r#"a[href$="/record/how"]"#).await;
    wait_for_text(&ola_phone, "main h1", "Jak liczony jest rejestr").await;
    assert_accessible(&ola_phone, "how the record is worked out").await;
    whole_page_screenshot(&ola_phone, "miss-2-record-how-pl").await;

    // Tomek reads his own direction the same way.
    let tomek_phone = phone_in_polish(&app, &tomek.name).await;
    tomek_phone
        .client
        .goto(&format!("{space}/record"))
        .await
        .unwrap();
    wait_for_text(&tomek_phone, "main", "Jak szło z twoimi obietnicami").await;
    whole_page_screenshot(&tomek_phone, "miss-3-record-tomek-pl").await;

    ola_phone.close().await;
    tomek_phone.close().await;
    app.stop().await;
}
