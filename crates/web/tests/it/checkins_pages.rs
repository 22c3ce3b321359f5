//! The weekly check-in as pages, without JavaScript: one step per page saved as a draft, sealing
//! by page until one's own submission, the break seen by both, forms that come back with the
//! text kept, the way to an open check-in, and isolation between couples.

use reqwest::{StatusCode, header};

use crate::checkins_api::ITEMS;
use crate::support::TestApp;
use crate::support::pages::location;
use crate::support::people::{Couple, couple};

async fn text(response: reqwest::Response) -> String {
    response.text().await.unwrap()
}

/// Starts a check-in from the list page; its page's path.
pub(crate) async fn start(app: &TestApp, cookie: &str, space: &str) -> String {
    let started = app
        .post_form_as(&format!("/spaces/{space}/checkins"), &[], cookie)
        .await;
    assert_eq!(started.status(), StatusCode::SEE_OTHER);
    location(&started)
}

async fn step(
    app: &TestApp,
    cookie: &str,
    checkin: &str,
    name: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.post_form_as(&format!("{checkin}/step/{name}"), form, cookie)
        .await
}

/// Goes through every step as a person would, each text marked with `mark`; then submits.
pub(crate) async fn answer_everything(
    app: &TestApp,
    cookie: &str,
    checkin: &str,
    mark: &str,
    feeling: &str,
) {
    let appreciation = format!("{mark} thanks for the tea");
    let went_right = format!("{mark} the walk");
    let topic = format!("{mark} I felt rushed");
    let heard = format!("{mark} you heard me");
    let requests = format!("{mark} ten quiet minutes");
    let trust: Vec<(&str, &str)> = ITEMS.iter().map(|item| (*item, "4")).collect();
    for (name, form) in [
        (
            "appreciations",
            vec![("appreciation_1", appreciation.as_str())],
        ),
        ("went_right", vec![("went_right", went_right.as_str())]),
        ("felt_trust", trust),
        (
            "topic",
            vec![
                ("topic", topic.as_str()),
                ("listener_notes", heard.as_str()),
            ],
        ),
        ("requests", vec![("requests", requests.as_str())]),
        ("how_it_went", vec![("how_it_went", feeling)]),
    ] {
        let saved = step(app, cookie, checkin, name, &form).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER, "{name}");
    }
    let review = text(app.get_as(checkin, cookie).await).await;
    assert!(review.contains(&appreciation), "the review shows the draft");
    let submitted = app
        .post_form_as(&format!("{checkin}/submit"), &[], cookie)
        .await;
    assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn answers_stay_sealed_by_page_until_ones_own_submission() {
    let app = TestApp::builder().start().await;
    let Couple { a, b, space } = couple(&app, "alex", "sam").await;
    let checkin = start(&app, &a.cookie, &space).await;
    answer_everything(&app, &a.cookie, &checkin, "alphasecret", "-5").await;
    let waiting = text(app.get_as(&checkin, &a.cookie).await).await;
    assert!(waiting.contains("Your answers are sealed"), "{waiting}");

    for path in [
        checkin.clone(),
        format!("{checkin}?step=review"),
        format!("/spaces/{space}/checkins"),
        format!("/spaces/{space}/record"),
        format!("/spaces/{space}"),
        "/account/export".to_owned(),
    ] {
        let page = text(app.get_as(&path, &b.cookie).await).await;
        assert!(!page.contains("alphasecret"), "{path}: {page}");
    }
    let seen = text(app.get_as(&checkin, &b.cookie).await).await;
    assert!(
        seen.contains("alex has finished; their answers open when you finish"),
        "{seen}"
    );

    answer_everything(&app, &b.cookie, &checkin, "bravosecret", "2").await;
    let both = text(app.get_as(&checkin, &b.cookie).await).await;
    assert!(both.contains("alphasecret I felt rushed"), "{both}");
    assert!(both.contains("bravosecret I felt rushed"));
    assert!(!both.contains("badly"), "Alex's -5 stays with Alex");
    let alex = text(app.get_as(&checkin, &a.cookie).await).await;
    assert!(alex.contains("bravosecret the walk"));
    assert!(alex.contains("-5 · badly"), "Alex sees their own");
    let export = text(app.get_as("/account/export", &b.cookie).await).await;
    assert!(export.contains("alphasecret"), "revealed, so exported");
    app.stop().await;
}

#[tokio::test]
async fn a_break_called_by_one_is_seen_by_the_other_and_each_resumes_at_their_step() {
    let app = TestApp::builder().start().await;
    let Couple { a, b, space } = couple(&app, "alex", "sam").await;
    let checkin = start(&app, &a.cookie, &space).await;
    step(
        &app,
        &a.cookie,
        &checkin,
        "appreciations",
        &[("appreciation_1", "the tea")],
    )
    .await;
    step(
        &app,
        &a.cookie,
        &checkin,
        "went_right",
        &[("went_right", "a walk")],
    )
    .await;
    let called = app
        .post_form_as(&format!("{checkin}/break"), &[], &b.cookie)
        .await;
    assert_eq!(called.status(), StatusCode::SEE_OTHER);
    let seen = text(app.get_as(&checkin, &a.cookie).await).await;
    assert!(seen.contains("A break, for both of you"), "{seen}");
    assert!(seen.contains("Your partner asked for a break"));
    // 20 minutes after the test clock's 11:06 UTC; no zone cookie, so in UTC and saying so.
    assert!(seen.contains("Wed 18 November, 11:26 am"), "{seen}");
    // Even a step asked for by address shows the break.
    let asked = text(
        app.get_as(&format!("{checkin}?step=topic"), &a.cookie)
            .await,
    )
    .await;
    assert!(asked.contains("A break, for both of you"));
    assert!(seen.contains("about 20 minutes left"), "{seen}");
    // Only Sam, who asked for it, can end it early: Alex is told so, and has no button for it.
    assert!(seen.contains("Only the one who asked for the break can end it early"));
    assert!(!seen.contains("/break/end"), "{seen}");
    let tried = app
        .post_form_as(&format!("{checkin}/break/end"), &[], &a.cookie)
        .await;
    assert_eq!(tried.status(), StatusCode::SEE_OTHER);
    let still = text(app.get_as(&checkin, &a.cookie).await).await;
    assert!(still.contains("A break, for both of you"), "{still}");
    let by_sam = text(app.get_as(&checkin, &b.cookie).await).await;
    assert!(by_sam.contains("You asked for a break"));
    assert!(by_sam.contains("/break/end"), "{by_sam}");
    let ended = app
        .post_form_as(&format!("{checkin}/break/end"), &[], &b.cookie)
        .await;
    assert_eq!(ended.status(), StatusCode::SEE_OTHER);
    let alex = text(app.get_as(&checkin, &a.cookie).await).await;
    assert!(
        alex.contains("Trust this week") && alex.contains("Step 3 of 7"),
        "{alex}"
    );
    let sam = text(app.get_as(&checkin, &b.cookie).await).await;
    assert!(sam.contains("Step 1 of 7"));
    app.stop().await;
}

#[tokio::test]
async fn calling_a_break_from_a_step_saves_what_was_typed_first() {
    let app = TestApp::builder().start().await;
    let Couple { a, b, space } = couple(&app, "alex", "sam").await;
    let checkin = start(&app, &a.cookie, &space).await;
    let called = app
        .post_form_as(
            &format!("{checkin}/step/went_right"),
            &[("went_right", "the quiet dinner"), ("go", "break")],
            &a.cookie,
        )
        .await;
    assert_eq!(called.status(), StatusCode::SEE_OTHER);
    let seen = text(app.get_as(&checkin, &b.cookie).await).await;
    assert!(seen.contains("A break, for both of you"), "{seen}");
    let alex = text(app.get_as(&checkin, &a.cookie).await).await;
    assert!(alex.contains("You asked for a break"), "{alex}");
    app.post_form_as(&format!("{checkin}/break/end"), &[], &a.cookie)
        .await;
    // Back at the step the break was called from, with the words typed before it.
    let back = text(app.get_as(&checkin, &a.cookie).await).await;
    assert!(back.contains("the quiet dinner"), "{back}");
    assert!(back.contains("Step 2 of 7"), "{back}");
    app.stop().await;
}

#[tokio::test]
async fn a_mistake_comes_back_with_everything_typed() {
    let app = TestApp::builder().start().await;
    let Couple { a, space, .. } = couple(&app, "alex", "sam").await;
    let checkin = start(&app, &a.cookie, &space).await;
    let long = "ł".repeat(281);
    let response = step(
        &app,
        &a.cookie,
        &checkin,
        "appreciations",
        &[("appreciation_1", "kept this"), ("appreciation_2", &long)],
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(response).await;
    assert!(page.contains("kept this") && page.contains(&long));
    assert!(
        page.contains("An appreciation has at most 280 characters."),
        "{page}"
    );
    let response = step(
        &app,
        &a.cookie,
        &checkin,
        "felt_trust",
        &[("showed_up", "5"), ("no_surprises", "9")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(response).await;
    assert!(page.contains("Choose a number from 0 to 6."), "{page}");
    assert!(
        page.contains(r#"name="showed_up" value="5" checked"#),
        "{page}"
    );
    // Finishing too soon says what is missing, on the review.
    let response = app
        .post_form_as(&format!("{checkin}/submit"), &[], &a.cookie)
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(response).await;
    assert!(
        page.contains("Please answer all nine trust statements"),
        "{page}"
    );
    app.stop().await;
}

#[tokio::test]
async fn starting_while_one_is_open_says_so_and_links_to_it() {
    let app = TestApp::builder().start().await;
    let Couple { a, b, space } = couple(&app, "alex", "sam").await;
    let checkin = start(&app, &a.cookie, &space).await;
    let again = app
        .post_form_as(&format!("/spaces/{space}/checkins"), &[], &b.cookie)
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let page = text(again).await;
    assert!(page.contains("A check-in is already open"), "{page}");
    assert!(page.contains(&format!(r#"href="{checkin}""#)), "{page}");
    let space_page = text(app.get_as(&format!("/spaces/{space}"), &a.cookie).await).await;
    assert!(space_page.contains(&format!(r#"href="/spaces/{space}/checkins""#)));
    app.stop().await;
}

#[tokio::test]
async fn another_couple_gets_not_found_pages() {
    let app = TestApp::builder().start().await;
    let ours = couple(&app, "alex", "sam").await;
    let theirs = couple(&app, "kim", "lee").await;
    let checkin = start(&app, &ours.a.cookie, &ours.space).await;
    for path in [
        format!("/spaces/{}/checkins", ours.space),
        checkin.clone(),
        format!("{checkin}?step=review"),
    ] {
        let response = app.get_as(&path, &theirs.a.cookie).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    for path in [
        format!("/spaces/{}/checkins", ours.space),
        format!("{checkin}/step/topic"),
        format!("{checkin}/submit"),
        format!("{checkin}/break"),
        format!("{checkin}/break/end"),
    ] {
        let response = app
            .post_form_as(&path, &[("topic", "x")], &theirs.a.cookie)
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    // A check-in of another space, addressed in one's own.
    let id = checkin.rsplit('/').next().unwrap();
    let response = app
        .get_as(
            &format!("/spaces/{}/checkins/{id}", theirs.space),
            &theirs.a.cookie,
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn the_steps_speak_polish() {
    let app = TestApp::builder().start().await;
    let Couple { a, space, .. } = couple(&app, "alex", "sam").await;
    let checkin = start(&app, &a.cookie, &space).await;
    let page = app
        .client
        .get(app.url(&format!("{checkin}?step=felt_trust")))
        .header(header::COOKIE, &a.cookie)
        .header(header::ACCEPT_LANGUAGE, "pl")
        .send()
        .await
        .unwrap();
    let page = text(page).await;
    assert!(page.contains("Zaufanie w tym tygodniu"), "{page}");
    assert!(page.contains("Wierzę, że drugiej osobie zależy na moim dobru."));
    app.stop().await;
}

#[tokio::test]
async fn felt_trust_is_drawn_on_the_list_and_beside_the_record_when_it_is_on() {
    let app = TestApp::builder()
        .config(steadfast_web::WebConfig {
            help_resources: vec![(
                "Couples clinic".to_owned(),
                "https://clinic.example".to_owned(),
            )],
            ..TestApp::test_config(&crate::support::app::test_clock())
        })
        .start()
        .await;
    let Couple { a, b, space } = couple(&app, "alex", "sam").await;
    let record = format!("/spaces/{space}/record");
    let list = format!("/spaces/{space}/checkins");
    let before = text(app.get_as(&list, &a.cookie).await).await;
    assert!(
        before.contains("After your first finished check-in"),
        "{before}"
    );
    for _ in 0..4 {
        let checkin = start(&app, &a.cookie, &space).await;
        answer_everything(&app, &a.cookie, &checkin, "a", "1").await;
        answer_everything(&app, &b.cookie, &checkin, "b", "0").await;
    }
    let page = text(app.get_as(&list, &a.cookie).await).await;
    assert!(page.contains(r#"<svg class="chart""#) && page.contains("chart-line-partner"));
    assert!(
        page.contains("a couples therapist can help"),
        "stuck after four flat weeks"
    );
    assert!(page.contains(r#"href="https://clinic.example""#));
    // The record is off: its page links to the check-ins and draws nothing of them.
    let off = text(app.get_as(&record, &a.cookie).await).await;
    assert!(off.contains(&format!(r#"href="{list}#trend""#)));
    assert!(!off.contains("felt-trust-title"));
    for who in [&a, &b] {
        let on = app
            .post_form_as(&format!("{record}/consent"), &[("on", "1")], &who.cookie)
            .await;
        assert_eq!(on.status(), StatusCode::SEE_OTHER);
    }
    let on = text(app.get_as(&record, &a.cookie).await).await;
    assert!(
        on.contains("Trust as it feels") && on.contains("felt-trust-title"),
        "{on}"
    );
    app.stop().await;
}
