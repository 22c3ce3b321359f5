//! A coach in a real browser: a partner invites a coach and grants access to her own shared data,
//! the coach reads the couple's progress and the printable report, the partner sees each read
//! and revokes in one click, and the coach's next page shows nothing of hers. Screenshots land
//! in `target/screenshots/coach-*.png`.

use reqwest::Method;

use crate::browser::{
    assert_accessible, click, sign_in, type_into, wait_for, wait_for_text, whole_page_screenshot,
};
use crate::checkins_api::{act, draft, full_answers, start};
use crate::support::TestApp;
use crate::support::api::call;
use crate::support::app::{session_cookie, test_clock};
use crate::support::browser::Browser;
use crate::support::pages::page;
use crate::support::people::{Couple, PASSWORD, couple};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Runs axe on the page, and checks that it fits a 412 px wide phone without sideways scrolling.
async fn check_page(browser: &Browser, page: &str) {
    assert_accessible(browser, page).await;
    let overflow = browser
        .client
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        overflow.as_i64(),
        Some(0),
        "{page} scrolls sideways on a phone"
    );
}

/// Three weekly check-ins over the API, Alexandra's felt trust rising, Samwise's steady.
async fn three_weeks(app: &TestApp, us: &Couple, clock: &steadfast_app::clock::ManualClock) {
    for (week, level) in [2, 3, 5].into_iter().enumerate() {
        let id = start(app, &us.a, &us.space).await;
        draft(
            app,
            &us.a,
            &us.space,
            &id,
            full_answers("alexprivate", level, 1),
        )
        .await
        .ok();
        draft(app, &us.b, &us.space, &id, full_answers("samprivate", 4, 1))
            .await
            .ok();
        act(app, &us.a, Method::POST, &us.space, &id, "submit")
            .await
            .ok();
        act(app, &us.b, Method::POST, &us.space, &id, "submit")
            .await
            .ok();
        if week < 2 {
            clock.advance_millis(7 * DAY_MS);
        }
    }
}

#[tokio::test]
#[ignore = "drives Chromium through chromedriver: scripts/test runs it"]
async fn a_coach_reads_a_granted_space_and_the_partner_revokes() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let us = couple(&app, "alexandra", "samwise").await;
    three_weeks(&app, &us, &clock).await;
    let (alex, coach) = (Browser::start().await, Browser::start().await);
    let settings = app.url(&format!("/spaces/{}/coach", us.space));

    // 1. Alexandra opens her space's coaching page and makes an invitation link.
    sign_in(&alex, &app, "alexandra", PASSWORD).await;
    alex.client.goto(&settings).await.unwrap();
    wait_for_text(&alex, "main", "confirms your consent with you privately").await;
    check_page(&alex, "the coaching page, no coach yet").await;
    whole_page_screenshot(&alex, "coach-1-settings-empty").await;
    click(&alex, r#"form[action$="/coach/invites"] button"#).await;
    let link = wait_for(&alex, "#coach-invite-link")
        .await
        .prop("value")
        .await
        .unwrap()
        .expect("a link");
    check_page(&alex, "the coach invitation link").await;
    alex.screenshot("coach-2-invite-link").await;

    // 2. The coach opens it, creates a coach account, and sees nothing yet.
    coach.client.goto(&link).await.unwrap();
    wait_for_text(&coach, "main", "Create your coach account").await;
    check_page(&coach, "the coach invitation").await;
    coach.screenshot("coach-3-invitation").await;
    type_into(&coach, "#username", "pat-coach").await;
    type_into(&coach, "#password", PASSWORD).await;
    click(&coach, "form button[type=submit]").await;
    wait_for(&coach, "ol.recovery-codes").await;
    click(&coach, "a.button").await;
    wait_for_text(
        &coach,
        "main",
        "Neither partner is sharing anything with you",
    )
    .await;
    check_page(&coach, "the coach's view, nothing granted").await;
    coach.screenshot("coach-4-nothing-granted").await;

    // 3. Alexandra grants (90 days by default).
    alex.client.goto(&settings).await.unwrap();
    let days = wait_for(&alex, r#"input[name="days"]"#)
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(days.as_deref(), Some("90"));
    click(&alex, r#"form.coach-grant-form button"#).await;
    wait_for_text(
        &alex,
        ".coach-granted",
        "You share your data with this coach until",
    )
    .await;
    check_page(&alex, "the coaching page, granted").await;
    alex.screenshot("coach-5-granted").await;

    // 4. The coach reads: Alexandra's felt trust and check-ins, nothing of Samwise's.
    coach.client.refresh().await.unwrap();
    let main = wait_for_text(&coach, "main", "alexandra").await;
    assert!(main.contains("3 check-ins completed."), "{main}");
    assert!(
        main.contains("From 2.0 at the first check-in to 5.0"),
        "{main}"
    );
    for hidden in ["samwise", "samprivate", "alexprivate"] {
        assert!(!main.contains(hidden), "the coach sees {hidden}");
    }
    wait_for(&coach, ".coach-partner svg").await;
    check_page(&coach, "the coach's view").await;
    whole_page_screenshot(&coach, "coach-6-overview").await;

    // Samwise grants too (over the API), and both keep the record on: the report shows both
    // partners, the record in each direction, and the repair section.
    let coach_id = call(
        &app,
        &us.b,
        Method::GET,
        &format!("/api/v1/spaces/{}/coach", us.space),
        None,
    )
    .await
    .ok()["coaches"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    call(
        &app,
        &us.b,
        Method::POST,
        &format!("/api/v1/spaces/{}/coach/{coach_id}/grant", us.space),
        None,
    )
    .await
    .ok();
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
    click(&coach, r#"a[href$="/report"]"#).await;
    wait_for_text(&coach, "h1", "Session report").await;
    let main = wait_for_text(&coach, "main", "samwise").await;
    assert!(
        main.contains("How alexandra's promises to samwise have gone"),
        "{main}"
    );
    assert!(main.contains("No open repair plan."), "{main}");
    for hidden in ["samprivate", "alexprivate"] {
        assert!(!main.contains(hidden), "the coach sees {hidden}");
    }
    check_page(&coach, "the printable report").await;
    whole_page_screenshot(&coach, "coach-7-report").await;

    // 5. Alexandra sees both reads, and revokes in one click.
    alex.client.refresh().await.unwrap();
    let reads = wait_for_text(&alex, ".coach-reads", "Printable session report").await;
    assert!(
        reads.contains("Progress overview") && reads.contains("pat-coach"),
        "{reads}"
    );
    whole_page_screenshot(&alex, "coach-8-reads").await;
    click(&alex, r#"form[action$="/revoke"] button"#).await;
    wait_for_text(&alex, ".coach-not-granted", "You are not sharing anything").await;
    check_page(&alex, "the coaching page, revoked").await;
    alex.screenshot("coach-9-revoked").await;

    // 6. The coach's next page holds nothing of hers: Samwise's data only, and no record.
    coach
        .client
        .goto(&app.url(&format!("/coach/spaces/{}", us.space)))
        .await
        .unwrap();
    let main = wait_for_text(&coach, "main", "samwise").await;
    assert!(!main.contains("alexandra"), "{main}");
    assert!(main.contains("Shown only when both partners"), "{main}");
    check_page(&coach, "the coach's view after a revoke").await;
    coach.screenshot("coach-10-after-revoke").await;

    // Samwise sees the reads of his data only: the report and the last overview, none of the
    // reads made while only Alexandra had granted.
    let fresh = app
        .api(
            Method::POST,
            "/api/v1/sessions",
            Some(serde_json::json!({ "username": "samwise", "password": PASSWORD })),
            None,
        )
        .await;
    let sams = session_cookie(&fresh).expect("signed in");
    let (_, html) = page(&app, &format!("/spaces/{}/coach", us.space), &sams).await;
    let reads = html.split("<tbody>").nth(1).unwrap_or_default();
    assert_eq!(reads.matches("<tr>").count(), 2, "{html}");

    alex.close().await;
    coach.close().await;
    app.stop().await;
}
