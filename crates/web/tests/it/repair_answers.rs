//! The hurt partner's side of a repair plan over HTTP, on both databases: "this landed" / "not
//! yet" on each step, questions whose changed answers show their earlier words (also at the
//! weekly check-in while unanswered), and forgiveness, which only the hurt partner sets and which
//! leaves no trace for the partner until shared. Another couple reaches none of it.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use steadfast_store::Backend;

use crate::support::TestApp;
use crate::support::api::{Answer, NO_SUCH_ID, call};
use crate::support::people::{Couple, Person, couple};

const FORGIVENESS_WORDS: [&str; 3] = ["working_on_it", "Working on it", "Pracuję nad tym"];

fn plan_path(us: &Couple, id: &str) -> String {
    format!("/api/v1/spaces/{}/repairs/{id}", us.space)
}

async fn post(app: &TestApp, who: &Person, path: &str, body: Value) -> Answer {
    call(app, who, Method::POST, path, Some(body)).await
}

/// A plan opened by hurt `b` about `a`, with both safety answers calm; its id.
async fn ready_plan(app: &TestApp, us: &Couple) -> String {
    let opened = post(
        app,
        &us.b,
        &format!("/api/v1/spaces/{}/repairs", us.space),
        json!({ "hurt": "me" }),
    )
    .await;
    let id = opened.created()["id"].as_str().unwrap().to_owned();
    for who in [&us.a, &us.b] {
        call(
            app,
            who,
            Method::PUT,
            &format!("/api/v1/spaces/{}/safety", us.space),
            Some(json!({ "afraid": false, "pressured": false, "unsafe_now": false })),
        )
        .await
        .ok();
    }
    id
}

async fn forgive(
    app: &TestApp,
    who: &Person,
    us: &Couple,
    id: &str,
    state: &str,
    shared: bool,
) -> Answer {
    call(
        app,
        who,
        Method::PUT,
        &format!("{}/forgiveness", plan_path(us, id)),
        Some(json!({ "state": state, "shared": shared })),
    )
    .await
}

#[tokio::test]
async fn only_the_hurt_partner_answers_a_step_and_not_yet_lets_the_other_try_again() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let us = couple(&app, "ada", "bea").await;
        let id = ready_plan(&app, &us).await;
        let answers = format!("{}/answers", plan_path(&us, &id));
        post(
            &app,
            &us.b,
            &answers,
            json!({ "part": "apology", "landing": "landed" }),
        )
        .await
        .refused(StatusCode::CONFLICT, "nothing_to_answer");
        post(
            &app,
            &us.a,
            &format!("{}/apology", plan_path(&us, &id)),
            json!({ "text": "I am sorry I hid it" }),
        )
        .await
        .ok();
        post(
            &app,
            &us.a,
            &answers,
            json!({ "part": "apology", "landing": "landed" }),
        )
        .await
        .refused(StatusCode::FORBIDDEN, "only_hurt");
        post(
            &app,
            &us.b,
            &answers,
            json!({ "part": "sorry", "landing": "landed" }),
        )
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "choice_invalid");
        post(
            &app,
            &us.b,
            &answers,
            json!({ "part": "apology", "landing": "maybe" }),
        )
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "choice_invalid");
        post(
            &app,
            &us.b,
            &answers,
            json!({ "part": "apology", "landing": "not_yet", "word": "x".repeat(501) }),
        )
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "word_invalid");
        let plan = call(&app, &us.a, Method::GET, &plan_path(&us, &id), None).await;
        assert!(
            plan.ok()["answers"].as_array().unwrap().is_empty(),
            "refusals write nothing"
        );

        let answered = post(
            &app,
            &us.b,
            &answers,
            json!({ "part": "apology", "landing": "not_yet", "word": "Say what you are sorry for" }),
        )
        .await;
        let standing = &answered.ok()["answers"][0];
        assert_eq!(standing["landing"], "not_yet");
        assert_eq!(standing["standing"], true);
        let theirs = call(&app, &us.a, Method::GET, &plan_path(&us, &id), None).await;
        assert_eq!(
            theirs.ok()["answers"][0]["word"],
            "Say what you are sorry for",
            "the other partner learns what would help"
        );
        // Not yet keeps the step open: a new try, the earlier words kept.
        let again = post(
            &app,
            &us.a,
            &format!("{}/apology", plan_path(&us, &id)),
            json!({ "text": "I am sorry I lied to you for months" }),
        )
        .await;
        let plan = again.ok();
        assert_eq!(
            plan["apology"]["text"],
            "I am sorry I lied to you for months"
        );
        assert_eq!(plan["earlier"][0]["text"], "I am sorry I hid it");
        assert_eq!(
            plan["answers"][0]["standing"], false,
            "the new words wait for an answer"
        );
        let landed = post(
            &app,
            &us.b,
            &answers,
            json!({ "part": "apology", "landing": "landed" }),
        )
        .await;
        assert_eq!(landed.ok()["answers"][1]["standing"], true);
        assert_eq!(landed.ok()["answers"][1]["offer"], 2);
        post(
            &app,
            &us.a,
            &format!("{}/apology", plan_path(&us, &id)),
            json!({ "text": "once more" }),
        )
        .await
        .refused(StatusCode::CONFLICT, "already_done");

        // The pages: the answer form comes back with the word kept and a message.
        let page_base = format!("/spaces/{}/repairs/{id}", us.space);
        post(
            &app,
            &us.a,
            &format!("{}/acknowledge", plan_path(&us, &id)),
            json!({ "text": "I hid messages" }),
        )
        .await
        .ok();
        let refused = app
            .post_form_as(
                &format!("{page_base}/answer"),
                &[
                    ("part", "acknowledgement"),
                    ("word", "Tell me when it started"),
                ],
                &us.b.cookie,
            )
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let text = refused.text().await.unwrap();
        assert!(
            text.contains("Tell me when it started")
                && text.contains("Please choose one of the options.")
        );
        let done = app
            .post_form_as(
                &format!("{page_base}/answer"),
                &[
                    ("part", "acknowledgement"),
                    ("landing", "not_yet"),
                    ("word", "Tell me when it started"),
                ],
                &us.b.cookie,
            )
            .await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        let by_partner = app
            .post_form_as(
                &format!("{page_base}/answer"),
                &[("part", "acknowledgement"), ("landing", "landed")],
                &us.a.cookie,
            )
            .await;
        assert_eq!(by_partner.status(), StatusCode::FORBIDDEN);
        let page = app
            .get_as(&page_base, &us.a.cookie)
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("Tell me when it started") && page.contains("Not yet"));
        app.stop().await;
    }
}

#[tokio::test]
async fn questions_are_answered_on_the_plan_and_a_changed_answer_keeps_its_earlier_words() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let us = couple(&app, "ada", "bea").await;
        let id = ready_plan(&app, &us).await;
        let questions = format!("{}/questions", plan_path(&us, &id));
        post(&app, &us.a, &questions, json!({ "text": "Can I ask?" }))
            .await
            .refused(StatusCode::FORBIDDEN, "only_hurt");
        post(&app, &us.b, &questions, json!({ "text": "" }))
            .await
            .refused(StatusCode::UNPROCESSABLE_ENTITY, "text_invalid");
        let asked = post(
            &app,
            &us.b,
            &questions,
            json!({ "text": "How long did it go on?" }),
        )
        .await;
        let question = asked.created()["id"].as_str().unwrap().to_owned();
        assert_eq!(
            asked.created()["repair"]["questions"][0]["answer"],
            Value::Null
        );

        // Waiting, it shows at the open weekly check-in, for both.
        let checkin = crate::checkins_api::start(&app, &us.a, &us.space).await;
        let checkin_page = format!("/spaces/{}/checkins/{checkin}", us.space);
        for who in [&us.a, &us.b] {
            let page = app
                .get_as(&checkin_page, &who.cookie)
                .await
                .text()
                .await
                .unwrap();
            assert!(
                page.contains("How long did it go on?")
                    && page.contains("Questions waiting for an answer")
            );
        }

        let answer = format!("{questions}/{question}/answer");
        post(&app, &us.b, &answer, json!({ "text": "me" }))
            .await
            .refused(StatusCode::FORBIDDEN, "only_responsible");
        post(
            &app,
            &us.a,
            &format!("{questions}/{NO_SUCH_ID}/answer"),
            json!({ "text": "no" }),
        )
        .await
        .refused(StatusCode::NOT_FOUND, "not_found");
        post(&app, &us.a, &answer, json!({ "text": "Three weeks" }))
            .await
            .ok();
        post(&app, &us.a, &answer, json!({ "text": "Three weeks" }))
            .await
            .refused(StatusCode::UNPROCESSABLE_ENTITY, "unchanged");
        let page = app
            .get_as(&checkin_page, &us.b.cookie)
            .await
            .text()
            .await
            .unwrap();
        assert!(
            !page.contains("How long did it go on?"),
            "answered, it waits no more"
        );

        post(
            &app,
            &us.a,
            &answer,
            json!({ "text": "Three months, to be honest" }),
        )
        .await
        .ok();
        for who in [&us.a, &us.b] {
            let plan = call(&app, who, Method::GET, &plan_path(&us, &id), None).await;
            let shown = &plan.ok()["questions"][0];
            assert_eq!(shown["answer"]["text"], "Three months, to be honest");
            assert_eq!(
                shown["earlier_answers"][0]["text"], "Three weeks",
                "never changed silently"
            );
            let page = app
                .get_as(&format!("/spaces/{}/repairs/{id}", us.space), &who.cookie)
                .await
                .text()
                .await
                .unwrap();
            assert!(page.contains("Three weeks") && page.contains("Before the change it said:"));
        }

        // The page's forms keep what was typed on refusal.
        let page_base = format!("/spaces/{}/repairs/{id}", us.space);
        let long = "y".repeat(1001);
        let refused = app
            .post_form_as(
                &format!("{page_base}/reply"),
                &[("question", &question), ("text", &long)],
                &us.a.cookie,
            )
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().await.unwrap().contains(&long));
        let refused = app
            .post_form_as(&format!("{page_base}/ask"), &[("text", "  ")], &us.b.cookie)
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let asked = app
            .post_form_as(
                &format!("{page_base}/ask"),
                &[("text", "Who else knew?")],
                &us.b.cookie,
            )
            .await;
        assert_eq!(asked.status(), StatusCode::SEE_OTHER);
        let plan = call(&app, &us.a, Method::GET, &plan_path(&us, &id), None).await;
        assert_eq!(plan.ok()["questions"][1]["text"], "Who else knew?");
        app.stop().await;
    }
}

/// Everything the partner `a` can read that could carry the hurt partner's forgiveness: the
/// plan over the API, the plan and list pages, both exports.
async fn partners_view(app: &TestApp, us: &Couple, id: &str) -> Vec<String> {
    let mut seen = Vec::new();
    for path in [
        plan_path(us, id),
        format!("/api/v1/spaces/{}/repairs", us.space),
        "/api/v1/export".to_owned(),
    ] {
        let mut body = call(app, &us.a, Method::GET, &path, None).await.body;
        if let Some(object) = body.as_object_mut() {
            object.remove("exported_at");
        }
        seen.push(body.to_string());
    }
    for path in [
        format!("/spaces/{}/repairs/{id}", us.space),
        format!("/spaces/{}/repairs", us.space),
        format!("/spaces/{}", us.space),
    ] {
        let page = app.get_as(&path, &us.a.cookie).await;
        assert_eq!(page.status(), StatusCode::OK, "{path}");
        seen.push(page.text().await.unwrap());
    }
    seen
}

#[tokio::test]
async fn forgiveness_is_the_hurt_partners_alone_and_leaves_no_trace_for_the_partner_until_shared() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let us = couple(&app, "ada", "bea").await;
        let id = ready_plan(&app, &us).await;
        let before = partners_view(&app, &us, &id).await;

        forgive(&app, &us.a, &us, &id, "forgiven", true)
            .await
            .refused(StatusCode::FORBIDDEN, "only_hurt");
        forgive(&app, &us.b, &us, &id, "asked", false)
            .await
            .refused(StatusCode::UNPROCESSABLE_ENTITY, "choice_invalid");
        let mine = forgive(&app, &us.b, &us, &id, "working_on_it", false).await;
        assert_eq!(mine.ok()["forgiveness"]["state"], "working_on_it");
        assert_eq!(mine.ok()["forgiveness"]["shared"], false);
        let page = app
            .post_form_as(
                &format!("/spaces/{}/repairs/{id}/forgive", us.space),
                &[("forgiveness", "not_ready")],
                &us.b.cookie,
            )
            .await;
        assert_eq!(page.status(), StatusCode::SEE_OTHER);
        let by_partner = app
            .post_form_as(
                &format!("/spaces/{}/repairs/{id}/forgive", us.space),
                &[("forgiveness", "forgiven"), ("share", "yes")],
                &us.a.cookie,
            )
            .await;
        assert_eq!(by_partner.status(), StatusCode::FORBIDDEN);
        let after = partners_view(&app, &us, &id).await;
        assert_eq!(
            before, after,
            "the partner's every view is byte for byte the same"
        );
        for text in &after {
            assert!(!text.contains("forgiveness_noted") && !text.contains("Not ready"));
        }
        // Hers: on her page and in her export.
        let own_page = app
            .get_as(&format!("/spaces/{}/repairs/{id}", us.space), &us.b.cookie)
            .await
            .text()
            .await
            .unwrap();
        assert!(own_page.contains("only you see this"));
        let export = call(&app, &us.b, Method::GET, "/api/v1/export", None).await;
        assert_eq!(
            export.ok().to_string().matches("forgiveness_noted").count(),
            2
        );

        // Closing never waits for it.
        post(
            &app,
            &us.b,
            &format!("{}/close", plan_path(&us, &id)),
            json!({}),
        )
        .await
        .ok();

        // Shared, it shows on the plan; un-shared, it is gone from the plan again.
        forgive(&app, &us.b, &us, &id, "working_on_it", true)
            .await
            .ok();
        let shared = call(&app, &us.a, Method::GET, &plan_path(&us, &id), None).await;
        assert_eq!(shared.ok()["forgiveness"]["state"], FORGIVENESS_WORDS[0]);
        let page = app
            .get_as(&format!("/spaces/{}/repairs/{id}", us.space), &us.a.cookie)
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("bea shares: Working on it"));
        let mine = forgive(&app, &us.b, &us, &id, "forgiven", false).await;
        assert_eq!(mine.ok()["forgiveness"]["state"], "forgiven");
        let theirs = call(&app, &us.a, Method::GET, &plan_path(&us, &id), None).await;
        assert_eq!(theirs.ok()["forgiveness"], Value::Null);
        let page = app
            .get_as(&format!("/spaces/{}/repairs/{id}", us.space), &us.a.cookie)
            .await
            .text()
            .await
            .unwrap();
        assert!(!page.contains(FORGIVENESS_WORDS[1]) && !page.contains("I have forgiven this"));
        app.stop().await;
    }
}

#[tokio::test]
async fn another_couple_reaches_no_answer_question_or_forgiveness() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let us = couple(&app, "ada", "bea").await;
        let them = couple(&app, "cem", "dia").await;
        let id = ready_plan(&app, &us).await;
        let asked = post(
            &app,
            &us.b,
            &format!("{}/questions", plan_path(&us, &id)),
            json!({ "text": "Why?" }),
        )
        .await;
        let question = asked.created()["id"].as_str().unwrap().to_owned();
        for who in [&them.a, &them.b] {
            for (path, body) in [
                (
                    format!("{}/answers", plan_path(&us, &id)),
                    json!({ "part": "apology", "landing": "landed" }),
                ),
                (
                    format!("{}/questions", plan_path(&us, &id)),
                    json!({ "text": "Why?" }),
                ),
                (
                    format!("{}/questions/{question}/answer", plan_path(&us, &id)),
                    json!({ "text": "Because" }),
                ),
            ] {
                post(&app, who, &path, body)
                    .await
                    .refused(StatusCode::NOT_FOUND, "not_found");
            }
            forgive(&app, who, &us, &id, "forgiven", true)
                .await
                .refused(StatusCode::NOT_FOUND, "not_found");
            for action in ["answer", "ask", "reply", "forgive"] {
                let page = app
                    .post_form_as(
                        &format!("/spaces/{}/repairs/{id}/{action}", us.space),
                        &[
                            ("text", "x"),
                            ("forgiveness", "forgiven"),
                            ("question", &question),
                        ],
                        &who.cookie,
                    )
                    .await;
                assert_eq!(page.status(), StatusCode::NOT_FOUND, "{action}");
            }
        }
        app.stop().await;
    }
}
