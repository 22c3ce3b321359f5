//! The JSON API as a person uses it: someone with a session cookie and a personal API token,
//! requests sent with that token, answers read as status and JSON, and a couple sharing a space.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::TestApp;

pub const PASSWORD: &str = "correct horse battery staple";
pub const NO_SUCH_ID: &str = "00000000-0000-4000-8000-00000000abcd";

/// Someone with an account, a session cookie and a personal API token. Requests go with the
/// token: tests move the clock, and a session ends after half an hour without activity.
pub struct Person {
    pub name: String,
    pub cookie: String,
    pub token: String,
}

/// Two partners sharing a space.
pub struct Couple {
    pub a: Person,
    pub b: Person,
    pub space: String,
}

/// A JSON answer.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub body: Value,
}

impl Answer {
    /// Asserts a refusal: its status, its stable code, and words for a person.
    #[track_caller]
    pub fn refused(&self, status: StatusCode, code: &str) {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(self.body["error"], code, "{}", self.body);
        assert!(
            self.body["message"]
                .as_str()
                .is_some_and(|message| !message.is_empty()),
            "no message: {}",
            self.body
        );
    }

    #[track_caller]
    pub fn ok(&self) -> &Value {
        assert_eq!(self.status, StatusCode::OK, "{}", self.body);
        &self.body
    }

    #[track_caller]
    pub fn created(&self) -> &Value {
        assert_eq!(self.status, StatusCode::CREATED, "{}", self.body);
        &self.body
    }

    /// Asserts 201 Created; the new thing's id.
    #[track_caller]
    pub fn created_id(&self) -> String {
        self.created()["id"].as_str().unwrap().to_owned()
    }
}

/// Signs `name` up and gives them a personal API token.
pub async fn person(app: &TestApp, name: &str) -> Person {
    let cookie = app.sign_up(name, PASSWORD).await;
    let response = app
        .api(
            Method::POST,
            "/api/v1/tokens",
            Some(json!({ "label": "tests", "password": PASSWORD })),
            Some(&cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let body: Value = response.json().await.unwrap();
    Person {
        name: name.to_owned(),
        cookie,
        token: body["token"].as_str().unwrap().to_owned(),
    }
}

/// A request with `who`'s token.
pub async fn call(
    app: &TestApp,
    who: &Person,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> Answer {
    let mut request = app
        .client
        .request(method, app.url(path))
        .bearer_auth(&who.token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    answer(request.send().await.unwrap()).await
}

/// A response read as status and JSON (null when there is no JSON body).
pub async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status();
    let body = response.json().await.unwrap_or(Value::Null);
    Answer { status, body }
}

/// `who`'s export of everything they may read, by their token.
pub async fn export(app: &TestApp, who: &Person) -> String {
    let response = app
        .client
        .get(app.url("/api/v1/export"))
        .bearer_auth(&who.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.unwrap()
}

/// A new space "Ours" of `who`'s alone; its id.
pub async fn solo_space(app: &TestApp, who: &Person) -> String {
    call(
        app,
        who,
        Method::POST,
        "/api/v1/spaces",
        Some(json!({ "name": "Ours" })),
    )
    .await
    .created_id()
}

/// `a` makes a space and invites `b`, who accepts.
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
    let token = invite.created()["token"].as_str().unwrap().to_owned();
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
