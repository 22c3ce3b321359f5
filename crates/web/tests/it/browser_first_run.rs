//! A new couple's first run, walked as they would: from the home page to paired and a first
//! promise confirmed kept, counting every tap (typing and sharing the link aside). In Polish on a
//! 390 × 844 phone, and in English on a desktop window. Every page on the way fits the window,
//! keeps its cards' contents inside them, offers tap targets of at least 44 px, and passes axe.
//! Screenshots land in `target/screenshots/first-run-*.png`.

use std::cell::Cell;

use crate::browser::{assert_accessible, type_into, wait_for, wait_for_text};
use crate::support::TestApp;
use crate::support::browser::Browser;

/// At most this many taps from the home page to a first promise confirmed kept.
const TAPS_AT_MOST: u32 = 12;

/// The words the journey looks for, per language.
struct Words {
    lang: &'static str,
    /// How Polish is to speak to each partner, chosen on the sign-up form (a tap each).
    forms: Option<(&'static str, &'static str)>,
    joined: &'static str,
    promise: &'static str,
    first_kept: &'static str,
}

const POLISH: Words = Words {
    lang: "pl",
    forms: Some(("feminine", "masculine")),
    joined: "Obietnice",
    promise: "Zadzwonię w przerwie na lunch",
    first_kept: "Pierwsza dotrzymana obietnica między wami.",
};

const ENGLISH: Words = Words {
    lang: "en",
    forms: None,
    joined: "Promises",
    promise: "I will call at lunch",
    first_kept: "Your first promise kept, together.",
};

/// Counts the taps of one journey.
struct Taps(Cell<u32>);

impl Taps {
    async fn tap(&self, browser: &Browser, css: &str) {
        self.0.set(self.0.get() + 1);
        wait_for(browser, css)
            .await
            .click()
            .await
            .unwrap_or_else(|error| panic!("cannot tap {css}: {error}"));
    }
}

/// What every page of the journey must hold to on the device's window.
async fn check_page(browser: &Browser, name: &str) {
    assert_accessible(browser, name).await;
    assert_fits(browser, name).await;
}

/// The page fits the window: nothing scrolls sideways, no card or field clips its content, every
/// tap target is at least 44 px tall, and a scale stays on one line.
pub(super) async fn assert_fits(browser: &Browser, name: &str) {
    let problems = browser
        .client
        .execute(
            r#"
            const problems = [];
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth) {
              problems.push(`the page scrolls sideways by ${root.scrollWidth - root.clientWidth}px`);
            }
            for (const card of document.querySelectorAll('.card, fieldset, .field')) {
              if (card.scrollWidth > card.clientWidth + 1) {
                problems.push(`${card.className || card.tagName} clips its content by ${card.scrollWidth - card.clientWidth}px`);
              }
            }
            for (const target of document.querySelectorAll('header a, header button, main button, main a.button, .choice')) {
              const box = target.getBoundingClientRect();
              if (box.width > 0 && box.height < 43.5) {
                problems.push(`"${target.textContent.trim().slice(0, 30)}" is ${box.height.toFixed(1)}px tall`);
              }
            }
            for (const row of document.querySelectorAll('.scale-row')) {
              const tops = new Set([...row.children].map(child => Math.round(child.getBoundingClientRect().top)));
              if (tops.size > 1) problems.push(`a scale wraps onto ${tops.size} lines`);
            }
            return problems;
            "#,
            vec![],
        )
        .await
        .unwrap();
    let problems: Vec<String> = serde_json::from_value(problems).unwrap();
    assert!(problems.is_empty(), "{name}: {problems:#?}");
}

async fn walk(words: &Words, width: u32, height: u32, shots: &str) -> u32 {
    let app = TestApp::builder().start().await;
    let (first, second) = (
        Browser::start_in_zone("Europe/Warsaw").await,
        Browser::start_in_zone("Europe/Warsaw").await,
    );
    let taps = Taps(Cell::new(0));
    for browser in [&first, &second] {
        browser.client.set_window_size(width, height).await.unwrap();
        // The phone's own language: chosen before the journey, not counted.
        browser.client.goto(&app.url("/")).await.unwrap();
        if words.lang == "pl" {
            crate::browser::click(browser, r#"button[value="pl"]"#).await;
            wait_for(browser, r#"html[lang="pl"]"#).await;
        }
    }

    // The first partner: the home page, an account, its codes, and starting together.
    check_page(&first, "the home page").await;
    first.screenshot(&format!("{shots}-1-home")).await;
    taps.tap(&first, r#"main a[href="/sign-up"]"#).await;
    type_into(&first, "#username", "ola").await;
    type_into(&first, "#password", "a long and private phrase").await;
    if let Some((form, _)) = words.forms {
        let choice = format!(r#"input[name="grammatical_form"][value="{form}"]"#);
        taps.tap(&first, &choice).await;
    }
    check_page(&first, "the sign-up form").await;
    first.screenshot(&format!("{shots}-1b-sign-up")).await;
    taps.tap(&first, "form button[type=submit]").await;
    wait_for(&first, "ol.recovery-codes").await;
    check_page(&first, "the recovery codes").await;
    first.screenshot(&format!("{shots}-2-codes")).await;
    taps.tap(&first, r#"button[name="start"][value="together"]"#)
        .await;
    let link = wait_for(&first, "#invite-link")
        .await
        .prop("value")
        .await
        .unwrap()
        .expect("an invite link");
    check_page(&first, "the invite page").await;
    first.screenshot(&format!("{shots}-3-invite")).await;

    // The link reaches the second partner in another app (not counted); they make an account on
    // the way and join from their codes.
    second.client.goto(&link).await.unwrap();
    check_page(&second, "the invite, signed out").await;
    second.screenshot(&format!("{shots}-4-invited")).await;
    taps.tap(&second, "main a.button.secondary").await;
    type_into(&second, "#username", "tomek").await;
    type_into(&second, "#password", "another private phrase").await;
    if let Some((_, form)) = words.forms {
        let choice = format!(r#"input[name="grammatical_form"][value="{form}"]"#);
        taps.tap(&second, &choice).await;
    }
    taps.tap(&second, "form button[type=submit]").await;
    wait_for(&second, "ol.recovery-codes").await;
    check_page(&second, "the codes, with joining").await;
    taps.tap(&second, r#"form[action$="/accept"] button"#).await;
    wait_for_text(&second, ".space-members", "ola").await;
    check_page(&second, "the space, just joined").await;
    second.screenshot(&format!("{shots}-5-joined")).await;

    // The second partner makes a first promise, right there: small stakes are offered first.
    type_into(&second, ".first-promise #text", words.promise).await;
    taps.tap(&second, r#".first-promise button[type="submit"]"#)
        .await;
    wait_for_text(&second, "main", words.promise).await;
    second.screenshot(&format!("{shots}-6-promised")).await;

    // The first partner, back to the space, confirms it kept from there.
    taps.tap(&first, r#"main a.button[href^="/spaces/"]"#).await;
    wait_for_text(&first, "main", words.joined).await;
    wait_for_text(&first, ".to-confirm", words.promise).await;
    check_page(&first, "the space, a promise to confirm").await;
    first.screenshot(&format!("{shots}-7-to-confirm")).await;
    taps.tap(&first, r#".to-confirm form[action$="/kept"] button"#)
        .await;
    wait_for_text(&first, ".celebration", words.first_kept).await;
    check_page(&first, "the first promise kept").await;
    first.screenshot(&format!("{shots}-8-first-kept")).await;

    let count = taps.0.get();
    first.close().await;
    second.close().await;
    app.stop().await;
    count
}

#[tokio::test]
#[ignore = "drives Chromium through chromedriver: scripts/test runs it"]
async fn a_couple_on_phones_in_polish_pairs_and_keeps_a_first_promise_in_twelve_taps() {
    let taps = walk(&POLISH, 390, 844, "first-run-pl-390").await;
    println!("first run in Polish on a 390 px phone: {taps} taps plus sharing the link");
    assert!(taps <= TAPS_AT_MOST, "{taps} taps");
}

#[tokio::test]
#[ignore = "drives Chromium through chromedriver: scripts/test runs it"]
async fn a_couple_on_desktops_in_english_pairs_and_keeps_a_first_promise_in_twelve_taps() {
    let taps = walk(&ENGLISH, 1280, 900, "first-run-en-1280").await;
    println!("first run in English on a desktop: {taps} taps plus sharing the link");
    assert!(taps <= TAPS_AT_MOST, "{taps} taps");
}
