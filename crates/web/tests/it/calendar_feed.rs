//! The private calendar feed, read back by an independent parser (the `ical` crate): ritual
//! occurrences in UTC with stable UIDs, promise due times, discreet titles, new and revoked
//! addresses, and nothing of a partner's private items or of another couple.

use std::io::BufReader;

use reqwest::{Method, StatusCode, header};
use serde_json::json;

use crate::rituals::{date_night, set_zone};
use crate::support::TestApp;
use crate::support::api::answer;
use crate::support::api::call;
use crate::support::people::{Couple, PASSWORD, Person, couple};

/// One VEVENT's properties, by name.
#[derive(Debug)]
struct Event(Vec<(String, String)>);

impl Event {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The feed's events, as a parser other than the one that wrote it reads them.
fn parse(text: &str) -> Vec<Event> {
    let mut calendars = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let calendar = calendars.next().expect("one calendar").expect("it parses");
    assert!(calendars.next().is_none());
    calendar
        .events
        .into_iter()
        .map(|event| {
            Event(
                event
                    .properties
                    .into_iter()
                    .map(|p| (p.name, p.value.unwrap_or_default()))
                    .collect(),
            )
        })
        .collect()
}

/// Makes `who`'s feed over the API; the path it is served at.
async fn make_feed(app: &TestApp, who: &Person) -> String {
    let made = call(app, who, Method::POST, "/api/v1/calendar-feed", None).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let path = made.body["path"].as_str().unwrap().to_owned();
    let url = made.body["url"].as_str().unwrap();
    assert!(
        url.ends_with(&path) && url.starts_with("http://127.0.0.1:"),
        "{url}"
    );
    assert_eq!(
        made.body["discreet"], true,
        "discreet until chosen otherwise"
    );
    path
}

/// Switches `who`'s discreet titles from their signed-in session, giving the password (which
/// turning them off asks for).
async fn set_discreet(app: &TestApp, who: &Person, discreet: bool) {
    let response = app
        .api(
            Method::PUT,
            "/api/v1/calendar-feed",
            Some(json!({ "discreet": discreet, "password": PASSWORD })),
            Some(&who.cookie),
        )
        .await;
    answer(response).await.ok();
}

/// The feed, fetched as a calendar app does: no cookie, no token.
async fn fetch(app: &TestApp, path: &str) -> (StatusCode, String) {
    let response = app.get(path).await;
    let status = response.status();
    if status == StatusCode::OK {
        assert!(
            response.headers()[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/calendar")
        );
    }
    (status, response.text().await.unwrap())
}

/// A couple in Warsaw with a Friday date night and a promise from a to b due in a week.
async fn our_calendar(app: &TestApp) -> Couple {
    let us = couple(app, "alex", "sam").await;
    set_zone(app, &us.a, &us.space, "Europe/Warsaw").await;
    date_night(app, &us.b, &us.space).await;
    let promise = call(
        app,
        &us.a,
        Method::POST,
        &format!("/api/v1/spaces/{}/promises", us.space),
        Some(
            json!({ "text": "Call if I am late", "stakes": 2, "due": "2026-11-25T18:30:00+01:00" }),
        ),
    )
    .await;
    assert_eq!(promise.status, StatusCode::CREATED, "{}", promise.body);
    us
}

#[tokio::test]
async fn the_feed_holds_ritual_times_and_promise_due_times_a_parser_reads() {
    let app = TestApp::builder().start().await;
    let us = our_calendar(&app).await;
    let path = make_feed(&app, &us.a).await;
    set_discreet(&app, &us.a, false).await;
    let (status, text) = fetch(&app, &path).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let events = parse(&text);

    let rituals: Vec<&Event> = events
        .iter()
        .filter(|e| e.get("SUMMARY") == Some("Friday date night"))
        .collect();
    // Now is Wednesday 18 November 2026; eight weeks ahead reach 13 January 2027.
    let starts: Vec<&str> = rituals.iter().map(|e| e.get("DTSTART").unwrap()).collect();
    assert_eq!(starts.len(), 8, "{starts:?}");
    assert_eq!(starts[0], "20261120T180000Z", "19:00 in Warsaw, in UTC");
    assert_eq!(starts[7], "20270108T180000Z");
    assert_eq!(rituals[0].get("DTEND"), Some("20261120T193000Z"));
    assert_eq!(rituals[0].get("DESCRIPTION"), Some("Date night"));
    let uids: std::collections::BTreeSet<&str> =
        events.iter().map(|e| e.get("UID").unwrap()).collect();
    assert_eq!(uids.len(), events.len(), "every occurrence has its own UID");

    let promise = events
        .iter()
        .find(|e| e.get("UID").is_some_and(|uid| uid.starts_with("promise-")))
        .expect("the promise's due time");
    assert_eq!(
        promise.get("SUMMARY"),
        Some("Your promise is due: Call if I am late")
    );
    assert_eq!(promise.get("DTSTART"), Some("20261125T173000Z"));

    // The partner's feed names the same promise from the other side.
    let theirs = make_feed(&app, &us.b).await;
    set_discreet(&app, &us.b, false).await;
    let (_, text) = fetch(&app, &theirs).await;
    assert!(text.contains("A promise to you is due: Call if I am late"));

    // Fetched again, the same occurrences keep their UIDs.
    let (_, again) = fetch(&app, &path).await;
    let again: std::collections::BTreeSet<String> = parse(&again)
        .iter()
        .map(|e| e.get("UID").unwrap().to_owned())
        .collect();
    assert!(uids.iter().all(|uid| again.contains(*uid)));
    app.stop().await;
}

#[tokio::test]
async fn discreet_titles_say_only_plans_with_no_descriptions() {
    let app = TestApp::builder().start().await;
    let us = our_calendar(&app).await;
    let path = make_feed(&app, &us.a).await;
    let (_, text) = fetch(&app, &path).await;
    let events = parse(&text);
    assert_eq!(events.len(), 9);
    for event in &events {
        assert_eq!(event.get("SUMMARY"), Some("Plans"), "{event:?}");
        assert_eq!(event.get("DESCRIPTION"), None);
    }
    for secret in [
        "Friday date night",
        "Call if I am late",
        "Date night",
        "Steadfast",
        "promise is due",
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    let settings = call(&app, &us.a, Method::GET, "/api/v1/calendar-feed", None).await;
    assert_eq!(settings.ok()["discreet"], true);
    app.stop().await;
}

#[tokio::test]
async fn the_feed_speaks_the_language_its_owner_made_it_in_not_the_calendar_apps() {
    let app = TestApp::builder().start().await;
    let us = our_calendar(&app).await;
    // Made from a Polish page; a calendar app asks in English.
    let made = app
        .post_form_as(
            "/account/calendar",
            &[],
            &format!("{}; lang=pl", us.b.cookie),
        )
        .await;
    assert_eq!(made.status(), StatusCode::OK);
    let html = made.text().await.unwrap();
    let start = html.find("/calendar/").expect("the address is shown");
    let path = html[start..]
        .split(['"', '<', ' '])
        .next()
        .unwrap()
        .to_owned();
    set_discreet(&app, &us.b, false).await;
    let response = app
        .client
        .get(app.url(&path))
        .header(header::ACCEPT_LANGUAGE, "en-US,en;q=0.9")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let events = parse(&response.text().await.unwrap());
    let ritual = events
        .iter()
        .find(|e| e.get("SUMMARY") == Some("Friday date night"))
        .expect("the ritual");
    assert_eq!(
        ritual.get("DESCRIPTION"),
        Some("Wieczór tylko dla was"),
        "{ritual:?}"
    );
    let promise = events
        .iter()
        .find(|e| e.get("UID").is_some_and(|uid| uid.starts_with("promise-")))
        .expect("the promise's due time");
    let summary = promise.get("SUMMARY").unwrap();
    assert!(summary.ends_with("Call if I am late"), "{summary}");
    assert!(!summary.contains("A promise to you is due"), "{summary}");
    // Made anew in English, it is in English.
    let made = call(&app, &us.b, Method::POST, "/api/v1/calendar-feed", None).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let (_, text) = fetch(&app, made.body["path"].as_str().unwrap()).await;
    assert!(
        text.contains("A promise to you is due: Call if I am late"),
        "{text}"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_new_address_replaces_the_old_and_a_revoked_one_is_gone() {
    let app = TestApp::builder().start().await;
    let us = our_calendar(&app).await;
    let first = make_feed(&app, &us.a).await;
    assert_eq!(fetch(&app, &first).await.0, StatusCode::OK);
    let second = make_feed(&app, &us.a).await;
    assert_ne!(first, second);
    assert_eq!(fetch(&app, &first).await.0, StatusCode::NOT_FOUND);
    assert_eq!(fetch(&app, &second).await.0, StatusCode::OK);

    let revoked = call(&app, &us.a, Method::DELETE, "/api/v1/calendar-feed", None).await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT);
    assert_eq!(fetch(&app, &second).await.0, StatusCode::NOT_FOUND);
    call(&app, &us.a, Method::DELETE, "/api/v1/calendar-feed", None)
        .await
        .refused(StatusCode::NOT_FOUND, "no_feed");
    call(&app, &us.a, Method::GET, "/api/v1/calendar-feed", None)
        .await
        .refused(StatusCode::NOT_FOUND, "no_feed");
    call(
        &app,
        &us.a,
        Method::PUT,
        "/api/v1/calendar-feed",
        Some(json!({ "discreet": false })),
    )
    .await
    .refused(StatusCode::NOT_FOUND, "no_feed");
    for path in [
        "/calendar/nothing.ics",
        "/calendar/0000000000000000000000000000000000000000000000000000000000000000.ics",
        &second.replace(".ics", ""),
    ] {
        assert_eq!(fetch(&app, path).await.0, StatusCode::NOT_FOUND, "{path}");
    }
    let anonymous = app
        .api(Method::POST, "/api/v1/calendar-feed", None, None)
        .await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

#[tokio::test]
async fn a_feed_never_holds_a_partners_private_items_or_another_couples() {
    let app = TestApp::builder().start().await;
    let us = our_calendar(&app).await;
    let them = couple(&app, "kim", "lee").await;
    call(
        &app,
        &them.a,
        Method::POST,
        &format!("/api/v1/spaces/{}/rituals", them.space),
        Some(json!({
            "name": "Their Sunday brunch", "weekdays": ["sun"], "start": "11:00",
            "duration_minutes": 60
        })),
    )
    .await;
    call(
        &app,
        &us.b,
        Method::PUT,
        &format!("/api/v1/spaces/{}/daily", us.space),
        Some(json!({ "mood": 2, "appreciation": "private thoughts", "plan": "see a lawyer", "private": true })),
    )
    .await
    .ok();
    let path = make_feed(&app, &us.a).await;
    set_discreet(&app, &us.a, false).await;
    let (_, text) = fetch(&app, &path).await;
    for foreign in ["Their Sunday brunch", "private thoughts", "see a lawyer"] {
        assert!(!text.contains(foreign), "{foreign} leaked into the feed");
    }
    assert!(text.contains("Friday date night"));

    // Once the partner leaves, the pairing's rituals and promises leave the feed: a promise
    // still open ended with the leaving, and a ritual is time planned together from now on.
    call(
        &app,
        &us.b,
        Method::POST,
        &format!("/api/v1/spaces/{}/leave", us.space),
        None,
    )
    .await;
    let (_, text) = fetch(&app, &path).await;
    assert!(
        !text.contains("Friday date night") && !text.contains("Call if I am late"),
        "{text}"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_feed_page_shows_the_address_once_and_switches_it() {
    let app = TestApp::builder().start().await;
    let us = our_calendar(&app).await;
    let page = app.get_as("/account/calendar", &us.a.cookie).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("You have no calendar feed.")
    );
    let account = app
        .get_as("/account", &us.a.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(account.contains(r#"href="/account/calendar""#));

    let made = app
        .client
        .post(app.url("/account/calendar"))
        .header("sec-fetch-site", "same-origin")
        .header("origin", app.url(""))
        .header(header::COOKIE, &us.a.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(made.status(), StatusCode::OK);
    let html = made.text().await.unwrap();
    let start = html
        .find(&app.url("/calendar/"))
        .expect("the address is shown");
    let address = &html[start..];
    let address = &address[..address.find(".ics").unwrap() + 4];
    let path = address.trim_start_matches(&app.url(""));
    assert_eq!(fetch(&app, path).await.0, StatusCode::OK);
    let later = app
        .get_as("/account/calendar", &us.a.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(!later.contains(path), "shown once");
    assert!(later.contains("Your feed is on."));

    // Turning discreet titles off asks for the password again.
    let refused = app
        .post_form_as("/account/calendar/discreet", &[], &us.a.cookie)
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("That is not your current password.")
    );
    assert!(!fetch(&app, path).await.1.contains("Friday date night"));
    let switched = app
        .post_form_as(
            "/account/calendar/discreet",
            &[("password", PASSWORD)],
            &us.a.cookie,
        )
        .await;
    assert_eq!(switched.status(), StatusCode::SEE_OTHER);
    assert!(fetch(&app, path).await.1.contains("Friday date night"));
    let switched = app
        .post_form_as(
            "/account/calendar/discreet",
            &[("discreet", "on")],
            &us.a.cookie,
        )
        .await;
    assert_eq!(switched.status(), StatusCode::SEE_OTHER);
    assert!(!fetch(&app, path).await.1.contains("Friday date night"));

    let off = app
        .post_form_as("/account/calendar/revoke", &[], &us.a.cookie)
        .await;
    assert_eq!(off.status(), StatusCode::SEE_OTHER);
    assert_eq!(fetch(&app, path).await.0, StatusCode::NOT_FOUND);
    let help = app.get("/help").await.text().await.unwrap();
    assert!(help.contains("The calendar feed") && help.contains("only the word “Plans”"));
    app.stop().await;
}

#[tokio::test]
async fn the_feed_works_on_both_backends_and_sets_no_cookie() {
    for backend in [
        steadfast_store::Backend::Sqlite,
        steadfast_store::Backend::Postgres,
    ] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let us = our_calendar(&app).await;
        let path = make_feed(&app, &us.a).await;
        let response = app.get(&path).await;
        assert_eq!(response.status(), StatusCode::OK, "{backend:?}");
        assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
        assert!(response.headers().get(header::SET_COOKIE).is_none());
        let events = parse(&response.text().await.unwrap());
        assert_eq!(events.len(), 9, "{backend:?}");
        app.stop().await;
    }
}
