//! The weekly check-in over the JSON API: sealing (nothing of a partner's answers by API or in the
//! export before one's own submission; both sides after), the private "how did that go", drafts
//! resumed from a second session, the break, refusals, bad input and isolation between couples.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use steadfast_app::clock::ManualClock;
use steadfast_store::Backend;
use steadfast_web::WebConfig;

use crate::support::TestApp;
use crate::support::app::test_clock;

use crate::support::api::{Answer, NO_SUCH_ID, call, solo_space};
use crate::support::people::{Couple, PASSWORD, Person, couple, person};

const MINUTE_MS: i64 = 60 * 1000;

pub(crate) fn checkins_path(space: &str) -> String {
    format!("/api/v1/spaces/{space}/checkins")
}

/// Starts a check-in as `who`; its id.
pub(crate) async fn start(app: &TestApp, who: &Person, space: &str) -> String {
    let started = call(app, who, Method::POST, &checkins_path(space), None).await;
    assert_eq!(started.status, StatusCode::CREATED, "{}", started.body);
    started.body["id"].as_str().unwrap().to_owned()
}

/// The nine felt-trust items, in their order.
pub(crate) const ITEMS: [&str; 9] = [
    "knew_what_to_expect",
    "heard_of_changes",
    "no_surprises",
    "showed_up",
    "in_good_hands",
    "honest_when_awkward",
    "will_get_through",
    "has_my_good",
    "calm_about_future",
];

/// A whole set of answers, every text marked with `mark`.
pub(crate) fn full_answers(mark: &str, level: i64, feeling: i64) -> Value {
    let felt: serde_json::Map<String, Value> = ITEMS
        .iter()
        .map(|item| ((*item).to_owned(), json!(level)))
        .collect();
    json!({
        "appreciations": [format!("{mark} thank you for the soup")],
        "went_right": format!("{mark} our Sunday walk"),
        "felt_trust": felt,
        "topic": format!("{mark} I felt alone on Tuesday"),
        "listener_notes": format!("{mark} I heard that you were tired"),
        "requests": format!("{mark} a call when you are late"),
        "how_it_went": feeling,
        "step": "review",
    })
}

pub(crate) async fn draft(
    app: &TestApp,
    who: &Person,
    space: &str,
    id: &str,
    body: Value,
) -> Answer {
    call(
        app,
        who,
        Method::PUT,
        &format!("{}/{id}/draft", checkins_path(space)),
        Some(body),
    )
    .await
}

pub(crate) async fn act(
    app: &TestApp,
    who: &Person,
    method: Method,
    space: &str,
    id: &str,
    action: &str,
) -> Answer {
    call(
        app,
        who,
        method,
        &format!("{}/{id}/{action}", checkins_path(space)),
        None,
    )
    .await
}

pub(crate) async fn detail(app: &TestApp, who: &Person, space: &str, id: &str) -> Value {
    call(
        app,
        who,
        Method::GET,
        &format!("{}/{id}", checkins_path(space)),
        None,
    )
    .await
    .ok()
    .clone()
}

/// Everything `who` can read about the space over the API, as one text: the check-in, the list,
/// the trend and the export.
async fn all_readable(app: &TestApp, who: &Person, space: &str, id: &str) -> String {
    let mut text = String::new();
    for path in [
        format!("{}/{id}", checkins_path(space)),
        checkins_path(space),
        format!("{}/trend", checkins_path(space)),
        "/api/v1/export".to_owned(),
    ] {
        let answer = call(app, who, Method::GET, &path, None).await;
        text.push_str(&answer.ok().to_string());
    }
    text
}

#[tokio::test]
async fn answers_stay_sealed_by_api_and_export_until_ones_own_submission() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let Couple { a, b, space } = couple(&app, "alex", "sam").await;
        let id = start(&app, &a, &space).await;
        draft(&app, &a, &space, &id, full_answers("alphasecret", 2, -4))
            .await
            .ok();
        // Sam sees nothing of Alex's draft.
        assert!(
            !all_readable(&app, &b, &space, &id)
                .await
                .contains("alphasecret")
        );
        act(&app, &a, Method::POST, &space, &id, "submit")
            .await
            .ok();

        // Alex has submitted: Sam learns only that, from the marker.
        let seen = detail(&app, &b, &space, &id).await;
        assert_eq!(seen["partner_submitted"], true);
        assert_eq!(seen["you_submitted"], false);
        assert_eq!(seen["status"], "open");
        assert!(seen["partner"].is_null());
        let readable = all_readable(&app, &b, &space, &id).await;
        assert!(!readable.contains("alphasecret"), "{readable}");
        assert!(!readable.contains("how_it_went\":-4"), "{readable}");

        // Alex sees their own answers, and nothing of Sam's.
        let mine = detail(&app, &a, &space, &id).await;
        assert_eq!(mine["status"], "waiting");
        assert_eq!(mine["yours"]["how_it_went"], -4);
        assert!(mine["partner"].is_null());

        draft(&app, &b, &space, &id, full_answers("bravosecret", 5, 3))
            .await
            .ok();
        assert!(
            !all_readable(&app, &a, &space, &id)
                .await
                .contains("bravosecret")
        );
        let done = act(&app, &b, Method::POST, &space, &id, "submit").await;
        assert_eq!(done.ok()["status"], "complete");

        // Both sides open to both, each "how did that go" to its author only.
        for (who, mine, theirs, own_feeling) in [
            (&a, "alphasecret", "bravosecret", -4),
            (&b, "bravosecret", "alphasecret", 3),
        ] {
            let seen = detail(&app, who, &space, &id).await;
            assert_eq!(seen["status"], "complete");
            assert!(seen["yours"].to_string().contains(mine));
            assert_eq!(seen["yours"]["how_it_went"], own_feeling);
            assert!(seen["partner"].to_string().contains(theirs), "{seen}");
            assert!(seen["partner"]["how_it_went"].is_null(), "{seen}");
            assert_eq!(seen["partner"]["felt_trust"].as_object().unwrap().len(), 9);
            let export = call(&app, who, Method::GET, "/api/v1/export", None).await;
            let export = export.ok();
            assert!(export.to_string().contains(theirs));
            // The partner's private answers never reach the export; only their reveal does.
            let events = export["spaces"][0]["events"].as_array().unwrap();
            for event in events.iter().filter(|e| e["author"] == "partner") {
                assert_ne!(event["kind"], "checkin.answers", "{event}");
                assert_ne!(event["kind"], "checkin.draft", "{event}");
                assert!(event["payload"]["how_it_went"].is_null(), "{event}");
            }
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn a_draft_saved_in_one_session_resumes_in_another() {
    let app = TestApp::builder().start().await;
    let Couple { a, space, .. } = couple(&app, "alex", "sam").await;
    let id = start(&app, &a, &space).await;
    draft(
        &app,
        &a,
        &space,
        &id,
        json!({ "appreciations": ["the tea", " "], "step": "went_right" }),
    )
    .await
    .ok();
    // A second device: a new session of the same person.
    let other_device = app
        .api(
            Method::POST,
            "/api/v1/sessions",
            Some(json!({ "username": "alex", "password": PASSWORD })),
            None,
        )
        .await;
    let cookie = crate::support::app::session_cookie(&other_device).unwrap();
    let seen: Value = app
        .api(
            Method::GET,
            &format!("{}/{id}", checkins_path(&space)),
            None,
            Some(&cookie),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(seen["step"], "went_right");
    assert_eq!(seen["draft"]["appreciations"], json!(["the tea"]));
    // A later save changes only what it names.
    let saved = draft(
        &app,
        &a,
        &space,
        &id,
        json!({ "went_right": "dinner", "felt_trust": { "showed_up": 6 } }),
    )
    .await;
    let body = saved.ok();
    assert_eq!(body["draft"]["appreciations"], json!(["the tea"]));
    assert_eq!(body["draft"]["went_right"], "dinner");
    assert_eq!(body["draft"]["felt_trust"]["showed_up"], 6);
    assert_eq!(body["step"], "went_right");
    app.stop().await;
}

#[tokio::test]
async fn a_break_is_seen_by_both_blocks_submitting_and_ends_early_or_by_itself() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let clock = test_clock();
        let config = WebConfig {
            help_resources: Vec::new(),
            ..TestApp::test_config(&clock)
        };
        let Some(app) = TestApp::builder().config(config).start_on(backend).await else {
            continue;
        };
        let Couple { a, b, space } = couple(&app, "alex", "sam").await;
        let id = start(&app, &a, &space).await;
        draft(&app, &a, &space, &id, full_answers("a", 3, 1))
            .await
            .ok();
        let paused = act(&app, &b, Method::POST, &space, &id, "break").await;
        let until = paused.ok()["break_until"].as_str().unwrap().to_owned();
        assert_eq!(detail(&app, &a, &space, &id).await["break_until"], until);
        act(&app, &a, Method::POST, &space, &id, "break")
            .await
            .refused(StatusCode::CONFLICT, "on_break");
        act(&app, &a, Method::POST, &space, &id, "submit")
            .await
            .refused(StatusCode::CONFLICT, "on_break");
        // Saving goes on during a break, so nothing typed is lost.
        draft(&app, &b, &space, &id, json!({ "went_right": "the walk" }))
            .await
            .ok();
        advance(&clock, 19);
        assert!(detail(&app, &b, &space, &id).await["break_until"].is_string());
        advance(&clock, 1);
        assert!(detail(&app, &b, &space, &id).await["break_until"].is_null());
        act(&app, &a, Method::DELETE, &space, &id, "break")
            .await
            .refused(StatusCode::CONFLICT, "no_break");
        // A second break: only the partner who called it ends it early; the other sees it run on,
        // and who called it. Then each resumes at their step.
        let called = act(&app, &a, Method::POST, &space, &id, "break").await;
        assert_eq!(called.ok()["break_by_you"], true);
        assert_eq!(detail(&app, &b, &space, &id).await["break_by_you"], false);
        act(&app, &b, Method::DELETE, &space, &id, "break")
            .await
            .refused(StatusCode::FORBIDDEN, "not_your_break");
        assert!(detail(&app, &b, &space, &id).await["break_until"].is_string());
        let ended = act(&app, &a, Method::DELETE, &space, &id, "break").await;
        let ended = ended.ok();
        assert!(ended["break_until"].is_null());
        assert!(ended["break_by_you"].is_null());
        assert_eq!(detail(&app, &a, &space, &id).await["step"], "review");
        assert_eq!(detail(&app, &b, &space, &id).await["step"], "appreciations");
        act(&app, &a, Method::POST, &space, &id, "submit")
            .await
            .ok();
        app.stop().await;
    }
}

fn advance(clock: &ManualClock, minutes: i64) {
    clock.advance_millis(minutes * MINUTE_MS);
}

#[tokio::test]
async fn refusals_are_clear_and_change_nothing() {
    let app = TestApp::builder().start().await;
    let Couple { a, b, space } = couple(&app, "alex", "sam").await;
    let id = start(&app, &a, &space).await;
    let again = call(&app, &b, Method::POST, &checkins_path(&space), None).await;
    again.refused(StatusCode::CONFLICT, "already_open");
    act(&app, &a, Method::POST, &space, &id, "submit")
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "incomplete_felt_trust");
    let mut answers = full_answers("a", 3, 0);
    answers["how_it_went"] = Value::Null;
    draft(&app, &a, &space, &id, answers).await.ok();
    act(&app, &a, Method::POST, &space, &id, "submit")
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "incomplete_how_it_went");
    for (body, code) in [
        (json!({ "how_it_went": 6 }), "how_it_went_invalid"),
        (
            json!({ "how_it_went": 99999999999i64 }),
            "how_it_went_invalid",
        ),
        (
            json!({ "felt_trust": { "showed_up": 7 } }),
            "felt_trust_invalid",
        ),
        (json!({ "felt_trust": { "liked_it": 3 } }), "item_unknown"),
        (json!({ "topic": "x".repeat(2001) }), "topic_invalid"),
        (
            json!({ "appreciations": ["a\u{202e}b"] }),
            "appreciation_invalid",
        ),
        (
            json!({ "appreciations": ["1", "2", "3", "4", "5", "6"] }),
            "too_many_appreciations",
        ),
        (json!({ "step": "dessert" }), "step_unknown"),
    ] {
        draft(&app, &a, &space, &id, body)
            .await
            .refused(StatusCode::UNPROCESSABLE_ENTITY, code);
    }
    let seen = detail(&app, &a, &space, &id).await;
    assert!(
        seen["draft"]["how_it_went"].is_null(),
        "nothing was written"
    );
    act(&app, &a, Method::DELETE, &space, &id, "break")
        .await
        .refused(StatusCode::CONFLICT, "no_break");
    draft(&app, &a, &space, &id, full_answers("a", 3, 0))
        .await
        .ok();
    act(&app, &a, Method::POST, &space, &id, "submit")
        .await
        .ok();
    act(&app, &a, Method::POST, &space, &id, "submit")
        .await
        .refused(StatusCode::CONFLICT, "already_submitted");
    draft(&app, &a, &space, &id, json!({ "topic": "more" }))
        .await
        .refused(StatusCode::CONFLICT, "already_submitted");
    app.stop().await;
}

#[tokio::test]
async fn another_couple_gets_not_found_everywhere() {
    let app = TestApp::builder().start().await;
    let ours = couple(&app, "alex", "sam").await;
    let theirs = couple(&app, "kim", "lee").await;
    let id = start(&app, &ours.a, &ours.space).await;
    draft(&app, &ours.a, &ours.space, &id, full_answers("a", 3, 0))
        .await
        .ok();
    let base = checkins_path(&ours.space);
    for (method, path, body) in [
        (Method::GET, base.clone(), None),
        (Method::POST, base.clone(), None),
        (Method::GET, format!("{base}/trend"), None),
        (Method::GET, format!("{base}/{id}"), None),
        (Method::PUT, format!("{base}/{id}/draft"), Some(json!({}))),
        (Method::POST, format!("{base}/{id}/submit"), None),
        (Method::POST, format!("{base}/{id}/break"), None),
        (Method::DELETE, format!("{base}/{id}/break"), None),
    ] {
        call(&app, &theirs.a, method, &path, body)
            .await
            .refused(StatusCode::NOT_FOUND, "not_found");
    }
    // A check-in id of another space, or none at all, inside one's own space.
    let own = checkins_path(&theirs.space);
    for path in [
        format!("{own}/{id}"),
        format!("{own}/{NO_SUCH_ID}"),
        format!("{own}/nonsense"),
    ] {
        call(&app, &theirs.a, Method::GET, &path, None)
            .await
            .refused(StatusCode::NOT_FOUND, "not_found");
    }
    app.stop().await;
}

#[tokio::test]
async fn solo_check_ins_complete_alone_and_draw_a_trend() {
    let app = TestApp::builder().start().await;
    let a = person(&app, "alex").await;
    let space = solo_space(&app, &a).await;
    for level in [1, 2, 3, 2] {
        let id = start(&app, &a, &space).await;
        draft(&app, &a, &space, &id, full_answers("solo", level, 0))
            .await
            .ok();
        let done = act(&app, &a, Method::POST, &space, &id, "submit").await;
        assert_eq!(done.ok()["status"], "complete");
    }
    let trend = call(
        &app,
        &a,
        Method::GET,
        &format!("{}/trend", checkins_path(&space)),
        None,
    )
    .await;
    let trend = trend.ok();
    assert_eq!(trend["points"].as_array().unwrap().len(), 4);
    assert_eq!(trend["points"][0]["yours"]["mean"], 1.0);
    assert!(trend["points"][0]["partner"].is_null());
    assert_eq!(trend["yours"]["reliably_better"], false);
    assert_eq!(trend["stuck"], true, "four check-ins, no reliable rise");
    app.stop().await;
}

#[tokio::test]
async fn the_trend_shows_the_partners_felt_trust_only_once_revealed_and_suggests_help_when_stuck() {
    let clock = test_clock();
    let app = TestApp::builder()
        .config(WebConfig {
            help_resources: vec![("Couples clinic".to_owned(), "+48 22 000 00 00".to_owned())],
            ..TestApp::test_config(&clock)
        })
        .start()
        .await;
    let Couple { a, b, space } = couple(&app, "alex", "sam").await;
    let trend_path = format!("{}/trend", checkins_path(&space));
    for week in 0..4 {
        let id = start(&app, &a, &space).await;
        draft(&app, &a, &space, &id, full_answers("a", 3, 0))
            .await
            .ok();
        draft(&app, &b, &space, &id, full_answers("b", 4, 0))
            .await
            .ok();
        act(&app, &a, Method::POST, &space, &id, "submit")
            .await
            .ok();
        if week == 0 {
            // Alex has submitted, Sam has not: Sam's trend holds nothing yet, Alex's their own.
            let trend = call(&app, &b, Method::GET, &trend_path, None).await;
            assert!(trend.ok()["points"].as_array().unwrap().is_empty());
            let trend = call(&app, &a, Method::GET, &trend_path, None).await;
            let point = &trend.ok()["points"][0];
            assert_eq!(point["complete"], false);
            assert_eq!(point["yours"]["mean"], 3.0);
            assert!(point["partner"].is_null());
        }
        act(&app, &b, Method::POST, &space, &id, "submit")
            .await
            .ok();
        clock.advance_millis(7 * 24 * 60 * MINUTE_MS);
    }
    let trend = call(&app, &a, Method::GET, &trend_path, None).await;
    let trend = trend.ok();
    assert_eq!(trend["points"].as_array().unwrap().len(), 4);
    assert_eq!(trend["points"][3]["partner"]["mean"], 4.0);
    assert_eq!(trend["points"][3]["yours"]["dependability"], 3.0);
    assert_eq!(trend["stuck"], true);
    assert_eq!(trend["resources"][0]["label"], "Couples clinic");
    // A fifth check-in where Sam's trust rises reliably: no longer stuck.
    let id = start(&app, &a, &space).await;
    draft(&app, &a, &space, &id, full_answers("a", 3, 0))
        .await
        .ok();
    draft(&app, &b, &space, &id, full_answers("b", 6, 0))
        .await
        .ok();
    act(&app, &a, Method::POST, &space, &id, "submit")
        .await
        .ok();
    act(&app, &b, Method::POST, &space, &id, "submit")
        .await
        .ok();
    let trend = call(&app, &a, Method::GET, &trend_path, None).await;
    let trend = trend.ok();
    assert_eq!(trend["partner"]["reliably_better"], true, "{trend}");
    assert_eq!(trend["stuck"], false);
    assert!(trend["resources"].as_array().unwrap().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn two_partners_submitting_at_once_both_get_revealed() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let Couple { a, b, space } = couple(&app, "alex", "sam").await;
        for _ in 0..5 {
            let id = start(&app, &a, &space).await;
            draft(&app, &a, &space, &id, full_answers("alphaside", 3, 0))
                .await
                .ok();
            draft(&app, &b, &space, &id, full_answers("bravoside", 4, 0))
                .await
                .ok();
            let (one, other) = tokio::join!(
                act(&app, &a, Method::POST, &space, &id, "submit"),
                act(&app, &b, Method::POST, &space, &id, "submit"),
            );
            one.ok();
            other.ok();
            let seen_by_a = detail(&app, &a, &space, &id).await;
            let seen_by_b = detail(&app, &b, &space, &id).await;
            assert_eq!(seen_by_a["status"], "complete", "{backend:?}");
            assert!(seen_by_a["partner"].to_string().contains("bravoside"));
            assert!(seen_by_b["partner"].to_string().contains("alphaside"));
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn a_check_in_with_a_partner_who_left_lapses_and_blocks_nothing() {
    let app = TestApp::builder().start().await;
    let Couple { a, b, space } = couple(&app, "alex", "sam").await;
    let id = start(&app, &a, &space).await;
    draft(&app, &b, &space, &id, full_answers("bravo", 3, 0))
        .await
        .ok();
    call(
        &app,
        &b,
        Method::POST,
        &format!("/api/v1/spaces/{space}/leave"),
        None,
    )
    .await
    .ok();
    let listed = call(&app, &a, Method::GET, &checkins_path(&space), None).await;
    assert_eq!(listed.ok()["checkins"][0]["status"], "lapsed");
    draft(&app, &a, &space, &id, json!({ "topic": "still mine" }))
        .await
        .refused(StatusCode::CONFLICT, "lapsed");
    // Alone now, Alex may start one for themselves; Sam reaches nothing of the space.
    start(&app, &a, &space).await;
    call(
        &app,
        &b,
        Method::GET,
        &format!("{}/{id}", checkins_path(&space)),
        None,
    )
    .await
    .refused(StatusCode::NOT_FOUND, "not_found");
    app.stop().await;
}
