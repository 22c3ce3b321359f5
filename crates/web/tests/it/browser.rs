//! Journeys in a real browser. Screenshots land in `target/screenshots/`.

use std::time::Duration;

use fantoccini::Locator;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use steadfast_web::WebConfig;

use crate::support::TestApp;
use crate::support::app::test_clock;
use crate::support::browser::Browser;
use crate::support::people::PASSWORD;

#[tokio::test]
#[ignore = "drives Chromium through chromedriver: scripts/test runs it"]
async fn home_page_switches_to_polish_and_is_accessible() {
    let app = TestApp::builder().start().await;
    let browser = Browser::start().await;
    let client = &browser.client;

    client.goto(&app.url("/")).await.unwrap();
    let title = client
        .find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(title, "Trust, built in small steps");
    let violations = browser.accessibility_violations().await;
    assert!(
        violations.is_empty(),
        "axe found problems in English: {violations:#?}"
    );
    browser.screenshot("home-en").await;

    client
        .find(Locator::Css(r#"button[value="pl"]"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The form posts, the server redirects back, and the page comes again in Polish.
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(r#"html[lang="pl"]"#))
        .await
        .unwrap();
    let title = client
        .find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(title, "Zaufanie budowane małymi krokami");
    assert_eq!(client.current_url().await.unwrap().path(), "/");

    let violations = browser.accessibility_violations().await;
    assert!(
        violations.is_empty(),
        "axe found problems in Polish: {violations:#?}"
    );
    let shot = browser.screenshot("home-pl").await;
    assert!(
        std::fs::metadata(&shot).unwrap().len() > 10_000,
        "the screenshot shows a page"
    );
    client
        .execute("document.querySelector('footer').scrollIntoView()", vec![])
        .await
        .unwrap();
    browser.screenshot("home-pl-footer").await;

    browser.close().await;
    app.stop().await;
}

#[tokio::test]
#[ignore = "drives Chromium through chromedriver: scripts/test runs it"]
async fn shift_pressed_three_times_leaves_without_a_way_back() {
    // Another local server stands in for the ordinary website: the test machine has no
    // outside network.
    let landing = TestApp::builder().start().await;
    let exit_to = landing.url("/healthz");
    let app = TestApp::builder()
        .config(WebConfig {
            quick_exit_url: exit_to.clone(),
            ..TestApp::test_config(&test_clock())
        })
        .start()
        .await;

    let browser = Browser::start().await;
    let client = &browser.client;
    client.goto("about:blank").await.unwrap();
    client.goto(&app.url("/sign-in")).await.unwrap();

    // Typing capitals and symbols uses Shift too, but never sets the quick exit off.
    let name = client.find(Locator::Css("#username")).await.unwrap();
    name.send_keys("Alex & Sam ABC").await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        client.current_url().await.unwrap().path(),
        "/sign-in",
        "typing left the page"
    );

    let mut keys = KeyActions::new("keyboard".into());
    for _ in 0..3 {
        keys = keys
            .then(KeyAction::Down {
                value: Key::Shift.into(),
            })
            .then(KeyAction::Up {
                value: Key::Shift.into(),
            });
    }
    client.perform_actions(keys).await.unwrap();

    let mut left = false;
    for _ in 0..50 {
        if client.current_url().await.unwrap().as_str() == exit_to {
            left = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(left, "three Shift presses did not leave the page");

    // The page was replaced in history: Back does not return to Steadfast.
    client.back().await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let after_back = client.current_url().await.unwrap();
    assert_ne!(
        after_back.as_str(),
        app.url("/"),
        "Back returned to Steadfast"
    );

    browser.close().await;
    app.stop().await;
    landing.stop().await;
}

#[tokio::test]
#[ignore = "drives Chromium through chromedriver: scripts/test runs it"]
async fn a_person_signs_up_in_the_browser_and_stays_signed_in() {
    let app = TestApp::builder().start().await;
    let browser = Browser::start().await;
    let client = &browser.client;

    client.goto(&app.url("/sign-up")).await.unwrap();
    let violations = browser.accessibility_violations().await;
    assert!(
        violations.is_empty(),
        "axe found problems on sign-up: {violations:#?}"
    );
    client
        .find(Locator::Css("#username"))
        .await
        .unwrap()
        .send_keys("morning-tea")
        .await
        .unwrap();
    client
        .find(Locator::Css("#password"))
        .await
        .unwrap()
        .send_keys("password")
        .await
        .unwrap();
    client
        .find(Locator::Css("form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();

    // A common password: the form comes back with the name kept and the reason beside the field.
    let error = client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("#password-error"))
        .await
        .unwrap();
    assert!(
        error
            .text()
            .await
            .unwrap()
            .contains("most common passwords")
    );
    let kept = client
        .find(Locator::Css("#username"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("morning-tea"));
    let violations = browser.accessibility_violations().await;
    assert!(
        violations.is_empty(),
        "axe found problems on the refused form: {violations:#?}"
    );
    browser.screenshot("sign-up-refused").await;

    client
        .find(Locator::Css("#password"))
        .await
        .unwrap()
        .send_keys("kettle on the windowsill")
        .await
        .unwrap();
    client
        .find(Locator::Css("form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("ol.recovery-codes"))
        .await
        .unwrap();
    let codes = client
        .find_all(Locator::Css("ol.recovery-codes li"))
        .await
        .unwrap();
    assert_eq!(codes.len(), 10);
    browser.screenshot("recovery-codes").await;

    // The session cookie (Secure, __Host-) holds on this loopback address: the next page knows
    // the person.
    client
        .find(Locator::Css(r#"main a[href="/start"]"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(r#"a[href="/account"]"#))
        .await
        .unwrap();
    client.goto(&app.url("/account")).await.unwrap();
    let heading = client
        .find(Locator::Css("main h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(heading, "Your account");
    let violations = browser.accessibility_violations().await;
    assert!(
        violations.is_empty(),
        "axe found problems on the account page: {violations:#?}"
    );
    browser.screenshot("account").await;

    // In Polish, the person chooses feminine forms; the page says so and keeps the choice.
    client
        .find(Locator::Css(r#"button[value="pl"]"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(r#"html[lang="pl"]"#))
        .await
        .unwrap();
    client
        .find(Locator::Css(
            r#"input[name="grammatical_form"][value="feminine"]"#,
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .find(Locator::Css(
            r#"form[action="/account/grammatical-form"] button[type="submit"]"#,
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The radio was checked before the form was sent, so it cannot tell the saved page from the
    // one before: wait for the saved page's notice, then read the choice on that page.
    let notice = wait_for_text(&browser, "p.notice", "Zapisane.").await;
    client
        .find(Locator::Css(r#"input[value="feminine"]:checked"#))
        .await
        .unwrap();
    assert!(notice.starts_with("Zapisane."), "{notice}");
    let violations = browser.accessibility_violations().await;
    assert!(
        violations.is_empty(),
        "axe found problems on the Polish account page: {violations:#?}"
    );
    scroll_to(&browser, "#grammatical-form-heading").await;
    browser.screenshot("account-grammatical-form-pl").await;

    browser.close().await;
    app.stop().await;
}

/// Fills the sign-up form and waits for the recovery codes, then continues.
async fn sign_up_in(browser: &Browser, app: &TestApp, username: &str) {
    let client = &browser.client;
    client.goto(&app.url("/sign-up")).await.unwrap();
    client
        .find(Locator::Css("#username"))
        .await
        .unwrap()
        .send_keys(username)
        .await
        .unwrap();
    client
        .find(Locator::Css("#password"))
        .await
        .unwrap()
        .send_keys("a long and private phrase")
        .await
        .unwrap();
    client
        .find(Locator::Css("form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("ol.recovery-codes"))
        .await
        .unwrap();
}

/// Waits until the element `css` holds `needle`, and returns its whole text. Clicking a form
/// button returns before the next page has loaded; polling for what the next page says is the
/// only reliable way to know it is there.
pub(super) async fn wait_for_text(browser: &Browser, css: &str, needle: &str) -> String {
    let mut last = String::new();
    for _ in 0..100 {
        if let Ok(element) = browser.client.find(Locator::Css(css)).await
            && let Ok(text) = element.text().await
        {
            if text.contains(needle) {
                return text;
            }
            last = text;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} never said {needle:?}; last: {last:?}");
}

/// The element `css`, once the page shows it.
pub(super) async fn wait_for(browser: &Browser, css: &str) -> fantoccini::elements::Element {
    browser
        .client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|error| panic!("{css} never appeared: {error}"))
}

pub(super) async fn assert_accessible(browser: &Browser, page: &str) {
    let violations = browser.accessibility_violations().await;
    assert!(
        violations.is_empty(),
        "axe found problems on {page}: {violations:#?}"
    );
}

#[tokio::test]
#[ignore = "drives Chromium through chromedriver: scripts/test runs it"]
async fn two_partners_pair_in_two_browsers_and_one_leaves() {
    let app = TestApp::builder().start().await;
    let (alex, sam) = (Browser::start().await, Browser::start().await);

    // Alex signs up, creates a space and invites a partner.
    sign_up_in(&alex, &app, "alex-north").await;
    alex.client.goto(&app.url("/spaces")).await.unwrap();
    alex.client
        .find(Locator::Css("#name"))
        .await
        .unwrap()
        .send_keys("Our place")
        .await
        .unwrap();
    alex.client
        .find(Locator::Css(r#"form[action="/spaces"] button"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&alex, "main h1", "Our place").await;
    wait_for_text(&alex, ".waiting", "Waiting for your partner").await;
    assert_accessible(&alex, "the new space").await;
    alex.screenshot("pairing-1-solo-space").await;

    alex.client
        .find(Locator::Css(r#"form[action$="/invites"] button"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let link = alex
        .client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("#invite-link"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .expect("an invite link");
    assert!(link.starts_with(&app.url("/invites/")), "{link}");
    assert_accessible(&alex, "the invite link").await;
    alex.screenshot("pairing-2-invite-link").await;

    // Sam opens the link in another browser, creates an account on the way, and joins.
    sam.client.goto(&link).await.unwrap();
    sam.screenshot("pairing-3-invite-welcome").await;
    sam.client
        .find(Locator::Css(r#"a.button.secondary"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&sam, "#username")
        .await
        .send_keys("sam-south")
        .await
        .unwrap();
    sam.client
        .find(Locator::Css("#password"))
        .await
        .unwrap()
        .send_keys("another private phrase")
        .await
        .unwrap();
    sam.client
        .find(Locator::Css("form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    sam.client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("ol.recovery-codes"))
        .await
        .unwrap();
    // Joining is offered right under the codes, one tap on.
    assert_accessible(&sam, "the codes, with joining").await;
    sam.screenshot("pairing-4-codes-then-join").await;
    sam.client
        .find(Locator::Css(r#"form[action$="/accept"] button"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&sam, "main h1", "Our place").await;
    let members = wait_for_text(&sam, ".space-members", "alex-north").await;
    assert!(
        members.contains("alex-north") && members.contains("sam-south"),
        "{members}"
    );
    sam.screenshot("pairing-5-sam-joined").await;

    // Both see the space with both of them.
    alex.client.goto(&app.url("/spaces")).await.unwrap();
    alex.client
        .find(Locator::LinkText("Our place"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let members = wait_for_text(&alex, ".space-members", "sam-south").await;
    assert!(
        members.contains("alex-north") && members.contains("sam-south"),
        "{members}"
    );
    assert_accessible(&alex, "the paired space").await;
    alex.screenshot("pairing-6-alex-sees-sam").await;
    let space_url = alex.client.current_url().await.unwrap().to_string();

    // Sam leaves, alone and at once.
    sam.client
        .find(Locator::Css(r#"a[href$="/leave"]"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let confirm = wait_for(&sam, r#"form[action$="/leave"] button"#).await;
    assert_accessible(&sam, "the leave confirmation").await;
    sam.screenshot("pairing-7-leave-confirm").await;
    confirm.click().await.unwrap();
    let left = wait_for_text(&sam, "main", "You are no longer in this space").await;
    assert!(
        !left.contains("alex-north"),
        "the leaver sees nothing of the other: {left}"
    );
    sam.screenshot("pairing-8-sam-left").await;

    // Alex, on the next request, learns only that the pairing ended.
    alex.client.goto(&space_url).await.unwrap();
    let page = wait_for_text(&alex, "main", "The pairing in this space has ended").await;
    assert!(
        !page.contains("sam-south"),
        "nothing of the ex-partner remains: {page}"
    );
    assert_accessible(&alex, "the space after the pairing ended").await;
    alex.screenshot("pairing-9-alex-after").await;

    alex.close().await;
    sam.close().await;
    app.stop().await;
}

/// Clicks the element `css` holds (a button or a link).
pub(super) async fn click(browser: &Browser, css: &str) {
    wait_for(browser, css)
        .await
        .click()
        .await
        .unwrap_or_else(|error| panic!("cannot click {css}: {error}"));
}

/// Scrolls the element `css` to the top of the window, for a screenshot of that part of a page.
pub(super) async fn scroll_to(browser: &Browser, css: &str) {
    browser
        .client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView()",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap();
}

/// A screenshot of the whole page, not just the window: the window grows to the page's height
/// for it, then returns to the phone's size it had.
pub(super) async fn whole_page_screenshot(browser: &Browser, name: &str) {
    let (width, window_height) = browser
        .client
        .get_window_size()
        .await
        .map(|(w, h)| (w as u32, h as u32))
        .unwrap_or((412, 915));
    let height = browser
        .client
        .execute("return document.documentElement.scrollHeight", vec![])
        .await
        .unwrap()
        .as_u64()
        .unwrap_or(915);
    let tall = u32::try_from(height)
        .unwrap_or(window_height)
        .clamp(window_height, 6000)
        + 140;
    browser.client.set_window_size(width, tall).await.unwrap();
    browser.screenshot(name).await;
    browser
        .client
        .set_window_size(width, window_height)
        .await
        .unwrap();
}

/// Two people sign up in their own browsers and pair by the invite link; answers the space's
/// address.
pub(super) async fn pair_in_browsers(app: &TestApp, alex: &Browser, sam: &Browser) -> String {
    sign_up_in(alex, app, "alex-north").await;
    sign_up_in(sam, app, "sam-south").await;
    alex.client.goto(&app.url("/spaces")).await.unwrap();
    wait_for(alex, "#name")
        .await
        .send_keys("Our place")
        .await
        .unwrap();
    click(alex, r#"form[action="/spaces"] button"#).await;
    wait_for_text(alex, ".waiting", "Waiting for your partner").await;
    let space = alex.client.current_url().await.unwrap().to_string();
    click(alex, r#"form[action$="/invites"] button"#).await;
    let link = wait_for(alex, "#invite-link")
        .await
        .prop("value")
        .await
        .unwrap()
        .expect("an invite link");
    sam.client.goto(&link).await.unwrap();
    click(sam, r#"form[action$="/accept"] button"#).await;
    wait_for_text(sam, ".space-members", "alex-north").await;
    space
}

/// Where the record stands now, from "From 50% at the start to 67% now: …" in the first
/// direction on a record page (the one figure shown even while it is too early to say).
async fn expected_percent(browser: &Browser) -> u32 {
    let text = wait_for_text(browser, ".record .record-change", "%").await;
    text.split('%')
        .nth(1)
        .map(|part| {
            part.chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
        })
        .and_then(|digits| digits.parse().ok())
        .unwrap_or_else(|| panic!("no percentage now in {text:?}"))
}

#[tokio::test]
#[ignore = "drives Chromium through chromedriver: scripts/test runs it"]
async fn a_kept_promise_moves_the_record_both_partners_switched_on() {
    let app = TestApp::builder().start().await;
    let (alex, sam) = (Browser::start().await, Browser::start().await);
    let space = pair_in_browsers(&app, &alex, &sam).await;
    let record = format!("{space}/record");

    // The space leads to both; the record explains itself and waits for both switches.
    sam.client.goto(&space).await.unwrap();
    wait_for(&sam, r#"a[href$="/promises"]"#).await;
    assert_accessible(&sam, "the space with its links").await;
    sam.screenshot("promises-0-space").await;
    alex.client.goto(&record).await.unwrap();
    wait_for_text(&alex, "main", "What the record is").await;
    assert_accessible(&alex, "the record, switched off").await;
    alex.screenshot("promises-1-record-off").await;
    whole_page_screenshot(&alex, "promises-1-record-off-whole").await;
    click(&alex, r#"form[action$="/record/consent"] button"#).await;
    wait_for_text(&alex, ".consent-list", "You have switched it on.").await;
    sam.client.goto(&record).await.unwrap();
    wait_for_text(&sam, ".consent-list", "alex-north has switched it on.").await;
    click(&sam, r#"form[action$="/record/consent"] button"#).await;
    wait_for_text(&sam, "main", "How your promises have gone").await;
    assert!(
        sam.client.find(Locator::Css("svg.chart")).await.is_err(),
        "no chart before anything was confirmed"
    );
    assert_accessible(&sam, "the record, on and empty").await;
    sam.screenshot("promises-2-record-before").await;

    // Sam promises Alex something small.
    sam.client.goto(&format!("{space}/promises")).await.unwrap();
    let text = wait_for(&sam, "#text").await;
    sam.screenshot("promises-3-list-empty").await;
    text.send_keys("I will text when I leave work")
        .await
        .unwrap();
    click(&sam, r#"input[name="stakes"][value="3"]"#).await;
    wait_for(&sam, "#domain")
        .await
        .send_keys("time")
        .await
        .unwrap();
    assert_accessible(&sam, "the promises page with the form").await;
    scroll_to(&sam, "#make-heading").await;
    sam.screenshot("promises-4-form").await;
    click(&sam, r#"form[action$="/promises"] button[type="submit"]"#).await;
    wait_for_text(&sam, "main h1", "Your promise to alex-north").await;
    assert_accessible(&sam, "the promiser's promise page").await;
    sam.screenshot("promises-5-promise-promiser").await;
    click(&sam, "details.step summary").await;
    whole_page_screenshot(&sam, "promises-5-promise-promiser-whole").await;

    // Sam marks it done.
    click(&sam, r#"form[action$="/done"] button"#).await;
    wait_for_text(&sam, "main", "Waiting for alex-north to confirm it.").await;
    sam.screenshot("promises-6-promise-done").await;

    // Alex sees it, with the steps that are Alex's, and confirms it was kept.
    alex.client
        .goto(&format!("{space}/promises"))
        .await
        .unwrap();
    wait_for_text(&alex, "main", "I will text when I leave work").await;
    assert_accessible(&alex, "the receiver's promise list").await;
    alex.screenshot("promises-7-list-receiver").await;
    whole_page_screenshot(&alex, "promises-7-list-receiver-whole").await;
    click(&alex, ".promise-list .promise-text a").await;
    wait_for_text(&alex, "main h1", "A promise from sam-south").await;
    let steps = alex
        .client
        .find_all(Locator::Css(r#"main form[action*="/promises/"]"#))
        .await
        .unwrap();
    assert_eq!(steps.len(), 4, "kept, not yet, not kept, release");
    // The folded form opens for the check, so axe sees its fields too.
    click(&alex, "details.step summary").await;
    assert_accessible(&alex, "the receiver's promise page").await;
    alex.screenshot("promises-8-promise-receiver").await;
    whole_page_screenshot(&alex, "promises-8-promise-receiver-whole").await;
    scroll_to(&alex, "#actions-heading").await;
    alex.screenshot("promises-9-receiver-steps").await;
    click(&alex, r#"form[action$="/kept"] button"#).await;
    wait_for_text(&alex, ".facts", "Kept").await;
    wait_for_text(&alex, ".history", "confirmed it was kept").await;
    alex.screenshot("promises-10-kept").await;

    // The record, for Alex: Sam's promises to Alex went up, with the chart and why.
    alex.client.goto(&record).await.unwrap();
    let percent = expected_percent(&alex).await;
    assert!(
        percent > 50,
        "a kept promise lifts the record above 50%: {percent}"
    );
    let chart = wait_for(&alex, ".record svg.chart[role=img]").await;
    let title = chart
        .find(Locator::Css("title"))
        .await
        .unwrap()
        .html(true)
        .await
        .unwrap();
    assert_eq!(title, "The record over time");
    wait_for_text(&alex, ".why-list", "I will text when I leave work").await;
    assert_accessible(&alex, "the record with a kept promise").await;
    alex.screenshot("promises-11-record-after").await;
    whole_page_screenshot(&alex, "promises-11-record-after-whole").await;
    scroll_to(&alex, ".record-body").await;
    alex.screenshot("promises-12-record-chart").await;

    // Either switches it off alone: gone for both on the next request.
    sam.client.goto(&record).await.unwrap();
    wait_for(&sam, ".record svg.chart").await;
    click(&sam, r#"form[action$="/record/consent"] button"#).await;
    wait_for_text(&sam, "main", "What the record is").await;
    alex.client.goto(&record).await.unwrap();
    wait_for_text(&alex, ".consent-list", "sam-south has not switched it on.").await;
    assert!(alex.client.find(Locator::Css("svg.chart")).await.is_err());
    alex.screenshot("promises-13-record-off-again").await;

    alex.close().await;
    sam.close().await;
    app.stop().await;
}

const TRUST_ITEMS: [&str; 9] = [
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

/// Types `text` into the field `css` once the page shows it.
pub(super) async fn type_into(browser: &Browser, css: &str, text: &str) {
    wait_for(browser, css)
        .await
        .send_keys(text)
        .await
        .unwrap_or_else(|error| panic!("cannot type into {css}: {error}"));
}

/// Saves the step on screen and waits for the next one.
async fn save_and_continue(browser: &Browser, next_heading: &str) {
    click(browser, r#"button[name="go"][value="next"]"#).await;
    wait_for_text(browser, "#step-heading", next_heading).await;
}

/// Answers every step of the open check-in page as `who`, with `shots` taken of each step under
/// that prefix; stops on the review.
async fn answer_check_in(browser: &Browser, who: &str, level: &str, feeling: &str, shots: &str) {
    type_into(
        browser,
        "#appreciation-1",
        &format!("{who}: thank you for making soup on Tuesday"),
    )
    .await;
    type_into(
        browser,
        "#appreciation-2",
        &format!("{who}: you listened when I was upset"),
    )
    .await;
    assert_accessible(browser, "the appreciations step").await;
    browser
        .screenshot(&format!("{shots}-1-appreciations"))
        .await;
    save_and_continue(browser, "What went right").await;
    type_into(
        browser,
        "#went-right",
        &format!("{who}: our Sunday walk without phones"),
    )
    .await;
    save_and_continue(browser, "Trust this week").await;
    for item in TRUST_ITEMS {
        click(
            browser,
            &format!(r#"input[name="{item}"][value="{level}"]"#),
        )
        .await;
    }
    assert_accessible(browser, "the felt-trust step").await;
    crate::browser_first_run::assert_fits(browser, "the felt-trust step").await;
    browser.screenshot(&format!("{shots}-2-felt-trust")).await;
    whole_page_screenshot(browser, &format!("{shots}-2-felt-trust-whole")).await;
    save_and_continue(browser, "One topic, in turns").await;
    type_into(
        browser,
        "#topic",
        &format!("{who}: I felt rushed in the mornings and I need ten quiet minutes."),
    )
    .await;
    type_into(
        browser,
        "#listener-notes",
        &format!("{who} heard: you feel the evenings are all chores."),
    )
    .await;
    assert_accessible(browser, "the topic step").await;
    whole_page_screenshot(browser, &format!("{shots}-3-topic-whole")).await;
    save_and_continue(browser, "Requests for next week").await;
    type_into(
        browser,
        "#requests",
        &format!("{who}: a call if you will be late"),
    )
    .await;
    save_and_continue(browser, "How did that go for me").await;
    click(
        browser,
        &format!(r#"input[name="how_it_went"][value="{feeling}"]"#),
    )
    .await;
    assert_accessible(browser, "the how-did-that-go step").await;
    browser.screenshot(&format!("{shots}-4-how-it-went")).await;
    save_and_continue(browser, "Look it over and finish").await;
    assert_accessible(browser, "the review").await;
    whole_page_screenshot(browser, &format!("{shots}-5-review-whole")).await;
}

#[tokio::test]
#[ignore = "drives Chromium through chromedriver: scripts/test runs it"]
async fn both_partners_complete_a_check_in_sealed_until_both_finished() {
    let app = TestApp::builder().start().await;
    let (alex, sam) = (Browser::start().await, Browser::start().await);
    for phone in [&alex, &sam] {
        phone.client.set_window_size(390, 844).await.unwrap();
    }
    let space = pair_in_browsers(&app, &alex, &sam).await;

    // Alex finds the check-in from the space and starts one.
    alex.client.goto(&space).await.unwrap();
    click(&alex, r#"a[href$="/checkins"]"#).await;
    wait_for_text(&alex, "main h1", "Weekly check-in").await;
    assert_accessible(&alex, "the check-in list").await;
    alex.screenshot("checkin-0-list").await;
    click(&alex, r#"form[action$="/checkins"] button"#).await;
    wait_for_text(&alex, "#step-heading", "Appreciations").await;
    let checkin = alex.client.current_url().await.unwrap().to_string();
    answer_check_in(&alex, "Alex", "4", "-2", "checkin-alex").await;
    click(&alex, r#"form[action$="/submit"] button"#).await;
    wait_for_text(&alex, "main h1", "Your answers are sealed").await;
    assert_accessible(&alex, "the waiting page").await;
    alex.screenshot("checkin-6-alex-waiting").await;

    // Sam sees only that Alex has finished.
    sam.client.goto(&format!("{space}/checkins")).await.unwrap();
    wait_for_text(&sam, "main", "alex-north has finished").await;
    click(&sam, ".card-checkin a").await;
    wait_for_text(
        &sam,
        ".notice",
        "alex-north has finished; their answers open when you finish",
    )
    .await;
    let page = sam.client.source().await.unwrap();
    assert!(
        !page.contains("Alex:"),
        "nothing of Alex's answers before Sam finishes"
    );
    sam.screenshot("checkin-7-sam-sees-the-marker").await;

    // Sam calls a break; both see it, with its end in their own time.
    click(&sam, r#"button[name="go"][value="break"]"#).await;
    wait_for_text(&sam, "main h1", "A break, for both of you").await;
    assert_accessible(&sam, "the break page").await;
    sam.screenshot("checkin-8-break").await;
    alex.client.goto(&checkin).await.unwrap();
    wait_for_text(&alex, "main", "Your partner asked for a break").await;
    wait_for_text(&alex, "main", "Only the one who asked for the break").await;
    alex.screenshot("checkin-9-break-seen-by-alex").await;
    click(&sam, r#"form[action$="/break/end"] button"#).await;
    wait_for_text(&sam, "#step-heading", "Appreciations").await;

    // Sam answers and finishes: both sides open to both.
    answer_check_in(&sam, "Sam", "5", "3", "checkin-sam").await;
    click(&sam, r#"form[action$="/submit"] button"#).await;
    wait_for_text(&sam, "main h1", "Your check-in").await;
    wait_for_text(&sam, ".checkin-results", "Alex: I felt rushed").await;
    let page = sam.client.source().await.unwrap();
    assert!(
        !page.contains("-2 ·") && !page.contains(">-2<"),
        "Alex's own rating stays with Alex"
    );
    assert_accessible(&sam, "the results").await;
    sam.screenshot("checkin-10-results").await;
    whole_page_screenshot(&sam, "checkin-10-results-whole").await;
    alex.client.goto(&checkin).await.unwrap();
    wait_for_text(&alex, ".checkin-results", "Sam: our Sunday walk").await;
    whole_page_screenshot(&alex, "checkin-11-results-alex-whole").await;

    // Felt trust over the weeks, with both lines.
    alex.client
        .goto(&format!("{space}/checkins"))
        .await
        .unwrap();
    let chart = wait_for(&alex, "#trend svg.chart[role=img]").await;
    assert!(
        chart
            .find(Locator::Css("circle.chart-dot-partner"))
            .await
            .is_ok()
    );
    assert_accessible(&alex, "the list with the trend").await;
    scroll_to(&alex, "#trend").await;
    alex.screenshot("checkin-12-trend").await;
    whole_page_screenshot(&alex, "checkin-12-list-whole").await;

    // The same in Polish, for Sam.
    sam.client.goto(&checkin).await.unwrap();
    click(&sam, r#"button[name="lang"][value="pl"]"#).await;
    wait_for_text(&sam, "main h1", "Wasza rozmowa").await;
    assert_accessible(&sam, "the results in Polish").await;
    sam.screenshot("checkin-13-results-pl").await;

    alex.close().await;
    sam.close().await;
    app.stop().await;
}

#[tokio::test]
#[ignore = "drives Chromium through chromedriver: scripts/test runs it"]
async fn a_self_reported_boundary_crossing_ends_in_a_prevention_promise() {
    let app = TestApp::builder().start().await;
    let (alex, sam) = (Browser::start().await, Browser::start().await);
    let space = pair_in_browsers(&app, &alex, &sam).await;
    let list = format!("{space}/boundaries");

    // Alex names a boundary.
    alex.client.goto(&space).await.unwrap();
    click(&alex, r#"a[href$="/boundaries"]"#).await;
    wait_for(&alex, "#text")
        .await
        .send_keys("My phone stays private")
        .await
        .unwrap();
    wait_for(&alex, "#why")
        .await
        .send_keys("It is where I keep in touch with my sister.")
        .await
        .unwrap();
    assert_accessible(&alex, "the boundaries page").await;
    whole_page_screenshot(&alex, "boundary-1-propose").await;
    click(
        &alex,
        r#"form[action$="/boundaries"] button[type="submit"]"#,
    )
    .await;
    wait_for_text(&alex, ".facts", "Waiting for acknowledgement").await;
    assert_accessible(&alex, "a proposed boundary").await;
    alex.screenshot("boundary-2-proposed").await;

    // Sam acknowledges it.
    sam.client.goto(&list).await.unwrap();
    wait_for_text(&sam, "main", "Waiting for you").await;
    sam.screenshot("boundary-3-list-partner").await;
    click(&sam, ".promise-list a").await;
    click(&sam, r#"form[action$="/acknowledge"] button"#).await;
    wait_for_text(&sam, ".facts", "Acknowledged").await;

    // Sam tells Alex they crossed it.
    click(&sam, "details.step summary").await;
    assert_accessible(&sam, "an acknowledged boundary with the self-report open").await;
    whole_page_screenshot(&sam, "boundary-4-self-report").await;
    click(&sam, r#"form[action$="/crossings"] button"#).await;
    wait_for_text(&sam, ".crossing", "That honesty matters").await;
    assert_accessible(&sam, "the crosser's steps").await;
    sam.client.set_window_size(390, 844).await.unwrap();
    crate::browser_first_run::assert_fits(&sam, "the crosser's steps at 390 px").await;
    whole_page_screenshot(&sam, "boundary-5-steps-asked").await;

    // Acknowledge, apologise, one prevention step.
    click(&sam, r#"form[action$="/acknowledge"] button"#).await;
    wait_for_text(&sam, ".crossing-steps", "Acknowledged").await;
    wait_for(&sam, r#"textarea[name="apology"]"#)
        .await
        .send_keys("I read your messages while you slept. I am sorry; it was not mine to read.")
        .await
        .unwrap();
    click(&sam, r#"form[action$="/apologise"] button"#).await;
    wait_for_text(&sam, ".crossing-steps", "it was not mine to read").await;
    wait_for(&sam, r#"textarea[name="promise"]"#)
        .await
        .send_keys("I ask before I touch your phone")
        .await
        .unwrap();
    click(
        &sam,
        r#"form[action$="/prevention"] input[name="stakes"][value="3"]"#,
    )
    .await;
    assert_accessible(&sam, "the prevention form").await;
    whole_page_screenshot(&sam, "boundary-6-prevention-form").await;
    click(&sam, r#"form[action$="/prevention"] button"#).await;
    wait_for_text(&sam, ".crossing-steps", "I ask before I touch your phone").await;
    sam.screenshot("boundary-7-steps-done").await;

    // The promise is there for both.
    sam.client.goto(&format!("{space}/promises")).await.unwrap();
    wait_for_text(&sam, "main", "I ask before I touch your phone").await;
    alex.client
        .goto(&format!("{space}/promises"))
        .await
        .unwrap();
    wait_for_text(&alex, "main", "I ask before I touch your phone").await;
    alex.screenshot("boundary-8-promise-for-alex").await;

    // Alex sees the honesty credited and resolves it.
    alex.client.goto(&list).await.unwrap();
    click(&alex, ".promise-list a").await;
    wait_for_text(&alex, ".crossing", "that took honesty").await;
    assert_accessible(&alex, "the owner's view of the crossing").await;
    whole_page_screenshot(&alex, "boundary-9-owner-view").await;
    click(&alex, r#"form[action$="/resolve"] button"#).await;
    wait_for_text(&alex, ".crossing-steps", "Resolved").await;
    whole_page_screenshot(&alex, "boundary-10-resolved").await;

    // The balance page, with its guide.
    alex.client
        .goto(&format!("{space}/appreciations"))
        .await
        .unwrap();
    wait_for(&alex, "#text")
        .await
        .send_keys("Thank you for telling me yourself")
        .await
        .unwrap();
    click(&alex, r#"form[action$="/appreciations"] button"#).await;
    wait_for_text(&alex, "main", "Thank you for telling me yourself").await;
    wait_for(&alex, "svg.balance-bar").await;
    assert_accessible(&alex, "the appreciations and balance page").await;
    whole_page_screenshot(&alex, "boundary-11-balance").await;

    // The same crossing in Polish, for the partner who crossed it.
    sam.client.goto(&list).await.unwrap();
    click(&sam, ".promise-list a").await;
    click(&sam, r#"button[value="pl"]"#).await;
    wait_for(&sam, r#"html[lang="pl"]"#).await;
    wait_for_text(&sam, ".crossing", "Powiedziane uczciwie").await;
    assert_accessible(&sam, "the boundary in Polish").await;
    whole_page_screenshot(&sam, "boundary-12-pl").await;

    alex.close().await;
    sam.close().await;
    app.stop().await;
}

/// Opens every folded part of the page, so a form inside one can be used and checked.
async fn open_all_details(browser: &Browser) {
    browser
        .client
        .execute(
            "document.querySelectorAll('details').forEach(d => d.open = true)",
            vec![],
        )
        .await
        .unwrap();
}

#[tokio::test]
#[ignore = "drives Chromium through chromedriver: scripts/test runs it"]
async fn a_broken_promise_leads_to_a_repair_plan_at_the_hurt_partners_pace() {
    const LOG: &str = "Saw the phone face down again and felt sick for an hour";
    let app = TestApp::builder().start().await;
    let (alex, sam) = (Browser::start().await, Browser::start().await);
    let space = pair_in_browsers(&app, &alex, &sam).await;

    // Alex promises; Sam records it broken.
    alex.client
        .goto(&format!("{space}/promises"))
        .await
        .unwrap();
    type_into(&alex, "#text", "I will not delete our messages").await;
    click(&alex, r#"input[name="stakes"][value="3"]"#).await;
    click(&alex, r#"form[action$="/promises"] button[type="submit"]"#).await;
    wait_for_text(&alex, "main h1", "Your promise to sam-south").await;
    sam.client.goto(&format!("{space}/promises")).await.unwrap();
    click(&sam, ".promise-list .promise-text a").await;
    wait_for_text(&sam, "main h1", "A promise from alex-north").await;
    open_all_details(&sam).await;
    click(&sam, r#"input[name="severity"][value="3"]"#).await;
    click(&sam, r#"input[name="deception"][value="yes"]"#).await;
    click(&sam, r#"form[action$="/broken"] button"#).await;
    // The heavy step asks once more, on a page of its own that needs no JavaScript.
    wait_for_text(&sam, "main h1", "Record that this promise was not kept?").await;
    sam.screenshot("promise-broken-confirm").await;
    click(&sam, r#"form[action$="/broken"] button"#).await;
    wait_for_text(&sam, ".facts", "Not kept").await;

    // Sam, who was hurt, opens a plan about it.
    sam.client.goto(&space).await.unwrap();
    click(&sam, r#"a[href$="/repairs"]"#).await;
    wait_for_text(&sam, "main h1", "Repair plans").await;
    click(&sam, r#"input[name="hurt"][value="me"]"#).await;
    click(&sam, r#"input[name="link"]:not([value=""])"#).await;
    assert_accessible(&sam, "the repair plans page").await;
    sam.client
        .execute("window.scrollTo(0, 0)", vec![])
        .await
        .unwrap();
    whole_page_screenshot(&sam, "repair-1-list").await;
    click(&sam, r#"form[action$="/repairs"] button"#).await;
    wait_for_text(&sam, "main h1", "Repair plan").await;
    let plan = sam.client.current_url().await.unwrap().to_string();
    wait_for_text(&sam, ".repair-paused", "paused").await;
    assert_accessible(&sam, "a new plan, paused until both answer").await;
    whole_page_screenshot(&sam, "repair-2-plan-waiting").await;

    // Both answer the private safety check.
    for (who, shot) in [(&sam, "repair-3-safety"), (&alex, "")] {
        who.client.goto(&format!("{space}/safety")).await.unwrap();
        wait_for_text(who, "main h1", "Safety check").await;
        for name in ["afraid", "pressured", "unsafe_now"] {
            click(who, &format!(r#"input[name="{name}"][value="no"]"#)).await;
        }
        if !shot.is_empty() {
            assert_accessible(who, "the safety check").await;
            whole_page_screenshot(who, shot).await;
        }
        click(who, r#"form[action$="/safety"] button"#).await;
        wait_for_text(who, "main .notice", "Saved. It counts from now.").await;
        if !shot.is_empty() {
            whole_page_screenshot(who, "repair-3b-safety-saved").await;
        }
    }

    // Alex, who caused the hurt, acknowledges, apologises and makes a dated promise.
    alex.client.goto(&plan).await.unwrap();
    wait_for_text(&alex, "main", "You caused the hurt").await;
    assert!(
        alex.client
            .find(Locator::Css(".repair-paused"))
            .await
            .is_err(),
        "joint steps are on once both answered"
    );
    assert!(
        alex.client
            .find(Locator::Css(r#"form[action$="/advance"]"#))
            .await
            .is_err(),
        "only the hurt partner moves the plan on"
    );
    type_into(
        &alex,
        "#acknowledge-text",
        "I deleted our messages so you would not see them.",
    )
    .await;
    click(&alex, r#"form[action$="/acknowledge"] button"#).await;
    wait_for_text(&alex, "main", "I deleted our messages").await;
    type_into(
        &alex,
        "#apology-text",
        "I am sorry. You deserved the truth.",
    )
    .await;
    click(&alex, r#"form[action$="/apology"] button"#).await;
    wait_for_text(&alex, "main", "You deserved the truth").await;
    type_into(&alex, "#promise-text", "Our messages stay as they are").await;
    alex.client
        .execute(
            "document.querySelector('#promise-due').value = '2031-01-01T18:00'",
            vec![],
        )
        .await
        .unwrap();
    assert_accessible(&alex, "the plan, for the partner who caused the hurt").await;
    click(&alex, r#"form[action$="/promise"] button"#).await;
    wait_for_text(
        &alex,
        "#promise-heading + p",
        "Our messages stay as they are",
    )
    .await;
    whole_page_screenshot(&alex, "repair-4-accountability").await;

    // Sam moves the plan on to Tuning in.
    sam.client.goto(&plan).await.unwrap();
    wait_for_text(&sam, "main", "You deserved the truth").await;
    click(&sam, r#"form[action$="/advance"] button"#).await;
    wait_for_text(&sam, "main h1", "Move on to Tuning in?").await;
    click(&sam, r#"form[action$="/advance"] button"#).await;
    wait_for_text(&sam, ".repair-phases", "Tuning in (now)").await;
    assert_accessible(&sam, "the plan in Tuning in").await;
    sam.screenshot("repair-5-attune").await;
    whole_page_screenshot(&sam, "repair-5-attune-whole").await;

    // Sam writes in the private log; Alex sees no trace of it.
    sam.client
        .goto(&format!("{space}/repairs/log"))
        .await
        .unwrap();
    type_into(&sam, "#log-text", LOG).await;
    click(&sam, r#"input[name="intensity"][value="4"]"#).await;
    click(&sam, r#"form[action$="/repairs/log"] button"#).await;
    wait_for_text(&sam, ".promise-list", LOG).await;
    assert_accessible(&sam, "the private log").await;
    whole_page_screenshot(&sam, "repair-6-private-log").await;
    for path in ["/repairs/log", "/repairs", ""] {
        alex.client.goto(&format!("{space}{path}")).await.unwrap();
        wait_for(&alex, "main h1").await;
        let source = alex.client.source().await.unwrap();
        assert!(!source.contains(LOG), "{path}");
    }
    alex.client
        .goto(&format!("{space}/repairs/log"))
        .await
        .unwrap();
    wait_for_text(&alex, "main", "Nothing written yet.").await;
    alex.screenshot("repair-7-partner-sees-no-log").await;

    alex.close().await;
    sam.close().await;
    app.stop().await;
}

/// Signs `name` in with `password` on the sign-in page, and waits until the page is signed in.
pub(super) async fn sign_in(browser: &Browser, app: &TestApp, name: &str, password: &str) {
    browser.client.goto(&app.url("/sign-in")).await.unwrap();
    type_into(browser, "#username", name).await;
    type_into(browser, "#password", password).await;
    click(browser, "form button[type=submit]").await;
    wait_for_text(browser, "body", "Sign out").await;
}

#[tokio::test]
#[ignore = "drives Chromium through chromedriver: scripts/test runs it"]
async fn words_are_checked_before_sharing_and_patterns_show_only_to_the_hurt_partner() {
    use crate::checkins_api::start;
    use crate::support::api::call;
    use crate::support::people::couple;
    let app = TestApp::builder()
        .config(WebConfig {
            help_resources: vec![("Safe line".to_owned(), "+48 800 000 000".to_owned())],
            ..TestApp::test_config(&test_clock())
        })
        .start()
        .await;
    let us = couple(&app, "alex", "sam").await;
    let checkin = start(&app, &us.a, &us.space).await;
    // Sam broke three promises to Alex, and Alex recorded them.
    for (text, deception) in [
        ("home by nine", false),
        ("call mum", true),
        ("pay rent", true),
    ] {
        let made = call(
            &app,
            &us.b,
            reqwest::Method::POST,
            &format!("/api/v1/spaces/{}/promises", us.space),
            Some(serde_json::json!({ "text": text, "stakes": 2 })),
        )
        .await;
        let id = made.body["id"].as_str().unwrap().to_owned();
        call(
            &app,
            &us.a,
            reqwest::Method::POST,
            &format!("/api/v1/spaces/{}/promises/{id}/broken", us.space),
            Some(serde_json::json!({ "severity": 3, "deception": deception })),
        )
        .await;
    }
    let browser = Browser::start().await;
    sign_in(&browser, &app, "alex", PASSWORD).await;
    let page = format!("/spaces/{}/checkins/{checkin}?step=topic", us.space);
    browser.client.goto(&app.url(&page)).await.unwrap();
    wait_for(&browser, "#topic")
        .await
        .send_keys("You never listen to me. Whatever.")
        .await
        .unwrap();
    browser.screenshot("gentle-1-topic").await;
    click(&browser, "button[formaction$='/step/topic/check']").await;
    let hint = wait_for_text(&browser, "#gentle-hint", "I feel").await;
    assert!(hint.contains("when you don't listen to me"), "{hint}");
    let kept = wait_for(&browser, "#topic")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("You never listen to me. Whatever."));
    scroll_to(&browser, "#topic").await;
    browser.screenshot("gentle-2-findings").await;
    assert_accessible(&browser, "the checked topic").await;
    // Sharing as written is one click away.
    click(&browser, "button[name=go][value=next]").await;
    wait_for_text(&browser, "main", "Requests for next week").await;
    browser.screenshot("gentle-3-shared-as-written").await;

    browser
        .client
        .goto(&app.url(&format!("/spaces/{}/patterns", us.space)))
        .await
        .unwrap();
    wait_for_text(&browser, "main", "Several promises to you were not kept").await;
    browser.screenshot("patterns-1-alex").await;
    whole_page_screenshot(&browser, "patterns-2-alex-whole").await;
    assert_accessible(&browser, "the patterns page").await;
    browser.close().await;

    let sam = Browser::start().await;
    sign_in(&sam, &app, "sam", PASSWORD).await;
    sam.client
        .goto(&app.url(&format!("/spaces/{}/patterns", us.space)))
        .await
        .unwrap();
    let text = wait_for_text(&sam, "main", "Nothing here repeats").await;
    assert!(!text.contains("broken"), "{text}");
    sam.screenshot("patterns-3-sam-sees-nothing").await;
    sam.client
        .goto(&app.url("/journal?prompt=how_deep"))
        .await
        .unwrap();
    wait_for(&sam, "#text")
        .await
        .send_keys("Less than last week.")
        .await
        .unwrap();
    click(&sam, "form[action='/journal'] button").await;
    wait_for_text(&sam, "main", "Less than last week.").await;
    whole_page_screenshot(&sam, "gentle-4-journal").await;
    assert_accessible(&sam, "the journal").await;
    sam.close().await;
    app.stop().await;
}

#[tokio::test]
#[ignore = "drives Chromium through chromedriver: scripts/test runs it"]
async fn on_a_phone_the_quick_exit_stays_in_view_and_back_shows_nothing_of_the_account() {
    let landing = TestApp::builder().start().await;
    let exit_to = landing.url("/healthz");
    let app = TestApp::builder()
        .config(WebConfig {
            quick_exit_url: exit_to.clone(),
            ..TestApp::test_config(&test_clock())
        })
        .start()
        .await;
    let us = crate::support::people::couple(&app, "ada", "bram").await;
    // A long page: many promises from Bram to Ada.
    for n in 1..=14 {
        crate::support::api::call(
            &app,
            &us.b,
            reqwest::Method::POST,
            &format!("/api/v1/spaces/{}/promises", us.space),
            Some(serde_json::json!({ "text": format!("Call before nine, week {n}"), "stakes": 2 })),
        )
        .await
        .created();
    }

    let browser = Browser::start().await;
    browser.client.set_window_size(390, 844).await.unwrap();
    browser.client.goto("about:blank").await.unwrap();
    sign_in(&browser, &app, "ada", PASSWORD).await;
    let promises = app.url(&format!("/spaces/{}/promises", us.space));
    browser.client.goto(&promises).await.unwrap();
    wait_for_text(&browser, "main", "Call before nine, week 14").await;
    browser
        .client
        .execute(
            "window.scrollTo(0, document.documentElement.scrollHeight)",
            vec![],
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    // [top, bottom, height, viewport height, page height, whether the button is what is at its
    // centre (nothing covers it)]
    let seen = browser
        .client
        .execute(
            "const b = document.querySelector('.quick-exit');
             const r = b.getBoundingClientRect();
             const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
             return [r.top, r.bottom, r.height, window.innerHeight,
                     document.documentElement.scrollHeight, at === b || b.contains(at)];",
            vec![],
        )
        .await
        .unwrap();
    let number = |i: usize| seen[i].as_f64().unwrap();
    assert!(number(4) > number(3) * 1.5, "the page is long: {seen}");
    assert!(
        number(0) >= 0.0 && number(1) <= number(3),
        "in view: {seen}"
    );
    assert!(number(2) >= 44.0, "large enough to hit: {seen}");
    assert_eq!(seen[5], true, "nothing covers it: {seen}");
    browser.screenshot("quick-exit-390-scrolled").await;
    assert_accessible(&browser, "promises, scrolled on a phone").await;

    click(&browser, ".quick-exit").await;
    let mut left = false;
    for _ in 0..50 {
        if browser.client.current_url().await.unwrap().as_str() == exit_to {
            left = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(left, "the quick exit did not leave");

    // Back: the promises page was replaced in history; the Steadfast page before it (kept in the
    // back-forward cache despite `no-store`) is asked for again, and asks to sign in.
    browser.client.back().await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let url = browser.client.current_url().await.unwrap();
    let body = browser
        .client
        .find(Locator::Css("body"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    browser.screenshot("quick-exit-390-back").await;
    assert_ne!(url.as_str(), promises, "Back returned to the promises page");
    for private in ["Call before nine", "Sign out", "bram"] {
        assert!(
            !body.contains(private),
            "{private:?} after Back at {url}: {body}"
        );
    }
    // Going to the page itself asks to sign in: the session is over.
    browser.client.goto(&promises).await.unwrap();
    wait_for(&browser, "#username").await;
    let body = browser
        .client
        .find(Locator::Css("body"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!body.contains("Call before nine"), "{body}");

    browser.close().await;
    app.stop().await;
    landing.stop().await;
}
