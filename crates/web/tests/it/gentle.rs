//! The gentle start-up helper over the API, on the check-in's topic, and on every boundary and
//! repair form where one partner writes to the other: findings and an I-statement in both
//! languages, the text kept, nothing written by a check, and sharing as written always possible.

use reqwest::{Method, StatusCode};
use serde_json::json;
use steadfast_core::{SpaceId, StreamId};

use crate::checkins_api::start;
use crate::support::TestApp;
use crate::support::api;
use crate::support::api::call;
use crate::support::people::{Couple, Person, couple, person};

#[tokio::test]
async fn the_api_notices_harsh_openings_in_both_languages() {
    let app = TestApp::builder().start().await;
    let alex = person(&app, "alex").await;
    let english = call(
        &app,
        &alex,
        Method::POST,
        "/api/v1/gentle-start",
        Some(json!({ "text": "You never listen to me. Whatever.", "lang": "en" })),
    )
    .await;
    let body = english.ok().clone();
    let rules: Vec<&str> = body["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["blame", "sarcasm"]);
    assert_eq!(body["findings"][0]["words"], "You never");
    assert_eq!(body["findings"][0]["start"], 0);
    assert_eq!(body["findings"][0]["end"], 9);
    assert_eq!(
        body["suggestion"],
        "I feel … when you don't listen to me, and I need …"
    );
    let polish = call(
        &app,
        &alex,
        Method::POST,
        "/api/v1/gentle-start",
        Some(json!({ "text": "Przez ciebie się spóźniliśmy, jesteś taki leniwy", "lang": "pl" })),
    )
    .await;
    let body = polish.ok().clone();
    assert_eq!(body["findings"][0]["rule"], "blame");
    assert_eq!(body["findings"][1]["rule"], "contempt");
    assert_eq!(body["findings"][1]["label"], "pogarda");
    assert!(body["suggestion"].as_str().unwrap().starts_with("Czuję"));
    let kind = call(
        &app,
        &alex,
        Method::POST,
        "/api/v1/gentle-start",
        Some(json!({ "text": "Zawsze mogę na ciebie liczyć" })),
    )
    .await;
    assert_eq!(kind.ok()["findings"], json!([]));
    assert_eq!(kind.body["suggestion"], serde_json::Value::Null);
    app.stop().await;
}

#[tokio::test]
async fn the_api_refuses_bad_input_and_strangers() {
    let app = TestApp::builder().start().await;
    let alex = person(&app, "alex").await;
    call(
        &app,
        &alex,
        Method::POST,
        "/api/v1/gentle-start",
        Some(json!({ "text": "x", "lang": "de" })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "lang_invalid");
    call(
        &app,
        &alex,
        Method::POST,
        "/api/v1/gentle-start",
        Some(json!({ "text": "a".repeat(10_001) })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "text_too_long");
    call(
        &app,
        &alex,
        Method::POST,
        "/api/v1/gentle-start",
        Some(json!({ "words": "x" })),
    )
    .await
    .refused(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let anonymous = app
        .api(
            Method::POST,
            "/api/v1/gentle-start",
            Some(json!({ "text": "x" })),
            None,
        )
        .await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

#[tokio::test]
async fn check_my_words_shows_findings_keeps_the_text_and_saves_nothing() {
    let app = TestApp::builder().start().await;
    let Couple { a, space, .. } = couple(&app, "alex", "sam").await;
    let id = start(&app, &a, &space).await;
    let base = format!("/spaces/{space}/checkins/{id}");
    let page = app
        .get_as(&format!("{base}?step=topic"), &a.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!("formaction=\"{base}/step/topic/check\"")));
    let text = "You always leave the dishes for me";
    let checked = app
        .post_form_as(
            &format!("{base}/step/topic/check"),
            &[("topic", text), ("listener_notes", "")],
            &a.cookie,
        )
        .await;
    assert_eq!(checked.status(), StatusCode::OK);
    let html = checked.text().await.unwrap();
    assert!(html.contains(text), "the text is kept");
    assert!(html.contains("gentle-hint"));
    assert!(html.contains("I feel … when you leave the dishes for me, and I need …"));
    assert!(html.contains("you can always share what you wrote as it is"));
    // Nothing was saved by checking.
    let shown = call(
        &app,
        &a,
        Method::GET,
        &format!("/api/v1/spaces/{space}/checkins/{id}"),
        None,
    )
    .await;
    assert!(!shown.ok().to_string().contains("dishes"));
    // Sharing as written works as ever.
    let saved = app
        .post_form_as(
            &format!("{base}/step/topic"),
            &[("topic", text), ("listener_notes", ""), ("go", "next")],
            &a.cookie,
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let shown = call(
        &app,
        &a,
        Method::GET,
        &format!("/api/v1/spaces/{space}/checkins/{id}"),
        None,
    )
    .await;
    assert!(shown.ok().to_string().contains("dishes"));
    // Someone else's check-in, or another couple's, is not there to check.
    let other = couple(&app, "kim", "lee").await;
    let refused = app
        .post_form_as(
            &format!("{base}/step/topic/check"),
            &[("topic", text)],
            &other.a.cookie,
        )
        .await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn a_clear_text_is_said_to_be_clear_in_polish_too() {
    let app = TestApp::builder().start().await;
    let Couple { a, space, .. } = couple(&app, "alex", "sam").await;
    let id = start(&app, &a, &space).await;
    let checked = app
        .client
        .post(app.url(&format!("/spaces/{space}/checkins/{id}/step/topic/check")))
        .header("sec-fetch-site", "same-origin")
        .header("cookie", &a.cookie)
        .header("accept-language", "pl")
        .form(&[("topic", "Czuję się samotna, kiedy wracasz późno")])
        .send()
        .await
        .unwrap();
    assert_eq!(checked.status(), StatusCode::OK);
    let html = checked.text().await.unwrap();
    assert!(html.contains("Nic tu nie brzmi dla nas ostro"));
    app.stop().await;
}

// ---------------------------------------------------------------------------------------------
// "Check my words" on the boundary and repair forms: each one posts to the form's own action
// with `/check` added, and comes back with the hint under that form.

/// The head of the couple's space stream, and every event appended anywhere since the start.
async fn written(app: &TestApp, space: &str) -> (u64, u64) {
    let space: SpaceId = space.parse().unwrap();
    let head = app.store.head(StreamId::Space(space)).await.unwrap();
    (head, app.store.write_stats().appends())
}

/// One "Check my words" and what it should show.
struct Check<'a> {
    /// Who writes, and the partner who would read it.
    writer: &'a Person,
    partner: &'a Person,
    /// The check route, and the form as sent.
    path: String,
    form: Vec<(&'a str, &'a str)>,
    /// The text as written, and the words of it the helper should quote.
    text: &'a str,
    words: &'a str,
    /// The partner's view of what the text would join: over the API and as a page.
    api: String,
    page: String,
}

/// Checks the words: the page again with the hint under that form only, quoting `words`, and
/// the text kept; nothing written anywhere, and the partner's view as it was.
async fn check_changes_nothing(app: &TestApp, space: &str, check: &Check<'_>) {
    let before = written(app, space).await;
    let seen = call(app, check.partner, Method::GET, &check.api, None).await;
    let seen = seen.ok().clone();
    let checked = app
        .post_form_as(&check.path, &check.form, &check.writer.cookie)
        .await;
    assert_eq!(checked.status(), StatusCode::OK, "{}", check.path);
    let html = checked.text().await.unwrap();
    assert!(html.contains(check.text), "the text is kept: {html}");
    assert_eq!(html.matches(r#"id="gentle-hint""#).count(), 1, "{html}");
    assert!(html.contains(&format!("<q>{}</q>", check.words)), "{html}");
    assert!(html.contains("A few words may land harder than you mean them to"));
    assert!(html.contains("you can always share what you wrote as it is"));
    assert_eq!(written(app, space).await, before, "nothing was written");
    let after = call(app, check.partner, Method::GET, &check.api, None).await;
    assert_eq!(after.ok(), &seen, "the partner's view is the same");
    let page = app
        .get_as(&check.page, &check.partner.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains(check.text));
}

/// Sends the same text as written, by the form's own action: it goes through (and is written,
/// which the measure of a check sees), and the partner sees it.
async fn share_as_written(app: &TestApp, space: &str, check: &Check<'_>) {
    let before = written(app, space).await;
    let action = check.path.strip_suffix("/check").unwrap();
    let sent = app
        .post_form_as(action, &check.form, &check.writer.cookie)
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER, "{action}");
    let after = written(app, space).await;
    assert!(after.0 > before.0 && after.1 > before.1, "{action} wrote");
    let seen = call(app, check.partner, Method::GET, &check.api, None).await;
    assert!(seen.ok().to_string().contains(check.text), "{}", seen.body);
}

#[tokio::test]
async fn the_boundary_forms_check_the_words_and_still_send_them_as_written() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ash", "bea").await;
    let space = us.space.clone();
    let list = format!("/spaces/{space}/boundaries");
    let api_list = format!("/api/v1/spaces/{space}/boundaries");
    let listed = app.get_as(&list, &us.a.cookie).await.text().await.unwrap();
    assert!(listed.contains(&format!(r#"formaction="{list}/check""#)));
    assert!(!listed.contains("gentle-hint"), "no hint before a check");

    // The proposal: the boundary and its reason are checked together.
    let proposal = Check {
        writer: &us.a,
        partner: &us.b,
        path: format!("{list}/check"),
        form: vec![
            ("text", "Phone stays private"),
            ("why", "You never respect my privacy"),
        ],
        text: "You never respect my privacy",
        words: "You never",
        api: api_list.clone(),
        page: list.clone(),
    };
    check_changes_nothing(&app, &space, &proposal).await;
    share_as_written(&app, &space, &proposal).await;
    let boundary = call(&app, &us.a, Method::GET, &api_list, None).await;
    let id = boundary.ok()["boundaries"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let href = format!("{list}/{id}");
    let api_boundary = format!("/api/v1{href}");

    // The revision.
    let shown = app.get_as(&href, &us.a.cookie).await.text().await.unwrap();
    assert!(shown.contains(&format!(r#"formaction="{href}/revise/check""#)));
    let revision = Check {
        writer: &us.a,
        partner: &us.b,
        path: format!("{href}/revise/check"),
        form: vec![
            ("text", "My phone stays mine"),
            ("why", "Because you always read my messages"),
        ],
        text: "Because you always read my messages",
        words: "you always",
        api: api_boundary.clone(),
        page: href.clone(),
    };
    check_changes_nothing(&app, &space, &revision).await;
    share_as_written(&app, &space, &revision).await;

    // The apology for a crossing, by the partner who crossed it.
    for (step, form) in [("acknowledge", vec![]), ("crossings", vec![("when", "")])] {
        let done = app
            .post_form_as(&format!("{href}/{step}"), &form, &us.b.cookie)
            .await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER, "{step}");
    }
    let shown = call(&app, &us.a, Method::GET, &api_boundary, None).await;
    let crossing = shown.ok()["crossings"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let on_crossing = format!("{href}/crossings/{crossing}");
    let done = app
        .post_form_as(&format!("{on_crossing}/acknowledge"), &[], &us.b.cookie)
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let shown = app.get_as(&href, &us.b.cookie).await.text().await.unwrap();
    assert!(shown.contains(&format!(r#"formaction="{on_crossing}/apologise/check""#)));
    let apology = Check {
        writer: &us.b,
        partner: &us.a,
        path: format!("{on_crossing}/apologise/check"),
        form: vec![("apology", "Sorry. You never told me it mattered so much")],
        text: "Sorry. You never told me it mattered so much",
        words: "You never",
        api: api_boundary.clone(),
        page: href.clone(),
    };
    check_changes_nothing(&app, &space, &apology).await;
    share_as_written(&app, &space, &apology).await;
    app.stop().await;
}

#[tokio::test]
async fn the_repair_messages_check_the_words_and_still_send_them_as_written() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ada", "bea").await;
    let space = us.space.clone();
    let opened = call(
        &app,
        &us.b,
        Method::POST,
        &format!("/api/v1/spaces/{space}/repairs"),
        Some(json!({ "hurt": "me" })),
    )
    .await;
    let id = opened.created_id();
    for who in [&us.a, &us.b] {
        call(
            &app,
            who,
            Method::PUT,
            &format!("/api/v1/spaces/{space}/safety"),
            Some(json!({ "afraid": false, "pressured": false, "unsafe_now": false })),
        )
        .await
        .ok();
    }
    let plan = format!("/spaces/{space}/repairs/{id}");
    let api_plan = format!("/api/v1{plan}");
    let shown = app.get_as(&plan, &us.a.cookie).await.text().await.unwrap();
    assert!(!shown.contains("gentle-hint"), "no hint before a check");
    for (action, text, words) in [
        (
            "acknowledge",
            "I hid messages because you never listened",
            "you never",
        ),
        (
            "responsibility",
            "It was my choice, and it is your fault too",
            "your fault",
        ),
        ("apology", "I am sorry you always overreact", "you always"),
        ("progress", "Yeah right, a calmer week", "Yeah right"),
    ] {
        assert!(
            shown.contains(&format!(r#"formaction="{plan}/{action}/check""#)),
            "{action}"
        );
        let check = Check {
            writer: &us.a,
            partner: &us.b,
            path: format!("{plan}/{action}/check"),
            form: vec![("text", text)],
            text,
            words,
            api: api_plan.clone(),
            page: plan.clone(),
        };
        check_changes_nothing(&app, &space, &check).await;
        share_as_written(&app, &space, &check).await;
    }
    app.stop().await;
}

#[tokio::test]
async fn checks_are_refused_to_another_couple_and_for_forms_without_one() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ash", "bea").await;
    let them = couple(&app, "cyd", "dee").await;
    let space = us.space.clone();
    let made = app
        .post_form_as(
            &format!("/spaces/{space}/boundaries"),
            &[("text", "Phone stays private"), ("why", "")],
            &us.a.cookie,
        )
        .await;
    let href = made.headers()["location"].to_str().unwrap().to_owned();
    let opened = call(
        &app,
        &us.b,
        Method::POST,
        &format!("/api/v1/spaces/{space}/repairs"),
        Some(json!({ "hurt": "me" })),
    )
    .await;
    let plan = format!("/spaces/{space}/repairs/{}", opened.created_id());
    let before = written(&app, &space).await;
    let form = [
        ("text", "You never listen"),
        ("apology", "You never listen"),
    ];
    for path in [
        format!("/spaces/{space}/boundaries/check"),
        format!("{href}/revise/check"),
        format!("{href}/crossings/{}/apologise/check", api::NO_SUCH_ID),
        format!("{plan}/apology/check"),
    ] {
        let refused = app.post_form_as(&path, &form, &them.a.cookie).await;
        assert_eq!(refused.status(), StatusCode::NOT_FOUND, "{path}");
    }
    for path in [
        format!("{href}/withdraw/check"),
        format!("{href}/crossings/{}/resolve/check", api::NO_SUCH_ID),
        format!("{plan}/promise/check"),
        format!("{plan}/close/check"),
    ] {
        let refused = app.post_form_as(&path, &form, &us.a.cookie).await;
        assert_eq!(refused.status(), StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(written(&app, &space).await, before, "nothing was written");
    app.stop().await;
}

#[tokio::test]
async fn on_an_apology_the_helper_offers_an_apology_never_an_accusation() {
    for backend in [
        steadfast_store::Backend::Sqlite,
        steadfast_store::Backend::Postgres,
    ] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let alex = person(&app, "alex").await;
        let review = |body| {
            call(
                &app,
                &alex,
                Method::POST,
                "/api/v1/gentle-start",
                Some(body),
            )
        };
        let text = "I am sorry you always have to wait for me.";
        let message = review(json!({ "text": text, "lang": "en" })).await;
        assert_eq!(
            message.ok()["suggestion"],
            "I feel … when you have to wait for me, and I need …"
        );
        let apology = review(json!({ "text": text, "lang": "en", "field": "apology" })).await;
        assert_eq!(apology.ok()["findings"][0]["words"], "you always");
        let suggestion = apology.body["suggestion"].as_str().unwrap();
        assert!(suggestion.starts_with("I am sorry that I"), "{suggestion}");
        assert!(!suggestion.contains("when you"), "{suggestion}");
        let polish = review(json!({
            "text": "Przepraszam, że zawsze musisz na mnie czekać.",
            "lang": "pl",
            "field": "apology",
        }))
        .await;
        let suggestion = polish.ok()["suggestion"].as_str().unwrap();
        assert!(suggestion.starts_with("Przepraszam, że"), "{suggestion}");
        assert!(!suggestion.contains("Czuję"), "{suggestion}");
        // A charge of lying is noticed, and never carried into the suggestion.
        let lying = review(json!({ "text": "Ty zawsze kłamiesz.", "lang": "pl" })).await;
        assert_eq!(lying.ok()["findings"][0]["rule"], "blame");
        assert_eq!(lying.body["suggestion"], "Czuję …, kiedy …, i potrzebuję …");
        let lying = review(json!({ "text": "You're lying.", "lang": "en" })).await;
        assert_eq!(
            lying.ok()["findings"][0]["explanation_key"],
            "gentle-why-lying"
        );
        review(json!({ "text": "x", "field": "topic" }))
            .await
            .refused(StatusCode::UNPROCESSABLE_ENTITY, "field_invalid");

        // The same on the repair plan's apology form.
        let us = couple(&app, "ada", "bea").await;
        let space = us.space.clone();
        let id = call(
            &app,
            &us.b,
            Method::POST,
            &format!("/api/v1/spaces/{space}/repairs"),
            Some(json!({ "hurt": "me" })),
        )
        .await
        .created_id();
        for who in [&us.a, &us.b] {
            call(
                &app,
                who,
                Method::PUT,
                &format!("/api/v1/spaces/{space}/safety"),
                Some(json!({ "afraid": false, "pressured": false, "unsafe_now": false })),
            )
            .await
            .ok();
        }
        let checked = app
            .post_form_as(
                &format!("/spaces/{space}/repairs/{id}/apology/check"),
                &[("text", text)],
                &us.a.cookie,
            )
            .await;
        assert_eq!(checked.status(), StatusCode::OK);
        let html = checked.text().await.unwrap();
        assert!(html.contains("I am sorry that I …"), "{html}");
        assert!(!html.contains("I feel … when"), "{html}");
        app.stop().await;
    }
}
