//! The JSON API as a person uses it: requests sent with their personal API token, and answers
//! read as status and JSON. The people themselves are in `people`.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::TestApp;
use super::people::Person;

pub const NO_SUCH_ID: &str = "00000000-0000-4000-8000-00000000abcd";

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
        .bearer_auth(who.token());
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
        .bearer_auth(who.token())
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
