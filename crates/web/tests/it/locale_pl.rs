//! A Polish-speaking couple reads every page in Polish: with one of everything in their space,
//! no page, and not their calendar feed, shows an English sentence of ours, an ISO date or a
//! decimal point. The list of pages is checked against the router, so a new page cannot be
//! left out of it.

use std::collections::BTreeMap;

use reqwest::{Method, StatusCode, header};
use serde_json::json;

use crate::checkins_api::{act, draft, full_answers, start};
use crate::support::TestApp;
use crate::support::api::call;
use crate::support::app::session_cookie;
use crate::support::people::{Person, couple};

/// The router's source: its GET routes are the pages to visit.
const ROUTER: &str = include_str!("../../src/lib.rs");

/// GET routes that are not pages in a language, or cannot be reached from here, and why.
const NOT_VISITED: &[(&str, &str)] = &[
    ("/static/app.css", "a stylesheet"),
    ("/static/app.js", "a script"),
    ("/healthz", "for the operator's probes"),
    ("/readyz", "for the operator's probes"),
    ("/account/export", "a JSON document"),
    (
        "/set-password/{token}",
        "its link comes from the operator's command line",
    ),
];

/// Every GET route of the page router, as written in it.
fn get_routes() -> Vec<String> {
    let mut routes = Vec::new();
    // The crate's own tests add routes of their own below this line.
    let router = ROUTER.split("#[cfg(test)]").next().unwrap_or_default();
    // Pages to read are declared with `.read(path, handler)`; the rest with `.route(path, get(…))`.
    for piece in router.split(".read(").skip(1) {
        if let Some(path) = piece.split('"').nth(1)
            && !routes.iter().any(|r| r == path)
        {
            routes.push(path.to_owned());
        }
    }
    for piece in router.split(".route(").skip(1) {
        let Some(path) = piece.split('"').nth(1) else {
            continue;
        };
        // The handler list ends at the route's closing parenthesis: the next `.route(` at the
        // latest.
        if piece.contains("get(") && !routes.iter().any(|r| r == path) {
            routes.push(path.to_owned());
        }
    }
    routes
}

/// English messages of three words or more (the pieces between placeables), by key, with
/// the Polish value of the same key.
fn english_sentences() -> Vec<(String, String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/locales");
    let messages = |lang: &str| -> BTreeMap<String, String> {
        let mut all = BTreeMap::new();
        for entry in std::fs::read_dir(format!("{root}/{lang}")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|ext| ext != "ftl") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let mut current: Option<String> = None;
            for line in text.lines() {
                if line.starts_with('#') || line.trim().is_empty() {
                    current = None;
                } else if line.starts_with(' ') {
                    if let Some(key) = &current {
                        let value: &mut String = all.get_mut(key).unwrap();
                        value.push('\n');
                        value.push_str(line.trim());
                    }
                } else if let Some((key, value)) = line.split_once(" = ") {
                    all.insert(key.trim().to_owned(), value.trim().to_owned());
                    current = Some(key.trim().to_owned());
                }
            }
        }
        all
    };
    let (en, pl) = (messages("en"), messages("pl"));
    let mut sentences = Vec::new();
    for (key, value) in &en {
        let polish = pl.get(key).cloned().unwrap_or_default();
        if *value == polish {
            continue;
        }
        // The text between placeables and selector syntax, one line at a time.
        for line in value.lines() {
            let line = line.trim_start_matches('*');
            let line = line
                .strip_prefix('[')
                .and_then(|rest| rest.split_once(']'))
                .map_or(line, |(_, rest)| rest);
            let mut depth = 0;
            let mut piece = String::new();
            let mut pieces = Vec::new();
            for c in line.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        pieces.push(std::mem::take(&mut piece));
                    }
                    '}' => depth -= 1,
                    _ if depth == 0 => piece.push(c),
                    _ => {}
                }
            }
            pieces.push(piece);
            for piece in pieces {
                let piece = piece.trim();
                if piece.split_whitespace().count() >= 3 && !polish.contains(piece) {
                    sentences.push((key.clone(), piece.to_owned(), polish.clone()));
                }
            }
        }
    }
    sentences
}

/// What a person reads of a page: the text between tags (not scripts or styles) and the
/// attributes a screen reader or a tooltip reads out, with entities decoded.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        text.push(' ');
        let after = &rest[open..];
        let close = after.find('>').unwrap_or(after.len() - 1);
        let tag = &after[..=close];
        for attribute in ["aria-label=\"", "title=\"", "placeholder=\"", "alt=\""] {
            if let Some(start) = tag.find(attribute) {
                let value = &tag[start + attribute.len()..];
                text.push_str(value.split('"').next().unwrap_or_default());
                text.push(' ');
            }
        }
        rest = &after[close + 1..];
        for element in ["script", "style"] {
            if tag.starts_with(&format!("<{element}")) {
                let end = format!("</{element}>");
                rest = rest.find(&end).map_or("", |at| &rest[at + end.len()..]);
            }
        }
    }
    text.push_str(rest);
    let text = text
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An ISO date (`2026-12-08`) in a text, if any.
fn iso_date(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let window = &bytes[i..i + 10];
        let digits = |range: std::ops::Range<usize>| window[range].iter().all(u8::is_ascii_digit);
        (digits(0..4) && window[4] == b'-' && digits(5..7) && window[7] == b'-' && digits(8..10))
            .then(|| text[i..i + 10].to_owned())
    })
}

/// A number written with a decimal point (`2.2`), if any; addresses (`http://127.0.0.1:8787/`)
/// are not numbers.
fn decimal_point(text: &str) -> Option<String> {
    text.split_whitespace()
        .filter(|word| !word.contains("://") && word.matches('.').count() <= 2)
        .find(|word| {
            let bytes = word.as_bytes();
            (1..bytes.len().saturating_sub(1)).any(|i| {
                bytes[i] == b'.' && bytes[i - 1].is_ascii_digit() && bytes[i + 1].is_ascii_digit()
            })
        })
        .map(str::to_owned)
}

/// Everything a page in Polish must not show; the failures, each naming what and where.
fn foreign_words(path: &str, text: &str, sentences: &[(String, String, String)]) -> Vec<String> {
    let mut found = Vec::new();
    for (key, english, _) in sentences {
        if text.contains(english.as_str()) {
            found.push(format!("{path}: English message {key}: {english:?}"));
        }
    }
    if let Some(date) = iso_date(text) {
        found.push(format!("{path}: an ISO date {date}"));
    }
    if let Some(number) = decimal_point(text) {
        found.push(format!("{path}: a decimal point in {number:?}"));
    }
    if text.contains("(UTC)") {
        found.push(format!("{path}: a time in UTC"));
    }
    found
}

async fn post_api(app: &TestApp, who: &Person, path: &str, body: serde_json::Value) -> String {
    let answer = call(app, who, Method::POST, path, Some(body)).await;
    answer.created()["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// A Polish browser in Warsaw holding `session`.
fn polish(session: &str) -> String {
    format!("{session}; lang=pl; tz=Europe/Warsaw")
}

#[tokio::test]
async fn every_page_and_the_feed_read_in_polish_for_a_polish_couple() {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "ola", "kuba").await;
    let space = us.space.clone();
    let base = format!("/api/v1/spaces/{space}");
    call(
        &app,
        &us.a,
        Method::PUT,
        &format!("{base}/time-zone"),
        Some(json!({ "time_zone": "Europe/Warsaw" })),
    )
    .await
    .ok();
    // Promises: one open and due, one kept, one broken.
    let promise = |text: &str| json!({ "text": text, "stakes": 2, "due": "2026-12-08T20:00:00+01:00", "domain": "time" });
    let open = post_api(
        &app,
        &us.a,
        &format!("{base}/promises"),
        promise("zadzwonię"),
    )
    .await;
    let kept = post_api(&app, &us.a, &format!("{base}/promises"), promise("kolacja")).await;
    let broken = post_api(&app, &us.b, &format!("{base}/promises"), promise("spacer")).await;
    let when = json!({ "when": "2026-11-17T18:00:00+01:00" });
    call(
        &app,
        &us.a,
        Method::POST,
        &format!("{base}/promises/{kept}/done"),
        Some(when.clone()),
    )
    .await;
    call(
        &app,
        &us.b,
        Method::POST,
        &format!("{base}/promises/{kept}/kept"),
        Some(json!({ "stakes": 2, "when": "2026-11-17T18:00:00+01:00" })),
    )
    .await;
    call(
        &app,
        &us.a,
        Method::POST,
        &format!("{base}/promises/{broken}/broken"),
        Some(json!({ "severity": 2, "deception": false, "when": "2026-11-17T18:00:00+01:00" })),
    )
    .await;
    // The record, on for both.
    for who in [&us.a, &us.b] {
        call(
            &app,
            who,
            Method::PUT,
            &format!("{base}/record/consent"),
            None,
        )
        .await;
    }
    // A check-in both finished.
    let checkin = start(&app, &us.a, &space).await;
    draft(&app, &us.a, &space, &checkin, full_answers("ola", 4, 1))
        .await
        .ok();
    draft(&app, &us.b, &space, &checkin, full_answers("kuba", 3, 1))
        .await
        .ok();
    act(&app, &us.a, Method::POST, &space, &checkin, "submit")
        .await
        .ok();
    act(&app, &us.b, Method::POST, &space, &checkin, "submit")
        .await
        .ok();
    // A ritual, the daily ritual, a boundary crossed, a repair, an appreciation, a journal entry.
    let ritual = post_api(
        &app,
        &us.a,
        &format!("{base}/rituals"),
        json!({ "name": "Spacer", "kind": "walk", "weekdays": ["sun"], "start": "10:30",
                "every_weeks": 1, "duration_minutes": 60, "first_date": "2026-11-22" }),
    )
    .await;
    call(
        &app,
        &us.a,
        Method::PUT,
        &format!("{base}/daily"),
        Some(json!({ "mood": 3, "appreciation": "herbata", "plan": "kino", "private": false })),
    )
    .await;
    let boundary = post_api(
        &app,
        &us.a,
        &format!("{base}/boundaries"),
        json!({ "text": "dzwoń, gdy się spóźniasz", "why": "to dla mnie ważne" }),
    )
    .await;
    call(
        &app,
        &us.b,
        Method::POST,
        &format!("{base}/boundaries/{boundary}/acknowledge"),
        None,
    )
    .await;
    post_api(
        &app,
        &us.a,
        &format!("{base}/boundaries/{boundary}/crossings"),
        json!({ "when": "2026-11-17T18:00:00+01:00" }),
    )
    .await;
    let repair = post_api(
        &app,
        &us.a,
        &format!("{base}/repairs"),
        json!({ "hurt": "me" }),
    )
    .await;
    call(
        &app,
        &us.b,
        Method::POST,
        &format!("{base}/repairs/{repair}/accept"),
        None,
    )
    .await;
    call(
        &app,
        &us.a,
        Method::POST,
        &format!("{base}/repairs/log"),
        Some(json!({ "text": "ciężki dzień", "intensity": 2 })),
    )
    .await;
    post_api(
        &app,
        &us.b,
        &format!("{base}/appreciations"),
        json!({ "text": "dziękuję" }),
    )
    .await;
    let entry = post_api(
        &app,
        &us.a,
        "/api/v1/journal",
        json!({ "text": "co wnoszę", "prompt": "what_i_bring" }),
    )
    .await;
    // The calendar feed, made in Polish.
    let made = app
        .api(
            Method::POST,
            "/api/v1/calendar-feed",
            None,
            Some(&polish(&us.a.cookie)),
        )
        .await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let feed: serde_json::Value = made.json().await.unwrap();
    let feed_path = feed["path"].as_str().unwrap().to_owned();
    call(
        &app,
        &us.a,
        Method::PUT,
        "/api/v1/calendar-feed",
        Some(json!({ "discreet": false, "password": crate::support::people::PASSWORD })),
    )
    .await;
    // A coach, granted by both, and the pages an invitation leads to.
    let coach_link = call(
        &app,
        &us.a,
        Method::POST,
        &format!("{base}/coach/invites"),
        None,
    )
    .await
    .created()["path"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, coach_invite_page) = get(&app, &coach_link, "lang=pl").await;
    assert_eq!(status, StatusCode::OK, "{coach_link}");
    let signed_up = app
        .client
        .post(app.url(&format!("{coach_link}/sign-up")))
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, "lang=pl")
        .form(&[
            ("username", "trenerka"),
            ("password", crate::support::people::PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    let coach = session_cookie(&signed_up).expect("the coach is signed in");
    let coaches = call(&app, &us.a, Method::GET, &format!("{base}/coach"), None).await;
    let coach_id = coaches.ok()["coaches"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for who in [&us.a, &us.b] {
        call(
            &app,
            who,
            Method::POST,
            &format!("{base}/coach/{coach_id}/grant"),
            Some(json!({ "days": 2 })),
        )
        .await
        .ok();
    }
    // An invitation to a space of Ola's own, as its page and as the link's page.
    let own = call(
        &app,
        &us.a,
        Method::POST,
        "/api/v1/spaces",
        Some(json!({ "name": "Moje" })),
    )
    .await
    .created_id();
    let invited = app
        .client
        .post(app.url(&format!("/spaces/{own}/invites")))
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, polish(&us.a.cookie))
        .send()
        .await
        .unwrap();
    let invite_page = invited.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    let invite_cookie = invited
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .map(|value| value.split(';').next().unwrap_or_default().to_owned())
        .collect::<Vec<_>>()
        .join("; ");
    let token = call(
        &app,
        &us.a,
        Method::POST,
        &format!("/api/v1/spaces/{own}/invites"),
        None,
    )
    .await
    .created()["token"]
        .as_str()
        .unwrap()
        .to_owned();

    // Someone new, with no space yet, for the guided start.
    let newcomer = polish(&crate::support::people::person(&app, "nowa").await.cookie);

    // Every page, as the one who can see it.
    let ola = polish(&us.a.cookie);
    let kuba = polish(&us.b.cookie);
    let trainer = polish(&coach);
    let s = format!("/spaces/{space}");
    let visits: Vec<(&str, String, String)> = vec![
        ("/", "/".to_owned(), "lang=pl".to_owned()),
        ("/sign-up", "/sign-up".to_owned(), "lang=pl".to_owned()),
        ("/sign-in", "/sign-in".to_owned(), "lang=pl".to_owned()),
        ("/account", "/account".to_owned(), ola.clone()),
        ("/account/delete", "/account/delete".to_owned(), ola.clone()),
        (
            "/account/deleted",
            "/account/deleted".to_owned(),
            "lang=pl".to_owned(),
        ),
        ("/recovery", "/recovery".to_owned(), "lang=pl".to_owned()),
        ("/help", "/help".to_owned(), ola.clone()),
        ("/start", "/start".to_owned(), newcomer.clone()),
        ("/spaces", "/spaces".to_owned(), ola.clone()),
        ("/spaces/{id}", s.clone(), ola.clone()),
        (
            "/spaces/{id}/invites/{invite}",
            invite_page.clone(),
            format!("{ola}; {invite_cookie}"),
        ),
        ("/spaces/{id}/leave", format!("{s}/leave"), ola.clone()),
        (
            "/spaces/{id}/promises",
            format!("{s}/promises"),
            ola.clone(),
        ),
        (
            "/spaces/{id}/promises/{promise}",
            format!("{s}/promises/{open}"),
            kuba.clone(),
        ),
        (
            "/spaces/{id}/checkins",
            format!("{s}/checkins"),
            ola.clone(),
        ),
        (
            "/spaces/{id}/checkins/{checkin}",
            format!("{s}/checkins/{checkin}"),
            ola.clone(),
        ),
        ("/spaces/{id}/repairs", format!("{s}/repairs"), ola.clone()),
        (
            "/spaces/{id}/repairs/log",
            format!("{s}/repairs/log"),
            ola.clone(),
        ),
        (
            "/spaces/{id}/repairs/{repair}",
            format!("{s}/repairs/{repair}"),
            kuba.clone(),
        ),
        ("/spaces/{id}/safety", format!("{s}/safety"), ola.clone()),
        ("/spaces/{id}/rituals", format!("{s}/rituals"), ola.clone()),
        (
            "/spaces/{id}/rituals/{ritual}",
            format!("{s}/rituals/{ritual}"),
            ola.clone(),
        ),
        (
            "/spaces/{id}/settings",
            format!("{s}/settings"),
            ola.clone(),
        ),
        ("/spaces/{id}/daily", format!("{s}/daily"), ola.clone()),
        (
            "/account/calendar",
            "/account/calendar".to_owned(),
            ola.clone(),
        ),
        (
            "/spaces/{id}/boundaries",
            format!("{s}/boundaries"),
            ola.clone(),
        ),
        (
            "/spaces/{id}/boundaries/{boundary}",
            format!("{s}/boundaries/{boundary}"),
            kuba.clone(),
        ),
        (
            "/spaces/{id}/appreciations",
            format!("{s}/appreciations"),
            ola.clone(),
        ),
        (
            "/spaces/{id}/patterns",
            format!("{s}/patterns"),
            ola.clone(),
        ),
        ("/journal", "/journal".to_owned(), ola.clone()),
        ("/journal/{entry}", format!("/journal/{entry}"), ola.clone()),
        ("/spaces/{id}/record", format!("{s}/record"), ola.clone()),
        (
            "/spaces/{id}/record/how",
            format!("{s}/record/how"),
            ola.clone(),
        ),
        ("/spaces/{id}/coach", format!("{s}/coach"), ola.clone()),
        ("/coach", "/coach".to_owned(), trainer.clone()),
        (
            "/coach/spaces/{id}",
            format!("/coach/spaces/{space}"),
            trainer.clone(),
        ),
        (
            "/coach/spaces/{id}/report",
            format!("/coach/spaces/{space}/report"),
            trainer.clone(),
        ),
        (
            "/invites/{token}",
            format!("/invites/{token}"),
            kuba.clone(),
        ),
        ("/calendar/{file}", feed_path.clone(), "lang=en".to_owned()),
    ];

    let listed: Vec<&str> = visits
        .iter()
        .map(|(route, _, _)| *route)
        .chain(NOT_VISITED.iter().map(|(route, _)| *route))
        .chain(["/coach-invites/{token}"])
        .collect();
    for route in get_routes() {
        assert!(
            listed.contains(&route.as_str()),
            "the page {route} is new: add it to this test's visits (or to NOT_VISITED, saying why)"
        );
    }

    let sentences = english_sentences();
    assert!(sentences.len() > 100, "the English messages were read");
    let mut found = foreign_words(&coach_link, &visible_text(&coach_invite_page), &sentences);
    for (_, path, cookie) in &visits {
        let (status, body) = get(&app, path, cookie).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let text = if path.ends_with(".ics") {
            // The feed: its titles and descriptions; the times are iCalendar's own.
            body.lines()
                .filter(|line| {
                    line.starts_with("SUMMARY")
                        || line.starts_with("DESCRIPTION")
                        || line.starts_with("X-WR-CALNAME")
                })
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            visible_text(&body)
        };
        found.extend(foreign_words(path, &text, &sentences));
    }
    assert!(
        found.is_empty(),
        "English on Polish pages:\n{}",
        found.join("\n")
    );
    // The check finds what it looks for: the same page in English is full of it.
    let promise_page = format!("{s}/promises/{open}");
    let english = format!("{}; lang=en", us.b.cookie);
    let (_, body) = get(&app, &promise_page, &english).await;
    let caught = foreign_words(&promise_page, &visible_text(&body), &sentences);
    assert!(caught.len() > 3, "{caught:?}");
    app.stop().await;
}

async fn get(app: &TestApp, path: &str, cookie: &str) -> (StatusCode, String) {
    let response = app.get_as(path, cookie).await;
    (response.status(), response.text().await.unwrap())
}

#[test]
fn the_router_lists_pages_the_test_can_read() {
    let routes = get_routes();
    assert!(
        routes.contains(&"/spaces/{id}/promises".to_owned()),
        "{routes:?}"
    );
    assert!(
        !routes.contains(&"/language".to_owned()),
        "a form's target only"
    );
}

#[test]
fn visible_text_keeps_words_and_labels_and_drops_markup() {
    let html = r#"<p class="x">Ala &amp; kot</p><script>var a = "2026-01-01";</script><button aria-label="Zamknij">×</button>"#;
    assert_eq!(visible_text(html), "Ala & kot Zamknij ×");
    assert_eq!(iso_date("dnia 2026-12-08 o"), Some("2026-12-08".to_owned()));
    assert_eq!(iso_date("wt., 8 grudnia"), None);
    assert_eq!(decimal_point("średnio 2.2 z 6"), Some("2.2".to_owned()));
    assert_eq!(decimal_point("dzień. 2 razy"), None);
    assert_eq!(decimal_point("http://127.0.0.1:80/x"), None);
}
