//! After a miss, over the API and the pages, on both databases: the promiser's next steps and the
//! receiver's requests come from the core's answer, the hurt partner alone answers an apology
//! "this landed" or "not yet", an excusing apology comes back with its words kept, and another
//! couple reaches none of it.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use steadfast_store::Backend;

use crate::support::TestApp;
use crate::support::api::{Answer, call};
use crate::support::people::{Couple, Person, couple};

fn promises(space: &str) -> String {
    format!("/api/v1/spaces/{space}/promises")
}

async fn post(app: &TestApp, who: &Person, path: &str, body: Option<Value>) -> Answer {
    call(app, who, Method::POST, path, body).await
}

/// A's promise to B, recorded broken by B; its API path.
async fn broken(app: &TestApp, c: &Couple) -> String {
    let id = post(
        app,
        &c.a,
        &promises(&c.space),
        Some(json!({ "text": "call if I am late", "stakes": 3 })),
    )
    .await
    .created_id();
    let path = format!("{}/{id}", promises(&c.space));
    post(
        app,
        &c.b,
        &format!("{path}/broken"),
        Some(json!({ "severity": 2, "deception": false })),
    )
    .await
    .ok();
    path
}

fn steps(body: &Value) -> Vec<&str> {
    body["next_steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn after_a_miss_each_partner_is_offered_their_own_steps_and_only_the_hurt_one_answers() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let c = couple(&app, "ada", "bram").await;
        let path = broken(&app, &c).await;
        let shown = call(&app, &c.a, Method::GET, &path, None).await;
        assert_eq!(
            steps(shown.ok()),
            [
                "acknowledge",
                "apologise",
                "offer_smaller",
                "propose_repair"
            ]
        );
        let shown = call(&app, &c.b, Method::GET, &path, None).await;
        assert_eq!(
            steps(shown.ok()),
            [
                "ask_acknowledgement",
                "ask_apology",
                "ask_smaller_promise",
                "ask_repair_plan"
            ]
        );

        // The receiver asks; the promiser sees what is waiting.
        post(
            &app,
            &c.a,
            &format!("{path}/ask"),
            Some(json!({ "ask": "apology" })),
        )
        .await
        .refused(StatusCode::FORBIDDEN, "only_receiver");
        post(
            &app,
            &c.b,
            &format!("{path}/ask"),
            Some(json!({ "ask": "flowers" })),
        )
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "ask_invalid");
        let asked = post(
            &app,
            &c.b,
            &format!("{path}/ask"),
            Some(json!({ "ask": "apology" })),
        )
        .await;
        assert_eq!(asked.ok()["after_miss"]["asked"], json!(["apology"]));
        post(
            &app,
            &c.b,
            &format!("{path}/ask"),
            Some(json!({ "ask": "apology" })),
        )
        .await
        .refused(StatusCode::CONFLICT, "already_asked");
        let shown = call(&app, &c.a, Method::GET, &path, None).await;
        assert_eq!(shown.ok()["after_miss"]["waiting"], json!(["apology"]));

        // The apology: only the promiser, never an excusing one.
        let apologise = format!("{path}/apologise");
        post(
            &app,
            &c.b,
            &apologise,
            Some(json!({ "text": "I am sorry" })),
        )
        .await
        .refused(StatusCode::FORBIDDEN, "only_promiser");
        post(
            &app,
            &c.a,
            &apologise,
            Some(json!({ "text": "Sorry, but you always call too late" })),
        )
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "excusing");
        post(&app, &c.a, &apologise, Some(json!({ "text": " " })))
            .await
            .refused(StatusCode::UNPROCESSABLE_ENTITY, "apology_invalid");
        let said = post(
            &app,
            &c.a,
            &apologise,
            Some(json!({ "text": "I am sorry I did not call. You waited." })),
        )
        .await;
        assert_eq!(said.ok()["after_miss"]["waiting"], json!([]));
        post(
            &app,
            &c.a,
            &apologise,
            Some(json!({ "text": "I am sorry" })),
        )
        .await
        .refused(StatusCode::CONFLICT, "apology_waiting");

        // Only the hurt partner answers; the promiser cannot answer their own apology.
        let answer = format!("{path}/apology/answer");
        post(&app, &c.a, &answer, Some(json!({ "answer": "landed" })))
            .await
            .refused(StatusCode::FORBIDDEN, "only_receiver");
        post(&app, &c.b, &answer, Some(json!({ "answer": "maybe" })))
            .await
            .refused(StatusCode::UNPROCESSABLE_ENTITY, "landing_invalid");
        let answered = post(
            &app,
            &c.b,
            &answer,
            Some(json!({ "answer": "not_yet", "word": "Say what the waiting was like" })),
        )
        .await;
        let apologies = &answered.ok()["after_miss"]["apologies"];
        assert_eq!(apologies[0]["answers"][0]["answer"], "not_yet");
        // "Not yet" keeps the step open: the promiser sees what would help and may try again.
        let shown = call(&app, &c.a, Method::GET, &path, None).await;
        assert_eq!(
            shown.ok()["after_miss"]["apologies"][0]["answers"][0]["word"],
            "Say what the waiting was like"
        );
        assert!(steps(shown.ok()).contains(&"apologise"));
        post(
            &app,
            &c.a,
            &apologise,
            Some(json!({ "text": "I am sorry you sat by the phone all evening." })),
        )
        .await
        .ok();
        post(&app, &c.b, &answer, Some(json!({ "answer": "not_yet" })))
            .await
            .ok();
        let landed = post(&app, &c.b, &answer, Some(json!({ "answer": "landed" }))).await;
        let second = &landed.ok()["after_miss"]["apologies"][1]["answers"];
        assert_eq!(second.as_array().unwrap().len(), 2, "history kept");
        assert_eq!(second[1]["answer"], "landed", "the newest answer stands");
        post(
            &app,
            &c.a,
            &apologise,
            Some(json!({ "text": "Sorry again" })),
        )
        .await
        .refused(StatusCode::CONFLICT, "apology_landed");

        // Acknowledgement, with an optional word, once.
        let acknowledge = format!("{path}/acknowledge");
        post(&app, &c.b, &acknowledge, None)
            .await
            .refused(StatusCode::FORBIDDEN, "only_promiser");
        let acked = post(
            &app,
            &c.a,
            &acknowledge,
            Some(json!({ "word": "I see it, and it matters" })),
        )
        .await;
        assert_eq!(
            acked.ok()["after_miss"]["acknowledgement"],
            "I see it, and it matters"
        );
        post(&app, &c.a, &acknowledge, None)
            .await
            .refused(StatusCode::CONFLICT, "already_acknowledged");

        // A smaller promise in its place: no higher stakes, linked both ways, once.
        let offer = format!("{path}/offer");
        post(
            &app,
            &c.a,
            &offer,
            Some(json!({ "text": "text if late", "stakes": 4 })),
        )
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "not_smaller");
        post(
            &app,
            &c.b,
            &offer,
            Some(json!({ "text": "text if late", "stakes": 1 })),
        )
        .await
        .refused(StatusCode::FORBIDDEN, "only_promiser");
        let smaller = post(
            &app,
            &c.a,
            &offer,
            Some(json!({ "text": "text if late", "stakes": 1 })),
        )
        .await
        .created_id();
        let new = call(
            &app,
            &c.b,
            Method::GET,
            &format!("{}/{smaller}", promises(&c.space)),
            None,
        )
        .await;
        assert_eq!(new.ok()["in_place_of"], path.rsplit('/').next().unwrap());
        assert_eq!(new.ok()["yours"], false);
        let old = call(&app, &c.b, Method::GET, &path, None).await;
        assert_eq!(old.ok()["after_miss"]["offered"], smaller.as_str());
        post(
            &app,
            &c.a,
            &offer,
            Some(json!({ "text": "again", "stakes": 1 })),
        )
        .await
        .refused(StatusCode::CONFLICT, "already_offered");

        // Another couple reaches none of it.
        let other = couple(&app, "cleo", "dan").await;
        for (action, body) in [
            ("acknowledge", None),
            ("apologise", Some(json!({ "text": "I am sorry" }))),
            ("apology/answer", Some(json!({ "answer": "landed" }))),
            ("ask", Some(json!({ "ask": "apology" }))),
            ("offer", Some(json!({ "text": "x", "stakes": 1 }))),
        ] {
            for who in [&other.a, &other.b] {
                post(&app, who, &format!("{path}/{action}"), body.clone())
                    .await
                    .refused(StatusCode::NOT_FOUND, "not_found");
            }
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn steps_after_a_miss_need_a_broken_promise() {
    let app = TestApp::builder().start().await;
    let c = couple(&app, "ada", "bram").await;
    let id = post(
        &app,
        &c.a,
        &promises(&c.space),
        Some(json!({ "text": "call if I am late", "stakes": 2 })),
    )
    .await
    .created_id();
    let path = format!("{}/{id}", promises(&c.space));
    let shown = call(&app, &c.a, Method::GET, &path, None).await;
    assert!(steps(shown.ok()).is_empty());
    post(
        &app,
        &c.a,
        &format!("{path}/apologise"),
        Some(json!({ "text": "sorry" })),
    )
    .await
    .refused(StatusCode::CONFLICT, "not_broken");
    post(
        &app,
        &c.b,
        &format!("{path}/ask"),
        Some(json!({ "ask": "apology" })),
    )
    .await
    .refused(StatusCode::CONFLICT, "not_broken");
    app.stop().await;
}

#[tokio::test]
async fn a_crossings_apology_is_answered_by_the_boundarys_owner_only() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let c = couple(&app, "ada", "bram").await;
        let boundaries = format!("/api/v1/spaces/{}/boundaries", c.space);
        let id = post(
            &app,
            &c.a,
            &boundaries,
            Some(json!({ "text": "Phone stays private" })),
        )
        .await
        .created_id();
        let boundary = format!("{boundaries}/{id}");
        post(&app, &c.b, &format!("{boundary}/acknowledge"), None)
            .await
            .ok();
        let crossing = post(&app, &c.b, &format!("{boundary}/crossings"), None)
            .await
            .created_id();
        let on = |step: &str| format!("{boundary}/crossings/{crossing}/{step}");
        post(&app, &c.b, &on("acknowledge"), None).await.ok();
        post(
            &app,
            &c.a,
            &on("apology/answer"),
            Some(json!({ "answer": "landed" })),
        )
        .await
        .refused(StatusCode::CONFLICT, "no_apology");
        post(
            &app,
            &c.b,
            &on("apologise"),
            Some(json!({ "text": "Sorry, but you left it unlocked" })),
        )
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "excusing");
        post(
            &app,
            &c.b,
            &on("apologise"),
            Some(json!({ "text": "I am sorry I looked." })),
        )
        .await
        .ok();
        post(
            &app,
            &c.b,
            &on("apology/answer"),
            Some(json!({ "answer": "landed" })),
        )
        .await
        .refused(StatusCode::FORBIDDEN, "only_owner");
        let answered = post(
            &app,
            &c.a,
            &on("apology/answer"),
            Some(json!({ "answer": "not_yet", "word": "Tell me why it felt fine" })),
        )
        .await;
        let shown = &answered.ok()["crossings"][0];
        assert_eq!(shown["apologies"][0]["answers"][0]["answer"], "not_yet");
        assert_eq!(shown["can_answer_apology"], true);
        let theirs = call(&app, &c.b, Method::GET, &boundary, None).await;
        assert_eq!(theirs.ok()["crossings"][0]["can_apologise"], true);
        post(
            &app,
            &c.b,
            &on("apologise"),
            Some(json!({ "text": "I am sorry. It was not fine." })),
        )
        .await
        .ok();
        let landed = post(
            &app,
            &c.a,
            &on("apology/answer"),
            Some(json!({ "answer": "landed" })),
        )
        .await;
        assert_eq!(
            landed.ok()["crossings"][0]["apology"],
            "I am sorry. It was not fine."
        );
        post(
            &app,
            &c.b,
            &on("apologise"),
            Some(json!({ "text": "Sorry" })),
        )
        .await
        .refused(StatusCode::CONFLICT, "already_apologised");
        let other = couple(&app, "cleo", "dan").await;
        post(
            &app,
            &other.a,
            &on("apology/answer"),
            Some(json!({ "answer": "landed" })),
        )
        .await
        .refused(StatusCode::NOT_FOUND, "not_found");
        app.stop().await;
    }
}

#[tokio::test]
async fn pages_offer_the_next_step_on_the_promise_and_the_space_and_keep_an_excusing_apology() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let c = couple(&app, "ada", "bram").await;
        let path = broken(&app, &c).await;
        let page = path.trim_start_matches("/api/v1");
        let space = format!("/spaces/{}", c.space);

        // The promiser's space page has a card; the receiver's has none yet.
        let text = app.get_as(&space, &c.a.cookie).await.text().await.unwrap();
        assert!(
            text.contains("A promise was not kept: call if I am late"),
            "{text}"
        );
        assert!(text.contains(&format!(r#"href="{page}""#)));
        let text = app.get_as(&space, &c.b.cookie).await.text().await.unwrap();
        assert!(!text.contains("A promise was not kept"));

        // The promise page offers the promiser's steps, and the receiver's requests.
        let text = app.get_as(page, &c.a.cookie).await.text().await.unwrap();
        for action in ["acknowledge", "apologise", "offer"] {
            assert!(
                text.contains(&format!(r#"action="{page}/{action}""#)),
                "{action}"
            );
        }
        assert!(text.contains("Propose a repair plan"));
        assert!(!text.contains(&format!(r#"action="{page}/ask""#)));
        let text = app.get_as(page, &c.b.cookie).await.text().await.unwrap();
        assert!(text.contains(&format!(r#"action="{page}/ask""#)));
        assert!(!text.contains(&format!(r#"action="{page}/apologise""#)));

        // An excusing apology comes back with its words and the reason.
        let excusing = "Sorry, but you always call too late";
        let response = app
            .post_form_as(
                &format!("{page}/apologise"),
                &[("apology", excusing)],
                &c.a.cookie,
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let text = response.text().await.unwrap();
        assert!(text.contains(excusing), "the words are kept");
        assert!(
            text.contains("An apology lands best without a “but”"),
            "{text}"
        );

        // A plain one is taken; the receiver's space page asks for an answer, and the page has
        // the form; the promiser cannot answer it.
        let response = app
            .post_form_as(
                &format!("{page}/apologise"),
                &[("apology", "I am sorry I did not call.")],
                &c.a.cookie,
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let text = app.get_as(&space, &c.b.cookie).await.text().await.unwrap();
        assert!(text.contains("An apology waits for your answer"), "{text}");
        let response = app
            .post_form_as(
                &format!("{page}/answer-apology"),
                &[("landing", "landed")],
                &c.a.cookie,
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = app
            .post_form_as(
                &format!("{page}/answer-apology"),
                &[("landing", ""), ("word", "more time")],
                &c.b.cookie,
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let text = response.text().await.unwrap();
        assert!(text.contains("more time"), "the word is kept");
        let response = app
            .post_form_as(
                &format!("{page}/answer-apology"),
                &[
                    ("landing", "not_yet"),
                    ("word", "Say what the waiting was like"),
                ],
                &c.b.cookie,
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        // The promiser's space page shows the "not yet", and the promise page what would help.
        let text = app.get_as(&space, &c.a.cookie).await.text().await.unwrap();
        assert!(text.contains("not yet&#34; to your apology"), "{text}");
        let text = app.get_as(page, &c.a.cookie).await.text().await.unwrap();
        assert!(text.contains("Say what the waiting was like"));
        assert!(text.contains("Apologise again"));
        app.stop().await;
    }
}
