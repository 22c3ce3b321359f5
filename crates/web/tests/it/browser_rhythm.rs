//! The rhythm of a couple in real browsers: the space's time zone, a weekly ritual seen by two
//! partners in two time zones, the daily minute shared and kept private, and the calendar feed.
//! Screenshots land in `target/screenshots/rhythm-*.png`.

use std::io::BufReader;

use fantoccini::Locator;

use crate::browser::{
    assert_accessible, click, pair_in_browsers, scroll_to, sign_in, type_into, wait_for,
    wait_for_text, whole_page_screenshot,
};
use crate::rituals::DAY_MS;
use crate::support::TestApp;
use crate::support::app::test_clock;
use crate::support::browser::Browser;

/// The password `pair_in_browsers` signs both partners up with.
const BROWSER_PASSWORD: &str = "a long and private phrase";

/// Sets the value of the field `css` directly: a time input's typing depends on the browser's
/// locale.
async fn set_value(browser: &Browser, css: &str, value: &str) {
    wait_for(browser, css).await;
    browser
        .client
        .execute(
            "document.querySelector(arguments[0]).value = arguments[1]",
            vec![serde_json::json!(css), serde_json::json!(value)],
        )
        .await
        .unwrap();
}

/// Runs axe on the page, and checks that it fits a 412 px wide phone without sideways scrolling.
async fn check_page(browser: &Browser, page: &str) {
    assert_accessible(browser, page).await;
    browser.client.set_window_size(412, 915).await.unwrap();
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

/// Fills the daily minute on the open page; the caller saves it.
async fn write_daily(browser: &Browser, mood: u8, appreciation: &str, plan: &str, private: bool) {
    click(browser, &format!(r#"input[name="mood"][value="{mood}"]"#)).await;
    type_into(browser, "#appreciation", appreciation).await;
    type_into(browser, "#plan", plan).await;
    if private {
        click(browser, r#"input[name="private"]"#).await;
    }
}

#[tokio::test]
#[ignore = "drives Chromium through chromedriver: scripts/test runs it"]
async fn rituals_the_daily_minute_and_the_feed_across_two_time_zones() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    // Alex's device is in Warsaw, Sam's in New York: six hours apart in November.
    let (alex, sam) = (
        Browser::start_in_zone("Europe/Warsaw").await,
        Browser::start_in_zone("America/New_York").await,
    );
    let space = pair_in_browsers(&app, &alex, &sam).await;
    let sam_zone = sam
        .client
        .execute(
            "return Intl.DateTimeFormat().resolvedOptions().timeZone",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(sam_zone, "America/New_York", "the browser reports its zone");

    // 1. The space took Alex's zone when he made it; he tries a wrong name, then saves it.
    alex.client
        .goto(&format!("{space}/settings"))
        .await
        .unwrap();
    wait_for_text(&alex, "main", "Schedules are in Europe/Warsaw time.").await;
    check_page(&alex, "the settings, the creator's zone").await;
    alex.screenshot("rhythm-1-settings-creators-zone").await;
    let field = wait_for(&alex, "#zone").await;
    field.clear().await.unwrap();
    field.send_keys("Europe/Atlantis").await.unwrap();
    click(&alex, r#"form[action$="/time-zone"] button"#).await;
    wait_for(&alex, "#zone-error").await;
    check_page(&alex, "the settings, refused zone").await;
    alex.screenshot("rhythm-1-settings-refused").await;
    let field = wait_for(&alex, "#zone").await;
    field.clear().await.unwrap();
    field.send_keys("Europe/Warsaw").await.unwrap();
    click(&alex, r#"form[action$="/time-zone"] button"#).await;
    wait_for_text(
        &alex,
        ".notice",
        "Saved. This space now keeps Europe/Warsaw time.",
    )
    .await;
    assert!(alex.client.find(Locator::Css("#zone-error")).await.is_err());
    let kept = wait_for(&alex, "#zone").await.prop("value").await.unwrap();
    assert_eq!(kept.as_deref(), Some("Europe/Warsaw"));
    check_page(&alex, "the settings, zone set").await;
    alex.screenshot("rhythm-2-settings-set").await;

    // 2. Alex plans a weekly date night on Friday at 19:00, space time.
    alex.client.goto(&format!("{space}/rituals")).await.unwrap();
    wait_for_text(&alex, "main", "Schedules are in Europe/Warsaw time.").await;
    check_page(&alex, "the rituals page, empty").await;
    alex.screenshot("rhythm-3-rituals-empty").await;
    type_into(&alex, "#name", "Friday date night").await;
    click(&alex, r#"input[name="kind"][value="date_night"]"#).await;
    click(&alex, r#"input[name="day_fri"]"#).await;
    set_value(&alex, "#start", "19:00").await;
    scroll_to(&alex, "#plan-heading").await;
    alex.screenshot("rhythm-4-plan-form").await;
    whole_page_screenshot(&alex, "rhythm-4-plan-form-whole").await;
    click(&alex, r#"form[action$="/rituals"] button[type="submit"]"#).await;
    let line = wait_for_text(&alex, ".promise-list", "Friday date night").await;
    assert!(line.contains("Fri · 7 pm"), "{line}");
    assert!(line.contains("Europe/Warsaw"), "{line}");
    // The first Friday is 2026-11-20: 19:00 in Warsaw is 18:00 UTC, 13:00 in New York.
    assert!(
        line.contains("Fri 20 November, 7 pm"),
        "Alex's own time: {line}"
    );
    check_page(&alex, "the rituals page with a ritual").await;
    alex.screenshot("rhythm-5-rituals-alex").await;

    sam.client.goto(&format!("{space}/rituals")).await.unwrap();
    let line = wait_for_text(&sam, ".promise-list", "Friday date night").await;
    assert!(
        line.contains("Fri · 7 pm"),
        "the schedule in space time: {line}"
    );
    assert!(
        line.contains("Fri 20 November, 1 pm"),
        "Sam's own time: {line}"
    );
    check_page(&sam, "the rituals page in New York").await;
    sam.screenshot("rhythm-6-rituals-sam").await;
    click(&sam, ".promise-list a").await;
    let next = wait_for_text(&sam, "main", "Next times").await;
    assert!(next.contains("Fri 20 November, 1 pm"), "{next}");
    assert!(next.contains("Fri 27 November, 1 pm"), "{next}");
    check_page(&sam, "one ritual, for Sam").await;
    sam.screenshot("rhythm-7-ritual-sam").await;
    whole_page_screenshot(&sam, "rhythm-7-ritual-sam-whole").await;

    // 3. Sam writes the daily minute, shared; Alex sees it.
    sam.client.goto(&format!("{space}/daily")).await.unwrap();
    wait_for_text(&sam, "main", "Nothing written yet.").await;
    check_page(&sam, "the daily minute, empty").await;
    sam.screenshot("rhythm-8-daily-empty").await;
    write_daily(
        &sam,
        4,
        "the soup you left on the stove",
        "a walk before work",
        false,
    )
    .await;
    whole_page_screenshot(&sam, "rhythm-8-daily-filled-whole").await;
    click(&sam, r#"form[action$="/daily"] button[type="submit"]"#).await;
    wait_for_text(&sam, ".promise-list", "the soup you left on the stove").await;
    check_page(&sam, "the daily minute, written").await;
    whole_page_screenshot(&sam, "rhythm-9-daily-sam-written").await;

    alex.client.goto(&format!("{space}/daily")).await.unwrap();
    let seen = wait_for_text(&alex, ".promise-list", "the soup you left on the stove").await;
    assert!(seen.contains("sam-south"), "{seen}");
    assert!(seen.contains("a walk before work"), "{seen}");
    check_page(&alex, "the daily minute, the partner's entry").await;
    scroll_to(&alex, "#recent-heading").await;
    alex.screenshot("rhythm-10-daily-alex-sees").await;

    // 4. The next day, Sam keeps one to himself: Alex sees nothing of it.
    clock.advance_millis(DAY_MS);
    sign_in(&sam, &app, "sam-south", BROWSER_PASSWORD).await;
    sam.client.goto(&format!("{space}/daily")).await.unwrap();
    wait_for_text(&sam, "main", "Thu 19 November").await;
    write_daily(
        &sam,
        2,
        "nobody but me should read this",
        "sleep early",
        true,
    )
    .await;
    click(&sam, r#"form[action$="/daily"] button[type="submit"]"#).await;
    let mine = wait_for_text(&sam, ".promise-list", "nobody but me should read this").await;
    assert!(mine.contains("only you"), "{mine}");
    check_page(&sam, "the daily minute with a private entry").await;
    scroll_to(&sam, "#recent-heading").await;
    sam.screenshot("rhythm-11-daily-sam-private").await;

    sign_in(&alex, &app, "alex-north", BROWSER_PASSWORD).await;
    alex.client.goto(&format!("{space}/daily")).await.unwrap();
    let seen = wait_for_text(&alex, ".promise-list", "the soup you left on the stove").await;
    let page = wait_for(&alex, "body").await.html(false).await.unwrap();
    for trace in [
        "nobody but me",
        "sleep early",
        "Thu 19 November ·",
        "only you",
    ] {
        assert!(!page.contains(trace), "{trace:?} leaked to Alex: {seen}");
    }
    let cards = alex
        .client
        .find_all(Locator::Css(".promise-list li"))
        .await
        .unwrap();
    assert_eq!(cards.len(), 1, "only the shared entry");
    check_page(&alex, "the daily minute without the private entry").await;
    scroll_to(&alex, "#recent-heading").await;
    alex.screenshot("rhythm-12-daily-alex-no-private").await;

    // 5. Alex makes a calendar feed; the address shows once, and a parser reads it.
    alex.client
        .goto(&app.url("/account/calendar"))
        .await
        .unwrap();
    wait_for_text(&alex, "main", "You have no calendar feed.").await;
    check_page(&alex, "the calendar page, no feed").await;
    alex.screenshot("rhythm-13-calendar-none").await;
    click(&alex, r#"form[action="/account/calendar"] button"#).await;
    let address = wait_for(&alex, "code.secret").await.text().await.unwrap();
    assert!(
        address.starts_with(&app.url("/calendar/")) && address.ends_with(".ics"),
        "{address}"
    );
    check_page(&alex, "the calendar page with the address").await;
    alex.screenshot("rhythm-14-calendar-address").await;
    whole_page_screenshot(&alex, "rhythm-14-calendar-address-whole").await;
    // The address came as the answer to the form; coming back to the page does not show it.
    alex.client
        .goto(&app.url("/account/calendar"))
        .await
        .unwrap();
    wait_for_text(&alex, "main", "Your feed is on.").await;
    assert!(
        alex.client.find(Locator::Css("code.secret")).await.is_err(),
        "the address is shown once"
    );
    let page = wait_for(&alex, "body").await.html(false).await.unwrap();
    assert!(!page.contains(&address), "the address is shown once");
    check_page(&alex, "the calendar page, feed on").await;
    whole_page_screenshot(&alex, "rhythm-15-calendar-on-whole").await;

    let feed = reqwest::get(&address).await.unwrap();
    assert_eq!(feed.status(), reqwest::StatusCode::OK);
    let text = feed.text().await.unwrap();
    let mut calendars = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let calendar = calendars.next().expect("one calendar").expect("it parses");
    let starts: Vec<String> = calendar
        .events
        .iter()
        .flat_map(|event| &event.properties)
        .filter(|property| property.name == "DTSTART")
        .filter_map(|property| property.value.clone())
        .collect();
    assert!(
        starts.iter().any(|start| start == "20261120T180000Z"),
        "Friday 19:00 in Warsaw is 18:00 UTC: {starts:?}"
    );
    assert!(!text.contains("nobody but me"), "nothing private");

    alex.close().await;
    sam.close().await;
    app.stop().await;
}
