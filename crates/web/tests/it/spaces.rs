//! Spaces and pairing over HTTP, as pages and as the JSON API: solo mode, invites (single use,
//! 72 hours, revocable, indistinguishable refusals), at most two partners, leaving alone and at
//! once, and isolation between couples.

use std::fmt::Write as _;

use reqwest::header::{self, HeaderMap};
use reqwest::{Method, StatusCode};
use serde_json::json;
use steadfast_core::SpaceId;
use steadfast_store::Backend;

use crate::support::TestApp;
use crate::support::app::{session_cookie, test_clock};
use crate::support::pages::{create_space, json, location, page};
use crate::support::people::{PASSWORD, couple_without_tokens, sign_in};

const HOUR_MS: i64 = 60 * 60 * 1000;

fn space_id(text: &str) -> SpaceId {
    text.parse().expect("a space id")
}

/// Creates an invite over the API and returns its token and id.
async fn invite(app: &TestApp, cookie: &str, space: &str) -> (String, String) {
    let response = app
        .api(
            Method::POST,
            &format!("/api/v1/spaces/{space}/invites"),
            None,
            Some(cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let body = json(response).await;
    (
        body["token"].as_str().unwrap().to_owned(),
        body["id"].as_str().unwrap().to_owned(),
    )
}

async fn accept(app: &TestApp, cookie: &str, token: &str) -> reqwest::Response {
    app.api(
        Method::POST,
        &format!("/api/v1/invites/{token}/accept"),
        None,
        Some(cookie),
    )
    .await
}

async fn get_space(app: &TestApp, cookie: &str, space: &str) -> reqwest::Response {
    app.api(
        Method::GET,
        &format!("/api/v1/spaces/{space}"),
        None,
        Some(cookie),
    )
    .await
}

/// The members of a space as its API shows them to `cookie`: `(username, you)`, by name.
async fn members(app: &TestApp, cookie: &str, space: &str) -> Vec<(String, bool)> {
    let response = get_space(app, cookie, space).await;
    assert_eq!(response.status(), StatusCode::OK);
    let mut members: Vec<(String, bool)> = json(response).await["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["username"].as_str().unwrap().to_owned(),
                m["you"].as_bool().unwrap(),
            )
        })
        .collect();
    members.sort();
    members
}

/// The invite token in the link a page shows.
fn token_in(html: &str) -> String {
    let start = html.find("/invites/").expect("an invite link") + "/invites/".len();
    let token: String = html[start..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(token.len(), 64, "a 256-bit token");
    token
}

#[tokio::test]
async fn a_person_creates_a_space_on_the_page_and_uses_it_alone() {
    let app = TestApp::builder().start().await;
    let cookie = app.sign_up("solo-starter", PASSWORD).await;

    let (status, html) = page(&app, "/spaces", &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("You have no space yet"));
    assert!(html.contains(r#"href="/spaces""#), "the nav links here");

    let response = app
        .post_form_as("/spaces", &[("name", "  Our quiet place ")], &cookie)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let path = location(&response);
    let id = path.strip_prefix("/spaces/").unwrap();
    space_id(id);

    let (status, html) = page(&app, &path, &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h1>Our quiet place</h1>"), "{html}");
    assert!(html.contains("Waiting for your partner"));
    assert!(html.contains(&format!(r#"action="/spaces/{id}/invites""#)));
    assert!(html.contains(&format!(r#"href="/spaces/{id}/leave""#)));
    assert!(!html.contains("pairing in this space has ended"));

    let (_, list) = page(&app, "/spaces", &cookie).await;
    assert!(list.contains(&format!(r#"<a href="/spaces/{id}">Our quiet place</a>"#)));
    assert!(!list.contains("You left"));

    // The same space over the API, with its one member.
    assert_eq!(
        members(&app, &cookie, id).await,
        [("solo-starter".to_owned(), true)]
    );
    let listed = json(
        app.api(Method::GET, "/api/v1/spaces", None, Some(&cookie))
            .await,
    )
    .await;
    assert_eq!(
        listed,
        json!({ "spaces": [{ "id": id, "name": "Our quiet place", "current": true }] })
    );
    app.stop().await;
}

#[tokio::test]
async fn a_space_created_over_the_api_answers_with_its_id() {
    let app = TestApp::builder().start().await;
    let cookie = app.sign_up("api-starter", PASSWORD).await;
    let response = app
        .api(
            Method::POST,
            "/api/v1/spaces",
            Some(json!({ "name": "Nasz dom 🏡" })),
            Some(&cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let body = json(response).await;
    let id = body["id"].as_str().unwrap();
    space_id(id);
    let space = json(get_space(&app, &cookie, id).await).await;
    assert_eq!(
        space,
        json!({
            "id": id,
            "name": "Nasz dom 🏡",
            "members": [{ "username": "api-starter", "you": true }],
        })
    );
    // Without a session there is nothing to create or read.
    let response = app
        .api(
            Method::POST,
            "/api/v1/spaces",
            Some(json!({ "name": "x" })),
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

#[tokio::test]
async fn an_invited_partner_accepts_on_the_pages_and_both_see_the_space_with_both_names() {
    let app = TestApp::builder().start().await;
    let alex = app.sign_up("alex-here", PASSWORD).await;
    let sam = app.sign_up("sam-there", PASSWORD).await;
    let response = app
        .post_form_as("/spaces", &[("name", "Alex and Sam")], &alex)
        .await;
    let path = location(&response);
    let id = path.strip_prefix("/spaces/").unwrap().to_owned();

    // The link is shown on the invite's page, on this device only (its token rides in a
    // cookie for that page alone).
    let response = app
        .post_form_as(&format!("{path}/invites"), &[], &alex)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let held = response.headers()[header::SET_COOKIE].to_str().unwrap();
    let held = held.split(';').next().unwrap().to_owned();
    let (status, html) = page(&app, &location(&response), &format!("{alex}; {held}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("The link stays on this device for an hour"));
    let token = token_in(&html);
    assert!(
        html.contains(&format!("://{}/invites/{token}", app.address)),
        "a whole link to send: {html}"
    );
    let stored = app.store.invites_of_space(space_id(&id)).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0].token_hash, token, "only a hash is stored");
    assert!(
        stored[0].expires_at.as_millis() - stored[0].created_at.as_millis() == 72 * HOUR_MS,
        "72 hours"
    );

    // The inviter sees the open invite, but never its link again.
    let (_, html) = page(&app, &path, &alex).await;
    assert!(html.contains("Invitations not used yet"));
    assert!(html.contains("ends in 72 hours"));
    assert!(!html.contains(&token));

    // The invitee sees the space's name and a button; looking changes nothing.
    for _ in 0..2 {
        let (status, html) = page(&app, &format!("/invites/{token}"), &sam).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("You are invited to share the space “Alex and Sam”"));
        assert!(html.contains(&format!(r#"action="/invites/{token}/accept""#)));
    }
    let response = app
        .post_form_as(&format!("/invites/{token}/accept"), &[], &sam)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), path);

    let (_, alex_page) = page(&app, &path, &alex).await;
    assert!(alex_page.contains("You share this space with sam-there."));
    assert!(!alex_page.contains("Waiting for your partner"));
    assert!(
        !alex_page.contains("Invite your partner"),
        "a full space offers no invite"
    );
    assert!(!alex_page.contains("Invitations not used yet"));
    let (_, sam_page) = page(&app, &path, &sam).await;
    assert!(sam_page.contains("You share this space with alex-here."));
    assert!(sam_page.contains("<h1>Alex and Sam</h1>"));

    assert_eq!(
        members(&app, &alex, &id).await,
        [
            ("alex-here".to_owned(), true),
            ("sam-there".to_owned(), false)
        ]
    );
    assert_eq!(
        members(&app, &sam, &id).await,
        [
            ("alex-here".to_owned(), false),
            ("sam-there".to_owned(), true)
        ]
    );

    // Opening the link again takes the partner to the space.
    let response = app.get_as(&format!("/invites/{token}"), &sam).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), path);
    app.stop().await;
}

#[tokio::test]
async fn a_signed_out_invitee_is_sent_to_sign_in_or_sign_up_and_back() {
    let app = TestApp::builder().start().await;
    let alex = app.sign_up("inviting-one", PASSWORD).await;
    let space = create_space(&app, &alex, "A very private name").await;
    let (token, _) = invite(&app, &alex, &space).await;
    let invite_path = format!("/invites/{token}");

    let response = app.get(&invite_path).await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(
        !html.contains("A very private name"),
        "nothing of the space before signing in"
    );
    assert!(html.contains(&format!(r#"href="/sign-in?next={invite_path}""#)));
    assert!(html.contains(&format!(r#"href="/sign-up?next={invite_path}""#)));

    // Signing in comes back to the invite.
    app.sign_up("has-an-account", PASSWORD).await;
    let sign_in = app.get(&format!("/sign-in?next={invite_path}")).await;
    let html = sign_in.text().await.unwrap();
    assert!(html.contains(&format!(r#"name="next" value="{invite_path}""#)));
    assert!(
        html.contains(&format!(r#"href="/sign-up?next=/invites/{token}""#)),
        "the way to sign up keeps the invite: {html}"
    );
    let response = app
        .post_form(
            "/sign-in",
            &[
                ("username", "has-an-account"),
                ("password", PASSWORD),
                ("next", &invite_path),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), invite_path);

    // Signing up does too, after the recovery codes.
    let form = app
        .get(&format!("/sign-up?next={invite_path}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(form.contains(&format!(r#"name="next" value="{invite_path}""#)));
    let response = app
        .post_form(
            "/sign-up",
            &[
                ("username", "brand-new-one"),
                ("password", PASSWORD),
                ("email", ""),
                ("next", &invite_path),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = session_cookie(&response).unwrap();
    let html = response.text().await.unwrap();
    assert!(html.contains(&format!(r#"href="{invite_path}""#)));
    let (status, html) = page(&app, &invite_path, &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("A very private name"));

    // A form sent after the session ended goes to sign in, and back to the invite.
    let response = app.post_form(&format!("{invite_path}/accept"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("/sign-in?next={invite_path}"));
    app.stop().await;
}

#[tokio::test]
async fn an_invite_link_works_once() {
    let app = TestApp::builder().start().await;
    let alex = app.sign_up("once-inviter", PASSWORD).await;
    let sam = app.sign_up("once-partner", PASSWORD).await;
    let other = app.sign_up("once-latecomer", PASSWORD).await;
    let space = create_space(&app, &alex, "Once").await;
    let (token, _) = invite(&app, &alex, &space).await;

    let response = accept(&app, &sam, &token).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(json(response).await, json!({ "space": space }));

    // Whoever tries it next — even after the partner left again — is refused.
    app.api(
        Method::POST,
        &format!("/api/v1/spaces/{space}/leave"),
        None,
        Some(&sam),
    )
    .await;
    let response = accept(&app, &other, &token).await;
    assert_eq!(response.status(), StatusCode::GONE);
    let body = json(response).await;
    assert_eq!(body["error"], "invite_invalid");
    assert_eq!(body["message"], "This invitation is no longer valid.");
    let (status, html) = page(&app, &format!("/invites/{token}"), &other).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(html.contains("This invitation is no longer valid."));
    assert!(!html.contains("Once"), "nothing about the space");
    let response = accept(&app, &sam, &token).await;
    assert_eq!(
        response.status(),
        StatusCode::GONE,
        "not even its first user"
    );
    assert_eq!(
        members(&app, &alex, &space).await,
        [("once-inviter".to_owned(), true)]
    );
    app.stop().await;
}

#[tokio::test]
async fn an_invite_expires_after_72_hours() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let alex = app.sign_up("patient-one", PASSWORD).await;
    app.sign_up("just-in-time", PASSWORD).await;
    app.sign_up("a-bit-late", PASSWORD).await;
    let first = create_space(&app, &alex, "First").await;
    let second = create_space(&app, &alex, "Second").await;
    let (early, _) = invite(&app, &alex, &first).await;
    let (late, _) = invite(&app, &alex, &second).await;

    // Sessions do not last that long; the invitees sign in again.
    clock.advance_millis(72 * HOUR_MS - 1);
    let on_time = sign_in(&app, "just-in-time").await;
    let response = accept(&app, &on_time, &early).await;
    assert_eq!(response.status(), StatusCode::OK, "a millisecond to spare");

    clock.advance_millis(1);
    let too_late = sign_in(&app, "a-bit-late").await;
    let (status, html) = page(&app, &format!("/invites/{late}"), &too_late).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(html.contains("This invitation is no longer valid."));
    let response = accept(&app, &too_late, &late).await;
    assert_eq!(response.status(), StatusCode::GONE, "at exactly 72 hours");
    assert_eq!(json(response).await["error"], "invite_invalid");
    let alex = sign_in(&app, "patient-one").await;
    assert_eq!(
        members(&app, &alex, &second).await,
        [("patient-one".to_owned(), true)]
    );
    app.stop().await;
}

#[tokio::test]
async fn revoked_and_expired_invites_are_refused_in_the_same_words() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let alex = app.sign_up("changing-mind", PASSWORD).await;
    app.sign_up("invited-twice", PASSWORD).await;
    let revoked_space = create_space(&app, &alex, "Revoked").await;
    let expired_space = create_space(&app, &alex, "Expired").await;
    let (revoked, revoked_id) = invite(&app, &alex, &revoked_space).await;
    let (expired, _) = invite(&app, &alex, &expired_space).await;
    // One withdrawn on the page, where it is listed with its button.
    let (_, html) = page(&app, &format!("/spaces/{revoked_space}"), &alex).await;
    let action = format!("/spaces/{revoked_space}/invites/{revoked_id}/revoke");
    assert!(html.contains(&format!(r#"action="{action}""#)));
    let response = app.post_form_as(&action, &[], &alex).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = page(&app, &format!("/spaces/{revoked_space}"), &alex).await;
    assert!(!html.contains(&revoked_id), "no longer listed");

    clock.advance_millis(72 * HOUR_MS);
    let cookie = sign_in(&app, "invited-twice").await;
    let mut pages = Vec::new();
    let mut bodies = Vec::new();
    for token in [&revoked, &expired] {
        let (status, html) = page(&app, &format!("/invites/{token}"), &cookie).await;
        assert_eq!(status, StatusCode::GONE);
        pages.push(html.replace(token.as_str(), "TOKEN"));
        let response = accept(&app, &cookie, token).await;
        assert_eq!(response.status(), StatusCode::GONE);
        assert!(response.headers().get(header::RETRY_AFTER).is_none());
        bodies.push(response.text().await.unwrap());
        let response = app
            .post_form_as(&format!("/invites/{token}/accept"), &[], &cookie)
            .await;
        assert_eq!(response.status(), StatusCode::GONE);
        pages.push(
            response
                .text()
                .await
                .unwrap()
                .replace(token.as_str(), "TOKEN"),
        );
    }
    assert!(pages[0].contains("This invitation is no longer valid."));
    assert_eq!(pages[0], pages[2], "the page tells revoked from expired");
    assert_eq!(pages[1], pages[3], "the page tells revoked from expired");
    assert_eq!(bodies[0], bodies[1], "the API tells revoked from expired");

    // A token nobody issued reads the same, with 404.
    let unknown = "ab".repeat(32);
    let (status, html) = page(&app, &format!("/invites/{unknown}"), &cookie).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(html.replace(&unknown, "TOKEN"), pages[0]);
    let response = accept(&app, &cookie, &unknown).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(response.text().await.unwrap(), bodies[0]);
    let response = accept(&app, &cookie, "not-a-token").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn an_invite_is_revoked_over_the_api_and_a_used_one_cannot_be() {
    let app = TestApp::builder().start().await;
    let alex = app.sign_up("api-reviser", PASSWORD).await;
    let sam = app.sign_up("api-joiner", PASSWORD).await;
    let space = create_space(&app, &alex, "Revisions").await;
    let (withdrawn, withdrawn_id) = invite(&app, &alex, &space).await;
    let (used, used_id) = invite(&app, &alex, &space).await;
    let delete = |id: String| {
        let (app, alex, space) = (&app, &alex, &space);
        async move {
            app.api(
                Method::DELETE,
                &format!("/api/v1/spaces/{space}/invites/{id}"),
                None,
                Some(alex),
            )
            .await
        }
    };
    assert_eq!(
        delete(withdrawn_id.clone()).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        delete(withdrawn_id).await.status(),
        StatusCode::NO_CONTENT,
        "withdrawing twice changes nothing"
    );
    assert_eq!(
        accept(&app, &sam, &withdrawn).await.status(),
        StatusCode::GONE
    );
    assert_eq!(accept(&app, &sam, &used).await.status(), StatusCode::OK);
    let response = delete(used_id).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(json(response).await["error"], "invite_used");
    assert_eq!(
        delete("no-such-invite".to_owned()).await.status(),
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}

#[tokio::test]
async fn a_third_person_cannot_join_a_full_space() {
    let app = TestApp::builder().start().await;
    let alex = app.sign_up("full-inviter", PASSWORD).await;
    let sam = app.sign_up("full-partner", PASSWORD).await;
    let third = app.sign_up("full-third", PASSWORD).await;
    let space = create_space(&app, &alex, "Two of us").await;
    let (first, _) = invite(&app, &alex, &space).await;
    let (spare, _) = invite(&app, &alex, &space).await;
    assert_eq!(accept(&app, &sam, &first).await.status(), StatusCode::OK);

    let response = accept(&app, &third, &spare).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(json(response).await["error"], "space_full");
    let (status, html) = page(&app, &format!("/invites/{spare}"), &third).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("This space already has two partners"));
    assert!(!html.contains("Two of us"));

    // A full space issues no more invites either.
    let response = app
        .api(
            Method::POST,
            &format!("/api/v1/spaces/{space}/invites"),
            None,
            Some(&alex),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(json(response).await["error"], "space_full");
    // A form from a page opened before the partner joined goes back to the space.
    let response = app
        .post_form_as(&format!("/spaces/{space}/invites"), &[], &alex)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("/spaces/{space}"));
    assert_eq!(members(&app, &alex, &space).await.len(), 2);
    // The partner accepting again is told they are in already.
    let response = accept(&app, &sam, &first).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(json(response).await["error"], "already_member");
    app.stop().await;
}

#[tokio::test]
async fn a_space_has_at_most_two_partners_even_when_two_invites_are_accepted_at_once() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let alex = app.sign_up("race-host", PASSWORD).await;
        let sam = app.sign_up("race-first", PASSWORD).await;
        let kim = app.sign_up("race-second", PASSWORD).await;
        for round in 0..3 {
            let space = create_space(&app, &alex, &format!("Race {round}")).await;
            let (one, _) = invite(&app, &alex, &space).await;
            let (two, _) = invite(&app, &alex, &space).await;
            let (a, b) = tokio::join!(accept(&app, &sam, &one), accept(&app, &kim, &two));
            let mut statuses = [a.status(), b.status()];
            statuses.sort();
            assert_eq!(
                statuses,
                [StatusCode::OK, StatusCode::CONFLICT],
                "{backend:?} round {round}"
            );
            assert_eq!(members(&app, &alex, &space).await.len(), 2);
            let stored = app.store.space(space_id(&space)).await.unwrap().unwrap();
            assert_eq!(stored.member_count, 2);
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn leaving_is_immediate_and_the_partner_learns_only_that_the_pairing_ended() {
    let app = TestApp::builder().start().await;
    let pair = couple_without_tokens(&app, "staying-one", "leaving-one", "Was ours").await;
    let path = format!("/spaces/{}", pair.space);

    // A confirmation first; looking at it changes nothing.
    let (status, html) = page(&app, &format!("{path}/leave"), &pair.b.cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Leave this space?"));
    assert!(html.contains(&format!(r#"action="{path}/leave""#)));
    assert_eq!(members(&app, &pair.a.cookie, &pair.space).await.len(), 2);

    let response = app
        .post_form_as(&format!("{path}/leave"), &[], &pair.b.cookie)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), path);

    // The leaver: a read-only page that the pairing ended, nothing of the partner.
    let (status, html) = page(&app, &path, &pair.b.cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("The pairing has ended"));
    assert!(!html.contains("staying-one"));
    assert!(!html.contains("<form method=\"post\" action=\"/spaces/"));
    let (_, list) = page(&app, "/spaces", &pair.b.cookie).await;
    assert!(list.contains("You left"));
    assert_eq!(
        get_space(&app, &pair.b.cookie, &pair.space).await.status(),
        StatusCode::NOT_FOUND
    );
    let listed = json(
        app.api(Method::GET, "/api/v1/spaces", None, Some(&pair.b.cookie))
            .await,
    )
    .await;
    assert_eq!(listed["spaces"][0]["current"], false);
    for (method, route) in [
        ("GET", format!("{path}/leave")),
        ("POST", format!("{path}/leave")),
        ("POST", format!("{path}/invites")),
    ] {
        let response = if method == "GET" {
            app.get_as(&route, &pair.b.cookie).await
        } else {
            app.post_form_as(&route, &[], &pair.b.cookie).await
        };
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{method} {route}");
    }

    // The one who stayed: solo mode, told the pairing ended, nothing about the leaver.
    let (_, html) = page(&app, &path, &pair.a.cookie).await;
    assert!(html.contains("The pairing in this space has ended"));
    assert!(html.contains("Waiting for your partner"));
    assert!(
        html.contains("Invite your partner"),
        "they may invite again"
    );
    assert!(!html.contains("leaving-one"));
    assert_eq!(
        members(&app, &pair.a.cookie, &pair.space).await,
        [("staying-one".to_owned(), true)]
    );
    let body = get_space(&app, &pair.a.cookie, &pair.space)
        .await
        .text()
        .await
        .unwrap();
    assert!(!body.contains("leaving-one"), "{body}");
    app.stop().await;
}

#[tokio::test]
async fn leaving_over_the_api_takes_the_leavers_open_invites_with_them() {
    let app = TestApp::builder().start().await;
    let pair = couple_without_tokens(&app, "api-stayer", "api-leaver", "Short").await;
    let newcomer = app.sign_up("api-newcomer", PASSWORD).await;
    // The partner leaves; the one who stayed invites someone new, then leaves too.
    let response = app
        .api(
            Method::POST,
            &format!("/api/v1/spaces/{}/leave", pair.space),
            None,
            Some(&pair.b.cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(json(response).await, json!({ "left": true }));
    let (token, _) = invite(&app, &pair.a.cookie, &pair.space).await;
    let response = app
        .api(
            Method::POST,
            &format!("/api/v1/spaces/{}/leave", pair.space),
            None,
            Some(&pair.a.cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = accept(&app, &newcomer, &token).await;
    assert_eq!(
        response.status(),
        StatusCode::GONE,
        "no way in is left behind"
    );
    let invites = app
        .store
        .invites_of_space(space_id(&pair.space))
        .await
        .unwrap();
    assert!(
        invites
            .iter()
            .all(|i| i.accepted_at.is_some() || i.revoked_at.is_some()),
        "{invites:?}"
    );
    let response = app
        .api(
            Method::POST,
            &format!("/api/v1/spaces/{}/leave", pair.space),
            None,
            Some(&pair.a.cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "gone already");
    app.stop().await;
}

/// Everything C and D (another couple) could try on A and B's space, pages and API. `{space}`
/// and `{invite}` are filled with ids of the other couple; `{token}` with an invite id as if it
/// were a link's token.
const ISOLATION_ROUTES: &[(&str, &str)] = &[
    ("GET", "/spaces/{space}"),
    ("GET", "/spaces/{space}/leave"),
    ("POST", "/spaces/{space}/leave"),
    ("POST", "/spaces/{space}/invites"),
    ("POST", "/spaces/{space}/invites/{invite}/revoke"),
    ("GET", "/invites/{token}"),
    ("POST", "/invites/{token}/accept"),
    ("GET", "/api/v1/spaces/{space}"),
    ("POST", "/api/v1/spaces/{space}/leave"),
    ("POST", "/api/v1/spaces/{space}/invites"),
    ("DELETE", "/api/v1/spaces/{space}/invites/{invite}"),
    ("POST", "/api/v1/invites/{token}/accept"),
];

async fn call(
    app: &TestApp,
    method: &str,
    path: &str,
    cookie: &str,
) -> (StatusCode, HeaderMap, String) {
    let method = Method::from_bytes(method.as_bytes()).unwrap();
    let response = if path.starts_with("/api/") {
        app.api(method, path, None, Some(cookie)).await
    } else if method == Method::GET {
        app.get_as(path, cookie).await
    } else {
        app.post_form_as(path, &[], cookie).await
    };
    let (status, headers) = (response.status(), response.headers().clone());
    (status, headers, response.text().await.unwrap())
}

/// What a couple's space looks like in the store, for "nothing changed".
async fn snapshot(app: &TestApp, space: &str) -> String {
    let id = space_id(space);
    format!(
        "{:?} {:?} {:?}",
        app.store.space(id).await.unwrap(),
        app.store.members(id).await.unwrap(),
        app.store.invites_of_space(id).await.unwrap()
    )
}

#[tokio::test]
async fn another_couple_gets_404_for_every_space_route_and_changes_nothing() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    // Each couple's first partner keeps an open invite made before the space filled up.
    let a = app.sign_up("couple-a-alex", PASSWORD).await;
    let b = app.sign_up("couple-a-blake", PASSWORD).await;
    let a_space = create_space(&app, &a, "A and B secret garden").await;
    let (_, a_spare) = invite(&app, &a, &a_space).await;
    let (a_token, _) = invite(&app, &a, &a_space).await;
    assert_eq!(accept(&app, &b, &a_token).await.status(), StatusCode::OK);
    let c = app.sign_up("couple-c-casey", PASSWORD).await;
    let d = app.sign_up("couple-c-drew", PASSWORD).await;
    let c_space = create_space(&app, &c, "C and D").await;
    let (_, c_spare) = invite(&app, &c, &c_space).await;
    let (c_token, _) = invite(&app, &c, &c_space).await;
    assert_eq!(accept(&app, &d, &c_token).await.status(), StatusCode::OK);

    let before = (
        snapshot(&app, &a_space).await,
        snapshot(&app, &c_space).await,
    );
    let secrets = [
        a_space.as_str(),
        a_spare.as_str(),
        "A and B secret garden",
        "couple-a-alex",
        "couple-a-blake",
    ];
    // The other couple's ids in every slot they fit, and an id no space ever had to compare with.
    let nobody = uuid_like(7);
    let mut attempts = Vec::new();
    for (method, route) in ISOLATION_ROUTES {
        let fill = |space: &str, invite: &str| {
            route
                .replace("{space}", space)
                .replace("{invite}", invite)
                .replace("{token}", invite)
        };
        let mut cases = vec![
            (fill(&a_space, &a_spare), fill(&nobody, &uuid_like(8))),
            (fill(&a_space, &c_spare), fill(&nobody, &c_spare)),
        ];
        if route.contains("{invite}") {
            cases.push((fill(&c_space, &a_spare), fill(&c_space, &uuid_like(8))));
        }
        for (path, baseline) in cases {
            attempts.push((*method, path, baseline));
        }
    }

    let mut leaks = 0;
    let mut report = String::new();
    for cookie in [&c, &d] {
        for (method, path, baseline) in &attempts {
            if path.ends_with("/accept") {
                // Keep under the limit on invite acceptance, which is not what this tests.
                clock.advance_millis(60_000);
            }
            let (status, headers, body) = call(&app, method, path, cookie).await;
            let (base_status, _, base_body) = call(&app, method, baseline, cookie).await;
            let mut problems = Vec::new();
            if status != StatusCode::NOT_FOUND {
                problems.push(format!("status {status}"));
            }
            if status != base_status {
                problems.push(format!("{status} where an unknown id gets {base_status}"));
            }
            // The same answer as for ids that do not exist (the page names its own path in the
            // language switch; that is the request, not a leak).
            if body.replace(path.as_str(), "PATH") != base_body.replace(baseline.as_str(), "PATH") {
                problems.push("a body unlike the unknown id's".to_owned());
            }
            for secret in secrets {
                if body.contains(secret) && !path.contains(secret) {
                    problems.push(format!("mentions {secret:?}"));
                }
            }
            if headers.contains_key(header::SET_COOKIE) || headers.contains_key(header::LOCATION) {
                problems.push("sets a cookie or redirects".to_owned());
            }
            if !problems.is_empty() {
                leaks += 1;
                let _ = writeln!(report, "{method} {path}: {}", problems.join(", "));
            }
        }
    }
    assert!(attempts.len() >= 2 * ISOLATION_ROUTES.len());
    assert_eq!(leaks, 0, "leaks:\n{report}");

    // Nothing changed for either couple, and A and B still share their space.
    let after = (
        snapshot(&app, &a_space).await,
        snapshot(&app, &c_space).await,
    );
    assert_eq!(before, after);
    assert_eq!(members(&app, &a, &a_space).await.len(), 2);
    assert_eq!(members(&app, &b, &a_space).await.len(), 2);
    // C and D's own lists hold only their space.
    for cookie in [&c, &d] {
        let listed = app
            .api(Method::GET, "/api/v1/spaces", None, Some(cookie))
            .await
            .text()
            .await
            .unwrap();
        assert!(!listed.contains(&a_space) && listed.contains(&c_space));
    }
    app.stop().await;
}

fn uuid_like(n: u8) -> String {
    format!("00000000-0000-4000-8000-0000000000{n:02}")
}

#[tokio::test]
async fn a_flood_of_invite_acceptances_gets_429_with_retry_after() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let cookie = app.sign_up("eager-guesser", PASSWORD).await;
    let mut statuses = Vec::new();
    for n in 0..14_u8 {
        let guess = format!("{n:02x}").repeat(32);
        let response = accept(&app, &cookie, &guess).await;
        statuses.push(response.status());
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            let retry_after: u64 = response.headers()[header::RETRY_AFTER]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            assert!((1..=30).contains(&retry_after), "{retry_after}");
            assert_eq!(json(response).await["error"], "too_many_requests");
        }
    }
    assert_eq!(&statuses[..10], &[StatusCode::NOT_FOUND; 10]);
    assert!(
        statuses[10..]
            .iter()
            .all(|status| *status == StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    // The page's form is the same door, and answers with a page.
    let response = app
        .post_form_as(
            &format!("/invites/{}/accept", "ee".repeat(32)),
            &[],
            &cookie,
        )
        .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key(header::RETRY_AFTER));
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Please wait a moment")
    );

    // Half a minute later one more try is allowed.
    clock.advance_millis(30_000);
    let response = accept(&app, &cookie, &"ff".repeat(32)).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn a_bad_space_name_comes_back_in_the_form_or_as_422_never_a_500() {
    let app = TestApp::builder().start().await;
    let cookie = app.sign_up("name-tester", PASSWORD).await;
    let too_long = "ż".repeat(81);
    for (typed, message) in [
        ("", "Please give the space a name."),
        ("   ", "Please give the space a name."),
        (too_long.as_str(), "at most 80 characters"),
        ("us\u{202e}owt", "invisible or control characters"),
    ] {
        let response = app
            .post_form_as("/spaces", &[("name", typed)], &cookie)
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{typed:?}"
        );
        let html = response.text().await.unwrap();
        assert!(html.contains(message), "{typed:?}: {html}");
        assert!(
            html.contains(&format!(r#"value="{typed}""#)),
            "the typed name is kept: {typed:?}"
        );
        assert!(html.contains(r#"aria-invalid="true""#));

        let response = app
            .api(
                Method::POST,
                "/api/v1/spaces",
                Some(json!({ "name": typed })),
                Some(&cookie),
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{typed:?}"
        );
        let body = json(response).await;
        assert_eq!(body["error"], "name_invalid");
        assert!(body["message"].as_str().unwrap().contains(message));
    }
    // A form without the field, a body of the wrong shape: clear refusals all the same.
    let response = app.post_form_as("/spaces", &[], &cookie).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    for body in [json!({}), json!({ "name": 5 }), json!([1])] {
        let response = app
            .api(Method::POST, "/api/v1/spaces", Some(body), Some(&cookie))
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(json(response).await["error"], "invalid_body");
    }
    // Nothing was created.
    let listed = json(
        app.api(Method::GET, "/api/v1/spaces", None, Some(&cookie))
            .await,
    )
    .await;
    assert_eq!(listed, json!({ "spaces": [] }));
    app.stop().await;
}

#[tokio::test]
async fn pairing_works_the_same_on_both_backends() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let pair = couple_without_tokens(&app, "backend-one", "backend-two", "Both").await;
        assert_eq!(
            members(&app, &pair.b.cookie, &pair.space).await,
            [
                ("backend-one".to_owned(), false),
                ("backend-two".to_owned(), true)
            ],
            "{backend:?}"
        );
        let response = app
            .api(
                Method::POST,
                &format!("/api/v1/spaces/{}/leave", pair.space),
                None,
                Some(&pair.a.cookie),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            get_space(&app, &pair.a.cookie, &pair.space).await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            members(&app, &pair.b.cookie, &pair.space).await,
            [("backend-two".to_owned(), true)]
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_new_space_keeps_its_creators_time_and_puts_the_invite_first() {
    let app = TestApp::builder().start().await;
    let cookie = app.sign_up("warsaw-starter", PASSWORD).await;
    // The browser reports its zone in the `tz` cookie; the new space takes it.
    let response = app
        .client
        .post(app.url("/spaces"))
        .header(header::COOKIE, format!("{cookie}; tz=Europe/Warsaw"))
        .form(&[("name", "Nasz dom")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let path = location(&response);
    let (_, html) = page(&app, &path, &cookie).await;
    assert!(
        html.contains("Days, rituals and reminders here follow Europe/Warsaw time."),
        "{html}"
    );
    assert!(html.contains(&format!(r#"href="{path}/settings">Change it</a>"#)));
    let invite = html.find("/invites\"").expect("the invite form");
    let links = html.find(r#"class="space-links""#).unwrap();
    assert!(invite < links, "inviting comes before everything else");

    // Over the API the zone is named; a name that is no zone is refused and nothing is made.
    let made = app
        .api(
            Method::POST,
            "/api/v1/spaces",
            Some(json!({ "name": "Tokyo", "time_zone": "Asia/Tokyo" })),
            Some(&cookie),
        )
        .await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let id = json(made).await["id"].as_str().unwrap().to_owned();
    let (_, html) = page(&app, &format!("/spaces/{id}"), &cookie).await;
    assert!(html.contains("follow Asia/Tokyo time"));
    let refused = app
        .api(
            Method::POST,
            "/api/v1/spaces",
            Some(json!({ "name": "Nowhere", "time_zone": "Europe/Atlantis" })),
            Some(&cookie),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(refused).await["error"], "time_zone_invalid");
    let listed = json(
        app.api(Method::GET, "/api/v1/spaces", None, Some(&cookie))
            .await,
    )
    .await;
    assert_eq!(listed["spaces"].as_array().unwrap().len(), 2, "{listed}");

    // Without a zone from the browser, the space says it keeps UTC and offers to set one.
    let plain = app
        .post_form_as("/spaces", &[("name", "Plain")], &cookie)
        .await;
    let (_, html) = page(&app, &location(&plain), &cookie).await;
    assert!(html.contains("follow UTC time"));
    assert!(html.contains("Set your time zone"));
    app.stop().await;
}

#[tokio::test]
async fn an_invite_page_shows_the_same_link_on_reload_with_a_qr_code_and_only_on_its_device() {
    let app = TestApp::builder().start().await;
    let cookie = app.sign_up("inviter", PASSWORD).await;
    let space = create_space(&app, &cookie, "Our place").await;
    let made = app
        .post_form_as(&format!("/spaces/{space}/invites"), &[], &cookie)
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let invite_page = location(&made);
    assert!(invite_page.starts_with(&format!("/spaces/{space}/invites/")));
    let set = made.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(set.contains(&format!("Path={invite_page}")), "{set}");
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Strict") && set.contains("Max-Age=3600")
    );
    let held = set.split(';').next().unwrap().to_owned();

    let with_token = |cookie: &str| format!("{cookie}; {held}");
    let mut links = Vec::new();
    for _ in 0..2 {
        let (status, html) = page(&app, &invite_page, &with_token(&cookie)).await;
        assert_eq!(status, StatusCode::OK);
        let start = html.find("/invites/").unwrap();
        let token: String = html[start + 9..].chars().take(64).collect();
        assert!(token.chars().all(|c| c.is_ascii_hexdigit()), "{token}");
        assert!(html.contains("<svg"), "a QR code drawn on the server");
        assert!(html.contains("Copy the link"));
        links.push(token);
    }
    assert_eq!(links[0], links[1], "a reload shows the same link");
    let (_, space_html) = page(&app, &format!("/spaces/{space}"), &cookie).await;
    assert_eq!(
        space_html.matches("/revoke\"").count(),
        1,
        "one open invite, however often the page was loaded"
    );

    // Another device of the same person has no token: nothing to show, nothing made.
    let (status, html) = page(&app, &invite_page, &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("This link cannot be shown again"));
    assert!(!html.contains(&links[0]));

    // Someone outside the space, even holding the cookie, gets the page of no space.
    let stranger = app.sign_up("stranger", PASSWORD).await;
    let (status, html) = page(&app, &invite_page, &with_token(&stranger)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!html.contains(&links[0]));

    // Once used, the link is gone from the page too.
    let partner = app.sign_up("partner", PASSWORD).await;
    accept(&app, &partner, &links[0]).await;
    let (_, html) = page(&app, &invite_page, &with_token(&cookie)).await;
    assert!(html.contains("This link cannot be shown again"));
    app.stop().await;
}
