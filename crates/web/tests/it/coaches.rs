//! Coaches over HTTP: joining by invite (never as a member), each partner's own grant, what the
//! coach sees as grants come, go, expire and partners leave, every write of a coach's refused,
//! every read logged for the partner whose data it was (and only them), isolation between
//! couples, and the printable report.

use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};
use steadfast_app::clock::ManualClock;
use steadfast_core::{SpaceId, StreamId};
use steadfast_store::Backend;

use crate::checkins_api::{act, draft, full_answers, start};
use crate::shell::STATE_CHANGING_ROUTES;
use crate::support::TestApp;
use crate::support::api::{call, export};
use crate::support::app::test_clock;
use crate::support::pages::{page, post};
use crate::support::people::{Coach, Couple, Person, coach_invite, couple, sign_in, sign_up_coach};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// A couple `alexandra` and `samwise`, and their coach `pat-coach`, attached by Alexandra's link.
async fn coached_couple(app: &TestApp) -> (Couple, Coach) {
    let us = couple(app, "alexandra", "samwise").await;
    let link = coach_invite(app, &us.a, &us.space).await;
    let cookie = sign_up_coach(app, &link, "pat-coach").await;
    let listed = partner_view(app, &us.a, &us.space).await;
    let id = listed["coaches"][0]["id"].as_str().unwrap().to_owned();
    (us, Coach { cookie, id })
}

async fn partner_view(app: &TestApp, who: &Person, space: &str) -> Value {
    call(
        app,
        who,
        Method::GET,
        &format!("/api/v1/spaces/{space}/coach"),
        None,
    )
    .await
    .ok()
    .clone()
}

async fn grant(app: &TestApp, who: &Person, space: &str, coach: &Coach, body: Option<Value>) {
    let granted = call(
        app,
        who,
        Method::POST,
        &format!("/api/v1/spaces/{space}/coach/{}/grant", coach.id),
        body,
    )
    .await;
    granted.ok();
}

async fn revoke(app: &TestApp, who: &Person, space: &str, coach: &Coach) {
    let revoked = call(
        app,
        who,
        Method::POST,
        &format!("/api/v1/spaces/{space}/coach/{}/revoke", coach.id),
        None,
    )
    .await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT, "{}", revoked.body);
}

/// The coach's overview by API: status and body.
async fn overview(app: &TestApp, coach: &Coach, space: &str) -> (StatusCode, Value) {
    let response = app
        .api(
            Method::GET,
            &format!("/api/v1/coach/spaces/{space}"),
            None,
            Some(&coach.cookie),
        )
        .await;
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn names(overview: &Value) -> Vec<String> {
    overview["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["username"].as_str().unwrap().to_owned())
        .collect()
}

/// Both partners fill in and submit a check-in: Alexandra at `a`, Samwise at `b`; texts marked.
async fn check_in(app: &TestApp, us: &Couple, a: i64, b: i64) {
    let id = start(app, &us.a, &us.space).await;
    draft(
        app,
        &us.a,
        &us.space,
        &id,
        full_answers("alexprivate", a, 1),
    )
    .await
    .ok();
    draft(app, &us.b, &us.space, &id, full_answers("samprivate", b, 1))
        .await
        .ok();
    act(app, &us.a, Method::POST, &us.space, &id, "submit")
        .await
        .ok();
    act(app, &us.b, Method::POST, &us.space, &id, "submit")
        .await
        .ok();
}

async fn reads(app: &TestApp, who: &Person, space: &str) -> Vec<Value> {
    partner_view(app, who, space).await["reads"]
        .as_array()
        .unwrap()
        .clone()
}

async fn the_coach_sees_exactly_each_granted_partners_shared_data(
    app: TestApp,
    clock: ManualClock,
) {
    let (us, mut coach) = coached_couple(&app).await;
    check_in(&app, &us, 2, 5).await;
    clock.advance_millis(7 * DAY_MS);
    check_in(&app, &us, 3, 5).await;
    coach.cookie = sign_in(&app, "pat-coach").await;
    // A private journal entry and a private repair log entry: never anywhere in the coach's view.
    call(
        &app,
        &us.a,
        Method::POST,
        "/api/v1/journal",
        Some(json!({ "text": "alexjournal very private" })),
    )
    .await;

    // Nothing granted: the coach sees the space, and nobody's data; no read is logged.
    let (status, seen) = overview(&app, &coach, &us.space).await;
    assert_eq!(status, StatusCode::OK, "{seen}");
    assert!(names(&seen).is_empty());
    assert!(reads(&app, &us.a, &us.space).await.is_empty());

    // Alexandra grants: her felt trust and check-ins, nothing of Samwise's.
    grant(&app, &us.a, &us.space, &coach, None).await;
    let (_, seen) = overview(&app, &coach, &us.space).await;
    assert_eq!(names(&seen), ["alexandra"]);
    let felt: Vec<f64> = seen["partners"][0]["felt_trust"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["mean"].as_f64().unwrap())
        .collect();
    assert_eq!(felt, [2.0, 3.0]);
    assert_eq!(seen["partners"][0]["checkins_completed"], 2);
    // The record needs both partners' data: not with one grant.
    assert!(seen["record"].as_array().unwrap().is_empty());
    let (status, html) = page(&app, &format!("/coach/spaces/{}", us.space), &coach.cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("alexandra"), "{html}");
    for hidden in ["samwise", "samprivate", "alexprivate", "alexjournal"] {
        assert!(!html.contains(hidden), "the coach's page shows {hidden}");
        assert!(!seen.to_string().contains(hidden), "the API shows {hidden}");
    }
    // Samwise learns nothing of Alexandra's grant, nor of reads of her data.
    let sams = partner_view(&app, &us.b, &us.space).await;
    assert!(sams["coaches"][0].get("granted_until").is_none(), "{sams}");
    assert!(sams["reads"].as_array().unwrap().is_empty());
    // Alexandra sees each read: which view, when, which coach.
    let alexs = reads(&app, &us.a, &us.space).await;
    assert_eq!(alexs.len(), 2, "{alexs:?}");
    assert_eq!(alexs[0]["coach"], "pat-coach");
    let views: Vec<&str> = alexs.iter().map(|r| r["view"].as_str().unwrap()).collect();
    assert_eq!(views, ["overview", "overview"]);

    // Both granted and both have the record on: both directions of the record appear.
    grant(&app, &us.b, &us.space, &coach, Some(json!({ "days": 30 }))).await;
    for who in [&us.a, &us.b] {
        call(
            &app,
            who,
            Method::PUT,
            &format!("/api/v1/spaces/{}/record/consent", us.space),
            None,
        )
        .await
        .ok();
    }
    let (_, seen) = overview(&app, &coach, &us.space).await;
    assert_eq!(names(&seen), ["alexandra", "samwise"]);
    assert_eq!(seen["record"].as_array().unwrap().len(), 2, "{seen}");
    assert_eq!(reads(&app, &us.b, &us.space).await.len(), 1);

    // Alexandra revokes: from the next request, only Samwise.
    revoke(&app, &us.a, &us.space, &coach).await;
    let (_, seen) = overview(&app, &coach, &us.space).await;
    assert_eq!(names(&seen), ["samwise"]);
    assert!(seen["record"].as_array().unwrap().is_empty());
    let alexs_before = reads(&app, &us.a, &us.space).await.len();

    // Samwise's 30 days run out: nothing.
    clock.advance_millis(30 * DAY_MS);
    coach.cookie = sign_in(&app, "pat-coach").await;
    let (_, seen) = overview(&app, &coach, &us.space).await;
    assert!(names(&seen).is_empty());
    assert_eq!(reads(&app, &us.a, &us.space).await.len(), alexs_before);

    // Samwise grants again, then leaves the space: his data goes with him at once.
    grant(&app, &us.b, &us.space, &coach, None).await;
    assert_eq!(
        names(&overview(&app, &coach, &us.space).await.1),
        ["samwise"]
    );
    call(
        &app,
        &us.b,
        Method::POST,
        &format!("/api/v1/spaces/{}/leave", us.space),
        None,
    )
    .await;
    assert!(names(&overview(&app, &coach, &us.space).await.1).is_empty());
    app.stop().await;
}

#[tokio::test]
async fn the_coach_sees_exactly_each_granted_partners_shared_data_on_sqlite() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    the_coach_sees_exactly_each_granted_partners_shared_data(app, clock).await;
}

#[tokio::test]
#[ignore = "needs PostgreSQL (STEADFAST_TEST_DATABASE_URL): scripts/test runs it"]
async fn the_coach_sees_exactly_each_granted_partners_shared_data_on_postgres() {
    let clock = test_clock();
    let app = TestApp::builder()
        .clock(&clock)
        .start_on(Backend::Postgres)
        .await
        .expect("STEADFAST_TEST_DATABASE_URL names the PostgreSQL test server");
    the_coach_sees_exactly_each_granted_partners_shared_data(app, clock).await;
}

/// Paths a coach may still post to: their own session and account.
fn own_account(path: &str) -> bool {
    [
        "/sign-in",
        "/sign-up",
        "/sign-out",
        "/exit",
        "/language",
        "/account/password",
        "/account/sign-out-others",
        "/account/sign-out-everywhere",
        "/account/recovery-codes",
        "/account/delete",
        "/api/v1/sessions",
        "/api/v1/sessions/current",
        "/api/v1/me/password",
        "/api/v1/me/recovery-codes",
        "/api/v1/me",
        "/api/v1/accounts",
    ]
    .contains(&path)
        || path.starts_with("/coach-invites/")
}

#[tokio::test]
async fn every_write_a_coach_attempts_is_refused_and_changes_nothing() {
    let app = TestApp::builder().start().await;
    let (us, coach) = coached_couple(&app).await;
    grant(&app, &us.a, &us.space, &coach, None).await;
    let space: SpaceId = us.space.parse().unwrap();
    let head = app.store.head(StreamId::Space(space)).await.unwrap();
    // The listed routes with a made-up space, and the couple's own space.
    let real: Vec<(String, String)> = STATE_CHANGING_ROUTES
        .iter()
        .map(|(method, path)| {
            (
                (*method).to_owned(),
                path.replace("00000000-0000-4000-8000-000000000001", &us.space),
            )
        })
        .collect();
    let all = STATE_CHANGING_ROUTES
        .iter()
        .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
        .chain(real);
    let mut tried = 0;
    for (method, path) in all {
        if own_account(&path) {
            continue;
        }
        tried += 1;
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = app
            .client
            .request(method.clone(), app.url(&path))
            .header("sec-fetch-site", "same-origin")
            .header(header::COOKIE, &coach.cookie);
        request = if path.starts_with("/api/") {
            request.json(&json!({ "name": "x", "text": "x" }))
        } else {
            request.form(&[("name", "x"), ("text", "x")])
        };
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{method} {path}");
        let body = response.text().await.unwrap();
        if path.starts_with("/api/") {
            assert!(
                body.contains(r#""error":"coach_read_only""#),
                "{path}: {body}"
            );
        } else {
            assert!(body.contains("Coaches can only read"), "{path}: {body}");
        }
    }
    assert!(tried > 100, "only {tried} routes tried");
    // Also with Polish words.
    let response = app
        .client
        .post(app.url(&format!("/spaces/{}/promises", us.space)))
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, &coach.cookie)
        .header(header::ACCEPT_LANGUAGE, "pl")
        .form(&[("text", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Coach może tylko czytać")
    );
    // Nothing was written to the space, and the coach is still signed in and reading.
    assert_eq!(app.store.head(StreamId::Space(space)).await.unwrap(), head);
    assert_eq!(overview(&app, &coach, &us.space).await.0, StatusCode::OK);
    // Partners' writes are untouched by the guard.
    grant(&app, &us.b, &us.space, &coach, None).await;
    app.stop().await;
}

#[tokio::test]
async fn a_coach_of_one_couple_gets_not_found_for_another() {
    let app = TestApp::builder().start().await;
    let (us, coach) = coached_couple(&app).await;
    let them = couple(&app, "jordan", "riley").await;
    grant(&app, &us.a, &us.space, &coach, None).await;
    for path in [
        format!("/coach/spaces/{}", them.space),
        format!("/coach/spaces/{}/report", them.space),
        format!("/spaces/{}", them.space),
        format!("/spaces/{}", us.space),
        format!("/spaces/{}/coach", us.space),
        "/coach/spaces/not-an-id".to_owned(),
    ] {
        let (status, _) = page(&app, &path, &coach.cookie).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(
        overview(&app, &coach, &them.space).await.0,
        StatusCode::NOT_FOUND
    );
    // The other couple cannot reach this couple's coaching, nor grant this coach anything.
    let (status, _) = page(&app, &format!("/spaces/{}/coach", us.space), &them.a.cookie).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    call(
        &app,
        &them.a,
        Method::POST,
        &format!("/api/v1/spaces/{}/coach/{}/grant", them.space, coach.id),
        None,
    )
    .await
    .refused(StatusCode::NOT_FOUND, "not_found");
    // A partner's account has no coach pages.
    let (status, _) = page(&app, "/coach", &us.a.cookie).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let response = app
        .api(
            Method::GET,
            "/api/v1/coach/spaces",
            None,
            Some(&us.a.cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // The coach's list holds only the couple that invited them.
    let response = app
        .api(
            Method::GET,
            "/api/v1/coach/spaces",
            None,
            Some(&coach.cookie),
        )
        .await;
    let listed: Value = response.json().await.unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["id"], us.space.as_str());
    app.stop().await;
}

#[tokio::test]
async fn a_coach_joins_by_invite_once_and_is_never_a_member() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "alexandra", "samwise").await;
    let link = coach_invite(&app, &us.a, &us.space).await;
    // Signed out: the invitation names the space and offers a coach account.
    let response = app.get(&link).await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("Ours") && html.contains("Create your coach account"),
        "{html}"
    );
    // A partner's account cannot use it: a clear refusal, and nothing changes.
    let (status, html) = page(&app, &link, &us.b.cookie).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(html.contains("for a coach"), "{html}");
    let (status, _, _) = post(&app, &format!("{link}/accept"), &[], &us.b.cookie).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // A bad form keeps the name and says what is wrong.
    let response = app
        .post_form(
            &format!("{link}/sign-up"),
            &[("username", "pat-coach"), ("password", "short")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"value="pat-coach""#), "{html}");
    // A name someone has is a conflict, as in the API, and the invite stays good.
    let response = app
        .post_form(
            &format!("{link}/sign-up"),
            &[
                ("username", "samwise"),
                ("password", "a long coach password"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let coach = sign_up_coach(&app, &link, "pat-coach").await;
    // Used once: the link says it no longer works, for anyone.
    let response = app.get(&link).await;
    assert_eq!(response.status(), StatusCode::GONE);
    let (status, _) = page(&app, "/coach-invites/nonsense", &coach).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The couple is still two partners; the coach is not among the members.
    let space = call(
        &app,
        &us.a,
        Method::GET,
        &format!("/api/v1/spaces/{}", us.space),
        None,
    )
    .await;
    let body = space.ok().to_string();
    assert!(!body.contains("pat-coach"), "{body}");
    let (_, html) = page(&app, &format!("/spaces/{}", us.space), &us.b.cookie).await;
    assert!(!html.contains("pat-coach"));
    // The coach's home lists the space; the navigation leads there.
    let (status, html) = page(&app, "/coach", &coach).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(&format!("/coach/spaces/{}", us.space)),
        "{html}"
    );
    assert!(html.contains(r#"href="/coach""#));
    // A withdrawn invite stops working too.
    let another = coach_invite(&app, &us.b, &us.space).await;
    let (_, html) = page(&app, &format!("/spaces/{}/coach", us.space), &us.b.cookie).await;
    let revoke_action = html
        .split("action=\"")
        .map(|rest| rest.split('"').next().unwrap())
        .find(|action| action.contains("/coach/invites/") && action.ends_with("/revoke"))
        .expect("a revoke button")
        .to_owned();
    let (status, _, to) = post(&app, &revoke_action, &[], &us.b.cookie).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(to.unwrap(), format!("/spaces/{}/coach", us.space));
    assert_eq!(app.get(&another).await.status(), StatusCode::GONE);
    app.stop().await;
}

#[tokio::test]
async fn granting_and_revoking_by_page_is_one_click_with_the_consent_note() {
    let app = TestApp::builder().start().await;
    let (us, coach) = coached_couple(&app).await;
    let settings = format!("/spaces/{}/coach", us.space);
    let (status, html) = page(&app, &settings, &us.a.cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("confirms your consent with you privately"),
        "{html}"
    );
    assert!(html.contains("You are not sharing anything with this coach."));
    let grant_action = format!("{settings}/{}/grant", coach.id);
    assert!(html.contains(&grant_action), "{html}");
    // Out of range: the form's answer, with the range in words; nothing granted.
    for days in ["0", "366", "lots", ""] {
        let (status, html, _) = post(&app, &grant_action, &[("days", days)], &us.a.cookie).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{days}");
        assert!(html.contains("from 1 to 365"), "{html}");
    }
    assert!(names(&overview(&app, &coach, &us.space).await.1).is_empty());
    let (status, _, to) = post(&app, &grant_action, &[("days", "90")], &us.a.cookie).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(to.unwrap(), settings);
    let (_, html) = page(&app, &settings, &us.a.cookie).await;
    assert!(
        html.contains("You share your data with this coach until"),
        "{html}"
    );
    assert_eq!(
        names(&overview(&app, &coach, &us.space).await.1),
        ["alexandra"]
    );
    // The read shows on her page, with its view; not on Samwise's.
    let (_, html) = page(&app, &settings, &us.a.cookie).await;
    assert!(
        html.contains("Progress overview") && html.contains("pat-coach"),
        "{html}"
    );
    let (_, html) = page(&app, &settings, &us.b.cookie).await;
    assert!(html.contains("No coach has read your data."), "{html}");
    assert!(!html.contains("You share your data"));
    // One click: revoked, effective on the coach's next request.
    let (status, _, _) = post(
        &app,
        &format!("{settings}/{}/revoke", coach.id),
        &[],
        &us.a.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(names(&overview(&app, &coach, &us.space).await.1).is_empty());
    // Granting a coach who is not this space's: not found.
    let (status, _, _) = post(
        &app,
        &format!("{settings}/00000000-0000-4000-8000-00000000abcd/grant"),
        &[("days", "90")],
        &us.a.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn reads_are_in_the_owners_export_and_not_in_the_partners() {
    let app = TestApp::builder().start().await;
    let (us, coach) = coached_couple(&app).await;
    grant(&app, &us.a, &us.space, &coach, None).await;
    let (status, html) = page(
        &app,
        &format!("/coach/spaces/{}/report", us.space),
        &coach.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("coach-report") && html.contains("data-print"),
        "{html}"
    );
    let alexs: Value = serde_json::from_str(&export(&app, &us.a).await).unwrap();
    let read = &alexs["coaching"]["reads"][0];
    assert_eq!(read["view"], "report");
    assert_eq!(read["coach"], "pat-coach");
    assert_eq!(alexs["coaching"]["grants"].as_array().unwrap().len(), 1);
    let sams: Value = serde_json::from_str(&export(&app, &us.b).await).unwrap();
    assert!(
        sams["coaching"]["reads"].as_array().unwrap().is_empty(),
        "{sams}"
    );
    assert!(sams["coaching"]["grants"].as_array().unwrap().is_empty());
    // The stylesheet prints the report without the site's chrome.
    let (_, html) = page(&app, "/help", &coach.cookie).await;
    let css_path = html
        .split("href=\"")
        .map(|rest| rest.split('"').next().unwrap())
        .find(|href| href.starts_with("/static/app.css"))
        .unwrap()
        .to_owned();
    let css = app.get(&css_path).await.text().await.unwrap();
    assert!(css.contains(".coach-report") && css.contains("@media print"));
    app.stop().await;
}
