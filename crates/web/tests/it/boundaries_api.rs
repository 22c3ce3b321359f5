//! Boundaries, appreciations and the balance over the JSON API: every route allowed and refused
//! (by whom, from which state) with nothing written on a refusal, the prevention step as a promise
//! both partners see, and isolation between couples.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::TestApp;

use crate::support::api::{Answer, NO_SUCH_ID, call, solo_space};
use crate::support::people::{Couple, Person, couple, person};

fn boundaries(space: &str) -> String {
    format!("/api/v1/spaces/{space}/boundaries")
}

impl Couple {
    async fn propose(&self, app: &TestApp, text: &str) -> String {
        call(
            app,
            &self.a,
            Method::POST,
            &boundaries(&self.space),
            Some(json!({ "text": text, "why": "it is mine to look after" })),
        )
        .await
        .created_id()
    }

    async fn on(
        &self,
        app: &TestApp,
        who: &Person,
        method: Method,
        rest: &str,
        body: Option<Value>,
    ) -> Answer {
        call(
            app,
            who,
            method,
            &format!("{}/{rest}", boundaries(&self.space)),
            body,
        )
        .await
    }

    async fn show(&self, app: &TestApp, who: &Person, id: &str) -> Value {
        self.on(app, who, Method::GET, id, None).await.ok().clone()
    }

    /// A boundary of A's that B acknowledged.
    async fn agreed(&self, app: &TestApp) -> String {
        let id = self.propose(app, "Phone stays private").await;
        self.on(
            app,
            &self.b,
            Method::POST,
            &format!("{id}/acknowledge"),
            None,
        )
        .await
        .ok();
        id
    }

    /// A crossing B reported of an agreed boundary: (boundary, crossing).
    async fn crossed(&self, app: &TestApp) -> (String, String) {
        let id = self.agreed(app).await;
        let crossing = self
            .on(app, &self.b, Method::POST, &format!("{id}/crossings"), None)
            .await
            .created_id();
        (id, crossing)
    }
}

#[tokio::test]
async fn a_boundary_is_proposed_acknowledged_revised_and_withdrawn_with_its_history() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ada", "ben").await;
    let id = us.propose(&app, "Phone stays private").await;
    let shown = us.show(&app, &us.b, &id).await;
    assert_eq!(shown["status"], "proposed");
    assert_eq!(shown["yours"], false);
    assert_eq!(shown["why"], "it is mine to look after");

    // Only the partner acknowledges, and only once.
    us.on(
        &app,
        &us.a,
        Method::POST,
        &format!("{id}/acknowledge"),
        None,
    )
    .await
    .refused(StatusCode::FORBIDDEN, "only_partner");
    let acked = us
        .on(
            &app,
            &us.b,
            Method::POST,
            &format!("{id}/acknowledge"),
            None,
        )
        .await;
    assert_eq!(acked.ok()["status"], "acknowledged");
    us.on(
        &app,
        &us.b,
        Method::POST,
        &format!("{id}/acknowledge"),
        None,
    )
    .await
    .refused(StatusCode::CONFLICT, "already_acknowledged");

    // Only the owner revises; a revision goes back to proposed and keeps the earlier wording.
    let words = json!({ "text": "My phone stays mine" });
    us.on(&app, &us.b, Method::PUT, &id, Some(words.clone()))
        .await
        .refused(StatusCode::FORBIDDEN, "only_owner");
    let revised = us.on(&app, &us.a, Method::PUT, &id, Some(words)).await;
    let revised = revised.ok();
    assert_eq!(revised["status"], "proposed");
    assert_eq!(revised["text"], "My phone stays mine");
    assert_eq!(
        revised["earlier_wordings"][0]["text"],
        "Phone stays private"
    );
    assert_eq!(revised["earlier_wordings"][0]["acknowledged"], true);
    // A proposed boundary is not crossed yet.
    us.on(&app, &us.b, Method::POST, &format!("{id}/crossings"), None)
        .await
        .refused(StatusCode::CONFLICT, "not_acknowledged");

    // Bad words write nothing.
    us.on(&app, &us.a, Method::PUT, &id, Some(json!({ "text": "  " })))
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "text_invalid");
    assert_eq!(
        us.show(&app, &us.a, &id).await["earlier_wordings"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Only the owner withdraws, once; nothing more happens to it afterwards.
    us.on(&app, &us.b, Method::DELETE, &id, None)
        .await
        .refused(StatusCode::FORBIDDEN, "only_owner");
    let withdrawn = us.on(&app, &us.a, Method::DELETE, &id, None).await;
    assert_eq!(withdrawn.ok()["status"], "withdrawn");
    us.on(&app, &us.a, Method::DELETE, &id, None)
        .await
        .refused(StatusCode::CONFLICT, "withdrawn");
    us.on(
        &app,
        &us.b,
        Method::POST,
        &format!("{id}/acknowledge"),
        None,
    )
    .await
    .refused(StatusCode::CONFLICT, "withdrawn");
    let listed = call(&app, &us.b, Method::GET, &boundaries(&us.space), None).await;
    assert_eq!(listed.ok()["boundaries"].as_array().unwrap().len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn a_self_reported_crossing_asks_for_three_steps_and_the_owner_resolves_it() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ada", "ben").await;
    let (id, crossing) = us.crossed(&app).await;
    let path = |step: &str| format!("{id}/crossings/{crossing}/{step}");
    let shown = us.show(&app, &us.a, &id).await;
    assert_eq!(shown["crossings"][0]["self_reported"], true);
    assert_eq!(shown["crossings"][0]["crossed_by_you"], false);

    // The order: acknowledge first; only the one who crossed it.
    us.on(
        &app,
        &us.b,
        Method::POST,
        &path("apologise"),
        Some(json!({ "text": "sorry" })),
    )
    .await
    .refused(StatusCode::CONFLICT, "crossing_not_acknowledged");
    us.on(&app, &us.a, Method::POST, &path("acknowledge"), None)
        .await
        .refused(StatusCode::FORBIDDEN, "only_crosser");
    us.on(&app, &us.b, Method::POST, &path("acknowledge"), None)
        .await
        .ok();
    us.on(&app, &us.b, Method::POST, &path("acknowledge"), None)
        .await
        .refused(StatusCode::CONFLICT, "crossing_acknowledged_already");

    us.on(
        &app,
        &us.b,
        Method::POST,
        &path("apologise"),
        Some(json!({ "text": "" })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "apology_invalid");
    let apology = json!({ "text": "I looked at your phone. I am sorry." });
    us.on(
        &app,
        &us.a,
        Method::POST,
        &path("apologise"),
        Some(apology.clone()),
    )
    .await
    .refused(StatusCode::FORBIDDEN, "only_crosser");
    us.on(
        &app,
        &us.b,
        Method::POST,
        &path("apologise"),
        Some(apology.clone()),
    )
    .await
    .ok();
    // One apology waits for the owner's answer before another.
    us.on(&app, &us.b, Method::POST, &path("apologise"), Some(apology))
        .await
        .refused(StatusCode::CONFLICT, "apology_waiting");

    // The prevention step becomes a promise from B to A that both see.
    let step = json!({ "text": "Ask before I touch your phone", "stakes": 3 });
    us.on(
        &app,
        &us.b,
        Method::POST,
        &path("prevention"),
        Some(json!({ "text": "x", "stakes": 9 })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "stakes_invalid");
    us.on(
        &app,
        &us.b,
        Method::POST,
        &path("prevention"),
        Some(json!({ "text": "x", "stakes": 2, "due": "2000-01-01T00:00:00Z" })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "promise_refused");
    us.on(
        &app,
        &us.a,
        Method::POST,
        &path("prevention"),
        Some(step.clone()),
    )
    .await
    .refused(StatusCode::FORBIDDEN, "only_crosser");
    let prevented = us
        .on(
            &app,
            &us.b,
            Method::POST,
            &path("prevention"),
            Some(step.clone()),
        )
        .await;
    let promise = prevented.ok()["crossings"][0]["prevention_promise"]
        .as_str()
        .unwrap()
        .to_owned();
    us.on(&app, &us.b, Method::POST, &path("prevention"), Some(step))
        .await
        .refused(StatusCode::CONFLICT, "prevention_exists");
    for who in [&us.a, &us.b] {
        let listed = call(
            &app,
            who,
            Method::GET,
            &format!("/api/v1/spaces/{}/promises", us.space),
            None,
        )
        .await;
        let promises = listed.ok()["promises"].as_array().unwrap().clone();
        assert_eq!(promises.len(), 1, "exactly one promise was made");
        assert_eq!(promises[0]["id"], promise.as_str());
        assert_eq!(promises[0]["text"], "Ask before I touch your phone");
    }

    // Only the owner resolves, once.
    us.on(&app, &us.b, Method::POST, &path("resolve"), None)
        .await
        .refused(StatusCode::FORBIDDEN, "only_owner");
    let resolved = us
        .on(&app, &us.a, Method::POST, &path("resolve"), None)
        .await;
    assert!(resolved.ok()["crossings"][0]["resolved_at"].is_string());
    us.on(&app, &us.a, Method::POST, &path("resolve"), None)
        .await
        .refused(StatusCode::CONFLICT, "resolved");
    // Unknown crossings are not found.
    us.on(
        &app,
        &us.a,
        Method::POST,
        &format!("{id}/crossings/{NO_SUCH_ID}/resolve"),
        None,
    )
    .await
    .refused(StatusCode::NOT_FOUND, "not_found");
    app.stop().await;
}

#[tokio::test]
async fn the_owner_may_report_a_crossing_and_times_are_checked() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ada", "ben").await;
    let id = us.agreed(&app).await;
    us.on(
        &app,
        &us.a,
        Method::POST,
        &format!("{id}/crossings"),
        Some(json!({ "when": "2999-01-01T00:00:00Z" })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "in_future");
    us.on(
        &app,
        &us.a,
        Method::POST,
        &format!("{id}/crossings"),
        Some(json!({ "when": "yesterday" })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "time_invalid");
    let crossing = us
        .on(&app, &us.a, Method::POST, &format!("{id}/crossings"), None)
        .await
        .created_id();
    let shown = us.show(&app, &us.b, &id).await;
    let crossings = shown["crossings"].as_array().unwrap();
    assert_eq!(crossings.len(), 1, "refusals wrote nothing");
    assert_eq!(crossings[0]["id"], crossing.as_str());
    assert_eq!(crossings[0]["self_reported"], false);
    assert_eq!(crossings[0]["crossed_by_you"], true);
    app.stop().await;
}

#[tokio::test]
async fn alone_there_is_no_one_to_propose_to_or_thank() {
    let app = TestApp::builder().start().await;
    let a = person(&app, "ada").await;
    let space = solo_space(&app, &a).await;
    call(
        &app,
        &a,
        Method::POST,
        &boundaries(&space),
        Some(json!({ "text": "Phone stays private" })),
    )
    .await
    .refused(StatusCode::CONFLICT, "no_partner");
    call(
        &app,
        &a,
        Method::POST,
        &format!("/api/v1/spaces/{space}/appreciations"),
        Some(json!({ "text": "thanks" })),
    )
    .await
    .refused(StatusCode::CONFLICT, "no_partner");
    let listed = call(&app, &a, Method::GET, &boundaries(&space), None).await;
    assert_eq!(listed.ok()["boundaries"], json!([]));
    app.stop().await;
}

#[tokio::test]
async fn another_couple_reaches_none_of_it() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ada", "ben").await;
    let them = couple(&app, "cyd", "dee").await;
    let (id, crossing) = us.crossed(&app).await;
    let base = boundaries(&us.space);
    let space = &us.space;
    let routes = [
        (Method::GET, base.clone(), None),
        (Method::POST, base.clone(), Some(json!({ "text": "x" }))),
        (Method::GET, format!("{base}/{id}"), None),
        (
            Method::PUT,
            format!("{base}/{id}"),
            Some(json!({ "text": "x" })),
        ),
        (Method::DELETE, format!("{base}/{id}"), None),
        (Method::POST, format!("{base}/{id}/acknowledge"), None),
        (Method::POST, format!("{base}/{id}/crossings"), None),
        (
            Method::POST,
            format!("{base}/{id}/crossings/{crossing}/acknowledge"),
            None,
        ),
        (
            Method::POST,
            format!("{base}/{id}/crossings/{crossing}/apologise"),
            Some(json!({ "text": "x" })),
        ),
        (
            Method::POST,
            format!("{base}/{id}/crossings/{crossing}/prevention"),
            Some(json!({ "text": "x", "stakes": 1 })),
        ),
        (
            Method::POST,
            format!("{base}/{id}/crossings/{crossing}/resolve"),
            None,
        ),
        (
            Method::GET,
            format!("/api/v1/spaces/{space}/appreciations"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/spaces/{space}/appreciations"),
            Some(json!({ "text": "x" })),
        ),
        (Method::GET, format!("/api/v1/spaces/{space}/balance"), None),
    ];
    for (method, path, body) in routes {
        call(&app, &them.a, method.clone(), &path, body)
            .await
            .refused(StatusCode::NOT_FOUND, "not_found");
    }
    // Their own space does not know our boundary either.
    call(
        &app,
        &them.a,
        Method::GET,
        &format!("{}/{id}", boundaries(&them.space)),
        None,
    )
    .await
    .refused(StatusCode::NOT_FOUND, "not_found");
    // Nothing was written by any of it.
    let shown = us.show(&app, &us.a, &id).await;
    assert_eq!(shown["status"], "acknowledged");
    assert_eq!(shown["crossings"][0]["acknowledged_at"], Value::Null);
    app.stop().await;
}

#[tokio::test]
async fn appreciations_and_crossings_show_in_the_balance() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ada", "ben").await;
    let path = format!("/api/v1/spaces/{}/appreciations", us.space);
    call(
        &app,
        &us.a,
        Method::POST,
        &path,
        Some(json!({ "text": " " })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "text_invalid");
    for text in ["thank you for the tea", "you listened well"] {
        call(
            &app,
            &us.a,
            Method::POST,
            &path,
            Some(json!({ "text": text })),
        )
        .await
        .created_id();
    }
    call(
        &app,
        &us.b,
        Method::POST,
        &path,
        Some(json!({ "text": "you were kind" })),
    )
    .await
    .created_id();
    let listed = call(&app, &us.b, Method::GET, &path, None).await;
    let listed = listed.ok()["appreciations"].as_array().unwrap().clone();
    assert_eq!(listed.len(), 3);
    assert_eq!(listed[0]["text"], "you were kind", "newest first");
    assert_eq!(listed[0]["from_you"], true);

    let (_id, _crossing) = us.crossed(&app).await;
    let balance_path = format!("/api/v1/spaces/{}/balance", us.space);
    for who in [&us.a, &us.b] {
        let balance = call(&app, who, Method::GET, &balance_path, None).await;
        let balance = balance.ok();
        assert_eq!(balance["positive"], 3);
        assert_eq!(balance["negative"], 1);
        assert_eq!(balance["guide_ratio"], 5);
        assert_eq!(balance["meets_guide"], false);
        assert_eq!(balance["celebrations"], json!([]));
    }
    app.stop().await;
}

#[tokio::test]
async fn after_a_partner_leaves_the_boundaries_stay_read_only_and_the_balance_starts_over() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ada", "ben").await;
    let (id, _) = us.crossed(&app).await;
    let thanks = format!("/api/v1/spaces/{}/appreciations", us.space);
    call(
        &app,
        &us.b,
        Method::POST,
        &thanks,
        Some(json!({ "text": "thank you" })),
    )
    .await
    .created_id();
    call(
        &app,
        &us.b,
        Method::POST,
        &format!("/api/v1/spaces/{}/leave", us.space),
        None,
    )
    .await
    .ok();
    // The boundary and its crossing stay hers to read; nothing more can be done with them.
    let listed = call(&app, &us.a, Method::GET, &boundaries(&us.space), None).await;
    let listed = listed.ok()["boundaries"].as_array().unwrap().clone();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["read_only"], true);
    let shown = us.show(&app, &us.a, &id).await;
    assert_eq!(shown["crossings"].as_array().unwrap().len(), 1);
    us.on(&app, &us.a, Method::DELETE, &id, None)
        .await
        .refused(StatusCode::NOT_FOUND, "not_found");
    us.on(&app, &us.b, Method::GET, &id, None)
        .await
        .refused(StatusCode::NOT_FOUND, "not_found");
    // Thanks and the balance are about the two of them now: they start over.
    let listed = call(&app, &us.a, Method::GET, &thanks, None).await;
    assert_eq!(listed.ok()["appreciations"], json!([]));
    let balance = call(
        &app,
        &us.a,
        Method::GET,
        &format!("/api/v1/spaces/{}/balance", us.space),
        None,
    )
    .await;
    let balance = balance.ok();
    assert_eq!(
        (balance["positive"].clone(), balance["negative"].clone()),
        (json!(0), json!(0))
    );
    app.stop().await;
}
