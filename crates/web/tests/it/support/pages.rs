//! The application as a browser without JavaScript uses it: session cookies, pages fetched and
//! forms posted, and spaces made and joined over the API with those cookies.

use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};

use super::TestApp;

/// A response's JSON body.
pub async fn json(response: reqwest::Response) -> Value {
    response.json().await.expect("a JSON body")
}

/// Where a response redirects to.
pub fn location(response: &reqwest::Response) -> String {
    response.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned()
}

/// Creates a space over the API and returns its id.
pub async fn create_space(app: &TestApp, cookie: &str, name: &str) -> String {
    let response = app
        .api(
            Method::POST,
            "/api/v1/spaces",
            Some(json!({ "name": name })),
            Some(cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    json(response).await["id"].as_str().unwrap().to_owned()
}

/// The owner of `space` invites the partner, who accepts.
pub async fn join(app: &TestApp, owner: &str, partner: &str, space: &str) {
    let invite = app
        .api(
            Method::POST,
            &format!("/api/v1/spaces/{space}/invites"),
            None,
            Some(owner),
        )
        .await;
    assert_eq!(invite.status(), StatusCode::CREATED);
    let token = json(invite).await["token"].as_str().unwrap().to_owned();
    let accepted = app
        .api(
            Method::POST,
            &format!("/api/v1/invites/{token}/accept"),
            None,
            Some(partner),
        )
        .await;
    assert_eq!(accepted.status(), StatusCode::OK);
}

/// A page as `cookie` sees it: its status and text.
pub async fn page(app: &TestApp, path: &str, cookie: &str) -> (StatusCode, String) {
    let response = app.get_as(path, cookie).await;
    (response.status(), response.text().await.unwrap())
}

/// A form post: the status, the page (if any) and where it redirects (if it does).
pub async fn post(
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
    cookie: &str,
) -> (StatusCode, String, Option<String>) {
    let response = app.post_form_as(path, form, cookie).await;
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .map(|value| value.to_str().unwrap().to_owned());
    (status, response.text().await.unwrap(), location)
}
