//! Help that works without set-up, on both databases: the help page, the patterns page and the
//! patterns API list the right places to turn to for the viewer's language with no operator
//! configuration; the operator's entries come first (`keep`) or stand alone (`off`); and a
//! lead-in is never followed by an empty list.

use reqwest::{Method, header};
use steadfast_store::Backend;
use steadfast_web::{HelpDefaults, WebConfig};

use crate::support::TestApp;
use crate::support::api::call;
use crate::support::app::test_clock;
use crate::support::people::{Couple, couple};

/// A page in `lang`, signed out (`cookie` empty) or in.
async fn page_in(app: &TestApp, path: &str, cookie: &str, lang: &str) -> String {
    let mut request = app
        .client
        .get(app.url(path))
        .header(header::ACCEPT_LANGUAGE, lang);
    if !cookie.is_empty() {
        request = request.header(header::COOKIE, cookie);
    }
    let response = request.send().await.unwrap();
    assert!(
        response.status().is_success(),
        "{path}: {}",
        response.status()
    );
    response.text().await.unwrap()
}

fn config(operator: &[(&str, &str)], defaults: HelpDefaults) -> WebConfig {
    WebConfig {
        help_resources: operator
            .iter()
            .map(|(label, contact)| ((*label).to_owned(), (*contact).to_owned()))
            .collect(),
        help_defaults: defaults,
        ..TestApp::test_config(&test_clock())
    }
}

const POLISH_DEFAULTS: [&str; 3] = [
    r#"<a href="tel:112" rel="noreferrer noopener">112</a>"#,
    r#"<a href="tel:800120002" rel="noreferrer noopener">800 120 002</a>"#,
    "„Niebieska Linia”",
];
const ENGLISH_DEFAULTS: [&str; 3] = [
    r#"<a href="tel:112" rel="noreferrer noopener">112</a>"#,
    r#"<a href="tel:911" rel="noreferrer noopener">911</a>"#,
    r#"<a href="https://findahelpline.com" rel="noreferrer noopener">"#,
];

#[tokio::test]
async fn with_no_set_up_the_help_and_patterns_pages_list_help_for_each_language() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let Couple { a, space, .. } = couple(&app, "ada", "bram").await;
        let patterns = format!("/spaces/{space}/patterns");
        for (path, cookie) in [
            ("/help", ""),
            ("/help", a.cookie.as_str()),
            (&patterns, &a.cookie),
        ] {
            let english = page_in(&app, path, cookie, "en").await;
            for entry in ENGLISH_DEFAULTS {
                assert!(english.contains(entry), "{path}: {entry} in {english}");
            }
            assert!(!english.contains("800 120 002"), "{path}");
            let polish = page_in(&app, path, cookie, "pl").await;
            for entry in POLISH_DEFAULTS {
                assert!(polish.contains(entry), "{path}: {entry} in {polish}");
            }
            assert!(!polish.contains("findahelpline"), "{path}");
        }
        let english = page_in(&app, &patterns, &a.cookie, "en").await;
        assert!(english.contains("These places can listen and help:"));
        let polish = page_in(&app, &patterns, &a.cookie, "pl").await;
        assert!(polish.contains("Tutaj ktoś wysłucha i pomoże:"));

        // The API lists the same, in the caller's language.
        let listed = app
            .client
            .get(app.url(&format!("/api/v1/spaces/{space}/patterns")))
            .bearer_auth(a.token())
            .header(header::ACCEPT_LANGUAGE, "pl")
            .send()
            .await
            .unwrap()
            .json::<serde_json::Value>()
            .await
            .unwrap();
        let contacts: Vec<&str> = listed["help"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["contact"].as_str().unwrap())
            .collect();
        assert_eq!(contacts, ["112", "800 120 002"]);
        let english = call(
            &app,
            &a,
            Method::GET,
            &format!("/api/v1/spaces/{space}/patterns"),
            None,
        )
        .await;
        assert_eq!(
            english.ok()["help"][2]["contact"],
            "https://findahelpline.com"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn the_operators_entries_extend_the_defaults_or_replace_them() {
    let shelter = ("Local shelter", "+48 22 000 00 00");
    let shelter_link =
        r#"<a href="tel:+48220000000" rel="noreferrer noopener">+48 22 000 00 00</a>"#;

    // keep: the operator's entry first, then the defaults.
    let app = TestApp::builder()
        .config(config(&[shelter], HelpDefaults::Keep))
        .start()
        .await;
    let help = page_in(&app, "/help", "", "pl").await;
    let at = |needle: &str| {
        help.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {help}"))
    };
    assert!(at(shelter_link) < at(POLISH_DEFAULTS[0]));
    assert!(at(POLISH_DEFAULTS[0]) < at(POLISH_DEFAULTS[1]));
    app.stop().await;

    // off: the operator's entry alone.
    let app = TestApp::builder()
        .config(config(&[shelter], HelpDefaults::Off))
        .start()
        .await;
    let Couple { a, space, .. } = couple(&app, "ada", "bram").await;
    for (path, cookie) in [
        ("/help".to_owned(), String::new()),
        (format!("/spaces/{space}/patterns"), a.cookie.clone()),
    ] {
        for lang in ["en", "pl"] {
            let html = page_in(&app, &path, &cookie, lang).await;
            assert!(html.contains(shelter_link), "{path} {lang}");
            assert!(!html.contains("tel:112"), "{path} {lang}");
            assert!(!html.contains("findahelpline"), "{path} {lang}");
        }
    }
    app.stop().await;

    // off, and nothing of the operator's: no lead-in stands before an empty list.
    let app = TestApp::builder()
        .config(config(&[], HelpDefaults::Off))
        .start()
        .await;
    let Couple { a, space, .. } = couple(&app, "ada", "bram").await;
    let help = page_in(&app, "/help", "", "en").await;
    assert!(!help.contains("Where you can turn"), "{help}");
    assert!(help.contains("call your local emergency number"));
    let patterns = page_in(&app, &format!("/spaces/{space}/patterns"), &a.cookie, "en").await;
    assert!(
        !patterns.contains("These places can listen and help"),
        "{patterns}"
    );
    assert!(patterns.contains("you do not have to carry it alone"));
    let polish = page_in(&app, &format!("/spaces/{space}/patterns"), &a.cookie, "pl").await;
    assert!(!polish.contains("Tutaj ktoś wysłucha"), "{polish}");
    app.stop().await;
}
