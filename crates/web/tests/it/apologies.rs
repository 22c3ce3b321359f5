//! One apology rule over HTTP, on both databases: a concessive clause ("even though you trusted
//! me", "chociaż mi ufałaś") is taken on a repair plan and on a boundary crossing, and an
//! excusing "but" is refused with words that say what to change, in English and in Polish.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use steadfast_store::Backend;

use crate::support::TestApp;
use crate::support::api::{Answer, answer, call};
use crate::support::people::{Couple, Person, couple};

async fn post(app: &TestApp, who: &Person, path: &str, body: Value) -> Answer {
    call(app, who, Method::POST, path, Some(body)).await
}

/// The same request in Polish.
async fn post_pl(app: &TestApp, who: &Person, path: &str, body: Value) -> Answer {
    let response = app
        .client
        .post(app.url(path))
        .bearer_auth(who.token())
        .header("accept-language", "pl")
        .json(&body)
        .send()
        .await
        .unwrap();
    answer(response).await
}

#[track_caller]
fn kindly_refused(answer: &Answer, code: &str, words: &str) {
    answer.refused(StatusCode::UNPROCESSABLE_ENTITY, code);
    let message = answer.body["message"].as_str().unwrap_or_default();
    assert!(message.contains(words), "{message}");
}

/// `b` opens a plan about a promise `a` broke, and both answer the safety check; its API path.
async fn repair_plan(app: &TestApp, c: &Couple) -> String {
    let promises = format!("/api/v1/spaces/{}/promises", c.space);
    let promise = post(
        app,
        &c.a,
        &promises,
        json!({ "text": "No more secret messages", "stakes": 2 }),
    )
    .await
    .created_id();
    post(
        app,
        &c.b,
        &format!("{promises}/{promise}/broken"),
        json!({ "severity": 3, "deception": true }),
    )
    .await
    .ok();
    let repairs = format!("/api/v1/spaces/{}/repairs", c.space);
    let plan = post(
        app,
        &c.b,
        &repairs,
        json!({ "hurt": "me", "promise": promise }),
    )
    .await
    .created_id();
    for who in [&c.a, &c.b] {
        call(
            app,
            who,
            Method::PUT,
            &format!("/api/v1/spaces/{}/safety", c.space),
            Some(json!({ "afraid": false, "pressured": false, "unsafe_now": false })),
        )
        .await
        .ok();
    }
    format!("{repairs}/{plan}")
}

/// A boundary of `b`'s, acknowledged by `a`, crossed by `a` and acknowledged; the crossing's path.
async fn crossing(app: &TestApp, c: &Couple) -> String {
    let boundaries = format!("/api/v1/spaces/{}/boundaries", c.space);
    let id = post(
        app,
        &c.b,
        &boundaries,
        json!({ "text": "Phone stays private" }),
    )
    .await
    .created_id();
    let boundary = format!("{boundaries}/{id}");
    call(
        app,
        &c.a,
        Method::POST,
        &format!("{boundary}/acknowledge"),
        None,
    )
    .await
    .ok();
    let crossing = call(
        app,
        &c.a,
        Method::POST,
        &format!("{boundary}/crossings"),
        None,
    )
    .await
    .created_id();
    let path = format!("{boundary}/crossings/{crossing}");
    call(
        app,
        &c.a,
        Method::POST,
        &format!("{path}/acknowledge"),
        None,
    )
    .await
    .ok();
    path
}

#[tokio::test]
async fn a_concessive_apology_is_taken_and_an_excusing_but_is_refused_kindly() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let c = couple(&app, "ada", "bram").await;

        // A repair plan: responsibility and the apology.
        let plan = repair_plan(&app, &c).await;
        let responsibility = format!("{plan}/responsibility");
        kindly_refused(
            &post(
                &app,
                &c.a,
                &responsibility,
                json!({ "text": "It was me, but you were distant" }),
            )
            .await,
            "has_but",
            "without a “but”",
        );
        kindly_refused(
            &post_pl(
                &app,
                &c.a,
                &responsibility,
                json!({ "text": "To ja, ale ty byłaś daleko" }),
            )
            .await,
            "has_but",
            "bez „ale”",
        );
        post(
            &app,
            &c.a,
            &responsibility,
            json!({ "text": "I hid the messages even though you trusted me" }),
        )
        .await
        .ok();
        let apology = "Przepraszam, że skłamałem, chociaż mi ufałaś.";
        let taken = post(
            &app,
            &c.a,
            &format!("{plan}/apology"),
            json!({ "text": apology }),
        )
        .await;
        assert_eq!(taken.ok()["apology"]["text"], apology);

        // A boundary crossing.
        let crossing = crossing(&app, &c).await;
        let apologise = format!("{crossing}/apologise");
        kindly_refused(
            &post(
                &app,
                &c.a,
                &apologise,
                json!({ "text": "I apologise, however you left it unlocked" }),
            )
            .await,
            "excusing",
            "An apology lands best without a “but”",
        );
        kindly_refused(
            &post_pl(
                &app,
                &c.a,
                &apologise,
                json!({ "text": "Przykro mi, jednak sama go zostawiłaś" }),
            )
            .await,
            "excusing",
            "Przeprosiny docierają najlepiej bez „ale”",
        );
        post(
            &app,
            &c.a,
            &apologise,
            json!({ "text": "I am sorry I looked, although I knew it was yours alone." }),
        )
        .await
        .ok();
        app.stop().await;
    }
}
