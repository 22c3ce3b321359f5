//! Leaving a space, and deleting an account, never take shared history from the one who stays
//! (issue 13, §3): over the API, the pages and the export, on both databases. The hurt partner
//! keeps, read-only and from "former partner", the promises made to them and how they went, the
//! apology, the boundary and its crossing, the repair plan and the record; the leaver's private
//! items never show; the leaver sees nothing of the stayer's any more; the deleted account's
//! name appears nowhere.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use steadfast_app::clock::ManualClock;
use steadfast_core::{SpaceId, StreamId, Visibility};
use steadfast_store::Backend;

use crate::support::TestApp;
use crate::support::api::{call, export};
use crate::support::app::test_clock;
use crate::support::pages::page;
use crate::support::people::{Couple, PASSWORD, Person, couple};

/// The leaver's words that are theirs alone: they must never reach the one who stays.
const PRIVATE_LOG: &str = "piotr-private-log-words";
const PRIVATE_JOURNAL: &str = "piotr-private-journal-words";
const MINUTE: i64 = 60_000;

fn path(space: &str, rest: &str) -> String {
    format!("/api/v1/spaces/{space}/{rest}")
}

async fn ok(app: &TestApp, who: &Person, method: Method, path: &str, body: Option<Value>) -> Value {
    let answer = call(app, who, method, path, body).await;
    assert!(
        answer.status.is_success(),
        "{path}: {} {}",
        answer.status,
        answer.body
    );
    answer.body
}

/// What the couple lived through before Piotr (b) left Hana (a): ids of what the test reads.
struct History {
    kept: String,
    broken: String,
    open: String,
    hers: String,
    boundary: String,
    repair: String,
}

/// Hana and Piotr: one kept promise, one broken with an apology, one still open; her promise to
/// him; her boundary he acknowledged and crossed; a repair plan with his acknowledgement; the
/// record on; his private repair log and journal.
async fn lived(app: &TestApp, us: &Couple, clock: &ManualClock) -> History {
    let (hana, piotr, space) = (&us.a, &us.b, us.space.as_str());
    for who in [hana, piotr] {
        ok(app, who, Method::PUT, &path(space, "record/consent"), None).await;
        let safe = json!({ "afraid": false, "pressured": false, "unsafe_now": false });
        ok(app, who, Method::PUT, &path(space, "safety"), Some(safe)).await;
    }
    let promise = |who: &'static str, text: &'static str| {
        let who = if who == "piotr" { piotr } else { hana };
        async move {
            let body = json!({ "text": text, "stakes": 1 });
            let made = ok(app, who, Method::POST, &path(space, "promises"), Some(body)).await;
            made["id"].as_str().unwrap().to_owned()
        }
    };
    clock.advance_millis(MINUTE);
    let kept = promise("piotr", "call at lunch").await;
    ok(
        app,
        hana,
        Method::POST,
        &path(space, &format!("promises/{kept}/kept")),
        None,
    )
    .await;
    let broken = promise("piotr", "be home by ten").await;
    let breach = json!({ "severity": 2, "deception": false });
    let on_broken = |rest: &str| path(space, &format!("promises/{broken}/{rest}"));
    ok(app, hana, Method::POST, &on_broken("broken"), Some(breach)).await;
    let sorry = json!({ "text": "I am sorry I was late again" });
    ok(
        app,
        piotr,
        Method::POST,
        &on_broken("apologise"),
        Some(sorry),
    )
    .await;
    let open = promise("piotr", "text when I land").await;
    let hers = promise("hana", "plan the weekend").await;

    let boundary = json!({ "text": "My phone stays mine", "why": "it is mine" });
    let boundary = ok(
        app,
        hana,
        Method::POST,
        &path(space, "boundaries"),
        Some(boundary),
    )
    .await;
    let boundary = boundary["id"].as_str().unwrap().to_owned();
    let on_boundary = |rest: &str| path(space, &format!("boundaries/{boundary}/{rest}"));
    ok(app, piotr, Method::POST, &on_boundary("acknowledge"), None).await;
    ok(app, piotr, Method::POST, &on_boundary("crossings"), None).await;

    let plan = json!({ "hurt": "me", "promise": broken });
    let repair = ok(app, hana, Method::POST, &path(space, "repairs"), Some(plan)).await;
    let repair = repair["id"].as_str().unwrap().to_owned();
    let words = json!({ "text": "I kept coming home late and hid why" });
    let acknowledge = path(space, &format!("repairs/{repair}/acknowledge"));
    ok(app, piotr, Method::POST, &acknowledge, Some(words)).await;

    let log = json!({ "text": PRIVATE_LOG });
    ok(
        app,
        piotr,
        Method::POST,
        &path(space, "repairs/log"),
        Some(log),
    )
    .await;
    let entry = json!({ "text": PRIVATE_JOURNAL });
    ok(app, piotr, Method::POST, "/api/v1/journal", Some(entry)).await;
    History {
        kept,
        broken,
        open,
        hers,
        boundary,
        repair,
    }
}

async fn leave(app: &TestApp, who: &Person, space: &str) {
    ok(app, who, Method::POST, &path(space, "leave"), None).await;
}

/// Everything Hana keeps, read over the API, the pages and her export. `name` is the leaver's
/// login name, which must appear nowhere.
async fn hana_keeps_the_history(app: &TestApp, us: &Couple, h: &History, name: &str) {
    let (hana, space) = (&us.a, us.space.as_str());

    // API: the promises, read-only, from the former partner; the open one ended by leaving.
    let listed = ok(app, hana, Method::GET, &path(space, "promises"), None).await;
    let promises = listed["promises"].as_array().unwrap();
    let ids: Vec<&str> = promises.iter().map(|p| p["id"].as_str().unwrap()).collect();
    for id in [&h.kept, &h.broken, &h.open, &h.hers] {
        assert!(ids.contains(&id.as_str()), "{listed}");
    }
    assert!(promises.iter().all(|p| p["read_only"] == true), "{listed}");
    assert!(promises.iter().all(|p| p["next_steps"] == json!([])));
    let open = ok(
        app,
        hana,
        Method::GET,
        &path(space, &format!("promises/{}", h.open)),
        None,
    )
    .await;
    assert_eq!(open["status"], "open");
    assert_eq!(open["ended_by_leaving"], true);
    let broken = path(space, &format!("promises/{}", h.broken));
    let broken = ok(app, hana, Method::GET, &broken, None).await;
    assert_eq!(broken["status"], "broken");
    assert_eq!(
        broken["after_miss"]["apologies"][0]["text"],
        "I am sorry I was late again"
    );
    assert!(
        broken["history"]
            .as_array()
            .unwrap()
            .iter()
            .any(|step| step["by"] == "former_partner"),
        "{broken}"
    );
    // Nothing can be done with it: no step needs someone who is gone.
    let kept = path(space, &format!("promises/{}/kept", h.open));
    call(app, hana, Method::POST, &kept, None)
        .await
        .refused(StatusCode::NOT_FOUND, "not_found");

    // The record still counts what she confirmed.
    let record = ok(app, hana, Method::GET, &path(space, "record"), None).await;
    let theirs = record["directions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["yours"] == false)
        .unwrap_or_else(|| panic!("{record}"));
    assert_eq!(
        (theirs["kept"].clone(), theirs["broken"].clone()),
        (json!(1), json!(1))
    );
    assert_eq!(theirs["promiser"], Value::Null);
    assert_eq!(theirs["former_partner"], true);

    // The boundary with its crossing, and the repair plan with his words.
    let boundaries = ok(app, hana, Method::GET, &path(space, "boundaries"), None).await;
    let boundary = &boundaries["boundaries"][0];
    assert_eq!(boundary["id"], h.boundary.as_str());
    assert_eq!(boundary["read_only"], true);
    assert_eq!(boundary["crossings"].as_array().unwrap().len(), 1);
    let repair = path(space, &format!("repairs/{}", h.repair));
    let repair = ok(app, hana, Method::GET, &repair, None).await;
    assert_eq!(
        repair["acknowledgement"]["text"],
        "I kept coming home late and hid why"
    );
    assert_eq!(repair["read_only"], true);

    // Pages: the same history, from "former partner", with no form that would fail.
    let space_path = format!("/spaces/{space}");
    let (status, html) = page(app, &format!("{space_path}/promises"), &hana.cookie).await;
    assert_eq!(status, StatusCode::OK);
    for words in [
        "call at lunch",
        "be home by ten",
        "text when I land",
        "former partner",
    ] {
        assert!(html.contains(words), "{words}: {html}");
    }
    assert!(
        !html.contains(r#"name="stakes""#),
        "no form to make a promise: {html}"
    );
    let promise_page = format!("{space_path}/promises/{}", h.open);
    let (status, html) = page(app, &promise_page, &hana.cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Ended when your partner left"), "{html}");
    let step_form = format!(r#"action="{promise_page}/"#);
    assert!(
        !html.contains(&step_form),
        "no button that would fail: {html}"
    );
    let broken_page = format!("{space_path}/promises/{}", h.broken);
    let (_, html) = page(app, &broken_page, &hana.cookie).await;
    assert!(html.contains("I am sorry I was late again"), "{html}");
    let step_form = format!(r#"action="{broken_page}/"#);
    assert!(!html.contains(&step_form), "no step on it: {html}");
    let boundary_page = format!("{space_path}/boundaries/{}", h.boundary);
    let (status, html) = page(app, &boundary_page, &hana.cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("My phone stays mine"), "{html}");
    let step_form = format!(r#"action="{boundary_page}/"#);
    assert!(!html.contains(&step_form), "no step on it: {html}");
    let repair_page = format!("{space_path}/repairs/{}", h.repair);
    let (status, html) = page(app, &repair_page, &hana.cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("I kept coming home late and hid why"),
        "{html}"
    );
    let (status, html) = page(app, &format!("{space_path}/record"), &hana.cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("former partner"), "{html}");
    let mut seen = Vec::new();
    for rest in [
        "",
        "/promises",
        "/boundaries",
        "/repairs",
        "/record",
        &promise_page[space_path.len()..],
    ] {
        seen.push(
            page(app, &format!("{space_path}{rest}"), &hana.cookie)
                .await
                .1,
        );
    }

    // Her export: the shared history, from the former partner.
    let exported = export(app, hana).await;
    for words in [
        "call at lunch",
        "I am sorry I was late again",
        "My phone stays mine",
        "former_partner",
    ] {
        assert!(exported.contains(words), "{words}: {exported}");
    }
    seen.push(exported);
    seen.push(listed.to_string());
    seen.push(record.to_string());
    seen.push(boundaries.to_string());

    // Never: his private words, nor his name.
    for text in &seen {
        for never in [PRIVATE_LOG, PRIVATE_JOURNAL, name] {
            assert!(
                !text.contains(never),
                "{never} reached the one who stayed: {text}"
            );
        }
    }
}

#[tokio::test]
async fn the_partner_who_stays_keeps_the_shared_history_after_a_leave_and_after_a_deletion() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let clock = test_clock();
        let Some(app) = TestApp::builder().clock(&clock).start_on(backend).await else {
            continue;
        };
        let us = couple(&app, "hana", "piotrek").await;
        let history = lived(&app, &us, &clock).await;
        clock.advance_millis(MINUTE);
        leave(&app, &us.b, &us.space).await;
        clock.advance_millis(MINUTE);

        hana_keeps_the_history(&app, &us, &history, "piotrek").await;

        // The leaver reaches nothing of the space, and his export holds only his own.
        call(&app, &us.b, Method::GET, &path(&us.space, "promises"), None)
            .await
            .refused(StatusCode::NOT_FOUND, "not_found");
        let his = export(&app, &us.b).await;
        assert!(his.contains("call at lunch"), "his own stays his");
        for hers in ["plan the weekend", "My phone stays mine"] {
            assert!(!his.contains(hers), "{hers} reached the leaver: {his}");
        }

        // He deletes his account: the history stays hers, his private items and name go.
        let deleted = app
            .api(
                Method::DELETE,
                "/api/v1/me",
                Some(json!({ "password": PASSWORD })),
                Some(&us.b.cookie),
            )
            .await;
        assert!(deleted.status().is_success(), "{}", deleted.status());
        hana_keeps_the_history(&app, &us, &history, "piotrek").await;
        let space: SpaceId = us.space.parse().unwrap();
        let left = app.store.read(StreamId::Space(space), 1).await.unwrap();
        let his = left
            .iter()
            .find(|e| e.event.payload.to_string().contains("call at lunch"))
            .map(|e| e.event.author)
            .expect("his promise stays");
        assert!(
            left.iter()
                .filter(|e| e.event.author == his)
                .all(|e| e.event.visibility == Visibility::Shared),
            "nothing private of his is left"
        );
        assert!(!format!("{left:?}").contains(PRIVATE_LOG));
        let his_stream = app.store.read(StreamId::Person(his), 1).await.unwrap();
        assert!(his_stream.is_empty(), "his journal is erased");
        app.stop().await;
    }
}

#[tokio::test]
async fn the_leaver_cannot_keep_watching_and_coming_back_takes_a_new_invite() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let clock = test_clock();
        let Some(app) = TestApp::builder().clock(&clock).start_on(backend).await else {
            continue;
        };
        let us = couple(&app, "mira", "jonas").await;
        clock.advance_millis(MINUTE);
        let body = json!({ "text": "water the plants", "stakes": 1 });
        let before = ok(
            &app,
            &us.a,
            Method::POST,
            &path(&us.space, "promises"),
            Some(body),
        )
        .await;
        let before = before["id"].as_str().unwrap().to_owned();
        clock.advance_millis(MINUTE);
        leave(&app, &us.b, &us.space).await;
        clock.advance_millis(MINUTE);

        // What she writes afterwards never reaches him, however often he looks.
        let ritual = json!({
            "name": "a walk alone", "kind": "date_night", "weekdays": ["fri"], "start": "19:00",
            "duration_minutes": 30, "first_date": "2026-11-20"
        });
        ok(
            &app,
            &us.a,
            Method::POST,
            &path(&us.space, "rituals"),
            Some(ritual),
        )
        .await;
        for _ in 0..2 {
            call(&app, &us.b, Method::GET, &path(&us.space, "promises"), None)
                .await
                .refused(StatusCode::NOT_FOUND, "not_found");
            call(&app, &us.b, Method::GET, &path(&us.space, "rituals"), None)
                .await
                .refused(StatusCode::NOT_FOUND, "not_found");
            let his = export(&app, &us.b).await;
            assert!(!his.contains("water the plants") && !his.contains("a walk alone"));
        }
        // She keeps her own promise to him, read-only.
        let shown = path(&us.space, &format!("promises/{before}"));
        assert_eq!(
            ok(&app, &us.a, Method::GET, &shown, None).await["read_only"],
            true
        );

        // Only a new invite from her brings him back: then the pairing is current again.
        clock.advance_millis(MINUTE);
        let invite = ok(&app, &us.a, Method::POST, &path(&us.space, "invites"), None).await;
        let token = invite["token"].as_str().unwrap();
        ok(
            &app,
            &us.b,
            Method::POST,
            &format!("/api/v1/invites/{token}/accept"),
            None,
        )
        .await;
        let again = ok(&app, &us.b, Method::GET, &shown, None).await;
        assert_eq!(again["read_only"], false);
        app.stop().await;
    }
}
