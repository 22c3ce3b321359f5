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
