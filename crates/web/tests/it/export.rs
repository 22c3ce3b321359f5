//! A person's export over HTTP, from the API and from the account page: their account without a
//! secret, their spaces and what they may see in them, never a partner's private item.

use reqwest::header;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use steadfast_app::clock::Clock;
use steadfast_core::{EventId, EventKind, NewEvent, PersonId, SpaceId, StreamId, Visibility};
use steadfast_store::Backend;

use crate::support::TestApp;
use crate::support::app::test_clock;
use crate::support::pages::json;
use crate::support::people::{
    Couple, PASSWORD, couple_without_tokens, sign_up, sign_up_with_email,
};

/// Writes one event straight into the log, at the end of `stream`. `marker` is in its payload
/// and nowhere else, so a search of an export's text finds exactly this event.
async fn write(
    app: &TestApp,
    stream: StreamId,
    author: PersonId,
    visibility: Visibility,
    marker: &str,
) {
    write_at(app, stream, author, visibility, marker, test_clock().now()).await;
}

async fn write_at(
    app: &TestApp,
    stream: StreamId,
    author: PersonId,
    visibility: Visibility,
    marker: &str,
    at: steadfast_core::Timestamp,
) {
    let head = app.store.head(stream).await.unwrap();
    let event = NewEvent {
        id: EventId::from_uuid(uuid::Uuid::new_v4()),
        author,
        at,
        kind: EventKind::new("note.written").unwrap(),
        visibility,
        payload: json!({ "text": marker }),
    };
    app.store.append(stream, head, vec![event]).await.unwrap();
}

/// The export over the API with a session cookie: its text, after checking how it is served.
async fn export_text(app: &TestApp, cookie: &str) -> String {
    let response = app
        .api(Method::GET, "/api/v1/export", None, Some(cookie))
        .await;
    assert_served_as_a_file(&response);
    response.text().await.unwrap()
}

fn assert_served_as_a_file(response: &reqwest::Response) {
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers();
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    assert_eq!(
        headers[header::CONTENT_DISPOSITION],
        r#"attachment; filename="steadfast-export.json""#
    );
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("the export is JSON")
}

/// The export's entry for `space`.
fn space_in(export: &Value, space: SpaceId) -> Value {
    export["spaces"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["id"] == space.to_string())
        .cloned()
        .unwrap_or_else(|| panic!("no entry for the space in {export:#}"))
}

/// The payload markers of a list of exported events, in order.
fn markers(events: &Value) -> Vec<String> {
    events
        .as_array()
        .unwrap()
        .iter()
        .map(|event| event["payload"]["text"].as_str().unwrap().to_owned())
        .collect()
}

/// Two partners' events: in the space, two each (one private, one shared), and one private in
/// each person's own stream.
async fn write_both_partners_items(app: &TestApp, pair: &Couple) {
    let space = StreamId::Space(pair.space_id());
    let (a, b) = (pair.a.id, pair.b.id);
    write(app, space, a, Visibility::Shared, "a-shared-marker").await;
    write(app, space, b, Visibility::Private, "b-private-marker").await;
    write(app, space, b, Visibility::Shared, "b-shared-marker").await;
    write(app, space, a, Visibility::Private, "a-private-marker").await;
    write(
        app,
        StreamId::Person(b),
        b,
        Visibility::Private,
        "b-journal-marker",
    )
    .await;
    write(
        app,
        StreamId::Person(a),
        a,
        Visibility::Private,
        "a-journal-marker",
    )
    .await;
}

#[tokio::test]
async fn the_export_holds_the_persons_account_but_no_password_hash_session_or_token_secret() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let person = sign_up_with_email(&app, "keeps-records", Some("me@example.org")).await;
        let response = app
            .api(
                Method::POST,
                "/api/v1/tokens",
                Some(json!({ "label": "backup script", "password": PASSWORD })),
                Some(&person.cookie),
            )
            .await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let token = json(response).await["token"].as_str().unwrap().to_owned();

        let text = export_text(&app, &person.cookie).await;
        let export = parse(&text);
        assert_eq!(export["format"], "steadfast-export/1", "{backend:?}");
        assert_eq!(export["exported_at"], "2026-11-18T11:06:40.000Z");
        assert_eq!(
            export["account"],
            json!({
                "username": "keeps-records",
                "email": "me@example.org",
                "created_at": "2026-11-18T11:06:40.000Z",
            })
        );
        assert_eq!(
            export["tokens"],
            json!([{
                "label": "backup script",
                "created_at": "2026-11-18T11:06:40.000Z",
                "last_used_at": null,
            }])
        );
        assert_eq!(export["spaces"], json!([]));
        assert_eq!(export["personal_events"], json!([]));

        // Every secret the store holds for this person, and every one they were given.
        let account = app.store.account(person.id).await.unwrap().unwrap();
        let mut secrets = vec![
            account.password_hash.clone(),
            PASSWORD.to_owned(),
            token.clone(),
            person
                .cookie
                .split_once('=')
                .map(|(_, value)| value.to_owned())
                .unwrap(),
        ];
        secrets.extend(person.recovery_codes.iter().cloned());
        for session in app.store.sessions_of(person.id).await.unwrap() {
            secrets.push(session.id_hash);
        }
        for record in app.store.api_tokens_of(person.id).await.unwrap() {
            secrets.push(record.token_hash);
        }
        assert!(secrets.len() >= 5 + person.recovery_codes.len());
        let hits: Vec<&String> = secrets
            .iter()
            .filter(|secret| text.contains(secret.as_str()))
            .collect();
        assert!(hits.is_empty(), "the export holds secrets: {hits:?}");
        for word in ["argon2", "hash", "session", "recovery"] {
            assert!(!text.contains(word), "the export mentions {word:?}");
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn a_partners_private_items_never_reach_the_export_and_their_shared_ones_do() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let pair =
            couple_without_tokens(&app, "export-alex", "export-blake", "Alex and Blake").await;
        write_both_partners_items(&app, &pair).await;

        let text = export_text(&app, &pair.a.cookie).await;
        for private in ["b-private-marker", "b-journal-marker"] {
            assert_eq!(text.matches(private).count(), 0, "{backend:?} {private}");
        }
        let export = parse(&text);
        let space = space_in(&export, pair.space_id());
        assert_eq!(space["name"], "Alex and Blake");
        assert_eq!(space["current"], true);
        assert_eq!(space["partner"], "export-blake");
        assert_eq!(space["pairing_ended"], false);
        assert_eq!(space["stays"].as_array().unwrap().len(), 1);
        assert!(space["stays"][0]["left_at"].is_null());
        // Exactly what the rule allows: their own two and the partner's shared one, in order.
        assert_eq!(
            markers(&space["events"]),
            ["a-shared-marker", "b-shared-marker", "a-private-marker"]
        );
        let authors: Vec<&str> = space["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|event| event["author"].as_str().unwrap())
            .collect();
        assert_eq!(authors, ["you", "partner", "you"]);
        assert_eq!(space["events"][2]["visibility"], "private");
        assert_eq!(space["events"][2]["kind"], "note.written");
        assert_eq!(markers(&export["personal_events"]), ["a-journal-marker"]);
        // No place in the stream, whose gaps would count the hidden items; no person's id.
        assert!(!text.contains("\"seq\""), "{text}");
        for id in [pair.a.id, pair.b.id] {
            assert!(!text.contains(&id.to_string()));
        }

        // The same from the other side.
        let text = export_text(&app, &pair.b.cookie).await;
        for private in ["a-private-marker", "a-journal-marker"] {
            assert_eq!(text.matches(private).count(), 0, "{backend:?} {private}");
        }
        let export = parse(&text);
        let space = space_in(&export, pair.space_id());
        assert_eq!(space["partner"], "export-alex");
        assert_eq!(
            markers(&space["events"]),
            ["a-shared-marker", "b-private-marker", "b-shared-marker"]
        );
        assert_eq!(markers(&export["personal_events"]), ["b-journal-marker"]);
        app.stop().await;
    }
}

#[tokio::test]
async fn after_the_partner_leaves_the_one_who_stays_keeps_what_was_shared_and_the_leaver_only_their_own()
 {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let pair =
            couple_without_tokens(&app, "stays-avery", "leaves-blair", "Avery and Blair").await;
        write_both_partners_items(&app, &pair).await;
        let before = parse(&export_text(&app, &pair.a.cookie).await);
        assert_eq!(
            space_in(&before, pair.space_id())["events"]
                .as_array()
                .unwrap()
                .len(),
            3
        );

        let response = app
            .api(
                Method::POST,
                &format!("/api/v1/spaces/{}/leave", pair.space),
                None,
                Some(&pair.b.cookie),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);

        // The one left behind: their own items, that the pairing ended, and what Blair shared
        // with them, from a former partner; nothing private of Blair's.
        let text = export_text(&app, &pair.a.cookie).await;
        for gone in ["b-private-marker", "b-journal-marker"] {
            assert!(!text.contains(gone), "{backend:?} {gone}");
        }
        assert!(
            !text.contains("leaves-blair"),
            "the ex-partner's name stays out"
        );
        let export = parse(&text);
        let space = space_in(&export, pair.space_id());
        assert_eq!(space["current"], true);
        assert!(space["partner"].is_null());
        assert_eq!(space["pairing_ended"], true);
        let mut kept = markers(&space["events"]);
        kept.sort();
        assert_eq!(
            kept,
            ["a-private-marker", "a-shared-marker", "b-shared-marker"]
        );
        let from_blair = space["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["payload"]["text"] == "b-shared-marker")
            .unwrap();
        assert_eq!(from_blair["author"], "former_partner");
        assert_eq!(markers(&export["personal_events"]), ["a-journal-marker"]);

        // The leaver keeps what they wrote there, and nothing of Avery.
        let text = export_text(&app, &pair.b.cookie).await;
        for gone in ["a-shared-marker", "a-private-marker", "a-journal-marker"] {
            assert!(!text.contains(gone), "{backend:?} {gone}");
        }
        assert!(!text.contains("stays-avery"));
        let export = parse(&text);
        let space = space_in(&export, pair.space_id());
        assert_eq!(space["name"], "Avery and Blair");
        assert_eq!(space["current"], false);
        assert!(space["partner"].is_null());
        assert_eq!(space["pairing_ended"], false);
        let stays = space["stays"].as_array().unwrap();
        assert_eq!(stays.len(), 1);
        assert!(stays[0]["left_at"].is_string());
        assert_eq!(
            markers(&space["events"]),
            ["b-private-marker", "b-shared-marker"]
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn someone_who_joins_later_never_sees_what_was_shared_with_the_partner_before() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let pair = couple_without_tokens(&app, "stays-avery", "before-blair", "Avery's place").await;
    let (space, avery) = (pair.space_id(), pair.a.id);
    let stream = StreamId::Space(space);
    let shared = Visibility::Shared;
    clock.advance_millis(1_000);
    write_at(
        &app,
        stream,
        avery,
        shared,
        "shared-with-blair",
        clock.now(),
    )
    .await;
    clock.advance_millis(1_000);
    let response = app
        .api(
            Method::POST,
            &format!("/api/v1/spaces/{space}/leave"),
            None,
            Some(&pair.b.cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    clock.advance_millis(1_000);
    write_at(&app, stream, avery, shared, "shared-alone", clock.now()).await;
    clock.advance_millis(1_000);
    let casey = sign_up(&app, "later-casey").await;
    let response = app
        .api(
            Method::POST,
            &format!("/api/v1/spaces/{space}/invites"),
            None,
            Some(&pair.a.cookie),
        )
        .await;
    let token = json(response).await["token"].as_str().unwrap().to_owned();
    let response = app
        .api(
            Method::POST,
            &format!("/api/v1/invites/{token}/accept"),
            None,
            Some(&casey.cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    clock.advance_millis(1_000);
    write_at(
        &app,
        stream,
        avery,
        shared,
        "shared-with-casey",
        clock.now(),
    )
    .await;

    let text = export_text(&app, &casey.cookie).await;
    assert!(!text.contains("shared-with-blair"), "{text}");
    let export = parse(&text);
    assert_eq!(
        markers(&space_in(&export, space)["events"]),
        ["shared-alone", "shared-with-casey"]
    );
    // Avery, who wrote all three, keeps all three.
    let export = parse(&export_text(&app, &pair.a.cookie).await);
    assert_eq!(
        markers(&space_in(&export, space)["events"]),
        ["shared-with-blair", "shared-alone", "shared-with-casey"]
    );
    app.stop().await;
}

#[tokio::test]
async fn someone_outside_the_couple_exports_nothing_of_the_couple() {
    let app = TestApp::builder().start().await;
    let pair =
        couple_without_tokens(&app, "inside-alex", "inside-blake", "Our hidden garden").await;
    write_both_partners_items(&app, &pair).await;
    let outsider = sign_up(&app, "outside-casey").await;
    let response = app
        .api(
            Method::POST,
            "/api/v1/spaces",
            Some(json!({ "name": "Casey alone" })),
            Some(&outsider.cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);

    let text = export_text(&app, &outsider.cookie).await;
    for secret in [
        "marker",
        "inside-alex",
        "inside-blake",
        "Our hidden garden",
        &pair.space.to_string(),
    ] {
        assert!(
            !text.contains(secret),
            "the outsider's export holds {secret:?}"
        );
    }
    let export = parse(&text);
    let spaces = export["spaces"].as_array().unwrap();
    assert_eq!(spaces.len(), 1);
    assert_eq!(spaces[0]["name"], "Casey alone");
    assert_eq!(spaces[0]["events"], json!([]));
    assert_eq!(export["personal_events"], json!([]));
    app.stop().await;
}

#[tokio::test]
async fn the_download_page_needs_a_session_and_gives_the_same_document() {
    let app = TestApp::builder().start().await;
    let person = sign_up(&app, "page-downloader").await;
    let response = app
        .api(
            Method::POST,
            "/api/v1/tokens",
            Some(json!({ "password": PASSWORD })),
            Some(&person.cookie),
        )
        .await;
    let token = json(response).await["token"].as_str().unwrap().to_owned();

    // Signed out, or with a bearer token: sent to sign in, and back here after.
    let signed_out = app.get("/account/export").await;
    let with_token = app
        .client
        .get(app.url("/account/export"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    for response in [signed_out, with_token] {
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            response.headers()[header::LOCATION],
            "/sign-in?next=/account/export"
        );
        assert!(
            response
                .headers()
                .get(header::CONTENT_DISPOSITION)
                .is_none()
        );
    }

    let html = app
        .get_as("/account", &person.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Download my data"), "{html}");
    assert!(html.contains(r#"href="/account/export""#));

    let response = app.get_as("/account/export", &person.cookie).await;
    assert_served_as_a_file(&response);
    assert!(
        response.headers().get(header::SET_COOKIE).is_none(),
        "a download changes nothing"
    );
    let from_page = parse(&response.text().await.unwrap());
    let from_api = parse(&export_text(&app, &person.cookie).await);
    assert_eq!(from_page, from_api);
    assert_eq!(from_page["account"]["username"], "page-downloader");
    app.stop().await;
}

#[tokio::test]
async fn an_api_token_can_export_through_the_api() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let pair = couple_without_tokens(&app, "token-alex", "token-blake", "Tokens and us").await;
        write_both_partners_items(&app, &pair).await;
        let response = app
            .api(
                Method::POST,
                "/api/v1/tokens",
                Some(
                    json!({ "label": "my exporter", "password": crate::support::people::PASSWORD }),
                ),
                Some(&pair.a.cookie),
            )
            .await;
        let token = json(response).await["token"].as_str().unwrap().to_owned();

        let response = app
            .client
            .get(app.url("/api/v1/export"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_served_as_a_file(&response);
        let text = response.text().await.unwrap();
        assert!(!text.contains(&token));
        assert!(!text.contains("b-private-marker"));
        let export = parse(&text);
        assert_eq!(export["account"]["username"], "token-alex", "{backend:?}");
        assert_eq!(export["tokens"][0]["label"], "my exporter");
        assert_eq!(
            markers(&space_in(&export, pair.space_id())["events"]),
            ["a-shared-marker", "b-shared-marker", "a-private-marker"]
        );

        // Without any credential: the API's JSON refusal.
        let response = app.api(Method::GET, "/api/v1/export", None, None).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(json(response).await["error"], "sign_in_needed");
        app.stop().await;
    }
}

#[tokio::test]
async fn the_export_is_in_the_api_document() {
    let app = TestApp::builder().start().await;
    let document: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let operation = &document["paths"]["/api/v1/export"]["get"];
    assert!(
        operation["summary"]
            .as_str()
            .is_some_and(|text| !text.is_empty()),
        "{operation:#}"
    );
    assert!(
        operation["description"]
            .as_str()
            .is_some_and(|text| text.contains("steadfast-export/1")),
        "{operation:#}"
    );
    let schema = &document["components"]["schemas"]["Export"]["properties"];
    for field in [
        "format",
        "exported_at",
        "account",
        "tokens",
        "spaces",
        "personal_events",
    ] {
        assert!(schema[field].is_object(), "{field} is not described");
    }
    assert_eq!(
        operation["security"],
        json!([{ "session": [] }, { "token": [] }])
    );
    app.stop().await;
}
