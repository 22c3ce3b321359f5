//! Journeys in a real browser. Screenshots land in `target/screenshots/`.

use std::time::Duration;

use fantoccini::Locator;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use steadfast_web::WebConfig;

use crate::support::TestApp;
use crate::support::app::test_clock;
use crate::support::browser::{self, Browser};

#[tokio::test]
async fn home_page_switches_to_polish_and_is_accessible() {
    if !browser::requested() {
        eprintln!("browser tests not requested; scripts/test runs them");
        return;
    }
    let app = TestApp::sqlite().await;
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
async fn shift_pressed_three_times_leaves_without_a_way_back() {
    if !browser::requested() {
        eprintln!("browser tests not requested; scripts/test runs them");
        return;
    }
    // Another local server stands in for the ordinary website: the test machine has no
    // outside network.
    let landing = TestApp::sqlite().await;
    let exit_to = landing.url("/healthz");
    let app = TestApp::with_config(WebConfig {
        quick_exit_url: exit_to.clone(),
        ..TestApp::test_config(&test_clock())
    })
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
async fn a_person_signs_up_in_the_browser_and_stays_signed_in() {
    if !browser::requested() {
        eprintln!("browser tests not requested; scripts/test runs them");
        return;
    }
    let app = TestApp::sqlite().await;
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
        .find(Locator::Css("main a.button"))
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
async fn wait_for_text(browser: &Browser, css: &str, needle: &str) -> String {
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
async fn wait_for(browser: &Browser, css: &str) -> fantoccini::elements::Element {
    browser
        .client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|error| panic!("{css} never appeared: {error}"))
}

async fn assert_accessible(browser: &Browser, page: &str) {
    let violations = browser.accessibility_violations().await;
    assert!(
        violations.is_empty(),
        "axe found problems on {page}: {violations:#?}"
    );
}

#[tokio::test]
async fn two_partners_pair_in_two_browsers_and_one_leaves() {
    if !browser::requested() {
        eprintln!("browser tests not requested; scripts/test runs them");
        return;
    }
    let app = TestApp::sqlite().await;
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
    sam.client
        .find(Locator::Css("main a.button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&sam, "main", "Our place").await;
    assert_accessible(&sam, "the invitation").await;
    sam.screenshot("pairing-4-invite-offer").await;
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
