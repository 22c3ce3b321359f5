//! One partner writing at machine speed cannot bury the other (issue 14, item 9). Alex scripts
//! the API to write promises as fast as the server takes them, then patiently, one a second,
//! to pile up hundreds: the per-person write quota refuses the flood after its burst (429, never
//! a 500, nothing half-written), the cap on open promises holds however slowly he writes, Sam's
//! promises page and list stay a bounded page whatever Alex piles up, and Sam's export still
//! completes. All with the production quota, on both backends.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use steadfast_store::Backend;
use steadfast_web::WriteQuota;

use crate::support::TestApp;
use crate::support::api::{answer, call, export};
use crate::support::app::test_clock;
use crate::support::people::{Couple, Person, couple};

/// The most open promises one partner may have to the other (`steadfast_core::promise`).
const MAX_OPEN: usize = 100;

fn promise(n: usize) -> Value {
    json!({ "text": format!("flood promise number {n}"), "stakes": 1 })
}

fn promises_path(c: &Couple) -> String {
    format!("/api/v1/spaces/{}/promises", c.space)
}

/// Every promise `who` can list, following `next` from the first page to the last.
async fn list_all(app: &TestApp, who: &Person, c: &Couple) -> Vec<Value> {
    let mut all = Vec::new();
    let first = promises_path(c);
    let mut path = first.clone();
    loop {
        let page = call(app, who, Method::GET, &path, None).await;
        let body = page.ok().clone();
        let items = body["promises"].as_array().expect("a list").clone();
        assert!(
            items.len() <= 50,
            "a page holds at most 50: {}",
            items.len()
        );
        all.extend(items);
        match body["next"].as_str() {
            Some(after) => path = format!("{first}?after={after}"),
            None => return all,
        }
    }
}

#[tokio::test]
async fn a_flood_of_writes_is_refused_after_the_burst_never_a_500_and_nothing_half_written() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let clock = test_clock();
        let config = TestApp::test_config(&clock);
        assert_eq!(
            config.write_quota,
            WriteQuota::HUMAN,
            "the production quota"
        );
        let Some(app) = TestApp::builder().config(config).start_on(backend).await else {
            continue;
        };
        let c = couple(&app, "alex", "sam").await;
        let path = promises_path(&c);
        // As fast as the server takes them: all at once, from many connections.
        let mut flood = tokio::task::JoinSet::new();
        for n in 0..150 {
            let request = app
                .client
                .post(app.url(&path))
                .bearer_auth(c.a.token())
                .json(&promise(n));
            flood.spawn(async move { answer(request.send().await.unwrap()).await });
        }
        let answers = flood.join_all().await;
        let mut made = 0;
        for answer in &answers {
            assert!(!answer.status.is_server_error(), "{backend:?}: {answer:?}");
            match answer.status {
                StatusCode::CREATED => made += 1,
                _ => answer.refused(StatusCode::TOO_MANY_REQUESTS, "too_many_writes"),
            }
        }
        let burst = usize::try_from(WriteQuota::HUMAN.burst).unwrap();
        assert!(made <= burst, "{backend:?}: {made} made past the burst");
        // Inviting, accepting and the tokens were writes too; the rest of the burst went through.
        assert!(made >= burst - 5, "{backend:?}: only {made} made");
        // Nothing half-written: exactly the promises answered 201 exist.
        assert_eq!(list_all(&app, &c.a, &c).await.len(), made, "{backend:?}");

        // The refusal says how long to wait, in a header a client can follow.
        let refused = app
            .client
            .post(app.url(&path))
            .bearer_auth(c.a.token())
            .json(&promise(999))
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(refused.headers()[reqwest::header::RETRY_AFTER], "1");

        // On a page the form comes back with how long to wait and every word still there.
        let form = app
            .post_form_as(
                &format!("/spaces/{}/promises", c.space),
                &[("text", "walk the dog on sunday"), ("stakes", "2")],
                &c.a.cookie,
            )
            .await;
        assert_eq!(form.status(), StatusCode::TOO_MANY_REQUESTS, "{backend:?}");
        assert!(form.headers().contains_key(reqwest::header::RETRY_AFTER));
        let html = form.text().await.unwrap();
        assert!(html.contains("wait a second"), "{html}");
        assert!(html.contains("walk the dog on sunday"), "{html}");
        assert!(html.contains(r#"name="stakes" value="2""#), "{html}");

        // Sam's own writes are not held back by Alex's flood, and Alex's reads never are.
        call(&app, &c.b, Method::POST, &path, Some(promise(1_000)))
            .await
            .created();
        call(&app, &c.a, Method::GET, &path, None).await.ok();

        // A second later Alex may write again: the quota slows, it never locks out.
        clock.advance_millis(1_000);
        call(&app, &c.a, Method::POST, &path, Some(promise(1_001)))
            .await
            .created();
        app.stop().await;
    }
}

#[tokio::test]
async fn the_open_promise_cap_holds_however_patiently_a_partner_writes() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let clock = test_clock();
        let Some(app) = TestApp::builder().clock(&clock).start_on(backend).await else {
            continue;
        };
        let c = couple(&app, "alex", "sam").await;
        let path = promises_path(&c);
        for n in 0..MAX_OPEN {
            // One a second: the write quota never refuses this pace.
            clock.advance_millis(1_000);
            call(&app, &c.a, Method::POST, &path, Some(promise(n)))
                .await
                .created();
        }
        clock.advance_millis(1_000);
        let refused = call(&app, &c.a, Method::POST, &path, Some(promise(MAX_OPEN))).await;
        refused.refused(StatusCode::CONFLICT, "too_many_open");
        assert!(
            refused.body["message"]
                .as_str()
                .unwrap()
                .contains("release you"),
            "it says what to do: {}",
            refused.body
        );
        // The page says the same in the form, with the words kept.
        clock.advance_millis(1_000);
        let form = app
            .post_form_as(
                &format!("/spaces/{}/promises", c.space),
                &[("text", "one more for the pile"), ("stakes", "1")],
                &c.a.cookie,
            )
            .await;
        assert_eq!(form.status(), StatusCode::CONFLICT, "{backend:?}");
        let html = form.text().await.unwrap();
        assert!(html.contains("100 promises open"), "{html}");
        assert!(html.contains("one more for the pile"), "{html}");
        assert_eq!(list_all(&app, &c.a, &c).await.len(), MAX_OPEN);

        // Sam's promises are Sam's own: Alex's pile does not stop Sam promising.
        clock.advance_millis(1_000);
        call(&app, &c.b, Method::POST, &path, Some(promise(0)))
            .await
            .created();
        app.stop().await;
    }
}

#[tokio::test]
async fn the_partners_promises_page_stays_bounded_and_the_export_completes_while_hundreds_pile_up()
{
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let clock = test_clock();
        let Some(app) = TestApp::builder().clock(&clock).start_on(backend).await else {
            continue;
        };
        let c = couple(&app, "alex", "sam").await;
        let path = promises_path(&c);
        let baseline = app
            .get_as(&format!("/spaces/{}/promises", c.space), &c.b.cookie)
            .await
            .text()
            .await
            .unwrap()
            .len();
        // Alex piles up a hundred, Sam (asked nicely) releases him from them, and he piles up a
        // hundred more: 200 promises, 100 settled and 100 open, all on Sam's page.
        let mut ids = Vec::new();
        for n in 0..MAX_OPEN {
            clock.advance_millis(1_000);
            ids.push(
                call(&app, &c.a, Method::POST, &path, Some(promise(n)))
                    .await
                    .created_id(),
            );
        }
        for id in &ids {
            clock.advance_millis(1_000);
            call(
                &app,
                &c.b,
                Method::POST,
                &format!("{path}/{id}/release"),
                None,
            )
            .await
            .ok();
        }
        for n in MAX_OPEN..2 * MAX_OPEN {
            clock.advance_millis(1_000);
            call(&app, &c.a, Method::POST, &path, Some(promise(n)))
                .await
                .created();
        }

        // Sam's page lists one page of each list, not everything Alex wrote.
        let (status, html) = {
            let response = app
                .get_as(&format!("/spaces/{}/promises", c.space), &c.b.cookie)
                .await;
            (response.status(), response.text().await.unwrap())
        };
        assert_eq!(status, StatusCode::OK, "{backend:?}");
        let listed = html.matches("flood promise number").count();
        assert!(
            listed <= 50 + 20,
            "{backend:?}: {listed} promises on one page"
        );
        assert!(
            html.len() < baseline + 70 * 2_000,
            "{backend:?}: {} bytes",
            html.len()
        );
        assert!(html.contains("?page=2"), "the rest is a link away");
        let second = app
            .get_as(&format!("/spaces/{}/promises?page=2", c.space), &c.b.cookie)
            .await
            .text()
            .await
            .unwrap();
        assert!(second.matches("flood promise number").count() <= 50 + 20);

        // The API answers a page at a time, and following `next` reaches every promise once.
        let first = call(&app, &c.b, Method::GET, &path, None).await;
        assert_eq!(first.ok()["promises"].as_array().unwrap().len(), 50);
        assert!(first.body["next"].is_string());
        let all = list_all(&app, &c.b, &c).await;
        let mut seen: Vec<&str> = all.iter().filter_map(|p| p["id"].as_str()).collect();
        assert_eq!(seen.len(), 2 * MAX_OPEN);
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), 2 * MAX_OPEN, "{backend:?}: no promise twice");
        // An empty `after` is the first page; one that names nothing is not found, not guessed.
        let empty = call(&app, &c.b, Method::GET, &format!("{path}?after="), None).await;
        assert_eq!(empty.ok()["promises"], first.body["promises"]);
        let made_up = format!("{path}?after={}", uuid::Uuid::new_v4());
        let unknown = call(&app, &c.b, Method::GET, &made_up, None).await;
        assert_eq!(unknown.status, 404, "{backend:?}");
        assert_eq!(unknown.body["error"], "cursor_not_found");

        // Sam's export still completes, and holds all of it.
        let exported: Value = serde_json::from_str(&export(&app, &c.b).await).unwrap();
        let events = exported["spaces"][0]["events"].as_array().unwrap();
        let made = events
            .iter()
            .filter(|event| event["kind"] == "promise.made")
            .count();
        assert_eq!(made, 2 * MAX_OPEN, "{backend:?}");
        app.stop().await;
    }
}
