//! Boundaries and appreciations as pages, over HTTP: each step by form by the partner whose step
//! it is, mistakes and refusals that come back with what was typed and change nothing, the
//! self-report shown as honesty, the balance page, and isolation between couples.

use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::support::TestApp;
use crate::support::pages::{json, page, post};
use crate::support::people::{Couple, couple_without_tokens};

async fn boundary_json(app: &TestApp, pair: &Couple, href: &str) -> Value {
    let response = app
        .api(
            Method::GET,
            &format!("/api/v1{href}"),
            None,
            Some(&pair.a.cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    json(response).await
}

#[tokio::test]
async fn a_crossing_goes_through_its_steps_by_form() {
    let app = TestApp::builder().start().await;
    let us = couple_without_tokens(&app, "ash", "bea", "Our place").await;
    let list = format!("/spaces/{}/boundaries", us.space);

    // A mistake comes back with what was typed and a message beside the field.
    let (status, body, _) = post(
        &app,
        &list,
        &[("text", " "), ("why", "kept words")],
        &us.a.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("kept words"));
    assert!(body.contains("Write the boundary."));

    let (status, _, location) = post(
        &app,
        &list,
        &[("text", "Phone stays private"), ("why", "")],
        &us.a.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let href = location.unwrap();
    let (_, listed) = page(&app, &list, &us.b.cookie).await;
    assert!(listed.contains("Phone stays private"));
    assert!(listed.contains("Waiting for you"));

    // A cannot acknowledge their own boundary: the page comes back with the refusal.
    let (status, body, _) = post(&app, &format!("{href}/acknowledge"), &[], &us.a.cookie).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body.contains("Only the partner asked to honour this boundary"));
    let (status, _, _) = post(&app, &format!("{href}/acknowledge"), &[], &us.b.cookie).await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // B tells A themselves; the page credits the honesty.
    let (_, shown) = page(&app, &href, &us.b.cookie).await;
    assert!(shown.contains("I crossed it"));
    let (status, _, _) = post(
        &app,
        &format!("{href}/crossings"),
        &[("when", "")],
        &us.b.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let crossing = boundary_json(&app, &us, &href).await["crossings"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, seen_by_a) = page(&app, &href, &us.a.cookie).await;
    assert!(seen_by_a.contains("Told honestly"));
    assert!(seen_by_a.contains("that took honesty"));

    let step = |name: &str| format!("{href}/crossings/{crossing}/{name}");
    let (status, _, _) = post(&app, &step("acknowledge"), &[], &us.b.cookie).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, body, _) = post(&app, &step("apologise"), &[("apology", "")], &us.b.cookie).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Write your apology."));
    let (status, _, _) = post(
        &app,
        &step("apologise"),
        &[("apology", "I looked. I am sorry.")],
        &us.b.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, body, _) = post(
        &app,
        &step("prevention"),
        &[("promise", "Ask first"), ("stakes", "9"), ("due", "")],
        &us.b.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Ask first"), "the typed step is kept");
    let (status, _, _) = post(
        &app,
        &step("prevention"),
        &[("promise", "Ask first"), ("stakes", "2"), ("due", "")],
        &us.b.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    for cookie in [&us.a.cookie, &us.b.cookie] {
        let (_, promises) = page(&app, &format!("/spaces/{}/promises", us.space), cookie).await;
        assert!(promises.contains("Ask first"));
    }
    // Only A resolves.
    let (status, _, _) = post(&app, &step("resolve"), &[], &us.b.cookie).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = post(&app, &step("resolve"), &[], &us.a.cookie).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let shown = boundary_json(&app, &us, &href).await;
    assert!(shown["crossings"][0]["resolved_at"].is_string());
    assert_eq!(shown["crossings"][0]["apology"], "I looked. I am sorry.");

    // Revising keeps the earlier wording on the page; withdrawing ends it.
    let (status, _, _) = post(
        &app,
        &format!("{href}/revise"),
        &[("text", "My phone stays mine"), ("why", "")],
        &us.a.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, shown) = page(&app, &href, &us.b.cookie).await;
    assert!(shown.contains("Earlier wordings"));
    assert!(shown.contains("Phone stays private"));
    let (status, _, _) = post(&app, &format!("{href}/withdraw"), &[], &us.a.cookie).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, _) = post(&app, &format!("{href}/nonsense"), &[], &us.a.cookie).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn the_appreciations_page_shows_the_balance_as_a_guide() {
    let app = TestApp::builder().start().await;
    let us = couple_without_tokens(&app, "ash", "bea", "Our place").await;
    let path = format!("/spaces/{}/appreciations", us.space);
    let (_, empty) = page(&app, &path, &us.a.cookie).await;
    assert!(empty.contains("not a score"));
    assert!(
        !empty.contains("Gottman"),
        "research is named on the help page only"
    );
    let (status, body, _) = post(&app, &path, &[("text", &"x".repeat(300))], &us.a.cookie).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains(&"x".repeat(300)), "the text is kept");
    let (status, _, _) = post(
        &app,
        &path,
        &[("text", "Thank you for the tea")],
        &us.a.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, shown) = page(&app, &path, &us.b.cookie).await;
    assert!(shown.contains("Thank you for the tea"));
    assert!(shown.contains("<svg class=\"balance-bar\""));
    assert!(shown.contains("Only positive moments"));
    app.stop().await;
}

#[tokio::test]
async fn another_couple_gets_not_found_on_every_page() {
    let app = TestApp::builder().start().await;
    let us = couple_without_tokens(&app, "ash", "bea", "Our place").await;
    let them = couple_without_tokens(&app, "cyd", "dee", "Our place").await;
    let list = format!("/spaces/{}/boundaries", us.space);
    let (_, _, location) = post(
        &app,
        &list,
        &[("text", "Phone stays private")],
        &us.a.cookie,
    )
    .await;
    let href = location.unwrap();
    for path in [
        list.clone(),
        href.clone(),
        format!("/spaces/{}/appreciations", us.space),
        format!(
            "/spaces/{}/boundaries/{}",
            them.space,
            href.rsplit('/').next().unwrap()
        ),
    ] {
        let (status, _) = page(&app, &path, &them.a.cookie).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    for (path, form) in [
        (list.clone(), vec![("text", "x")]),
        (format!("{href}/acknowledge"), vec![]),
        (format!("{href}/withdraw"), vec![]),
        (
            format!("/spaces/{}/appreciations", us.space),
            vec![("text", "x")],
        ),
    ] {
        let (status, _, _) = post(&app, &path, &form, &them.b.cookie).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    let shown = boundary_json(&app, &us, &href).await;
    assert_eq!(shown["status"], "proposed", "nothing was written");
    app.stop().await;
}

#[test]
fn celebrations_and_the_balance_never_speak_of_a_run_lost() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/locales");
    for (lang, words) in [
        (
            "en",
            &["lost", "lose", "streak", "broke your", "missed", "ended"][..],
        ),
        ("pl", &["strac", "utrac", "passa", "przerwa", "zerwan"][..]),
    ] {
        let ftl = std::fs::read_to_string(root.join(lang).join("boundaries.ftl")).unwrap();
        for line in ftl
            .lines()
            .filter(|l| l.starts_with("celebrate-") || l.starts_with("balance-"))
        {
            let lower = line.to_lowercase();
            for word in words {
                assert!(!lower.contains(word), "{lang}: {line}");
            }
        }
    }
}
