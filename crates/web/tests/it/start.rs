//! The guided start over HTTP: a new account lands on it, starting together makes the space and
//! its invite in one step, alone makes the space, a pasted link opens the partner's invite, and
//! someone who already has a space never sees it again.

use reqwest::StatusCode;
use reqwest::header;
use serde_json::Value;

use crate::support::TestApp;
use crate::support::app::session_cookie;
use crate::support::pages::{json, location, page, post};
use crate::support::people::PASSWORD;

/// Posts the sign-up form as a person fills it, with `more` of its fields.
async fn post_sign_up(app: &TestApp, username: &str, more: &[(&str, &str)]) -> reqwest::Response {
    let mut form = vec![
        ("username", username),
        ("password", PASSWORD),
        ("email", ""),
    ];
    form.extend_from_slice(more);
    app.post_form("/sign-up", &form).await
}

/// Signs up through the page form, as a person does, and answers the session cookie and the
/// recovery codes page.
async fn sign_up_on_the_page(app: &TestApp, username: &str) -> (String, String) {
    let response = post_sign_up(app, username, &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = session_cookie(&response).expect("signed in");
    (cookie, response.text().await.unwrap())
}

async fn spaces_of(app: &TestApp, cookie: &str) -> Vec<Value> {
    let listed = json(
        app.api(reqwest::Method::GET, "/api/v1/spaces", None, Some(cookie))
            .await,
    )
    .await;
    listed["spaces"].as_array().unwrap().clone()
}

#[tokio::test]
async fn a_new_account_is_guided_to_start_together_in_one_step_and_never_twice() {
    let app = TestApp::builder().start().await;
    let (cookie, codes) = sign_up_on_the_page(&app, "new-here").await;
    // The codes page offers starting together in one tap, and the other ways a link away.
    assert!(
        codes.contains(r#"<form method="post" action="/start">"#),
        "{codes}"
    );
    assert!(codes.contains(r#"name="start" value="together""#));
    assert!(codes.contains(r#"<a href="/start">Other ways to begin</a>"#));
    let home = app.get_as("/", &cookie).await;
    assert_eq!(home.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&home), "/start");
    let (status, html) = page(&app, "/start", &cookie).await;
    assert_eq!(status, StatusCode::OK);
    for choice in [
        "Start together",
        "Start on your own for now",
        "Your partner has already started?",
    ] {
        assert!(html.contains(choice), "{choice}");
    }
    assert!(html.contains(r#"value="Our space""#), "a name is offered");

    // Together: the space, in the browser's zone, and its invite page, in one tap.
    let response = app
        .client
        .post(app.url("/start"))
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, format!("{cookie}; tz=Europe/Warsaw"))
        .form(&[("name", "Our space"), ("start", "together")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let invite_page = location(&response);
    let held = response.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let spaces = spaces_of(&app, &cookie).await;
    assert_eq!(spaces.len(), 1);
    let space = spaces[0]["id"].as_str().unwrap().to_owned();
    assert!(invite_page.starts_with(&format!("/spaces/{space}/invites/")));
    let (status, html) = page(&app, &invite_page, &format!("{cookie}; {held}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Copy the link") && html.contains("<svg"));
    let (_, space_html) = page(&app, &format!("/spaces/{space}"), &cookie).await;
    assert!(space_html.contains("follow Europe/Warsaw time"));

    // A second tap, or coming back, makes nothing more and leads to the space.
    let (status, _, to) = post(
        &app,
        "/start",
        &[("name", "Our space"), ("start", "together")],
        &cookie,
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(to.as_deref(), Some("/"));
    let again = app.get_as("/start", &cookie).await;
    assert_eq!(location(&again), "/");
    assert_eq!(spaces_of(&app, &cookie).await.len(), 1, "no second space");
    let home = app.get_as("/", &cookie).await;
    assert_eq!(location(&home), format!("/spaces/{space}"));
    app.stop().await;
}

#[tokio::test]
async fn starting_alone_makes_a_space_without_an_invite_and_a_bad_name_keeps_the_form() {
    let app = TestApp::builder().start().await;
    let (cookie, _) = sign_up_on_the_page(&app, "on-my-own").await;
    let (status, html, _) = post(
        &app,
        "/start",
        &[("name", "  "), ("start", "alone")],
        &cookie,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("There is a problem") || html.contains("form-errors"));
    assert!(html.contains(r#"id="name-error""#));
    assert!(spaces_of(&app, &cookie).await.is_empty(), "nothing made");

    let (status, _, to) = post(
        &app,
        "/start",
        &[("name", "Just me"), ("start", "maybe")],
        &cookie,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "a choice the page never offers"
    );
    assert!(to.is_none());

    let (status, _, to) = post(
        &app,
        "/start",
        &[("name", "Just me"), ("start", "alone")],
        &cookie,
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let spaces = spaces_of(&app, &cookie).await;
    assert_eq!(spaces.len(), 1);
    assert_eq!(spaces[0]["name"], "Just me");
    let space = spaces[0]["id"].as_str().unwrap();
    assert_eq!(to, Some(format!("/spaces/{space}")));
    let (_, html) = page(&app, &format!("/spaces/{space}"), &cookie).await;
    assert!(!html.contains("/revoke\""), "no invite was made");
    app.stop().await;
}

#[tokio::test]
async fn a_pasted_link_opens_the_partners_invite_and_anything_else_is_explained() {
    let app = TestApp::builder().start().await;
    let (cookie, _) = sign_up_on_the_page(&app, "joining").await;
    let token = "ab".repeat(32);
    for pasted in [
        format!("http://elsewhere.example:8787/invites/{token}"),
        format!(" /invites/{token}?x=1 "),
        token.clone(),
    ] {
        let (status, _, to) = post(&app, "/start/join", &[("link", &pasted)], &cookie).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{pasted}");
        assert_eq!(to, Some(format!("/invites/{token}")));
    }
    let (status, html, _) = post(&app, "/start/join", &[("link", "")], &cookie).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Paste the link your partner sent you"));
    let (status, html, _) = post(&app, "/start/join", &[("link", "see you at 8")], &cookie).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("This does not look like an invite link"));
    assert!(
        html.contains(r#"value="see you at 8""#),
        "what was pasted is kept"
    );

    // Signed out, there is no guided start to see or post to.
    let signed_out = app.get("/start").await;
    assert_eq!(signed_out.status(), StatusCode::SEE_OTHER);
    assert!(location(&signed_out).starts_with("/sign-in"));
    app.stop().await;
}

#[tokio::test]
async fn a_partner_signing_up_from_an_invite_joins_from_the_codes_page_and_confirms_from_the_space()
{
    let app = TestApp::builder().start().await;
    let (ola, _) = sign_up_on_the_page(&app, "ola").await;
    let (_, _, invite_page) = post(
        &app,
        "/start",
        &[("name", "Our space"), ("start", "together")],
        &ola,
    )
    .await;
    let invite_page = invite_page.unwrap();
    let invite = app
        .api(
            reqwest::Method::POST,
            &format!(
                "{}/invites",
                invite_page
                    .split("/invites/")
                    .next()
                    .unwrap()
                    .replace("/spaces", "/api/v1/spaces")
            ),
            None,
            Some(&ola),
        )
        .await;
    // The space already has an open invite from the start; the API makes a second one to follow.
    let token = json(invite).await["token"].as_str().unwrap().to_owned();

    // Tomek signs up on the way in: the codes page offers joining right there.
    let next = format!("/invites/{token}");
    let response = post_sign_up(&app, "tomek", &[("next", &next)]).await;
    let tomek = session_cookie(&response).unwrap();
    let codes = response.text().await.unwrap();
    assert!(
        codes.contains(&format!(r#"action="{next}/accept""#)),
        "{codes}"
    );
    assert!(codes.contains("My codes are saved: join the space"));
    let (status, _, to) = post(&app, &format!("{next}/accept"), &[], &tomek).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let space = to.unwrap();

    // Paired with no promise yet: the space page offers a first one, small stakes first.
    let (_, html) = page(&app, &space, &tomek).await;
    assert!(html.contains("A first promise"));
    assert!(html.contains(&format!(r#"<form method="post" action="{space}/promises""#)));
    assert!(
        html.contains(r#"name="stakes" value="1" checked"#),
        "{html}"
    );
    // Tomek promises; Ola finds it on the space page, one tap from confirming it kept.
    let promise_form = [("text", "Call at lunch"), ("stakes", "1"), ("due", "")];
    let (status, _, made) = post(&app, &format!("{space}/promises"), &promise_form, &tomek).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let promise = made.unwrap();
    let (_, html) = page(&app, &space, &ola).await;
    assert!(html.contains("Promises to you") && html.contains("Call at lunch"));
    assert!(
        html.contains(&format!(r#"action="{promise}/kept""#)),
        "{html}"
    );
    let (_, his) = page(&app, &space, &tomek).await;
    assert!(
        !his.contains(&format!(r#"action="{promise}/kept""#)),
        "never the promiser's"
    );
    let (status, _, to) = post(&app, &format!("{promise}/kept"), &[], &ola).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(to, Some(format!("{promise}?kept=1")));
    let (_, html) = page(&app, &format!("{promise}?kept=1"), &ola).await;
    assert!(html.contains("Your first promise kept, together."));
    let (_, html) = page(&app, &space, &ola).await;
    assert!(!html.contains("Promises to you"), "nothing left to confirm");
    assert!(!html.contains("A first promise"), "made already");
    app.stop().await;
}

#[tokio::test]
async fn the_sign_up_form_asks_once_how_polish_speaks_to_the_person() {
    let app = TestApp::builder().start().await;
    let form = app.get("/sign-up").await.text().await.unwrap();
    assert!(
        form.contains(r#"name="grammatical_form" value="neutral" checked"#),
        "{form}"
    );
    for (username, chosen, stored) in [
        ("ola", "feminine", "feminine"),
        ("tomek", "masculine", "masculine"),
        ("alex", "", "neutral"),
        ("sam", "something-else", "neutral"),
    ] {
        let response = post_sign_up(&app, username, &[("grammatical_form", chosen)]).await;
        assert_eq!(response.status(), StatusCode::OK, "{username}");
        let cookie = session_cookie(&response).unwrap();
        let me = json(
            app.api(reqwest::Method::GET, "/api/v1/me", None, Some(&cookie))
                .await,
        )
        .await;
        assert_eq!(me["grammatical_form"], stored, "{username}");
    }
    // A refused form keeps the choice. (A taken name is a conflict, on pages as in the API.)
    let refused = post_sign_up(&app, "ola", &[("grammatical_form", "feminine")]).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    let html = refused.text().await.unwrap();
    assert!(html.contains(r#"value="feminine" checked"#));
    app.stop().await;
}
