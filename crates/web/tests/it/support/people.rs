//! The people in tests, made one way for every file: someone who signs up (over the API, as an
//! outside client would), signs in again after the clock moved past their session, may hold a
//! personal API token, and couples sharing a space. Sign-ins that a test inspects (a refusal, a
//! device cookie) come back as the raw response.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use steadfast_core::{PersonId, SpaceId};

use super::TestApp;
use super::api::{call, solo_space};
use super::app::session_cookie;
use super::pages::{create_space, join};

pub const PASSWORD: &str = "correct horse battery staple";

/// Someone with an account: what signing up gave them, and an API token if they asked for one.
pub struct Person {
    pub name: String,
    pub id: PersonId,
    /// The session cookie (`name=value`) signing up started.
    pub cookie: String,
    pub recovery_codes: Vec<String>,
    /// A personal API token, made by [`person`]; [`sign_up`] makes none, so tests that count
    /// or list tokens see only their own.
    pub token: Option<String>,
}

impl Person {
    /// The API token: requests go with it because tests move the clock, and a session ends
    /// after half an hour without activity.
    #[track_caller]
    pub fn token(&self) -> &str {
        self.token
            .as_deref()
            .expect("a person with an API token: made by `person` or `couple`")
    }
}

/// Two partners sharing a space.
pub struct Couple {
    pub a: Person,
    pub b: Person,
    pub space: String,
}

impl Couple {
    pub fn space_id(&self) -> SpaceId {
        self.space.parse().expect("a space id")
    }
}

/// Signs `name` up over the API with [`PASSWORD`].
pub async fn sign_up(app: &TestApp, name: &str) -> Person {
    sign_up_as(app, name, PASSWORD, None).await
}

/// Signs `name` up over the API with [`PASSWORD`] and, when given, an email address for
/// reminders.
pub async fn sign_up_with_email(app: &TestApp, name: &str, email: Option<&str>) -> Person {
    sign_up_as(app, name, PASSWORD, email).await
}

/// Signs `name` up over the API with `password` (and `email`, when given), asserting it works.
pub async fn sign_up_as(app: &TestApp, name: &str, password: &str, email: Option<&str>) -> Person {
    let mut body = json!({ "username": name, "password": password });
    if let Some(email) = email {
        body["email"] = json!(email);
    }
    let response = app
        .api(Method::POST, "/api/v1/accounts", Some(body), None)
        .await;
    assert_eq!(response.status(), StatusCode::CREATED, "sign-up of {name}");
    let cookie = session_cookie(&response).expect("a session cookie");
    let created: Value = response.json().await.expect("a JSON body");
    Person {
        name: name.to_owned(),
        id: created["id"]
            .as_str()
            .expect("an id")
            .parse()
            .expect("a person id"),
        cookie,
        recovery_codes: created["recovery_codes"]
            .as_array()
            .expect("recovery codes")
            .iter()
            .map(|code| code.as_str().expect("a code").to_owned())
            .collect(),
        token: None,
    }
}

/// A sign-up attempt over the API, answered as it comes: for tests of refusals.
pub async fn try_sign_up(app: &TestApp, name: &str, password: &str) -> reqwest::Response {
    app.api(
        Method::POST,
        "/api/v1/accounts",
        Some(json!({ "username": name, "password": password })),
        None,
    )
    .await
}

/// Signs `name` up and gives them a personal API token.
pub async fn person(app: &TestApp, name: &str) -> Person {
    let mut person = sign_up(app, name).await;
    let response = app
        .api(
            Method::POST,
            "/api/v1/tokens",
            Some(json!({ "label": "tests", "password": PASSWORD })),
            Some(&person.cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let body: Value = response.json().await.expect("a JSON body");
    person.token = Some(body["token"].as_str().expect("a token").to_owned());
    person
}

/// A fresh session for `name` with [`PASSWORD`]: after the clock moves, an old one has timed
/// out; or a second one, as from another device. Its cookie.
pub async fn sign_in(app: &TestApp, name: &str) -> String {
    sign_in_with(app, name, PASSWORD).await
}

/// A fresh session for `name` with `password`, asserting it works; its cookie.
pub async fn sign_in_with(app: &TestApp, name: &str, password: &str) -> String {
    let response = try_sign_in(app, name, password).await;
    assert_eq!(response.status(), StatusCode::CREATED, "sign-in of {name}");
    session_cookie(&response).expect("signed in")
}

/// A sign-in attempt over the API, answered as it comes: for tests of refusals.
pub async fn try_sign_in(app: &TestApp, name: &str, password: &str) -> reqwest::Response {
    try_sign_in_on_device(app, name, password, None).await
}

/// A sign-in attempt from a device that sends `device` (its device cookie, `name=value`) or
/// none: lockouts tell a known device from a new one by it.
pub async fn try_sign_in_on_device(
    app: &TestApp,
    name: &str,
    password: &str,
    device: Option<&str>,
) -> reqwest::Response {
    app.api(
        Method::POST,
        "/api/v1/sessions",
        Some(json!({ "username": name, "password": password })),
        device,
    )
    .await
}

/// `a` makes a space "Ours" and invites `b`, who accepts; both hold API tokens.
pub async fn couple(app: &TestApp, a: &str, b: &str) -> Couple {
    let a = person(app, a).await;
    let space = solo_space(app, &a).await;
    let b = person(app, b).await;
    let invite = call(
        app,
        &a,
        Method::POST,
        &format!("/api/v1/spaces/{space}/invites"),
        None,
    )
    .await;
    let token = invite.created()["token"]
        .as_str()
        .expect("a token")
        .to_owned();
    call(
        app,
        &b,
        Method::POST,
        &format!("/api/v1/invites/{token}/accept"),
        None,
    )
    .await
    .ok();
    Couple { a, b, space }
}

/// Signs up `a` and `b` (no API tokens: pages need none); `a` makes the space `space_name` and
/// `b` joins it, all with their session cookies.
pub async fn couple_without_tokens(app: &TestApp, a: &str, b: &str, space_name: &str) -> Couple {
    let a = sign_up(app, a).await;
    let b = sign_up(app, b).await;
    let space = create_space(app, &a.cookie, space_name).await;
    join(app, &a.cookie, &b.cookie, &space).await;
    Couple { a, b, space }
}

/// A coach's session cookie and account id.
pub struct Coach {
    pub cookie: String,
    pub id: String,
}

/// `by` makes a coach invite for the space; the link's path.
pub async fn coach_invite(app: &TestApp, by: &Person, space: &str) -> String {
    let made = call(
        app,
        by,
        Method::POST,
        &format!("/api/v1/spaces/{space}/coach/invites"),
        None,
    )
    .await;
    made.created()["path"].as_str().expect("a path").to_owned()
}

/// Signs a coach up through the invite link's form; their cookie.
pub async fn sign_up_coach(app: &TestApp, link: &str, name: &str) -> String {
    let response = app
        .post_form(
            &format!("{link}/sign-up"),
            &[("username", name), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = session_cookie(&response).expect("signed in");
    let html = response.text().await.expect("a page");
    // The recovery codes page, continuing to the coached space.
    assert!(html.contains("/coach/spaces/"), "{html}");
    cookie
}
