//! Repair plans over HTTP, by the API and by the pages: every route allowed and refused (by
//! whom, from which state), bad input that writes nothing, isolation between couples, the private
//! log and the safety answer invisible to the partner everywhere (page, API, both exports, the
//! calendar feed), and a worrying answer that pauses joint steps for both with no reason shown.

use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};
use steadfast_app::clock::{Clock, ManualClock};

use crate::support::TestApp;
use crate::support::api::{Answer, NO_SUCH_ID, call};
use crate::support::app::{test_clock, to_next_morning};
use crate::support::people::{Couple, Person, couple, person};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
const LOG_TEXT: &str = "The phone lit up at dinner and my chest went tight";

fn from_now(clock: &ManualClock, offset_ms: i64) -> String {
    let at = jiff::Timestamp::from_millisecond(clock.now().as_millis() + offset_ms).unwrap();
    at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn repairs_path(space: &str) -> String {
    format!("/api/v1/spaces/{space}/repairs")
}

async fn step(
    app: &TestApp,
    who: &Person,
    space: &str,
    id: &str,
    action: &str,
    body: Option<Value>,
) -> Answer {
    call(
        app,
        who,
        Method::POST,
        &format!("{}/{id}/{action}", repairs_path(space)),
        body,
    )
    .await
}

async fn show(app: &TestApp, who: &Person, space: &str, id: &str) -> Answer {
    call(
        app,
        who,
        Method::GET,
        &format!("{}/{id}", repairs_path(space)),
        None,
    )
    .await
}

pub(crate) async fn answer_safety(
    app: &TestApp,
    who: &Person,
    space: &str,
    worrying: bool,
) -> Answer {
    call(
        app,
        who,
        Method::PUT,
        &format!("/api/v1/spaces/{space}/safety"),
        Some(json!({ "afraid": worrying, "pressured": false, "unsafe_now": false })),
    )
    .await
}

/// A promise from `a` to `b`, recorded broken by `b`; its id.
async fn broken_promise(app: &TestApp, us: &Couple) -> String {
    let clock = test_clock();
    let made = call(
        app,
        &us.a,
        Method::POST,
        &format!("/api/v1/spaces/{}/promises", us.space),
        Some(json!({ "text": "No more secret messages", "stakes": 4, "due": from_now(&clock, 7 * DAY_MS) })),
    )
    .await;
    let id = made.created()["id"].as_str().unwrap().to_owned();
    call(
        app,
        &us.b,
        Method::POST,
        &format!("/api/v1/spaces/{}/promises/{id}/broken", us.space),
        Some(json!({ "severity": 3, "deception": true })),
    )
    .await
    .ok();
    id
}

/// `b` opens a plan about `a`'s broken promise; its id.
pub(crate) async fn open_plan(app: &TestApp, us: &Couple, promise: Option<&str>) -> String {
    let opened = call(
        app,
        &us.b,
        Method::POST,
        &repairs_path(&us.space),
        Some(json!({ "hurt": "me", "promise": promise })),
    )
    .await;
    opened.created()["id"].as_str().unwrap().to_owned()
}

fn history(plan: &Value) -> usize {
    plan["history"].as_array().unwrap().len()
}

#[tokio::test]
async fn a_plan_goes_through_every_step_and_only_the_right_partner_takes_each() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ada", "bea").await;
    let space = us.space.clone();
    let promise = broken_promise(&app, &us).await;
    let id = open_plan(&app, &us, Some(&promise)).await;

    let plan = show(&app, &us.a, &space, &id).await;
    let plan = plan.ok();
    assert_eq!(plan["role"], "responsible");
    assert_eq!(plan["status"], "active", "opened by the hurt partner");
    assert_eq!(plan["phase"], "atone");
    assert_eq!(plan["link"]["type"], "promise");
    assert_eq!(plan["link"]["id"], promise.as_str());
    assert_eq!(
        plan["joint_paused"], true,
        "nobody answered the safety check yet"
    );

    let text = |t: &str| Some(json!({ "text": t }));
    step(
        &app,
        &us.a,
        &space,
        &id,
        "acknowledge",
        text("I hid messages"),
    )
    .await
    .refused(StatusCode::CONFLICT, "paused");
    answer_safety(&app, &us.a, &space, false).await.ok();
    step(
        &app,
        &us.a,
        &space,
        &id,
        "acknowledge",
        text("I hid messages"),
    )
    .await
    .refused(StatusCode::CONFLICT, "paused");
    let both = answer_safety(&app, &us.b, &space, false).await;
    assert_eq!(both.ok()["joint_paused"], false);

    // The accountability steps are the responsible partner's, once each.
    for action in ["acknowledge", "responsibility", "apology"] {
        step(&app, &us.b, &space, &id, action, text("words"))
            .await
            .refused(StatusCode::FORBIDDEN, "only_responsible");
        step(&app, &us.a, &space, &id, action, text(""))
            .await
            .refused(StatusCode::UNPROCESSABLE_ENTITY, "text_invalid");
    }
    step(
        &app,
        &us.a,
        &space,
        &id,
        "responsibility",
        text("It was me, but you were distant"),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "has_but");
    let before = history(show(&app, &us.a, &space, &id).await.ok());
    assert_eq!(before, 1, "refusals wrote nothing");
    step(
        &app,
        &us.a,
        &space,
        &id,
        "acknowledge",
        text("I hid messages from you for months"),
    )
    .await
    .ok();
    step(
        &app,
        &us.a,
        &space,
        &id,
        "responsibility",
        text("It was my choice, and mine alone"),
    )
    .await
    .ok();
    let apologised = step(&app, &us.a, &space, &id, "apology", text("I am so sorry")).await;
    assert_eq!(apologised.ok()["apology"]["text"], "I am so sorry");
    step(&app, &us.a, &space, &id, "apology", text("again"))
        .await
        .refused(StatusCode::CONFLICT, "already_done");

    // The dated promise: a real promise to the hurt partner.
    let clock = test_clock();
    let path = format!("{}/{id}/promise", repairs_path(&space));
    let due = from_now(&clock, 14 * DAY_MS);
    call(
        &app,
        &us.b,
        Method::POST,
        &path,
        Some(json!({ "text": "Phone stays open", "stakes": 3, "due": due })),
    )
    .await
    .refused(StatusCode::FORBIDDEN, "only_responsible");
    call(
        &app,
        &us.a,
        Method::POST,
        &path,
        Some(json!({ "text": "Phone stays open", "stakes": 3, "due": "soon" })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "time_invalid");
    call(
        &app,
        &us.a,
        Method::POST,
        &path,
        Some(json!({ "text": "Phone stays open", "stakes": 3, "due": from_now(&clock, -DAY_MS) })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "due_too_early");
    call(
        &app,
        &us.a,
        Method::POST,
        &path,
        Some(json!({ "text": "Phone stays open", "stakes": 9, "due": due })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "stakes_invalid");
    let made = call(
        &app,
        &us.a,
        Method::POST,
        &path,
        Some(json!({ "text": "Phone stays open", "stakes": 3, "due": due })),
    )
    .await;
    let made = made.created().clone();
    let promise_id = made["promise"].as_str().unwrap();
    assert_eq!(made["repair"]["promise"], promise_id);
    let seen = call(
        &app,
        &us.b,
        Method::GET,
        &format!("/api/v1/spaces/{space}/promises/{promise_id}"),
        None,
    )
    .await;
    assert_eq!(seen.ok()["text"], "Phone stays open");
    assert_eq!(seen.body["yours"], false, "made to the hurt partner");
    call(
        &app,
        &us.a,
        Method::POST,
        &path,
        Some(json!({ "text": "Another", "stakes": 3, "due": due })),
    )
    .await
    .refused(StatusCode::CONFLICT, "already_done");

    // Transparency commitments, each a promise.
    let path = format!("{}/{id}/transparency", repairs_path(&space));
    call(
        &app,
        &us.b,
        Method::POST,
        &path,
        Some(json!({ "text": "Tell when plans change", "stakes": 2 })),
    )
    .await
    .refused(StatusCode::FORBIDDEN, "only_responsible");
    for text in ["Tell when plans change", "Share where I am going"] {
        call(
            &app,
            &us.a,
            Method::POST,
            &path,
            Some(json!({ "text": text, "stakes": 2 })),
        )
        .await
        .created();
    }
    let plan = show(&app, &us.b, &space, &id).await;
    assert_eq!(plan.ok()["transparency"].as_array().unwrap().len(), 2);

    // Progress, by either partner.
    step(&app, &us.a, &space, &id, "progress", text("A calmer week"))
        .await
        .ok();
    let noted = step(
        &app,
        &us.b,
        &space,
        &id,
        "progress",
        text("I felt safer on Thursday"),
    )
    .await;
    let progress = noted.ok()["progress"].as_array().unwrap().clone();
    assert_eq!(progress.len(), 2);
    assert_eq!(progress[1]["by"], "you");
    assert_eq!(progress[1]["checkin"], Value::Null, "no check-in was open");
    let started = call(
        &app,
        &us.a,
        Method::POST,
        &format!("/api/v1/spaces/{space}/checkins"),
        None,
    )
    .await;
    let checkin = started.created()["id"].as_str().unwrap().to_owned();
    let noted = step(
        &app,
        &us.b,
        &space,
        &id,
        "progress",
        text("Talked it through at the check-in"),
    )
    .await;
    assert_eq!(
        noted.ok()["progress"][2]["checkin"],
        checkin.as_str(),
        "names the open check-in"
    );

    // Only the hurt partner advances and closes.
    let before = history(show(&app, &us.a, &space, &id).await.ok());
    step(&app, &us.a, &space, &id, "advance", None)
        .await
        .refused(StatusCode::FORBIDDEN, "only_hurt");
    step(&app, &us.a, &space, &id, "close", None)
        .await
        .refused(StatusCode::FORBIDDEN, "only_hurt");
    assert_eq!(
        history(show(&app, &us.a, &space, &id).await.ok()),
        before,
        "nothing written"
    );
    assert_eq!(
        step(&app, &us.b, &space, &id, "advance", None).await.ok()["phase"],
        "attune"
    );
    assert_eq!(
        step(&app, &us.b, &space, &id, "advance", None).await.ok()["phase"],
        "attach"
    );
    step(&app, &us.b, &space, &id, "advance", None)
        .await
        .refused(StatusCode::CONFLICT, "last_phase");
    assert_eq!(
        step(&app, &us.b, &space, &id, "close", None).await.ok()["status"],
        "closed"
    );
    step(&app, &us.b, &space, &id, "close", None)
        .await
        .refused(StatusCode::CONFLICT, "closed");
    step(&app, &us.a, &space, &id, "progress", text("late"))
        .await
        .refused(StatusCode::CONFLICT, "closed");

    let list = call(&app, &us.a, Method::GET, &repairs_path(&space), None).await;
    assert_eq!(list.ok()["repairs"].as_array().unwrap().len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn a_proposal_waits_for_the_hurt_partner_and_links_are_checked() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ada", "bea").await;
    let space = us.space.clone();
    let proposed = call(
        &app,
        &us.a,
        Method::POST,
        &repairs_path(&space),
        Some(json!({ "hurt": "partner" })),
    )
    .await;
    let id = proposed.created()["id"].as_str().unwrap().to_owned();
    let plan = show(&app, &us.b, &space, &id).await;
    assert_eq!(plan.ok()["status"], "proposed");
    assert_eq!(plan.body["role"], "hurt");
    step(&app, &us.a, &space, &id, "accept", None)
        .await
        .refused(StatusCode::FORBIDDEN, "only_hurt");
    step(&app, &us.b, &space, &id, "advance", None)
        .await
        .refused(StatusCode::CONFLICT, "not_accepted");
    assert_eq!(
        step(&app, &us.b, &space, &id, "accept", None).await.ok()["status"],
        "active"
    );
    step(&app, &us.b, &space, &id, "accept", None)
        .await
        .refused(StatusCode::CONFLICT, "already_accepted");

    // A promise that is not broken, or not the responsible partner's, is no link.
    let clock = test_clock();
    let made = call(
        &app,
        &us.a,
        Method::POST,
        &format!("/api/v1/spaces/{space}/promises"),
        Some(json!({ "text": "Kept so far", "stakes": 2, "due": from_now(&clock, DAY_MS) })),
    )
    .await;
    let open_promise = made.created()["id"].as_str().unwrap().to_owned();
    for body in [
        json!({ "hurt": "me", "promise": open_promise }),
        json!({ "hurt": "me", "promise": NO_SUCH_ID }),
        json!({ "hurt": "me", "promise": "not-an-id" }),
        json!({ "hurt": "me", "promise": NO_SUCH_ID, "crossing": NO_SUCH_ID }),
    ] {
        call(&app, &us.b, Method::POST, &repairs_path(&space), Some(body))
            .await
            .refused(StatusCode::UNPROCESSABLE_ENTITY, "link_invalid");
    }
    call(
        &app,
        &us.b,
        Method::POST,
        &repairs_path(&space),
        Some(json!({ "hurt": "someone" })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let list = call(&app, &us.b, Method::GET, &repairs_path(&space), None).await;
    assert_eq!(
        list.ok()["repairs"].as_array().unwrap().len(),
        1,
        "refusals wrote nothing"
    );

    // Alone, there is nobody to repair with.
    let solo = person(&app, "cat").await;
    let created = call(
        &app,
        &solo,
        Method::POST,
        "/api/v1/spaces",
        Some(json!({ "name": "Mine" })),
    )
    .await;
    let mine = created.created()["id"].as_str().unwrap().to_owned();
    call(
        &app,
        &solo,
        Method::POST,
        &repairs_path(&mine),
        Some(json!({ "hurt": "me" })),
    )
    .await
    .refused(StatusCode::CONFLICT, "no_partner");
    app.stop().await;
}

#[tokio::test]
async fn a_plan_can_answer_a_crossed_boundary() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ada", "bea").await;
    let space = us.space.clone();
    let boundaries = format!("/api/v1/spaces/{space}/boundaries");
    let proposed = call(
        &app,
        &us.b,
        Method::POST,
        &boundaries,
        Some(json!({ "text": "My phone stays mine" })),
    )
    .await;
    let boundary = proposed.created()["id"].as_str().unwrap().to_owned();
    call(
        &app,
        &us.a,
        Method::POST,
        &format!("{boundaries}/{boundary}/acknowledge"),
        None,
    )
    .await
    .ok();
    let reported = call(
        &app,
        &us.a,
        Method::POST,
        &format!("{boundaries}/{boundary}/crossings"),
        None,
    )
    .await;
    let crossing = reported.created()["id"].as_str().unwrap().to_owned();

    // Ada crossed Bea's line: Ada was not the one hurt by it.
    call(
        &app,
        &us.a,
        Method::POST,
        &repairs_path(&space),
        Some(json!({ "hurt": "me", "crossing": crossing })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "link_invalid");
    let proposed = call(
        &app,
        &us.a,
        Method::POST,
        &repairs_path(&space),
        Some(json!({ "hurt": "partner", "crossing": crossing })),
    )
    .await;
    let id = proposed.created()["id"].as_str().unwrap().to_owned();
    let plan = show(&app, &us.b, &space, &id).await;
    assert_eq!(plan.ok()["link"]["type"], "crossing");
    assert_eq!(plan.body["link"]["id"], crossing.as_str());
    app.stop().await;
}

#[tokio::test]
async fn another_couple_reaches_nothing() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ada", "bea").await;
    let them = couple(&app, "cal", "dee").await;
    let id = open_plan(&app, &us, None).await;
    let space = &us.space;
    for (method, path, body) in [
        (Method::GET, repairs_path(space), None),
        (
            Method::POST,
            repairs_path(space),
            Some(json!({ "hurt": "me" })),
        ),
        (Method::GET, format!("{}/{id}", repairs_path(space)), None),
        (
            Method::POST,
            format!("{}/{id}/accept", repairs_path(space)),
            None,
        ),
        (
            Method::POST,
            format!("{}/{id}/advance", repairs_path(space)),
            None,
        ),
        (
            Method::POST,
            format!("{}/{id}/close", repairs_path(space)),
            None,
        ),
        (
            Method::POST,
            format!("{}/{id}/acknowledge", repairs_path(space)),
            Some(json!({ "text": "x" })),
        ),
        (
            Method::POST,
            format!("{}/{id}/progress", repairs_path(space)),
            Some(json!({ "text": "x" })),
        ),
        (Method::GET, format!("{}/log", repairs_path(space)), None),
        (
            Method::POST,
            format!("{}/log", repairs_path(space)),
            Some(json!({ "text": "x" })),
        ),
        (Method::GET, format!("/api/v1/spaces/{space}/safety"), None),
        (
            Method::PUT,
            format!("/api/v1/spaces/{space}/safety"),
            Some(json!({ "afraid": false, "pressured": false, "unsafe_now": false })),
        ),
    ] {
        call(&app, &them.a, method.clone(), &path, body)
            .await
            .refused(StatusCode::NOT_FOUND, "not_found");
    }
    // Their own space does not hold our plan either.
    show(&app, &them.a, &them.space, &id)
        .await
        .refused(StatusCode::NOT_FOUND, "not_found");
    show(&app, &us.a, space, NO_SUCH_ID)
        .await
        .refused(StatusCode::NOT_FOUND, "not_found");
    show(&app, &us.a, space, "nonsense")
        .await
        .refused(StatusCode::NOT_FOUND, "not_found");
    for path in [
        format!("/spaces/{space}/repairs"),
        format!("/spaces/{space}/repairs/{id}"),
        format!("/spaces/{space}/repairs/log"),
        format!("/spaces/{space}/safety"),
    ] {
        let page = app.get_as(&path, &them.a.cookie).await;
        assert_eq!(page.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let posted = app
        .post_form_as(
            &format!("/spaces/{space}/repairs/{id}/advance"),
            &[],
            &them.b.cookie,
        )
        .await;
    assert_eq!(posted.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

/// Everything the partner can read about the space: API, pages, both exports, the feed.
async fn partners_view(app: &TestApp, us: &Couple, feed: &str) -> Vec<String> {
    let space = &us.space;
    let mut seen = Vec::new();
    for path in [
        repairs_path(space),
        format!("{}/log", repairs_path(space)),
        format!("/api/v1/spaces/{space}/safety"),
        "/api/v1/export".to_owned(),
    ] {
        seen.push(
            call(app, &us.a, Method::GET, &path, None)
                .await
                .body
                .to_string(),
        );
    }
    for path in [
        format!("/spaces/{space}"),
        format!("/spaces/{space}/repairs"),
        format!("/spaces/{space}/repairs/log"),
        format!("/spaces/{space}/safety"),
        "/account/export".to_owned(),
    ] {
        let page = app.get_as(&path, &us.a.cookie).await;
        assert_eq!(page.status(), StatusCode::OK, "{path}");
        seen.push(page.text().await.unwrap());
    }
    seen.push(app.get(feed).await.text().await.unwrap());
    seen
}

/// What changes between two reads of the same thing that no private item caused: the export's
/// own time stamp.
fn without_export_time(text: &str) -> String {
    let value: Result<Value, _> = serde_json::from_str(text);
    match value {
        Ok(mut value) => {
            if let Some(object) = value.as_object_mut() {
                object.remove("exported_at");
            }
            value.to_string()
        }
        Err(_) => text.to_owned(),
    }
}

#[tokio::test]
async fn the_private_log_and_safety_answers_leave_no_trace_for_the_partner() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ada", "bea").await;
    let space = us.space.clone();
    let id = open_plan(&app, &us, None).await;
    let feed = call(&app, &us.a, Method::POST, "/api/v1/calendar-feed", None).await;
    let feed = feed.created()["path"].as_str().unwrap().to_owned();

    let before: Vec<String> = partners_view(&app, &us, &feed)
        .await
        .iter()
        .map(|t| without_export_time(t))
        .collect();
    let written = call(
        &app,
        &us.b,
        Method::POST,
        &format!("{}/log", repairs_path(&space)),
        Some(json!({ "text": LOG_TEXT, "intensity": 4 })),
    )
    .await;
    assert_eq!(written.created()["entries"][0]["text"], LOG_TEXT);
    call(
        &app,
        &us.b,
        Method::POST,
        &format!("{}/log", repairs_path(&space)),
        Some(json!({ "text": "" })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "text_invalid");
    call(
        &app,
        &us.b,
        Method::POST,
        &format!("{}/log", repairs_path(&space)),
        Some(json!({ "text": "x", "intensity": 6 })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "intensity_invalid");
    let page = app
        .post_form_as(
            &format!("/spaces/{space}/repairs/log"),
            &[("text", "On the page too"), ("intensity", "2")],
            &us.b.cookie,
        )
        .await;
    assert_eq!(page.status(), StatusCode::SEE_OTHER);
    let after: Vec<String> = partners_view(&app, &us, &feed)
        .await
        .iter()
        .map(|t| without_export_time(t))
        .collect();
    assert_eq!(
        before, after,
        "the partner's every view is byte for byte the same"
    );
    for text in &after {
        assert!(!text.contains(LOG_TEXT) && !text.contains("log_written"));
    }

    // The author sees it: API, page, own export.
    let mine = call(
        &app,
        &us.b,
        Method::GET,
        &format!("{}/log", repairs_path(&space)),
        None,
    )
    .await;
    assert_eq!(mine.ok()["entries"].as_array().unwrap().len(), 2);
    let page = app
        .get_as(&format!("/spaces/{space}/repairs/log"), &us.b.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(LOG_TEXT) && page.contains("On the page too"));
    let export = call(&app, &us.b, Method::GET, "/api/v1/export", None).await;
    assert!(export.ok().to_string().contains(LOG_TEXT));

    // Calm safety answers from both: nothing of them reaches the partner either.
    answer_safety(&app, &us.a, &space, false).await.ok();
    let before: Vec<String> = partners_view(&app, &us, &feed)
        .await
        .iter()
        .map(|t| without_export_time(t))
        .collect();
    answer_safety(&app, &us.b, &space, false).await.ok();
    answer_safety(&app, &us.b, &space, false).await.ok();
    let partner_plan = show(&app, &us.a, &space, &id).await;
    assert_eq!(partner_plan.ok()["joint_paused"], false);
    let after: Vec<String> = partners_view(&app, &us, &feed)
        .await
        .iter()
        .map(|t| without_export_time(t))
        .collect();
    // Only the shared bit moved (both have answered now): b's answers add no event, count or
    // time to anything the partner reads. The partner's own answer is theirs to export.
    for (was, is) in before.iter().zip(&after) {
        assert_eq!(
            was.matches("safety_answered").count(),
            is.matches("safety_answered").count()
        );
    }
    let export = call(&app, &us.a, Method::GET, "/api/v1/export", None).await;
    assert_eq!(
        export.ok().to_string().matches("safety_answered").count(),
        1,
        "a's own"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_worrying_answer_pauses_joint_steps_for_both_from_the_next_morning_without_a_reason() {
    let clock = test_clock();
    // Pages are read across several mornings: sessions that last the whole test.
    let app = TestApp::builder()
        .config(steadfast_web::WebConfig {
            help_resources: vec![("Helpline".to_owned(), "+48 800 000 000".to_owned())],
            session_policy: steadfast_core::SessionPolicy {
                idle: std::time::Duration::from_secs(30 * 86_400),
                absolute: std::time::Duration::from_secs(30 * 86_400),
            },
            ..TestApp::test_config(&clock)
        })
        .start()
        .await;
    let us = couple(&app, "ada", "bea").await;
    let space = us.space.clone();
    let id = open_plan(&app, &us, None).await;
    let first = answer_safety(&app, &us.a, &space, false).await;
    let first = first.ok();
    assert_eq!(first["joint_paused"], true, "b has not answered yet");
    let both = answer_safety(&app, &us.b, &space, false).await;
    let both = both.ok();
    assert_eq!(both["joint_paused"], false, "first answers count at once");
    let text = Some(json!({ "text": "I hid messages" }));

    for (worried, other) in [(&us.b, &us.a), (&us.a, &us.b)] {
        let mine = answer_safety(&app, worried, &space, true).await;
        let mine = mine.ok();
        assert!(mine.get("worrying").is_none(), "no view echoes an answer");
        assert!(
            mine["takes_effect"]
                .as_str()
                .unwrap()
                .ends_with("T04:00:00.000Z"),
            "{mine}"
        );
        assert_eq!(
            mine["joint_paused"], false,
            "not at the moment of answering"
        );
        assert_eq!(
            show(&app, other, &space, &id).await.ok()["joint_paused"],
            false
        );
        to_next_morning(&clock);
        assert_eq!(
            answer_safety(&app, worried, &space, true).await.ok()["joint_paused"],
            true
        );

        let theirs = call(
            &app,
            other,
            Method::GET,
            &format!("/api/v1/spaces/{space}/safety"),
            None,
        )
        .await;
        let theirs = theirs.ok();
        assert_eq!(theirs["joint_paused"], true);
        assert_eq!(theirs["help"][0]["label"], "Helpline");
        assert!(theirs.get("takes_effect").is_none());
        assert_eq!(
            show(&app, other, &space, &id).await.ok()["joint_paused"],
            true
        );
        step(&app, &us.a, &space, &id, "progress", text.clone())
            .await
            .refused(StatusCode::CONFLICT, "paused");
        step(&app, &us.b, &space, &id, "advance", None)
            .await
            .refused(StatusCode::CONFLICT, "paused");

        // Both pages show the same neutral notice; neither names a cause.
        let notice = |html: &str| {
            let start = html
                .find("repair-paused")
                .unwrap_or_else(|| panic!("{html}"));
            let end = start + html[start..].find("</div>").unwrap();
            html[start..end].to_owned()
        };
        let worried_page = app
            .get_as(&format!("/spaces/{space}/repairs"), &worried.cookie)
            .await
            .text()
            .await
            .unwrap();
        let other_page = app
            .get_as(&format!("/spaces/{space}/repairs"), &other.cookie)
            .await
            .text()
            .await
            .unwrap();
        assert_eq!(notice(&worried_page), notice(&other_page));
        assert!(other_page.contains("Joint repair steps are paused"));
        assert!(
            other_page.contains("+48 800 000 000"),
            "help for both alike"
        );
        for word in ["ada", "bea", "worr", "Yes"] {
            assert!(!notice(&other_page).contains(word), "{word}");
        }

        // The other partner cannot lift it, nor can time; the one who answered can, by
        // answering again, from the morning after.
        answer_safety(&app, other, &space, false).await.ok();
        call(
            &app,
            other,
            Method::POST,
            &format!("/api/v1/spaces/{space}/safety/ready"),
            None,
        )
        .await
        .ok();
        for _ in 0..3 {
            to_next_morning(&clock);
        }
        assert_eq!(
            show(&app, other, &space, &id).await.ok()["joint_paused"],
            true
        );
        answer_safety(&app, worried, &space, false).await.ok();
        assert_eq!(
            show(&app, other, &space, &id).await.ok()["joint_paused"],
            true,
            "until the next morning"
        );
        to_next_morning(&clock);
        assert_eq!(
            show(&app, other, &space, &id).await.ok()["joint_paused"],
            false
        );
    }
    step(&app, &us.a, &space, &id, "progress", text).await.ok();
    // Closing is never paused.
    answer_safety(&app, &us.b, &space, true).await.ok();
    to_next_morning(&clock);
    assert_eq!(
        step(&app, &us.b, &space, &id, "close", None).await.ok()["status"],
        "closed"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_pages_take_each_step_and_bring_mistakes_back_in_the_form() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ada", "bea").await;
    let space = us.space.clone();
    let promise = broken_promise(&app, &us).await;

    let space_page = app
        .get_as(&format!("/spaces/{space}"), &us.b.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(space_page.contains(&format!("href=\"/spaces/{space}/repairs\"")));
    let list = app
        .get_as(&format!("/spaces/{space}/repairs"), &us.b.cookie)
        .await;
    assert_eq!(list.status(), StatusCode::OK);
    let list = list.text().await.unwrap();
    assert!(
        list.contains("No more secret messages"),
        "the broken promise is offered as a link"
    );
    // The research behind the plan is named on the help page, not on the everyday page.
    assert!(!list.contains("Shirley Glass"));
    let help = app
        .get_as("/help", &us.b.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(help.contains("Shirley Glass"));

    let bad = app
        .post_form_as(
            &format!("/spaces/{space}/repairs"),
            &[("hurt", "nobody")],
            &us.b.cookie,
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let opened = app
        .post_form_as(
            &format!("/spaces/{space}/repairs"),
            &[("hurt", "me"), ("link", &promise)],
            &us.b.cookie,
        )
        .await;
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    let plan = opened.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();

    // The safety check by page: every question needs an answer.
    let missing = app
        .post_form_as(
            &format!("/spaces/{space}/safety"),
            &[("afraid", "no")],
            &us.a.cookie,
        )
        .await;
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        missing
            .text()
            .await
            .unwrap()
            .contains("Please answer each question")
    );
    for who in [&us.a, &us.b] {
        let answered = app
            .post_form_as(
                &format!("/spaces/{space}/safety"),
                &[("afraid", "no"), ("pressured", "no"), ("unsafe_now", "no")],
                &who.cookie,
            )
            .await;
        assert_eq!(answered.status(), StatusCode::OK);
        let answered = answered.text().await.unwrap();
        assert!(
            answered.contains("Saved. It counts from now."),
            "{answered}"
        );
    }
    let safety_page = app
        .get_as(&format!("/spaces/{space}/safety"), &us.a.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !safety_page.contains("checked"),
        "the form never shows the last answer"
    );

    // A step that is the other partner's: 403, with the page and a clear message.
    let refused = app
        .post_form_as(&format!("{plan}/advance"), &[], &us.a.cookie)
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("Only the partner who was hurt can do that.")
    );
    let refused = app
        .post_form_as(
            &format!("{plan}/acknowledge"),
            &[("text", "x")],
            &us.b.cookie,
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    // A mistake comes back with the words kept.
    let excuse = "I did it, but you were never home";
    let back = app
        .post_form_as(
            &format!("{plan}/responsibility"),
            &[("text", excuse)],
            &us.a.cookie,
        )
        .await;
    assert_eq!(back.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = back.text().await.unwrap();
    assert!(html.contains("lands best without a “but”"), "{html}");
    assert!(html.contains(excuse));
    let back = app
        .post_form_as(
            &format!("{plan}/promise"),
            &[("text", "Phone open"), ("stakes", "3"), ("due", "")],
            &us.a.cookie,
        )
        .await;
    assert_eq!(back.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(back.text().await.unwrap().contains("Phone open"));

    for (action, form) in [
        ("acknowledge", vec![("text", "I hid messages for months")]),
        ("responsibility", vec![("text", "It was my choice")]),
        ("apology", vec![("text", "I am sorry")]),
        (
            "promise",
            vec![
                ("text", "Phone stays open"),
                ("stakes", "3"),
                ("due", "2031-01-01T18:00"),
            ],
        ),
        (
            "transparency",
            vec![("text", "Tell when plans change"), ("stakes", "2")],
        ),
        ("progress", vec![("text", "A calmer week")]),
    ] {
        let done = app
            .post_form_as(&format!("{plan}/{action}"), &form, &us.a.cookie)
            .await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER, "{action}");
    }
    // Moving on asks first, naming the next phase, and moves nothing until confirmed.
    let asked = app
        .post_form_as(&format!("{plan}/advance"), &[], &us.b.cookie)
        .await;
    assert_eq!(asked.status(), StatusCode::OK);
    let asked = asked.text().await.unwrap();
    assert!(asked.contains("Move on to Tuning in?"), "{asked}");
    assert!(asked.contains(r#"name="confirmed" value="yes""#));
    let html = app.get_as(&plan, &us.b.cookie).await.text().await.unwrap();
    assert!(html.contains("Amends (now)"), "still in the first phase");
    let advanced = app
        .post_form_as(
            &format!("{plan}/advance"),
            &[("confirmed", "yes")],
            &us.b.cookie,
        )
        .await;
    assert_eq!(advanced.status(), StatusCode::SEE_OTHER);
    let html = app.get_as(&plan, &us.a.cookie).await.text().await.unwrap();
    for words in [
        "I hid messages for months",
        "It was my choice",
        "I am sorry",
        "Tell when plans change",
        "A calmer week",
        "Tuning in (now)",
    ] {
        assert!(html.contains(words), "{words}");
    }
    let unknown = app
        .post_form_as(&format!("{plan}/explode"), &[], &us.b.cookie)
        .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let asked = app
        .post_form_as(&format!("{plan}/close"), &[], &us.b.cookie)
        .await;
    assert_eq!(asked.status(), StatusCode::OK);
    assert!(asked.text().await.unwrap().contains("Close this plan?"));
    let closed = app
        .post_form_as(
            &format!("{plan}/close"),
            &[("confirmed", "yes")],
            &us.b.cookie,
        )
        .await;
    assert_eq!(closed.status(), StatusCode::SEE_OTHER);
    let again = app
        .post_form_as(&format!("{plan}/close"), &[], &us.b.cookie)
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);

    let bad_log = app
        .post_form_as(
            &format!("/spaces/{space}/repairs/log"),
            &[("text", "  "), ("intensity", "3")],
            &us.b.cookie,
        )
        .await;
    assert_eq!(bad_log.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad_log
            .text()
            .await
            .unwrap()
            .contains("Please write something.")
    );
    app.stop().await;
}
