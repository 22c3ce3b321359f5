//! The hard first week, walked in Polish on a 390 × 844 phone as both partners: a record honest
//! about how little it knows, and after a miss always a next step. Screenshots land in
//! `target/screenshots/miss-*.png`.

use reqwest::Method;
use serde_json::json;

use crate::browser::{assert_accessible, click, wait_for_text, whole_page_screenshot};
use crate::support::TestApp;
use crate::support::api::call;
use crate::support::browser::Browser;
use crate::support::people::{Couple, PASSWORD, Person, couple};

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

/// Makes something in the couple's space (`what`: "promises", "repairs", …) as `who`; its id.
async fn create(
    app: &TestApp,
    who: &Person,
    c: &Couple,
    what: &str,
    body: Option<serde_json::Value>,
) -> String {
    let made = call(
        app,
        who,
        Method::POST,
        &format!("/api/v1/spaces/{}/{what}", c.space),
        body,
    )
    .await;
    made.created()["id"].as_str().unwrap().to_owned()
}

/// A promise from `from` to the partner at stakes 1; its id.
async fn promise(app: &TestApp, from: &Person, c: &Couple, text: &str) -> String {
    let body = json!({ "text": text, "stakes": 1 });
    create(app, from, c, "promises", Some(body)).await
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
#[ignore = "drives Chromium through chromedriver: scripts/test runs it"]
async fn a_hard_first_week_in_polish_on_a_phone() {
    let app = TestApp::builder().start().await;
    // Ola was hurt; Tomek hid something.
    let c = couple(&app, "ola", "tomek").await;
    let (ola, tomek) = (&c.a, &c.b);
    // Both switched the record on, and each answered the private safety question that joint
    // repair work asks first.
    for who in [ola, tomek] {
        for (path, body) in [
            ("record/consent", None),
            (
                "safety",
                Some(json!({ "afraid": false, "pressured": false, "unsafe_now": false })),
            ),
        ] {
            call(
                &app,
                who,
                Method::PUT,
                &format!("/api/v1/spaces/{}/{path}", c.space),
                body,
            )
            .await
            .ok();
        }
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

    // After the miss about money, the space page shows Tomek a step he can take; the promise
    // offers them all. He apologises, with a "chociaż" that is no excuse.
    tomek_phone.client.goto(&space).await.unwrap();
    wait_for_text(&tomek_phone, "main", "Po niedotrzymanej obietnicy").await;
    tomek_phone
        .client
        .goto(&format!("{space}/promises/{money}"))
        .await
        .unwrap();
    let next = wait_for_text(&tomek_phone, ".after-miss", "Przeproś własnymi słowami").await;
    for step in [
        "Widzę to",
        "Zaproponuj mniejszą obietnicę",
        "Zaproponuj plan naprawy",
    ] {
        assert!(next.contains(step), "Tomek is offered {step}: {next}");
    }
    assert_accessible(&tomek_phone, "the promiser's next steps after a miss").await;
    whole_page_screenshot(&tomek_phone, "miss-4-next-steps-tomek-pl").await;
    crate::browser::wait_for(&tomek_phone, "#apology")
        .await
        .send_keys("Przepraszam, że ukryłem przed tobą te pieniądze, chociaż mi ufałaś.")
        .await
        .unwrap();
    click(&tomek_phone, r#"form[action$="/apologise"] button"#).await;
    wait_for_text(&tomek_phone, ".after-miss h3", "Przeprosiny").await;
    wait_for_text(&tomek_phone, ".after-miss", "chociaż mi ufałaś").await;

    // Ola answers "not yet", and says what would help.
    ola_phone
        .client
        .goto(&format!("{space}/promises/{money}"))
        .await
        .unwrap();
    wait_for_text(
        &ola_phone,
        ".after-miss",
        "Czy te przeprosiny do ciebie dotarły?",
    )
    .await;
    click(&ola_phone, r#"input[name="landing"][value="not_yet"]"#).await;
    crate::browser::wait_for(&ola_phone, r#"form[action$="/answer-apology"] textarea"#)
        .await
        .send_keys("Pokaż mi wyciągi z ostatnich trzech miesięcy.")
        .await
        .unwrap();
    assert_accessible(&ola_phone, "answering an apology").await;
    click(&ola_phone, r#"form[action$="/answer-apology"] button"#).await;
    wait_for_text(&ola_phone, ".after-miss", "Pokaż mi wyciągi").await;
    whole_page_screenshot(&ola_phone, "miss-5-not-yet-ola-pl").await;
    tomek_phone.client.refresh().await.unwrap();
    let heard = wait_for_text(&tomek_phone, ".after-miss", "Pokaż mi wyciągi").await;
    assert!(
        heard.contains("Przeproś jeszcze raz"),
        "after \"not yet\" he may apologise again: {heard}"
    );
    whole_page_screenshot(&tomek_phone, "miss-6-not-yet-seen-by-tomek-pl").await;

    // A repair plan for the money: Ola asks a question, Tomek answers it, and Ola shares where
    // she is with forgiveness, which is hers alone.
    let body = json!({ "hurt": "me", "promise": money });
    let repair = create(&app, ola, &c, "repairs", Some(body)).await;
    let plan = format!("{space}/repairs/{repair}");
    ola_phone.client.goto(&plan).await.unwrap();
    crate::browser::wait_for(&ola_phone, "#ask-text")
        .await
        .send_keys("Od kiedy to trwało?")
        .await
        .unwrap();
    click(&ola_phone, r#"form[action$="/ask"] button"#).await;
    wait_for_text(&ola_phone, "main", "Od kiedy to trwało?").await;
    tomek_phone.client.goto(&plan).await.unwrap();
    wait_for_text(&tomek_phone, "main", "Od kiedy to trwało?").await;
    crate::browser::wait_for(&tomek_phone, r#"form[action$="/reply"] textarea"#)
        .await
        .send_keys("Od marca. Powiem ci wszystko, o co zapytasz.")
        .await
        .unwrap();
    click(&tomek_phone, r#"form[action$="/reply"] button"#).await;
    wait_for_text(&tomek_phone, "main", "Od marca.").await;
    assert!(
        !tomek_phone
            .client
            .source()
            .await
            .unwrap()
            .contains(r#"/forgive""#),
        "forgiveness is never Tomek's to set"
    );
    ola_phone.client.refresh().await.unwrap();
    wait_for_text(&ola_phone, "main", "Od marca.").await;
    click(
        &ola_phone,
        r#"input[name="forgiveness"][value="working_on_it"]"#,
    )
    .await;
    click(&ola_phone, r#"input[name="share"][value="yes"]"#).await;
    assert_accessible(
        &ola_phone,
        "the repair plan with a question and forgiveness",
    )
    .await;
    click(&ola_phone, r#"form[action$="/forgive"] button"#).await;
    wait_for_text(&ola_phone, "main", "Pracuję nad tym").await;
    whole_page_screenshot(&ola_phone, "miss-7-repair-ola-pl").await;
    tomek_phone.client.refresh().await.unwrap();
    wait_for_text(&tomek_phone, "main", "Pracuję nad tym").await;
    whole_page_screenshot(&tomek_phone, "miss-8-repair-tomek-pl").await;

    // Ola needs the joint work to stop for a while, without saying why. She is told when it
    // begins; Tomek's safety page, the same before and after, tells him nothing.
    tomek_phone
        .client
        .goto(&format!("{space}/safety"))
        .await
        .unwrap();
    let tomek_before = wait_for_text(&tomek_phone, "main", "Wstrzymaj wspólne kroki").await;
    ola_phone
        .client
        .goto(&format!("{space}/safety"))
        .await
        .unwrap();
    click(&ola_phone, r#"form[action$="/safety/pause"] button"#).await;
    wait_for_text(&ola_phone, "main .notice", "Zapisane. Zacznie obowiązywać").await;
    assert_accessible(&ola_phone, "the safety page after a pause").await;
    whole_page_screenshot(&ola_phone, "miss-8b-safety-pause-ola-pl").await;
    tomek_phone.client.refresh().await.unwrap();
    let tomek_after = wait_for_text(&tomek_phone, "main", "Wstrzymaj wspólne kroki").await;
    assert_eq!(tomek_before, tomek_after);
    whole_page_screenshot(&tomek_phone, "miss-8c-safety-tomek-pl").await;

    // A check-in gets heated: Ola calls a break from the step she is on, and only she can end
    // it early; Tomek sees how long it has left.
    let checkin = create(&app, ola, &c, "checkins", None).await;
    let checkin = format!("{space}/checkins/{checkin}");
    ola_phone.client.goto(&checkin).await.unwrap();
    click(&ola_phone, r#"button[name="go"][value="break"]"#).await;
    wait_for_text(&ola_phone, "main h1", "Przerwa dla obu stron").await;
    crate::browser::wait_for(&ola_phone, r#"form[action$="/break/end"]"#).await;
    whole_page_screenshot(&ola_phone, "miss-9-break-ola-pl").await;
    tomek_phone.client.goto(&checkin).await.unwrap();
    let pause = wait_for_text(&tomek_phone, "main", "zostało około 20 minut").await;
    assert!(
        pause.contains("Wcześniej zakończyć przerwę może tylko"),
        "{pause}"
    );
    assert!(
        !tomek_phone
            .client
            .source()
            .await
            .unwrap()
            .contains("/break/end"),
        "Tomek has no way to end Ola's break"
    );
    assert_accessible(&tomek_phone, "a break the other partner called").await;
    whole_page_screenshot(&tomek_phone, "miss-10-break-tomek-pl").await;

    // Tomek leaves the space. What was shared with Ola stays hers to read, from "the person who
    // left", and nothing offers a step that would need him.
    call(
        &app,
        tomek,
        Method::POST,
        &format!("/api/v1/spaces/{}/leave", c.space),
        None,
    )
    .await
    .ok();
    ola_phone
        .client
        .goto(&format!("{space}/promises"))
        .await
        .unwrap();
    let list = wait_for_text(&ola_phone, "main", "Powiem ci o pieniądzach").await;
    assert!(
        list.contains("Druga osoba opuściła tę przestrzeń"),
        "{list}"
    );
    assert!(list.contains("Zadzwonię w przerwie na lunch"), "{list}");
    assert_accessible(&ola_phone, "the promises after the partner left").await;
    whole_page_screenshot(&ola_phone, "miss-11-promises-after-leaving-pl").await;
    ola_phone
        .client
        .goto(&format!("{space}/promises/{money}"))
        .await
        .unwrap();
    let kept = wait_for_text(&ola_phone, "main", "chociaż mi ufałaś").await;
    assert!(kept.contains("Pokaż mi wyciągi"), "{kept}");
    assert!(kept.contains("nie da się tu już o nic poprosić"), "{kept}");
    assert!(!kept.contains("Przerwa dla obu stron"), "{kept}");
    let page = ola_phone.client.source().await.unwrap();
    assert!(
        !page.contains("/answer-apology") && !page.contains("/ask\""),
        "no step that needs the one who left"
    );
    whole_page_screenshot(&ola_phone, "miss-12-promise-after-leaving-pl").await;
    ola_phone.client.goto(&plan).await.unwrap();
    let repair = wait_for_text(&ola_phone, "main", "Od marca.").await;
    assert!(repair.contains("Od kiedy to trwało?"), "{repair}");
    whole_page_screenshot(&ola_phone, "miss-13-repair-after-leaving-pl").await;
    ola_phone
        .client
        .goto(&format!("{space}/record"))
        .await
        .unwrap();
    crate::browser::wait_for(&ola_phone, "main h1").await;
    whole_page_screenshot(&ola_phone, "miss-14-record-after-leaving-pl").await;
    wait_for_text(&ola_phone, ".record .record-lead-counts", "dotrzyman").await;

    ola_phone.close().await;
    tomek_phone.close().await;
    app.stop().await;
}
